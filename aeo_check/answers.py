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


import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from .catalogue.loader import Catalogue
from .catalogue.expr import _GLOBALS
from .catalogue.models import ENTERPRISE_TYPES, SPECIFIC_TYPES, TIERS, ConsistencyRule, Question
from .sourcefile import DataFileError, Problem, SourceDoc, read_file

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
    total = sum(_USCC_CHARS.index(c) * w for c, w in zip(code[:17], _USCC_WEIGHTS))
    expected = _USCC_CHARS[(31 - total % 31) % 31]
    if code[17] != expected:
        return f"check digit is {code[17]!r}, expected {expected!r}"
    return None


def uscc_with_check_digit(first17: str) -> str:
    """Complete 17 characters with their check digit (for examples and tests)."""
    total = sum(_USCC_CHARS.index(c) * w for c, w in zip(first17, _USCC_WEIGHTS))
    return first17 + _USCC_CHARS[(31 - total % 31) % 31]


def customs_code_problem(code: str) -> str | None:
    if not _CUSTOMS_CODE.match(code):
        return "must be 10 characters, digits and capital letters"
    return None


class Enterprise(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str = Field(min_length=1, max_length=200)
    uscc: str
    customs_code: str
    type: Literal["importer_exporter", "customs_broker"]
    specific: list[Literal["health_quarantine", "animal_plant_quarantine", "food_cosmetics",
                           "commodity_inspection"]] = Field(default_factory=list)
    production: bool
    current_tier: Literal["advanced", "certified", "regular", "discredited", "seriously_discredited"] = "regular"

    @field_validator("uscc")
    @classmethod
    def _uscc(cls, v: str) -> str:
        why = uscc_problem(v)
        if why:
            raise ValueError(why)
        return v

    @field_validator("customs_code", mode="before")
    @classmethod
    def _customs_code(cls, v: Any) -> str:
        if isinstance(v, int) and not isinstance(v, bool):
            raise ValueError("write the customs code in quotes, e.g. \"4403960001\", so leading zeros are kept")
        if not isinstance(v, str):
            raise ValueError("must be text")
        why = customs_code_problem(v)
        if why:
            raise ValueError(why)
        return v

    @field_validator("specific")
    @classmethod
    def _unique(cls, v: list[str]) -> list[str]:
        if len(set(v)) != len(v):
            raise ValueError("lists a specific standard twice")
        return v


class Envelope(BaseModel):
    model_config = ConfigDict(extra="forbid")

    format: Literal["aeo-check/answers/1"]
    standard: str
    language: Literal["zh", "en"] = "zh"
    enterprise: Enterprise
    assessed_on: dt.date
    answers: dict[str, Any] = Field(default_factory=dict)
    notes: dict[str, str] = Field(default_factory=dict)


@dataclass(slots=True)
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

    def to_document(self) -> dict[str, Any]:
        """The answer-file document (what :func:`write_answers` saves)."""
        return {
            "format": FORMAT,
            "standard": self.standard,
            "language": self.language,
            "enterprise": self.enterprise.model_dump(),
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
        return "true or false"
    if t in ("choice", "multi"):
        values = ", ".join(c.value for c in cat.choices_of(q))
        return f"one of: {values}" if t == "choice" else f"a list of: {values}"
    if t == "date":
        return "a date YYYY-MM-DD"
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
        if isinstance(value, bool):
            return value, None
        return value, f"expected {allowed(cat, q)}"
    if t in ("integer", "number", "money", "percent"):
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            if isinstance(value, str):
                try:
                    value = float(value.replace(",", "")) if t != "integer" else int(value.replace(",", ""))
                except ValueError:
                    return value, f"expected {allowed(cat, q)}"
            else:
                return value, f"expected {allowed(cat, q)}"
        if t == "integer" and (isinstance(value, float) and not value.is_integer()):
            return value, f"expected {allowed(cat, q)}"
        if t == "integer":
            value = int(value)
        if value != value or value in (float("inf"), float("-inf")):
            return value, f"expected {allowed(cat, q)}"
        if (q.min is not None and value < q.min) or (q.max is not None and value > q.max):
            return value, f"{value} is out of range: expected {allowed(cat, q)}"
        return value, None
    if t == "choice":
        values = [c.value for c in cat.choices_of(q)]
        if isinstance(value, str) and value in values:
            return value, None
        return value, f"{value!r} is not allowed: expected {allowed(cat, q)}"
    if t == "multi":
        values = [c.value for c in cat.choices_of(q)]
        if not isinstance(value, list):
            return value, f"expected {allowed(cat, q)}"
        bad = [v for v in value if not isinstance(v, str) or v not in values]
        if bad:
            return value, f"{', '.join(map(repr, bad))} not allowed: expected {allowed(cat, q)}"
        if len(set(value)) != len(value):
            return value, "lists a value twice"
        return [v for v in values if v in value], None  # canonical order
    if t == "date":
        if isinstance(value, dt.datetime):
            value = value.date()
        if isinstance(value, dt.date):
            return value, None
        if isinstance(value, str):
            try:
                return dt.date.fromisoformat(value), None
            except ValueError:
                pass
        return value, f"expected {allowed(cat, q)}"
    if t == "text":
        if isinstance(value, str):
            return value, None
        return value, "expected text"
    if t == "last_event":
        return _last_event(cat, q, value)
    raise AssertionError(t)  # pragma: no cover


_MONTH = re.compile(r"^(\d{4})-(\d{2})$")


def _last_event(cat: Catalogue, q: Question, value: Any) -> tuple[Any, str | None]:
    """never | a day | a month "YYYY-MM" | a band of files written before dates were asked."""
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return value, None
    if isinstance(value, str):
        v = value.strip()
        if v == "never" or v in LEGACY_BANDS:
            return v, None
        m = _MONTH.match(v)
        if m and 1 <= int(m.group(2)) <= 12 and int(m.group(1)) >= 1900:
            return v, None
        try:
            return dt.date.fromisoformat(v), None
        except ValueError:
            pass
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
    it reads is known), so a half-filled answer file is never refused for what is missing."""
    ns: dict[str, Any] = dict(profile or {})
    broken = []
    for rule in cat.consistency:
        names = rule.check.names
        if not all(n in answers or n in ns for n in names):
            continue
        scope = {**ns, **{n: answers[n] for n in names if n in answers}}
        try:
            ok = eval(rule.check.code, _GLOBALS, scope)  # noqa: S307 - catalogue expression, whitelisted AST
        except (ArithmeticError, TypeError):
            continue
        if not ok:
            broken.append(rule)
    return broken


def inconsistency_message(rule: ConsistencyRule, answers: dict[str, Any]) -> str:
    shown = ", ".join(f"{n} = {_shown(answers[n])}" for n in sorted(rule.check.names) if n in answers)
    return f"{rule.message.en} / {rule.message.zh} ({shown})"


def _shown(v: Any) -> str:
    if isinstance(v, float):
        return _num(v)
    return str(v)


# --------------------------------------------------------------------------- parsing

def parse_answers(doc: SourceDoc, cat: Catalogue) -> Assessment:
    """Validate a parsed answer document; raise :class:`DataFileError` with every problem."""
    problems: list[Problem] = list(doc.problems)
    data = doc.data
    if not isinstance(data, dict):
        raise DataFileError(problems + [doc.problem((), "an answer file is a mapping with format, standard, enterprise, "
                                             "assessed_on and answers")])
    try:
        env = Envelope.model_validate(data)
    except ValidationError as exc:
        env = None
        for err in exc.errors():
            loc = tuple(err["loc"])
            msg = err["msg"].removeprefix("Value error, ")
            if err["type"] == "missing":
                msg = "required field is missing"
            elif err["type"] == "extra_forbidden":
                msg = "unknown field; allowed: " + _allowed_fields(loc)
            elif err["type"] == "literal_error":
                msg = f"{err.get('input')!r} is not allowed: expected {err['ctx']['expected']}"
            problems.append(doc.problem(loc, msg))
    if env is not None and env.assessed_on < cat.meta.effective:
        # looking back from before the 2026 standards existed would judge by rules not yet in force
        day = cat.meta.effective.isoformat()
        problems.append(doc.problem(("assessed_on",),
            f"{env.assessed_on.isoformat()} is before {day}, when the standards of this catalogue "
            f"({cat.version}) came into force; the standards in force then were different, so this "
            f"aeo-check cannot assess that date / 评估日期早于本标准（{cat.version}）的施行日期{day}，"
            "当时适用的是此前的认证标准，本工具无法按该日期评估"))
    version = data.get("standard")
    if isinstance(version, str) and version != cat.version:
        problems.append(doc.problem(("standard",), f"answers were given for catalogue {version!r}; "
                                                   f"this aeo-check knows {cat.version!r}"))
    env_date = env.assessed_on if env is not None else None
    raw_answers = data.get("answers") if isinstance(data.get("answers"), dict) else {}
    raw_notes = data.get("notes") if isinstance(data.get("notes"), dict) else {}
    answers: dict[str, Any] = {}
    dont_know: set[str] = set()
    for qid, value in (raw_answers or {}).items():
        q = cat.questions.get(qid) if isinstance(qid, str) else None
        if q is None:
            problems.append(doc.problem(("answers", qid), "unknown question id" + _suggest(cat, qid)))
            continue
        if value is None:
            continue  # explicitly left unanswered
        if value == DONT_KNOW:
            dont_know.add(qid)
            continue
        value, why = check_value(cat, q, value)
        if why:
            problems.append(doc.problem(("answers", qid), why))
            continue
        if q.type == "last_event" and env_date is not None:
            first = last_event_day(value)
            if first is not None and first > env_date:
                problems.append(doc.problem(("answers", qid), f"{_plain(value)} is after the assessment date "
                                                              f"{env_date.isoformat()}"))
                continue
        answers[qid] = value
    for qid in raw_notes or {}:
        if qid not in cat.questions:
            problems.append(doc.problem(("notes", qid), "note for an unknown question id" + _suggest(cat, qid)))
    if env is not None:
        for qid, q in cat.questions.items():
            if qid in answers and env.enterprise.type not in q.applies_to:
                problems.append(doc.problem(("answers", qid),
                    f"this question is not asked of a {env.enterprise.type} enterprise"))
    profile = None
    if env is not None:
        e = env.enterprise
        profile = {"production": e.production, "enterprise_type": e.type, "specific_types": tuple(e.specific),
                   "current_tier": e.current_tier}
    for rule in inconsistent(cat, answers, profile):
        problems.append(doc.problem(("answers", rule.field), inconsistency_message(rule, answers)))
    if problems:
        raise DataFileError(problems)
    assert env is not None
    return Assessment(
        standard=env.standard, language=env.language, enterprise=env.enterprise, assessed_on=env.assessed_on,
        answers=answers, notes={k: v for k, v in env.notes.items() if v}, file=doc.file,
        dont_know=[qid for qid in cat.questions if qid in dont_know],
    )


def _allowed_fields(loc: tuple) -> str:
    if len(loc) >= 2 and loc[0] == "enterprise":
        return ", ".join(Enterprise.model_fields)
    return ", ".join(Envelope.model_fields)


def _suggest(cat: Catalogue, qid: Any) -> str:
    import difflib

    close = difflib.get_close_matches(str(qid), list(cat.questions), n=1, cutoff=0.75)
    return f" (did you mean {close[0]!r}?)" if close else ""


WORKBOOK_SUFFIXES = (".xlsx", ".xlsm")


def read_answers(path: Path, cat: Catalogue, display: str | None = None) -> SourceDoc:
    """An answer document from YAML, JSON or a filled workbook (one reader per format)."""
    if Path(path).suffix.lower() in WORKBOOK_SUFFIXES:
        from .workbook import read_workbook  # openpyxl only for workbooks

        return read_workbook(Path(path), cat, display)
    return read_file(path, display)


def load_answers(path: Path, cat: Catalogue, display: str | None = None) -> Assessment:
    return parse_answers(read_answers(path, cat, display), cat)


def empty_assessment(cat: Catalogue, enterprise: Enterprise, language: str, assessed_on: dt.date) -> Assessment:
    return Assessment(standard=cat.version, language=language, enterprise=enterprise, assessed_on=assessed_on)


ALL_TIERS = TIERS
ALL_TYPES = ENTERPRISE_TYPES
ALL_SPECIFIC = SPECIFIC_TYPES
