"""Typed cells become answers; bad values are refused with the column and the reason."""

from __future__ import annotations

import pytest

from assessment.domain.answers import AmbiguousNumber, answer_problems, parse_answer, parse_number, typed_number
from assessment.domain.model import Answer


def cells(**values):
    return {k: str(v) for k, v in values.items()}


def said(problems):
    """(field, English message) pairs, as the CLI prints them."""
    return [(p.field, p.message) for p in problems]


@pytest.mark.parametrize(("text", "value"), [("12", 12), ("12.5", 12.5), ("12,5", 12.5), (" 80 % ", 80), ("-3", -3)])
def test_numbers_in_local_formats(text, value):
    assert parse_number(text) == value


@pytest.mark.parametrize("text", ["abc", "1.2.3", "nan", "inf", "1e5", ""])
def test_not_numbers(text):
    with pytest.raises(ValueError):
        parse_number(text)


def test_count_with_steps(mini):
    answer, problems = parse_answer(mini.indicator("A1"), cells(value="4"))
    assert problems == [] and answer.value == 4.0


@pytest.mark.parametrize(("value", "message"), [("-1", "below the minimum 0"), ("53", "above the maximum 52"),
                                                ("2.5", "not a whole number"), ("bốn", "'bốn' is not a number")])
def test_count_refusals(mini, value, message):
    _, problems = parse_answer(mini.indicator("A1"), cells(value=value))
    assert problems and problems[0].field == "value" and message in problems[0].message


def test_ratio_needs_both_parts_and_a_not_above_b(mini):
    a2 = mini.indicator("A2")
    assert said(parse_answer(a2, cells(numerator="3", denominator="4"))[1]) == []
    assert said(parse_answer(a2, cells(numerator="3"))[1]) == [("denominator", "a ratio needs both numerator and "
                                                                         "denominator")]
    assert said(parse_answer(a2, cells(numerator="5", denominator="4"))[1]) == [("numerator", "5 is larger than the "
                                                                                       "denominator 4")]
    assert parse_answer(a2, cells(value="0.75"))[1][0].field == "value"


def test_percent_range(mini):
    refused = parse_answer(mini.indicator("A3"), cells(value="101"))[1]
    assert said(refused) == [("value", "101 is above the maximum 100")]
    assert parse_answer(mini.indicator("A3"), cells(value="99,5%"))[0].value == 99.5


@pytest.mark.parametrize(("text", "value"), [("có", 1.0), ("Không", 0.0), ("1", 1.0), ("yes", 1.0), ("no", 0.0)])
def test_yes_no_in_both_languages(mini, text, value):
    assert parse_answer(mini.indicator("A4"), cells(value=text))[0].value == value


def test_choices(mini):
    assert parse_answer(mini.indicator("B1"), cells(choice="Monthly"))[0].value == "monthly"
    assert "not an option" in parse_answer(mini.indicator("B1"), cells(choice="weekly"))[1][0].message
    assert parse_answer(mini.indicator("B2"), cells(choice="zalo; app"))[0].choices == ("zalo", "app")
    assert parse_answer(mini.indicator("B2"), cells(choice="-"))[0].choices == ()
    assert said(parse_answer(mini.indicator("B2"), cells(choice="zalo;zalo"))[1]) == [("choice", "an option is chosen "
                                                                                          "twice")]


def test_dates(mini):
    assert parse_answer(mini.indicator("D1"), cells(value="25/12/2025"))[0].value == "2025-12-25"
    assert parse_answer(mini.indicator("D1"), cells(value="31/02/2025"))[1][0].field == "value"


def test_not_applicable_only_where_allowed(mini):
    assert parse_answer(mini.indicator("B4"), cells(not_applicable="có"))[0].not_applicable
    assert said(parse_answer(mini.indicator("A1"), cells(not_applicable="1"))[1]) == [
        ("not_applicable", "this indicator cannot be declared not applicable")]
    assert said(parse_answer(mini.indicator("B4"), cells(not_applicable="1", value="x"))[1]) == [
        ("value", "give either a value or not applicable, not both")]


def test_empty_cells_are_no_answer(mini):
    answer, problems = parse_answer(mini.indicator("A1"), cells(value="", comment="chưa có số liệu"))
    assert problems == [] and answer.is_empty and answer.comment == "chưa có số liệu"


def test_manual_points_within_max(mini):
    assert said(answer_problems(mini.indicator("B4"), Answer("B4", "x", manual_points=30))) == [
        ("manual_points", "points must be between 0 and 25")]


@pytest.mark.parametrize(("text", "mark", "value"), [("2.5", ".", 2.5), ("2.345", ".", 2.345), ("1,234.5", ".", 1234.5),
                                                     ("1,234,567", ".", 1234567), ("2,5", ",", 2.5),
                                                     ("2,345", ",", 2.345), ("1.234,5", ",", 1234.5)])
def test_numbers_typed_in_a_language(text, mark, value):
    """The language's decimal mark alone is a decimal ("2.345" in English): only files keep the both-ways rule."""
    assert parse_number(text, mark) == value


@pytest.mark.parametrize(("text", "mark", "first", "second"),
                         [("1,234", ".", 1234, 1.234), ("2.345", ",", 2345, 2.345)])
def test_a_lone_thousands_mark_is_ambiguous_in_a_language(text, mark, first, second):
    with pytest.raises(AmbiguousNumber) as caught:
        parse_number(text, mark)
    assert (caught.value.first, caught.value.second) == (first, second)


@pytest.mark.parametrize("value", [2.345, 1234.5, 1e20, 1e-7, -2.5, 2000.0])
@pytest.mark.parametrize("mark", [".", ","])
def test_typed_numbers_read_back_exactly(value, mark):
    assert parse_number(typed_number(value, mark), mark) == value
