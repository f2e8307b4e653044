"""One line per scored file: the table view of ``score`` over many files.

Plain string formatting (no rich), so a thousand files cost what the scoring costs. Columns:
the file, the Advanced and Certified standards' scores with a pass mark, the likely tier and the
enterprise's name. Untrusted text (file names, enterprise names) has its control characters
replaced, so it cannot move the cursor or retitle the terminal.
"""

from __future__ import annotations

import unicodedata
from typing import Any

from aeo_check.files.safetext import inert
from aeo_check.words.i18n import t

#: SGR codes per tier and mark (basic ANSI colours: readable on light and dark terminals)
_TIER_SGR = {"advanced": "1;32", "certified": "1;36", "regular": "1", "discredited": "1;31",
             "seriously_discredited": "1;97;41"}
_PASS, _FAIL = "32", "31"
FILE_WIDTH_MAX = 48
_SCORE_W = 11


def width(s: str) -> int:
    """Terminal cells taken by ``s`` (East Asian wide and full-width characters take two)."""
    if s.isascii():
        return len(s)
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in s)


def _pad(s: str, cells: int) -> str:
    return s + " " * max(0, cells - width(s))


def _sgr(s: str, code: str, color: bool) -> str:
    return f"\x1b[{code}m{s}\x1b[0m" if color else s


def _tier_label(cat: Any, tier: str, lang: str) -> str:
    return cat.label("tiers", tier).get(lang)


def header(lang: str, color: Any, file_width: int) -> str:
    cols = (_pad(t("file", lang), file_width) + "  " + _pad(t("advanced_short", lang), _SCORE_W)
            + _pad(t("certified_short", lang), _SCORE_W) + t("likely_tier", lang) + " · " + t("enterprise", lang))
    return _sgr(cols, "1", bool(color)) + "\n"


def score_line(cat: Any, res: Any, file: str, lang: str, color: Any, file_width: int) -> str:
    """``file  101 ✓    96 ✓    Certified Enterprise · Name`` (styled when ``color``)."""
    on = bool(color)
    cells = []
    for sid in ("advanced", "certified"):
        sr = res.standards[sid]
        mark = _sgr("✓", _PASS, on) if sr.passed else _sgr("✗", _FAIL, on)
        cells.append(f"{sr.score:>3} " + mark + " " * (_SCORE_W - 5))
    label = _sgr(_tier_label(cat, res.tier, lang), _TIER_SGR[res.tier], on)
    if res.provisional:
        label += ("" if lang == "zh" else " ") + t("provisional_short", lang)
    return (_pad(inert(file), file_width) + "  " + "".join(cells) + label + " · "
            + inert(str(res.enterprise.get("name", ""))) + "\n")


def summary(cat: Any, counts: dict[str, int], n_files: int, lang: str) -> str:
    """``5 files: Advanced Certified Enterprise 2, …; 1 invalid``."""
    order = ("advanced", "certified", "regular", "discredited", "seriously_discredited")
    parts = [f"{_tier_label(cat, k, lang)} {counts[k]}" for k in order if counts.get(k)]
    invalid = n_files - sum(counts.values())
    if invalid:
        parts.append(t("n_invalid", lang, n=invalid))
    text = t("n_files", lang, n=n_files) + t("punct.colon", lang) + t("punct.comma", lang).join(parts)
    return text + "\n"


def file_width(paths: Any) -> int:
    return min(FILE_WIDTH_MAX, max((width(inert(p)) for p in paths), default=4))
