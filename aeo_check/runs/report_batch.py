"""Many reports at once: one plan per client, rendered in worker processes.

A failing client never stops the others: each job returns its exit code and its messages, and
the command's exit code is the worst of them (2 invalid input, 3 I/O or internal error).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from aeo_check.files.safetext import inert
from aeo_check.words.i18n import en_zh


@dataclass(frozen=True, slots=True)
class Job:
    source: Path
    output: Path
    lang: str | None
    html: bool
    brand: Path | None


@dataclass(frozen=True, slots=True)
class Done:
    job: Job
    code: int
    messages: tuple[str, ...]


def outputs_for(files: list[Path], folder: Path, html: bool, inputs: list[Path]) -> tuple[list[Path], list[str]]:
    """``folder/<name>.pdf`` per file, every name unique and none an input of the run. Files of
    the same name are told apart by their enterprise's credit code (a counter when that is
    unknown or shared); each renamed output gets a line saying why."""
    suffix = ".html" if html else ".pdf"
    groups: dict[str, list[int]] = {}
    for i, f in enumerate(files):
        groups.setdefault(f.stem.casefold(), []).append(i)
    taken = {os.path.realpath(p).casefold() for p in inputs}
    out: list[Path | None] = [None] * len(files)
    said: list[str] = []
    for i, f in enumerate(files):  # unique names first: a renamed one must not take theirs
        if len(groups[f.stem.casefold()]) == 1 and os.path.realpath(folder / f"{f.stem}{suffix}").casefold() not in taken:
            out[i] = folder / f"{f.stem}{suffix}"
            taken.add(os.path.realpath(out[i]).casefold())
    for i, f in enumerate(files):
        if out[i] is not None:
            continue
        code = _credit_code(f)
        n = 1
        name = f"{f.stem}-{code}{suffix}" if code else f"{f.stem}-{n}{suffix}"
        while os.path.realpath(folder / name).casefold() in taken:
            n += 1
            name = f"{f.stem}-{code or ''}{'-' if code else ''}{n}{suffix}"
        out[i] = folder / name
        taken.add(os.path.realpath(out[i]).casefold())
        said.append(en_zh("cli.renamed_output", file=inert(f), output=inert(out[i])))
    return [p for p in out if p is not None], said


def _credit_code(path: Path) -> str | None:
    """The enterprise's credit code (USCC) as the file gives it, when it is one (18 letters and
    digits); None when the file cannot be read or has none."""
    import re

    from aeo_check.answers.read import read_answers

    try:
        from aeo_check.catalogue.cache import get_catalogue

        data = read_answers(path, get_catalogue(), str(path)).data
    except Exception:  # noqa: BLE001 - the job itself will say what is wrong with the file
        return None
    if isinstance(data, list) and data:  # a result JSON: its first result
        data = data[0]
    ent = data.get("enterprise") if isinstance(data, dict) else None
    code = ent.get("uscc") if isinstance(ent, dict) else None
    return code if isinstance(code, str) and re.fullmatch(r"[0-9A-Z]{18}", code) else None


def run_job(job: Job) -> Done:
    """Render one report; every failure becomes an exit code and messages (never an exception)."""
    from aeo_check.catalogue.cache import get_catalogue
    from aeo_check.files.sourcefile import DataFileError
    from aeo_check.words.i18n import default_lang

    try:
        cat = get_catalogue()
        from aeo_check.document.resultfile import read_one
        from aeo_check.views.pdf.report import load_brand, write_report

        doc = read_one(cat, job.source)
        res, a_lang = doc.data, doc.assessment.language
        brand = load_brand(job.brand) if job.brand else None
        write_report(cat, res, job.output, lang=job.lang or a_lang or default_lang(), html=job.html, brand=brand)
        return Done(job, 0, ())
    except DataFileError as exc:
        from aeo_check.answers.messages import problem_text
        from aeo_check.words.i18n import ui_lang

        return Done(job, 2, tuple(problem_text(p, ui_lang()) for p in exc.problems))
    except OSError as exc:
        return Done(job, 3, (f"{job.output}: cannot write: {exc.strerror or exc}",))
    except Exception as exc:  # noqa: BLE001 - one client's internal error must not stop the others
        return Done(job, 3, (f"{job.source}: internal error: {exc.__class__.__name__}: {exc}",))


def _worker_signals() -> None:
    """In a worker: Ctrl-C is the parent's to handle, SIGTERM ends the worker at once."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


def _stop(jobs: list[Job]) -> None:
    """After an interrupt: end every worker and remove the partial files of the plans not written."""
    import multiprocessing

    from aeo_check.files.outfile import remove_stale_temps

    for child in multiprocessing.active_children():
        child.terminate()
    for child in multiprocessing.active_children():
        child.join(5)
    for job in jobs:
        remove_stale_temps(job.output, older_than=0)


def _warm() -> None:
    """Import the renderer before the workers fork, so that each starts ready."""
    from aeo_check.catalogue.cache import get_catalogue

    get_catalogue()
    import gc

    import jinja2  # noqa: F401
    import weasyprint  # noqa: F401

    gc.freeze()  # the catalogue and the renderer live to the end: keep them out of every collection


def run_batch(jobs: list[Job], workers: int, err: Any) -> int:
    """Render every job; show progress on stderr; name each failure. Returns the worst exit code."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from aeo_check.runs.batch import processors

    results: list[Done] = []
    interactive = err.is_terminal
    progress = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                        console=err, transient=False, disable=not interactive)
    # the workers start here, before the progress bar's refresh thread exists
    pool, futures = _start_workers(jobs, max(1, min(workers, len(jobs), processors())))
    try:
        with progress:
            task = progress.add_task(en_zh("cli.reports"), total=len(jobs))
            for done in _finished(jobs, futures):
                results.append(done)
                _report(done, len(results), len(jobs), progress.console, interactive)
                progress.advance(task)
    except BaseException:  # Ctrl-C, SIGTERM (Terminated): nothing half-made stays
        if pool is not None:
            pool.shutdown(wait=False, cancel_futures=True)
        _stop(jobs)
        raise
    if pool is not None:
        pool.shutdown(wait=True)
    failed = [d for d in results if d.code]
    err.print(en_zh("cli.written_failed", ok=len(results) - len(failed), failed=len(failed))
              + (": " + ", ".join(str(d.job.source) for d in failed) if failed else ""), markup=False, soft_wrap=True)
    return max((d.code for d in results), default=0)


def _start_workers(jobs: list[Job], workers: int) -> tuple[Any, list[Any] | None]:
    """A pool of worker processes with every job submitted; (None, None) for one worker."""
    if workers <= 1:
        return None, None
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    method = "fork" if sys.platform.startswith("linux") else None
    if method == "fork":
        _warm()
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context(method),
                               initializer=_worker_signals)
    return pool, [pool.submit(run_job, job) for job in jobs]


def _finished(jobs: list[Job], futures: list[Any] | None) -> Iterator[Done]:
    """Each job once done: in turn in this process, or as the workers finish them."""
    if futures is None:
        yield from (run_job(job) for job in jobs)
        return
    from concurrent.futures import as_completed

    for fut in as_completed(futures):
        try:
            yield fut.result()
        except Exception:  # noqa: BLE001 - a worker died (killed, out of memory)
            job = jobs[futures.index(fut)]
            yield Done(job, 3, (f"{job.source}: {en_zh('cli.report_worker_ended')}",))


def _report(done: Done, n: int, total: int, console: Any, interactive: bool) -> None:
    """A failure with its messages; when the progress bar is not shown, each plan written."""
    if done.code:
        for m in done.messages:
            console.print(m, markup=False, soft_wrap=True)
        console.print(f"✗ {done.job.source}: {en_zh('cli.failed')}", markup=False, style="red")
    elif not interactive:
        console.print(f"[{n}/{total}] {done.job.output}", markup=False)
