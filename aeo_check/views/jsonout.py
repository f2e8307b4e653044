"""JSON output: deterministic (same input, same bytes), UTF-8, no ASCII escapes."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from ..catalogue.loader import Catalogue
from ..catalogue.models import Item


def _default(o: Any) -> Any:
    if isinstance(o, (dt.date, dt.datetime)):
        return o.isoformat()
    if isinstance(o, (set, frozenset, tuple)):
        return list(o)
    raise TypeError(f"not JSON serialisable: {type(o).__name__}")


def dumps(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False, indent=2, default=_default, allow_nan=False)


def result_document(cat: Catalogue, res: Any) -> dict[str, Any]:
    """The self-contained result JSON: the scored result and its dated plan."""
    from ..planning import make_plan

    return {**res.to_dict(), "plan": make_plan(cat, res).to_dict()}


def item_dict(cat: Catalogue, item: Item) -> dict[str, Any]:
    """One item whole, as ``standards show --format json`` prints it."""
    d: dict[str, Any] = {
        "id": item.id,
        "category": item.specific or item.category,
        "clause": {"number": item.clause.number, "title": item.clause.title.model_dump()},
        "title": item.title.model_dump(),
        "requirement": item.requirement.model_dump(),
        "options": list(item.options),
        "standards": {},
        "questions": [
            {"id": q, "text": cat.questions[q].text.model_dump(), "type": cat.questions[q].type}
            for q in item.questions
        ],
        "rule": {name: e.source for name, e in item.rule.expressions()},
        "applies_to": list(item.applies_to),
        "evidence": [{"zh": e.zh, "en": e.en} for e in item.evidence],
        "audit_methods": list(item.audit_methods),
        "remediation": [s.model_dump() for s in item.remediation],
        "effort_days": item.effort_days,
        "owner": item.owner,
        "rectifiable": item.rectifiable,
        "assumption": item.assumption.model_dump() if item.assumption else None,
        "source": item.source,
    }
    for sid, use in item.standards.items():
        d["standards"][sid] = {
            "official_no": use.number,
            "params": dict(use.params),
            "title": item.title_for(sid).model_dump(),
            "requirement": item.requirement_for(sid).model_dump(),
            "options": item.options_for(sid),
            "rule": {name: e.source for name, e in item.rule_for(sid).expressions()},
        }
    return d


def result_json(res: Any, file: str) -> str:
    """One scored file as one line of compact JSON (``score --format json|jsonl``)."""
    return json.dumps({"file": file, **res.to_dict()}, ensure_ascii=False, separators=(",", ":"),
                      default=_default, allow_nan=False)
