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
    on = dt.date.fromisoformat(plan["assessed_on"])
    steps = plan["steps"]
    ends = [_d(s["end"]) for s in steps if s["end"]]
    for tg in plan["targets"].values():
        for k in ("decision_latest", "decision_by", "ready_on"):
            if tg.get(k):
                ends.append(_d(tg[k]))
    last = max([e for e in ends if e] + [on + dt.timedelta(days=60)])
    # whole months on the axis, one month of air after the last date
    end = dt.date(last.year + (last.month // 12), last.month % 12 + 1, 1)
    span = max((end - on).days, 1)
    scale = (WIDTH - LABEL_W - 10) / span

    def x(d: dt.date) -> float:
        return round(LABEL_W + (d - on).days * scale, 1)

    rows: list[dict[str, Any]] = []
    bars: list[dict[str, Any]] = []
    marks: list[dict[str, Any]] = []

    def row(label: str) -> float:
        y = TOP + len(rows) * ROW_H
        rows.append({"label": label, "y": y, "ty": y + 14})
        return y

    owner_steps: dict[str, list[dict[str, Any]]] = {}
    for s in steps:
        if s["kind"] in ("check", "work", "records", "apply"):
            owner_steps.setdefault(s["owner"] or "customs_affairs", []).append(s)
    where: dict[str, tuple[float, float, float]] = {}  # step id -> (x of start, x after end, y of middle)
    for owner, ss in owner_steps.items():
        y = row(cat.label("owners", owner).get(lang))
        for s in ss:
            lane = 1 if s["kind"] == "records" else 0
            where[s["id"]] = _bar(bars, s, x, y + 3 + lane * 9, 8, on)
    for s in steps:
        if s["kind"] in ("wait", "statements", "repair", "blocked", "deadline"):
            y = row(_short(s["title"][lang], lang))
            where[s["id"]] = _bar(bars, s, x, y + 5, 11, on)
    links = [_link(where[d], where[s["id"]]) for s in steps for d in s["depends_on"]
             if d in where and s["id"] in where]
    for tier, tg in plan["targets"].items():
        if not tg.get("apply_on"):
            continue
        y = row(_short(words["gantt_customs"].format(tier=cat.label("tiers", tier).get(lang)), lang))
        cy = y + 10
        for key, shape in (("apply_on", "diamond"), ("onsite_by", "triangle"), ("decision_by", "circle")):
            d = _d(tg.get(key))
            if d is not None:
                marks.append({"shape": shape, "x": x(d), "y": cy, "label": words[f"gantt_{key}"],
                              "date": fmt_date(tg[key], lang)})
        if tg.get("decision_latest"):
            x0, x1 = x(_d(tg["decision_by"])), x(_d(tg["decision_latest"]))
            bars.append({"x": x0, "y": cy - 1, "w": max(1.0, x1 - x0), "h": 2,
                         "fill": "#7f8c8d", "stroke": "#7f8c8d", "dash": False})
    height = TOP + len(rows) * ROW_H + 8
    ticks = []
    months = (end.year - on.year) * 12 + end.month - on.month
    every = 1 if months <= 14 else 2 if months <= 26 else 3
    d = dt.date(on.year, on.month, 1)
    i = 0
    while d <= end:
        if d >= on and i % every == 0 and x(d) < WIDTH - 34:
            ticks.append({"x": x(d), "label": f"{d.year}-{d.month:02d}"})
        i += 1
        d = dt.date(d.year + (d.month // 12), d.month % 12 + 1, 1)
    today = {"x": x(on), "label": words["gantt_assessed"]}
    return {"width": WIDTH, "height": height, "rows": rows, "bars": bars, "marks": marks, "ticks": ticks,
            "links": links,
            "today": today, "label_w": LABEL_W, "bottom": height - 8}


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
