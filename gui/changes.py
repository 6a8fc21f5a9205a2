"""One change signal for the whole window, and the window's views following it.

Anki's pattern (an operation, then one "changed" signal every view refreshes itself from): here the signal is
the database's change counter moving. `ChangeHub` reads it on the database lane every POLL_MS (one primary-key
read, never on the GUI thread) and at once after each of the window's own saves, so a change made here, in a
second window or by another process (`answers import`, a package import, another inspector on PostgreSQL) is
followed the same way. `WindowSync` connects it to the open form (values that moved on elsewhere, unless the
user is typing in that field), the live score, the Review tab and the Compare dashboard (recomputed when shown),
and shows a save refused because the answer changed elsewhere (gui/conflicts.py). When every change since the last
read is one of this window's own saves (their change numbers are known), the form and the published panel are
not read again: they already show what was written; the views showing scores still follow."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from assessment.domain.errors import StaleAnswer
from assessment.domain.model import Answer
from gui.i18n import tr

if TYPE_CHECKING:
    from assessment.service import AssessmentService
    from gui.conflicts import ConflictDialog
    from gui.editors import IndicatorEditor
    from gui.main_window import MainWindow
    from gui.tasks import TaskRunner

log = logging.getLogger(__name__)

POLL_MS = 1500


class ChangeHub(QObject):
    """`changed(number)` fires on the GUI thread when the database's change counter has moved; `saved_here(number)`
    instead when every change since the last read is one of this window's own saves (`mine`)."""

    changed = Signal(int)
    saved_here = Signal(int)

    def __init__(self, service: AssessmentService, runner: TaskRunner, interval_ms: int = POLL_MS) -> None:
        super().__init__()
        self.service, self.runner = service, runner
        self.seen: int | None = None
        self.busy = self.again = False
        self.own: set[int] = set()  # change numbers of this window's own saves, not yet read from the counter
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.poll)

    def start(self) -> None:
        self.timer.start()
        self.poll()

    def stop(self) -> None:
        self.timer.stop()

    def poll(self) -> None:
        """Read the counter on the database lane (one read in flight at a time; a request meanwhile repeats it)."""
        if self.busy:
            self.again = True
            return
        self.busy = True
        self.runner.db(self.service.change_number, self._read, self._failed)

    def mine(self, number: int) -> None:
        """A save of this window wrote in the write transaction with this change number."""
        self.own.add(number)

    def _read(self, number: int) -> None:
        self.busy = False
        seen, moved = self.seen, number != self.seen
        # every write transaction moves the counter by one (storage/db.py): numbers all ours, nobody else wrote
        ours = seen is not None and all(n in self.own for n in range(seen + 1, number + 1))
        self.own = {n for n in self.own if n > number}
        self.seen = number
        if moved and seen is not None:
            (self.saved_here if ours else self.changed).emit(number)
        if self.again:
            self.again = False
            self.poll()

    def _failed(self, error: BaseException) -> None:
        self.busy = False
        log.warning("could not read the change counter: %s", error)


class WindowSync(QObject):
    """What the main window does when the database changed, and when a save was refused as stale."""

    def __init__(self, window: MainWindow, interval_ms: int = POLL_MS) -> None:
        super().__init__(window)
        self.window = window
        self.hub = ChangeHub(window.service, window.runner, interval_ms)
        self.dashboard_stale = self.review_stale = self.cycle_stale = False
        self.dialogs: dict[str, ConflictDialog] = {}
        self.shown: list[tuple[str, Answer, StaleAnswer]] = []  # every conflict put before the user
        controller = window.controller
        controller.is_being_edited = self.being_edited
        controller.wrote.connect(self._wrote)
        controller.status_written.connect(self.hub.poll)
        window.ops.performed.connect(lambda *_: self.hub.poll())  # a named operation changed the database
        controller.conflicted.connect(self.show_conflict)
        controller.reloaded.connect(self._reloaded)
        self.hub.changed.connect(self.follow)
        self.hub.saved_here.connect(self.follow_own_saves)
        window.tabs.currentChanged.connect(lambda _index: self._show_stale_views())
        self.hub.start()

    # ------------------------------------------------------------------------------- following

    def follow(self, _number: int = 0) -> None:
        """The database changed: every view refreshes itself (the hidden dashboard when it is next shown)."""
        window, service = self.window, self.window.service
        window.runner.db(service.entry.forget_peers)  # benchmark bests may have moved
        window.controller.refresh()
        window.published.follow()  # a correction may have arrived: a superseded decision is never shown in force
        self.dashboard_stale = self.review_stale = self.cycle_stale = True
        self._show_stale_views()

    def _wrote(self, _code: str, _answer: Answer, _expected: int, version: int, written: bool) -> None:
        if written:  # (a save equal to what is stored writes nothing: its version is the stored answer's)
            self.hub.mine(version)
        self.hub.poll()

    def follow_own_saves(self, _number: int) -> None:
        """Only this window's saves changed the database: the form already shows what they wrote and they publish
        nothing, so neither is read again (two reads on the lane, and their results on the GUI thread, after
        every answer); the scores the other views show have moved."""
        window = self.window
        window.runner.db(window.service.entry.forget_peers)  # this unit's value may be a benchmark's best
        self.dashboard_stale = self.review_stale = self.cycle_stale = True
        self._show_stale_views()

    def _show_stale_views(self) -> None:
        """Recompute the Compare dashboard, reload the Cycle or Review tab if it is showing and missed a change."""
        window = self.window
        if self.dashboard_stale and window.dashboard is not None and \
                window.tabs.currentWidget() is window.dashboard_page:
            self.dashboard_stale = False
            window.dashboard.recompute()
        if self.cycle_stale and window.cycle_view is not None and window.tabs.currentWidget() is window.cycle_page:
            self.cycle_stale = False
            window.cycle_view.refresh()
        if self.review_stale and window.tabs.currentWidget() is window.review:
            self.review_stale = False
            if window.review.unit_code is not None:
                window.review.reload()

    def _reloaded(self, code: str, answer: Answer) -> None:
        editor = self._editor(code)
        if editor is not None:
            editor.set_answer(answer)
            editor.accept(answer)

    def being_edited(self, code: str) -> bool:
        """The field shows something typed that is not its accepted answer (a value not yet left, half a pair)."""
        editor = self._editor(code)
        if editor is None:
            return False
        if editor.has_unsaved_text():  # a refused or half-typed a/b pair kept on screen, or a field being typed
            return True
        typed, problem = editor.parsed()
        if typed is None:
            return bool(problem) or any(line.text().strip() for line in editor.fields.values())
        return _values(typed) != _values(editor.accepted)

    def _editor(self, code: str) -> IndicatorEditor | None:
        form = self.window.form
        return form.editors.get(code) if form is not None else None

    # ------------------------------------------------------------------------------- conflicts

    def show_conflict(self, code: str, mine: Answer, conflict: StaleAnswer) -> None:
        """Nothing was saved: say so in the status line and beside the field, and ask which value to keep."""
        window = self.window
        window.statusBar().showMessage(tr("Not saved: %1 was changed elsewhere; choose which value to keep.")
                                       .replace("%1", code))
        self.shown.append((code, mine, conflict))
        editor = self._editor(code)
        if editor is not None:
            editor.show_message(tr("Changed elsewhere while you were editing: not saved yet."))
        previous = self.dialogs.pop(code, None)
        if previous is not None:
            previous.withdraw()
        session = window.controller.session
        assert session is not None
        from gui.conflicts import ConflictDialog  # with the editors' helpers: not needed before a conflict

        dialog = ConflictDialog(session.methodology.indicator(code), mine, conflict, window.lang, window)
        dialog.chosen.connect(self.choose)
        self.dialogs[code] = dialog
        dialog.open()

    def choose(self, code: str, keep_mine: bool) -> None:
        self.dialogs.pop(code, None)
        if keep_mine:
            self.window.controller.keep_mine(code)
        else:
            self.window.controller.take_stored(code)


def _values(answer: Answer) -> tuple:
    return (answer.value, answer.numerator, answer.denominator, answer.choices, answer.not_applicable,
            answer.comment)
