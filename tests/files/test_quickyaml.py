"""The fast reader of answer files (:mod:`aeo_check.files.quickyaml`) against the full YAML path.

The fast path may only ever do two things: build exactly the data the full path builds, or say
"not sure". Every test here compares the two paths (types, key order and errors included) and,
where a case is meant for the fast path, checks that the fast path really took it, so that no
comparison passes because both sides fell back to the same code.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from aeo_check.answers.model import parse_answers
from aeo_check.files import quickyaml
from aeo_check.files.sourcefile import DataFileError, parse_text, parse_text_full

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))
NOT_SURE = quickyaml.NOT_SURE


def same(a: Any, b: Any) -> bool:
    """Equal, with the same types all the way down (True is not 1, 1.0 is not 1) and key order."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return list(a) == list(b) and all(same(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=False))
    return a == b


def outcome(parse: Any, text: str) -> tuple[str, Any]:
    try:
        return "data", parse(text, "f.yaml").data
    except DataFileError as exc:
        return "problems", [p.as_dict() for p in exc.problems]


def agree(text: str) -> bool:
    """Assert that ``parse_text`` and the full path agree on ``text``; whether the fast path took it."""
    fast = quickyaml.read(text)
    full = outcome(parse_text_full, text)
    if fast is not NOT_SURE:
        assert full[0] == "data", f"the fast path accepted what the full path refuses: {full[1]}"
        assert same(fast, full[1]), (fast, full[1])
    got = outcome(parse_text, text)
    assert got[0] == full[0] and same(got[1], full[1]), (got, full)
    return fast is not NOT_SURE


# --------------------------------------------------------------------------- real files

@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_every_example_reads_the_same_through_the_fast_path(path):
    text = path.read_text(encoding="utf-8")
    assert agree(text)
    fast, full = parse_text(text, "f.yaml"), parse_text_full(text, "f.yaml")
    assert fast.lines == full.lines and fast.lines  # composed lazily, by the full path


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        import corpus as maker
    finally:
        sys.path.remove(str(ROOT / "bench"))
    return maker.make(tmp_path_factory.mktemp("corpus"), 200)


def test_the_varied_corpus_reads_the_same_through_the_fast_path(corpus):
    taken = [agree(p.read_text(encoding="utf-8")) for p in corpus]
    assert all(taken)


# --------------------------------------------------------------------------- crafted lines

def doc(*lines: str) -> str:
    return "format: aeo-check/answers/1\nanswers:\n" + "".join(f"  {line}\n" for line in lines)


#: (text, what "answers.q" reads as; or None to check agreement only): all taken by the fast path
TAKEN: list[tuple[str, Any]] = [
    (doc('q: "a # b: c"'), "a # b: c"),
    (doc("q: 'it''s # x: y'"), "it's # x: y"),
    (doc("q: 'back\\slash'"), "back\\slash"),
    (doc('q: "  spaced  "   # comment'), "  spaced  "),
    (doc('q: ""'), ""),
    (doc("q: ''"), ""),
    (doc("q: C#"), "C#"),
    (doc("q: a#b # c"), "a#b"),
    (doc("q: a:b"), "a:b"),
    (doc("q: a :b"), "a :b"),
    (doc('q: a "b" c'), 'a "b" c'),
    (doc("q: a [b] {c}, d"), "a [b] {c}, d"),
    (doc("q: -5"), -5),
    (doc("q: +7"), 7),
    (doc("q: 007"), 7),
    (doc("q: -0"), 0),
    (doc("q: 0"), 0),
    (doc("q: 1234567890123456"), "1234567890123456"),  # too many digits: text, for the checker
    (doc("q: 1e9"), 1e9),
    (doc("q: 1.5"), 1.5),
    (doc("q: 2.50"), 2.5),
    (doc("q: 1.1234567"), "1.1234567"),  # too many decimals
    (doc("q: -2.5E3"), -2500.0),
    (doc("q: 2026-02-28"), dt.date(2026, 2, 28)),
    (doc("q: 2026-02-30"), "2026-02-30"),
    (doc("q: 0000-01-01"), "0000-01-01"),
    (doc("q: 2026-13-01"), "2026-13-01"),
    (doc("q: yes"), "yes"),
    (doc("q: no"), "no"),
    (doc("q: on"), "on"),
    (doc("q: y"), "y"),
    (doc("q: n"), "n"),
    (doc("q: ~"), None),
    (doc("q: null"), None),
    (doc("q: NULL"), None),
    (doc("q: nULL"), "nULL"),
    (doc("q: True"), True),
    (doc("q: FALSE"), False),
    (doc("q: tRUE"), "tRUE"),
    (doc("q: true # yes"), True),
    (doc("q: 上海禾鲜 食品进出口有限公司"), "上海禾鲜 食品进出口有限公司"),
    (doc("q: 食品：进口"), "食品：进口"),
    (doc("q: x\u00a0"), "x\u00a0"),  # no-break and ideographic spaces are not YAML white space
    (doc("q: x\u3000 # c"), "x\u3000"),
    (doc("q: emoji 🙂"), "emoji 🙂"),
    (doc("q: trailing   "), "trailing"),
    (doc("q: comment right after   # c"), "comment right after"),
    (doc("q:", "r: 1"), None),
    (doc("q:   # nothing yet", "r: 1"), None),
    (doc("q: 1", "# a comment at the block's indent", "r: 2"), 1),
    (doc("q: []"), []),
    (doc("q: [ ]"), []),
    (doc("q: [a, 'b', \"c\", 1, -2, 1.5, true, null, ~, 2026-01-02]"),
     ["a", "b", "c", 1, -2, 1.5, True, None, None, dt.date(2026, 1, 2)]),
    (doc("q: [\"x, y]\", 'z''s', \"#\"]   # c"), ["x, y]", "z's", "#"]),
    (doc("q: [ a , b ]"), ["a", "b"]),
    (doc("q: [~, ~a, _a, a.b, a-]"), [None, "~a", "_a", "a.b", "a-"]),
    (doc("q: _"), "_"),
    (doc("q: ~a"), "~a"),
    (doc("q: a\u00a0# not a comment"), "a\u00a0# not a comment"),
    ("answers:\n  q: x\nnotes:\n  - -5\n  - a - b\n", "x"),
    (doc("no: 1", "on: 2", "y: 3", "q: 4"), 4),
    ("a: 1\r\nanswers:\r\n  q: x\r\n", "x"),
    ("a: 1\nanswers:\n\n   q: odd indent\n   r: 2\n\n# end\n", "odd indent"),
    ("answers:\n# a comment at column 0 inside the block\n  q: x\n", "x"),
    ("answers:\n  q: x\n    # a deeper comment\n  r: y\n", "x"),
    ("answers:\n  q: x\n  \n  r: y\n", "x"),
    ("answers:\n    q: x\n", "x"),
    ("answers:\n  q: x", "x"),  # no newline at the end
    ("answers:\n  q: x\nnotes:\n  - one\n  -\n  - 2\n  - [a]\n  - 'b'   # c\n  -   \n", "x"),
    ("answers:\n  q: x\nnotes:\n  q: a note\nother:\n", "x"),
    ("# yaml-language-server: $schema=x\n\nanswers:\n  q: x\n", "x"),
    ("answers:\n  q: # nothing\n", None),
    ("answers:\n  q:\n", None),
    ("answers:\n", NOT_SURE),  # "answers" itself is None: the value of "q" is not looked up
]


@pytest.mark.parametrize("text,value", TAKEN, ids=[repr(t[-40:]) for t, _ in TAKEN])
def test_crafted_cases_the_fast_path_takes(text, value):
    assert agree(text), "the fast path should have taken this"
    if value is not NOT_SURE:
        data = parse_text_full(text, "f.yaml").data
        assert same(data["answers"]["q"], value)


FALLS_BACK: list[str] = [
    # nesting and indentation
    "answers:\n  q:\n    r: 1\n",
    "answers:\n  q: 1\n   r: 2\n",
    "answers:\n   q: 1\n  r: 2\n",
    "answers:\n  q: 1\n r: 2\n",
    "  answers: 1\n",
    "answers: foo\n  bar\n",
    "answers:\n  q: foo\n    bar\n",
    "answers:\n  - foo\n    bar\n",
    "answers:\n- a\n- b\n",
    "answers:\n  q:\n  - a\n",
    "answers:\n  - q: 1\n",
    "answers:\n  - - a\n",
    "answers:\n  q: 1\n  - a\n",
    "answers:\n  - a\n  q: 1\n",
    "answers:\n  -a\n",
    "- a\n- b\n",
    # block scalars, anchors, aliases, tags, merge keys
    "answers:\n  q: |\n    text\n",
    "answers:\n  q: >\n    text\n",
    "answers:\n  q: |-\n",
    "a: &x 1\nb: *x\n",
    "a: &x [1]\nb: *x\n",
    "a: &x\n  q: 1\nb: *x\n",
    "answers:\n  q: !!str 1\n",
    "answers:\n  q: !foo x\n",
    "a:\n  q: 1\nb:\n  <<: {q: 1}\n",
    "<<: {a: 1}\n",
    # flow mappings, nested, broken or multi-line flow sequences
    "answers: {q: 1}\n",
    "answers:\n  q: {}\n",
    "answers:\n  q: [[1]]\n",
    "answers:\n  q: [1,]\n",
    "answers:\n  q: [1,,2]\n",
    "answers:\n  q: [,]\n",
    "answers:\n  q: [1, 2\n",
    "answers:\n  q: [1,\n    2]\n",
    "answers:\n  q: [a: 1]\n",
    "answers:\n  q: [a b]\n",
    "answers:\n  q: [\"a\" b]\n",
    "answers:\n  q: [a] b\n",
    "answers:\n  q: [a]#c\n",
    "answers:\n  q: [a, #c]\n",
    "answers:\n  q: [.5]\n",
    "answers:\n  q: [-]\n",
    "answers:\n  q: [+]\n",
    "answers:\n  q: [.a]\n",
    "answers:\n  q: [a]\u00a0# c\n",
    "answers:\n  q: [\"a\\tb\"]\n",
    # documents and directives
    "---\nanswers:\n  q: 1\n",
    "answers:\n  q: 1\n...\n",
    "%YAML 1.1\n---\nanswers: 1\n",
    "answers:\n  q: 1\n---\nother: 2\n",
    "",
    "# only a comment\n",
    "   \n",
    '{"answers": {"q": 1}}',
    "just text\n",
    # keys
    '"answers": 1\n',
    "'answers': 1\n",
    "true: 1\n",
    "null: 1\n",
    "false: 1\n",
    "123: 1\n",
    "True: 1\n",
    "Answers: 1\n",
    "a-b: 1\n",
    "a b: 1\n",
    "a : 1\n",
    "? a\n: b\n",
    "answers:1\n",
    "answers:\n  q:1\n",
    "a" * 200 + ": 1\n",
    "a" * 1100 + ": 1\n",
    # duplicate keys: the full path reports both lines
    "a: 1\nb: 2\na: 3\n",
    "answers:\n  q: 1\n  r: 2\n  q: 3\n",
    "answers:\n  q: 1\nanswers:\n  r: 2\n",
    # characters
    "answers:\n  q:\t1\n",
    "answers:\n  q: 1\t# c\n",
    "answers:\n\tq: 1\n",
    "# a tab\tin a comment\nanswers: 1\n",
    "answers: 1\rnotes: 2\n",
    "answers: 1\r",
    "\ufeffanswers: 1\n",
    "answers: 1\n\ufeff# c\n",
    "answers: a\x85b\n",
    "answers: a\u2028b\n",
    "answers: a\u2029b\n",
    "answers: a\x00b\n",
    "answers: a\x07b\n",
    "answers: a\x7fb\n",
    "answers: a\x9fb\n",
    "# \x1b[31m\nanswers: 1\n",
    "answers: a\ufffeb\n",
    "answers: a\uffffb\n",
    # quoted scalars
    'answers:\n  q: "a\\nb"\n',
    'answers:\n  q: "\\u4e2d"\n',
    'answers:\n  q: "abc\n',
    'answers:\n  q: "abc\n    def"\n',
    "answers:\n  q: 'abc\n    def'\n",
    "answers:\n  q: 'abc\n",
    'answers:\n  q: "x" y\n',
    'answers:\n  q: "x"#c\n',
    'answers:\n  q: "x": y\n',
    "answers:\n  q: 'x' 'y'\n",
    # indicators at the start of a plain scalar
    "answers:\n  q: - x\n",
    "answers:\n  q: -\n",
    "answers:\n  q: ?x\n",
    "answers:\n  q: ? x\n",
    "answers:\n  q: :x\n",
    "answers:\n  q: ,x\n",
    "answers:\n  q: ]\n",
    "answers:\n  q: }\n",
    "answers:\n  q: @x\n",
    "answers:\n  q: `x\n",
    "answers:\n  q: %x\n",
    "answers:\n  q: |x\n",
    "answers:\n  q: >x\n",
    "answers:\n  q: &x\n",
    "answers:\n  q: *x\n",
    "answers:\n  q: !x\n",
    "answers:\n  q: <<\n",
    "answers:\n  q: <b>\n",
    "answers:\n  q: =\n",
    # values the resolver may read otherwise, or that are errors
    "answers:\n  q: 12:30\n",
    "answers:\n  q: 1_000\n",
    "answers:\n  q: .inf\n",
    "answers:\n  q: .5\n",
    "answers:\n  q: 0x10\n",
    "answers:\n  q: 1,500,000\n",
    "answers:\n  q: 2026-01-01 10:00:00\n",
    "answers:\n  q: 2026-01-01T10:00:00Z\n",
    "answers:\n  q: 2026-1-1\n",
    "answers:\n  q: 3 months\n",
    "answers:\n  q: -x\n",
    "answers:\n  q: +\n",
    "answers:\n  q: ---\n",
    "answers:\n  q: x: y\n",
    "answers:\n  q: x:\n",
    "answers:\n  q: x #c: d\n  r: a: b\n",
]


@pytest.mark.parametrize("text", FALLS_BACK, ids=[repr(t[:40]) for t in FALLS_BACK])
def test_crafted_cases_the_fast_path_leaves_to_the_full_path(text):
    assert quickyaml.read(text) is NOT_SURE
    agree(text)


def test_duplicate_keys_still_name_both_lines():
    with pytest.raises(DataFileError) as exc:
        parse_text("format: x\nanswers:\n  q: 1\n  r: 2\n  q: 3\n", "f.yaml")
    assert [(p.line, p.field) for p in exc.value.problems] == [(5, "answers.q")]
    assert "first at line 3" in exc.value.problems[0].message


def test_an_alias_bomb_still_goes_to_the_full_path():
    bomb = "a: &a [x, x]\nb: &b [*a, *a]\nc: &c [*b, *b]\n"
    assert quickyaml.read(bomb) is NOT_SURE
    with pytest.raises(DataFileError, match="aliases"):
        parse_text(bomb, "f.yaml")


# --------------------------------------------------------------------------- problems and lines

def _line(text: str, start: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if line.startswith(start))


def test_problems_found_after_the_fast_path_name_the_same_lines(cat):
    text = (ROOT / "examples" / "regular-food-importer.yaml").read_text(encoding="utf-8")
    wrong = (text.replace("  imports: true\n", "  imports: maybe\n", 1)
             .replace('  uscc: "91310115MA1FL3W8PP"', '  uscc: "123"', 1))
    assert wrong != text and quickyaml.read(wrong) is not NOT_SURE
    problems = {}
    for parse in (parse_text, parse_text_full):
        with pytest.raises(DataFileError) as exc:
            parse_answers(parse(wrong, "f.yaml"), cat)
        problems[parse] = [p.as_dict() for p in exc.value.problems]
    assert problems[parse_text] == problems[parse_text_full]
    lines = {p["field"]: p["line"] for p in problems[parse_text]}
    assert lines["answers.imports"] == _line(wrong, "  imports:")
    assert lines["enterprise.uscc"] == _line(wrong, "  uscc:")


def test_lines_of_a_fast_path_document_are_those_of_the_full_path():
    text = "a: 1\n\n# c\nanswers:\n\n   q: 2\n   r: [1, 2]\nnotes:\n  - x\n  -\n"
    fast, full = parse_text(text, "f.yaml"), parse_text_full(text, "f.yaml")
    assert quickyaml.read(text) is not NOT_SURE
    assert fast.lines == full.lines
    assert fast.line_of(("answers", "r", 1)) == 7 and fast.line_of(("notes", 1)) == 10


# --------------------------------------------------------------------------- no PyYAML

def test_reading_an_answer_file_does_not_import_yaml(tmp_path):
    env = {**os.environ, "AEO_CHECK_CACHE_DIR": str(tmp_path / "cache")}
    env.pop("AEO_CHECK_NO_CACHE", None)
    example = ROOT / "examples" / "customs-broker.yaml"
    warm = "from aeo_check.catalogue import get_catalogue; get_catalogue()"  # the cache, from YAML
    code = ("import sys; from pathlib import Path; import aeo_check.answers.read as a; "
            "from aeo_check.catalogue import get_catalogue; "
            f"x = a.load_answers(Path({str(example)!r}), get_catalogue()); "
            "assert x.answers; print(sorted(m for m in sys.modules if m.split('.')[0] in ('yaml', '_yaml')))")
    for c in (warm, code):
        out = subprocess.run([sys.executable, "-c", c], capture_output=True, text=True, env=env, cwd=tmp_path,
                             stdin=subprocess.DEVNULL)
        assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"


def test_score_of_one_file_runs_with_yaml_unimportable(tmp_path):
    """``score FILE`` needs no PyYAML at all: with ``import yaml`` made to fail it still scores."""
    env = {**os.environ, "AEO_CHECK_CACHE_DIR": str(tmp_path / "cache"), "COLUMNS": "120"}
    env.pop("AEO_CHECK_NO_CACHE", None)
    example = str(ROOT / "examples" / "customs-broker.yaml")
    run = "import sys; from aeo_check.cli.main import main; sys.argv = ['aeo-check', 'score', {!r}, '--format', 'json']; main()"
    warm = subprocess.run(
        [sys.executable, "-c", run.format(example)], capture_output=True, text=True, env=env, stdin=subprocess.DEVNULL
    )
    blocked = subprocess.run(
        [sys.executable, "-c", "import sys; sys.modules['yaml'] = None; " + run.format(example)],
        capture_output=True,
        text=True,
        env=env,
        stdin=subprocess.DEVNULL,
    )
    assert warm.returncode == blocked.returncode == 0, blocked.stderr
    assert blocked.stdout == warm.stdout


# --------------------------------------------------------------------------- random documents

_KEYS = st.from_regex(r"[a-z][a-z0-9_]{0,6}", fullmatch=True).filter(lambda k: k not in ("true", "false", "null"))
_CHARS = "abcXYZ 09_.:#-'\"[]{},&*!|>%@`?=~\\上海食品：，🙂\u00a0"
_PLAIN = (st.text(alphabet=_CHARS, min_size=1, max_size=12)
          .map(lambda s: "w" + s.strip(" ").rstrip("\u00a0 "))
          .filter(lambda s: ": " not in s and " #" not in s and not s.endswith(":")))
_DQ = st.text(alphabet=_CHARS.replace('"', "").replace("\\", ""), max_size=10).map(lambda s: f'"{s}"')
_SQ = st.text(alphabet=_CHARS, max_size=10).map(lambda s: "'" + s.replace("'", "''") + "'")
_NUMBERS = st.one_of(
    st.integers(-(10**17), 10**17).map(str),
    st.sampled_from(["007", "+7", "-0", "1e9", "2.5E-3", "0.1234567"]),
    st.floats(-1e6, 1e6, allow_nan=False).map(lambda x: f"{x:.3f}"),
    st.dates(dt.date(1, 1, 1)).map(lambda d: f"{d.year:04d}-{d.month:02d}-{d.day:02d}"),
    st.sampled_from(["2026-02-30", "2026-13-01", "9999-12-31"]),
)
_WORDS = st.sampled_from(["true", "false", "True", "FALSE", "null", "Null", "~", "yes", "no", "on", "C#", "a:b"])
_SCALAR = st.one_of(_PLAIN, _DQ, _SQ, _NUMBERS, _WORDS)
_FLOW_ITEM = st.one_of(_DQ, _SQ, _NUMBERS, _WORDS.filter(lambda w: w not in ("C#", "a:b")),
                       st.from_regex(r"[a-z][a-z0-9_.-]{0,6}", fullmatch=True))
_FLOW = st.lists(_FLOW_ITEM, max_size=4).map(lambda xs: "[" + ", ".join(xs) + "]")
_VALUE = st.one_of(_SCALAR, _SCALAR, _FLOW, st.just(""))
_COMMENT = st.one_of(st.just(""), st.text(alphabet=_CHARS, max_size=8).map(lambda s: "   # " + s))
_NOISE = st.lists(st.sampled_from(["", "   ", "# comment", "      # deep comment", "# 注释 🙂"]), max_size=2)


@st.composite
def documents(draw: Any) -> str:
    """A document of the subset the fast path accepts: every one must be taken by it."""
    out: list[str] = draw(_NOISE)
    for key in draw(st.lists(_KEYS, min_size=1, max_size=5, unique=True)):
        kind = draw(st.sampled_from(["value", "mapping", "sequence"]))
        if kind == "value":
            out.append(f"{key}: {draw(_VALUE)}".rstrip(" ") + draw(_COMMENT))
        else:
            out.append(f"{key}:" + draw(_COMMENT))
            pad = " " * draw(st.integers(1, 4))
            if kind == "mapping":
                for child in draw(st.lists(_KEYS, min_size=1, max_size=4, unique=True)):
                    out.append(f"{pad}{child}: {draw(_VALUE)}".rstrip(" ") + draw(_COMMENT))
                    out += draw(_NOISE)
            else:
                for _ in range(draw(st.integers(1, 4))):
                    out.append(f"{pad}- {draw(_VALUE)}".rstrip(" ") + draw(_COMMENT))
        out += draw(_NOISE)
    return "\n".join(out) + draw(st.sampled_from(["\n", ""]))


SETTINGS = settings(max_examples=300, deadline=None, derandomize=True,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])


@SETTINGS
@given(documents())
def test_random_documents_of_the_subset_are_taken_and_read_the_same(text):
    assert agree(text)


_SNIPPETS = [" ", "  ", "\t", ":", ": ", "#", " #", "-", "- ", "'", '"', "''", "[", "]", ",", "{", "}", "&a ", "*a",
             "!", "|", ">", "?", "\n", "\n  ", "\n    ", "\r", "\r\n", "\\", "\x85", "\u2028", "\ufeff", "\x00", "---",
             "...", "0", ".", "1", "e5", "~", "<<", "=", "true", "null", "上", "\u00a0", "%"]


@st.composite
def mutated(draw: Any) -> str:
    text = draw(documents())
    for _ in range(draw(st.integers(1, 3))):
        at = draw(st.integers(0, len(text)))
        how = draw(st.sampled_from(["insert", "delete", "duplicate line"]))
        if how == "insert":
            text = text[:at] + draw(st.sampled_from(_SNIPPETS)) + text[at:]
        elif how == "delete":
            text = text[:at] + text[at + draw(st.integers(1, 3)):]
        else:
            lines = text.split("\n")
            i = draw(st.integers(0, len(lines) - 1))
            text = "\n".join(lines[:i + 1] + lines[i:])
    return text


@settings(max_examples=1500, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(mutated())
def test_mutated_documents_read_the_same_or_fall_back(text):
    agree(text)
