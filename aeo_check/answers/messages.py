"""Validation messages in the interface language.

The answer checker (:mod:`aeo_check.answers.model`, :mod:`aeo_check.files.numbers`, :mod:`aeo_check.files.sourcefile`,
:mod:`aeo_check.answers.workbook`) words its problems in English, the language of answer files and CI logs
(``validate --format github``, ``score --format json|junit`` stay English). A person working in
Chinese gets them in Chinese: :func:`localise` recognises each message by its pattern and rewords
it with the ``check`` group of :mod:`aeo_check.words.lexicon`; a broken consistency rule takes the Chinese
text of its rule in ``questionnaires/rules/consistency.yaml``. Most patterns are made from the
English text of their entry (``{name}`` matches anything), so a message and its Chinese live side
by side. A message no pattern knows stays as it is.
"""

from __future__ import annotations

import re
import string
from collections.abc import Callable
from typing import TYPE_CHECKING

from aeo_check.words.i18n import entry, t

if TYPE_CHECKING:  # pragma: no cover
    from aeo_check.files.sourcefile import Problem

_Rule = tuple[re.Pattern[str], Callable[[re.Match[str]], str]]


def _zh(key: str, **kw: str) -> str:
    return t(f"check.{key}", "zh", **kw)


def _either_zh(text: str) -> str:
    """``'a', 'b' or 'c'`` and ``是/否 or Yes/No`` (what a library or the workbook reader allows)."""
    m = re.fullmatch(r"('[^']*'(?:, '[^']*')*) or ('[^']*')", text) or re.fullmatch(r"(\S+/\S+) or (\S+/\S+)", text)
    return _zh("either", first=m.group(1), last=m.group(2)) if m else text


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
    m = re.fullmatch(r"(a whole number|a number)( \(percent, 85 means 85 %\))?([^:]*)", text)
    if m:
        kind = _zh("allowed_integer" if m.group(1) == "a whole number" else "allowed_number")
        if m.group(2):
            kind += _zh("allowed_percent")
        return kind + m.group(3).replace(", ", ",").replace(",", t("punct.comma", "zh"))
    return _either_zh(text)


def _hint_zh(hint: str) -> str:
    """`` (did you mean 'x'?)`` in Chinese; empty stays empty."""
    m = re.fullmatch(r" \(did you mean (.+)\?\)", hint)
    return _zh("did_you_mean", id=m.group(1)) if m else hint


def _kind_zh(kind: str) -> str:
    for key in ("kind_fifo", "kind_char", "kind_block", "kind_socket"):
        if entry(f"check.{key}")[1] == kind:
            return _zh(key)
    return kind


def _label_zh(vocabulary: str, key: str) -> str:
    """The catalogue's Chinese name of a section, an enterprise type … (the key itself if unknown)."""
    try:
        from aeo_check.catalogue.cache import get_catalogue

        return get_catalogue().label(vocabulary, key).get("zh")
    except Exception:  # noqa: BLE001 - the name is a nicety; the key says the same
        return key


_OS_REASONS = ("os_no_such_file", "os_permission", "os_disk_full", "os_read_only", "os_quota", "os_not_dir",
               "os_is_dir")


def os_reason(why: str, lang: str) -> str:
    """The operating system's reason (``strerror``) in ``lang``, when it is one of the common ones."""
    if lang == "zh":
        for key in _OS_REASONS:
            if entry(f"check.{key}")[1] == why:
                return _zh(key)
    return why


def _why_zh(why: str) -> str:
    return os_reason(why, "zh")


def _what_zh(what: str) -> str:
    """Which part of the workbook a missing sheet held."""
    if what == entry("check.sheet_enterprise")[1]:
        return _zh("sheet_enterprise")
    m = re.fullmatch(r"the (\w+) questions", what)
    return _zh("sheet_section", section=_label_zh("sections", m.group(1))) if m else what


def _pattern(english: str) -> re.Pattern[str]:
    """The English text of an entry as a pattern: its ``{names}`` match any text."""
    rx = ""
    for literal, name, _spec, _conv in string.Formatter().parse(english):
        rx += re.escape(literal)
        if name is not None:
            rx += f"(?P<{name}>.+?)"
    return re.compile(rx, re.S)


def _from(key: str, **change: Callable[[str], str]) -> _Rule:
    """A rule made from the English text of ``check.<key>``; ``change`` rewords captured values."""
    def make(m: re.Match[str]) -> str:
        return _zh(key, **{k: change[k](v) if k in change else v for k, v in m.groupdict().items()})

    return _pattern(entry(f"check.{key}")[1]), make


def _code_point(text: str) -> str:
    """``U+2028 (LINE SEPARATOR)`` → ``U+2028``: the character's English name is left out."""
    return text.split(" ", 1)[0]


def _nested(text: str) -> str:
    return localise(text, "zh")


_RULES: list[_Rule] = [
    # the unified social credit code and the customs code
    _from("uscc_length"),
    _from("uscc_chars"),
    _from("uscc_check_digit"),
    _from("customs_code"),
    _from("customs_code_quotes"),
    _from("must_be_text"),
    _from("specific_twice"),
    _from("not_blank"),
    _from("between"),
    # answers against their questions
    _from("not_allowed_for", allowed=allowed_zh),
    _from("out_of_range", allowed=allowed_zh),
    _from("not_allowed", allowed=allowed_zh),
    _from("list_not_allowed", allowed=allowed_zh),
    _from("twice"),
    _from("expected_text"),
    _from("too_early"),
    _from("too_long"),
    (re.compile(r"must not contain control characters.*"), lambda m: _zh("control_chars")),
    _from("refused_key_char", char=_code_point),
    _from("refused_char", char=_code_point),
    (re.compile(r"thousands separators go between groups of three digits.*"), lambda m: _zh("thousands")),
    (re.compile(r"write the number with the digits 0-9.*"), lambda m: _zh("digits")),
    _from("too_large"),
    _from("decimals"),
    _from("not_finite"),
    _from("after_assessment"),
    _from("past_event_after"),
    _from("before_catalogue"),
    _from("not_for_type", type=lambda key: _label_zh("enterprise_types", key)),
    (re.compile(r"unknown question id(?P<hint>.*)"), lambda m: _zh("unknown_question", hint=_hint_zh(m["hint"]))),
    (re.compile(r"note for an unknown question id(?P<hint>.*)"),
     lambda m: _zh("unknown_note", hint=_hint_zh(m["hint"]))),
    # the answer file as a whole
    _from("missing_field"),
    _from("unknown_field"),
    _from("wrong_catalogue"),
    _from("wrong_catalogue_draft"),
    _from("expected_mapping_ids"),
    _from("result_not_answers"),
    _from("not_answer_file"),
    (re.compile(r"Input should be a valid string"), lambda m: _zh("input_string")),
    (re.compile(r"Input should be a valid dictionary.*"), lambda m: _zh("input_mapping")),
    (re.compile(r"Input should be a valid list"), lambda m: _zh("input_list")),
    (re.compile(r"String should have at least (\d+) characters?"), lambda m: _zh("at_least_chars", n=m[1])),
    (re.compile(r"String should have at most (\d+) characters?"), lambda m: _zh("at_most_chars", n=m[1])),
    # reading the file
    _from("more_problems"),
    _from("alias"),
    _from("too_deep"),
    _from("key_plain"),
    _from("merge_key"),
    _from("duplicate_key"),
    _from("syntax_error"),
    _from("file_not_found"),
    _from("cannot_read", why=_why_zh),
    _from("is_directory"),
    _from("not_regular", kind=_kind_zh),
    _from("link_outside"),
    _from("too_big"),
    _from("larger_than"),
    _from("not_utf8"),
    _from("pdf_unreadable"),
    _from("pdf_no_answers"),
    # a result file read back
    _from("result_neither"),
    _from("result_earlier"),
    _from("result_catalogue"),
    _from("result_many"),
    _from("result_many_one"),
    _from("result_not_item"),
    _from("result_standard_missing", standard=lambda sid: t(sid, "zh")),
    _from("result_twice"),
    _from("result_not_fact", kind=lambda kind: _zh(f"result_fact_{kind}") if kind in ("question", "derived", "profile")
          else kind),
    _from("result_profile_value"),
    _from("result_not_question"),
    _from("result_unknown_derived"),
    # writing an output: the particular reasons before the operating system's
    _from("out_no_name"),
    _from("out_part_is_file"),
    _from("out_is_folder"),
    _from("out_is_input"),
    _from("out_answer_file"),
    _from("out_exists"),
    _from("out_no_new_file", why=_why_zh),
    _from("out_cannot_write", why=_why_zh),
    # a filled Excel questionnaire
    _from("xlsx_not_workbook"),
    _from("xlsx_no_workbook_xml"),
    _from("xlsx_too_big"),
    _from("xlsx_damaged"),
    _from("xlsx_refused", why=_nested),
    _from("zip_not_zip"),
    _from("zip_entries"),
    _from("zip_method"),
    _from("zip_encrypted"),
    _from("zip_twice"),
    _from("zip_entry_size"),
    _from("zip_entry_more"),
    _from("zip_total"),
    _from("zip_damaged"),
    _from("zip_dtd"),
    _from("xlsx_unreadable", error=_nested),
    _from("not_questionnaire"),
    _from("sheet_missing", what=_what_zh),
    _from("formula"),
    # a brand file and its logo (the logo's name first: these come after every other rule)
    _from("brand_colour"),
    _from("brand_currency"),
    _from("brand_amount"),
    _from("brand_too_many"),
    _from("logo_outside"),
    _from("logo_format"),
    _from("logo_not_raster"),
    _from("logo_bytes"),
    _from("logo_claims"),
    _from("logo_pixels"),
    _from("logo_missing"),
    # last: "expected …", alone or with the reason a number was refused
    (re.compile(r"expected (.+)"), lambda m: _expected_zh(m.group(1))),
]


def _expected_zh(text: str) -> str:
    """``expected <what is allowed>`` or ``expected <what is allowed>: <why this is not>``."""
    whole = allowed_zh(text)
    if whole != text or ": " not in text:
        return _zh("expected", allowed=whole)
    allowed, why = text.split(": ", 1)
    return _zh("expected", allowed=allowed_zh(allowed)) + t("punct.colon", "zh") + _nested(why)


def _consistency_zh(message: str) -> str | None:
    """A broken consistency rule (``<English text> (<answers>)``) in the rule's own Chinese."""
    from aeo_check.catalogue.cache import get_catalogue

    for rule in get_catalogue().consistency:
        head = rule.message.en + " ("
        if message.startswith(head) and message.endswith(")"):
            return _zh("consistency", rule=rule.message.zh, answers=message[len(head):-1])
    return None


def localise(message: str, lang: str) -> str:
    """``message`` of the answer checker in ``lang`` (unchanged when English or not recognised)."""
    if lang != "zh" or not message:
        return message
    for pattern, make in _RULES:
        m = pattern.fullmatch(message)
        if m:
            return make(m)
    return _consistency_zh(message) or message


def problem_text(problem: Problem, lang: str) -> str:
    """One problem as a person reads it: ``file:line: field: message``, the message in ``lang``."""
    from aeo_check.files.sourcefile import Problem

    if lang != "zh":
        return str(problem)
    return str(Problem(problem.file, problem.line, problem.field, localise(problem.message, lang)))
