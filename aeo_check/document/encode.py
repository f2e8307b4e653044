"""JSON output: deterministic (same input, same bytes), UTF-8, no ASCII escapes.

:func:`document_json` is the one encoder of an assessment document (``score --format json|jsonl``,
result files; :attr:`Document.data`, which views read, is its output read back); :func:`problems_json`
is the record of a file that could not be read, with its problems, in the same stream.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import TYPE_CHECKING, Any

from aeo_check.catalogue.compiled import Catalogue

if TYPE_CHECKING:  # pragma: no cover - annotations only
    from aeo_check.catalogue.models import Item


def _default(o: Any) -> Any:
    if isinstance(o, (dt.date, dt.datetime)):
        return o.isoformat()
    if isinstance(o, (set, frozenset, tuple)):
        return list(o)
    raise TypeError(f"not JSON serialisable: {type(o).__name__}")


# JSON escapes C0 controls itself; these it would write raw with ensure_ascii=False: C1 (8-bit CSI
# is \x9b), bidirectional overrides, and lone surrogates (undecodable bytes of a file name)
_RAW = re.compile("[\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def dumps(obj: Any) -> str:
    text = json.dumps(obj, ensure_ascii=False, indent=2, default=_default, allow_nan=False)
    return _RAW.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def item_dict(cat: Catalogue, item: Item) -> dict[str, Any]:
    """One item whole, as ``standards show --format json`` prints it."""
    from aeo_check.scoring.result import text

    d: dict[str, Any] = {
        "id": item.id,
        "category": item.specific or item.category,
        "clause": {"number": item.clause.number, "title": text(item.clause.title)},
        "title": text(item.title),
        "requirement": text(item.requirement),
        "options": list(item.options),
        "standards": {},
        "questions": [
            {"id": q, "text": text(cat.questions[q].text), "type": cat.questions[q].type}
            for q in item.questions
        ],
        "rule": {name: e.source for name, e in item.rule.expressions()},
        "applies_to": list(item.applies_to),
        "evidence": [{"zh": e.zh, "en": e.en} for e in item.evidence],
        "audit_methods": list(item.audit_methods),
        "remediation": [text(s) for s in item.remediation],
        "effort_days": item.effort_days,
        "owner": item.owner,
        "rectifiable": item.rectifiable,
        "assumption": text(item.assumption) if item.assumption else None,
        "source": item.source,
    }
    for sid, use in item.standards.items():
        d["standards"][sid] = {
            "official_no": use.number,
            "params": dict(use.params),
            "title": text(item.title_for(sid)),
            "requirement": text(item.requirement_for(sid)),
            "options": item.options_for(sid),
            "rule": {name: e.source for name, e in item.rule_for(sid).expressions()},
        }
    return d



# --------------------------------------------------------------------------- one result, fast
#
# ``score --format json|jsonl`` writes one compact line per file. Most of a result's bytes are
# catalogue text (gap titles, remediation, evidence, assumptions) that is the same for every
# file, so it is encoded once and reused; only what the answers decide is encoded per file.
# The output is byte for byte ``json.dumps({"file": …, **result.to_dict()}, ensure_ascii=False,
# separators=(",", ":"))`` (tests/runs/test_batch.py holds the two together).

_ITEMS: dict[tuple, str] = {}
_GAP_TAIL: dict[tuple, str] = {}
_BONUS: dict[tuple, str] = {}
_FACTS: dict[Any, str] = {}
_ANSWERS: dict[tuple, str] = {}
_EVIDENCE_ENTRY: dict[tuple, str] = {}
_PLAIN = frozenset((str, int, bool, type(None), dt.date))
_ASSUMPTIONS: dict[tuple, tuple[list, str]] = {}
_CACHE_MAX = 50_000  # bounds memory whatever the catalogue


def _make_encoder():  # noqa: ANN202
    """json.dumps(…, ensure_ascii=False, separators=(",", ":")) without building an encoder per call."""
    from json import encoder as E

    if E.c_make_encoder is not None:
        c = E.c_make_encoder(None, _default, E.encode_basestring, None, ":", ",", False, False, False)
        return lambda obj: "".join(c(obj, 0))
    return json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), default=_default, allow_nan=False).encode


_enc = _make_encoder()


def _id(v: Any) -> str:
    """An id of the catalogue (``[a-z0-9_-]``, no quoting needed) or None, as JSON."""
    return "null" if v is None else f'"{v}"'


def _inner(d: dict[str, Any]) -> str:
    """A mapping's members without the braces (``"a":1,"b":2``)."""
    return _enc(d)[1:-1]


def _remember(cache: dict, key: Any, value: Any) -> Any:
    if len(cache) >= _CACHE_MAX:
        cache.clear()
    cache[key] = value
    return value


def _item_json(r: Any) -> str:
    key = (r.id, r.standard, r.rating, r.points, r.deemed)
    hit = _ITEMS.get(key)
    if hit is None:
        hit = _remember(_ITEMS, key, _enc({"id": r.id, "official_no": r.official_no, "category": r.category,
                                           "rating": r.rating, "points": r.points, "deemed": r.deemed}))
    return hit


def _gap_json(g: Any) -> str:
    r = g.result
    key = (r.id, r.standard)
    parts = _GAP_TAIL.get(key)
    if parts is None:
        from aeo_check.scoring.result import text

        it = r.item
        middle = "," + _inner({"title": text(it.title_for(r.standard)),
                               "requirement": text(it.requirement_for(r.standard))}) + ',"why":'
        end = "," + _inner({"remediation": [text(s) for s in it.remediation],
                            "evidence": [text(e) for e in it.evidence], "audit_methods": list(it.audit_methods),
                            "effort_days": it.effort_days, "owner": it.owner, "rectifiable": it.rectifiable}) + "}"
        parts = _remember(_GAP_TAIL, key, (middle, end))
    head = (f'{{"id":"{r.id}","official_no":{r.official_no},"category":"{r.category}","rating":"{r.rating}",'
            f'"points":{r.points},"points_lost":{r.points_lost},"blocker":{"true" if g.blocker else "false"},'
            f'"deemed":{_id(r.deemed)},"missing":{_id(r.missing)}')
    return "".join((head, parts[0], "[", ",".join(map(_fact_json, g.facts)), "]", parts[1]))


def _fact_json(f: Any) -> str:
    """One fact (question, value, state) as JSON: the same few recur file after file."""
    t = type(f.value)
    if t not in _PLAIN:  # floats (0.0 and -0.0 are equal keys), lists (a multiple choice)
        return _enc(f.to_dict())
    key = (f, t)  # the type too: 1 and True are equal keys
    hit = _FACTS.get(key)
    if hit is None:
        hit = _remember(_FACTS, key, _enc(f.to_dict()))
    return hit


def _answer_json(qid: str, value: Any) -> str:
    """One answer as a member (``"qid":value``): the same answers recur file after file."""
    t = type(value)
    if t not in _PLAIN:  # floats (rounded; 0.0 and -0.0 are equal keys), lists (a multiple choice)
        return _member(qid, value)
    key = (qid, t, value)  # the type too: 1 and True are equal keys
    hit = _ANSWERS.get(key)
    if hit is None:
        hit = _remember(_ANSWERS, key, _member(qid, value))
    return hit


def _member(qid: str, value: Any) -> str:
    from aeo_check.scoring.result import _jsonable

    return f"{_enc(qid)}:{_enc(_jsonable(value))}"


def _bonus_json(r: Any) -> str:
    key = (r.id, r.standard, r.rating)
    hit = _BONUS.get(key)
    if hit is None:
        from aeo_check.scoring.result import text

        hit = _remember(_BONUS, key, _enc({"id": r.id, "official_no": r.official_no,
                                           "title": text(r.item.title_for(r.standard)),
                                           "effort_days": r.item.effort_days, "rating": r.rating}))
    return hit


def _standard_json(sr: Any) -> str:
    head = _enc({
        "passed": sr.passed, "score": sr.score, "threshold": sr.threshold, "base": sr.base,
        "item_points": sr.item_points, "bonus_points": sr.bonus_points, "bonus_cap": sr.bonus_cap,
        "points_short": sr.points_short, "fail_items": sr.fail_items, "unanswered_items": sr.unanswered_items,
        "partial_count": sr.partial_count, "categories": {k: v.to_dict() for k, v in sr.categories.items()},
    })[:-1]
    return "".join((head, ',"items":[', ",".join(map(_item_json, sr.items)), "]",
                    ',"not_applicable":', _enc([r.id for r in sr.items if r.rating == "na"]),
                    ',"gaps":[', ",".join(map(_gap_json, sr.gaps)), "]",
                    ',"bonus_open":[', ",".join(map(_bonus_json, sr.bonus_open)), "]}"))


def _evidence_json(row: tuple) -> str:
    # the whole entry remembered: the same documents come in the same states with the same items
    key = row[2:]  # zh, en, state, items, owner, category, numbers (rank and place only order)
    hit = _EVIDENCE_ENTRY.get(key)
    if hit is None:
        from aeo_check.scoring.result import evidence_entry

        hit = _remember(_EVIDENCE_ENTRY, key, _enc(evidence_entry(row)))
    return hit


def _assumptions_json(entries: list[dict[str, Any]]) -> str:
    key = tuple(map(id, entries))
    hit = _ASSUMPTIONS.get(key)
    if hit is None:
        hit = _remember(_ASSUMPTIONS, key, (list(entries), _enc(entries)))  # keeps the entries (and ids) alive
    return hit[1]


def result_json(res: Any, file: str, extra: dict[str, Any] | None = None) -> str:
    """One scored file as one line of compact JSON (``score --format json|jsonl``): the file name,
    then :meth:`Result.to_dict`'s members, then ``extra`` (e.g. a plan made from the result)."""
    from aeo_check.scoring.result import RESULT_FORMAT, _jsonable

    d = {
        "file": file, "format": RESULT_FORMAT, "standard": res.catalogue, "assessed_on": res.assessed_on,
        "language": res.language, "enterprise": res.enterprise, "tier": res.tier, "reason": res.reason,
        "provisional": res.provisional, "unanswered": res.unanswered, "skipped": res.skipped,
        "dont_know": res.dont_know, "discredit": [t.to_dict() for t in res.triggers],
        "unknown_triggers": [{"id": t.id, "tier": t.tier, "title": t.title} for t in res.unknown_triggers],
        "floor_tier": res.floor_tier,
    }
    middle = {"paths": {k: v.to_dict() for k, v in res.paths.items()}, "timing": res.timing,
              "tolerance": res.tolerance}
    tail = {"notes": res.notes, "derived": {k: _jsonable(v) for k, v in res.derived.items()}}
    # the file name is the one string here no checker has seen: its C1 and bidi characters and
    # undecodable bytes are written as \u escapes (answer texts cannot hold them)
    # one join: a chain of + would copy the growing document (~100 KB) once per piece
    return "".join((
        _RAW.sub(lambda m: f"\\u{ord(m.group()):04x}", _enc(d)[:-1]),
        ',"standards":{', ",".join(f"{_enc(k)}:{_standard_json(v)}" for k, v in res.standards.items()), "},",
        _inner(middle), ',"answers":{', ",".join(_answer_json(k, v) for k, v in res.answers.items()), "},",
        _inner(tail),
        ',"evidence":[', ",".join(map(_evidence_json, res.evidence_rows)), "]",
        ',"assumptions":', _assumptions_json(res.assumptions),
        "," + _inner(extra) if extra else "", "}"))


def plan_json(plan: Any) -> str:
    """A dated plan as compact JSON: the ``plan`` member of :func:`document_json`, byte for byte
    (both are the one encoder on ``plan.to_dict()``)."""
    return _enc(plan.to_dict())


def document_json(doc: Any, file: str | None = None) -> str:
    """One assessment document as one line of compact JSON: the result, its dated plan, the
    facts every surface shows, and the tool that made it."""
    return result_json(doc.result, doc.file if file is None else file, {
        "plan": doc.plan.to_dict(), "facts": doc.facts.to_dict(),
        "tool": {"name": "aeo-check", "version": doc.tool_version}})


def problems_json(file: str, problems: list[Any]) -> str:
    """A file that is not a valid answer file, as a record of the same stream: its problems."""
    from aeo_check.scoring.result import RESULT_FORMAT

    rows = [p.as_dict() for p in problems]
    record = {"file": file, "format": RESULT_FORMAT, "valid": False, "problems": rows}
    return _RAW.sub(lambda m: f"\\u{ord(m.group()):04x}", _enc(record))
