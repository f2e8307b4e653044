"""A designation already made is repaired by the route of the ground it was made on (Order 251:
1 year, 6 months, 3 months once paid, or automatically after 2 years), counted from the
designation; an unknown ground spans the shortest route to automatic repair."""

from __future__ import annotations

import datetime as dt

import pytest
from factory import answer_all, enterprise

from aeo_check.catalogue import get_catalogue
from aeo_check.planning.plan import make_plan
from aeo_check.scoring.engine import score

CAT = get_catalogue()
DESIGNATED = dt.date(2026, 9, 1)


def _repair_step(ground):
    over = {"designated_on": DESIGNATED} | ({"designation_ground": ground} if ground else {})
    a = answer_all(CAT, enterprise(current_tier="discredited"), over=over)
    p = make_plan(CAT, score(CAT, a))
    return next(s for s in p.steps if s.id == "repair:designated-discredited")


@pytest.mark.parametrize("ground, route, earliest, latest", [
    ("smuggling_penalty", "application", None, dt.date(2027, 9, 1)),
    ("penalty_volume", "application", None, dt.date(2027, 3, 1)),
    ("duty_overdue", "application", None, dt.date(2026, 12, 1)),
    ("bribery", "automatic", None, dt.date(2028, 9, 1)),
])
def test_the_designating_ground_sets_the_repair_date(ground, route, earliest, latest):
    s = _repair_step(ground)
    assert (s.detail["route"], s.end_earliest, s.end) == (route, earliest, latest)


def test_an_unknown_ground_spans_the_shortest_route_to_automatic_repair():
    s = _repair_step("other")
    assert (s.end_earliest, s.end) == (dt.date(2026, 12, 1), dt.date(2028, 9, 1))
