"""Helper process for bench_gui: start the real window on a database, leave at its first paint.

`python bench/gui_probe.py DB` prints the seconds from process start to the painted, populated window."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

STARTED = time.perf_counter()
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def main() -> None:
    from PySide6.QtCore import QEvent, QObject

    import main as dxscore
    from gui.main_window import MainWindow

    class FirstPaint(QObject):
        def eventFilter(self, watched, event):  # type: ignore[no-untyped-def]
            painted = event.type() == QEvent.Type.Paint and isinstance(watched, MainWindow)
            if painted and watched.unit_model.rowCount() > 0:
                print(f"{time.perf_counter() - STARTED:.4f}", flush=True)
                os._exit(0)
            return False

    original_show = MainWindow.show

    def show(self):  # type: ignore[no-untyped-def]
        from PySide6.QtWidgets import QApplication

        self._probe = FirstPaint()
        QApplication.instance().installEventFilter(self._probe)
        original_show(self)

    MainWindow.show = show
    dxscore.main(["--db", sys.argv[1]])


if __name__ == "__main__":
    main()
