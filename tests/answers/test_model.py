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
