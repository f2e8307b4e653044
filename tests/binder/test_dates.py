import datetime as dt

import pytest

from aeo_check.binder.dates import months_before, name_dates

D = dt.date


@pytest.mark.parametrize("name, span", [
    ("培训签到表 2025-12_2026-11.xlsx", (D(2025, 12, 1), D(2026, 11, 30))),
    ("patrol log 20250107-20260106.pdf", (D(2025, 1, 7), D(2026, 1, 6))),
    ("管理制度 2025.03.01.pdf", (D(2025, 3, 1), D(2025, 3, 1))),
    ("巡查记录2025年1月至2025年12月.xlsx", (D(2025, 1, 1), D(2025, 12, 31))),
    ("key register 2026-02.xlsx", (D(2026, 2, 1), D(2026, 2, 28))),
])
def test_a_file_name_states_the_span_from_its_first_to_its_last_date(name, span):
    assert name_dates(name) == span


@pytest.mark.parametrize("name", ["员工花名册.xlsx", "ISO 17712 certificate no 123456789.pdf", "报关单 2026-02-30.pdf",
                                  "scan 202612.pdf"])
def test_a_name_without_a_real_date_states_none(name):
    assert name_dates(name) is None


def test_months_before_keeps_the_day_or_takes_the_shorter_months_last():
    assert months_before(D(2026, 12, 7), 12) == D(2025, 12, 7)
    assert months_before(D(2026, 12, 7), 24) == D(2024, 12, 7)
    assert months_before(D(2026, 3, 31), 1) == D(2026, 2, 28)
