"""An a/b pair is one answer (typed with real X key events): both halves keep what was typed while the pair is
refused, the problem shows beside it, and it is saved once the pair is consistent, in whichever order the two
values are typed."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from gui.models import CODE_ROLE
from tests.gui.conftest import open_unit, settle, stored
from tests.xdisplay.test_shortcuts import back_to_the_field
from tests.xdisplay.x11 import click, press, type_text

EMPTY_YEAR = 2026  # no demo answers: an empty questionnaire


@pytest.fixture(autouse=True)
def nls01_is_18_of_31(demo_db):  # type: ignore[no-untyped-def]
    """SO_NOI_VU 2025 NLS01 = 18/31 whatever the demo drew (written before the window opens)."""
    from assessment.domain.model import Answer, IndicatorCode
    from tests.conftest import open_service

    service = open_service(demo_db)
    try:
        service.answers.save(unit_code="SO_NOI_VU", year=2025, who="test",
                             answer=Answer(IndicatorCode("NLS01"), numerator=18.0, denominator=31.0))
    finally:
        service.store.close()


def typed(qtbot, field, text: str) -> None:
    """Select what the field holds and type over it."""
    qtbot.waitUntil(lambda: QApplication.focusWidget() is field, timeout=5_000)
    press("ctrl+a")
    type_text(text)
    qtbot.waitUntil(lambda: field.text() == text, timeout=5_000)


def test_raising_both_values_numerator_first(qtbot, window, demo_db):
    """NLS01 is 18/31; 40/50 typed a first: 40/31 is refused for a moment, but the 40 is not thrown away."""
    open_unit(qtbot, window, "SO_NOI_VU", 2025)
    editor = window.form.editors["NLS01"]
    a, b = editor.fields["numerator"], editor.fields["denominator"]
    back_to_the_field(qtbot, window, a)
    typed(qtbot, a, "40")
    press("Tab")
    qtbot.waitUntil(lambda: QApplication.focusWidget() is b, timeout=5_000)
    assert a.text() == "40" and b.text() == "31"
    assert "40" in editor.message.text() and "31" in editor.message.text()  # larger than the denominator
    typed(qtbot, b, "50")
    press("Tab")
    qtbot.waitUntil(lambda: window.controller.answers["NLS01"].denominator == 50.0, timeout=5_000)
    settle(qtbot, window)
    saved = stored(demo_db, "SO_NOI_VU", 2025)["NLS01"]
    assert (saved.numerator, saved.denominator) == (40.0, 50.0)
    assert (a.text(), b.text()) == ("40", "50") and not editor.message.isVisible()


def test_a_refused_pair_keeps_both_halves_and_is_not_saved(qtbot, window, demo_db):
    """NTS02's denominator must equal NTS01 (2): 1/3 is refused, both halves stay, then b = 2 saves 1/2."""
    open_unit(qtbot, window, "00070", EMPTY_YEAR)
    nts01 = window.form.editors["NTS01"].fields["value"]
    back_to_the_field(qtbot, window, nts01)
    type_text("2")
    press("Tab")
    qtbot.waitUntil(lambda: "NTS01" in window.controller.answers, timeout=5_000)
    nts02 = window.form.editors["NTS02"]
    a, b = nts02.fields["numerator"], nts02.fields["denominator"]
    qtbot.waitUntil(nts02.isVisible, timeout=5_000)
    back_to_the_field(qtbot, window, a)
    type_text("1")
    press("Tab")
    assert nts02.message.text() == ""  # half a pair while still typing it: no complaint yet
    type_text("3")
    press("Tab", "Tab", "Tab")  # b → comment → evidence → the next card: the card is left
    qtbot.waitUntil(lambda: not nts02.isAncestorOf(QApplication.focusWidget()), timeout=5_000)
    qtbot.waitUntil(lambda: "phải bằng số cuộc họp" in nts02.message.text(), timeout=5_000)
    assert (a.text(), b.text()) == ("1", "3")
    assert nts02.message.isVisible() and "Chưa lưu" in nts02.message.text()
    settle(qtbot, window)
    assert "NTS02" not in stored(demo_db, "00070", EMPTY_YEAR)
    back_to_the_field(qtbot, window, b)
    typed(qtbot, b, "2")
    press("Tab")
    qtbot.waitUntil(lambda: "NTS02" in window.controller.answers, timeout=5_000)
    settle(qtbot, window)
    saved = stored(demo_db, "00070", EMPTY_YEAR)["NTS02"]
    assert (saved.numerator, saved.denominator) == (1.0, 2.0) and not nts02.message.isVisible()


def test_half_a_pair_left_behind_says_it_was_not_saved(qtbot, window, demo_db):
    open_unit(qtbot, window, "00070", EMPTY_YEAR)
    nts01 = window.form.editors["NTS01"].fields["value"]
    back_to_the_field(qtbot, window, nts01)
    type_text("2")
    press("Tab")
    nts02 = window.form.editors["NTS02"]
    qtbot.waitUntil(nts02.isVisible, timeout=5_000)
    back_to_the_field(qtbot, window, nts02.fields["numerator"])
    type_text("1")
    press("ctrl+f")  # away from the card with only a typed
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.find, timeout=5_000)
    assert nts02.fields["numerator"].text() == "1" and "Chưa lưu" in nts02.message.text()
    settle(qtbot, window)
    assert "NTS02" not in stored(demo_db, "00070", EMPTY_YEAR)
    assert window.form.editors["NTS02"].has_unsaved_text()


def test_leaving_the_card_from_its_evidence_button_says_the_pair_was_not_saved(qtbot, window, demo_db):
    open_unit(qtbot, window, "SO_NOI_VU", 2025)
    editor = window.form.editors["NLS01"]
    a = editor.fields["numerator"]
    back_to_the_field(qtbot, window, a)
    typed(qtbot, a, "40")
    press("Tab", "Tab", "Tab")  # a → b → comment → evidence: still on the card, the problem as while typing
    qtbot.waitUntil(lambda: QApplication.focusWidget() is editor.evidence, timeout=5_000)
    assert "40" in editor.message.text() and "Chưa lưu" not in editor.message.text()
    press("Tab")  # the next card
    qtbot.waitUntil(lambda: "Chưa lưu" in editor.message.text(), timeout=5_000)
    assert (a.text(), editor.fields["denominator"].text()) == ("40", "31")
    settle(qtbot, window)
    saved = stored(demo_db, "SO_NOI_VU", 2025)["NLS01"]
    assert (saved.numerator, saved.denominator) == (18.0, 31.0)


def refused_pair_on_screen(qtbot, window):
    """SO_NOI_VU 2025 with NLS01 typed as 40 over 18/31 (refused: larger than b), the card left."""
    open_unit(qtbot, window, "SO_NOI_VU", 2025)
    editor = window.form.editors["NLS01"]
    back_to_the_field(qtbot, window, editor.fields["numerator"])
    typed(qtbot, editor.fields["numerator"], "40")
    press("ctrl+f")
    qtbot.waitUntil(lambda: "Chưa lưu" in editor.message.text(), timeout=5_000)
    return editor


def question(qtbot):
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), QMessageBox), timeout=5_000)
    return QApplication.activeModalWidget()


def answer(qtbot, box, label: str) -> None:
    button = next(b for b in box.buttons() if b.text() == label)
    click(button)
    qtbot.waitUntil(lambda: not box.isVisible(), timeout=5_000)


def choose_unit(window, code: str) -> None:
    found = window.unit_filter.match(window.unit_filter.index(0, 0), CODE_ROLE, code, 1,
                                     Qt.MatchFlag.MatchRecursive | Qt.MatchFlag.MatchExactly)
    window.unit_tree.setCurrentIndex(found[0])


def test_choosing_another_unit_with_a_refused_pair_asks_first(qtbot, window, demo_db):
    editor = refused_pair_on_screen(qtbot, window)
    choose_unit(window, "SO_Y_TE")
    box = question(qtbot)
    assert "NLS01" in box.text()
    answer(qtbot, box, "Quay lại chỉ số đó")  # go back: the unit stays, the typed pair too, the cursor on it
    qtbot.waitUntil(lambda: editor.isAncestorOf(QApplication.focusWidget()), timeout=5_000)
    assert window.controller.session.unit.code == "SO_NOI_VU" and editor.fields["numerator"].text() == "40"
    assert window.unit_tree.currentIndex().data(CODE_ROLE) == "SO_NOI_VU"
    choose_unit(window, "SO_Y_TE")
    answer(qtbot, question(qtbot), "Bỏ nội dung đã nhập")
    qtbot.waitUntil(lambda: window.controller.session.unit.code == "SO_Y_TE", timeout=10_000)
    settle(qtbot, window)
    saved = stored(demo_db, "SO_NOI_VU", 2025)["NLS01"]
    assert (saved.numerator, saved.denominator) == (18.0, 31.0)


def test_closing_the_window_with_a_refused_pair_asks_first(qtbot, window):
    editor = refused_pair_on_screen(qtbot, window)
    window.close()
    answer(qtbot, question(qtbot), "Quay lại chỉ số đó")
    assert window.isVisible() and editor.fields["numerator"].text() == "40"
    window.close()
    answer(qtbot, question(qtbot), "Bỏ nội dung đã nhập")
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=5_000)
    assert editor.fields["numerator"].text() == "18"
