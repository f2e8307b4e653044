"""Rule expressions used by the catalogue.

Rules in ``questionnaires/`` are short boolean or arithmetic expressions over
question ids, derived values and per-standard parameters, e.g.::

    largest_fine_12m <= max_fine or largest_fine_12m <= trade_value_prev_year * 0.0001

An expression is parsed once with :mod:`ast`, checked against a small whitelist
of node types and functions (no attribute access, no subscripts, no lambdas, no
comprehensions), and compiled to a code object. Evaluating it is then a plain
``eval`` with an empty ``__builtins__`` and a namespace that raises
:class:`Unanswered` or :class:`Skipped` for facts the enterprise has not given.
A hand-written checker is used instead of a general-purpose evaluator because the
scorer evaluates a few hundred expressions per answer file and must stay fast.
"""

from __future__ import annotations

import ast
import calendar
import datetime as _dt
import math
from collections.abc import Callable, Mapping
from types import CodeType
from typing import Any, NamedTuple


class ExpressionError(ValueError):
    """An expression in the catalogue is malformed or uses something not allowed."""


class Unanswered(Exception):
    """A fact needed by a rule has not been answered yet."""

    def __init__(self, name: str) -> None:
        super().__init__(name)
        self.name = name


class Skipped(Exception):
    """A fact needed by a rule was not asked because its question does not apply."""

    def __init__(self, name: str) -> None:
        super().__init__(name)
        self.name = name


def _div(a: float, b: float) -> float:
    """Division for financial ratios: a zero denominator gives +/- infinity (or 0 for 0/0)."""
    if b == 0:
        if a == 0:
            return 0.0
        return math.inf if a > 0 else -math.inf
    return a / b


def _count(*conditions: Any) -> int:
    return sum(1 for c in conditions if c)


RECENCY_BANDS: dict[str, tuple[int, int] | None] = {
    # band -> (at least, at most) months before the assessment date; None for 'never'
    "never": None,
    "over_24m": (24, 1200),  # "more than 24 months": a century bounds it
    "m12_24": (12, 24),
    "within_12m": (0, 12),
}


def add_months(d: _dt.date, months: int) -> _dt.date:
    """``d`` moved by whole calendar months; the day is clipped to the month's length."""
    y, m = divmod(d.month - 1 + months, 12)
    year, month = d.year + y, m + 1
    return _dt.date(year, month, min(d.day, calendar.monthrange(year, month)[1]))


class LastEvent(NamedTuple):
    """When a past event last happened, as the rules see it.

    An answer gives a day (``2026-06-20``), a month (``2026-06``: the event is taken to lie on
    the month's last day, the cautious reading; assumption ``event-month-end``) or, in files
    written before dates were asked, a band such as ``m12_24``. ``on`` is the assessment date
    the look-back windows count back from.
    """

    on: _dt.date
    date: _dt.date | None = None  # the day the window counts from (month answers: its last day)
    band: str | None = None       # legacy band answers
    month_only: bool = False

    def window_ends(self, months: int) -> tuple[_dt.date, _dt.date] | None:
        """(earliest, latest) day on which the event is ``months`` old; None for 'never'."""
        if self.date is not None:
            end = add_months(self.date, months)
            return end, end
        span = RECENCY_BANDS.get(self.band or "never")
        if span is None:
            return None
        lo, hi = span
        return add_months(self.on, months - hi), add_months(self.on, months - lo)

    def older_than(self, months: int) -> bool:
        if self.date is not None:
            return add_months(self.date, months) <= self.on
        return _band_older_than(self.band or "never", months)


def parse_last_event(value: Any, on: _dt.date) -> LastEvent | str:
    """An answer to a ``last_event`` question as the rules see it (``'never'`` stays a string)."""
    if isinstance(value, LastEvent):
        return value
    if value == "never":
        return "never"
    if isinstance(value, str) and value in RECENCY_BANDS:
        return LastEvent(on, band=value)
    if isinstance(value, _dt.date):
        return LastEvent(on, date=value)
    if isinstance(value, str) and len(value) == 7:
        y, m = int(value[:4]), int(value[5:7])
        return LastEvent(on, date=_dt.date(y, m, calendar.monthrange(y, m)[1]), month_only=True)
    raise ValueError(f"not a last-event value: {value!r}")


def _band_older_than(recency: str, months: int) -> bool:
    if recency == "never" or recency == "over_24m":
        return True
    if recency == "m12_24":
        return months <= 12
    if recency == "within_12m":
        return False
    raise ValueError(f"not a recency value: {recency!r}")


def _older_than(last: Any, months: int) -> bool:
    """True when the most recent occurrence is 'never' or lies at least ``months`` back.

    ``last`` is a :class:`LastEvent` (a date, a month or a legacy band) or one of the
    ``recency`` band values: never, over_24m, m12_24 (12-24 months ago) or within_12m.
    """
    if isinstance(last, LastEvent):
        return last.older_than(months)
    return _band_older_than(last, months)


def _span(last: Any) -> tuple[_dt.date, _dt.date]:
    """(earliest, latest) day an event can have happened on."""
    if isinstance(last, _dt.date):
        return last, last
    if not isinstance(last, LastEvent):
        raise ValueError(f"not a date or last-event value: {last!r}")
    ends = last.window_ends(0)
    assert ends is not None  # only 'never' has no span, and it is a plain string
    return ends


def _after(later: Any, earlier: Any) -> bool:
    """True when ``later`` surely lies after ``earlier``: its earliest possible day after the
    other's latest. Each is a date or a last event; 'never' lies after nothing and before all."""
    if later == "never":
        return False
    if earlier == "never":
        return True
    return _span(later)[0] > _span(earlier)[1]


def _has(values: Any, item: str) -> bool:
    return item in (values or ())


FUNCTIONS: dict[str, Callable[..., Any]] = {
    "div": _div,
    "count": _count,
    "older_than": _older_than,
    "after": _after,
    "has": _has,
    "min": min,
    "max": max,
    "abs": abs,
}

CONSTANTS: dict[str, Any] = {"true": True, "false": False, "none": None, "inf": math.inf}

_ALLOWED_NODES = (
    ast.Expression,
    ast.BoolOp, ast.And, ast.Or,
    ast.UnaryOp, ast.Not, ast.USub, ast.UAdd,
    ast.BinOp, ast.Add, ast.Sub, ast.Mult, ast.Div,
    ast.Compare, ast.Eq, ast.NotEq, ast.Lt, ast.LtE, ast.Gt, ast.GtE, ast.In, ast.NotIn,
    ast.IfExp,
    ast.Call, ast.Name, ast.Load, ast.Constant, ast.List, ast.Tuple,
)


#: the same, for a test of the exact type (the parser makes no subclasses)
_ALLOWED_TYPES = frozenset(_ALLOWED_NODES)


class Expression:
    """A rule expression: its text and the names it reads, checked against the whitelist and
    compiled. One from the catalogue's files is checked when it is read; one from the catalogue
    cache (:meth:`unchecked`) is checked when first evaluated, so a cache load compiles nothing
    and a run compiles only the rules it evaluates."""

    __slots__ = ("source", "names", "code", "_origin")

    def __init__(self, source: str, names: frozenset[str], code: CodeType | None = None) -> None:
        self.source = source
        self.names = names
        self._origin = ""
        if code is not None:
            self.code = code

    @staticmethod
    def unchecked(source: str, names: frozenset[str], origin: str) -> Expression:
        """An expression read back from the catalogue cache entry ``origin``: data, until
        :attr:`code` checks it."""
        made = _Unchecked(source, names)
        made._origin = origin
        return made

    def tree(self) -> ast.Expression:
        """The expression's syntax tree, once it has passed the whitelist."""
        self.code  # noqa: B018 - checks an expression read from the cache
        return ast.parse(self.source, mode="eval")

    def evaluate(self, namespace: Mapping[str, Any]) -> Any:
        return eval(self.code, _GLOBALS, namespace)  # noqa: S307 - whitelisted AST, no builtins

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Expression):
            return NotImplemented
        return self.source == other.source and self.names == other.names

    def __hash__(self) -> int:
        return hash(self.source)

    def __repr__(self) -> str:
        return f"Expression({self.source!r})"


class _Unchecked(Expression):
    """An expression from the catalogue cache before its first use. Reading ``code`` checks and
    compiles it, and it becomes a plain :class:`Expression` (whose reads of ``code`` are a slot's)."""

    __slots__ = ()

    def __getattr__(self, name: str) -> CodeType:
        """``code``, on first use: the expression passes the whitelist and must read the names the
        cache gave, else :class:`ExpressionError` and nothing is compiled."""
        if name != "code":
            raise AttributeError(name)
        try:
            checked = compile_expression(self.source)
            if checked.names != self.names:
                raise ExpressionError(f"the names stored with {self.source!r} are not those it reads")
        except ExpressionError as exc:
            raise ExpressionError(f"the catalogue cache entry {self._origin} is damaged (delete it): {exc}") from None
        self.code = checked.code
        self.__class__ = Expression
        return self.code


_GLOBALS: dict[str, Any] = {"__builtins__": {}, **FUNCTIONS, **CONSTANTS}


def compile_expression(source: str) -> Expression:
    """Parse and check ``source``; raise :class:`ExpressionError` with the reason."""
    if not isinstance(source, str) or not source.strip():
        raise ExpressionError("expression is empty")
    source = " ".join(source.split())  # YAML folded/multi-line rules become one line
    try:
        tree = ast.parse(source, mode="eval")
    except SyntaxError as exc:
        raise ExpressionError(f"syntax error in {source!r}: {exc.msg}") from None
    names, called = _checked_names(tree, source)
    free = frozenset(n for n in names if n not in CONSTANTS and n not in called)
    # compiled from the text, not the tree: the same code, and converting a tree back costs more
    return Expression(source, free, compile(source, f"<rule {source!r}>", "eval"))


class _Fold(ast.NodeTransformer):
    """Each name that is one of the parameters becomes that parameter's value."""

    def __init__(self, params: Mapping[str, Any]) -> None:
        self.params = params

    def visit_Name(self, node: ast.Name) -> ast.AST:
        if node.id in self.params:
            return ast.copy_location(ast.Constant(self.params[node.id]), node)
        return node


def with_params(expr: Expression, params: Mapping[str, Any]) -> Expression:
    """``expr`` with each parameter it reads written in as its value (a standard's thresholds),
    checked and compiled as any expression; ``expr`` itself when it reads none of them."""
    if expr.names.isdisjoint(params):
        return expr
    tree = _Fold(params).visit(ast.parse(expr.source, mode="eval"))
    return compile_expression(ast.unparse(tree))


def _checked_names(tree: ast.AST, source: str) -> tuple[set[str], set[str]]:
    """The names ``tree`` reads and the functions it calls, once every node passed the whitelist;
    raise :class:`ExpressionError` at the first node that does not."""
    names: set[str] = set()
    called: set[str] = set()
    todo: list[Any] = [tree]
    for node in todo:  # breadth first, as ast.walk, without its generators (a cache load checks ~300)
        kind = type(node)
        if kind not in _ALLOWED_TYPES:
            raise ExpressionError(f"{kind.__name__} is not allowed in {source!r}")
        for field in kind._fields:
            child = getattr(node, field, None)
            if type(child) is list:
                todo.extend(c for c in child if isinstance(c, ast.AST))
            elif isinstance(child, ast.AST):
                todo.append(child)
        if isinstance(node, ast.Call):
            if not isinstance(node.func, ast.Name) or node.func.id not in FUNCTIONS:
                raise ExpressionError(
                    f"only the functions {', '.join(sorted(FUNCTIONS))} may be called in {source!r}"
                )
            if node.keywords:
                raise ExpressionError(f"keyword arguments are not allowed in {source!r}")
            called.add(node.func.id)
        elif isinstance(node, ast.Name):
            if node.id.startswith("_"):
                raise ExpressionError(f"name {node.id!r} is not allowed in {source!r}")
            names.add(node.id)
        elif isinstance(node, ast.Constant) and not isinstance(node.value, (int, float, str, bool)):
            raise ExpressionError(f"constant {node.value!r} is not allowed in {source!r}")
    return names, called
