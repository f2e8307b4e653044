"""Speed and memory of the aeo-check command line, each as a ratio to its floor measured in the same run.

Run from the project folder, with the tool installed in the venv:  .venv/bin/python bench/run.py
(``--quick`` for fewer runs, ``--only score-file batch parallel memory report`` for some of them).

Every figure is whole processes, the way a user or a CI job runs them, timed from outside: a
command and its floor are run in turn (A B A B …, after a warm-up pair), and the ratio quoted is
the median of the per-pair ratios, so a machine that speeds up or slows down during the run moves
both sides of a pair alike. ``--runs`` pairs per comparison (default 5), four times as many for
``score FILE`` and twice as many for the 1,000 files and for ``report``: their limits are closest
to the measured ratios, and on a shared machine single pairs swing by a third. Peak memory is the
kernel's account of the process (``ru_maxrss``).

| target                                                        | floor                                  | limit  |
|---------------------------------------------------------------|----------------------------------------|--------|
| ``score FILE`` (one file, the panel)                          | a minimal typer app, one subcommand     | 1.25 x |
| ``score`` 1,000 varied files, ``-j 1``: table, json, jsonl     | reading the same files with CSafeLoader | 2 x    |
| ``score`` 1,000 files ``-j N`` against ``-j 1`` (N cores)      | (speed-up)                              | >= 0.7 N |
| peak memory, ``score --format json -j 1``: 10,000 against 100 files | (growth)                          | 1.2 x  |
| ``report`` on each of the ten example plans (5 examples x zh/en) | bare WeasyPrint on the same HTML      | 1.2 x  |

The 1,000 files are made by ``bench/corpus.py`` from ``examples/``; 10,000 files are those 1,000
given ten times. The compiled catalogue cache lives in a temporary folder of the run (one warm-up
run fills it), and the package is byte-compiled first, as ``pip install`` does.

Exit status 1 when a target is missed, 2 when the tool is not installed next to this Python.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))
PY = sys.executable
BIN = str(Path(PY).parent / "aeo-check")

MINI_TYPER = '''\
from pathlib import Path
from typing import Annotated

import typer

app = typer.Typer(add_completion=False)


@app.callback()
def main() -> None:
    pass


@app.command()
def score(files: Annotated[list[Path], typer.Argument()]) -> None:
    pass


@app.command()
def other() -> None:
    pass


app()
'''

PARSE_FLOOR = '''\
import sys

import yaml

for name in sys.argv[1:]:
    with open(name, encoding="utf-8") as fh:
        yaml.load(fh.read(), Loader=yaml.CSafeLoader)
'''

BARE_WEASYPRINT = '''\
import sys

import weasyprint

weasyprint.HTML(filename=sys.argv[1]).write_pdf(sys.argv[2])
'''


class Bench:
    def __init__(self, tmp: Path, runs: int) -> None:
        self.tmp = tmp
        self.runs = runs
        self.env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        self.env["AEO_CHECK_CACHE_DIR"] = str(tmp / "cache")
        self.env.pop("AEO_CHECK_NO_CACHE", None)
        self.rows: list[tuple[str, str, bool]] = []

    def run(self, cmd: list[str], cwd: Path | None = None) -> tuple[float, float]:
        """(wall seconds, peak MiB) of one run of ``cmd``; output thrown away."""
        t0 = time.perf_counter()
        p = subprocess.Popen(cmd, cwd=cwd, env=self.env, stdin=subprocess.DEVNULL,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(p.pid, 0)
        wall = time.perf_counter() - t0
        p.returncode = os.waitstatus_to_exitcode(status)
        if p.returncode not in (0, 1):
            raise SystemExit(f"{' '.join(cmd[:4])} … exited {p.returncode}")
        return wall, usage.ru_maxrss / 1024

    def pair(self, a: list[str], b: list[str], cwd: Path | None = None, runs: int | None = None):
        """A and B in turn after a warm-up pair: (median A, median B, median of the A/B ratios)."""
        ta, tb, ratios = [], [], []
        for i in range((runs or self.runs) + 1):
            x, _ = self.run(a, cwd)
            y, _ = self.run(b, cwd)
            if i:
                ta.append(x)
                tb.append(y)
                ratios.append(x / y)
        return statistics.median(ta), statistics.median(tb), statistics.median(ratios)

    def report(self, name: str, text: str, ok: bool) -> None:
        self.rows.append((name, text, ok))
        print(f"{'ok    ' if ok else 'MISSED'}  {name:44s} {text}", flush=True)


def bench_score_file(b: Bench) -> None:
    mini = b.tmp / "mini_typer.py"
    mini.write_text(MINI_TYPER, encoding="utf-8")
    for example in (EXAMPLES[1], EXAMPLES[4]):
        # a run is 0.2 s, and one slow moment of the machine swings a pair by a third either way
        tool, floor, ratio = b.pair([BIN, "score", str(example)], [PY, str(mini), "score", str(example)],
                                    runs=b.runs * 4)
        b.report(f"score FILE ({example.stem})",
                 f"{tool:6.3f} s vs minimal typer app {floor:6.3f} s: {ratio:5.2f} x (<= 1.25 x)", ratio <= 1.25)


def bench_batch(b: Bench, corpus: list[str], folder: Path) -> None:
    floor = b.tmp / "parse_floor.py"
    floor.write_text(PARSE_FLOOR, encoding="utf-8")
    for label, extra in (("table, --fail-below certified", ["--fail-below", "certified"]),
                         ("--format json", ["--format", "json"]), ("--format jsonl", ["--format", "jsonl"])):
        tool, parse, ratio = b.pair([BIN, "score", *corpus, "-j", "1", *extra], [PY, str(floor), *corpus], folder,
                                    runs=b.runs * 2)
        b.report(f"score 1,000 files -j 1 {label}",
                 f"{tool:6.2f} s ({len(corpus) / tool:5.0f} files/s) vs CSafeLoader parse {parse:5.2f} s: "
                 f"{ratio:5.2f} x (<= 2 x)", ratio <= 2.0)


def bench_parallel(b: Bench, corpus: list[str], folder: Path) -> None:
    try:
        n = len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        n = os.cpu_count() or 1
    if n < 2:
        b.report("score 1,000 files -j N", "one core: nothing to compare", True)
        return
    one, many, ratio = b.pair([BIN, "score", *corpus, "-j", "1", "--format", "json"],
                              [BIN, "score", *corpus, "-j", str(n), "--format", "json"], folder)
    b.report(f"score 1,000 files -j {n} vs -j 1",
             f"{many:6.2f} s vs {one:6.2f} s: {ratio:4.2f} x faster (>= {0.7 * n:.1f} x)", ratio >= 0.7 * n)


def bench_memory(b: Bench, corpus: list[str], folder: Path) -> None:
    peaks = {}
    for n in (1, 100, 1000, 10_000):
        files = (corpus * (n // len(corpus) + 1))[:n]
        peaks[n] = min(b.run([BIN, "score", *files, "--format", "json", "-j", "1"], folder)[1] for _ in range(2))
    growth = peaks[10_000] / peaks[100]
    b.report("peak memory score --format json -j 1",
             " / ".join(f"{n:,} files {mib:5.1f} MiB" for n, mib in peaks.items())
             + f": 10,000 vs 100 files {growth:4.2f} x (<= 1.2 x)", growth <= 1.2)


def bench_report(b: Bench) -> None:
    bare = b.tmp / "bare_weasyprint.py"
    bare.write_text(BARE_WEASYPRINT, encoding="utf-8")
    # a render swings by ±10 % run to run: five pairs once gave 1.19x where other runs gave 1.05x
    runs = b.runs * 2
    worst = 0.0
    for example in EXAMPLES:
        for lang in ("zh", "en"):
            html = b.tmp / f"{example.stem}-{lang}.html"
            subprocess.run([BIN, "report", str(example), "--lang", lang, "--html", "-o", str(html)], check=True,
                           env=b.env, stdin=subprocess.DEVNULL, capture_output=True)
            tool, floor, ratio = b.pair([BIN, "report", str(example), "--lang", lang, "-o", str(b.tmp / "tool.pdf")],
                                        [PY, str(bare), str(html), str(b.tmp / "bare.pdf")], runs=runs)
            worst = max(worst, ratio)
            b.report(f"report {example.stem} --lang {lang}",
                     f"{tool:6.2f} s vs bare WeasyPrint {floor:5.2f} s: {ratio:5.2f} x (<= 1.2 x)", ratio <= 1.2)
    print(f"        report: worst of the ten plans {worst:.2f} x", flush=True)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="fewer runs (a smoke check; ratios are noisier)")
    ap.add_argument("--runs", type=int, default=None, help="counted pairs per comparison (default 5, quick 2)")
    ap.add_argument("--only", nargs="+", choices=["score-file", "batch", "parallel", "memory", "report"])
    args = ap.parse_args()
    if not Path(BIN).exists():
        print(f"aeo-check is not installed next to {PY}; pip install . first", file=sys.stderr)
        return 2
    chosen = set(args.only or ["score-file", "batch", "parallel", "memory", "report"])
    with tempfile.TemporaryDirectory(prefix="aeo-bench-") as tmp_name:
        tmp = Path(tmp_name)
        b = Bench(tmp, args.runs or (2 if args.quick else 5))
        subprocess.run([PY, "-m", "compileall", "-q", str(ROOT / "aeo_check")], check=False, env=b.env,
                       stdout=subprocess.DEVNULL)
        b.run([BIN, "score", str(EXAMPLES[0])])  # fills the catalogue cache
        print(f"python {sys.version.split()[0]}, {os.cpu_count()} cores; each ratio: median of "
              f"{b.runs} alternating pairs ({b.runs * 4} for score FILE, {b.runs * 2} for 1,000 files and report)", flush=True)
        folder = tmp / "corpus"
        if chosen & {"batch", "parallel", "memory"}:
            import corpus as gen

            paths = gen.make(folder, 1000)
            names = [p.name for p in paths]  # relative to the folder: 10,000 names fit a command line
        if "score-file" in chosen:
            bench_score_file(b)
        if "batch" in chosen:
            bench_batch(b, names, folder)
        if "parallel" in chosen:
            bench_parallel(b, names, folder)
        if "memory" in chosen:
            bench_memory(b, names, folder)
        if "report" in chosen:
            bench_report(b)
    missed = [name for name, _, ok in b.rows if not ok]
    if missed:
        print(f"missed {len(missed)} of {len(b.rows)}: " + "; ".join(missed))
        return 1
    print(f"all {len(b.rows)} targets met")
    return 0


if __name__ == "__main__":
    sys.exit(main())
