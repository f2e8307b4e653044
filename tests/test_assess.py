"""Issue 4: `aeo-check assess` driven through questionary with piped keys (no terminal needed).

Keys are typed into a prompt_toolkit pipe; every questionary prompt created inside the app session
reads them, exactly as it would read a keyboard. ``Typist`` types each prompt's keys just before the
prompt opens (chosen from a script, or from the question's type for a whole run) and records what
the answer file held at that moment, so each test can check the file after every answer.
"""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from prompt_toolkit.application import create_app_session
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput
from rich.console import Console

from aeo_check.answers import load_answers
from aeo_check.catalogue import get_catalogue
from aeo_check.interactive.asker import Asker
from aeo_check.interactive.screening import screening_ids
from aeo_check.interactive.session import run_assess

ROOT = Path(__file__).resolve().parent.parent
CAT = get_catalogue()
ENTER, CTRL_C, CTRL_P, CTRL_S, CTRL_N, CTRL_U = "\r", "\x03", "\x10", "\x13", "\x0e", "\x15"
DOWN, UP = "\x1b[B", "\x1b[A"
#: the first entry of a list: the cursor must move before Enter chooses (away and back)
FIRST = DOWN + UP + ENTER
TODAY = dt.date(2026, 11, 20)
# the questions left blank in the resume file, in the order the questionnaire asks them
LAST = ["security_training_agents", "declarants_top_junior", "declarants_top_intermediate", "declarants_top_advanced"]


def near_complete(tmp_path: Path, blank: list[str] = LAST, drop_notes: bool = True) -> Path:
    """The certified-trading example with some answers blanked: a session stopped near its end."""
    text = (ROOT / "examples" / "certified-trading.yaml").read_text(encoding="utf-8")
    for qid in blank:
        text, n = re.subn(rf"(?m)^(  {qid}:).*$", r"\1", text)
        assert n == 1, qid
    if drop_notes:
        text = re.sub(r"(?ms)^notes:\n.*", "notes: {}\n", text)
    path = tmp_path / "answers.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def saved(path: Path) -> dict[str, Any]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


class Typist:
    """Types keys for each prompt as it opens; remembers the questions asked and the saved file."""

    def __init__(self, pipe, script: list[str] | None = None, auto: bool = False) -> None:
        self.pipe, self.script, self.auto = pipe, list(script or []), auto
        self.asked: list[str] = []
        self.snapshots: list[dict[str, Any] | None] = []
        self.path: Path | None = None

    def factory(self, cat, lang):
        typist = self

        class Typed(Asker):
            def _before(self, label: str, keys: str) -> None:
                typist.asked.append(label)
                typist.snapshots.append(saved(typist.path) if typist.path and typist.path.exists() else None)
                typist.pipe.send_text(typist.script.pop(0) if typist.script else keys)

            def ask(self, q, current, prefix):
                self._before(q.id, typist.auto_keys(q) if typist.auto else "")
                return super().ask(q, current, prefix)

            def text(self, message, default="", validate=None, nav=True):
                self._before("text:" + message, typist.profile_text(message) if typist.auto else "")
                return super().text(message, default, validate, nav)

            def select(self, message, choices, default=None, nav=True):
                self._before("select:" + message, FIRST)
                return super().select(message, choices, default, nav)

            def checkbox(self, message, choices, checked, nav=True):
                self._before("checkbox:" + message, ENTER if checked is not None else UP + " " + ENTER)
                return super().checkbox(message, choices, checked, nav)

            def confirm(self, message, default, nav=True):
                self._before("confirm:" + message, "y" if "PDF" not in message else "n")
                return super().confirm(message, default, nav)

        return Typed(cat, lang)

    @staticmethod
    def auto_keys(q) -> str:
        if q.type == "yes_no":
            return "n" if q.favourable is False else "y"
        if q.type in ("choice", "last_event"):
            return FIRST  # the first choice is the best one ("never" for a past event)
        if q.type == "multi":
            return "a" + UP + " " + ENTER  # tick all but "none of these"
        if q.type == "date":
            return "2024-03-01" + ENTER
        return {"trade_value_prev_year": "80000000", "declarations_prev_year": "1200",
                "total_assets": "50000000", "revenue": "90000000", "cost_of_sales": "70000000",
                "total_profit": "6000000", "operating_profit": "5800000", "net_profit": "4500000",
                "operating_cash_flow": "5000000", "current_assets": "30000000",
                "cash_and_trading_assets": "9000000", "total_assets_prior": "45000000",
                "declarant_count": "6", "declarants_top_junior": "6", "system_data_years": "5",
                "cctv_retention_days": "120", "hq_lab_years": "5"}.get(q.id, "0") + ENTER

    @staticmethod
    def profile_text(message: str) -> str:
        if "PDF" in message:
            return ENTER
        if "credit code" in message:
            return "91330206MA2H4RT5XN" + ENTER
        if "Customs code" in message:
            return "3302960TLC" + ENTER
        return "Test Trading Co., Ltd." + ENTER


def drive(tmp_path: Path, script: list[str] | None = None, resume: Path | None = None, auto: bool = False,
          review: str | None = None, output: Path | None = None) -> tuple[int, Typist, str]:
    console = Console(record=True, width=120, force_terminal=False)
    with create_pipe_input() as pipe, create_app_session(input=pipe, output=DummyOutput()):
        typist = Typist(pipe, script, auto)
        typist.path = output or resume
        code = run_assess(CAT, output=output, resume=resume, review=review, lang="en",
                          asker_factory=typist.factory, console=console, today=TODAY)
    return code, typist, console.export_text()


def test_resume_asks_only_the_unanswered_and_saves_each_answer(tmp_path):
    path = near_complete(tmp_path)
    before = saved(path)["answers"]
    code, typist, out = drive(tmp_path, ["y", "3" + ENTER, "2" + ENTER, "1" + ENTER, "n"], resume=path)
    assert code == 0
    assert typist.asked[:4] == LAST
    # the file after each answer holds exactly the answers given so far
    for k, snap in enumerate(typist.snapshots[:4]):
        answers = snap["answers"]
        given = {q: answers[q] for q in LAST if answers.get(q) is not None}
        assert list(given) == LAST[:k], k
    final = saved(path)["answers"]
    assert final["security_training_agents"] is True
    assert (final["declarants_top_junior"], final["declarants_top_intermediate"], final["declarants_top_advanced"]) \
        == (3, 2, 1)
    # the file keeps its layout: blank answers stay blank, the others are unchanged
    assert {k: v for k, v in final.items() if k not in LAST} == {k: v for k, v in before.items() if k not in LAST}
    assert load_answers(path, CAT).answers["declarants_top_advanced"] == 1
    assert "Certified Enterprise" in out and "102" in out


@pytest.mark.parametrize("stop_at", [0, 1, 2, 3])
def test_interrupt_after_any_question_keeps_every_answer(tmp_path, stop_at):
    path = near_complete(tmp_path)
    keys = ["y", "3" + ENTER, "2" + ENTER, "1" + ENTER][:stop_at] + [CTRL_C]
    code, typist, out = drive(tmp_path, keys, resume=path)
    assert code == 130
    answers = saved(path)["answers"]
    assert [q for q in LAST if answers.get(q) is not None] == LAST[:stop_at]
    assert str(path) in out and f"--resume {path}" in out
    assert "Traceback" not in out


def test_resume_continues_after_an_interrupt(tmp_path):
    path = near_complete(tmp_path)
    assert drive(tmp_path, ["y", "3" + ENTER, CTRL_C], resume=path)[0] == 130
    code, typist, _ = drive(tmp_path, ["2" + ENTER, "1" + ENTER, "n"], resume=path)
    assert code == 0 and typist.asked[:2] == LAST[2:]
    answers = saved(path)["answers"]
    assert [answers[q] for q in LAST] == [True, 3, 2, 1]


def test_back_re_asks_the_previous_question_and_replaces_its_answer(tmp_path):
    path = near_complete(tmp_path)
    keys = ["y", "3" + ENTER, CTRL_P, CTRL_U + "2" + ENTER, "2" + ENTER, "1" + ENTER, "n"]
    code, typist, _ = drive(tmp_path, keys, resume=path)
    assert code == 0
    assert typist.asked[:5] == ["security_training_agents", "declarants_top_junior", "declarants_top_intermediate",
                                "declarants_top_junior", "declarants_top_intermediate"]
    assert saved(path)["answers"]["declarants_top_junior"] == 2


def test_skip_leaves_the_question_unanswered_and_the_result_provisional(tmp_path):
    path = near_complete(tmp_path)
    code, typist, out = drive(tmp_path, ["y", CTRL_S, "2" + ENTER, "1" + ENTER, "n"], resume=path)
    assert code == 0
    answers = saved(path)["answers"]
    assert answers.get("declarants_top_junior") is None and answers["declarants_top_intermediate"] == 2
    assert "provisional" in out.lower()


def test_note_is_saved_with_the_answer(tmp_path):
    path = near_complete(tmp_path)
    keys = [CTRL_N, "Agents briefed on 2026-03-02" + ENTER, "y", "3" + ENTER, "2" + ENTER, "1" + ENTER, "n"]
    code, typist, _ = drive(tmp_path, keys, resume=path)
    assert code == 0
    doc = saved(path)
    assert doc["notes"]["security_training_agents"] == "Agents briefed on 2026-03-02"
    assert doc["answers"]["security_training_agents"] is True


def test_invalid_numbers_are_re_asked_never_accepted(tmp_path):
    path = near_complete(tmp_path)
    keys = ["y", "abc" + ENTER + CTRL_U + "-5" + ENTER + CTRL_U + "2.5" + ENTER + CTRL_U + "3" + ENTER,
            "2" + ENTER, "1" + ENTER, "n"]
    code, typist, _ = drive(tmp_path, keys, resume=path)
    assert code == 0
    assert saved(path)["answers"]["declarants_top_junior"] == 3
    assert typist.asked.count("declarants_top_junior") == 1  # validation kept the one prompt open


def test_questions_that_do_not_apply_are_never_asked(tmp_path):
    blank = ["exports", "export_loading_supervised", "export_loading_photos", *LAST]
    path = near_complete(tmp_path, blank)
    code, typist, _ = drive(tmp_path, ["n", "y", "3" + ENTER, "2" + ENTER, "1" + ENTER, "n"], resume=path)
    assert code == 0
    assert typist.asked[:5] == ["exports", *LAST]
    answers = saved(path)["answers"]
    assert answers["exports"] is False
    assert "export_loading_supervised" not in typist.asked


def test_review_re_asks_one_section_with_current_answers_as_defaults(tmp_path):
    path = near_complete(tmp_path, blank=[])
    financial = [q.id for q in CAT.questions.values() if q.section == "financial"]
    keys = [ENTER] + [CTRL_U + "1" + ENTER] * 0
    # accept every default (Enter), except total_liabilities which changes
    script = []
    for qid in financial:
        q = CAT.questions[qid]
        if qid == "total_liabilities":
            script.append(CTRL_U + "58000000" + ENTER)
        elif q.type == "yes_no":
            script.append(ENTER)
        else:
            script.append(ENTER)
    script.append("n")
    code, typist, _ = drive(tmp_path, keys[:0] + script, resume=path, review="financial")
    assert code == 0
    assert typist.asked[:len(financial)] == financial
    doc = saved(path)
    assert doc["answers"]["total_liabilities"] == 58_000_000
    before = yaml.safe_load((ROOT / "examples" / "certified-trading.yaml").read_text(encoding="utf-8"))["answers"]
    assert doc["answers"]["total_assets"] == before["total_assets"]


def test_whole_questionnaire_from_an_empty_start(tmp_path):
    out_file = tmp_path / "new.yaml"
    code, typist, out = drive(tmp_path, auto=True, output=out_file)
    assert code == 0, out
    a = load_answers(out_file, CAT)
    assert a.enterprise.name == "Test Trading Co., Ltd." and a.enterprise.uscc == "91330206MA2H4RT5XN"
    asked = [x for x in typist.asked if not x.startswith(("text:", "select:", "checkbox:", "confirm:"))]
    assert len(asked) > 120 and set(asked) == set(a.answers)
    # the screening questions first (questionnaires/order.yaml), then the sections in the questionnaire's order
    first = screening_ids(CAT)
    k = sum(1 for q in asked if q in first)
    assert asked[:k] == [q for q in first if q in asked] and 0 < k <= 25
    sections = [CAT.questions[q].section for q in asked[k:]]
    order = ["profile", "internal_control", "financial", "compliance", "trade_security", "bonus"]
    assert [s for i, s in enumerate(sections) if i == 0 or sections[i - 1] != s] == order
    assert "Likely tier" in out


def test_not_a_terminal_is_refused_in_both_languages():
    exe = str(Path(sys.executable).parent / "aeo-check")
    for stdin in (subprocess.DEVNULL, None):
        res = subprocess.run([exe, "assess"], capture_output=True, text=True, stdin=stdin,
                             env={"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"})
        assert res.returncode == 2
        lines = [x for x in res.stderr.splitlines() if x.strip()]
        assert len(lines) == 1 and "终端" in lines[0] and "terminal" in lines[0]
        assert "template" in lines[0] and "score" in lines[0] and "Traceback" not in res.stderr
    closed = subprocess.run(f"{exe} assess <&-", shell=True, capture_output=True, text=True,
                            env={"PATH": "/usr/bin:/bin"})
    assert closed.returncode == 2 and "Traceback" not in closed.stderr
