"""The result at the end of ``assess``: one screen (under 40 rows of an 80-column terminal).

Verdict, both standards' scores, the next step with its date (from the dated plan), the top
blockers by name, and the commands that show the rest. It only presents a result and its plan;
it never scores or plans.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.console import Console, Group
from rich.panel import Panel
from rich.text import Text

from aeo_check.catalogue.compiled import Catalogue
from aeo_check.files.safetext import inert
from aeo_check.views.values import item_label
from aeo_check.words.i18n import group, t

if TYPE_CHECKING:  # pragma: no cover
    from aeo_check.document.build import Document
    from aeo_check.scoring.result import StandardResult

TOP_BLOCKERS = 5
_STYLE = {"advanced": "green4", "certified": "dark_cyan", "regular": "grey70", "discredited": "red3",
          "seriously_discredited": "dark_red"}


def screen_lines(cat: Catalogue, doc: Document, lang: str) -> list[Text]:
    """The result screen's lines, every figure read from the assessment document: the verdict and
    scores, the next step, and the blockers of the tier the plan recommends."""
    rec = doc.facts.recommended
    out = _verdict_lines(cat, doc, lang)
    out.append(Text(""))
    step = Text(group("session", lang)["next_step"] + t("punct.colon", lang), style="bold")
    step.append(doc.plan_data["next_step"][lang], style="")
    out.append(step)
    if rec is not None and rec.apply_on:
        out.append(Text("  " + t("target_apply", lang, tier=cat.label("tiers", rec.tier).get(lang), apply=rec.apply_on,
                                 decision=rec.decision_by or "?", latest=rec.decision_latest or "?")))
    path = doc.result.paths.get(rec.tier) if rec is not None else None
    if path is not None and path.standard is not None:
        out += _blocker_lines(doc.result.standards[path.standard], lang)
    return out


def _verdict_lines(cat: Catalogue, doc: Document, lang: str) -> list[Text]:
    """The enterprise, its likely tier (and why it is provisional), each standard's score."""
    res, w = doc.result, group("session", lang)
    out = [Text(inert(res.enterprise["name"]), style="bold")]
    verdict = Text(w["result_verdict"].format(tier=""), style="bold")
    verdict.append(f" {cat.label('tiers', res.tier).get(lang)} ", style=f"bold white on {_STYLE[res.tier]}")
    out.append(verdict)
    if res.provisional:
        counts = t("answer_counts", lang, **doc.facts.counts._asdict())
        out.append(Text(w["result_provisional"].format(counts=counts), style="magenta"))
    for sid, sr in res.standards.items():
        mark = t("passed", lang) if sr.passed else t("not_passed", lang)
        out.append(Text(w["result_scores"].format(standard=t(sid, lang), score=sr.score, threshold=sr.threshold,
                                                  verdict=mark), style="green" if sr.passed else "red"))
    return out


def _blocker_lines(sr: StandardResult, lang: str) -> list[Text]:
    """The first :data:`TOP_BLOCKERS` items of the standard that fail or are unanswered."""
    blockers = [g for g in sr.gaps if g.result.rating in ("fail", "unanswered")]
    if not blockers:
        return []
    w = group("session", lang)
    out = [Text(""), Text(w["top_blockers"].format(standard=t(sr.id, lang)), style="bold")]
    for g in blockers[:TOP_BLOCKERS]:
        r = g.result
        state = w["blocker_unanswered"] if r.rating == "unanswered" else w["blocker_fail"]
        line = Text(f"  {item_label(sr.id, r.official_no, lang)} ")
        line.append(r.item.title_for(sr.id).get(lang))
        line.append(f" · {state}", style="red" if r.rating == "fail" else "magenta")
        out.append(line)
    if len(blockers) > TOP_BLOCKERS:
        out.append(Text("  " + t("and_more", lang, n=len(blockers) - TOP_BLOCKERS), style="grey50"))
    return out


def see_rest(lang: str, commands: dict[str, str]) -> list[str]:
    """How to see the rest: whole command lines, printed unwrapped so they can be copied."""
    w = group("session", lang)
    return [w["see_rest"] + t("punct.colon", lang).rstrip(), "  " + w["see_score"].format(command=commands["score"]),
            "  " + w["see_report"].format(command=commands["report"])]


def render_result_screen(console: Console, cat: Catalogue, doc: Document, lang: str, commands: dict[str, str]) -> None:
    console.print(Panel(Group(*screen_lines(cat, doc, lang)), expand=False, border_style=_STYLE[doc.result.tier]))
    for line in see_rest(lang, commands):
        console.print(line, markup=False, highlight=False, soft_wrap=True)
