"""Rule expressions: a small whitelist of Python (comparisons, arithmetic, and/or/not, lists and
a few named functions). Whatever else an expression holds is refused, naming what and where,
whether it comes from a catalogue file or from a cache entry that someone else may have written."""

from __future__ import annotations

import ast

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from aeo_check.catalogue.expr import _ALLOWED_NODES, ExpressionError, compile_expression

ALLOWED = "older_than(abnormal_list_last, 24) and (penalty_count_12m <= 3 or -x + 1 > div(a, b)) " \
          "and not grade in ['a', 'b'] and (1 if true else 2) == max(c, 0)"


def test_an_allowed_expression_names_what_it_reads_and_not_its_functions_or_constants():
    e = compile_expression(ALLOWED)
    assert e.names == {"abnormal_list_last", "penalty_count_12m", "x", "a", "b", "grade", "c"}


def test_an_allowed_expression_evaluates_with_its_facts():
    e = compile_expression("penalty_count_12m <= limit or grade in ['a', 'b']")
    assert e.evaluate({"penalty_count_12m": 4, "limit": 3, "grade": "b"}) is True
    assert e.evaluate({"penalty_count_12m": 4, "limit": 3, "grade": "c"}) is False


@pytest.mark.parametrize("source, why", [
    ("x.__class__", "Attribute is not allowed"),
    ("x[0]", "Subscript is not allowed"),
    ("(lambda: 1)()", "only the functions"),
    ("[a for a in b]", "ListComp is not allowed"),
    ("{1: 2}", "Dict is not allowed"),
    ("(y := 1)", "NamedExpr is not allowed"),
    ("__import__('os')", "only the functions"),
    ("_secret > 1", "name '_secret' is not allowed"),
    ("older_than(a, months=1)", "keyword arguments are not allowed"),
    ("x == b'a'", "constant b'a' is not allowed"),
    ("f'{x}'", "JoinedStr is not allowed"),
    ("x ** 2", "Pow is not allowed"),
    ("", "expression is empty"),
    ("x >", "syntax error"),
])
def test_anything_else_is_refused_with_what_it_is(source, why):
    with pytest.raises(ExpressionError, match=why.replace("(", r"\(").replace("[", r"\[")):
        compile_expression(source)


def _first_refused(source: str) -> str | None:
    """The kind of the first node ast.walk meets that the whitelist refuses, if any."""
    return next((type(n).__name__ for n in ast.walk(ast.parse(source, mode="eval"))
                 if not isinstance(n, _ALLOWED_NODES)), None)


PIECES = ["x", "1", "'a'", "x.y", "x[0]", "{1: 2}", "{x}", "x ** 2", "x @ y", "[a for a in b]", "f'{x}'",
          "older_than(x, 1)", "(x, y)", "[x, 1]", "not x", "-x", "x if y else z", "x is y", "x // 2"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=4), st.sampled_from([" and ", " + ", " < ", ", "]))
def test_the_refusal_names_the_first_refused_node_in_breadth_first_order(pieces, glue):
    source = glue.join(f"({p})" for p in pieces)
    if glue == ", ":
        source = f"max({source})"
    first = _first_refused(source)
    if first is None:
        compile_expression(source)
    else:
        with pytest.raises(ExpressionError, match=f"^{first} is not allowed"):
            compile_expression(source)
