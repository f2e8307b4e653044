"""``aeo-check plan``: the dated plan of one answer file."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from aeo_check.cli.app import (
    Lang,
    _h,
    _lang,
    _m,
    app,
    catalogue,
    out,
    problems_exit_2,
)

# --------------------------------------------------------------------------- plan

class PlanFmt(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"
    ics = "ics"


@app.command(help=_h("plan"))
def plan(
    file: Annotated[Path, typer.Argument(metavar=_m("file"), help=_h("plan file"))],
    format: Annotated[PlanFmt, typer.Option("--format", help=_h("plan --format"))] = PlanFmt.table,
    lang: Annotated[Lang | None, typer.Option(help=_h("plan --lang"))] = None,
) -> None:
    from aeo_check.document.build import read

    cat = catalogue()
    with problems_exit_2():
        doc = read(cat, file)
    p = doc.plan_data
    language = _lang(lang, doc.assessment.language)
    if format is PlanFmt.json:
        from aeo_check.document.encode import dumps

        print(dumps(p))
    elif format is PlanFmt.csv:
        from aeo_check.views.plan import plan_csv

        sys.stdout.write(plan_csv(cat, p, language))
    elif format is PlanFmt.ics:
        from aeo_check.views.ics import plan_ics

        ent = doc.assessment.enterprise
        sys.stdout.buffer.write(plan_ics(cat, p, language, ent.uscc, ent.name))
        sys.stdout.flush()
    else:
        from aeo_check.views.terminal import render_plan

        render_plan(out, cat, p, language, doc.assessment.enterprise.name)
