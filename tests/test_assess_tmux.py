"""Issue 4: the real binary in a real terminal (tmux), read back from the screen."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
EXE = str(Path(sys.executable).parent / "aeo-check")

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed (README's test command installs it)")


class Terminal:
    def __init__(self, command: str, cwd: Path) -> None:
        self.socket = f"aeo-{uuid.uuid4().hex[:8]}"
        self._tmux("new-session", "-d", "-s", "t", "-x", "120", "-y", "50", "-c", str(cwd),
                   f"{command}; echo EXIT=$?; sleep 30")

    def _tmux(self, *args: str) -> str:
        return subprocess.run(["tmux", "-u", "-L", self.socket, *args], capture_output=True, text=True,
                              check=True, stdin=subprocess.DEVNULL).stdout

    def send(self, *keys: str) -> None:
        self._tmux("send-keys", "-t", "t", *keys)

    def type(self, text: str) -> None:
        self._tmux("send-keys", "-t", "t", "-l", text)

    def screen(self) -> str:
        return self._tmux("capture-pane", "-p", "-J", "-S", "-200", "-t", "t")

    def wait_for(self, pattern: str, timeout: float = 20) -> str:
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            text = self.screen()
            if re.search(pattern, text):
                return text
            time.sleep(0.05)
        raise AssertionError(f"{pattern!r} did not appear; screen:\n{self.screen()}")

    def close(self) -> None:
        subprocess.run(["tmux", "-L", self.socket, "kill-server"], capture_output=True, stdin=subprocess.DEVNULL)


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
