"""The screening part of the questionnaire and its provisional verdict.

Which questions screen is data (``questionnaires/order.yaml``): the facts that can decide the
tier on their own. The verdict shown after them is the scorer's result on the answers so far;
this module only picks what to show from it: the likely tier, the discrediting grounds that
hold, and the items that already fail, each labelled with its number in each standard.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text

from aeo_check.catalogue.vocab import ENTERPRISE_TYPES, SPECIFIC_TYPES
from aeo_check.files.quickyaml import read
from aeo_check.views.values import item_label
from aeo_check.words.i18n import group

if TYPE_CHECKING:  # pragma: no cover - annotations only
    from aeo_check.catalogue.compiled import Catalogue
    from aeo_check.catalogue.models import Question
    from aeo_check.scoring.result import Result

ORDER_FILE = "order.yaml"


class OrderError(ValueError):
    """``questionnaires/order.yaml`` names an unknown question or screens too many."""


def screening_ids(cat: Catalogue) -> list[str]:
    """The screening questions in the order asked (read and checked once per catalogue)."""
    if "screening" not in cat.cache:
        path = cat.root / ORDER_FILE
        data = read(path.read_text(encoding="utf-8"))
        ids, limit = list(data["screening"]), int(data["screening_limit"])
        unknown = [q for q in ids if q not in cat.questions]
        if unknown:
            raise OrderError(f"{path}: screening: unknown question ids {', '.join(unknown)}")
        if len(set(ids)) != len(ids):
            raise OrderError(f"{path}: screening: a question is listed twice")
        most = max(len([q for q in ids if _in_profile(cat.questions[q], etype, SPECIFIC_TYPES)])
                   for etype in ENTERPRISE_TYPES)
        if most > limit:
            raise OrderError(f"{path}: screening asks {most} questions of one profile, more than {limit}")
        cat.cache["screening"] = ids
    return cat.cache["screening"]


def _in_profile(q: Question, etype: str, specific: object) -> bool:
    return etype in q.applies_to and (q.specific is None or q.specific in specific)


def blockers(res: Result, lang: str) -> list[str]:
    """What already stands in the way: discrediting grounds that hold, then the items that fail,
    one line per item with its number in every standard it fails in."""
    w = group("session", lang)
    lines = [f"{w['verdict_trigger']}: {tr.title[lang]}" for tr in res.triggers]
    labels: dict[str, list[str]] = {}
    titles: dict[str, str] = {}
    for sid, sr in res.standards.items():
        for r in sr.items:
            if r.rating == "fail":
                labels.setdefault(r.id, []).append(item_label(sid, r.official_no, lang))
                titles.setdefault(r.id, r.item.title_for(sid).get(lang))
    lines += [f"{'/'.join(labels[i])} {titles[i]}" for i in labels]
    return lines


def verdict_lines(cat: Catalogue, res: Result, asked: int, rest: int, lang: str) -> list[Text]:
    """The provisional verdict after the screening part."""
    w = group("session", lang)
    tier = Text(w["verdict_tier"].format(n=asked), style="bold")
    tier.append(f" {cat.label('tiers', res.tier).get(lang)} ", style="bold reverse")
    out = [tier]
    if res.floor_tier != res.tier:
        out.append(Text(w["verdict_floor"].format(tier=cat.label("tiers", res.floor_tier).get(lang)),
                        style="magenta"))
    found = blockers(res, lang)
    if found:
        out.append(Text(w["verdict_blockers"], style="bold"))
        out += [Text(f"  · {line}", style="red") for line in found]
    else:
        out.append(Text(w["verdict_no_blockers"], style="green"))
    out.append(Text(w["verdict_rest"].format(n=rest)))
    return out
