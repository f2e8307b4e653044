"""Untrusted text made inert before it reaches a terminal or a log.

Company names, unknown keys, values quoted back in messages and file names come from files
and folders the user may not control. Printed raw, an ESC or an 8-bit CSI in them can set the
window title, clear the screen, move the cursor or plant an OSC 8 link. :func:`inert` writes
every control character as a visible escape (``\\x1b``), so the text shows what is there and
does nothing. Bidirectional overrides (which can disguise text) and the lone surrogates that
stand for undecodable bytes in file names are written the same way.
"""

from __future__ import annotations

import re

_UNSAFE = re.compile(
    "[\x00-\x1f\x7f-\x9f"  # C0, DEL, C1 (8-bit CSI is \x9b)
    "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"  # bidirectional marks and overrides
    "\u2028\u2029"  # line and paragraph separators
    "\ud800-\udfff]"  # lone surrogates (undecodable bytes of a file name)
)


def _escape(m: re.Match[str]) -> str:
    c = ord(m.group())
    if 0xDC80 <= c <= 0xDCFF:  # a byte os.fsdecode could not decode
        return f"\\x{c - 0xDC00:02x}"
    return f"\\x{c:02x}" if c <= 0xFF else f"\\u{c:04x}"


def inert(text: object, limit: int | None = None) -> str:
    """``text`` with every control character shown as an escape; cut to ``limit`` characters with "…"."""
    s = str(text)
    if limit is not None and len(s) > limit:
        s = s[:limit] + "…"
    return _UNSAFE.sub(_escape, s)


def quoted(value: object, limit: int = 80) -> str:
    """A value quoted back in a message: ``repr`` for strings, cut to ``limit`` characters, inert."""
    s = repr(value) if isinstance(value, str) else str(value)
    if len(s) > limit:
        s = s[:limit] + "…"
    return inert(s)


def has_control(text: str, allow: str = "") -> bool:
    """Whether ``text`` holds a control character other than those in ``allow``."""
    return any(_UNSAFE.match(c) and c not in allow for c in text) if _UNSAFE.search(text) else False
