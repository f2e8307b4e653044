"""Where a streamed ``score --format jsonl`` spends its time per file, stage by stage, in-process.

    .venv/bin/python bench/stages.py [FOLDER] [N]

reads the first N (default 400) ``*.yaml`` files of FOLDER, or makes N corpus files
(``bench/corpus.py``) in a temporary folder when none is given, and takes each file through
read → check → score → plan → JSON → write (to the null device) before the next, as the command
does, three times over. It prints the mean milliseconds per file of each stage and, for scale, of
``yaml.load(text, Loader=yaml.CSafeLoader)`` on the same files (the floor of ``bench/run.py``).
Start-up is not included: ``bench/run.py`` times whole processes.
"""

from __future__ import annotations

import gc
import os
import sys
import time
from pathlib import Path

import yaml

from aeo_check.answers.model import parse_answers
from aeo_check.catalogue import get_catalogue
from aeo_check.document.encode import result_json
from aeo_check.files.sourcefile import read_file
from aeo_check.planning import make_plan
from aeo_check.scoring import score

STAGES = ("read", "check", "score", "plan", "JSON", "write")


def main() -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import corpus

    paths = [str(p) for p in corpus.chosen(sys.argv[1:], 400)]
    cat = get_catalogue()
    sink = open(os.devnull, "wb")
    gc.freeze()  # as the command does once the catalogue is loaded
    clock = time.perf_counter
    spent = [0.0] * len(STAGES)
    rounds = 3
    for _ in range(rounds):
        for p in paths:
            t0 = clock()
            doc = read_file(Path(p), p)
            t1 = clock()
            a = parse_answers(doc, cat)
            t2 = clock()
            res = score(cat, a)
            t3 = clock()
            plan = make_plan(cat, res).to_dict()
            t4 = clock()
            text = result_json(res, p, {"plan": plan})
            t5 = clock()
            sink.write(text)
            t6 = clock()
            for i, d in enumerate((t1 - t0, t2 - t1, t3 - t2, t4 - t3, t5 - t4, t6 - t5)):
                spent[i] += d
    files = len(paths) * rounds
    for name, s in zip(STAGES, spent, strict=False):
        print(f"{name:6} {s / files * 1e3:6.3f} ms/file")
    print(f"{'all':6} {sum(spent) / files * 1e3:6.3f} ms/file")
    texts = [Path(p).read_text(encoding="utf-8") for p in paths]
    t0 = clock()
    for text in texts:
        yaml.load(text, Loader=yaml.CSafeLoader)
    print(f"floor  {(clock() - t0) / len(texts) * 1e3:6.3f} ms/file (CSafeLoader parse of the same files)")


if __name__ == "__main__":
    main()
