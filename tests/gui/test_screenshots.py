"""Screenshots of the main states, in Vietnamese and English, saved as PNG under out/screenshots/ (look at
them after a change to the window)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.gui.conftest import SCREENSHOTS, open_unit, settle
from tests.gui.test_entry import EMPTY_YEAR, complete_department, find, type_into_focus


def shoot(window, name: str, lang: str):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    QApplication.processEvents()
    path = SCREENSHOTS / f"{lang}_{name}.png"
    assert window.grab().save(str(path))
    assert path.stat().st_size > 20_000
    return path


@pytest.mark.parametrize("language", ["vi", "en"], indirect=True)
def test_main_states(qtbot, window, demo_db, monkeypatch, language):
    expected = {"vi": ("Chu kỳ", "Tổng điểm"), "en": ("Cycle", "Total")}[language]
    open_unit(qtbot, window, "00070", EMPTY_YEAR)
    assert expected[0] in window.heading.text() and expected[1] in window.score_line.text()
    shoot(window, "1_empty_unit", language)

    open_unit(qtbot, window, "00070", 2025)
    window.form.goto_pillar("NTS")
    shoot(window, "2_half_filled", language)

    find(qtbot, window, "NTS01")
    QApplication.focusWidget().selectAll()
    type_into_focus(qtbot, "-3")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert window.form.editors["NTS01"].message.isVisible()
    shoot(window, "3_error_shown", language)

    complete_department(demo_db)
    monkeypatch.setattr("gui.main_window.confirm", lambda *args: True)
    open_unit(qtbot, window, "SO_Y_TE", EMPTY_YEAR)
    window.submit()
    qtbot.waitUntil(lambda: not window.controller.session.editable, timeout=10_000)
    settle(qtbot, window)
    shoot(window, "4_submitted", language)


@pytest.mark.parametrize("language", ["vi", "en"], indirect=True)
def test_long_options_wrap(qtbot, make_window, demo_db, language):
    """The 2025 commune form at 1280 and 1000 px wide: TCS02's options wrap inside the card (the whole window,
    and the card alone with the keyboard focus on an option, to look at the wrapping and the diacritics)."""
    from tests.gui.test_form_width import laid_out_form

    window = make_window(demo_db)
    for width in (1280, 1000):
        form = laid_out_form(qtbot, window, width)
        editor = form.editors["TCS02"]
        form.scroll.ensureWidgetVisible(editor, 0, 0)
        editor.checks["document_workflow"].setFocus(Qt.FocusReason.TabFocusReason)
        qtbot.waitUntil(editor.checks["document_workflow"].hasFocus, timeout=5_000)
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)  # a key moved the focus: its frame shows
        qtbot.waitUntil(editor.checks["website"].hasFocus, timeout=5_000)
        form.scroll.verticalScrollBar().setValue(editor.y())
        shoot(window, f"5_long_options_{width}", language)
        QApplication.processEvents()
        path = SCREENSHOTS / f"{language}_5_long_options_{width}_card.png"
        assert editor.grab().save(str(path))
