"""Answers → likely tier, both standards' scores, every gap, the cheapest path up.

Pure: no printing, no files. Everything it decides by comes from the catalogue
(``questionnaires/``): item rules and thresholds, pass rules, discredit triggers,
the application bar and the error-tolerance route.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterable, Mapping
from typing import TYPE_CHECKING, Any, NamedTuple

from aeo_check.answers.model import Assessment
from aeo_check.catalogue.compiled import Catalogue
from aeo_check.catalogue.expr import (
    _GLOBALS,
    Expression,
    Skipped,
    Unanswered,
    parse_last_event,
)
from aeo_check.catalogue.vocab import PROFILE_NAMES, STANDARDS
from aeo_check.scoring.result import (
    CategoryScore,
    Fact,
    Gap,
    ItemResult,
    Path,
    Result,
    StandardResult,
    Trigger,
    text,
    tier_rank,
)
from aeo_check.words.i18n import join_list as _join
from aeo_check.words.i18n import t as _w

if TYPE_CHECKING:  # pragma: no cover - annotations only
    from aeo_check.catalogue.models import Item, Question

_STATES = ("pass", "partial", "fail", "na", "unanswered")


# --------------------------------------------------------------------------- compiled catalogue

class _CompiledRule(NamedTuple):
    """An item's rule in one standard, its thresholds written in (each compiled when first rated)."""

    na_if: Expression | None
    deemed_pass: Expression | None
    deemed_fail: Expression | None
    pass_: Expression
    partial: Expression | None
    names: tuple[str, ...]


class _Compiled:
    """Per-catalogue structures built once: each item's rule per standard, orderings."""

    def __init__(self, cat: Catalogue) -> None:
        self.cat = cat
        self.rules: dict[tuple[str, str], _CompiledRule] = {}
        shared: dict[int, _CompiledRule] = {}
        for item in cat.items:
            for std, rule in cat.bound_rules[item.id].items():
                # rules whose text with the thresholds written in is the same (in both standards, or
                # in two items) are one object in the catalogue, so one score() rates it once (see
                # _rate's memo)
                key = id(rule)
                hit = shared.get(key)
                if hit is None:
                    names: list[str] = []
                    for _, e in rule.expressions():
                        names.extend(n for n in sorted(e.names) if n not in names)
                    hit = shared[key] = _CompiledRule(rule.na_if, rule.deemed_pass, rule.deemed_fail, rule.pass_,
                                                      rule.partial, tuple(names))
                self.rules[(item.id, std)] = hit
        self.items_in = {s: cat.items_in(s) for s in STANDARDS}
        self.scope: dict[tuple, list[tuple]] = {}
        self.assumptions: dict[tuple, list[dict[str, Any]]] = {}
        # every document once, in the order of its first mention, with its links: each (item,
        # document) pair as (its place in catalogue order, item, owner, category, English name,
        # what decides its state)
        docs: dict[str, list[tuple]] = {}
        links = ((i, e) for i in cat.items for e in i.evidence)
        for n, (i, e) in enumerate(links):
            docs.setdefault(e.zh, []).append((
                n, i.id, i.owner, i.specific or i.category, e.en,
                e.exists_if, e.applies_if))
        self.evidence_docs = [(zh, tuple(found)) for zh, found in docs.items()]
        self.evidence_rows: dict[tuple[int, str], tuple] = {}  # a one-item document's row, per state
        self.item_results: dict[tuple, ItemResult] = {}  # (standard, item, rating) -> its result
        self.derived = {d.id: d.expr for d in cat.derived.values()}
        self.triggers = [(t, t.when) for t in cat.triggers]
        self.ask_if = {q.id: q.ask_if for q in cat.questions.values()}
        self.question_order = list(cat.questions)
        self.last_event = frozenset(q.id for q in cat.questions.values() if q.type == "last_event")
        self._profiles: dict[tuple, tuple[dict[str, bool], frozenset[str]]] = {}
        self.numbers: dict[str, str] = {}
        for std in STANDARDS:
            for it in cat.items_in(std):
                n = it.standards[std].number  # type: ignore[index]
                self.numbers.setdefault(it.id, f"({n})" if it.specific is None else str(n))


    def by_profile(self, enterprise_type: str, specific_types: Collection[str]) -> tuple[dict[str, bool], frozenset[str]]:
        """For one profile: whether each question without a condition (no ask_if) applies, and
        those of them whose answers are facts as they stand (dated events are parsed on first use)."""
        key = (enterprise_type, tuple(specific_types))
        hit = self._profiles.get(key)
        if hit is None:
            fixed = {q.id: enterprise_type in q.applies_to and (q.specific is None or q.specific in specific_types)
                     for q in self.cat.questions.values() if q.ask_if is None}
            plain = frozenset(q for q, ok in fixed.items() if ok and q not in self.last_event)
            hit = self._profiles[key] = (fixed, plain)
        return hit


def compiled(cat: Catalogue) -> _Compiled:
    c = cat.cache.get("scorer")
    if c is None:
        c = cat.cache["scorer"] = _Compiled(cat)
    return c


# --------------------------------------------------------------------------- facts


class _Missing(tuple):
    """A derived value that could not be computed: which exception, and for which fact."""

    __slots__ = ()

    def __new__(cls, kind: type, name: str) -> _Missing:
        return tuple.__new__(cls, (kind, name))

    @property
    def kind(self) -> type:
        return self[0]

    @property
    def name(self) -> str:
        return self[1]


class Facts(dict):
    """The namespace rules are evaluated in: answers, the enterprise profile, derived values.

    A dict subclass so that ``eval`` finds a value already looked up at C speed; the first
    lookup of a name goes through ``__missing__``. A question that does not apply raises
    :class:`Skipped`; one not yet answered raises :class:`Unanswered` (neither is cached, so
    every rule that reads it sees the exception). Applicability is memoised.
    """

    __slots__ = ("c", "answers", "profile", "dont_know", "_applies", "_derived", "_ratings")

    def __init__(self, c: _Compiled, answers: Mapping[str, Any], profile: Mapping[str, Any],
                 dont_know: Collection[str] = ()) -> None:
        super().__init__(_GLOBALS)  # rule functions and constants resolve without a miss
        del self["__builtins__"]
        self.c = c
        self.answers = answers
        self.profile = profile
        self.dont_know = dont_know
        # what the profile alone decides goes in at once, exactly as applies() and __missing__
        # would work it out, without a call each: whether a question without ask_if applies,
        # and the answers to those that do
        fixed, plain = c.by_profile(profile["enterprise_type"], profile["specific_types"])
        self._applies: dict[str, bool | None] = dict(fixed)
        self._derived: dict[str, Any] = {}
        self._ratings: dict[int, tuple[str, str | None, str | None]] = {}
        self.update({q: v for q, v in answers.items() if q in plain})

    def applies(self, qid: str) -> bool | None:
        """True/False when known; None when it depends on an unanswered question."""
        if qid in self._applies:
            return self._applies[qid]
        q: Question = self.c.cat.questions[qid]
        result: bool | None
        if self.profile["enterprise_type"] not in q.applies_to:
            result = False
        elif q.specific is not None and q.specific not in self.profile["specific_types"]:
            result = False
        else:
            ask_if = self.c.ask_if[qid]
            if ask_if is None:
                result = True
            else:
                self._applies[qid] = None  # guards against cycles
                try:
                    result = bool(eval(ask_if.code, _GLOBALS, self))  # noqa: S307
                except Unanswered:
                    result = None
                except Skipped:
                    result = False
        self._applies[qid] = result
        return result

    def __missing__(self, name: str) -> Any:
        if name in self.c.cat.questions:
            ok = self.applies(name)
            if ok is False:
                raise Skipped(name)
            if name in self.answers:
                v = self.answers[name]
                if name in self.c.last_event:
                    v = parse_last_event(v, self.profile["assessed_on"])
                self[name] = v
                return v
            raise Unanswered(name)
        if name in self.c.derived:
            if name not in self._derived:
                try:
                    self._derived[name] = eval(self.c.derived[name].code, _GLOBALS, self)  # noqa: S307
                except (Unanswered, Skipped) as exc:
                    # remember the kind and the name, not the exception: its traceback holds every
                    # frame up to score(), and a cycle through them keeps a whole result alive
                    self._derived[name] = _Missing(type(exc), exc.name)
            v = self._derived[name]
            if type(v) is _Missing:
                raise v.kind(v.name)
            self[name] = v
            return v
        if name in PROFILE_NAMES:
            v = self[name] = self.profile[name]
            return v
        raise KeyError(name)

    def fact(self, name: str) -> Fact:
        if name in self.c.derived:
            try:
                return Fact(name, "derived", self[name], "computed")
            except (Unanswered, Skipped):
                return Fact(name, "derived", None, "unknown")
        if name in PROFILE_NAMES:
            v = self.profile[name]
            return Fact(name, "profile", list(v) if isinstance(v, tuple) else v, "answered")
        try:
            self[name]
            return Fact(name, "question", self.answers[name], "answered")
        except Skipped:
            return Fact(name, "question", None, "skipped")
        except Unanswered:
            return Fact(name, "question", None, "dont_know" if name in self.dont_know else "unanswered")


def profile_of(a: Assessment) -> dict[str, Any]:
    e = a.enterprise
    return {
        "production": e.production,
        "enterprise_type": e.type,
        "specific_types": tuple(e.specific),
        "current_tier": e.current_tier,
        "assessed_on": a.assessed_on,
    }


# --------------------------------------------------------------------------- rating


def _rate(c: _Compiled, facts: Facts, item: Item, std: str) -> tuple[str, str | None, str | None]:
    """(rating, deemed, missing question) of ``item`` in standard ``std``."""
    r = c.rules[(item.id, std)]
    memo = facts._ratings
    hit = memo.get(id(r))
    if hit is not None:
        return hit
    memo[id(r)] = rated = _rate_rule(r, facts)
    return rated


def _rate_rule(r: _CompiledRule, facts: Facts) -> tuple[str, str | None, str | None]:
    try:
        if r.na_if is not None and eval(r.na_if.code, _GLOBALS, facts):  # noqa: S307
            return "na", None, None
        if r.deemed_pass is not None:
            try:
                if eval(r.deemed_pass.code, _GLOBALS, facts):  # noqa: S307
                    return "pass", "pass", None
            except (Unanswered, Skipped):
                pass
        if r.deemed_fail is not None and eval(r.deemed_fail.code, _GLOBALS, facts):  # noqa: S307
            return "fail", "fail", None
        if eval(r.pass_.code, _GLOBALS, facts):  # noqa: S307
            return "pass", None, None
        if r.partial is not None and eval(r.partial.code, _GLOBALS, facts):  # noqa: S307
            return "partial", None, None
        return "fail", None, None
    except Unanswered as exc:
        return "unanswered", None, exc.name
    except Skipped:
        return "na", None, None


def _in_scope(item: Item, profile: Mapping[str, Any]) -> bool:
    if profile["enterprise_type"] not in item.applies_to:
        return False
    if item.specific is not None and item.specific not in profile["specific_types"]:
        return False
    return True


# --------------------------------------------------------------------------- standards


def _score_standard(c: _Compiled, facts: Facts, std: str, closed: Collection[str]) -> StandardResult:
    sdef = c.cat.standards[std]
    rule = sdef.pass_rule
    items = _item_results(c, facts, std, closed)
    core = [r for r in items if r.item.category != "bonus"]
    item_points = sum(r.points for r in core)
    fails = [r.id for r in core if r.rating == "fail"]
    partials = sum(r.rating == "partial" for r in core)
    unanswered = [r.id for r in items if r.rating == "unanswered"]
    bonus_met = sum(r.item.category == "bonus" and r.rating == "pass" for r in items)
    bonus_points = min(bonus_met * rule.bonus_per_item, rule.bonus_cap)
    score = rule.base + item_points + bonus_points
    points_short = max(0, rule.threshold - score)
    passed = (
        score >= rule.threshold
        and not (rule.fail_blocks and fails)
        and not (rule.max_partial is not None and partials > rule.max_partial)
        and not (rule.unanswered_blocks and unanswered)
    )
    return StandardResult(
        id=std, tier=sdef.tier, passed=passed, score=score, threshold=rule.threshold, base=rule.base,
        item_points=item_points, bonus_points=bonus_points, bonus_cap=rule.bonus_cap, points_short=points_short,
        fail_items=fails, unanswered_items=unanswered, partial_count=partials, items=items,
        categories=_categories(items), gaps=_gaps(c, facts, std, items, points_short),
        bonus_open=[r for r in items if r.category == "bonus" and r.rating in ("fail", "unanswered")],
    )


def _scope_rows(c: _Compiled, facts: Facts, std: str) -> list[tuple]:
    """The items of ``std`` this enterprise's profile brings in, with what rating each needs
    (built once per standard and profile)."""
    prof = facts.profile
    key = (std, prof["enterprise_type"], prof["specific_types"])
    rows = c.scope.get(key)
    if rows is None:
        rows = c.scope[key] = [
            (i, i.id, i.standards[std].number, i.specific or i.category, i.category == "bonus", c.rules[(i.id, std)])
            for i in c.items_in[std] if _in_scope(i, prof)]
    return rows


def _item_results(c: _Compiled, facts: Facts, std: str, closed: Collection[str]) -> list[ItemResult]:
    """Each item in scope rated, with its points; an item in ``closed`` counts as passed. A rated
    item's result is made once per compiled catalogue and shared (results are immutable)."""
    memo = facts._ratings
    made = c.item_results
    items: list[ItemResult] = []
    for row in _scope_rows(c, facts, std):
        item_id, crule = row[1], row[5]
        rated = ("pass", None, None) if item_id in closed else memo.get(id(crule))
        if rated is None:
            rated = memo[id(crule)] = _rate_rule(crule, facts)
        key = (std, item_id, rated)
        res = made.get(key)
        if res is None:
            res = made[key] = _item_result(c, std, row, rated)
        items.append(res)
    return items


def _item_result(c: _Compiled, std: str, row: tuple, rated: tuple[str, str | None, str | None]) -> ItemResult:
    item, item_id, number, cat_key, bonus, _ = row
    rating, deemed, missing = rated
    rule = c.cat.standards[std].pass_rule
    if bonus:
        points = rule.bonus_per_item if rating == "pass" else 0
    else:
        points = rule.points.get(rating, 0)  # type: ignore[call-overload]
    return ItemResult(item_id, number, cat_key, rating, points, deemed, missing, item, std)


#: the counter of a category that each rating adds to
_TALLY = {"pass": "passed", "partial": "partial", "fail": "failed", "na": "na", "unanswered": "unanswered"}


def _categories(items: list[ItemResult]) -> dict[str, CategoryScore]:
    """Items, points and ratings counted per category (bonus items add no points to theirs)."""
    categories: dict[str, CategoryScore] = {}
    for res in items:
        cs = categories.get(res.category)
        if cs is None:
            cs = categories[res.category] = CategoryScore(res.category)
        cs.items += 1
        cs.points += 0 if res.item.category == "bonus" else res.points
        counter = _TALLY[res.rating]
        setattr(cs, counter, getattr(cs, counter) + 1)
    return categories


def _gaps(c: _Compiled, facts: Facts, std: str, items: list[ItemResult], points_short: int) -> list[Gap]:
    """Every item not at pass, blockers first, then by the points it loses."""
    gaps: list[Gap] = []
    for res in items:
        if res.rating in ("pass", "na") or res.category == "bonus":
            continue
        blocker = res.rating in ("fail", "unanswered") or (points_short > 0)
        gaps.append(Gap(res, blocker, [facts.fact(n) for n in _fact_names(c, res.item, std)]))
    gaps.sort(key=lambda g: (0 if g.result.rating in ("fail", "unanswered") else 1,
                             -g.result.points_lost, g.result.category == "bonus", _order(g.result)))
    return gaps


def _order(r: ItemResult) -> tuple:
    return (r.item.category == "specific", r.item.specific or "", r.official_no)


def _fact_names(c: _Compiled, item: Item, std: str) -> list[str]:
    """Questions and derived values behind an item, derived values followed by their inputs."""
    out: list[str] = []
    for n in c.rules[(item.id, std)].names:
        if n not in out:
            out.append(n)
        if n in c.cat.derived:
            for m in sorted(c.cat.derived[n].expr.names):
                if m not in out:
                    out.append(m)
    return out


# --------------------------------------------------------------------------- paths


def _path_for(c: _Compiled, sr: StandardResult, tier: str, triggers: list[str]) -> Path:
    """Cheapest set of gaps closing which passes ``sr``'s standard.

    Every fail and unanswered item must be closed; closing a fail gains its points back.
    Then each partial closed and each bonus earned is worth one point (bonus up to the cap),
    so the cheapest points are the ones with the least effort: greedy is optimal.
    """
    rule = c.cat.standards[sr.id].pass_rule
    must = [r for r in sr.items if r.rating in ("fail", "unanswered") and r.category != "bonus"]
    score = sr.score + sum(r.points_lost for r in must)
    partials = sorted((r for r in sr.items if r.rating == "partial" and r.category != "bonus"), key=_by_effort)
    chosen: list[ItemResult] = []
    if rule.max_partial is not None and len(partials) > rule.max_partial:
        k = len(partials) - rule.max_partial  # more partials than the rule allows: the cheapest close
        chosen, partials = partials[:k], partials[k:]
        score += k
    bonus = [r for r in sr.items if r.category == "bonus" and r.rating in ("fail", "unanswered")] \
        if rule.bonus_per_item else []
    more, gained = _cheapest_points(sorted(partials + bonus, key=_by_effort), rule.bonus_per_item,
                                    rule.threshold - score, rule.bonus_cap - sr.bonus_points)
    score += gained
    closing = sorted(must + chosen + more, key=_order)
    return Path(
        tier=tier, standard=sr.id, items=[r.id for r in closing], triggers=list(triggers),
        # work on rectifiable gaps runs alongside the waits for past events to age out
        effort_days=max(sum(r.item.effort_days for r in closing if r.item.rectifiable),
                        max((r.item.effort_days for r in closing if not r.item.rectifiable), default=0)),
        score=min(score, rule.base + rule.bonus_cap) if score >= rule.threshold else None,
        waits=[r.id for r in closing if not r.item.rectifiable],
    )


def _by_effort(r: ItemResult) -> tuple:
    return r.item.effort_days, _order(r)


def _cheapest_points(options: list[ItemResult], per_bonus: int, need: int,
                     bonus_left: int) -> tuple[list[ItemResult], int]:
    """The first of ``options`` (cheapest first) that make up ``need`` points, and the points they
    bring: a partial closed brings one, a bonus earned ``per_bonus`` while the cap has room."""
    chosen: list[ItemResult] = []
    gained = 0
    for r in options:
        if gained >= need:
            break
        if r.is_bonus:
            gain = min(per_bonus, bonus_left)
            if gain <= 0:
                continue
            bonus_left -= gain
        else:
            gain = 1
        chosen.append(r)
        gained += gain
    return chosen, gained


# --------------------------------------------------------------------------- the whole result


def score(cat: Catalogue, a: Assessment, closed: Mapping[str, Collection[str]] | None = None) -> Result:
    """Score an assessment. ``closed`` marks items (per standard id, or trigger ids under
    ``"discredit"``) as fixed: what-if analysis, used to check that paths deliver their tier."""
    c = compiled(cat)
    closed = closed or {}
    facts = Facts(c, a.answers, profile_of(a), frozenset(a.dont_know))
    triggered, unknown_triggers = _triggers(c, facts, closed.get("discredit", ()))
    standards = {s: _score_standard(c, facts, s, closed.get(s, ())) for s in STANDARDS}
    tier = _tier(triggered, standards)
    unanswered_q, skipped_q, dont_know_q = _question_states(c, facts, a)
    provisional = bool(unanswered_q or dont_know_q or unknown_triggers)
    paths = _paths(c, tier, standards, [t.id for t in triggered])
    tolerance = _tolerance(cat, a, tier, standards, paths)
    return Result(
        catalogue=cat.version, assessed_on=a.assessed_on.isoformat(), language=a.language,
        enterprise=a.enterprise.as_dict(), tier=tier,
        reason=_reason(cat, tier, triggered, standards, provisional, unknown_triggers), provisional=provisional,
        unanswered=unanswered_q, skipped=skipped_q, dont_know=dont_know_q, triggers=triggered, standards=standards, paths=paths,
        timing=_timing(cat, a, facts, tier), tolerance=tolerance, answers=dict(a.answers), notes=dict(a.notes),
        derived=_derived_values(cat, facts), assumptions=_assumptions(cat, c, a, tolerance),
        evidence_of=lambda: _evidence(c, facts, standards), unknown_triggers=unknown_triggers,
    )


def _triggers(c: _Compiled, facts: Facts, closed: Collection[str]) -> tuple[list[Trigger], list[Trigger]]:
    """The discrediting grounds that hold, and those resting on a question not answered."""
    triggered: list[Trigger] = []
    unknown: list[Trigger] = []
    for t, when in c.triggers:
        if t.id in closed:
            continue
        try:
            hit = eval(when.code, _GLOBALS, facts)  # noqa: S307
        except Unanswered:
            unknown.append(Trigger(t.id, t.tier, text(t.title), text(t.description), text(t.repair)))
            continue
        except Skipped:
            hit = False
        if hit:
            triggered.append(Trigger(t.id, t.tier, text(t.title), text(t.description), text(t.repair)))
    return triggered, unknown


def _tier(triggered: list[Trigger], standards: Mapping[str, StandardResult]) -> str:
    """A discrediting ground decides first; then the Advanced standard, then the Certified."""
    if any(t.tier == "seriously_discredited" for t in triggered):
        return "seriously_discredited"
    if triggered:
        return "discredited"
    if standards["advanced"].passed:
        return "advanced"
    return "certified" if standards["certified"].passed else "regular"


def _question_states(c: _Compiled, facts: Facts, a: Assessment) -> tuple[list[str], list[str], list[str]]:
    """The questions that apply but are not answered, those that do not apply, and those
    answered "don't know", in catalogue order."""
    unanswered: list[str] = []
    skipped: list[str] = []
    dont_know: list[str] = []
    for qid in c.question_order:
        ok = facts.applies(qid)
        if ok is False:
            skipped.append(qid)
        elif qid not in a.answers:
            (dont_know if qid in facts.dont_know else unanswered).append(qid)
    return unanswered, skipped, dont_know


def _paths(c: _Compiled, tier: str, standards: Mapping[str, StandardResult], trig_ids: list[str]) -> dict[str, Path]:
    """What it takes to reach each tier above the one scored (regular: clearing the grounds)."""
    paths: dict[str, Path] = {}
    if tier_rank(tier) < tier_rank("regular"):
        paths["regular"] = Path("regular", None, [], trig_ids, 0, None, [])
    for target in ("certified", "advanced"):
        if tier_rank(tier) < tier_rank(target):
            paths[target] = _path_for(c, standards[target], target, trig_ids)
    return paths


def _derived_values(cat: Catalogue, facts: Facts) -> dict[str, Any]:
    derived: dict[str, Any] = {}
    for did in cat.derived:
        try:
            derived[did] = facts[did]
        except (Unanswered, Skipped):
            derived[did] = None
    return derived


def _nums(ids: Iterable[str], sr: StandardResult) -> list[str]:
    by = {r.id: r for r in sr.items}
    out = []
    for i in ids:
        r = by[i]
        if r.category in ("internal_control", "financial", "compliance", "trade_security", "bonus"):
            out.append(f"({r.official_no})")
        else:
            out.append(f"{r.category}({r.official_no})")
    return out


def _std_clause(cat: Catalogue, sr: StandardResult, lang: str) -> str:
    name = _w(f"reason.{sr.id}", lang)
    if sr.passed:
        return _w("reason.passes", lang, name=name, score=sr.score)
    bits: list[str] = []
    if sr.fail_items:
        nums = _nums(sr.fail_items[:6], sr)
        more = len(sr.fail_items) - len(nums)
        # Chinese counts all the failed items ("… among 8"), English the ones not listed ("+2 more")
        tail = _w("reason.fail_more", lang, n=len(sr.fail_items) if lang == "zh" else more) if more else ""
        bits.append(_w("reason.fail_item" if len(sr.fail_items) == 1 else "reason.fail_items", lang,
                       nums=_join(nums, lang), more=tail))
    if sr.unanswered_items:
        n = len(sr.unanswered_items)
        bits.append(_w("reason.unanswered_1" if n == 1 else "reason.unanswered", lang, n=n))
    if sr.score < sr.threshold:
        bits.append(_w("reason.below", lang, score=sr.score, threshold=sr.threshold))
    rule = cat.standards[sr.id].pass_rule
    if rule.max_partial is not None and sr.partial_count > rule.max_partial:
        bits.append(_w("reason.partial_over", lang, n=sr.partial_count, max=rule.max_partial))
    return _w("reason.clause", lang, name=name, bits=_w("punct.comma", lang).join(bits))


def _reason(cat: Catalogue, tier: str, triggered: list[Trigger], standards: dict[str, StandardResult],
            provisional: bool, unknown: Collection[Trigger] = ()) -> dict[str, str]:
    out = {}
    for lang in ("zh", "en"):
        if triggered:
            titles = _join([t.title[lang] for t in triggered], lang)
            s = _w("reason.discredit", lang, titles=titles)
        else:
            parts = [_std_clause(cat, standards["advanced"], lang)]
            if not standards["advanced"].passed:
                parts.append(_std_clause(cat, standards["certified"], lang))
            s = _w("punct.semi", lang).join(parts)
        if unknown:
            titles = _join([t.title[lang] for t in unknown], lang)
            s += _w("reason.provisional_triggers", lang, titles=titles)
        elif provisional:
            s += _w("reason.provisional", lang)
        out[lang] = s
    return out


def _add_months(d: dt.date, months: int) -> dt.date:
    y, m = divmod(d.month - 1 + months, 12)
    year, month = d.year + y, m + 1
    import calendar

    day = min(d.day, calendar.monthrange(year, month)[1])
    return dt.date(year, month, day)


def _timing(cat: Catalogue, a: Assessment, facts: Facts, tier: str) -> dict[str, Any]:
    """When the application bar lifts: the latest of the dates that start it, plus its months."""
    bar = cat.scoring.application_bar
    base: dict[str, Any] = {"bar_months": bar.months, "text": text(bar.text)}
    last: dt.date | None = None
    for qid in (bar.question, *bar.also):
        try:
            d = facts[qid]
        except Skipped:
            continue
        except Unanswered as exc:
            return {**base, "may_apply_from": None, "barred": None, "known": False,
                    "last_adverse_decision": None, "missing": exc.name}
        if last is None or d > last:
            last = d
    if last is None:
        return {**base, "may_apply_from": a.assessed_on.isoformat(), "barred": False, "known": True,
                "last_adverse_decision": None}
    until = _add_months(last, bar.months)
    barred = until > a.assessed_on
    return {**base, "may_apply_from": (until if barred else a.assessed_on).isoformat(), "barred": barred,
            "known": True, "last_adverse_decision": last.isoformat()}


def _tolerance(cat: Catalogue, a: Assessment, tier: str, standards: dict[str, StandardResult],
               paths: dict[str, Path]) -> dict[str, Any] | None:
    tol = cat.scoring.tolerance
    current = a.enterprise.current_tier
    if current not in tol.eligible_current_tiers or tier_rank(tier) >= tier_rank(current):
        return None
    base = {"current_tier": current, "likely_tier": tier, "period_months": tol.period_months,
            "text": text(tol.text), "assumption": tol.assumption}
    if tier_rank(tier) < tier_rank("regular"):
        return {**base, "route": "downgrade", "items": [], "effort_days": None, "why": "discredit"}
    path = paths[current]
    sr = standards[current]
    by = {r.id: r for r in sr.items}
    blocking = [i for i in path.items if by[i].is_bonus or not by[i].item.rectifiable]
    if blocking:
        return {**base, "route": "downgrade", "items": path.items, "effort_days": path.effort_days,
                "why": "not_rectifiable", "not_rectifiable": blocking}
    if path.score is None or path.effort_days > tol.max_effort_days:
        return {**base, "route": "downgrade", "items": path.items, "effort_days": path.effort_days,
                "why": "too_much_work"}
    return {**base, "route": "tolerance", "items": path.items, "effort_days": path.effort_days, "why": "minor"}


_EVIDENCE_RANK = {"missing": 0, "to_check": 1, "held": 2, "na": 3}


def _evidence(c: _Compiled, facts: Facts, standards: dict[str, StandardResult]) -> list[tuple]:
    """Every document the audit will ask for, in one of four states, each once, linked to its items.

    ``na``: it can only exist after an event that did not happen (``applies_if`` false);
    ``held``/``missing``: the answers say so (``exists_if``), or, without such a question, the
    item's rating does (a pass means the practice the document records is in place);
    ``to_check``: the fact that decides it is not known yet. Missing documents come first, then
    those to check, held, not applicable; within a state, in catalogue order of each document's
    first item in scope.

    One row per document: ``(rank, place, zh, en, state, items, owner, category, numbers)``,
    the owner and category those of its first item in scope, the numbers the items' official ones
    (the Advanced standard's where an item has one). :attr:`Result.evidence` makes them dicts.
    """
    rating: dict[str, str] = {}
    for std in STANDARDS:  # the stricter standard's rating decides (advanced is scored first)
        for r in standards[std].items:
            if r.category != "bonus" and r.rating != "na" and r.id not in rating:
                rating[r.id] = r.rating
    rows = []
    for n, (zh, links) in enumerate(c.evidence_docs):
        if len(links) == 1:  # most documents: one item asks for them
            row = _single_row(c, n, zh, links[0], rating, facts)
        else:
            row = _shared_row(c, zh, links, rating, facts)
        if row is not None:
            rows.append(row)
    rows.sort()  # by rank, then place: (rank, place) is never the same for two rows
    return rows


def _single_row(c: _Compiled, n: int, zh: str, link: tuple, rating: dict[str, str], facts: Facts) -> tuple | None:
    """The row of document ``n``, which one item asks for; None when that item is not in scope.
    Its row depends on its state alone, so each is made once and shared from result to result."""
    place, item_id, owner, category, en, held, applies = link
    rated = rating.get(item_id)
    if rated is None:
        return None
    state = _evidence_state(facts, held, applies, rated)
    row = c.evidence_rows.get((n, state))
    if row is None:
        row = c.evidence_rows[(n, state)] = (_EVIDENCE_RANK[state], place, zh, en, state, (item_id,), owner,
                                              category, (c.numbers[item_id],))
    return row


def _shared_row(c: _Compiled, zh: str, links: tuple, rating: dict[str, str], facts: Facts) -> tuple | None:
    """The row of a document several items ask for: its state the most pressing of theirs, its place,
    owner and category those of its first item in scope; None when none is in scope."""
    rank = _EVIDENCE_RANK
    items: list[str] = []
    for place, item_id, owner, category, en, held, applies in links:
        rated = rating.get(item_id)
        if rated is None:
            continue
        state = _evidence_state(facts, held, applies, rated)
        if not items:
            head, best = (place, en, owner, category), state
        elif rank[state] < rank[best]:
            best = state
        items.append(item_id)
    if not items:
        return None
    place, en, owner, category = head
    ids = tuple(items)
    return rank[best], place, zh, en, best, ids, owner, category, tuple(map(c.numbers.__getitem__, ids))


#: a document's state from its item's rating alone (any other rating: missing)
_BY_RATING = {"pass": "held", "unanswered": "to_check"}


def _evidence_state(facts: Facts, held: Expression | None, applies: Expression | None, rating: str) -> str:
    try:
        if applies is not None and not eval(applies.code, _GLOBALS, facts):  # noqa: S307
            return "na"
        if held is not None:
            return "held" if eval(held.code, _GLOBALS, facts) else "missing"  # noqa: S307
    except Unanswered:
        return "to_check"
    except Skipped:
        return "na"
    return _BY_RATING.get(rating, "missing")


def _assumptions(cat: Catalogue, c: _Compiled, a: Assessment, tolerance: dict[str, Any] | None) -> list[dict[str, Any]]:
    """The assumptions this result relied on: the pass rules', the profile's, the items' in scope.

    Everything here depends only on the profile and on whether the tolerance route was weighed,
    so the list is built once per such key and shared (its entries are never modified)."""
    e = a.enterprise
    key = (e.type, tuple(e.specific), tolerance is not None)
    cached = c.assumptions.get(key)
    if cached is not None:
        return list(cached)
    ids: list[str] = []
    for std in STANDARDS:
        for aid in cat.standards[std].pass_rule.assumptions:
            if aid not in ids:
                ids.append(aid)
    ids.append("lookback-from-assessment")
    if e.type == "customs_broker":
        ids.append("customs-broker-general")
    if e.specific:
        ids.append("specific-both-tiers")
    for t in cat.triggers:
        if t.assumption and t.assumption not in ids:
            ids.append(t.assumption)
    ids.append("application-bar")
    if tolerance is not None:
        ids.append(cat.scoring.tolerance.assumption)
    out = []
    for aid in dict.fromkeys(ids):
        asm = cat.assumptions[aid]
        out.append({"id": aid, "text": text(asm.text), "source": asm.source})
    profile = {"enterprise_type": e.type, "specific_types": tuple(e.specific)}
    seen_items = set()
    for std in STANDARDS:
        for item in c.items_in[std]:
            if item.assumption is not None and item.id not in seen_items and _in_scope(item, profile):
                seen_items.add(item.id)
                out.append({"id": f"item:{item.id}", "text": text(item.assumption), "source": item.source})
    c.assumptions[key] = out
    return list(out)
