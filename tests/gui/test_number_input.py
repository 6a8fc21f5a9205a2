"""Numbers are typed the way the window's language writes them (issue 16): in English "2.5" and "1,234.5", in
Vietnamese "2,5" and "1.234,5". A number that reads two ways in that language is refused with both readings
and the previous value stays. Real key presses in the real window; the database file is read back."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.gui.conftest import open_unit, settle, stored
from tests.gui.test_entry import find, press, type_into_focus

EMPTY_YEAR = 2026  # no 2026 answers in the demo
PERCENT, RATIO = "TCS03", "NTS02"  # a percent (0–100) and an a/b pair of the commune questionnaire


def type_value(qtbot, window, code: str, text: str, field: str = "value") -> None:
    """Select what the field holds, type `text` key by key, then leave it with Tab."""
    line = window.form.editors[code].fields[field]
    line.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is line)
    line.selectAll()
    type_into_focus(qtbot, text)
    press(qtbot, Qt.Key.Key_Tab)


def open_empty(qtbot, window, code: str) -> None:
    open_unit(qtbot, window, "00070", EMPTY_YEAR)
    find(qtbot, window, code)


@pytest.mark.parametrize("language", ["en"], indirect=True)
@pytest.mark.parametrize(("typed", "value", "shown"), [("2.5", 2.5, "2.5"), ("2.345", 2.345, "2.345"),
                                                       ("12,5", 12.5, "12.5")])
def test_english_reads_a_decimal_point(qtbot, window, demo_db, typed, value, shown):
    open_empty(qtbot, window, PERCENT)
    type_value(qtbot, window, PERCENT, typed)
    settle(qtbot, window)
    assert stored(demo_db, "00070", EMPTY_YEAR)[PERCENT].value == value
    assert window.form.editors[PERCENT].fields["value"].text() == shown
    assert window.form.editors[PERCENT].message.isHidden()


@pytest.mark.parametrize("language", ["vi"], indirect=True)
@pytest.mark.parametrize(("typed", "value", "shown"), [("2,5", 2.5, "2,5"), ("2,345", 2.345, "2,345")])
def test_vietnamese_reads_a_decimal_comma(qtbot, window, demo_db, typed, value, shown):
    open_empty(qtbot, window, PERCENT)
    type_value(qtbot, window, PERCENT, typed)
    settle(qtbot, window)
    assert stored(demo_db, "00070", EMPTY_YEAR)[PERCENT].value == value
    assert window.form.editors[PERCENT].fields["value"].text() == shown


@pytest.mark.parametrize(("language", "numerator", "denominator", "values", "ratio"),
                         [("en", "1,234.5", "2,469.0", (1234.5, 2469.0), "a / b = 50.0 %"),
                          ("vi", "1.234,5", "2.469", None, None),
                          ("vi", "1.234,5", "2.469,0", (1234.5, 2469.0), "a / b = 50,0 %")],
                         indirect=["language"])
def test_thousands_separators_in_a_pair(qtbot, window, demo_db, numerator, denominator, values, ratio):
    """A thousands mark with the decimal mark after it, or repeated, reads one way only; "2.469" alone in
    Vietnamese could be 2469 or 2,469 and is refused."""
    open_empty(qtbot, window, RATIO)
    editor = window.form.editors[RATIO]
    type_value(qtbot, window, RATIO, numerator, "numerator")
    type_value(qtbot, window, RATIO, denominator, "denominator")
    settle(qtbot, window)
    answer = stored(demo_db, "00070", EMPTY_YEAR).get(RATIO)
    if values is None:
        assert answer is None
        assert "2469" in editor.message.text() and "2,469" in editor.message.text()
    else:
        assert (answer.numerator, answer.denominator) == values
        assert editor.ratio.text() == ratio


@pytest.mark.parametrize(("language", "first", "typed", "readings", "kept"),
                         [("en", "7.5", "1,234", ("1234", "1.234"), "7.5"),
                          ("vi", "7,5", "2.345", ("2345", "2,345"), "7,5")],
                         indirect=["language"])
def test_an_ambiguous_number_is_refused_with_both_readings(qtbot, window, demo_db, first, typed, readings, kept):
    open_empty(qtbot, window, PERCENT)
    type_value(qtbot, window, PERCENT, first)
    settle(qtbot, window)
    type_value(qtbot, window, PERCENT, typed)
    settle(qtbot, window)
    editor = window.form.editors[PERCENT]
    message = editor.message.text()
    assert editor.message.isVisible() and f"'{typed}'" in message
    assert all(reading in message for reading in readings), message
    assert editor.fields["value"].text() == kept  # the previous value is back in the field
    assert stored(demo_db, "00070", EMPTY_YEAR)[PERCENT].value == 7.5
