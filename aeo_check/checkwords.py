"""Validation messages in the interface language.

The answer checker (:mod:`aeo_check.answers`, :mod:`aeo_check.numbers`) words its problems in
English, the language of answer files and CI logs. A person answering in Chinese gets them in
Chinese: :func:`localise` recognises each message by its pattern and rewords it with the
``check`` group of :mod:`aeo_check.words`. A message it does not know stays as it is.
"""

from __future__ import annotations

import re
from typing import Callable

from .i18n import t

_Rule = tuple[re.Pattern[str], Callable[[re.Match[str]], str]]


def _zh(key: str, **kw: str) -> str:
    return t(f"check.{key}", "zh", **kw)


def allowed_zh(text: str) -> str:
    """What an answer may be (the checker's ``allowed``), in Chinese."""
    fixed = {
        "true or false (yes or no)": "allowed_bool",
        "true or false": "allowed_bool",
        "a date YYYY-MM-DD, not after assessed_on": "allowed_date_before",
        "a date YYYY-MM-DD": "allowed_date",
        "never, or the date (YYYY-MM-DD) or month (YYYY-MM) it last happened": "allowed_last_event",
        "text": "allowed_text",
    }
    if text in fixed:
        return _zh(fixed[text])
    m = re.fullmatch(r"(one of|a list of): (.*)", text)
    if m:
        return _zh("allowed_one_of" if m.group(1) == "one of" else "allowed_list_of", values=m.group(2))
    m = re.fullmatch(r"(a whole number|a number)( \(percent, 85 means 85 %\))?(.*)", text)
    if m:
        kind = _zh("allowed_integer" if m.group(1) == "a whole number" else "allowed_number")
        if m.group(2):
            kind += _zh("allowed_percent")
        return kind + m.group(3).replace(",", t("punct.comma", "zh"))
    return text


_RULES: list[_Rule] = [
    (re.compile(r"must be 18 characters, got (\d+)"), lambda m: _zh("uscc_length", n=m.group(1))),
    (re.compile(r"contains (.+); allowed are digits and (\w+)"),
     lambda m: _zh("uscc_chars", bad=m.group(1), letters=m.group(2))),
    (re.compile(r"check digit is (.+), expected (.+)"),
     lambda m: _zh("uscc_check_digit", got=m.group(1), expected=m.group(2))),
    (re.compile(r"must be 10 characters, digits and capital letters"), lambda m: _zh("customs_code")),
    (re.compile(r"(.+) is out of range: expected (.+)"),
     lambda m: _zh("out_of_range", value=m.group(1), allowed=allowed_zh(m.group(2)))),
    (re.compile(r"(.+) is not allowed: expected (.+)"),
     lambda m: _zh("not_allowed", value=m.group(1), allowed=allowed_zh(m.group(2)))),
    (re.compile(r"(.+) not allowed: expected (.+)"),
     lambda m: _zh("list_not_allowed", values=m.group(1), allowed=allowed_zh(m.group(2)))),
    (re.compile(r"lists a value twice"), lambda m: _zh("twice")),
    (re.compile(r"expected text"), lambda m: _zh("expected_text")),
    (re.compile(r"(\S+) is too early: expected a date from (\S+) on"),
     lambda m: _zh("too_early", value=m.group(1), date=m.group(2))),
    (re.compile(r"(.+?) characters; the limit is (.+)"), lambda m: _zh("too_long", n=m.group(1), limit=m.group(2))),
    (re.compile(r"must not contain control characters.*"), lambda m: _zh("control_chars")),
    (re.compile(r"thousands separators go between groups of three digits.*"), lambda m: _zh("thousands")),
    (re.compile(r"write the number with the digits 0-9.*"), lambda m: _zh("digits")),
    (re.compile(r"too large: at most (\d+) digits before the decimal point"),
     lambda m: _zh("too_large", n=m.group(1))),
    (re.compile(r"at most (\d+) decimal places"), lambda m: _zh("decimals", n=m.group(1))),
    (re.compile(r"not a finite number"), lambda m: _zh("not_finite")),
    (re.compile(r"expected (.+?)(?:: (.+))?"),
     lambda m: _zh("expected", allowed=allowed_zh(m.group(1)))
     + (t("punct.colon", "zh").strip() + localise(m.group(2), "zh") if m.group(2) else "")),
]


def localise(message: str, lang: str) -> str:
    """``message`` of the answer checker in ``lang`` (unchanged when English or not recognised)."""
    if lang != "zh" or not message:
        return message
    for pattern, make in _RULES:
        m = pattern.fullmatch(message)
        if m:
            return make(m)
    return message
