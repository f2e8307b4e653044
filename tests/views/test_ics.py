"""plan --format ics: one all-day event per dated step and per milestone, stable ids."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

from icalendar import Calendar

ROOT = Path(__file__).resolve().parents[2]
EXE = str(Path(sys.executable).parent / "aeo-check")


def _run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([EXE, *args], capture_output=True, cwd=ROOT, stdin=subprocess.DEVNULL, check=False)


def test_the_plan_as_a_calendar_has_one_event_per_step_and_milestone_with_stable_ids():
    res = _run("plan", "examples/regular-food-importer.yaml", "--format", "ics", "--lang", "en")
    assert res.returncode == 0, res.stderr
    cal = Calendar.from_ical(res.stdout)
    events = list(cal.walk("VEVENT"))
    plan = json.loads(_run("plan", "examples/regular-food-importer.yaml", "--format", "json").stdout)
    dated = [s for s in plan["steps"] if s["end"]]
    milestones = [(tier, k) for tier, tg in plan["targets"].items()
                  for k in ("apply_on", "decision_by", "decision_latest") if tg[k]]
    assert len(events) == len(dated) + len(milestones) == 19
    uids = [str(e["UID"]) for e in events]
    assert len(set(uids)) == len(uids)
    assert "apply_on:certified.91310115MA1FL3W8PP@aeo-check" in uids
    assert "deadline:annual-credit-report.91310115MA1FL3W8PP@aeo-check" in uids
    again = Calendar.from_ical(Calendar.from_ical(res.stdout).to_ical())  # round trip
    assert len(list(again.walk("VEVENT"))) == len(events)
    rerun = Calendar.from_ical(_run("plan", "examples/regular-food-importer.yaml", "--format", "ics").stdout)
    assert sorted(str(e["UID"]) for e in rerun.walk("VEVENT")) == sorted(uids)  # re-import replaces


def test_a_steps_event_covers_its_first_to_last_day():
    res = _run("plan", "examples/regular-food-importer.yaml", "--format", "ics", "--lang", "en")
    ev = next(e for e in Calendar.from_ical(res.stdout).walk("VEVENT") if str(e["UID"]).startswith("apply:certified."))
    # the dossier runs 1-15 April 2027; an all-day event ends the day after its last day
    assert (ev.decoded("DTSTART"), ev.decoded("DTEND")) == (dt.date(2027, 4, 1), dt.date(2027, 4, 16))
    assert str(ev["SUMMARY"]) == "Prepare the Certified Enterprise application dossier"
    submit = next(e for e in Calendar.from_ical(res.stdout).walk("VEVENT")
                  if str(e["UID"]).startswith("apply_on:certified."))
    assert submit.decoded("DTSTART") == dt.date(2027, 4, 16)
