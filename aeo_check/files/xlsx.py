"""Cell values out of an ``.xlsx`` file, fast: the zip's XML read with a few regular expressions.

A filled questionnaire is read on every ``validate``, ``score`` and ``report``; a general
spreadsheet library takes ten times longer to load one than the YAML reader takes for the same
answers, so the reader reads only what answers need: sheet names and order, each cell's typed
value (text, number, boolean, date by its number format), whether it holds a formula, and
whether its number format shows a percentage. Files written by Excel, WPS, LibreOffice and
openpyxl (shared or inline strings, rich text, namespace prefixes, the 1904 date system) read
the same. Anything else in the package (styles, validation, drawings) is ignored.
"""

from __future__ import annotations

import datetime as dt
import functools
import html
import io
import re
import zipfile
from dataclasses import dataclass
from typing import Any

#: the most a workbook may unpack to (a filled questionnaire is well under 2 MB)
MAX_UNPACKED = 64 * 2**20


class XlsxError(ValueError):
    """The file is not a readable ``.xlsx`` package."""


@dataclass(slots=True)
class Cell:
    value: Any              # str | int | float | bool | datetime.date | None
    formula: str | None     # the formula text when the cell holds one
    percent: bool           # its number format shows a percentage


@dataclass(slots=True)
class Sheet:
    title: str
    state: str              # visible | hidden | veryHidden
    rows: dict[int, dict[str, Cell]]   # row number -> column letters -> cell


_NS = rb"(?:[A-Za-z_][\w.-]*:)?"
_SHEET = re.compile(rb"<" + _NS + rb"sheet\s([^>]*?)/?>", re.S)
_REL = re.compile(rb"<" + _NS + rb"Relationship\s([^>]*?)/?>", re.S)
_ATTR = re.compile(rb'([\w:]+)\s*=\s*"([^"]*)"')
_SI = re.compile(rb"<" + _NS + rb"si>(.*?)</" + _NS + rb"si>|<" + _NS + rb"si/>", re.S)
_T = re.compile(rb"<" + _NS + rb"t(?:\s[^>]*)?>(.*?)</" + _NS + rb"t>|<" + _NS + rb"t\s*/>", re.S)
_RPH = re.compile(rb"<" + _NS + rb"rPh\b.*?</" + _NS + rb"rPh>", re.S)
_CELL = re.compile(rb"<" + _NS + rb"c\s([^>]*?)(?:/>|>(.*?)</" + _NS + rb"c>)", re.S)
_V = re.compile(rb"<" + _NS + rb"v>(.*?)</" + _NS + rb"v>", re.S)
_F = re.compile(rb"<" + _NS + rb"f(?:\s[^>]*)?(?:/>|>(.*?)</" + _NS + rb"f>)", re.S)
_IS = re.compile(rb"<" + _NS + rb"is>(.*?)</" + _NS + rb"is>", re.S)
_REF = re.compile(r"^([A-Z]{1,3})(\d+)$")
_NUMFMT = re.compile(rb"<" + _NS + rb"numFmt\s([^>]*?)/?>", re.S)
_CELLXFS = re.compile(rb"<" + _NS + rb"cellXfs\b[^>]*>(.*?)</" + _NS + rb"cellXfs>", re.S)
_XF = re.compile(rb"<" + _NS + rb"xf\s([^>]*?)(?:/>|>)", re.S)
_DATE1904 = re.compile(rb"date1904\s*=\s*\"(1|true)\"")
_INT = re.compile(r"^-?\d+$")

# built-in number formats that show dates (including the East Asian ones Chinese Excel uses)
_DATE_IDS = frozenset(range(14, 23)) | frozenset(range(27, 37)) | frozenset(range(45, 48)) | \
    frozenset(range(50, 59))
_PERCENT_IDS = frozenset({9, 10})


def _attrs(raw: bytes) -> dict[str, str]:
    out = {}
    for k, v in _ATTR.findall(raw):
        key = k.decode().rsplit(":", 1)[-1] if b":" in k and not k.startswith(b"xmlns") else k.decode()
        out[key] = v.decode("utf-8")
    return out


def _numfmt_id(raw: bytes) -> str:
    """``_attrs(raw).get("numFmtId", "")``; an ASCII tag (the rule) is not decoded attribute by attribute."""
    if not raw.isascii():
        return _attrs(raw).get("numFmtId", "")
    found = b""
    for k, v in _ATTR.findall(raw):
        if k == b"numFmtId" or (k.endswith(b":numFmtId") and not k.startswith(b"xmlns")):
            found = v
    return found.decode()


def _text(raw: bytes) -> str:
    if raw[:3] == b"<t>" and raw.find(b"<", 3) == len(raw) - 4:  # plain <t>text</t>, the usual case
        s = raw[3:-4].decode("utf-8")
        return html.unescape(s) if "&" in s else s
    raw = _RPH.sub(b"", raw)
    parts = [m.group(1) or b"" for m in _T.finditer(raw)]
    s = b"".join(parts).decode("utf-8")
    return html.unescape(s) if "&" in s else s


def _fmt_kinds(styles: bytes | None) -> list[tuple[bool, bool]]:
    """(is_date, is_percent) per cell style index."""
    if not styles:
        return []
    custom: dict[int, str] = {}
    for m in _NUMFMT.finditer(styles):
        a = _attrs(m.group(1))
        if a.get("numFmtId", "").isdigit():
            custom[int(a["numFmtId"])] = html.unescape(a.get("formatCode", ""))
    kinds = []
    block = _CELLXFS.search(styles)
    for m in _XF.finditer(block.group(1) if block else b""):
        fid_s = _numfmt_id(m.group(1))
        fid = int(fid_s) if fid_s.isdigit() else 0
        code = custom.get(fid)
        if code is None:
            kinds.append((fid in _DATE_IDS, fid in _PERCENT_IDS))
        else:
            bare = re.sub(r'"[^"]*"|\[[^\]]*\]|\\.', "", code).lower()
            kinds.append((bool(re.search(r"[ymd]", bare)) and "general" not in bare, "%" in bare))
    return kinds


def _serial_date(x: float, date1904: bool) -> dt.date:
    base = dt.date(1904, 1, 1) if date1904 else dt.date(1899, 12, 30)
    if not date1904 and x < 61:  # Excel's phantom 1900-02-29
        base = dt.date(1899, 12, 31)
    return base + dt.timedelta(days=int(x))


class _Shared:
    """Shared strings, decoded on first use (a questionnaire's help texts are never needed)."""

    def __init__(self, sst: bytes) -> None:
        self.raw = [m.group(1) or b"" for m in _SI.finditer(sst)]
        self.done: dict[int, str] = {}

    def __getitem__(self, i: int) -> str:
        s = self.done.get(i)
        if s is None:
            s = self.done[i] = _text(self.raw[i])
        return s


def read_xlsx(raw: bytes, columns: frozenset[str] | None = None, skip: frozenset[str] | None = None) -> list[Sheet]:
    """Every sheet of the workbook in tab order (but those named in ``skip``), with its cells' values
    (only ``columns``, if given)."""
    try:
        z = zipfile.ZipFile(io.BytesIO(raw))
        names = set(z.namelist())
        if sum(i.file_size for i in z.infolist()) > MAX_UNPACKED:  # a zip bomb (reads stop at these sizes)
            raise XlsxError(f"unpacks to more than {MAX_UNPACKED // 2**20} MB")
        wb_xml = z.read("xl/workbook.xml")
    except (zipfile.BadZipFile, KeyError, OSError, EOFError) as exc:
        raise XlsxError("not an .xlsx workbook" if not isinstance(exc, KeyError) else
                        "not an .xlsx workbook (no xl/workbook.xml)") from None
    try:
        rels = {a.get("Id"): a.get("Target", "") for a in
                (_attrs(m.group(1)) for m in _REL.finditer(z.read("xl/_rels/workbook.xml.rels")))}
        shared = _Shared(z.read("xl/sharedStrings.xml") if "xl/sharedStrings.xml" in names else b"")
        kinds = _fmt_kinds(z.read("xl/styles.xml") if "xl/styles.xml" in names else None)
        date1904 = bool(_DATE1904.search(wb_xml))
        sheets = []
        for m in _SHEET.finditer(wb_xml):
            a = _attrs(m.group(1))
            target = rels.get(a.get("id"), "")
            path = target.lstrip("/") if target.startswith("/") else "xl/" + target
            if path not in names:
                continue
            title = html.unescape(a.get("name", ""))
            if skip is not None and title in skip:
                continue
            sheets.append(Sheet(title, a.get("state", "visible"), _cells(z.read(path), shared, kinds, date1904, columns)))
        return sheets
    except (zipfile.BadZipFile, KeyError, OSError, EOFError, UnicodeDecodeError, ValueError, IndexError) as exc:
        raise XlsxError(f"damaged .xlsx workbook ({exc.__class__.__name__})") from None


_C_OPEN = re.compile(rb"<(" + _NS + rb")c[\s>]")
_R_ATTR = re.compile(rb'\sr="([A-Z]{1,3})(\d+)"')


def _cells(xml: bytes, shared: _Shared, kinds: list[tuple[bool, bool]], date1904: bool,
           columns: frozenset[str] | None) -> dict[int, dict[str, Cell]]:
    rows: dict[int, dict[str, Cell]] = {}
    start = xml.find(b"sheetData")
    end = xml.rfind(b"sheetData")
    if start < 0 or end <= start:
        return rows
    first = _C_OPEN.search(xml, start, end)
    if first is None:
        return rows
    prefix = first.group(1)
    if columns is not None and xml.startswith(b"<" + prefix + b'c r="', first.start()):
        # the usual layout (r first, as Excel, WPS, LibreOffice and openpyxl write it)
        _wanted_cells(xml, first.start(), end, prefix, shared, kinds, date1904, columns, rows)
        return rows
    for m in _C_OPEN.finditer(xml, first.start(), end):
        if m.group(1) != prefix:
            continue
        head = xml[m.end() - 1:xml.find(b">", m.end())]
        rm = _R_ATTR.search(head)
        if rm is None:
            continue
        col = rm.group(1).decode()
        if columns is not None and col not in columns:
            continue
        _cell(xml, m.end() - 1, prefix, col, int(rm.group(2)), shared, kinds, date1904, rows)
    return rows


def _wanted_cells(xml: bytes, start: int, end: int, prefix: bytes, shared: _Shared, kinds: list[tuple[bool, bool]],
                  date1904: bool, columns: frozenset[str], rows: dict[int, dict[str, Cell]]) -> None:
    """The cells of ``columns``, found by one regular expression that passes over empty cells
    (``<c …/>``) and reads the common forms whole (a plain value or inline string, attributes ``s``
    then ``t``); any other cell is read by :func:`_cell`, as in the general layout."""
    finder = _finder(prefix, tuple(sorted(columns)))
    letters = {c.encode(): c for c in columns}
    n_kinds = len(kinds)
    for m in finder.finditer(xml, start, end):
        col_b, rno_b, style_b, t_b, v, text = m.groups()
        if v is None and text is None:  # any other form
            _cell(xml, m.end(), prefix, letters[col_b], int(rno_b), shared, kinds, date1904, rows)
            continue
        style = int(style_b) if style_b is not None else 0
        is_date, is_percent = kinds[style] if style < n_kinds else (False, False)
        if t_b == b"inlineStr":
            if text is None:
                continue  # an inline-string cell holding <v>: no value
            s = text.decode("utf-8")
            value: Any = html.unescape(s) if "&" in s else s
        else:
            if v is None:
                continue  # <is> in a cell of another type: no value
            value = _typed(t_b.decode() if t_b is not None else "n", html.unescape(v.decode("utf-8")), is_date,
                           shared, date1904)
        rno = int(rno_b)
        row = rows.get(rno)
        if row is None:
            row = rows[rno] = {}
        row[letters[col_b]] = Cell(value, None, is_percent)


@functools.lru_cache(maxsize=8)
def _finder(prefix: bytes, columns: tuple[str, ...]) -> re.Pattern[bytes]:
    """``<c r="COLROW"`` of a wanted cell, then either the rest of the cell in a common form, or
    nothing when the cell is in another form but not empty (an empty one, closed by ``/>``, does
    not match). Groups: column, row, s, t, the <v> text, the <is><t> text."""
    p = re.escape(prefix)
    cols = b"|".join(c.encode() for c in columns)
    return re.compile(
        b"<" + p + b'c r="(' + cols + rb')(\d+)"'
        rb'(?:(?: s="(\d++)")?(?: t="([A-Za-z]++)")?>'             # … s="1" t="x">
        rb"(?:<" + p + rb"v>([^<]*+)</" + p + rb"v>"              # <v>1</v>
        rb"|<" + p + rb"is><" + p + rb"t>([^<]*+)</" + p + rb"t></" + p + rb"is>)"  # <is><t>x</t></is>
        rb"</" + p + rb"c>"
        rb"|(?![^>\x80-\xff]*+(?<=/)>))")                       # or anything but … />


def _cell(xml: bytes, pos: int, prefix: bytes, col: str, rno: int, shared: _Shared, kinds: list[tuple[bool, bool]],
          date1904: bool, rows: dict[int, dict[str, Cell]]) -> None:
    """The cell whose head (its attributes after ``r``) starts at ``pos``, into ``rows``."""
    close = b"</" + prefix + b"c>"
    head_end = xml.find(b">", pos)
    head = xml[pos:head_end]
    closed = head.endswith(b"/")
    body = b"" if closed else xml[head_end + 1:xml.find(close, head_end)]
    t = "n"
    ti = head.find(b' t="')
    if ti >= 0:
        t = head[ti + 4:head.find(b'"', ti + 4)].decode()
    style = 0
    si = head.find(b' s="')
    if si >= 0:
        sv = head[si + 4:head.find(b'"', si + 4)]
        style = int(sv) if sv.isdigit() else 0
    is_date, is_percent = kinds[style] if style < len(kinds) else (False, False)
    formula = None
    if b"<" in body:
        fm = _F.search(body)
        if fm is not None:
            formula = "=" + html.unescape((fm.group(1) or b"").decode("utf-8"))
    value: Any = None
    if t == "inlineStr":
        im = _IS.search(body)
        value = _text(im.group(1)) if im else None
    else:
        vm = _V.search(body)
        if vm is not None:
            value = _typed(t, html.unescape(vm.group(1).decode("utf-8")), is_date, shared, date1904)
    if value is None and formula is None:
        return
    rows.setdefault(rno, {})[col] = Cell(value, formula, is_percent)


def _typed(t: str, raw: str, is_date: bool, shared: _Shared, date1904: bool) -> Any:
    """The value of a cell of type ``t`` whose <v> holds ``raw``."""
    if t == "s":
        return shared[int(raw)]
    if t == "b":
        return raw.strip() in ("1", "true")
    if t in ("str", "e"):
        return raw
    if t == "d":
        try:
            return dt.date.fromisoformat(raw[:10])
        except ValueError:
            return raw
    value = int(raw) if _INT.match(raw) else float(raw)
    if is_date:
        try:
            return _serial_date(float(value), date1904)
        except (OverflowError, ValueError):  # no date (Excel shows ####): the number, for the checker to name
            return value
    return value
