"""Numbers and dates as a person writes them, and nothing else.

YAML 1.1 (what PyYAML implements) reads ``1:30`` as 90, ``0x10`` as 16, ``1_000`` as 1000 and
``yes`` as true; Python's ``int`` reads Arabic-Indic digits. None of that is what someone
filling in an answer file means. Accepted here:

- ASCII digits with an optional sign, e.g. ``-12``, ``3500000``;
- thousands separators only between groups of three: ``1,500,000`` (not ``1,5``);
- a decimal point and up to :data:`~aeo_check.files.limits.MAX_DECIMALS` decimals: ``0.85``;
- an exponent, as JSON writers produce it: ``1e3``, ``2.5E6``;
- at most :data:`~aeo_check.files.limits.MAX_INT_DIGITS` digits before the decimal point.

Dates are ``YYYY-MM-DD`` only.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

from aeo_check.files.limits import MAX_DECIMALS, MAX_INT_DIGITS

NUMBER = re.compile(r"[-+]?(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?")
DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


class NumberError(ValueError):
    """Why a text is not an acceptable number."""


def parse_number(text: str) -> Decimal:
    """The value of ``text``; :class:`NumberError` says what is wrong with it."""
    s = text.strip()
    if not NUMBER.fullmatch(s):
        if re.fullmatch(r"[-+]?[0-9,]+(?:\.[0-9]+)?", s) and "," in s:
            raise NumberError("thousands separators go between groups of three digits, e.g. 1,500,000")
        raise NumberError("write the number with the digits 0-9, e.g. 1500000 or 1,500,000 or 0.85")
    d = Decimal(s.replace(",", ""))
    return check_decimal(d)


def check_decimal(d: Decimal) -> Decimal:
    """``d`` when it is finite, under the size limit and has few enough decimals.

    Works on the digits and the exponent only (no arithmetic context), so ``1e999999999``
    is "too large", not a decimal overflow."""
    if not d.is_finite():
        raise NumberError("not a finite number")
    if d.is_zero():
        return Decimal(0)
    if d.adjusted() >= MAX_INT_DIGITS:
        raise NumberError(f"too large: at most {MAX_INT_DIGITS} digits before the decimal point")
    _, digits, exponent = d.as_tuple()
    assert isinstance(exponent, int)
    trailing = len(digits) - len("".join(map(str, digits)).rstrip("0"))
    if exponent + trailing < -MAX_DECIMALS:
        raise NumberError(f"at most {MAX_DECIMALS} decimal places")
    return d


def plain(d: Decimal) -> int | float:
    """An int when the value is whole, else a float."""
    return int(d) if d == d.to_integral_value() else float(d)


def check_python_number(x: int | float) -> int | float:
    """Bounds for a number that is already a Python int or float (from code or a prompt)."""
    if isinstance(x, float):
        if x != x or x in (float("inf"), float("-inf")):
            raise NumberError("not a finite number")
        check_decimal(Decimal(repr(x)))
        return x
    if abs(x) >= 10**MAX_INT_DIGITS:
        raise NumberError(f"too large: at most {MAX_INT_DIGITS} digits before the decimal point")
    return x


def parse_date(value: object) -> dt.date | None:
    """A date from a ``date`` object or ``YYYY-MM-DD`` text; None for anything else."""
    if isinstance(value, dt.datetime):
        return None
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and DATE.fullmatch(value.strip()):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            return None
    return None
