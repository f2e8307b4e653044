"""``validate`` and ``score``: answer files checked and scored, one or many."""

from __future__ import annotations

import os
import sys
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from aeo_check.cli.app import (
    GuardTier,
    Lang,
    ScoreFmt,
    _h,
    _lang,
    _m,
    app,
    catalogue,
    err,
    out,
    problems_exit_2,
)
from aeo_check.words.i18n import en_zh, t

if TYPE_CHECKING:  # pragma: no cover - annotations only
    from collections.abc import Callable

    from aeo_check.catalogue.compiled import Catalogue
    from aeo_check.runs.batch import Options, Outcome, Summary

    OnFile = Callable[[str, Outcome], None]

# --------------------------------------------------------------------------- validate / score

class ValidateFmt(str, Enum):
    text = "text"
    github = "github"


@app.command(help=_h("validate"))
def validate(
    files: Annotated[list[Path], typer.Argument(metavar=_m("files"), help=_h("validate files"))],
    format: Annotated[ValidateFmt, typer.Option("--format", help=_h("validate --format"))] = ValidateFmt.text,
) -> None:
    from aeo_check.files.safetext import inert
    from aeo_check.files.sourcefile import source_name
    from aeo_check.runs.batch import check_file, removed_note, tell
    from aeo_check.runs.exitcodes import interface_lang, worst

    cat = catalogue()
    ui = interface_lang()
    code = 0
    for f in files:
        outcome = check_file(f, cat)
        code = worst(code, outcome.code)
        if format is ValidateFmt.github and outcome.problems:
            from aeo_check.views.ci import github_annotation

            for p in outcome.problems:
                print(github_annotation(p))
        else:
            tell(outcome, lang=ui if format is ValidateFmt.text else "en")
        if outcome.document is not None and outcome.document.assessment.removed:
            err.print(removed_note(outcome.document.assessment, source_name(f), ui).rstrip("\n"), markup=False)
        if outcome.code == 0 and format is ValidateFmt.text:
            out.print(t("cli.ok", ui, file=inert(source_name(f))), markup=False)
    raise typer.Exit(code)


@app.command(help=_h("score"))
def score(
    # plain strings: ten thousand Path objects would cost megabytes before the first file is read
    files: Annotated[list[str], typer.Argument(metavar=_m("files"), help=_h("score files"))],
    format: Annotated[ScoreFmt, typer.Option(
        "--format", help=_h("score --format"))] = ScoreFmt.table,
    fail_below: Annotated[GuardTier | None, typer.Option(
        "--fail-below", help=_h("score --fail-below"))] = None,
    fail_on_new_blockers: Annotated[Path | None, typer.Option(
        "--fail-on-new-blockers", metavar=_m("old"), help=_h("score --fail-on-new-blockers"))] = None,
    lang: Annotated[Lang | None, typer.Option(help=_h("score --lang"))] = None,
    detail: Annotated[bool, typer.Option("--detail", help=_h("score --detail"))] = False,
    jobs: Annotated[int | None, typer.Option(
        "-j", "--jobs", min=1, help=_h("score --jobs"))] = None,
    binder: Annotated[Path | None, typer.Option("--binder", metavar=_m("dir"), help=_h("score --binder"))] = None,
) -> None:
    from aeo_check.runs import batch

    many = len(files) > 1
    if binder is not None and many:
        err.print(en_zh("binder.one_file"), markup=False)
        raise typer.Exit(2)
    color, width = _view_settings(format, many, detail)
    cat = catalogue()
    if format is ScoreFmt.junit:  # one XML document for the whole batch
        _score_junit(cat, [Path(f) for f in files], fail_below, fail_on_new_blockers)
        return
    fmt = format.value
    from aeo_check.views.brief import file_width

    opts = batch.Options(format=fmt, lang=lang.value if lang else None,
                         fail_below=fail_below.value if fail_below else None, detail=detail, many=many,
                         color=color, width=width, ui_lang=_lang(lang),
                         file_width=file_width(files) if fmt == "table" and many else 0,
                         blockers=fail_on_new_blockers is not None, binder=_binder(cat, binder))
    on_file, gained = _blocker_watch(cat, fail_on_new_blockers)
    done = _write_all(cat, files, opts, jobs or batch.default_jobs(len(files)), on_file)
    if done.status == batch.BELOW and fmt == "table":
        if done.below:
            err.print(en_zh("cli.tier_below", tier=fail_below.value), markup=False)
        if done.maybe_below:
            err.print(en_zh("cli.tier_maybe_below", tier=fail_below.value), markup=False)
    for g in gained:
        err.print(f"{en_zh('cli.new_blocker')}: {g}", markup=False)
    status = 1 if gained and done.status == 0 else done.status
    if status:
        raise typer.Exit(status)


def _view_settings(format: ScoreFmt, many: bool, detail: bool) -> tuple[str | None, int]:
    """The colour system and width of what ``score`` draws: the panel takes the terminal's, the
    one-line view colours only a terminal that wants it, the other formats are plain."""
    if format is ScoreFmt.table and (not many or detail):
        # the panel: its modules (rich) and its console load with the program, while collection
        # is still paused (see launch), not after the catalogue
        from aeo_check.views import terminal  # noqa: F401

        return out.color_system, out.width
    if format is ScoreFmt.table:
        return ("standard" if _colour_terminal() else None), 80
    return None, 80


def _blocker_watch(cat: Catalogue, old: Path | None) -> tuple[OnFile | None, list[str]]:
    """With ``--fail-on-new-blockers OLD``: a check run on each file as it is scored (one pass), and
    the list it fills with each file's blockers that OLD did not have."""
    gained: list[str] = []
    if old is None:
        return None, gained
    from aeo_check.compare.progress import gained_blockers

    olds = _old_blockers(cat, old)

    def on_file(path: str, o: Outcome) -> None:
        if o.blockers is not None:
            new = gained_blockers(olds.get(o.blockers[0]), o.blockers[1])
            if new:
                gained.append(f"{path}: {', '.join(new)}")

    return on_file, gained


def _write_all(cat: Catalogue, files: list[str], opts: Options, jobs: int, on_file: OnFile | None) -> Summary:
    """Score and write every file (:func:`aeo_check.runs.batch.run`); a reader that has gone
    (``score … | head -1``) has what it wanted, which is not an error: exit 0."""
    from aeo_check.runs import batch

    stdout, stderr = sys.stdout, sys.stderr
    try:
        done = batch.run(cat, files, opts, jobs, write=stdout.buffer.write if batch.binary(opts) else stdout.write,
                         warn=lambda text: (stdout.flush(), stderr.write(text)), on_file=on_file)
        stdout.flush()
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), stdout.fileno())  # nothing left to flush at exit
        raise typer.Exit(0) from None
    return done


def _colour_terminal() -> bool:
    """Styles for the one-line view: a terminal that is not dumb, and NO_COLOR not set."""

    return (sys.stdout.isatty() and not os.environ.get("NO_COLOR")
            and os.environ.get("TERM", "") != "dumb")


def _old_blockers(cat, old_path: Path) -> dict:
    """The earlier results' blockers by USCC (the first result of each enterprise, as
    :func:`aeo_check.compare.progress.match_old` picks it); an unreadable OLD exits 2 before any scoring."""
    from aeo_check.compare.progress import blockers_of
    from aeo_check.document.resultfile import read_documents

    with problems_exit_2():
        olds = read_documents(cat, old_path)
    by_uscc: dict = {}
    for o in olds:
        by_uscc.setdefault(o.result.enterprise.get("uscc"), blockers_of(o.data))
    return by_uscc


def _binder(cat, root: Path | None) -> dict[str, str] | None:
    from aeo_check.cli.binder import binder_states

    return binder_states(cat, root)


def _score_junit(cat, files: list[Path], fail_below, fail_on_new_blockers) -> None:
    """``score --format junit``: one JUnit document for the whole batch (one test case per file)."""
    from aeo_check.compare.progress import blockers_of_result, gained_blockers
    from aeo_check.document.build import read
    from aeo_check.files.sourcefile import DataFileError, source_name
    from aeo_check.scoring.result import tier_rank
    from aeo_check.views.ci import junit_xml

    olds = _old_blockers(cat, fail_on_new_blockers) if fail_on_new_blockers else None
    entries = []
    status = 0
    for f in files:
        try:
            res = read(cat, f).result
        except DataFileError as exc:
            status = 2
            entries.append({"file": source_name(f), "result": None, "problems": exc.problems})
            continue
        if fail_below is not None and (tier_rank(res.tier) < tier_rank(fail_below.value)
                                       or tier_rank(res.floor_tier) < tier_rank(fail_below.value)):
            status = max(status, 1)
        new = (gained_blockers(olds.get(res.enterprise.get("uscc")), blockers_of_result(res)) or None
               if olds is not None else None)
        if new:
            status = max(status, 1)
        entries.append({"file": source_name(f), "result": res, "problems": None,
                        "guard": fail_below.value if fail_below else None, "new_blockers": new})
    sys.stdout.write(junit_xml(entries))
    if status:
        raise typer.Exit(status)
