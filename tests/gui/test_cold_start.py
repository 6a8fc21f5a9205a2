"""The window's first paint (a fresh process, up to the unit list painted with the database's units) imports
neither the charts nor the PDF/Excel/data-frame libraries, nor SQLAlchemy, nor what a unit's form needs (its
editors, dialogs, live score): those are imported when the tab or action that needs them is first used, or on the
lane after the paint."""

from __future__ import annotations

import gc
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
NOT_BEFORE_THE_FIRST_PAINT = ("pyqtgraph", "reportlab", "openpyxl", "pandas", "gui.dashboard", "gui.form",
                              "gui.editors", "gui.dialogs", "gui.conflicts", "assessment.services.entry_area",
                              "assessment.services.live_entry", "assessment.services.scores_area",
                              "sqlalchemy")  # an SQLite file's units and cycles are read in plain sqlite3


def test_the_first_paint_imports_no_chart_report_or_form_module(demo_db, tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "DXSCORE_PROBE_MODULES": "1",
           "DXSCORE_LOG_DIR": str(tmp_path / "logs"), "XDG_CONFIG_HOME": str(tmp_path / "config")}
    done = subprocess.run([sys.executable, str(ROOT / "bench" / "gui_probe.py"), str(demo_db)], env=env,
                          capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert done.returncode == 0, done.stderr[-2000:]
    seconds, modules = done.stdout.splitlines()[:2]
    imported = set(modules.split())
    assert float(seconds) > 0 and {"gui.main_window", "PySide6.QtWidgets"} <= imported  # it did paint the window
    early = {m for m in imported if any(m == name or m.startswith(name + ".") for name in NOT_BEFORE_THE_FIRST_PAINT)}
    assert early == set()


def test_the_window_modules_import_neither_the_database_toolkit_nor_numpy():
    """What the window and the methodology catalog import before the first paint needs neither SQLAlchemy nor numpy
    (~0.3 s and ~0.06 s to import): with a store that reads the unit list without SQLAlchemy, the first paint waits
    for neither (the catalog reads a methodology, with numpy, when one is first asked for)."""
    code = ("import sys; from gui.qt_start import import_qt; import_qt(); import gui.app, gui.main_window; "
            "import questionnaires.files; print(' '.join(sorted(sys.modules)))")
    done = subprocess.run([sys.executable, "-c", code], env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
                          capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert done.returncode == 0, done.stderr[-2000:]
    imported = set(done.stdout.split())
    assert "gui.main_window" in imported
    assert {m.partition(".")[0] for m in imported} & {"sqlalchemy", "numpy", "pandas"} == set()


def test_the_window_shows_once_its_unit_list_is_read(qtbot, settings, language, demo_db):
    """The first paint already lists the units: the window is shown when the lane has read them (one paint, not
    an empty window painted and then the whole window again)."""
    from gui.main_window import MainWindow
    from tests.conftest import open_service

    service = open_service(demo_db)
    window = MainWindow(service, settings, lang=language)
    qtbot.addWidget(window)
    shown_with: list[int] = []  # units in the list when show() was called
    window.show = lambda: (shown_with.append(sum(len(units) for _kind, units in window.unit_model.groups)),
                           MainWindow.show(window))
    window.show_when_listed(wait_ms=20_000)
    assert not window.isVisible()  # not before the units are read
    qtbot.waitUntil(window.isVisible, timeout=10_000)
    assert shown_with[0] > 100  # the demo's units were in the list when it was shown
    qtbot.waitUntil(window.is_ready, timeout=10_000)
    # the objects of the start are set aside from the cyclic collector: its collections no longer walk them while
    # the user types (gui/window_facts.py)
    assert gc.get_freeze_count() > 10_000
    window.close()
    service.store.close()
