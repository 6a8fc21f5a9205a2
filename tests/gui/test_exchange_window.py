"""Exchange and appraisal in the window, between two database files as on two computers: the department
exports its submission (the fingerprint is shown), the inspector drops the file on the window, reads the
differences side by side and imports only what is ticked, reviews it (appraised points need a reason; a comment
for the unit), and returns it as a package; the department imports the return, replies and resubmits; the
inspector appraises and locks it. The state is visible on every tab."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication, QMessageBox

from assessment.domain.model import Answer, AssessmentStatus
from tests.conftest import open_service
from tests.gui.conftest import SCREENSHOTS, open_unit
from tests.gui.test_entry import EMPTY_YEAR, complete_department

UNIT = "SO_Y_TE"


@pytest.fixture
def two_databases(demo_template: Path, tmp_path: Path) -> tuple[Path, Path]:
    department, inspector = tmp_path / "department.sqlite", tmp_path / "inspector.sqlite"
    shutil.copy(demo_template, department)
    shutil.copy(demo_template, inspector)
    complete_department(department)
    return department, inspector


def status_in(db: Path) -> AssessmentStatus | None:
    service = open_service(db)
    try:
        found = service.store.assessments(EMPTY_YEAR, unit_code=UNIT)
        return found[0].status if found else None
    finally:
        service.store.close()


def answers_in(db: Path) -> dict:
    service = open_service(db)
    try:
        found = service.store.assessments(EMPTY_YEAR, unit_code=UNIT)
        return {a.indicator_code: (a.value, a.numerator, a.denominator, a.choices, a.not_applicable)
                for a in service.store.answers.of(found[0].id)} if found else {}
    finally:
        service.store.close()


def message_box(qtbot, name: str) -> QMessageBox:
    qtbot.waitUntil(lambda: any(isinstance(w, QMessageBox) and w.objectName() == name and w.isVisible()
                                for w in QApplication.topLevelWidgets()), timeout=10_000)
    box = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.objectName() == name
               and w.isVisible())
    return box


def close_boxes() -> None:
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QMessageBox) and widget.isVisible():
            widget.close()


def drop(window, files: list[Path]) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(f)) for f in files])
    event = QDropEvent(QPointF(200, 200), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    window.dropEvent(event)
    assert event.isAccepted()


def import_dialog(qtbot, window):
    qtbot.waitUntil(lambda: window.packages.dialog is not None and window.packages.dialog.isVisible(), timeout=10_000)
    return window.packages.dialog


def apply(qtbot, dialog) -> None:
    dialog.results = None
    dialog.applied.connect(lambda results: setattr(dialog, "results", results))
    qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.results is not None, timeout=10_000)


def review_state(qtbot, window, status: AssessmentStatus) -> None:
    qtbot.waitUntil(lambda: window.review.sheet is not None and window.review.sheet.assessment.status == status,
                    timeout=10_000)


def test_submission_review_return_and_resubmission_through_two_windows(qtbot, make_window, two_databases,
                                                                      tmp_path, monkeypatch, qtmodeltester):
    department_db, inspector_db = two_databases
    monkeypatch.setattr("gui.main_window.confirm", lambda *args: True)
    # The inspector's copy already holds an answer the package will replace: the import must ask first.
    inspector = open_service(inspector_db)
    methodology = inspector.methodologies.for_unit(inspector.units.get(UNIT), EMPTY_YEAR)
    sent = answers_in(department_db)
    replaced = next(i.code for i in methodology.indicators
                    if i.answer.type.value in ("number", "count") and sent.get(i.code, (None,))[0] not in (None, 7.0))
    inspector.answers.save(unit_code=UNIT, year=EMPTY_YEAR, answer=Answer(replaced, 7.0))
    inspector.store.close()

    # ---- the department: submit, export, read the fingerprint
    department = make_window(department_db)
    open_unit(qtbot, department, UNIT, EMPTY_YEAR)
    assert not department.package_actions["export"].isEnabled()  # a draft is not sent
    department.submit()
    qtbot.waitUntil(lambda: department.controller.session.status == AssessmentStatus.SUBMITTED, timeout=10_000)
    assert department.package_actions["export"].isEnabled()
    assert "đã nộp" in department.status_line.text()
    package = tmp_path / "so-y-te.dxpkg"
    department.packages.ask_path = lambda *args: str(package)
    department.package_actions["export"].trigger()
    box = message_box(qtbot, "exportDone")
    fingerprint = department.packages.last_export.fingerprint
    assert package.exists() and fingerprint in box.text()
    close_boxes()

    # ---- the inspector: drop the file, nothing is written until the package is ticked
    inspector_window = make_window(inspector_db)
    before = answers_in(inspector_db)
    drop(inspector_window, [package])
    dialog = import_dialog(qtbot, inspector_window)
    model = dialog.model
    assert model.previews[0].outcome.value == "changed" and model.previews[0].needs_trust
    assert model.asks(0) and model.index(0, 6).data() == fingerprint
    keys = dialog.keys  # the new key is asked for once per signer, with its fingerprint, never ticked for you
    assert [(keys.index(r, 1).data(), keys.index(r, 2).data()) for r in range(keys.rowCount())] == [(UNIT, fingerprint)]
    assert keys.index(0, 0).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    assert dialog.key_table.isVisibleTo(dialog)
    assert "thay đổi" in model.index(0, 4).data()
    dialog.show_row(0)
    differing = [dialog.diff.index(r, 0).data() for r in range(dialog.diff.rowCount())]
    assert replaced in differing
    row = differing.index(replaced)
    assert dialog.diff.index(row, 2).data() == "7" and fingerprint in dialog.diff_label.text()
    for preview_model in (dialog.model, dialog.keys, dialog.diff):  # the three tables, holding a real package
        qtmodeltester.check(preview_model)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    dialog.grab().save(str(SCREENSHOTS / "vi_7_import_preview.png"))
    apply(qtbot, dialog)
    assert not dialog.results[0].applied and "không nhập" in model.index(0, 4).data()
    assert answers_in(inspector_db) == before and status_in(inspector_db) == AssessmentStatus.DRAFT
    dialog.close()

    drop(inspector_window, [package])
    dialog = import_dialog(qtbot, inspector_window)
    assert model is not dialog.model
    dialog.model.setData(dialog.model.index(0, 0), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    apply(qtbot, dialog)  # the package is accepted but its signer's key is not trusted: nothing written
    assert not dialog.results[0].applied and dialog.results[0].held_back == "untrusted"
    assert UNIT in dialog.model.index(0, 5).data()
    assert answers_in(inspector_db) == before
    dialog.close()

    drop(inspector_window, [package])
    dialog = import_dialog(qtbot, inspector_window)
    dialog.model.setData(dialog.model.index(0, 0), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    dialog.keys.setData(dialog.keys.index(0, 0), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    assert dialog.chosen() == ({dialog.model.previews[0].package_id}, {UNIT})
    apply(qtbot, dialog)
    assert dialog.results[0].applied, dialog.results[0].reason
    assert answers_in(inspector_db) == sent and status_in(inspector_db) == AssessmentStatus.SUBMITTED
    dialog.close()

    # the same file again changes nothing
    inspector_window.packages.import_paths([package])
    qtbot.waitUntil(lambda: inspector_window.packages.dialog is not dialog, timeout=10_000)
    again = import_dialog(qtbot, inspector_window)
    assert again.model.previews[0].outcome.value == "unchanged" and not again.apply_button.isEnabled()
    again.close()

    # ---- review: start, appraise one indicator (the reason is required), comment on another, return
    open_unit(qtbot, inspector_window, UNIT, EMPTY_YEAR)
    inspector_window.tabs.setCurrentWidget(inspector_window.review)
    review = inspector_window.review
    review_state(qtbot, inspector_window, AssessmentStatus.SUBMITTED)
    assert "đã nộp" in review.heading.text()
    assert review.step_buttons[review_step("START_REVIEW")].isVisible()
    qtbot.mouseClick(review.step_buttons[review_step("START_REVIEW")], Qt.MouseButton.LeftButton)
    review_state(qtbot, inspector_window, AssessmentStatus.UNDER_REVIEW)
    rows = {review.model.row_code(r): r for r in range(review.model.rowCount())}
    scored = next(code for code, r in rows.items() if review.model.rows[r].score.points > 0)
    review.edit_row(rows[scored])
    appraise = review.dialog
    appraise.use_points.setChecked(True)
    appraise.points.setValue(0.0)
    appraise.check_and_accept()
    assert appraise.isVisible() and "lý do" in appraise.message.text().lower()  # refused: no reason given
    appraise.reason.setPlainText("Biên bản không có chữ ký của lãnh đạo sở")
    appraise.check_and_accept()
    qtbot.waitUntil(lambda: review.sheet.scorecard.appraised
                    and review.model.index(rows[scored], 3).data() == "0", timeout=10_000)
    assert "Biên bản không có chữ ký" in review.model.index(rows[scored], 4).data()
    qtmodeltester.check(review.model)  # appraised points and their reason on a real sheet
    assert "Thẩm định" in review.totals.text() or "thẩm định" in review.totals.text()
    commented = next(code for code in rows if code != scored)
    review.edit_row(rows[commented])
    review.dialog.comment.setPlainText("Đề nghị bổ sung kế hoạch đã ký")
    review.dialog.check_and_accept()
    qtbot.waitUntil(lambda: "Đề nghị bổ sung" in (review.model.index(rows[commented], 5).data() or ""),
                    timeout=10_000)
    inspector_window.grab().save(str(SCREENSHOTS / "vi_8_review.png"))
    returned = tmp_path / "so-y-te-return.dxpkg"
    inspector_window.packages.ask_path = lambda *args: str(returned)
    qtbot.mouseClick(review.step_buttons[review_step("RETURN")], Qt.MouseButton.LeftButton)
    review_state(qtbot, inspector_window, AssessmentStatus.RETURNED)
    qtbot.waitUntil(returned.exists, timeout=10_000)
    message_box(qtbot, "exportDone")
    close_boxes()

    # ---- the department: import the return, reply, resubmit, send again
    department.packages.import_paths([returned])
    dialog = import_dialog(qtbot, department)
    (refused,) = dialog.model.previews  # the inspector's key, first seen here: never trusted on first use
    assert refused.outcome.value == "rejected" and refused.rejection == "key" and dialog.keys.rowCount() == 0
    assert "keys import" in refused.reason and not dialog.apply_button.isEnabled()
    dialog.close()
    city_keys = tmp_path / "city-keys.json"
    inspector_window.service.packages.export_keys(city_keys, [inspector_window.service.packages.inspector_identity])
    shown: list[str] = []
    monkeypatch.setattr("gui.package_actions.QFileDialog.getOpenFileName", lambda *args: (str(city_keys), ""))
    monkeypatch.setattr("gui.package_actions.QMessageBox.information", lambda _parent, _title, text: shown.append(text))
    department.packages.import_keys()
    qtbot.waitUntil(lambda: bool(shown), timeout=10_000)
    assert "inspector:" in shown[0]
    department.packages.import_paths([returned])
    qtbot.waitUntil(lambda: department.packages.dialog is not dialog, timeout=10_000)
    dialog = import_dialog(qtbot, department)
    assert dialog.model.previews[0].outcome.value == "new" and not dialog.model.previews[0].needs_trust
    apply(qtbot, dialog)
    assert dialog.results[0].applied, dialog.results[0].reason
    dialog.close()
    qtbot.waitUntil(lambda: department.controller.session.status == AssessmentStatus.RETURNED, timeout=10_000)
    assert department.controller.session.editable and "trả lại" in department.status_line.text()
    department.tabs.setCurrentWidget(department.review)
    review_state(qtbot, department, AssessmentStatus.RETURNED)
    rows = {department.review.model.row_code(r): r for r in range(department.review.model.rowCount())}
    department.review.edit_row(rows[commented])
    department.review.dialog.reply.setPlainText("Đã bổ sung Kế hoạch số 12/KH-SYT")
    department.review.dialog.check_and_accept()
    qtbot.waitUntil(lambda: department.review.model.index(rows[commented], 6).data() == "Đã bổ sung Kế hoạch số "
                                                                                     "12/KH-SYT", timeout=10_000)
    department.tabs.setCurrentIndex(0)
    department.submit()
    qtbot.waitUntil(lambda: department.controller.session.status == AssessmentStatus.RESUBMITTED, timeout=10_000)
    resubmission = tmp_path / "so-y-te-2.dxpkg"
    department.packages.ask_path = lambda *args: str(resubmission)
    department.package_actions["export"].trigger()
    message_box(qtbot, "exportDone")
    close_boxes()

    # ---- the inspector: the reply arrives, appraise, lock; the comparison shows both indices
    inspector_window.packages.import_paths([resubmission])
    qtbot.waitUntil(lambda: inspector_window.packages.dialog is not None
                    and inspector_window.packages.dialog.model.previews[0].path == resubmission, timeout=10_000)
    dialog = inspector_window.packages.dialog
    apply(qtbot, dialog)
    assert dialog.results[0].applied, dialog.results[0].reason
    dialog.close()
    review_state(qtbot, inspector_window, AssessmentStatus.RESUBMITTED)
    assert review.model.index(rows[commented], 6).data() == "Đã bổ sung Kế hoạch số 12/KH-SYT"
    qtbot.mouseClick(review.step_buttons[review_step("APPRAISE")], Qt.MouseButton.LeftButton)
    review_state(qtbot, inspector_window, AssessmentStatus.APPRAISED)
    qtbot.mouseClick(review.step_buttons[review_step("LOCK")], Qt.MouseButton.LeftButton)
    review_state(qtbot, inspector_window, AssessmentStatus.LOCKED)
    assert "khóa" in review.heading.text()
    assert [b for b, button in review.step_buttons.items() if button.isVisible()] == [review_step("UNLOCK")]
    history = [review.history.item(i).text() for i in range(review.history.count())]
    assert len(history) >= 6 and "khóa" in history[-1]

    # ---- the comparison shows both results and the state
    inspector_window.tabs.setCurrentIndex(1)
    board = inspector_window.dashboard
    board.cycle.setCurrentIndex(board.cycle.findData(EMPTY_YEAR))
    board.kind.setCurrentIndex(board.kind.findData(inspector_window.service.units.get(UNIT).kind.value))
    qtbot.waitUntil(lambda: board.comparison is not None and board.comparison.group.cycle == EMPTY_YEAR
                    and board.busy.isHidden(), timeout=20_000)
    ranking = board.charts["ranking"]
    x, y = ranking.appraised.getData()
    assert len(x) == 1 and y[0] == board.comparison.group.appraised_index[board.comparison.group.row(UNIT)]
    assert "thẩm định" in ranking.plotItem.titleLabel.text
    headers = board.peers.headers
    row = next(r for r in range(board.peers.rowCount()) if board.peers.rows[r][2] == UNIT)
    shown = board.peers.rows[row][0]
    assert shown[headers.index("Trạng thái")] == "đã khóa" and shown[headers.index("Thẩm định")] != "—"
    board.select(UNIT)
    inspector_window.grab().save(str(SCREENSHOTS / "vi_9_dashboard_appraised.png"))

    inspector = open_service(inspector_db)
    try:
        group = inspector.compare.peer_group(year=EMPTY_YEAR, kind=inspector.units.get(UNIT).kind).group
        row = group.row(UNIT)
        assert group.status[row] == "locked" and group.appraised_index[row] < group.index[row]
        assert inspector.audit.verify().ok
    finally:
        inspector.store.close()


def review_step(name: str):  # type: ignore[no-untyped-def]
    from assessment.domain.workflow import Step

    return Step[name]


def test_a_damaged_file_is_rejected_in_the_preview_and_nothing_is_written(qtbot, window, demo_db, tmp_path):
    damaged = tmp_path / "hong.dxpkg"
    damaged.write_bytes(b"PK\x03\x04 not really a zip")
    before = answers_in(demo_db)
    window.packages.import_paths([damaged])
    dialog = import_dialog(qtbot, window)
    assert dialog.model.previews[0].outcome.value == "rejected"
    assert dialog.model.index(0, 5).data().startswith("tệp bị hỏng")
    assert not dialog.apply_button.isEnabled()
    assert answers_in(demo_db) == before
