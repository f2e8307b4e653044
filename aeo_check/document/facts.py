"""The facts several surfaces show, derived once from the result and the dated plan.

- **counts**: of the questions in scope for this enterprise, how many are answered, answered
  "don't know", or unanswered; and how many do not apply (the profile or an earlier answer rules
  them out). ``in_scope = answered + dont_know + unanswered``.
- **recommended**: the plan's recommended target (:func:`aeo_check.planning.recommend.recommended_tier`)
  with its application date and expected decision.
- **effort**: per target tier, the person-days of the plan's steps towards it, split by what they
  are: remediation (work on a gap), verification (finding out what a "don't know" or an
  unanswered question hides) and the application dossier. A "don't know" costs its verification,
  never a full remediation.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:  # pragma: no cover
    from aeo_check.catalogue.compiled import Catalogue
    from aeo_check.planning import Plan
    from aeo_check.scoring.result import Result


class Counts(NamedTuple):
    in_scope: int
    answered: int
    dont_know: int
    unanswered: int
    not_applicable: int


class Effort(NamedTuple):
    remediation_days: int
    verification_days: int
    application_days: int

    @property
    def total_days(self) -> int:
        return self.remediation_days + self.verification_days + self.application_days


class Recommended(NamedTuple):
    tier: str
    route: str
    #: the day the target is within reach (for the way back from discredit: the day of repair)
    ready_on: str | None
    apply_on: str | None
    decision_by: str | None
    decision_latest: str | None


class Facts(NamedTuple):
    counts: Counts
    recommended: Recommended | None
    effort: dict[str, Effort]

    def to_dict(self) -> dict[str, Any]:
        return {
            "counts": self.counts._asdict(),
            "recommended": self.recommended._asdict() if self.recommended else None,
            "effort": {t: {**e._asdict(), "total_days": e.total_days} for t, e in self.effort.items()},
        }


#: which step kinds count as which part of the effort
_PART = {"work": 0, "check": 1, "apply": 2}


def counts_of(result: Result) -> Counts:
    skipped = set(result.skipped)
    answered = sum(1 for q in result.answers if q not in skipped)
    dont_know, unanswered = len(result.dont_know), len(result.unanswered)
    return Counts(answered + dont_know + unanswered, answered, dont_know, unanswered, len(skipped))


def effort_of(plan: Plan) -> dict[str, Effort]:
    steps = {s.id: s for s in plan.steps}
    out: dict[str, Effort] = {}
    for tier, target in plan.targets.items():
        days = [0, 0, 0]
        for sid in target.steps:
            s = steps.get(sid)
            if s is not None and s.kind in _PART:
                days[_PART[s.kind]] += s.days or 0
        out[tier] = Effort(*days)
    return out


def recommended_of(plan: Plan) -> Recommended | None:
    t = plan.targets.get(plan.recommended) if plan.recommended else None
    if t is None:
        return None
    iso = lambda d: d.isoformat() if d else None  # noqa: E731
    return Recommended(t.tier, t.route, iso(t.ready_on), iso(t.apply_on), iso(t.decision_by),
                       iso(t.decision_latest))


def facts_of(cat: Catalogue, result: Result, plan: Plan) -> Facts:
    return Facts(counts_of(result), recommended_of(plan), effort_of(plan))
