"""Cell values out of an ``.xlsx`` file, read by python-calamine after the zip is checked.

A filled questionnaire comes from a client, so the workbook is untrusted. :func:`read_xlsx`
first holds the package to the limits of :mod:`.zipcheck` (entry count, stored or deflate
only, the real inflated size), then lets calamine read each sheet's typed values (text,
number, boolean, date by its number format, the 1904 date system). Two facts calamine does not
give are read with the standard library's XML parser from the same parts: which cells hold a
formula (a formula is reported, never evaluated) and which show a percentage (``85%`` typed
into a percent question). (A part that declares a DTD never gets here: :func:`check_zip` refuses it.)
"""

from __future__ import annotations

import datetime as dt
import io
import re
import xml.etree.ElementTree as ET
import zipfile
from dataclasses import dataclass
from typing import Any

from aeo_check.files.zipcheck import ZipRefused, check_zip


class XlsxError(ValueError):
    """The file is not a readable ``.xlsx`` package."""


@dataclass(slots=True)
class Cell:
    value: Any              # str | int | float | bool | datetime.date | datetime.datetime | None
    formula: str | None     # the formula text when the cell holds one
    percent: bool           # its number format shows a percentage


@dataclass(slots=True)
class Sheet:
    title: str
    state: str              # visible | hidden | veryHidden
    rows: dict[int, dict[str, Cell]]   # row number -> column letters -> cell


_PERCENT_IDS = frozenset({9, 10})
_EPOCH_1904 = dt.date(1904, 1, 1)
_REF = re.compile(r"([A-Z]{1,3})(\d+)$")
_FORMULA = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?f[\s/>]")
_R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"


def read_xlsx(raw: bytes, columns: frozenset[str] | None = None, skip: frozenset[str] | None = None) -> list[Sheet]:
    """Every worksheet of the workbook in tab order (but those named in ``skip``), with its
    cells' values (only ``columns``, if given)."""
    try:
        check_zip(raw)
    except ZipRefused as exc:
        raise XlsxError(f"not a readable .xlsx workbook: {exc}") from None
    from python_calamine import CalamineWorkbook, SheetTypeEnum, SheetVisibleEnum

    states = ((SheetVisibleEnum.Hidden, "hidden"), (SheetVisibleEnum.VeryHidden, "veryHidden"))

    try:
        book = CalamineWorkbook.from_filelike(io.BytesIO(raw))
        with zipfile.ZipFile(io.BytesIO(raw)) as z:
            marks = _Marks(z)
            sheets = []
            for meta in book.sheets_metadata:
                if meta.typ != SheetTypeEnum.WorkSheet or (skip is not None and meta.name in skip):
                    continue
                grid = book.get_sheet_by_name(meta.name).to_python(skip_empty_area=False)
                formulas, percent = marks.of(meta.name, columns)
                sheets.append(Sheet(meta.name, next((n for v, n in states if meta.visible == v), "visible"),
                                    _rows(grid, columns, formulas, percent, marks.date1904)))
        return sheets
    except XlsxError:
        raise
    except Exception as exc:  # noqa: BLE001 - calamine's and the XML parser's errors: a damaged workbook
        raise XlsxError(f"damaged .xlsx workbook ({type(exc).__name__})") from None


def column_letters(index: int) -> str:
    """``A`` for 0, ``Z`` for 25, ``AA`` for 26 …"""
    out = ""
    index += 1
    while index:
        index, r = divmod(index - 1, 26)
        out = chr(65 + r) + out
    return out


def _rows(grid: list[list[Any]], columns: frozenset[str] | None, formulas: dict[str, str],
          percent: set[str], date1904: bool) -> dict[int, dict[str, Cell]]:
    width = max((len(r) for r in grid), default=0)
    letters = [column_letters(j) for j in range(width)]
    wanted = [j for j in range(width) if columns is None or letters[j] in columns]
    rows: dict[int, dict[str, Cell]] = {}
    for i, line in enumerate(grid):
        rno = i + 1
        for j in wanted:
            if j >= len(line):
                break
            ref = f"{letters[j]}{rno}"
            value, formula = line[j], formulas.get(ref)
            if value == "" and formula is None:
                continue
            if isinstance(value, float) and value.is_integer() and abs(value) < 2**53:
                value = int(value)  # the cell holds 1, not 1.0 (as the file writes it)
            elif isinstance(value, dt.time) and date1904:  # a serial under 1 is a time of 1904-01-01 there
                value = dt.datetime.combine(_EPOCH_1904, value)
            rows.setdefault(rno, {})[letters[j]] = Cell(value if value != "" else None, formula, ref in percent)
    return rows


class _Marks:
    """Formulas and percentage formats, read from the package's XML with the standard parser."""

    def __init__(self, z: zipfile.ZipFile) -> None:
        self.z = z
        self.names = set(z.namelist())
        self.paths = self._sheet_paths()
        self.percent_styles = self._percent_styles()
        self.date1904 = self._date1904

    def part(self, name: str) -> bytes | None:
        if name not in self.names:
            return None
        return self.z.read(name)

    def _sheet_paths(self) -> dict[str, str]:
        book, rels = self.part("xl/workbook.xml"), self.part("xl/_rels/workbook.xml.rels")
        if book is None or rels is None:
            raise XlsxError("not an .xlsx workbook (no xl/workbook.xml)")
        root = ET.fromstring(book)
        self._date1904 = any(_local(el.tag) == "workbookPr" and el.get("date1904", "") in ("1", "true")
                             for el in root)
        targets = {r.get("Id"): r.get("Target", "") for r in ET.fromstring(rels) if _local(r.tag) == "Relationship"}
        paths = {}
        for el in root.iter():
            if _local(el.tag) == "sheet":
                target = targets.get(el.get(_R), "")
                paths[el.get("name", "")] = target.lstrip("/") if target.startswith("/") else "xl/" + target
        return paths

    def _percent_styles(self) -> frozenset[int]:
        styles = self.part("xl/styles.xml")
        if styles is None:
            return frozenset()
        root = ET.fromstring(styles)
        custom = {}
        for el in root.iter():
            if _local(el.tag) == "numFmt" and (el.get("numFmtId") or "").isdigit():
                custom[int(el.get("numFmtId"))] = el.get("formatCode", "")
        out = set()
        for xfs in (el for el in root if _local(el.tag) == "cellXfs"):
            for k, xf in enumerate(x for x in xfs if _local(x.tag) == "xf"):
                fid = int(xf.get("numFmtId")) if (xf.get("numFmtId") or "").isdigit() else 0
                code = custom.get(fid)
                if (fid in _PERCENT_IDS) if code is None else "%" in re.sub(r'"[^"]*"|\[[^\]]*\]|\\.', "", code):
                    out.add(k)
        return frozenset(out)

    def of(self, title: str, columns: frozenset[str] | None) -> tuple[dict[str, str], set[str]]:
        """The formulas (by cell reference) and the percent-formatted cells of one sheet."""
        data = self.part(self.paths.get(title, ""))
        scan = _SheetScan(columns, self.percent_styles)
        styles = self.percent_styles
        if data is not None and (_FORMULA.search(data) or styles and _style_used(data, styles)):
            scan.feed(data)  # (most sheets hold neither: no pass needed)
        return scan.formulas, scan.percent


class _SheetScan:
    """One pass of the standard library's expat parser over a sheet: each wanted cell's
    reference, its style (a percentage?) and its formula text."""

    def __init__(self, columns: frozenset[str] | None, percent_styles: frozenset[int]) -> None:
        self.columns, self.percent_styles = columns, percent_styles
        self.formulas: dict[str, str] = {}
        self.percent: set[str] = set()
        self.ref = ""
        self.text: list[str] | None = None
        self.parser: Any = None

    def feed(self, data: bytes) -> None:
        from xml.parsers import expat

        p = expat.ParserCreate()
        p.buffer_text = True
        p.StartElementHandler, p.EndElementHandler = self.start, self.end
        self.parser = p
        p.Parse(data, True)

    def start(self, tag: str, attrs: dict[str, str]) -> None:
        local = tag.rsplit(":", 1)[-1]
        if local == "c":
            ref = attrs.get("r", "")
            m = _REF.match(ref)
            self.ref = ref if m is not None and (self.columns is None or m.group(1) in self.columns) else ""
            style = attrs.get("s", "0")
            if self.ref and style.isdigit() and int(style) in self.percent_styles:
                self.percent.add(ref)
        elif local == "f" and self.ref:
            self.text = []
            self.parser.CharacterDataHandler = self.text.append

    def end(self, tag: str) -> None:
        if self.text is not None and tag.rsplit(":", 1)[-1] == "f":
            self.formulas[self.ref] = "=" + "".join(self.text)
            self.text = self.parser.CharacterDataHandler = None


def _style_used(data: bytes, styles: frozenset[int]) -> bool:
    return re.search(rb'\ss="(?:' + b"|".join(str(k).encode() for k in sorted(styles)) + rb')"', data) is not None


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]
