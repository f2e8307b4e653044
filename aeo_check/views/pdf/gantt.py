"""The dated plan as a Gantt chart: geometry only (numbers and short labels) for the report's
SVG template. Owners are rows; waits, statements and credit repair have rows of their own; the
application, on-site verification and decision are milestones on one row per target. A bar runs
from the start of its first day to the end of its last (spans are inclusive); a thin line joins
the end of each step to the start of every step that waits on it."""

from __future__ import annotations

import datetime as dt
from typing import Any

from aeo_check.catalogue.compiled import Catalogue
from aeo_check.views.plan import fmt_date

ONE = dt.timedelta(days=1)
WIDTH = 560.0
LABEL_W = 132.0
ROW_H = 22.0
TOP = 18.0

FILL = {  # kind -> (fill, stroke, dashed)
    "check": ("#8e44ad", "#8e44ad", False),
    "work": ("#1f618d", "#1f618d", False),
    "apply": ("#117a65", "#117a65", False),
    "records": ("#aed6f1", "#5dade2", False),
    "wait": ("#ffffff", "#7f8c8d", True),
    "statements": ("#f9e79f", "#b7950b", False),
    "repair": ("#f5b7b1", "#a93226", True),
    "blocked": ("#d5d8dc", "#7f8c8d", True),
    "deadline": ("#fdebd0", "#ca6f1e", False),
}


def _d(iso: str | None) -> dt.date | None:
    return dt.date.fromisoformat(iso) if iso else None


def gantt(cat: Catalogue, plan: dict[str, Any], lang: str, words: dict[str, str]) -> dict[str, Any]:
    chart = _Chart(dt.date.fromisoformat(plan["assessed_on"]), _last_date(plan))
    steps = plan["steps"]
    owner_steps: dict[str, list[dict[str, Any]]] = {}
    for s in steps:
        if s["kind"] in ("check", "work", "records", "apply"):
            owner_steps.setdefault(s["owner"] or "customs_affairs", []).append(s)
    where: dict[str, tuple[float, float, float]] = {}  # step id -> (x of start, x after end, y of middle)
    for owner, ss in owner_steps.items():
        y = chart.row(cat.label("owners", owner).get(lang))
        for s in ss:
            lane = 1 if s["kind"] == "records" else 0
            where[s["id"]] = _bar(chart.bars, s, chart.x, y + 3 + lane * 9, 8, chart.on)
    for s in steps:
        if s["kind"] in ("wait", "statements", "repair", "blocked", "deadline"):
            y = chart.row(_short(s["title"][lang], lang))
            where[s["id"]] = _bar(chart.bars, s, chart.x, y + 5, 11, chart.on)
    links = [_link(where[d], where[s["id"]]) for s in steps for d in s["depends_on"]
             if d in where and s["id"] in where]
    for tier, tg in plan["targets"].items():
        if tg.get("apply_on"):
            chart.customs_row(tg, _short(words["gantt_customs"].format(tier=cat.label("tiers", tier).get(lang)), lang),
                              words, lang)
    height = TOP + len(chart.rows) * ROW_H + 8
    return {"width": WIDTH, "height": height, "rows": chart.rows, "bars": chart.bars, "marks": chart.marks,
            "ticks": chart.ticks(), "links": links, "today": {"x": chart.x(chart.on), "label": words["gantt_assessed"]},
            "label_w": LABEL_W, "bottom": height - 8}


def _last_date(plan: dict[str, Any]) -> dt.date:
    """The last date the chart must show: a step's end, a target's decision or readiness, or two
    months after the assessment, whichever is latest."""
    ends = [_d(s["end"]) for s in plan["steps"] if s["end"]]
    for tg in plan["targets"].values():
        ends += [_d(tg[k]) for k in ("decision_latest", "decision_by", "ready_on") if tg.get(k)]
    on = dt.date.fromisoformat(plan["assessed_on"])
    return max([e for e in ends if e] + [on + dt.timedelta(days=60)])


class _Chart:
    """The time axis (whole months, one month of air after the last date) and what is drawn on it."""

    def __init__(self, on: dt.date, last: dt.date) -> None:
        self.on = on
        self.end = _next_month(last)
        self.scale = (WIDTH - LABEL_W - 10) / max((self.end - on).days, 1)
        self.rows: list[dict[str, Any]] = []
        self.bars: list[dict[str, Any]] = []
        self.marks: list[dict[str, Any]] = []

    def x(self, d: dt.date) -> float:
        return round(LABEL_W + (d - self.on).days * self.scale, 1)

    def row(self, label: str) -> float:
        y = TOP + len(self.rows) * ROW_H
        self.rows.append({"label": label, "y": y, "ty": y + 14})
        return y

    def customs_row(self, tg: dict[str, Any], label: str, words: dict[str, str], lang: str) -> None:
        """A target's application, on-site verification and decision as milestones on one row."""
        cy = self.row(label) + 10
        for key, shape in (("apply_on", "diamond"), ("onsite_by", "triangle"), ("decision_by", "circle")):
            d = _d(tg.get(key))
            if d is not None:
                self.marks.append({"shape": shape, "x": self.x(d), "y": cy, "label": words[f"gantt_{key}"],
                                   "date": fmt_date(tg[key], lang)})
        if tg.get("decision_latest"):
            x0, x1 = self.x(_d(tg["decision_by"])), self.x(_d(tg["decision_latest"]))
            self.bars.append({"x": x0, "y": cy - 1, "w": max(1.0, x1 - x0), "h": 2,
                              "fill": "#7f8c8d", "stroke": "#7f8c8d", "dash": False})

    def ticks(self) -> list[dict[str, Any]]:
        """A label at the first of each month (every second or third month on a long axis)."""
        months = (self.end.year - self.on.year) * 12 + self.end.month - self.on.month
        every = 1 if months <= 14 else 2 if months <= 26 else 3
        ticks = []
        d, i = dt.date(self.on.year, self.on.month, 1), 0
        while d <= self.end:
            if d >= self.on and i % every == 0 and self.x(d) < WIDTH - 34:
                ticks.append({"x": self.x(d), "label": f"{d.year}-{d.month:02d}"})
            i += 1
            d = _next_month(d)
        return ticks


def _next_month(d: dt.date) -> dt.date:
    """The first day of the month after ``d``'s."""
    return dt.date(d.year + (d.month // 12), d.month % 12 + 1, 1)


def _bar(bars: list[dict[str, Any]], s: dict[str, Any], x: Any, y: float, h: float,
         on: dt.date) -> tuple[float, float, float]:
    """Add the bars of step ``s``; return (x of its start, x after its last day, y of its middle)."""
    fill, stroke, dash = FILL[s["kind"]]
    start = _d(s["start"]) or on
    x0 = x(start)
    if s["end"] is None:  # blocked: an open bar to the right edge
        bars.append({"x": x0, "y": y, "w": WIDTH - x0 - 10, "h": h, "fill": fill, "stroke": stroke, "dash": True})
        return x0, WIDTH - 10, y + h / 2
    after = x(_d(s["end"]) + ONE)  # type: ignore[operator]
    lo = _d(s.get("end_earliest"))
    if lo is not None:  # known only as a range: solid to the earliest, open to the latest
        bars.append({"x": x0, "y": y, "w": max(1.5, x(lo + ONE) - x0), "h": h, "fill": fill, "stroke": stroke,
                     "dash": dash})
        bars.append({"x": x(lo + ONE), "y": y, "w": max(1.5, after - x(lo + ONE)), "h": h, "fill": "#ffffff",
                     "stroke": stroke, "dash": True})
    else:
        bars.append({"x": x0, "y": y, "w": max(1.5, after - x0), "h": h, "fill": fill, "stroke": stroke, "dash": dash})
    return x0, after, y + h / 2


def _link(before: tuple[float, float, float], after: tuple[float, float, float]) -> str:
    """An SVG path from the end of one bar to the start of the bar that waits on it."""
    (_, x1, y1), (x2, _, y2) = before, after
    xm = round(max(x1, x2 - 3), 1)
    return f"M{x1},{y1} H{xm} V{y2} H{x2}"


def _short(s: str, lang: str) -> str:
    limit = 11 if lang == "zh" else 26
    return s if len(s) <= limit else s[: limit - 1] + "…"
