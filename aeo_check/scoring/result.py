"""The typed result of scoring one assessment.

Plain dataclasses (cheap to build thousands per second); :meth:`Result.to_dict` gives the
self-contained JSON document that reports and comparisons are made from.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date as _date
from math import isinf as _isinf
from typing import Any, NamedTuple

#: version 2: the assessment document (plan, facts, tool); paths no longer carry an effort of their own
RESULT_FORMAT = "aeo-check/result/2"
TIER_ORDER = ("seriously_discredited", "discredited", "regular", "certified", "advanced")


def tier_rank(tier: str) -> int:
    return TIER_ORDER.index(tier)


def text(t: Any) -> dict[str, str]:
    """A catalogue Text (or dict) as a plain {zh, en} dict."""
    if isinstance(t, dict):
        return {"zh": t["zh"], "en": t["en"]}
    return {"zh": t.zh, "en": t.en}


class Fact(NamedTuple):
    """One answer or derived value an item's rating rests on."""

    id: str
    kind: str  # question | derived | profile
    value: Any  # None when unanswered or skipped
    state: str  # answered | unanswered | dont_know | skipped | computed | unknown

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "kind": self.kind, "value": _jsonable(self.value), "state": self.state}


def _jsonable(v: Any) -> Any:
    t = type(v)
    if t is str or t is int or t is bool or v is None:  # most answers: as they are
        return v
    if isinstance(v, _date):
        return v.isoformat()
    if isinstance(v, float):
        if _isinf(v):
            return "inf" if v > 0 else "-inf"
        return round(v, 6)
    return v


class ItemResult(NamedTuple):
    id: str
    official_no: int
    category: str  # internal_control … bonus, or the specific type
    rating: str  # pass | partial | fail | na | unanswered
    points: int
    deemed: str | None  # 'pass' or 'fail' when a deemed rule decided
    missing: str | None  # the unanswered question, when rating is unanswered
    item: Any  # the catalogue Item (not serialised)
    standard: str

    @property
    def is_bonus(self) -> bool:
        return self.category == "bonus"

    @property
    def points_lost(self) -> int:
        return -self.points if self.points < 0 else 0


class Gap(NamedTuple):
    """An item not at pass, with what it costs and how to close it."""

    result: ItemResult
    blocker: bool
    facts: list[Fact]

    def to_dict(self) -> dict[str, Any]:
        r = self.result
        it = r.item
        return {
            "id": r.id,
            "official_no": r.official_no,
            "category": r.category,
            "rating": r.rating,
            "points": r.points,
            "points_lost": r.points_lost,
            "blocker": self.blocker,
            "deemed": r.deemed,
            "missing": r.missing,
            "title": text(it.title_for(r.standard)),
            "requirement": text(it.requirement_for(r.standard)),
            "why": [f.to_dict() for f in self.facts],
            "remediation": [text(s) for s in it.remediation],
            "evidence": [text(e) for e in it.evidence],
            "audit_methods": list(it.audit_methods),
            "effort_days": it.effort_days,
            "owner": it.owner,
            "rectifiable": it.rectifiable,
        }


@dataclass(slots=True, eq=False, repr=False)
class CategoryScore:
    id: str
    items: int = 0
    passed: int = 0
    partial: int = 0
    failed: int = 0
    na: int = 0
    unanswered: int = 0
    points: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "items": self.items, "pass": self.passed, "partial": self.partial, "fail": self.failed,
            "na": self.na, "unanswered": self.unanswered, "points": self.points,
            "points_lost": -self.points if self.points < 0 else 0,
        }


class StandardResult(NamedTuple):
    id: str
    tier: str
    passed: bool
    score: int
    threshold: int
    base: int
    item_points: int
    bonus_points: int
    bonus_cap: int
    points_short: int
    fail_items: list[str]
    unanswered_items: list[str]
    partial_count: int
    items: list[ItemResult]
    categories: dict[str, CategoryScore]
    gaps: list[Gap]
    bonus_open: list[ItemResult]

    def to_dict(self) -> dict[str, Any]:
        return {
            "passed": self.passed,
            "score": self.score,
            "threshold": self.threshold,
            "base": self.base,
            "item_points": self.item_points,
            "bonus_points": self.bonus_points,
            "bonus_cap": self.bonus_cap,
            "points_short": self.points_short,
            "fail_items": list(self.fail_items),
            "unanswered_items": list(self.unanswered_items),
            "partial_count": self.partial_count,
            "categories": {k: v.to_dict() for k, v in self.categories.items()},
            "items": [
                {"id": r.id, "official_no": r.official_no, "category": r.category, "rating": r.rating,
                 "points": r.points, "deemed": r.deemed}
                for r in self.items
            ],
            "not_applicable": [r.id for r in self.items if r.rating == "na"],
            "gaps": [g.to_dict() for g in self.gaps],
            "bonus_open": [
                {"id": r.id, "official_no": r.official_no, "title": text(r.item.title_for(r.standard)),
                 "effort_days": r.item.effort_days, "rating": r.rating}
                for r in self.bonus_open
            ],
        }


class Path(NamedTuple):
    """The cheapest set of gaps to close to reach ``tier``. ``effort_days`` only ranks candidate
    paths against each other; the effort a reader is shown is the plan's (the document's facts)."""

    tier: str
    standard: str | None
    items: list[str]
    triggers: list[str]
    effort_days: int
    score: int | None
    waits: list[str]  # items that only time closes (past events)

    def to_dict(self) -> dict[str, Any]:
        return {
            "tier": self.tier, "standard": self.standard, "items": list(self.items), "triggers": list(self.triggers),
            "score": self.score, "waits": list(self.waits),
        }


class Trigger(NamedTuple):
    id: str
    tier: str
    title: dict[str, str]
    description: dict[str, str]
    repair: dict[str, str]

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "tier": self.tier, "title": self.title, "description": self.description,
                "repair": self.repair}


def evidence_entry(row: tuple) -> dict[str, Any]:
    """One row of :attr:`Result.evidence_rows` as its entry in :attr:`Result.evidence` (and the JSON)."""
    _, _, zh, en, state, items, owner, category, numbers = row
    return {"zh": zh, "en": en, "state": state, "items": list(items), "owner": owner, "category": category,
            "numbers": list(numbers)}


@dataclass(slots=True, eq=False, repr=False)
class Result:
    catalogue: str
    assessed_on: str
    language: str
    enterprise: dict[str, Any]
    tier: str
    reason: dict[str, str]
    provisional: bool
    unanswered: list[str]
    skipped: list[str]
    dont_know: list[str]
    triggers: list[Trigger]
    standards: dict[str, StandardResult]
    paths: dict[str, Path]
    timing: dict[str, Any]
    tolerance: dict[str, Any] | None
    answers: dict[str, Any]
    notes: dict[str, str]
    derived: dict[str, Any]
    assumptions: list[dict[str, Any]]
    #: builds the evidence checklist's rows on first use: only reports and JSON need it, and batch
    #: scoring for a tier guard should not pay for it (deterministic: same facts, same list)
    evidence_of: Callable[[], list[tuple]] | None = field(default=None, repr=False, compare=False)
    _rows: list[tuple] | None = field(default=None, repr=False, compare=False)
    _evidence: list[dict[str, Any]] | None = field(default=None, repr=False, compare=False)
    #: discredit triggers that could not be judged because a question they read is unanswered
    unknown_triggers: list[Trigger] = field(default_factory=list)

    @property
    def floor_tier(self) -> str:
        """The lowest tier the answers leave possible: the likely tier, or lower when an
        unanswered discredit trigger would, if it held, decide a lower one."""
        lowest = self.tier
        for t in self.unknown_triggers:
            if tier_rank(t.tier) < tier_rank(lowest):
                lowest = t.tier
        return lowest

    @property
    def evidence_rows(self) -> list[tuple]:
        """The evidence checklist as the scorer made it: ``(rank, place, zh, en, state, items, owner,
        category, numbers)`` per document (see ``scoring.engine._evidence``)."""
        if self._rows is None:
            self._rows = self.evidence_of() if self.evidence_of is not None else []
        return self._rows

    @property
    def evidence(self) -> list[dict[str, Any]]:
        """The evidence checklist: one entry per document the audit will ask for."""
        if self._evidence is None:
            self._evidence = list(map(evidence_entry, self.evidence_rows))
        return self._evidence

    def to_dict(self) -> dict[str, Any]:
        return {
            "format": RESULT_FORMAT,
            "standard": self.catalogue,
            "assessed_on": self.assessed_on,
            "language": self.language,
            "enterprise": self.enterprise,
            "tier": self.tier,
            "reason": self.reason,
            "provisional": self.provisional,
            "unanswered": list(self.unanswered),
            "skipped": list(self.skipped),
            "dont_know": list(self.dont_know),
            "discredit": [t.to_dict() for t in self.triggers],
            "unknown_triggers": [{"id": t.id, "tier": t.tier, "title": t.title} for t in self.unknown_triggers],
            "floor_tier": self.floor_tier,
            "standards": {k: v.to_dict() for k, v in self.standards.items()},
            "paths": {k: v.to_dict() for k, v in self.paths.items()},
            "timing": self.timing,
            "tolerance": self.tolerance,
            "answers": {k: _jsonable(v) for k, v in self.answers.items()},
            "notes": dict(self.notes),
            "derived": {k: _jsonable(v) for k, v in self.derived.items()},
            "evidence": self.evidence,
            "assumptions": self.assumptions,
        }
