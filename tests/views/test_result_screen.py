"""The screen at the end of `assess`: its blockers labelled with their standard's number."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from aeo_check.catalogue import get_catalogue
from aeo_check.document.build import read
from aeo_check.views.result_screen import screen_lines

ROOT = Path(__file__).resolve().parents[2]
CAT = get_catalogue()


@pytest.mark.parametrize("lang, labels", [("zh", ("高级(", "认证(")), ("en", ("Adv. (", "Cert. ("))])
def test_blockers_on_the_result_screen_carry_their_standard(lang, labels):
    doc = read(CAT, ROOT / "examples" / "regular-food-importer.yaml")  # held at regular by blockers
    lines = [line.plain for line in screen_lines(CAT, doc, lang)]
    heading = next(i for i, x in enumerate(lines) if x.startswith("主要阻碍项" if lang == "zh" else "Top blockers"))
    blockers = [x.strip() for x in lines[heading + 1:] if x.startswith("  ") and not x.strip().startswith(("…", "and"))]
    assert blockers and all(x.startswith(labels) for x in blockers if re.search(r"\(\d+\)", x)), blockers
    assert not any(re.match(r"\s*\(\d+\)", x) for x in lines)  # never a bare (13)
