"""The real binary in a real terminal (tmux), read back from the screen."""

from __future__ import annotations

import re
import shutil
import sys
from pathlib import Path

import pytest
import yaml
from tmuxpane import TmuxPane

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
