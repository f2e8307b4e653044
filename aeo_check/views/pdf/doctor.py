"""``aeo-check doctor``: will PDF rendering work on this machine, and with Chinese glyphs?"""

from __future__ import annotations

import ctypes.util
import logging
import shutil
import subprocess

from rich.console import Console

from aeo_check.words.i18n import en_zh

FONT_HINT = "apt-get install -y --no-install-recommends fonts-noto-cjk"
LIB_HINT = "apt-get install -y --no-install-recommends libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0"


class _Capture(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def chinese_fonts() -> list[str]:
    if shutil.which("fc-list") is None:
        return []
    try:
        out = subprocess.run(["fc-list", ":lang=zh", "family"], capture_output=True, text=True, timeout=10).stdout
    except (OSError, subprocess.SubprocessError):
        return []
    return sorted({f.split(",")[0].strip() for f in out.splitlines() if f.strip()})


def any_fonts() -> bool:
    """Whether fontconfig knows any font at all (Pango crashes rendering text when it knows none)."""
    if shutil.which("fc-list") is None:
        return True  # cannot tell; let the render check speak
    try:
        out = subprocess.run(["fc-list", ":", "family"], capture_output=True, text=True, timeout=10).stdout
    except (OSError, subprocess.SubprocessError):
        return True
    return bool(out.strip())


def tofu_check() -> tuple[bool, list[str]]:
    """Render a few hanzi; True when no '.notdef glyph' warning was logged."""
    import weasyprint

    cap = _Capture()
    logger = logging.getLogger("weasyprint")
    logger.addHandler(cap)
    try:
        # a sample of Chinese text to render, not words shown to anyone
        weasyprint.HTML(string='<html lang="zh-CN"><body style="font-family: \'Noto Sans CJK SC\', '
                               '\'WenQuanYi Micro Hei\', sans-serif">高级认证企业 认证</body></html>').write_pdf()
    finally:
        logger.removeHandler(cap)
    bad = [m for m in cap.messages if ".notdef" in m]
    return not bad, bad


def run_doctor(console: Console) -> int:
    ok = True

    def line(good: bool, what: str, hint: str = "") -> None:
        nonlocal ok
        ok = ok and good
        mark = "[green]✓[/]" if good else "[red]✗[/]"
        console.print(f"{mark} {what}" + (f"\n    → {hint}" if hint and not good else ""))

    from aeo_check.catalogue.cache import get_catalogue
    from aeo_check.files.sourcefile import DataFileError

    try:
        cat = get_catalogue()
        line(True, en_zh("doctor.catalogue_ok", version=cat.version, items=len(cat.items), questions=len(cat.questions)))
    except DataFileError as exc:
        line(False, en_zh("doctor.catalogue_bad", n=len(exc.problems)), str(exc.problems[0]))
    try:
        import weasyprint

        line(True, en_zh("doctor.pdf_ok", weasyprint=weasyprint.__version__,
                         pango=weasyprint.text.ffi.pango.pango_version()))
    except OSError as exc:
        line(False, f"{en_zh('doctor.no_libraries')}: {exc}", LIB_HINT)
        return 1
    line(ctypes.util.find_library("harfbuzz-subset") is not None,
         en_zh("doctor.subsetting"),
         "apt-get install -y --no-install-recommends libharfbuzz-subset0")
    fonts = chinese_fonts()
    line(bool(fonts), en_zh("doctor.chinese_font") + ": " + (", ".join(fonts[:4]) if fonts else en_zh("doctor.none_found")),
         FONT_HINT)
    if not any_fonts():
        line(False, en_zh("doctor.no_fonts"), FONT_HINT)
        return 1
    good, bad = tofu_check()
    line(good, en_zh("doctor.no_tofu") + (f": {bad[0]}" if bad else ""), FONT_HINT)
    return 0 if ok else 1
