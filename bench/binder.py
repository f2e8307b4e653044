"""The binder check on a binder of 10,000 files, against its floor: a plain ``os.walk`` with one
``stat`` per file of the same tree (what any check of names and sizes must at least do).

    .venv/bin/python bench/binder.py make DIR [N]   # a binder for examples/advanced-manufacturer.yaml
                                                    # with N files (default 10,000) spread over its
                                                    # document folders, named with record periods
    .venv/bin/python bench/binder.py walk DIR       # the floor: os.walk + stat of every file
    .venv/bin/aeo-check binder check DIR --on 2026-12-07 --format json   # what is timed

Both are timed as whole processes pinned to one core, run in turn, and compared by their CPU time.

The target (README "Limits"): the check of 10,000 files in under 2 seconds on one core. Files are
small (a few bytes): the check reads names and sizes only, so what they hold does not matter.
"""

from __future__ import annotations

import functools
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def make(root: Path, n: int) -> None:
    from aeo_check.answers.read import load_answers
    from aeo_check.binder.index import read_index
    from aeo_check.binder.init import init
    from aeo_check.catalogue import get_catalogue
    from aeo_check.scoring.engine import score
    from aeo_check.views import binder as views

    cat = get_catalogue()
    result = score(cat, load_answers(ROOT / "examples" / "advanced-manufacturer.yaml", cat))
    init(cat, result, root, functools.partial(views.readme, cat, lang="zh"), views.index_comment("zh"))
    folders = [e.folder for e in read_index(root, {i.id for i in cat.items}).index.documents]
    for k in range(n):
        # months back from 2026-11, so every document's records reach back 3 years in all
        month = 11 - k // len(folders) % 36
        year, month = 2026 + (month - 1) // 12, (month - 1) % 12 + 1
        path = root / folders[k % len(folders)] / f"记录 {year:04d}-{month:02d}_2026-11 第{k:05d}号.pdf"
        path.write_bytes(b"%PDF-1.4\n")


def walk(root: Path) -> int:
    files = 0
    for dirpath, _, filenames in os.walk(root):
        for name in filenames:
            os.stat(os.path.join(dirpath, name), follow_symlinks=False)
            files += 1
    return files


def main() -> None:
    what, root = sys.argv[1], Path(sys.argv[2])
    if what == "make":
        make(root, int(sys.argv[3]) if len(sys.argv) > 3 else 10_000)
    elif what == "walk":
        print(walk(root))
    else:
        raise SystemExit(f"unknown: {what} (make or walk)")


if __name__ == "__main__":
    main()
