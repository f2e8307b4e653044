"""The standards as data — counts, numbering, both languages, thresholds, broken files."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from typer.testing import CliRunner

from aeo_check.catalogue import load_catalogue
from aeo_check.catalogue.models import SPECIFIC_TYPES
from aeo_check.cli.main import app
from aeo_check.files.sourcefile import DataFileError

ROOT = Path(__file__).resolve().parents[2]
CJK = re.compile(r"[\u4e00-\u9fff]")
GENERAL = ("internal_control", "financial", "compliance", "trade_security", "bonus")


def _english(text: str) -> bool:
    """English text: Latin words, at most a Chinese term quoted in passing (e.g. "audit (稽查)")."""
    return bool(re.search(r"[A-Za-z]{2}", text)) and len(CJK.findall(text)) <= max(6, len(text) // 15)


def _general(cat, std: str, etype: str = "importer_exporter"):
    return [i for i in cat.items_in(std) if i.specific is None and etype in i.applies_to]


def test_catalogue_version(cat):
    assert cat.version == "gacc-2026-34"


@pytest.mark.parametrize(("std", "total", "counts"), [
    ("advanced", 74, (11, 4, 28, 25, 6)),
    ("certified", 62, (10, 3, 28, 15, 6)),
])
def test_general_standard_counts_and_contiguous_numbers(cat, std, total, counts):
    items = _general(cat, std)
    assert len(items) == total
    per = Counter(i.category for i in items)
    assert tuple(per[c] for c in GENERAL) == counts
    numbers = sorted(i.standards[std].number for i in items)
    assert numbers == list(range(1, total + 1))
    # categories follow the standard's order: internal control first, bonus last
    first = {c: min(i.standards[std].number for i in items if i.category == c) for c in GENERAL}
    assert sorted(GENERAL, key=first.get) == list(GENERAL)


def test_specific_standards_count_22_items(cat):
    per = {t: [i for i in cat.items if i.specific == t] for t in SPECIFIC_TYPES}
    expected = {"health_quarantine": 5, "animal_plant_quarantine": 7, "food_cosmetics": 6, "commodity_inspection": 4}
    assert {t: len(items) for t, items in per.items()} == expected
    assert sum(expected.values()) == 22
    for t, items in per.items():
        for std in ("advanced", "certified"):
            assert sorted(i.standards[std].number for i in items) == list(range(1, len(items) + 1)), (t, std)
        # the importer/exporter and customs-broker variants: each type is judged on all but the other's
        # variant of the "adverse inspection outcomes" item (reference section 3.3)
        only_ie = {i.id for i in items if i.applies_to == ["importer_exporter"]}
        only_cb = {i.id for i in items if i.applies_to == ["customs_broker"]}
        assert len(only_cb) == 1 and any("agency" in i for i in only_cb), t
        assert only_ie and all("agency" not in i for i in only_ie), t


def test_every_item_is_complete_in_both_languages(cat):
    methods = {"document_review", "interview", "site_inspection", "record_sampling"}
    for item in cat.items:
        for text in [item.title, item.requirement, *item.remediation, *item.evidence]:
            assert CJK.search(text.zh), (item.id, text.zh)
            assert _english(text.en), (item.id, text.en)
        for std in item.standards:
            for t in (item.title_for(std), item.requirement_for(std)):
                assert CJK.search(t.zh) and _english(t.en), (item.id, std)
        assert item.questions or item.rule.pass_.names, item.id
        assert item.evidence and item.remediation, item.id
        assert set(item.audit_methods) <= methods and item.audit_methods
        assert item.owner and item.effort_days >= 0
        for q in item.questions:
            assert q in cat.questions, (item.id, q)


def test_every_question_is_asked_in_both_languages(cat):
    for q in cat.questions.values():
        for t in (q.text, q.help):
            assert CJK.search(t.zh) and _english(t.en), q.id
        if q.type in ("choice", "multi"):
            for c in cat.choices_of(q):
                assert CJK.search(c.label.zh) and _english(c.label.en), (q.id, c.value)


def test_names_used_by_rules_exist(cat):
    known = set(cat.questions) | set(cat.derived) | {"production", "enterprise_type", "specific_types", "current_tier"}
    for item in cat.items:
        for std, use in item.standards.items():
            for _, e in item.rule_for(std).expressions():
                assert set(e.names) - set(use.params) <= known, (item.id, std, set(e.names) - known)


def _by_number(cat, std, number, specific=None):
    [item] = [i for i in cat.items_in(std) if i.specific == specific and i.standards[std].number == number
              and "importer_exporter" in i.applies_to]
    return item


@pytest.mark.parametrize(("adv", "cert"), [(8, 8), (9, None), (15, 13), (66, None), (74, 62)])
def test_deemed_rules_on_the_named_items(cat, adv, cert):
    item = _by_number(cat, "advanced", adv)
    # item (74) is the bonus whose rule is "not applicable below 5 declarants"
    kinds = ("deemed_pass", "deemed_fail") if adv != 74 else ("na_if",)
    rule = item.rule_for("advanced")
    assert any(getattr(rule, k) is not None for k in kinds), item.id
    if cert is not None:
        assert item.standards["certified"].number == cert
        twin = item.rule_for("certified")
        assert any(getattr(twin, k) is not None for k in kinds)


def test_thresholds_differ_per_standard_as_the_reference_says(cat):
    fine = cat.items_by_id["cmp-single-fine"]
    assert fine.standards["advanced"].params["max_fine"] == 50000
    assert fine.standards["certified"].params["max_fine"] == 100000
    solv = cat.items_by_id["fin-solvency"]
    a, c = solv.standards["advanced"].params, solv.standards["certified"].params
    assert (a["max_debt_pct_production"], a["max_debt_pct_other"], a["min_cash_pct"], a["min_ocf_pct"],
            a["min_current_pct"]) == (85, 75, 20, 10, 100)
    assert (c["max_debt_pct_production"], c["max_debt_pct_other"], c["min_cash_pct"], c["min_ocf_pct"],
            c["min_current_pct"]) == (95, 85, 10, 0, 80)
    assert "fin-profitability" not in [i.id for i in cat.items_in("certified")]
    reg = cat.items_by_id["cmp-registration-data"]
    assert reg.standards["advanced"].params["window_months"] == 24
    assert reg.standards["certified"].params["window_months"] == 12


def test_assumptions_are_named_and_bilingual(cat):
    assumptions = list(cat.assumptions.values()) if isinstance(cat.assumptions, dict) else cat.assumptions
    ids = {a.id for a in assumptions}
    for a in assumptions:
        assert CJK.search(a.text.zh) and not CJK.search(a.text.en)
    for sdef in cat.standards.values():
        assert set(sdef.pass_rule.assumptions) <= ids
    assert {"pass-rule-2026", "customs-broker-general", "bonus-2026"} <= ids


# --------------------------------------------------------------------------- broken catalogues

@pytest.fixture
def copy(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "questionnaires", tmp_path / "questionnaires")
    return tmp_path


def _edit(path: Path, old: str, new: str, count: int = 1) -> int:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    before = text[: text.index(old)]
    path.write_text(text.replace(old, new, count), encoding="utf-8")
    return before.count("\n") + 1  # the line the edit is on


def _problems(root: Path) -> str:
    with pytest.raises(DataFileError) as exc:
        load_catalogue(root)
    return str(exc.value)


def test_duplicate_item_id_names_file_and_line(copy):
    f = copy / "questionnaires/standards/financial.yaml"
    line = _edit(f, "  - id: fin-solvency\n", "  - id: fin-audit-report\n")
    msg = _problems(copy)
    assert f"standards/financial.yaml:{line}" in msg and "fin-audit-report" in msg and "duplicate" in msg


def test_duplicate_question_id(copy):
    f = copy / "questionnaires/questions/financial.yaml"
    _edit(f, "  - id: total_liabilities\n", "  - id: total_assets\n")
    msg = _problems(copy)
    assert "questions/financial.yaml" in msg and "duplicate question id 'total_assets'" in msg


def test_dangling_question_in_a_rule(copy):
    f = copy / "questionnaires/standards/financial.yaml"
    line = _edit(f, "pass: audit_opinion == 'unqualified'", "pass: audit_opinon == 'unqualified'")
    msg = _problems(copy)
    assert f"standards/financial.yaml:{line}" in msg and "audit_opinon" in msg


def test_missing_language(copy):
    f = copy / "questionnaires/standards/internal_control.yaml"
    line = _edit(f, "    title: {zh: 海关业务联系人, en: Customs liaison}\n", "    title: {zh: 海关业务联系人}\n")
    msg = _problems(copy)
    assert f"standards/internal_control.yaml:{line}" in msg and "title.en" in msg


def test_unknown_function_in_a_rule(copy):
    f = copy / "questionnaires/standards/financial.yaml"
    _edit(f, "pass: not dissolution_or_bankruptcy", "pass: __import__('os')")
    msg = _problems(copy)
    assert "standards/financial.yaml" in msg and "__import__" in msg


def test_yaml_syntax_error(copy):
    f = copy / "questionnaires/standards/financial.yaml"
    line = _edit(f, "    options: [pass, fail]\n", "    options: [pass, fail\n")
    msg = _problems(copy)
    assert "standards/financial.yaml:" in msg and "syntax" in msg.lower()
    assert line > 0


def test_wrong_count_in_scoring_rules(copy):
    f = copy / "questionnaires/rules/scoring.yaml"
    _edit(f, "financial: 4,", "financial: 5,")
    msg = _problems(copy)
    assert "rules/scoring.yaml" in msg and "financial" in msg


def test_broken_catalogue_on_the_command_line_is_a_clear_error(copy):
    _edit(copy / "questionnaires/standards/financial.yaml", "  - id: fin-solvency\n", "  - id: fin-audit-report\n")
    env = {"AEO_CHECK_DATA": str(copy)}
    out = subprocess.run([sys.executable, "-m", "aeo_check.catalogue"], capture_output=True, text=True,
                         env=env | {"PATH": "/usr/bin:/bin"}, cwd=ROOT, stdin=subprocess.DEVNULL)
    assert out.returncode != 0 and "duplicate" in out.stdout + out.stderr
    assert "Traceback" not in out.stdout + out.stderr
    exe = Path(sys.executable).parent / "aeo-check"
    res = subprocess.run([str(exe), "standards", "list"], capture_output=True, text=True, cwd=ROOT,
                         env=env | {"PATH": "/usr/bin:/bin"}, stdin=subprocess.DEVNULL)
    assert res.returncode == 2
    assert "standards/financial.yaml" in res.stdout + res.stderr and "Traceback" not in res.stdout + res.stderr


# --------------------------------------------------------------------------- standards list / show / template

runner = CliRunner()


def test_standards_list_json_advanced():
    res = runner.invoke(app, ["standards", "list", "--tier", "advanced", "--format", "json"])
    assert res.exit_code == 0, res.output
    rows = json.loads(res.stdout)
    general = [r for r in rows if r["category"] in GENERAL]
    assert len(general) == 74
    for r in rows:
        assert {"id", "official_no", "category", "title", "options"} <= set(r)
        assert set(r["title"]) == {"zh", "en"}
    solv = next(r for r in rows if r["id"] == "fin-solvency")
    assert solv["official_no"] == 13 and solv["options"] == ["pass", "partial", "fail"]


def test_standards_list_certified_uses_its_own_numbers():
    res = runner.invoke(app, ["standards", "list", "--tier", "certified", "--format", "json"])
    rows = json.loads(res.stdout)
    assert len([r for r in rows if r["category"] in GENERAL]) == 62
    assert next(r for r in rows if r["id"] == "fin-solvency")["official_no"] == 12
    assert "ic-information-security" not in {r["id"] for r in rows}


def test_standards_list_specific_and_english_table():
    res = runner.invoke(app, ["standards", "list", "--specific", "food_cosmetics", "--format", "json"])
    rows = json.loads(res.stdout)
    assert {r["category"] for r in rows} == {"food_cosmetics"} and len(rows) >= 6
    res = runner.invoke(app, ["standards", "list", "--lang", "en"], terminal_width=200)
    assert res.exit_code == 0 and "Solvency" in res.output and "偿债能力" not in res.output


def test_standards_show_one_item_whole():
    res = runner.invoke(app, ["standards", "show", "ic-information-system", "--lang", "en"], terminal_width=200)
    assert res.exit_code == 0, res.output
    for text in ("(8)", "ERP", "Data retention policy", "3 years"):
        assert text in res.output


def test_standards_show_unknown_id_suggests():
    res = runner.invoke(app, ["standards", "show", "fin-solvncy"])
    assert res.exit_code == 2 and "fin-solvency" in res.output
    assert res.exception is None or isinstance(res.exception, SystemExit)


def test_template_lists_exactly_the_questions_for_that_enterprise(tmp_path, cat):
    out = tmp_path / "t.yaml"
    res = runner.invoke(app, ["template", "--type", "customs_broker", "--specific", "food_cosmetics",
                              "--lang", "zh", "-o", str(out)])
    assert res.exit_code == 0, res.output
    import yaml

    text = out.read_text(encoding="utf-8")
    doc = yaml.safe_load(text)
    assert doc["enterprise"]["type"] == "customs_broker" and doc["enterprise"]["specific"] == ["food_cosmetics"]
    asked = set(doc["answers"])
    expected = {q.id for q in cat.questions.values() if "customs_broker" in q.applies_to
                and (q.specific is None or q.specific == "food_cosmetics")}
    assert asked == expected
    assert "fc_agency_batches_12m" in asked and "fc_batches_12m" not in asked and "pq_batches_12m" not in asked
    q = cat.questions["audit_opinion"]
    assert f"# {q.text.zh}\n" in text
