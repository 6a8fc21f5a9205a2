"""A multiple-choice option whose text wraps is used exactly like a check box: a click on any line of its text
ticks it and the answer is saved, Tab reaches it and Space ticks it, "None of these" still clears the others,
and a locked assessment's options do not move when their text is clicked."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QStyle

from tests.gui.conftest import open_unit, settle, stored
from tests.gui.test_entry import EMPTY_YEAR, complete_department
from tests.gui.test_form_width import COMMUNE, YEAR, laid_out_form

NONE = "-"


def wrapped_options(form, code: str) -> dict:
    """The options of an indicator shown on two lines or more (code → check box)."""
    editor = form.editors[code]
    return {c: box for c, box in editor.checks.items() if box.height() >= 2 * box.fontMetrics().lineSpacing()}


def on_last_line(box) -> QPoint:
    """A point on the first word of the option's last line (inside its text, well right of the box)."""
    indicator = box.style().pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth, None, box)
    return QPoint(indicator + 12, box.height() - box.fontMetrics().lineSpacing() // 2 - 1)


def open_narrow(qtbot, window):
    form = laid_out_form(qtbot, window, 1000)  # English TCS02 wraps at 1000 px wide
    editor = form.editors["TCS02"]
    form.scroll.ensureWidgetVisible(editor.checks[NONE], 0, 40)
    qtbot.wait(50)
    return form, editor


def choices(window) -> tuple[str, ...]:
    return window.controller.answers["TCS02"].choices or ()


def test_a_click_on_the_last_line_of_a_wrapped_option_ticks_it_and_saves_it(qtbot, make_window, demo_db):
    window = make_window(demo_db)
    form, _ = open_narrow(qtbot, window)
    code, box = next((c, b) for c, b in wrapped_options(form, "TCS02").items() if not b.isChecked())
    before = choices(window)
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=on_last_line(box))
    assert box.isChecked()
    qtbot.waitUntil(lambda: code in choices(window), timeout=5_000)
    assert set(choices(window)) == {*before, code}
    settle(qtbot, window)
    assert set(stored(demo_db, COMMUNE, YEAR)["TCS02"].choices) == {*before, code}

    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=on_last_line(box))  # again: unticked, saved
    assert not box.isChecked()
    qtbot.waitUntil(lambda: code not in choices(window), timeout=5_000)
    settle(qtbot, window)
    assert set(stored(demo_db, COMMUNE, YEAR)["TCS02"].choices) == set(before)


def test_a_click_beside_a_short_option_does_not_tick_it(qtbot, make_window, demo_db):
    """Only the box and the text are the option: blank space right of a one-line text is not (as before)."""
    window = make_window(demo_db)
    _, editor = open_narrow(qtbot, window)
    box = editor.checks[NONE]
    was = box.isChecked()
    assert box.fontMetrics().horizontalAdvance(box.text()) + 60 < box.width()
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(box.width() - 5, box.height() // 2))
    assert box.isChecked() == was


def test_none_of_these_clicked_on_its_text_clears_the_other_options(qtbot, make_window, demo_db):
    window = make_window(demo_db)
    _, editor = open_narrow(qtbot, window)
    ticked = [c for c, b in editor.checks.items() if b.isChecked() and c != NONE]
    if not ticked:  # the demo answer may be empty: tick one first, by its text
        first = editor.checks["security"]
        qtbot.mouseClick(first, Qt.MouseButton.LeftButton, pos=on_last_line(first))
        qtbot.waitUntil(lambda: "security" in choices(window), timeout=5_000)
    none = editor.checks[NONE]
    qtbot.mouseClick(none, Qt.MouseButton.LeftButton, pos=on_last_line(none))
    assert none.isChecked()
    assert not any(b.isChecked() for c, b in editor.checks.items() if c != NONE)
    qtbot.waitUntil(lambda: window.controller.answers["TCS02"].choices == (), timeout=5_000)
    settle(qtbot, window)
    assert stored(demo_db, COMMUNE, YEAR)["TCS02"].choices == ()


def test_tab_reaches_each_wrapped_option_and_space_ticks_it(qtbot, make_window, demo_db):
    window = make_window(demo_db)
    form, editor = open_narrow(qtbot, window)
    boxes = list(editor.checks.values())
    boxes[0].setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is boxes[0], timeout=5_000)
    for box in boxes[1:]:  # one Tab stop per option, in order, "None of these" last
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is box
        assert box.accessibleName() == f"TCS02 {box.text()}"  # a screen reader reads all of it
    target = next(k for k, box in enumerate(boxes) if not box.isChecked() and box in
                  wrapped_options(form, "TCS02").values())
    code = list(editor.checks)[target]
    boxes[target].setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is boxes[target], timeout=5_000)
    qtbot.keyClick(boxes[target], Qt.Key.Key_Space)
    assert boxes[target].isChecked()
    qtbot.waitUntil(lambda: code in choices(window), timeout=5_000)
    settle(qtbot, window)
    assert code in stored(demo_db, COMMUNE, YEAR)["TCS02"].choices


def test_a_locked_assessment_does_not_tick_an_option_clicked_on_its_text(qtbot, window, demo_db, monkeypatch):
    complete_department(demo_db)
    monkeypatch.setattr("gui.main_window.confirm", lambda *args: True)
    window.resize(1000, 820)
    open_unit(qtbot, window, "SO_Y_TE", EMPTY_YEAR)
    window.submit()
    qtbot.waitUntil(lambda: not window.controller.session.editable, timeout=10_000)
    editor = window.form.editors["HTS01"]
    window.form.scroll.ensureWidgetVisible(editor, 0, 40)
    qtbot.wait(50)
    before = stored(demo_db, "SO_Y_TE", EMPTY_YEAR)["HTS01"].choices
    for box in editor.checks.values():
        was = box.isChecked()
        assert not box.isEnabled()
        qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=on_last_line(box))
        assert box.isChecked() == was
    assert window.controller.answers["HTS01"].choices == before
    assert stored(demo_db, "SO_Y_TE", EMPTY_YEAR)["HTS01"].choices == before
