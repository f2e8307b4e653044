"""The recommended target: Certified first, Advanced straight away when it comes soon after."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

from aeo_check.planning.recommend import recommended_tier

RULE = SimpleNamespace(straight_to_advanced_days=183, straight_to_advanced_effort_days=60)


def target(tier: str, route: str = "climb", apply_on: dt.date | None = None, person_days: int = 0,
           feasible: bool = True) -> SimpleNamespace:
    return SimpleNamespace(tier=tier, route=route, apply_on=apply_on, person_days=person_days, feasible=feasible)


def test_certified_first_when_advanced_comes_more_than_half_a_year_later():
    ts = {"certified": target("certified", apply_on=dt.date(2027, 3, 1)),
          "advanced": target("advanced", apply_on=dt.date(2027, 9, 1))}  # 184 days later
    assert recommended_tier("climb", ts, RULE) == "certified"


def test_straight_to_advanced_when_it_comes_within_half_a_year():
    ts = {"certified": target("certified", apply_on=dt.date(2027, 3, 1)),
          "advanced": target("advanced", apply_on=dt.date(2027, 8, 31))}  # 183 days later
    assert recommended_tier("climb", ts, RULE) == "advanced"


def test_without_dates_the_extra_work_decides():
    near = {"certified": target("certified", person_days=40), "advanced": target("advanced", person_days=100)}
    far = {"certified": target("certified", person_days=40), "advanced": target("advanced", person_days=101)}
    assert recommended_tier("climb", near, RULE) == "advanced" and recommended_tier("climb", far, RULE) == "certified"


def test_an_unreachable_advanced_never_wins():
    ts = {"certified": target("certified", apply_on=dt.date(2027, 3, 1)),
          "advanced": target("advanced", apply_on=dt.date(2027, 3, 2), feasible=False)}
    assert recommended_tier("climb", ts, RULE) == "certified"


def test_applying_winning_back_and_the_way_back_are_recommended_as_they_are():
    soon = {"certified": target("certified", route="apply"), "advanced": target("advanced", apply_on=dt.date(2027, 1, 1))}
    assert recommended_tier("apply", soon, RULE) == "certified"
    at_risk = {"certified": target("certified", apply_on=dt.date(2027, 3, 1)),
               "advanced": target("advanced", apply_on=dt.date(2027, 3, 2))}
    assert recommended_tier("at_risk", at_risk, RULE) == "certified"  # win back the tier held, not a higher one
    assert recommended_tier("way_back", {"regular": target("regular", route="repair")}, RULE) == "regular"


def test_keeping_a_tier_points_to_the_next_one_up_if_reachable():
    assert recommended_tier("keep", {"certified": target("certified", route="keep"),
                                     "advanced": target("advanced")}, RULE) == "advanced"
    assert recommended_tier("keep", {"advanced": target("advanced", route="keep")}, RULE) is None
