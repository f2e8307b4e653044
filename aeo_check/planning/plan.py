"""Result → dated plan. Pure: no printing, no files; every constant comes from
``questionnaires/rules/planning.yaml``.

A plan is a list of steps, each with a start and an end date counted from the assessment date,
and one target per tier the enterprise can aim at, with the date it can apply and the date a
decision can be expected. Kinds of step:

``check``       find out a fact that is unanswered or "don't know yet" (a few days)
``work``        close a gap: person-days of one owner; an owner's tasks run one after another,
                different owners at the same time, so elapsed time is the longest owner's chain
``records``     a new procedure must run with records before customs can verify it
``wait``        a past event must leave the standard's look-back window
``statements``  items judged on audited statements change with the next year's audit report
``blocked``     no date can be set while the cause lasts (dissolution, bankruptcy)
``repair``      credit repair of a discredited enterprise (on application or automatic)
``apply``       preparing and submitting the application; then the milestones acceptance,
                on-site verification and decision
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from aeo_check.catalogue.compiled import Catalogue
from aeo_check.catalogue.expr import parse_last_event
from aeo_check.planning.calendar import (
    add_months,
    add_working_days,
    next_on_or_after,
    sub_working_days,
    working_days_between,
)
from aeo_check.planning.recommend import recommended_tier
from aeo_check.scoring.result import Result, text, tier_rank
from aeo_check.words import i18n

PLAN_FORMAT = "aeo-check/plan/1"
KINDS = ("check", "work", "records", "wait", "statements", "blocked", "repair", "apply")


@dataclass(slots=True)
class Step:
    id: str
    kind: str
    title: dict[str, str]
    owner: str | None
    start: dt.date
    end: dt.date | None  # None: no date can be set
    end_earliest: dt.date | None = None  # only a range is known: between end_earliest and end
    days: int | None = None  # person-days (check, work, apply)
    items: list[str] = field(default_factory=list)
    depends_on: list[str] = field(default_factory=list)
    tiers: list[str] = field(default_factory=list)
    detail: dict[str, Any] | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id, "kind": self.kind, "title": self.title, "owner": self.owner,
            "start": self.start.isoformat(), "end": _iso(self.end), "end_earliest": _iso(self.end_earliest),
            "days": self.days, "items": list(self.items), "depends_on": list(self.depends_on),
            "tiers": list(self.tiers), "detail": self.detail,
        }


class Target(NamedTuple):
    tier: str
    route: str  # apply | keep | climb | repair
    standard: str | None
    feasible: bool
    ready_on: dt.date | None
    ready_earliest: dt.date | None
    decided_by: str  # what sets ready_on: now | check | work | records | wait | statements | bar | repair | blocked
    apply_on: dt.date | None
    accepted_by: dt.date | None
    onsite_by: dt.date | None
    decision_by: dt.date | None
    decision_latest: dt.date | None
    score: int | None
    threshold: int | None
    no_margin: bool
    provisional: bool
    person_days: int
    elapsed_working_days: int
    steps: list[str]

    def to_dict(self) -> dict[str, Any]:
        return {
            "tier": self.tier, "route": self.route, "standard": self.standard, "feasible": self.feasible,
            "ready_on": _iso(self.ready_on), "ready_earliest": _iso(self.ready_earliest),
            "decided_by": self.decided_by, "apply_on": _iso(self.apply_on), "accepted_by": _iso(self.accepted_by),
            "onsite_by": _iso(self.onsite_by), "decision_by": _iso(self.decision_by),
            "decision_latest": _iso(self.decision_latest), "score": self.score, "threshold": self.threshold,
            "no_margin": self.no_margin, "provisional": self.provisional, "person_days": self.person_days,
            "elapsed_working_days": self.elapsed_working_days, "steps": list(self.steps),
        }


class Plan(NamedTuple):
    assessed_on: dt.date
    situation: str  # apply | keep | climb | way_back | at_risk
    next_step: dict[str, str]
    targets: dict[str, Target]
    steps: list[Step]
    effort_by_owner: dict[str, int]
    keep: list[dict[str, Any]]
    repair: dict[str, Any] | None
    assumptions: list[dict[str, Any]]
    #: the target the reader is pointed to (:mod:`.recommend`): its dates are the plan's next step
    recommended: str | None = None

    @property
    def main_target(self) -> Target | None:
        for t in self.targets.values():
            return t
        return None

    def to_dict(self) -> dict[str, Any]:
        return {
            "format": PLAN_FORMAT,
            "assessed_on": self.assessed_on.isoformat(),
            "situation": self.situation,
            "next_step": self.next_step,
            "targets": {k: t.to_dict() for k, t in self.targets.items()},
            "steps": [s.to_dict() for s in self.steps],
            "effort_by_owner": dict(self.effort_by_owner),
            "keep": self.keep,
            "repair": self.repair,
            "assumptions": self.assumptions,
            "recommended": self.recommended,
        }


def _gaps_by_fact(sr: Any) -> dict[str, list[str]]:
    """The gaps of a standard's result resting on each fact: fact id -> item ids, in gap order."""
    out: dict[str, list[str]] = {}
    for g in sr.gaps:
        for f in g.facts:
            ids = out.setdefault(f.id, [])
            if not ids or ids[-1] != g.result.id:  # a gap names a fact once in the list
                ids.append(g.result.id)
    return out


def _iso(d: dt.date | None) -> str | None:
    return d.isoformat() if d is not None else None


# --------------------------------------------------------------------------- building blocks

class _Builder:
    def __init__(self, cat: Catalogue, R: Result) -> None:
        self.cat = cat
        self.R = R
        self.P = cat.planning
        self.on = dt.date.fromisoformat(R.assessed_on)
        self.steps: dict[str, Step] = {}
        self.used_assumptions: list[str] = []
        # which owner finds out each question (the owner of the first item that asks it)
        q_owner = cat.cache.get("plan:q_owner")
        if q_owner is None:
            q_owner = {}
            for item in cat.items:
                for q in item.questions:
                    q_owner.setdefault(q, item.owner)
            cat.cache["plan:q_owner"] = q_owner
        self.q_owner: dict[str, str] = q_owner

    def assume(self, aid: str) -> None:
        if aid not in self.used_assumptions:
            self.used_assumptions.append(aid)

    # ---- facts -------------------------------------------------------------
    def answer(self, qid: str) -> Any:
        return self.R.answers.get(qid)

    def event_range(self, qid: str | None, months: int) -> tuple[dt.date, dt.date] | None:
        """(earliest, latest) day the event behind ``qid`` is ``months`` old; None if unknown."""
        if qid is None:
            return None
        v = self.answer(qid)
        if v is None:
            return None
        ev = parse_last_event(v, self.on)
        if ev == "never":
            return None
        if v and isinstance(v, str) and len(v) == 7:
            self.assume("event-month-end")
        return ev.window_ends(months)

    # ---- steps -------------------------------------------------------------
    def add(self, step: Step, tier: str) -> Step:
        have = self.steps.get(step.id)
        if have is None:
            self.steps[step.id] = have = step
        if tier not in have.tiers:
            have.tiers.append(tier)
        return have

    def item_title(self, item_id: str, std: str) -> dict[str, str]:
        it = self.cat.items_by_id[item_id]
        no = it.standards[std].number if std in it.standards else None
        t = text(it.title_for(std if std in it.standards else next(iter(it.standards))))
        return {"zh": t["zh"], "en": t["en"], "no": no}  # type: ignore[dict-item]

    def check_step(self, qid: str, tier: str, item_ids: list[str]) -> Step:
        q = self.cat.questions[qid]
        owner = self.q_owner.get(qid, self.P.check.default_owner)
        self.assume(self.P.check.assumption)
        src = text(q.source) if q.source is not None else None
        s = self.add(Step(f"check:{qid}", "check", text(q.text), owner, self.on, None, days=self.P.check.days,
                          items=[], detail={"question": qid, "source": src,
                                            "dont_know": qid in self.R.dont_know}), tier)
        for i in item_ids:
            if i not in s.items:
                s.items.append(i)
        return s

    def item_steps(self, item_id: str, std: str, tier: str) -> list[Step]:
        """The steps that close ``item_id`` in standard ``std``."""
        P = self.P
        it = self.cat.items_by_id[item_id]
        sr = self.R.standards[std]
        res = next(r for r in sr.items if r.id == item_id)
        title = self.item_title(item_id, std)
        if res.rating == "unanswered":
            gaps = {g.result.id: g for g in sr.gaps}
            g = gaps.get(item_id)
            missing = [f.id for f in g.facts if f.state in ("unanswered", "dont_know") and f.kind == "question"] \
                if g is not None else [res.missing]
            return [self.check_step(q, tier, [item_id]) for q in (missing or [res.missing]) if q]
        if item_id in P.waits.blocked:
            return [self.add(Step(f"blocked:{item_id}", "blocked", title, it.owner, self.on, None, items=[item_id],
                                  detail={"why": text(P.waits.blocked[item_id])}), tier)]
        if item_id in P.statements.items:
            return [self.statements_step(item_id, std, tier, title)]
        wait = self.wait_window(item_id, std)
        if wait is not None or not it.rectifiable:
            return [self.wait_step(item_id, std, tier, title, wait)]
        work = self.add(Step(f"work:{item_id}", "work", title, it.owner, self.on, None, days=it.effort_days,
                             items=[item_id]), tier)
        out = [work]
        months = P.records.months.get(item_id)
        if months:
            self.assume(P.records.assumption)
            out.append(self.add(Step(f"records:{item_id}", "records", title, it.owner, self.on, None,
                                     items=[item_id], depends_on=[work.id], detail={"months": months}), tier))
        return out

    def wait_window(self, item_id: str, std: str) -> tuple[str | None, int] | None:
        """(event question, window months) for items that only time clears."""
        it = self.cat.items_by_id[item_id]
        entry = self.P.waits.items.get(item_id)
        if entry is not None:
            return entry.event, entry.months
        return self._window_from_rule(it, std)

    def _window_from_rule(self, it: Any, std: str) -> tuple[str | None, int] | None:
        if it.rectifiable:
            return None
        params = it.standards[std].params
        months = params.get("window_months", params.get("months"))
        events = [q for q in it.questions if q in self.cat.questions and self.cat.questions[q].type == "last_event"]
        if isinstance(months, int) and events:
            return events[0], months
        return None

    def wait_step(self, item_id: str, std: str, tier: str, title: dict[str, str],
                  wait: tuple[str | None, int] | None) -> Step:
        event, months = wait if wait is not None else (None, 12)
        rng = self.event_range(event, months)
        entry = self.P.waits.items.get(item_id)
        at_latest = bool(entry and entry.at_latest)
        if rng is None:
            # no date: every event counted today leaves the window one window from now at the latest
            self.assume(self.P.waits.assumption)
            rng = (add_working_days(self.on, 1), add_months(self.on, months))
        elif at_latest:
            rng = (add_working_days(self.on, 1), rng[1])
        lo, hi = rng
        lo = max(lo, self.on)
        hi = max(hi, self.on)
        exact = lo == hi
        std_name = text(self.cat.standards[std].title)
        title = {lang: i18n.t("plan.wait_title", lang, title=title[lang], standard=std_name[lang])
                 for lang in ("zh", "en")}
        return self.add(Step(f"wait:{item_id}:{std}", "wait", title, None, self.on, hi,
                             end_earliest=None if exact else lo, items=[item_id],
                             detail={"event": event, "months": months,
                                     "event_value": _plain(self.answer(event)) if event else None}), tier)

    def statements_date(self) -> dt.date:
        st = self.P.statements
        year_end = next_on_or_after(self.on, st.year_end.month, st.year_end.day)
        return next_on_or_after(year_end, st.audit_report_by.month, st.audit_report_by.day)

    def statements_step(self, item_id: str, std: str, tier: str, title: dict[str, str]) -> Step:
        self.assume(self.P.statements.assumption)
        it = self.cat.items_by_id[item_id]
        detail: dict[str, Any] = {"year_end": next_on_or_after(self.on, self.P.statements.year_end.month,
                                                              self.P.statements.year_end.day).isoformat()}
        targets = self.statement_targets(item_id, std)
        if targets is not None:
            detail["indicators"] = targets
        return self.add(Step(f"statements:{item_id}:{std}", "statements", title, it.owner, self.on,
                             self.statements_date(), items=[item_id], detail=detail), tier)

    def statement_targets(self, item_id: str, std: str) -> list[dict[str, Any]] | None:
        spec = self.P.statement_targets.get(item_id)
        it = self.cat.items_by_id[item_id]
        if spec is None or std not in it.standards:
            return None
        params = it.standards[std].params
        production = bool(self.R.enterprise.get("production"))
        out = []
        for ind in spec.indicators:
            num, den = self.answer(ind.numerator), self.answer(ind.denominator)
            if not isinstance(num, (int, float)) or not isinstance(den, (int, float)):
                return None
            if ind.at_most is not None:
                key = ind.at_most if production or ind.at_most_other is None else ind.at_most_other
                pct = float(params[key])
                limit = pct / 100 * den
                met = num * 100 <= pct * den
                change = 0.0 if met else limit - num  # negative: the numerator must fall by this much
                out.append({"id": ind.id, "figure": text(ind.figure), "numerator": ind.numerator,
                            "denominator": ind.denominator, "value": _ratio(num, den), "at_most": pct / 100, "met": met,
                            "change": round(change, 2), "target": round(limit, 2)})
            else:
                pct = float(params[ind.at_least])  # type: ignore[index]
                limit = pct / 100 * den
                met = num * 100 >= pct * den
                change = 0.0 if met else limit - num
                out.append({"id": ind.id, "figure": text(ind.figure), "numerator": ind.numerator,
                            "denominator": ind.denominator, "value": _ratio(num, den), "at_least": pct / 100, "met": met,
                            "change": round(change, 2), "target": round(limit, 2)})
        met = sum(1 for o in out if o["met"])
        # the cheapest indicators to bring over the line, relative to the figure that moves
        short = sorted((o for o in out if not o["met"]),
                       key=lambda o: abs(o["change"]) / max(abs(self.answer(o["numerator"]) or 0), 1.0))
        for o in short[: max(0, spec.need - met)]:
            o["suggested"] = True
        return out


def _ratio(a: float, b: float) -> float | None:
    if b == 0:
        return None
    return round(a / b, 4)


def _plain(v: Any) -> Any:
    return v.isoformat() if isinstance(v, dt.date) else v


# --------------------------------------------------------------------------- scheduling

_OWNER_ORDER = ("check", "work")


def schedule(steps: dict[str, Step], on: dt.date, order: list[str]) -> dict[str, dt.date]:
    """Give every step its dates, counted from ``on``. Check and work steps queue per owner
    (checks first, then work in the order given): one owner's tasks run one after another,
    different owners' at the same time. Records follow their work; waits, statements and repairs
    have fixed dates. Returns each owner's last working day."""
    cursor: dict[str, dt.date] = {}
    queue = [s for s in steps.values() if s.kind == "check"]
    rank = {sid: i for i, sid in enumerate(order)}
    queue += sorted((s for s in steps.values() if s.kind == "work"),
                    key=lambda s: (rank.get(s.id, len(rank)), s.days or 0, s.id))
    for s in queue:
        owner = s.owner or "customs_affairs"
        start = cursor.get(owner, on)
        s.start = start
        s.end = add_working_days(start, s.days or 0)
        cursor[owner] = s.end
    for s in steps.values():
        if s.kind == "records":
            work = steps[s.depends_on[0]]
            s.start = work.end  # type: ignore[assignment]
            s.end = add_months(work.end, s.detail["months"])  # type: ignore[arg-type,index]
    return cursor


# --------------------------------------------------------------------------- the plan


def make_plan(cat: Catalogue, R: Result) -> Plan:
    b = _Builder(cat, R)
    P = cat.planning
    on = b.on
    tier = R.tier
    current = R.enterprise.get("current_tier", "regular")

    # which targets, in the order the plan presents them ----------------------------------
    wanted: list[tuple[str, str]] = []  # (tier, route)
    if tier_rank(tier) < tier_rank("regular"):
        situation = "way_back"
        wanted = [("regular", "repair"), ("certified", "climb"), ("advanced", "climb")]
    elif tier in ("certified", "advanced") and tier_rank(current) < tier_rank(tier):
        situation = "apply"
        wanted = [(tier, "apply")] + ([("advanced", "climb")] if tier == "certified" else [])
    elif tier in ("certified", "advanced") and tier == current:
        situation = "keep"
        wanted = [(tier, "keep")] + ([("advanced", "climb")] if tier == "certified" else [])
    elif current in ("certified", "advanced") and tier_rank(tier) < tier_rank(current):
        situation = "at_risk"
        wanted = [(current, "climb")] + ([("advanced", "climb")] if current == "certified" else [])
    else:
        situation = "climb"
        wanted = [("certified", "climb"), ("advanced", "climb")]

    # steps per target -------------------------------------------------------------------
    target_steps: dict[str, list[Step]] = {}
    order: list[str] = []
    for t, route in wanted:
        steps: list[Step] = []
        if route in ("climb",) and t in R.paths:
            path = R.paths[t]
            for item_id in path.items:
                steps += b.item_steps(item_id, path.standard, t)  # type: ignore[arg-type]
        if route in ("climb", "apply", "keep"):
            resting = _gaps_by_fact(R.standards[t]) if t in R.standards else {}
            for qid in R.unanswered + R.dont_know:
                # a fact nobody has checked keeps every target provisional
                steps.append(b.check_step(qid, t, resting.get(qid, [])))
        target_steps[t] = steps
        for s in steps:
            if s.id not in order:
                order.append(s.id)
    # the way back: credit repair ------------------------------------------------------------
    repair_info: dict[str, Any] | None = None
    bar_until: dt.date | None = None
    if situation == "way_back":
        repair_info = _repair(b, R)
        bar_until = dt.date.fromisoformat(repair_info["bar_until"]) if repair_info["bar_until"] else None

    schedule(b.steps, on, order)
    if repair_info is not None:  # the routes were copied before the payment steps got their dates
        repair_info["routes"] = [b.steps[r["id"]].to_dict() for r in repair_info["routes"]]

    # application bar (a past failure, withdrawal, downgrade or credit repair)
    timing_bar = R.timing.get("may_apply_from")
    app_bar = dt.date.fromisoformat(timing_bar) if timing_bar else on

    # targets ---------------------------------------------------------------------------------
    targets: dict[str, Target] = {}
    A = P.application
    for t, route in wanted:
        steps = target_steps[t]
        std = t if t in R.standards else None
        if route == "repair":
            rep = repair_info or {}
            ready = dt.date.fromisoformat(rep["repair_on"]) if rep.get("repair_on") else None
            earliest = dt.date.fromisoformat(rep["repair_earliest"]) if rep.get("repair_earliest") else ready
            if earliest == ready:
                earliest = None
            targets[t] = Target(t, route, None, ready is not None, ready, earliest, "repair", None, None, None,
                                None, None, None, None, False, False, 0, 0,
                                [s.id for s in b.steps.values() if s.kind == "repair"])
            continue
        path = R.paths.get(t)
        feasible = not any(s.kind == "blocked" for s in steps) and (route != "climb" or (path is not None
                                                                                          and path.score is not None))
        candidates: list[tuple[dt.date, str]] = [(on, "now")]
        earliest_candidates: list[dt.date] = [on]
        for s in steps:
            if s.end is None:
                continue
            candidates.append((s.end, s.kind))
            earliest_candidates.append(s.end_earliest or s.end)
        if app_bar > on:
            candidates.append((app_bar, "bar"))
            earliest_candidates.append(app_bar)
        if bar_until is not None:
            candidates.append((bar_until, "repair"))
            earliest_candidates.append(bar_until)
        ready, decided = max(candidates, key=lambda c: (c[0], _DECIDER_RANK.index(c[1])))
        ready_earliest = max(earliest_candidates)
        provisional = any(s.kind == "check" for s in steps)
        person_days = sum(s.days or 0 for s in {s.id: s for s in steps}.values() if s.kind in ("check", "work"))
        work_end = max((s.end for s in steps if s.kind in ("check", "work") and s.end), default=on)
        apply_on = accepted = onsite = decision = latest = None
        if feasible and route != "keep":
            b.assume(A.assumption)
            ca_free = max((s.end for s in steps if s.kind in ("check", "work") and s.owner == A.prepare_owner
                           and s.end), default=on)
            apply_on = max(ready, add_working_days(ca_free, A.prepare_days))
            if apply_on > ready:
                decided = "apply"  # the dossier, not the gaps, sets the date
            prep = b.add(Step(f"apply:{t}", "apply", _both(f"plan.apply_{t}"), A.prepare_owner,
                              sub_working_days(apply_on, A.prepare_days), apply_on, days=A.prepare_days,
                              depends_on=[s.id for s in steps]), t)
            person_days += prep.days or 0
            accepted = add_working_days(apply_on, A.acceptance_days)
            onsite = apply_on + dt.timedelta(days=A.onsite_after_days)
            decision = apply_on + dt.timedelta(days=A.decision_days)
            latest = decision + dt.timedelta(days=A.extension_days)
            steps = steps + [prep]
        if route == "climb" and path is not None:
            score, threshold = path.score, R.standards[t].threshold
        elif std is not None:
            score, threshold = R.standards[t].score, R.standards[t].threshold
        else:
            score = threshold = None
        targets[t] = Target(
            tier=t, route=route, standard=std, feasible=feasible,
            ready_on=ready if feasible else None, ready_earliest=ready_earliest if feasible and ready_earliest < ready else None,
            decided_by=decided if feasible else "blocked", apply_on=apply_on, accepted_by=accepted, onsite_by=onsite,
            decision_by=decision, decision_latest=latest, score=score, threshold=threshold,
            no_margin=score is not None and threshold is not None and score == threshold,
            provisional=provisional, person_days=person_days,
            elapsed_working_days=working_days_between(on, work_end), steps=list(dict.fromkeys(s.id for s in steps)),
        )

    # keeping a tier ------------------------------------------------------------------------
    keep: list[dict[str, Any]] = []
    if situation == "keep":
        b.assume(P.keep.assumption)
        for ob in P.keep.obligations:
            keep.append({"id": ob.id, "due": next_on_or_after(on, ob.month, ob.day).isoformat(),
                         "text": text(ob.text)})
        keep.sort(key=lambda k: k["due"])
        keep.append({"id": "review", "due": None, "every_years": P.keep.review_years, "text": text(P.keep.review_text)})

    climbs = [t for t, route in wanted if route == "climb"]
    if "advanced" in climbs and ("certified" in climbs or situation == "way_back"):
        b.assume(P.recommendation.assumption)  # the first page weighs one target against the other

    effort: dict[str, int] = {}
    for s in b.steps.values():
        if s.kind in ("check", "work", "apply") and s.owner:
            effort[s.owner] = effort.get(s.owner, 0) + (s.days or 0)

    steps_sorted = sorted(b.steps.values(), key=lambda s: (s.start, s.end or dt.date.max, KINDS.index(s.kind), s.id))
    recommended = recommended_tier(situation, targets, P.recommendation)
    next_step = _next_step(cat, b, R, situation, targets, keep, repair_info, recommended)
    assumptions = []
    for aid in b.used_assumptions:
        a = cat.assumptions[aid]
        assumptions.append({"id": aid, "text": text(a.text), "source": a.source})
    return Plan(
        on,
        situation,
        next_step,
        targets,
        steps_sorted,
        dict(sorted(effort.items())),
        keep,
        repair_info,
        assumptions,
        recommended,
    )


_DECIDER_RANK = ("now", "check", "work", "apply", "records", "statements", "wait", "bar", "repair")


def _both(key: str, **kw: Any) -> dict[str, str]:
    """A step title in both languages, from the plan group of aeo_check.words.lexicon."""
    return {lang: i18n.t(key, lang, **kw) for lang in ("zh", "en")}


def _repair(b: _Builder, R: Result) -> dict[str, Any]:
    """Credit repair for each discredit ground: on application where a route exists, else
    automatically after the clean period; then the bar on applying for certification."""
    P = b.P.repair
    b.assume(P.assumption)
    designated = b.answer(P.designation_question)
    out = []
    repair_on: dt.date | None = None
    repair_earliest: dt.date | None = None
    for t in R.triggers:
        route = _route_of(P, t.id, b.answer(P.ground_question) if P.ground_question else None)
        lo = hi = None
        if route.event:
            rng = b.event_range(route.event, 0)
            if rng is not None:
                lo, hi = rng
        if lo is None and isinstance(designated, dt.date):
            lo = hi = designated
        if lo is None:
            lo = hi = b.on  # not designated yet, or no date given: count from the assessment
        by_application = (
            (add_months(lo, route.apply_months), add_months(hi, route.apply_months))
            if route.apply_months is not None
            else None
        )
        automatic = (add_months(lo, P.automatic_months), add_months(hi, P.automatic_months))
        when = by_application or automatic
        if by_application and route.ground_unknown:
            when = (by_application[0], automatic[1])
        when = (max(when[0], b.on), max(when[1], b.on))
        step = b.add(Step(f"repair:{t.id}", "repair", t.title, "legal", b.on, when[1],
                          end_earliest=when[0] if when[0] != when[1] else None,
                          detail={"trigger": t.id, "route": "application" if by_application else "automatic",
                                  "apply_months": route.apply_months, "automatic_months": P.automatic_months,
                                  "needs_payment": route.needs_payment, "counted_from": lo.isoformat(),
                                  "repair": t.repair}), "regular")
        if route.needs_payment:
            # the amount must be paid before repair can be applied for: finance, at once
            b.add(Step(f"work:pay:{t.id}", "work", {lang: i18n.t("plan.pay", lang, title=t.title[lang]) for lang in ("zh", "en")},
                       "finance", b.on, None, days=P.payment_days, items=[]), "regular")
        out.append(step.to_dict())
        repair_on = when[1] if repair_on is None else max(repair_on, when[1])
        repair_earliest = when[0] if repair_earliest is None else max(repair_earliest, when[0])
    bar_until = add_months(repair_on, P.bar_months) if repair_on else None
    return {"routes": out, "repair_on": _iso(repair_on), "repair_earliest": _iso(repair_earliest),
            "bar_months": P.bar_months, "bar_until": _iso(bar_until)}


def _route_of(P: Any, trigger: str, ground: Any) -> Any:
    """The repair route of a discredit ground; a designation already made takes the route of the
    ground it was made on (its waiting period counted from the designation) when that is known."""
    route = P.triggers[trigger]
    by_ground = P.grounds.get(ground) if route.ground_unknown and isinstance(ground, str) else None
    if by_ground is None:
        return route
    own = P.triggers[by_ground]
    return _Route(own.apply_months, route.event, own.needs_payment, False)


class _Route(NamedTuple):
    apply_months: int | None
    event: str | None
    needs_payment: bool
    ground_unknown: bool


def _fmt_date(d: dt.date | None, lang: str) -> str:
    if d is None:
        return "—"
    return i18n.t("date", lang, y=d.year, m=d.month, d=d.day)


def _next_step(
    cat: Catalogue,
    b: _Builder,
    R: Result,
    situation: str,
    targets: dict[str, Target],
    keep: list[dict[str, Any]],
    repair: dict[str, Any] | None,
    recommended: str | None,
) -> dict[str, str]:
    W = cat.planning.next_step
    out = {}
    first = next(iter(targets.values()), None)
    if situation == "climb" and recommended in targets:
        first = targets[recommended]
    for lang in ("zh", "en"):
        tier_name = cat.label("tiers", first.tier).get(lang) if first else ""
        if situation == "way_back" and repair is not None:
            d = dt.date.fromisoformat(repair["repair_on"]) if repair["repair_on"] else None
            bar = dt.date.fromisoformat(repair["bar_until"]) if repair["bar_until"] else None
            s = W["way_back"].get(lang).format(date=_fmt_date(d, lang), bar=_fmt_date(bar, lang))
        elif situation == "keep":
            nxt = keep[0] if keep else None
            s = (
                W["keep"]
                .get(lang)
                .format(
                    tier=tier_name,
                    date=_fmt_date(dt.date.fromisoformat(nxt["due"]), lang) if nxt and nxt["due"] else "—",
                    what=nxt["text"][lang].rstrip(i18n.t("punct.full_stop", lang)) if nxt else "",
                )
            )
        elif situation == "apply" and first is not None:
            key = "apply_later" if first.decided_by == "bar" else "apply"
            s = (
                W[key]
                .get(lang)
                .format(
                    tier=tier_name, date=_fmt_date(first.apply_on, lang), decision=_fmt_date(first.decision_by, lang)
                )
            )
        elif first is not None:
            checks = [sid for sid in first.steps if sid.startswith("check:")]
            if not first.feasible:
                s = W["climb_blocked"].get(lang).format(tier=tier_name)
            elif checks:
                s = (
                    W["climb_checks"]
                    .get(lang)
                    .format(n=len(checks), tier=tier_name, date=_fmt_date(first.apply_on, lang))
                )
            else:
                n = len([sid for sid in first.steps if not sid.startswith(("apply:", "records:"))])
                s = (
                    W["climb"]
                    .get(lang)
                    .format(
                        n=n,
                        tier=tier_name,
                        date=_fmt_date(first.apply_on, lang),
                        decision=_fmt_date(first.decision_by, lang),
                    )
                )
            if situation == "at_risk":
                s = W["at_risk"].get(lang).format(tier=tier_name, what=s)
        else:
            s = ""
        out[lang] = s
    return out
