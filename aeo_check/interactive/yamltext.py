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
    lines = text.splitlines()
    out: list[str] = []
    seen_top: set[str] = set()
    i, n = 0, len(lines)
    while i < n:
        line = lines[i]
        m = _TOP.match(line)
        if not m:
            out.append(line)
            i += 1
            continue
        key, rest = m.group(1), m.group(2)
        seen_top.add(key)
        if key in SCALARS:
            _, comment = _split_comment(rest)
            out.append(_line("", key, doc.get(key), comment, line))
            i += 1
            continue
        if key == "notes":
            # the notes block is rewritten whole (notes may be multi-line)
            i += 1
            while i < n and lines[i].startswith((" ", "\t")):
                i += 1
            out += _notes(doc.get("notes") or {})
            continue
        if key not in BLOCKS:
            out.append(line)
            i += 1
            continue
        values: dict[str, Any] = doc.get(key) or {}
        _, comment = _split_comment(rest)
        out.append(f"{key}:{comment}")
        i += 1
        done: set[str] = set()
        last_key_at = len(out)
        while i < n and (not lines[i].strip() or lines[i].startswith((" ", "\t"))):
            sub = _SUB.match(lines[i])
            if not sub:
                out.append(lines[i])
                i += 1
                continue
            name, rest = sub.group(1), sub.group(2)
            _, comment = _split_comment(rest)
            line = lines[i]
            i += 1
            # continuation lines of a block value (a list written one item per line)
            start = i
            while i < n and (lines[i].startswith("  - ") or lines[i].startswith("   ")) and lines[i].strip() \
                    and not lines[i].lstrip().startswith("#"):
                i += 1
            if i > start:  # a block value: rewritten on one line unless unchanged
                block = "\n".join(["x:" + line.split(":", 1)[1], *lines[start:i]])
                if _same_block(block, values.get(name)):
                    out += [line, *lines[start:i]]
                    done.add(name)
                    last_key_at = len(out)
                    continue
                out.append(_line("  ", name, values.get(name), comment))
            else:
                out.append(_line("  ", name, values.get(name), comment, line))
            done.add(name)
            last_key_at = len(out)
        missing = [k for k in values if k not in done]
        out[last_key_at:last_key_at] = [_line("  ", k, values[k], "") for k in missing]
    for key in (*SCALARS, *BLOCKS, "notes"):
        if key not in seen_top and key in doc:
            if key in BLOCKS:
                out.append(f"{key}:")
                out += [_line("  ", k, v, "") for k, v in (doc[key] or {}).items()]
            elif key == "notes":
                out += _notes(doc[key] or {})
            else:
                out.append(_line("", key, doc[key], ""))
    new = "\n".join(out) + "\n"
    return new if _same(new, doc) else None


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
