"""``aeo-check binder``: init, check and pack the evidence binder."""

from __future__ import annotations

import datetime as dt
import os
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from aeo_check.cli.app import Lang, _h, _m, _problems_exit, app, catalogue, err, out
from aeo_check.words.i18n import t

if TYPE_CHECKING:  # pragma: no cover
    from aeo_check.binder.index import Binder
    from aeo_check.catalogue.compiled import Catalogue

binder_app = typer.Typer(help=_h("binder"), no_args_is_help=True)
app.add_typer(binder_app, name="binder")


class CheckFmt(str, Enum):
    table = "table"
    json = "json"
    github = "github"
    junit = "junit"


def _result(cat: Catalogue, path: Path):  # noqa: ANN202 - a scoring Result
    from aeo_check.answers.read import load_answers
    from aeo_check.files.sourcefile import DataFileError
    from aeo_check.scoring.engine import score

    try:
        return score(cat, load_answers(path, cat, str(path)))
    except DataFileError as exc:
        _problems_exit(exc.problems)


def _fail(code: int, message: str) -> None:
    from aeo_check.files.safetext import inert

    err.print(inert(message), markup=False, soft_wrap=True)
    raise typer.Exit(code)


def open_binder(cat: Catalogue, root: Path) -> Binder:
    """The binder at ``root``; exit 2 naming file, line and field when it is invalid, 3 on I/O."""
    from aeo_check.binder.index import read_index
    from aeo_check.files.sourcefile import DataFileError

    try:
        return read_index(root, {i.id for i in cat.items})
    except DataFileError as exc:
        _problems_exit(exc.problems)
    except OSError as exc:
        _fail(3, f"{root}: {exc.strerror or exc}")
    raise AssertionError  # unreachable: both handlers exit


def binder_states(cat: Catalogue, root: Path | None) -> dict[str, str] | None:
    """For ``--binder DIR`` on report, plan and score: each document's state in the binder today,
    as the evidence list shows it (the same check as ``binder check``); None without a binder."""
    if root is None:
        return None
    from aeo_check.binder.check import check

    try:
        return check(cat, open_binder(cat, root), dt.date.today()).evidence_states()
    except OSError as exc:
        _fail(3, f"{exc.filename or root}: {exc.strerror or exc}")
    raise AssertionError  # unreachable: _fail exits


@binder_app.command("init", help=_h("binder init"))
def init_(
    answers: Annotated[Path, typer.Argument(metavar=_m("file"), help=_h("binder init answers"))],
    output: Annotated[Path, typer.Option("-o", "--output", metavar=_m("dir"), help=_h("binder init --output"))],
) -> None:
    import functools

    from aeo_check.binder.init import init
    from aeo_check.files.sourcefile import DataFileError
    from aeo_check.views import binder as views

    cat = catalogue()
    result = _result(cat, answers)
    lang = result.language
    try:
        made = init(cat, result, output, functools.partial(views.readme, cat, lang=lang), views.index_comment(lang))
    except DataFileError as exc:
        _problems_exit(exc.problems)
    except OSError as exc:
        _fail(3, f"{exc.filename or output}: {exc.strerror or exc}")
    out.print(t("binder.made", lang, root=str(output)), markup=False)
    if made.folders or made.readmes or made.entries:
        out.print(t("binder.made_counts", lang, folders=len(made.folders), readmes=len(made.readmes),
                    entries=len(made.entries)), markup=False)
    else:
        out.print(t("binder.made_nothing", lang), markup=False)


def _on(value: str | None) -> dt.date:
    if value is None:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r}: YYYY-MM-DD") from None


@binder_app.command("check", help=_h("binder check"))
def check_(
    dir: Annotated[Path, typer.Argument(metavar=_m("dir"), help=_h("binder check dir"))],
    answers: Annotated[Path | None, typer.Option("--answers", metavar=_m("file"),
                                                    help=_h("binder check --answers"))] = None,
    on: Annotated[str | None, typer.Option("--on", help=_h("binder check --on"))] = None,
    format: Annotated[CheckFmt, typer.Option("--format", help=_h("binder check --format"))] = CheckFmt.table,
    lang: Annotated[Lang | None, typer.Option("--lang", help=_h("binder check --lang"))] = None,
) -> None:
    from aeo_check.binder.check import check
    from aeo_check.views import binder as views

    day = _on(on)
    cat = catalogue()
    result = _result(cat, answers) if answers is not None else None
    binder = open_binder(cat, dir)
    try:
        c = check(cat, binder, day, result)
    except OSError as exc:
        _fail(3, f"{exc.filename or dir}: {exc.strerror or exc}")
    root = str(dir)
    if format is CheckFmt.json:
        out.file.write(views.to_json(c, root))
    elif format is CheckFmt.github:
        out.file.write(views.github(cat, c, root))
    elif format is CheckFmt.junit:
        out.file.write(views.junit(cat, c, root))
    else:
        views.table(out, cat, c, root, lang.value if lang else binder.index.language)
    raise typer.Exit(0 if c.complete else 1)


@binder_app.command("pack", help=_h("binder pack"))
def pack_(
    dir: Annotated[Path, typer.Argument(metavar=_m("dir"), help=_h("binder pack dir"))],
    output: Annotated[Path, typer.Option("-o", "--output", metavar=_m("file"), help=_h("binder pack --output"))],
) -> None:
    from aeo_check.binder.pack import Refused, pack
    from aeo_check.views.pdf import binder_toc

    cat = catalogue()
    binder = open_binder(cat, dir)
    lang = binder.index.language
    target = os.path.abspath(output)
    inside = os.path.realpath(target).startswith(os.path.realpath(dir) + os.sep)
    if inside:
        _fail(2, t("binder.pack_inside", lang, out=str(output)))
    temp = f"{target}.part"
    try:
        with open(temp, "wb") as fh:
            packed = pack(dir, fh, binder_toc.extras(cat, binder.index))
        os.replace(temp, target)
    except Refused as exc:
        os.unlink(temp)
        for path, why in exc.names:
            err.print(t("binder.pack_refused", lang, path=path, why=why), markup=False, soft_wrap=True)
        raise typer.Exit(2) from None
    except OSError as exc:
        if os.path.exists(temp):
            os.unlink(temp)
        _fail(3, f"{exc.filename or output}: {exc.strerror or exc}")
    out.print(t("binder.packed", lang, files=len(packed), out=str(output)), markup=False)
