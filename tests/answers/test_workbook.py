"""The Excel questionnaire a client fills in, read back as answers."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook

from aeo_check.answers.read import load_answers
from aeo_check.answers.workbook import META_SHEET, workbook_bytes
from aeo_check.catalogue import get_catalogue
from aeo_check.files.sourcefile import DataFileError

ROOT = Path(__file__).resolve().parents[2]
EXE = str(Path(sys.executable).parent / "aeo-check")
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))


@pytest.fixture(scope="module")
def cat():
    return get_catalogue()


def cli(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run([EXE, *args], capture_output=True, text=True, cwd=cwd, stdin=subprocess.DEVNULL,
                          env={"PATH": "/usr/bin:/bin", "COLUMNS": "120", "LANG": "C.UTF-8"})


def same(a, b) -> None:
    assert a.answers == b.answers
    assert a.dont_know == b.dont_know
    assert a.notes == b.notes
    assert a.enterprise == b.enterprise
    assert (a.assessed_on, a.language, a.standard) == (b.assessed_on, b.language, b.standard)


def filled_workbook(cat, example: Path, lang: str, tmp_path: Path) -> Path:
    a = load_answers(example, cat)
    out = tmp_path / f"{example.stem}-{lang}.xlsx"
    out.write_bytes(workbook_bytes(cat, a.enterprise.type, list(a.enterprise.specific), lang, filled=a))
    return out


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_every_example_reads_back_identically_from_a_workbook_of_either_language(cat, example, lang, tmp_path):
    original = load_answers(example, cat)
    same(load_answers(filled_workbook(cat, example, lang, tmp_path), cat), original)


def test_round_trip_yaml_to_xlsx_to_yaml_on_the_command_line(cat, tmp_path):
    src = ROOT / "examples" / "regular-food-importer.yaml"
    book, back = tmp_path / "client.xlsx", tmp_path / "client.yaml"
    res = cli("template", "--from", str(src), "--format", "xlsx", "-o", str(book))
    assert res.returncode == 0, res.stderr
    assert cli("validate", str(book)).stdout.strip() == f"{book}: ok"
    res = cli("import", str(book), "-o", str(back))
    assert res.returncode == 0, res.stderr
    same(load_answers(back, cat), load_answers(src, cat))
    text = back.read_text(encoding="utf-8")
    assert "\n  # 企业是否指定了海关业务联系人，并已向海关登记其姓名和联系方式？\n" in text  # commented like a template
    import json

    (scored_yaml,) = json.loads(cli("score", str(src), "--format", "json").stdout)
    (scored_book,) = json.loads(cli("score", str(book), "--format", "json").stdout)
    assert scored_book.pop("file") == str(book) and scored_yaml.pop("file") == str(src)
    assert scored_book == scored_yaml


def test_dont_know_round_trips_and_blank_workbook_needs_the_enterprise(cat, tmp_path):
    from aeo_check.answers.workbook import W

    a = load_answers(ROOT / "examples" / "certified-trading.yaml", cat)
    a.answers.pop("audit_opinion")
    a.answers.pop("controlled_areas")
    a.dont_know = ["audit_opinion", "controlled_areas"]
    book = tmp_path / "dk.xlsx"
    book.write_bytes(workbook_bytes(cat, "importer_exporter", [], "en", filled=a))
    wb = load_workbook(book)
    cells = {ws[f"A{r}"].value: ws[f"D{r}"].value for ws in wb.worksheets for r in range(1, ws.max_row + 1)}
    assert cells["audit_opinion"] == W["en"]["dont_know"] == "Don't know"
    same(load_answers(book, cat), a)

    blank = tmp_path / "blank.xlsx"
    assert cli("template", "--format", "xlsx", "--lang", "zh", "-o", str(blank)).returncode == 0
    res = cli("validate", str(blank))
    assert res.returncode == 2
    assert f"{blank}:企业信息!D9: enterprise.name: required field is missing" in res.stderr.splitlines()
    assert f"{blank}:企业信息!D10: enterprise.uscc: required field is missing" in res.stderr.splitlines()


def _cell_of(wb, qid: str):
    for ws in wb.worksheets:
        for r in range(1, ws.max_row + 1):
            if ws[f"A{r}"].value == qid:
                return ws, r
    raise KeyError(qid)


def test_broken_workbooks_name_sheet_cell_and_field(cat, tmp_path):
    book = filled_workbook(cat, ROOT / "examples" / "certified-trading.yaml", "zh", tmp_path)
    wb = load_workbook(book)
    ws, r = _cell_of(wb, "customs_liaison_named")
    ws[f"D{r}"] = "也许"                        # not a value of the drop-down
    ws2, r2 = _cell_of(wb, "total_assets")
    ws2[f"D{r2}"] = "=SUM(1,2)"                  # a formula
    ws3, r3 = _cell_of(wb, "standard")
    ws3[f"D{r3}"] = "gacc-2025-01"               # another catalogue version
    ws4, r4 = _cell_of(wb, "controlled_areas=documents")
    ws4[f"D{r4}"] = "有时"                       # a wrong value in a multiple-choice row
    ws5, r5 = _cell_of(wb, "audit_opinion")
    ws5[f"D{r5}"] = "很好"
    del wb["附加标准"]                            # a deleted sheet
    broken = tmp_path / "broken.xlsx"
    wb.save(broken)
    res = cli("validate", str(broken))
    assert res.returncode == 2
    lines = res.stderr.splitlines()
    assert f"{broken}:内部控制!D{r}: answers.customs_liaison_named: expected true or false (yes or no)" in lines
    assert f"{broken}:财务状况!D{r2}: answers.total_assets: holds a formula (=SUM(1,2)); type the answer itself: " \
           "aeo-check reads values, not formulas" in lines
    assert f"{broken}:企业信息!D{r3}: standard: answers were given for catalogue 'gacc-2025-01'; " \
           "this aeo-check knows 'gacc-2026-34'" in lines
    assert f"{broken}:贸易安全!D{r4}: answers.controlled_areas: '有时' is not allowed for 'documents': " \
           "expected 是/否 or Yes/No" in lines
    assert any(line.startswith(f"{broken}:财务状况!D{r5}: answers.audit_opinion: '很好' is not allowed: expected one "
                               "of: unqualified,") for line in lines)
    assert f"{broken}: sheet '附加标准' (the bonus questions) is missing: was it deleted? Restore it, or copy " \
           "the answers into a new questionnaire (aeo-check template --format xlsx)" in lines
    assert "Traceback" not in res.stderr
    # score and report refuse it the same way
    assert cli("score", str(broken)).returncode == 2
    assert cli("report", str(broken), "-o", str(tmp_path / "x.pdf")).returncode == 2


def test_a_number_too_big_for_a_date_cell_is_named_not_a_crash(cat, tmp_path):
    book = filled_workbook(cat, ROOT / "examples" / "customs-broker.yaml", "en", tmp_path)
    wb = load_workbook(book)
    ws, r = _cell_of(wb, "assessed_on")
    assert ws[f"D{r}"].number_format == "yyyy-mm-dd"
    ws[f"D{r}"] = 3302960111  # Excel shows ####
    wb.save(book)
    res = cli("validate", str(book))
    assert res.returncode == 2, res.stderr
    assert res.stderr.splitlines() == [f"{book}:Enterprise!D{r}: assessed_on: expected a date YYYY-MM-DD"]


def test_not_a_workbook_and_a_foreign_workbook(cat, tmp_path):
    fake = tmp_path / "fake.xlsx"
    fake.write_text("name,uscc\n", encoding="utf-8")
    with pytest.raises(DataFileError) as exc:
        load_answers(fake, cat)
    assert str(exc.value) == f"{fake}: not a readable .xlsx workbook: not a zip package: save it from Excel, WPS " \
                              "or LibreOffice as an Excel workbook (.xlsx)"
    from openpyxl import Workbook

    other = tmp_path / "other.xlsx"
    Workbook().save(other)
    with pytest.raises(DataFileError) as exc:
        load_answers(other, cat)
    assert "not an aeo-check questionnaire (it has no hidden 'aeo-check' sheet)" in str(exc.value)


def test_what_a_client_types_is_read_as_meant(cat, tmp_path):
    book = filled_workbook(cat, ROOT / "examples" / "certified-trading.yaml", "zh", tmp_path)
    wb = load_workbook(book)
    edits = {
        "registration_change_late_last": "2025年3月",   # a month written the Chinese way
        "overdue_payment_last": "2025/3/15",           # a day with slashes
        "related_person_crime_last": "12至24个月前",     # a band label of older files
        "internal_audit_last": None,
    }
    for qid, v in edits.items():
        try:
            ws, r = _cell_of(wb, qid)
        except KeyError:
            continue
        ws[f"D{r}"] = v
    ws, r = _cell_of(wb, "audit_opinion")
    ws[f"D{r}"] = "Qualified opinion"                 # an English label in a Chinese workbook
    ws, r = _cell_of(wb, "customs_liaison_named")
    ws[f"D{r}"] = True                                # a boolean typed as TRUE
    ws, r = _cell_of(wb, "enterprise.customs_code")
    ws[f"D{r}"] = 3302960111                         # pasted as a number
    ws, r = _cell_of(wb, "total_assets")
    ws[f"G{r}"] = "  见审计报告第3页  "
    wb.save(book)
    a = load_answers(book, cat)
    assert a.answers["registration_change_late_last"] == "2025-03"
    assert a.answers["overdue_payment_last"] == dt.date(2025, 3, 15)
    assert a.answers["related_person_crime_last"] == "m12_24"
    assert a.answers["audit_opinion"] == "qualified"
    assert a.answers["customs_liaison_named"] is True
    # typed "85%" in a cell Excel formats as a percentage: the answer is 85 (percent questions count in %)
    from aeo_check.answers.workbook import _reading, vocab_of
    from aeo_check.catalogue.models import Question

    share = Question.model_validate({"id": "share", "type": "percent", "text": {"zh": "占比", "en": "Share"},
                                     "help": {"zh": "占比", "en": "Share"}, "min": 0, "max": 100})
    assert _reading(vocab_of(cat), share, 0.85, True) == 85 and _reading(vocab_of(cat), share, 85, False) == 85
    assert a.enterprise.customs_code == "3302960111"
    assert a.notes["total_assets"] == "见审计报告第3页"


def test_workbook_is_made_for_a_client(cat, tmp_path):
    """Drop-downs, checks, greyed rows, hidden ids, protected sheets: what a client meets in Excel."""
    book = filled_workbook(cat, ROOT / "examples" / "certified-trading.yaml", "zh", tmp_path)
    wb = load_workbook(book)
    assert wb.sheetnames[0] == "企业信息"
    assert wb[META_SHEET].sheet_state == "veryHidden"
    assert [ws.title for ws in wb.worksheets if ws.sheet_state == "visible"] == \
        ["企业信息", "企业概况", "内部控制", "财务状况", "守法规范", "贸易安全", "附加标准"]
    ws, r = _cell_of(wb, "has_cctv")
    assert ws.column_dimensions["A"].hidden and ws.protection.sheet
    assert ws[f"A{r}"].protection.locked and not ws[f"D{r}"].protection.locked
    assert not ws[f"G{r}"].protection.locked  # notes stay editable
    assert ws[f"C{r}"].value == cat.questions["has_cctv"].text.zh

    def validation(ws, ref):
        return next(dv for dv in ws.data_validations.dataValidation if ref in str(dv.sqref).split())

    dv = validation(ws, f"D{r}")
    assert dv.type == "list"
    sheet, rng = dv.formula1.split("!")
    col = rng.split(":")[0].replace("$", "").rstrip("0123456789")
    lists = wb[sheet.strip("'")]
    assert [lists[f"{col}{i}"].value for i in (1, 2, 3)] == ["是", "否", "不清楚"]

    ws2, r2 = _cell_of(wb, "total_assets")
    dv = validation(ws2, f"D{r2}")
    q = cat.questions["total_assets"]
    bounds = "".join(f",D{r2}{op}{int(v)}" for op, v in ((">=", q.min), ("<=", q.max)) if v is not None)
    assert dv.type == "custom" and dv.formula1 == f'OR(D{r2}="不清楚",AND(ISNUMBER(D{r2}){bounds}))'

    # cctv_areas is asked only when has_cctv: its rows grey when has_cctv is answered 否
    ws3, r3 = _cell_of(wb, "cctv_areas")
    rules = [(str(rng.sqref), rule.formula) for rng, rs in ws3.conditional_formatting._cf_rules.items() for rule in rs]
    n_choices = len(cat.choices_of(cat.questions["cctv_areas"]))
    assert (f"B{r3}:G{r3 + n_choices}", [f'AND($D${r}<>"",$D${r}<>"不清楚",NOT($D${r}="是"))']) in rules
    # a condition on another sheet's answer is referenced across sheets
    ws4, r4 = _cell_of(wb, "stats_sample_reporting_ok")
    src_ws, src_r = _cell_of(wb, "customs_stats_sample")
    rules = [rule.formula[0] for rs in ws4.conditional_formatting._cf_rules.values() for rule in rs]
    assert f'NOT($D${src_r}="是")' in rules[0] and src_ws.title == ws4.title


def test_english_workbook_words(cat, tmp_path):
    book = filled_workbook(cat, ROOT / "examples" / "customs-broker.yaml", "en", tmp_path)
    wb = load_workbook(book)
    assert wb.sheetnames[0] == "Enterprise"
    ws, r = _cell_of(wb, "cctv_areas")
    assert ws[f"F{r}"].value.endswith('Answer only if: "Do the premises have a working CCTV system?" is Yes')


def test_resume_from_a_workbook_continues_in_yaml_beside_it(cat, tmp_path):
    from aeo_check.interactive.session import load_draft

    book = filled_workbook(cat, ROOT / "examples" / "certified-trading.yaml", "en", tmp_path)
    draft = load_draft(book, cat)
    a = load_answers(ROOT / "examples" / "certified-trading.yaml", cat)
    assert draft.answers == a.answers and draft.notes == a.notes
    assert draft.enterprise["uscc"] == a.enterprise.uscc


def test_a_workbook_that_records_no_version_but_has_the_new_rows_is_read_as_current(cat, tmp_path):
    """A workbook made after the split of records_refused_last, before workbooks recorded their
    version: its empty cooperation row stays unanswered, never filled from the records row."""
    from aeo_check.answers.migrate import VERSION_KEY

    book = load_workbook(filled_workbook(cat, ROOT / "examples" / "certified-trading.yaml", "en", tmp_path))
    meta = book[META_SHEET]
    [row] = [r for r in meta.iter_rows() if r[0].value == VERSION_KEY]
    meta.delete_rows(row[0].row)
    cells = [r[3] for ws in book.worksheets for r in ws.iter_rows() if r[0].value == "cooperation_refused_last"]
    assert len(cells) == 1 and cells[0].value is not None
    cells[0].value = None
    path = tmp_path / "december.xlsx"
    book.save(path)
    a = load_answers(path, cat)
    assert "cooperation_refused_last" not in a.answers and "records_refused_last" in a.answers
    assert not a.removed
