"""Start the window: QApplication, the bundled font (Vietnamese never depends on system fonts), the
translation, and the main window on an open service."""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable

from PySide6.QtCore import QDir, Qt
from PySide6.QtGui import QFont, QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication, QProgressDialog

from assessment.domain.resource_paths import resource_path
from assessment.service import AssessmentService
from gui import i18n, startup_probe
from gui.errors import show_error
from gui.i18n import tr
from gui.settings import Settings

log = logging.getLogger(__name__)
RESOURCES = resource_path()
FONT_FILES = ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf")


def display_available() -> bool:
    """Whether a window can be shown: an explicit Qt platform, or an X11/Wayland session on Linux."""
    if os.environ.get("QT_QPA_PLATFORM"):
        return True
    if sys.platform.startswith("linux"):
        return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    return True


def load_fonts() -> str | None:
    """Register the bundled DejaVu Sans and make it the application font; its family name, or None."""
    family = None
    for name in FONT_FILES:
        path = RESOURCES / "fonts" / name
        if path.exists():
            font_id = QFontDatabase.addApplicationFont(str(path))
            families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
            family = family or (families[0] if families else None)
    if family:
        QApplication.setFont(QFont(family, 10))
    else:
        log.warning("bundled font missing under %s; using the system font", RESOURCES / "fonts")
    return family


def make_app(lang: str, argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv or [sys.argv[0]])
    # The database lane runs Python (SQLAlchemy, checks, audit hashing) beside the GUI thread; with the default
    # 5 ms GIL switch interval the GUI thread can wait several slices in a row for one repaint. 1 ms keeps
    # its waits short at a small cost to the worker's throughput (measured in bench/bench_gui.py).
    sys.setswitchinterval(0.001)
    app.setApplicationName("dxscore")
    app.setOrganizationName("dxscore")
    app.setAttribute(Qt.ApplicationAttribute.AA_DontShowIconsInMenus, False)
    QDir.addSearchPath("icons", str(RESOURCES / "icons"))
    app.setWindowIcon(QIcon(str(RESOURCES / "icons" / "dxscore.png")))
    load_fonts()
    # no application style sheet: it would make every widget paint and lay out through Qt's slower style-sheet
    # style; the indicator cards paint their own marks (gui/editors.py)
    app._dxscore_translators = i18n.install(app, lang)  # kept alive with the app
    return app


def run_window(open_service: Callable[[], AssessmentService], settings: Settings, lang: str | None = None,
               build_demo: bool = False, opener: Callable[[], AssessmentService] | None = None) -> int:
    """Open the main window; returns the application's exit code."""
    from gui.main_window import MainWindow

    language = lang or settings.language
    app = make_app(language)
    try:
        service = open_service()
        service.user = settings.user_name
        if build_demo and not service.has_assessments():
            _build_demo_with_progress(service)
    except Exception as error:  # shown in one dialog; the log has the traceback
        box = show_error(None, error, tr("dxscore cannot start"))
        box.finished.connect(app.quit)
        return app.exec()
    window = MainWindow(service, settings, lang=language, opener=opener)
    startup_probe.watch(window)  # only with DXSCORE_SMOKE_SECONDS (the bundle's smoke test)
    window.show_when_listed()
    return app.exec()


def _build_demo_with_progress(service: AssessmentService) -> None:
    """The demo takes a few seconds to build: show that something is happening."""
    from PySide6.QtCore import QEventLoop, QThread

    progress = QProgressDialog(tr("Building the demo database…"), "", 0, 0)
    progress.setCancelButton(None)
    progress.setWindowModality(Qt.WindowModality.ApplicationModal)
    progress.setMinimumDuration(0)
    progress.show()
    outcome: dict[str, BaseException] = {}

    class Builder(QThread):
        def run(self) -> None:
            try:
                service.demo.build()
            except BaseException as error:
                outcome["error"] = error

    builder = Builder()
    loop = QEventLoop()
    builder.finished.connect(loop.quit)
    builder.start()
    loop.exec()
    progress.close()
    if "error" in outcome:
        raise outcome["error"]
