"""Two assessment documents of one enterprise compared: what closed, opened, moved and changed."""

from __future__ import annotations

import json

from factory import EXAMPLES as EX
from factory import earlier

from aeo_check.compare.progress import compare, new_blockers
from aeo_check.document.build import read


def test_compare_is_pure_and_finds_what_changed(cat, tmp_path):
    old = read(cat, earlier(tmp_path)).data
    new = read(cat, EX / "regular-food-importer.yaml").data
    before = json.dumps([old, new], sort_keys=True)
    d = compare(old, new)
    assert json.dumps([old, new], sort_keys=True) == before  # inputs untouched
    assert d["tier"] == {"old": "regular", "new": "regular", "change": "same"}
    assert d["assessed_on"] == {"old": "2026-05-20", "new": "2026-11-20", "days": 184}
    assert (
        d["standards"]["certified"]["delta"] == d["standards"]["certified"]["new"] - d["standards"]["certified"]["old"]
    )
    closed = {e["id"] for e in d["gaps"]["advanced"]["closed"]}
    assert {"ts-facility-control", "ts-identification"} <= closed
    assert "cmp-single-fine" in [e["id"] for e in d["gaps"]["advanced"]["opened"]]
    assert "advanced:cmp-single-fine" in new_blockers(d)
    changed = {a["id"]: (a["old"], a["new"]) for a in d["answers"]["changed"]}
    assert changed == {"penalty_count_12m": (0, 2), "fines_total_12m": (0, 112000), "largest_fine_12m": (0, 80000),
                       "premises_security_procedure": (False, True), "staff_badges": (False, True)}
    assert {a["id"]: a["new"] for a in d["answers"]["added"]} == {"largest_fine_on": "2026-05",
                                                                  "latest_penalty_on": "2026-09"}
    # not barred, so no application bar moved; the plan's targets did (the documents carry their plans)
    assert [(x["what"], x["old"], x["new"]) for x in d["dates"]] == [
        ("certified.apply_on", "2026-10-30", "2027-04-16"), ("certified.decision_by", "2027-01-28", "2027-07-15"),
        ("advanced.apply_on", "2026-11-13", "2027-10-06"), ("advanced.decision_by", "2027-02-11", "2028-01-04")]
    same = compare(new, new)
    assert new_blockers(same) == [] and not same["answers"]["changed"]
    assert all(not same["gaps"][s][k] for s in same["gaps"] for k in ("closed", "opened", "changed"))


def test_dates_that_moved_include_the_plan_targets_when_present(cat):
    r = read(cat, EX / "certified-trading.yaml").data
    old = {**r, "timing": {**r["timing"], "barred": True, "may_apply_from": "2027-01-10"},
           "plan": {"targets": {"advanced": {"apply_on": "2027-03-01", "decision_by": "2027-06-01"}}}}
    new = {**r, "plan": {"targets": {"advanced": {"apply_on": "2027-02-01", "decision_by": "2027-06-01"}}}}
    d = compare(old, new)
    assert d["dates"] == [
        {"what": "may_apply_from", "old": "2027-01-10", "new": "2026-11-20", "days": -51},
        {"what": "advanced.apply_on", "old": "2027-03-01", "new": "2027-02-01", "days": -28},
    ]
