"""Catalogue data the reports cite: the sources (``questionnaires/sources.yaml``) and what AEO
status brings and the tiers below it mean (``questionnaires/benefits.yaml``).

Loaded only when a report is made (the scorer never needs them) and cross-checked against the
catalogue: every source code used anywhere (assumptions, items, benefits) is in the sources list,
and every choice of the ``main_export_markets`` question has a market entry and no other.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Literal

from pydantic import Field, ValidationError, model_validator

from aeo_check.catalogue.loader import Catalogue, data_root
from aeo_check.catalogue.models import Strict, Text
from aeo_check.files.sourcefile import DataFileError, Problem, SourceDoc, read_file

MARKETS_QUESTION = "main_export_markets"
#: a source code as written in ``source:`` strings: R74, SN14, LAW160, XH …
CODE = re.compile(r"\b[A-Z][A-Z0-9]{1,7}\b")


class Source(Strict):
    """One citable source. An official instrument names its issuer, number and date (or, where
    only its number is known, the year in that number)."""

    title: Text
    short: Text | None = None
    issuer: Text | None = None
    number: str | None = None
    date: dt.date | None = None
    year: int | None = None
    url: str | None = Field(default=None, pattern=r"^https?://\S+$")
    url_note: Text | None = None
    kind: Literal["instrument", "official", "news", "third_party"]

    @model_validator(mode="after")
    def _instrument_named(self) -> Source:
        if self.kind == "instrument" and not (self.issuer and self.number and (self.date or self.year)):
            raise ValueError("an instrument needs its issuer, number and date (or year)")
        return self


class SourcesFile(Strict):
    sources: dict[str, Source] = Field(min_length=1)


class Cited(Strict):
    text: Text
    source: list[str] = Field(min_length=1)


class InspectionRate(Strict):
    percent_of_regular: float = Field(gt=0, lt=100)
    year: int
    text: Text
    source: list[str] = Field(min_length=1)
    assumption: Text
    assumption_source: list[str] = Field(min_length=1)


class Facilitation(Strict):
    tiers: list[Literal["advanced", "certified"]]
    note: Text
    measures: list[Cited] = Field(min_length=1)


class Mra(Strict):
    economies: int
    countries: int
    as_of: str = Field(pattern=r"^\d{4}-\d{2}$")
    source: list[str] = Field(min_length=1)
    text: Text
    recognised_tiers: list[Literal["advanced", "certified"]]
    tier_note: Text
    identifier: Text
    identifier_source: list[str] = Field(min_length=1)
    list_note: Text


class Market(Strict):
    status: Literal["implemented", "signed", "not_listed"]
    since: dt.date | None = None
    #: the GACC announcement that put the arrangement into effect, e.g. "2022 No. 16"
    announcement: str | None = None
    #: China's tiers the partner's customs recognise (the arrangement texts found name Advanced)
    tiers: list[Literal["advanced", "certified"]] = Field(default_factory=list)
    source: list[str] = Field(default_factory=list)
    #: printed instead of a citation where no official source for the status was found
    assumption: Text | None = None


class TierMeasures(Strict):
    regular: Cited
    discredited: Cited
    seriously_discredited: Cited
    loss_of_status: Cited


class BenefitsFile(Strict):
    inspection_rate: InspectionRate
    facilitation: Facilitation
    mra: Mra
    markets: dict[str, Market]
    tier_measures: TierMeasures


class Extras:
    """Sources and benefits, validated."""

    def __init__(self, sources: dict[str, Source], benefits: BenefitsFile) -> None:
        self.sources = sources
        self.benefits = benefits


def codes_in(text: str | None, known: dict[str, Source]) -> list[str]:
    """The source codes a free-text ``source:`` string cites, in order, each once."""
    if not text:
        return []
    return list(dict.fromkeys(c for c in CODE.findall(text) if c in known))


def _validated(model, doc: SourceDoc):
    try:
        return model.model_validate(doc.data)
    except ValidationError as exc:
        raise DataFileError([doc.problem(tuple(e["loc"]), e["msg"]) for e in exc.errors()]) from None


def load_extras(cat: Catalogue, root: Path | None = None) -> Extras:
    """``sources.yaml`` and ``benefits.yaml``, checked against each other and the catalogue;
    :class:`DataFileError` with every problem."""
    base = (root or data_root()) / "questionnaires"
    sdoc = read_file(base / "sources.yaml")
    bdoc = read_file(base / "benefits.yaml")
    sources = _validated(SourcesFile, sdoc).sources
    benefits = _validated(BenefitsFile, bdoc)
    problems = (_benefit_problems(benefits, bdoc, sources) + _market_problems(cat, benefits, bdoc)
                + _catalogue_source_problems(cat, base, sources))
    if problems:
        raise DataFileError(problems)
    return Extras(sources, benefits)


def _benefit_problems(b: BenefitsFile, bdoc: SourceDoc, sources: dict[str, Source]) -> list[Problem]:
    """Every source the benefits cite is in ``sources.yaml``; a market that recognises China's AEO
    says why, and an implemented one names the tiers it recognises."""
    problems: list[Problem] = []

    def need(codes: list[str], where: tuple) -> None:
        problems.extend(bdoc.problem(where, f"source {c!r} is not in sources.yaml") for c in codes if c not in sources)

    need(b.inspection_rate.source, ("inspection_rate", "source"))
    need(b.inspection_rate.assumption_source, ("inspection_rate", "assumption_source"))
    for i, m in enumerate(b.facilitation.measures):
        need(m.source, ("facilitation", "measures", i, "source"))
    need(b.mra.source, ("mra", "source"))
    need(b.mra.identifier_source, ("mra", "identifier_source"))
    for key, m in b.markets.items():
        need(m.source, ("markets", key, "source"))
        if m.status != "not_listed" and not (m.source or m.assumption):
            problems.append(bdoc.problem(("markets", key), "a recognising market needs its source or an assumption"))
        if m.status == "implemented" and not m.tiers:
            problems.append(bdoc.problem(("markets", key), "an implemented arrangement names the tiers it recognises"))
    for key in ("regular", "discredited", "seriously_discredited", "loss_of_status"):
        need(getattr(b.tier_measures, key).source, ("tier_measures", key, "source"))
    return problems


def _market_problems(cat: Catalogue, b: BenefitsFile, bdoc: SourceDoc) -> list[Problem]:
    """The markets of ``benefits.yaml`` are exactly the choices of the question that asks for them."""
    q = cat.questions.get(MARKETS_QUESTION)
    if q is None:
        return [bdoc.problem(("markets",), f"question {MARKETS_QUESTION!r} does not exist")]
    choices = {c.value for c in cat.choices_of(q)}
    return ([bdoc.problem(("markets",), f"market {key!r} (a choice of {MARKETS_QUESTION}) has no entry")
             for key in sorted(choices - set(b.markets))]
            + [bdoc.problem(("markets", key), f"not a choice of {MARKETS_QUESTION}")
               for key in sorted(set(b.markets) - choices)])


def _catalogue_source_problems(cat: Catalogue, base: Path, sources: dict[str, Source]) -> list[Problem]:
    """Every code cited by the catalogue's assumptions and items is explained in ``sources.yaml``."""
    problems = [Problem(str(base / "catalogue.yaml"), None, f"assumptions.{a.id}.source",
                        f"source {c!r} is not in sources.yaml")
                for a in cat.assumptions.values() for c in CODE.findall(a.source) if c not in sources]
    problems += [Problem(str(base / "standards"), None, f"{item.id}.source", f"source {c!r} is not in sources.yaml")
                 for item in cat.items for c in CODE.findall(item.source) if c not in sources]
    return problems


def get_extras(cat: Catalogue) -> Extras:
    """Sources and benefits for ``cat`` (from the folder it was loaded from), loaded once and kept
    in the catalogue's cache."""
    hit = cat.cache.get("extras")
    if hit is None:
        hit = cat.cache["extras"] = load_extras(cat, cat.root.parent)
    return hit
