"""Progress and cancellation of long reports: the small task-state object the GUI passes in, and the error a
cancelled report raises."""

from __future__ import annotations

from typing import Protocol

from assessment.domain.errors import DxError


class Progress(Protocol):
    def set_progress(self, done: int, total: int) -> None: ...
    def set_status(self, text: str) -> None: ...
    def is_cancelled(self) -> bool: ...


class ReportCancelled(DxError):
    """The user cancelled a report; nothing was written."""


def tick(progress: Progress | None, done: int, total: int, status: str | None = None) -> None:
    """Report progress (and a new status line); raise ReportCancelled if the user asked to stop."""
    if progress is None:
        return
    if progress.is_cancelled():
        raise ReportCancelled("cancelled")
    if status:
        progress.set_status(status)
    progress.set_progress(done, total)


def reportlab_callback(progress: Progress | None, status: str):  # type: ignore[no-untyped-def]
    """A reportlab build-progress callback that forwards to `progress` (flowables laid out of the total)."""
    if progress is None:
        return None
    total = [1]

    def callback(kind: str, value: int) -> None:
        if kind == "SIZE_EST":
            total[0] = max(int(value), 1)
            tick(progress, 0, total[0], status)
        elif kind == "PROGRESS":
            tick(progress, int(value), total[0])

    return callback
