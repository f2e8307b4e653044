"""JSON output: deterministic (same input, same bytes), UTF-8, no ASCII escapes.

:func:`document_bytes` is the one encoder of an assessment document (``score --format json|jsonl``,
result files; :attr:`Document.data`, which views read, is its output read back; :func:`document_json`
is the same as text); :func:`problems_json` is the record of a file that could not be read, with its
problems, in the same stream; :func:`dumps` is the indented JSON of the other commands.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import TYPE_CHECKING, Any

import orjson

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


def _inert(text: str) -> str:
    """JSON text with the characters above written as ``\\u`` escapes."""
    return _RAW.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def dumps(obj: Any) -> str:
    return _inert(json.dumps(obj, ensure_ascii=False, indent=2, default=_default, allow_nan=False))


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
# ``score --format json|jsonl`` writes one compact line per file, as UTF-8 bytes made by orjson
# (the same JSON as ``json.dumps(…, ensure_ascii=False, separators=(",", ":"))``, but for the
# spelling of floats under 1e-4: ``1e-6``, not ``1e-06``). Most of a result's bytes are catalogue
# text (gap titles, remediation, evidence, assumptions) that is the same for every file, so it is
# encoded once and reused; only what the answers decide is encoded per file
# (tests/document/test_encode.py holds the result to ``Result.to_dict``).

_ITEMS: dict[tuple, bytes] = {}
_GAP_TAIL: dict[tuple, tuple[bytes, bytes]] = {}
_BONUS: dict[tuple, bytes] = {}
_FACTS: dict[Any, bytes] = {}
_EVIDENCE_ENTRY: dict[tuple, bytes] = {}
_PLAIN = frozenset((str, int, bool, type(None), dt.date))
_ASSUMPTIONS: dict[tuple, tuple[list, bytes]] = {}
_CACHE_MAX = 50_000  # bounds memory whatever the catalogue


def _enc(obj: Any) -> bytes:
    """Compact JSON of ``obj``. Its strings hold no lone surrogate (orjson refuses one): every
    text of a result was checked when read, and the one that was not, the file name, is written
    by :func:`_file_name`."""
    return orjson.dumps(obj, default=_default, option=orjson.OPT_NON_STR_KEYS)


def _id(v: Any) -> str:
    """An id of the catalogue (``[a-z0-9_-]``, no quoting needed) or None, as JSON."""
    return "null" if v is None else f'"{v}"'


def _inner(d: dict[str, Any]) -> bytes:
    """A mapping's members without the braces (``"a":1,"b":2``)."""
    return _enc(d)[1:-1]


def _remember(cache: dict, key: Any, value: Any) -> Any:
    if len(cache) >= _CACHE_MAX:
        cache.clear()
    cache[key] = value
    return value


def _file_name(file: str) -> bytes:
    """The file name as a JSON string: its C1 and bidi characters and undecodable bytes (lone
    surrogates) as ``\\u`` escapes; it is the one string of a document no checker has seen."""
    return _inert(json.dumps(file, ensure_ascii=False)).encode()


def _item_json(r: Any) -> bytes:
    key = (r.id, r.standard, r.rating, r.points, r.deemed)
    hit = _ITEMS.get(key)
    if hit is None:
        hit = _remember(_ITEMS, key, _enc({"id": r.id, "official_no": r.official_no, "category": r.category,
                                           "rating": r.rating, "points": r.points, "deemed": r.deemed}))
    return hit


def _gap_json(g: Any) -> bytes:
    r = g.result
    key = (r.id, r.standard)
    parts = _GAP_TAIL.get(key)
    if parts is None:
        from aeo_check.scoring.result import text

        it = r.item
        middle = b"," + _inner({"title": text(it.title_for(r.standard)),
                                "requirement": text(it.requirement_for(r.standard))}) + b',"why":'
        end = b"," + _inner({"remediation": [text(s) for s in it.remediation],
                             "evidence": [text(e) for e in it.evidence], "audit_methods": list(it.audit_methods),
                             "effort_days": it.effort_days, "owner": it.owner, "rectifiable": it.rectifiable}) + b"}"
        parts = _remember(_GAP_TAIL, key, (middle, end))
    head = (f'{{"id":"{r.id}","official_no":{r.official_no},"category":"{r.category}","rating":"{r.rating}",'
            f'"points":{r.points},"points_lost":{r.points_lost},"blocker":{"true" if g.blocker else "false"},'
            f'"deemed":{_id(r.deemed)},"missing":{_id(r.missing)}').encode()
    return b"".join((head, parts[0], b"[", b",".join(map(_fact_json, g.facts)), b"]", parts[1]))


def _fact_json(f: Any) -> bytes:
    """One fact (question, value, state) as JSON: the same few recur file after file."""
    t = type(f.value)
    if t not in _PLAIN:  # floats (0.0 and -0.0 are equal keys), lists (a multiple choice)
        return _enc(f.to_dict())
    key = (f, t)  # the type too: 1 and True are equal keys
    hit = _FACTS.get(key)
    if hit is None:
        hit = _remember(_FACTS, key, _enc(f.to_dict()))
    return hit


def _answers_json(answers: dict[str, Any]) -> bytes:
    """The answers as read; a float as the result writes it (rounded, infinity as a string)."""
    if any(type(v) is float for v in answers.values()):
        from aeo_check.scoring.result import _jsonable

        return _enc({k: _jsonable(v) for k, v in answers.items()})
    return _enc(answers)  # dates as their day, as isoformat writes it


def _bonus_json(r: Any) -> bytes:
    key = (r.id, r.standard, r.rating)
    hit = _BONUS.get(key)
    if hit is None:
        from aeo_check.scoring.result import text

        hit = _remember(_BONUS, key, _enc({"id": r.id, "official_no": r.official_no,
                                           "title": text(r.item.title_for(r.standard)),
                                           "effort_days": r.item.effort_days, "rating": r.rating}))
    return hit


def _standard_json(sr: Any) -> bytes:
    head = _enc({
        "passed": sr.passed, "score": sr.score, "threshold": sr.threshold, "base": sr.base,
        "item_points": sr.item_points, "bonus_points": sr.bonus_points, "bonus_cap": sr.bonus_cap,
        "points_short": sr.points_short, "fail_items": sr.fail_items, "unanswered_items": sr.unanswered_items,
        "partial_count": sr.partial_count, "categories": {k: v.to_dict() for k, v in sr.categories.items()},
    })[:-1]
    return b"".join((head, b',"items":[', b",".join(map(_item_json, sr.items)), b"]",
                     b',"not_applicable":', _enc([r.id for r in sr.items if r.rating == "na"]),
                     b',"gaps":[', b",".join(map(_gap_json, sr.gaps)), b"]",
                     b',"bonus_open":[', b",".join(map(_bonus_json, sr.bonus_open)), b"]}"))


def _evidence_json(row: tuple) -> bytes:
    # the whole entry remembered: the same documents come in the same states with the same items
    hit = _EVIDENCE_ENTRY.get(row)
    if hit is None:
        from aeo_check.scoring.result import evidence_entry

        hit = _remember(_EVIDENCE_ENTRY, row, _enc(evidence_entry(row)))
    return hit


def _assumptions_json(entries: list[dict[str, Any]]) -> bytes:
    key = tuple(map(id, entries))
    hit = _ASSUMPTIONS.get(key)
    if hit is None:
        hit = _remember(_ASSUMPTIONS, key, (list(entries), _enc(entries)))  # keeps the entries (and ids) alive
    return hit[1]


def result_json(res: Any, file: str, extra: dict[str, Any] | None = None) -> bytes:
    """One scored file as one line of compact JSON (``score --format json|jsonl``): the file name,
    then :meth:`Result.to_dict`'s members, then ``extra`` (e.g. a plan made from the result)."""
    from aeo_check.scoring.result import RESULT_FORMAT, _jsonable

    head = {
        "format": RESULT_FORMAT, "standard": res.catalogue, "assessed_on": res.assessed_on,
        "language": res.language, "enterprise": res.enterprise, "tier": res.tier, "reason": res.reason,
        "provisional": res.provisional, "unanswered": res.unanswered, "skipped": res.skipped,
        "dont_know": res.dont_know, "discredit": [t.to_dict() for t in res.triggers],
        "unknown_triggers": [{"id": t.id, "tier": t.tier, "title": t.title} for t in res.unknown_triggers],
        "floor_tier": res.floor_tier,
    }
    middle = {"paths": {k: v.to_dict() for k, v in res.paths.items()}, "timing": res.timing,
              "tolerance": res.tolerance}
    tail = {"notes": res.notes, "derived": {k: _jsonable(v) for k, v in res.derived.items()}}
    # one join: a chain of + would copy the growing document (~100 KB) once per piece
    return b"".join((
        b'{"file":', _file_name(file), b",", _inner(head),
        b',"standards":{', b",".join(_enc(k) + b":" + _standard_json(v) for k, v in res.standards.items()), b"},",
        _inner(middle), b',"answers":', _answers_json(res.answers), b",", _inner(tail),
        b',"evidence":[', b",".join(map(_evidence_json, res.evidence_rows)), b"]",
        b',"assumptions":', _assumptions_json(res.assumptions),
        b"," + _inner(extra) if extra else b"", b"}"))


def plan_json(plan: Any) -> bytes:
    """A dated plan as compact JSON: the ``plan`` member of :func:`document_json`, byte for byte
    (both are the one encoder on ``plan.to_dict()``)."""
    return _enc(plan.to_dict())


def document_bytes(doc: Any, file: str | None = None) -> bytes:
    """One assessment document as one line of compact JSON, in UTF-8: the result, its dated plan,
    the facts every surface shows, and the tool that made it (``score`` writes these bytes)."""
    return result_json(doc.result, doc.file if file is None else file, {
        "plan": doc.plan.to_dict(), "facts": doc.facts.to_dict(),
        "tool": {"name": "aeo-check", "version": doc.tool_version}})


def document_json(doc: Any, file: str | None = None) -> str:
    """:func:`document_bytes` as text."""
    return document_bytes(doc, file).decode()


def problems_json(file: str, problems: list[Any]) -> str:
    """A file that is not a valid answer file, as a record of the same stream: its problems (its
    name and the problems' texts may hold any character, so the standard library writes it)."""
    from aeo_check.scoring.result import RESULT_FORMAT

    rows = [p.as_dict() for p in problems]
    record = {"file": file, "format": RESULT_FORMAT, "valid": False, "problems": rows}
    text = json.dumps(record, ensure_ascii=False, separators=(",", ":"), default=_default, allow_nan=False)
    return _inert(text)
