"""The plan as an iCalendar file (RFC 5545) for Outlook, Google and Apple calendars.

One all-day event per dated step (first to last day, both shown: DTEND is the day after the last
day, as the format wants) and one per milestone of each target: the submission, the expected
decision and the latest decision. Each event's UID is made of the enterprise's USCC and the step
or milestone id, so importing an updated plan replaces the events of the earlier one instead of
adding copies. Reads the plan's JSON form, like every view.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from aeo_check.catalogue.compiled import Catalogue
from aeo_check.views.plan import owner_name, tier_name
from aeo_check.words.i18n import t

MILESTONES = ("apply_on", "decision_by", "decision_latest")
ONE = dt.timedelta(days=1)


def plan_ics(cat: Catalogue, plan: dict[str, Any], lang: str, uscc: str, name: str) -> bytes:
    from icalendar import Calendar, Event

    ical = Calendar()
    ical.add("prodid", "-//aeo-check//plan//EN")
    ical.add("version", "2.0")
    ical.add("x-wr-calname", t("ics.calendar_name", lang, name=name))
    stamp = dt.datetime.combine(dt.date.fromisoformat(plan["assessed_on"]), dt.time(), dt.UTC)

    def event(uid: str, summary: str, first: str, last: str, description: str) -> None:
        ev = Event()
        ev.add("uid", f"{uid}.{uscc}@aeo-check")
        ev.add("dtstamp", stamp)
        ev.add("summary", summary)
        ev.add("dtstart", dt.date.fromisoformat(first))
        ev.add("dtend", dt.date.fromisoformat(last) + ONE)
        ev.add("description", description)
        ev.add("transp", "TRANSPARENT")
        ical.add_component(ev)

    for s in plan["steps"]:
        if s["end"] is None:
            continue
        waits = t("ics.waits_on", lang, steps=", ".join(s["depends_on"])) if s["depends_on"] else ""
        description = "\n".join(x for x in (
            t("ics.owner", lang, owner=owner_name(cat, s["owner"], lang)),
            t("ics.tiers", lang, tiers=", ".join(tier_name(cat, x, lang) for x in s["tiers"])),
            waits) if x)
        event(s["id"], s["title"][lang], s["start"], s["end"], description)
    for tier, tg in plan["targets"].items():
        for key in MILESTONES:
            if tg.get(key):
                event(f"{key}:{tier}", t(f"ics.{key}", lang, tier=tier_name(cat, tier, lang)), tg[key], tg[key],
                      t(f"ics.{key}_note", lang))
    return ical.to_ical()
