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
import hashlib
import json
import os
import re
from bisect import bisect_left
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
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


@dataclass(slots=True, eq=False, repr=False)
class WorkCalendar:
    """Working days, answered from an index: the working days of the years met so far, in order,
    as day numbers (``date.toordinal``), so that "the n-th working day from d" is a look-up, not a
    walk through the calendar day by day."""

    notices: Mapping[int, Notice] = field(default_factory=dict)
    _years: dict[int, Year] = field(default_factory=dict)
    _ords: list[int] = field(default_factory=list)  # the working days of years _lo.._hi, ascending
    _lo: int = 0
    _hi: int = -1
    _next: dict[dt.date, dt.date] = field(default_factory=dict)  # on_or_after, remembered

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

    # the index ---------------------------------------------------------------
    def _cover(self, lo: int, hi: int) -> None:
        """Hold the working days of every year from ``lo`` to ``hi`` in the index."""
        if self._hi < self._lo:
            self._lo, self._hi = lo, lo - 1
        if lo < self._lo:
            self._ords[:0] = [o for y in range(lo, self._lo) for o in self._workdays_of(y)]
            self._lo = lo
        if hi > self._hi:
            self._ords.extend(o for y in range(self._hi + 1, hi + 1) for o in self._workdays_of(y))
            self._hi = hi

    def _workdays_of(self, y: int) -> list[int]:
        """Year ``y``'s working days as day numbers: Monday to Friday (day number 1, 1 January of
        year 1, was a Monday) but the days off, and the weekend days worked."""
        yr = self.year(y)
        off = {d.toordinal() for d in yr.days_off}
        worked = {d.toordinal() for d in yr.workdays}
        first, last = dt.date(y, 1, 1).toordinal(), dt.date(y, 12, 31).toordinal()
        return [o for o in range(first, last + 1) if ((o - 1) % 7 < 5 and o not in off) or o in worked]

    def index(self, d: dt.date) -> int:
        """The place in the index of ``d``, or of the first working day after it (the index grows
        into the next year only when asked for a day there)."""
        self._cover(d.year, d.year)  # grows what is held, years between included
        return bisect_left(self._ords, d.toordinal())

    def ordinals(self, i: int, n: int) -> list[int]:
        """``n`` working days from place ``i`` of the index on (day numbers)."""
        while i + n > len(self._ords):
            self._cover(self._lo, self._hi + 1)
        return self._ords[i:i + n]

    # dates -------------------------------------------------------------------
    def on_or_after(self, d: dt.date) -> dt.date:
        """``d`` if it is a working day, else the first working day after it."""
        hit = self._next.get(d)
        if hit is None:  # plan after plan asks for the same few hundred days
            hit = self._next[d] = dt.date.fromordinal(self.ordinals(self.index(d), 1)[0])
        return hit

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
        return dt.date.fromordinal(self.ordinals(self.index(start), max(days, 1))[-1])

    def count(self, first: dt.date, last: dt.date) -> int:
        """Working days from ``first`` to ``last``, both counted (0 when ``last`` is before ``first``)."""
        if last < first:
            return 0
        return self.index(last + ONE) - self.index(first)

    def estimated_years(self, dates: list[dt.date]) -> list[int]:
        """The years among ``dates`` whose days off are estimated by rule, in order."""
        return sorted({d.year for d in dates if self.status(d.year) == "estimated"})


def _year(y: int, notice: Notice | None) -> Year:
    if notice is not None:
        return Year("official", notice.source, notice.days_off, notice.workdays)
    official = _remembered("chinese_calendar", y)
    if official is not None:
        return official
    estimated = _remembered("holidays", y)
    assert estimated is not None  # the holidays package estimates every year
    return estimated


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

    source = f"holidays {holidays.__version__}"
    off = frozenset(d for d in holidays.country_holidays("CN", years=y) if d.weekday() < 5)
    return Year("estimated", source, off, frozenset())


class _Package(NamedTuple):
    """A package a year's days can come from: how it makes a year (None: not a year it has), the
    status of its years, the files whose sizes and times stand for its version, and how the
    source it names looks."""

    make: Callable[[int], Year | None]
    status: Status
    files: tuple[str, ...]
    source: str


_PACKAGES = {
    "chinese_calendar": _Package(_from_chinese_calendar, "official", ("__init__.py", "constants.py"),
                                 r"chinese-calendar [0-9A-Za-z.+-]{1,40}"),
    "holidays": _Package(_from_holidays, "estimated", ("__init__.py", "countries/china.py", "calendars/chinese.py"),
                         r"holidays [0-9A-Za-z.+-]{1,40}"),
}


def _remembered(package: str, y: int) -> Year | None:
    """Year ``y`` as ``package`` gives it (None when it has no such year), kept in the user's cache:
    importing a calendar package and picking a year from it costs more than reading the year back,
    and computing China's lunar holidays more than the rest of a ``score``."""
    from aeo_check.files.usercache import usable_folder

    how = _PACKAGES[package]
    key = _package_key(package, how.files, y)
    folder = usable_folder() if key else None
    prefix = f"calendar-{package}-"
    path = folder / f"{prefix}{y}-{hashlib.sha256(key.encode()).hexdigest()[:16]}.json" if folder else None
    if path:
        found = _stored_year(path, key, y, how)
        if found is not _NOT_STORED:
            return found
    year = how.make(y)
    if path:
        from aeo_check.files.usercache import write_entry

        body = {"none": True} if year is None else {
            "source": year.source, "days_off": sorted(d.isoformat() for d in year.days_off),
            "workdays": sorted(d.isoformat() for d in year.workdays)}
        write_entry(path, key, json.dumps(body).encode("ascii"), prefix)
    return year


def _package_key(package: str, files: tuple[str, ...], y: int) -> str:
    """What a year from ``package`` depends on: the installed package (its files' sizes and times,
    read without importing it) and the year; empty when the package cannot be found."""
    from importlib.util import find_spec

    spec = find_spec(package)
    if spec is None or not spec.origin:
        return ""
    folder = Path(spec.origin).parent
    try:
        marks = [(f, os.stat(folder / f)) for f in files]
    except OSError:
        return ""
    stamp = " ".join(f"{f}:{st.st_size}:{st.st_mtime_ns}" for f, st in marks)
    return f"{_YEAR_FORMAT} {folder} {stamp} year={y}"


_YEAR_FORMAT = "aeo-check/calendar-year/2"
_NOT_STORED = object()


def _stored_year(path: Path, key: str, y: int, how: _Package) -> Year | None | object:
    """The year a cache entry holds (None: the package has no such year); :data:`_NOT_STORED`
    unless the entry is one, every day in it of year ``y``, days off on weekdays, days worked on
    weekends."""
    from aeo_check.files.usercache import read_entry

    body = read_entry(path, key)
    try:
        entry = json.loads(body) if body is not None else None
        if entry == {"none": True} and how.status == "official":  # an estimate covers every year
            return None
        source = entry["source"] if re.fullmatch(how.source, entry["source"]) else None
        off = frozenset(dt.date.fromisoformat(s) for s in entry["days_off"])
        work = frozenset(dt.date.fromisoformat(s) for s in entry["workdays"])
    except (ValueError, TypeError, KeyError):
        return _NOT_STORED
    if (source is None or any(d.year != y or d.weekday() >= 5 for d in off)
            or any(d.year != y or d.weekday() < 5 for d in work)):
        return _NOT_STORED
    return Year(how.status, source, off, work)


def work_calendar(cat: Catalogue) -> WorkCalendar:
    """The catalogue's calendar (official notices from its data), built once per catalogue."""
    have = cat.cache.get("plan:calendar")
    if have is None:
        notices = {y: Notice(n["source"], frozenset(n["days_off"]), frozenset(n.get("workdays", [])))
                   for y, n in (cat.calendar.notices.items() if cat.calendar else ())}
        have = cat.cache["plan:calendar"] = WorkCalendar(notices)
    return have
