"""Per-file read time of answer files, in-process (start-up excluded): the fast path
(:mod:`aeo_check.files.quickyaml`), ``parse_text`` (fast path, else full), the full YAML path alone, and
``yaml.load(text, Loader=yaml.CSafeLoader)``, the floor the batch benchmark is measured against.

    .venv/bin/python bench/read_speed.py [FOLDER] [N]

reads the first N (default 1000) ``*.yaml`` files of FOLDER, or makes N corpus files
(``bench/corpus.py``) in a temporary folder when none is given. Each reader reads every file once
per round; the figure is the best of 7 rounds divided by the number of files.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

from aeo_check.files import quickyaml
from aeo_check.files.sourcefile import parse_text, parse_text_full


def best_ms(read: Callable[[str], Any], texts: list[str], rounds: int = 7) -> float:
    best = float("inf")
    for _ in range(rounds):
        t0 = time.perf_counter()
        for text in texts:
            read(text)
        best = min(best, time.perf_counter() - t0)
    return best / len(texts) * 1e3


def main() -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import corpus

    paths = corpus.chosen(sys.argv[1:], 1000)
    texts = [p.read_text(encoding="utf-8") for p in paths]
    taken = sum(quickyaml.read(t) is not quickyaml.NOT_SURE for t in texts)
    size = sum(len(t.encode("utf-8")) for t in texts) / len(texts) / 1024
    print(f"{len(texts)} files, {size:.1f} KiB each on average; "
          f"the fast path takes {taken}")
    floor = best_ms(lambda t: yaml.load(t, Loader=yaml.CSafeLoader), texts)
    for name, read in (("quickyaml.read (fast path)", quickyaml.read),
                       ("parse_text (fast, else full)", lambda t: parse_text(t, "f.yaml")),
                       ("parse_text_full (full path)", lambda t: parse_text_full(t, "f.yaml"))):
        ms = best_ms(read, texts)
        print(f"{name:32} {ms:6.3f} ms/file  {ms / floor:5.2f} x CSafeLoader")
    print(f"{'yaml.load CSafeLoader (floor)':32} {floor:6.3f} ms/file")


if __name__ == "__main__":
    main()
