"""questionary behind a small interface, so the session logic never touches prompt_toolkit.

Each prompt gets four extra keys: ``?`` help, Ctrl-P previous question, Ctrl-S skip,
Ctrl-N add a note. They end the prompt with a :class:`Nav` value instead of an answer.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Callable

import questionary
from prompt_toolkit.key_binding import KeyBindings, merge_key_bindings
from questionary import Choice, Style

from ..answers import check_value
from ..limits import MAX_NOTE_CHARS
from ..numbers import NumberError, parse_date, parse_number, plain
from ..catalogue.loader import Catalogue
from ..catalogue.models import Question


@dataclass(frozen=True, slots=True)
class Nav:
    action: str  # help | back | skip | note

    def __repr__(self) -> str:
        return f"Nav({self.action})"


HELP, BACK, SKIP, NOTE = Nav("help"), Nav("back"), Nav("skip"), Nav("note")

STYLE = Style([
    ("qmark", "fg:#2e86c1 bold"),
    ("question", "bold"),
    ("answer", "fg:#1e8449 bold"),
    ("pointer", "fg:#2e86c1 bold"),
    ("highlighted", "fg:#2e86c1 bold"),
    ("selected", "fg:#1e8449"),
    ("instruction", "fg:#7f8c8d"),
])

WORDS = {
    "zh": {"yes": "是", "no": "否", "keys": "? 帮助 · Ctrl-P 上一题 · Ctrl-S 跳过 · Ctrl-N 备注 · Ctrl-C 退出（答案已保存）",
           "required": "请填写", "number": "请输入数字", "integer": "请输入整数", "date": "请输入日期，格式 YYYY-MM-DD",
           "last_event": "从未发生请输入 0；否则输入最近一次的年月 YYYY-MM（或日期 YYYY-MM-DD）",
           "min": "不能小于 {v}", "max": "不能大于 {v}", "checkbox": "（空格选择，回车确认）",
           "after": "不能晚于评估日期 {d}", "too_long": "不能超过 {n} 个字"},
    "en": {"yes": "Yes", "no": "No", "keys": "? help · Ctrl-P previous · Ctrl-S skip · Ctrl-N note · Ctrl-C quit (answers are saved)",
           "required": "Please enter a value", "number": "Enter a number", "integer": "Enter a whole number",
           "date": "Enter a date as YYYY-MM-DD",
           "last_event": "Type 0 if it never happened; otherwise the month of the latest one, YYYY-MM (or the date)", "min": "Must not be less than {v}", "max": "Must not be more than {v}",
           "checkbox": "(space to select, enter to confirm)",
           "after": "Must not be after the assessment date {d}", "too_long": "At most {n} characters"},
}


def _with_nav(q: questionary.Question, nav: bool = True) -> questionary.Question:
    kb = KeyBindings()

    def bind(key: str, value: Nav) -> None:
        @kb.add(key, eager=True)
        def _(event: Any) -> None:
            event.app.exit(result=value)

    bind("?", HELP)
    if nav:
        bind("c-p", BACK)
        bind("c-s", SKIP)
        bind("c-n", NOTE)
    q.application.key_bindings = merge_key_bindings([kb, q.application.key_bindings])
    return q


def parse_text_answer(cat: Catalogue, q: Question, raw: str, lang: str,
                      latest: dt.date | None = None) -> tuple[Any, str | None]:
    """Turn typed text into a value for ``q``; (value, reason it is not valid).

    Numbers are read as :mod:`aeo_check.numbers` reads them in files (digits 0-9, thousands
    separators between groups of three); ``latest`` is the assessment date, which no date of a
    past event may follow."""
    w = WORDS[lang]
    s = raw.strip()
    if not s:
        return None, w["required"]
    if q.type == "date":
        d = parse_date(s)
        if d is None:
            return None, w["date"]
        if latest is not None and d > latest:
            return None, w["after"].format(d=latest.isoformat())
        value, why = check_value(cat, q, d)
        return (value, None) if why is None else (None, why)
    if q.type == "last_event":
        if s.lower() in ("never", "n", "0") or s in ("从未", "从未发生", "无"):
            return "never", None
        value, why = check_value(cat, q, s)
        if why is None and latest is not None and isinstance(value, dt.date) and value > latest:
            return None, w["after"].format(d=latest.isoformat())
        return (value, None) if why is None else (None, w["last_event"])
    if q.type in ("integer", "number", "money", "percent"):
        s = s.replace("，", ",").replace("%", "").replace("¥", "").replace("元", "").strip()
        try:
            value: Any = plain(parse_number(s))
        except NumberError:
            return None, w["integer"] if q.type == "integer" else w["number"]
        if q.type == "integer" and not isinstance(value, int):
            return None, w["integer"]
        if q.min is not None and value < q.min:
            return None, w["min"].format(v=_n(q.min))
        if q.max is not None and value > q.max:
            return None, w["max"].format(v=_n(q.max))
        value, why = check_value(cat, q, value)
        return (value, None) if why is None else (None, why)
    if len(s) > MAX_NOTE_CHARS:
        return None, w["too_long"].format(n=MAX_NOTE_CHARS)
    return s, None


def _n(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else str(x)


class Asker:
    """Asks one thing at a time with questionary; returns a value or a :class:`Nav`."""

    #: the assessment date: dates of past events may not follow it (the session sets it)
    latest: dt.date | None = None

    def __init__(self, cat: Catalogue, lang: str) -> None:
        self.cat = cat
        self.lang = lang

    # questions of the catalogue ---------------------------------------------
    def ask(self, q: Question, current: Any, prefix: str) -> Any:
        lang = self.lang
        w = WORDS[lang]
        message = f"{prefix}{q.text.get(lang)}"
        unit = f" ({q.unit.get(lang)})" if q.unit else ""
        if q.type == "yes_no":
            prompt = questionary.confirm(message, default=bool(current) if current is not None else True,
                                         style=STYLE, auto_enter=True)
        elif q.type == "choice":
            choices = [Choice(c.label.get(lang), value=c.value) for c in self.cat.choices_of(q)]
            default = current if current in [c.value for c in choices] else None
            prompt = questionary.select(message, choices=choices, default=default, style=STYLE)
        elif q.type == "multi":
            current = current or []
            choices = [Choice(c.label.get(lang), value=c.value, checked=c.value in current)
                       for c in self.cat.choices_of(q)]
            prompt = questionary.checkbox(message, choices=choices, style=STYLE, instruction=w["checkbox"])
        else:
            default = "" if current is None else (current.isoformat() if isinstance(current, dt.date) else _fmt(current))

            def validate(text: str) -> bool | str:
                _, why = parse_text_answer(self.cat, q, text, lang, self.latest)
                return True if why is None else why

            prompt = questionary.text(message + unit, default=default, validate=validate, style=STYLE)
        result = _with_nav(prompt).unsafe_ask()
        if isinstance(result, Nav):
            return result
        if q.type in ("integer", "number", "money", "percent", "date", "text", "last_event"):
            value, _ = parse_text_answer(self.cat, q, result, lang, self.latest)
            return value
        return result

    # free prompts (profile, notes, end of session) -----------------------------
    def text(self, message: str, default: str = "", validate: Callable[[str], bool | str] | None = None,
             nav: bool = True) -> Any:
        prompt = questionary.text(message, default=default, validate=validate or (lambda s: True), style=STYLE)
        return _with_nav(prompt, nav).unsafe_ask()

    def select(self, message: str, choices: list[tuple[str, str]], default: str | None = None,
               nav: bool = True) -> Any:
        prompt = questionary.select(message, choices=[Choice(label, value=v) for v, label in choices],
                                    default=default, style=STYLE)
        return _with_nav(prompt, nav).unsafe_ask()

    def checkbox(self, message: str, choices: list[tuple[str, str]], checked: list[str], nav: bool = True) -> Any:
        prompt = questionary.checkbox(message, choices=[Choice(label, value=v, checked=v in checked)
                                                        for v, label in choices],
                                      style=STYLE, instruction=WORDS[self.lang]["checkbox"])
        return _with_nav(prompt, nav).unsafe_ask()

    def confirm(self, message: str, default: bool, nav: bool = True) -> Any:
        prompt = questionary.confirm(message, default=default, style=STYLE, auto_enter=True)
        return _with_nav(prompt, nav).unsafe_ask()


def _fmt(v: Any) -> str:
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v)
