"""How many of the dates a plan prints for a working day fall on a day off in China's calendar.

Plans each example (examples/*.yaml) as if assessed on every day of a year (from its own
assessment date on, or from --from) and counts the dates that name a day on which someone works,
submits or is checked — the start and end of check, work and dossier steps, the first day of a
records run, the submission and the on-site check — and, apart, the legal deadlines (decision,
latest decision), which Civil Code Art. 203 moves off days off. Prints one line per group and
the years of the calendar that are official or estimated.

    .venv/bin/python bench/plan_dates.py [--from 2026-11-20] [--days 365]
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
from pathlib import Path

from aeo_check.answers.read import load_answers
from aeo_check.catalogue import get_catalogue
from aeo_check.planning import make_plan
from aeo_check.planning.workdays import WorkCalendar
from aeo_check.scoring import score

ROOT = Path(__file__).resolve().parent.parent


def work_dates(plan: dict) -> list[str]:
    out = []
    for s in plan["steps"]:
        if s["kind"] in ("check", "work", "apply"):
            out += [s["start"], s["end"]]
        elif s["kind"] == "records":
            out.append(s["start"])
    for t in plan["targets"].values():
        out += [t.get("apply_on"), t.get("onsite_by")]
    return [d for d in out if d]


def deadline_dates(plan: dict) -> list[str]:
    return [d for t in plan["targets"].values() for d in (t.get("decision_by"), t.get("decision_latest")) if d]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--from", dest="start", type=dt.date.fromisoformat)
    ap.add_argument("--days", type=int, default=365)
    args = ap.parse_args()
    cat = get_catalogue()
    cal = WorkCalendar()
    counts = {"work": [0, 0], "deadline": [0, 0]}
    seen: set[int] = set()
    for path in sorted((ROOT / "examples").glob("*.yaml")):
        a = load_answers(path, cat)
        start = args.start or a.assessed_on
        for n in range(args.days):
            on = start + dt.timedelta(days=n)
            plan = make_plan(cat, score(cat, dataclasses.replace(a, assessed_on=on))).to_dict()
            for group, dates in (("work", work_dates(plan)), ("deadline", deadline_dates(plan))):
                for iso in dates:
                    d = dt.date.fromisoformat(iso)
                    seen.add(d.year)
                    counts[group][0] += not cal.is_workday(d)
                    counts[group][1] += 1
    for group, (off, total) in counts.items():
        print(f"{group} dates on a day off: {off} of {total} ({100 * off / max(total, 1):.1f} %)")
    for y in sorted(seen):
        print(f"{y}: {cal.status(y)} ({cal.year(y).source})")


if __name__ == "__main__":
    main()
