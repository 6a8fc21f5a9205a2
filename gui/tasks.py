"""Background work in two lanes: one thread for the database (writes stay in order), a pool for computing.
Results and errors come back on the GUI thread; workers never touch widgets.

The database lane runs Python (SQLAlchemy, checks, scoring) and so holds the GIL the GUI thread needs for every
Python call of a repaint (a card's paintEvent, a model's data()): a save started while the form repaints what the
user just typed can double that repaint's wall time. `db_after_repaint` starts its job once the GUI thread has
repainted (the event it posts has a lower priority than Qt's posted repaint request); a `db` job asked for
meanwhile waits behind it, so the lane still runs jobs in the order they were asked for."""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QRunnable, Qt, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)
START_DEFERRED = QEvent.Type(QEvent.registerEventType())
# Qt posts a window's repaint request (QEvent.UpdateRequest) with LowEventPriority: below it runs after the repaint
AFTER_REPAINT = Qt.EventPriority.LowEventPriority.value - 1


class _Relay(QObject):
    """Lives on the GUI thread; queued signals carry a worker's outcome back to it."""

    finished = Signal(object, object)  # callback, result
    failed = Signal(object, object)  # callback, exception

    def __init__(self, start_deferred: Callable[[], None]) -> None:
        super().__init__()
        self.start_deferred = start_deferred
        self.finished.connect(self._finish)
        self.failed.connect(self._fail)

    def customEvent(self, event: QEvent) -> None:
        if event.type() == START_DEFERRED:
            self.start_deferred()

    @Slot(object, object)
    def _finish(self, callback: Callable[[Any], None] | None, result: Any) -> None:
        if callback is not None:
            _deliver(callback, result)

    @Slot(object, object)
    def _fail(self, callback: Callable[[BaseException], None] | None, error: BaseException) -> None:
        if callback is not None:
            _deliver(callback, error)


def _deliver(callback: Callable[[Any], None], outcome: Any) -> None:
    """Hand a worker's outcome to its view. A view closed while the worker ran (a window closed during a
    computation) is gone: its result is dropped, not raised into whatever the event loop runs next."""
    try:
        callback(outcome)
    except RuntimeError as exc:
        if "already deleted" not in str(exc):
            raise
        log.info("a background result arrived after its view was closed: dropped (%s)", exc)


class _Job(QRunnable):
    def __init__(self, fn: Callable[[], Any], relay: _Relay, done: Callable | None, failed: Callable | None) -> None:
        super().__init__()
        self.fn, self.relay, self.done, self.on_error = fn, relay, done, failed

    def run(self) -> None:
        try:
            result = self.fn()
        except BaseException as exc:  # delivered to the GUI thread, which shows or logs it
            log.debug("background job failed", exc_info=True)
            outcome, payload, callback = self.relay.failed, exc, self.on_error
        else:
            outcome, payload, callback = self.relay.finished, result, self.done
        try:
            outcome.emit(callback, payload)
        except RuntimeError:  # the application is closing and the relay is gone
            log.debug("result dropped: the window closed first")


class TaskRunner:
    """`db(fn, done, failed)` runs fn on the single database thread, in submission order;
    `compute(...)` runs on a pool. `done(result)` / `failed(exc)` run on the GUI thread."""

    def __init__(self) -> None:
        self.relay = _Relay(self._start_deferred)
        self.deferred: deque[_Job] = deque()  # db_after_repaint jobs not started yet, in the order asked for
        self.db_pool = QThreadPool()
        self.db_pool.setMaxThreadCount(1)
        self.compute_pool = QThreadPool()
        self.compute_pool.setMaxThreadCount(max(1, QThreadPool.globalInstance().maxThreadCount()))

    def db(self, fn: Callable[[], Any], done: Callable[[Any], None] | None = None,
           failed: Callable[[BaseException], None] | None = None) -> None:
        job = _Job(fn, self.relay, done, failed)
        if self.deferred:  # behind a job waiting for the repaint: the lane's order is the order of the calls
            self.deferred.append(job)
        else:
            self.db_pool.start(job)

    def db_after_repaint(self, fn: Callable[[], Any], done: Callable[[Any], None] | None = None,
                         failed: Callable[[BaseException], None] | None = None) -> None:
        """`db`, started after the GUI thread's next repaint (see the module's docstring)."""
        self.deferred.append(_Job(fn, self.relay, done, failed))
        if len(self.deferred) == 1:
            QCoreApplication.postEvent(self.relay, QEvent(START_DEFERRED), AFTER_REPAINT)

    def _start_deferred(self) -> None:
        while self.deferred:
            self.db_pool.start(self.deferred.popleft())

    def compute(self, fn: Callable[[], Any], done: Callable[[Any], None] | None = None,
                failed: Callable[[BaseException], None] | None = None) -> None:
        self.compute_pool.start(_Job(fn, self.relay, done, failed))

    def pending(self) -> int:
        return self.db_pool.activeThreadCount() + len(self.deferred)

    def wait(self, msecs: int = 30_000) -> bool:
        """Block until queued work is done (closing the window waits for the last save)."""
        self._start_deferred()
        return self.db_pool.waitForDone(msecs) and self.compute_pool.waitForDone(msecs)
