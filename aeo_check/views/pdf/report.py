"""The improvement plan: HTML from Jinja templates in ``report_templates/``, PDF by WeasyPrint.

Safety rules (see the engineering notes):
- ``Environment(autoescape=True)``: user text (company name, notes) is escaped and only ever
  placed in element content, never in attributes, ``style`` or CSS.
- The CSS is a static file; the only computed style is a brand colour that has passed a strict
  ``#rrggbb`` check.
- :class:`SafeFetcher` lets WeasyPrint read the package's own report assets and the one logo the
  user named — nothing else on disk, and nothing from the network.

jinja2 and weasyprint are imported only here, and only when a report is made.
"""

from __future__ import annotations

import base64
import datetime as dt
import json
import logging
import os
import re
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from aeo_check.catalogue.compiled import Catalogue, data_root
from aeo_check.catalogue.models import Owner
from aeo_check.files.image import MAX_BYTES as LOGO_MAX_BYTES
from aeo_check.files.safetext import quoted
from aeo_check.files.sourcefile import DataFileError, Problem, read_file
from aeo_check.scoring.result import RESULT_FORMAT
from aeo_check.views.values import answer_value
from aeo_check.words.i18n import t

if TYPE_CHECKING:  # pragma: no cover
    from collections.abc import Callable

    from aeo_check.files.outfile import Target

TEMPLATE = "plan.html"
STYLESHEET = "plan.css"
LOGO_TYPES = {".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg"}
#: the largest money amount a brand file may give (a day rate, a fixed cost)
MAX_AMOUNT = 10**9
#: fixed costs listed in one brand file
MAX_EXTRA_COSTS = 50
CATEGORY_ORDER = ("internal_control", "financial", "compliance", "trade_security",
                  "health_quarantine", "animal_plant_quarantine", "food_cosmetics", "commodity_inspection")


def templates_dir() -> Path:
    return data_root() / "report_templates"


# --------------------------------------------------------------------------- brand

class ExtraCost(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    label: str = Field(min_length=1, max_length=80)
    amount: float = Field(gt=0, le=MAX_AMOUNT, allow_inf_nan=False)


class Brand(BaseModel):
    """``--brand FILE``: the consultant's name, logo and colours."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str = Field(min_length=1, max_length=120)
    logo: Path | None = None
    primary: str = "#1f4e79"
    accent: str = "#c0392b"
    #: who prepared and who reviewed the plan (printed in the sign-off block)
    consultant: str | None = Field(default=None, min_length=1, max_length=80)
    reviewer: str | None = Field(default=None, min_length=1, max_length=80)
    classification: Literal["public", "internal", "confidential"] = "confidential"
    #: costs appear only when the consultant gives them: a day rate for every owner, rates per
    #: owner (customs_affairs, finance, …) and fixed costs; never estimated by the tool
    currency: str = Field(default="CNY", pattern=r"^[A-Z]{3}$")
    day_rate: float | None = Field(default=None, gt=0, le=MAX_AMOUNT, allow_inf_nan=False)
    day_rates: dict[Owner, Annotated[float, Field(gt=0, le=MAX_AMOUNT, allow_inf_nan=False)]] = \
        Field(default_factory=dict)
    extra_costs: list[ExtraCost] = Field(default_factory=list, max_length=MAX_EXTRA_COSTS)

    @field_validator("primary", "accent")
    @classmethod
    def _hex(cls, v: str) -> str:
        if not re.fullmatch(r"#[0-9a-fA-F]{6}", v):
            raise ValueError(t("check.brand_colour", "en"))
        return v.lower()


def load_brand(path: Path) -> Brand:
    doc = read_file(path, str(path))
    try:
        brand = Brand.model_validate(doc.data)
    except ValidationError as exc:
        raise DataFileError([doc.problem(tuple(e["loc"]), _brand_message(e)) for e in exc.errors()]) from None
    if brand.logo is not None:
        logo = brand.logo if brand.logo.is_absolute() else (path.parent / brand.logo)
        problem = _logo_problem(logo, path.parent)
        if problem:
            raise DataFileError([doc.problem(("logo",), problem)])
        brand = brand.model_copy(update={"logo": logo.resolve()})
    return brand


#: the data model's errors for an amount that is not a number above 0 and at most MAX_AMOUNT
_AMOUNT_ERRORS = {"greater_than", "less_than_equal", "finite_number", "float_parsing", "float_type"}


def _brand_message(err: Any) -> str:
    """A brand file's problem in the answer checker's words (the ``check`` group), which
    :func:`aeo_check.answers.messages.localise` also gives in Chinese; the data model's own
    message where the checker has the same one."""
    kind, ctx = err["type"], err.get("ctx") or {}
    model = ExtraCost if "extra_costs" in err["loc"] else Brand
    if kind == "missing":
        return t("check.missing_field", "en")
    if kind == "extra_forbidden":
        return t("check.unknown_field", "en", fields=", ".join(model.model_fields))
    if kind in ("literal_error", "enum"):
        return t("check.not_allowed", "en", value=quoted(err.get("input")), allowed=ctx["expected"])
    if kind == "string_too_short":
        return t("check.not_blank", "en")
    if kind == "string_pattern_mismatch":
        return t("check.brand_currency", "en")
    if kind == "too_long":
        return t("check.brand_too_many", "en", limit=ctx["max_length"], n=ctx["actual_length"])
    if kind in _AMOUNT_ERRORS:
        return t("check.brand_amount", "en", limit=f"{MAX_AMOUNT:,}")
    return err["msg"].removeprefix("Value error, ")


def _logo_problem(logo: Path, folder: Path) -> str | None:
    """Why ``logo`` cannot be drawn: missing, outside the brand file's folder, not a PNG or JPEG
    within the limits of :mod:`aeo_check.files.image`."""
    from aeo_check.files.image import raster_problem

    try:
        real = logo.resolve()
    except (RuntimeError, OSError):
        return t("check.logo_missing", "en", logo=logo)
    if not real.is_relative_to(folder.resolve()):
        return t("check.logo_outside", "en", logo=logo)
    if not real.is_file():
        return t("check.logo_missing", "en", logo=logo)
    if real.suffix.lower() not in LOGO_TYPES:
        return t("check.logo_format", "en", logo=logo)
    with open(real, "rb") as fh:
        why = raster_problem(fh.read(LOGO_MAX_BYTES + 1))
    return f"{logo} {why}" if why else None


# --------------------------------------------------------------------------- context

def _fmt_derived(cat: Catalogue, did: str, value: Any) -> str:
    if value is None:
        return "—"
    if value in ("inf", "-inf"):
        return "∞" if value == "inf" else "−∞"
    fmt = cat.derived[did].format
    if fmt == "percent":
        return f"{value * 100:.2f}%"
    if fmt == "money":
        return f"{value:,.0f}"
    if fmt == "count":
        return f"{value:g}"
    return f"{value:.3f}"


def _why(cat: Catalogue, facts: list[dict[str, Any]], notes: dict[str, str], lang: str) -> list[dict[str, str]]:
    out = []
    state_words = {"unanswered": "report.unanswered_state", "skipped": "report.skipped", "unknown": "report.unknown_state"}
    for f in facts:
        fid = f["id"]
        if f["kind"] == "derived":
            label = cat.derived[fid].label.get(lang) if fid in cat.derived else fid
            value = _fmt_derived(cat, fid, f["value"]) if f["state"] == "computed" else None
        elif f["kind"] == "profile":
            label = t({"production": "report.fact_production", "enterprise_type": "report.ent_type",
                       "specific_types": "report.specific", "current_tier": "report.fact_current_tier"}[fid], lang)
            v = f["value"]
            value = t("report.value_yes" if v else "report.value_no", lang) if isinstance(v, bool) else str(v)
        else:
            q = cat.questions.get(fid)
            label = q.text.get(lang) if q else fid
            value = answer_value(cat, fid, f["value"], lang) if f["state"] == "answered" else None
        if value is None:
            value = t(state_words[f["state"]], lang) if f["state"] in state_words else "—"
        out.append({"label": label, "value": value, "note": notes.get(fid, "")})
    return out


def _wrap_label(text: str, lang: str, width: int) -> list[str]:
    """A chart label in at most two lines of about ``width`` characters (a hanzi counts two)."""

    def size(t: str) -> int:
        return sum(2 if ord(ch) > 0x2E80 else 1 for ch in t)

    if size(text) <= width:
        return [text]
    if lang == "zh" or " " not in text:
        cut, n = 0, 0
        for i, ch in enumerate(text):
            n += 2 if ord(ch) > 0x2E80 else 1
            if n > width:
                break
            cut = i + 1
        return [text[:cut], text[cut:]]
    words, first = text.split(" "), ""
    while words and size((first + " " + words[0]).strip()) <= width:
        first = (first + " " + words.pop(0)).strip()
    return [first, " ".join(words)]


def _chart(adv: dict[str, Any], cer: dict[str, Any], cat_label: Any, lang: str, brand: Brand | None) -> dict[str, Any]:
    """Points lost per category in both standards: full width, labels wrapped in their own column,
    bars in the brand's colours."""
    rows = []
    max_lost = 1
    for key in CATEGORY_ORDER:
        a = adv["categories"].get(key)
        c = cer["categories"].get(key)
        if a is None and c is None:
            continue
        a_lost = a["points_lost"] if a else 0
        c_lost = c["points_lost"] if c else 0
        max_lost = max(max_lost, a_lost, c_lost)
        rows.append({"label": cat_label(key), "adv": a_lost, "cer": c_lost})
    width, x0 = 520, 150
    top = max(max_lost, 5)
    scale = (width - x0 - 24) / top
    for i, row in enumerate(rows):
        row["lines"] = _wrap_label(row["label"], lang, 26)
        row["y"] = 8 + i * 34
        row["adv_w"] = round(row["adv"] * scale, 1)
        row["cer_w"] = round(row["cer"] * scale, 1)
    step = 1 if top <= 10 else 5 if top <= 50 else 10
    dark = brand.primary if brand else "#922b21"
    return {"rows": rows, "height": 14 + len(rows) * 34, "width": width, "x0": x0, "max": top,
            "dark": dark, "light": _tint(dark),
            "ticks": [{"v": v, "x": round(x0 + v * scale, 1)} for v in range(0, top + 1, step)]}


def _tint(colour: str, amount: float = 0.6) -> str:
    """A lighter shade of a #rrggbb colour (mixed with white)."""
    r, g, b = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
    mix = [round(v + (255 - v) * amount) for v in (r, g, b)]
    return "#" + "".join(f"{v:02x}" for v in mix)


_NEXT_TIER = {"regular": "certified", "certified": "advanced", "discredited": "regular",
              "seriously_discredited": "regular"}


def build_context(cat: Catalogue, R: dict[str, Any], lang: str, brand: Brand | None,
                  inline_assets: bool) -> dict[str, Any]:
    """What the report template is given: one part of the report after another."""
    L, cat_label = _labellers(cat, lang)
    head = _header_part(cat, R, lang, L, cat_label)
    gaps = _gaps_part(cat, R, lang, head["next_tier"], L, cat_label)
    return {
        **head,
        **gaps,
        "chart": _chart(gaps["adv"], gaps["cer"], cat_label, lang, brand),
        **_evidence_part(R, lang, L, cat_label),
        "plan": R["plan"],
        **_appendix_part(cat, R, lang, L),
        **_assumptions_part(R, lang),
        **_brand_part(brand, inline_assets),
        "L": L,
        "cat_label": cat_label,
        "created": _epoch_date(R),
    }


def _labellers(cat: Catalogue, lang: str) -> tuple[Callable[[str, str], str], Callable[[str], str]]:
    """``L(vocab, key)`` and ``cat_label(key)``: a label in ``lang``, or the key when there is none."""
    def L(vocab: str, key: str) -> str:
        try:
            return cat.label(vocab, key).get(lang)
        except KeyError:
            return key

    def cat_label(key: str) -> str:
        for vocab in ("categories", "specific_types"):
            try:
                return cat.label(vocab, key).get(lang)
            except KeyError:
                pass
        return key

    return L, cat_label


def _header_part(cat: Catalogue, R: dict[str, Any], lang: str, L: Callable[[str, str], str],
                 cat_label: Callable[[str], str]) -> dict[str, Any]:
    """The cover: the enterprise, its likely tier and the next one up."""
    tier = R["tier"]
    next_tier = _NEXT_TIER.get(tier)
    return {
        "lang": lang,
        "html_lang": "zh-CN" if lang == "zh" else "en",
        "R": R,
        "ent": R["enterprise"],
        "ent_type": L("enterprise_types", R["enterprise"]["type"]),
        "specific_labels": [cat_label(s) for s in R["enterprise"].get("specific", [])],
        "tier": tier,
        "tier_label": L("tiers", tier),
        "tier_label_other": cat.label("tiers", tier).get("en" if lang == "zh" else "zh"),
        "next_tier": next_tier,
        "next_tier_label": L("tiers", next_tier) if next_tier else None,
        "catalogue_title": cat.meta.title.get(lang),
    }


def _gaps_part(cat: Catalogue, R: dict[str, Any], lang: str, next_tier: str | None,
               L: Callable[[str, str], str], cat_label: Callable[[str], str]) -> dict[str, Any]:
    """Both standards, the path to the next tier, the gaps (those on the path first) and the blockers."""
    path = R["paths"].get(next_tier) if next_tier else None
    gaps = _merged_gaps(cat, R, lang, path, L, cat_label)
    return {
        "adv": R["standards"]["advanced"], "cer": R["standards"]["certified"],
        "path": path,
        "gaps": gaps,
        "blockers": [m for m in gaps if m["blocker"]],
    }


def _merged_gaps(cat: Catalogue, R: dict[str, Any], lang: str, path: dict[str, Any] | None,
                 L: Callable[[str, str], str], cat_label: Callable[[str], str]) -> list[dict[str, Any]]:
    """The gaps of both standards, one row per item, with its rating and number under each; an item
    whose answer is not known costs the plan's check step (``check_days``), not its remediation."""
    from aeo_check.views.plan import check_days

    notes = R.get("notes", {})
    checks = check_days(R["plan"])
    merged: dict[str, dict[str, Any]] = {}
    for sid in ("advanced", "certified"):
        for g in R["standards"][sid]["gaps"]:
            m = merged.get(g["id"])
            if m is None:
                m = merged[g["id"]] = {
                    "id": g["id"], "category": g["category"], "category_label": cat_label(g["category"]),
                    "title": g["title"][lang], "requirement": g["requirement"][lang],
                    "why": _why(cat, g["why"], notes, lang),
                    "remediation": [s[lang] for s in g["remediation"]],
                    "evidence": [e[lang] for e in g["evidence"]],
                    "owner": L("owners", g["owner"]), "effort_days": g["effort_days"],
                    "rectifiable": g["rectifiable"], "ratings": {}, "numbers": {}, "points_lost": 0,
                    "blocker": False, "on_path": bool(path and g["id"] in path.get("items", [])),
                    "deemed": g.get("deemed"),
                    "check_days": checks.get(g["id"]) if g["rating"] == "unanswered" else None,
                }
            m["ratings"][sid] = {"key": g["rating"], "label": L("ratings", g["rating"])}
            m["numbers"][sid] = g["official_no"]
            m["points_lost"] = max(m["points_lost"], g["points_lost"])
            m["blocker"] = m["blocker"] or g["rating"] in ("fail", "unanswered")
    for sid in ("advanced", "certified"):  # an item that is a gap under one standard only: its rating under the other
        numbers = {it["id"]: it["official_no"] for it in R["standards"][sid]["items"]}
        ratings = {it["id"]: it["rating"] for it in R["standards"][sid]["items"]}
        for m in merged.values():
            if sid not in m["ratings"] and m["id"] in ratings:
                m["ratings"][sid] = {"key": ratings[m["id"]], "label": L("ratings", ratings[m["id"]])}
                m["numbers"][sid] = numbers[m["id"]]
    return sorted(merged.values(), key=lambda m: (not m["on_path"], not m["blocker"], -m["points_lost"],
                                                  m["category"] not in CATEGORY_ORDER[:4],
                                                  m["numbers"].get("advanced", m["numbers"].get("certified", 0))))


def _evidence_part(R: dict[str, Any], lang: str, L: Callable[[str, str], str],
                   cat_label: Callable[[str], str]) -> dict[str, Any]:
    """The evidence checklist and how many documents are in each state."""
    evidence = [{"doc": e[lang], "state": e["state"], "category": cat_label(e["category"]),
                 "numbers": " ".join(e.get("numbers", [])), "owner": L("owners", e["owner"]) if e.get("owner") else ""}
                for e in R["evidence"]]
    return {
        "evidence": evidence,
        "evidence_counts": {k: sum(1 for e in evidence if e["state"] == k) for k in ("missing", "to_check", "held", "na")},
    }


def _appendix_part(cat: Catalogue, R: dict[str, Any], lang: str, L: Callable[[str, str], str]) -> dict[str, Any]:
    """The appendix: the answers by section, how many were given, and the values derived from them."""
    from aeo_check.catalogue.models import SECTIONS

    notes = R.get("notes", {})
    answers = R.get("answers", {})
    skipped = set(R.get("skipped", []))
    unanswered, dont_know = set(R.get("unanswered", [])), set(R.get("dont_know", []))
    appendix = []
    for section in SECTIONS:
        rows = []
        for q in cat.questions.values():
            if q.section != section:
                continue
            if q.id in skipped:
                continue
            if q.id not in answers and q.id not in unanswered and q.id not in dont_know:
                continue
            rows.append(
                {
                    "id": q.id,
                    "text": q.text.get(lang),
                    "dont_know": q.id in dont_know,
                    "answer": answer_value(cat, q.id, answers.get(q.id), lang) if q.id in answers else None,
                    "note": notes.get(q.id, ""),
                }
            )
        if rows:
            appendix.append({"title": L("sections", section), "rows": rows})
    return {
        "appendix": appendix,
        "answer_counts": t("answer_counts", lang, **R["facts"]["counts"]),
        "derived": [{"label": cat.derived[k].label.get(lang), "value": _fmt_derived(cat, k, v)}
                    for k, v in R.get("derived", {}).items() if k in cat.derived and v is not None],
    }


def _assumptions_part(R: dict[str, Any], lang: str) -> dict[str, Any]:
    """What the verdict assumes, the discredit triggers that hold, the tolerance and the timing."""
    scored = {y["id"] for y in R["assumptions"]}
    return {
        "assumptions": [{"id": a["id"], "text": a["text"][lang], "source": a["source"]}
                        for a in R["assumptions"] + [x for x in R["plan"]["assumptions"] if x["id"] not in scored]],
        "triggers": [{"title": x["title"][lang], "description": x["description"][lang], "repair": x["repair"][lang]}
                     for x in R.get("discredit", [])],
        "tolerance": R.get("tolerance"),
        "timing": R.get("timing", {}),
    }


def _brand_part(brand: Brand | None, inline_assets: bool) -> dict[str, Any]:
    """The consultant's brand: logo (inline or linked), colours, and the stylesheet when inlined."""
    logo_uri = None
    if brand is not None and brand.logo is not None:
        if inline_assets:
            mime = LOGO_TYPES[brand.logo.suffix.lower()]
            logo_uri = f"data:{mime};base64," + base64.b64encode(brand.logo.read_bytes()).decode()
        else:
            logo_uri = brand.logo.as_uri()
    return {
        "brand": brand,
        "logo_uri": logo_uri,
        "brand_css": (f":root {{ --brand: {brand.primary}; --accent: {brand.accent}; }}" if brand else ""),
        "inline_css": (templates_dir() / STYLESHEET).read_text(encoding="utf-8") if inline_assets else None,
    }


# --------------------------------------------------------------------------- rendering

def render_html(cat: Catalogue, R: dict[str, Any], lang: str, brand: Brand | None = None,
                inline_assets: bool = True, info: Any = None, progress: dict[str, Any] | None = None) -> str:
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates_dir())),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        bytecode_cache=_template_cache(),
    )
    ctx = build_context(cat, R, lang, brand, inline_assets)
    ctx["progress"] = _progress(cat, progress, lang)
    ctx["t"] = lambda key, **kw: t(key, lang, **kw)
    words = _words(cat, lang)
    ctx["W"] = words
    ctx.update(plan_context(cat, R["plan"], lang, words))
    chart = ctx.get("chart") or {}
    if brand is not None and chart.get("dark"):  # the Gantt's work and records bars take the brand's colours
        from aeo_check.views.pdf.gantt import FILL

        brand_fill = {FILL["work"][0]: chart["dark"], FILL["records"][0]: chart["light"]}
        for bar in ctx["gantt"]["bars"]:
            if bar["fill"] in brand_fill:
                bar["stroke"] = bar["fill"] = brand_fill[bar["fill"]]
    ctx.update(_board_parts(cat, R, lang, brand, info, words, ctx))
    return env.get_template(TEMPLATE).render(**ctx)


def plan_context(cat: Catalogue, plan: dict[str, Any], lang: str, words: dict[str, str]) -> dict[str, Any]:
    """The dated plan's part of the report: targets, Gantt chart, task list, keep/repair, targets
    for the next statements."""
    from aeo_check.views.pdf.gantt import gantt
    from aeo_check.views.plan import fmt_date, plan_notes, plan_rows, step_when, target_lines

    targets = []
    for tier, tg in plan["targets"].items():
        targets.append({
            "tier": cat.label("tiers", tier).get(lang), "route": tg["route"], "feasible": tg["feasible"],
            "apply": fmt_date(tg["apply_on"], lang), "decision": fmt_date(tg["decision_by"], lang),
            "latest": fmt_date(tg["decision_latest"], lang),
            "ready": fmt_date(tg["ready_on"], lang), "ready_earliest": fmt_date(tg["ready_earliest"], lang)
            if tg["ready_earliest"] else None,
            "set_by": t(f"decider_{tg['decided_by']}", lang) if tg["feasible"] else "—",
            "person_days": tg["person_days"], "no_margin": tg["no_margin"], "score": tg["score"],
            "provisional": tg["provisional"],
        })
    rows = plan_rows(cat, plan, lang)
    for r, s in zip(rows, plan["steps"], strict=False):
        r["when"] = step_when(s, lang, iso=True)
        r["kind_key"] = s["kind"]
    statement_rows = []
    for s in plan["steps"]:
        for ind in (s.get("detail") or {}).get("indicators", []) if s["kind"] == "statements" else []:
            label = cat.derived[ind["id"]].label.get(lang) if ind["id"] in cat.derived else ind["id"]
            bound = ind.get("at_most", ind.get("at_least"))
            req = ("≤ " if "at_most" in ind else "≥ ") + f"{bound:.2f}"
            figure = ind["figure"][lang]
            change = ""
            if not ind["met"]:
                amount = t("report.money", lang, n=f"{abs(ind['change']):,.0f}")
                change = t("report.change_down" if ind["change"] < 0 else "report.change_up", lang, amount=amount)
            statement_rows.append({"label": label, "now": "—" if ind["value"] is None else f"{ind['value']:.2f}",
                                   "required": req, "met": ind["met"], "change": change, "figure": figure,
                                   "suggested": ind.get("suggested", False)})
    keep = [{"due": fmt_date(k["due"], lang) if k["due"] else "—", "text": k["text"][lang]} for k in plan["keep"]]
    return {
        "plan_next": plan["next_step"][lang],
        "plan_lines": target_lines(cat, plan, lang)[1:],
        "plan_notes": plan_notes(plan, lang),
        "plan_targets": targets,
        "plan_rows": rows,
        "gantt": gantt(cat, plan, lang, words),
        "keep_rows": keep,
        "statement_rows": statement_rows,
        "plan_assumptions": [{"id": a["id"], "text": a["text"][lang], "source": a["source"]}
                             for a in plan["assumptions"]],
    }


def _board_parts(cat: Catalogue, R: dict[str, Any], lang: str, brand: Brand | None, info: Any,
                 W: dict[str, str], ctx: dict[str, Any]) -> dict[str, Any]:
    """The first page, document control, sign-off and annex (views/board.py), plus the summary
    sentences composed from the result's fields (never the scorer's own reason strings)."""
    from aeo_check.views.pdf import board

    parts = board.board_context(cat, R, lang, brand, info or board.DocInfo(), W, ctx["created"], ctx["gaps"])
    adv, cer = ctx["adv"], ctx["cer"]
    summary = board.join_sentences([
        W["sum_tier"].format(tier=ctx["tier_label"]),
        W["sum_adv"].format(score=adv["score"], threshold=adv["threshold"],
                            verdict=W["verdict_pass"] if adv["passed"] else W["verdict_fail"]),
        W["sum_cer"].format(score=cer["score"], threshold=cer["threshold"],
                            verdict=W["verdict_pass"] if cer["passed"] else W["verdict_fail"]),
    ], lang)
    path = ctx["path"]
    blocks_text = ""
    if path and path.get("standard"):
        n = len(path["items"])
        f = sum(1 for m in ctx["blockers"] if m["on_path"])
        blocks_text = W["sum_blocks_1" if f == 1 else "sum_blocks"].format(
            tier=ctx["next_tier_label"], f=f, items=W["n_item" if n == 1 else "n_items"].format(n=n))
    return {**parts, "summary_text": summary, "blocks_text": blocks_text,
            "itemno": lambda n: board.itemno(n, lang),
            "n_days": lambda d: board.fmt_days(d or 0, W),
            "n_cal_days": lambda d: t("report.n_cal_days", lang, n=d),
            "label_colon": lambda label: board.label_colon(label, lang),
            "text_lang": board.text_lang}


def _progress(cat: Catalogue, diff: dict[str, Any] | None, lang: str) -> dict[str, Any] | None:
    if diff is None:
        return None
    from aeo_check.views.progress import progress_context

    return progress_context(cat, diff, lang)


def _words(cat: Catalogue, lang: str) -> dict[str, str]:
    """The report's words in ``lang`` (the templates' ``W``): the ``report`` and ``punct`` groups of
    :mod:`aeo_check.words.lexicon`, and ``sp``, the space between a sentence and its citation mark, which
    Chinese sets without."""
    from aeo_check.words.i18n import group

    return {**group("punct", lang), **group("report", lang), "sp": "" if lang == "zh" else " "}


def _template_cache() -> Any:
    """Compiled templates kept in the per-user cache (:mod:`aeo_check.files.usercache`).

    A compiled template is code, so an entry is loaded only from the user's own folder, only when
    it is the user's own regular file that nobody else may write (never through a link); Jinja
    checks the template source's checksum too, so a changed template is compiled afresh. A folder
    that is not the user's own or cannot be written is not used."""
    import io

    import jinja2

    from aeo_check.files.usercache import open_trusted, usable_folder

    folder = usable_folder()
    if folder is None:
        return None

    class TrustedCache(jinja2.FileSystemBytecodeCache):
        def load_bytecode(self, bucket: Any) -> None:
            raw = open_trusted(folder / (self.pattern % bucket.key))
            if raw is None:
                return
            try:
                bucket.load_bytecode(io.BytesIO(raw))
            except Exception:  # noqa: BLE001 - a damaged entry: compile from the source
                bucket.reset()

        def dump_bytecode(self, bucket: Any) -> None:
            try:
                super().dump_bytecode(bucket)
            except OSError:
                pass

    return TrustedCache(str(folder), "jinja-%s.cache")


class _BlockedFetch(Exception):
    pass


def make_fetcher(allowed_files: list[Path], allowed_dirs: list[Path]):
    """A WeasyPrint URL fetcher that serves only the given files and folders, from disk."""
    from urllib.request import url2pathname

    from weasyprint import URLFetcher
    from weasyprint.urls import URLFetcherResponse

    files = {p.resolve() for p in allowed_files}
    dirs = [d.resolve() for d in allowed_dirs]
    mime = {".css": "text/css", ".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg",
            ".svg": "image/svg+xml"}

    class SafeFetcher(URLFetcher):
        blocked: list[str] = []
        served: list[str] = []

        def __init__(self) -> None:
            super().__init__(timeout=1, allow_redirects=False, allowed_protocols=("file",))
            self.blocked = []
            self.served = []

        def fetch(self, url: str, headers: Any = None) -> Any:
            if url.startswith("file:"):
                raw = url.split("?", 1)[0].split("#", 1)[0][len("file:"):]
                try:
                    p = Path(url2pathname(raw)).resolve()
                except (OSError, RuntimeError):
                    p = None
                if (
                    p is not None
                    and p.suffix.lower() in mime
                    and p.is_file()
                    and (p in files or any(p.is_relative_to(d) for d in dirs))
                ):
                    self.served.append(str(p))
                    return URLFetcherResponse(p.as_uri(), p.read_bytes(), {"Content-Type": mime[p.suffix.lower()]})
            self.blocked.append(url)
            raise _BlockedFetch(f"aeo-check does not fetch {url[:80]}")

    return SafeFetcher()


def _epoch_date(R: dict[str, Any]) -> str:
    sde = os.environ.get("SOURCE_DATE_EPOCH")
    if sde and sde.isdigit():
        return dt.datetime.fromtimestamp(int(sde), tz=dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    return f"{R['assessed_on']}T00:00:00Z"


PDF_VARIANTS = ("pdf/ua-1", "pdf/a-3b")


def render_pdf(cat: Catalogue, R: dict[str, Any], lang: str, brand: Brand | None = None,
               variant: str | None = None, attachment: tuple[str, bytes] | None = None,
               info: Any = None, progress: dict[str, Any] | None = None) -> tuple[bytes, Any]:
    """PDF bytes and the fetcher used (tests inspect what it served and refused).

    ``variant``: ``pdf/ua-1`` (tagged, accessible) or ``pdf/a-3b`` (archival); with PDF/A-3 the
    ``attachment`` (file name, bytes: the answer file) travels inside the plan, so the plan
    carries its own data (``aeo-check import plan.pdf``)."""
    import weasyprint

    if variant is not None and variant not in PDF_VARIANTS:
        raise ValueError(f"unknown PDF variant {variant!r}")
    html = render_html(cat, R, lang, brand, inline_assets=False, info=info, progress=progress)
    base = templates_dir()
    fetcher = make_fetcher([brand.logo] if brand and brand.logo else [], [base])
    logging.getLogger("weasyprint").setLevel(logging.WARNING)
    doc = weasyprint.HTML(string=html, base_url=base.as_uri() + "/", url_fetcher=fetcher).render()
    doc.metadata.authors = [brand.name if brand else "aeo-check"]
    attachments = None
    if variant == "pdf/a-3b" and attachment is not None:
        name, data = attachment
        when = dt.datetime.fromisoformat(_epoch_date(R).replace("Z", "+00:00"))
        attachments = [weasyprint.Attachment(string=data, name=name, created=when, modified=when,
                                             description="aeo-check answer file", relationship="Source")]
    import warnings

    with warnings.catch_warnings():
        # WeasyPrint 70 opens its bundled sRGB profile for PDF/A and never closes it
        warnings.simplefilter("ignore", ResourceWarning)
        pdf = doc.write_pdf(pdf_variant=variant, attachments=attachments)
    return pdf, fetcher


def answers_attachment(file: Path, R: dict[str, Any]) -> tuple[str, bytes]:
    """The answer file to carry inside a PDF/A-3 plan: the file as given when it is an answer
    file, or an answer file rebuilt from the result's answers when a result JSON was given."""
    from aeo_check.files.sourcefile import is_stdin, read_bytes_limited, source_name

    raw = read_bytes_limited(file, source_name(file))  # standard input gives again what it gave
    if R.get("format") == RESULT_FORMAT and not _is_answer_file(raw):
        import yaml

        from aeo_check.answers.model import DONT_KNOW, FORMAT

        doc = {"format": FORMAT, "standard": R["standard"], "language": R.get("language", "zh"),
               "enterprise": R["enterprise"], "assessed_on": str(R["assessed_on"]),
               "answers": {**R.get("answers", {}), **{k: DONT_KNOW for k in R.get("dont_know", [])}},
               "notes": R.get("notes", {})}
        return "aeo-answers.yaml", yaml.safe_dump(doc, allow_unicode=True, sort_keys=False).encode("utf-8")
    json = file.suffix.lower() == ".json" or (is_stdin(file) and raw.lstrip().startswith(b"{"))
    suffix = ".json" if json else ".yaml"
    return f"aeo-answers{suffix}", raw


def _is_answer_file(raw: bytes) -> bool:
    return b"aeo-check/answers/" in raw[:4096]


def write_report(
    cat: Catalogue,
    R: dict[str, Any],
    output: Path | Target,
    lang: str,
    html: bool = False,
    brand: Brand | None = None,
    variant: str | None = None,
    attachment: tuple[str, bytes] | None = None,
    info: Any = None,
    progress: dict[str, Any] | None = None,
) -> None:
    """Render and write; ``output`` is a path or a target checked by :func:`~aeo_check.files.outfile.resolve_output`
    (raises :class:`~aeo_check.files.outfile.OutputError`). ``progress`` (from :func:`aeo_check.compare.progress.compare`)
    adds the progress page."""
    from aeo_check.files.outfile import Target, resolve_output, write_to

    target = output if isinstance(output, Target) else resolve_output(output)
    if html:
        write_to(target, render_html(cat, R, lang, brand, inline_assets=True, info=info,
                                     progress=progress).encode("utf-8"))
        return
    pdf, _ = render_pdf(cat, R, lang, brand, variant=variant, attachment=attachment, info=info, progress=progress)
    write_to(target, pdf)


def result_json(R: dict[str, Any]) -> str:
    return json.dumps(R, ensure_ascii=False, indent=2)


__all__ = ["Brand", "load_brand", "render_html", "render_pdf", "write_report", "Problem"]
