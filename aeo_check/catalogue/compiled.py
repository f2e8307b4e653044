"""The catalogue as every command uses it: validated once, then plain objects.

:mod:`.loader` reads ``questionnaires/`` and validates every file with the pydantic models of
:mod:`.models`. Once validated, nothing at run time needs pydantic: the scorer, the planner and
the views only read attributes and call a few helpers (``text.get(lang)``,
``item.rule_for(std)``). So the loaded catalogue is *frozen* into records: one plain class per
model, with the same attribute names and the same helpers (the ``…Ops`` classes below, which
the models inherit too), read-only like the models. The compiled cache
(:mod:`.cache`) stores these records, and loading it imports neither pydantic's model
machinery nor the ≈ 45 model classes (about a third of ``score FILE``'s own start-up).

Both kinds behave alike for everything the package does with them; ``tests/test_catalogue_cache.py``
holds the record classes to the models (every model has its record, and a frozen catalogue
scores every example as the validated one does).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from aeo_check.catalogue.ops import ItemOps, PlanningOps, RuleOps, TextOps
from aeo_check.catalogue.vocab import SPECIFIC_TYPES

if TYPE_CHECKING:  # pragma: no cover
    from aeo_check.catalogue.models import (
        Assumption,
        CalendarFile,
        CatalogueFile,
        ChoiceSet,
        ConsistencyRule,
        Derived,
        Item,
        PlanningFile,
        Question,
        ScoringFile,
        StandardDef,
        Trigger,
    )


# --------------------------------------------------------------------------- records

class Record:
    """A validated catalogue object as plain, read-only attributes.

    Its class carries the model's name (``Item``, ``Text`` …) and helpers; equality and hashing
    are by value, as for the frozen models."""

    def __init__(self, fields: dict[str, Any]) -> None:
        self.__dict__.update(fields)

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"{type(self).__name__} is read-only")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"{type(self).__name__} is read-only")

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return self.__dict__ == other.__dict__

    def __hash__(self) -> int:
        return hash((type(self).__name__, *self.__dict__.values()))

    def __repr__(self) -> str:
        inner = ", ".join(f"{k}={v!r}" for k, v in self.__dict__.items())
        return f"{type(self).__name__}({inner})"


#: the models that appear in a loaded catalogue, each frozen into the record of the same name
#: (a test checks this list against :mod:`.models`)
RECORDS = ("Text", "Choice", "Question", "ChoiceSet", "Rule", "StandardUse", "Evidence", "Clause", "Item",
           "Derived", "Assumption", "PassRule", "StandardDef", "Trigger", "ApplicationBar", "Tolerance",
           "Labelled", "ScoringFile", "ConsistencyRule", "CatalogueFile", "Day", "PlanWork", "PlanCheck",
           "PlanRecords", "PlanWaitItem", "PlanWaits", "PlanStatements", "PlanApplication", "Obligation",
           "PlanAnnualReport", "PlanKeep", "RepairRoute", "PlanRepair", "Indicator", "StatementTarget",
           "PlanRecommendation", "PlanningFile", "TimeLimit", "PlanNotes", "CalendarFile")
_OPS: dict[str, type] = {"Text": TextOps, "Evidence": TextOps, "Rule": RuleOps, "Item": ItemOps,
                         "PlanningFile": PlanningOps}
_made: dict[str, type] = {}


def record_class(name: str) -> type:
    """The record class for the model called ``name`` (made on first use; a dozen microseconds)."""
    cls = _made.get(name)
    if cls is None:
        if name not in RECORDS:
            raise KeyError(f"no record for {name!r}: add it to RECORDS")
        bases = (_OPS[name], Record) if name in _OPS else (Record,)
        cls = _made[name] = type(name, bases, {"__module__": __name__, "__qualname__": name})
    return cls


def record(name: str, fields: dict[str, Any]) -> Record:
    return record_class(name)(fields)


# --------------------------------------------------------------------------- the catalogue

def data_root() -> Path:
    """Where ``questionnaires/`` and ``report_templates/`` are: inside the wheel, or the source tree."""
    override = os.environ.get("AEO_CHECK_DATA")
    if override:
        return Path(override)
    here = Path(__file__).resolve().parent.parent
    packaged = here / "_data"
    if (packaged / "questionnaires").is_dir():
        return packaged
    return here.parent


@dataclass(slots=True, eq=False, repr=False)
class Catalogue:
    """Everything in ``questionnaires/``, validated and indexed."""

    root: Path
    meta: CatalogueFile
    questions: dict[str, Question]
    items: list[Item]
    derived: dict[str, Derived]
    standards: dict[str, StandardDef]
    scoring: ScoringFile
    triggers: list[Trigger]
    choice_sets: dict[str, ChoiceSet]
    assumptions: dict[str, Assumption]
    planning: PlanningFile
    #: where China's working days come from (``calendars/china.yaml``)
    calendar: CalendarFile | None = None
    items_by_id: dict[str, Item] = field(default_factory=dict)
    #: rules the answer checker applies across answers (``rules/consistency.yaml``)
    consistency: list[ConsistencyRule] = field(default_factory=list)
    #: each document's kind for the evidence binder, by its Chinese name: (procedure, None) or
    #: (records, months they must reach back); other documents are absent (``rules/evidence.yaml``)
    evidence_kinds: dict[str, tuple[str, int | None]] = field(default_factory=dict)
    #: the assumption the record periods rest on
    evidence_assumption: str = ""
    #: each item's rule in each of its standards, that standard's thresholds written in (item id →
    #: standard → rule); one rule object for rules whose text comes out the same
    bound_rules: dict[str, dict[str, Any]] = field(default_factory=dict)
    #: compiled structures the scorer builds once and caches here
    cache: dict[str, Any] = field(default_factory=dict)

    @property
    def version(self) -> str:
        return self.meta.version

    def item(self, item_id: str) -> Item:
        return self.items_by_id[item_id]

    def items_in(self, standard: str) -> list[Item]:
        """Items of a standard, ordered as the standard numbers them (specific items last)."""
        key = f"items_in:{standard}"
        if key not in self.cache:
            chosen = [i for i in self.items if standard in i.standards]
            chosen.sort(key=_order_key(standard))
            self.cache[key] = chosen
        return self.cache[key]

    def choices_of(self, q: Question) -> list:
        if q.choices is not None:
            return list(q.choices)
        if q.choice_set is not None:
            return list(self.choice_sets[q.choice_set].choices)
        return []

    def choice_values(self, q: Question) -> tuple[str, ...]:
        """The values ``q`` allows, in catalogue order (remembered: the checker asks per answer)."""
        memo = self.cache.get("choice_values")
        if memo is None:
            memo = self.cache["choice_values"] = {}
        values = memo.get(q.id)
        if values is None:
            values = memo[q.id] = tuple(c.value for c in self.choices_of(q))
        return values

    def label(self, vocabulary: str, key: str) -> Any:
        for entry in getattr(self.meta, vocabulary):
            if entry.id == key:
                return entry.title
        raise KeyError(f"{vocabulary}: {key}")


def _order_key(standard: str):  # noqa: ANN202
    spec_order = {t: i for i, t in enumerate(SPECIFIC_TYPES)}

    def key(item: Item) -> tuple:
        if item.category == "specific":
            return (1, spec_order[item.specific], item.standards[standard].number, item.id)
        return (0, 0, item.standards[standard].number, item.id)

    return key
