"""Untrusted text made inert for each surface it reaches: one function per surface.

- terminal and logs: :func:`inert` (hand the result to rich as ``Text`` or with ``markup=False``,
  so ``[bold]`` in a name is printed as written, never read as markup);
- GitHub Actions annotations (``--format github``): :func:`annotation`;
- CSV: :func:`spreadsheet`; the xlsx export: :func:`put_text`;
- HTML and PDF: Jinja's autoescape in :mod:`aeo_check.views.pdf.report`, whose URL fetcher reads
  only the templates and the checked logo.

Company names, unknown keys, values quoted back in messages and file names come from files
and folders the user may not control. Printed raw, an ESC or an 8-bit CSI in them can set the
window title, clear the screen, move the cursor or plant an OSC 8 link. :func:`inert` writes
every control character as a visible escape (``\\x1b``), so the text shows what is there and
does nothing. Bidirectional overrides (which can disguise text) and the lone surrogates that
stand for undecodable bytes in file names are written the same way.
"""

from __future__ import annotations

import re
from typing import Any

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


def annotation(text: object, prop: bool = False) -> str:
    """``text`` for a GitHub Actions workflow command (``::error file=…,title=…::message``).

    ``%``, CR and LF are written the way the runner reads them back (``%25``, ``%0D``, ``%0A``);
    in a property (``prop``) ``:`` and ``,`` too, so no value can end the command or add one.
    Every other control character is made :func:`inert`.
    """
    s = str(text).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if prop:
        s = s.replace(":", "%3A").replace(",", "%2C")
    return inert(s)


#: what makes a spreadsheet program read a CSV cell as a formula (OWASP's list)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet(value: object) -> object:
    """A CSV cell: text a spreadsheet program would run as a formula gets a leading ``'``; other
    values are returned as they are."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def put_text(cell: Any, value: object) -> None:
    """Set an openpyxl ``cell`` to ``value``, text stored as text (openpyxl would store a string
    that starts with ``=`` as a formula)."""
    cell.value = value
    if isinstance(value, str):
        cell.data_type = "s"
