"""Typed model of the catalogue in ``questionnaires/``.

Every data file is validated by these pydantic models when it is loaded; the
cross-file checks (unique ids, every name a rule uses exists, options agree with
the rule, official numbers contiguous) live in :mod:`aeo_check.catalogue.loader`.
"""


import datetime as dt
from typing import Any, Literal, NotRequired

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator
from typing_extensions import TypedDict  # pydantic needs this one before Python 3.12

from aeo_check.catalogue.expr import Expression, ExpressionError, compile_expression
from aeo_check.catalogue.ops import ItemOps, PlanningOps, RuleOps, TextOps
from aeo_check.catalogue.vocab import (  # noqa: F401
    ENTERPRISE_TYPES,
    GENERAL_CATEGORIES,
    SECTIONS,
    SPECIFIC_TYPES,
    STANDARDS,
    TIERS,
)

ID_PATTERN = r"^[a-z][a-z0-9]*(?:[-_][a-z0-9]+)*$"

StandardId = Literal["advanced", "certified"]
Category = Literal["internal_control", "financial", "compliance", "trade_security", "bonus", "specific"]
SpecificType = Literal["health_quarantine", "animal_plant_quarantine", "food_cosmetics", "commodity_inspection"]
EnterpriseType = Literal["importer_exporter", "customs_broker"]
Rating = Literal["pass", "partial", "fail", "na"]
Owner = Literal["customs_affairs", "finance", "it", "hr", "security", "legal", "management", "logistics"]
AuditMethod = Literal["document_review", "interview", "site_inspection", "record_sampling"]
Section = Literal[
    "profile", "internal_control", "financial", "compliance", "trade_security", "specific", "bonus"
]
QuestionType = Literal["yes_no", "choice", "multi", "integer", "number", "money", "percent", "date", "text",
                       "last_event"]
Tier = Literal["advanced", "certified", "regular", "discredited", "seriously_discredited"]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True, defer_build=True)


class Text(Strict, TextOps):
    """A text in both languages. Both are required and non-empty."""

    zh: str = Field(min_length=1)
    en: str = Field(min_length=1)


def _expr(value: Any) -> Expression | None:
    if value is None:
        return None
    if isinstance(value, Expression):
        return value
    if not isinstance(value, str):
        raise ValueError("must be an expression written as a string")
    try:
        return compile_expression(value)
    except ExpressionError as exc:
        raise ValueError(str(exc)) from None


class ExprModel(Strict):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True, arbitrary_types_allowed=True, defer_build=True)


# --------------------------------------------------------------------------- questions


class Choice(Strict):
    value: str = Field(pattern=ID_PATTERN)
    label: Text


class Question(ExprModel):
    """One fact asked of the enterprise."""

    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    section: Section | None = None  # filled from the file's section at load
    text: Text
    help: Text
    type: QuestionType
    unit: Text | None = None
    min: float | None = None
    max: float | None = None
    choices: list[Choice] | None = None
    choice_set: str | None = None
    ask_if: Expression | None = None
    applies_to: list[EnterpriseType] = Field(default_factory=lambda: list(ENTERPRISE_TYPES))
    specific: SpecificType | None = None
    #: which way an answer is better for the enterprise: for yes_no the favourable answer, for
    #: numbers "higher" or "lower"; choices are listed best first; "neutral" for facts that only
    #: decide what applies. Property tests use it to check that a better answer never scores worse.
    favourable: bool | Literal["higher", "lower", "neutral", "best_first", "more", "older"] | None = None
    #: where the enterprise finds this fact out when nobody at hand knows it (an auditor, the
    #: Single Window, Credit China, …): shown with "don't know yet" answers and check tasks
    source: Text | None = None

    _c = field_validator("ask_if", mode="before")(lambda cls, v: _expr(v))

    @model_validator(mode="after")
    def _shape(self) -> "Question":
        if self.type in ("choice", "multi"):
            if not self.choices and not self.choice_set:
                raise ValueError(f"a {self.type} question needs choices or choice_set")
            if self.choices and self.choice_set:
                raise ValueError("give either choices or choice_set, not both")
            if self.choices:
                values = [c.value for c in self.choices]
                if len(set(values)) != len(values):
                    raise ValueError("choice values must be unique")
        elif self.choices or self.choice_set:
            raise ValueError(f"a {self.type} question takes no choices")
        if self.min is not None and self.max is not None and self.min > self.max:
            raise ValueError("min is greater than max")
        return self


class ChoiceSet(Strict):
    id: str = Field(pattern=ID_PATTERN)
    choices: list[Choice] = Field(min_length=2)


class QuestionFile(Strict):
    section: Section
    questions: list[Question] = Field(min_length=1)


# --------------------------------------------------------------------------- items


class Rule(ExprModel, RuleOps):
    """How an item's rating follows from the facts.

    Evaluated in this order: ``na_if`` (not applicable), ``deemed_pass``,
    ``deemed_fail``, ``pass``, ``partial``; anything else is ``fail``.
    """

    na_if: Expression | None = None
    deemed_pass: Expression | None = None
    deemed_fail: Expression | None = None
    pass_: Expression = Field(alias="pass")
    partial: Expression | None = None

    _c = field_validator("na_if", "deemed_pass", "deemed_fail", "pass_", "partial", mode="before")(
        lambda cls, v: _expr(v)
    )


ParamValue = int | float | str | bool


class StandardUse(ExprModel):
    """An item's place in one standard: its official number, thresholds, overrides."""

    number: int = Field(ge=1)
    params: dict[str, ParamValue] = Field(default_factory=dict)
    title: Text | None = None
    requirement: Text | None = None
    rule: Rule | None = None
    options: list[Rating] | None = None


class Evidence(ExprModel, TextOps):
    """A document or record an audit asks for; ``exists_if`` says when the answers show it exists."""

    zh: str = Field(min_length=1)
    en: str = Field(min_length=1)
    #: when the answers show the document is held (false: missing)
    exists_if: Expression | None = None
    #: when the document can exist at all (e.g. penalty decisions only after a penalty); false:
    #: not applicable, never "missing"
    applies_if: Expression | None = None

    _c = field_validator("exists_if", "applies_if", mode="before")(lambda cls, v: _expr(v))


class Clause(Strict):
    number: int | None = Field(default=None, ge=1)
    title: Text


class Item(ExprModel, ItemOps):
    """One criterion of the standards."""

    id: str = Field(pattern=ID_PATTERN)
    category: Category
    specific: SpecificType | None = None
    clause: Clause
    title: Text
    requirement: Text
    options: list[Rating] = Field(min_length=2)
    questions: list[str] = Field(default_factory=list)
    rule: Rule
    standards: dict[StandardId, StandardUse] = Field(min_length=1)
    applies_to: list[EnterpriseType] = Field(default_factory=lambda: list(ENTERPRISE_TYPES))
    evidence: list[Evidence] = Field(min_length=1)
    audit_methods: list[AuditMethod] = Field(min_length=1)
    remediation: list[Text] = Field(min_length=1)
    effort_days: int = Field(ge=0, le=730)
    owner: Owner
    rectifiable: bool = True
    assumption: Text | None = None
    source: str = "R74"

    @model_validator(mode="after")
    def _shape(self) -> "Item":
        if (self.category == "specific") != (self.specific is not None):
            raise ValueError("'specific' is required exactly when category is 'specific'")
        if len(set(self.options)) != len(self.options):
            raise ValueError("options repeat a rating")
        return self


class Derived(ExprModel):
    """A value computed from answers (e.g. a financial ratio), shown in reports, usable in rules."""

    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    label: Text
    expr: Expression
    format: Literal["percent", "ratio", "money", "count"] = "ratio"

    _c = field_validator("expr", mode="before")(lambda cls, v: _expr(v))


class ItemFile(Strict):
    category: Category
    specific: SpecificType | None = None
    derived: list[Derived] = Field(default_factory=list)
    items: list[Item] = Field(min_length=1)


# --------------------------------------------------------------------------- rules


class Assumption(Strict):
    id: str = Field(pattern=ID_PATTERN)
    text: Text
    source: str


class PassRule(Strict):
    base: int = 100
    threshold: int = 95
    points: dict[Literal["pass", "partial", "fail"], int]
    fail_blocks: bool = True
    max_partial: int | None = None
    bonus_per_item: int = Field(ge=0)
    bonus_cap: int = Field(ge=0)
    unanswered_blocks: bool = True
    assumptions: list[str] = Field(default_factory=list)


class StandardDef(Strict):
    id: StandardId
    tier: Tier
    title: Text
    official_name: Text
    counts: dict[Category, int]
    pass_rule: PassRule


class Trigger(ExprModel):
    id: str = Field(pattern=ID_PATTERN)
    tier: Literal["discredited", "seriously_discredited"]
    title: Text
    description: Text
    when: Expression
    repair: Text
    assumption: str | None = None

    _c = field_validator("when", mode="before")(lambda cls, v: _expr(v))


class ApplicationBar(Strict):
    months: int = Field(ge=1)
    question: str
    #: further dates that start the same bar (e.g. a credit repair: a discredited enterprise
    #: moved up may not apply for a year)
    also: list[str] = Field(default_factory=list)
    text: Text


class Tolerance(ExprModel):
    eligible_current_tiers: list[Tier]
    period_months: int = Field(ge=1)
    max_effort_days: int = Field(ge=1)
    text: Text
    assumption: str


class Labelled(Strict):
    id: str
    title: Text


class ScoringFile(Strict):
    """``questionnaires/rules/scoring.yaml``: the standards' pass rules, application bar, tolerance."""

    standards: list[StandardDef] = Field(min_length=2, max_length=2)
    application_bar: ApplicationBar
    tolerance: Tolerance


class DiscreditFile(Strict):
    """``questionnaires/rules/discredit.yaml``: what makes an enterprise discredited."""

    triggers: list[Trigger] = Field(min_length=1)


class ConsistencyRule(ExprModel):
    """Answers that must agree: ``check`` holds for consistent answers; a broken rule is reported
    at the answer to ``field`` with ``message``."""

    id: str = Field(pattern=ID_PATTERN)
    check: Expression
    field: str
    message: Text

    _c = field_validator("check", mode="before")(lambda cls, v: _expr(v))


class ConsistencyFile(Strict):
    """``questionnaires/rules/consistency.yaml``: facts in one answer file that must agree."""

    rules: list[ConsistencyRule] = Field(min_length=1)


class RecordPeriod(Strict):
    doc: str = Field(min_length=1)
    months: int = Field(ge=1, le=120)


class EvidenceFile(Strict):
    """``questionnaires/rules/evidence.yaml``: which documents are procedures, and which are
    records that must reach back a number of months (the evidence binder checks both)."""

    assumption: str
    procedures: list[str] = Field(default_factory=list)
    records: list[RecordPeriod] = Field(default_factory=list)


class CatalogueFile(Strict):
    """``questionnaires/catalogue.yaml``: version, vocabularies and the assumptions index."""

    version: str = Field(pattern=r"^[a-z0-9-]+$")
    title: Text
    effective: dt.date
    published_by: Text
    assumptions: list[Assumption] = Field(min_length=1)
    sections: list[Labelled]
    categories: list[Labelled]
    specific_types: list[Labelled]
    enterprise_types: list[Labelled]
    owners: list[Labelled]
    audit_methods: list[Labelled]
    ratings: list[Labelled]
    tiers: list[Labelled]
    choice_sets: list[ChoiceSet] = Field(default_factory=list)


# --------------------------------------------------------------------------- planning


class Day(Strict):
    month: int = Field(ge=1, le=12)
    day: int = Field(ge=1, le=31)


class PlanWork(Strict):
    assumption: str


class PlanCheck(Strict):
    days: int = Field(ge=1, le=30)
    default_owner: Owner
    assumption: str


class PlanRecords(Strict):
    assumption: str
    months: dict[str, int] = Field(default_factory=dict)


class PlanWaitItem(Strict):
    event: str | None = None
    months: int = Field(ge=1, le=120)
    at_latest: bool = False


class PlanWaits(Strict):
    assumption: str
    items: dict[str, PlanWaitItem] = Field(default_factory=dict)
    blocked: dict[str, Text] = Field(default_factory=dict)


class PlanStatements(Strict):
    items: list[str]
    year_end: Day
    audit_report_by: Day
    assumption: str


class TimeLimit(Strict):
    """A time limit in calendar days from an event; sourced from an instrument or assumed."""

    days: int = Field(ge=1)
    from_: Literal["receipt", "decision"] = Field(alias="from")
    source: Text | None = None
    assumption: str | None = None

    @model_validator(mode="after")
    def _sourced_or_assumed(self) -> "TimeLimit":
        if (self.source is None) == (self.assumption is None):
            raise ValueError("a time limit names exactly one of source and assumption")
        return self


class PlanApplication(Strict):
    prepare_days: int = Field(ge=1)
    prepare_owner: Owner
    assumption: str
    #: step kinds of a target the dossier must show, so it starts after them
    waits_for: list[Literal["check", "work", "records"]]
    receipt_assumption: str
    limits: dict[Literal["decision", "extension", "onsite"], TimeLimit]


class PlanNotes(Strict):
    stale_days: int = Field(ge=1)
    estimated_year: Text
    future: Text
    stale: Text


class CalendarNotice(TypedDict):
    """One year's official holiday arrangement (questionnaires/calendars/china.yaml). A typed dict,
    not a model: the catalogue keeps it as plain data, with or without notices in the file."""

    __pydantic_config__ = ConfigDict(extra="forbid")  # type: ignore[misc]
    source: str
    days_off: list[dt.date]
    workdays: NotRequired[list[dt.date]]


class CalendarFile(Strict):
    """``questionnaires/calendars/china.yaml``: where China's working days come from."""

    sources: dict[Literal["rules", "notices"], Text]
    notices: dict[int, CalendarNotice] = Field(default_factory=dict)

    @model_validator(mode="after")
    def _days_in_their_year(self) -> "CalendarFile":
        for year, n in self.notices.items():
            off, work = n["days_off"], n.get("workdays", [])
            if not n["source"].strip():
                raise ValueError(f"{year}: the notice's source is empty")
            for d in off + work:
                if d.year != year:
                    raise ValueError(f"{d.isoformat()} is listed under {year}")
            if any(d.weekday() >= 5 for d in off) or any(d.weekday() < 5 for d in work):
                raise ValueError(f"{year}: days_off lists weekdays, workdays lists Saturdays and Sundays")
        return self


class Obligation(Strict):
    id: str = Field(pattern=ID_PATTERN)
    month: int = Field(ge=1, le=12)
    day: int = Field(ge=1, le=31)
    text: Text


class PlanAnnualReport(Obligation):
    """The yearly filing every plan carries: open from ``opens`` to the obligation's date."""

    opens: Day
    owner: Owner
    assumption: str
    title: Text


class PlanKeep(Strict):
    assumption: str
    obligations: list[Obligation]
    review_years: int = Field(ge=1)
    review_text: Text


class RepairRoute(Strict):
    apply_months: int | None = None
    event: str | None = None
    needs_payment: bool = False
    ground_unknown: bool = False  # repair falls between the application route and automatic repair


class PlanRepair(Strict):
    automatic_months: int = Field(ge=1)
    payment_days: int = Field(ge=1)  # working days to pay overdue duty or fines
    bar_months: int = Field(ge=0)
    assumption: str
    designation_question: str
    ground_question: str | None = None
    grounds: dict[str, str] = Field(default_factory=dict)  # answer to ground_question -> trigger id
    triggers: dict[str, RepairRoute]


class Indicator(Strict):
    id: str
    figure: Text  # the figure that must move, as a reader names it
    numerator: str
    denominator: str
    at_most: str | None = None        # threshold parameter (whole per cent); production enterprises
    at_most_other: str | None = None  # the same for other enterprises, when it differs
    at_least: str | None = None


class StatementTarget(Strict):
    need: int = Field(ge=1)
    indicators: list[Indicator] = Field(min_length=1)


class PlanRecommendation(Strict):
    straight_to_advanced_days: int = Field(ge=0)
    straight_to_advanced_effort_days: int = Field(ge=0)
    assumption: str


class PlanningFile(Strict, PlanningOps):
    """``questionnaires/rules/planning.yaml``: how a result becomes a dated plan."""

    work: PlanWork
    check: PlanCheck
    records: PlanRecords
    waits: PlanWaits
    statements: PlanStatements
    application: PlanApplication
    annual_report: PlanAnnualReport
    keep: PlanKeep
    repair: PlanRepair
    statement_targets: dict[str, StatementTarget] = Field(default_factory=dict)
    recommendation: PlanRecommendation
    notes: PlanNotes
    next_step: dict[Literal["apply", "apply_later", "keep", "climb", "climb_checks", "climb_blocked", "way_back",
                            "at_risk"], Text]
