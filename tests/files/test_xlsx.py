"""The workbook reader (python-calamine behind the zip check) against openpyxl, and fuzzed."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from aeo_check.files.xlsx import XlsxError, read_xlsx

ROOT = Path(__file__).resolve().parent.parent.parent
pytestmark = pytest.mark.filterwarnings("ignore:Workbook contains no default style:UserWarning")
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))
NS = ('xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
      'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"')
TYPES = ('<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
         '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
         '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.'
         'spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/s1.xml" ContentType="application/'
         'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>{}</Types>')


def package(sheet_xml: str, shared: list[str] | None = None, styles: str = "", date1904: bool = False) -> bytes:
    """A workbook written by hand in the forms other programs use: a namespace prefix, inline and
    shared strings, rich text, an absolute relationship target, the 1904 date system."""
    extra = ""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("_rels/.rels", '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                   '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                   'relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
        z.writestr("xl/workbook.xml", f'<x:workbook {NS}><x:workbookPr date1904="{int(date1904)}"/><x:sheets>'
                                      '<x:sheet name="Q &amp; A" sheetId="1" r:id="rId1"/></x:sheets></x:workbook>')
        rels = ('<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
                'worksheet" Target="/xl/worksheets/s1.xml"/>')
        if shared is not None:
            z.writestr("xl/sharedStrings.xml", f"<x:sst {NS}>" + "".join(shared) + "</x:sst>")
            rels += ('<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                     'relationships/sharedStrings" Target="sharedStrings.xml"/>')
            extra += ('<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-'
                      'officedocument.spreadsheetml.sharedStrings+xml"/>')
        if styles:
            z.writestr("xl/styles.xml", f"<x:styleSheet {NS}>{styles}</x:styleSheet>")
            rels += ('<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                     'relationships/styles" Target="styles.xml"/>')
            extra += ('<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-'
                      'officedocument.spreadsheetml.styles+xml"/>')
        z.writestr("xl/_rels/workbook.xml.rels",
                   f'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{rels}'
                   "</Relationships>")
        z.writestr("xl/worksheets/s1.xml", f"<x:worksheet {NS}><x:sheetData>{sheet_xml}</x:sheetData></x:worksheet>")
        z.writestr("[Content_Types].xml", TYPES.format(extra))
    return buf.getvalue()


STYLES = ('<x:numFmts count="2">'
          '<x:numFmt numFmtId="170" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/>'
          '<x:numFmt numFmtId="171" formatCode="0.0%"/></x:numFmts><x:cellXfs count="5"><x:xf numFmtId="0"/>'
          '<x:xf numFmtId="170"/><x:xf numFmtId="10"/><x:xf numFmtId="31"/><x:xf numFmtId="171"/></x:cellXfs>')
SHARED = ["<x:si><x:t>是</x:t></x:si>",
          '<x:si><x:r><x:t>保留</x:t></x:r><x:r><x:rPr/><x:t xml:space="preserve">意见</x:t></x:r></x:si>',
          "<x:si><x:t>a &amp; b</x:t></x:si>"]
FORMS = ['<x:c r="{c}" t="s"><x:v>0</x:v></x:c>', '<x:c r="{c}" t="s"><x:v>1</x:v></x:c>',
         '<x:c r="{c}" t="s"><x:v>2</x:v></x:c>', '<x:c r="{c}" s="1"><x:v>46100</x:v></x:c>',
         '<x:c r="{c}" s="2"><x:v>0.85</x:v></x:c>', '<x:c r="{c}" s="4"><x:v>0.125</x:v></x:c>',
         '<x:c r="{c}" t="b"><x:v>1</x:v></x:c>', '<x:c r="{c}"><x:f>SUM(1,2)</x:f><x:v>3</x:v></x:c>',
         '<x:c r="{c}" t="inlineStr"><x:is><x:t>inline &lt;x&gt;</x:t></x:is></x:c>',
         '<x:c r="{c}" t="inlineStr"><x:is><x:r><x:t>ri</x:t></x:r><x:r><x:t>ch</x:t></x:r></x:is></x:c>',
         '<x:c r="{c}" t="str"><x:f>A1&amp;"x"</x:f><x:v>是x</x:v></x:c>', '<x:c r="{c}"><x:v>-12.5</x:v></x:c>',
         '<x:c r="{c}"><x:v>1500000</x:v></x:c>', '<x:c r="{c}"/>', '<x:c s="1" r="{c}"><x:v>45000</x:v></x:c>']


def corpus(cat, tmp_path) -> list[tuple[str, bytes]]:
    from aeo_check.answers.read import load_answers
    from aeo_check.answers.workbook import workbook_bytes

    rows = "".join(f'<x:row r="{r}">' + "".join(form.format(c=f"{c}{r}") for c in "ABD") + "</x:row>"
                   for r, form in enumerate(FORMS, 1))
    out = [("hand-made", package(rows, SHARED, STYLES)), ("1904", package(rows, SHARED, STYLES, date1904=True))]
    for example in EXAMPLES:
        a = load_answers(example, cat)
        for lang in ("zh", "en"):
            out.append((f"{example.stem}-{lang}", workbook_bytes(cat, a.enterprise.type, list(a.enterprise.specific),
                                                                 lang, filled=a)))
    return out


def _as_openpyxl_reads(raw: bytes) -> dict[tuple[str, int, str], tuple]:
    book = openpyxl.load_workbook(io.BytesIO(raw))
    cells = {}
    for ws in book.worksheets:
        for row in ws.iter_rows():
            for c in row:
                if c.value is None or c.value == "":
                    continue
                formula = c.value if isinstance(c.value, str) and c.data_type == "f" else None
                value = None if formula else c.value
                if isinstance(value, dt.datetime) and value.time() == dt.time(0):
                    value = value.date()
                cells[(ws.title, c.row, c.column_letter)] = (value, formula, "%" in c.number_format)
    return cells


def _as_we_read(raw: bytes) -> dict[tuple[str, int, str], tuple]:
    cells = {}
    for s in read_xlsx(raw):
        for r, row in s.rows.items():
            for col, x in row.items():
                value = None if x.formula else x.value
                if isinstance(value, dt.datetime) and value.time() == dt.time(0):
                    value = value.date()
                cells[(s.title, r, col)] = (value, x.formula, x.percent)
    return cells


def test_every_cell_reads_as_openpyxl_reads_it(cat, tmp_path):
    for name, raw in corpus(cat, tmp_path):
        ours, theirs = _as_we_read(raw), _as_openpyxl_reads(raw)
        assert ours == theirs, (name, {k: (ours.get(k), theirs.get(k)) for k in set(ours) | set(theirs)
                                       if ours.get(k) != theirs.get(k)})


def test_sheet_states_and_order_are_those_of_the_workbook(cat, tmp_path):
    for _name, raw in corpus(cat, tmp_path)[2:3]:
        book = openpyxl.load_workbook(io.BytesIO(raw))
        assert [(s.title, s.state) for s in read_xlsx(raw)] == [(ws.title, ws.sheet_state) for ws in book.worksheets]


def test_a_1904_workbook_counts_its_dates_from_1904():
    (s,) = read_xlsx(package('<x:row r="1"><x:c r="A1" s="1"><x:v>0</x:v></x:c></x:row>', None, STYLES, True))
    assert s.rows[1]["A"].value == dt.datetime(1904, 1, 1)  # (serial 0: calamine alone says "a time")


cell_values = st.one_of(st.text(max_size=40).filter(lambda s: s.strip() and not s.startswith("=")),
                        st.integers(-10**12, 10**12), st.floats(-1e12, 1e12).map(lambda x: round(x, 6)).filter(bool),
                        st.booleans(), st.dates(dt.date(1901, 1, 1), dt.date(2099, 12, 31)))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow], database=None)
@given(st.dictionaries(st.tuples(st.integers(1, 30), st.sampled_from("ABCDG")), cell_values, max_size=25))
def test_any_cells_openpyxl_writes_read_as_openpyxl_reads_them(cells):
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    book = openpyxl.Workbook()
    for (r, c), v in cells.items():
        if not (isinstance(v, str) and ILLEGAL_CHARACTERS_RE.search(v)):
            book.active[f"{c}{r}"] = v
    buf = io.BytesIO()
    book.save(buf)
    assert _as_we_read(buf.getvalue()) == _as_openpyxl_reads(buf.getvalue())


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow], database=None)
@given(st.integers(0, 10**6), st.binary(min_size=1, max_size=8))
def test_a_damaged_workbook_is_refused_never_crashes(at, junk):
    raw = bytearray(package('<x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c></x:row>', SHARED, STYLES))
    at %= len(raw)
    raw[at:at + len(junk)] = junk
    try:
        read_xlsx(bytes(raw))
    except XlsxError:
        pass
