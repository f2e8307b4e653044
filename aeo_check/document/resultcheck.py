"""A result JSON (``score --format json``) checked before ``report`` draws anything from it.

A result file may have been edited by hand or made by someone else: ``points_lost: 10000000``
would make the chart draw ten million ticks, an unknown derived id would crash the report, a
megabyte of "requirement" would make the PDF render for minutes. Everything the report reads
is held to the result's schema here: types, ranges, ids that exist in the catalogue, and the
same text limits as answer files. Nothing the report draws is taken from the file's
numbers: once the file has passed, its assessment document is built again from its answers (which
have passed the answer checker), so what is drawn is always what this aeo-check computes (for a
result it wrote, the same document).
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    GetPydanticSchema,
    ValidationError,
    field_validator,
    model_validator,
)

from aeo_check.answers.model import (
    DONT_KNOW,
    Assessment,
    check_value,
    enterprise_from,
    enterprise_schema,
    text_problem,
)
from aeo_check.catalogue.compiled import Catalogue
from aeo_check.catalogue.vocab import TIERS
from aeo_check.files.limits import FIRST_ASSESSED_ON, LAST_ASSESSED_ON, MAX_NOTE_CHARS
from aeo_check.files.numbers import parse_date
from aeo_check.files.safetext import quoted
from aeo_check.files.sourcefile import DataFileError, Problem, SourceDoc
from aeo_check.scoring.result import RESULT_FORMAT

Tier = Literal["advanced", "certified", "regular", "discredited", "seriously_discredited"]
Rating = Literal["pass", "partial", "fail", "na", "unanswered"]
Small = Field(ge=-1000, le=1000)
Count = Field(ge=0, le=1000)
Days = Field(ge=0, le=36500)
Id = Field(min_length=1, max_length=80, pattern=r"^[A-Za-z0-9_.:-]+$")
MAX_LIST = 2000


class _M(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)


def _text_ok(v: str) -> str:
    why = text_problem(v)
    if why:
        raise ValueError(why)
    return v


class Text(_M):
    zh: str = Field(max_length=MAX_NOTE_CHARS)
    en: str = Field(max_length=MAX_NOTE_CHARS)

    _ok = field_validator("zh", "en")(lambda cls, v: _text_ok(v))


class Fact(_M):
    id: str = Id
    kind: Literal["question", "derived", "profile"]
    value: Any = None
    state: Literal["answered", "unanswered", "skipped", "computed", "unknown"]


class Gap(_M):
    id: str = Id
    official_no: int = Count
    category: str = Id
    rating: Rating
    points: int = Small
    points_lost: int = Count
    blocker: bool = False
    deemed: Literal["pass", "fail"] | None = None
    title: Text
    requirement: Text
    why: list[Fact] = Field(max_length=100)
    remediation: list[Text] = Field(max_length=50)
    evidence: list[Text] = Field(max_length=50)
    effort_days: int = Days
    owner: str = Id
    rectifiable: bool


class ItemRow(_M):
    id: str = Id
    official_no: int = Count
    rating: Rating


class CategoryRow(_M):
    items: int = Count
    points_lost: int = Count


class Standard(_M):
    passed: bool
    score: int = Small
    threshold: int = Small
    item_points: int = Small
    bonus_points: int = Small
    fail_items: list[str] = Field(max_length=MAX_LIST)
    partial_count: int = Count
    categories: dict[str, CategoryRow] = Field(max_length=50)
    items: list[ItemRow] = Field(max_length=MAX_LIST)
    gaps: list[Gap] = Field(max_length=MAX_LIST)


class PathRow(_M):
    standard: Literal["advanced", "certified"] | None = None
    items: list[str] = Field(default_factory=list, max_length=MAX_LIST)
    score: int | None = Small
    waits: list[str] = Field(default_factory=list, max_length=MAX_LIST)


class TriggerRow(_M):
    title: Text
    description: Text
    repair: Text


class Timing(_M):
    barred: bool = False
    may_apply_from: str | None = Field(default=None, max_length=10)
    text: Text | None = None

    @model_validator(mode="after")
    def _text_when_barred(self) -> Timing:
        if self.barred and self.text is None:
            raise ValueError("a barred application needs its text")
        return self


class Tolerance(_M):
    route: str = Id
    text: Text


class EvidenceRow(_M):
    zh: str = Field(max_length=MAX_NOTE_CHARS)
    en: str = Field(max_length=MAX_NOTE_CHARS)
    exists: bool | None = None
    category: str = Id


class AssumptionRow(_M):
    id: str = Id
    text: Text
    source: str = Field(max_length=MAX_NOTE_CHARS)


class ResultDoc(BaseModel):
    """The result schema (``schemas/result.schema.json``): every field it allows, and no other."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    file: str | None = Field(default=None, max_length=4096)
    format: Literal[RESULT_FORMAT]  # type: ignore[valid-type]
    standard: str = Field(max_length=80)
    assessed_on: str
    language: Literal["zh", "en"] = "zh"
    enterprise: Annotated[dict, GetPydanticSchema(lambda _type, _handler: enterprise_schema())]
    tier: Tier
    floor_tier: Tier | None = None
    unknown_triggers: list[str] = Field(default_factory=list, max_length=100)
    reason: Text
    provisional: bool = False
    unanswered: list[str] = Field(default_factory=list, max_length=MAX_LIST)
    dont_know: list[str] = Field(default_factory=list, max_length=MAX_LIST)
    skipped: list[str] = Field(default_factory=list, max_length=MAX_LIST)
    discredit: list[TriggerRow] = Field(default_factory=list, max_length=100)
    standards: dict[Literal["advanced", "certified"], Standard]
    paths: dict[Tier, PathRow] = Field(default_factory=dict)
    timing: Timing = Field(default_factory=Timing)
    tolerance: Tolerance | None = None
    answers: dict[str, Any] = Field(default_factory=dict, max_length=MAX_LIST)
    notes: dict[str, str] = Field(default_factory=dict, max_length=MAX_LIST)
    derived: dict[str, Any] = Field(default_factory=dict, max_length=MAX_LIST)
    evidence: list[EvidenceRow] = Field(default_factory=list, max_length=MAX_LIST)
    assumptions: list[AssumptionRow] = Field(default_factory=list, max_length=500)
    plan: dict | None = None  # (made again from the answers: never drawn from the file)
    facts: dict | None = None  # (the same)
    tool: dict | None = None

    @field_validator("assessed_on")
    @classmethod
    def _date(cls, v: str) -> str:
        d = parse_date(v)
        if d is None or not FIRST_ASSESSED_ON <= d <= LAST_ASSESSED_ON:
            raise ValueError(f"expected a date YYYY-MM-DD between {FIRST_ASSESSED_ON} and {LAST_ASSESSED_ON}")
        return v


PROFILE_FACTS = ("production", "enterprise_type", "specific_types", "current_tier")


def _profile_ok(v: Any) -> bool:
    if isinstance(v, bool):
        return True
    if isinstance(v, str):
        return len(v) <= 80
    return isinstance(v, list) and len(v) <= 10 and all(isinstance(x, str) and len(x) <= 80 for x in v)


def _plain(v: Any) -> Any:
    return v.isoformat() if hasattr(v, "isoformat") else v


def _derived_ok(v: Any) -> bool:
    if v is None or v in ("inf", "-inf"):
        return True
    return isinstance(v, (int, float)) and not isinstance(v, bool) and abs(v) < 1e30


def check_result(cat: Catalogue, doc: SourceDoc, data: dict[str, Any], base: tuple[Any, ...] = ()) -> Assessment:
    """The assessment a result was made from, when ``data`` is a well-formed result of this
    aeo-check; :class:`DataFileError` naming every problem otherwise.

    ``base`` is where ``data`` sits in the file (``(0,)`` for the one result of a JSON array)."""
    check = _ResultCheck(cat, doc, base)
    try:
        ResultDoc.model_validate(data)
    except ValidationError as exc:
        for err in exc.errors()[:200]:
            msg = err["msg"].removeprefix("Value error, ")
            check.add(tuple(err["loc"]), "required field is missing" if err["type"] == "missing" else msg)
        raise DataFileError(check.problems) from None
    for sid in ("advanced", "certified"):
        check.standard(sid, data["standards"].get(sid))
    for tier, path in data.get("paths", {}).items():
        for i, iid in enumerate(path.get("items", [])):
            check.item_id(("paths", tier, "items", i), iid)
    answers = check.answers(data)
    check.side_lists(data)
    if check.problems:
        raise DataFileError(check.problems)
    return _assessment(cat, data, answers)


class _ResultCheck:
    """The catalogue checks of one result (after its schema check): every problem, where it is."""

    def __init__(self, cat: Catalogue, doc: SourceDoc, base: tuple[Any, ...]) -> None:
        self.cat, self.doc, self.base = cat, doc, base
        self.problems: list[Problem] = []

    def add(self, loc: tuple[Any, ...], msg: str) -> None:
        self.problems.append(self.doc.problem(self.base + loc, msg))

    def item_id(self, loc: tuple[Any, ...], iid: str) -> None:
        if iid not in self.cat.items_by_id:
            self.add(loc, f"{quoted(iid)} is not an item of the catalogue")

    def standard(self, sid: str, std: dict[str, Any] | None) -> None:
        """A standard's gaps (each once, each fact known) and items."""
        if std is None:
            self.add(("standards",), f"the {sid} standard is missing")
            return
        seen: set[str] = set()
        for i, g in enumerate(std["gaps"]):
            self.item_id(("standards", sid, "gaps", i, "id"), g["id"])
            if g["id"] in seen:
                self.add(("standards", sid, "gaps", i, "id"), f"{quoted(g['id'])} is listed twice")
            seen.add(g["id"])
            for j, f in enumerate(g["why"]):
                self.fact(("standards", sid, "gaps", i, "why", j), f)
        for i, it in enumerate(std["items"]):
            self.item_id(("standards", sid, "items", i, "id"), it["id"])

    def fact(self, where: tuple[Any, ...], f: dict[str, Any]) -> None:
        """One fact a gap gives as its reason: known to the catalogue, its value of its kind."""
        cat, questions = self.cat, self.cat.questions
        known = questions if f["kind"] == "question" else cat.derived if f["kind"] == "derived" else PROFILE_FACTS
        if f["id"] not in known:
            self.add(where + ("id",), f"{quoted(f['id'])} is not a {f['kind']} fact of the catalogue")
        elif f["kind"] == "question" and f["state"] == "answered":
            value, why = check_value(cat, questions[f["id"]], f["value"])
            if why:
                self.add(where + ("value",), why)
            f["value"] = _plain(value)  # as the report formats it (1,500 → 1500)
        elif f["kind"] == "profile" and not _profile_ok(f["value"]):
            self.add(where + ("value",), "expected true or false, a short text or a short list")
        elif f["kind"] == "derived" and f["state"] == "computed" and not _derived_ok(f["value"]):
            self.add(where + ("value",), "expected a number")

    def answers(self, data: dict[str, Any]) -> dict[str, Any]:
        """The result's answers, each checked as an answer file's would be."""
        questions = self.cat.questions
        answers: dict[str, Any] = {}
        for qid, value in data.get("answers", {}).items():
            if qid not in questions:
                self.add(("answers", qid), "unknown question id")
                continue
            if value is not None and value != DONT_KNOW:
                value, why = check_value(self.cat, questions[qid], value)
                if why:
                    self.add(("answers", qid), why)
                answers[qid] = value
                data["answers"][qid] = _plain(value)
        return answers

    def side_lists(self, data: dict[str, Any]) -> None:
        """The "don't know" list, the notes and the derived values: each for a known id."""
        questions = self.cat.questions
        for i, qid in enumerate(data.get("dont_know", [])):
            if qid not in questions:
                self.add(("dont_know", i), f"{quoted(qid)} is not a question of the catalogue")
        for qid, note in data.get("notes", {}).items():
            if qid not in questions:
                self.add(("notes", qid), "note for an unknown question id")
            elif text_problem(note):
                self.add(("notes", qid), f"{text_problem(note)}")
        for did, value in data.get("derived", {}).items():
            if did not in self.cat.derived:
                self.add(("derived", did), "unknown derived value")
            elif not _derived_ok(value):
                self.add(("derived", did), "expected a number")


def _assessment(cat: Catalogue, data: dict[str, Any], answers: dict[str, Any]) -> Assessment:
    """The assessment the result was made from: its (checked) answers, profile and date."""
    return Assessment(standard=cat.version, language=data.get("language", "zh"),
                      enterprise=enterprise_from(data["enterprise"]),
                      assessed_on=parse_date(data["assessed_on"]), answers=answers, notes=dict(data.get("notes", {})),
                      dont_know=[q for q in cat.questions if q in set(data.get("dont_know", [])) and q not in answers],
                      file=data.get("file"))


__all__ = ["check_result", "ResultDoc", "TIERS"]
