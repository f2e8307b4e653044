"""The dates of a plan, as a customs officer would read them: every day someone works, submits or
is checked is a working day in China's calendar; waiting periods end on their calendar date; an
owner does one full-time task at a time; every step starts after the steps it waits on."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from aeo_check.answers.read import load_answers
from aeo_check.catalogue import get_catalogue
from aeo_check.catalogue.expr import add_months
from aeo_check.planning import make_plan
from aeo_check.planning.workdays import WorkCalendar
from aeo_check.scoring import score

CAT = get_catalogue()
CAL = WorkCalendar()
ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = {p.stem: load_answers(p, CAT) for p in sorted((ROOT / "examples").glob("*.yaml"))}
FIRST = dt.date(2026, 11, 20)
D = dt.date


def plan_on(example: str, on: dt.date):
    return make_plan(CAT, score(CAT, dataclasses.replace(EXAMPLES[example], assessed_on=on)), today=on)


def _booked_days(s) -> set[dt.date]:
    days, d = set(), s.start
    while d <= s.end:
        if CAL.is_workday(d):
            days.add(d)
        d += dt.timedelta(days=1)
    return days


def assert_dates_a_customs_officer_accepts(p) -> None:
    on = p.assessed_on
    steps = {s.id: s for s in p.steps}
    printed = []
    for s in p.steps:
        assert s.start >= on, s.id
        if s.kind in ("check", "work", "apply"):
            printed += [s.start, s.end]
            assert CAL.count(s.start, s.end) == s.days, s.id  # inclusive: first and last day counted
        elif s.kind == "records":
            printed.append(s.start)
            work = steps[s.depends_on[0]]
            assert s.end == add_months(work.end, s.detail["months"]), s.id  # the calendar date
        elif s.kind == "wait" and len(str(s.detail["event_value"] or "")) == 10 and not s.end_earliest:
            event = dt.date.fromisoformat(s.detail["event_value"])
            assert s.end == max(add_months(event, s.detail["months"]), on), s.id
        for dep in s.depends_on:
            assert steps[dep].end is not None and steps[dep].end < s.start, (dep, s.id)
    for tg in p.targets.values():
        printed += [d for d in (tg.apply_on, tg.onsite_by, tg.decision_by, tg.decision_latest) if d]
        if tg.apply_on:
            assert tg.apply_on > steps[f"apply:{tg.tier}"].end
            assert all(tg.apply_on > steps[sid].end for sid in tg.steps if steps[sid].end)
    off = [d for d in printed if not CAL.is_workday(d)]
    assert not off, off
    by_owner: dict[str, set[dt.date]] = {}
    for s in p.steps:
        if s.kind in ("check", "work", "apply"):
            days = _booked_days(s)
            mine = by_owner.setdefault(s.owner, set())
            assert not (mine & days), (s.owner, s.id, sorted(mine & days)[:3])
            mine |= days


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.dates(min_value=FIRST, max_value=FIRST + dt.timedelta(days=729)), st.sampled_from(sorted(EXAMPLES)))
def test_any_assessment_date_gives_dates_a_customs_officer_accepts(on, example):
    assert_dates_a_customs_officer_accepts(plan_on(example, on))


@pytest.mark.parametrize("example", sorted(EXAMPLES))
def test_every_day_of_two_years_gives_dates_a_customs_officer_accepts(example):
    for n in range(730):
        assert_dates_a_customs_officer_accepts(plan_on(example, FIRST + dt.timedelta(days=n)))


# --------------------------------------------------------------------------- hand-checked cases

def _first_work_start(p) -> dt.date:
    return min(s.start for s in p.steps if s.kind in ("check", "work", "apply"))


def test_an_assessment_on_a_sunday_starts_work_on_the_monday():
    p = plan_on("regular-food-importer", D(2026, 12, 6))
    assert _first_work_start(p) == D(2026, 12, 7)
    check = next(s for s in p.steps if s.kind == "check")
    assert (check.start, check.end) == (D(2026, 12, 7), D(2026, 12, 8))


def test_an_assessment_in_the_national_day_week_starts_work_after_it():
    # 1-3 October 2027 are statutory days, 4-5 October replace the two on the weekend (by rule:
    # the 2027 notice is not in the data yet)
    p = plan_on("regular-food-importer", D(2027, 10, 3))
    assert _first_work_start(p) == D(2027, 10, 6)
    assert any(n["id"] == "estimated_year" and n["year"] == 2027 for n in p.calendar["notes"])


def test_an_assessment_just_before_spring_festival_resumes_after_it():
    # Thursday 4 February 2027 is a working day; 5-10 February are off (eve, festival, by rule)
    p = plan_on("regular-food-importer", D(2027, 2, 4))
    assert _first_work_start(p) == D(2027, 2, 4)
    check = next(s for s in p.steps if s.kind == "check")
    assert (check.start, check.end) == (D(2027, 2, 4), D(2027, 2, 11))


def test_a_make_up_saturday_carries_work():
    # Saturday 10 October 2026 is a working day of the official arrangement
    p = plan_on("advanced-manufacturer", D(2026, 9, 28))
    dossier = next(s for s in p.steps if s.kind == "apply")
    assert dossier.start == D(2026, 9, 28)
    # 28-30 September, 8-10 October (10 October a Saturday worked), 12-15 October: ten days
    assert dossier.end == D(2026, 10, 15)
    assert D(2026, 10, 10) in _booked_days(dossier)


def test_the_dossier_waits_for_the_internal_audit_and_every_remediations_records():
    p = plan_on("regular-food-importer", FIRST)
    steps = {s.id: s for s in p.steps}
    dossier = steps["apply:certified"]
    assert "work:ic-internal-audit" in dossier.depends_on
    records = [sid for sid in p.targets["certified"].steps if sid.startswith("records:")]
    assert records and set(records) <= set(dossier.depends_on)
    assert dossier.start == CAL.day_after(max(steps[r].end for r in records))


# --------------------------------------------------------------------------- notes on the plan

def test_a_plan_says_which_years_are_estimated_and_which_official():
    p = plan_on("certified-trading", FIRST)
    assert p.calendar["years"] == {"2026": "official", "2027": "estimated"}
    note = next(n for n in p.calendar["notes"] if n["id"] == "estimated_year")
    assert note["text"]["en"].startswith("Dates in 2027 count the statutory holidays by rule")


def test_an_assessment_date_in_the_future_or_long_past_gets_a_note():
    a = EXAMPLES["certified-trading"]
    future = make_plan(CAT, score(CAT, a), today=D(2026, 11, 1))
    assert [n["id"] for n in future.calendar["notes"]][-1] == "future"
    stale = make_plan(CAT, score(CAT, a), today=D(2027, 3, 1))
    assert stale.calendar["notes"][-1]["text"]["en"].startswith("The assessment date 2026-11-20 was 101 days ago")
    fresh = make_plan(CAT, score(CAT, a), today=D(2026, 12, 7))
    assert [n["id"] for n in fresh.calendar["notes"]] == ["estimated_year"]


def test_every_plan_carries_the_annual_credit_report_due_the_next_30_june():
    a = EXAMPLES["certified-trading"]
    holder = dataclasses.replace(a, enterprise=a.enterprise._replace(current_tier="certified"))
    plans = {name: plan_on(name, FIRST) for name in EXAMPLES}
    plans["certified-holder"] = make_plan(CAT, score(CAT, holder), today=FIRST)
    situations = set()
    for name, p in plans.items():
        situations.add(p.situation)
        s = next(s for s in p.steps if s.id == "deadline:annual-credit-report")
        assert (s.kind, s.start, s.end) == ("deadline", D(2027, 1, 1), D(2027, 6, 30)), name
        assert s.tiers == list(p.targets), name
        assert s.title["en"] == "File the annual credit information report"
        assert "plan-annual-report" in {a["id"] for a in p.assumptions}
    assert {"climb", "apply", "keep", "way_back"} <= situations


def test_the_annual_report_opens_on_the_assessment_date_inside_the_filing_window():
    s = next(s for s in plan_on("certified-trading", D(2027, 3, 10)).steps if s.kind == "deadline")
    assert (s.start, s.end) == (D(2027, 3, 10), D(2027, 6, 30))


def test_an_annual_report_deadline_on_a_saturday_moves_to_the_monday():
    s = next(s for s in plan_on("certified-trading", D(2028, 7, 1)).steps if s.kind == "deadline")
    assert (s.start, s.end) == (D(2029, 1, 1), D(2029, 7, 2))  # 30 June 2029 is a Saturday
