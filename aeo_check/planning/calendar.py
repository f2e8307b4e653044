"""Calendar arithmetic for plans: working days (Monday to Friday) and whole months."""

from __future__ import annotations

import datetime as dt

from aeo_check.catalogue.expr import add_months

__all__ = ["add_months", "add_working_days", "sub_working_days", "working_days_between", "next_on_or_after"]


def add_working_days(d: dt.date, n: int) -> dt.date:
    """The ``n``-th working day after ``d`` (``d`` itself when ``n`` is 0)."""
    if n <= 0:
        return d
    weeks, rest = divmod(n, 5)
    out = d + dt.timedelta(days=7 * weeks)
    while rest:
        out += dt.timedelta(days=1)
        if out.weekday() < 5:
            rest -= 1
    return out


def sub_working_days(d: dt.date, n: int) -> dt.date:
    """The working day ``n`` working days before ``d``."""
    out = d
    while n > 0:
        out -= dt.timedelta(days=1)
        if out.weekday() < 5:
            n -= 1
    return out


def working_days_between(a: dt.date, b: dt.date) -> int:
    """Working days after ``a`` up to and including ``b`` (0 when ``b`` is not after ``a``)."""
    if b <= a:
        return 0
    days = (b - a).days
    weeks, rest = divmod(days, 7)
    n = weeks * 5
    d = a + dt.timedelta(days=7 * weeks)
    for _ in range(rest):
        d += dt.timedelta(days=1)
        if d.weekday() < 5:
            n += 1
    return n


def next_on_or_after(d: dt.date, month: int, day: int) -> dt.date:
    """The next date with this month and day, ``d`` itself included."""
    for year in (d.year, d.year + 1):
        cand = dt.date(year, month, day)
        if cand >= d:
            return cand
    raise AssertionError("unreachable")  # pragma: no cover
