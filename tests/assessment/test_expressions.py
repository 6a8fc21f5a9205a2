"""The expression language: parsing, checking and evaluation without eval()."""

from __future__ import annotations

from typing import ClassVar

import numpy as np
import pytest

from assessment.domain.errors import ExpressionError
from assessment.domain.expressions import BOOL, NUMBER, SET, TEXT, MappingEnv, RefInfo, compile_expression


class Scope:
    refs: ClassVar[dict] = {
        ("A",): RefInfo(NUMBER),
        ("B",): RefInfo(TEXT, ("x", "y")),
        ("M",): RefInfo(SET, ("a", "b", "c")),
        ("Y",): RefInfo(BOOL),
        ("unit", "kind"): RefInfo(TEXT),
        ("unit", "urban"): RefInfo(BOOL),
        ("cycle",): RefInfo(NUMBER),
    }

    def resolve(self, path):
        return self.refs.get(path)


ENV = MappingEnv({
    "A": np.array([1.0, np.nan, 5.0]),
    "B": np.array(["x", None, "y"], dtype=object),
    "M": np.array([0b101, -1, 0b010]),
    "Y": np.array([1.0, 0.0, np.nan]),
    "unit.kind": np.array(["commune", "department", "commune"], dtype=object),
    "unit.urban": np.array([True, False, True]),
    "cycle": np.array(2025.0),
}, size=3)


def run(source: str) -> list:
    return compile_expression(source, Scope(), ["A", "B", "M", "Y"]).holds(ENV).tolist()


@pytest.mark.parametrize(("source", "expected"), [
    ("A > 2", [False, False, True]),
    ("A == null", [False, True, False]),
    ("A != null", [True, False, True]),
    ("A != 1", [False, False, True]),  # null compares false, even with !=
    ("A * 2 + 1 >= 3", [True, False, True]),
    ("-A < 0", [True, False, True]),
    ("B == 'x'", [True, False, False]),
    ("B in ['x', 'y']", [True, False, True]),
    ("B not in ['x']", [False, False, True]),
    ("'c' in M", [True, False, False]),
    ("'c' not in M", [False, True, True]),
    ("count(M) >= 2", [True, False, False]),
    ("unit.kind == 'commune' and unit.urban", [True, False, True]),
    ("not unit.urban or A > 4", [False, True, True]),
    ("Y", [True, False, False]),
    ("not Y", [False, True, True]),  # null is false in a condition
    ("cycle >= 2025", [True, True, True]),
    ("min(A, 3) == 1", [True, False, False]),
    ("max(A, 3) == 5", [False, False, True]),
    ("abs(0 - A) == 5", [False, False, True]),
    ("(A + 1) * 2 == 4", [True, False, False]),
])
def test_evaluates(source: str, expected: list) -> None:
    assert run(source) == expected


def test_arithmetic_with_null_and_division_by_zero_give_null() -> None:
    result = compile_expression("A / 0", Scope(), ["A"]).evaluate(ENV)
    assert np.isnan(result).all()
    assert np.isnan(compile_expression("A + 1", Scope(), ["A"]).evaluate(ENV)[1])


def test_references_lists_the_indicators_read() -> None:
    expr = compile_expression("A > 1 and 'a' in M and unit.urban", Scope(), ["A", "B", "M", "Y"])
    assert expr.references == {"A", "M"}


@pytest.mark.parametrize(("source", "message", "column"), [
    ("A >", "expected a value, found 'end of expression'", 3),
    ("", "empty expression", 0),
    ("A > 1 > 2", "comparisons cannot be chained", 6),
    ("(A > 1", "expected ')'", 6),
    ("'abc", "unterminated string", 0),
    ("A $ 2", "unexpected character '$'", 2),
    ("Q > 1", "unknown reference 'Q'", 0),
    ("unit.colour == 'red'", "unknown reference 'unit.colour'", 0),
    ("B == 3", "compares text with a number", 2),
    ("B == 'z'", "'z' is not an option (options: x, y)", 5),
    ("'z' in M", "'z' is not an option (options: a, b, c)", 0),
    ("B in ['x', 'q']", "'q' is not an option", 5),
    ("unit.kind + 1", "'+' needs a number, got text", 0),
    ("Y < 1", "cannot order yes/no values", 2),
    ("A < null", "null can only be compared with == or !=", 2),
    ("M == 'a'", "use 'in'", 2),
    ("A in 3", "needs a list", 5),
    ("eval(A)", "unknown function 'eval'", 0),
    ("count(A)", "count() takes one multiple-choice indicator", 0),
    ("A.numerator > 1", "unknown reference 'A.numerator'", 0),
])
def test_errors_name_the_problem_and_the_column(source: str, message: str, column: int) -> None:
    with pytest.raises(ExpressionError) as caught:
        compile_expression(source, Scope(), ["A", "B", "M", "Y"])
    assert message in caught.value.message
    assert caught.value.position == column


def test_no_python_eval_is_reachable() -> None:
    # Attribute access and dunder tricks are not part of the grammar: they are reference errors.
    for source in ("__import__('os')", "A.__class__", "().__class__"):
        with pytest.raises(ExpressionError):
            compile_expression(source, Scope(), ["A"])
