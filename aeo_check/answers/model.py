"""Answer files: one assessment of one enterprise, as YAML or JSON.

```yaml
format: aeo-check/answers/1
standard: gacc-2026-34
language: zh
enterprise: {name: …, uscc: …, customs_code: …, type: importer_exporter, specific: [], production: true,
             current_tier: regular}
assessed_on: 2026-11-20
answers: {question_id: value}
notes: {question_id: "free text"}
```

:func:`parse_answers` checks the envelope with pydantic and every answer against its
question in the catalogue, and reports *all* problems at once with file, line and field.
"""


from __future__ import annotations

import datetime as dt
import functools
import re
import unicodedata
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, NamedTuple

from pydantic_core import ValidationError

from aeo_check.answers.migrate import read_through
from aeo_check.catalogue.compiled import Catalogue
from aeo_check.catalogue.expr import _GLOBALS, parse_last_event
from aeo_check.catalogue.vocab import ENTERPRISE_TYPES, SPECIFIC_TYPES, TIERS
from aeo_check.files.limits import (
    FIRST_ASSESSED_ON,
    FIRST_EVENT_DATE,
    LAST_ASSESSED_ON,
    MAX_NAME_CHARS,
    MAX_NOTE_CHARS,
    MAX_PROBLEMS,
)
from aeo_check.files.numbers import (
    NumberError,
    check_python_number,
    parse_date,
    parse_number,
    plain,
)
from aeo_check.files.safetext import has_control, quoted
from aeo_check.files.sourcefile import DataFileError, Problem, SourceDoc

if TYPE_CHECKING:  # pragma: no cover - annotations only
    from aeo_check.catalogue.models import ConsistencyRule, Question

FORMAT = "aeo-check/answers/1"
#: the answer value that records "don't know yet" for any question
DONT_KNOW = "dont_know"

# GB 32100-2015 unified social credit code: 31 characters, no I, O, Z, S, V
_USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
_CUSTOMS_CODE = re.compile(r"^[0-9A-Z]{10}$")


def uscc_problem(code: str) -> str | None:
    """Why ``code`` is not a valid unified social credit code, or None when it is."""
    if len(code) != 18:
        return f"must be 18 characters, got {len(code)}"
    bad = sorted({c for c in code if c not in _USCC_CHARS})
    if bad:
        return f"contains {''.join(bad)!r}; allowed are digits and {_USCC_CHARS[10:]}"
    total = sum(_USCC_CHARS.index(c) * w for c, w in zip(code[:17], _USCC_WEIGHTS, strict=False))
    expected = _USCC_CHARS[(31 - total % 31) % 31]
    if code[17] != expected:
        return f"check digit is {code[17]!r}, expected {expected!r}"
    return None


def uscc_with_check_digit(first17: str) -> str:
    """Complete 17 characters with their check digit (for examples and tests)."""
    total = sum(_USCC_CHARS.index(c) * w for c, w in zip(first17, _USCC_WEIGHTS, strict=False))
    return first17 + _USCC_CHARS[(31 - total % 31) % 31]


def customs_code_problem(code: str) -> str | None:
    if not _CUSTOMS_CODE.match(code):
        return "must be 10 characters, digits and capital letters"
    return None


class Enterprise(NamedTuple):
    """The answer file's ``enterprise`` block, checked (:func:`enterprise_from`)."""

    name: str
    uscc: str
    customs_code: str
    type: str
    specific: list[str]
    production: bool
    current_tier: str = "regular"

    def as_dict(self) -> dict[str, Any]:
        return {**self._asdict(), "specific": list(self.specific)}


# The envelope of an answer file (everything but the answers themselves) is checked by one
# pydantic-core validator built from its schema: the same engine, rules and messages as a pydantic
# model, without building model classes on every start (a third of ``score FILE``'s own start-up
# went into the two models this replaces). Field order is the order problems are listed in.

def _name(v: str) -> str:
    if has_control(v):
        raise ValueError("must not contain control characters (escape sequences, line breaks)")
    if not v.strip():
        raise ValueError("must not be blank")
    return v


def _production(v: Any) -> bool:
    b = yes_no_value(v)
    if b is None:
        raise ValueError("expected true or false (yes or no)")
    return b


def _uscc(v: str) -> str:
    why = uscc_problem(v)
    if why:
        raise ValueError(why)
    return v


def _customs_code(v: Any) -> str:
    if isinstance(v, int) and not isinstance(v, bool):
        raise ValueError("write the customs code in quotes, e.g. \"4403960001\", so leading zeros are kept")
    if not isinstance(v, str):
        raise ValueError("must be text")
    why = customs_code_problem(v)
    if why:
        raise ValueError(why)
    return v


def _unique(v: list[str]) -> list[str]:
    if len(set(v)) != len(v):
        raise ValueError("lists a specific standard twice")
    return v


def _assessed_on(v: Any) -> dt.date:
    d = parse_date(v)
    if d is None:
        raise ValueError("expected a date YYYY-MM-DD")
    if not FIRST_ASSESSED_ON <= d <= LAST_ASSESSED_ON:
        raise ValueError(f"must be between {FIRST_ASSESSED_ON} and {LAST_ASSESSED_ON}")
    return d


#: yes/no written as text, as :func:`yes_no_value` reads it (for the JSON Schema)
YES_NO_PATTERN = r"^\s*([Yy][Ee][Ss]|[Nn][Oo]|[Tt][Rr][Uu][Ee]|[Ff][Aa][Ll][Ss][Ee])\s*$"
USCC_PATTERN = "^[0-9A-HJ-NPQRTUWXY]{18}$"
CUSTOMS_CODE_PATTERN = "^[0-9A-Z]{10}$"
DATE_PATTERN = r"^\d{4}-\d{2}-\d{2}$"


def _js(**updates: Any) -> dict[str, Any]:
    """What the JSON Schema of a field adds to what its core schema says (``aeo-check schema``):
    the checks a Python function makes, as far as JSON Schema can state them."""
    return {"pydantic_js_updates": updates}


def _field(schema: Any, **default: Any) -> Any:
    """A field of a checked mapping: required, or with its default."""
    from pydantic_core import core_schema as cs

    if default:
        return cs.typed_dict_field(cs.with_default_schema(schema, **default), required=False)
    return cs.typed_dict_field(schema)


def enterprise_schema() -> Any:
    """The core schema of the ``enterprise`` block (also used inside result files' checks)."""
    from pydantic_core import core_schema as cs

    yes_no_text = cs.str_schema(pattern=YES_NO_PATTERN)
    return cs.typed_dict_schema({
        "name": _field(cs.no_info_after_validator_function(_name, cs.str_schema(min_length=1, max_length=MAX_NAME_CHARS))),
        "uscc": _field(cs.no_info_after_validator_function(_uscc, cs.str_schema(), metadata=_js(
            pattern=USCC_PATTERN, description="unified social credit code, 18 characters (GB 32100)"))),
        "customs_code": _field(cs.no_info_before_validator_function(
            _customs_code, cs.str_schema(), json_schema_input_schema=cs.str_schema(pattern=CUSTOMS_CODE_PATTERN),
            metadata=_js(description="customs registration code, 10 characters, quoted"))),
        "type": _field(cs.literal_schema(list(ENTERPRISE_TYPES))),
        "specific": _field(cs.no_info_after_validator_function(_unique, cs.list_schema(cs.literal_schema(list(SPECIFIC_TYPES))),
                                                               metadata=_js(uniqueItems=True)),
                           default_factory=list),
        "production": _field(cs.no_info_before_validator_function(
            _production, cs.bool_schema(), json_schema_input_schema=cs.union_schema([cs.bool_schema(), yes_no_text]))),
        "current_tier": _field(cs.literal_schema(list(TIERS)), default="regular"),
    }, extra_behavior="forbid")


def envelope_schema() -> Any:
    """The core schema of an answer file's envelope (the answers themselves are checked against
    the catalogue, :func:`check_value`); ``aeo-check schema answers`` is generated from it."""
    from pydantic_core import core_schema as cs

    return cs.typed_dict_schema({
        "format": _field(cs.literal_schema([FORMAT])),
        "standard": _field(cs.str_schema()),
        "questionnaire_version": _field(cs.int_schema(ge=1), default=1),
        "language": _field(cs.literal_schema(["zh", "en"]), default="zh"),
        "enterprise": _field(enterprise_schema()),
        "assessed_on": _field(cs.no_info_before_validator_function(_assessed_on, cs.date_schema(), metadata=_js(
            pattern=DATE_PATTERN, description="look-back windows count back from this date"))),
        "answers": _field(cs.dict_schema(cs.str_schema(), cs.any_schema()), default_factory=dict),
        "notes": _field(cs.dict_schema(cs.str_schema(), cs.str_schema()), default_factory=dict),
    }, extra_behavior="forbid")


@functools.cache
def _validators() -> tuple[Any, Any]:
    from pydantic_core import SchemaValidator

    return SchemaValidator(envelope_schema()), SchemaValidator(enterprise_schema())


class Envelope(NamedTuple):
    """An answer file's envelope, checked (:func:`check_envelope`)."""

    format: str
    standard: str
    questionnaire_version: int
    language: str
    enterprise: Enterprise
    assessed_on: dt.date
    answers: dict[str, Any]
    notes: dict[str, str]


#: the fields of the envelope and of its enterprise block, in order
ENVELOPE_FIELDS = Envelope._fields
ENTERPRISE_FIELDS = Enterprise._fields


def check_envelope(data: Any) -> Envelope:
    """The checked envelope; raises pydantic-core's ``ValidationError`` listing every problem."""
    env = _validators()[0].validate_python(data)
    env["enterprise"] = Enterprise(**env["enterprise"])
    return Envelope(**env)


def enterprise_from(data: Any) -> Enterprise:
    """A checked enterprise block; raises pydantic-core's ``ValidationError``."""
    return Enterprise(**_validators()[1].validate_python(data))


def text_problem(s: str) -> str | None:
    """Why a note or a text answer is refused (too long, control characters), or None."""
    if len(s) > MAX_NOTE_CHARS:
        return f"{len(s):,} characters; the limit is {MAX_NOTE_CHARS:,}"
    if has_control(s, allow="\n\t"):
        return "must not contain control characters (escape sequences)"
    return None


_YES_NO = {"yes": True, "no": False, "true": True, "false": False}


def yes_no_value(v: Any) -> bool | None:
    """true/false, or yes/no written as text (YAML 1.2 reads an unquoted yes as text)."""
    if isinstance(v, bool):
        return v
    if isinstance(v, str):
        return _YES_NO.get(v.strip().lower())
    return None


@dataclass(slots=True, eq=False, repr=False)
class Assessment:
    """A validated answer file."""

    standard: str
    language: str
    enterprise: Enterprise
    assessed_on: dt.date
    answers: dict[str, Any] = field(default_factory=dict)
    notes: dict[str, str] = field(default_factory=dict)
    file: str | None = None
    #: questions answered "don't know yet" (``dont_know`` in the file), in catalogue order
    dont_know: list[str] = field(default_factory=list)
    #: answered questions an older questionnaire asked and this one no longer does (dropped on reading)
    removed: list[str] = field(default_factory=list)

    def to_document(self) -> dict[str, Any]:
        """The answer-file document (what :func:`write_answers` saves)."""
        return {
            "format": FORMAT,
            "standard": self.standard,
            "language": self.language,
            "enterprise": self.enterprise.as_dict(),
            "assessed_on": self.assessed_on.isoformat(),
            "answers": {**{k: _plain(v) for k, v in self.answers.items()},
                        **{k: DONT_KNOW for k in self.dont_know if k not in self.answers}},
            "notes": dict(self.notes),
        }


def _plain(v: Any) -> Any:
    if isinstance(v, dt.date):
        return v.isoformat()
    return v


# --------------------------------------------------------------------------- value checks


def allowed(cat: Catalogue, q: Question) -> str:
    """Human description of what an answer to ``q`` may be (used in error messages and templates)."""
    t = q.type
    if t == "yes_no":
        return "true or false (yes or no)"
    if t in ("choice", "multi"):
        values = ", ".join(c.value for c in cat.choices_of(q))
        return f"one of: {values}" if t == "choice" else f"a list of: {values}"
    if t == "date":
        return "a date YYYY-MM-DD, not after assessed_on"
    if t == "last_event":
        return "never, or the date (YYYY-MM-DD) or month (YYYY-MM) it last happened"
    if t == "text":
        return "text"
    kind = "a whole number" if t == "integer" else "a number"
    if t == "percent":
        kind += " (percent, 85 means 85 %)"
    lo = f" >= {_num(q.min)}" if q.min is not None else ""
    hi = f" <= {_num(q.max)}" if q.max is not None else ""
    return kind + (lo + ("," if lo and hi else "") + hi)


def _num(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else str(x)


def check_value(cat: Catalogue, q: Question, value: Any) -> tuple[Any, str | None]:
    """Coerce ``value`` for ``q``; return (value, problem)."""
    t = q.type
    if t == "yes_no":
        b = yes_no_value(value)
        if b is None:
            return value, f"expected {allowed(cat, q)}"
        return b, None
    if t in ("integer", "number", "money", "percent"):
        return _number(cat, q, value)
    if t == "choice":
        values = cat.choice_values(q)
        if isinstance(value, str) and value in values:
            return value, None
        return value, f"{quoted(value)} is not allowed: expected {allowed(cat, q)}"
    if t == "multi":
        return _multi(cat, q, value)
    if t == "date":
        d = parse_date(value)
        if d is None:
            return value, f"expected {allowed(cat, q)}"
        if d < FIRST_EVENT_DATE:
            return value, f"{d} is too early: expected a date from {FIRST_EVENT_DATE} on"
        return d, None
    if t == "text":
        if not isinstance(value, str):
            return value, "expected text"
        why = text_problem(value)
        return value, why
    if t == "last_event":
        return _last_event(cat, q, value)
    raise AssertionError(t)  # pragma: no cover


def _number(cat: Catalogue, q: Question, value: Any) -> tuple[Any, str | None]:
    """A count, number, amount or percentage: as written in a file or typed (2800万, ¥1,500,000), in range."""
    try:
        if isinstance(value, bool) or not isinstance(value, (int, float, str)):
            raise NumberError("")
        if isinstance(value, str) and q.type == "money" and _AMOUNT_MARK.search(value):
            value = check_python_number(_amount(value))  # 2800万, ¥1,500,000, 3亿元: as in the questionnaire
        elif isinstance(value, str):
            value = plain(parse_number(value))
        else:
            value = check_python_number(value)
    except NumberError as exc:
        why = str(exc)
        return value, f"expected {allowed(cat, q)}" + (f": {why}" if why else "")
    if q.type == "integer" and isinstance(value, float):
        if not value.is_integer():
            return value, f"expected {allowed(cat, q)}"
        value = int(value)
    if (q.min is not None and value < q.min) or (q.max is not None and value > q.max):
        return value, f"{value} is out of range: expected {allowed(cat, q)}"
    return value, None


def _multi(cat: Catalogue, q: Question, value: Any) -> tuple[Any, str | None]:
    """A multiple choice: a list of allowed values, each once, put in the question's order."""
    values = cat.choice_values(q)
    if not isinstance(value, list):
        return value, f"expected {allowed(cat, q)}"
    bad = [v for v in value if not isinstance(v, str) or v not in values]
    if bad:
        shown = ", ".join(quoted(v) for v in bad[:5]) + (", …" if len(bad) > 5 else "")
        return value, f"{shown} not allowed: expected {allowed(cat, q)}"
    if len(set(value)) != len(value):
        return value, "lists a value twice"
    return [v for v in values if v in value], None  # canonical order


#: input syntax: a unit or currency that makes a money text an amount as people write it (plain
#: digits keep the strict number reader, so "1,5" or "1_000" stay refused)
_AMOUNT_MARK = re.compile(r"[万亿元¥￥]|人民币|RMB|CNY", re.IGNORECASE)


def _amount(text: str) -> int | float:
    """An amount as people type it (:func:`~aeo_check.answers.amounts.parse_amount`)."""
    from aeo_check.answers.amounts import AmountError, parse_amount

    try:
        return parse_amount(text)
    except AmountError:
        raise NumberError("write the amount with digits, e.g. 1500000, 1,500,000, 2800万 or 3亿") from None


_MONTH = re.compile(r"^([0-9]{4})-([0-9]{2})$")
# input syntax: a month as people write it (2026-05, 2026-5, 2026年5月, 2026.5, 2026/05, 5/2026)
_MONTH_FORMS = (re.compile(r"^(?P<y>[0-9]{4})\s*(?:[-./]|年)\s*(?P<m>[0-9]{1,2})\s*月?$"),
                re.compile(r"^(?P<m>[0-9]{1,2})\s*/\s*(?P<y>[0-9]{4})$"))
#: input syntax: "never" as typed, in either language
NEVER_WORDS = ("never", "从未", "从未发生", "无", "没有")


def month_text(text: str) -> str | None:
    """``YYYY-MM`` for a month written any of the ways in ``_MONTH_FORMS``; None otherwise."""
    s = unicodedata.normalize("NFKC", text).strip()
    for form in _MONTH_FORMS:
        m = form.match(s)
        if m and 1 <= int(m["m"]) <= 12 and int(m["y"]) >= 1900:
            return f"{m['y']}-{int(m['m']):02d}"
    return None


def _last_event(cat: Catalogue, q: Question, value: Any) -> tuple[Any, str | None]:
    """never | a day | a month "YYYY-MM" (or as people write it: 2026年5月, 5/2026 …) | a band of
    files written before dates were asked."""
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        if value < FIRST_EVENT_DATE:
            return value, f"{value} is too early: expected a date from {FIRST_EVENT_DATE} on"
        return value, None
    if isinstance(value, str):
        v = value.strip()
        if v.lower() in NEVER_WORDS:
            return "never", None
        if v in LEGACY_BANDS:
            return v, None
        month = month_text(v)
        if month is not None:
            return month, None
        d = parse_date(v)  # YYYY-MM-DD only (fromisoformat would take 20261120 too)
        if d is not None and d >= FIRST_EVENT_DATE:
            return d, None
    return value, f"expected {allowed(cat, q)}"


def last_event_day(value: Any) -> dt.date | None:
    """The first day a last-event answer can stand for (for the 'not after the assessment' check)."""
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and _MONTH.match(value):
        return dt.date(int(value[:4]), int(value[5:7]), 1)
    return None


LEGACY_BANDS = ("over_24m", "m12_24", "within_12m")

# --------------------------------------------------------------------------- consistency

def inconsistent(cat: Catalogue, answers: dict[str, Any],
                 profile: dict[str, Any] | None = None) -> list[ConsistencyRule]:
    """The consistency rules (``rules/consistency.yaml``) that ``answers`` break.

    A rule is tested only when every question it reads is answered (and every profile field
    it reads is known), so a half-filled answer file is never refused for what is missing. A
    last-event answer is dated against the profile's ``assessed_on``; without it, a rule that
    dates one is not tested."""
    ns: dict[str, Any] = dict(profile or {})
    broken = []
    for rule in cat.consistency:
        names = rule.check.names
        if not all(n in answers or n in ns for n in names):
            continue
        scope = {**ns, **{n: _rule_value(cat, n, answers[n], ns.get("assessed_on")) for n in names if n in answers}}
        try:
            ok = eval(rule.check.code, _GLOBALS, scope)  # noqa: S307 - catalogue expression, whitelisted AST
        except (ArithmeticError, TypeError, ValueError):
            continue
        if not ok:
            broken.append(rule)
    return broken


def _rule_value(cat: Catalogue, qid: str, value: Any, on: dt.date | None) -> Any:
    """An answer as rule expressions read it: a last event (a month, a date) as one they can date."""
    q = cat.questions.get(qid)
    if q is not None and q.type == "last_event" and isinstance(on, dt.date):
        return parse_last_event(value, on)
    return value


def inconsistency_message(rule: ConsistencyRule, answers: dict[str, Any]) -> str:
    shown = ", ".join(f"{n} = {_shown(answers[n])}" for n in sorted(rule.check.names) if n in answers)
    return f"{rule.message.en} ({shown})"  # in Chinese by aeo_check.answers.messages.localise


def _shown(v: Any) -> str:
    if isinstance(v, float):
        return _num(v)
    return str(v)


# --------------------------------------------------------------------------- parsing


def parse_answers(doc: SourceDoc, cat: Catalogue) -> Assessment:
    """Validate a parsed answer document; raise :class:`DataFileError` with every problem."""
    problems: list[Problem] = list(doc.problems)
    not_answers = _not_an_answer_file(doc)
    if not_answers:  # say so once, and quote nothing of a file that is not ours
        raise DataFileError(problems + [not_answers])
    env = _envelope(doc, cat, problems)
    current = read_through(doc.data)  # an older questionnaire's file through its renames
    answers, dont_know = _answers(doc, cat, current.answers, problems, env.assessed_on if env is not None else None)
    _check_notes(doc, cat, current.removed, problems)
    if env is not None:
        _check_asked_and_dated(doc, cat, problems, env, answers)
    _check_consistency(doc, cat, problems, env, answers)
    if problems:
        problems.sort(key=lambda p: p.line if isinstance(p.line, int) else 0)  # a workbook's sheet!cell: as read
        raise DataFileError(problems)
    assert env is not None
    return Assessment(
        standard=env.standard, language=env.language, enterprise=env.enterprise, assessed_on=env.assessed_on,
        answers=answers, notes={k: v for k, v in env.notes.items() if v}, file=doc.file,
        dont_know=[qid for qid in cat.questions if qid in dont_know] if dont_know else [],
        removed=current.removed,
    )


def _envelope(doc: SourceDoc, cat: Catalogue, problems: list[Problem]) -> Envelope | None:
    """The envelope (format, standard, language, enterprise, date, notes), or None with its problems."""
    data = doc.data
    try:
        env = check_envelope(data)
    except ValidationError as exc:
        env = None
        for err in exc.errors():
            if len(problems) >= MAX_PROBLEMS * 2:
                break
            loc = tuple(err["loc"])
            msg = err["msg"].removeprefix("Value error, ")
            if err["type"] == "missing":
                msg = "required field is missing"
            elif err["type"] == "extra_forbidden":
                msg = "unknown field; allowed: " + _allowed_fields(loc)
            elif err["type"] == "literal_error":
                msg = f"{quoted(err.get('input'))} is not allowed: expected {err['ctx']['expected']}"
            problems.append(doc.problem(loc, msg))
    if env is not None and env.assessed_on < cat.meta.effective:
        # looking back from before the 2026 standards existed would judge by rules not yet in force
        day = cat.meta.effective.isoformat()
        problems.append(doc.problem(("assessed_on",),
            f"{env.assessed_on.isoformat()} is before {day}, when the standards of this catalogue "
            f"({cat.version}) came into force; the standards in force then were different, so this "
            f"aeo-check cannot assess that date"))
    version = data.get("standard")
    if isinstance(version, str) and version != cat.version:
        problems.append(
            doc.problem(
                ("standard",),
                f"answers were given for catalogue {quoted(version)}; this aeo-check knows {cat.version!r}",
            )
        )
    return env


def _answers(doc: SourceDoc, cat: Catalogue, raw_answers: dict[str, Any], problems: list[Problem],
             env_date: dt.date | None) -> tuple[dict[str, Any], set[str]]:
    """The answers each checked against its question, and the questions answered "don't know"."""
    answers: dict[str, Any] = {}
    dont_know: set[str] = set()
    checked = _checked_values(cat)
    for qid, value in raw_answers.items():
        key = (qid, type(value), value) if type(value) in _MEMO_TYPES else None
        hit = checked.get(key) if key is not None else None
        if hit is None:
            q = cat.questions.get(qid) if isinstance(qid, str) else None
            if q is None:
                # a spelling suggestion costs time: only for the problems that will be listed
                hint = _suggest(cat, qid) if len(problems) < MAX_PROBLEMS else ""
                problems.append(doc.problem(("answers", qid), "unknown question id" + hint))
                continue
            if value is None:
                continue  # explicitly left unanswered
            if value == DONT_KNOW:
                dont_know.add(qid)
                continue
            hit = _checked(cat, q, value)
            if key is not None:
                if len(checked) >= _MEMO_MAX:
                    checked.clear()
                checked[key] = hit
        value, why, first = hit
        if why:
            problems.append(doc.problem(("answers", qid), why))
        elif first is not None and env_date is not None and first > env_date:
            problems.append(doc.problem(("answers", qid),
                                        f"{_plain(value)} is after the assessment date {env_date.isoformat()}"))
        else:
            answers[qid] = value
    return answers, dont_know


def _checked(cat: Catalogue, q: Question, value: Any) -> tuple[Any, str | None, dt.date | None]:
    """An answer checked against its question: (the value as read, why it is refused or None, and
    for a last event the first day it can stand for)."""
    value, why = check_value(cat, q, value)
    return value, why, last_event_day(value) if q.type == "last_event" and not why else None


#: answers whose check is remembered per catalogue (:func:`_checked`, by question, type and value):
#: the same few values recur file after file, and a remembered one is known to be a question's.
#: The type is part of the key (1, 1.0 and True are equal keys); floats are left out (0.0 and
#: -0.0 are equal keys but print differently), and so are lists (a multiple choice).
_MEMO_TYPES = frozenset((str, int, bool, dt.date))
_MEMO_MAX = 50_000


def _checked_values(cat: Catalogue) -> dict[tuple, tuple[Any, str | None, dt.date | None]]:
    memo = cat.cache.get("checked_values")
    if memo is None:
        memo = cat.cache["checked_values"] = {}
    return memo


def _check_notes(doc: SourceDoc, cat: Catalogue, removed: list[str], problems: list[Problem]) -> None:
    """Each note belongs to a known question and is plain text (the notes of ``removed``
    questions, no longer asked, are dropped with their answers)."""
    data = doc.data
    raw_notes = data.get("notes") if isinstance(data.get("notes"), dict) else {}
    raw_notes = {k: v for k, v in raw_notes.items() if k not in removed}
    for qid, note in (raw_notes or {}).items():
        if qid not in cat.questions:
            hint = _suggest(cat, qid) if len(problems) < MAX_PROBLEMS else ""
            problems.append(doc.problem(("notes", qid), "note for an unknown question id" + hint))
        elif isinstance(note, str) and text_problem(note):
            problems.append(doc.problem(("notes", qid), f"{text_problem(note)}"))


def _check_asked_and_dated(doc: SourceDoc, cat: Catalogue, problems: list[Problem], env: Envelope,
                           answers: dict[str, Any]) -> None:
    """No answer to a question not asked of this type of enterprise; no past event after the assessment."""
    for qid in _not_asked(cat, env.enterprise.type):
        if qid in answers:
            problems.append(doc.problem(("answers", qid),
                f"this question is not asked of a {env.enterprise.type} enterprise"))
    for qid, value in answers.items():  # dates of past events cannot be after the assessment
        if isinstance(value, dt.date) and value > env.assessed_on:
            problems.append(
                doc.problem(
                    ("answers", qid),
                    f"{value} is after assessed_on ({env.assessed_on}): this answer is the date of a past event",
                )
            )


def _check_consistency(doc: SourceDoc, cat: Catalogue, problems: list[Problem], env: Envelope | None,
                       answers: dict[str, Any]) -> None:
    """Answers that contradict each other or the enterprise's profile."""
    profile = None
    if env is not None:
        e = env.enterprise
        profile = {"production": e.production, "enterprise_type": e.type, "specific_types": tuple(e.specific),
                   "current_tier": e.current_tier, "assessed_on": env.assessed_on}
    for rule in inconsistent(cat, answers, profile):
        problems.append(doc.problem(("answers", rule.field), inconsistency_message(rule, answers)))


def _not_asked(cat: Catalogue, enterprise_type: str) -> tuple[str, ...]:
    """The questions not asked of this type of enterprise, in catalogue order (remembered)."""
    key = f"not_asked:{enterprise_type}"
    hit = cat.cache.get(key)
    if hit is None:
        hit = cat.cache[key] = tuple(q.id for q in cat.questions.values() if enterprise_type not in q.applies_to)
    return hit


def _not_an_answer_file(doc: SourceDoc) -> Problem | None:
    """One problem when the document is not an answer file at all (nothing of it is quoted)."""
    data = doc.data
    fmt = data.get("format") if isinstance(data, dict) else None
    if fmt == FORMAT:
        return None
    if isinstance(fmt, str) and fmt.startswith("aeo-check/result/"):
        return Problem(doc.file, doc.line_of(("format",)), "format",
                       "this is a result (score --format json), not an answer file; report accepts it, "
                       "validate and score read answer files")
    where = doc.line_of(("format",)) if isinstance(data, dict) and "format" in data else None
    return Problem(doc.file, where, "format" if where else "",
                   f"not an aeo-check answer file: an answer file is a mapping that starts with "
                   f"`format: {FORMAT}` (aeo-check template writes one)")


def _allowed_fields(loc: tuple) -> str:
    if len(loc) >= 2 and loc[0] == "enterprise":
        return ", ".join(ENTERPRISE_FIELDS)
    return ", ".join(ENVELOPE_FIELDS)


def _suggest(cat: Catalogue, qid: Any) -> str:
    import difflib

    close = difflib.get_close_matches(str(qid), list(cat.questions), n=1, cutoff=0.75)
    return f" (did you mean {close[0]!r}?)" if close else ""


WORKBOOK_SUFFIXES = (".xlsx", ".xlsm")


def empty_assessment(cat: Catalogue, enterprise: Enterprise, language: str, assessed_on: dt.date) -> Assessment:
    return Assessment(standard=cat.version, language=language, enterprise=enterprise, assessed_on=assessed_on)


ALL_TIERS = TIERS
ALL_TYPES = ENTERPRISE_TYPES
ALL_SPECIFIC = SPECIFIC_TYPES
