"""Result files read back: rebuilt from the answers they hold, or refused with one line."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from aeo_check.document.encode import document_json
from aeo_check.document.resultfile import read_documents, read_one
from aeo_check.files.sourcefile import DataFileError

ROOT = Path(__file__).resolve().parents[2]
TRADING = ROOT / "examples" / "certified-trading.yaml"


def test_a_result_file_gives_back_the_document_it_was_written_from(cat, tmp_path):
    doc = read_one(cat, TRADING)
    saved = tmp_path / "result.json"
    saved.write_text(document_json(doc), encoding="utf-8")
    (again,) = read_documents(cat, saved)
    assert again.data == doc.data


def test_numbers_forged_in_a_result_file_are_not_what_is_drawn(cat, tmp_path):
    doc = read_one(cat, TRADING)
    forged = json.loads(document_json(doc))
    forged["standards"]["certified"]["score"] = 40
    forged["facts"]["effort"]["certified"]["total_days"] = 1
    saved = tmp_path / "forged.json"
    saved.write_text(json.dumps(forged), encoding="utf-8")
    again = read_one(cat, saved)
    assert again.data["standards"]["certified"]["score"] == doc.result.standards["certified"].score
    assert again.data["facts"] == doc.data["facts"]


def test_a_result_of_the_previous_version_is_refused_with_how_to_remake_it(cat, tmp_path):
    old = json.loads(document_json(read_one(cat, TRADING)))
    old["format"] = "aeo-check/result/1"
    saved = tmp_path / "old.json"
    saved.write_text(json.dumps([old]), encoding="utf-8")
    with pytest.raises(DataFileError) as exc:
        read_documents(cat, saved)
    (p,) = exc.value.problems
    assert p.field == "[0].format"
    assert "earlier aeo-check" in p.message and "aeo-check score ANSWERS --format json" in p.message
    res = subprocess.run([sys.executable, "-m", "aeo_check", "diff", str(saved), str(TRADING)], capture_output=True,
                         text=True, stdin=subprocess.DEVNULL)
    assert res.returncode == 2 and "aeo-check score ANSWERS --format json" in res.stderr
