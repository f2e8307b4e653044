"""``portfolio`` and ``diff``: many clients at once, and one client between two assessments."""

from __future__ import annotations

import os
import sys
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from aeo_check.cli.app import (
    Fmt,
    Lang,
    _h,
    _lang,
    _m,
    app,
    catalogue,
    err,
    out,
    problems_exit_2,
)
from aeo_check.document.resultfile import read_one
from aeo_check.words.i18n import en_zh

if TYPE_CHECKING:  # pragma: no cover - annotations only
    from aeo_check.catalogue.compiled import Catalogue

# --------------------------------------------------------------------------- portfolio

class PortfolioFmt(str, Enum):
    table = "table"
    csv = "csv"
    xlsx = "xlsx"
    json = "json"


@app.command(help=_h("portfolio"))
def portfolio(
    paths: Annotated[list[Path], typer.Argument(metavar=_m("paths"), help=_h("portfolio paths"))],
    format: Annotated[PortfolioFmt, typer.Option("--format", help=_h("portfolio --format"))] =
    PortfolioFmt.table,
    output: Annotated[Path | None, typer.Option("-o", "--output", help=_h("portfolio --output"))] = None,
    lang: Annotated[Lang | None, typer.Option(help=_h("portfolio --lang"))] = None,
    jobs: Annotated[int | None, typer.Option("-j", "--jobs", min=1, help=_h("portfolio --jobs"))] = None,
) -> None:
    from aeo_check.runs.portfolio import answer_files

    cat = catalogue()
    files = answer_files(paths)
    if not files:
        err.print(en_zh("cli.no_answer_files"), markup=False)
        raise typer.Exit(2)
    if format is PortfolioFmt.xlsx and output is None:
        err.print(en_zh("cli.portfolio_xlsx_output"), markup=False)
        raise typer.Exit(2)
    language = _lang(lang)
    rows, invalid, status = _rows(cat, [str(f) for f in files], format, language, jobs)
    data = _portfolio_bytes(cat, rows, format, language, to_file=output is not None)
    if output is not None:
        from aeo_check.files.outfile import write_output

        target = write_output(output, data, inputs=files)  # never over an input or an answer file
        err.print(target.display, markup=False)
    elif data is not None:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    if invalid:
        err.print(en_zh("cli.n_invalid_of", invalid=invalid, n=len(files)), markup=False)
    if status:
        raise typer.Exit(status)


def _rows(cat: Catalogue, names: list[str], format: PortfolioFmt, language: str,
          jobs: int | None) -> tuple[list[dict], int, int]:
    """Each valid file's portfolio row, most in need of attention first; how many files were not
    valid answer files; and the worst exit status. Every file's problems go to stderr."""
    import gc

    from aeo_check.runs import batch
    from aeo_check.runs.portfolio import RowTask, attention_key

    gc.freeze()  # as score does: the catalogue is long-lived, keep it out of every collection
    rows = []
    invalid = 0
    status = batch.OK
    task = RowTask("en" if format is PortfolioFmt.json else language)  # JSON is for programs: English problems
    for name, got in zip(names, batch.each(cat, names, task, jobs or batch.default_jobs(len(names))), strict=False):
        code, r, lines = got or (batch.FAILED, None, [f"{name}: {en_zh('cli.worker_ended')}"])
        for line in lines:
            err.print(line, markup=False, soft_wrap=True)
        invalid += code == batch.INVALID
        status = max(status, code)
        if r is not None:
            rows.append(r)
    rows.sort(key=attention_key)
    return rows, invalid, status


def _portfolio_bytes(cat: Catalogue, rows: list[dict], format: PortfolioFmt, language: str,
                     to_file: bool) -> bytes | None:
    """The portfolio in ``format``, as the bytes to write; None when the table went straight to the
    terminal. A CSV file gets a byte order mark (spreadsheets read it as UTF-8 then)."""
    if format is PortfolioFmt.json:
        from aeo_check.document.encode import dumps

        return (dumps(rows) + "\n").encode("utf-8")
    if format is PortfolioFmt.csv:
        from aeo_check.runs.portfolio import csv_text

        return csv_text(cat, rows, language).encode("utf-8-sig" if to_file else "utf-8")
    if format is PortfolioFmt.xlsx:
        from aeo_check.runs.portfolio import xlsx_bytes

        return xlsx_bytes(cat, rows, language)
    from aeo_check.runs.portfolio import render_table

    if not to_file:
        render_table(out, cat, rows, language)
        return None
    from rich.console import Console

    with open(os.devnull, "w", encoding="utf-8") as sink:
        buf = Console(record=True, width=200, file=sink)
        render_table(buf, cat, rows, language)
    return buf.export_text().encode("utf-8")


# --------------------------------------------------------------------------- diff

@app.command(help=_h("diff"))
def diff(
    old: Annotated[Path, typer.Argument(metavar=_m("old"), help=_h("diff old"))],
    new: Annotated[Path, typer.Argument(metavar=_m("new"), help=_h("diff new"))],
    format: Annotated[Fmt, typer.Option("--format", help=_h("diff --format"))] = Fmt.table,
    lang: Annotated[Lang | None, typer.Option(help=_h("diff --lang"))] = None,
) -> None:
    from aeo_check.compare.progress import compare as compare_results

    cat = catalogue()
    with problems_exit_2():
        new_d = read_one(cat, new)
        old_d = read_one(cat, old, new_d.result.enterprise.get("uscc"))
    new_r = new_d.data
    d = compare_results(old_d.data, new_r)
    if format is Fmt.json:
        from aeo_check.document.encode import dumps

        print(dumps(d))
        return
    from aeo_check.views.progress import render_diff

    render_diff(out, cat, d, _lang(lang, new_r.get("language")))
