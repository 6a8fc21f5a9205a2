"""Background work in two lanes: one thread for the database (writes stay in order), a pool for computing.
Results and errors come back on the GUI thread; workers never touch widgets."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)


class _Relay(QObject):
    """Lives on the GUI thread; queued signals carry a worker's outcome back to it."""

    finished = Signal(object, object)  # callback, result
    failed = Signal(object, object)  # callback, exception

    def __init__(self) -> None:
        super().__init__()
        self.finished.connect(self._finish)
        self.failed.connect(self._fail)

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
        self.relay = _Relay()
        self.db_pool = QThreadPool()
        self.db_pool.setMaxThreadCount(1)
        self.compute_pool = QThreadPool()
        self.compute_pool.setMaxThreadCount(max(1, QThreadPool.globalInstance().maxThreadCount()))

    def db(self, fn: Callable[[], Any], done: Callable[[Any], None] | None = None,
           failed: Callable[[BaseException], None] | None = None) -> None:
        self.db_pool.start(_Job(fn, self.relay, done, failed))

    def compute(self, fn: Callable[[], Any], done: Callable[[Any], None] | None = None,
                failed: Callable[[BaseException], None] | None = None) -> None:
        self.compute_pool.start(_Job(fn, self.relay, done, failed))

    def pending(self) -> int:
        return self.db_pool.activeThreadCount()

    def wait(self, msecs: int = 30_000) -> bool:
        """Block until queued work is done (closing the window waits for the last save)."""
        return self.db_pool.waitForDone(msecs) and self.compute_pool.waitForDone(msecs)
