"""The asker never answers for the person: keys typed into a prompt_toolkit pipe, as a keyboard would."""

from __future__ import annotations

import io
import threading
from contextlib import redirect_stdout

import pytest
from prompt_toolkit.application import create_app_session
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput

from aeo_check.catalogue import get_catalogue
from aeo_check.interactive.asker import DONT_KNOW, Asker

CAT = get_catalogue()
DOWN, UP, ENTER, SPACE, CTRL_D = "\x1b[B", "\x1b[A", "\r", " ", "\x04"


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
