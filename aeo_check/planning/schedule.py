"""Dates for the steps of a plan: a finish-to-start schedule levelled by owner.

Every step starts on the first working day after all the steps it waits on (``depends_on``) have
ended, and not before the assessment date or its own ``not_before``. A step with person-days (check, work, apply) books its
owner full time for that many working days, first and last day counted; an owner works on one
such task at a time, so a task whose owner is busy starts on the first run of free working days
long enough to hold it (the earliest finish). Steps are placed in the order given (blockers
first), each as early as it can go.

A records step runs from the working day after its work ends to the calendar date ``months``
later (a waiting period ends on its calendar date); waits, statements, repairs and yearly
deadlines keep the calendar dates the planner gave them. A step that waits on one without a date
gets none.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from aeo_check.catalogue.expr import add_months
from aeo_check.planning.workdays import WorkCalendar

if TYPE_CHECKING:
    from aeo_check.planning.step import Step

#: kinds that book their owner for ``days`` working days
BOOKED = ("check", "work", "apply")
#: kinds whose dates the planner sets (a calendar date, or none)
FIXED = ("wait", "statements", "repair", "blocked", "deadline")


def schedule(steps: dict[str, Step], on: dt.date, order: list[str], cal: WorkCalendar) -> None:
    """Give every step its start and end (see the module's docstring)."""
    first = cal.on_or_after(on)
    booked: dict[str, set[int]] = {}  # owner -> the working days booked (day numbers)
    rank = {sid: i for i, sid in enumerate(order)}
    todo = sorted(steps, key=lambda sid: (rank.get(sid, len(rank)), sid))
    done = {sid for sid in todo if steps[sid].kind in FIXED}
    while len(done) < len(todo):
        sid = next(s for s in todo if s not in done and all(d in done for d in steps[s].depends_on))
        _place(steps[sid], [steps[d] for d in steps[sid].depends_on], first, booked, cal)
        done.add(sid)


def _place(s: Step, before: list[Step], first: dt.date, booked: dict[str, set[int]], cal: WorkCalendar) -> None:
    if any(b.end is None for b in before):
        s.start, s.end = first, None
        return
    start = max([first, s.not_before or first] + [cal.day_after(b.end) for b in before if b.end is not None])
    if s.kind == "records":
        work_end = before[0].end
        assert work_end is not None
        s.start, s.end = start, add_months(work_end, s.detail["months"])  # type: ignore[index]
        return
    owner = booked.setdefault(s.owner or "customs_affairs", set())
    days = s.days or 1
    i = cal.index(start)
    while True:  # the earliest run of free working days long enough to hold the task
        run = cal.ordinals(i, days)
        clash = next((k for k, day in enumerate(run) if day in owner), None)
        if clash is None:
            break
        i += clash + 1
    owner.update(run)
    s.start, s.end = dt.date.fromordinal(run[0]), dt.date.fromordinal(run[-1])
