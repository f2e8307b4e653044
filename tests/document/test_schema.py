"""The JSON Schemas agree with `aeo-check validate` and with the result JSON."""

from __future__ import annotations

import copy
import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
import yaml

from aeo_check.answers.model import parse_answers
from aeo_check.document.schema import answers_schema, result_schema, schema_text
from aeo_check.files.sourcefile import DataFileError, SourceDoc

ROOT = Path(__file__).resolve().parents[2]
EXE = str(Path(sys.executable).parent / "aeo-check")
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))


@pytest.fixture(scope="module")
def validator(cat):
    schema = answers_schema(cat)
    jsonschema.Draft7Validator.check_schema(schema)
    return jsonschema.Draft7Validator(schema, format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER)


def as_editor_sees(data):
    """YAML as an editor's language server reads it: dates are strings."""
    if isinstance(data, dict):
        return {k: as_editor_sees(v) for k, v in data.items()}
    if isinstance(data, list):
        return [as_editor_sees(v) for v in data]
    if isinstance(data, dt.date):
        return data.isoformat()
    return data


def verdicts(cat, validator, data) -> tuple[bool, bool]:
    """(schema accepts, validate accepts)"""
    schema_ok = not list(validator.iter_errors(as_editor_sees(data)))
    try:
        parse_answers(SourceDoc("x.yaml", copy.deepcopy(data), {}), cat)
        checker_ok = True
    except DataFileError:
        checker_ok = False
    return schema_ok, checker_ok


def load(name: str):
    return yaml.safe_load((ROOT / "examples" / name).read_text(encoding="utf-8"))


def test_shipped_schemas_are_what_the_catalogue_generates(cat):
    for kind, make in (("answers", answers_schema), ("result", result_schema)):
        shipped = (ROOT / "schemas" / f"{kind}.schema.json").read_text(encoding="utf-8")
        assert shipped == schema_text(make(cat)), f"run: aeo-check schema {kind} > schemas/{kind}.schema.json"
        out = subprocess.run([EXE, "schema", kind], capture_output=True, text=True, stdin=subprocess.DEVNULL)
        assert out.returncode == 0 and out.stdout == shipped


def test_schema_holds_the_catalogue_choices_and_ranges(cat):
    props = answers_schema(cat)["properties"]["answers"]["properties"]
    assert props["audit_opinion"]["anyOf"][0] == {"enum": ["unqualified", "qualified", "adverse", "disclaimer", "none"]}
    q = cat.questions["penalty_count_12m"]
    assert props["penalty_count_12m"]["anyOf"][0] == {"type": "integer", "minimum": int(q.min), "maximum": int(q.max)}
    assert props["penalty_count_12m"]["anyOf"][1:] == [{"const": "dont_know"}, {"type": "null"}]
    assert props["audit_opinion"]["title"] == cat.questions["audit_opinion"].text.en
    assert cat.questions["audit_opinion"].text.zh in props["audit_opinion"]["description"]


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_every_example_is_valid_for_both(cat, validator, example):
    data = yaml.safe_load(example.read_text(encoding="utf-8"))
    assert verdicts(cat, validator, data) == (True, True)
    assert example.read_text(encoding="utf-8").startswith(
        "# yaml-language-server: $schema=../schemas/answers.schema.json\n")


def _broken() -> dict[str, dict]:
    base = load("certified-trading.yaml")
    cases: dict[str, dict] = {}

    def case(name, fn):
        d = copy.deepcopy(base)
        fn(d)
        cases[name] = d

    case("wrong choice", lambda d: d["answers"].__setitem__("audit_opinion", "glowing"))
    case("number as word", lambda d: d["answers"].__setitem__("total_assets", "abc"))
    case("below minimum", lambda d: d["answers"].__setitem__("penalty_count_12m", -3))
    case("fraction for a count", lambda d: d["answers"].__setitem__("penalty_count_12m", 1.5))
    case("yes/no as text", lambda d: d["answers"].__setitem__("exports", "maybe"))
    case("impossible month", lambda d: d["answers"].__setitem__("overdue_payment_last", "2025-13"))
    case("impossible date", lambda d: d["answers"].__setitem__("overdue_payment_last", "2025-02-30"))
    case("unknown band", lambda d: d["answers"].__setitem__("overdue_payment_last", "last_week"))
    case("multi value not a choice", lambda d: d["answers"].__setitem__("controlled_areas", ["documents", "roof"]))
    case("multi value twice", lambda d: d["answers"].__setitem__("controlled_areas", ["documents", "documents"]))
    case("unknown question", lambda d: d["answers"].__setitem__("audit_opinon", "qualified"))
    case("note for unknown question", lambda d: d["notes"].__setitem__("audit_opinon", "x"))
    case("other catalogue", lambda d: d.__setitem__("standard", "gacc-2025-01"))
    case("other format", lambda d: d.__setitem__("format", "aeo-check/answers/2"))
    case("missing enterprise name", lambda d: d["enterprise"].pop("name"))
    case("missing assessed_on", lambda d: d.pop("assessed_on"))
    case("customs code as number", lambda d: d["enterprise"].__setitem__("customs_code", 3302960111))
    case("short customs code", lambda d: d["enterprise"].__setitem__("customs_code", "12345"))
    case("uscc with a letter O", lambda d: d["enterprise"].__setitem__("uscc", "91330206MA2H4RT5XO"))
    case("unknown enterprise type", lambda d: d["enterprise"].__setitem__("type", "importer"))
    case("unknown tier", lambda d: d["enterprise"].__setitem__("current_tier", "gold"))
    case("unknown top-level field", lambda d: d.__setitem__("answer", {}))
    case("unknown enterprise field", lambda d: d["enterprise"].__setitem__("size", "large"))
    case("language", lambda d: d.__setitem__("language", "fr"))
    case("impossible assessment date", lambda d: d.__setitem__("assessed_on", "2026-13-01"))

    def broker_answers_importer_question(d):
        broker = load("customs-broker.yaml")
        d.clear()
        d.update(broker)
        d["answers"]["hq_batches_12m"] = 10

    case("question not asked of a customs broker", broker_answers_importer_question)
    return cases


BROKEN = _broken()


@pytest.mark.parametrize("name", list(BROKEN))
def test_broken_files_are_rejected_by_both(cat, validator, name):
    assert verdicts(cat, validator, BROKEN[name]) == (False, False)


def test_dont_know_and_blank_answers_are_valid_for_both(cat, validator):
    d = load("certified-trading.yaml")
    d["answers"]["audit_opinion"] = "dont_know"
    d["answers"]["total_assets"] = None
    d["answers"]["overdue_payment_last"] = "2025-03"
    assert verdicts(cat, validator, d) == (True, True)


def test_the_three_documented_differences(cat, validator):
    """What JSON Schema cannot express (named in aeo_check/schema.py): exactly these disagree."""
    d = load("certified-trading.yaml")
    d["enterprise"]["uscc"] = "91330206MA2H4RT5XP"  # wrong check digit
    assert verdicts(cat, validator, d) == (True, False)
    d = load("certified-trading.yaml")
    d["answers"]["overdue_payment_last"] = "2026-12"  # after assessed_on 2026-11-20
    assert verdicts(cat, validator, d) == (True, False)
    d = load("certified-trading.yaml")
    d["answers"]["declarations_prev_year"] = f"{d['answers']['declarations_prev_year']:,}"  # a number as text
    assert verdicts(cat, validator, d) == (False, True)


def test_template_names_no_schema_path_of_the_installed_tool(tmp_path):
    # a $schema into the install folder resolves on no other machine: the template writes none
    for args in (["template"], ["template", "--lang", "zh", "--type", "customs_broker"]):
        out = subprocess.run([EXE, *args], capture_output=True, text=True, stdin=subprocess.DEVNULL, cwd=tmp_path)
        assert out.returncode == 0 and "$schema" not in out.stdout and "site-packages" not in out.stdout


def test_the_readme_schema_line_resolves_beside_the_answer_file(tmp_path, cat):
    # what the README tells people to do: the schema saved beside the answers, named relatively
    schema = subprocess.run([EXE, "schema", "answers"], capture_output=True, text=True, stdin=subprocess.DEVNULL)
    (tmp_path / "answers.schema.json").write_text(schema.stdout, encoding="utf-8")
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    line = "# yaml-language-server: $schema=./answers.schema.json"
    assert line in readme and "aeo-check schema answers > answers.schema.json" in readme
    target = tmp_path / line.split("$schema=", 1)[1]
    assert json.loads(target.read_text(encoding="utf-8"))["$id"] == f"urn:aeo-check:answers:{cat.version}"


def test_result_json_of_every_example_matches_the_result_schema(cat):
    schema = result_schema(cat)
    jsonschema.Draft7Validator.check_schema(schema)
    out = subprocess.run([EXE, "score", *map(str, EXAMPLES), "--format", "json"], capture_output=True, text=True,
                         stdin=subprocess.DEVNULL)
    results = json.loads(out.stdout)
    assert len(results) == len(EXAMPLES)
    jsonschema.validate(results, schema)
    broken = copy.deepcopy(results[0])
    broken["tier"] = "gold"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(broken, schema)
    broken = copy.deepcopy(results[0])
    broken["standards"]["advanced"]["gaps"][0]["rating"] = "meh"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(broken, schema)


# --------------------------------------------------------------------------- schema and validate agree on mutants

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from aeo_check.catalogue import get_catalogue  # noqa: E402

CAT = get_catalogue()
BASES = [as_editor_sees(load(p.name)) for p in EXAMPLES]
NUMERIC = ("integer", "number", "money", "percent")
TOP_REQUIRED = ["format", "standard", "enterprise", "assessed_on"]
ENTERPRISE_REQUIRED = ["name", "uscc", "customs_code", "type", "production"]
WRONG_TYPES = ["abc", ["x"], {"a": 1}, True, 1.5, -7, None]


def _at(d: dict, where: str) -> dict:
    return d if where == "top" else d.setdefault(where, {})


@st.composite
def mutants(draw) -> tuple[str, dict]:
    """(what was changed, a valid example answer file with one change)."""
    d = copy.deepcopy(draw(st.sampled_from(BASES)))
    answered = sorted(k for k, v in d["answers"].items() if v is not None)
    kind = draw(st.sampled_from(["wrong type", "out of range", "unknown key", "missing required", "wrong enum"]))
    if kind == "wrong type":
        where = draw(st.sampled_from(["answers", "enterprise", "top"]))
        key = draw(st.sampled_from(answered if where == "answers" else
                                   list(d["enterprise"]) if where == "enterprise" else ["language", "assessed_on"]))
        _at(d, where)[key] = draw(st.sampled_from(WRONG_TYPES))
    elif kind == "out of range":
        numeric = [q for q in answered if CAT.questions[q].type in NUMERIC]
        q = CAT.questions[draw(st.sampled_from(numeric))]
        low = q.min is not None and (q.max is None or draw(st.booleans()))
        step = 1 if q.type == "integer" else draw(st.sampled_from([1, 0.5, 0.001]))
        d["answers"][q.id] = q.min - step if low else q.max + step
    elif kind == "unknown key":
        where = draw(st.sampled_from(["answers", "enterprise", "top", "notes"]))
        key = draw(st.text(alphabet="abcdefghijklmnopqrstuvwxyz_", min_size=1, max_size=12))
        if key in _at(d, where) or key in CAT.questions and where in ("answers", "notes"):
            key += "_x9"
        _at(d, where)[key] = draw(st.sampled_from(["x", 1, True]))
    elif kind == "missing required":
        field = draw(st.sampled_from(TOP_REQUIRED + [f"enterprise.{f}" for f in ENTERPRISE_REQUIRED]))
        parent, _, name = field.rpartition(".")
        (d[parent] if parent else d).pop(name, None)
    else:
        choices = [q for q in answered if CAT.questions[q].type in ("choice", "multi")]
        target = draw(st.sampled_from(["answer", "type", "current_tier", "language", "specific"]))
        if target == "answer":
            q = CAT.questions[draw(st.sampled_from(choices))]
            d["answers"][q.id] = ["not_a_choice"] if q.type == "multi" else "not_a_choice"
        elif target == "specific":
            d["enterprise"]["specific"] = ["not_a_standard"]
        else:
            _at(d, "top" if target == "language" else "enterprise")[target] = "not_a_value"
    return kind, d


def _documented(problems) -> bool:
    """Whether every problem validate found is one the schema's description lists as beyond it."""
    rules = [r.message.en for r in CAT.consistency]
    return all(any(p.message.startswith(m) for m in rules) or "check digit" in p.message
               or "after assessed_on" in p.message for p in problems)


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutants())
def test_schema_and_validate_agree_on_mutated_answer_files(validator, mutant):
    kind, data = mutant
    schema_ok = not list(validator.iter_errors(data))
    try:
        parse_answers(SourceDoc("x.yaml", copy.deepcopy(data), {}), CAT)
        problems = []
    except DataFileError as exc:
        problems = exc.problems
    if schema_ok and problems:  # only the cross-field rules the schema says it cannot express
        assert _documented(problems), (kind, [str(p) for p in problems])
    else:
        assert schema_ok == (not problems), (kind, schema_ok, [str(p) for p in problems])


def test_the_schema_description_lists_what_it_cannot_check():
    text = answers_schema(CAT)["description"]
    assert all(r.id in text for r in CAT.consistency)
    assert "check digit" in text and "after assessed_on" in text
