"""What the GUI thread does for one accepted answer (issue 14's stall budget, bench/bench_gui.py): the new value and
score are painted before the autosave starts on the database lane, a card shown or hidden by the answer leaves the
form laid out at once (never painted half-moved), and lane jobs keep the order they were asked in."""

from __future__ import annotations

import threading

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication

from assessment.domain.model import Answer
from tests.gui.conftest import open_unit, settle, stored

EMPTY_YEAR = 2026  # the demo has no 2026 answers: NTS02 (a/b) shows only once NTS01 > 0


class Journal(QObject):
    """Records, in order, the paints of one widget (GUI thread) and the saves starting on the lane."""

    def __init__(self) -> None:
        super().__init__()
        self.entries: list[str] = []
        self.lock = threading.Lock()

    def note(self, what: str) -> None:
        with self.lock:
            self.entries.append(what)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.note("painted")
        return False


def test_the_accepted_value_is_painted_before_its_save_starts(qtbot, window, demo_db, monkeypatch):
    open_unit(qtbot, window, "00070", 2025)
    qtbot.waitUntil(lambda: window.score_line.text() != "", timeout=10_000)
    journal = Journal()
    field = window.form.editors["NTS01"].fields["value"]
    entry = window.service.entry
    save = entry.save

    def journaled_save(*args, **kwargs):  # type: ignore[no-untyped-def]
        journal.note("save")
        return save(*args, **kwargs)

    monkeypatch.setattr(entry, "save", journaled_save)
    field.installEventFilter(journal)
    new = 7.0 if window.controller.answers["NTS01"].value != 7.0 else 8.0
    assert window.controller.commit("NTS01", Answer("NTS01", new))
    settle(qtbot, window)
    field.removeEventFilter(journal)
    assert "painted" in journal.entries and "save" in journal.entries
    assert journal.entries.index("painted") < journal.entries.index("save"), journal.entries
    assert field.text() == ("7" if new == 7.0 else "8")
    assert stored(demo_db, "00070", 2025)["NTS01"].value == new  # and it was saved


def test_a_card_shown_or_hidden_by_an_answer_is_laid_out_before_anything_is_painted(qtbot, window):
    open_unit(qtbot, window, "00070", EMPTY_YEAR)
    form = window.form
    nts01, nts02, nts03 = (form.editors[code] for code in ("NTS01", "NTS02", "NTS03"))
    qtbot.waitUntil(lambda: nts01.isVisible() and not nts02.isVisible(), timeout=10_000)
    QApplication.processEvents()
    body = form.scroll.widget()
    closed_top, closed_height = nts03.geometry().top(), body.height()

    assert window.controller.commit("NTS01", Answer("NTS01", 2.0))  # no event processed from here on
    assert nts02.isVisible()
    assert nts02.geometry().top() > nts01.geometry().bottom()
    assert nts03.geometry().top() > nts02.geometry().bottom()  # moved down below it, not overlapped
    assert body.height() >= closed_height + nts02.height()  # the scroll area grew with the column

    assert window.controller.commit("NTS01", Answer("NTS01", 0.0))
    assert not nts02.isVisible()
    assert nts03.geometry().top() == closed_top  # back up where it was, at once
    assert body.height() == closed_height
    settle(qtbot, window)


def test_a_lane_job_asked_while_a_save_waits_for_the_repaint_runs_after_it(qtbot, window):
    runner, order = window.runner, []
    runner.db_after_repaint(lambda: order.append("save"))
    runner.db(lambda: order.append("read"))
    assert runner.pending() >= 2  # neither has started: both wait for the repaint
    qtbot.waitUntil(lambda: len(order) == 2, timeout=10_000)
    assert order == ["save", "read"]
    runner.db_after_repaint(lambda: order.append("closing save"))
    assert runner.wait()  # closing the window waits for a save still waiting for its repaint
    assert order[-1] == "closing save"


def test_the_points_stand_whole_at_the_top_right_of_every_card(qtbot, window):
    """The points label has a fixed box (its new text then lays out nothing): beside the title's first line,
    however many lines the title wraps to, and tall enough for what it shows."""
    open_unit(qtbot, window, "00070", 2025)
    QApplication.processEvents()
    cards = [editor for editor in window.form.editors.values() if editor.isVisible()]
    assert any(card.title.height() > 2 * card.fontMetrics().height() for card in cards)  # some titles wrap
    for card in cards:
        assert card.points.text() != ""
        assert card.points.geometry().top() == card.title.geometry().top(), card.code
        assert card.points.geometry().right() == card.contentsRect().right() - 8, card.code  # the card's margin
        assert card.points.sizeHint().height() <= card.points.height(), card.code
