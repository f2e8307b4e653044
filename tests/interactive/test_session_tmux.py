"""The questionnaire in a real terminal (tmux), zh and en: nothing answered for the person, the
saved answer under the cursor, a contradiction caught at its second answer, and the screening
part ending with a provisional verdict."""

from __future__ import annotations

import re
import shutil
import sys
from pathlib import Path

import pytest
import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from tmuxpane import TmuxPane  # noqa: E402

from aeo_check.catalogue import get_catalogue  # noqa: E402
from aeo_check.interactive.screening import screening_ids  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
EXE = str(Path(sys.executable).parent / "aeo-check")
CAT = get_catalogue()
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")

WORDS = {
    "zh": {"hint": "请先用上下键移到你的答案再按回车", "dont_know": "不清楚，待核实", "clash": "两个答案相互矛盾",
           "this": "本题：", "earlier": "前面：", "verdict": "初步结论", "stop": "到此为止", "pdf": "PDF"},
    "en": {"hint": "Move to your answer with the arrow keys first", "dont_know": "Don't know yet",
           "clash": "Two answers contradict each other", "this": "This question:", "earlier": "Earlier:",
           "verdict": "Provisional verdict", "stop": "Stop here", "pdf": "PDF"},
}


class Terminal(TmuxPane):
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


def answers(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))["answers"]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_enter_on_an_unmoved_single_choice_records_nothing_and_shows_the_hint(tmp_path, lang):
    path = blanked(tmp_path, "certified-trading.yaml", ["audit_opinion", "security_training_agents"])
    term = Terminal(f"{EXE} assess --resume {path} --lang {lang}", tmp_path)
    try:
        term.wait_for(r"» ")
        term.keys("Enter")
        term.wait_for(WORDS[lang]["hint"])
        assert answers(path)["audit_opinion"] is None
        term.keys("Down", "Up", "Enter")  # moved away and back: the first option, chosen
        term.wait_for(r"\(y|（y")
        assert answers(path)["audit_opinion"] == "unqualified"
    finally:
        term.close()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_resume_puts_the_cursor_on_the_saved_answer(tmp_path, lang):
    path = blanked(tmp_path, "certified-trading.yaml", [], {"audit_opinion": "dont_know"})
    term = Terminal(f"{EXE} assess --resume {path} --lang {lang}", tmp_path)
    try:
        screen = term.wait_for(r"» ")
        pointer = next(line for line in screen.splitlines() if "» " in line)
        assert WORDS[lang]["dont_know"] in pointer
        term.keys("Enter")  # keeps the honest answer
        term.wait_for(WORDS[lang]["pdf"])
        assert answers(path)["audit_opinion"] == "dont_know"
    finally:
        term.close()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_penalty_count_against_never_is_caught_at_the_second_answer(tmp_path, lang):
    path = blanked(tmp_path, "certified-trading.yaml", ["penalty_count_12m", "latest_penalty_on"])
    term = Terminal(f"{EXE} assess --resume {path} --lang {lang}", tmp_path)
    w = WORDS[lang]
    try:
        term.wait_for(r"12")
        term.type("1")
        term.keys("Enter")
        term.wait_for(r"» ")                   # the latest penalty: never, or a month
        term.keys("Down", "Up", "Enter")       # never
        screen = term.wait_for(w["clash"])
        this = next(line for line in screen.splitlines() if w["this"] in line)
        earlier = next(line for line in screen.splitlines() if w["earlier"] in line)
        assert ("从未发生" if lang == "zh" else "never") in this and re.search(r"→ 1\b", earlier)
        assert answers(path)["latest_penalty_on"] is None  # the contradiction is not saved
        term.keys("Down", "Enter")             # change the earlier answer
        term.wait_for(r"12.*1\s*$|12.*: 1")
        term.keys("C-u")
        term.type("0")
        term.keys("Enter")                     # no penalty: the follow-up no longer applies
        term.wait_for(w["pdf"])
        saved = answers(path)
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
    term = Terminal(f"{EXE} assess --resume {path} --lang {lang}", tmp_path)
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
    saved = answers(path)
    assert set(saved) <= set(screening_ids(CAT)) and len(saved) == asked
    assert set(saved.values()) == {"dont_know"}
