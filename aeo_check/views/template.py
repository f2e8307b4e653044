"""A blank answer file, every question commented, for consultants who fill answers in by hand."""

from __future__ import annotations

import datetime as dt
import json
from typing import TYPE_CHECKING, Any

from aeo_check.answers.messages import allowed_zh
from aeo_check.answers.migrate import current_version
from aeo_check.answers.model import DONT_KNOW, FORMAT, Assessment, allowed
from aeo_check.catalogue.compiled import Catalogue
from aeo_check.catalogue.vocab import SECTIONS
from aeo_check.words.i18n import group

if TYPE_CHECKING:  # pragma: no cover - annotations only
    from aeo_check.catalogue.models import Question

def _applies(q: Question, etype: str, specific: list[str]) -> bool:
    if etype not in q.applies_to:
        return False
    if q.specific is not None and q.specific not in specific:
        return False
    return True


def _value(v: object) -> str:
    """One answer as YAML (JSON scalars and lists are valid YAML flow values)."""
    if v is None:
        return ""
    if isinstance(v, dt.date):
        return " " + v.isoformat()
    return " " + json.dumps(v, ensure_ascii=False)


def _question_lines(cat: Catalogue, q: Question, value: Any, w: dict[str, str], lang: str) -> list[str]:
    """One question of the answer file: its text, where to find the answer, what it allows and
    when it is asked, then the key with ``value``."""
    lines = ["", f"  # {q.text.get(lang)}"]
    if q.source is not None:
        lines.append(f"  # {w['source']}: {q.source.get(lang)}")
    if q.choices or q.choice_set:
        opts = " | ".join(f"{c.value} ({c.label.get(lang)})" for c in cat.choices_of(q))
        lines.append(f"  # {w['allowed']}: {'[' if q.type == 'multi' else ''}{opts}{']' if q.type == 'multi' else ''}")
    else:
        unit = f"; {w['unit']}: {q.unit.get(lang)}" if q.unit else ""
        shown = allowed_zh(allowed(cat, q)) if lang == "zh" else allowed(cat, q)
        lines.append(f"  # {w['allowed']}: {shown}{unit}")
    if q.ask_if is not None:
        lines.append(f"  # {w['only_if']}: {q.ask_if.source}")
    lines.append(f"  {q.id}:{_value(value)}")
    return lines


def render_template(cat: Catalogue, etype: str, specific: list[str], lang: str,
                    today: dt.date | None = None, file_hint: str = "answers.yaml",
                    filled: Assessment | None = None) -> str:
    """The commented answer file; with ``filled``, carrying that assessment's profile and answers."""
    w = group("template", lang)
    today = filled.assessed_on if filled else (today or dt.date.today())
    e = filled.enterprise if filled else None
    # no "$schema" line: the tool's own copy lies in its install folder, which a file sent to a
    # client or committed must not name (README: how to point an editor at the schema)
    lines = [
        f"# {w['head']}",
        f"# {cat.meta.title.get(lang)} ({cat.version})",
        f"# {w['score'].format(f=file_hint)}",
        f"format: {FORMAT}",
        f"standard: {cat.version}",
        f"questionnaire_version: {current_version()}",
        f"language: {lang}",
        "enterprise:",
        f"  name:{_value(e.name) if e else ''}   # {w['name']}",
        f"  uscc:{_value(e.uscc) if e else ''}   # {w['uscc']}",
        f"  customs_code: {json.dumps(e.customs_code if e else '')}   # {w['customs_code']}",
        f"  type: {etype}",
        f"  specific: {json.dumps(specific)}   # {w['specific']}",
        f"  production: {json.dumps(e.production) if e else 'true'}   # {w['production']}",
        f"  current_tier: {e.current_tier if e else 'regular'}   # {w['current_tier']}",
        f"assessed_on: {today.isoformat()}",
        "answers:",
    ]
    for section in SECTIONS:
        qs = [q for q in cat.questions.values() if q.section == section and _applies(q, etype, specific)]
        if not qs:
            continue
        title = cat.label("sections", section).get(lang)
        lines.append("")
        lines.append(f"  # ── {title} " + "─" * max(4, 60 - len(title) * 2))
        for q in qs:
            value = (DONT_KNOW if q.id in filled.dont_know else filled.answers.get(q.id)) if filled else None
            lines += _question_lines(cat, q, value, w, lang)
    lines += ["", f"# {w['notes']}"]
    if filled and filled.notes:
        lines.append("notes:")
        lines += [f"  {k}: {json.dumps(v, ensure_ascii=False)}" for k, v in filled.notes.items()]
    else:
        lines.append("notes: {}")
    lines.append("")
    return "\n".join(lines)
