"""A realistic binder: made by ``binder init`` for an example enterprise, then filled the way a
compliance team fills one (small PDFs and spreadsheets with plausible names and dates)."""

from __future__ import annotations

import datetime as dt
import functools
import io
from pathlib import Path

from aeo_check.answers.read import load_answers
from aeo_check.binder.dates import months_before
from aeo_check.binder.init import init
from aeo_check.scoring.engine import score
from aeo_check.views import binder as views

ROOT = Path(__file__).resolve().parents[1]
ON = dt.date(2026, 12, 7)  # the day the tests check the binder


def result_of(cat, example: str):
    return score(cat, load_answers(ROOT / "examples" / example, cat))


def make(cat, result, root: Path):
    lang = result.language
    return init(cat, result, root, functools.partial(views.readme, cat, lang=lang), views.index_comment(lang))


def small_pdf(title: str) -> bytes:
    """A one-page PDF whose page says ``title`` (ASCII), with a correct cross-reference table."""
    text = title.encode("ascii", "replace").replace(b"(", b"[").replace(b")", b"]")
    stream = b"BT /F1 12 Tf 72 720 Td (" + text + b") Tj ET"
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> "
            b"/Contents 4 0 R >>",
            b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for n, body in enumerate(objs, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % n + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1))
    for off in offsets:
        out.write(b"%010d 00000 n \n" % off)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref))
    return out.getvalue()


def sheet(rows: list[list[object]]) -> bytes:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    for row in rows:
        ws.append(row)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _short(folder: str) -> str:
    """The document's name as people shorten it for a file: its folder's name after the number,
    up to the first bracket or comma."""
    name = folder.rsplit("/", 1)[-1].split("-", 1)[1]
    for stop in "（(，,、":
        name = name.split(stop, 1)[0]
    return name[:18]


def fill(cat, root: Path) -> dict[str, Path]:
    """Put plausible files into every document folder of the binder's index; returns each
    document's file by its name. Records cover exactly the months their item asks for, up to the
    month before the check; procedures are dated a month before the first record."""
    from aeo_check.binder.index import read_index

    binder = read_index(root, {i.id for i in cat.items})
    made = {}
    for e in binder.index.documents:
        kind, months = cat.evidence_kinds.get(e.doc, ("other", None))
        short = _short(e.folder)
        if kind == "records":
            start = months_before(ON, months).replace(day=1)
            last = (ON.replace(day=1) - dt.timedelta(days=1))
            name = f"{short} {start:%Y-%m}_{last:%Y-%m}.xlsx"
            data = sheet([["日期", "事项", "经办人"], [start.isoformat(), short, "王敏"], [last.isoformat(), short, "李强"]])
        elif kind == "procedure":
            name = f"{short} {months_before(ON, 40).replace(day=1):%Y-%m-%d}.pdf"
            data = small_pdf(f"Procedure {len(made) + 1}")
        else:
            name = f"{short}.pdf"
            data = small_pdf(f"Document {len(made) + 1}")
        path = root / e.folder / name
        path.write_bytes(data)
        made[e.doc] = path
    return made
