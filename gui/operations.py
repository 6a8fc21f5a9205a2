"""Named operations on the database lane, each saying what it changed (Anki's `CollectionOp` + `OpChanges`).

The window never touches the database on the GUI thread: a view asks `Operations.query(name, fn, done)` for what
it shows, and `Operations.change(name, fn, changes, done)` for what it writes. Both run `fn` (service calls only)
on the single database thread of gui/tasks.py and hand the outcome back on the GUI thread. A change, once it
succeeded, is announced with `performed(name, changes)`; the window's `ChangeHub` (gui/changes.py) then reads
the database's change counter at once, so every view follows it through the one app-wide change signal, as it
follows changes made by another window or process."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

if TYPE_CHECKING:
    from gui.tasks import TaskRunner

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class OpChanges:
    """What an operation changed, for the views that care (a view not concerned skips its refresh)."""

    answers: bool = False
    status: bool = False  # an assessment's workflow state (submit, review steps, imports)
    units: bool = False
    keys: bool = False

    @property
    def anything(self) -> bool:
        return self.answers or self.status or self.units or self.keys


class Operations(QObject):
    """The window's way to the service: queries and changes, named (the log says which ran and failed)."""

    performed = Signal(str, object)  # operation name, OpChanges

    def __init__(self, runner: TaskRunner) -> None:
        super().__init__()
        self.runner = runner

    def query(self, name: str, fn: Callable[[], Any], done: Callable[[Any], None],
              failed: Callable[[BaseException], None] | None = None) -> None:
        """Read on the database lane; `done(result)` on the GUI thread."""
        self.runner.db(fn, done, self._failing(name, failed))

    def change(self, name: str, fn: Callable[[], Any], changes: OpChanges,
               done: Callable[[Any], None] | None = None,
               failed: Callable[[BaseException], None] | None = None) -> None:
        """Write on the database lane; on success `done(result)`, then `performed(name, changes)`."""

        def succeeded(result: Any) -> None:
            if done is not None:
                done(result)
            self.performed.emit(name, changes)

        self.runner.db(fn, succeeded, self._failing(name, failed))

    @staticmethod
    def _failing(name: str, failed: Callable[[BaseException], None] | None) -> Callable[[BaseException], None]:
        def report(error: BaseException) -> None:
            log.info("operation %s failed: %s", name, error)
            if failed is not None:
                failed(error)

        return report
