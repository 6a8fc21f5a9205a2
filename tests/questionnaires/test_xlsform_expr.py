"""Translating conditions between XLSForm and dxscore: exact both ways where they mean the same, an
ExpressionError (never another exception, never a wrong meaning) for anything else."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assessment.domain.errors import ExpressionError
from questionnaires.catalog import shipped_methodologies
from questionnaires.xlsform_expr import to_dxscore, to_xlsform

CODES = {"A": "count", "B": "choice", "M": "multi_choice", "R": "ratio", "T": "boolean"}


@pytest.mark.parametrize(("dxscore", "xlsform"), [
    ("A > 0", "${A} > 0"),
    ("not (A >= 1)", "not (${A} >= 1)"),
    ("A == null or value <= A + 0.5", "${A} = '' or . <= ${A} + 0.5"),
    ("T == true and B != 'x'", "${T} = true() and ${B} != 'x'"),
    ("value * 100 <= 1000", ". * 100 <= 1000"),
])
def test_the_same_meaning_is_written_in_each_syntax(dxscore: str, xlsform: str):
    assert to_xlsform(dxscore, CODES) == xlsform
    assert to_dxscore(xlsform, CODES) == dxscore


@pytest.mark.parametrize("dxscore", ["R.numerator > 0", "unit.urban", "B in ['a', 'b']", "A / 2 > 1", "max(A, 1) > 2",
                                     "not unit.urban", "B == ''", "value.denominator == A"])
def test_what_xlsform_cannot_say_stays_in_dxscore_syntax(dxscore: str):
    assert to_xlsform(dxscore, CODES) is None


def test_selected_depends_on_the_question_type():
    assert to_dxscore("selected(${B}, 'x')", CODES) == "B == 'x'"
    assert to_dxscore("selected( ${M} , 'x' ) and ${A} div 2 > 1", CODES) == "'x' in M and A / 2 > 1"


def test_every_shipped_condition_either_translates_exactly_or_stays():
    translated = 0
    for methodology in shipped_methodologies():
        codes = {i.code: i.answer.type.value for i in methodology.indicators}
        for indicator in methodology.indicators:
            sources = [c.expression.source for c in indicator.checks]
            sources += [e.source for e in (indicator.relevant_if, indicator.applies_if) if e is not None]
            for source in sources:
                xlsform = to_xlsform(source, codes)
                if xlsform is not None:
                    translated += 1
                    assert to_dxscore(xlsform, codes) == source
    assert translated >= 5  # 9 today: most shipped checks read a ratio's parts, which XLSForm cannot


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([*"${}AMB.=!<>'() ,-+*/01x", "selected", "not", "div", "true()", "and", "or",
                                 "regex"]), max_size=40).map("".join))
def test_any_text_translates_or_raises_an_expression_error(text: str):
    try:
        to_dxscore(text, CODES)
    except ExpressionError as exc:
        assert 0 <= exc.position <= len(text)
    to_xlsform(text, CODES)  # never raises
