"""A count of the last 12 months against "never", or against a latest date older than that, is
refused by `validate` with file, line and field, as in the questionnaire."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
EXE = str(Path(sys.executable).parent / "aeo-check")


def with_answers(tmp_path: Path, **answers: str) -> Path:
    text = (ROOT / "examples" / "certified-trading.yaml").read_text(encoding="utf-8")
    for qid, value in answers.items():
        text, n = re.subn(rf"(?m)^(  {qid}:).*$", rf"\1 {value}", text, count=1)
        assert n == 1
    path = tmp_path / "answers.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def line_of(path: Path, qid: str) -> int:
    return next(i for i, x in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if x.startswith(f"  {qid}:"))


@pytest.mark.parametrize("answers, field", [
    ({"penalty_count_12m": "1", "latest_penalty_on": "never"}, "latest_penalty_on"),
    ({"penalty_count_12m": "1", "fines_total_12m": "60000", "largest_fine_12m": "60000",
      "largest_fine_on": "never"}, "largest_fine_on"),
    ({"penalty_count_12m": "2", "latest_penalty_on": '"2025-05"'}, "latest_penalty_on"),  # assessed 2026-11-20
    ({"penalty_count_12m": "1", "fines_total_12m": "60000", "largest_fine_12m": "60000",
      "largest_fine_on": '"2024-01"'}, "largest_fine_on"),
], ids=["penalties, never", "fine, never", "penalties, 18 months ago", "fine, 34 months ago"])
def test_validate_names_file_line_and_field_of_a_count_against_an_older_date(tmp_path, answers, field):
    path = with_answers(tmp_path, **answers)
    res = subprocess.run([EXE, "validate", str(path)], capture_output=True, text=True, stdin=subprocess.DEVNULL,
                         env={"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"}, check=False)
    assert res.returncode == 2
    assert f"{path}:{line_of(path, field)}" in res.stdout + res.stderr
    assert f"answers.{field}" in res.stdout + res.stderr and "never" in res.stdout + res.stderr


def test_a_penalty_with_its_month_is_valid(tmp_path):
    path = with_answers(tmp_path, penalty_count_12m="1", latest_penalty_on='"2026-03"')
    res = subprocess.run([EXE, "validate", str(path)], capture_output=True, text=True, stdin=subprocess.DEVNULL)
    assert res.returncode == 0, res.stdout + res.stderr


@pytest.mark.parametrize("narrow, wide", [("obstruction_last", "obstruction_found_last"),
                                          ("solid_waste_large_fine_last", "waste_export_control_penalty_last")])
def test_validate_refuses_a_dated_penalty_whose_wider_kind_never_happened(tmp_path, narrow, wide):
    # a penalty for obstruction follows a finding of it; a solid-waste fine is a solid-waste penalty
    path = with_answers(tmp_path, **{narrow: '"2025-03"', wide: "never"})
    res = subprocess.run([EXE, "validate", str(path)], capture_output=True, text=True, stdin=subprocess.DEVNULL,
                         env={"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"}, check=False)
    assert res.returncode == 2
    assert f"{path}:{line_of(path, narrow)}: answers.{narrow}:" in res.stdout + res.stderr
    path = with_answers(tmp_path, **{narrow: '"2025-03"', wide: '"2025-03"'})
    res = subprocess.run([EXE, "validate", str(path)], capture_output=True, text=True, stdin=subprocess.DEVNULL)
    assert res.returncode == 0, res.stdout + res.stderr
