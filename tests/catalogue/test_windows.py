"""Look-back windows belong to one standard or one discredit ground (2026 No. 34 as transcribed;
Order 251's repair rules): each is checked here at its own boundary, answers assessed 2026-11-20."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from factory import answer_all, enterprise

from aeo_check.answers.read import load_answers
from aeo_check.scoring.engine import score

ROOT = Path(__file__).resolve().parents[2]


def run(cat, **over):
    return score(cat, answer_all(cat, enterprise(), over=over)).to_dict()


def rating(d, item_id, std):
    return next(i["rating"] for i in d["standards"][std]["items"] if i["id"] == item_id)


def grounds(d):
    return [t["id"] for t in d["discredit"]]


@pytest.mark.parametrize("question", ["records_refused_last", "cooperation_refused_last"])
def test_cooperation_item_looks_back_two_years_advanced_and_one_year_certified(cat, question):
    d = run(cat, **{question: "2025-10"})  # 13 months before the assessment
    assert rating(d, "ic-cooperation", "advanced") == "fail"
    assert rating(d, "ic-cooperation", "certified") == "pass"
    d = run(cat, **{question: "2025-12"})  # 11 months
    assert rating(d, "ic-cooperation", "certified") == "fail"
    d = run(cat, **{question: dt.date(2024, 11, 20)})  # exactly 2 years
    assert rating(d, "ic-cooperation", "advanced") == "pass"


def test_refusing_records_and_not_cooperating_are_separate_items(cat):
    d = run(cat, cooperation_refused_last="2026-05")
    assert rating(d, "cmp-records-refused", "advanced") == "pass"
    assert rating(d, "ic-cooperation", "advanced") == "fail"
    d = run(cat, records_refused_last="2026-05")
    assert rating(d, "cmp-records-refused", "advanced") == "fail"
    assert rating(d, "cmp-records-refused", "certified") == "fail"


def test_obstruction_items_read_what_customs_found_not_what_it_penalised(cat):
    d = run(cat, obstruction_found_last="2025-09")  # 14 months: certified (28) passes, advanced (30) fails
    assert rating(d, "cmp-obstruction", "advanced") == "fail"
    assert rating(d, "cmp-obstruction", "certified") == "pass"
    assert d["tier"] == "certified" and grounds(d) == []


# a ground whose question is asked only after a wider one (a penalty for obstruction follows a
# finding of it; a missed annual report puts the enterprise on the abnormal list) is dated with the
# wider one on the same day
_GATE = {"obstruction_last": "obstruction_found_last", "annual_report_missed_last": "abnormal_list_last"}


def _on(question, when, **more):
    return {question: when, **({_GATE[question]: when} if question in _GATE else {}), **more}


@pytest.mark.parametrize("question, ground", [
    ("smuggling_criminal_last", "smuggling-criminal"),
    ("bribery_last", "bribery"),
    ("serious_prosecution_last", "serious-prosecution"),
    ("solid_waste_large_fine_last", "solid-waste-fine"),
])
def test_ground_without_repair_on_application_counts_for_two_years(cat, question, ground):
    assert ground in grounds(run(cat, **_on(question, "2025-01", fines_total_12m=0)))  # 22 months
    assert ground not in grounds(run(cat, **_on(question, dt.date(2024, 11, 20))))  # 2 years to the day


@pytest.mark.parametrize("question, ground", [
    ("smuggling_penalty_last", "smuggling-penalty"),
    ("obstruction_last", "obstruction"),
])
def test_ground_with_repair_on_application_lasts_until_the_repair(cat, question, ground):
    assert ground in grounds(run(cat, **_on(question, "2025-02")))  # 21 months, never repaired
    repaired = run(cat, **_on(question, "2025-02", credit_repaired=True, credit_repaired_on=dt.date(2026, 3, 2)))
    assert ground not in grounds(repaired)
    before = run(cat, **_on(question, "2025-02", credit_repaired=True,
                            credit_repaired_on=dt.date(2025, 1, 15)))  # a repair of an earlier ground
    assert ground in grounds(before)
    assert ground not in grounds(run(cat, **_on(question, dt.date(2024, 11, 20))))


@pytest.mark.parametrize("question", sorted(_GATE))
def test_never_for_the_wider_question_rules_the_narrower_one_out(cat, question):
    d = run(cat, **{_GATE[question]: "never"})
    assert question in d["skipped"] and question not in d["unanswered"]
    assert grounds(d) == [] and d["tier"] == "advanced"


def _example(tmp_path, name, old, new):
    text = (ROOT / "examples" / name).read_text(encoding="utf-8")
    assert old in text
    text = text.replace(old, new)
    text = "\n".join("assessed_on: 2026-12-07" if line.startswith("assessed_on:") else line
                     for line in text.split("\n"))
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def test_records_refused_18_months_ago_keeps_the_trading_example_certified(cat, tmp_path):
    p = _example(tmp_path, "certified-trading.yaml", 'records_refused_last: "never"', 'records_refused_last: "2025-06"')
    d = score(cat, load_answers(p, cat)).to_dict()
    assert d["tier"] == "certified"
    assert rating(d, "ic-cooperation", "certified") == "pass"
    assert rating(d, "cmp-records-refused", "certified") == "pass"


def test_smuggling_crime_19_months_ago_discredits_the_manufacturer_example(cat, tmp_path):
    p = _example(tmp_path, "advanced-manufacturer.yaml", 'smuggling_criminal_last: "never"',
                 'smuggling_criminal_last: "2025-05"')
    d = score(cat, load_answers(p, cat)).to_dict()
    assert d["tier"] == "discredited" and grounds(d) == ["smuggling-criminal"]


def test_a_missed_annual_report_fails_the_abnormal_list_item_in_its_window(cat):
    # listed three years ago, so the report is asked; this year's was not filed by 30 June
    listed = {"abnormal_list_last": "2023-07"}
    d = run(cat, **listed, annual_report_missed_last="2026-06")
    assert rating(d, "cmp-abnormal-list", "advanced") == "fail"
    assert rating(d, "cmp-abnormal-list", "certified") == "fail"
    assert d["tier"] == "regular"
    assert rating(run(cat, **listed, annual_report_missed_last="never"), "cmp-abnormal-list", "advanced") == "pass"
    d = run(cat, **listed, annual_report_missed_last="2025-06")  # 17 months: Certified (25) passes, Advanced (27) fails
    assert rating(d, "cmp-abnormal-list", "advanced") == "fail"
    assert (rating(d, "cmp-abnormal-list", "certified"), d["tier"]) == ("pass", "certified")


def test_training_windows_are_set_per_standard_and_last_twelve_months(cat):
    d = run(cat, security_training_staff_last="within_12m", driver_training_last="within_12m")
    assert rating(d, "ts-security-training", "advanced") == "pass"
    assert rating(d, "ts-security-training", "certified") == "pass"
    assert rating(d, "ts-driver-training", "advanced") == "pass"
    d = run(cat, security_training_staff_last="m12_24", driver_training_last="m12_24")
    assert rating(d, "ts-security-training", "advanced") == "partial"
    assert rating(d, "ts-security-training", "certified") == "partial"
    assert rating(d, "ts-driver-training", "advanced") == "partial"
    for item_id, std in [("ts-security-training", "advanced"), ("ts-security-training", "certified"),
                         ("ts-driver-training", "advanced")]:
        assert cat.item(item_id).standards[std].params == {"window_months": 12}
