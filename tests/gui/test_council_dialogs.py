"""The council's records entered on the Cycle tab (issue 17): members, a meeting with its signed minutes, and a
decision with votes, each driven with real clicks on a real window and checked in the database. A refused entry
shows the service's message in the dialog, writes nothing, and keeps what was typed to correct."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
)

from assessment.domain.model import AssessmentStatus
from tests.conftest import open_service
from tests.gui.conftest import SCREENSHOTS

YEAR, UNIT, CODE = 2025, "SO_KHCN", "NTS01"


@pytest.fixture
def appraised(demo_db):
    """The demo's 2025 cycle with one department appraised (the council decides on appraised figures)."""
    service = open_service(demo_db)
    try:
        service.store.set_status(service.store.assessments(YEAR, unit_code=UNIT)[0].id, AssessmentStatus.APPRAISED,
                                 who="test", why="test setup")
    finally:
        service.store.close()
    return demo_db


def in_database(db, read):  # type: ignore[no-untyped-def]
    service = open_service(db)
    try:
        return read(service)
    finally:
        service.store.close()


def click_ok(dialog: QDialog) -> None:
    QTest.mouseClick(dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok),
                     Qt.MouseButton.LeftButton)


def through_dialog(steps: list, refusals: list[str]) -> None:  # type: ignore[type-arg]
    """Drive the modal dialog the next click opens: each step fills fields and clicks OK; after every step but
    the last the dialog must still be open with a refusal, which is collected in `refusals`."""

    def act(index: int = 0) -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QDialog):
            QTimer.singleShot(20, act)
            return
        steps[index](dialog)
        click_ok(dialog)
        if index + 1 < len(steps):
            wait_refusal(dialog, index + 1)
        else:
            closed(dialog)

    def closed(dialog: QDialog) -> None:
        """The last step must be taken: a refusal then is collected (the test fails on it) and the dialog is
        closed, so a wrong refusal never leaves the test waiting."""
        error = dialog.findChild(QLabel, "councilError")
        if dialog.isVisible() and error.text():
            refusals.append(f"unexpected: {error.text()}")
            dialog.reject()
        elif dialog.isVisible():
            QTimer.singleShot(20, lambda: closed(dialog))

    def wait_refusal(dialog: QDialog, following: int) -> None:
        error = dialog.findChild(QLabel, "councilError")
        if not error.text():
            QTimer.singleShot(20, lambda: wait_refusal(dialog, following))
            return
        assert dialog.isVisible()
        refusals.append(error.text())
        error.clear()
        act(following)

    QTimer.singleShot(20, act)


def test_the_secretary_records_the_council_from_the_cycle_tab(qtbot, make_window, appraised, tmp_path):
    window = make_window(appraised)
    bar = window.tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(window.tabs.indexOf(window.cycle_page)).center())
    qtbot.waitUntil(lambda: window.cycle_view is not None and window.cycle_view.state is not None, timeout=20_000)
    view = window.cycle_view
    button = {name: view.findChild(QPushButton, name) for name in ("addMember", "recordMeeting", "recordDecision")}
    refusals: list[str] = []

    def member(name: str, role: str):  # type: ignore[no-untyped-def]
        def fill(dialog: QDialog) -> None:
            dialog.findChild(QLineEdit, "memberName").setText(name)
            dialog.findChild(QComboBox, "memberRole").setCurrentText(role)
        return fill

    through_dialog([member("   ", "Ủy viên"), member("Nguyễn Văn An", "Chủ tịch Hội đồng")], refusals)
    qtbot.mouseClick(button["addMember"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Nguyễn Văn An" in view.message.text(), timeout=20_000)
    assert refusals == ["tên thành viên: đang để trống"]  # the core's refusal in the window's language
    through_dialog([member("Trần Thị Bình", "Ủy viên")], refusals)
    qtbot.mouseClick(button["addMember"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.state.members == 2, timeout=20_000)
    assert in_database(appraised, lambda s: [(m.name, m.role) for m in s.council.members(YEAR)]) == [
        ("Nguyễn Văn An", "Chủ tịch Hội đồng"), ("Trần Thị Bình", "Ủy viên")]

    scan = tmp_path / "bien-ban-ky.pdf"
    scan.write_bytes(b"%PDF-1.4 bien ban da ky\n")

    def meeting(day: str, file: str):  # type: ignore[no-untyped-def]
        def fill(dialog: QDialog) -> None:
            dialog.findChild(QLineEdit, "meetingDate").setText(day)
            dialog.findChild(QPlainTextEdit, "meetingMinutes").setPlainText("Biên bản họp Hội đồng thẩm định")
            dialog.findChild(QLineEdit, "minutesFile").setText(file)
        return fill

    through_dialog([meeting("31/02/2026", str(scan)), meeting("10/04/2031", str(scan)),
                    meeting("10/04/2026", str(tmp_path / "khong-co.pdf")), meeting("10/04/2026", str(scan))],
                   refusals)
    qtbot.mouseClick(button["recordMeeting"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.state.meetings == 1, timeout=20_000)
    assert refusals[1] in ("31/02/2026 không phải là ngày (dd/mm/yyyy)", "31/02/2026 is not a date (dd/mm/yyyy)")
    assert "được tổ chức trong 2025–2027" in refusals[2] and "không có tệp này" in refusals[3]
    (held,) = in_database(appraised, lambda s: s.council.meetings(YEAR))
    assert held.held_on == dt.date(2026, 4, 10) and held.minutes_file_name == "bien-ban-ky.pdf"
    assert in_database(appraised, lambda s: s.council.minutes_file(held).read_bytes()) == scan.read_bytes()

    score = in_database(appraised, lambda s: next(i for i in s.scores.for_cycle(
        year=YEAR, unit_code=UNIT).scorecards[0].indicators if i.code == CODE))
    top, settled = score.max_points, (0.0 if score.points > 0 else score.max_points)

    def decision(points: float, reason: str):  # type: ignore[no-untyped-def]
        def fill(dialog: QDialog) -> None:
            unit = dialog.findChild(QComboBox, "decisionUnit")
            unit.setCurrentIndex(unit.findData(UNIT))
            dialog.findChild(QLineEdit, "decisionIndicator").setText(CODE.lower())
            dialog.findChild(QDoubleSpinBox, "decisionPoints").setValue(points)
            dialog.findChild(QPlainTextEdit, "decisionReason").setPlainText(reason)
            for n, vote in enumerate(("for", "abstain")):
                box = dialog.findChild(QComboBox, f"vote_{n}")
                box.setCurrentIndex(box.findData(vote))
        return fill

    def shot(fill):  # type: ignore[no-untyped-def]
        def filled(dialog: QDialog) -> None:
            fill(dialog)
            SCREENSHOTS.mkdir(parents=True, exist_ok=True)
            dialog.grab().save(str(SCREENSHOTS / "council_decision_vi.png"))  # looked at
        return filled

    through_dialog([decision(top + 5, "Quá điểm"), decision(settled, ""),
                    shot(decision(settled, "Đơn vị xuất trình văn bản tại phiên họp"))], refusals)
    qtbot.mouseClick(button["recordDecision"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not view.council_dialog.isVisible(), timeout=20_000)
    assert not [r for r in refusals if r.startswith("unexpected")], refusals
    qtbot.waitUntil(lambda: view.state.decisions == 1, timeout=20_000)
    assert f"phải từ 0 đến {top:g}" in refusals[4] and "lý do của hội đồng: đang để trống" in refusals[5]
    (decided,) = in_database(appraised, lambda s: s.council.decisions(YEAR))
    assert (decided.unit_code, decided.indicator_code, decided.outcome.value, decided.points) == (
        UNIT, CODE, "adjusted", settled)
    assert {name: vote.value for name, vote in decided.votes.items()} == {"Nguyễn Văn An": "for",
                                                                         "Trần Thị Bình": "abstain"}
    card = in_database(appraised, lambda s: s.scores.for_cycle(year=YEAR, unit_code=UNIT).scorecards[0])
    assert next(i.appraised_points for i in card.indicators if i.code == CODE) == settled
    assert (view.state.members, view.state.meetings, view.state.decisions) == (2, 1, 1)
    window.resize(1280, 820)
    window.grab().save(str(SCREENSHOTS / "cycle_council_vi.png"))  # looked at
    assert in_database(appraised, lambda s: s.audit.verify().ok)


def test_a_decision_recorded_meanwhile_by_another_process_is_refused_and_the_typed_text_kept(
        qtbot, make_window, appraised, tmp_path):
    """Two secretaries: one has the decision dialog filled in while the other records the council's decision on the
    same indicator from the command line. OK then refuses, in the window's language, with nothing written: the
    database holds the other decision only, and the dialog keeps what was typed (to read, copy or cancel)."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    def set_up(s):  # type: ignore[no-untyped-def]
        s.council.add_member(YEAR, "Nguyễn Văn An", "Chủ tịch Hội đồng")
        return s.council.record_meeting(YEAR, dt.date(2026, 4, 10), "Biên bản họp Hội đồng thẩm định").id

    meeting = in_database(appraised, set_up)
    window = make_window(appraised)
    bar = window.tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(window.tabs.indexOf(window.cycle_page)).center())
    qtbot.waitUntil(lambda: window.cycle_view is not None and window.cycle_view.state is not None, timeout=20_000)
    view = window.cycle_view
    root = Path(__file__).resolve().parents[2]
    seen: dict[str, object] = {}
    reason = "Đơn vị xuất trình văn bản tại phiên họp"

    def act() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QDialog):
            QTimer.singleShot(20, act)
            return
        unit = dialog.findChild(QComboBox, "decisionUnit")
        unit.setCurrentIndex(unit.findData(UNIT))
        dialog.findChild(QLineEdit, "decisionIndicator").setText(CODE)
        dialog.findChild(QPlainTextEdit, "decisionReason").setPlainText(reason)
        seen["other"] = subprocess.run(
            [sys.executable, str(root / "main.py"), "--db", str(appraised), "council", "decide", "--meeting",
             str(meeting), "--unit", UNIT, "--indicator", CODE, "--keep", "--reason", "Giữ nguyên điểm thẩm định",
             "--vote", "Nguyễn Văn An=for"], capture_output=True, text=True, timeout=120, cwd=root,
            env={**os.environ, "DXSCORE_LOG_DIR": str(tmp_path / "logs")})
        click_ok(dialog)
        refused(dialog)

    def refused(dialog: QDialog) -> None:
        error = dialog.findChild(QLabel, "councilError")
        if not error.text():
            QTimer.singleShot(20, lambda: refused(dialog))
            return
        seen["error"], seen["open"] = error.text(), dialog.isVisible()
        seen["kept"] = dialog.findChild(QPlainTextEdit, "decisionReason").toPlainText()
        dialog.reject()

    QTimer.singleShot(20, act)
    qtbot.mouseClick(view.findChild(QPushButton, "recordDecision"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "error" in seen, timeout=30_000)
    other = seen["other"]
    assert other.returncode == 0, other.stderr  # type: ignore[attr-defined]
    assert seen["open"] and seen["kept"] == reason
    assert "hội đồng đã quyết định chỉ tiêu này" in str(seen["error"]).lower(), seen["error"]
    (decided,) = in_database(appraised, lambda s: s.council.decisions(YEAR))
    assert (decided.unit_code, decided.indicator_code, decided.outcome.value, decided.reason) == (
        UNIT, CODE, "kept", "Giữ nguyên điểm thẩm định")
    assert in_database(appraised, lambda s: s.audit.verify().ok)
