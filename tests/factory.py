"""Answer sets built from the catalogue for tests: the best answer to every question.

``favourable`` on each question says which answer is better for the enterprise; neutral facts
get the realistic values in NEUTRAL. Questions are answered in catalogue order and only when
their ``ask_if`` holds, exactly as the interactive session would ask them.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from aeo_check.answers.model import Assessment, Enterprise, uscc_with_check_digit
from aeo_check.catalogue.loader import Catalogue
from aeo_check.catalogue.models import Question
from aeo_check.scoring.engine import Facts, compiled, profile_of

ASSESSED_ON = dt.date(2026, 11, 20)
EXAMPLES = Path(__file__).resolve().parent.parent / "examples"

NEUTRAL: dict[str, Any] = {
    "imports": True, "exports": True, "trade_value_prev_year": 80_000_000,
    "declarations_prev_year": 1200, "tax_paid_prev_year": 6_000_000, "uses_containers": True,
    "handles_conveyances": True, "uses_wood_packaging": True, "entrusts_brokers": True,
    "declarant_count": 10, "adverse_decision": False, "inspected_declarations_12m": 40,
    "total_assets": 50_000_000, "revenue": 120_000_000, "interest_expense": 300_000,
    # by highest level passed; they add up to declarant_count (rules/consistency.yaml)
    "declarants_top_junior": 6, "declarants_top_intermediate": 3, "declarants_top_advanced": 1,
}


def enterprise(**over: Any) -> Enterprise:
    fields: dict[str, Any] = {
        "name": "测试进出口有限公司", "uscc": uscc_with_check_digit("91440300MA5G9AB1C"),
        "customs_code": "4403960ABC", "type": "importer_exporter", "specific": [],
        "production": True, "current_tier": "regular",
    }
    fields.update(over)
    return Enterprise(**fields)


def best_value(cat: Catalogue, q: Question) -> Any:
    if q.id in NEUTRAL:
        return NEUTRAL[q.id]
    f = q.favourable
    if q.type == "yes_no":
        return f if isinstance(f, bool) else True
    if q.type == "choice":
        return cat.choices_of(q)[0].value
    if q.type == "multi":
        return [c.value for c in cat.choices_of(q)]
    if q.type == "date":
        return ASSESSED_ON - dt.timedelta(days=800)
    if q.type == "last_event":
        return "never"
    if q.type == "text":
        return "—"
    if f == "lower":
        return int(q.min) if q.min is not None else 0
    if f == "higher":
        return min(int(q.max), 10_000_000) if q.max is not None else 10_000_000
    return int(q.min) if q.min is not None else 0


def answer_all(cat: Catalogue, ent: Enterprise, value=best_value, over: dict[str, Any] | None = None) -> Assessment:
    """Answer every question that applies, in order; ``over`` replaces chosen answers."""
    over = over or {}
    a = Assessment(standard=cat.version, language="zh", enterprise=ent, assessed_on=ASSESSED_ON)
    c = compiled(cat)
    changed = True
    while changed:  # until every question whose ask_if now holds is answered
        changed = False
        for q in cat.questions.values():
            if q.id in a.answers:
                continue
            if Facts(c, a.answers, profile_of(a)).applies(q.id):
                a.answers[q.id] = over[q.id] if q.id in over else value(cat, q)
                changed = True
    return a


def earlier(tmp_path: Path) -> Path:
    """The food importer six months earlier: no penalty yet, two security gaps still open."""
    text = (EXAMPLES / "regular-food-importer.yaml").read_text(encoding="utf-8")
    for a, b in (("assessed_on: 2026-11-20", "assessed_on: 2026-05-20"),
                 ("  penalty_count_12m: 2", "  penalty_count_12m: 0"),
                 ("  fines_total_12m: 112000", "  fines_total_12m: 0"),
                 ('  largest_fine_on: "2026-05"', "  largest_fine_on:"),
                 ('  latest_penalty_on: "2026-09"', "  latest_penalty_on:"),
                 ("  largest_fine_12m: 80000", "  largest_fine_12m: 0"),
                 ("  premises_security_procedure: true", "  premises_security_procedure: false"),
                 ("  staff_badges: true", "  staff_badges: false")):
        assert a in text
        text = text.replace(a, b)
    p = tmp_path / "food-2026-05.yaml"
    p.write_text(text, encoding="utf-8")
    return p
