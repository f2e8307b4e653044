"""A better answer never scores worse; a path's gaps, closed, reach its tier.

"Better" is what each question's ``favourable`` says: the favourable yes/no answer, a higher or lower
number, a choice nearer the top of its list (choices are listed best first), more boxes ticked.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from factory import ASSESSED_ON, NEUTRAL, answer_all, best_value, enterprise
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from aeo_check.catalogue import get_catalogue
from aeo_check.catalogue.models import SPECIFIC_TYPES
from aeo_check.scoring.engine import score
from aeo_check.scoring.result import tier_rank

BANDS = ["never", "over_24m", "m12_24", "within_12m"]  # best first

CAT = get_catalogue()
QUESTIONS = list(CAT.questions.values())
VARIED = [q for q in QUESTIONS if q.favourable not in (None, "neutral")]
SETTINGS = settings(max_examples=40, deadline=None, derandomize=True,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def _number(q, draw) -> Any:
    lo = int(q.min) if q.min is not None else -50_000_000
    hi = int(q.max) if q.max is not None else 200_000_000
    # small values matter as much as large ones: counts near thresholds, ratios near 1
    return draw(st.one_of(st.integers(lo, min(hi, lo + 12)), st.integers(lo, hi)))


def value_strategy(q):
    @st.composite
    def draw_value(draw):
        if q.id in NEUTRAL:
            return NEUTRAL[q.id]
        if q.type == "yes_no":
            return draw(st.booleans())
        if q.type == "choice":
            return draw(st.sampled_from([c.value for c in CAT.choices_of(q)]))
        if q.type == "multi":
            values = [c.value for c in CAT.choices_of(q)]
            return [v for v in values if draw(st.booleans())]
        if q.type in ("integer", "number", "money", "percent"):
            return _number(q, draw)
        if q.type == "last_event":
            return draw(st.one_of(st.sampled_from(BANDS),
                                  st.dates(ASSESSED_ON - dt.timedelta(days=1200), ASSESSED_ON)))
        return best_value(CAT, q)
    return draw_value()


@st.composite
def base_answers(draw):
    etype = draw(st.sampled_from(["importer_exporter", "customs_broker"]))
    specific = [t for t in SPECIFIC_TYPES if draw(st.booleans())]
    ent = enterprise(type=etype, specific=specific, production=draw(st.booleans()))
    values = {q.id: draw(value_strategy(q)) for q in QUESTIONS}
    return ent, values


def better(q, v, draw) -> Any:
    f = q.favourable
    if q.type == "yes_no":
        return f
    if f == "best_first":
        values = [c.value for c in CAT.choices_of(q)]
        return values[draw(st.integers(0, values.index(v)))]
    if f == "more":
        values = [c.value for c in CAT.choices_of(q)]
        return [x for x in values if x in v or draw(st.booleans())]
    if f == "older":  # never is best; then longer ago
        if isinstance(v, dt.date):
            return draw(st.one_of(st.just("never"), st.dates(v - dt.timedelta(days=900), v)))
        return BANDS[draw(st.integers(0, BANDS.index(v)))]
    step = draw(st.integers(1, 10_000_000))
    if f == "higher":
        return v + step if q.max is None else min(q.max, v + step)
    if f == "lower":
        return v - step if q.min is None else max(int(q.min), v - step)
    raise AssertionError(f"unexpected favourable {f!r} on {q.id}")


def _score(ent, values):
    return score(CAT, answer_all(CAT, ent, value=lambda cat, q: values[q.id]))


@SETTINGS
@given(data=st.data(), base=base_answers())
def test_a_better_answer_never_scores_worse(data, base):
    ent, values = base
    q = data.draw(st.sampled_from(VARIED))
    improved = dict(values)
    improved[q.id] = better(q, values[q.id], data.draw)
    before, after = _score(ent, values), _score(ent, improved)
    for std in ("advanced", "certified"):
        b, a = before.standards[std], after.standards[std]
        assert a.score >= b.score, (q.id, values[q.id], improved[q.id], std, b.score, a.score)
        assert a.passed or not b.passed, (q.id, values[q.id], improved[q.id], std)
    assert tier_rank(after.tier) >= tier_rank(before.tier), (q.id, values[q.id], improved[q.id])


@SETTINGS
@given(base=base_answers())
def test_closing_a_paths_gaps_reaches_its_tier(base):
    ent, values = base
    a = answer_all(CAT, ent, value=lambda cat, q: values[q.id])
    r = score(CAT, a)
    for path in r.paths.values():
        if path.score is None or path.standard is None:
            continue
        closed = score(CAT, a, closed={path.standard: path.items, "discredit": path.triggers})
        assert closed.standards[path.standard].passed, (path.tier, path.items)
        assert tier_rank(closed.tier) >= tier_rank(path.tier)
