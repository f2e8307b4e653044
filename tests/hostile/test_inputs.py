"""Hostile and faulty input. Nothing hangs, nothing crashes, nothing is lost, nothing escapes.

One test (or one parametrised group) per point of the issue, in the issue's order. Commands that
could hang (a FIFO, /dev/zero, a YAML bomb) run in a subprocess with a timeout: a hang fails the
test instead of stalling the suite. The fuzz tests at the end feed arbitrary bytes and arbitrary
YAML structures to ``validate`` and ``score`` in-process and accept only exit 0 or 2.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import stat
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from aeo_check.catalogue import get_catalogue
from aeo_check.cli.main import app
from aeo_check.files.limits import MAX_FILE_BYTES, MAX_NAME_CHARS, MAX_NOTE_CHARS, MAX_PROBLEMS
from aeo_check.files.sourcefile import DataFileError

ROOT = Path(__file__).resolve().parents[2]
EXE = str(Path(sys.executable).parent / "aeo-check")
EXAMPLE = ROOT / "examples" / "regular-food-importer.yaml"
GOOD = ROOT / "examples" / "customs-broker.yaml"
SOURCE = EXAMPLE.read_text(encoding="utf-8")
CAT = get_catalogue()
ENV = {"PATH": "/usr/bin:/bin", "COLUMNS": "120", "LANG": "C.UTF-8"}


def cli(*args: str, timeout: float = 60, cwd: Path = ROOT, **kw) -> subprocess.CompletedProcess:
    return subprocess.run([EXE, *args], capture_output=True, text=True, cwd=cwd, stdin=subprocess.DEVNULL,
                          env=ENV, timeout=timeout, **kw)


def run(*args: str) -> object:
    """The CLI in-process (CliRunner): exit code, stdout and stderr."""
    return CliRunner().invoke(app, list(args), catch_exceptions=False)


def variant(tmp_path: Path, old: str, new: str, name: str = "a.yaml") -> Path:
    """The food importer's answer file with one line changed."""
    assert old in SOURCE, old
    f = tmp_path / name
    f.write_text(SOURCE.replace(old, new, 1), encoding="utf-8")
    return f


def line_of(path: Path, text: str) -> int:
    return next(i for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if text in line)


# =========================================================================== hangs and unbounded memory

BOMB = "".join(f"{k}: &{k} [{', '.join([f'*{p}'] * 9) if p else ', '.join(['lol'] * 9)}]\n"
               for p, k in zip([None, *"abcdefgh"], "abcdefghi", strict=False))


def test_alias_bomb_is_refused_at_once_by_every_reader(tmp_path):
    bomb = tmp_path / "bomb.yaml"
    bomb.write_text(BOMB, encoding="utf-8")
    assert len(BOMB) < 400  # the 377-byte "billion laughs" of the issue
    for args in (["validate", str(bomb)], ["score", str(bomb)], ["report", str(bomb), "--html", "-o",
                 str(tmp_path / "p.html")], ["report", str(GOOD), "--html", "--brand", str(bomb), "-o",
                 str(tmp_path / "p.html")]):
        res = cli(*args, timeout=30)
        assert res.returncode == 2, (args, res.stderr)
        assert f"{bomb}:2: b[0]: an alias repeats the value anchored at line 1; aliases (*name) are not allowed" \
            in res.stderr
        assert len(res.stderr.splitlines()) == 8  # one line per anchor, not one per use
        assert "Traceback" not in res.stderr
    assert not (tmp_path / "p.html").exists()
    from aeo_check.interactive.session import load_draft

    with pytest.raises(DataFileError) as info:  # assess --resume reads through the same reader
        load_draft(bomb, CAT)
    assert "aliases (*name) are not allowed" in str(info.value)


@pytest.mark.parametrize(("text", "message"), [
    ("a: &a [*a]\n", "rec.yaml:1: a[0]: an alias repeats the value anchored at line 1"),
    ("a: " + "[" * 985 + "]" * 985 + "\n", "rec.yaml:1: a[0][0][0][0][0][0][0][0][0][0][0]: nested more than 12 levels deep"),
    ("a:\n" + "".join("  " * i + "- \n" for i in range(1, 900)), "nested more than 12 levels deep"),
])
def test_recursive_alias_and_deep_nesting_end_in_a_message_not_recursion(tmp_path, text, message):
    f = tmp_path / "rec.yaml"
    f.write_text(text, encoding="utf-8")
    res = cli("validate", str(f), str(GOOD), timeout=30)
    assert res.returncode == 2
    assert message in res.stderr and "RecursionError" not in res.stderr and "Traceback" not in res.stderr
    assert f"{GOOD}: ok" in res.stdout


def test_fifo_and_dev_zero_are_refused_without_reading(tmp_path):
    fifo = tmp_path / "answers.yaml"
    os.mkfifo(fifo)
    res = cli("validate", str(fifo), "/dev/zero", str(GOOD), timeout=20)  # a hang raises TimeoutExpired
    assert res.returncode == 2
    assert f"{fifo}: is a named pipe, not a regular file; only regular files are read" in res.stderr
    assert "/dev/zero: is a character device, not a regular file; only regular files are read" in res.stderr
    assert f"{GOOD}: ok" in res.stdout
    res = cli("score", str(fifo), timeout=20)
    assert res.returncode == 2 and "is a named pipe" in res.stderr


def test_a_file_over_the_size_limit_is_not_loaded(tmp_path):
    big = tmp_path / "big.yaml"
    with open(big, "wb") as fh:  # 500 MB, sparse: costs no disk
        fh.truncate(500 * 1024 * 1024)
    res = cli("validate", str(big), timeout=20)
    assert res.returncode == 2
    assert res.stderr.strip() == f"{big}: is 524,288,000 bytes; the limit is {MAX_FILE_BYTES:,} bytes"


def test_problems_per_file_are_capped_and_counted(tmp_path):
    extra = "".join(f"  unknown_question_{i}: 1\n" for i in range(60_000))
    f = variant(tmp_path, "answers:\n", "answers:\n" + extra)
    assert f.stat().st_size < MAX_FILE_BYTES
    res = cli("validate", str(f), str(GOOD), timeout=60)
    assert res.returncode == 2
    lines = res.stderr.splitlines()
    assert len(lines) == MAX_PROBLEMS + 1
    assert lines[0] == f"{f}:{line_of(f, 'unknown_question_0:')}: answers.unknown_question_0: unknown question id"
    assert lines[-1] == f"{f}: … and {60_000 - MAX_PROBLEMS} more problems (only the first {MAX_PROBLEMS} are listed)"
    assert f"{GOOD}: ok" in res.stdout


def test_notes_and_names_over_their_limits_are_refused_with_line_and_field(tmp_path):
    long_note = "注" * (MAX_NOTE_CHARS + 1)
    f = variant(tmp_path, "notes:\n", f'notes:\n  audit_opinion: "{long_note}"\n')
    res = run("validate", str(f))
    assert res.exit_code == 2
    assert (
        res.stderr.strip() == f"{f}:{line_of(f, long_note[:10])}: notes.audit_opinion: 2,001 characters; "
        f"the limit is 2,000"
    )
    ok = variant(tmp_path, "notes:\n", f'notes:\n  audit_opinion: "{long_note[1:]}"\n', "ok.yaml")
    assert run("validate", str(ok)).exit_code == 0
    name = "名" * (MAX_NAME_CHARS + 1)
    f = variant(tmp_path, '  name: "上海禾鲜食品进出口有限公司"', f'  name: "{name}"', "name.yaml")
    res = run("validate", str(f))
    assert res.exit_code == 2
    assert f"{f}:{line_of(f, name)}: enterprise.name: String should have at most 200 characters" in res.stderr


def test_report_appendix_has_a_fixed_table_layout_for_long_notes():
    """A note at the length limit renders in time proportional to its length only when the
    appendix table's column widths do not depend on its text (auto layout took minutes)."""
    css = (ROOT / "report_templates" / "plan.css").read_text(encoding="utf-8")
    assert "table.qa { table-layout: fixed; }" in css
    from aeo_check.document.resultfile import read_one
    from aeo_check.views.pdf.report import render_html

    R = read_one(CAT, EXAMPLE).data
    R["notes"]["audit_opinion"] = "A" * MAX_NOTE_CHARS
    html = render_html(CAT, R, "en")
    assert re.search(r'<table class="grid qa">', html) and "A" * MAX_NOTE_CHARS in html


def test_result_json_is_checked_before_anything_is_drawn(tmp_path):
    res = cli("score", str(EXAMPLE), "--format", "json")
    data = json.loads(res.stdout)
    data[0]["standards"]["advanced"]["categories"]["compliance"]["points_lost"] = 10_000_000
    f = tmp_path / "result.json"
    f.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    out = tmp_path / "plan.pdf"
    res = cli("report", str(f), "-o", str(out), timeout=60)
    assert res.returncode == 2
    assert re.fullmatch(rf"{f}:\d+: \[0\]\.standards\.advanced\.categories\.compliance\.points_lost: "
                        r"Input should be less than or equal to 1000\n", res.stderr)
    assert not out.exists()
    data[0]["standards"]["advanced"]["categories"]["compliance"]["points_lost"] = 3
    data[0]["derived"]["no_such_ratio"] = 1
    data[0]["notes"]["audit_opinion"] = "x" * (MAX_NOTE_CHARS + 1)
    f.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    res = cli("report", str(f), "-o", str(out))
    assert res.returncode == 2 and not out.exists()
    assert re.search(rf"{f}:\d+: \[0\]\.derived\.no_such_ratio: unknown derived value", res.stderr)
    assert re.search(rf"{f}:\d+: \[0\]\.notes\.audit_opinion: 2,001 characters; the limit is 2,000", res.stderr)
    del data[0]["derived"]["no_such_ratio"], data[0]["notes"]["audit_opinion"]
    f.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    res = cli("report", str(f), "--html", "-o", str(tmp_path / "plan.html"))
    assert res.returncode == 0, res.stderr


# =========================================================================== writing files


def _device(tmp_path: Path, name: str, minor: int) -> Path:
    node = tmp_path / name
    try:
        os.mknod(node, stat.S_IFCHR | 0o666, os.makedev(1, minor))
    except (PermissionError, OSError) as exc:
        pytest.skip(f"cannot make a device node here: {exc}")
    return node


def test_output_to_a_device_writes_to_it_and_never_replaces_it(tmp_path):
    null = _device(tmp_path, "null", 3)  # like /dev/null
    res = cli("report", str(GOOD), "--html", "-o", str(null))
    assert res.returncode == 0, res.stderr
    assert stat.S_ISCHR(null.stat().st_mode) and os.major(null.stat().st_rdev) == 1
    full = _device(tmp_path, "full", 7)  # like /dev/full
    res = cli("report", str(GOOD), "--html", "-o", str(full))
    assert res.returncode == 3
    assert res.stderr.strip() == f"aeo-check: cannot write {full}: No space left on device"
    assert stat.S_ISCHR(full.stat().st_mode)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["full", "null"]


def test_output_to_dev_stdout_a_dash_a_fifo_and_a_symlink(tmp_path):
    res = cli("report", str(GOOD), "--html", "-o", "/dev/stdout")
    assert res.returncode == 0 and res.stdout.startswith("<!DOCTYPE html>")
    res = cli("report", str(GOOD), "--html", "-o", "-")
    assert res.returncode == 0 and res.stdout.startswith("<!DOCTYPE html>") and res.stderr == ""
    fifo = tmp_path / "plan.fifo"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()))
    reader.start()
    res = cli("report", str(GOOD), "--html", "-o", str(fifo), timeout=60)
    reader.join(timeout=20)
    assert res.returncode == 0 and got and got[0].startswith(b"<!DOCTYPE html>")
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    target = tmp_path / "real.html"
    target.write_text("old", encoding="utf-8")
    link = tmp_path / "link.html"
    link.symlink_to("real.html")
    assert cli("report", str(GOOD), "--html", "-o", str(link)).returncode == 0
    assert link.is_symlink() and os.readlink(link) == "real.html"
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_saves_keep_mode_and_owner_of_the_replaced_file(tmp_path):
    from aeo_check.answers.read import load_answers
    from aeo_check.answers.store import save_answers

    answers = tmp_path / "answers.yaml"
    shutil.copy(EXAMPLE, answers)
    answers.chmod(0o600)
    save_answers(answers, load_answers(answers, CAT))
    assert stat.S_IMODE(answers.stat().st_mode) == 0o600
    plan = tmp_path / "plan.html"
    plan.write_text("old", encoding="utf-8")
    plan.chmod(0o640)
    if os.geteuid() == 0:
        os.chown(plan, 65534, 65534)
    assert cli("report", str(EXAMPLE), "--html", "-o", str(plan)).returncode == 0
    st_ = plan.stat()
    assert stat.S_IMODE(st_.st_mode) == 0o640 and plan.read_text(encoding="utf-8").startswith("<!DOCTYPE")
    if os.geteuid() == 0:
        assert (st_.st_uid, st_.st_gid) == (65534, 65534)


def test_an_input_and_an_existing_answer_file_are_never_overwritten(tmp_path):
    answers = tmp_path / "x.yaml"
    shutil.copy(EXAMPLE, answers)
    before = answers.read_bytes()
    res = cli("report", str(answers), "--html", "-o", str(answers))
    assert res.returncode == 2
    assert (
        res.stderr.strip() == f"aeo-check: refusing to write {answers}: it is an input of this command; "
        "choose another output file"
    )
    assert answers.read_bytes() == before
    res = cli("template", "-o", str(answers))
    assert res.returncode == 2
    assert (
        res.stderr.strip() == f"aeo-check: refusing to overwrite {answers}: it is an answer file "
        "(use --force to replace it)"
    )
    assert answers.read_bytes() == before
    other = tmp_path / "other.pdf"
    assert cli("report", str(GOOD), "--html", "-o", str(answers)).returncode == 2  # another file's answers
    assert cli("template", "-o", str(answers), "--force").returncode == 0
    assert answers.read_bytes() != before and b"format: aeo-check/answers/1" in answers.read_bytes()
    assert not other.exists()


# --------------------------------------------------------------------------- assess: lock, autosave, temp files


@pytest.fixture
def near(tmp_path):
    from keys import near_complete

    return near_complete(tmp_path)


def test_a_second_assess_session_on_the_same_file_is_refused(near, capsys):
    from keys import ENTER, drive, saved

    from aeo_check.interactive.lock import SessionLock

    first = SessionLock(near)
    assert first.acquire()
    try:
        code, typist, _ = drive(near.parent, ["y"], resume=near)
        assert code == 2 and typist.asked == []
        assert (
            f"{near} is being answered in another aeo-check assess session (process {os.getpid()})"
            in capsys.readouterr().err
        )
    finally:
        first.release()
    code, _, _ = drive(near.parent, ["y", "3" + ENTER, "2" + ENTER, "1" + ENTER, "n"], resume=near)
    assert code == 0 and saved(near)["answers"]["declarants_top_advanced"] == 1
    assert not (near.parent / f".{near.name}.lock").exists()


def test_an_autosave_that_fails_keeps_the_answer_and_saves_it_elsewhere(near, tmp_path, monkeypatch):
    from keys import CTRL_U, ENTER, drive, saved

    import aeo_check.answers.store as store
    from aeo_check.files.outfile import OutputError

    real_write = store.write_file_atomic
    calls = {"n": 0}

    def folder_turns_read_only(path, data, display=None):
        calls["n"] += 1
        if calls["n"] > 1 and Path(path).parent == near.parent:
            raise OutputError(f"cannot write {path}: no new file can be made in {near.parent} (Read-only file system)")
        real_write(path, data, display)

    monkeypatch.setattr(store, "write_file_atomic", folder_turns_read_only)
    elsewhere = tmp_path / "rescued" / "answers.yaml"
    code, typist, out = drive(near.parent, ["y", CTRL_U + str(elsewhere) + ENTER, "3" + ENTER, "2" + ENTER,
                                            "1" + ENTER, "n"], resume=near)
    assert code == 0
    assert (
        f"Could not save to {near}: cannot write {near}: no new file can be made in {near.parent} "
        "(Read-only file system). The answers are kept in memory; nothing is lost." in out.replace("\n", " ")
    )
    assert typist.asked[1].startswith("text:Save to another file")
    final = saved(elsewhere)["answers"]
    assert [final[q] for q in ("security_training_agents", "declarants_top_junior", "declarants_top_intermediate",
                               "declarants_top_advanced")] == [True, 3, 2, 1]
    assert f"Answers are saved in {elsewhere}" in out.replace("\n", "")


def test_an_autosave_that_fails_and_an_interrupt_still_show_every_answer(near, monkeypatch):
    from keys import CTRL_C, CTRL_U, ENTER, drive

    import aeo_check.answers.store as store
    from aeo_check.files.outfile import OutputError

    real_write = store.write_file_atomic
    calls = {"n": 0}

    def disk_fills_up(path, data, display=None):
        calls["n"] += 1
        if calls["n"] > 1:
            raise OutputError(f"cannot write {path}: No space left on device")
        real_write(path, data, display)

    monkeypatch.setattr(store, "write_file_atomic", disk_fills_up)
    code, typist, out = drive(near.parent, ["y", CTRL_U + ENTER, "3" + ENTER, CTRL_U + ENTER, CTRL_C], resume=near)
    assert code == 130
    assert "The answers could not be saved. Here they all are, to copy:" in out
    shown = yaml.safe_load(out[out.index("# aeo-check answer file"):])
    assert shown["answers"]["security_training_agents"] is True and shown["answers"]["declarants_top_junior"] == 3


def test_temp_files_left_by_a_killed_save_are_removed_next_time(near, tmp_path):
    from keys import ENTER, drive

    left = near.parent / f".{near.name}.k1ll3d.tmp"
    left.write_text("half a file", encoding="utf-8")
    code, _, _ = drive(near.parent, ["y", "3" + ENTER, "2" + ENTER, "1" + ENTER, "n"], resume=near)
    assert code == 0 and not left.exists()
    plan = tmp_path / "plan.html"
    old = tmp_path / ".plan.html.abc123.tmp"
    young = tmp_path / ".plan.html.def456.tmp"
    for p in (old, young):
        p.write_text("x", encoding="utf-8")
    os.utime(old, (time.time() - 3600, time.time() - 3600))
    assert cli("report", str(GOOD), "--html", "-o", str(plan)).returncode == 0
    assert not old.exists() and young.exists()  # a fresh one may belong to a save in progress


# =========================================================================== silent wrong values


def test_duplicate_keys_are_refused_with_both_lines_in_yaml_and_json(tmp_path):
    f = variant(tmp_path, "notes:\n", "answers:   # a second block\n  audit_opinion: qualified\nnotes:\n")
    first, second = line_of(f, "answers:"), line_of(f, "# a second block")
    res = run("validate", str(f))
    assert res.exit_code == 2
    assert res.stderr.strip() == f"{f}:{second}: answers: duplicate key: first at line {first}, again at line {second}"
    j = tmp_path / "a.json"
    j.write_text('{"format": "aeo-check/answers/1",\n "language": "zh",\n "language": "en"}\n', encoding="utf-8")
    res = run("validate", str(j))
    assert (
        res.exit_code == 2 and res.stderr.strip() == f"{j}:3: language: duplicate key: first at line 2, again at line 3"
    )


@pytest.mark.parametrize(("written", "message"), [
    ('"1,5"', "thousands separators go between groups of three digits"),
    ("1:30", "write the number with the digits 0-9"),
    ("0x10", "write the number with the digits 0-9"),
    ("1_000", "write the number with the digits 0-9"),
    ("٨٦٠", "write the number with the digits 0-9"),
    ("1" + "0" * 1000, "too large: at most 15 digits before the decimal point"),
    ("1" + "0" * 5000, "too large: at most 15 digits before the decimal point"),
    ("1.7e308", "too large: at most 15 digits before the decimal point"),
    (".nan", "write the number with the digits 0-9"),
    ("-.inf", "write the number with the digits 0-9"),
    ("0.0000001", "at most 6 decimal places"),
])
def test_numbers_no_person_means_are_refused(tmp_path, written, message):
    from aeo_check.answers.model import allowed

    f = variant(tmp_path, "  trade_value_prev_year: 98000000", f"  trade_value_prev_year: {written}")
    res = run("validate", str(f))
    assert res.exit_code == 2
    expected = allowed(CAT, CAT.questions["trade_value_prev_year"])
    assert expected.startswith("a number >= 0")
    assert (
        f"{f}:{line_of(f, 'trade_value_prev_year:')}: answers.trade_value_prev_year: expected {expected}: "
        f"{message}" in res.stderr
    )


@pytest.mark.parametrize(("written", "value"), [('"98,000,000"', 98_000_000), ("9.8e7", 98_000_000),
                                                ("98000000.0", 98_000_000)])
def test_numbers_as_people_write_them_are_read(tmp_path, written, value):
    from aeo_check.answers.read import load_answers

    f = variant(tmp_path, "  trade_value_prev_year: 98000000", f"  trade_value_prev_year: {written}")
    assert load_answers(f, CAT).answers["trade_value_prev_year"] == value


def test_json_exponent_is_a_whole_number_for_an_integer_question(tmp_path):
    from aeo_check.answers.read import load_answers

    doc = yaml.safe_load(SOURCE)
    doc["assessed_on"] = str(doc["assessed_on"])
    text = json.dumps(doc, ensure_ascii=False).replace('"declarations_prev_year": 860', '"declarations_prev_year": 1e3')
    f = tmp_path / "a.json"
    f.write_text(text, encoding="utf-8")
    assert load_answers(f, CAT).answers["declarations_prev_year"] == 1000


@pytest.mark.parametrize(("old", "new", "message"), [
    ("assessed_on: 2026-11-20", "assessed_on: 1728000000", "assessed_on: expected a date YYYY-MM-DD"),
    ("assessed_on: 2026-11-20", "assessed_on: 9999-12-31", "assessed_on: must be between 2000-01-01 and 2099-12-31"),
    ("assessed_on: 2026-11-20", "assessed_on: 20261120", "assessed_on: expected a date YYYY-MM-DD"),
    ("  adverse_decision: false\n", "  adverse_decision: true\n", None),
])
def test_dates_are_iso_and_past_events_are_not_after_the_assessment(tmp_path, old, new, message):
    f = variant(tmp_path, old, new)
    if message is None:  # an adverse decision dated after the assessment, or absurdly far
        text = f.read_text(encoding="utf-8")
        for when, why in (
            ("9999-12-31", "9999-12-31 is after assessed_on (2026-11-20): this answer is the date of a past event"),
            ("2026-11-21", "2026-11-21 is after assessed_on (2026-11-20)"),
            ("1066-10-14", "1066-10-14 is too early: expected a date from 1900-01-01 on"),
        ):
            f.write_text(text.replace("  adverse_decision_on:\n", f"  adverse_decision_on: {when}\n"), encoding="utf-8")
            res = run("validate", str(f))
            assert res.exit_code == 2
            assert f"{f}:{line_of(f, 'adverse_decision_on:')}: answers.adverse_decision_on: {why}" in res.stderr
            assert run("score", str(f)).exit_code == 2
        f.write_text(text.replace("  adverse_decision_on:\n", "  adverse_decision_on: 2026-05-04\n"), encoding="utf-8")
        assert run("validate", str(f)).exit_code == 0
        return
    res = run("validate", str(f))
    assert res.exit_code == 2 and f"{f}:{line_of(f, new)}: {message}" in res.stderr


def test_template_and_checker_agree_on_yes(tmp_path):
    """The template says what a yes/no answer may be; the checker reads exactly that: `yes`
    unquoted is the text "yes" (YAML 1.2), not a boolean that no longer matches."""
    template = run("template", "--type", "importer_exporter", "--lang", "en").stdout
    at = template.index("\n  adverse_decision:")
    assert template[:at].rsplit("\n", 1)[-1] == "  # allowed: true or false (yes or no)"
    from aeo_check.answers.read import load_answers

    for written, value in (("yes", True), ("no", False), ("Yes", True), ("true", True)):
        f = variant(tmp_path, "  adverse_decision: false", f"  adverse_decision: {written}", f"{written}.yaml")
        if value:
            text = f.read_text(encoding="utf-8").replace("  adverse_decision_on:\n", "  adverse_decision_on: 2026-05-04\n")
            f.write_text(text, encoding="utf-8")
        assert load_answers(f, CAT).answers["adverse_decision"] is value, written
    f = variant(tmp_path, "  adverse_decision: false", "  adverse_decision: off", "c.yaml")
    res = run("validate", str(f))
    assert res.exit_code == 2 and "answers.adverse_decision: expected true or false (yes or no)" in res.stderr


# =========================================================================== terminal and logs

ESCAPES = "\x1b]0;pwned\x07\x1b[2J\x1b[10;10H\x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\\x9b31m"


def test_escape_sequences_never_reach_the_terminal(tmp_path):
    hostile_dir = tmp_path / ("\x1b[31m" + "folder")
    hostile_dir.mkdir()
    name = hostile_dir / ("\x9b2J" + "a.yaml")
    shutil.copy(EXAMPLE, name)
    bad = variant(tmp_path, "answers:\n", f"answers:\n  {json.dumps(ESCAPES)}: 1\n", "bad.yaml")
    bad_name = variant(tmp_path, '  name: "上海禾鲜食品进出口有限公司"', f"  name: {json.dumps(ESCAPES)}", "n.yaml")
    for res in (cli("validate", str(name), str(bad), str(bad_name)), cli("score", str(name), str(bad), str(bad_name))):
        both = res.stdout + res.stderr
        assert res.returncode == 2
        assert not any(c in both for c in "\x1b\x07\x9b"), both
        assert "answers.\\x1b]0;pwned\\x07\\x1b[2J" in res.stderr
        assert (
            f"{bad_name}:{line_of(bad_name, '  name:')}: enterprise.name: holds U+001B, a control or format "
            "character; remove it" in res.stderr
        )
    assert "\\x1b[31mfolder/\\x9b2Ja.yaml: ok" in cli("validate", str(name)).stdout
    res = cli("score", str(name), "--format", "json")  # JSON escapes them too (C1 included)
    assert res.returncode == 0 and not any(c in res.stdout for c in "\x1b\x9b")
    assert json.loads(res.stdout)[0]["file"] == str(name)


def test_a_symlink_out_of_the_folder_is_not_read_and_no_content_is_echoed(tmp_path):
    secret_dir = Path(tempfile.mkdtemp())
    try:
        secret = secret_dir / "shadow"
        secret.write_text("root: $y$j9T$SECRETHASH\ndaemon: '*'\n", encoding="utf-8")
        pr = tmp_path / "answers"
        pr.mkdir()
        (pr / "x.yaml").symlink_to(secret)
        res = cli("validate", str(pr / "x.yaml"))
        assert res.returncode == 2
        assert (
            res.stderr.strip() == f"{pr / 'x.yaml'}: is a symbolic link to a file outside its folder; links are "
            "followed only within their own folder (give the file's own path)"
        )
        inside = pr / "real.yaml"
        shutil.copy(EXAMPLE, inside)
        (pr / "alias.yaml").symlink_to("real.yaml")
        assert cli("validate", str(pr / "alias.yaml")).returncode == 0  # within the folder: fine
        copy = pr / "copy.yaml"  # not a link, but not an answer file either: nothing of it is quoted
        shutil.copy(secret, copy)
        res = cli("validate", str(copy))
        assert res.returncode == 2 and "SECRETHASH" not in res.stderr and "daemon" not in res.stderr
        assert (
            res.stderr.strip() == f"{copy}: not an aeo-check answer file: an answer file is a mapping that starts "
            "with `format: aeo-check/answers/1` (aeo-check template writes one)"
        )
    finally:
        shutil.rmtree(secret_dir)


MARKUP = "[red]Acme[/] Co."


def test_rich_markup_in_a_name_prints_as_written_on_every_terminal_view(tmp_path):
    f = variant(tmp_path, '  name: "上海禾鲜食品进出口有限公司"', f"  name: {json.dumps(MARKUP)}", "[blink]a.yaml")
    for args in (["score", str(f)], ["score", str(f), str(EXAMPLE)], ["plan", str(f)], ["diff", str(EXAMPLE), str(f)],
                 ["portfolio", str(f)]):
        res = cli(*args, cwd=tmp_path)
        assert res.returncode == 0, (args, res.stderr)
        assert MARKUP in res.stdout, (args, res.stdout)


def test_github_annotations_keep_a_hostile_file_name_inside_one_command(tmp_path):
    folder = tmp_path / "a,b::error title=forged::x%"
    folder.mkdir()
    f = folder / "c.yaml"
    f.write_text(SOURCE.replace("assessed_on: 2026-11-20", "assessed_on: 2026-13-40", 1), encoding="utf-8")
    res = cli("validate", "--format", "github", str(f))
    assert res.returncode == 2
    [line] = res.stdout.splitlines()
    assert line.startswith(f"::error file={str(folder).replace(',', '%2C').replace(':', '%3A').replace('%x', '%25x')}")
    assert line.count("::") == 2  # the command's own two: nothing from the name starts another


def test_rich_markup_in_an_assess_path_is_shown_as_written(tmp_path):
    from keys import CTRL_C, drive

    path = tmp_path / "x[/]y[bold red].yaml"
    code, _, out = drive(tmp_path, [CTRL_C], output=path)
    assert code == 130 and path.exists()
    flat = out.replace("\n", "")
    # the resume line is a command to paste: the path is quoted for the shell (issue 12)
    assert f"Answers are saved in {path}" in flat and f"--resume '{path}'" in flat


# =========================================================================== exit codes and batches


def test_an_internal_error_is_exit_3_in_one_line_and_traceback_only_with_debug(monkeypatch):
    import aeo_check.scoring as scoring

    def broken(cat, a):
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr(scoring, "score", broken)
    res = run("score", str(EXAMPLE), str(GOOD))
    assert res.exit_code == 3
    assert res.stderr.splitlines() == [
        f"{EXAMPLE}: internal error: ZeroDivisionError: division by zero (run with --debug for the traceback)",
        f"{GOOD}: internal error: ZeroDivisionError: division by zero (run with --debug for the traceback)"]
    res = run("--debug", "validate", str(EXAMPLE))
    assert res.exit_code == 3 and "Traceback (most recent call last)" in res.stderr and "in broken" in res.stderr


def test_an_unexpected_error_outside_a_batch_is_exit_3(monkeypatch):
    import aeo_check.views.pdf.report as report

    monkeypatch.setattr(report, "build_context", lambda *a, **k: {}["boom"])
    res = run("report", str(EXAMPLE), "--html", "-o", "/dev/null")
    assert res.exit_code == 3
    assert res.stderr.strip() == "aeo-check: internal error: KeyError: 'boom' (run with --debug for the traceback)"


def test_interrupt_is_130(monkeypatch):
    import aeo_check.scoring as scoring

    def interrupted(cat, a):
        raise KeyboardInterrupt

    monkeypatch.setattr(scoring, "score", interrupted)
    res = run("score", str(EXAMPLE))
    assert res.exit_code == 130


@pytest.mark.parametrize("fmt", ["table", "json"])
def test_a_broken_pipe_is_not_an_error(fmt):
    files = [str(p) for p in sorted((ROOT / "examples").glob("*.yaml"))] * 8
    proc = subprocess.Popen([EXE, "score", *files, "--format", fmt], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            stdin=subprocess.DEVNULL, env=ENV)
    assert proc.stdout.readline()
    proc.stdout.close()  # like `| head -1`
    err = proc.stderr.read().decode()
    proc.stderr.close()
    assert proc.wait(timeout=60) == 0 and err == ""


def test_every_file_of_a_batch_is_processed_and_the_worst_code_wins(tmp_path, monkeypatch):
    bad = variant(tmp_path, "  trade_value_prev_year: 98000000", "  trade_value_prev_year: 1:30", "bad.yaml")
    res = cli("validate", str(bad), str(GOOD))
    at = line_of(bad, "trade_value_prev_year:")
    assert res.returncode == 2 and f"{GOOD}: ok" in res.stdout and f"{bad}:{at}:" in res.stderr
    res = cli("score", str(bad), str(GOOD), str(ROOT / "examples" / "discredited.yaml"), "--fail-below", "regular")
    assert res.returncode == 2  # invalid beats below the tier
    assert "customs-broker.yaml" in res.stdout and "discredited.yaml" in res.stdout
    assert (
        cli("score", str(GOOD), str(ROOT / "examples" / "discredited.yaml"), "--fail-below", "regular").returncode == 1
    )
    import aeo_check.scoring as scoring

    real = scoring.score

    def out_of_memory_on_one_file(cat, a):
        if a.file == str(GOOD):
            raise MemoryError
        return real(cat, a)

    monkeypatch.setattr(scoring, "score", out_of_memory_on_one_file)
    res = run("validate", str(bad), str(GOOD), str(EXAMPLE))
    assert res.exit_code == 3
    assert f"{EXAMPLE}: ok" in res.stdout and f"{bad}:{at}:" in res.stderr
    assert f"{GOOD}: internal error: MemoryError" in res.stderr


def _mount_namespace_available() -> bool:
    if shutil.which("unshare") is None or os.geteuid() != 0:
        return False
    return subprocess.run(["unshare", "-m", "true"], capture_output=True).returncode == 0


@pytest.mark.parametrize(("output", "message"), [  # (-o FOLDER/ makes a report per file: issue 14)
    ("old.html/plan.pdf", "cannot write {tmp}/old.html/plan.pdf: a part of the path is a file, not a folder"),
    ("/proc/version", "cannot write /proc/version: no new file can be made in /proc (No such file or directory)"),
])
def test_unwritable_outputs_are_exit_3_with_a_message_and_the_old_file_intact(tmp_path, output, message):
    (tmp_path / "folder").mkdir()
    old = tmp_path / "old.html"
    old.write_text("old", encoding="utf-8")
    target = output if output == "/proc/version" else str(tmp_path / output)
    res = cli("report", str(GOOD), "--html", "-o", target, cwd=tmp_path)
    assert res.returncode == 3
    assert res.stderr.strip() == "aeo-check: " + message.format(tmp=tmp_path)
    assert old.read_text(encoding="utf-8") == "old"


@pytest.mark.skipif(not _mount_namespace_available(), reason="needs root and a private mount namespace")
def test_read_only_folder_and_full_disk_are_exit_3_and_the_old_file_intact(tmp_path):
    (tmp_path / "ro").mkdir()
    (tmp_path / "full").mkdir()
    (tmp_path / "ro" / "plan.html").write_text("old", encoding="utf-8")
    script = (
        f"mount -t tmpfs -o size=16k tmpfs full && echo old > full/plan.html && "
        f"mount --bind ro ro && mount -o remount,bind,ro ro && "
        f'{EXE} report {GOOD} --html -o ro/plan.html; echo "ro=$?"; '
        f'{EXE} report {GOOD} --html -o full/plan.html; echo "full=$?"; cat full/plan.html; ls -A full'
    )
    res = subprocess.run(
        ["unshare", "-m", "sh", "-c", script], capture_output=True, text=True, cwd=tmp_path, env=ENV, timeout=120
    )
    assert "ro=3" in res.stdout and "full=3" in res.stdout, res.stdout + res.stderr
    assert (
        "aeo-check: cannot write ro/plan.html: no new file can be made in "
        f"{tmp_path}/ro (Read-only file system)" in res.stderr
    )
    assert "aeo-check: cannot write full/plan.html: No space left on device" in res.stderr
    assert res.stdout.splitlines()[-2:] == ["old", "plan.html"]  # old content, no temporary file left
    assert (tmp_path / "ro" / "plan.html").read_text(encoding="utf-8") == "old"


# =========================================================================== fuzz


def _code_and_output(args: list[str]) -> tuple[int, str]:
    res = CliRunner().invoke(app, args)
    if res.exception is not None and not isinstance(res.exception, SystemExit):
        raise res.exception  # a crash: hypothesis shows the input that caused it
    return res.exit_code, res.output


def _check(f: Path, report: bool = False) -> None:
    code, out = _code_and_output(["validate", str(f)])
    assert code in (0, 2), out
    assert "Traceback" not in out
    score_code, out = _code_and_output(["score", str(f), "--format", "json"])
    assert score_code == code, out  # validate catches everything score would fail on
    assert "Traceback" not in out
    if report and code == 0:
        code, out = _code_and_output(["report", str(f), "--html", "-o", str(f.with_suffix(".html"))])
        assert code == 0, out


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow], database=None)
@given(data=st.binary(max_size=3000), cut=st.integers(min_value=0, max_value=len(SOURCE.encode())))
def test_fuzz_arbitrary_bytes(data, cut):
    raw = SOURCE.encode()
    with tempfile.TemporaryDirectory() as d:
        for i, content in enumerate((data, raw[:cut] + data + raw[cut:])):
            f = Path(d) / f"f{i}.yaml"
            f.write_bytes(content)
            _check(f)


SCALARS = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=20),
    st.sampled_from(["yes", "no", "on", "1:30", "0x10", "1,5", "1,500", ".nan", "-.inf", "٨٦٠", "9999-12-31",
                     "2026-13-01", "1e400", "<<", "~", "true", "\x1b[2J"]),
    st.dates(), st.datetimes(), st.integers(min_value=10**14, max_value=10**400))
STRUCTURES = st.recursive(SCALARS, lambda inner: st.lists(inner, max_size=4)
                          | st.dictionaries(st.text(max_size=12), inner, max_size=4), max_leaves=12)
BASE = yaml.safe_load(SOURCE)
PLACES = (["format", "standard", "language", "enterprise", "assessed_on", "answers", "notes", "extra"]
          + [f"enterprise.{k}" for k in BASE["enterprise"]]
          + [f"answers.{q}" for q in list(CAT.questions)[::3]] + ["notes.audit_opinion", "notes.unknown"])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow], database=None)
@given(changes=st.lists(st.tuples(st.sampled_from(PLACES), STRUCTURES), min_size=1, max_size=3),
       as_json=st.booleans())
def test_fuzz_arbitrary_yaml_structures(changes, as_json):
    doc = json.loads(json.dumps(BASE, default=str))
    for place, value in changes:
        *parents, key = place.split(".")
        node = doc
        for p in parents:
            node = node.setdefault(p, {}) if isinstance(node.get(p), dict) or p not in node else None
            if node is None:
                break
        if isinstance(node, dict):
            node[key] = value
    with tempfile.TemporaryDirectory() as d:
        f = Path(d) / ("a.json" if as_json else "a.yaml")
        text = (
            json.dumps(doc, default=str, ensure_ascii=False)
            if as_json
            else yaml.safe_dump(doc, allow_unicode=True, sort_keys=False)
        )
        f.write_text(text, encoding="utf-8")
        _check(f, report=True)
        from aeo_check.interactive.session import load_draft

        try:  # assess --resume reads drafts more leniently, but never crashes either
            load_draft(f, CAT)
        except DataFileError:
            pass


def test_fuzz_base_document_is_valid():
    """The fuzz starts from a valid file, so a change is what makes it invalid."""
    with tempfile.TemporaryDirectory() as d:
        f = Path(d) / "a.yaml"
        f.write_text(yaml.safe_dump(json.loads(json.dumps(BASE, default=str)), allow_unicode=True), encoding="utf-8")
        assert _code_and_output(["validate", str(f)])[0] == 0


def test_report_to_an_empty_path_or_an_existing_folder_is_refused_with_exit_2(tmp_path):
    exe = str(Path(sys.executable).parent / "aeo-check")
    example = str(Path(__file__).resolve().parents[2] / "examples" / "discredited.yaml")
    empty = subprocess.run(
        [exe, "report", example, "-o", ""], capture_output=True, text=True, stdin=subprocess.DEVNULL, cwd=tmp_path
    )
    assert empty.returncode == 2 and empty.stderr.strip() == "-o: the path is empty / 输出路径为空"
    assert list(tmp_path.iterdir()) == []
    folder = tmp_path / "plans"
    folder.mkdir()
    res = subprocess.run([exe, "report", example, "-o", str(folder)], capture_output=True, text=True,
                         stdin=subprocess.DEVNULL)
    assert res.returncode == 2
    assert res.stderr.startswith(f"{folder}: is a folder; to write the plan into it use -o {folder}/")
    assert list(folder.iterdir()) == []
