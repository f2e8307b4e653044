"""`assess` for real people, driven with piped keys (no terminal needed).

No answer is saved that the person did not give; the navigation keys work on every question
type; "don't know yet" is recorded and reported; amounts are read as people write them and
echoed back; progress counts the whole questionnaire; a commented file keeps its comments.
"""

from __future__ import annotations

import io
import re
import subprocess
import sys
import threading
from contextlib import redirect_stdout
from pathlib import Path

import pytest
from keys import CTRL_C, CTRL_N, CTRL_P, CTRL_S, CTRL_U, ENTER, FIRST, ROOT, TODAY, UP, Typist, saved
from prompt_toolkit.application import create_app_session
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput
from rich.console import Console

from aeo_check.answers.amounts import AmountError, format_amount, parse_amount
from aeo_check.answers.messages import localise
from aeo_check.answers.model import uscc_problem
from aeo_check.answers.read import load_answers
from aeo_check.catalogue import get_catalogue
from aeo_check.document.build import read as read_document
from aeo_check.interactive.asker import DONT_KNOW, Asker, parse_text_answer
from aeo_check.interactive.screening import screening_ids
from aeo_check.interactive.session import run_assess
from aeo_check.views.template import render_template
from aeo_check.words.i18n import default_lang
from aeo_check.words.progname import program

CAT = get_catalogue()
CTRL_D, DOWN = "\x04", "\x1b[B"
EXE = str(Path(sys.executable).parent / "aeo-check")


def near_complete(tmp_path: Path, blank: list[str] | None = None) -> Path:
    """The certified-trading example without notes and with ``blank`` answers left empty."""
    text = (ROOT / "examples" / "certified-trading.yaml").read_text(encoding="utf-8")
    text = re.sub(r"(?ms)^notes:\n.*", "notes: {}\n", text)
    for qid in blank if blank is not None else ["security_training_agents", "declarants_top_junior",
                                                "declarants_top_intermediate", "declarants_top_advanced"]:
        text, n = re.subn(rf"(?m)^(  {qid}:).*$", r"\1", text)
        assert n == 1, qid
    path = tmp_path / "answers.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def drive(script: list[str], resume: Path, lang: str = "en", width: int = 100) -> tuple[int, Typist, str]:
    """Typist's keys, one script entry per prompt, the month prompt of a look-back question included."""
    console = Console(record=True, width=width, force_terminal=False)
    with create_pipe_input() as pipe, create_app_session(input=pipe, output=DummyOutput()):
        typist = Typist(pipe, script)
        typist.path = resume

        def factory(cat, lang):
            base = type(typist.factory(cat, lang))

            class WithMonth(base):  # type: ignore[misc, valid-type]
                def _before(self, label, keys):  # a prompt the script did not expect stops the run
                    super()._before(label, keys if typist.script else CTRL_C)

                def _month_text(self, q, message, default):
                    self._before("month", "")
                    return super()._month_text(q, message, default)

            return WithMonth(cat, lang)

        code = run_assess(CAT, output=None, resume=resume, review=None, lang=lang,
                          asker_factory=factory, console=console, today=TODAY)
    return code, typist, console.export_text()


# --------------------------------------------------------------------------- yes/no has no default

def test_enter_alone_records_nothing_on_a_yes_no_question(tmp_path):
    path = near_complete(tmp_path, ["exports", "security_training_agents"])
    # Enter twice does nothing; only 'n' answers. The second question is answered 'y'.
    code, typist, _ = drive([ENTER + ENTER + "n", "y", "n"], path)
    assert code == 0
    assert typist.asked[:2] == ["exports", "security_training_agents"]
    answers = saved(path)["answers"]
    assert answers["exports"] is False and answers["security_training_agents"] is True


def test_enter_alone_does_not_answer_the_production_question(tmp_path):
    path = near_complete(tmp_path, [])
    text = re.sub(r"(?m)^  production:.*$", "  production:", path.read_text(encoding="utf-8"))
    path.write_text(text, encoding="utf-8")
    code, typist, _ = drive([ENTER + ENTER + "n", "n"], path)
    assert code == 0 and typist.asked[0].startswith("confirm:Is it a production")
    assert saved(path)["enterprise"]["production"] is False


# --------------------------------------------------------------------------- keys on every type

# one question of each type (none of them decides whether another is asked), with the keys that
# answer it and the value saved
TYPES = {
    "yes_no": ("security_training_agents", "y", True),
    "choice": ("public_credit_grade", FIRST, "a"),
    "multi": ("controlled_areas", " " + ENTER, ["documents"]),
    "money": ("revenue", "6000万" + ENTER, 60_000_000),
    "last_event": ("records_refused_last", FIRST, "never"),
    "integer": ("cctv_retention_days", "120" + ENTER, 120),
}


@pytest.mark.parametrize("kind", list(TYPES))
def test_note_key_on_every_question_type(tmp_path, kind):
    qid, keys, value = TYPES[kind]
    path = near_complete(tmp_path, [qid])
    code, typist, _ = drive([CTRL_N, "Checked with the finance team" + ENTER, keys, "n"], path)
    assert code == 0, kind
    doc = saved(path)
    assert doc["notes"][qid] == "Checked with the finance team"
    assert doc["answers"][qid] == value
    assert typist.asked[0] == qid and typist.asked[2] == qid  # re-asked after the note


@pytest.mark.parametrize("kind", list(TYPES))
def test_skip_key_on_every_question_type(tmp_path, kind):
    qid, _, _ = TYPES[kind]
    path = near_complete(tmp_path, [qid])
    code, typist, out = drive([CTRL_S, "n"], path)
    assert code == 0, kind
    assert saved(path)["answers"][qid] is None
    assert "Skipped: the question stays unanswered" in out


@pytest.mark.parametrize("kind", list(TYPES))
def test_dont_know_key_on_every_question_type(tmp_path, kind):
    qid, _, _ = TYPES[kind]
    q = CAT.questions[qid]
    path = near_complete(tmp_path, [qid])
    code, typist, out = drive([CTRL_D, "n"], path)
    assert code == 0, kind
    assert saved(path)["answers"][qid] == "dont_know"
    assert load_answers(path, CAT).dont_know == [qid]
    # said at once with where to find it out (when someone else knows), and listed again at the end
    if q.source is not None:
        assert f"Find it out from: {q.source.en}" in out
    else:
        assert "Find it out from" not in out
    flat = re.sub(r"[\s│]+", " ", out)  # the result panel may wrap its lines
    assert "Questions to find out (1)" in out and "answered, 1 don't know, 0 unanswered" in flat


@pytest.mark.parametrize("kind", list(TYPES))
def test_back_key_on_every_question_type(tmp_path, kind):
    qid, keys, value = TYPES[kind]
    order = [q for q in CAT.questions if q not in screening_ids(CAT)]  # the detail's order
    before = order[order.index(qid) - 1]
    path = near_complete(tmp_path, [before, qid])
    first = "y" if CAT.questions[before].type == "yes_no" else CTRL_S
    code, typist, _ = drive([first, CTRL_P, CTRL_S, keys, "n"], path)
    assert code == 0, kind
    assert typist.asked[:4] == [before, qid, before, qid]
    assert saved(path)["answers"][qid] == value


def test_dont_know_on_a_pick_one_list_is_its_last_entry(tmp_path):
    path = near_complete(tmp_path, ["audit_opinion"])
    n = len(CAT.choices_of(CAT.questions["audit_opinion"]))
    code, _, _ = drive([DOWN * n + ENTER, "n"], path)
    assert code == 0 and saved(path)["answers"]["audit_opinion"] == "dont_know"


def test_dont_know_is_asked_again_on_resume_and_can_be_answered(tmp_path):
    path = near_complete(tmp_path, ["audit_opinion", "total_liabilities"])
    assert drive([CTRL_D, CTRL_D, "n"], path)[0] == 0
    assert saved(path)["answers"]["total_liabilities"] == "dont_know"
    counts = read_document(CAT, path).facts.counts  # the answers in scope, as every surface counts them
    given = counts.answered + counts.dont_know
    n = len(CAT.choices_of(CAT.questions["audit_opinion"]))
    # the cursor starts on the saved "don't know": up past every choice to the first
    code, typist, out = drive([UP * n + ENTER, "60000000" + ENTER, "n"], path)
    assert code == 0 and typist.asked[:2] == ["audit_opinion", "total_liabilities"]
    # every answer in scope counts, the two "don't know yet" among them
    assert f'{given} questions answered (2 of them "don\'t know yet")' in out
    answers = saved(path)["answers"]
    assert answers["audit_opinion"] == "unqualified" and answers["total_liabilities"] == 60_000_000


# --------------------------------------------------------------------------- amounts

@pytest.mark.parametrize(("typed", "value"), [("3亿", 300_000_000), ("2800万", 28_000_000), ("2,800万元", 28_000_000),
                                              ("1.25亿元", 125_000_000), ("150,000", 150_000), ("¥ 80000元", 80_000),
                                              ("28 million", 28_000_000), ("-3.5万", -35_000), ("１２３４", 1234)])
def test_amounts_as_people_write_them(typed, value):
    assert parse_amount(typed) == value


@pytest.mark.parametrize("typed", ["1e9", "1E9", "2.8e7", "inf", "nan", "3亿元元", "abc", "万"])
def test_amounts_refused(typed):
    with pytest.raises(AmountError):
        parse_amount(typed)


def test_amounts_are_echoed_in_full_and_in_wan_or_yi():
    assert format_amount(300_000_000, "zh") == "300,000,000 元（3亿元）"
    assert format_amount(28_000_000, "zh") == "28,000,000 元（2,800万元）"
    assert format_amount(9_500, "zh") == "9,500 元"
    assert format_amount(28_000_000, "en") == "CNY 28,000,000 (28 million)"
    assert format_amount(1_250_000_000, "en") == "CNY 1,250,000,000 (1.25 billion)"


def test_scientific_notation_is_refused_and_the_amount_echoed(tmp_path):
    path = near_complete(tmp_path, ["total_liabilities"])
    keys = "1e9" + ENTER + CTRL_U + "6000万" + ENTER
    code, typist, out = drive([keys, "n"], path)
    assert code == 0 and typist.asked.count("total_liabilities") == 1
    assert saved(path)["answers"]["total_liabilities"] == 60_000_000
    assert "total liabilities" in out.lower() and "CNY 60,000,000 (60 million)" in out


def test_chinese_amount_echoed_in_chinese(tmp_path):
    path = near_complete(tmp_path, ["total_liabilities"])
    code, _, out = drive(["3亿" + ENTER, "n"], path, lang="zh")
    assert code == 0 and saved(path)["answers"]["total_liabilities"] == 300_000_000
    assert "300,000,000 元（3亿元）" in out


# --------------------------------------------------------------------------- look-back months

def test_last_event_never_is_a_choice_else_a_month_echoed_back(tmp_path):
    path = near_complete(tmp_path, ["overdue_payment_last", "records_refused_last"])
    keys = [DOWN + ENTER, "2027-01" + ENTER + CTRL_U + "2025-03" + ENTER,  # a future month is refused
            FIRST]
    code, typist, out = drive(keys + ["n"], path)
    assert code == 0
    answers = saved(path)["answers"]
    assert answers["overdue_payment_last"] == "2025-03" and answers["records_refused_last"] == "never"
    assert typist.asked[:3] == ["overdue_payment_last", "month", "records_refused_last"]  # 2027-01 kept it open
    assert re.search(r"unpaid past the legal deadline\?\s+2025-03", out)


def test_follow_up_is_asked_only_when_it_applies(tmp_path):
    path = near_complete(tmp_path, ["seven_point_inspection", "seven_point_records", "overdue_payment_last",
                                    "duty_overdue_3m", "fines_overdue_6m_amount"])
    code, typist, _ = drive([FIRST, "n", "n"], path)
    assert code == 0
    assert typist.asked[:2] == ["overdue_payment_last", "seven_point_inspection"]
    assert "duty_overdue_3m" not in typist.asked and "seven_point_records" not in typist.asked
    code, typist, _ = drive([DOWN + ENTER, "2026-09" + ENTER, "y", "500000" + ENTER, "n"],
                            near_complete(tmp_path, ["overdue_payment_last", "duty_overdue_3m",
                                                     "fines_overdue_6m_amount"]))
    assert typist.asked[:4] == ["overdue_payment_last", "month", "duty_overdue_3m", "fines_overdue_6m_amount"]


# --------------------------------------------------------------------------- progress, resume, comments

def test_progress_total_is_the_documents_scope_and_moves_only_with_a_note(tmp_path):
    path = near_complete(tmp_path, ["exports", "export_loading_supervised", "export_loading_photos",
                                    "security_training_agents"])
    before = read_document(CAT, path).facts.counts.in_scope
    code, _, out = drive(["n", "y", "n"], path)
    assert code == 0
    after = read_document(CAT, path).facts.counts.in_scope
    assert after < before  # no export: its follow-ups leave the scope
    assert re.search(rf"This enterprise has {before} questions to answer", out)
    marks = re.findall(r"\[(\d+)/(\d+) · ([^\]]+?) (\d+)/(\d+)\]", out)
    assert [(m[1], m[2]) for m in marks] == [(str(before), "Enterprise profile"), (str(after), "Trade security")]
    # one line between the two says why the total moved
    between = out[out.index("Does the enterprise export goods?"):out.index(f"/{after} · Trade security")]
    assert f"Questions to answer after this answer: {after} ({before - after} ruled out)." in between
    assert marks[-1][3] == marks[-1][4]  # the section's last question, counted against its new total


def test_an_answer_that_changes_nothing_in_scope_adds_no_note(tmp_path):
    path = near_complete(tmp_path, ["security_training_agents"])
    code, _, out = drive(["y", "n"], path, lang="zh")
    assert code == 0
    assert "需回答的问题现为" not in out
    total = read_document(CAT, path).facts.counts.in_scope
    assert f"本企业需回答{total}个问题" in out and f"/{total} · 贸易安全 " in out


def test_resume_line_is_a_command_that_works_as_printed(tmp_path):
    assert program("/opt/somewhere/bin/aeo-check", path_env="/usr/bin:/bin") == "/opt/somewhere/bin/aeo-check"
    assert program(EXE, path_env=f"{Path(EXE).parent}:/usr/bin") == "aeo-check"
    path = near_complete(tmp_path)
    code, _, out = drive(["y", CTRL_C], path)
    assert code == 130
    line = next(x for x in out.splitlines() if x.startswith("To continue: "))
    assert line.endswith(f"assess --resume {path}")


def test_resume_on_a_commented_template_keeps_its_comments(tmp_path):
    a = load_answers(ROOT / "examples" / "certified-trading.yaml", CAT)
    a.notes = {}
    text = render_template(CAT, "importer_exporter", [], "en", filled=a)
    for qid in ("security_training_agents", "audit_opinion"):
        text, n = re.subn(rf"(?m)^(  {qid}:).*$", r"\1", text)
        assert n == 1
    path = tmp_path / "client.yaml"
    path.write_text(text, encoding="utf-8")
    comments = [x for x in text.splitlines() if x.lstrip().startswith("#")]
    assert len(comments) > 300
    code, _, _ = drive([FIRST, "y", "n"], path)
    assert code == 0
    after = path.read_text(encoding="utf-8")
    assert [x for x in after.splitlines() if x.lstrip().startswith("#")] == comments
    answers = load_answers(path, CAT).answers
    assert answers["audit_opinion"] == "unqualified" and answers["security_training_agents"] is True
    # only the two answer lines changed
    changed = [(x, y) for x, y in zip(text.splitlines(), after.splitlines(), strict=False) if x != y]
    assert changed == [("  audit_opinion:", '  audit_opinion: "unqualified"'),
                       ("  security_training_agents:", "  security_training_agents: true")]


# --------------------------------------------------------------------------- the result screen

def test_result_screen_fits_forty_rows(tmp_path):
    path = tmp_path / "answers.yaml"
    text = (ROOT / "examples" / "regular-food-importer.yaml").read_text(encoding="utf-8")
    path.write_text(re.sub(r"(?m)^(  security_training_agents:).*$", r"\1", text), encoding="utf-8")
    for lang in ("zh", "en"):
        keys = [CTRL_D, CTRL_D, "n"] if lang == "zh" else ["n", "y", "n"]
        code, _, out = drive(keys, path, lang=lang, width=80)
        assert code == 0
        screen = out[out.index("─ " + ("问卷完成" if lang == "zh" else "Questionnaire complete")):]
        assert len(screen.splitlines()) <= 40, screen
    # the English one: verdict, both scores, next step with a date, blockers by name, how to see the rest
    assert "Likely tier:  Regular enterprise" in screen
    assert re.search(r"Advanced standard: \d+ \(threshold 95\) does not pass", screen)
    assert re.search(r"Certified standard: \d+ \(threshold 95\)", screen)
    # the plan's recommended target (Advanced comes within half a year of Certified), as everywhere else
    assert re.search(r"Next step: .*Advanced Certified Enterprise is 20\d\d-\d\d-\d\d", screen, re.S)
    assert re.search(r"Advanced Certified Enterprise: apply by 20\d\d-\d\d-\d\d, decision expected by", screen)
    assert "Top blockers (Advanced standard)" in screen and "Adv. (10) Internal audit" in screen
    assert "Full result: " in screen and "Improvement plan: " in screen


# --------------------------------------------------------------------------- words

def test_validation_messages_in_both_languages():
    assert uscc_problem("91330206MA2H4RT5XA") == "check digit is 'A', expected 'N'"
    assert localise(uscc_problem("91330206MA2H4RT5XA"), "zh") == "校验位为 'A'，应为 'N'"
    assert localise(uscc_problem("9133"), "zh") == "应为18位，实际4位"
    assert localise("-3 is out of range: expected a whole number >= 0", "zh") == "-3 超出范围：应为整数 >= 0"
    assert localise("expected true or false (yes or no)", "zh") == "应为true（是）或 false（否）"
    assert localise("expected a number: too large: at most 15 digits before the decimal point", "zh") == \
        "应为数字：数字太大：小数点前最多15位"
    assert localise("check digit is 'A', expected 'N'", "en") == "check digit is 'A', expected 'N'"


def test_typed_answers_refused_in_chinese():
    q = CAT.questions["total_liabilities"]
    assert parse_text_answer(CAT, q, "1e9", "zh")[1] == "请直接写出数字，如 3亿、2800万 或 28000000"
    assert parse_text_answer(CAT, q, "-5", "zh")[1] == "不能小于 0"
    assert parse_text_answer(CAT, q, "abc", "en")[1] == \
        "Enter an amount, e.g. 150000, 2800万 (28 million) or 3亿 (300 million)"


@pytest.mark.parametrize(("env", "lang"), [
    ({"LANGUAGE": "zh_CN:en", "LANG": "en_US.UTF-8"}, "zh"),
    ({"LANGUAGE": "en", "LC_ALL": "zh_CN.UTF-8"}, "en"),
    ({"LC_ALL": "zh_CN.UTF-8", "LANG": "en_US.UTF-8"}, "zh"),
    ({"LC_MESSAGES": "en_US.UTF-8", "LANG": "zh_CN.UTF-8"}, "en"),
    ({"LANG": "zh_TW.UTF-8"}, "zh"),
    ({"LANG": "C.UTF-8"}, "en"),
    ({}, "en"),
])
def test_locale_is_read_in_gettext_order(env, lang):
    assert default_lang(env) == lang


def _cli(*args: str, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run([EXE, *args], capture_output=True, text=True, stdin=subprocess.DEVNULL,
                          env={"PATH": "/usr/bin:/bin", "COLUMNS": "100", **env})


def test_help_in_chinese_by_locale_and_by_option():
    for res in (_cli("score", "--help", LANG="zh_CN.UTF-8"), _cli("score", "--help", "--lang", "zh", LANG="C.UTF-8"),
                _cli("score", "--help", LANGUAGE="zh_CN", LANG="en_US.UTF-8")):
        assert res.returncode == 0
        assert res.stdout.startswith("用法：aeo-check score [选项]")
        assert "为答卷评分" in res.stdout and "显示本帮助并退出。" in res.stdout and "[默认：table]" in res.stdout
        for english in ("Usage", "Options", "Show this message", "Score answer files", "default"):
            assert english not in res.stdout
    res = _cli("score", "--help", LANG="C.UTF-8")
    assert res.stdout.startswith("Usage: aeo-check score [OPTIONS]") and "Score answer files" in res.stdout


def test_usage_errors_in_chinese():
    res = _cli("score", "--format", "xml", "examples/certified-trading.yaml", LANG="zh_CN.UTF-8")
    assert res.returncode == 2
    assert "错误：'--format' 的值无效：'xml' 不是可选值，可选：'table', 'json'" in res.stderr
    assert "运行 'aeo-check score -h' 查看帮助。" in res.stderr and "Error" not in res.stderr
    res = _cli("score", "--bogus", LANG="zh_CN.UTF-8")
    assert res.returncode == 2 and "错误：没有选项 --bogus" in res.stderr
    res = _cli("score", LANG="zh_CN.UTF-8")
    assert res.returncode == 2 and "错误：缺少参数 '文件...'" in res.stderr


def test_help_starts_without_yaml_or_prompt_libraries():
    probe = ("import sys; sys.argv=['aeo-check','--help']\nfrom aeo_check.cli import main as cli\ntry:\n cli.main()\n"
             "except SystemExit:\n pass\nprint(sorted(m for m in ('yaml','questionary','prompt_toolkit') if m in sys.modules))")
    res = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, stdin=subprocess.DEVNULL,
                         env={"PATH": "/usr/bin:/bin", "LANG": "zh_CN.UTF-8"})
    assert res.stdout.strip().endswith("[]")


@pytest.mark.parametrize("ref", ["advanced 48", "(48)", "48", "高级 48"])
def test_standards_show_by_official_number(ref):
    res = _cli("standards", "show", ref, "--format", "json", LANG="C.UTF-8")
    assert res.returncode == 0 and '"id": "ts-cctv"' in res.stdout


def test_standards_show_certified_number_and_unknown_number():
    res = _cli("standards", "show", "certified", "30", "--format", "json", LANG="C.UTF-8")
    assert res.returncode == 0 and '"id": "cmp-records-refused"' in res.stdout
    res = _cli("standards", "show", "advanced 99", LANG="C.UTF-8")
    assert res.returncode == 2 and res.stderr.strip() == "the Advanced standard has no item (99)"


def test_spinner_on_stderr_while_the_report_renders(tmp_path):
    res = _cli("report", str(ROOT / "examples" / "certified-trading.yaml"), "-o", str(tmp_path / "p.html"), "--html",
               LANG="C.UTF-8", TTY_COMPATIBLE="1", TTY_INTERACTIVE="1")
    assert res.returncode == 0 and "Rendering the HTML plan" in res.stderr
    plain = _cli("report", str(ROOT / "examples" / "certified-trading.yaml"), "-o", str(tmp_path / "q.html"), "--html",
                 LANG="C.UTF-8")
    assert "Rendering" not in plain.stderr and plain.stderr.strip() == str(tmp_path / "q.html")


def test_every_source_is_in_both_languages_and_the_checklist_is_short():
    sources = {(q.source.zh, q.source.en) for q in CAT.questions.values() if q.source is not None}
    assert 8 <= len(sources) <= 15
    asked = [q for q in CAT.questions.values() if q.source is not None]
    assert len(asked) >= 30
    for needs in ("audit_opinion", "public_credit_grade", "penalty_count_12m", "trade_value_prev_year",
                  "partner_discredited", "prehire_screening", "declarants_top_junior"):
        assert CAT.questions[needs].source is not None, needs


def test_checklist_is_written_beside_the_answers(tmp_path):
    out_file = tmp_path / "new.yaml"
    console = Console(record=True, width=100, force_terminal=False)
    with create_pipe_input() as pipe, create_app_session(input=pipe, output=DummyOutput()):
        typist = Typist(pipe, [CTRL_C])
        typist.path = out_file
        code = run_assess(CAT, output=out_file, resume=None, review=None, lang="zh",
                          asker_factory=typist.factory, console=console, today=TODAY)
    assert code == 130
    out = console.export_text()
    assert "先填写7项企业概况，之后是" in out and "约需" in out
    checklist = (tmp_path / "new-checklist.txt").read_text(encoding="utf-8")
    assert checklist.startswith("AEO 认证自评 · 资料准备清单")
    assert "[ ] " in checklist and "上年度经审计的财务报表和审计报告" in checklist
    assert CAT.questions["audit_opinion"].text.zh in checklist


# --------------------------------------------------------------------------- one prompt: nothing answered for the person

SPACE = " "


def answer(qid: str, keys: list[str], current=None, lang: str = "en"):
    """Ask ``qid`` and type ``keys`` one by one; the answer and what was printed above the prompt."""
    printed = io.StringIO()
    with create_pipe_input() as pipe, create_app_session(input=pipe, output=DummyOutput()), redirect_stdout(printed):
        timer = threading.Timer(0.3, lambda: [pipe.send_text(k) for k in keys])
        timer.start()
        try:
            value = Asker(CAT, lang).ask(CAT.questions[qid], current, "")
        finally:
            timer.cancel()
    return value, printed.getvalue()


def test_enter_on_the_unmoved_cursor_chooses_nothing_and_says_how_to_choose():
    value, printed = answer("audit_opinion", [ENTER, DOWN, UP, ENTER])
    assert "Move to your answer with the arrow keys first" in printed
    assert value == CAT.choices_of(CAT.questions["audit_opinion"])[0].value


def test_enter_after_moving_records_the_option_under_the_cursor():
    value, printed = answer("audit_opinion", [DOWN, ENTER])
    assert printed == ""
    assert value == CAT.choices_of(CAT.questions["audit_opinion"])[1].value


def test_the_hint_is_in_chinese_for_a_chinese_session():
    _, printed = answer("audit_opinion", [ENTER, DOWN, ENTER], lang="zh")
    assert "请先用上下键移到你的答案再按回车" in printed


def test_a_saved_answer_puts_the_cursor_on_it_and_enter_keeps_it():
    third = CAT.choices_of(CAT.questions["audit_opinion"])[2].value
    value, printed = answer("audit_opinion", [ENTER], current=third)
    assert (value, printed) == (third, "")


def test_a_saved_dont_know_puts_the_cursor_on_dont_know_and_enter_keeps_it():
    assert answer("audit_opinion", [ENTER], current=DONT_KNOW)[0] is DONT_KNOW
    assert answer("penalty_count_12m", [CTRL_D])[0] is DONT_KNOW


def test_yes_no_takes_no_default_and_keeps_a_saved_dont_know():
    value, printed = answer("dissolution_or_bankruptcy", [ENTER, "n"])
    assert (value, "Press y (yes), n (no) or d (don't know)" in printed) == (False, True)
    assert answer("dissolution_or_bankruptcy", [ENTER], current=DONT_KNOW)[0] is DONT_KNOW
    assert answer("dissolution_or_bankruptcy", ["d"])[0] is DONT_KNOW


def test_last_event_has_no_preselected_never():
    value, printed = answer("smuggling_penalty_last", [ENTER, DOWN, UP, ENTER])
    assert "Move to your answer" in printed
    assert value == "never"


@pytest.mark.parametrize("keys, expected", [
    ([SPACE, ENTER], ["policy"]),
    ([UP, SPACE, ENTER], []),  # "none of these", the last entry, ticked alone
])
def test_a_multiple_choice_needs_a_tick_or_an_explicit_none(keys, expected):
    value, _ = answer("infosec_controls", [ENTER, *keys])  # the first Enter, nothing ticked, is refused
    assert value == expected


def test_a_saved_empty_multiple_choice_is_shown_as_none_of_these():
    assert answer("infosec_controls", [ENTER], current=[])[0] == []


@pytest.mark.parametrize("typed", ["2026-3", "2026年3月", "2026.3", "2026/03", "3/2026"])
def test_the_month_prompt_reads_a_month_as_people_write_it(typed):
    assert parse_text_answer(CAT, CAT.questions["latest_penalty_on"], typed, "zh") == ("2026-03", None)
