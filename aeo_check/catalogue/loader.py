"""Load and cross-check the catalogue in ``questionnaires/``.

Layout (each folder named for what it holds)::

    questionnaires/catalogue.yaml          version, vocabularies, assumptions
    questionnaires/questions/*.yaml        the facts asked, one file per section
    questionnaires/standards/*.yaml        the criteria of the general standard and bonus items:
                                           official numbers, thresholds per tier, rules,
                                           evidence, remediation
    questionnaires/standards/specific/*.yaml   the four specific standards
    questionnaires/rules/scoring.yaml      pass rules per standard, application bar, tolerance
    questionnaires/rules/discredit.yaml    discredit and serious-list triggers
    questionnaires/rules/consistency.yaml  facts in one answer file that must agree
    questionnaires/calendars/china.yaml    where China's working days come from

Every problem found is reported with file, line and field; nothing is half-loaded.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from aeo_check.catalogue.compiled import Catalogue, data_root, record  # noqa: F401 - the loader's public names
from aeo_check.catalogue.expr import with_params
from aeo_check.catalogue.models import (  # noqa: I001
    CalendarFile,
    CatalogueFile,
    ConsistencyFile,
    Derived,
    DiscreditFile,
    EvidenceFile,
    Item,
    ItemFile,
    PlanningFile,
    Question,
    QuestionFile,
    Rule,
    ScoringFile,
)
from aeo_check.catalogue.vocab import (  # noqa: F401
    GENERAL_CATEGORIES,
    PROFILE_NAMES,
    SECTIONS,
    SPECIFIC_TYPES,
    STANDARDS,
)
from aeo_check.files.sourcefile import DataFileError, Problem, SourceDoc, read_file


class _Collector:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.problems: list[Problem] = []

    def rel(self, path: Path) -> str:
        try:
            return str(path.relative_to(self.root.parent))
        except ValueError:
            return str(path)

    def read(self, path: Path) -> SourceDoc | None:
        try:
            return read_file(path, self.rel(path))
        except DataFileError as exc:
            self.problems.extend(exc.problems)
            return None

    def model(self, doc: SourceDoc | None, cls: type[BaseModel]) -> Any:
        if doc is None:
            return None
        try:
            return cls.model_validate(doc.data)
        except ValidationError as exc:
            for err in exc.errors():
                loc = tuple(p for p in err["loc"] if not (isinstance(p, str) and p.startswith("function-")))
                # pydantic puts the union member/literal name in loc for some errors; keep real fields
                msg = err["msg"]
                if err["type"] == "missing":
                    msg = "required field is missing"
                elif err["type"] == "extra_forbidden":
                    msg = "unknown field"
                self.problems.append(doc.problem(_clean_loc(loc), msg))
            return None


def _clean_loc(loc: tuple) -> tuple:
    out = []
    for part in loc:
        if isinstance(part, str) and part in ("pass_",):
            part = "pass"
        out.append(part)
    return tuple(out)


def _yaml_files(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.suffix in (".yaml", ".yml") and p.is_file())


Where = dict[str, tuple[SourceDoc, tuple]]  # id -> (file, position in it)


@dataclass
class _Standards:
    """What the standards files define: the items and the derived facts, each with where it is."""

    items: list[Item] = field(default_factory=list)
    item_where: Where = field(default_factory=dict)
    derived: dict[str, Derived] = field(default_factory=dict)
    derived_where: Where = field(default_factory=dict)


@dataclass
class _Rules:
    """The five files of ``rules/``, each with its source (for the problems found in it), and the calendar."""

    scoring_doc: SourceDoc | None
    scoring: ScoringFile | None
    discredit_doc: SourceDoc | None
    discredit: DiscreditFile | None
    planning_doc: SourceDoc | None
    planning: PlanningFile | None
    consistency_doc: SourceDoc | None
    consistency: ConsistencyFile | None
    evidence_doc: SourceDoc | None
    evidence: EvidenceFile | None
    calendar: CalendarFile | None  # calendars/china.yaml

    def complete(self) -> bool:
        return not (self.scoring is None or self.discredit is None or self.planning is None
                    or self.consistency is None or self.evidence is None or self.calendar is None)


def load_catalogue(root: Path | None = None) -> Catalogue:
    """Load ``root/questionnaires`` (default: the packaged one); raise :class:`DataFileError`."""
    base = (root or data_root()) / "questionnaires"
    c = _Collector(base)
    if not base.is_dir():
        raise DataFileError([Problem(str(base), None, "", "catalogue folder not found")])

    meta_doc = c.read(base / "catalogue.yaml")
    meta: CatalogueFile | None = c.model(meta_doc, CatalogueFile)
    questions, q_where = _load_questions(c, base)
    std = _load_standards(c, base, questions)
    rules = _load_rules(c, base)
    if c.problems or meta is None or not rules.complete():
        raise DataFileError(c.problems or [Problem(str(base), None, "", "catalogue incomplete")])

    choice_sets = {cs.id: cs for cs in meta.choice_sets}
    assumptions = {a.id: a for a in meta.assumptions}
    standards = {s.id: s for s in rules.scoring.standards}
    _cross_check(c.problems, questions, q_where, std, rules, choice_sets, assumptions, standards)
    kinds = _evidence_kinds(c.problems, rules.evidence_doc, rules.evidence, std.items, assumptions)
    if c.problems:
        raise DataFileError(c.problems)

    cat = Catalogue(
        root=base, meta=meta, questions=questions, items=std.items, derived=std.derived, standards=standards,
        scoring=rules.scoring, triggers=list(rules.discredit.triggers), choice_sets=choice_sets,
        assumptions=assumptions, planning=rules.planning, calendar=rules.calendar,
    )
    cat.items_by_id = {i.id: i for i in std.items}
    cat.consistency = list(rules.consistency.rules)
    cat.evidence_kinds = kinds
    cat.evidence_assumption = rules.evidence.assumption
    cat.bound_rules = _bound_rules(std.items)
    return cat


def _bound_rules(items: list[Item]) -> dict[str, dict[str, Rule]]:
    """Each item's rule per standard with the standard's thresholds written in, made once here so
    that neither a cache load nor the scorer folds or compiles them again."""
    seen: dict[tuple, Rule] = {}
    out: dict[str, dict[str, Rule]] = {}
    for item in items:
        out[item.id] = per = {}
        for std, use in item.standards.items():
            rule = item.rule_for(std)
            parts = {k: with_params(e, use.params) for k, e in rule.expressions()}
            key = tuple((k, e.source) for k, e in parts.items())
            if key not in seen:
                same = all(parts[k] is e for k, e in rule.expressions())
                seen[key] = rule if same else Rule(**{("pass_" if k == "pass" else k): e for k, e in parts.items()})
            per[std] = seen[key]
    return out


# --------------------------------------------------------------------------- reading, by file kind

def _load_questions(c: _Collector, base: Path) -> tuple[dict[str, Question], Where]:
    """``questions/*.yaml``: the questions in questionnaire order (by section, then file and position)."""
    questions: dict[str, Question] = {}
    q_where: Where = {}
    for path in _yaml_files(base / "questions"):
        doc = c.read(path)
        qf: QuestionFile | None = c.model(doc, QuestionFile)
        if qf is None or doc is None:
            continue
        for i, q in enumerate(qf.questions):
            where = ("questions", i)
            if q.section is not None and q.section != qf.section:
                c.problems.append(doc.problem(where + ("section",), f"question is in file of section {qf.section!r}"))
            if q.id in questions:
                other_doc, other = q_where[q.id]
                c.problems.append(doc.problem(where + ("id",),
                    f"duplicate question id {q.id!r} (also at {other_doc.file}:{other_doc.line_of(other)})"))
                continue
            questions[q.id] = q.model_copy(update={"section": qf.section})
            q_where[q.id] = (doc, where)
    questions = dict(sorted(questions.items(), key=lambda kv: SECTIONS.index(kv[1].section)))
    return questions, q_where


def _load_standards(c: _Collector, base: Path, questions: dict[str, Question]) -> _Standards:
    """``standards/*.yaml`` and ``standards/specific/*.yaml``: the derived facts and the items."""
    std = _Standards()
    for path in _yaml_files(base / "standards") + _yaml_files(base / "standards" / "specific"):
        doc = c.read(path)
        f: ItemFile | None = c.model(doc, ItemFile)
        if f is None or doc is None:
            continue
        for i, d in enumerate(f.derived):
            if d.id in std.derived or d.id in questions:
                c.problems.append(doc.problem(("derived", i, "id"), f"duplicate id {d.id!r}"))
                continue
            std.derived[d.id] = d
            std.derived_where[d.id] = (doc, ("derived", i))
        for i, it in enumerate(f.items):
            where = ("items", i)
            if it.category != f.category or it.specific != f.specific:
                c.problems.append(doc.problem(where + ("category",),
                    f"item is in the file for {f.specific or f.category!r}"))
            if it.id in std.item_where:
                other_doc, other = std.item_where[it.id]
                c.problems.append(doc.problem(where + ("id",),
                    f"duplicate item id {it.id!r} (also at {other_doc.file}:{other_doc.line_of(other)})"))
                continue
            std.items.append(it)
            std.item_where[it.id] = (doc, where)
    return std


def _load_rules(c: _Collector, base: Path) -> _Rules:
    """``rules/``: scoring, discredit, planning, consistency and the evidence kinds; and China's
    working-day calendar (``calendars/china.yaml``)."""
    scoring_doc = c.read(base / "rules" / "scoring.yaml")
    scoring: ScoringFile | None = c.model(scoring_doc, ScoringFile)
    discredit_doc = c.read(base / "rules" / "discredit.yaml")
    discredit: DiscreditFile | None = c.model(discredit_doc, DiscreditFile)
    planning_doc = c.read(base / "rules" / "planning.yaml")
    planning: PlanningFile | None = c.model(planning_doc, PlanningFile)
    calendar_doc = c.read(base / "calendars" / "china.yaml")
    calendar: CalendarFile | None = c.model(calendar_doc, CalendarFile)
    consistency_doc = c.read(base / "rules" / "consistency.yaml")
    consistency: ConsistencyFile | None = c.model(consistency_doc, ConsistencyFile)
    evidence_doc = c.read(base / "rules" / "evidence.yaml")
    evidence: EvidenceFile | None = c.model(evidence_doc, EvidenceFile)
    return _Rules(scoring_doc, scoring, discredit_doc, discredit, planning_doc, planning,
                  consistency_doc, consistency, evidence_doc, evidence, calendar)


# --------------------------------------------------------------------------- cross-file checks

def _cross_check(P: list[Problem], questions: dict[str, Question], q_where: Where, std: _Standards,
                 rules: _Rules, choice_sets: dict, assumptions: dict, standards: dict) -> None:
    """Every name one file uses of another must exist there; problems in file order of the checks."""
    derived = std.derived
    for qid, q in questions.items():
        doc, where = q_where[qid]
        if q.choice_set and q.choice_set not in choice_sets:
            P.append(doc.problem(where + ("choice_set",), f"unknown choice set {q.choice_set!r}"))
        if q.ask_if is not None:
            _check_names(P, doc, where + ("ask_if",), q.ask_if.names, questions, derived, set())

    for did, d in derived.items():
        doc, where = std.derived_where[did]
        _check_names(P, doc, where + ("expr",), d.expr.names, questions, derived, set(), self_id=did)

    for it in std.items:
        _check_item(P, it, std.item_where[it.id], questions, derived)
    _check_discredit(P, rules.discredit_doc, rules.discredit, questions, derived, assumptions)
    _check_consistency(P, rules.consistency_doc, rules.consistency, questions)
    _check_scoring(P, rules.scoring_doc, rules.scoring, standards, questions, assumptions)
    _check_planning(P, rules.planning_doc, rules.planning, {i.id for i in std.items}, questions, assumptions,
                    {t.id for t in rules.discredit.triggers})

    _check_numbering(P, std.items, std.item_where, standards, rules.scoring_doc)


def _check_item(P: list[Problem], it: Item, at: tuple[SourceDoc, tuple], questions: dict,
                derived: dict) -> None:
    """An item's questions, its rule's names and options per standard, its evidence conditions."""
    doc, where = at
    for qid in it.questions:
        if qid not in questions:
            P.append(doc.problem(where + ("questions",), f"question {qid!r} does not exist"))
    for std, use in it.standards.items():
        rule = it.rule_for(std)
        rule_loc = where + (("standards", std, "rule") if use.rule is not None else ("rule",))
        params = set(use.params)
        for name, e in rule.expressions():
            _check_names(P, doc, rule_loc + (name,), e.names, questions, derived, params,
                         context=f"in standard {std!r}")
        opts = it.options_for(std)
        opt_loc = where + (("standards", std, "options") if use.options is not None else ("options",))
        for needed in ("pass", "fail"):
            if needed not in opts:
                P.append(doc.problem(opt_loc, f"options must include {needed!r}"))
        if rule.partial is not None and "partial" not in opts:
            P.append(doc.problem(opt_loc, "the rule has 'partial' but the options do not"))
        if rule.partial is None and "partial" in opts:
            P.append(doc.problem(opt_loc, "'partial' is an option but the rule never gives it"))
        if rule.na_if is not None and "na" not in opts:
            P.append(doc.problem(opt_loc, "the rule has 'na_if' but the options lack 'na'"))
        if it.category == "bonus" and "partial" in opts:
            P.append(doc.problem(opt_loc, "bonus items are met or not: no 'partial'"))
    for j, ev in enumerate(it.evidence):
        for attr in ("exists_if", "applies_if"):
            e = getattr(ev, attr)
            if e is not None:
                _check_names(P, doc, where + ("evidence", j, attr), e.names, questions, derived, set())


def _check_discredit(P: list[Problem], doc: SourceDoc, discredit: DiscreditFile, questions: dict,
                     derived: dict, assumptions: dict) -> None:
    for i, t in enumerate(discredit.triggers):
        _check_names(P, doc, ("triggers", i, "when"), t.when.names, questions, derived, set())
        if t.assumption and t.assumption not in assumptions:
            P.append(doc.problem(("triggers", i, "assumption"), f"unknown assumption {t.assumption!r}"))
    if len({t.id for t in discredit.triggers}) != len(discredit.triggers):
        P.append(doc.problem(("triggers",), "trigger ids repeat"))


def _check_consistency(P: list[Problem], doc: SourceDoc, consistency: ConsistencyFile, questions: dict) -> None:
    for i, rule in enumerate(consistency.rules):
        loc = ("rules", i)
        for n in sorted(rule.check.names):
            if n not in questions and n not in PROFILE_NAMES:
                P.append(doc.problem(loc + ("check",), f"uses {n!r}, which is not a question or profile field"))
        if rule.field not in rule.check.names or rule.field not in questions:
            P.append(doc.problem(loc + ("field",), f"{rule.field!r} must be a question the check uses"))
    if len({r.id for r in consistency.rules}) != len(consistency.rules):
        P.append(doc.problem(("rules",), "rule ids repeat"))


def _check_scoring(P: list[Problem], doc: SourceDoc, scoring: ScoringFile, standards: dict, questions: dict,
                   assumptions: dict) -> None:
    for i, s in enumerate(scoring.standards):
        for a in s.pass_rule.assumptions:
            if a not in assumptions:
                P.append(doc.problem(("standards", i, "pass_rule", "assumptions"), f"unknown assumption {a!r}"))
    if set(standards) != set(STANDARDS):
        P.append(doc.problem(("standards",), f"must define exactly {', '.join(STANDARDS)}"))
    if scoring.application_bar.question not in questions:
        P.append(doc.problem(("application_bar", "question"),
                             f"question {scoring.application_bar.question!r} does not exist"))
    if scoring.tolerance.assumption not in assumptions:
        P.append(doc.problem(("tolerance", "assumption"), f"unknown assumption {scoring.tolerance.assumption!r}"))

    for qid in scoring.application_bar.also:
        if qid not in questions:
            P.append(doc.problem(("application_bar", "also"), f"question {qid!r} does not exist"))


def _evidence_kinds(P: list[Problem], doc: SourceDoc, ev: EvidenceFile, items: list[Item],
                    assumptions: dict) -> dict[str, tuple[str, int | None]]:
    """The kinds ``rules/evidence.yaml`` gives, each naming a document some item asks for, once."""
    names = {e.zh for i in items for e in i.evidence}
    kinds: dict[str, tuple[str, int | None]] = {}
    listed = [(("procedures", n), zh, ("procedure", None)) for n, zh in enumerate(ev.procedures)]
    listed += [(("records", n, "doc"), r.doc, ("records", r.months)) for n, r in enumerate(ev.records)]
    for loc, zh, kind in listed:
        if zh not in names:
            P.append(doc.problem(loc, f"no item asks for a document named {zh!r}"))
        elif zh in kinds:
            P.append(doc.problem(loc, f"{zh!r} is listed twice"))
        kinds[zh] = kind
    if ev.assumption not in assumptions:
        P.append(doc.problem(("assumption",), f"unknown assumption {ev.assumption!r}"))
    return kinds


def _check_planning(P: list[Problem], doc: SourceDoc, pl: PlanningFile, item_ids: set, questions: dict,
                    assumptions: dict, trigger_ids: set) -> None:
    """Every item, question, trigger and assumption that planning.yaml names exists."""
    for aid in pl.assumption_ids():
        if aid not in assumptions:
            P.append(doc.problem((), f"unknown assumption {aid!r}"))
    refs: list[tuple[tuple, str]] = [(("records", "months", k), k) for k in pl.records.months]
    refs += [(("waits", "items", k), k) for k in pl.waits.items]
    refs += [(("waits", "blocked", k), k) for k in pl.waits.blocked]
    refs += [(("statements", "items", j), k) for j, k in enumerate(pl.statements.items)]
    for loc, k in refs:
        if k not in item_ids:
            P.append(doc.problem(loc, f"item {k!r} does not exist"))
    qrefs = [(("waits", "items", k, "event"), w.event) for k, w in pl.waits.items.items() if w.event]
    qrefs += [(("repair", "triggers", k, "event"), r.event) for k, r in pl.repair.triggers.items() if r.event]
    qrefs.append((("repair", "designation_question"), pl.repair.designation_question))
    if pl.repair.ground_question:
        qrefs.append((("repair", "ground_question"), pl.repair.ground_question))
    for v, k in pl.repair.grounds.items():
        if k not in pl.repair.triggers:
            P.append(doc.problem(("repair", "grounds", v), f"trigger {k!r} has no repair route"))
    for loc, q in qrefs:
        if q not in questions:
            P.append(doc.problem(loc, f"question {q!r} does not exist"))
    for k in pl.repair.triggers:
        if k not in trigger_ids:
            P.append(doc.problem(("repair", "triggers", k), f"trigger {k!r} does not exist"))
    for k in trigger_ids - set(pl.repair.triggers):
        P.append(doc.problem(("repair", "triggers"), f"no repair route for trigger {k!r}"))


def _check_names(P: list[Problem], doc: SourceDoc, loc: tuple, names: Iterable[str],
                 questions: dict, derived: dict, params: set, context: str = "", self_id: str | None = None) -> None:
    for n in sorted(names):
        if n == self_id:
            P.append(doc.problem(loc, f"{n!r} refers to itself"))
        elif n not in questions and n not in derived and n not in params and n not in PROFILE_NAMES:
            where = f" {context}" if context else ""
            P.append(
                doc.problem(
                    loc, f"uses {n!r}{where}, which is not a question, derived value, parameter or profile field"
                )
            )


def _check_numbering(P: list[Problem], items: list[Item], where: dict, standards: dict, scoring_doc) -> None:
    for std_id, sdef in standards.items():
        general = [i for i in items if i.category != "specific" and std_id in i.standards]
        _contiguous(P, general, std_id, where, f"{std_id} standard")
        for t in SPECIFIC_TYPES:
            spec = [i for i in items if i.specific == t and std_id in i.standards]
            if spec:
                _contiguous(P, spec, std_id, where, f"{std_id} specific standard {t}")
        got: dict[str, int] = {}
        for i in items:
            if std_id in i.standards and i.category != "specific":
                got[i.category] = got.get(i.category, 0) + 1
        for cat, n in sdef.counts.items():
            if cat == "specific":
                continue
            if got.get(cat, 0) != n:
                idx = list(standards).index(std_id)
                P.append(scoring_doc.problem(("standards", idx, "counts", cat),
                                             f"expects {n} {cat} items, the standards folder has {got.get(cat, 0)}"))


def _contiguous(P, items, std_id, where, label) -> None:
    seen: dict[int, Item] = {}
    for it in items:
        n = it.standards[std_id].number
        if n in seen:
            doc, loc = where[it.id]
            P.append(doc.problem(loc + ("standards", std_id, "number"),
                                 f"number ({n}) of the {label} is also used by {seen[n].id!r}"))
        seen[n] = it
    if seen:
        expected = set(range(1, len(items) + 1))
        missing = sorted(expected - set(seen))
        extra = sorted(set(seen) - expected)
        if missing or extra:
            it = items[0]
            doc, loc = where[it.id]
            P.append(doc.problem(loc + ("standards", std_id, "number"),
                                 f"numbers of the {label} are not contiguous 1..{len(items)}"
                                 + (f"; missing {missing}" if missing else "") + (f"; unexpected {extra}" if extra else "")))


def frozen(cat: Catalogue) -> Catalogue:
    """``cat`` with every validated model replaced by its plain record (:mod:`.compiled`): the
    same attributes and helpers, shared objects still shared, nothing of pydantic left."""
    memo: dict[int, Any] = {}

    def conv(v: Any) -> Any:
        if isinstance(v, BaseModel):
            hit = memo.get(id(v))
            if hit is None:
                hit = memo[id(v)] = record(type(v).__name__, {k: conv(x) for k, x in v.__dict__.items()})
            return hit
        t = type(v)
        if t is list:
            return [conv(x) for x in v]
        if t is dict:
            return {k: conv(x) for k, x in v.items()}
        if t is tuple:
            return tuple(conv(x) for x in v)
        return v

    return Catalogue(**{name: conv(getattr(cat, name)) for name in Catalogue.__dataclass_fields__})
