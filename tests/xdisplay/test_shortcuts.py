"""README's keyboard table, typed with real X key events while the cursor is inside each kind of field of the
form: the window's action happens, the field keeps its text and the stored answer does not change.

On X11 a QLineEdit binds Ctrl+U (delete the line), Ctrl+E (end of line), Ctrl+D (delete a character) and
Ctrl+Z (its own undo); these tests fail when such a binding wins over the window's shortcut."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QCheckBox, QComboBox, QLineEdit, QWidget

from tests.gui.conftest import open_unit, settle, stored
from tests.xdisplay.x11 import focused, press, type_text

UNIT, YEAR = "SO_NOI_VU", 2025

# (what, indicator, which widget of its card, cycle): the 2025 department form, and a date from the 2024 one
FIELDS = [
    ("count", "TCS04", "value"),
    ("number", "HTS02", "value"),
    ("percent", "TCS03", "value"),
    ("ratio a", "NLS01", "numerator"),
    ("ratio b", "NLS01", "denominator"),
    ("yes/no", "TCS02", "combo"),
    ("choice", "ATT03", "combo"),
    ("multiple choice", "CQS10", "first check"),
    ("not applicable", "CQS02", "not_applicable"),
    ("text", "XHS03", "value"),
    ("comment", "TCS03", "comment"),
    ("evidence", "TCS02", "evidence"),
    ("date", "TCS01", "value", 2024),
]


def widget_of(editor, which: str) -> QWidget:
    if which == "combo":
        return editor.combo
    if which == "first check":
        return next(iter(editor.checks.values()))
    if which in ("not_applicable", "comment", "evidence"):
        return getattr(editor, which)
    return editor.fields[which]


def shown(widget: QWidget) -> object:
    """What the user sees in the widget."""
    if isinstance(widget, QLineEdit):
        return widget.text()
    if isinstance(widget, QComboBox):
        return widget.currentText()
    if isinstance(widget, QCheckBox):
        return widget.isChecked()
    return widget.text()


class DialogCloser:
    """Closes every dialog the shortcut opens (modal ones run their own event loop) and notes its class."""

    def __init__(self) -> None:
        self.seen: list[str] = []
        self.timer = QTimer()
        self.timer.setInterval(50)
        self.timer.timeout.connect(self._close)
        self.timer.start()

    def _close(self) -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is not None:
            self.seen.append(type(dialog).__name__)
            dialog.reject() if hasattr(dialog, "reject") else dialog.close()


def pillar_of(window, widget: QWidget | None) -> str | None:
    for editor in window.form.editors.values():
        if widget is not None and editor.isAncestorOf(widget):
            return editor.indicator.pillar
    return None


def shortcuts(window, start_pillar: str) -> list[tuple[str, str, Callable[[], bool]]]:
    """(README keys, xdotool keys, the action happened)."""
    pillars = [p.code for p in window.form.methodology.pillars]
    here = pillars.index(start_pillar)
    return [
        ("Ctrl+F", "ctrl+f", lambda: QApplication.focusWidget() is window.find),
        ("Ctrl+PgDown", "ctrl+Next", lambda: pillar_of(window, QApplication.focusWidget()) == pillars[here + 1]),
        ("Ctrl+PgUp", "ctrl+Prior", lambda: pillar_of(window, QApplication.focusWidget()) == pillars[here - 1]),
        ("Ctrl+U", "ctrl+u", lambda: QApplication.focusWidget() is window.unit_search),
        ("Ctrl+Z", "ctrl+z", lambda: not window.controller.undo_stack),
        ("Ctrl+Enter", "ctrl+Return", lambda: "MissingDialog" in window.closer.seen),
        ("Ctrl+Enter (keypad)", "ctrl+KP_Enter", lambda: "MissingDialog" in window.closer.seen),
        ("Ctrl+D", "ctrl+d", lambda: window.tabs.currentWidget() is window.dashboard_page),
        ("Ctrl+R", "ctrl+r", lambda: window.tabs.currentWidget() is window.review),
        ("Ctrl+E", "ctrl+e", lambda: window.entry_action in window.triggered),
        ("Ctrl+I", "ctrl+i", lambda: "QFileDialog" in window.closer.seen),
        ("Ctrl+,", "ctrl+comma", lambda: "SettingsDialog" in window.closer.seen),
    ]


def back_to_the_field(qtbot, window, widget: QWidget) -> None:
    window.tabs.setCurrentIndex(0)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5_000)
    window.form.scroll.ensureWidgetVisible(widget, 0, 40)
    widget.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is widget, timeout=5_000)


@pytest.mark.parametrize("field", FIELDS, ids=[f[0] for f in FIELDS])
def test_every_shortcut_wins_over_the_field(qtbot, window, demo_db, field):
    what, code, which, year = (*field, YEAR)[:4]
    open_unit(qtbot, window, UNIT, year)
    editor = window.form.editors[code]
    widget = widget_of(editor, which)
    before_text, before_answer = shown(widget), window.controller.answers.get(code)
    window.triggered, failures = [], []
    for action in (window.entry_action,):
        action.triggered.connect(lambda _=False, a=action: window.triggered.append(a))
    for keys, xkeys, happened in shortcuts(window, editor.indicator.pillar):
        window.closer = DialogCloser()
        if keys == "Ctrl+Z":  # something to undo: a saved change elsewhere
            old = window.controller.answers["NTS03"]
            window.controller.commit("NTS03", replace(old, value=old.value + 1))
            assert window.controller.undo_stack
        back_to_the_field(qtbot, window, widget)
        press(xkeys)
        try:
            qtbot.waitUntil(happened, timeout=15_000)  # Ctrl+D builds the dashboard the first time
        except qtbot.TimeoutError:
            failures.append(f"{keys}: no action")
        window.closer.timer.stop()
        if shown(widget) != before_text or window.controller.answers.get(code) != before_answer:
            failures.append(f"{keys}: the field changed to {shown(widget)!r}")
            window.controller.flush()
            window.form.editors[code].set_answer(before_answer)
    assert not failures, f"in the {what} field: {failures}"
    settle(qtbot, window)
    answers = stored(demo_db, UNIT, year)
    assert answers[code].value == before_answer.value and answers[code].comment == before_answer.comment
    assert (answers[code].numerator, answers[code].denominator) == (before_answer.numerator,
                                                                     before_answer.denominator)
    assert answers["NTS03"].value == window.controller.answers["NTS03"].value  # the undo was saved too


def test_ctrl_u_then_tab_keeps_the_value(qtbot, window, demo_db):
    """The reported loss: Ctrl+U emptied the field and Tab saved the blank (7.2 points gone)."""
    open_unit(qtbot, window, UNIT, YEAR)
    field = window.form.editors["TCS04"].fields["value"]
    saved, shown_text = window.controller.answers["TCS04"].value, field.text()
    assert shown_text
    back_to_the_field(qtbot, window, field)
    press("ctrl+u")
    qtbot.waitUntil(lambda: focused() is window.unit_search, timeout=5_000)
    press("Tab")
    qtbot.wait(200)
    settle(qtbot, window)
    assert field.text() == shown_text
    assert stored(demo_db, UNIT, YEAR)["TCS04"].value == saved


def test_ctrl_z_in_a_field_with_typed_text_puts_back_its_saved_value(qtbot, window, demo_db):
    open_unit(qtbot, window, UNIT, YEAR)
    earlier = window.controller.answers["NTS03"]
    window.controller.commit("NTS03", replace(earlier, value=earlier.value + 1))  # a saved change to keep
    field = window.form.editors["TCS04"].fields["value"]
    saved, shown_text = window.controller.answers["TCS04"].value, field.text()
    typing = "11" if shown_text != "11" else "12"
    back_to_the_field(qtbot, window, field)
    press("ctrl+a")
    type_text(typing)
    qtbot.waitUntil(lambda: field.text() == typing, timeout=5_000)
    press("ctrl+z")
    qtbot.waitUntil(lambda: field.text() == shown_text, timeout=5_000)
    assert focused() is field and len(window.controller.undo_stack) == 1  # the earlier change is not undone
    press("ctrl+z")  # nothing typed now: the last saved change is undone
    qtbot.waitUntil(lambda: not window.controller.undo_stack, timeout=5_000)
    settle(qtbot, window)
    answers = stored(demo_db, UNIT, YEAR)
    assert answers["TCS04"].value == saved and answers["NTS03"].value == earlier.value


def test_ctrl_u_on_the_compare_tab_goes_to_the_unit_search(qtbot, window):
    """The unit list is hidden while comparing: Ctrl+U comes back to Data entry and selects the search text."""
    open_unit(qtbot, window, UNIT, YEAR)
    window.unit_search.setText("nội vụ")
    press("ctrl+d")
    qtbot.waitUntil(lambda: window.tabs.currentWidget() is window.dashboard_page, timeout=10_000)
    press("ctrl+u")
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.unit_search, timeout=5_000)
    assert window.tabs.currentIndex() == 0 and window.unit_search.selectedText() == "nội vụ"
