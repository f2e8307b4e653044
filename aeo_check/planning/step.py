"""A step of a plan: what is done, by whom, from which day to which (both counted), after which steps."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any


@dataclass(slots=True, eq=False, repr=False)
class Step:
    id: str
    kind: str
    title: dict[str, str]
    owner: str | None
    start: dt.date
    end: dt.date | None  # None: no date can be set
    end_earliest: dt.date | None = None  # only a range is known: between end_earliest and end
    days: int | None = None  # person-days (check, work, apply)
    items: list[str] = field(default_factory=list)
    depends_on: list[str] = field(default_factory=list)
    tiers: list[str] = field(default_factory=list)
    detail: dict[str, Any] | None = None
    not_before: dt.date | None = None  # the scheduler starts the step no earlier (not part of the plan's data)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id, "kind": self.kind, "title": self.title, "owner": self.owner,
            "start": self.start.isoformat(), "end": _iso(self.end), "end_earliest": _iso(self.end_earliest),
            "days": self.days, "items": list(self.items), "depends_on": list(self.depends_on),
            "tiers": list(self.tiers), "detail": self.detail,
        }


def _iso(d: dt.date | None) -> str | None:
    return d.isoformat() if d is not None else None
