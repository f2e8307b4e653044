"""In a real terminal (tmux): the whole questionnaire from an empty start, read off the screen.

In Chinese no English word may show except names and codes; in English no Chinese except the
note typed by the person. The result screen fits the 40-row terminal. The resume line printed
after Ctrl-C is typed back into the same shell, exactly as printed, and continues the file.
"""

from __future__ import annotations

import re
import shutil
import sys
import time
from pathlib import Path

import pytest
import yaml
from tmuxpane import TmuxPane

EXE = str(Path(sys.executable).parent / "aeo-check")
pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed (README's test command installs it)")

ROWS = 40
ECHO = re.compile(r"^[✓·] ", re.M)


class Shell(TmuxPane):
    """A bash in tmux (PATH without the venv), read back with its scrollback."""

    def __init__(self, cwd: Path, lang_env: str) -> None:
        super().__init__(f"env -i PATH=/usr/bin:/bin HOME={cwd} TERM=xterm-256color {lang_env} bash --norc --noprofile",
                         cwd, 100, ROWS, history=20000)

    def run(self, command: str) -> None:
        self.type(command)
        self.keys("Enter")

    def screen(self, joined: bool = True) -> str:
        """What the 40 rows show now (wrapped lines joined unless ``joined`` is false)."""
        return self.capture(*(["-J"] if joined else []))

    def history(self) -> str:
        return self.capture("-J", "-S", "-20000")

    def wait_for(self, pattern: str, timeout: float = 20, where: str = "history") -> str:  # type: ignore[override]
        return super().wait_for(pattern, timeout, self.history if where == "history" else self.screen)


def settled(sh: Shell, timeout: float = 20) -> tuple[str, str]:
    """The screen once a prompt (or the exit line) has been drawn and stays the same for a moment."""
    end = time.monotonic() + timeout
    last = None
    while time.monotonic() < end:
        text = sh.screen()
        line = prompt_line(text)
        if re.search(r"EXIT=\d", text) or len(line) > 4:
            if last == text:
                return text, line
            last = text
        time.sleep(0.08)
    raise AssertionError(f"no prompt appeared; screen:\n{sh.screen()}")


def prompt_line(screen: str) -> str:
    """The open question: the last line starting with '? ' that is not the keys line."""
    lines = screen.splitlines()
    starts = [i for i, x in enumerate(lines) if x.startswith("? ") and "Ctrl-P" not in x]
    if not starts:
        return ""
    # a long question goes on over the next rows (the prompt draws them itself, so they are not
    # joined as wrapped text): the question ends with its instruction, or before the first choice
    out = lines[starts[-1]]
    for x in lines[starts[-1] + 1:starts[-1] + 4]:
        if not x.strip() or x.startswith((" »", "   ", " ○", " ●")):
            break
        out += x
    return out


WORDS = {
    "zh": {"yn": "（y 是 / n 否", "select": "（上下键选择", "checkbox": "（上下键移动", "money": "（元）",
           "month": "最近一次的年月", "pdf": "PDF 整改计划吗", "name": "企业名称", "uscc": "统一社会信用代码",
           "code": "海关编码", "done": "问卷完成", "verdict": "预计信用等级"},
    "en": {"yn": "(y yes / n no", "select": "(arrow keys, Enter", "checkbox": "(arrow keys to move", "money": "(CNY)",
           "month": "Month of the latest one", "pdf": "PDF improvement plan", "name": "Enterprise name",
           "uscc": "credit code", "code": "Customs code", "done": "Questionnaire complete", "verdict": "Likely tier"},
}


def walk(sh: Shell, lang: str, name: str, note: str) -> dict[str, str]:
    """Answer every prompt from what the screen shows; returns what was seen at the end."""
    w = WORDS[lang]
    seen: dict[str, str] = {}
    done_note = done_dont_know = done_enter = False
    last, repeats = "", 0
    for _ in range(400):
        text, line = settled(sh)
        repeats = repeats + 1 if line == last else 0
        last = line
        assert repeats < 4, f"stuck at: {line}\n{text}"
        if re.search(r"EXIT=\d", text):
            seen["exit"] = text
            return seen
        echoes = len(ECHO.findall(sh.history()))
        if w["pdf"] in line:
            seen["result"] = sh.screen(joined=False)
            sh.keys("n")
            sh.wait_for(r"EXIT=\d+")
            continue
        if w["yn"] in line:
            if not done_enter:  # Enter alone records nothing
                sh.keys("Enter")
                time.sleep(0.4)
                assert len(ECHO.findall(sh.history())) == echoes and prompt_line(sh.screen()) == line
                done_enter = True
            if not done_note and "[" in line:
                sh.keys("C-n")
                sh.wait_for(r"(?m)^\? (备注|Note)", where="screen")
                sh.type(note)
                sh.keys("Enter")
                done_note = True
                sh.wait_for(re.escape(note))
                continue
            if not done_dont_know and "[" in line and "1/" not in line:
                sh.keys("C-d")
                done_dont_know = True
            else:
                sh.keys("n")
        elif w["select"] in line:  # the first entry: the cursor must move before Enter chooses
            sh.keys("Down", "Up", "Enter")
        elif w["checkbox"] in line:  # "none of these", the last entry, ticked
            sh.keys("Up", " ", "Enter")
        elif w["month"] in line:
            sh.type("2025-03")
            sh.keys("Enter")
        elif "[" not in line and w["name"] in line:  # the profile's own prompts have no progress mark
            sh.type(name)
            sh.keys("Enter")
        elif "[" not in line and w["uscc"] in line:
            sh.type("91330206MA2H4RT5XN")
            sh.keys("Enter")
        elif "[" not in line and w["code"] in line:
            sh.type("3302960TLC")
            sh.keys("Enter")
        elif "[" in line and re.search(r"日期？|On what date", line):  # a day before the assessment
            sh.type("2025-03-15")
            sh.keys("Enter")
        elif w["money"] in line:  # an amount as people write it; nothing fined, recovered or unpaid
            sh.type("0" if re.search(r"罚|追征|未缴|fine|recover|unpaid", line) else "2800万")
            sh.keys("Enter")
        else:  # no penalty: a count of them would contradict the "never" of their month
            sh.type("0" if re.search(r"处罚|penalt", line) else "3")
            sh.keys("Enter")
        end = time.monotonic() + 10
        while len(ECHO.findall(sh.history())) == echoes and time.monotonic() < end:
            time.sleep(0.03)
    raise AssertionError("the questionnaire did not end")


ALLOWED_LATIN = {
    # names and codes: the tool, its commands and options, keys, formats, standards' own acronyms
    "AEO", "aeo", "check", "assess", "score", "report", "resume", "Ctrl", "PDF", "ERP", "ISO", "IEC", "IPPC",
    "IT", "YYYY", "MM", "DD", "EXIT", "yaml", "txt", "pdf", "dont_know",
}


def latin_words(text: str) -> set[str]:
    # the shell's prompt and the command typed at it
    text = "\n".join(x for x in text.splitlines() if "EXIT=$?" not in x and not x.startswith("bash-"))
    text = text.replace("91330206MA2H4RT5XN", " ").replace("3302960TLC", " ")  # the enterprise's codes
    text = re.sub(r"\S*/\S*", " ", text)  # paths (and their file names)
    text = re.sub(r"[\w.-]+\.(?:yaml|txt|pdf)\b", " ", text)  # file names
    text = re.sub(r"(?<!\w)--?[a-z][\w-]*", " ", text)  # options
    return {w for w in re.findall(r"[A-Za-z]{2,}", text)} - ALLOWED_LATIN


def whole_questionnaire(cwd: Path, lang_env: str, lang: str, name: str, note: str) -> tuple[dict[str, str], str]:
    """``assess`` answered from an empty start in a shell under ``lang_env``: what :func:`walk`
    saw, and the whole scrollback."""
    sh = Shell(cwd, lang_env)
    try:
        sh.run(f"{EXE} assess -o answers.yaml; echo EXIT=$?")
        return walk(sh, lang, name, note), sh.history()
    finally:
        sh.close()


def test_the_whole_questionnaire_in_chinese_shows_no_english(tmp_path):
    seen, history = whole_questionnaire(tmp_path, "LANG=zh_CN.UTF-8", "zh", "宁波海光家电有限公司", "已与财务部核对")
    assert "EXIT=0" in seen["exit"]
    assert latin_words(history) == set(), sorted(latin_words(history))
    # the result screen fits the 40 rows together with the next prompt
    result = seen["result"]
    assert len(result.splitlines()) <= ROWS
    assert "宁波海光家电有限公司" in result and "预计信用等级" in result and "下一步：" in result
    assert re.search(r"高级认证企业标准：\d+分（通过线95）", result) and re.search(r"认证企业标准：\d+分", result)
    assert "完整结果：" in result and "整改计划：" in result
    assert "待核实的问题（1个）" in history
    doc = yaml.safe_load((tmp_path / "answers.yaml").read_text(encoding="utf-8"))
    assert list(doc["answers"].values()).count("dont_know") == 1 and len(doc["notes"]) == 1
    assert (tmp_path / "answers-checklist.txt").is_file()
    # the total shown before the first question moves only with a line saying why; the last
    # question asked is the last one counted
    announced, marks, notes = None, [], 0
    for m in re.finditer(r"本企业需回答(\d+)个问题|需回答的问题现为(\d+)个|\[(\d+)/(\d+) · ", history):
        if m.group(3) is None:
            announced, notes = int(m.group(1) or m.group(2)), notes + (m.group(2) is not None)
            continue
        assert int(m.group(4)) == announced, m.group(0)
        marks.append(int(m.group(3)))
    assert notes >= 1 and marks[-1] == announced


def test_the_whole_questionnaire_in_english_shows_no_chinese_but_the_note(tmp_path):
    seen, history = whole_questionnaire(tmp_path, "LANG=en_US.UTF-8", "en", "Ningbo Harbour Light Appliances Co., Ltd.",
                                        "核对过 checked")
    assert "EXIT=0" in seen["exit"]
    outside_note = "\n".join(x for x in history.splitlines() if "核对过 checked" not in x)
    cjk = re.findall(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]", outside_note)
    assert cjk == [], "".join(cjk)
    assert "Likely tier" in seen["result"] and len(seen["result"].splitlines()) <= ROWS


def test_the_resume_line_works_as_printed(tmp_path):
    sh = Shell(tmp_path, "LANG=zh_CN.UTF-8")
    try:
        sh.run(f"{EXE} assess -o answers.yaml")
        sh.wait_for(r"\? 企业名称", where="screen")
        sh.type("宁波海光家电有限公司")
        sh.keys("Enter")
        sh.wait_for(r"\? 统一社会信用代码", where="screen")
        sh.keys("C-c")
        text = sh.wait_for(r"继续作答：.*")
        command = re.search(r"继续作答：(.*)", text).group(1).strip()
        assert command == f"{EXE} assess --resume answers.yaml"  # aeo-check is not on this PATH
        sh.run("clear")
        sh.run(command)
        text = sh.wait_for(r"\? 统一社会信用代码", where="screen")
        assert "继续 answers.yaml：已回答0个问题（其中0个待核实），企业概况1/7项" in sh.history()
        sh.keys("C-c")
    finally:
        sh.close()
