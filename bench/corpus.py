"""Varied answer files for the batch benchmarks, made from ``examples/``.

File *i* starts from example *i mod 5* and changes about one answer in twelve to other valid
values (another choice, the other yes/no, a number scaled up or down, an earlier date), leaves a
few unanswered, and renames the enterprise. The example's comments and layout are kept line by
line, so each file is as long as a filled-in ``aeo-check template`` (≈ 36 KB) and parses as one.
Every file is checked with the tool's own checks as it is made (a variant that breaks a
consistency rule is drawn again): all of them are valid.
Deterministic: the same ``n`` gives the same files.
"""

from __future__ import annotations

import datetime as dt
import random
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))

_ANSWER = re.compile(r"^  ([a-z][a-z0-9_]*): (\S.*?)(\s+#.*)?$")
_NAME = re.compile(r'^  name: "(.*)"(.*)$')


def _new_value(cat, q, old, rng: random.Random):
    """Another valid value for ``q`` as YAML text, or None to keep the old one."""
    from aeo_check.answers.model import check_value

    t = q.type
    if t == "yes_no":
        text = rng.choice(["true", "false"])
        value = text == "true"
    elif t == "choice":
        value = rng.choice([c.value for c in cat.choices_of(q)])
        text = f'"{value}"'  # quoted: yes/no/on/off would be read as true/false
    elif t == "multi":
        values = [c.value for c in cat.choices_of(q)]
        value = sorted(rng.sample(values, rng.randint(0, len(values))), key=values.index)
        text = "[" + ", ".join(f'"{v}"' for v in value) + "]"
    elif t in ("integer", "number", "money", "percent"):
        try:
            base = float(old)
        except ValueError:
            return None
        x = base * rng.choice([0, 0.5, 0.8, 1.2, 2, 5]) + rng.randint(0, 3)
        if q.min is not None:
            x = max(x, q.min)
        if q.max is not None:
            x = min(x, q.max)
        value = int(x) if t == "integer" else round(x, 2)
        text = str(value)
    elif t == "date":
        value = dt.date(2026, 11, 20) - dt.timedelta(days=rng.randint(30, 1500))
        text = value.isoformat()
    else:
        return None
    _, why = check_value(cat, q, value)
    return None if why else text


def variant(cat, example_text: str, i: int, attempt: int = 0) -> str:
    rng = random.Random(i * 1000 + attempt)
    out = []
    in_answers = False
    for line in example_text.splitlines():
        if line.startswith("answers:"):
            in_answers = True
        elif line and not line.startswith((" ", "#")):
            in_answers = False
        m = _NAME.match(line)
        if m and not in_answers:
            line = f'  name: "{m.group(1)} {i:05d}"{m.group(2)}'
        m = _ANSWER.match(line) if in_answers else None
        if m and m.group(1) in cat.questions:
            qid, old, comment = m.group(1), m.group(2), m.group(3) or ""
            roll = rng.random() if attempt < 20 else 1.0  # after 20 tries: only the name changes
            if roll < 0.02:
                line = f"  {qid}:{comment}"  # left unanswered
            elif roll < 0.10:
                new = _new_value(cat, cat.questions[qid], old, rng)
                if new is not None:
                    line = f"  {qid}: {new}{comment}"
        out.append(line)
    return "\n".join(out) + "\n"


def make(folder: Path, n: int) -> list[Path]:
    """Write ``n`` varied answer files into ``folder``; return their paths in order."""
    from aeo_check.catalogue import get_catalogue

    cat = get_catalogue()
    texts = [p.read_text(encoding="utf-8") for p in EXAMPLES]
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        p = folder / f"client-{i:05d}.yaml"
        for attempt in range(21):  # answers must also agree with each other (consistency rules)
            text = variant(cat, texts[i % len(texts)], i, attempt)
            if _valid(cat, text, p):
                break
        p.write_text(text, encoding="utf-8")
        paths.append(p)
    return paths


def chosen(argv: list[str], n: int) -> list[Path]:
    """The files a bench script's ``[FOLDER] [N]`` arguments name: the first N (default ``n``)
    ``*.yaml`` of FOLDER, or N files made by :func:`make` in a temporary folder."""
    import tempfile

    if len(argv) > 1:
        n = int(argv[1])
    if argv:
        return sorted(Path(argv[0]).glob("*.yaml"))[:n]
    return make(Path(tempfile.mkdtemp()) / "corpus", n)


def _valid(cat, text: str, path: Path) -> bool:
    from aeo_check.answers.model import parse_answers
    from aeo_check.files.sourcefile import DataFileError, parse_text

    try:
        parse_answers(parse_text(text, str(path)), cat)
    except DataFileError:
        return False
    return True


if __name__ == "__main__":  # python bench/corpus.py FOLDER N
    import sys

    made = make(Path(sys.argv[1]), int(sys.argv[2]))
    print(f"{len(made)} files in {sys.argv[1]}")
