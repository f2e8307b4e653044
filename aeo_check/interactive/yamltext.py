"""Write answers into an existing answer file's text, keeping its comments and layout.

A consultant's template carries a comment above every question (its text, what is allowed,
where to find it out). Re-dumping the document after each answer would throw all of them away,
so :func:`rewrite` only replaces the value part of the lines that hold answers, profile fields
and the few top-level scalars, appends keys that are missing, and rewrites the ``notes`` block.
The result is read back and compared with the document; any difference (an unfamiliar layout)
returns None and the caller writes a plain dump instead, so the file is never wrong.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any

_TOP = re.compile(r"^([A-Za-z_][\w-]*):(.*)$")
_SUB = re.compile(r"^  ([A-Za-z_][\w-]*):(.*)$")
SCALARS = ("format", "standard", "language", "assessed_on")
BLOCKS = ("enterprise", "answers")


def flow(value: Any) -> str:
    """One value as YAML flow text (JSON scalars and lists are valid YAML)."""
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.isoformat()
    return json.dumps(value, ensure_ascii=False)


def _split_comment(rest: str) -> tuple[str, str]:
    """(value, trailing comment with its leading spaces) of what follows ``key:``."""
    quote = None
    for i, ch in enumerate(rest):
        if quote:
            if ch == quote:
                quote = None
            elif ch == "\\" and quote == '"':
                continue
        elif ch in "\"'":
            quote = ch
        elif ch == "#" and (i == 0 or rest[i - 1] in " \t"):
            j = i
            while j > 0 and rest[j - 1] in " \t":
                j -= 1
            return rest[:j], rest[j:]
    return rest.rstrip(), ""


def _line(indent: str, key: str, value: Any, comment: str, old: str | None = None) -> str:
    """The line for ``key``; the old line itself when it already says the same value."""
    if old is not None:
        value_text, _ = _split_comment(old.split(":", 1)[1])
        if _same_value(value_text, value):
            return old
    v = flow(value)
    return f"{indent}{key}:{' ' + v if v else ''}{comment}"


def _same_value(text: str, value: Any) -> bool:
    import yaml

    try:
        return _norm(yaml.safe_load(text) if text.strip() else None) == _norm(value)
    except yaml.YAMLError:
        return False


def rewrite(text: str, doc: dict[str, Any]) -> str | None:
    """``text`` with ``doc``'s values in place; None when that cannot be done faithfully."""
    new = _Rewrite(text, doc).run()
    return new if _same(new, doc) else None


class _Rewrite:
    """One pass over the text's lines: what the answers do not own is copied, their values written."""

    def __init__(self, text: str, doc: dict[str, Any]) -> None:
        self.lines = text.splitlines()
        self.doc = doc
        self.out: list[str] = []
        self.i = 0

    def run(self) -> str:
        seen_top: set[str] = set()
        lines, n = self.lines, len(self.lines)
        while self.i < n:
            line = lines[self.i]
            self.i += 1
            m = _TOP.match(line)
            if not m:
                self.out.append(line)
                continue
            key, rest = m.group(1), m.group(2)
            seen_top.add(key)
            if key in SCALARS:
                self.out.append(_line("", key, self.doc.get(key), _split_comment(rest)[1], line))
            elif key == "notes":  # the notes block is rewritten whole (notes may be multi-line)
                while self.i < n and lines[self.i].startswith((" ", "\t")):
                    self.i += 1
                self.out += _notes(self.doc.get("notes") or {})
            elif key in BLOCKS:
                self.out.append(f"{key}:{_split_comment(rest)[1]}")
                self._block(self.doc.get(key) or {})
            else:
                self.out.append(line)
        self._add_missing(seen_top)
        return "\n".join(self.out) + "\n"

    def _block(self, values: dict[str, Any]) -> None:
        """The indented lines of a mapping block; its keys the text lacks go after its last key."""
        lines, n = self.lines, len(self.lines)
        done: set[str] = set()
        last_key_at = len(self.out)
        while self.i < n and (not lines[self.i].strip() or lines[self.i].startswith((" ", "\t"))):
            sub = _SUB.match(lines[self.i])
            if not sub:
                self.out.append(lines[self.i])
                self.i += 1
                continue
            self._entry(sub.group(1), sub.group(2), values)
            done.add(sub.group(1))
            last_key_at = len(self.out)
        self.out[last_key_at:last_key_at] = [_line("  ", k, values[k], "") for k in values if k not in done]

    def _entry(self, name: str, rest: str, values: dict[str, Any]) -> None:
        """One key of a block, with the continuation lines of a value written one item per line."""
        lines, n = self.lines, len(self.lines)
        _, comment = _split_comment(rest)
        line = lines[self.i]
        self.i += 1
        start = self.i
        while self.i < n and (lines[self.i].startswith("  - ") or lines[self.i].startswith("   ")) \
                and lines[self.i].strip() and not lines[self.i].lstrip().startswith("#"):
            self.i += 1
        if self.i == start:
            self.out.append(_line("  ", name, values.get(name), comment, line))
            return
        block = "\n".join(["x:" + line.split(":", 1)[1], *lines[start:self.i]])
        if _same_block(block, values.get(name)):  # unchanged: kept as written
            self.out += [line, *lines[start:self.i]]
        else:  # a block value, rewritten on one line
            self.out.append(_line("  ", name, values.get(name), comment))

    def _add_missing(self, seen_top: set[str]) -> None:
        """The top-level keys the text does not have, at its end."""
        for key in (*SCALARS, *BLOCKS, "notes"):
            if key in seen_top or key not in self.doc:
                continue
            if key in BLOCKS:
                self.out.append(f"{key}:")
                self.out += [_line("  ", k, v, "") for k, v in (self.doc[key] or {}).items()]
            elif key == "notes":
                self.out += _notes(self.doc[key] or {})
            else:
                self.out.append(_line("", key, self.doc[key], ""))


def _same_block(block: str, value: Any) -> bool:
    import yaml

    try:
        got = yaml.safe_load(block)
    except yaml.YAMLError:
        return False
    return isinstance(got, dict) and _norm(got.get("x")) == _norm(value)


def _notes(notes: dict[str, str]) -> list[str]:
    if not notes:
        return ["notes: {}"]
    return ["notes:"] + [f"  {k}: {json.dumps(v, ensure_ascii=False)}" for k, v in notes.items()]


def _norm(v: Any) -> Any:
    if isinstance(v, dt.date):
        return v.isoformat()
    if isinstance(v, dict):
        return {k: _norm(x) for k, x in v.items() if x is not None}
    if isinstance(v, list):
        return [_norm(x) for x in v]
    return v


def _same(text: str, doc: dict[str, Any]) -> bool:
    import yaml

    try:
        got = yaml.safe_load(text)
    except yaml.YAMLError:
        return False
    if not isinstance(got, dict):
        return False
    want = _norm(doc)
    got = _norm(got)
    return all(got.get(k) == want.get(k) or (not got.get(k) and not want.get(k)) for k in want)
