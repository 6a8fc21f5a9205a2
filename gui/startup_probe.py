"""The bundle's smoke test and start-time figure (tests/dist/smoke.py), read from the outside.

With DXSCORE_SMOKE_SECONDS=N set, the main window prints `dxscore: window painted at <epoch seconds>` to
stderr when it first paints, and quits cleanly N seconds later (exit code 0 through the normal shutdown, so
a crash while it stays up shows as a failure). Without the variable nothing is installed.
"""

from __future__ import annotations

import os
import sys
import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

VARIABLE = "DXSCORE_SMOKE_SECONDS"


class _FirstPaint(QObject):
    def __init__(self, window: QWidget, seconds: float) -> None:
        super().__init__(window)
        self._seconds = seconds

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            print(f"dxscore: window painted at {time.time():.3f}", file=sys.stderr, flush=True)
            QTimer.singleShot(int(self._seconds * 1000), QApplication.quit)
        return False


def watch(window: QWidget) -> None:
    """Install the probe on `window` when DXSCORE_SMOKE_SECONDS asks for it."""
    seconds = os.environ.get(VARIABLE)
    if seconds:
        window.installEventFilter(_FirstPaint(window, float(seconds)))
