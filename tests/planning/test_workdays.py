"""China's working-day calendar: official years, estimated years, inclusive spans, deadlines."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from aeo_check.planning.workdays import Notice, WorkCalendar

D = dt.date
CAL = WorkCalendar()


def test_the_2026_national_day_week_and_its_make_up_saturday_come_from_the_official_notice():
    assert CAL.status(2026) == "official"
    assert [CAL.is_workday(D(2026, 10, d)) for d in range(1, 11)] == \
        [False, False, False, False, False, False, False, True, True, True]  # 10 Oct is a Saturday worked
    assert CAL.is_workday(D(2026, 9, 20))  # Sunday, make-up working day
    assert not CAL.is_workday(D(2026, 9, 19))  # an ordinary Saturday


def test_a_year_without_its_notice_is_estimated_from_the_statutory_holidays():
    assert CAL.status(2027) == "estimated"
    assert not CAL.is_workday(D(2027, 1, 1))  # New Year's Day, a Friday
    assert not CAL.is_workday(D(2027, 2, 8))  # Spring Festival
    assert not CAL.is_workday(D(2027, 2, 13))  # a Saturday: no make-up day is guessed
    assert CAL.estimated_years([D(2026, 12, 30), D(2027, 1, 4), D(2028, 3, 1)]) == [2027, 2028]


def test_a_published_notice_in_the_data_makes_its_year_official_and_wins_over_the_rule():
    notice = Notice("State Council General Office notice (test)", frozenset({D(2027, 2, 11)}),
                    frozenset({D(2027, 2, 20)}))
    cal = WorkCalendar({2027: notice})
    assert cal.status(2027) == "official"
    assert not cal.is_workday(D(2027, 2, 11))
    assert cal.is_workday(D(2027, 2, 20))  # a Saturday worked
    assert cal.is_workday(D(2027, 2, 8))  # the notice lists every weekday off: this one is not


def test_the_first_working_day_after_an_assessment_on_a_sunday_is_the_monday():
    assert CAL.on_or_after(D(2026, 12, 6)) == D(2026, 12, 7)


def test_the_first_working_day_after_the_national_day_week_2027_counts_the_rule():
    # 1-3 October are the statutory days; by rule 4 and 5 October (Monday, Tuesday) replace the
    # two that fall on the weekend, so Wednesday 6 October is the first working day
    assert CAL.on_or_after(D(2027, 10, 3)) == D(2027, 10, 6)


def test_the_day_before_spring_festival_eve_2027_is_itself_a_working_day():
    assert CAL.on_or_after(D(2027, 2, 4)) == D(2027, 2, 4)
    assert CAL.day_after(D(2027, 2, 4)) == D(2027, 2, 11)  # eve 5 Feb, festival 6-8, observed 9-10


def test_a_task_of_ten_working_days_ends_on_its_tenth_working_day_counting_the_first():
    # Monday 2026-12-07 .. Friday 2026-12-18: two weeks, both ends inclusive
    assert CAL.end_of(D(2026, 12, 7), 10) == D(2026, 12, 18)
    assert CAL.count(D(2026, 12, 7), D(2026, 12, 18)) == 10
    assert CAL.end_of(D(2026, 12, 7), 1) == D(2026, 12, 7)


def test_a_task_across_new_year_skips_the_holiday():
    assert CAL.end_of(D(2026, 12, 28), 5) == D(2027, 1, 4)  # 28-31 Dec, then 1 Jan off, 2-3 weekend


def test_a_legal_deadline_on_a_day_off_moves_to_the_next_working_day():
    assert CAL.deadline(D(2026, 10, 3)) == D(2026, 10, 8)  # Civil Code Art. 203
    assert CAL.deadline(D(2026, 10, 9)) == D(2026, 10, 9)


def _catalogue_with_notice(tmp_path, notice: str):
    import shutil
    from pathlib import Path

    from aeo_check.catalogue.loader import frozen, load_catalogue

    root = tmp_path / "data"
    shutil.copytree(Path(__file__).resolve().parents[2] / "questionnaires", root / "questionnaires")
    f = root / "questionnaires" / "calendars" / "china.yaml"
    f.write_text(f.read_text(encoding="utf-8").replace("notices: {}", notice), encoding="utf-8")
    return frozen(load_catalogue(root))


NOTICE_2027 = """notices:
  2027:
    source: "State Council General Office notice on the 2027 holidays (test copy)"
    days_off: [2027-02-11, 2027-02-12]
    workdays: [2027-02-20]"""


def test_a_notice_copied_into_the_calendar_file_makes_its_year_official(tmp_path):
    from aeo_check.planning.workdays import work_calendar

    cal = work_calendar(_catalogue_with_notice(tmp_path, NOTICE_2027))
    assert cal.status(2027) == "official"
    assert (cal.is_workday(D(2027, 2, 11)), cal.is_workday(D(2027, 2, 20))) == (False, True)
    assert cal.year(2027).source.startswith("State Council General Office notice")


def test_a_notice_with_a_day_of_another_year_is_refused_with_its_file_and_line(tmp_path):
    import pytest

    from aeo_check.files.sourcefile import DataFileError

    with pytest.raises(DataFileError) as exc:
        _catalogue_with_notice(tmp_path, NOTICE_2027.replace("2027-02-12", "2028-02-12"))
    problem = exc.value.problems[0]
    assert problem.file.endswith("china.yaml") and "2028-02-12 is listed under 2027" in problem.message
    assert problem.line is not None


def _estimated_2027(tmp_path, monkeypatch) -> tuple[frozenset, list]:
    monkeypatch.setenv("AEO_CHECK_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("AEO_CHECK_NO_CACHE", raising=False)
    return WorkCalendar().year(2027).days_off, sorted((tmp_path / "cache").glob("calendar-holidays-2027-*.json"))


def test_an_estimated_year_is_kept_in_the_user_cache_and_read_back_the_same(tmp_path, monkeypatch):
    computed, [entry] = _estimated_2027(tmp_path, monkeypatch)
    assert D(2027, 2, 8) in computed
    monkeypatch.setattr("holidays.country_holidays", lambda *a, **k: pytest.fail("computed again"))
    again, _ = _estimated_2027(tmp_path, monkeypatch)
    assert again == computed


def _entry(source: str = "holidays 0.1", days: str = '["2027-02-08"]', worked: str = "[]") -> bytes:
    return f'{{"source": "{source}", "days_off": {days}, "workdays": {worked}}}'.encode()


def test_a_cache_entry_of_the_right_shape_is_believed(tmp_path, monkeypatch):
    computed, [entry] = _estimated_2027(tmp_path, monkeypatch)
    entry.write_bytes(entry.read_bytes().partition(b"\n")[0] + b"\n" + _entry())
    year = WorkCalendar().year(2027)
    assert (year.source, year.days_off) == ("holidays 0.1", frozenset({D(2027, 2, 8)}))


@pytest.mark.parametrize("body", [_entry(days='["2027-02-13"]'), _entry(days='["2026-02-16"]'),
                                  _entry(worked='["2027-02-08"]'), _entry(worked='["2026-02-14"]'),
                                  _entry(days='["not a day"]'), _entry(source="holidays 0.1\\u001b[2J"),
                                  _entry(source="something else"), b'{"a": 1}', b"7", b"[]", b'{"none": true}'])
def test_a_cache_entry_that_cannot_be_an_estimated_year_is_recomputed(tmp_path, monkeypatch, body):
    computed, [entry] = _estimated_2027(tmp_path, monkeypatch)
    key = entry.read_bytes().partition(b"\n")[0]
    entry.write_bytes(key + b"\n" + body)
    again, _ = _estimated_2027(tmp_path, monkeypatch)
    assert again == computed


def _walk_end(cal: WorkCalendar, d: dt.date, n: int) -> dt.date:
    """The n-th working day from ``d`` on, found by walking the calendar one day at a time."""
    while not cal.is_workday(d):
        d += dt.timedelta(days=1)
    while n > 1:
        d += dt.timedelta(days=1)
        n -= cal.is_workday(d)
    return d


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.dates(D(2025, 1, 1), D(2029, 12, 31)), st.integers(1, 80)), min_size=1, max_size=4))
def test_working_days_from_the_index_agree_with_walking_the_calendar(queries):
    cal, plain = WorkCalendar(), WorkCalendar()  # one asked in any order of years, one only walked
    for d, n in queries:
        end = _walk_end(plain, d, n)
        assert cal.on_or_after(d) == _walk_end(plain, d, 1)
        assert cal.end_of(d, n) == end
        assert cal.count(d, end) == n
        assert cal.day_after(end) == _walk_end(plain, end + dt.timedelta(days=1), 1)


def test_an_official_year_of_the_calendar_package_is_kept_in_the_user_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("AEO_CHECK_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("AEO_CHECK_NO_CACHE", raising=False)
    first = WorkCalendar().year(2026)
    [entry] = sorted((tmp_path / "cache").glob("calendar-chinese_calendar-2026-*.json"))
    assert first.status == "official" and first.source.startswith("chinese-calendar ")
    assert D(2026, 10, 7) in first.days_off and D(2026, 10, 10) in first.workdays  # National Day, its make-up Saturday
    monkeypatch.setattr("aeo_check.planning.workdays._from_chinese_calendar", lambda y: pytest.fail("computed again"))
    assert WorkCalendar().year(2026) == first


def test_a_year_the_calendar_package_lacks_is_remembered_as_lacking(tmp_path, monkeypatch):
    estimated, _ = _estimated_2027(tmp_path, monkeypatch)
    assert sorted((tmp_path / "cache").glob("calendar-chinese_calendar-2027-*.json"))
    monkeypatch.setattr("aeo_check.planning.workdays._from_chinese_calendar", lambda y: pytest.fail("looked up again"))
    year = WorkCalendar().year(2027)
    assert year.status == "estimated" and year.days_off == estimated
