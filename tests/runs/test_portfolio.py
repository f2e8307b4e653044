"""Progress between assessments, the portfolio, many reports at once, CI formats."""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from factory import earlier

from aeo_check.answers.read import load_answers
from aeo_check.catalogue import get_catalogue
from aeo_check.compare.progress import compare
from aeo_check.document.build import read

ROOT = Path(__file__).resolve().parents[2]
EXE = str(Path(sys.executable).parent / "aeo-check")
EX = ROOT / "examples"


def cli(*args: str, cwd: Path = ROOT, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([EXE, *args], capture_output=True, text=True, cwd=cwd, stdin=subprocess.DEVNULL,
                          env={"PATH": "/usr/bin:/bin", "COLUMNS": "160", "LANG": "C.UTF-8", **(env or {})})


@pytest.fixture(scope="module")
def cat():
    return get_catalogue()


def test_diff_command_table_and_json(tmp_path):
    old = earlier(tmp_path)
    res = cli("diff", str(old), str(EX / "regular-food-importer.yaml"))
    assert res.returncode == 0, res.stderr
    assert "2026-05-20 → 2026-11-20（相隔184天）" in res.stdout
    import re

    assert re.search(r"✓ 已整改  \(44\) 场所设施管控 +基本达标 → 达标", res.stdout)
    assert re.search(r"✗ 新出现  \(18\) 单次罚款金额 +达标 → 不达标", res.stdout)
    assert "最近12个月内单次海关罚款的最高金额是多少？" in res.stdout and "80,000 元" in res.stdout
    res = cli("diff", str(old), str(EX / "regular-food-importer.yaml"), "--format", "json", "--lang", "en")
    d = json.loads(res.stdout)
    assert d["format"] == "aeo-check/progress/1" and d["blockers"]["new"][0]["id"] == "cmp-single-fine"
    # a result JSON from score works as OLD too
    results = tmp_path / "results.json"
    results.write_text(cli("score", str(old), str(EX / "certified-trading.yaml"), "--format", "json").stdout,
                       encoding="utf-8")
    res = cli("diff", str(results), str(EX / "regular-food-importer.yaml"), "--format", "json")
    assert json.loads(res.stdout)["blockers"]["new"][0]["id"] == "cmp-single-fine"
    res = cli("diff", str(tmp_path / "missing.yaml"), str(EX / "regular-food-importer.yaml"))
    assert res.returncode == 2 and res.stderr.strip() == f"{tmp_path / 'missing.yaml'}: file not found"


def test_fail_on_new_blockers_exits_1_only_for_a_new_blocker(tmp_path):
    old = earlier(tmp_path)
    baseline = tmp_path / "baseline.json"
    baseline.write_text(cli("score", str(old), str(EX / "certified-trading.yaml"), "--format", "json").stdout,
                        encoding="utf-8")
    res = cli("score", str(EX / "certified-trading.yaml"), "--fail-on-new-blockers", str(baseline))
    assert res.returncode == 0, res.stderr  # blockers, but all of them known
    res = cli("score", str(EX / "regular-food-importer.yaml"), str(EX / "certified-trading.yaml"),
              "--fail-on-new-blockers", str(baseline))
    assert res.returncode == 1
    assert (
        res.stderr.strip().splitlines()[-1]
        == f"new blocker / 新增阻碍项: {EX / 'regular-food-importer.yaml'}: advanced:cmp-single-fine, "
        "advanced:cmp-penalty-count"
    )
    # an enterprise with no earlier result: its blockers are all new
    res = cli("score", str(EX / "discredited.yaml"), "--fail-on-new-blockers", str(baseline), "--format", "json")
    assert res.returncode == 1


def test_score_junit(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text((EX / "certified-trading.yaml").read_text(encoding="utf-8").replace(
        '  audit_opinion: "unqualified"', '  audit_opinion: "glowing"'), encoding="utf-8")
    res = cli("score", str(EX / "advanced-manufacturer.yaml"), str(EX / "regular-food-importer.yaml"), str(bad),
              "--format", "junit", "--fail-below", "certified")
    assert res.returncode == 2  # invalid input wins
    suite = ET.fromstring(res.stdout)
    assert (suite.get("tests"), suite.get("failures"), suite.get("errors")) == ("3", "1", "1")
    cases = suite.findall("testcase")
    assert [c.get("file") for c in cases] == [str(EX / "advanced-manufacturer.yaml"),
                                              str(EX / "regular-food-importer.yaml"), str(bad)]
    assert cases[0].find("failure") is None
    fail = cases[1].find("failure")
    assert fail.get("message") == "likely tier regular is below certified"
    assert "(9) ic-internal-audit [fail]: Internal audit / 内部审计" in fail.text.splitlines()
    assert all("[fail]" in line or "[unanswered]" in line for line in fail.text.splitlines())
    assert "answers.audit_opinion: 'glowing' is not allowed" in cases[2].find("error").text


def test_validate_github_annotations(cat, tmp_path):
    from aeo_check.answers.workbook import workbook_bytes

    bad = tmp_path / "bad.yaml"
    text = (EX / "certified-trading.yaml").read_text(encoding="utf-8")
    line = text.splitlines().index('  audit_opinion: "unqualified"') + 1
    bad.write_text(text.replace('  audit_opinion: "unqualified"', '  audit_opinion: "glowing"'), encoding="utf-8")
    a = load_answers(EX / "certified-trading.yaml", cat)
    book = tmp_path / "c,1.xlsx"
    book.write_bytes(workbook_bytes(cat, "importer_exporter", [], "en", filled=a))
    from openpyxl import load_workbook

    wb = load_workbook(book)
    ws = wb["Enterprise"]
    row = next(r for r in range(1, 40) if ws[f"A{r}"].value == "enterprise.customs_code")
    ws[f"D{row}"] = "12345"
    wb.save(book)
    res = cli("validate", "--format", "github", str(bad), str(book), str(EX / "discredited.yaml"))
    assert res.returncode == 2
    assert res.stdout.splitlines() == [
        f"::error file={bad},line={line},title=aeo-check validate answers.audit_opinion::answers.audit_opinion: "
        "'glowing' is not allowed: expected one of: unqualified, qualified, adverse, disclaimer, none",
        f"::error file={str(book).replace(',', '%2C')},title=aeo-check validate Enterprise!D{row} "
        "enterprise.customs_code::enterprise.customs_code: must be 10 characters%2C digits and capital letters"
        .replace("%2C digits", ", digits"),
    ]


def test_portfolio_rows_and_order(cat, tmp_path):
    folder = tmp_path / "clients"
    folder.mkdir()
    for p in EX.glob("*.yaml"):
        (folder / p.name).write_text(p.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "notes.txt").write_text("not an answer file", encoding="utf-8")
    res = cli("portfolio", str(folder), "--format", "json")
    assert res.returncode == 0, res.stderr
    rows = json.loads(res.stdout)
    assert [Path(r["file"]).name for r in rows] == [
        "discredited.yaml",            # likely discredited while certified today: a downgrade
        "regular-food-importer.yaml",  # most blockers
        "certified-trading.yaml",
        "customs-broker.yaml", "advanced-manufacturer.yaml"]
    food = rows[1]
    # the next tier is the plan's recommended target: Advanced comes within half a year of Certified
    assert food["likely_tier"] == "regular" and food["next_tier"] == "advanced" and food["provisional"] is True
    assert food["blocker_ids"] == ["ic-internal-audit", "cmp-single-fine", "cmp-penalty-count", "ts-cctv",
                                   "ts-preload-inspection", "ts-partner-vetting", "cmp-investor-credit-china"]
    scored = json.loads(cli("score", str(EX / "regular-food-importer.yaml"), "--format", "json").stdout)[0]
    assert food["target_date"] == scored["plan"]["targets"]["advanced"]["apply_on"] == "2027-10-06"  # the plan's
    assert scored["facts"]["recommended"]["tier"] == "advanced"
    assert food["assessed_on"] == "2026-11-20"
    # an enterprise that meets a tier it does not hold yet: apply for it, by the plan's date
    assert [(r["next_tier"], r["target_date"]) for r in rows[2:]] == [("certified", "2026-12-04"),
                                                                     ("advanced", "2026-12-04"),
                                                                     ("advanced", "2026-12-04")]
    res = cli("portfolio", str(folder), "--format", "csv", "--lang", "en")
    table = list(csv.reader(io.StringIO(res.stdout)))
    assert table[0][:3] == ["Enterprise", "Current tier", "Likely tier"]
    assert table[1][0] == "Dongguan Evergrow Furniture Manufacturing Co., Ltd."
    assert table[1][10] == "downgrade risk; discredited; 1 blocker(s)"
    res = cli("portfolio", str(folder), "--lang", "zh", env={"COLUMNS": "260"})
    assert "有降级风险；失信；1个阻碍项" in res.stdout
    out = tmp_path / "pf.xlsx"
    assert cli("portfolio", str(folder), "--format", "xlsx", "-o", str(out)).returncode == 0
    from openpyxl import load_workbook

    ws = load_workbook(out).active
    assert ws["A1"].value == "企业" or ws["A1"].value == "Enterprise"
    assert ws.max_row == 6


def test_portfolio_names_invalid_files_and_keeps_the_rest(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("format: aeo-check/answers/1\n", encoding="utf-8")
    evil = tmp_path / "evil.yaml"
    evil.write_text((EX / "certified-trading.yaml").read_text(encoding="utf-8").replace(
        'name: "Ningbo Harbour Light Trading Co., Ltd."', 'name: "=HYPERLINK(\\"x\\")"'), encoding="utf-8")
    res = cli("portfolio", str(bad), str(evil), "--format", "csv")
    assert res.returncode == 2
    assert f"{bad}:1: standard: required field is missing" in res.stderr
    assert "'=HYPERLINK" in res.stdout.splitlines()[1]  # never a formula in a spreadsheet


def test_portfolio_in_worker_processes_writes_the_same_bytes(cat, tmp_path):
    """-j 2 scores in two worker processes, -j 1 in this one: the same rows, order, bytes and exit code."""
    folder = tmp_path / "clients"
    folder.mkdir()
    for i in range(3):
        for p in EX.glob("*.yaml"):
            (folder / f"{i}-{p.name}").write_text(p.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "9-bad.yaml").write_text("format: aeo-check/answers/1\n", encoding="utf-8")
    from aeo_check.answers.workbook import workbook_bytes

    a = load_answers(EX / "customs-broker.yaml", cat)
    (folder / "5-book.xlsx").write_bytes(workbook_bytes(cat, a.enterprise.type, list(a.enterprise.specific), "en",
                                                        filled=a))
    env = {"PATH": "/usr/bin:/bin", "COLUMNS": "200", "LANG": "C.UTF-8"}
    for fmt in ("json", "csv", "table"):
        runs = [subprocess.run([EXE, "portfolio", str(folder), "--format", fmt, "--lang", "en", "-j", j],
                               capture_output=True, stdin=subprocess.DEVNULL, env=env) for j in ("1", "2")]
        one, two = runs
        assert one.returncode == two.returncode == 2, one.stderr
        assert one.stdout == two.stdout and one.stderr == two.stderr
        assert f"{folder / '9-bad.yaml'}:1: standard: required field is missing".encode() in one.stderr
    rows = json.loads(subprocess.run([EXE, "portfolio", str(folder), "--format", "json", "-j", "2"],
                                     capture_output=True, stdin=subprocess.DEVNULL, env=env).stdout)
    assert len(rows) == 16 and Path(rows[0]["file"]).name.endswith("discredited.yaml")
    assert any(r["file"].endswith("5-book.xlsx") for r in rows)


def test_portfolio_row_task_never_raises_for_one_file(cat, tmp_path, monkeypatch):
    from aeo_check.runs import portfolio

    bad = tmp_path / "bad.yaml"
    bad.write_text("format: aeo-check/answers/1\n", encoding="utf-8")
    good = str(EX / "customs-broker.yaml")
    status, r, lines = portfolio.RowTask()(cat, good)
    assert (status, lines) == (0, []) and r["file"] == good and r["likely_tier"] == "advanced"
    status, r, lines = portfolio.RowTask()(cat, str(bad))
    assert (status, r) == (2, None) and lines[0] == f"{bad}:1: standard: required field is missing"
    real = portfolio.row
    monkeypatch.setattr(portfolio, "row", lambda doc, f: 1 / 0 if f == good else real(doc, f))
    assert portfolio.RowTask()(cat, good) == (
        3,
        None,
        [f"{good}: internal error: ZeroDivisionError: division by zero (run with --debug for the traceback)"],
    )


def _whose(cat, path):
    import os

    if path == "die":
        os._exit(9)  # a worker killed half-way
    return path, os.getpid()


def test_each_runs_a_task_in_worker_processes_in_order(cat):
    import os

    from aeo_check.runs import batch as batch_mod

    names = [f"f{i}" for i in range(7)]
    got = list(batch_mod.each(cat, names, _whose, 2))
    assert [n for n, _ in got] == names
    pids = [pid for _, pid in got]
    assert len(set(pids)) == 2 and os.getpid() not in pids and pids[0::2] == [pids[0]] * 4
    assert list(batch_mod.each(cat, names, _whose, 1)) == [(n, os.getpid()) for n in names]
    # a worker that dies: None for its files from there on, the other worker's files still come
    got = list(batch_mod.each(cat, ["a", "b", "die", "d", "e", "f"], _whose, 2))
    assert [g and g[0] for g in got] == ["a", "b", None, "d", None, "f"]


@pytest.fixture(scope="module")
def batch(tmp_path_factory):
    """Three clients, one of them broken, rendered with two workers."""
    tmp = tmp_path_factory.mktemp("batch")
    bad = tmp / "broken.yaml"
    bad.write_text("format: [\n", encoding="utf-8")
    out = tmp / "plans"
    res = cli("report", str(EX / "certified-trading.yaml"), str(bad), str(EX / "customs-broker.yaml"),
              "--html", "-o", f"{out}/", "-j", "2")
    return res, out, bad


def test_report_batch_renders_every_client_and_names_the_failure(batch):
    res, out, bad = batch
    assert res.returncode == 2
    assert sorted(p.name for p in out.iterdir()) == ["certified-trading.html", "customs-broker.html"]
    assert f"{bad}:2: syntax error" in res.stderr
    assert f"✗ {bad}: failed / 失败" in res.stderr
    assert res.stderr.strip().splitlines()[-1] == f"2 written, 1 failed / 已生成 2 份，失败 1 份: {bad}"
    assert "Ningbo Harbour Light Trading" in (out / "certified-trading.html").read_text(encoding="utf-8")


def test_report_compare_adds_the_progress_page(cat, tmp_path):
    from aeo_check.views.pdf.report import render_html

    old = read(cat, earlier(tmp_path)).data
    new = read(cat, EX / "regular-food-importer.yaml").data
    html = render_html(cat, new, "zh", progress=compare(old, new))
    assert "<h2>评估进展</h2>" in html
    assert "与2026-05-20的评估相比：" in html
    assert "(18) 单次罚款金额" in html
    assert "<h2>评估进展</h2>" not in render_html(cat, new, "zh")
    out = tmp_path / "plan.pdf"
    res = cli("report", str(EX / "regular-food-importer.yaml"), "--compare", str(earlier(tmp_path)),
              "-o", str(out), "--lang", "en")
    assert res.returncode == 0, res.stderr
    from pypdf import PdfReader

    text = "\n".join(page.extract_text() for page in PdfReader(out).pages)
    assert "Progress" in text and "Compared with the assessment of 2026-05-20:" in text


def test_readme_ci_job_scores_answers_without_the_pdf_packages(tmp_path):
    import re

    import yaml

    text = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"### In CI\n.*?```yaml\n(.*?)\n```", text, flags=re.S).group(1)
    job = yaml.safe_load(block)["aeo-check"]
    runs = [s["run"] for s in job["steps"] if "run" in s]
    assert not any("apt" in r for r in runs)
    assert runs[0] == 'python -m pip install "$AEO_CHECK"'
    (tmp_path / "answers").mkdir()
    for name in ("certified-trading.yaml", "advanced-manufacturer.yaml"):
        (tmp_path / "answers" / name).write_text((EX / name).read_text(encoding="utf-8"), encoding="utf-8")
    bindir = str(Path(EXE).parent)
    for cmd in runs[1:]:
        res = subprocess.run(["bash", "-c", cmd], cwd=tmp_path, capture_output=True, text=True, stdin=subprocess.DEVNULL,
                             env={"PATH": f"{bindir}:/usr/bin:/bin", "LANG": "C.UTF-8"})
        assert res.returncode == 0, (cmd, res.stderr)
    suite = ET.parse(tmp_path / "aeo-check.xml").getroot()
    assert (suite.get("tests"), suite.get("failures")) == ("2", "0")


def test_streamed_new_blocker_check_agrees_with_the_full_comparison(cat):
    """score --fail-on-new-blockers compares small blocker summaries as each file is scored; for
    every pair of examples (and against no earlier result) it names exactly the blockers, in the
    same order, that the full progress comparison names."""
    from aeo_check.compare.progress import blockers_of, blockers_of_result, compare, gained_blockers, new_blockers

    built = [read(cat, p) for p in sorted(EX.glob("*.yaml"))]
    scored = [d.result for d in built]
    docs = [d.data for d in built]
    pairs = 0
    for old in docs:
        for res, now in zip(scored, docs, strict=False):
            assert blockers_of_result(res) == blockers_of(now)
            full = new_blockers(compare({**old, "enterprise": now["enterprise"]}, now))
            assert gained_blockers(blockers_of(old), blockers_of_result(res)) == full
            pairs += 1 if full else 0
    assert pairs >= 10  # the examples do differ in their blockers
    for res, now in zip(scored, docs, strict=False):  # no earlier result: every blocker is new
        empty = {**now, "standards": {k: {**v, "gaps": []} for k, v in now["standards"].items()}, "discredit": []}
        assert gained_blockers(None, blockers_of_result(res)) == new_blockers(compare(empty, now))


def test_fail_on_new_blockers_in_parallel_and_in_junit(tmp_path):
    old = earlier(tmp_path)
    baseline = tmp_path / "baseline.json"
    baseline.write_text(cli("score", str(old), str(EX / "certified-trading.yaml"), "--format", "json").stdout,
                        encoding="utf-8")
    files = [str(EX / "regular-food-importer.yaml"), str(EX / "certified-trading.yaml")] * 5
    res = cli("score", *files, "--fail-on-new-blockers", str(baseline), "-j", "2")
    assert res.returncode == 1
    said = [line for line in res.stderr.splitlines() if line.startswith("new blocker")]
    assert (
        said
        == [
            f"new blocker / 新增阻碍项: {EX / 'regular-food-importer.yaml'}: advanced:cmp-single-fine, "
            "advanced:cmp-penalty-count"
        ]
        * 5
    )
    res = cli("score", *files[:2], "--format", "junit", "--fail-on-new-blockers", str(baseline))
    assert res.returncode == 1
    cases = ET.fromstring(res.stdout).findall("testcase")
    assert cases[0].find("failure").get("message") == "2 new blocker(s) since the previous result"
    assert "new blocker" not in cases[1].find("failure").get("message")  # its blockers were all known
    bad = tmp_path / "bad.json"
    bad.write_text("{", encoding="utf-8")
    res = cli("score", *files[:2], "--fail-on-new-blockers", str(bad))
    assert res.returncode == 2 and res.stdout == ""  # a broken OLD stops before anything is scored


@pytest.mark.parametrize("columns", [80, 120])
def test_portfolio_table_fits_the_terminal_and_keeps_dates_whole(columns):
    """The terminal view fits its width, needing attention first; tiers short (current → likely),
    both scores in one column, dates never broken; the blocker count and the assessment date
    only when there is room (the attention column says the count anyway)."""
    import os

    res = subprocess.run([EXE, "portfolio", str(EX)], capture_output=True, text=True, cwd=ROOT,
                         stdin=subprocess.DEVNULL, env={**os.environ, "COLUMNS": str(columns), "LANG": "C.UTF-8"})
    assert res.returncode == 0, res.stderr
    lines = res.stdout.splitlines()
    assert max(len(line) for line in lines) <= columns
    rows = [line.split() for line in lines if re.search(r"\d+ / \d+", line)]
    assert [r[r.index("/") - 1] + "/" + r[r.index("/") + 1] for r in rows] == ["99/99", "83/91", "100/102", "98/100",
                                                                                "101/101"]
    dates = [[w for w in r if re.fullmatch(r"\d{4}-\d\d-\d\d", w)] for r in rows]
    if columns == 80:
        assert dates == [["2027-02-20"], ["2027-10-06"], ["2026-12-04"], ["2026-12-04"], ["2026-12-04"]]
    else:
        assert dates == [["2027-02-20", "2026-11-20"], ["2027-10-06", "2026-11-20"], ["2026-12-04", "2026-11-20"],
                         ["2026-12-04", "2026-11-20"], ["2026-12-04", "2026-11-20"]]
        assert "Blockers" in lines[2] and "Tier now → likely" in lines[2]
