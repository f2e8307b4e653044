"""An answer as a reader reads it: yes/no, choice labels, dates, money and percentages, in one language."""

from __future__ import annotations

from typing import Any

from aeo_check.catalogue.compiled import Catalogue
from aeo_check.words.i18n import t


def item_label(sid: str, number: int, lang: str) -> str:
    """An item's number with its standard, as the two standards number items differently:
    高级(27) / Cert. (19), never a bare (27)."""
    return t(f"session.item_{sid}", lang, n=number)


def answer_value(cat: Catalogue, qid: str, value: Any, lang: str) -> str:
    q = cat.questions.get(qid)
    if value is None:
        return "—"
    if q is None:
        return str(value)
    if q.type == "yes_no":
        return t("report.value_yes" if value else "report.value_no", lang)
    if q.type in ("choice", "multi"):
        labels = {c.value: c.label.get(lang) for c in cat.choices_of(q)}
        if isinstance(value, list):
            return t("punct.list_sep", lang).join(labels.get(v, v) for v in value)
        return labels.get(value, str(value))
    if q.type == "last_event":
        if isinstance(value, str) and value in ("never", "over_24m", "m12_24", "within_12m"):
            return t(f"report.band_{value}", lang)
        return value.isoformat() if hasattr(value, "isoformat") else str(value)
    if q.type == "money":
        return t("report.money", lang, n=f"{value:,.0f}")
    if q.type == "percent":
        return f"{value:g}%"
    if isinstance(value, float):
        return f"{value:,.2f}"
    return str(value)
