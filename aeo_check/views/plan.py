"""Views of the dated plan: the task list (table, CSV) and the few lines the score screen shows.

They read the plan's JSON form (``Plan.to_dict()``), the same data the report and the result
JSON carry; they never plan or score.
"""

from __future__ import annotations

import io
from typing import Any

from aeo_check.catalogue.compiled import Catalogue
from aeo_check.files.safetext import spreadsheet
from aeo_check.words.i18n import t


def fmt_date(iso: str | None, lang: str) -> str:
    if not iso:
        return "—"
    y, m, d = iso.split("-")
    return t("date", lang, y=int(y), m=int(m), d=int(d))


def step_when(step: dict[str, Any], lang: str, iso: bool = False) -> str:
    """The end of a step as a person reads it: a date or a range (ISO dates in tables)."""
    f = (lambda d: d) if iso else (lambda d: fmt_date(d, lang))
    if step["end"] is None:
        return "—"
    if step.get("end_earliest"):
        return t("between", lang, lo=f(step["end_earliest"]), hi=f(step["end"]))
    return f(step["end"])


def item_numbers(cat: Catalogue, step: dict[str, Any], lang: str) -> str:
    """Official numbers of a step's items, always in the Advanced standard's numbering (every item
    of the Certified standard is also one of the Advanced standard), so one column reads one way."""
    std = "advanced"
    out = []
    for item_id in step["items"]:
        it = cat.items_by_id.get(item_id)
        if it is None:
            continue
        use = it.standards.get(std) or next(iter(it.standards.values()))  # type: ignore[call-overload]
        if it.specific:
            out.append(f"{cat.label('specific_types', it.specific).get(lang)}({use.number})")
        else:
            out.append(f"({use.number})")
    return " ".join(out)


def step_title(step: dict[str, Any], lang: str) -> str:
    return step["title"][lang]


def tier_name(cat: Catalogue, tier: str, lang: str) -> str:
    return cat.label("tiers", tier).get(lang)


def tier_mark(cat: Catalogue, tier: str, lang: str) -> str:
    """A tier's name as a short column shows it (Certified / Advanced; 认证 / 高级)."""
    return t(f"tier_mark_{tier}", lang)


def owner_name(cat: Catalogue, owner: str | None, lang: str) -> str:
    return cat.label("owners", owner).get(lang) if owner else "—"


def check_days(plan: dict[str, Any] | None) -> dict[str, int]:
    """Item id -> the working days of the plan's step that finds out an answer it is waiting on.

    An item whose answer is "don't know" costs, for now, what finding out costs: the plan's check
    step, not the item's remediation (which is due only if the answer turns out against it)."""
    days: dict[str, int] = {}
    for s in plan["steps"] if plan else ():
        if s["kind"] == "check":
            for item in s["items"]:
                days[item] = days.get(item, 0) + (s["days"] or 0)
    return days


def plan_rows(cat: Catalogue, plan: dict[str, Any], lang: str) -> list[dict[str, str]]:
    """One row per step: what a project tool or a spreadsheet needs. ``no`` numbers the rows from 1
    and ``waits_on`` names the rows of the steps a step waits on by those numbers."""
    number = {s["id"]: str(i) for i, s in enumerate(plan["steps"], 1)}
    rows = []
    for s in plan["steps"]:
        rows.append({
            "no": number[s["id"]],
            "waits_on": ", ".join(sorted((number[d] for d in s["depends_on"] if d in number), key=int)),
            "id": s["id"],
            "step": step_title(s, lang),
            "kind": t(f"kind_{s['kind']}", lang),
            "owner": owner_name(cat, s["owner"], lang),
            "start": s["start"],
            "end": s["end"] or "",
            "end_earliest": s.get("end_earliest") or "",
            "days": "" if s["days"] is None else str(s["days"]),
            "items": item_numbers(cat, s, lang),
            "depends_on": " ".join(s["depends_on"]),
            "tiers": ", ".join(tier_name(cat, x, lang) for x in s["tiers"]),
            "tier_marks": " ".join(tier_mark(cat, x, lang) for x in s["tiers"]),
        })
    return rows


_COLUMNS = ("id", "step", "kind", "owner", "start", "end", "end_earliest", "days", "items", "depends_on", "tiers")


def plan_csv(cat: Catalogue, plan: dict[str, Any], lang: str) -> str:
    """CSV with a header row; UTF-8 with BOM so spreadsheet programs read the Chinese right."""
    import csv  # only this view needs it: the score screen, which imports this module, does not

    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow([t(f"plan.{c}", lang) for c in _COLUMNS])
    for r in plan_rows(cat, plan, lang):
        w.writerow([spreadsheet(r[c]) for c in _COLUMNS])
    return "\ufeff" + buf.getvalue()


def target_lines(cat: Catalogue, plan: dict[str, Any], lang: str) -> list[tuple[str, str]]:
    """(style, text) lines: the next step, then one or two lines per target."""
    colon = t("punct.colon", lang)
    out: list[tuple[str, str]] = [("bold", f"{t('next_step', lang)}{colon}{plan['next_step'][lang]}")]
    for tier, tg in plan["targets"].items():
        name = tier_name(cat, tier, lang)
        if tg["route"] == "repair":
            if tg["ready_earliest"] and tg["ready_earliest"] != tg["ready_on"]:
                out.append(("", t("target_repair_range", lang, lo=fmt_date(tg["ready_earliest"], lang),
                                  hi=fmt_date(tg["ready_on"], lang))))
            else:
                out.append(("", t("target_repair", lang, date=fmt_date(tg["ready_on"], lang))))
            for r in (plan.get("repair") or {}).get("routes", []):
                out.append(("grey50", f"  · {r['title'][lang]}{colon}{r['detail']['repair'][lang]}"))
            continue
        if tg["route"] == "keep":
            out.append(("", t("target_keep", lang, tier=name)))
            continue
        if not tg["feasible"]:
            out.append(("yellow", t("target_blocked", lang, tier=name)))
            continue
        out.append(("", t("target_apply", lang, tier=name, apply=fmt_date(tg["apply_on"], lang),
                          decision=fmt_date(tg["decision_by"], lang), latest=fmt_date(tg["decision_latest"], lang))))
        by = t(f"decider_{tg['decided_by']}", lang)
        if tg["elapsed_working_days"]:
            out.append(("grey50", "  " + t("target_effort", lang, pd=tg["person_days"],
                                           elapsed=tg["elapsed_working_days"], by=by)))
        else:
            out.append(("grey50", "  " + t("target_by", lang, by=by)))
        if tg["no_margin"]:
            out.append(("yellow", "  " + t("no_margin", lang, score=tg["score"])))
        if tg["provisional"]:
            out.append(("magenta", "  " + t("provisional_plan", lang)))
    return out


def plan_notes(plan: dict[str, Any], lang: str) -> list[str]:
    """The lines under the targets: a year of the calendar estimated by rule, an assessment date in
    the future or long past, then each time limit of the milestones with its source or, marked,
    its assumption."""
    out = [n["text"][lang] for n in (plan.get("calendar") or {}).get("notes", [])]
    for lim in plan.get("limits", []):
        basis = t("limit_source", lang, source=lim["source"][lang]) if lim["source"] else \
            t("limit_assumed", lang, id=lim["assumption"])
        out.append(t(f"limit_{lim['id']}", lang, days=lim["days"]) + basis)
    return out
