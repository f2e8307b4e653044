"""Look-back answers given as a month or a date, and "don't know yet" answers."""

from __future__ import annotations

import datetime as dt

import pytest
import yaml
from factory import answer_all, enterprise

from aeo_check.answers.model import parse_answers
from aeo_check.catalogue import get_catalogue
from aeo_check.files.sourcefile import DataFileError, parse_text
from aeo_check.scoring import score

CAT = get_catalogue()
ITEM = "cmp-criminal-record"  # window 24 months (advanced), 12 months (certified)


def _ratings(value):
    r = score(CAT, answer_all(CAT, enterprise(), over={"related_person_crime_last": value}))
    return tuple(next(i.rating for i in r.standards[s].items if i.id == ITEM) for s in ("advanced", "certified"))


def test_a_month_is_counted_from_its_last_day():
    # 2025-11 is read as 2025-11-30: still inside the 12-month window on 2026-11-20
    assert _ratings("2025-11") == ("fail", "fail")
    assert _ratings("2025-10") == ("fail", "pass")
    assert _ratings("2024-10") == ("pass", "pass")


def test_a_date_exactly_a_window_back_has_left_it():
    assert _ratings(dt.date(2025, 11, 20)) == ("fail", "pass")
    assert _ratings(dt.date(2025, 11, 21)) == ("fail", "fail")
    assert _ratings(dt.date(2024, 11, 20)) == ("pass", "pass")


def test_band_answers_of_older_files_still_judge_as_before():
    assert _ratings("m12_24") == ("fail", "pass")
    assert _ratings("within_12m") == ("fail", "fail")
    assert _ratings("over_24m") == ("pass", "pass")
    assert _ratings("never") == ("pass", "pass")


def _file(**answers):
    d = answer_all(CAT, enterprise()).to_document()
    d["answers"].update(answers)
    return parse_text(yaml.safe_dump(d, allow_unicode=True, sort_keys=False), "client.yaml")


def test_dont_know_in_a_file_is_kept_apart_from_unanswered():
    a = parse_answers(_file(investors_discredited="dont_know"), CAT)
    assert a.dont_know == ["investors_discredited"]
    assert "investors_discredited" not in a.answers
    r = score(CAT, a)
    assert r.dont_know == ["investors_discredited"]
    assert r.unanswered == []
    assert r.provisional is True
    assert a.to_document()["answers"]["investors_discredited"] == "dont_know"


def test_an_event_after_the_assessment_date_is_refused():
    with pytest.raises(DataFileError) as exc:
        parse_answers(_file(related_person_crime_last="2026-12"), CAT)
    (p,) = exc.value.problems
    assert str(p).startswith("client.yaml:")
    assert "answers.related_person_crime_last: 2026-12 is after the assessment date 2026-11-20" in str(p)


# --------------------------------------------------------------------------- input as people type it (one reader)

@pytest.mark.parametrize("typed", ["2026-05", "2026-5", "2026年5月", "2026.5", "2026/05", "5/2026", "２０２６年５月"])
def test_a_month_is_read_the_same_however_it_is_written(typed):
    from aeo_check.answers.model import check_value

    assert check_value(CAT, CAT.questions["latest_penalty_on"], typed) == ("2026-05", None)


@pytest.mark.parametrize("typed", ["never", "Never", "从未", "从未发生", "没有"])
def test_never_is_read_in_either_language(typed):
    from aeo_check.answers.model import check_value

    assert check_value(CAT, CAT.questions["smuggling_penalty_last"], typed) == ("never", None)


@pytest.mark.parametrize("typed, value", [("2800万", 28_000_000), ("¥1,500,000", 1_500_000), ("3亿元", 300_000_000),
                                          ("人民币 150,000", 150_000), ("1500000", 1_500_000)])
def test_an_amount_is_read_the_same_in_a_file_and_in_the_questionnaire(typed, value):
    from aeo_check.answers.model import check_value
    from aeo_check.interactive.asker import parse_text_answer

    q = CAT.questions["total_liabilities"]
    assert check_value(CAT, q, typed) == (value, None)
    assert parse_text_answer(CAT, q, typed, "en") == (value, None)


@pytest.mark.parametrize("typed", ["2026-13", "13/2026", "2026年", "May 2026"])
def test_what_is_not_a_month_is_refused(typed):
    from aeo_check.answers.model import check_value

    assert check_value(CAT, CAT.questions["latest_penalty_on"], typed)[1] is not None


def test_an_answer_checked_in_an_earlier_file_is_judged_again_by_its_type():
    # the check of a value is remembered between files: 1 and True are equal keys, and must not
    # share a verdict (true is no count of penalties, 1 is no yes/no answer)
    assert parse_answers(_file(penalty_count_12m=1, has_cctv=True), CAT).answers["penalty_count_12m"] == 1
    with pytest.raises(DataFileError) as exc:
        parse_answers(_file(penalty_count_12m=True, has_cctv=1), CAT)
    assert sorted(p.field for p in exc.value.problems) == ["answers.has_cctv", "answers.penalty_count_12m"]
