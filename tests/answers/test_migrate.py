"""Answer files of the 2026-11 release (the five examples as they were on 2026-11-27) keep
working: read as they are, and rewritten in place by ``aeo-check migrate``."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from aeo_check.answers.read import load_answers
from aeo_check.scoring.engine import score

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "2026-11"
# each example's tier as the 2026-11 release scored it
TIER = {"advanced-manufacturer": "advanced", "certified-trading": "certified", "customs-broker": "advanced",
        "discredited": "discredited", "regular-food-importer": "regular"}


def _migrate(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "aeo_check", "--lang", "en", "migrate", *args],
                          capture_output=True, text=True, stdin=subprocess.DEVNULL)


@pytest.mark.parametrize("name", sorted(TIER))
def test_a_2026_11_file_is_read_through_the_renames_with_its_tier(cat, name):
    a = load_answers(FIXTURES / f"{name}.yaml", cat)
    d = score(cat, a).to_dict()
    assert d["tier"] == TIER[name]
    # split questions carry the answer; a derived one follows from the abnormal list
    assert a.answers["cooperation_refused_last"] == a.answers["records_refused_last"]
    assert a.answers["annual_report_missed_last"] == "never"
    assert "solid_waste_fine_12m" not in a.answers
    assert a.removed == ["solid_waste_fine_12m"]


@pytest.mark.parametrize("name", sorted(TIER))
def test_migrate_rewrites_in_place_keeping_comments_and_a_backup(cat, tmp_path, name):
    original = (FIXTURES / f"{name}.yaml").read_text(encoding="utf-8")
    f = tmp_path / f"{name}.yaml"
    f.write_text(original, encoding="utf-8")
    r = _migrate(str(f))
    assert r.returncode == 0, r.stderr
    assert "no longer asked (answers commented out): solid_waste_fine_12m" in r.stderr
    assert (tmp_path / f"{name}.yaml.bak").read_text(encoding="utf-8") == original
    text = f.read_text(encoding="utf-8")
    assert "questionnaire_version: 2" in text.split("answers:")[0]
    old_comments = [ln for ln in original.split("\n") if ln.lstrip().startswith("#")]
    new_lines = text.split("\n")
    assert all(c in new_lines for c in old_comments)
    assert "  # solid_waste_fine_12m: 0  # no longer asked (questionnaire 2)" in new_lines
    a = load_answers(f, cat)
    assert score(cat, a).to_dict()["tier"] == TIER[name] and a.removed == []
    again = _migrate(str(f))
    assert again.returncode == 0 and "already questionnaire 2, unchanged" in again.stderr


def test_migrate_without_backup_leaves_none(tmp_path):
    f = tmp_path / "a.yaml"
    f.write_text((FIXTURES / "customs-broker.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    assert _migrate("--no-backup", str(f)).returncode == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.yaml"]


@pytest.mark.parametrize("name", ["certified-trading", "customs-broker"])  # made in Chinese and in English
def test_a_2026_11_workbook_is_read_through_the_same_renames_with_its_tier(cat, name):
    book, yaml_file = load_answers(FIXTURES / f"{name}.xlsx", cat), load_answers(FIXTURES / f"{name}.yaml", cat)
    assert score(cat, book).to_dict()["tier"] == TIER[name]
    assert book.answers == yaml_file.answers and book.removed == ["solid_waste_fine_12m"]


def test_a_workbook_made_now_records_its_questionnaire_and_is_read_without_renames(cat, tmp_path):
    from aeo_check.answers.migrate import current_version
    from aeo_check.answers.read import read_answers

    f = tmp_path / "now.xlsx"
    made = subprocess.run([sys.executable, "-m", "aeo_check", "template", "--format", "xlsx", "--from",
                           str(FIXTURES / "customs-broker.yaml"), "-o", str(f)],
                          capture_output=True, text=True, stdin=subprocess.DEVNULL)
    assert made.returncode == 0, made.stderr
    assert read_answers(f, cat).data["questionnaire_version"] == current_version()
    a = load_answers(f, cat)
    assert a.removed == [] and score(cat, a).to_dict()["tier"] == TIER["customs-broker"]
