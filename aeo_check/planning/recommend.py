"""Which target the plan recommends: the one tier whose dates the plan's next step, the board's first
page, ``score`` and ``portfolio`` all show.

Certified comes first on the way up, unless Advanced can be applied for so soon after it (or, with
no date for either, for so little more work) that going straight to Advanced is the better use of
the firm's time: the two constants are ``recommendation`` in ``rules/planning.yaml`` (assumption
``plan-recommendation``).
"""

from __future__ import annotations

from typing import Any


def recommended_tier(situation: str, targets: dict[str, Any], rule: Any) -> str | None:
    """The tier of the target the plan points the reader to (None: nothing to aim for). ``targets``
    are the plan's :class:`~aeo_check.planning.plan.Target` objects, in the plan's order. Only a firm
    climbing from Regular weighs Advanced against Certified: one that meets a tier applies for it,
    one at risk of losing its tier wins it back, one that holds its tier looks at the next one up."""
    climbs = {t: tg for t, tg in targets.items() if tg.route == "climb" and tg.feasible}
    first = next(iter(targets.values()), None)
    if first is None:
        return None
    if situation == "keep":
        return next(iter(climbs), None)
    if situation != "climb":
        return first.tier
    cer, adv = climbs.get("certified"), climbs.get("advanced")
    if cer is not None and adv is not None and _straight_to_advanced(cer, adv, rule):
        return "advanced"
    return next(iter(climbs), first.tier)


def _straight_to_advanced(cer: Any, adv: Any, rule: Any) -> bool:
    if cer.apply_on and adv.apply_on:
        return (adv.apply_on - cer.apply_on).days <= rule.straight_to_advanced_days
    if cer.apply_on is None and adv.apply_on is None:
        return adv.person_days - cer.person_days <= rule.straight_to_advanced_effort_days
    return False
