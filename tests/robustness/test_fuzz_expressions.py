"""Fuzzing the expression language: generated expressions (from its own grammar and vocabulary, and plain
text) against a scope. Compiling raises nothing but ExpressionError, with a position inside the text; what
compiles evaluates without any error over answers full of nulls, zeros and extremes, giving one value per
assessment (and a bool per assessment as a condition)."""

from __future__ import annotations

import warnings

import numpy as np
import pytest
from conftest import FUZZ, FUZZ_EXAMPLES
from hypothesis import example, given, settings
from hypothesis import strategies as st

from assessment.domain.errors import ExpressionError
from assessment.domain.expressions import BOOL, NUMBER, SET, TEXT, MappingEnv, RefInfo, compile_expression

# Hypothesis warns that this grammar strategy has a long repr (only shown when reporting a failure).
pytestmark = pytest.mark.filterwarnings("ignore:Generating overly large repr")

SIZE = 6
REFS = {
    ("A",): RefInfo(NUMBER), ("R",): RefInfo(NUMBER), ("R", "numerator"): RefInfo(NUMBER),
    ("R", "denominator"): RefInfo(NUMBER), ("B",): RefInfo(TEXT, ("x", "y")), ("T",): RefInfo(TEXT),
    ("M",): RefInfo(SET, ("a", "b", "c")), ("Y",): RefInfo(BOOL), ("A", "answered"): RefInfo(BOOL),
    ("unit", "kind"): RefInfo(TEXT), ("unit", "urban"): RefInfo(BOOL), ("cycle",): RefInfo(NUMBER),
}
CODES = ["A", "R", "B", "T", "M", "Y"]


class Scope:
    def resolve(self, path):  # type: ignore[no-untyped-def]
        return REFS.get(path)


ENV = MappingEnv({
    "A": np.array([1.0, np.nan, 0.0, -1e308, 1e308, 5.0]),
    "R": np.array([0.5, np.nan, 0.0, 1.0, np.nan, 2.0]),
    "R.numerator": np.array([1.0, np.nan, 0.0, 1e308, 3.0, 0.0]),
    "R.denominator": np.array([2.0, np.nan, 0.0, 0.0, np.nan, 0.0]),
    "B": np.array(["x", None, "y", "x", None, "y"], dtype=object),
    "T": np.array(["", None, "2025-01-01", "Đà Nẵng", "a'b", "0"], dtype=object),
    "M": np.array([0b101, -1, 0, 0b111, -1, 0b010]),
    "Y": np.array([1.0, 0.0, np.nan, 1.0, np.nan, 0.0]),
    "A.answered": np.array([True, False, True, True, True, True]),
    "unit.kind": np.array(["commune", "department", "district", "commune", "commune", "district"], dtype=object),
    "unit.urban": np.array([True, False, True, False, True, False]),
    "cycle": np.array(2025.0),
}, size=SIZE)

names = st.sampled_from(["A", "R", "R.numerator", "R.denominator", "B", "T", "M", "Y", "A.answered", "unit.kind",
                         "unit.urban", "cycle", "value", "Q", "unit", "unit.colour", "A.x.y", "__class__"])
literals = st.one_of(st.sampled_from(["0", "1", "2.5", "1e3", "99999999999999999999", "0.0000001", "true", "false",
                                      "null", "'x'", "'y'", "'a'", "'z'", "''", '"b"', "'Đ'"]),
                     st.integers(0, 10**30).map(str), st.text(alphabet="'\"xyabĐ ", max_size=4))
FUNCTIONS = ["min", "max", "abs", "count", "eval", "len"]
BINARY = ["+", "-", "*", "/", "==", "!=", "<", "<=", ">", ">=", "and", "or", "in", "not in"]


def expressions() -> st.SearchStrategy[str]:
    def extend(inner: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
        return st.one_of(
            st.tuples(inner, st.sampled_from(BINARY), inner).map(" ".join),
            st.tuples(st.sampled_from(["not ", "-", "- -", "not not "]), inner).map("".join),
            inner.map(lambda e: f"({e})"),
            st.tuples(st.sampled_from(FUNCTIONS), st.lists(inner, max_size=3)).map(
                lambda t: f"{t[0]}({', '.join(t[1])})"),
            st.lists(inner, max_size=3).map(lambda items: f"[{', '.join(items)}]"),
        )

    grammar = st.recursive(st.one_of(names, literals), extend, max_leaves=10)
    tokens = st.lists(st.one_of(names, literals, st.sampled_from(BINARY + FUNCTIONS + ["(", ")", "[", "]", ",", ".",
                                                                                      "not", "$", "\\", "\x00"])),
                      max_size=12).map(" ".join)
    return st.one_of(grammar, grammar, tokens, st.text(max_size=30))


compiled = {"ok": 0, "rejected": 0}


# Found by this test, now fixed: lists outside 'in', and lists of the wrong kind after 'in', broke evaluation;
# ordering two text literals; overflow warnings.
@settings(FUZZ, max_examples=5 * FUZZ.max_examples)  # cheap: five times the examples
@given(source=expressions())
@example("[]")
@example("not [1, 2] or A > 1")
@example("[] in []")
@example("'x' < 'y'")
@example("A + A > 0")
@example("A in ['x']")
@example("M in ['a']")
@example("B in [1, null]")
@example("Y in [true, 1]")
def test_expressions_compile_or_fail_with_a_position_and_evaluate_without_error(source: str) -> None:
    try:
        expression = compile_expression(source, Scope(), CODES)
    except ExpressionError as exc:
        compiled["rejected"] += 1
        assert 0 <= exc.position <= len(source) and exc.message
        return
    compiled["ok"] += 1
    assert expression.references <= set(CODES)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # numpy warnings (overflow, invalid) count as errors here
        values = expression.evaluate(ENV)
        condition = expression.holds(ENV)
    assert values.shape == (SIZE,)
    assert condition.shape == (SIZE,) and condition.dtype == bool


def test_the_fuzz_target_ran_its_examples() -> None:
    total = compiled["ok"] + compiled["rejected"]
    assert total >= min(FUZZ_EXAMPLES, FUZZ.max_examples), compiled
    assert compiled["ok"] >= 300, compiled  # hundreds of valid expressions were evaluated
    print(f"\nexpressions: {total} examples ({compiled['ok']} compiled and evaluated, {compiled['rejected']} "
          "rejected with ExpressionError)")
