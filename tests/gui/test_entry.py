"""Filling in a questionnaire in the real window (offscreen): keyboard only, refusals, autosave, undo,
relevance, submit and reopen. Every check reads the database file back with a fresh connection."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QCheckBox, QComboBox, QLineEdit, QPushButton, QWidget

from tests.exchange.packs import candidates
from tests.gui.conftest import open_unit, settle, stored

EMPTY_YEAR = 2026  # the demo has no 2026 answers: an empty questionnaire


def focused():
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"  # QTest would abort the process
    return widget


def type_into_focus(qtbot, text: str) -> None:
    """Type like a keyboard would; Vietnamese letters arrive as text, the way a Telex/VNI input method commits
    them (QTest's keyClicks only knows Latin-1)."""
    widget = focused()
    for char in text:
        if ord(char) < 128:
            qtbot.keyClicks(widget, char)
        else:
            QApplication.sendEvent(widget, QInputMethodEvent("", []))
            event = QInputMethodEvent()
            event.setCommitString(char)
            QApplication.sendEvent(widget, event)


def press(qtbot, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(focused(), key, modifier)


def find(qtbot, window, code: str) -> None:
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is window.find
    qtbot.keyClicks(window.find, code)
    qtbot.keyClick(window.find, Qt.Key.Key_Return)


def test_fill_by_keyboard_and_find_the_answers_in_the_database(qtbot, window, demo_db):
    open_unit(qtbot, window, "00070", EMPTY_YEAR)
    find(qtbot, window, "NTS01")
    editor = window.form.editors["NTS01"]
    assert QApplication.focusWidget() is editor.fields["value"]
    type_into_focus(qtbot, "4")
    press(qtbot, Qt.Key.Key_Tab)  # leaves the field: committed
    assert QApplication.focusWidget() is editor.comment
    type_into_focus(qtbot, "Họp đủ 4 phiên")
    press(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is editor.evidence
    press(qtbot, Qt.Key.Key_Tab)  # NTS02 is shown now that NTS01 > 0: the next field is its numerator
    nts02 = window.form.editors["NTS02"]
    assert nts02.isVisible() and QApplication.focusWidget() is nts02.fields["numerator"]
    type_into_focus(qtbot, "3")
    press(qtbot, Qt.Key.Key_Tab)
    type_into_focus(qtbot, "4")
    press(qtbot, Qt.Key.Key_Tab)
    qtbot.keyClick(window, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)  # next pillar: TCS
    assert window.form.editors["TCS01"].isAncestorOf(QApplication.focusWidget())
    combo = QApplication.focusWidget()
    assert isinstance(combo, QComboBox)
    press(qtbot, Qt.Key.Key_Down)  # first option of TCS01
    settle(qtbot, window)
    answers = stored(demo_db, "00070", EMPTY_YEAR)
    assert answers["NTS01"].value == 4.0 and answers["NTS01"].comment == "Họp đủ 4 phiên"
    assert (answers["NTS02"].numerator, answers["NTS02"].denominator) == (3.0, 4.0)
    assert answers["TCS01"].value == window.form.editors["TCS01"].combo.currentData()
    assert "15" in window.form.editors["NTS02"].points.text()  # 3/4 of 20 points, live


def test_an_invalid_value_is_refused_and_the_old_one_kept(qtbot, window, demo_db):
    open_unit(qtbot, window, "00070", EMPTY_YEAR)
    find(qtbot, window, "NTS01")
    type_into_focus(qtbot, "4")
    press(qtbot, Qt.Key.Key_Tab)
    settle(qtbot, window)
    field = window.form.editors["NTS01"].fields["value"]
    field.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is field)
    field.selectAll()
    type_into_focus(qtbot, "bốn")
    assert field.text() == "bốn"
    message = window.form.editors["NTS01"].message
    assert message.isVisible() and "không phải là số" in message.text()  # said while typing
    press(qtbot, Qt.Key.Key_Tab)
    assert field.text() == "4" and "không phải là số" in message.text()
    settle(qtbot, window)
    assert stored(demo_db, "00070", EMPTY_YEAR)["NTS01"].value == 4.0


def test_a_broken_rule_is_refused_with_the_methodologys_message(qtbot, window, demo_db):
    open_unit(qtbot, window, "00070", EMPTY_YEAR)
    find(qtbot, window, "NTS01")
    type_into_focus(qtbot, "2")
    press(qtbot, Qt.Key.Key_Tab)
    nts02 = window.form.editors["NTS02"]
    nts02.fields["numerator"].setFocus()
    type_into_focus(qtbot, "1")
    press(qtbot, Qt.Key.Key_Tab)
    type_into_focus(qtbot, "3")  # NTS02's denominator must equal NTS01 (2)
    press(qtbot, Qt.Key.Key_Tab)
    assert "phải bằng số cuộc họp" in nts02.message.text()
    assert nts02.fields["numerator"].text() == "1" and nts02.fields["denominator"].text() == "3"  # kept, unsaved
    settle(qtbot, window)
    assert "NTS02" not in stored(demo_db, "00070", EMPTY_YEAR)


def test_the_field_being_typed_is_saved_when_the_window_closes(qtbot, window, demo_db):
    open_unit(qtbot, window, "00070", EMPTY_YEAR)
    find(qtbot, window, "HTS01")
    type_into_focus(qtbot, "87,5")
    window.close()  # no Tab: closing commits the field and waits for the save
    assert stored(demo_db, "00070", EMPTY_YEAR)["HTS01"].value == 87.5


def test_undo_puts_back_the_previous_value(qtbot, window, demo_db):
    open_unit(qtbot, window, "00070", 2025)
    before = stored(demo_db, "00070", 2025)["HTS01"].value
    find(qtbot, window, "HTS01")
    QApplication.focusWidget().selectAll()
    type_into_focus(qtbot, "12")
    press(qtbot, Qt.Key.Key_Tab)
    settle(qtbot, window)
    assert stored(demo_db, "00070", 2025)["HTS01"].value == 12.0
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot, window)
    assert stored(demo_db, "00070", 2025)["HTS01"].value == before
    assert window.form.editors["HTS01"].fields["value"].text() == f"{before:g}".replace(".", ",")


def test_relevance_hides_and_shows_as_answers_change(qtbot, window):
    open_unit(qtbot, window, "00070", EMPTY_YEAR)
    assert not window.form.editors["NTS02"].isVisible()  # shown only when NTS01 > 0
    find(qtbot, window, "NTS01")
    type_into_focus(qtbot, "1")
    press(qtbot, Qt.Key.Key_Tab)
    assert window.form.editors["NTS02"].isVisible()


def test_the_live_score_is_the_services_score(qtbot, window, demo_db):
    open_unit(qtbot, window, "00070", 2025)
    find(qtbot, window, "NTS01")
    QApplication.focusWidget().selectAll()
    type_into_focus(qtbot, "2")
    press(qtbot, Qt.Key.Key_Tab)
    settle(qtbot, window)
    live = window.controller.card()
    from tests.conftest import open_service

    service = open_service(demo_db)
    official = service.scores.for_cycle(year=2025, unit_code="00070").scorecards[0]
    service.store.close()
    assert live.points == pytest.approx(official.points)
    assert [p.points for p in live.pillars] == pytest.approx([p.points for p in official.pillars])
    assert "Tổng điểm" in window.score_line.text()


def test_submit_lists_what_is_missing_and_links_to_it(qtbot, window, monkeypatch):
    open_unit(qtbot, window, "00070", 2025)
    window.submit()
    dialog = window.missing_dialog
    assert dialog.model.rowCount() > 0
    first = dialog.model.index(0, 0)
    code = first.data(Qt.ItemDataRole.UserRole + 1)
    dialog.view.activated.emit(first)
    assert window.form.editors[code].isAncestorOf(QApplication.focusWidget())


def test_submit_locks_and_reopen_unlocks(qtbot, window, demo_db, monkeypatch):
    complete_department(demo_db)
    monkeypatch.setattr("gui.main_window.confirm", lambda *args: True)
    open_unit(qtbot, window, "SO_Y_TE", EMPTY_YEAR)
    assert window.controller.missing() == []
    window.submit()
    qtbot.waitUntil(lambda: not window.controller.session.editable, timeout=10_000)
    field = window.form.editors["NTS01"].fields["value"]
    assert not field.isEnabled() and "chỉ xem" in window.status_line.text()
    assert window.controller.commit("NTS01", window.controller.answers["NTS01"]) is False
    window.reopen()
    qtbot.waitUntil(lambda: window.controller.session.editable, timeout=10_000)
    assert field.isEnabled()


def complete_department(db) -> None:
    """Answer every indicator of the 2026 department questionnaire for SO_Y_TE, with evidence."""
    from assessment.domain.model import EvidenceItem
    from tests.conftest import open_service

    service = open_service(db)
    unit = service.units.get("SO_Y_TE")
    methodology = service.methodologies.for_unit(unit, EMPTY_YEAR)
    for _ in range(3):  # rules link indicators: a second pass settles answers that depend on later ones
        for indicator in methodology.indicators:
            session = service.entry.open("SO_Y_TE", EMPTY_YEAR)
            if indicator.code in session.answers:
                continue
            for answer in candidates(indicator, date="2026-03-01"):
                if service.entry.check(session, session.answers, answer) is None:
                    service.answers.save(unit_code="SO_Y_TE", year=EMPTY_YEAR, answer=answer)
                    break
    session = service.entry.open("SO_Y_TE", EMPTY_YEAR)
    for item in service.entry.missing(session, session.answers):
        if item.what == "evidence":
            service.entry.add_evidence("SO_Y_TE", EMPTY_YEAR, item.code,
                                       EvidenceItem("01/KH-SYT", None, "Kế hoạch chuyển đổi số năm 2026"))
    session = service.entry.open("SO_Y_TE", EMPTY_YEAR)
    assert service.entry.missing(session, session.answers) == []
    service.store.close()


def test_every_control_has_an_accessible_name(qtbot, window):
    open_unit(qtbot, window, "00070", 2025)
    unnamed = [w for cls in (QLineEdit, QComboBox, QCheckBox, QPushButton) for w in window.findChildren(cls)
               if not w.accessibleName() and not (isinstance(w, (QCheckBox, QPushButton)) and w.text())]
    assert unnamed == []


def test_choose_a_unit_by_keyboard(qtbot, window):
    window.cycle.setCurrentIndex(window.cycle.findData(2025))
    qtbot.keyClick(window, Qt.Key.Key_U, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is window.unit_search
    qtbot.keyClicks(window.unit_search, "hoan kiem")  # no diacritics needed
    qtbot.keyClick(window.unit_search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.controller.session is not None and window.form is not None, timeout=10_000)
    assert window.controller.session.unit.name.vi == "Phường Hoàn Kiếm"
    qtbot.waitUntil(lambda: window.form.isAncestorOf(QApplication.focusWidget()), timeout=5_000)


def test_historical_units_are_marked(qtbot, window):
    window.cycle.setCurrentIndex(window.cycle.findData(2025))
    texts = [window.unit_model.index(r, 0, window.unit_model.index(g, 0)).data()
             for g in range(window.unit_model.rowCount())
             for r in range(window.unit_model.rowCount(window.unit_model.index(g, 0)))]
    assert any("Quận Hoàn Kiếm" in t and "lịch sử" in t for t in texts)
    assert any("Phường Hoàn Kiếm" in t and "lịch sử" not in t for t in texts)


def test_evidence_is_attached_with_its_file(qtbot, window, demo_db, tmp_path):
    import hashlib

    from assessment.domain.model import EvidenceItem

    open_unit(qtbot, window, "00070", 2025)
    scan = tmp_path / "bien-ban-hop.pdf"
    scan.write_bytes(b"%PDF-1.4 minutes of the steering committee" * 50)
    window.show_evidence("NTS01")
    dialog = window.findChild(QWidget, "evidenceDialog")
    dialog.number.setText("15/BB-UBND")
    dialog.date.setText("12/03/2025")
    dialog.summary.setText("Biên bản họp Ban Chỉ đạo chuyển đổi số quý I")
    dialog.file = scan
    dialog.add()
    qtbot.waitUntil(lambda: bool(window.controller.answers["NTS01"].evidence), timeout=10_000)
    assert "Minh chứng (1)" in window.form.editors["NTS01"].evidence.text()
    (item,) = stored(demo_db, "00070", 2025)["NTS01"].evidence
    digest = hashlib.sha256(scan.read_bytes()).hexdigest()
    assert (item.document_number, item.summary, item.file_name, item.file_sha256) == (
        "15/BB-UBND", "Biên bản họp Ban Chỉ đạo chuyển đổi số quý I", "bien-ban-hop.pdf", digest)
    kept = demo_db.with_name("demo.files") / digest[:2] / digest
    assert kept.read_bytes() == scan.read_bytes()
    assert isinstance(item, EvidenceItem)


def test_reports_from_the_window(qtbot, window, tmp_path, monkeypatch):
    """The Reports menu writes the unit's scorecard off the GUI thread (real PDF) and the peer group's Excel."""
    from pathlib import Path

    open_unit(qtbot, window, "00070", 2025)
    window.reports.open_folder = False
    pdf, xlsx = tmp_path / "phieu.pdf", tmp_path / "diem.xlsx"
    monkeypatch.setattr("gui.reports.QFileDialog.getSaveFileName", lambda *a, **k: (str(pdf), ""))
    window.report_actions["scorecard"].trigger()
    qtbot.waitUntil(lambda: window.reports.last_output == pdf, timeout=30_000)
    assert pdf.read_bytes().startswith(b"%PDF") and pdf.stat().st_size > 10_000
    monkeypatch.setattr("gui.reports.QFileDialog.getSaveFileName", lambda *a, **k: (str(xlsx), ""))
    window.report_actions["excel"].trigger()
    qtbot.waitUntil(lambda: window.reports.last_output == xlsx, timeout=30_000)
    assert Path(xlsx).read_bytes()[:2] == b"PK"
