"""Every tab and dialog, in Vietnamese and in English: no visible text in the other language, no internal key.
The tour covers every row of every table, the charts' titles, axes and keys, what hovering a chart shows, the
dialogs of the menus (evidence, settings, missing items, package import, signing key, audit), of the Review tab
(appraise, reply) and of the Cycle tab (dates, return, publish), and Qt's own file dialog and message box.
Each state is also saved as a 1280×820 screenshot under out/tour/ (look at them after a change)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFileDialog,
    QMessageBox,
    QTableView,
    QToolTip,
    QWidget,
)

from tests.gui.conftest import open_unit
from tests.gui.visible_text import (
    catalogue,
    clipped_chart_titles,
    cut_placeholders,
    english_leaks,
    number_leaks,
    vietnamese_leaks,
    visible_texts,
)

TOUR = Path(os.environ.get("DXSCORE_TOUR", Path(__file__).resolve().parents[2] / "out" / "tour"))
CHART_TABS = 9


class Tour:
    """Shoots each state and collects the texts in the wrong language."""

    def __init__(self, window, lang: str) -> None:
        self.window, self.lang, self.leaks = window, lang, []
        self.hovered: list[tuple[str, str]] = []  # the charts' tooltips met on the way
        self.english, self.vietnamese = catalogue()
        self.vietnamese_only = self.vietnamese - self.english
        units = window.service.units.list()
        self.vi_names = {u.name.vi for u in units if u.name.vi != u.name.en}
        self.allowed = {w.lower() for u in units for w in u.name.vi.split()}
        # text the data has in one language only: the targets' Vietnamese citations and their English working
        # notes (which quote the Vietnamese wording), shown as they are
        targets = window.service.targets.active().targets
        self.citations = {t.document for t in targets if t.document} | {t.note for t in targets if t.note}

    def look(self, name: str, widget: QWidget, extra: list[tuple[str, str]] = ()) -> None:
        QApplication.processEvents()
        if widget is self.window:
            assert widget.width() <= 1280, f"{name}: the window grew to {widget.width()} px"
        TOUR.mkdir(parents=True, exist_ok=True)
        widget.grab().save(str(TOUR / f"{self.lang}_{name}.png"))
        self.check(name, [*visible_texts(widget), *extra])
        self.leaks += [f"{name}: chart title cut off: {title!r}" for title in clipped_chart_titles(widget)]
        self.leaks += [f"{name}: hint cut off: {hint!r}" for hint in cut_placeholders(widget)]

    def check(self, name: str, texts: list[tuple[str, str]]) -> None:
        for where, text in texts:
            if self.lang == "vi":
                bad = english_leaks(text, self.english, self.vietnamese, self.allowed)
            else:
                cited = text
                for citation in sorted(self.citations, key=len, reverse=True):  # a note may cite a document
                    cited = cited.replace(citation, " ")
                bad = vietnamese_leaks(cited, self.vietnamese_only, self.vi_names)
            bad = bad + number_leaks(where, text, self.lang)
            if bad:
                self.leaks.append(f"{name} / {where}: {text[:120]!r} -> {bad[:4]}")


def shown_dialog(qtbot, kind=QDialog) -> QWidget:
    qtbot.waitUntil(lambda: any(isinstance(w, kind) and w.isVisible() for w in QApplication.topLevelWidgets()),
                    timeout=10_000)
    return next(w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible())


def close(dialog: QWidget) -> None:
    dialog.close()
    QApplication.processEvents()


def tour_entry(qtbot, tour: Tour, window) -> None:
    open_unit(qtbot, window, "SO_Y_TE", 2025)
    tour.look("01_entry", window)
    answered = next(code for code, a in window.controller.answers.items() if not a.is_empty)
    window.show_evidence(answered)
    dialog = shown_dialog(qtbot)
    tour.look("02_evidence_dialog", dialog)
    close(dialog)
    open_unit(qtbot, window, "00070", 2025)
    window.submit()
    dialog = shown_dialog(qtbot)
    tour.look("03_missing_dialog", dialog)
    close(dialog)
    window.open_settings()
    dialog = shown_dialog(qtbot)
    tour.look("04_settings_dialog", dialog)
    close(dialog)


def tour_standard_dialogs(qtbot, tour: Tour, window, tmp_path: Path) -> None:
    files = QFileDialog(window, "x", str(tmp_path))
    files.setOption(QFileDialog.Option.DontUseNativeDialog)
    files.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    files.resize(900, 560)
    files.show()
    tour.look("05_file_dialog", files)
    close(files)
    box = QMessageBox(QMessageBox.Icon.Question, "x", "x",
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, window)
    box.show()
    tour.look("06_question_box", box)
    close(box)


def tour_import(qtbot, tour: Tour, window, tmp_path: Path) -> None:
    damaged = tmp_path / "hong.dxpkg"
    damaged.write_bytes(b"PK\x03\x04 not really a zip")
    window.packages.import_paths([damaged])
    qtbot.waitUntil(lambda: window.packages.dialog is not None and window.packages.dialog.isVisible(), timeout=10_000)
    tour.look("07_import_dialog", window.packages.dialog)
    close(window.packages.dialog)


def hover_tips(qtbot, chart) -> list[tuple[str, str]]:
    """Move the mouse over a grid of points of a chart with real events; each tooltip shown."""
    viewport, tips = chart.viewport(), set()
    for fx in (0.1, 0.25, 0.4, 0.55, 0.7, 0.85):
        for fy in (0.15, 0.35, 0.55, 0.75, 0.9):
            QToolTip.hideText()
            where = QPoint(int(viewport.width() * fx), int(viewport.height() * fy))
            QTest.mouseMove(viewport, where + QPoint(2, 0))
            QTest.mouseMove(viewport, where)
            qtbot.wait(20)
            if QToolTip.isVisible() and QToolTip.text():
                tips.add(QToolTip.text())
    QToolTip.hideText()
    return [(f"hover:{type(chart).__name__}", tip) for tip in sorted(tips)]


def look_at_modal(qtbot, tour: Tour, name: str, open_it) -> None:
    """A dialog opened with exec() (QMessageBox.information, …): looked at and closed from a timer."""
    seen = []

    def poll() -> None:
        modal = QApplication.activeModalWidget()
        if modal is None:
            QTimer.singleShot(50, poll)
            return
        tour.look(name, modal)
        seen.append(name)
        modal.close()

    QTimer.singleShot(50, poll)
    open_it()
    qtbot.waitUntil(lambda: bool(seen), timeout=15_000)


def tour_menu_dialogs(qtbot, tour: Tour, window) -> None:
    """The Packages menu's signing key and audit check (the key list and methodology files are file dialogs)."""
    open_unit(qtbot, window, "SO_Y_TE", 2025)
    window.show_key()
    tour.look("08_key_dialog", shown_dialog(qtbot, QMessageBox))
    close(shown_dialog(qtbot, QMessageBox))
    look_at_modal(qtbot, tour, "09_audit_dialog", window.packages.verify_audit)


def tour_review_dialogs(qtbot, tour: Tour, window) -> None:
    from assessment.domain.workflow import ReviewNote
    from gui.review import AppraiseDialog, ReplyDialog, ReviewRow

    rows = window.review.model.rows
    assert rows, "the Review tab shows no indicator"
    appraise = AppraiseDialog(rows[0], window.review)
    appraise.show()
    tour.look("21_appraise_dialog", appraise)
    close(appraise)
    comment, answer = (("Bổ sung quyết định ban hành kế hoạch", "Đã bổ sung") if tour.lang == "vi" else
                       ("Add the decision issuing the plan", "Added"))  # people write in their language: data
    note = ReviewNote(rows[0].score.code, 1, comment, reply=answer)
    reply = ReplyDialog(ReviewRow(rows[0].score, rows[0].question, note), window.review)
    reply.show()
    tour.look("22_reply_dialog", reply)
    close(reply)


def tour_cycle(qtbot, tour: Tour, window) -> None:
    from gui.cycle_view import DatesDialog, PublishDialog, ReturnDialog

    window.tabs.setCurrentWidget(window.cycle_page)
    qtbot.waitUntil(lambda: window.cycle_view is not None and window.cycle_view.state is not None, timeout=30_000)
    qtbot.wait(200)
    tour.look("40_cycle", window)
    cycle = window.cycle_view
    for name, dialog in (("41_dates_dialog", DatesDialog(cycle, cycle.state.timeline, tour.lang)),
                         ("42_return_dialog", ReturnDialog(cycle, 2)),
                         ("43_publish_dialog", PublishDialog(cycle, False)),
                         ("44_correction_dialog", PublishDialog(cycle, True))):
        dialog.show()
        tour.look(name, dialog)
        close(dialog)


def whole_names(table: QTableView) -> None:
    """The former districts' names are read whole at 1280 px (they showed as "Ba …")."""
    model = table.model()
    names = [str(model.index(row, 0).data()) for row in range(model.rowCount())]
    widest = max(table.fontMetrics().horizontalAdvance(name) for name in names)
    assert table.columnWidth(0) >= widest, f"name column {table.columnWidth(0)} px for names of {widest} px"


def tour_tabs(qtbot, tour: Tour, window) -> None:
    window.tabs.setCurrentIndex(1)
    board = window.dashboard
    board.kind.setCurrentIndex(board.kind.findData("department"))
    qtbot.waitUntil(lambda: board.comparison is not None and board.busy.isHidden(), timeout=30_000)
    tour.vi_names |= {name.vi for name in board.comparison.group.pillar_names if name.vi != name.en}
    for index in range(CHART_TABS):
        board.tabs.setCurrentIndex(index)
        qtbot.wait(300)
        qtbot.waitUntil(board.busy.isHidden, timeout=30_000)
        if index == CHART_TABS - 1:
            qtbot.waitUntil(lambda: board.district_note.text() != "", timeout=30_000)
            whole_names(window.findChild(QTableView, "districtTable"))
        tips = [tip for chart in board.charts.values() if chart.isVisibleTo(window) for tip in hover_tips(qtbot, chart)]
        tour.hovered += tips
        tour.look(f"10_compare_{index}", window, tips)
    window.tabs.setCurrentIndex(2)
    open_unit(qtbot, window, "SO_Y_TE", 2025)
    window.tabs.setCurrentIndex(2)
    qtbot.waitUntil(lambda: window.review.sheet is not None, timeout=10_000)
    tour.look("20_review", window)
    tour_review_dialogs(qtbot, tour, window)
    window.tabs.setCurrentIndex(3)
    qtbot.waitUntil(lambda: window.city_view is not None and window.city_view.model.rowCount() > 0, timeout=30_000)
    qtbot.wait(300)
    tour.citations |= {text for row in window.city_view.model.rows for text in (row.target.document, row.target.note)
                       if text}
    tour.look("30_resolution_18", window)
    tour_cycle(qtbot, tour, window)


@pytest.mark.parametrize("language", ["vi", "en"], indirect=True)
def test_no_text_in_the_other_language_reaches_the_screen(qtbot, window, language, tmp_path):
    window.resize(1280, 820)
    tour = Tour(window, language)
    tour_entry(qtbot, tour, window)
    tour_standard_dialogs(qtbot, tour, window, tmp_path)
    tour_import(qtbot, tour, window, tmp_path)
    tour_menu_dialogs(qtbot, tour, window)
    tour_tabs(qtbot, tour, window)
    (TOUR / f"{language}_leaks.txt").write_text("\n".join(tour.leaks), encoding="utf-8")
    assert len(tour.hovered) >= 5, tour.hovered  # the hover really showed the charts' tooltips
    assert tour.leaks == [], "\n".join(tour.leaks)
