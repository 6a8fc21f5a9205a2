"""No database work on the GUI thread: the window reads and writes only on its database lane.

Every statement the SQLAlchemy engine executes is checked for the thread it runs on while the real window is
driven through its main paths (start, cycle and unit switch, typing answers, the Review, Compare and Resolution
18 tabs, a report); a statement on the GUI thread fails the test with the Python stack that issued it."""

from __future__ import annotations

import threading
import traceback

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import event

from tests.conftest import open_service
from tests.gui.conftest import open_unit, settle


class GuiThreadStatements:
    """Records each statement the engine runs on the GUI (main) thread, with where it came from."""

    def __init__(self, engine) -> None:  # type: ignore[no-untyped-def]
        self.engine, self.found = engine, []
        event.listen(engine, "before_cursor_execute", self._executing)

    def _executing(self, _conn, _cursor, statement, _params, _context, _many) -> None:  # type: ignore[no-untyped-def]
        if threading.current_thread() is threading.main_thread():
            ours = [f for f in traceback.extract_stack()[:-1] if "/gui/" in f.filename and "/tests/" not in f.filename]
            self.found.append(" <- ".join(f"{f.filename.split('/gui/')[-1]}:{f.lineno}" for f in reversed(ours[-3:])))

    def close(self) -> None:
        event.remove(self.engine, "before_cursor_execute", self._executing)


@pytest.fixture
def watched_window(qtbot, settings, demo_db):
    from gui.main_window import MainWindow

    service = open_service(demo_db)  # opening the database (before any window) may read where it likes
    service.user = "Nguyễn Thị Lan"
    watch = GuiThreadStatements(service.store.engine)
    window = MainWindow(service, settings, lang="vi")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(window.is_ready, timeout=10_000)
    yield window, watch
    window.close()
    watch.close()
    service.store.close()


def test_starting_and_switching_units_and_cycles_reads_nothing_on_the_gui_thread(qtbot, watched_window):
    window, watch = watched_window
    open_unit(qtbot, window, "00070", 2025)
    open_unit(qtbot, window, "00256", 2025)
    open_unit(qtbot, window, "00256", 2026)
    window.cycle.setCurrentIndex(window.cycle.findData(2025))
    qtbot.waitUntil(lambda: window.controller.session.year == 2025, timeout=10_000)
    assert not watch.found, "\n".join(sorted(set(watch.found)))


def test_typing_answers_reads_and_writes_nothing_on_the_gui_thread(qtbot, watched_window):
    window, watch = watched_window
    open_unit(qtbot, window, "00070", 2026)
    editor = window.form.editors["NTS01"]
    for value in ("3", "4", "2"):
        editor.fields["value"].setFocus()
        editor.fields["value"].setText(value)
        qtbot.keyClick(editor.fields["value"], Qt.Key.Key_Tab)
    settle(qtbot, window)
    window.undo()
    settle(qtbot, window)
    assert not watch.found, "\n".join(sorted(set(watch.found)))


def test_the_review_compare_and_city_tabs_read_nothing_on_the_gui_thread(qtbot, watched_window):
    window, watch = watched_window
    open_unit(qtbot, window, "00070", 2025)
    window.tabs.setCurrentWidget(window.review)
    qtbot.waitUntil(lambda: window.review.sheet is not None, timeout=20_000)
    window.tabs.setCurrentWidget(window.dashboard_page)
    qtbot.waitUntil(lambda: window.dashboard is not None and window.dashboard.comparison is not None
                    and window.dashboard.busy.isHidden(), timeout=30_000)
    board = window.dashboard
    board.kind.setCurrentIndex(board.kind.findData("department"))
    qtbot.waitUntil(lambda: board.comparison.group.kind.value == "department" and board.busy.isHidden(),
                    timeout=30_000)
    window.tabs.setCurrentWidget(window.city_page)
    qtbot.waitUntil(lambda: window.city_view is not None and window.city_view.progress is not None, timeout=30_000)
    window.sync.follow()  # the change signal: every view refreshes itself
    window.tabs.setCurrentWidget(window.review)
    qtbot.wait(300)
    assert not watch.found, "\n".join(sorted(set(watch.found)))


def test_a_report_reads_nothing_on_the_gui_thread(qtbot, watched_window, tmp_path, monkeypatch):
    window, watch = watched_window
    open_unit(qtbot, window, "00070", 2025)
    window.reports.open_folder = False
    pdf = tmp_path / "card.pdf"
    monkeypatch.setattr("gui.reports.QFileDialog.getSaveFileName", lambda *a, **k: (str(pdf), ""))
    window.report_actions["scorecard"].trigger()
    qtbot.waitUntil(lambda: window.reports.last_output == pdf, timeout=30_000)
    assert not watch.found, "\n".join(sorted(set(watch.found)))


def test_submit_evidence_and_a_package_export_read_nothing_on_the_gui_thread(qtbot, watched_window, tmp_path,
                                                                             monkeypatch):
    from PySide6.QtWidgets import QApplication

    window, watch = watched_window
    monkeypatch.setattr("gui.main_window.confirm", lambda *args: True)
    open_unit(qtbot, window, "00070", 2025)
    window.submit()  # the demo lacks evidence: the list of what is missing
    qtbot.waitUntil(lambda: getattr(window, "missing_dialog", None) is not None, timeout=10_000)
    window.missing_dialog.close()
    window.show_evidence("NTS01")
    qtbot.wait(200)
    for widget in QApplication.topLevelWidgets():
        if widget.objectName() != "mainWindow" and widget.isVisible():
            widget.close()
    window.packages.ask_path = lambda *args: str(tmp_path / "return.dxpkg")
    window.packages.export_return(2025, "00070")
    qtbot.wait(500)
    assert not watch.found, "\n".join(sorted(set(watch.found)))
