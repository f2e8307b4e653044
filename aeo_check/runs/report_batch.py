"""Many reports at once: one plan per client, rendered in worker processes.

A failing client never stops the others: each job returns its exit code and its messages, and
the command's exit code is the worst of them (2 invalid input, 3 I/O or internal error).
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

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


def default_workers() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


def outputs_for(files: list[Path], folder: Path, html: bool) -> list[Path]:
    """``folder/<name>.pdf`` per file; two files of the same name get ``-2``, ``-3``… ."""
    suffix = ".html" if html else ".pdf"
    seen: dict[str, int] = {}
    out = []
    for f in files:
        stem = f.stem
        n = seen[stem] = seen.get(stem, 0) + 1
        out.append(folder / (f"{stem}{suffix}" if n == 1 else f"{stem}-{n}{suffix}"))
    return out


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
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
    )

    results: list[Done] = []
    interactive = err.is_terminal
    progress = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                        console=err, transient=False, disable=not interactive)

    def report(done: Done, n: int) -> None:
        results.append(done)
        if done.code:
            for m in done.messages:
                progress.console.print(m, markup=False, soft_wrap=True)
            progress.console.print(f"✗ {done.job.source}: {en_zh('cli.failed')}", markup=False, style="red")
        elif not interactive:
            err.print(f"[{n}/{len(jobs)}] {done.job.output}", markup=False)

    workers = max(1, min(workers, len(jobs)))
    pool = futures = None
    if workers > 1:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        method = "fork" if sys.platform.startswith("linux") else None
        if method == "fork":
            _warm()
        # the workers start here, before the progress bar's refresh thread exists
        pool = ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context(method))
        futures = [pool.submit(run_job, job) for job in jobs]
    try:
        with progress:
            task = progress.add_task(en_zh("cli.reports"), total=len(jobs))
            if pool is None:
                for job in jobs:
                    report(run_job(job), len(results) + 1)
                    progress.advance(task)
            else:
                from concurrent.futures import as_completed

                assert futures is not None
                for fut in as_completed(futures):
                    try:
                        done = fut.result()
                    except Exception as exc:  # noqa: BLE001 - a worker died (killed, out of memory)
                        job = jobs[futures.index(fut)]
                        done = Done(job, 3, (f"{job.source}: the worker process failed: {exc.__class__.__name__}",))
                    report(done, len(results) + 1)
                    progress.advance(task)
    except KeyboardInterrupt:
        if pool is not None:
            pool.shutdown(wait=False, cancel_futures=True)
        raise
    if pool is not None:
        pool.shutdown(wait=True)
    failed = [d for d in results if d.code]
    ok = len(results) - len(failed)
    err.print(en_zh("cli.written_failed", ok=ok, failed=len(failed))
              + (": " + ", ".join(str(d.job.source) for d in failed) if failed else ""), markup=False, soft_wrap=True)
    return max((d.code for d in results), default=0)
