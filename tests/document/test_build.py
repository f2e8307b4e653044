"""The assessment document: built once from a source, immutable, every answer traceable to its line."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from aeo_check.document.build import build, read
from aeo_check.document.encode import document_json
from aeo_check.files.sourcefile import DataFileError

ROOT = Path(__file__).resolve().parents[2]
FOOD = ROOT / "examples" / "regular-food-importer.yaml"


def test_each_answer_keeps_the_line_it_was_written_on(cat):
    doc = read(cat, FOOD, "food.yaml")
    lines = FOOD.read_text(encoding="utf-8").splitlines()
    for qid in ("total_liabilities", "security_training_staff_last"):
        where = doc.origin(qid)
        file, line = where.rsplit(":", 1)
        assert file == "food.yaml" and lines[int(line) - 1].startswith(f"  {qid}: "), where


def test_a_document_cannot_be_changed_once_built(cat):
    doc = read(cat, FOOD)
    with pytest.raises(dataclasses.FrozenInstanceError):
        doc.result = None  # type: ignore[misc]


def test_its_data_is_exactly_what_its_json_says(cat):
    doc = read(cat, FOOD)
    assert doc.data == json.loads(document_json(doc))
    assert doc.data["tool"] == {"name": "aeo-check", "version": doc.tool_version}
    assert doc.data["plan"]["recommended"] == doc.plan.recommended


@pytest.mark.parametrize("example", sorted((ROOT / "examples").glob("*.yaml")), ids=lambda p: p.stem)
def test_its_plan_data_is_the_plan_its_json_holds(cat, example):
    # the screens read the plan alone (plan_data) without encoding the rest of the document
    doc = read(cat, example)
    assert doc.plan_data == json.loads(document_json(doc))["plan"]


def test_the_session_s_answers_give_the_same_document_as_their_file(cat):
    from_file = read(cat, FOOD, str(FOOD))
    in_memory = build(cat, from_file.assessment, str(FOOD))
    assert document_json(in_memory) == document_json(from_file)


def test_an_invalid_file_is_refused_with_its_line_and_field(cat, tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text(FOOD.read_text(encoding="utf-8").replace("  total_liabilities: 29900000",
                                                           "  total_liabilities: many"), encoding="utf-8")
    with pytest.raises(DataFileError) as exc:
        read(cat, bad)
    (p,) = exc.value.problems
    line = bad.read_text(encoding="utf-8").splitlines().index("  total_liabilities: many") + 1
    assert (p.field, p.line) == ("answers.total_liabilities", line)
