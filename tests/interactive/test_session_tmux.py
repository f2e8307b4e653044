"""The real binary in a real terminal (tmux), read back from the screen."""

from __future__ import annotations

import re
import shutil
import sys
from pathlib import Path

import pytest
import yaml
from tmuxpane import TmuxPane

from aeo_check.catalogue import get_catalogue
from aeo_check.interactive.screening import screening_ids

ROOT = Path(__file__).resolve().parents[2]
EXE = str(Path(sys.executable).parent / "aeo-check")

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed (README's test command installs it)")


class Terminal(TmuxPane):
    """The command in a 120×50 terminal; the shell line after it says its exit code."""

    def __init__(self, command: str, cwd: Path) -> None:
        super().__init__(f"{command}; echo EXIT=$?; sleep 30", cwd, 120, 50)

    send = TmuxPane.keys

    def screen(self) -> str:
        return self.capture("-J", "-S", "-200")


@pytest.fixture
def answers(tmp_path: Path) -> Path:
    text = (ROOT / "examples" / "regular-food-importer.yaml").read_text(encoding="utf-8")
    for qid in ("security_training_agents", "investor_credit_china_serious_listed"):
        text = re.sub(rf"(?m)^(  {qid}:).*$", r"\1", text)
    path = tmp_path / "answers.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_resume_to_a_result_in_a_real_terminal(answers: Path, tmp_path: Path):
    term = Terminal(f"LANG=C.UTF-8 {EXE} assess --resume {answers} --lang zh", tmp_path)
    try:
        term.wait_for(r"出资人.*（y 是 / ?\n?n 否")   # the first unanswered question, in Chinese
        term.send("?")
        term.wait_for(r"说明")                    # its help text, on request
        term.send("n")                            # investors not on the serious list
        term.wait_for(r"\? \[\d+/\d+ · 贸易安全 .*(代理|培训)")
        term.send("y")
        screen = term.wait_for(r"PDF.*（y 是 / n 否）")
        assert "预计信用等级" in screen and "常规企业" in screen
        assert re.search(r"高级认证企业标准：\d+分（通过线95）", screen)
        assert "主要阻碍项" in screen and "下一步" in screen
        term.send("n")
        screen = term.wait_for(r"EXIT=\d+")
        assert "EXIT=0" in screen and str(answers) in screen
    finally:
        term.close()
    doc = yaml.safe_load(answers.read_text(encoding="utf-8"))
    assert doc["answers"]["investor_credit_china_serious_listed"] is False
    assert doc["answers"]["security_training_agents"] is True


def test_ctrl_c_in_a_real_terminal_says_where_answers_are(answers: Path, tmp_path: Path):
    term = Terminal(f"LANG=C.UTF-8 {EXE} assess --resume {answers} --lang en", tmp_path)
    try:
        term.wait_for(r"\(y yes / n no")
        term.send("C-c")
        screen = term.wait_for(r"EXIT=\d+")
        assert "EXIT=130" in screen and f"--resume {answers}" in screen and "Traceback" not in screen
    finally:
        term.close()


# --------------------------------------------------------------------------- nothing answered for the person, zh and en

CAT = get_catalogue()
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))
WORDS = {
    "zh": {"hint": "请先用上下键移到你的答案再按回车", "dont_know": "不清楚，待核实", "clash": "两个答案相互矛盾",
           "this": "本题：", "earlier": "前面：", "verdict": "初步结论", "stop": "到此为止", "pdf": "PDF"},
    "en": {"hint": "Move to your answer with the arrow keys first", "dont_know": "Don't know yet",
           "clash": "Two answers contradict each other", "this": "This question:", "earlier": "Earlier:",
           "verdict": "Provisional verdict", "stop": "Stop here", "pdf": "PDF"},
}


class Pane(TmuxPane):
    def __init__(self, command: str, cwd: Path) -> None:
        super().__init__(f"LANG=C.UTF-8 {command}; echo EXIT=$?; sleep 30", cwd, 120, 50)

    def screen(self) -> str:
        return self.capture("-J", "-S", "-400")


def blanked(tmp_path: Path, example: str, blank: list[str], set_: dict[str, str] | None = None) -> Path:
    """An example answer file with ``blank`` questions unanswered and ``set_`` answers replaced."""
    text = (ROOT / "examples" / example).read_text(encoding="utf-8")
    for qid, value in [*((q, "") for q in blank), *(set_ or {}).items()]:
        text, n = re.subn(rf"(?m)^(  {qid}:).*$", rf"\1 {value}".rstrip(), text, count=1)  # answers, not notes
        assert n == 1, qid
    path = tmp_path / "answers.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def saved_answers(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))["answers"]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_enter_on_an_unmoved_single_choice_records_nothing_and_shows_the_hint(tmp_path, lang):
    path = blanked(tmp_path, "certified-trading.yaml", ["audit_opinion", "security_training_agents"])
    term = Pane(f"{EXE} assess --resume {path} --lang {lang}", tmp_path)
    try:
        term.wait_for(r"» ")
        term.keys("Enter")
        term.wait_for(WORDS[lang]["hint"])
        assert saved_answers(path)["audit_opinion"] is None
        term.keys("Down", "Up", "Enter")  # moved away and back: the first option, chosen
        term.wait_for(r"\(y|（y")
        assert saved_answers(path)["audit_opinion"] == "unqualified"
    finally:
        term.close()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_resume_puts_the_cursor_on_the_saved_answer(tmp_path, lang):
    path = blanked(tmp_path, "certified-trading.yaml", [], {"audit_opinion": "dont_know"})
    term = Pane(f"{EXE} assess --resume {path} --lang {lang}", tmp_path)
    try:
        screen = term.wait_for(r"» ")
        pointer = next(line for line in screen.splitlines() if "» " in line)
        assert WORDS[lang]["dont_know"] in pointer
        term.keys("Enter")  # keeps the honest answer
        term.wait_for(WORDS[lang]["pdf"])
        assert saved_answers(path)["audit_opinion"] == "dont_know"
    finally:
        term.close()


#: the penalty-count question open at the prompt, in either language
PENALTY_COUNT = (r"(?m)^\? \[\d+/\d+ · [^\]]+\] "
                 r"(最近12个月内，企业受到海关行政处罚多少次|How many customs administrative penalties)")

LARGEST_FINE = r"(?m)^\? \[\d+/\d+ · [^\]]+\] (最近12个月内单次海关罚款的最高金额|What was the largest single customs fine)"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_penalty_count_against_never_is_caught_at_the_second_answer(tmp_path, lang):
    path = blanked(tmp_path, "certified-trading.yaml", ["penalty_count_12m", "latest_penalty_on"])
    term = Pane(f"{EXE} assess --resume {path} --lang {lang}", tmp_path)
    w = WORDS[lang]
    try:
        term.wait_for(PENALTY_COUNT)          # the penalty count
        term.type("1")
        term.keys("Enter")
        term.wait_for(LARGEST_FINE)            # a penalty brings in the largest fine, asked before the date
        term.type("0")
        term.keys("Enter")
        term.wait_for(r"» ")                   # the latest penalty: never, or a month
        term.keys("Down", "Up", "Enter")       # never
        # the message and both answers it names (the screen is read as soon as all three are drawn)
        screen = term.wait_for(rf"(?s){re.escape(w['clash'])}.*{re.escape(w['this'])}.*{re.escape(w['earlier'])}")
        this = next(line for line in screen.splitlines() if w["this"] in line)
        earlier = next(line for line in screen.splitlines() if w["earlier"] in line)
        assert ("从未发生" if lang == "zh" else "never") in this and re.search(r"→ 1\b", earlier)
        assert saved_answers(path)["latest_penalty_on"] is None  # the contradiction is not saved
        term.keys("Down", "Enter")             # change the earlier answer
        term.wait_for(PENALTY_COUNT)          # the penalty count, asked again
        term.keys("C-u")
        term.type("0")
        term.keys("Enter")                     # no penalty: the follow-up no longer applies
        term.wait_for(w["pdf"])
        saved = saved_answers(path)
        assert (saved["penalty_count_12m"], saved["latest_penalty_on"]) == (0, None)
    finally:
        term.close()


def fresh(tmp_path: Path, example: Path) -> Path:
    """The example's enterprise details and nothing else: a session about to start the screening."""
    doc = yaml.safe_load(example.read_text(encoding="utf-8"))
    path = tmp_path / example.name
    path.write_text(yaml.safe_dump({k: doc[k] for k in ("format", "standard", "language", "enterprise",
                                                         "assessed_on")} | {"answers": {}}, allow_unicode=True),
                    encoding="utf-8")
    return path


@pytest.mark.parametrize("example", EXAMPLES, ids=[e.stem for e in EXAMPLES])
def test_screening_ends_with_a_provisional_verdict_within_25_questions(tmp_path, example):
    path = fresh(tmp_path, example)
    lang = "zh" if "food" in example.name or "discredited" in example.name else "en"
    w = WORDS[lang]
    term = Pane(f"{EXE} assess --resume {path} --lang {lang}", tmp_path)
    asked = 0
    try:
        while True:
            screen = term.wait_for(rf"\[{asked + 1}/\d+|─ {w['verdict']} ─")
            if f"─ {w['verdict']} ─" in screen:
                break
            asked += 1
            assert asked <= 25
            term.keys("C-d")                   # don't know: one key on every kind of question
        term.wait_for(w["stop"])
        term.keys("Down", "Enter")             # stop at the verdict
        screen = term.wait_for(r"EXIT=\d+")
        assert "EXIT=0" in screen and "--resume" in screen
    finally:
        term.close()
    saved = saved_answers(path)
    assert set(saved) <= set(screening_ids(CAT)) and len(saved) == asked
    assert set(saved.values()) == {"dont_know"}
