"""The frozen catalogue as JSON and back: data only, so a cache entry can never run code.

The records of :mod:`.compiled` hold strings, numbers, booleans, None, lists, tuples, dicts,
one date and the rule expressions. JSON has no tuple, date or record, so each is written as a
small tagged object; a record reached twice is written once and referred to by number after
that (the frozen catalogue shares objects, and so does the decoded one):

- a record: ``{"$r": "Item", "$i": 7, <its fields>}``; again: ``{"$ref": 7}``
- a rule expression: ``{"$x": "<its source>"}``, checked and compiled again on reading by
  :func:`~aeo_check.catalogue.expr.compile_expression`, the same whitelist that checks the
  catalogue's files (so a planted entry can at most hold a rule the catalogue could hold)
- a tuple ``{"$t": [...]}``, a date ``{"$d": "2026-01-01"}``, a mapping whose keys are not
  all plain strings ``{"$m": [[key, value], ...]}``

Decoding makes only the record classes named in :data:`~.compiled.RECORDS`; any other tag or
shape is :class:`ValueError`, and the cache then rebuilds the catalogue from source.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from aeo_check.catalogue.compiled import Catalogue, Record, record
from aeo_check.catalogue.expr import Expression, compile_expression

#: the catalogue's fields stored in an entry (``root`` is where it was loaded from; ``cache``
#: holds structures built at run time)
FIELDS = tuple(f for f in Catalogue.__dataclass_fields__ if f not in ("root", "cache"))


def dumps(cat: Catalogue) -> str:
    """The catalogue's records as one JSON text; :class:`TypeError` for anything it cannot hold."""
    seen: dict[int, int] = {}

    def enc(v: Any) -> Any:
        if v is None or type(v) in (str, int, float, bool):
            return v
        if isinstance(v, Record):
            n = seen.get(id(v))
            if n is not None:
                return {"$ref": n}
            n = seen[id(v)] = len(seen)
            return {"$r": type(v).__name__, "$i": n, **{k: enc(x) for k, x in v.__dict__.items()}}
        if isinstance(v, Expression):
            return {"$x": v.source}
        if type(v) is list:
            return [enc(x) for x in v]
        if type(v) is tuple:
            return {"$t": [enc(x) for x in v]}
        if type(v) is dict:
            if all(type(k) is str and not k.startswith("$") for k in v):
                return {k: enc(x) for k, x in v.items()}
            return {"$m": [[enc(k), enc(x)] for k, x in v.items()]}
        if type(v) is dt.date:
            return {"$d": v.isoformat()}
        raise TypeError(f"a {type(v).__name__} cannot be stored in the catalogue cache")

    return json.dumps({f: enc(getattr(cat, f)) for f in FIELDS}, ensure_ascii=False, separators=(",", ":"))


def loads(text: str | bytes) -> dict[str, Any]:
    """The catalogue's fields from :func:`dumps`' text (pass them to :class:`Catalogue` with a
    ``root``); :class:`ValueError` for anything else."""
    table: dict[int, Record] = {}
    expressions: dict[str, Expression] = {}

    def hook(obj: dict[str, Any]) -> Any:
        if not obj or not next(iter(obj)).startswith("$"):
            return obj
        if "$r" in obj:
            fields = dict(obj)
            name, n = fields.pop("$r"), fields.pop("$i")
            try:
                made = table[n] = record(name, fields)
            except (KeyError, TypeError):
                raise ValueError(f"not a catalogue record: {name!r}") from None
            return made
        if "$ref" in obj:
            return table[obj["$ref"]]
        if "$x" in obj:
            source = obj["$x"]
            hit = expressions.get(source)
            if hit is None:
                hit = expressions[source] = compile_expression(source)
            return hit
        if "$t" in obj:
            return tuple(obj["$t"])
        if "$d" in obj:
            return dt.date.fromisoformat(obj["$d"])
        if "$m" in obj:
            return {_hashable(k): v for k, v in obj["$m"]}
        raise ValueError(f"unknown tag {next(iter(obj))!r}")

    try:
        data = json.loads(text, object_hook=hook)
    except (KeyError, TypeError, AttributeError) as exc:
        raise ValueError(f"not a catalogue cache entry ({type(exc).__name__})") from None
    if not isinstance(data, dict) or set(data) != set(FIELDS):
        raise ValueError("not a catalogue cache entry")
    return data


def _hashable(k: Any) -> Any:
    return tuple(_hashable(x) for x in k) if isinstance(k, list) else k
