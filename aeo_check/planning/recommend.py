"""Which target the plan recommends: the one tier whose dates the plan's next step, the board's first
page, ``score`` and ``portfolio`` all show.

Certified comes first on the way up, unless Advanced can be applied for so soon after it (or, with
no date for either, for so little more work) that going straight to Advanced is the better use of
the firm's time: the two constants are ``recommendation`` in ``rules/planning.yaml`` (assumption
``plan-recommendation``).
"""

from __future__ import annotations

from typing import Any


def recommended_tier(targets: dict[str, Any], rule: Any) -> str | None:
    """The tier of the target the plan puts first for the reader (None: nothing to aim for);
    ``targets`` are the plan's :class:`~aeo_check.planning.plan.Target` objects, in the plan's order."""
    climbs = {t: tg for t, tg in targets.items() if tg.route == "climb" and tg.feasible}
    first = next(iter(targets.values()), None)
    if first is None:
        return None
    if first.route in ("apply", "keep", "repair") or first.tier not in climbs:
        if first.route == "keep":
            return next(iter(climbs), None)
        return first.tier
    cer, adv = climbs.get("certified"), climbs.get("advanced")
    if cer is not None and adv is not None and _straight_to_advanced(cer, adv, rule):
        return "advanced"
    return first.tier


def _straight_to_advanced(cer: Any, adv: Any, rule: Any) -> bool:
    if cer.apply_on and adv.apply_on:
        return (adv.apply_on - cer.apply_on).days <= rule.straight_to_advanced_days
    if cer.apply_on is None and adv.apply_on is None:
        return adv.person_days - cer.person_days <= rule.straight_to_advanced_effort_days
    return False
