"""Driving `aeo-check assess` with piped keys: the keys, a typist, a nearly complete answer file."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import yaml
from prompt_toolkit.application import create_app_session
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput
from rich.console import Console

from aeo_check.catalogue import get_catalogue
from aeo_check.interactive.asker import Asker
from aeo_check.interactive.session import run_assess

ROOT = Path(__file__).resolve().parents[1]
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
                # a script that runs out ends the session (Ctrl-C) rather than leaving a prompt waiting forever
                typist.pipe.send_text(typist.script.pop(0) if typist.script else (keys or CTRL_C))

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
          review: str | None = None, output: Path | None = None, lang: str = "en") -> tuple[int, Typist, str]:
    console = Console(record=True, width=120, force_terminal=False)
    with create_pipe_input() as pipe, create_app_session(input=pipe, output=DummyOutput()):
        typist = Typist(pipe, script, auto)
        typist.path = output or resume
        code = run_assess(CAT, output=output, resume=resume, review=review, lang=lang,
                          asker_factory=typist.factory, console=console, today=TODAY)
    return code, typist, console.export_text()
