"""China's working days: the calendar every date of a plan is counted in.

A day is a working day unless it is a Saturday, a Sunday or a public holiday; a make-up working
day (调休) of the year's official arrangement is a working day even on a weekend. Each year comes
from the first source that has it (``questionnaires/calendars/china.yaml`` explains the order):
an official notice copied into that file, the ``chinese-calendar`` package (published notices),
or the ``holidays`` package (the statutory days by rule, no make-up days: "estimated").

Conventions the planner relies on:

- a task of ``n`` working days that starts on a working day ends on its ``n``-th working day,
  the start counted (spans are inclusive);
- a waiting period in calendar days or months ends on its calendar date, whatever day that is;
  the next step starts on the following working day (:meth:`WorkCalendar.day_after`);
- a legal deadline whose last day is a day off ends on the first working day after it (Civil
  Code Art. 203; :meth:`WorkCalendar.deadline`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal, NamedTuple

if TYPE_CHECKING:
    from aeo_check.catalogue.compiled import Catalogue

Status = Literal["official", "estimated"]
ONE = dt.timedelta(days=1)


class Notice(NamedTuple):
    """One year's official arrangement: weekdays off and make-up working days (weekend days)."""

    source: str
    days_off: frozenset[dt.date]
    workdays: frozenset[dt.date]


class Year(NamedTuple):
    status: Status
    source: str  # where the year's days off come from
    days_off: frozenset[dt.date]  # weekdays off
    workdays: frozenset[dt.date]  # weekend days worked


@dataclass(slots=True)
class WorkCalendar:
    notices: Mapping[int, Notice] = field(default_factory=dict)
    _years: dict[int, Year] = field(default_factory=dict)

    def year(self, y: int) -> Year:
        have = self._years.get(y)
        if have is None:
            have = self._years[y] = _year(y, self.notices.get(y))
        return have

    def status(self, y: int) -> Status:
        return self.year(y).status

    def is_workday(self, d: dt.date) -> bool:
        yr = self.year(d.year)
        if d.weekday() >= 5:
            return d in yr.workdays
        return d not in yr.days_off

    def on_or_after(self, d: dt.date) -> dt.date:
        """``d`` if it is a working day, else the first working day after it."""
        while not self.is_workday(d):
            d += ONE
        return d

    def day_after(self, d: dt.date) -> dt.date:
        """The first working day after ``d`` (a step that follows something ending on ``d``)."""
        return self.on_or_after(d + ONE)

    def on_or_before(self, d: dt.date) -> dt.date:
        while not self.is_workday(d):
            d -= ONE
        return d

    def before(self, d: dt.date, n: int) -> dt.date:
        """The working day ``n`` working days before ``d`` (``d`` not counted): a task of ``n`` days
        starting then ends on the last working day before ``d``."""
        for _ in range(n):
            d = self.on_or_before(d - ONE)
        return d

    def deadline(self, d: dt.date) -> dt.date:
        """A legal period's last day: ``d``, or the first working day after it (Civil Code Art. 203)."""
        return self.on_or_after(d)

    def end_of(self, start: dt.date, days: int) -> dt.date:
        """The last working day of a task of ``days`` working days starting on ``start`` (counted)."""
        d = self.on_or_after(start)
        for _ in range(max(days, 1) - 1):
            d = self.day_after(d)
        return d

    def count(self, first: dt.date, last: dt.date) -> int:
        """Working days from ``first`` to ``last``, both counted (0 when ``last`` is before ``first``)."""
        n = 0
        d = first
        while d <= last:
            n += self.is_workday(d)
            d += ONE
        return n

    def estimated_years(self, dates: list[dt.date]) -> list[int]:
        """The years among ``dates`` whose days off are estimated by rule, in order."""
        return sorted({d.year for d in dates if self.status(d.year) == "estimated"})


def _year(y: int, notice: Notice | None) -> Year:
    if notice is not None:
        return Year("official", notice.source, notice.days_off, notice.workdays)
    official = _from_chinese_calendar(y)
    if official is not None:
        return official
    return _from_holidays(y)


def _from_chinese_calendar(y: int) -> Year | None:
    import chinese_calendar
    from chinese_calendar import constants

    if not any(d.year == y for d in constants.holidays):
        return None
    off = frozenset(d for d in constants.holidays if d.year == y and d.weekday() < 5)
    work = frozenset(d for d in constants.workdays if d.year == y and d.weekday() >= 5)
    return Year("official", f"chinese-calendar {chinese_calendar.__version__}", off, work)


def _from_holidays(y: int) -> Year:
    import holidays

    days = holidays.country_holidays("CN", years=y)
    off = frozenset(d for d in days if d.weekday() < 5)
    return Year("estimated", f"holidays {holidays.__version__}", off, frozenset())


def work_calendar(cat: Catalogue) -> WorkCalendar:
    """The catalogue's calendar (official notices from its data), built once per catalogue."""
    have = cat.cache.get("plan:calendar")
    if have is None:
        notices = {y: Notice(n["source"], frozenset(n["days_off"]), frozenset(n.get("workdays", [])))
                   for y, n in (cat.calendar.notices.items() if cat.calendar else ())}
        have = cat.cache["plan:calendar"] = WorkCalendar(notices)
    return have
