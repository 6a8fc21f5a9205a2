"""A number outside the plausible range in the window (issue 11, item 8): leaving the field asks whether to
keep it; Yes saves it (exported as confirmed), No puts the previous value back. Keyboard only, offscreen."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from tests.gui.conftest import open_unit, settle, stored
from tests.gui.test_entry import find, press, type_into_focus

YEAR = 2026  # the demo has no 2026 answers


def answer_question(button: QMessageBox.StandardButton, seen: list[str]) -> None:
    """When the question is up, note its text and press its button (the question is modal)."""
    def reply() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, reply)
            return
        seen.append(box.text())
        box.button(button).click()

    QTimer.singleShot(20, reply)


def type_meetings(qtbot, window, text: str) -> None:
    find(qtbot, window, "NTS01")
    field = window.form.editors["NTS01"].fields["value"]
    qtbot.waitUntil(lambda: QApplication.focusWidget() is field)
    field.selectAll()
    type_into_focus(qtbot, text)


def test_yes_keeps_an_unusual_value_and_marks_it_confirmed(qtbot, window, demo_db):
    open_unit(qtbot, window, "00070", YEAR)
    seen: list[str] = []
    type_meetings(qtbot, window, "80")  # the commune's NTS01 is plausible up to 60
    answer_question(QMessageBox.StandardButton.Yes, seen)
    press(qtbot, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: bool(seen))
    assert seen == ["NTS01: 80 nằm ngoài khoảng hợp lý 0–60; vẫn giữ giá trị này?"]
    settle(qtbot, window)
    assert stored(demo_db, "00070", YEAR)["NTS01"].value == 80
    exported = window.controller.service.answers.export_frame(year=YEAR, unit_code="00070")
    assert exported.set_index("indicator_code").loc["NTS01", "confirmed"] == "1"


def test_no_puts_the_previous_value_back(qtbot, window, demo_db):
    open_unit(qtbot, window, "00070", YEAR)
    type_meetings(qtbot, window, "12")
    press(qtbot, Qt.Key.Key_Tab)
    settle(qtbot, window)
    seen: list[str] = []
    type_meetings(qtbot, window, "90")
    answer_question(QMessageBox.StandardButton.No, seen)
    press(qtbot, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: bool(seen))
    editor = window.form.editors["NTS01"]
    assert editor.fields["value"].text() == "12"
    assert "90 nằm ngoài khoảng hợp lý 0–60" in editor.message.text()
    settle(qtbot, window)
    assert stored(demo_db, "00070", YEAR)["NTS01"].value == 12


def test_a_plausible_value_is_never_questioned(qtbot, window, demo_db):
    open_unit(qtbot, window, "00070", YEAR)
    type_meetings(qtbot, window, "60")
    press(qtbot, Qt.Key.Key_Tab)
    settle(qtbot, window)
    assert QApplication.activeModalWidget() is None
    assert stored(demo_db, "00070", YEAR)["NTS01"].value == 60
