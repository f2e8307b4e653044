"""The parts of the plan a board signs and a consultant puts their name on.

Built from the result (and its dated ``plan`` when the planner made one), the catalogue's
benefits and sources (``questionnaires/benefits.yaml``, ``sources.yaml``) and the brand file:

- the first page: where the enterprise stands, where it can be and when, what it takes, what it
  brings, the risk of doing nothing, one recommendation;
- document control and the sign-off block;
- the technical annex: method, assumptions with numbered citations, the sources with their
  titles and addresses, and the index of internal item ids — the only place ids and source
  codes appear.

Pure presentation: no scoring, no planning, no I/O beyond the catalogue data it is given.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from aeo_check import __version__
from aeo_check.catalogue.compiled import Catalogue
from aeo_check.catalogue.extras import Extras, codes_in, get_extras
from aeo_check.words.i18n import join_list, t

AEO_TIERS = ("advanced", "certified")
TIER_ORDER = ("seriously_discredited", "discredited", "regular", "certified", "advanced")
#: go straight for the Advanced tier (the one partner customs recognise) when its application
#: date is at most this many days after the Certified one; otherwise take the Certified step first


@dataclass(frozen=True)
class DocInfo:
    """What the consultant sets per report (``report --report-no/--revision``)."""

    report_no: str | None = None
    revision: str = "1.0"


class Citations:
    """Numbers sources in the order the document first cites them; [n] refers to the annex."""

    def __init__(self, extras: Extras) -> None:
        self.extras = extras
        self.order: list[str] = []

    def refs(self, codes: list[str]) -> list[int]:
        out = []
        for c in codes:
            if c not in self.extras.sources:
                continue
            if c not in self.order:
                self.order.append(c)
            out.append(self.order.index(c) + 1)
        return sorted(set(out))

    def mark(self, codes: list[str]) -> str:
        n = self.refs(codes)
        return "[" + ", ".join(str(i) for i in n) + "]" if n else ""

    def listing(self, lang: str) -> list[dict[str, Any]]:
        out = []
        for i, code in enumerate(self.order, start=1):
            s = self.extras.sources[code]
            out.append({"n": i, "code": code, "title": s.title.get(lang), "url": s.url,
                        "url_note": s.url_note.get(lang) if s.url_note else None, "kind": s.kind})
        return out


def _d(value: Any) -> dt.date | None:
    if value is None:
        return None
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def fmt_date(value: Any, lang: str) -> str:
    d = _d(value)
    if d is None:
        return "—"
    month = str(d.month) if lang == "zh" else d.strftime("%b")  # Chinese writes the month as a number
    return t("date_long", lang, y=d.year, month=month, d=d.day)


def fmt_days(n: float, W: dict[str, str]) -> str:
    n = round(n)
    return W["n_day"].format(n=n) if n == 1 else W["n_days"].format(n=n)


def itemno(n: Any, lang: str) -> str:
    """An item's official number as a reader writes it: 第10项 / item 10."""
    return t("report.itemno", lang, n=n)


def itemnos(ns: list[Any], lang: str, W: dict[str, str]) -> str:
    ns = [str(n) for n in ns]
    if len(ns) == 1:
        return itemno(ns[0], lang)
    return t("report.itemnos", lang, ns=join_list(ns, lang))


def money(amount: float, currency: str, lang: str) -> str:
    if currency == "CNY":
        return t("report.cost_cny", lang, n=f"{amount:,.0f}")
    return f"{currency} {amount:,.0f}"


# --------------------------------------------------------------------------- scores

def score_lines(cat: Catalogue, R: dict[str, Any], lang: str, W: dict[str, str]) -> dict[str, Any]:
    """Each standard's score with its verdict in words, and the veto stated where a score at or
    above the threshold still does not pass."""
    out = {}
    for sid in AEO_TIERS:
        s = R["standards"][sid]
        numbers = {it["id"]: it["official_no"] for it in s["items"]}
        fails = [numbers.get(i, "?") for i in s.get("fail_items", [])]
        unanswered = len(s.get("unanswered_items", []))
        note = ""
        if not s["passed"] and s["score"] >= s["threshold"]:
            if fails:
                note = W["veto"].format(score=s["score"], threshold=s["threshold"], items=itemnos(fails, lang, W))
            elif unanswered:
                note = W["veto_unanswered"].format(
                    score=s["score"], threshold=s["threshold"],
                    items=W["n_item" if unanswered == 1 else "n_items"].format(n=unanswered))
        elif not s["passed"] and fails:
            note = W["below_and_fail"].format(items=itemnos(fails, lang, W))
        out[sid] = {"name": cat.label("tiers", sid).get(lang), "score": s["score"], "threshold": s["threshold"],
                    "passed": s["passed"], "note": note, "fails": fails}
    return out


# --------------------------------------------------------------------------- targets

def _effort_from_plan(plan: dict[str, Any], tier: str | None) -> dict[str, float] | None:
    """Person-days by owner of the steps on the way to ``tier`` (the plan's per-target step list);
    the plan's overall ``effort_by_owner`` when it names no steps for that target."""
    target = (plan.get("targets") or {}).get(tier) if tier else None
    steps = {s.get("id"): s for s in plan.get("steps") or [] if isinstance(s, dict)}
    if target and target.get("steps") and steps:
        by: dict[str, float] = {}
        for sid in target["steps"]:
            s = steps.get(sid)
            if s and s.get("owner") and isinstance(s.get("days"), (int, float)):
                by[s["owner"]] = by.get(s["owner"], 0) + s["days"]
        return by
    e = plan.get("effort_by_owner")
    if not isinstance(e, dict) or not e:
        return None
    return {k: float(v) for k, v in e.items() if isinstance(v, (int, float))}


def targets(cat: Catalogue, R: dict[str, Any], lang: str) -> list[dict[str, Any]]:
    """The tiers above where the enterprise stands, each with its dates (from the dated plan)
    or, before there is one, the work its path takes."""
    plan = R.get("plan") or {}
    plan_targets = plan.get("targets") or {}
    likely = R["tier"]
    rank = TIER_ORDER.index(likely)
    out = []
    for tier in ("regular", "certified", "advanced"):
        t = plan_targets.get(tier)
        path = (R.get("paths") or {}).get(tier)
        if t is None:
            if TIER_ORDER.index(tier) <= rank and not (tier == likely and R["enterprise"]["current_tier"] != likely
                                                        and tier in AEO_TIERS):
                continue
            if path is None and not (tier == likely and tier in AEO_TIERS):
                continue
        route = (t or {}).get("route", "climb")
        if route == "keep":
            continue
        reachable = not (path is not None and path.get("standard") and path.get("score") is None)
        if t is not None:
            reachable = t.get("feasible", t.get("reachable", True)) is not False
        entry = {"tier": tier, "label": cat.label("tiers", tier).get(lang), "route": route,
                 "apply_on": (t or {}).get("apply_on"), "decision_by": (t or {}).get("decision_by"),
                 "apply_on_text": fmt_date((t or {}).get("apply_on"), lang),
                 "decision_by_text": fmt_date((t or {}).get("decision_by"), lang),
                 "ready_text": fmt_date((t or {}).get("ready_on"), lang),
                 "dated": bool(t and t.get("apply_on")),
                 "reachable": reachable,
                 "items": len(path.get("items", [])) if path else 0,
                 "effort_days": (t or {}).get("person_days", 0),
                 "score": (t or {}).get("score", path.get("score") if path else None),
                 "meets_now": tier in AEO_TIERS and R["standards"][tier]["passed"]}
        th = R["standards"][tier]["threshold"] if tier in AEO_TIERS else None
        entry["no_margin"] = bool((t or {}).get("no_margin") or (
            th is not None and entry["score"] is not None and entry["score"] == th))
        out.append(entry)
    return out


def effort(cat: Catalogue, R: dict[str, Any], lang: str, brand: Any, tier: str | None,
           W: dict[str, str]) -> dict[str, Any]:
    plan = R["plan"]
    by = _effort_from_plan(plan, tier) or {}
    source = "plan"
    rates = {}
    currency = getattr(brand, "currency", "CNY") if brand else "CNY"
    if brand is not None:
        for owner in by:
            r = (brand.day_rates or {}).get(owner, brand.day_rate)
            if r is not None:
                rates[owner] = r
    rows = []
    for owner, days in sorted(by.items(), key=lambda kv: -kv[1]):
        try:
            label = cat.label("owners", owner).get(lang)
        except KeyError:
            label = owner
        cost = days * rates[owner] if owner in rates else None
        rows.append({"owner": label, "days": round(days), "days_text": fmt_days(days, W),
                     "cost": cost, "cost_text": money(cost, currency, lang) if cost is not None else ""})
    extra = []
    if brand is not None:
        for c in brand.extra_costs:
            extra.append({"label": c.label, "cost": c.amount, "cost_text": money(c.amount, currency, lang)})
    costed = [r["cost"] for r in rows if r["cost"] is not None] + [c["cost"] for c in extra]
    total_days = sum(r["days"] for r in rows)
    elapsed = ((plan.get("targets") or {}).get(tier) or {}).get("elapsed_working_days") if tier else None
    note = join_sentences([
        W["elapsed"].format(days=fmt_days(elapsed, W)) + W["full_stop"]
        if elapsed else "", W["effort_basis"], "" if costed else W["no_rates"]], lang)
    return {"rows": rows, "extra": extra, "total_days": total_days, "total_days_text": fmt_days(total_days, W),
            "note": note,
            "elapsed_days": elapsed, "costed": bool(costed), "all_costed": bool(rows) and len(rates) == len(rows),
            "total_cost_text": money(sum(costed), currency, lang) if costed else "", "source": source}


# --------------------------------------------------------------------------- benefits, risk

def benefits(cat: Catalogue, R: dict[str, Any], lang: str, ex: Extras, cite: Citations) -> dict[str, Any]:
    b = ex.benefits
    src = b.inspection_rate.source
    short = ex.sources[src[0]].short
    code = R["enterprise"].get("customs_code") or "0000000000"
    answers = R.get("answers") or {}
    rate_ref, mra_ref = cite.mark(src), cite.mark(b.mra.source)
    markets = []
    q = cat.questions.get("main_export_markets")
    labels = {c.value: c.label.get(lang) for c in cat.choices_of(q)} if q else {}
    for m in answers.get("main_export_markets") or []:
        info = b.markets.get(m)
        if info is None:
            continue
        tiers = "、".join(cat.label("tiers", t).get(lang) for t in info.tiers) if lang == "zh" else \
            " and ".join(cat.label("tiers", t).get(lang) for t in info.tiers)
        markets.append({"name": labels.get(m, m), "status": info.status, "tiers": tiers,
                        "since": fmt_date(info.since, lang) if info.since else "",
                        "ref": cite.mark(info.source), "assumed": info.assumption is not None})
    order = {"implemented": 0, "signed": 1, "not_listed": 2}
    markets.sort(key=lambda m: order[m["status"]])
    return {
        "rate_text": b.inspection_rate.text.get(lang),
        "rate_source": short.get(lang) if short else ex.sources[src[0]].title.get(lang),
        "rate_ref": rate_ref,
        "mra_text": b.mra.text.get(lang), "mra_ref": mra_ref,
        "mra_tier_note": b.mra.tier_note.get(lang),
        "identifier": b.mra.identifier.get(lang).replace("{code}", str(code)),
        "identifier_ref": cite.mark(b.mra.identifier_source),
        "list_note": b.mra.list_note.get(lang),
        "markets": markets,
        "exports": answers.get("exports"),
        "markets_asked": "main_export_markets" in answers,
        "measures": [{"text": m.text.get(lang), "ref": cite.mark(m.source)} for m in b.facilitation.measures],
        "measures_note": b.facilitation.note.get(lang),
        "annual_report": _annual_report(R, lang, cite),
    }


def _annual_report(R: dict[str, Any], lang: str, cite: Citations) -> str:
    """The yearly credit report every registered enterprise files by 30 June (Order 237 Art. 7-8),
    due on the date of the plan's step for it."""
    due = next(s["end"] for s in R["plan"]["steps"] if s["kind"] == "deadline")
    return t("report.annual_report", lang, date=fmt_date(due, lang)) + " " + cite.mark(["O237"])


def risks(R: dict[str, Any], lang: str, ex: Extras, cite: Citations) -> list[dict[str, str]]:
    """What doing nothing means: the tier the enterprise stays at (its current one, or the lower
    one customs would find at its next review) and the tier below that."""
    tm = ex.benefits.tier_measures
    likely, current = R["tier"], R["enterprise"]["current_tier"]
    stays = likely if TIER_ORDER.index(likely) < TIER_ORDER.index(current) else current
    chosen = []
    if current in AEO_TIERS:
        chosen.append(tm.loss_of_status)
    if stays == "regular":
        chosen += [tm.regular, tm.discredited]
    elif stays == "discredited":
        chosen += [tm.discredited]
    elif stays == "seriously_discredited":
        chosen += [tm.seriously_discredited, tm.discredited]
    return [{"text": c.text.get(lang), "ref": cite.mark(c.source)} for c in chosen]


def recommendation(R: dict[str, Any], tg: list[dict[str, Any]], lang: str, W: dict[str, str]) -> dict[str, Any]:
    """One line, and the target tier it points to (whose effort the first page shows): the plan's
    recommended target (:mod:`aeo_check.planning.recommend`), never a choice of this page's own."""
    likely, current = R["tier"], R["enterprise"]["current_tier"]
    by = {t["tier"]: t for t in tg}
    if likely in ("discredited", "seriously_discredited"):
        nxt = by.get("regular") or (tg[0] if tg else None)
        plan = R.get("plan") or {}
        step = (plan.get("next_step") or {}).get(lang) if isinstance(plan.get("next_step"), dict) else None
        return {"text": step or W["rec_repair"], "tier": nxt["tier"] if nxt else None}
    if likely in AEO_TIERS and current != likely and likely in by:
        t = by[likely]
        if t["dated"]:
            return {"text": W["rec_apply_dated"].format(tier=t["label"], apply_on=t["apply_on_text"],
                                                        decision_by=t["decision_by_text"]), "tier": likely}
        return {"text": W["rec_apply_now"].format(tier=t["label"]), "tier": likely}
    ups = [t for t in tg if t["tier"] in AEO_TIERS and t["tier"] != likely and t["reachable"]]
    goal = by.get((R.get("plan") or {}).get("recommended"))  # the plan decides; the page shows it
    if goal is None or goal not in ups:
        if likely in AEO_TIERS and current == likely:
            return {"text": W["rec_keep"].format(tier=by[likely]["label"] if likely in by else likely), "tier": None}
        return {"text": W["rec_none"], "tier": None}
    cer, adv = by.get("certified"), by.get("advanced")
    if goal["dated"]:
        text = W["rec_go_dated"].format(tier=goal["label"], apply_on=goal["apply_on_text"],
                                        decision_by=goal["decision_by_text"])
    else:
        n = goal["items"]
        text = W["rec_go"].format(tier=goal["label"], items=W["n_item" if n == 1 else "n_items"].format(n=n))
    if goal is cer and adv in ups and adv is not None:
        text += W["rec_then_adv"].format(tier=adv["label"]) + (
            W["rec_then_adv_date"].format(apply_on=adv["apply_on_text"]) if adv["dated"] else "") + W["full_stop"]
    return {"text": text, "tier": goal["tier"]}


# --------------------------------------------------------------------------- annex

def annex(cat: Catalogue, R: dict[str, Any], lang: str, ex: Extras, cite: Citations,
          gaps: list[dict[str, Any]]) -> dict[str, Any]:
    assumptions = []
    for a in R.get("assumptions", []):
        codes = codes_in(a.get("source"), ex.sources)
        item_id = a["id"][5:] if a["id"].startswith("item:") else None
        if item_id and item_id in cat.items_by_id:
            codes = codes or codes_in(cat.items_by_id[item_id].source, ex.sources)
        assumptions.append({"id": a["id"], "text": a["text"][lang], "ref": cite.mark(codes)})
    seen = {a["id"] for a in assumptions}
    for a in (R.get("plan") or {}).get("assumptions") or []:
        if a.get("id") not in seen:
            assumptions.append({"id": a["id"], "text": a["text"][lang],
                                "ref": cite.mark(codes_in(a.get("source"), ex.sources))})
    ir = ex.benefits.inspection_rate
    assumptions.append({"id": "benefits:inspection-rate", "text": ir.assumption.get(lang),
                        "ref": cite.mark(ir.assumption_source)})
    index = [{"id": g["id"], "title": g["title"],
              "adv": g["numbers"].get("advanced", "—"), "cer": g["numbers"].get("certified", "—")}
             for g in sorted(gaps, key=lambda g: g["id"])]
    return {"assumptions": assumptions, "items": index}


def doc_control(cat: Catalogue, R: dict[str, Any], lang: str, brand: Any, info: DocInfo,
                created: str) -> dict[str, Any]:
    ent = R["enterprise"]
    number = info.report_no or f"AEO-{ent.get('customs_code') or 'X'}-{str(R['assessed_on']).replace('-', '')}"
    cls = getattr(brand, "classification", "confidential") if brand else "confidential"
    return {"report_no": number, "revision": info.revision, "tool": f"aeo-check {__version__}",
            "catalogue": f"{cat.version} · {cat.meta.title.get(lang)}", "date": created[:10],
            "assessed_on": str(R["assessed_on"]),
            "classification": t(f"report.class_{cls}", lang),
            "prepared_by": getattr(brand, "consultant", None) if brand else None,
            "reviewed_by": getattr(brand, "reviewer", None) if brand else None,
            "firm": brand.name if brand else None}


# --------------------------------------------------------------------------- text helpers

# Chinese punctuation that ends a clause, recognised in text (not words shown by themselves)
_ZH_SPACE = re.compile(r"(?<=[。；！？，、：）”])\s+(?=\S)")


def join_sentences(parts: list[str], lang: str) -> str:
    """Sentences joined as each language writes them: no spaces after Chinese full stops."""
    parts = [p.strip() for p in parts if p and p.strip()]
    if lang == "zh":
        return _ZH_SPACE.sub("", "".join(parts))
    return " ".join(parts)


def label_colon(label: str, lang: str) -> str:
    """'Label: ' in the reader's language; a question already ending in ?／？ takes no colon."""
    label = label.rstrip()
    if label.endswith(("？", "?")):  # a question mark of either language, recognised in the label
        return label + (" " if lang == "en" else "")
    return label + t("punct.colon", lang)


def text_lang(text: str) -> str:
    """The language a note is written in: Chinese when it has any hanzi."""
    return "zh-CN" if re.search(r"[\u4e00-\u9fff]", text or "") else "en"


def board_context(cat: Catalogue, R: dict[str, Any], lang: str, brand: Any, info: DocInfo,
                  W: dict[str, str], created: str, gaps: list[dict[str, Any]]) -> dict[str, Any]:
    """Everything the first page, document control, sign-off and annex need."""
    ex = get_extras(cat)
    cite = Citations(ex)
    tg = targets(cat, R, lang)
    rec = recommendation(R, tg, lang, W)
    focus = rec["tier"] or next((t["tier"] for t in tg if t["tier"] in AEO_TIERS), None)
    work = effort(cat, R, lang, brand, focus, W)
    ready = None
    if not work["rows"]:
        above = TIER_ORDER.index(focus) if focus else 0
        later = [t for t in tg if t["tier"] in AEO_TIERS and TIER_ORDER.index(t["tier"]) > above and t["reachable"]]
        if later:
            ready = cat.label("tiers", focus).get(lang) if focus in AEO_TIERS else None
            focus = later[0]["tier"]
            work = effort(cat, R, lang, brand, focus, W)
    ctx = {
        "scores": score_lines(cat, R, lang, W),
        "targets": tg,
        "recommendation": rec["text"],
        "focus_tier": focus,
        "focus_label": cat.label("tiers", focus).get(lang) if focus else None,
        "effort": work,
        "ready_label": ready,
        "benefits": benefits(cat, R, lang, ex, cite),
        "risks": risks(R, lang, ex, cite),
        "current_tier_label": cat.label("tiers", R["enterprise"]["current_tier"]).get(lang),
        "doc": doc_control(cat, R, lang, brand, info, created),
    }
    ctx["annex"] = annex(cat, R, lang, ex, cite, gaps)
    ctx["sources"] = cite.listing(lang)
    return ctx


Formatter = Callable[[str], str]
