"""``aeo-check doctor``: can this machine render the report?"""

from __future__ import annotations

import typer

from aeo_check.cli.app import _h, app, out

# --------------------------------------------------------------------------- doctor

@app.command(help=_h("doctor"))
def doctor() -> None:
    from aeo_check.cli.collection import resume
    from aeo_check.views.pdf.doctor import run_doctor

    resume()  # it renders a test PDF: collect garbage as usual
    raise typer.Exit(run_doctor(out))
