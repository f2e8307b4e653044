"""``aeo-check score FILE…``: each file read, checked, scored and shown before the next.

One file's way through is :func:`score_file`: read → check → score → view, four steps, no
state kept between files. A batch streams: the output of a file is written as soon as it is
scored, so memory stays flat in the number of files and a CI log shows progress. With more than
one job the files are scored in worker processes (file *i* by worker *i mod N*) and written by
this process strictly in the order given, so the bytes are the same as with one job.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from aeo_check.files.sourcefile import Problem

if TYPE_CHECKING:  # pragma: no cover
    from aeo_check.catalogue.compiled import Catalogue
    from aeo_check.document.build import Document

#: from this many files on, the default is one job per core
PARALLEL_FROM = 9

OK, BELOW, INVALID, FAILED = 0, 1, 2, 3


class Options(NamedTuple):
    """How each file is shown; the same in every worker, so every worker writes the same bytes."""

    format: str = "table"  # table | json | jsonl
    lang: str | None = None  # None: each file's own language
    fail_below: str | None = None
    detail: bool = False  # the full panel for every file (table)
    many: bool = False  # more than one file: one line per file (table)
    color: str | None = None  # the terminal's colour system (rich's names), None: plain text
    width: int = 80  # terminal width for the panel
    ui_lang: str = "en"  # language of the header and summary
    file_width: int = 0  # the file column of the one-line view
    blockers: bool = False  # return each result's blockers (for --fail-on-new-blockers)
    #: each evidence document's state in a binder (``--binder``), for the evidence list
    binder: dict[str, str] | None = None


class Outcome(NamedTuple):
    """What one file produced: what goes to stdout (text; UTF-8 bytes in the JSON formats), text
    for stderr, and its exit status."""

    out: str | bytes
    err: str
    status: int
    tier: str | None = None
    #: with --fail-below: the tier is below it (BELOW), or only could be because a discredit
    #: trigger is unanswered (``maybe_below``; the status is BELOW then too)
    maybe_below: bool = False
    #: with ``Options.blockers``: the enterprise's USCC and :func:`aeo_check.compare.progress.blockers_of_result`
    blockers: tuple[str | None, dict[str, Any]] | None = None


@dataclass(slots=True, eq=False, repr=False)
class Summary:
    """A whole batch: the exit status (the worst of the files) and why."""

    status: int = OK
    below: bool = False
    maybe_below: bool = False


# --------------------------------------------------------------------------- one file

def score_file(cat: Catalogue, path: str, opts: Options) -> Outcome:
    """One answer file's assessment document (read → check → score → plan, once), then its view."""
    from aeo_check.document.build import read
    from aeo_check.files.sourcefile import DataFileError, source_name

    source, path = path, source_name(path)  # "-" reads standard input, named <stdin>
    try:
        doc = read(cat, source, binder=opts.binder)
    except DataFileError as exc:
        return _invalid(path, exc.problems, opts)
    except (KeyboardInterrupt, SystemExit, GeneratorExit):
        raise
    except BaseException as exc:  # noqa: BLE001 - this file only: the batch goes on (exit 3)
        return Outcome("", _failure(path, exc), FAILED)
    res = doc.result
    status, maybe = OK, False
    if opts.fail_below is not None:
        from aeo_check.scoring.result import tier_rank

        if tier_rank(res.tier) < tier_rank(opts.fail_below):
            status = BELOW
        elif tier_rank(res.floor_tier) < tier_rank(opts.fail_below):
            status, maybe = BELOW, True  # an unanswered discredit trigger could take the tier away
    blockers = None
    if opts.blockers:
        from aeo_check.compare.progress import blockers_of_result

        blockers = (res.enterprise.get("uscc"), blockers_of_result(res))
    return Outcome(view(cat, doc, path, opts), removed_note(doc.assessment, path, opts.ui_lang), status, res.tier,
                   maybe, blockers)


def removed_note(a: Any, path: str, lang: str) -> str:
    """The line that says an older questionnaire's answers were dropped (empty when none were)."""
    if not a.removed:
        return ""
    from aeo_check.answers.model import WORKBOOK_SUFFIXES
    from aeo_check.files.safetext import inert
    from aeo_check.words.i18n import t

    workbook = path.lower().endswith(WORKBOOK_SUFFIXES)
    hint = t("cli.removed_hint_workbook" if workbook else "cli.removed_hint_yaml", lang)
    return t("cli.removed_questions", lang, file=inert(path), ids=", ".join(a.removed), hint=hint) + "\n"


def _invalid(path: str, problems: list[Problem], opts: Options) -> Outcome:
    """A file that is not a valid answer file: its problems on stderr (in the interface language for a
    person, English for CI), and in JSON formats a record of it in the stream too."""
    if opts.format == "table":
        from aeo_check.answers.messages import problem_text

        return Outcome("", "".join(f"{problem_text(p, opts.ui_lang)}\n" for p in problems), INVALID)
    from aeo_check.document.encode import problems_json

    return Outcome(problems_json(path, problems).encode(), "".join(f"{p}\n" for p in problems), INVALID)


def view(cat: Catalogue, doc: Document, path: str, opts: Options) -> str | bytes:
    """One assessment document in the format asked for: text, or UTF-8 JSON (:func:`binary`)."""
    if binary(opts):
        from aeo_check.document.encode import document_bytes

        return document_bytes(doc, path)
    res = doc.result
    lang = opts.lang or res.language
    if opts.many and not opts.detail:
        from aeo_check.views.brief import score_line

        return score_line(cat, res, path, lang, opts.color, opts.file_width)
    from aeo_check.views.terminal import render_score_text

    return render_score_text(cat, doc, lang, path, color=opts.color, width=opts.width)


# --------------------------------------------------------------------------- many files

def outcomes(cat: Catalogue, paths: Sequence[str], opts: Options, jobs: int) -> Iterator[Outcome]:
    """Each file's outcome, in the order given, scored in ``jobs`` processes (:func:`each`)."""
    for path, o in zip(paths, each(cat, paths, _ScoreTask(opts), jobs), strict=False):
        # None: a worker died (killed, out of memory): say so for its files
        yield o if o is not None else Outcome("", f"{path}: not scored: a worker process ended early\n", FAILED)


class _ScoreTask(NamedTuple):
    """:func:`score_file` as a task of :func:`each` (what a worker runs and sends back)."""

    opts: Options

    def __call__(self, cat: Catalogue, path: str) -> Outcome:
        return score_file(cat, path, self.opts)


def processors() -> int:
    """The processors this process may run on: the most jobs a run uses (README, "Limits")."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


def default_jobs(n_files: int) -> int:
    return 1 if n_files < PARALLEL_FROM else processors()


def _worker(index: int, jobs: int, paths: Sequence[str], task: Callable[[Catalogue, str], Any], conn: Any) -> None:
    """Run ``task`` on files index, index+jobs, … and send each answer, in that order."""
    import signal

    from aeo_check.catalogue.cache import get_catalogue

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides what an interrupt ends
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # and ends a worker with SIGTERM, at once
    try:
        cat = get_catalogue()  # inherited when forked; from the cache when spawned
        for i in range(index, len(paths), jobs):
            conn.send(task(cat, paths[i]))
    except (BrokenPipeError, EOFError, OSError):  # the parent has stopped reading
        pass
    finally:
        conn.close()


def each(cat: Catalogue, paths: Sequence[str], task: Callable[[Catalogue, str], Any], jobs: int) -> Iterator[Any]:
    """``task(cat, path)`` for every path, in the order given: here with one job, else in ``jobs``
    worker processes (file *i* by worker *i mod jobs*), where None stands for a file whose worker
    ended early. ``task`` must not raise for a bad file; what it returns travels back pickled, so
    keep it small."""
    from aeo_check.files.sourcefile import is_stdin

    jobs = max(1, min(jobs, len(paths), processors()))
    if jobs == 1 or any(is_stdin(p) for p in paths):  # standard input is this process's own
        for p in paths:
            yield task(cat, p)
        return
    yield from _parallel(paths, task, jobs)


def _parallel(paths: Sequence[str], task: Callable[[Catalogue, str], Any], jobs: int) -> Iterator[Any]:
    import multiprocessing as mp

    ctx = mp.get_context("fork" if "fork" in mp.get_all_start_methods() else "spawn")
    sys.stdout.flush()
    sys.stderr.flush()
    procs = []
    conns = []
    try:
        for k in range(jobs):
            reader, writer = ctx.Pipe(duplex=False)
            _widen(writer)
            p = ctx.Process(target=_worker, args=(k, jobs, paths, task, writer), daemon=True)
            p.start()
            writer.close()
            procs.append(p)
            conns.append(reader)
        for i in range(len(paths)):
            try:
                yield conns[i % jobs].recv()
            except EOFError:
                yield None
    finally:
        for c in conns:
            c.close()
        for p in procs:
            if p.is_alive():
                p.terminate()
            p.join()


def _widen(conn: Any) -> None:
    """A larger pipe (Linux) lets a worker run a few files ahead of the writer."""
    try:
        import fcntl

        fcntl.fcntl(conn.fileno(), 1031, 1 << 20)  # F_SETPIPE_SZ
    except (ImportError, OSError, ValueError):
        pass


# --------------------------------------------------------------------------- writing

def binary(opts: Options) -> bool:
    """Whether a batch writes bytes (the JSON formats: each document is UTF-8 JSON) or text."""
    return opts.format in ("json", "jsonl")


def run(cat: Catalogue, paths: Sequence[str], opts: Options, jobs: int,
        write: Callable[[Any], Any], warn: Callable[[str], Any],
        on_file: Callable[[str, Outcome], Any] | None = None) -> Summary:
    """Score ``paths`` and write each result as it comes; the exit status is the worst file's.
    ``write`` takes bytes when :func:`binary`, else text. ``on_file(path, outcome)`` is called for
    every file after it is written."""
    import gc

    gc.freeze()  # the catalogue is long-lived: keep it out of every collection
    summary = Summary()
    counts: dict[str, int] = {}
    lines = opts.format == "table" and opts.many and not opts.detail
    if opts.format == "json":
        write(b"[")
    elif lines:
        from aeo_check.views.brief import header

        write(header(opts.ui_lang, opts.color, opts.file_width))
    written = 0
    for path, o in zip(paths, outcomes(cat, paths, opts, jobs), strict=False):
        if o.out:
            _write_one(write, o.out, opts.format, first=not written)
            written += 1
        if o.err:
            warn(o.err)
        _tally(summary, counts, o)
        if on_file is not None:
            on_file(path, o)
    if opts.format == "json":
        write(b"\n]\n" if written else b"]\n")
    elif lines:
        from aeo_check.views.brief import summary as summary_line

        write(summary_line(cat, counts, len(paths), opts.ui_lang))
    return summary


def _write_one(write: Callable[[Any], Any], out: str | bytes, fmt: str, first: bool) -> None:
    """One file's output: a member of the JSON array, a JSON line, or text that ends its line.
    Separator and document are written apart: joining them would copy ~100 KB a file."""
    if fmt == "json":
        write(b"\n" if first else b",\n")
        write(out)
    elif fmt == "jsonl":
        write(out)
        write(b"\n")
    else:
        write(out)
        if not out.endswith("\n"):  # type: ignore[arg-type]
            write("\n")


def _tally(summary: Summary, counts: dict[str, int], o: Outcome) -> None:
    """A file's tier counted, and its status taken into the batch's."""
    if o.tier is not None:
        counts[o.tier] = counts.get(o.tier, 0) + 1
    summary.status = max(summary.status, o.status)
    if o.status == BELOW:
        if o.maybe_below:
            summary.maybe_below = True
        else:
            summary.below = True


# --------------------------------------------------------------------------- a bug or an I/O error in one file

def _failure(path: str, exc: BaseException) -> str:
    """The line (and, with --debug, the traceback) for a file that hit an I/O or internal error."""
    import traceback

    from aeo_check.files.safetext import inert
    from aeo_check.runs.exitcodes import debug_enabled

    kind = "I/O error" if isinstance(exc, OSError) else "internal error"
    detail = exc.strerror if isinstance(exc, OSError) and exc.strerror else f"{type(exc).__name__}: {exc}"
    line = f"{inert(path)}: {kind}: {inert(detail, 200)}"
    if debug_enabled():
        trace = "".join(traceback.format_exception(exc)).rstrip()
        return "\n".join(inert(x) for x in trace.splitlines()) + "\n" + line + "\n"
    return line + " (run with --debug for the traceback)\n"


# --------------------------------------------------------------------------- validate: one file, whatever happens

@dataclass(slots=True, eq=False, repr=False)
class FileOutcome:
    file: Path
    code: int = OK
    document: Document | None = None
    problems: list[Problem] = field(default_factory=list)
    error: str | None = None  # one line, for an I/O or internal error
    trace: str | None = None  # its traceback, shown with --debug


def check_file(path: Path, cat: Catalogue) -> FileOutcome:
    """Read, check, score and plan one answer file (its whole document: validate proves the file
    can be assessed, not only parsed); never raises for a bad file."""
    import traceback

    from aeo_check.document.build import read
    from aeo_check.files.safetext import inert
    from aeo_check.files.sourcefile import DataFileError, source_name

    out = FileOutcome(path)
    try:
        out.document = read(cat, path)
    except DataFileError as exc:
        out.code, out.problems = INVALID, exc.problems
    except (KeyboardInterrupt, SystemExit, GeneratorExit):
        raise
    except BaseException as exc:  # noqa: BLE001 - a bug or an I/O failure on this file only
        out.code = FAILED
        kind = "I/O error" if isinstance(exc, OSError) else "internal error"
        detail = exc.strerror if isinstance(exc, OSError) and exc.strerror else f"{type(exc).__name__}: {exc}"
        out.error = f"{source_name(path)}: {kind}: {inert(detail, 200)}"
        out.trace = traceback.format_exc()
    return out


def tell(outcome: FileOutcome, ctx: Any = None, lang: str = "en") -> None:
    """Print a file's problems (in ``lang``) or error to stderr (nothing for a good file)."""
    from aeo_check.answers.messages import problem_text
    from aeo_check.runs.exitcodes import debug_enabled, say

    for p in outcome.problems:
        say(problem_text(p, lang))
    if outcome.error:
        if outcome.trace and debug_enabled(ctx):
            for line in outcome.trace.rstrip().splitlines():
                say(line)
        say(outcome.error + ("" if debug_enabled(ctx) else " (run with --debug for the traceback)"))
