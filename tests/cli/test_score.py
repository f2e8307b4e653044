"""On the command line: validate and score, exit codes a CI job can rely on."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
EXE = str(Path(sys.executable).parent / "aeo-check")
EXAMPLES = sorted(str(p) for p in (ROOT / "examples").glob("*.yaml"))

BAD = """\
format: aeo-check/answers/1
standard: gacc-2025-01
language: zh
enterprise:
  name: 坏数据公司
  uscc: 91310115MA1FL3W8PX
  customs_code: "12345"
  type: importer
  specific: []
  production: true
assessed_on: 2026-11-20
answers:
  audit_opinon: qualified
  total_assets: abc
  penalty_count_12m: -3
  exports: maybe
  adverse_decision_on: 2026-13-01
"""


def cli(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run([EXE, *args], capture_output=True, text=True, cwd=cwd, stdin=subprocess.DEVNULL,
                          env={"PATH": "/usr/bin:/bin", "COLUMNS": "120", "LANG": "C.UTF-8"})


def test_validate_reports_every_problem_with_file_line_and_field(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text(BAD, encoding="utf-8")
    res = cli("validate", str(bad), EXAMPLES[0])
    assert res.returncode == 2
    err = res.stderr
    expected = [
        f"{bad}:2: standard: answers were given for catalogue 'gacc-2025-01'",
        f"{bad}:6: enterprise.uscc: check digit is 'X', expected 'P'",
        f"{bad}:7: enterprise.customs_code: must be 10 characters",
        f"{bad}:8: enterprise.type: 'importer' is not allowed",
        f"{bad}:13: answers.audit_opinon: unknown question id (did you mean 'audit_opinion'?)",
        f"{bad}:14: answers.total_assets: expected a number >= 0",
        f"{bad}:15: answers.penalty_count_12m: -3 is out of range",
        f"{bad}:16: answers.exports: expected true or false",
        f"{bad}:17: answers.adverse_decision_on: expected a date YYYY-MM-DD",
    ]
    for line in expected:
        assert line in err, line
    assert "Traceback" not in err
    assert f"{EXAMPLES[0]}: ok" in res.stdout


def test_validate_json_answer_file_and_syntax_error(tmp_path):
    import yaml

    doc = yaml.safe_load((ROOT / "examples" / "certified-trading.yaml").read_text(encoding="utf-8"))
    doc["assessed_on"] = str(doc["assessed_on"])
    good = tmp_path / "a.json"
    good.write_text(json.dumps(doc, ensure_ascii=False, indent=1), encoding="utf-8")
    assert cli("validate", str(good)).returncode == 0
    doc["answers"]["audit_opinion"] = "glowing"
    good.write_text(json.dumps(doc, ensure_ascii=False, indent=1), encoding="utf-8")
    res = cli("validate", str(good))
    assert res.returncode == 2 and "answers.audit_opinion" in res.stderr and "unqualified" in res.stderr
    broken = tmp_path / "b.yaml"
    broken.write_text("format: x\n  bad: [\n", encoding="utf-8")
    res = cli("validate", str(broken), str(tmp_path / "missing.yaml"))
    assert res.returncode == 2
    assert f"{broken}:2: syntax error" in res.stderr and "missing.yaml: file not found" in res.stderr


def test_score_table_names_tier_and_both_scores():
    res = cli("score", str(ROOT / "examples" / "certified-trading.yaml"))
    assert res.returncode == 0, res.stderr
    out = res.stdout
    assert "Certified Enterprise" in out and "Advanced standard" in out and "102" in out and "(13)" in out


def test_score_json_fields_for_every_example():
    res = cli("score", *EXAMPLES, "--format", "json")
    assert res.returncode == 0, res.stderr
    rows = json.loads(res.stdout)
    assert [Path(r["file"]).name for r in rows] == [Path(p).name for p in EXAMPLES]
    tiers = {Path(r["file"]).stem: r["tier"] for r in rows}
    assert tiers == {"advanced-manufacturer": "advanced", "certified-trading": "certified",
                     "customs-broker": "advanced", "discredited": "discredited",
                     "regular-food-importer": "regular"}
    for r in rows:
        assert {"file", "enterprise", "standard", "tier", "reason", "provisional", "standards", "paths"} <= set(r)
        for std in ("advanced", "certified"):
            s = r["standards"][std]
            assert {"passed", "score", "categories", "gaps"} <= set(s)
            for g in s["gaps"]:
                assert {"id", "official_no", "rating", "points"} <= set(g)
        for tier, path in r["paths"].items():
            assert path["tier"] == tier and isinstance(path["items"], list)
    food = next(r for r in rows if "food" in r["file"])
    assert food["provisional"] and food["paths"]["certified"]["items"]


def test_score_json_is_byte_identical_between_runs():
    one = cli("score", *EXAMPLES, "--format", "json").stdout
    two = cli("score", *EXAMPLES, "--format", "json").stdout
    assert one == two and len(one) > 1000


@pytest.mark.parametrize(("guard", "code"), [("certified", 1), ("regular", 0), ("discredited", 0)])
def test_fail_below_guards_a_tier(guard, code):
    res = cli("score", str(ROOT / "examples" / "regular-food-importer.yaml"), "--fail-below", guard)
    assert res.returncode == code, res.stdout + res.stderr


def test_fail_below_any_file_and_invalid_input_is_2(tmp_path):
    files = [str(ROOT / "examples" / "advanced-manufacturer.yaml"), str(ROOT / "examples" / "discredited.yaml")]
    assert cli("score", *files, "--fail-below", "regular").returncode == 1
    assert cli("score", files[0], "--fail-below", "advanced").returncode == 0
    bad = tmp_path / "bad.yaml"
    bad.write_text(BAD, encoding="utf-8")
    res = cli("score", files[0], str(bad))
    assert res.returncode == 2 and "Traceback" not in res.stderr and f"{bad}:6" in res.stderr


def test_blocker_table_shows_person_days_not_a_waiting_time_as_effort():
    """A look-back item only time clears has no work to do: its row says it waits, not "730"."""
    r = cli("score", str(ROOT / "examples" / "discredited.yaml"), "--lang", "en")
    rows = [line.strip("│ ") for line in r.stdout.splitlines() if "Duty and fines paid on time" in line]
    assert [row.split()[-2:] for row in rows] == [["Finance", "Wait"], ["Finance", "Wait"]]
    assert "730" not in r.stdout
    header = next(line for line in r.stdout.splitlines() if "Rating" in line and "Owner" in line)
    assert header.strip("│ ").split()[-1] == "Person-days"
    r = cli("score", str(ROOT / "examples" / "regular-food-importer.yaml"), "--lang", "en")
    internal_audit = next(line for line in r.stdout.splitlines() if line.strip("│ ").startswith("(10)"))
    assert internal_audit.strip("│ ").split()[-1] == "20"  # 20 person-days of work


def test_standards_show_gives_person_days_or_a_wait():
    r = cli("standards", "show", "advanced 22", "--lang", "en")
    assert r.returncode == 0, r.stderr
    assert "Owner: Finance   Effort: Wait" in r.stdout and "730" not in r.stdout
    r = cli("standards", "show", "advanced 10", "--lang", "en")
    assert "Owner: Management   Person-days: 20" in r.stdout


def test_only_the_command_being_run_is_built():
    """Start-up builds the command-line form of the one command named (after the group's options
    and the value of --lang); no command or an unknown one gets the whole app."""
    from aeo_check.cli.main import app
    from aeo_check.cli.words import only_command

    def names(argv):
        lean = only_command(app, argv)
        return [c.name or c.callback.__name__ for c in lean.registered_commands] + \
            [g.name for g in lean.registered_groups]

    assert names(["--lang", "zh", "validate", "x.yaml"]) == ["validate"]
    assert names(["--lang=en", "--debug", "score", "x.yaml"]) == ["score"]
    assert names(["standards", "show", "advanced 48"]) == ["standards"]
    everything = names([])
    assert len(everything) == 14 and names(["--help"]) == everything and names(["scor"]) == everything
    r = cli("scor", "x")
    assert r.returncode == 2 and "No such command 'scor'. Did you mean 'score'" in r.stderr
    r = cli("--help")
    assert all(c in r.stdout for c in ("template", "validate", "score", "plan", "report", "portfolio", "diff",
                                        "assess", "doctor", "standards", "schema", "import", "binder"))


def test_validate_and_score_say_once_which_answers_of_an_older_file_were_left_out():
    old = str(ROOT / "tests" / "answers" / "fixtures" / "2026-11" / "customs-broker.yaml")
    r = cli("--lang", "en", "validate", old)
    assert r.returncode == 0, r.stderr
    said = " ".join(r.stderr.split())
    assert said.count("solid_waste_fine_12m") == 1
    assert "written for an earlier questionnaire; no longer asked, so these answers were left out" in said
    r = cli("score", old, "--lang", "zh")
    assert r.returncode == 0, r.stderr
    said = "".join(r.stderr.split())
    assert said.count("solid_waste_fine_12m") == 1 and "此答卷按旧版问卷填写" in said
    current = cli("score", str(ROOT / "examples" / "customs-broker.yaml"), "--lang", "en")
    assert current.returncode == 0 and "no longer asked" not in current.stderr
