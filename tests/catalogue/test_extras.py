"""sources.yaml and benefits.yaml read together: every problem between them and the catalogue is
named at once, with its file, line and field."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from aeo_check.catalogue.extras import load_extras
from aeo_check.files.sourcefile import DataFileError

ROOT = Path(__file__).resolve().parents[2]


def _broken_benefits(tmp_path: Path) -> Path:
    """The packaged files, with benefits.yaml citing an unknown source, an implemented market naming
    no tier, and one market of the catalogue's question left out."""
    folder = tmp_path / "questionnaires"
    folder.mkdir()
    shutil.copy(ROOT / "questionnaires" / "sources.yaml", folder / "sources.yaml")
    text = (ROOT / "questionnaires" / "benefits.yaml").read_text(encoding="utf-8")
    text = text.replace("  source: [XH]\n", "  source: [XH, NOPE]\n", 1)
    text = text.replace("switzerland: {status: implemented, tiers: [advanced],", "switzerland: {status: implemented, tiers: [],")
    lines = [line for line in text.splitlines(keepends=True) if not line.startswith("  uruguay:")]
    (folder / "benefits.yaml").write_text("".join(lines), encoding="utf-8")
    return folder / "benefits.yaml"


def test_every_problem_of_the_benefits_is_named_with_its_line_and_field(cat, tmp_path):
    benefits = _broken_benefits(tmp_path)
    with pytest.raises(DataFileError) as exc:
        load_extras(cat, tmp_path)
    lines = benefits.read_text(encoding="utf-8").splitlines()
    got = [(p.field, p.message) for p in exc.value.problems]
    assert got == [
        ("inspection_rate.source", "source 'NOPE' is not in sources.yaml"),
        ("markets.switzerland", "an implemented arrangement names the tiers it recognises"),
        ("markets", "market 'uruguay' (a choice of main_export_markets) has no entry"),
    ]
    first = exc.value.problems[0]
    assert first.file == str(benefits) and lines[first.line - 1] == "  source: [XH, NOPE]"


def test_the_packaged_files_have_no_problem(cat):
    extras = load_extras(cat)
    assert "XH" in extras.sources and "uruguay" in extras.benefits.markets
