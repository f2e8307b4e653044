"""Amounts of money as people type them: 150000, 150,000, 2800万, 3亿元, 1.2亿, 28 million.

Scientific notation (1e9) is refused: a person who types it has not checked the zeros. Amounts are
echoed back in full and in 万元/亿元 (or millions) so a miscounted zero shows before moving on.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal, InvalidOperation

from aeo_check.words.i18n import t

# Input syntax, not interface words: the units and currency marks people type in amounts.
# longest first, so 千万 is not read as 万
_UNITS: tuple[tuple[str, int], ...] = (
    ("千万元", 10**7), ("千万", 10**7), ("百万元", 10**6), ("百万", 10**6),
    ("亿元", 10**8), ("亿", 10**8), ("万元", 10**4), ("万", 10**4), ("千元", 10**3),
    ("billion", 10**9), ("million", 10**6), ("thousand", 10**3),
    ("bn", 10**9), ("mn", 10**6), ("m", 10**6), ("k", 10**3), ("元", 1),
)
_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)$")
_EXPONENT = re.compile(r"\d\s*[eE]\s*[+-]?\s*\d|^[+-]?[eE]|inf|nan", re.I)
_PREFIXES = ("人民币", "rmb", "cny", "¥", "￥")  # input syntax: currency marks typed before an amount
#: amounts written with 万 and 亿, as the prompts show them (input syntax for their examples)
TYPED_EXAMPLES = {"wan": "2800万", "yi": "3亿"}


class AmountError(ValueError):
    """Why a text is not an amount: ``kind`` is 'exponent' or 'format'."""

    def __init__(self, kind: str) -> None:
        super().__init__(kind)
        self.kind = kind


def normalise(text: str) -> str:
    """Full-width digits and punctuation made plain, separators and spaces removed."""
    s = unicodedata.normalize("NFKC", text).strip().lower()
    for sep in (",", "，", "_", " ", "\u3000", "'"):  # input syntax: separators typed between digits
        s = s.replace(sep, "")
    return s


def parse_number(text: str) -> Decimal:
    """A plain number (no units); refuses exponents."""
    s = normalise(text)
    if _EXPONENT.search(s):
        raise AmountError("exponent")
    if not _NUMBER.match(s):
        raise AmountError("format")
    return Decimal(s)


def parse_amount(text: str) -> int | float:
    """An amount in yuan: ``"2800万"`` → 28000000, ``"1.5亿元"`` → 150000000, ``"-3.2万"`` → -32000."""
    s = normalise(text)
    if _EXPONENT.search(s):
        raise AmountError("exponent")
    for p in _PREFIXES:
        if s.startswith(p):
            s = s[len(p):]
    sign = ""
    if s[:1] in "+-":
        sign, s = s[0], s[1:]
        for p in _PREFIXES:
            if s.startswith(p):
                s = s[len(p):]
    mult = 1
    for unit, m in _UNITS:
        if s.endswith(unit) and len(s) > len(unit):
            s, mult = s[: -len(unit)], m
            if unit not in ("元",) and s.endswith("元"):  # input syntax: 万元 is one unit, 万 then 元 is not
                raise AmountError("format")
            break
    if not _NUMBER.match(s):
        raise AmountError("format")
    try:
        value = Decimal(sign + s) * mult
    except InvalidOperation:  # pragma: no cover - the pattern admits only numbers
        raise AmountError("format") from None
    value = value.quantize(Decimal("0.01")) if value != value.to_integral_value() else value
    return int(value) if value == value.to_integral_value() else float(value)


def _short(x: Decimal) -> str:
    s = f"{x:.4f}".rstrip("0").rstrip(".")
    whole, _, frac = s.partition(".")
    whole = f"{int(whole):,}" if whole.lstrip("-").isdigit() else whole
    return whole + ("." + frac if frac else "")


def format_amount(value: float, lang: str) -> str:
    """28000000 → "28,000,000 元（2,800万元）" / "CNY 28,000,000 (28 million)"."""
    v = Decimal(str(value))
    full = f"{v:,.2f}".removesuffix(".00")
    mag = abs(v)
    large, small = (10**8, 10**4) if lang == "zh" else (10**9, 10**6)  # each language's own steps: 亿/万, billion/million
    if mag >= large:
        extra = t("amount.in_large", lang, n=_short(v / large))
    elif mag >= small:
        extra = t("amount.in_small", lang, n=_short(v / small))
    else:
        extra = ""
    return t("amount.full", lang, n=full) + extra
