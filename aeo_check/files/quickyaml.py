"""A fast reader for the simple YAML that ``aeo-check template`` and ``assess`` write.

Why: an answer file is ~750 lines, three in four of them comments or blank; reading it through
PyYAML (libyaml's composer, then the project's resolver per scalar) costs ~0.9 ms, and importing
PyYAML alone ~8-10 ms of a single ``score FILE``. :func:`read` reads the common shape of answer files in plain Python, without
PyYAML, and returns :data:`NOT_SURE` for anything else, so :func:`aeo_check.files.sourcefile.parse_text`
then takes the full YAML path (libyaml plus the project's resolver and safety checks).

Why it is safe: it accepts a strict subset of YAML whose meaning is unambiguous, and builds
exactly the data the full path builds (tests compare the two on every example, a generated
corpus, crafted edge cases and random documents). Anything outside the subset is "not sure",
never an error and never a guess, so every refusal with a line number (aliases, merge keys,
duplicate keys, depth, syntax errors) still comes from the full path. The subset:

- a top-level mapping at column 0 whose values are scalars, one-line flow sequences, or one
  indented block (all lines at the same indent) of ``key: value`` lines or ``- value`` items,
  whose values are again scalars or one-line flow sequences;
- keys ``[a-z][a-z0-9_]*`` that read as text (not ``true``, ``false``, ``null``), each once;
- values: double-quoted text without escapes, single-quoted text (``''`` is a quote), plain
  scalars that do not start with an indicator and hold no ``: `` (`` #`` starts a comment),
  flow sequences of such items, and an empty value (None);
- full-line comments anywhere, trailing comments after a space, blank lines;
- no tabs, no lone ``\\r``, no YAML line breaks other than ``\\n`` (``\\x85``, U+2028, U+2029),
  no BOM inside, no character YAML refuses.

Plain scalars are typed the way :func:`aeo_check.files.sourcefile.loader_class` resolves them (which
uses :func:`int_value` and :func:`float_value` from here, so the numbers cannot drift apart):
only ``true``/``false`` in three spellings are booleans, ``null``/``~``/empty is None, decimal
integers and floats go through :func:`aeo_check.files.numbers.parse_number` (text it refuses stays
text, for the checker to explain), ``YYYY-MM-DD`` is a date when it exists. Any other plain
scalar starting with a digit, sign or dot (``12:30``, ``1_000``, ``.inf``, a timestamp with a
time), or starting with ``<`` or ``=``, is "not sure".
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any, Final

from aeo_check.files.limits import MAX_INT_DIGITS
from aeo_check.files.numbers import NumberError, parse_number


class _NotSure:
    """The sentinel type of :data:`NOT_SURE`."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "NOT_SURE"


#: returned by :func:`read` when the text is outside the subset: use the full YAML reader
NOT_SURE: Final = _NotSure()

#: what the project's resolver takes for a float (writers must quote text that matches it)
FLOAT_RE = re.compile(r"^[-+]?[0-9]+(?:\.[0-9]+(?:[eE][-+]?[0-9]+)?|[eE][-+]?[0-9]+)$")
_INT_RE = re.compile(r"[-+]?[0-9]+")
_DATE_RE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_BOOLS: Final = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_NULLS: Final = frozenset(("null", "Null", "NULL", "~"))
#: anything YAML refuses as non-printable, its line breaks other than \n, a BOM, and the tab
#: and \r this reader leaves to the full path (compiled on first use by ``re``: ~0.5 ms, rarely needed)
_BAD_CHAR = "[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufeff\ufffe\uffff]"
#: a line with content (not blank, not a comment), read from the text with "\n" in front:
#: (indent, key, rest, "") for ``key:`` then nothing or a space and the rest, else
#: (indent, "", "", line); keys are short (libyaml allows a simple key 1024 characters)
_LINE = re.compile(r"\n( *)(?:([a-z][a-z0-9_]{0,127}):(?: ([^\n]*))?(?![^\n])|([^ #\n][^\n]*))")
#: keys the resolver reads as something other than text
_NOT_TEXT_KEYS: Final = frozenset(("true", "false", "null"))
#: a plain item of a flow sequence: no spaces, colons, commas, brackets or quotes
_FLOW_PLAIN = re.compile(r"[A-Za-z0-9_.+~-]+")
#: first characters that make a plain scalar something else (or an error) in YAML
_INDICATORS: Final = frozenset("?:,]{}#&*!|>%@`<=")
_EMPTY: Final = object()  # "key:" with no value: None, or the parent of a block
_Line = tuple[str, str, str, str]


def int_value(text: str) -> int | float | str:
    """An int-looking plain scalar (``^[-+]?[0-9]+$``) as the project reads it: text when
    :func:`~aeo_check.files.numbers.parse_number` refuses it (too many digits), for the checker."""
    # the common case first (parse_number gives the same value); isascii: an explicit !!int tag
    # can bring any text here, and "²" is a digit to isdigit(), not to parse_number
    if text.isascii() and text.isdigit() and len(text) <= MAX_INT_DIGITS and (text[0] != "0" or len(text) == 1):
        return int(text)
    try:
        d = parse_number(text)
    except NumberError:
        return text
    return int(d) if d == d.to_integral_value() else float(d)


def float_value(text: str) -> float | str:
    """A plain scalar matching :data:`FLOAT_RE` as the project reads it (text when refused)."""
    try:
        return float(parse_number(text))
    except NumberError:
        return text


def scalar(text: str) -> Any:
    """The value of a plain scalar (already stripped), or :data:`NOT_SURE`."""
    c = text[:1]
    if c in "0123456789+-.":  # (so would "": callers never pass it, an empty value is None)
        if _INT_RE.fullmatch(text):
            return int_value(text)
        if FLOAT_RE.match(text):
            return float_value(text)
        if _DATE_RE.fullmatch(text):
            try:
                return dt.date(int(text[:4]), int(text[5:7]), int(text[8:]))
            except ValueError:
                return text  # 2026-02-30 stays text: the checker names the field
        return NOT_SURE  # 12:30, 1_000, .inf, 2026-01-01 10:00, -x: leave it to the full path
    b = _BOOLS.get(text)
    if b is not None:
        return b
    if text in _NULLS:
        return None
    if c in _INDICATORS:
        return NOT_SURE
    return text


def _after(tail: str) -> bool:
    """Whether what follows a quoted scalar or a flow sequence is only spaces and a comment."""
    rest = tail.lstrip(" ")
    return not rest or (rest[0] == "#" and len(rest) < len(tail))


def _single_quoted(s: str, start: int) -> tuple[str, int] | None:
    """The text of the single-quoted scalar opening at ``s[start]``, and the index after it."""
    j = start + 1
    while True:
        k = s.find("'", j)
        if k < 0:
            return None  # goes on to the next line
        if s.startswith("'", k + 1):
            j = k + 2
            continue
        return s[start + 1:k].replace("''", "'"), k + 1


def _double_quoted(s: str, start: int) -> tuple[str, int] | None:
    k = s.find('"', start + 1)
    if k < 0:
        return None
    v = s[start + 1 : k]
    return None if "\\" in v else (v, k + 1)  # escapes: the full path decodes them


def _flow(s: str) -> Any:
    """A one-line flow sequence ``[a, "b", 'c']`` that ``s`` starts with, or NOT_SURE."""
    out: list[Any] = []
    n = len(s)
    j = 1
    while j < n and s[j] == " ":
        j += 1
    if j < n and s[j] == "]":
        return out if _after(s[j + 1:]) else NOT_SURE
    while j < n:
        c = s[j]
        if c == '"' or c == "'":
            got = _double_quoted(s, j) if c == '"' else _single_quoted(s, j)
            if got is None:
                return NOT_SURE
            item, j = got
        else:
            m = _FLOW_PLAIN.match(s, j)
            if m is None:
                return NOT_SURE
            item = scalar(m[0])
            if item is NOT_SURE:
                return NOT_SURE
            j = m.end()
        out.append(item)
        while j < n and s[j] == " ":
            j += 1
        if j >= n:
            return NOT_SURE
        if s[j] == "]":
            return out if _after(s[j + 1:]) else NOT_SURE
        if s[j] != ",":
            return NOT_SURE
        j += 1
        while j < n and s[j] == " ":
            j += 1
        if j < n and s[j] == "]":
            return NOT_SURE  # a trailing comma
    return NOT_SURE  # goes on to the next line


#: values already read, by the text after the colon: answer files repeat the same choices,
#: yes/no answers and template comments file after file. Only immutable values are kept (never
#: a list), and the memo is bounded: numbers and names differ from file to file.
_SEEN: dict[str, Any] = {}
_SEEN_MAX = 4096
_MISS = object()


def _value(rest: str) -> Any:
    """The value after ``key: `` or ``- `` (or "": none), _EMPTY, or NOT_SURE."""
    v = _SEEN.get(rest, _MISS)
    if v is _MISS:
        v = _read_value(rest)
        if type(v) is not list and len(rest) <= 200:
            if len(_SEEN) >= _SEEN_MAX:
                _SEEN.clear()
            _SEEN[rest] = v
    return v


def _read_value(rest: str) -> Any:
    v = _BOOLS.get(rest)
    if v is not None:  # "key: true", the commonest line of an answer file
        return v
    s = rest.lstrip(" ")
    if not s or s[0] == "#":
        return _EMPTY
    c = s[0]
    if c == '"' or c == "'":
        got = _double_quoted(s, 0) if c == '"' else _single_quoted(s, 0)
        if got is None or not _after(s[got[1]:]):
            return NOT_SURE
        return got[0]
    if c == "[":
        return _flow(s)
    if c == "-" and (len(s) == 1 or s[1] == " "):
        return NOT_SURE  # a block sequence entry
    k = s.find(" #")
    if k >= 0:
        s = s[:k]
    s = s.rstrip(" ")  # YAML's white space is the space (and the tab, refused here), nothing else
    if ": " in s or s.endswith(":"):
        return NOT_SURE
    return scalar(s)


def _block(lines: list[_Line], i: int) -> tuple[Any, int]:
    """The indented block starting at content line ``i``: a mapping or a sequence of values."""
    width = len(lines[i][0])
    n = len(lines)
    first = lines[i][3]
    if first == "-" or first.startswith("- "):
        seq: list[Any] = []
        while i < n:
            indent, _, _, body = lines[i]
            if not indent:
                break
            if len(indent) != width or not (body == "-" or body.startswith("- ")):
                return NOT_SURE, i  # deeper (a third level, a continued scalar) or an odd indent
            v = _value(body[2:])
            if v is NOT_SURE:
                return NOT_SURE, i
            seq.append(None if v is _EMPTY else v)
            i += 1
        return seq, i
    mapping: dict[str, Any] = {}
    while i < n:
        indent, key, rest, _ = lines[i]
        if not indent:
            break
        if len(indent) != width or not key or key in mapping or key in _NOT_TEXT_KEYS:
            return NOT_SURE, i  # a repeated key: the full path names both lines
        v = _value(rest)
        if v is NOT_SURE:
            return NOT_SURE, i
        mapping[key] = None if v is _EMPTY else v
        i += 1
    return mapping, i


def read(text: str, printable: bool = False) -> Any:
    """The data the full YAML path would build from ``text``, or :data:`NOT_SURE`. ``printable``:
    the caller found ``text`` printable to Python once its line feeds are spaces.

    Never an error: text outside the subset, valid or not, is left to the full path."""
    if "\r" in text:
        text = text.replace("\r\n", "\n")  # a lone \r is then caught below
    # Python's printable characters are all printable to YAML too, and it tests them ~2x faster
    # than the pattern; a file with a no-break or ideographic space takes the pattern
    if not printable and not text.replace("\n", " ").isprintable() and re.search(_BAD_CHAR, text):
        return NOT_SURE
    lines: list[_Line] = _LINE.findall("\n" + text)
    n = len(lines)
    if not n:
        return NOT_SURE  # an empty document: rare, and the full path says what it is
    top: dict[str, Any] = {}
    i = 0
    while i < n:
        indent, key, rest, _ = lines[i]
        if indent or not key or key in top or key in _NOT_TEXT_KEYS:
            return NOT_SURE  # an indented document, a line that is no "key:", a repeated key
        v = _value(rest)
        i += 1
        if v is _EMPTY:
            if i < n and lines[i][0]:
                v, i = _block(lines, i)
            else:
                v = None
        elif i < n and lines[i][0]:
            return NOT_SURE  # more lines under a value: a continued scalar, or an error
        if v is NOT_SURE:
            return NOT_SURE
        top[key] = v
    return top
