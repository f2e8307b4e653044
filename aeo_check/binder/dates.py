"""Dates a user writes in a file name (``签到表 2025-12_2026-11.xlsx``) and month arithmetic.

A binder is judged from dates people write down, never from file modification times: a copy,
a download or a restore changes those without changing what the document covers.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re

# 2025-12-01, 2025.12.01, 2025_12_01, 20251201, 2025-12, 2025.12, 2025年12月(1日): a year of this
# century, then a month, then (optionally) a day, not inside a longer run of digits
_DATE = re.compile(
    r"(?<!\d)(20\d\d)(?:([-._])(0?[1-9]|1[0-2])(?:\2(0?[1-9]|[12]\d|3[01]))?"
    r"|(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])"
    r"|年(0?[1-9]|1[0-2])月(?:(0?[1-9]|[12]\d|3[01])日)?)(?!\d)")


@functools.lru_cache(maxsize=4096)
def _span(text: str) -> tuple[dt.date, dt.date] | None:
    """The first and last day one date written in a name can mean (a month alone: the whole
    month); remembered, since the files of one binder repeat the same few hundred dates."""
    m = _DATE.fullmatch(text)
    assert m is not None
    year = int(m.group(1))
    month = int(m.group(3) or m.group(5) or m.group(7))
    day = m.group(4) or m.group(6) or m.group(8)
    try:
        if day:
            d = dt.date(year, month, int(day))
            return d, d
        return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])
    except ValueError:  # 2026-02-30: not a date
        return None


def name_dates(name: str) -> tuple[dt.date, dt.date] | None:
    """The span a file name states: from its first date's first day to its last date's last day;
    one date gives that day (or month). None when the name holds no date."""
    spans = [s for s in map(_span, (m.group(0) for m in _DATE.finditer(name))) if s is not None]
    if not spans:
        return None
    return spans[0][0], spans[-1][1]


def months_before(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` calendar months earlier (the month's last day where it is shorter)."""
    n = day.year * 12 + day.month - 1 - months
    year, month = divmod(n, 12)
    month += 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))
