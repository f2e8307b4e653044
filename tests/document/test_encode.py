"""The document's JSON encoder: the result's members in order, what it remembers between files
keeping each value's type, and the strings no checker has seen written inert."""

from __future__ import annotations

import json
from pathlib import Path

from aeo_check.catalogue import get_catalogue
from aeo_check.document.build import build, read
from aeo_check.document.encode import document_json, result_json
from tests.factory import answer_all, enterprise

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted(str(p) for p in (ROOT / "examples").glob("*.yaml"))


def test_document_json_is_exactly_the_result_its_plan_and_facts_in_order():
    cat = get_catalogue()
    for p in EXAMPLES:
        doc = read(cat, p)
        expected = json.dumps(
            {
                "file": p,
                **doc.result.to_dict(),
                "plan": doc.plan.to_dict(),
                "facts": doc.facts.to_dict(),
                "tool": {"name": "aeo-check", "version": doc.tool_version},
            },
            ensure_ascii=False,
            separators=(",", ":"),
            allow_nan=False,
        )
        assert document_json(doc) == expected
        assert document_json(doc) == expected  # and again, from the fragments it cached
        bare = json.dumps({"file": p, **doc.result.to_dict()}, ensure_ascii=False, separators=(",", ":"))
        assert result_json(doc.result, p) == bare.encode()


def test_remembered_facts_keep_their_type():
    """A fact's JSON is remembered by its value: 1 and true, 0.0 and -0.0 are equal in Python,
    never in the document."""
    from aeo_check.document.encode import _fact_json
    from aeo_check.scoring.result import Fact

    for value in (1, True, 0, False, 0.0, -0.0, 1.0, "1", None, ["a", "b"]):
        f = Fact("trade_value_prev_year", "question", value, "answered")
        expected = json.dumps(f.to_dict(), ensure_ascii=False, separators=(",", ":")).encode()
        assert _fact_json(f) == expected, value
        assert _fact_json(f) == expected, value  # and again, from what it remembered


def test_answers_keep_their_type_and_a_float_is_rounded_as_the_result_writes_it():
    """1 and true, 0.0 and -0.0 stay apart; a float is rounded to six decimals; a date is written as
    its day; with or without a float among the answers."""
    import datetime as dt

    from aeo_check.document.encode import _answers_json

    plain = {"a": 1, "b": True, "c": 0, "d": False, "e": "1", "f": None, "g": ["x", "y"], "h": dt.date(2026, 6, 30)}
    floats = {**plain, "i": -0.0, "j": 2.5e-7, "k": 1234.5678915}
    read_plain = {**plain, "h": "2026-06-30"}
    for answers, expected in ((plain, read_plain),
                              (floats, {**read_plain, "i": -0.0, "j": 0.0, "k": round(1234.5678915, 6)})):
        written = json.loads(_answers_json(answers))
        assert [(k, v, type(v)) for k, v in written.items()] == [(k, v, type(v)) for k, v in expected.items()]
    assert b'"i":-0.0' in _answers_json(floats)


def test_an_infinite_ratio_is_written_as_the_text_inf(cat):
    """No liabilities: the ratios over them are infinite, which JSON has no number for; the
    document says "inf" rather than leave a null where a figure belongs."""
    a = answer_all(cat, enterprise(), over={"total_liabilities": 0, "current_liabilities": 0})
    data = json.loads(document_json(build(cat, a, "nil-debt.yaml")))
    assert data["derived"]["current_ratio"] == "inf"
    assert data["derived"]["ocf_to_liabilities"] == "inf"


def test_a_file_name_s_undecodable_bytes_and_controls_are_written_as_escapes(cat):
    doc = read(cat, EXAMPLES[0])
    name = "client\udcff\u202e\x85.yaml"  # a byte that is not UTF-8, a bidi override, a C1 control
    written = result_json(doc.result, name)
    assert written.startswith(b'{"file":"client\\udcff\\u202e\\u0085.yaml",')
    assert json.loads(written)["file"] == name
