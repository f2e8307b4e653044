"""Speed of the consultant's commands (issue 14). Run: .venv/bin/python bench/consultant.py [--quick]

- `portfolio` over 1,000 client files                within 1.5 x of `score` over the same files
- `report` of 20 clients with -j N on N cores        at least 0.7 * N times faster than one by one
- reading a filled .xlsx (validate's work)           within 3 x of reading the same answers as YAML

Exit status 1 when a target is missed.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))
BIN = Path(sys.executable).parent / "aeo-check"


def _wall(cmd: list[str], runs: int) -> float:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL)
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def clients(folder: Path, n: int) -> list[Path]:
    """n answer files: the examples, each copy a client of its own."""
    out = []
    for i in range(n):
        src = EXAMPLES[i % len(EXAMPLES)]
        dst = folder / f"client-{i:04d}-{src.name}"
        shutil.copyfile(src, dst)
        out.append(dst)
    return out


def bench_portfolio(tmp: Path, n: int, runs: int, jobs: int) -> tuple[float, float, float, float]:
    """Both commands with the same number of worker processes (what each takes by default for this
    many files: one per core), so the ratio is the work portfolio adds (a dated plan per client, the
    sort), not a difference in parallelism."""
    folder = tmp / "portfolio"
    folder.mkdir()
    files = [str(p) for p in clients(folder, n)]
    j = ["-j", str(jobs)]
    t_port = _wall([str(BIN), "portfolio", str(folder), "--format", "csv", *j], runs)
    t_table = _wall([str(BIN), "score", *files, *j], runs)
    t_json = _wall([str(BIN), "score", *files, "--format", "json", *j], runs)
    return t_port, t_table, t_json, t_port / t_table


def bench_reports(tmp: Path, n: int, workers: int) -> tuple[float, float, float]:
    folder = tmp / "reports"
    folder.mkdir()
    files = [str(p) for p in clients(folder, n)]
    t0 = time.perf_counter()
    for i, f in enumerate(files):
        subprocess.run([str(BIN), "report", f, "-o", str(tmp / f"one-{i}.pdf")], check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL)
    one_by_one = time.perf_counter() - t0
    t0 = time.perf_counter()
    subprocess.run([str(BIN), "report", *files, "-o", str(tmp / "many") + "/", "-j", str(workers)], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL)
    parallel = time.perf_counter() - t0
    return one_by_one, parallel, one_by_one / parallel


def bench_xlsx(tmp: Path, seconds: float) -> tuple[float, float, float]:
    from aeo_check.answers.read import load_answers
    from aeo_check.answers.workbook import workbook_bytes
    from aeo_check.catalogue import get_catalogue

    cat = get_catalogue()
    ratios = []
    per = []
    for src in EXAMPLES:
        a = load_answers(src, cat)
        book = tmp / f"{src.stem}.xlsx"
        book.write_bytes(workbook_bytes(cat, a.enterprise.type, list(a.enterprise.specific), a.language, filled=a))
        rates = []
        for path in (src, book):
            load_answers(path, cat)
            n, t0 = 0, time.process_time()
            while time.process_time() - t0 < seconds:
                load_answers(path, cat)
                n += 1
            rates.append((time.process_time() - t0) / n)
        per.append(rates)
        ratios.append(rates[1] / rates[0])
    yaml_ms = statistics.median(r[0] for r in per) * 1000
    xlsx_ms = statistics.median(r[1] for r in per) * 1000
    return yaml_ms, xlsx_ms, statistics.median(ratios)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="fewer files and runs (a smoke check, not a measurement)")
    args = ap.parse_args()
    if not BIN.exists():
        print(f"aeo-check is not installed next to {sys.executable}; pip install . first", file=sys.stderr)
        return 2
    cores = len(os.sched_getaffinity(0))
    missed = []
    with tempfile.TemporaryDirectory() as t:
        tmp = Path(t)
        yaml_ms, xlsx_ms, ratio = bench_xlsx(tmp, 0.5 if args.quick else 2.0)
        print(f"read answers: YAML {yaml_ms:.2f} ms, xlsx {xlsx_ms:.2f} ms   ratio {ratio:.2f}x   target <= 3x")
        missed += ["xlsx read"] if ratio > 3 else []

        n = 100 if args.quick else 1000
        t_port, t_table, t_json, r = bench_portfolio(tmp, n, 1 if args.quick else 3, cores)
        print(f"{n} files, -j {cores}: portfolio {t_port:.2f} s, score {t_table:.2f} s (json {t_json:.2f} s)   "
              f"ratio {r:.2f}x   target <= 1.5x")
        missed += ["portfolio"] if r > 1.5 else []

        n = 4 if args.quick else 20
        one, par, speedup = bench_reports(tmp, n, cores)
        target = 0.7 * cores
        print(f"{n} reports: one by one {one:.1f} s, -j {cores} {par:.1f} s   speed-up {speedup:.2f}x   "
              f"target >= {target:.2f}x ({cores} cores)")
        missed += ["parallel reports"] if speedup < target else []
    if missed:
        print("missed: " + ", ".join(missed))
        return 1
    print("all targets met")
    return 0


if __name__ == "__main__":
    sys.exit(main())
