"""``report`` checks the fonts before it renders: one line and exit 3 when no font can show the
report, never a crash on a machine with no fonts, and an English report with a Latin-only font."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DEJAVU = Path("/usr/share/fonts/truetype/dejavu")
HEAD = '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n'

pytestmark = pytest.mark.skipif(shutil.which("fc-list") is None, reason="fontconfig's tools are needed")


def _report(tmp_path: Path, conf: str, *args: str) -> subprocess.CompletedProcess:
    cfg = tmp_path / "fonts.conf"
    cfg.write_text(HEAD + f"<fontconfig>{conf}<cachedir>{tmp_path / 'cache'}</cachedir></fontconfig>\n")
    env = {**os.environ, "FONTCONFIG_FILE": str(cfg)}
    return subprocess.run([sys.executable, "-m", "aeo_check", "report", *args], capture_output=True, text=True,
                          env=env, stdin=subprocess.DEVNULL, timeout=300)


def test_no_font_at_all_refuses_in_one_line_instead_of_crashing(tmp_path):
    r = _report(tmp_path, "", str(ROOT / "examples" / "certified-trading.yaml"), "-o", str(tmp_path / "p.pdf"))
    assert r.returncode == 3
    assert r.stderr.count("\n") == 1 and "No font is installed" in r.stderr and "fonts-noto-cjk" in r.stderr
    assert not (tmp_path / "p.pdf").exists()


@pytest.mark.skipif(not DEJAVU.is_dir(), reason="a Latin-only font (DejaVu) is needed")
def test_latin_only_fonts_refuse_a_chinese_report_and_render_an_english_one(tmp_path):
    fonts = f"<dir>{DEJAVU}</dir>"
    example = str(ROOT / "examples" / "advanced-manufacturer.yaml")  # answered in Chinese
    r = _report(tmp_path, fonts, example, "-o", str(tmp_path / "zh.pdf"))
    assert r.returncode == 3 and r.stderr.count("\n") == 1
    assert "No font covers Chinese text" in r.stderr and "fonts-noto-cjk" in r.stderr
    assert not (tmp_path / "zh.pdf").exists()
    r = _report(tmp_path, fonts, "--lang", "en", example, "-o", str(tmp_path / "en.pdf"))
    assert r.returncode == 0, r.stderr
    assert (tmp_path / "en.pdf").read_bytes().startswith(b"%PDF")
