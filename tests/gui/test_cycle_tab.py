"""The Cycle tab (issue 17): the secretariat sees who is late, starts every review at once, returns chosen units
with a standard comment, publishes and saves the annex — driven with real clicks on a real window, checked in
the database."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit, QPlainTextEdit, QPushButton

from assessment.domain.model import AssessmentStatus
from assessment.domain.timeline import Milestone
from tests.conftest import open_service
from tests.gui.conftest import SCREENSHOTS

S, M = AssessmentStatus, Milestone
YEAR = 2025


@pytest.fixture
def secretariat(demo_db):
    """The demo's 2025 cycle with dates, three submissions, one appraisal; the rest are late drafts."""
    service = open_service(demo_db)
    try:
        service.timeline.set_dates(YEAR, {M.SUBMISSIONS_DUE: dt.date(2026, 2, 15),
                                          M.APPRAISAL_ENDS: dt.date(2027, 3, 31)})
        for code, status in (("SO_NOI_VU", S.SUBMITTED), ("SO_TAI_CHINH", S.SUBMITTED), ("00070", S.SUBMITTED),
                             ("SO_KHCN", S.APPRAISED)):
            service.store.set_status(service.store.assessments(YEAR, unit_code=code)[0].id, status, who="test",
                                     why="test setup")
    finally:
        service.store.close()
    return demo_db


def statuses(db) -> dict[str, AssessmentStatus]:
    service = open_service(db)
    try:
        return {a.unit_code: a.status for a in service.store.assessments(YEAR)}
    finally:
        service.store.close()


def click(qtbot, view, name: str) -> None:
    button = view.findChild(QPushButton, name)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def answer_dialog(fill) -> None:
    """Fill and accept the modal dialog the next click opens."""

    def act() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QDialog):
            QTimer.singleShot(20, act)
            return
        fill(dialog)
        dialog.accept() if not hasattr(dialog, "_check") else dialog._check()

    QTimer.singleShot(20, act)


def test_the_secretariat_runs_the_cycle_from_the_tab(qtbot, make_window, secretariat, tmp_path, monkeypatch,
                                                     qtmodeltester):
    window = make_window(secretariat)
    qtbot.waitUntil(window.is_ready, timeout=20_000)
    bar = window.tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(window.tabs.indexOf(window.cycle_page)).center())
    qtbot.waitUntil(lambda: window.cycle_view is not None and window.cycle_view.state is not None, timeout=20_000)
    view = window.cycle_view
    assert view.year == YEAR
    assert "Hạn nộp tự đánh giá: 15/02/2026" in view.dates.text()
    assert "Chậm nộp: 139" in view.counts.text() and "Đã nộp: 3" in view.counts.text()

    view.filter.setCurrentIndex(view.filter.findData("late"))
    rows = view.model.rows
    assert len(rows) == 139 and all(r.phase.value == "late" for r in rows)
    assert view.model.index(0, 2).data() == "Chậm nộp"
    qtmodeltester.check(view.model)

    monkeypatch.setattr("gui.cycle_view.confirm", lambda *args: True)
    click(qtbot, view, "bulkStart")
    qtbot.waitUntil(lambda: "3 đơn vị" in view.message.text() or "3 unit" in view.message.text(), timeout=20_000)
    assert {statuses(secretariat)[c] for c in ("SO_NOI_VU", "SO_TAI_CHINH", "00070")} == {S.UNDER_REVIEW}

    view.filter.setCurrentIndex(view.filter.findData("in_review"))
    qtbot.waitUntil(lambda: len(view.model.rows) == 3, timeout=20_000)
    selection = view.table.selectionModel()
    for row, unit in enumerate(view.model.rows):
        if unit.unit.code in ("SO_NOI_VU", "SO_TAI_CHINH"):
            selection.select(view.model.index(row, 0), QItemSelectionModel.SelectionFlag.Select
                             | QItemSelectionModel.SelectionFlag.Rows)

    def fill_return(dialog) -> None:
        dialog.findChild(QPlainTextEdit, "standardComment").setPlainText("Bổ sung tài liệu kiểm chứng")
        dialog.findChild(QLineEdit, "commentIndicators").setText("NTS01, NTS02")

    answer_dialog(fill_return)
    click(qtbot, view, "bulkReturn")
    qtbot.waitUntil(lambda: statuses(secretariat)["SO_NOI_VU"] == S.RETURNED, timeout=20_000)
    assert statuses(secretariat)["SO_TAI_CHINH"] == S.RETURNED and statuses(secretariat)["00070"] == S.UNDER_REVIEW

    answer_dialog(lambda dialog: dialog.findChild(QLineEdit, "decisionNumber").setText("1234/QĐ-UBND"))
    click(qtbot, view, "publish")
    qtbot.waitUntil(lambda: view.state is not None and view.state.publication is not None, timeout=30_000)
    assert "Đã công bố" in view.published.text() and "1234/QĐ-UBND" in view.published.text()
    assert statuses(secretariat)["SO_KHCN"] == S.LOCKED

    window.resize(1280, 820)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    window.grab().save(str(SCREENSHOTS / "cycle_tab_vi.png"))  # looked at: see the note

    target = tmp_path / "phu-luc.pdf"
    monkeypatch.setattr("gui.cycle_view.QFileDialog.getSaveFileName", lambda *args, **kwargs: (str(target), ""))
    click(qtbot, view, "annexPdf")
    # the file appears (renamed into place) before the lane's answer reaches the window: wait for what the user reads
    qtbot.waitUntil(lambda: str(target) in view.message.text(), timeout=30_000)
    assert target.read_bytes().startswith(b"%PDF")
