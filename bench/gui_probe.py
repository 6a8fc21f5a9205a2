"""Helper process for bench_gui: start the real window on a database, leave at its first populated paint.

`python bench/gui_probe.py DB` prints the seconds from process start to the first paint of the main window (or
any widget in it) once its unit list holds the database's units: what a user waits for before choosing a unit.
With DXSCORE_PROBE_MODULES set it also prints the names of the modules imported by then."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

STARTED = time.perf_counter()
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def main() -> None:
    from cli import app as dxscore
    from cli.window import import_core_before_qt

    import_core_before_qt()  # what the window's start does first (before the probe needs Qt)
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QWidget

    from gui.main_window import MainWindow

    class FirstPaint(QObject):
        def eventFilter(self, watched, event):  # type: ignore[no-untyped-def]
            if event.type() == QEvent.Type.Paint and isinstance(watched, QWidget):
                window = watched.window()
                if isinstance(window, MainWindow) and window.unit_model.rowCount() > 0:
                    print(f"{time.perf_counter() - STARTED:.4f}", flush=True)
                    if os.environ.get("DXSCORE_PROBE_MODULES"):  # what the first paint needed (a test reads it)
                        print(" ".join(sorted(sys.modules)), flush=True)
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
