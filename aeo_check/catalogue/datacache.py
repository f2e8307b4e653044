"""The frozen catalogue as JSON and back: data only, so a cache entry can never run code.

The records of :mod:`.compiled` hold strings, numbers, booleans, None, lists, tuples, dicts,
one date and the rule expressions. JSON has no tuple, date or record, so each is written as a
small tagged object; a record reached twice is written once and referred to by number after
that (the frozen catalogue shares objects, and so does the decoded one):

- a record: ``{"$r": "Item", "$i": 7, <its fields>}``; again: ``{"$ref": 7}``
- a rule expression: ``{"$x": "<its source>", "$n": [<the names it reads>]}``, read back as an
  unchecked :class:`~aeo_check.catalogue.expr.Expression`: it passes the same whitelist that checks
  the catalogue's files (and must read the names stored with it) before it is first compiled, so
  a planted entry can at most hold a rule the catalogue could hold, and loading compiles nothing
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
from aeo_check.catalogue.expr import Expression

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
            return {"$x": v.source, "$n": sorted(v.names)}
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

    return json.dumps({f: enc(getattr(cat, f)) for f in FIELDS}, ensure_ascii=False, separators=(",", ":"),
                      allow_nan=False)  # what the reader parses: no NaN or Infinity


def loads(text: str | bytes, origin: str = "") -> dict[str, Any]:
    """The catalogue's fields from :func:`dumps`' text (pass them to :class:`Catalogue` with a
    ``root``); :class:`ValueError` for anything else. ``origin`` names the entry in the message of
    a rule that fails its check when first evaluated."""
    import orjson  # parses in half the time of json; the tags are then undone in one walk

    try:
        data = _Decoder(origin).value(orjson.loads(text))
    except (KeyError, TypeError, AttributeError, IndexError) as exc:
        raise ValueError(f"not a catalogue cache entry ({type(exc).__name__})") from None
    if not isinstance(data, dict) or set(data) != set(FIELDS):
        raise ValueError("not a catalogue cache entry")
    return data


class _Decoder:
    """Undoes :func:`dumps`' tags in place, depth first, as a record's fields come before its
    later references."""

    def __init__(self, origin: str) -> None:
        self.origin = origin
        self.table: dict[int, Record] = {}
        self.expressions: dict[str, Expression] = {}

    def value(self, v: Any) -> Any:
        kind = type(v)
        if kind is list:
            for i, x in enumerate(v):
                if type(x) is dict or type(x) is list:
                    v[i] = self.value(x)
            return v
        if kind is not dict:
            return v
        first = next(iter(v), "")
        if first[:1] == "$":
            return self.tagged(first, v)
        for k, x in v.items():  # values replaced, keys kept: the dict does not change size
            if type(x) is dict or type(x) is list:
                v[k] = self.value(x)
        return v

    def tagged(self, tag: str, obj: dict[str, Any]) -> Any:
        if tag == "$r":
            name, n = obj.pop("$r"), obj.pop("$i")
            try:
                made = self.table[n] = record(name, self.value(obj))
            except (KeyError, TypeError):
                raise ValueError(f"not a catalogue record: {name!r}") from None
            return made
        if tag == "$ref":
            return self.table[obj["$ref"]]
        if tag == "$x":
            return self.expression(obj["$x"], obj["$n"])
        if tag == "$t":
            return tuple(self.value(obj["$t"]))
        if tag == "$d":
            return dt.date.fromisoformat(obj["$d"])
        if tag == "$m":
            return {_hashable(k): self.value(v) for k, v in obj["$m"]}
        raise ValueError(f"unknown tag {tag!r}")

    def expression(self, source: Any, names: Any) -> Expression:
        hit = self.expressions.get(source)
        if hit is None:
            if type(source) is not str or type(names) is not list or not all(type(n) is str for n in names):
                raise ValueError("not a rule expression")
            hit = self.expressions[source] = Expression.unchecked(source, frozenset(names), self.origin)
        return hit


def _hashable(k: Any) -> Any:
    return tuple(_hashable(x) for x in k) if isinstance(k, list) else k
