"""``aeo-check assess``: the interactive questionnaire."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from aeo_check.cli.app import Lang, _h, app, catalogue, err
from aeo_check.words.i18n import both

# --------------------------------------------------------------------------- assess

@app.command(help=_h("assess"))
def assess(
    output: Annotated[Path | None, typer.Option("-o", "--output", help=_h("assess --output"))] = None,
    resume: Annotated[Path | None, typer.Option(help=_h("assess --resume"))] = None,
    review: Annotated[str | None, typer.Option(help=_h("assess --review"))] = None,
    lang: Annotated[Lang | None, typer.Option(help=_h("assess --lang"))] = None,
) -> None:
    if not (sys.stdin is not None and sys.stdin.isatty() and sys.stdout is not None and sys.stdout.isatty()):
        err.print(both("needs_terminal"), markup=False, soft_wrap=True)
        raise typer.Exit(2)
    from aeo_check.interactive.session import run_assess

    if lang is None:  # aeo-check --lang zh assess: the program's --lang
        from typer._click.globals import get_current_context

        given = get_current_context().find_root().params.get("lang")
        lang = Lang(given) if given is not None else None
    code = run_assess(catalogue(), output=output, resume=resume, review=review, lang=lang.value if lang else None)
    raise typer.Exit(code)
