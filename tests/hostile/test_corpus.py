"""Hostile files: each attack class exits with its documented code, within a time and memory limit.

One case per attack class. Small files sit beside this module; large or binary ones (workbooks,
a brand file with a long list, a forged result) are made at test time. Every case runs the
installed command in a subprocess whose CPU time and address space are capped with ``resource``
(a runaway case is killed, not waited for), and the test then holds it to the README's promise:
10 seconds of processor time and 300 MB of peak memory, the documented exit code, one line per
problem on stderr naming the file, and no traceback.
"""

from __future__ import annotations

import json
import os
import struct
import subprocess
import sys
import threading
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

import pytest
from zips import zip_bytes

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
EXE = str(Path(sys.executable).parent / "aeo-check")
GOOD = ROOT / "examples" / "customs-broker.yaml"
ENV = {"PATH": "/usr/bin:/bin", "COLUMNS": "120", "LANG": "C.UTF-8", "AEO_CHECK_NO_CACHE": "1"}
SECONDS = 10
PEAK_MB = 300


class Ran(NamedTuple):
    code: int
    out: str
    err: str
    seconds: float  # processor time (user and system): a busy machine does not stretch it
    peak_mb: float


#: runs ``aeo-check`` under the limits and reports its exit code, processor time and peak memory on
#: the file descriptor given first. The case is started from this small process, not from pytest:
#: a child's peak memory counts the pages it shares with its parent when it starts, and pytest by
#: the end of a full run holds some 300 MB.
LAUNCH = """
import json, os, resource, sys
resource.setrlimit(resource.RLIMIT_CPU, ({cpu}, {cpu}))
resource.setrlimit(resource.RLIMIT_AS, ({mem}, {mem}))  # a bomb is stopped, not the machine
pid = os.fork()
if pid == 0:
    os.execv(sys.argv[2], sys.argv[2:])
_, status, usage = os.wait4(pid, 0)
with os.fdopen(int(sys.argv[1]), "w") as report:
    json.dump([os.waitstatus_to_exitcode(status), usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024], report)
""".format(cpu=SECONDS * 2, mem=2 * 2**30)


def run_limited(args: list[str], cwd: Path, **popen: object) -> Ran:
    """``aeo-check ARGS`` under CPU and memory limits; its own peak memory from ``wait4``."""
    read_end, write_end = os.pipe()
    p = subprocess.Popen([sys.executable, "-c", LAUNCH, str(write_end), EXE, *args], cwd=cwd, env=ENV,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL,
                         pass_fds=(write_end,), start_new_session=True, **popen)
    os.close(write_end)
    got: dict[str, bytes] = {}
    streams = {"out": p.stdout, "err": p.stderr, "usage": os.fdopen(read_end, "rb")}
    readers = [threading.Thread(target=lambda k=k, s=s: got.__setitem__(k, s.read())) for k, s in streams.items()]
    for r in readers:
        r.start()
    killer = threading.Timer(SECONDS * 6, os.killpg, (p.pid, 9))  # wall time: a hang waiting on something
    killer.start()
    try:
        p.wait()
        for r in readers:
            r.join()
    finally:
        killer.cancel()
        for stream in streams.values():
            stream.close()
    code, seconds, peak_mb = json.loads(got["usage"] or b"[-9, 0, 0]")
    return Ran(code, got.get("out", b"").decode(errors="replace"), got.get("err", b"").decode(errors="replace"),
               seconds, peak_mb)


# --------------------------------------------------------------------------- workbooks made at test time

def _minimal_book(sheet: bytes) -> dict[str, bytes]:
    ns = b'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
    rel = b'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
    return {
        "[Content_Types].xml": b'<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
                               b'content-types"><Override PartName="/xl/workbook.xml" ContentType="application/'
                               b'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>',
        "_rels/.rels": b'<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
                       b'relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
                       b'officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": b"<workbook " + ns + b" " + rel + b'><sheets><sheet name="S" sheetId="1" r:id="rId1"/>'
                           b"</sheets></workbook>",
        "xl/_rels/workbook.xml.rels": b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
                                      b'relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.'
                                      b'org/officeDocument/2006/relationships/worksheet" Target="worksheets/'
                                      b'sheet1.xml"/></Relationships>',
        "xl/worksheets/sheet1.xml": sheet,
    }


def _write(tmp: Path, name: str, data: bytes) -> Path:
    f = tmp / name
    f.write_bytes(data)
    return f


def quadratic_refs(tmp: Path) -> list[str]:
    """Cell heads that never close: the old pattern reader's quadratic case (1.6 KB on disk)."""
    sheet = b'<worksheet><sheetData><row r="1">' + b'<c r="D1" s="1"' * 60_000 + b"</row></sheetData></worksheet>"
    return ["validate", str(_write(tmp, "quadratic.xlsx", zip_bytes(_minimal_book(sheet))))]


def bzip2_entry(tmp: Path) -> list[str]:
    """A sheet compressed with bzip2 (spreadsheet programs write stored or deflate only)."""
    return ["validate", str(_write(tmp, "bzip2.xlsx", zip_bytes(_minimal_book(b"<worksheet/>"), zipfile.ZIP_BZIP2)))]


def lying_deflate(tmp: Path) -> list[str]:
    """A deflate sheet that claims 1 KB and inflates to 64 MB (64 KB on disk)."""
    comp = zlib.compressobj(9, zlib.DEFLATED, -15)
    packed = b"".join(comp.compress(b"\0" * 2**20) for _ in range(64)) + comp.flush()
    crc = 0
    for _ in range(64):
        crc = zlib.crc32(b"\0" * 2**20, crc)
    entries = [(n, 0, d, len(d), zlib.crc32(d)) for n, d in _minimal_book(b"").items()
               if n != "xl/worksheets/sheet1.xml"]
    entries.append(("xl/worksheets/sheet1.xml", 8, packed, 1024, crc))
    return ["validate", str(_write(tmp, "bomb.xlsx", _raw_zip(entries)))]


def _raw_zip(entries: list[tuple[str, int, bytes, int, int]]) -> bytes:
    """A zip written by hand: (name, method, data as stored, the size it claims, crc) per entry,
    the claimed size in both the local header and the central directory."""
    body, central = bytearray(), bytearray()
    for name, method, data, claimed, crc in entries:
        fields = (20, 0, method, 0, 0, crc, len(data), claimed, len(name.encode()), 0)
        central += struct.pack("<IH", 0x02014B50, 20) + struct.pack("<HHHHHIIIHH", *fields) + \
            struct.pack("<HHHII", 0, 0, 0, 0, len(body)) + name.encode()
        body += struct.pack("<I", 0x04034B50) + struct.pack("<HHHHHIIIHH", *fields) + name.encode() + data
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(entries), len(entries), len(central), len(body), 0)
    return bytes(body + central + end)


def deflate_bomb(tmp: Path) -> list[str]:
    """A sheet that honestly inflates to 40 MB (40 KB on disk)."""
    book = _minimal_book(b"<worksheet>" + b" " * 40 * 2**20 + b"</worksheet>")
    return ["validate", str(_write(tmp, "big.xlsx", zip_bytes(book)))]


def many_entries(tmp: Path) -> list[str]:
    book = _minimal_book(b"<worksheet/>")
    book.update({f"xl/media/pad{i}.bin": b"" for i in range(5000)})
    return ["validate", str(_write(tmp, "crowded.xlsx", zip_bytes(book, zipfile.ZIP_STORED)))]


def entity_bomb(tmp: Path) -> list[str]:
    lol = b'<!DOCTYPE w [<!ENTITY a "aaaaaaaaaa">' + b"".join(
        b'<!ENTITY %c "%s">' % (98 + i, b"&%c;" % (97 + i) * 10) for i in range(8)) + b"]>"
    sheet = lol + b'<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&i;</t></is></c></row>' \
                  b"</sheetData></worksheet>"
    return ["validate", str(_write(tmp, "entities.xlsx", zip_bytes(_minimal_book(sheet))))]


def not_a_zip(tmp: Path) -> list[str]:
    return ["validate", str(_write(tmp, "fake.xlsx", b"PK\x03\x04" + b"\xff" * 400))]


def directory_before_the_file(tmp: Path) -> list[str]:
    """The end record says the central directory starts 2 GB in: every entry then lies before the
    start of the file."""
    raw = bytearray(zip_bytes(_minimal_book(b"<worksheet/>")))
    end = bytes(raw).rindex(b"PK\x05\x06")
    raw[end + 16:end + 20] = (0x8005A3E7).to_bytes(4, "little")
    return ["validate", str(_write(tmp, "offsets.xlsx", bytes(raw)))]


# --------------------------------------------------------------------------- brand files, results, outputs

def report_with_brand(name: str) -> Callable[[Path], list[str]]:
    def build(tmp: Path) -> list[str]:
        return ["report", str(GOOD), "--html", "--brand", str(HERE / name), "-o", str(tmp / "plan.html")]
    return build


def long_extra_costs(tmp: Path) -> list[str]:
    costs = "".join(f"  - {{label: item {i}, amount: 1}}\n" for i in range(40_000))
    brand = _write(tmp, "brand.yaml", f"name: Consult\nextra_costs:\n{costs}".encode())
    return ["report", str(GOOD), "--html", "--brand", str(brand), "-o", str(tmp / "plan.html")]


def huge_logo(tmp: Path) -> list[str]:
    """A 120-byte PNG that claims 60,000 × 60,000 pixels."""
    ihdr = struct.pack(">IIBBBBB", 60_000, 60_000, 8, 2, 0, 0, 0)
    chunk = struct.pack(">I", len(ihdr)) + b"IHDR" + ihdr + struct.pack(">I", zlib.crc32(b"IHDR" + ihdr))
    (tmp / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + chunk + b"\0\0\0\0IEND\xaeB`\x82")
    brand = _write(tmp, "brand.yaml", b"name: Consult\nlogo: logo.png\n")
    return ["report", str(GOOD), "--html", "--brand", str(brand), "-o", str(tmp / "plan.html")]


def _forged(tmp: Path) -> Path:
    res = subprocess.run([EXE, "score", "--format", "json", str(GOOD)], capture_output=True, env=ENV, check=True)
    doc = json.loads(res.stdout)
    doc[0]["floor_tier"] = "platinum"
    return _write(tmp, "forged.json", json.dumps(doc).encode())


def forged_diff(tmp: Path) -> list[str]:
    return ["diff", str(_forged(tmp)), str(GOOD)]


def forged_blockers(tmp: Path) -> list[str]:
    return ["score", str(GOOD), "--fail-on-new-blockers", str(_forged(tmp))]


def compare_is_output(tmp: Path) -> list[str]:
    old = _write(tmp, "old.yaml", GOOD.read_bytes())
    return ["report", str(GOOD), "--html", "--compare", str(old), "-o", str(old)]


def import_over_yaml(tmp: Path) -> list[str]:
    book = subprocess.run([EXE, "template", "--format", "xlsx", "-o", str(tmp / "q.xlsx")], env=ENV,
                          capture_output=True)
    assert book.returncode == 0, book.stderr
    _write(tmp, "mine.yaml", b"# my own notes, not an answer file\n")
    return ["import", str(GOOD), "-o", str(tmp / "mine.yaml")]


def workbook_bidi(tmp: Path) -> list[str]:
    """A filled questionnaire whose company name holds a right-to-left override."""
    import openpyxl

    book = tmp / "client.xlsx"
    made = subprocess.run([EXE, "template", "--format", "xlsx", "--from", str(GOOD), "-o", str(book)], env=ENV,
                          capture_output=True)
    assert made.returncode == 0, made.stderr
    wb = openpyxl.load_workbook(book)
    ws = wb.worksheets[0]
    row = next(r for r in range(1, 40) if ws[f"A{r}"].value == "enterprise.name")
    ws[f"D{row}"] = "Acme \u202egnidarT"
    wb.save(book)
    return ["validate", str(book)]


def json_bidi(tmp: Path) -> list[str]:
    """An answer file written as JSON whose company name holds a right-to-left override."""
    import yaml

    data = yaml.safe_load(GOOD.read_text(encoding="utf-8"))
    data["assessed_on"] = str(data["assessed_on"])
    data["enterprise"]["name"] = "Acme \u202egnidarT"
    return ["validate", str(_write(tmp, "client.json", json.dumps(data, indent=1).encode()))]


def _result(tmp: Path, change: Callable[[dict], None]) -> Path:
    res = subprocess.run([EXE, "score", "--format", "json", str(GOOD)], capture_output=True, env=ENV, check=True)
    doc = json.loads(res.stdout)
    change(doc[0])
    return _write(tmp, "result.json", json.dumps(doc).encode())


def result_separator(tmp: Path) -> list[str]:
    return ["diff", str(_result(tmp, lambda d: d["enterprise"].update(name="Acme\u2028Trading"))), str(GOOD)]


def forged_report(tmp: Path) -> list[str]:
    return ["report", str(_result(tmp, lambda d: d.update(floor_tier="platinum"))), "--html", "-o",
            str(tmp / "plan.html")]


def result_to_portfolio(tmp: Path) -> list[str]:
    return ["portfolio", str(_result(tmp, lambda d: d.update(floor_tier="platinum")))]


def colliding_batch(tmp: Path) -> list[str]:
    """Three clients, two files called acme.yaml and one acme-2.yaml, rendered into one folder."""
    (tmp / "a").mkdir()
    (tmp / "b").mkdir()
    files = [tmp / "a" / "acme.yaml", tmp / "b" / "acme.yaml", tmp / "acme-2.yaml"]
    for f, example in zip(files, ("customs-broker", "certified-trading", "discredited"), strict=True):
        f.write_bytes((ROOT / "examples" / f"{example}.yaml").read_bytes())
    return ["report", *map(str, files), "--html", "-j", "1", "-o", f"{tmp}/plans/"]


def many_jobs(tmp: Path) -> list[str]:
    return ["score", "-j", "100000", *[str(p) for p in sorted((ROOT / "examples").glob("*.yaml"))]]


class Case(NamedTuple):
    name: str
    build: Callable[[Path], list[str]]
    code: int
    says: str  # on stderr ("" : nothing at all)


CASES = [
    Case("xlsx: unclosed cell heads (quadratic for a pattern reader)", quadratic_refs, 2, "quadratic.xlsx"),
    Case("xlsx: a bzip2 entry", bzip2_entry, 2, "only stored and deflate entries are read"),
    Case("xlsx: deflate entry lying about its size", lying_deflate, 2, "is damaged"),
    Case("xlsx: deflate bomb", deflate_bomb, 2, "unpacks to 41,943,063 bytes; the limit is 8,388,608"),
    Case("xlsx: 5,000 entries", many_entries, 2, "entries; the limit is 200"),
    Case("xlsx: entity expansion (DTD)", entity_bomb, 2, "declares a DTD"),
    Case("xlsx: not a zip", not_a_zip, 2, "not a readable .xlsx workbook"),
    Case("xlsx: a zip directory whose entries lie before the file", directory_before_the_file, 2, "is damaged"),
    Case("yaml: escape sequences in a key", lambda t: ["validate", str(HERE / "escape-key.yaml")], 2,
         "escape-key.yaml:6: "),
    Case("yaml: U+2028 in a comment hides a key", lambda t: ["validate", str(HERE / "separator-comment.yaml")], 2,
         "separator-comment.yaml:6: "),
    Case("yaml: bidi override in a name", lambda t: ["validate", str(HERE / "bidi-name.yaml")], 2,
         "bidi-name.yaml:5: "),
    Case("brand: SVG logo", report_with_brand("brand-svg.yaml"), 2, "PNG or JPEG"),
    Case("brand: infinite day rate", report_with_brand("brand-inf.yaml"), 2, "brand-inf.yaml:2: day_rate"),
    Case("brand: escape in the name", report_with_brand("brand-control.yaml"), 2, "brand-control.yaml:1: name"),
    Case("brand: logo outside the brand file's folder", report_with_brand("brand-outside.yaml"), 2,
         "outside the brand file's folder"),
    Case("brand: CSS in a colour", report_with_brand("brand-colour.yaml"), 2, "brand-colour.yaml:2: primary"),
    Case("brand: 40,000 extra costs", long_extra_costs, 2, "extra_costs"),
    Case("brand: logo of 3.6 billion pixels", huge_logo, 2, "pixels"),
    Case("result: forged floor_tier, diff", forged_diff, 2, "floor_tier"),
    Case("result: forged floor_tier, --fail-on-new-blockers", forged_blockers, 2, "floor_tier"),
    Case("output: --compare file given as -o", compare_is_output, 2, "it is an input of this command"),
    Case("output: import over an existing file", import_over_yaml, 2, "--force"),
    Case("jobs: -j 100000", many_jobs, 0, ""),
    Case("xlsx: bidi override in a cell", workbook_bidi, 2, "enterprise.name: must not contain control characters"),
    Case("json: bidi override in a name", json_bidi, 2, "enterprise.name: holds U+202E"),
    Case("result: U+2028 in a name", result_separator, 2, "result.json:1: [0].enterprise.name: holds U+2028"),
    Case("result: forged floor_tier, report", forged_report, 2, "result.json:1: [0].floor_tier"),
    Case("result: given to portfolio", result_to_portfolio, 2, "result.json: not an aeo-check answer file"),
    Case("output: three clients, two of one name", colliding_batch, 0, "(another file has the same name)"),
]


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_each_attack_class_exits_with_its_code_within_the_limits(case, tmp_path):
    ran = run_limited(case.build(tmp_path), tmp_path)
    assert ran.code == case.code, ran.err
    assert (case.says in ran.err) if case.says else (ran.err == ""), ran.err
    assert "Traceback" not in ran.err
    assert ran.seconds < SECONDS and ran.peak_mb < PEAK_MB, (ran.seconds, ran.peak_mb)
