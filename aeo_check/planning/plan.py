"""Result → dated plan. Pure: no printing, no files; every constant comes from
``questionnaires/rules/planning.yaml`` and every date is counted in China's working days
(:mod:`.workdays`).

A plan is a list of steps, each with a start and an end date counted from the assessment date,
both inclusive (the first and the last day of the step), and one target per tier the enterprise
can aim at, with the date it can apply and the dates a decision is due. Kinds of step:

``check``       find out a fact that is unanswered or "don't know yet" (a few working days)
``work``        close a gap: working days of one owner, full time; an owner does one task at a
                time, different owners work at the same time (:mod:`.schedule`)
``records``     a new procedure must run with records before customs can verify it (calendar months)
``wait``        a past event must leave the standard's look-back window (a calendar date)
``statements``  items judged on audited statements change with the next year's audit report
``blocked``     no date can be set while the cause lasts (dissolution, bankruptcy)
``repair``      credit repair of a discredited enterprise (on application or automatic)
``apply``       preparing the dossier; then the milestones: submission, on-site verification,
                decision and latest decision
"""

from __future__ import annotations

import datetime as dt
from typing import Any, NamedTuple

from aeo_check.catalogue.compiled import Catalogue
from aeo_check.catalogue.expr import parse_last_event
from aeo_check.planning.calendar import add_months, next_on_or_after
from aeo_check.planning.recommend import recommended_tier
from aeo_check.planning.schedule import FIXED, schedule
from aeo_check.planning.step import Step, _iso
from aeo_check.planning.workdays import WorkCalendar, work_calendar
from aeo_check.scoring.result import Result, text, tier_rank
from aeo_check.words import i18n

PLAN_FORMAT = "aeo-check/plan/1"
KINDS = ("check", "work", "records", "wait", "statements", "blocked", "repair", "apply", "deadline")


class Target(NamedTuple):
    tier: str
    route: str  # apply | keep | climb | repair
    standard: str | None
    feasible: bool
    ready_on: dt.date | None
    ready_earliest: dt.date | None
    decided_by: str  # what sets ready_on: now | check | work | records | wait | statements | bar | repair | blocked
    apply_on: dt.date | None  # the submission: customs receives the application that day (assumed)
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
            "decided_by": self.decided_by, "apply_on": _iso(self.apply_on), "onsite_by": _iso(self.onsite_by),
            "decision_by": _iso(self.decision_by),
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
    limits: list[dict[str, Any]]  # the time limits of the milestones: source or assumption each
    calendar: dict[str, Any]  # years official or estimated; notes on the calendar and the assessment date
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
            "limits": self.limits,
            "calendar": self.calendar,
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


# --------------------------------------------------------------------------- building blocks

class _Builder:
    def __init__(self, cat: Catalogue, R: Result) -> None:
        self.cat = cat
        self.R = R
        self.P = cat.planning
        self.on = dt.date.fromisoformat(R.assessed_on)
        self.cal: WorkCalendar = work_calendar(cat)
        self.steps: dict[str, Step] = {}
        self.used_assumptions: list[str] = []
        self.results: dict[str, dict[str, Any]] = {}  # per standard: item id -> its result
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

    def result_of(self, item_id: str, std: str) -> Any:
        """The item's result in standard ``std`` (an index per standard, made on first use)."""
        by_id = self.results.get(std)
        if by_id is None:
            by_id = self.results[std] = {r.id: r for r in self.R.standards[std].items}
        return by_id[item_id]

    def item_title(self, item_id: str, std: str) -> dict[str, str]:
        it = self.cat.items_by_id[item_id]
        no = it.standards[std].number if std in it.standards else None
        t = text(it.title_for(std if std in it.standards else next(iter(it.standards))))
        return {"zh": t["zh"], "en": t["en"], "no": no}  # type: ignore[dict-item]

    def check_step(self, qid: str, tier: str, item_ids: list[str]) -> Step:
        self.assume(self.P.check.assumption)
        s = self.steps.get(f"check:{qid}")  # each target asks for the same checks: made once
        if s is None:
            q = self.cat.questions[qid]
            owner = self.q_owner.get(qid, self.P.check.default_owner)
            src = text(q.source) if q.source is not None else None
            s = Step(f"check:{qid}", "check", text(q.text), owner, self.on, None, days=self.P.check.days, items=[],
                     detail={"question": qid, "source": src, "dont_know": qid in self.R.dont_know})
        s = self.add(s, tier)
        for i in item_ids:
            if i not in s.items:
                s.items.append(i)
        return s

    def item_steps(self, item_id: str, std: str, tier: str) -> list[Step]:
        """The steps that close ``item_id`` in standard ``std``."""
        P = self.P
        it = self.cat.items_by_id[item_id]
        sr = self.R.standards[std]
        res = self.result_of(item_id, std)
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
            rng = (self.on, add_months(self.on, months))
        elif at_latest:
            rng = (self.on, rng[1])
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


# --------------------------------------------------------------------------- the plan

def make_plan(cat: Catalogue, R: Result, today: dt.date | None = None) -> Plan:
    """The dated plan of a result. ``today`` (default: the system date) only decides the note
    on an assessment date in the future or long past; no date of the plan depends on it."""
    b = _Builder(cat, R)
    situation, wanted = _situation(R)
    target_steps, order = _collect_steps(b, R, wanted)
    repair_info = _repair(b, R) if situation == "way_back" else None
    dossiers = _add_dossiers(b, wanted, target_steps, _date(repair_info["bar_until"]) if repair_info else None)
    schedule(b.steps, b.on, order + list(dossiers.values()), b.cal)
    if any(s.kind in ("check", "work", "apply") for s in b.steps.values()):
        b.assume(b.P.work.assumption)  # one full-time task per owner at a time, China's working days
    if repair_info is not None:  # the routes were copied before the payment steps got their dates
        repair_info["routes"] = [b.steps[r["id"]].to_dict() for r in repair_info["routes"]]
    targets = {t: _target(b, R, t, route, target_steps[t], dossiers.get(t), repair_info) for t, route in wanted}
    _annual_report(b, [t for t, _ in wanted])
    keep = _keep(b) if situation == "keep" else []
    climbs = [t for t, route in wanted if route == "climb"]
    if "advanced" in climbs and ("certified" in climbs or situation == "way_back"):
        b.assume(b.P.recommendation.assumption)  # the first page weighs one target against the other
    effort: dict[str, int] = {}
    for s in b.steps.values():
        if s.kind in ("check", "work", "apply") and s.owner:
            effort[s.owner] = effort.get(s.owner, 0) + (s.days or 0)
    steps_sorted = sorted(b.steps.values(), key=lambda s: (s.start, s.end or dt.date.max, KINDS.index(s.kind), s.id))
    recommended = recommended_tier(situation, targets, b.P.recommendation)
    next_step = _next_step(cat, b, R, situation, targets, keep, repair_info, recommended)
    limits = _limits(b, targets)
    assumptions = [{"id": aid, "text": text(cat.assumptions[aid].text), "source": cat.assumptions[aid].source}
                   for aid in b.used_assumptions]
    calendar = _calendar(b, steps_sorted, targets, today or dt.date.today())
    return Plan(b.on, situation, next_step, targets, steps_sorted, dict(sorted(effort.items())), keep, repair_info,
                assumptions, limits, calendar, recommended)


def _situation(R: Result) -> tuple[str, list[tuple[str, str]]]:
    """The enterprise's situation and the targets the plan presents, in order: (tier, route)."""
    tier = R.tier
    current = R.enterprise.get("current_tier", "regular")
    if tier_rank(tier) < tier_rank("regular"):
        return "way_back", [("regular", "repair"), ("certified", "climb"), ("advanced", "climb")]
    if tier in ("certified", "advanced") and tier_rank(current) < tier_rank(tier):
        return "apply", [(tier, "apply")] + ([("advanced", "climb")] if tier == "certified" else [])
    if tier in ("certified", "advanced") and tier == current:
        return "keep", [(tier, "keep")] + ([("advanced", "climb")] if tier == "certified" else [])
    if current in ("certified", "advanced") and tier_rank(tier) < tier_rank(current):
        return "at_risk", [(current, "climb")] + ([("advanced", "climb")] if current == "certified" else [])
    return "climb", [("certified", "climb"), ("advanced", "climb")]


def _collect_steps(b: _Builder, R: Result, wanted: list[tuple[str, str]]) -> tuple[dict[str, list[Step]], list[str]]:
    """The steps of each target, and every step id once in the order the owners take them."""
    target_steps: dict[str, list[Step]] = {}
    order: list[str] = []
    for t, route in wanted:
        steps: list[Step] = []
        if route == "climb" and t in R.paths:
            path = R.paths[t]
            for item_id in path.items:
                steps += b.item_steps(item_id, path.standard, t)  # type: ignore[arg-type]
        if route in ("climb", "apply", "keep"):
            resting = _gaps_by_fact(R.standards[t]) if t in R.standards else {}
            for qid in R.unanswered + R.dont_know:
                # a fact nobody has checked keeps every target provisional
                steps.append(b.check_step(qid, t, resting.get(qid, [])))
        target_steps[t] = steps
        order += [s.id for s in steps if s.id not in order]
    checks_first = sorted(order, key=lambda sid: not sid.startswith("check:"))  # a stable sort
    return target_steps, checks_first


def _feasible(R: Result, t: str, route: str, steps: list[Step]) -> bool:
    path = R.paths.get(t)
    return not any(s.kind == "blocked" for s in steps) and (route != "climb" or (path is not None
                                                                                 and path.score is not None))


def _add_dossiers(b: _Builder, wanted: list[tuple[str, str]], target_steps: dict[str, list[Step]],
                  bar_until: dt.date | None) -> dict[str, str]:
    """A dossier step for each target to apply for: it waits for the target's steps of the kinds
    the data names (the internal audit, every remediation and its records, every check), and when
    a wait, the next statements or a bar hold the submission longer, it is timed to be complete
    on the working day before the submission can go in (a fresh dossier)."""
    A = b.P.application
    out: dict[str, str] = {}
    for t, route in wanted:
        if route in ("keep", "repair") or not _feasible(b.R, t, route, target_steps[t]):
            continue
        b.assume(A.assumption)
        before = list(dict.fromkeys(s.id for s in target_steps[t] if s.kind in A.waits_for))
        fixed = [s for s in target_steps[t] if s.kind in FIXED]
        may_submit = _gate(b, fixed, bar_until)[2]
        prep = b.add(Step(f"apply:{t}", "apply", _both(f"plan.apply_{t}"), A.prepare_owner, b.on, None,
                          days=A.prepare_days, depends_on=before,
                          not_before=b.cal.before(may_submit, A.prepare_days)), t)
        out[t] = prep.id
    return out


def _gate(b: _Builder, steps: list[Step], bar_until: dt.date | None) -> tuple[dt.date, dt.date, dt.date, str]:
    """(ready_on, ready_earliest, first day the application may go in, what sets ready_on)."""
    cal, on = b.cal, b.on
    candidates: list[tuple[dt.date, str]] = [(on, "now")]
    earliest = [on]
    may_submit = cal.on_or_after(on)
    for s in steps:
        if s.end is not None:
            candidates.append((s.end, s.kind))
            earliest.append(s.end_earliest or s.end)
            may_submit = max(may_submit, cal.day_after(s.end))
    timing_bar = b.R.timing.get("may_apply_from")
    app_bar = dt.date.fromisoformat(timing_bar) if timing_bar else on
    if app_bar > on:  # a past failure, withdrawal, downgrade or credit repair: may apply from that day
        candidates.append((app_bar, "bar"))
        earliest.append(app_bar)
        may_submit = max(may_submit, cal.on_or_after(app_bar))
    if bar_until is not None:  # the year after a credit repair
        candidates.append((bar_until, "repair"))
        earliest.append(bar_until)
        may_submit = max(may_submit, cal.day_after(bar_until))
    ready, decided = max(candidates, key=lambda c: (c[0], _DECIDER_RANK.index(c[1])))
    return ready, max(earliest), may_submit, decided


def _target(b: _Builder, R: Result, t: str, route: str, steps: list[Step], dossier: str | None,
            repair_info: dict[str, Any] | None) -> Target:
    if route == "repair":
        return _repair_target(b, t, repair_info or {})
    cal = b.cal
    feasible = _feasible(R, t, route, steps)
    bar_until = _date(repair_info["bar_until"]) if repair_info else None
    ready, ready_earliest, may_submit, decided = _gate(b, steps, bar_until)
    work_end = max((s.end for s in steps if s.kind in ("check", "work") and s.end), default=None)
    person_days = sum(s.days or 0 for s in {s.id: s for s in steps}.values() if s.kind in ("check", "work"))
    apply_on = onsite = decision = latest = None
    if dossier is not None:
        prep = b.steps[dossier]
        person_days += prep.days or 0
        assert prep.end is not None
        apply_on = max(may_submit, cal.day_after(prep.end))
        if apply_on > may_submit:
            decided = "apply"  # the dossier, not the gaps, sets the date
        onsite, decision, latest = _milestones(b, apply_on)
        steps = steps + [prep]
    path = R.paths.get(t)
    if route == "climb" and path is not None:
        score, threshold = path.score, R.standards[t].threshold
    elif t in R.standards:
        score, threshold = R.standards[t].score, R.standards[t].threshold
    else:
        score = threshold = None
    return Target(
        tier=t, route=route, standard=t if t in R.standards else None, feasible=feasible,
        ready_on=ready if feasible else None,
        ready_earliest=ready_earliest if feasible and ready_earliest < ready else None,
        decided_by=decided if feasible else "blocked", apply_on=apply_on, onsite_by=onsite,
        decision_by=decision, decision_latest=latest, score=score, threshold=threshold,
        no_margin=score is not None and threshold is not None and score == threshold,
        provisional=any(s.kind == "check" for s in steps), person_days=person_days,
        elapsed_working_days=cal.count(cal.on_or_after(b.on), work_end) if work_end else 0,
        steps=list(dict.fromkeys(s.id for s in steps)),
    )


def _milestones(b: _Builder, submitted: dt.date) -> tuple[dt.date, dt.date, dt.date]:
    """(on-site check by, decision by, latest decision), counted from the day customs receives
    the application; a last day that is a day off moves to the next working day (Civil Code Art. 203)."""
    L = b.P.application.limits
    b.assume(b.P.application.receipt_assumption)
    received = submitted
    for lim in L.values():
        if lim.assumption:
            b.assume(lim.assumption)
    decision = received + dt.timedelta(days=L["decision"].days)
    latest = decision + dt.timedelta(days=L["extension"].days)
    onsite = received + dt.timedelta(days=L["onsite"].days)
    return b.cal.deadline(onsite), b.cal.deadline(decision), b.cal.deadline(latest)


def _repair_target(b: _Builder, t: str, rep: dict[str, Any]) -> Target:
    ready = _date(rep.get("repair_on"))
    earliest = _date(rep.get("repair_earliest")) or ready
    return Target(t, "repair", None, ready is not None, ready, None if earliest == ready else earliest, "repair",
                  None, None, None, None, None, None, False, False, 0, 0,
                  [s.id for s in b.steps.values() if s.kind == "repair"])


def _annual_report(b: _Builder, tiers: list[str]) -> Step:
    """The annual credit information report every plan carries: open from the day the filing
    opens (or the assessment date) to the next due date, moved off a day off like every legal
    period. Every target needs it (a missed report fails the abnormal-list item)."""
    A = b.P.annual_report
    b.assume(A.assumption)
    due = next_on_or_after(b.on, A.month, A.day)
    opens = max(b.on, dt.date(due.year, A.opens.month, A.opens.day))
    step = Step(f"deadline:{A.id}", "deadline", text(A.title), A.owner, opens, b.cal.deadline(due),
                detail={"text": text(A.text)})
    for t in tiers:
        b.add(step, t)
    return step


def _keep(b: _Builder) -> list[dict[str, Any]]:
    """The yearly obligations of a certified enterprise, each due on its next date (a due date
    on a day off moves to the next working day), the annual credit report among them, then the
    review cycle."""
    K, A = b.P.keep, b.P.annual_report
    b.assume(K.assumption)
    keep = [{"id": ob.id, "due": b.cal.deadline(next_on_or_after(b.on, ob.month, ob.day)).isoformat(),
             "text": text(ob.text)} for ob in [*K.obligations, A]]
    keep.sort(key=lambda k: k["due"])
    keep.append({"id": "review", "due": None, "every_years": K.review_years, "text": text(K.review_text)})
    return keep


def _limits(b: _Builder, targets: dict[str, Target]) -> list[dict[str, Any]]:
    """The time limits the plan's milestones use, each with its source or its assumption."""
    if not any(tg.apply_on for tg in targets.values()):
        return []
    return [{"id": k, "days": lim.days, "from": lim.from_, "source": text(lim.source) if lim.source else None,
             "assumption": lim.assumption}
            for k, lim in b.P.application.limits.items()]


def _calendar(b: _Builder, steps: list[Step], targets: dict[str, Target], today: dt.date) -> dict[str, Any]:
    """Which years of China's calendar the plan's dates fall in, official or estimated by rule,
    and the notes a reader needs: an estimated year, an assessment date in the future or long past."""
    dates = [d for s in steps for d in (s.start, s.end) if d is not None]
    dates += [d for tg in targets.values() for d in (tg.apply_on, tg.onsite_by, tg.decision_by, tg.decision_latest)
              if d is not None]
    years = sorted({d.year for d in dates} | {b.on.year})
    N = b.P.notes
    notes = [{"id": "estimated_year", "year": y, "text": _fill(N.estimated_year, year=y)}
             for y in b.cal.estimated_years(dates)]
    age = (today - b.on).days
    if age < 0:
        notes.append({"id": "future", "text": _fill(N.future, date=b.on.isoformat())})
    elif age > N.stale_days:
        notes.append({"id": "stale", "text": _fill(N.stale, date=b.on.isoformat(), days=age)})
    return {"years": {str(y): b.cal.status(y) for y in years}, "notes": notes,
            "sources": text(b.cat.calendar.sources["rules"]) if b.cat.calendar else None}


def _fill(t: Any, **kw: Any) -> dict[str, str]:
    return {lang: t.get(lang).format(**kw) for lang in ("zh", "en")}


def _date(iso: str | None) -> dt.date | None:
    return dt.date.fromisoformat(iso) if iso else None


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
    """The plan's first sentence, in both languages: what to do next and by when, for the
    situation (and, when climbing, the recommended target)."""
    first = next(iter(targets.values()), None)
    if situation == "climb" and recommended in targets:
        first = targets[recommended]
    out = {}
    for lang in ("zh", "en"):
        W = {key: text.get(lang) for key, text in cat.planning.next_step.items()}
        tier = cat.label("tiers", first.tier).get(lang) if first else ""
        if situation == "way_back" and repair is not None:
            out[lang] = _way_back_text(W, repair, lang)
        elif situation == "keep":
            out[lang] = _keep_text(W, keep[0] if keep else None, tier, lang)
        elif situation == "apply" and first is not None:
            key = "apply_later" if first.decided_by == "bar" else "apply"
            out[lang] = W[key].format(tier=tier, date=_fmt_date(first.apply_on, lang),
                                      decision=_fmt_date(first.decision_by, lang))
        elif first is not None:
            s = _climb_text(W, first, tier, lang)
            out[lang] = W["at_risk"].format(tier=tier, what=s) if situation == "at_risk" else s
        else:
            out[lang] = ""
    return out


def _way_back_text(W: dict[str, str], repair: dict[str, Any], lang: str) -> str:
    d = dt.date.fromisoformat(repair["repair_on"]) if repair["repair_on"] else None
    bar = dt.date.fromisoformat(repair["bar_until"]) if repair["bar_until"] else None
    return W["way_back"].format(date=_fmt_date(d, lang), bar=_fmt_date(bar, lang))


def _keep_text(W: dict[str, str], nxt: dict[str, Any] | None, tier: str, lang: str) -> str:
    """Keeping the tier: the next obligation that falls due."""
    date = _fmt_date(dt.date.fromisoformat(nxt["due"]), lang) if nxt and nxt["due"] else "—"
    what = nxt["text"][lang].rstrip(i18n.t("punct.full_stop", lang)) if nxt else ""
    return W["keep"].format(tier=tier, date=date, what=what)


def _climb_text(W: dict[str, str], first: Target, tier: str, lang: str) -> str:
    """Climbing: blocked, facts to find out first, or the work to do before applying."""
    if not first.feasible:
        return W["climb_blocked"].format(tier=tier)
    checks = [sid for sid in first.steps if sid.startswith("check:")]
    if checks:
        return W["climb_checks"].format(n=len(checks), tier=tier, date=_fmt_date(first.apply_on, lang))
    n = len([sid for sid in first.steps if not sid.startswith(("apply:", "records:"))])
    return W["climb"].format(n=n, tier=tier, date=_fmt_date(first.apply_on, lang),
                             decision=_fmt_date(first.decision_by, lang))
