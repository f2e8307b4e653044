"""The improvement plan, read back from the PDF as a reader would, and its safety."""

from __future__ import annotations

import io
import logging
import re
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from aeo_check.catalogue import get_catalogue
from aeo_check.document.resultfile import read_one
from aeo_check.views.pdf.report import render_html, render_pdf

ROOT = Path(__file__).resolve().parents[3]
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))
EXE = str(Path(sys.executable).parent / "aeo-check")
TIER_WORDS = {"advanced": ("高级认证企业", "Advanced"), "certified": ("认证企业", "Certified"),
              "regular": ("常规企业", "Regular"), "discredited": ("失信企业", "Discredited")}


class _Records(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


@pytest.fixture(scope="module")
def rendered():
    """Every example in both languages, rendered once, with WeasyPrint's log captured."""
    cat = get_catalogue()
    log = logging.getLogger("weasyprint")
    handler = _Records()
    log.addHandler(handler)
    out = {}
    try:
        for path in EXAMPLES:
            R = read_one(cat, path).data
            for lang in ("zh", "en"):
                pdf, fetcher = render_pdf(cat, R, lang)
                reader = PdfReader(io.BytesIO(pdf))
                text = "\n".join(page.extract_text() for page in reader.pages)
                out[(path.stem, lang)] = {"R": R, "pdf": pdf, "reader": reader, "text": text,
                                          "blocked": list(fetcher.blocked)}
    finally:
        log.removeHandler(handler)
    return out, handler.messages


def _flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("name", [p.stem for p in EXAMPLES])
def test_pdf_shows_tier_score_and_every_gap(rendered, name, lang):
    docs, _ = rendered
    doc = docs[(name, lang)]
    R, text = doc["R"], doc["text"]
    flat = _flat(text)
    zh, en = TIER_WORDS[R["tier"]]
    assert (zh if lang == "zh" else en) in text
    for std in ("advanced", "certified"):
        s = R["standards"][std]
        assert f"{s['score']}/{s['threshold']}" in flat or f"{s['score']} / {s['threshold']}" in text
        for gap in s["gaps"]:
            assert gap["id"] in flat, (name, lang, gap["id"])
    assert R["enterprise"]["name"].replace(" ", "") in flat
    if lang == "zh" or re.search(r"[\u4e00-\u9fff]", R["enterprise"]["name"]):  # an English plan has no Chinese of its own
        assert re.search(r"[\u4e00-\u9fff]", text)  # Chinese is real text, not boxes
    if lang == "en":
        assert "self-assessment" in text
    else:
        assert "自评" in text
    pages = len(doc["reader"].pages)
    assert 6 <= pages <= 40
    assert len(doc["pdf"]) < 2 * 1024 * 1024
    assert doc["blocked"] == []  # a normal report needs nothing the fetcher refuses


def test_blockers_show_person_days_and_a_wait_never_as_effort(rendered):
    """A look-back item only time clears shows "Wait", not its 730-day window, in the blockers
    table and in its gap card; a workable blocker shows its person-days."""
    out, _ = rendered
    lines = out[("discredited", "en")]["text"].splitlines()
    assert "item 22 Fail item 20 Fail Duty and fines paid on time Finance Wait" in lines
    assert any(line.endswith("Owner: Finance · Effort: Wait") for line in (x.strip() for x in lines))
    assert "730" not in out[("discredited", "en")]["text"]
    zh = out[("regular-food-importer", "zh")]["text"].splitlines()
    row = next(line for line in zh if "内部审计" in line and "企业管理层" in line and "不达标" in line)
    assert row.split()[-1] == "20"


def test_footer_on_every_page(rendered):
    docs, _ = rendered
    reader = docs[("regular-food-importer", "zh")]["reader"]
    n = len(reader.pages)
    for i, page in enumerate(reader.pages, start=1):
        flat = _flat(page.extract_text())
        assert f"第{i}页，共{n}页" in flat, i
        assert "上海禾鲜食品进出口有限公司" in flat and "2026-11-20" in flat
    reader = docs[("certified-trading", "en")]["reader"]
    last = reader.pages[-1].extract_text()
    assert re.search(rf"Page\s*{len(reader.pages)}\s*of\s*{len(reader.pages)}", last)


def test_no_missing_glyphs_logged(rendered):
    _, messages = rendered
    assert not [m for m in messages if ".notdef" in m or "glyph" in m.lower()]


def test_pdf_embeds_font_subsets_only(rendered):
    docs, _ = rendered
    reader = docs[("regular-food-importer", "zh")]["reader"]
    fonts = set()
    for page in reader.pages:
        res = page.get("/Resources") or {}
        for f in (res.get("/Font") or {}).values():
            fonts.add(str(f.get_object().get("/BaseFont")))
    assert any("CJK" in f for f in fonts)
    assert all(re.match(r"/[A-Z]{6}\+", f) for f in fonts), fonts  # subset prefixes


def test_summary_roadmap_evidence_and_appendix(rendered):
    docs, _ = rendered
    text = docs[("regular-food-importer", "en")]["text"]
    R = docs[("regular-food-importer", "en")]["R"]
    apply_on = R["plan"]["targets"]["certified"]["apply_on"]
    assert "1. Executive summary" in text
    assert "4. The dated plan" in text and f"apply by {apply_on}" in " ".join(text.split())
    assert "5. Evidence checklist" in text
    assert "Assumptions" in text or "assumptions" in text
    # the appendix carries the notes word for word
    assert "Under-valued" not in text  # the example's notes are in Chinese
    assert _flat(R["notes"]["largest_fine_12m"])[:20] in _flat(docs[("regular-food-importer", "zh")]["text"])


def test_same_inputs_same_bytes(monkeypatch):
    cat = get_catalogue()
    R = read_one(cat, ROOT / "examples" / "certified-trading.yaml").data
    one, _ = render_pdf(cat, R, "en")
    two, _ = render_pdf(cat, R, "en")
    assert one == two
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # 2026-01-01
    three, _ = render_pdf(cat, R, "en")
    assert PdfReader(io.BytesIO(three)).metadata["/CreationDate"].startswith("D:20260101")


def test_report_command_writes_pdf_and_self_contained_html(tmp_path):
    env = {"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"}
    pdf = tmp_path / "plan.pdf"
    res = subprocess.run([EXE, "report", str(ROOT / "examples" / "discredited.yaml"), "-o", str(pdf)],
                         capture_output=True, text=True, env=env, stdin=subprocess.DEVNULL)
    assert res.returncode == 0, res.stderr
    assert pdf.read_bytes().startswith(b"%PDF") and "Discredited" in PdfReader(pdf).pages[0].extract_text()
    html = tmp_path / "plan.html"
    res = subprocess.run([EXE, "report", str(ROOT / "examples" / "discredited.yaml"), "--html", "--lang", "zh",
                          "-o", str(html)], capture_output=True, text=True, env=env, stdin=subprocess.DEVNULL)
    assert res.returncode == 0, res.stderr
    page = html.read_text(encoding="utf-8")
    assert 'lang="zh-CN"' in page and "<style" in page and "失信企业" in page
    assert not re.search(r"""(?:src|href)\s*=\s*["'](?!#|data:)""", page)  # nothing external
    assert "<link" not in page


# --------------------------------------------------------------------------- hostile input

HOSTILE = ['<img src="file:///etc/passwd">',
           '<link rel="attachment" href="file:///etc/passwd">',
           '</p><p style="background:url(http://127.0.0.1:9/x)">x']


@pytest.mark.parametrize("name", HOSTILE)
def test_hostile_company_name_is_text(name, tmp_path):
    cat = get_catalogue()
    R = read_one(cat, ROOT / "examples" / "certified-trading.yaml").data
    R = {**R, "enterprise": {**R["enterprise"], "name": name}, "notes": {**R["notes"], "audit_opinion": name}}
    html = render_html(cat, R, "en")
    assert name not in html
    assert "&lt;" in html
    pdf, fetcher = render_pdf(cat, R, "en")
    assert fetcher.blocked == []  # nothing was even attempted
    assert not any("passwd" in s or "127.0.0.1" in s for s in fetcher.served)
    reader = PdfReader(io.BytesIO(pdf))
    root = reader.trailer["/Root"]
    assert "/EmbeddedFiles" not in (root.get("/Names") or {})
    for page in reader.pages:
        for annot in page.get("/Annots") or []:
            assert annot.get_object().get("/Subtype") != "/FileAttachment"
    assert b"root:x:0:0" not in pdf
    assert "<img" in _flat(reader.pages[0].extract_text()) or name[:6] in reader.pages[0].extract_text()


@pytest.mark.parametrize(("brand", "message"), [
    ('name: X\nlogo: /etc/passwd\n', "logo"),
    ('name: X\nlogo: "http://127.0.0.1:9/logo.png"\n', "logo"),
    ('name: X\nprimary: "red;background:url(http://x)"\n', "primary"),
    ('name: X\ncolour: "#ffffff"\n', "colour"),
])
def test_hostile_brand_file_is_refused_with_file_line_field(brand, message, tmp_path):
    f = tmp_path / "brand.yaml"
    f.write_text(brand, encoding="utf-8")
    res = subprocess.run([EXE, "report", str(ROOT / "examples" / "discredited.yaml"), "--brand", str(f),
                          "-o", str(tmp_path / "p.pdf")], capture_output=True, text=True,
                         env={"PATH": "/usr/bin:/bin"}, stdin=subprocess.DEVNULL)
    assert res.returncode == 2
    assert f"{f}:" in res.stderr and message in res.stderr and "Traceback" not in res.stderr
    assert not (tmp_path / "p.pdf").exists()


def test_brand_with_logo_is_used_and_only_that_file_is_read(tmp_path):
    png = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4"
           b"\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00\x00\x00\x00IEND\xaeB`\x82")
    (tmp_path / "logo.png").write_bytes(png)
    (tmp_path / "brand.yaml").write_text('name: 华信关务咨询\nlogo: logo.png\nprimary: "#224466"\n', encoding="utf-8")
    from aeo_check.views.pdf.report import load_brand

    brand = load_brand(tmp_path / "brand.yaml")
    cat = get_catalogue()
    R = read_one(cat, ROOT / "examples" / "certified-trading.yaml").data
    pdf, fetcher = render_pdf(cat, R, "zh", brand)
    assert str((tmp_path / "logo.png").resolve()) in fetcher.served
    assert all(s.startswith(str((ROOT / "report_templates").resolve())) or s.endswith("logo.png")
               for s in fetcher.served)
    assert "华信关务咨询" in PdfReader(io.BytesIO(pdf)).pages[0].extract_text()


# --------------------------------------------------------------------------- doctor


def _fontconfig(tmp_path: Path, font_dir: str) -> dict[str, str]:
    conf = tmp_path / "fonts.conf"
    conf.write_text(f'<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>'
                    f"<dir>{font_dir}</dir><cachedir>{tmp_path}/cache</cachedir></fontconfig>", encoding="utf-8")
    return {"PATH": "/usr/bin:/bin", "FONTCONFIG_FILE": str(conf), "LANG": "C.UTF-8"}


def test_doctor_passes_on_a_set_up_machine():
    res = subprocess.run([EXE, "doctor"], capture_output=True, text=True, stdin=subprocess.DEVNULL,
                         env={"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"})
    assert res.returncode == 0, res.stdout + res.stderr
    assert "Noto Sans CJK" in res.stdout and "✗" not in res.stdout


@pytest.mark.skipif(not Path("/usr/share/fonts/truetype/dejavu").is_dir(), reason="needs fonts-dejavu-core")
def test_doctor_names_the_missing_chinese_font(tmp_path):
    res = subprocess.run([EXE, "doctor"], capture_output=True, text=True, stdin=subprocess.DEVNULL,
                         env=_fontconfig(tmp_path, "/usr/share/fonts/truetype/dejavu"))
    assert res.returncode == 1
    assert "fonts-noto-cjk" in res.stdout and ".notdef" in res.stdout and "Traceback" not in res.stderr


def test_doctor_with_no_fonts_at_all_does_not_crash(tmp_path):
    (tmp_path / "empty").mkdir()
    res = subprocess.run([EXE, "doctor"], capture_output=True, text=True, stdin=subprocess.DEVNULL,
                         env=_fontconfig(tmp_path, str(tmp_path / "empty")))
    assert res.returncode == 1 and "fonts-noto-cjk" in res.stdout


def _plant(entry: Path, marker: Path) -> None:
    """Replace a compiled template with code that leaves ``marker`` behind if it is ever run."""
    import marshal
    import pickle

    from jinja2.bccache import bc_magic

    stream = io.BytesIO(entry.read_bytes())
    assert stream.read(len(bc_magic)) == bc_magic
    checksum = pickle.load(stream)
    code = compile(f"open({str(marker)!r}, 'w').close()", "<planted>", "exec")
    entry.write_bytes(bc_magic + pickle.dumps(checksum, 2) + marshal.dumps(code))


@pytest.mark.parametrize("foreign", ["others may write it", "a link"])
def test_a_compiled_template_planted_in_the_cache_is_never_run(tmp_path, monkeypatch, foreign):
    monkeypatch.setenv("AEO_CHECK_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("AEO_CHECK_NO_CACHE", raising=False)
    cat = get_catalogue()
    R = read_one(cat, ROOT / "examples" / "certified-trading.yaml").data
    first = render_html(cat, R, "en")
    entries = sorted((tmp_path / "cache").glob("jinja-*.cache"))
    assert entries  # the compiled templates were kept
    marker = tmp_path / "ran"
    for entry in entries:
        _plant(entry, marker)
        if foreign == "a link":
            target = tmp_path / entry.name
            entry.rename(target)
            entry.symlink_to(target)
        else:
            entry.chmod(0o664)
    assert render_html(cat, R, "en") == first
    assert not marker.exists()
