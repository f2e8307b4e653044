"""questionary behind a small interface, so the session logic never touches prompt_toolkit.

Every prompt of a catalogue question takes the same keys, whatever its type (yes/no, pick one,
tick several, a number, a month): ``?`` help, Ctrl-P previous question, Ctrl-S skip, Ctrl-D
"don't know yet", Ctrl-N add a note. They end the prompt with a :class:`Nav` value instead of an
answer. Yes/no questions have no default: Enter alone records nothing. Each answer is echoed back
(amounts in full and in 万元/亿元) before the next question.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import questionary
from prompt_toolkit.application import get_app
from prompt_toolkit.key_binding import KeyBindings, merge_key_bindings
from questionary import Choice, Separator, Style

from aeo_check.answers.amounts import (
    TYPED_EXAMPLES,
    AmountError,
    format_amount,
    parse_amount,
    parse_number,
)
from aeo_check.answers.messages import localise
from aeo_check.answers.model import check_value, last_event_day
from aeo_check.catalogue.compiled import Catalogue
from aeo_check.files.limits import MAX_NOTE_CHARS
from aeo_check.files.numbers import parse_date
from aeo_check.words.i18n import group, t

if TYPE_CHECKING:  # pragma: no cover - annotations only
    from aeo_check.catalogue.models import Question


@dataclass(frozen=True, slots=True)
class Nav:
    action: str  # help | back | skip | note | dont_know

    def __repr__(self) -> str:
        return f"Nav({self.action})"


HELP, BACK, SKIP, NOTE, DONT_KNOW = Nav("help"), Nav("back"), Nav("skip"), Nav("note"), Nav("dont_know")
_MONTH_CHOICE = "__month__"
_DONT_KNOW_CHOICE = "__dont_know__"
NUMERIC = ("integer", "number", "money", "percent")

STYLE = Style([
    ("qmark", "fg:#2e86c1 bold"),
    ("question", "bold"),
    ("answer", "fg:#1e8449 bold"),
    ("pointer", "fg:#2e86c1 bold"),
    ("highlighted", "fg:#2e86c1 bold"),
    ("selected", "fg:#1e8449"),
    ("instruction", "fg:#7f8c8d"),
    ("bottom-toolbar", "fg:#1e8449 bg:default noreverse"),
])


def _with_nav(q: questionary.Question, nav: bool = True, dont_know: bool = False,
              extra: Callable[[KeyBindings], None] | None = None) -> questionary.Question:
    """Add the navigation keys to a questionary prompt. They are merged *after* the prompt's own
    bindings, so they win over a list's Ctrl-N/Ctrl-P cursor keys."""
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
    if dont_know:
        bind("c-d", DONT_KNOW)
    if extra is not None:
        extra(kb)
    q.application.key_bindings = merge_key_bindings([q.application.key_bindings, kb])
    return q


def parse_text_answer(cat: Catalogue, q: Question, raw: str, lang: str,
                      latest: dt.date | None = None) -> tuple[Any, str | None]:
    """Turn typed text into a value for ``q``; (value, reason it is not valid, in ``lang``).

    ``latest`` is the assessment date, which no date of a past event may follow."""
    w = group("asker", lang)
    s = raw.strip()
    if not s:
        return None, w["required"]
    if q.type == "date":
        d = parse_date(s)
        if d is None:
            return None, w["date"]
        if latest is not None and d > latest:
            return None, w["after_today"].format(date=latest.isoformat())
        value, why = check_value(cat, q, d)
        return (value, None) if why is None else (None, localise(why, lang))
    if q.type == "last_event":
        if s.lower() in ("never", "0") or s in ("从未", "从未发生", "无", "没有"):  # input syntax: "never" as typed in Chinese
            return "never", None
        value, why = check_value(cat, q, s)
        if why is not None or value in ("over_24m", "m12_24", "within_12m"):
            return None, w["last_event"]
        first = last_event_day(value)
        if latest is not None and first is not None and first > latest:
            return None, w["after_today"].format(date=latest.isoformat())
        return value, None
    if q.type in NUMERIC:
        try:
            if q.type == "money":
                value: Any = parse_amount(s)
            else:
                d = parse_number(s.rstrip("%％").strip() if q.type == "percent" else s)  # input: either percent sign
                if q.type == "integer" and d != d.to_integral_value():
                    return None, w["integer"]
                value = int(d) if d == d.to_integral_value() else float(d)
        except AmountError as exc:
            if exc.kind == "exponent":
                return None, w["no_exponent"].format(**TYPED_EXAMPLES)
            if q.type == "money":
                return None, w["money_format"].format(**TYPED_EXAMPLES)
            return None, w["integer"] if q.type == "integer" else w["number"]
        if q.min is not None and value < q.min:
            return None, w["min"].format(v=_n(q.min))
        if q.max is not None and value > q.max:
            return None, w["max"].format(v=_n(q.max))
        value, why = check_value(cat, q, value)
        return (value, None) if why is None else (None, localise(why, lang))
    if len(s) > MAX_NOTE_CHARS:
        return None, w["too_long"].format(n=MAX_NOTE_CHARS)
    return s, None


def show_answer(cat: Catalogue, q: Question, value: Any, lang: str) -> str:
    """An answer as the person should read it back."""
    w = group("asker", lang)
    if q.type == "yes_no":
        return w["yes"] if value else w["no"]
    if q.type == "choice":
        return next((c.label.get(lang) for c in cat.choices_of(q) if c.value == value), str(value))
    if q.type == "multi":
        labels = [c.label.get(lang) for c in cat.choices_of(q) if c.value in (value or [])]
        return t("punct.choice_sep", lang).join(labels) if labels else w["none_ticked"]
    if q.type == "money":
        return format_amount(value, lang)
    if q.type == "last_event":
        if value == "never":
            return w["answer_never"]
        if isinstance(value, str) and len(value) == 7:
            return t("year_month", lang, y=value[:4], m=int(value[5:]))
        return value.isoformat() if isinstance(value, dt.date) else str(value)
    if q.type == "percent":
        return f"{_fmt(value)}%"
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return f"{value:,}" if isinstance(value, int) else _fmt(value)
    return str(value)


def _n(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else str(x)


class Asker:
    """Asks one thing at a time with questionary; returns a value or a :class:`Nav`."""

    def __init__(self, cat: Catalogue, lang: str) -> None:
        self.cat = cat
        self.lang = lang
        #: the assessment date: dates of past events may not follow it (the session sets it)
        self.latest: dt.date | None = None
        #: where answers are echoed (the session sets its console); None echoes nothing
        self.console: Any = None

    # questions of the catalogue ---------------------------------------------
    def ask(self, q: Question, current: Any, prefix: str) -> Any:
        lang = self.lang
        w = group("asker", lang)
        message = f"{prefix}{q.text.get(lang)}"
        if q.type == "yes_no":
            result = self._yes_no(message, current if isinstance(current, bool) else None, dont_know=True)
        elif q.type == "choice":
            choices: list[Any] = [Choice(c.label.get(lang), value=c.value) for c in self.cat.choices_of(q)]
            choices += [Separator(" "), Choice(w["dont_know"], value=_DONT_KNOW_CHOICE)]
            default = current if current in [c.value for c in self.cat.choices_of(q)] else None
            prompt = questionary.select(message, choices=choices, default=default, style=STYLE,
                                        instruction=w["select_instruction"], erase_when_done=True)
            result = _with_nav(prompt, dont_know=True).unsafe_ask()
            if result == _DONT_KNOW_CHOICE:
                result = DONT_KNOW
        elif q.type == "multi":
            current = current if isinstance(current, list) else []
            choices = [Choice(c.label.get(lang), value=c.value, checked=c.value in current)
                       for c in self.cat.choices_of(q)]
            prompt = questionary.checkbox(message, choices=choices, style=STYLE,
                                          instruction=w["checkbox_instruction"], erase_when_done=True)
            result = _with_nav(prompt, dont_know=True).unsafe_ask()
        elif q.type == "last_event":
            result = self._last_event(q, message, current)
        else:
            result = self._typed(q, message, current)
        if result is DONT_KNOW or result is SKIP:
            self._echo(message, w["dont_know"] if result is DONT_KNOW else w["skipped"], "magenta")
        if isinstance(result, Nav):
            return result
        if q.type in ("integer", "number", "money", "percent", "date", "text"):
            result, _ = parse_text_answer(self.cat, q, result, lang, self.latest)
        self._echo(message, show_answer(self.cat, q, result, lang))
        return result

    def _typed(self, q: Question, message: str, current: Any) -> Any:
        lang = self.lang
        unit = group("asker", lang)["unit"].format(unit=q.unit.get(lang)) if q.unit else ""
        if current is None:
            default = ""
        elif isinstance(current, dt.date):
            default = current.isoformat()
        else:
            default = _fmt(current)

        def validate(text: str) -> bool | str:
            _, why = parse_text_answer(self.cat, q, text, lang, self.latest)
            return True if why is None else why

        extra: dict[str, Any] = {}
        if q.type == "money":

            def preview() -> str:
                text = get_app().current_buffer.text
                value, why = parse_text_answer(self.cat, q, text, lang, self.latest)
                return "" if why is not None else " = " + format_amount(value, lang)

            extra["bottom_toolbar"] = preview
        prompt = questionary.text(message + unit, default=default, validate=validate, style=STYLE,
                                  erase_when_done=True, **extra)
        return _with_nav(prompt, dont_know=True).unsafe_ask()

    def _last_event(self, q: Question, message: str, current: Any) -> Any:
        """'never' as a choice, else the month of the latest event (typed, checked, echoed)."""
        w = group("asker", self.lang)
        while True:
            had_month = current not in (None, "never") and current not in ("over_24m", "m12_24", "within_12m")
            choices: list[Any] = [Choice(w["last_event_never"], value="never"),
                                  Choice(w["last_event_when"], value=_MONTH_CHOICE),
                                  Separator(" "), Choice(w["dont_know"], value=_DONT_KNOW_CHOICE)]
            default = "never" if current == "never" else (_MONTH_CHOICE if had_month else None)
            prompt = questionary.select(message, choices=choices, default=default, style=STYLE,
                                        instruction=w["select_instruction"], erase_when_done=True)
            picked = _with_nav(prompt, dont_know=True).unsafe_ask()
            if picked == _DONT_KNOW_CHOICE:
                return DONT_KNOW
            if picked != _MONTH_CHOICE:
                return picked  # 'never' or a Nav
            start = ""
            if had_month:
                start = current.isoformat() if isinstance(current, dt.date) else str(current)

            typed = self._month_text(q, f"{message} · {w['last_event_month']}", start)
            if typed is BACK:
                continue  # back to never / month
            if isinstance(typed, Nav):
                return typed
            value, _ = parse_text_answer(self.cat, q, typed, self.lang, self.latest)
            return value

    def _month_text(self, q: Question, message: str, default: str) -> Any:
        """The month (or day) of the latest event, checked as it is typed."""

        def validate(text: str) -> bool | str:
            _, why = parse_text_answer(self.cat, q, text, self.lang, self.latest)
            return True if why is None else why

        prompt = questionary.text(message, default=default, validate=validate, style=STYLE, erase_when_done=True)
        return _with_nav(prompt, dont_know=True).unsafe_ask()

    def _yes_no(self, message: str, current: bool | None, dont_know: bool, nav: bool = True) -> Any:
        """y or n; Enter alone does nothing (it keeps ``current`` when there is one)."""
        w = group("asker", self.lang)
        instruction = w["yes_no_instruction" if dont_know else "yes_no_plain"]
        if current is not None:
            instruction += w["now"].format(answer=w["yes" if current else "no"])
        prompt = questionary.confirm(message, default=bool(current), style=STYLE, auto_enter=True,
                                     instruction=instruction, erase_when_done=True)

        def keys(kb: KeyBindings) -> None:
            @kb.add("enter", eager=True)
            def _(event: Any) -> None:
                if current is not None:
                    event.app.exit(result=current)

            if dont_know:

                @kb.add("d", eager=True)
                @kb.add("D", eager=True)
                def _(event: Any) -> None:
                    event.app.exit(result=DONT_KNOW)

        return _with_nav(prompt, nav, dont_know=dont_know, extra=keys).unsafe_ask()

    def _echo(self, message: str, answer: str, style: str = "green") -> None:
        if self.console is not None:
            from rich.text import Text

            line = Text("✓ " if style == "green" else "· ", style=style)
            line.append(message)
            line.append("  ")
            line.append(answer, style=f"bold {style}")
            self.console.print(line, soft_wrap=True)

    # free prompts (profile, notes, end of session) -----------------------------
    def text(self, message: str, default: str = "", validate: Callable[[str], bool | str] | None = None,
             nav: bool = True) -> Any:
        prompt = questionary.text(message, default=default, validate=validate or (lambda s: True), style=STYLE,
                                  erase_when_done=True)
        result = _with_nav(prompt, nav).unsafe_ask()
        if isinstance(result, str) and result.strip():
            self._echo(message, result.strip())
        return result

    def select(self, message: str, choices: list[tuple[str, str]], default: str | None = None,
               nav: bool = True) -> Any:
        prompt = questionary.select(message, choices=[Choice(label, value=v) for v, label in choices],
                                    default=default, style=STYLE, erase_when_done=True,
                                    instruction=group("asker", self.lang)["select_instruction"])
        result = _with_nav(prompt, nav).unsafe_ask()
        if not isinstance(result, Nav):
            self._echo(message, dict(choices).get(result, str(result)))
        return result

    def checkbox(self, message: str, choices: list[tuple[str, str]], checked: list[str], nav: bool = True) -> Any:
        w = group("asker", self.lang)
        prompt = questionary.checkbox(message, choices=[Choice(label, value=v, checked=v in checked)
                                                        for v, label in choices],
                                      style=STYLE, instruction=w["checkbox_instruction"], erase_when_done=True)
        result = _with_nav(prompt, nav).unsafe_ask()
        if isinstance(result, list):
            labels = [label for v, label in choices if v in result]
            self._echo(message, t("punct.choice_sep", self.lang).join(labels) if labels else w["none_ticked"])
        return result

    def confirm(self, message: str, default: bool | None = None, nav: bool = True) -> Any:
        """A yes/no of the interface (not a catalogue question); no default either."""
        result = self._yes_no(message, None, dont_know=False, nav=nav)
        if isinstance(result, bool):
            w = group("asker", self.lang)
            self._echo(message, w["yes"] if result else w["no"])
        return result


def _fmt(v: Any) -> str:
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v)
