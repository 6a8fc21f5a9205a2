"""Editing while someone else writes (issue 11.1): another process imports answers into the unit open in the
window. A field not being edited takes the new stored value; a field being edited keeps what was typed and its
save is refused with both values shown and a choice; nothing is overwritten unseen, and the status line never
says "saved" for a save that did not happen."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.gui.conftest import open_unit, settle, stored

ROOT = Path(__file__).resolve().parents[2]
UNIT, YEAR = "SO_NOI_VU", 2025
HEADER = "unit_code,cycle,indicator_code,value,numerator,denominator,choice,not_applicable,comment\n"


def import_in_another_process(db: Path, folder: Path, rows: list[str]) -> None:
    path = folder / "tu-so-khac.csv"
    path.write_text(HEADER + "".join(f"{row}\n" for row in rows), encoding="utf-8")
    done = subprocess.run([sys.executable, str(ROOT / "main.py"), "--db", str(db), "answers", "import", str(path)],
                          capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert done.returncode == 0, done.stderr


def baseline(db: Path, folder: Path) -> None:
    """The issue's starting point, whatever the demo drew: NTS01 = 28 meetings, NTS02 = 12/28."""
    import_in_another_process(db, folder, [f"{UNIT},{YEAR},NTS01,28,,,,,", f"{UNIT},{YEAR},NTS02,,12,28,,,"])


def wait_for_change(qtbot, window, before: int) -> None:
    """The window's poll has seen the other process's write and its refresh has been applied."""
    qtbot.waitUntil(lambda: window.sync.hub.seen is not None and window.sync.hub.seen > before, timeout=10_000)
    window.runner.wait()
    QApplication.processEvents()


def ratio(editor) -> tuple[str, str]:  # type: ignore[no-untyped-def]
    return editor.fields["numerator"].text(), editor.fields["denominator"].text()


def test_a_field_being_edited_keeps_its_text_and_its_stale_save_is_refused_and_shown(qtbot, window, demo_db,
                                                                                        tmp_path):
    baseline(demo_db, tmp_path)
    open_unit(qtbot, window, UNIT, YEAR)
    nts02 = window.form.editors["NTS02"]
    assert ratio(nts02) == ("12", "28")
    numerator = nts02.fields["numerator"]
    numerator.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is numerator)
    numerator.selectAll()
    qtbot.keyClicks(numerator, "11")  # typing, not yet left
    before = window.sync.hub.seen or 0
    import_in_another_process(demo_db, tmp_path, [f"{UNIT},{YEAR},NTS02,,12,30,,,"])
    wait_for_change(qtbot, window, before)
    assert ratio(nts02) == ("11", "28")  # the typed text stays
    qtbot.keyClick(numerator, Qt.Key.Key_Tab)  # leaves the field: saved against the version it was read at
    qtbot.waitUntil(lambda: "NTS02" in window.sync.dialogs, timeout=10_000)
    dialog = window.sync.dialogs["NTS02"]
    assert dialog.isVisible() and (dialog.mine_text, dialog.stored_text) == ("11 / 28", "12 / 30")
    settle(qtbot, window)
    answer = stored(demo_db, UNIT, YEAR)["NTS02"]
    assert (answer.numerator, answer.denominator) == (12.0, 30.0)  # nothing overwritten
    status = window.statusBar().currentMessage()
    assert "NTS02" in status and "Đã lưu" not in status and "lưu lúc" not in status
    assert len(window.sync.shown) == 1
    qtbot.mouseClick(dialog.take, Qt.MouseButton.LeftButton)
    assert ratio(nts02) == ("12", "30") and not dialog.isVisible()
    assert window.controller.conflicts == {}


def test_keeping_mine_after_seeing_the_conflict_saves_it(qtbot, window, demo_db, tmp_path):
    baseline(demo_db, tmp_path)
    open_unit(qtbot, window, UNIT, YEAR)
    window.sync.hub.stop()  # the other write lands unseen: the save itself finds out
    import_in_another_process(demo_db, tmp_path, [f"{UNIT},{YEAR},NTS02,,12,30,,,"])
    numerator = window.form.editors["NTS02"].fields["numerator"]
    numerator.selectAll()
    qtbot.keyClicks(numerator, "11")
    qtbot.keyClick(numerator, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "NTS02" in window.sync.dialogs, timeout=10_000)
    qtbot.mouseClick(window.sync.dialogs["NTS02"].keep, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    answer = stored(demo_db, UNIT, YEAR)["NTS02"]
    assert (answer.numerator, answer.denominator) == (11.0, 28.0)  # the user chose it, having seen 12/30
    assert "lưu" in window.statusBar().currentMessage()


def test_fields_not_being_edited_take_the_stored_values_and_the_score_follows(qtbot, window, demo_db, tmp_path):
    baseline(demo_db, tmp_path)
    open_unit(qtbot, window, UNIT, YEAR)
    points_before = window.controller.card().points
    before = window.sync.hub.seen or 0
    import_in_another_process(demo_db, tmp_path, [f"{UNIT},{YEAR},NTS02,,28,30,,,"])
    wait_for_change(qtbot, window, before)
    qtbot.waitUntil(lambda: ratio(window.form.editors["NTS02"]) == ("28", "30"), timeout=10_000)
    assert window.controller.card().points > points_before
    numerator = window.form.editors["NTS02"].fields["numerator"]
    numerator.selectAll()
    qtbot.keyClicks(numerator, "27")
    qtbot.keyClick(numerator, Qt.Key.Key_Return)
    settle(qtbot, window)
    answer = stored(demo_db, UNIT, YEAR)["NTS02"]
    assert (answer.numerator, answer.denominator) == (27.0, 30.0) and window.sync.shown == []


def test_a_write_elsewhere_between_two_of_the_windows_own_saves_still_reaches_the_form(qtbot, window, demo_db,
                                                                                        tmp_path):
    """After the window's own saves only the views showing scores follow (the form shows what it wrote); a write
    by another process among them is not taken for one of its own: the form shows it."""
    from assessment.domain.model import Answer

    baseline(demo_db, tmp_path)
    open_unit(qtbot, window, UNIT, YEAR)
    hub, controller = window.sync.hub, window.controller
    hub.poll()
    qtbot.waitUntil(lambda: not hub.busy and hub.seen == change_counter(demo_db), timeout=10_000)
    hub.stop()  # from here only the polls after the window's own saves read the counter
    nts01 = controller.answers["NTS01"]
    with qtbot.waitSignal(hub.saved_here, timeout=10_000):  # nothing else wrote: the form is not read again
        assert controller.commit("NTS01", Answer("NTS01", nts01.value, comment="biên bản họp quý I"))
    import_in_another_process(demo_db, tmp_path, [f"{UNIT},{YEAR},NTS02,,13,28,,,"])
    with qtbot.waitSignal(hub.changed, timeout=10_000):
        assert controller.commit("NTS01", Answer("NTS01", nts01.value, comment="biên bản họp quý II"))
    settle(qtbot, window)
    qtbot.waitUntil(lambda: ratio(window.form.editors["NTS02"]) == ("13", "28"), timeout=10_000)
    assert window.form.editors["NTS01"].comment.text() == "biên bản họp quý II"


def change_counter(db: Path) -> int:
    from tests.conftest import open_service

    service = open_service(db)
    try:
        return service.change_number()
    finally:
        service.store.close()


def test_the_dashboard_is_recomputed_after_data_entry_in_the_same_window(qtbot, window, demo_db, tmp_path):
    baseline(demo_db, tmp_path)
    window.tabs.setCurrentIndex(1)
    qtbot.waitUntil(lambda: window.dashboard is not None and window.dashboard.comparison is not None,
                    timeout=30_000)
    board = window.dashboard
    board.kind.setCurrentIndex(board.kind.findData("department"))
    qtbot.waitUntil(lambda: board.comparison.group.kind.value == "department", timeout=30_000)
    before = board.comparison.card(UNIT).points
    window.tabs.setCurrentIndex(0)
    open_unit(qtbot, window, UNIT, YEAR)
    numerator = window.form.editors["NTS02"].fields["numerator"]
    numerator.selectAll()
    qtbot.keyClicks(numerator, "28")
    qtbot.keyClick(numerator, Qt.Key.Key_Return)
    settle(qtbot, window)
    window.tabs.setCurrentIndex(1)
    qtbot.waitUntil(lambda: board.comparison.card(UNIT).points > before, timeout=30_000)


def test_the_review_tab_and_the_state_follow_another_process(qtbot, window, demo_db, tmp_path):
    from assessment.domain.model import AssessmentStatus
    from tests.conftest import open_service

    open_unit(qtbot, window, UNIT, YEAR)
    window.tabs.setCurrentWidget(window.review)
    qtbot.waitUntil(lambda: window.review.sheet is not None, timeout=10_000)
    points = window.review.sheet.scorecard.points
    before = window.sync.hub.seen or 0
    import_in_another_process(demo_db, tmp_path, [f"{UNIT},{YEAR},NTS02,,28,28,,,"])
    wait_for_change(qtbot, window, before)
    qtbot.waitUntil(lambda: window.review.sheet.scorecard.points > points, timeout=10_000)
    window.tabs.setCurrentIndex(0)  # a change while the Review tab is hidden: reloaded when it is shown again
    points, before = window.review.sheet.scorecard.points, window.sync.hub.seen
    import_in_another_process(demo_db, tmp_path, [f"{UNIT},{YEAR},NTS02,,20,28,,,"])
    wait_for_change(qtbot, window, before)
    window.tabs.setCurrentWidget(window.review)
    qtbot.waitUntil(lambda: window.review.sheet.scorecard.points < points, timeout=10_000)
    other = open_service(demo_db)  # another inspector submits it: the form turns read-only by itself
    (assessment,) = other.store.assessments(YEAR, unit_code=UNIT)
    other.store.set_status(assessment.id, AssessmentStatus.SUBMITTED, who="thanh-tra")
    other.store.close()
    window.tabs.setCurrentIndex(0)
    field = window.form.editors["NTS01"].fields["value"]
    qtbot.waitUntil(lambda: not field.isEnabled(), timeout=10_000)
    assert not window.controller.session.editable
    assert window.form.editors["NTS02"].fields["numerator"].text() == "20"
