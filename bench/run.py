"""Speed measurements for aeo-check. Run: .venv/bin/python bench/run.py [--quick]

Each line prints what was measured, the median of several runs, and the target from the issues:

- catalogue load (every file parsed and validated, no cache)        < 100 ms
- answer files scored per second, catalogue loaded once, one core  >= 2,000 /s
- `aeo-check score FILE` wall time, a fresh process                 < 0.5 s
- `aeo-check --help` wall time, a fresh process                     < 0.3 s
- `aeo-check report` wall time vs a bare WeasyPrint render of the
  same HTML in a fresh process                                      <= 1.2 x

Exit status 1 when a target is missed, so the script can guard a release.
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


def _median_wall(cmd: list[str], runs: int, env: dict[str, str] | None = None) -> float:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def bench_catalogue(runs: int) -> tuple[float, float]:
    from aeo_check.catalogue.loader import load_catalogue

    load_catalogue()  # warm the OS file cache and imports
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        load_catalogue()
        times.append(time.perf_counter() - t0)
    return statistics.median(times) * 1000, 100.0


def bench_scoring(seconds: float) -> tuple[float, float, float]:
    """Files scored per second, catalogue loaded once: the Result alone (what a tier guard needs),
    and the Result plus its full JSON document (evidence checklist included)."""
    from aeo_check.answers import load_answers
    from aeo_check.catalogue import get_catalogue
    from aeo_check.scoring.engine import score

    cat = get_catalogue()
    assessments = [load_answers(p, cat) for p in EXAMPLES]
    for a in assessments:  # compile rules once, as a batch run would
        score(cat, a).to_dict()
    rates = []
    for with_json in (False, True):
        n = 0
        t0 = time.perf_counter()
        while time.perf_counter() - t0 < seconds:
            for a in assessments:
                r = score(cat, a)
                if with_json:
                    r.to_dict()
            n += len(assessments)
        rates.append(n / (time.perf_counter() - t0))
    return rates[0], rates[1], 2000.0


def bench_report(runs: int) -> tuple[float, float, float]:
    """Ratio of `aeo-check report` to a bare WeasyPrint render of the HTML it writes."""
    example = ROOT / "examples" / "regular-food-importer.yaml"
    with tempfile.TemporaryDirectory() as tmp:
        html = Path(tmp) / "plan.html"
        subprocess.run([str(BIN), "report", str(example), "--html", "-o", str(html)], check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        bare = Path(tmp) / "bare.py"
        bare.write_text(
            "import sys, weasyprint\n"
            "weasyprint.HTML(filename=sys.argv[1]).write_pdf(sys.argv[2])\n", encoding="utf-8")
        t_bare = _median_wall([sys.executable, str(bare), str(html), str(Path(tmp) / "bare.pdf")], runs)
        t_tool = _median_wall([str(BIN), "report", str(example), "-o", str(Path(tmp) / "tool.pdf")], runs)
    return t_tool, t_bare, t_tool / t_bare


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="fewer runs (for a smoke check)")
    args = ap.parse_args()
    runs = 3 if args.quick else 7
    if not BIN.exists() or shutil.which(str(BIN)) is None:
        print(f"aeo-check is not installed next to {sys.executable}; pip install . first", file=sys.stderr)
        return 2
    env = dict(os.environ)
    missed = []

    ms, target = bench_catalogue(runs * 3)
    print(f"catalogue load            {ms:8.1f} ms      target < {target:.0f} ms")
    missed += ["catalogue load"] if ms >= target else []

    rate, rate_json, target = bench_scoring(1.0 if args.quick else 3.0)
    print(f"scoring (catalogue once)  {rate:8.0f} /s      target >= {target:.0f} /s   "
          f"(with the full JSON document: {rate_json:.0f} /s)")
    missed += ["scoring rate"] if rate < target else []

    t = _median_wall([str(BIN), "score", str(EXAMPLES[0])], runs, env)
    print(f"aeo-check score FILE      {t:8.3f} s       target < 0.5 s")
    missed += ["score wall"] if t >= 0.5 else []

    t = _median_wall([str(BIN), "--help"], runs, env)
    print(f"aeo-check --help          {t:8.3f} s       target < 0.3 s")
    missed += ["--help wall"] if t >= 0.3 else []

    t_tool, t_bare, ratio = bench_report(max(3, runs // 2))
    print(f"aeo-check report          {t_tool:8.3f} s       bare WeasyPrint {t_bare:.3f} s  "
          f"ratio {ratio:.2f}x  target <= 1.2x")
    missed += ["report ratio"] if ratio > 1.2 else []

    if missed:
        print("missed: " + ", ".join(missed))
        return 1
    print("all targets met")
    return 0


if __name__ == "__main__":
    sys.exit(main())
