"""A consultant's portfolio: one row per client, the clients who need attention first.

:func:`row` and :func:`attention_key` are pure (an assessment document in, plain data out: the next
tier and its date are the document's recommended target);
:func:`answer_files` finds the files; the views at the bottom write the table, CSV, workbook or JSON.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from aeo_check.files.safetext import put_text, spreadsheet
from aeo_check.scoring.result import Result, tier_rank

if TYPE_CHECKING:  # pragma: no cover
    from aeo_check.document.build import Document
from aeo_check.words.i18n import group, t

ANSWER_SUFFIXES = (".yaml", ".yml", ".json", ".xlsx", ".xlsm")
BLOCKING = ("fail", "unanswered")

COLUMNS = ("name", "current_tier", "likely_tier", "advanced_score", "certified_score", "blockers", "provisional",
           "next_tier", "target_date", "assessed_on", "attention", "file")


def _blockers(res: Result, tier: str | None) -> list[str]:
    """Discredit triggers, then the items at fail or unanswered in the next tier's standard."""
    out = [f"trigger:{t.id}" for t in res.triggers]
    if tier in ("advanced", "certified"):
        out += [g.result.id for g in res.standards[tier].gaps if g.result.rating in BLOCKING]
    return out


def row(doc: Document, file: str) -> dict[str, Any]:
    """A client's row: every figure read from the client's assessment document."""
    res, rec = doc.result, doc.facts.recommended
    nxt = rec.tier if rec else None
    blockers = _blockers(res, nxt)
    downgrade = tier_rank(res.tier) < tier_rank(res.enterprise["current_tier"])
    return {
        "name": res.enterprise["name"],
        "uscc": res.enterprise["uscc"],
        "current_tier": res.enterprise["current_tier"],
        "likely_tier": res.tier,
        "advanced_score": res.standards["advanced"].score,
        "certified_score": res.standards["certified"].score,
        "blockers": len(blockers),
        "blocker_ids": blockers,
        "provisional": res.provisional,
        "next_tier": nxt,
        "target_date": (rec.apply_on or rec.ready_on) if rec else None,
        "assessed_on": res.assessed_on,
        "downgrade_risk": downgrade,
        "file": file,
    }


@dataclass(frozen=True)
class RowTask:
    """One client file's way through, in a worker of :func:`aeo_check.runs.batch.each`: read → check →
    score → plan → row. It never raises; it returns (exit status, the row or None, the lines for
    stderr): the row when the file is good, the file's problems (in ``lang``) when it is invalid
    (2), one line when reading or scoring it failed (3)."""

    lang: str = "en"

    def __call__(self, cat: Any, path: str) -> tuple[int, dict[str, Any] | None, list[str]]:
        from aeo_check.document.build import read
        from aeo_check.files.sourcefile import DataFileError
        from aeo_check.runs.batch import FAILED, INVALID, OK, _failure

        try:
            return OK, row(read(cat, path), path), []
        except DataFileError as exc:
            from aeo_check.answers.messages import problem_text

            return INVALID, None, [problem_text(p, self.lang) for p in exc.problems]
        except (KeyboardInterrupt, SystemExit, GeneratorExit):
            raise
        except BaseException as exc:  # noqa: BLE001 - this file only: the others go on (exit 3)
            return FAILED, None, _failure(path, exc).splitlines()


def attention_key(r: dict[str, Any]) -> tuple:
    """Who needs attention first: a likely downgrade, then discredit, then the most blockers, then
    unanswered questions, then the nearest target date, then by name."""
    return (not r["downgrade_risk"], tier_rank(r["likely_tier"]) > tier_rank("discredited"), -r["blockers"],
            not r["provisional"], r["target_date"] or "9999-12-31", r["name"], r["file"])


def attention(r: dict[str, Any], lang: str) -> str:
    w = group("portfolio", lang)
    parts = []
    if r["downgrade_risk"]:
        parts.append(w["downgrade"])
    if tier_rank(r["likely_tier"]) <= tier_rank("discredited"):
        parts.append(w["discredited"])
    if r["blockers"]:
        parts.append(w["n_blockers"].format(n=r["blockers"]))
    if r["provisional"]:
        parts.append(w["open"])
    return t("punct.semi", lang).join(parts)


def answer_files(paths: list[Path]) -> list[Path]:
    """The files named, and the answer files in the folders named (recursively, sorted)."""
    out: list[Path] = []
    for p in paths:
        if p.is_dir():
            out += sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in ANSWER_SUFFIXES
                          and not f.name.startswith((".", "~$")))
        else:
            out.append(p)
    return out


# --------------------------------------------------------------------------- views

def _labels(cat: Any, r: dict[str, Any], lang: str) -> dict[str, Any]:
    def tier(t: str | None) -> str:
        return cat.label("tiers", t).get(lang) if t else "—"

    return {
        "name": r["name"], "current_tier": tier(r["current_tier"]), "likely_tier": tier(r["likely_tier"]),
        "advanced_score": r["advanced_score"], "certified_score": r["certified_score"], "blockers": r["blockers"],
        "provisional": t("portfolio.yes", lang) if r["provisional"] else "", "next_tier": tier(r["next_tier"]),
        "target_date": r["target_date"] or "—", "assessed_on": r["assessed_on"], "attention": attention(r, lang),
        "file": r["file"],
    }


def headers(lang: str) -> list[str]:
    w = group("portfolio", lang)
    return [w[k] for k in ("name", "current", "likely", "advanced", "certified", "blockers", "provisional", "next",
                           "target", "assessed_on", "attention", "file")]


def csv_text(cat: Any, rows: list[dict[str, Any]], lang: str) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(headers(lang))
    for r in rows:
        lab = _labels(cat, r, lang)
        w.writerow([spreadsheet(lab[k]) for k in COLUMNS])
    return buf.getvalue()


def xlsx_bytes(cat: Any, rows: list[dict[str, Any]], lang: str) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font, PatternFill

    wb = Workbook()
    ws = wb.active
    ws.title = t("portfolio.title", lang)
    ws.append(headers(lang))
    for c in ws[1]:
        c.font = Font(bold=True, color="FFFFFF")
        c.fill = PatternFill("solid", start_color="1F4E79", end_color="1F4E79")
    red = Font(color="C00000")
    for r in rows:
        lab = _labels(cat, r, lang)
        row = ws.max_row + 1
        for col, k in enumerate(COLUMNS, 1):
            put_text(ws.cell(row=row, column=col), lab[k])
        if r["downgrade_risk"] or r["blockers"]:
            ws.cell(row=ws.max_row, column=COLUMNS.index("attention") + 1).font = red
    for col, width in zip("ABCDEFGHIJKL", (34, 12, 12, 12, 12, 8, 8, 12, 14, 12, 30, 40), strict=False):
        ws.column_dimensions[col].width = width
    ws.freeze_panes = "B2"
    ws.auto_filter.ref = ws.dimensions
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def render_table(console: Any, cat: Any, rows: list[dict[str, Any]], lang: str) -> None:
    """The terminal's view, narrow enough for a terminal: current → likely tier in one column, both
    scores in one, an open question in the attention column. The CSV, workbook and JSON keep every
    field in a column of its own."""
    from rich import box
    from rich.table import Table
    from rich.text import Text

    w = group("portfolio", lang)

    def short(tier: str | None) -> str:
        return w[f"tier_{tier}"] if tier else "—"

    table = Table(title=w["title"], header_style="bold", title_justify="left", box=box.SIMPLE_HEAD)
    # dates, scores and counts never break; names and texts wrap (Chinese anywhere), the name
    # taking what the others leave; below 100 columns the assessment date and the blocker count
    # (the attention column says it too) are left out
    wide = console.width >= 100
    table.add_column(w["name"], overflow="fold")
    table.add_column(w["tiers"], overflow="fold", max_width=24 if wide else 12)
    table.add_column(w["scores"], justify="right", no_wrap=True)
    if wide:
        table.add_column(w["blockers"], justify="right", no_wrap=True)
    table.add_column(w["next"], overflow="fold", max_width=12 if wide else 9)
    table.add_column(w["apply_by"], no_wrap=True)
    if wide:
        table.add_column(w["assessed"], no_wrap=True)
    table.add_column(w["attention"], overflow="fold", max_width=28 if wide else 14)
    for r in rows:
        lab = _labels(cat, r, lang)
        attention_cell = Text(lab["attention"])
        if r["downgrade_risk"] or tier_rank(r["likely_tier"]) <= tier_rank("discredited"):
            attention_cell.stylize("bold red")
        elif r["blockers"]:
            attention_cell.stylize("yellow")
        table.add_row(Text(lab["name"]), f"{short(r['current_tier'])} → {short(r['likely_tier'])}",
                      f"{lab['advanced_score']} / {lab['certified_score']}", *([str(lab["blockers"])] if wide else []),
                      short(r["next_tier"]), lab["target_date"], *([lab["assessed_on"]] if wide else []),
                      attention_cell)
    console.print(table)
