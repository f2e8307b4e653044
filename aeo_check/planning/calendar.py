"""Calendar arithmetic for plans in calendar dates: whole months and yearly dates. Working days
are China's, in :mod:`.workdays`."""

from __future__ import annotations

import datetime as dt

from aeo_check.catalogue.expr import add_months

__all__ = ["add_months", "next_on_or_after"]


def next_on_or_after(d: dt.date, month: int, day: int) -> dt.date:
    """The next date with this month and day, ``d`` itself included."""
    for year in (d.year, d.year + 1):
        cand = dt.date(year, month, day)
        if cand >= d:
            return cand
    raise AssertionError("unreachable")  # pragma: no cover
