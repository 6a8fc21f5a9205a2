"""Window fixtures: a real MainWindow, offscreen, on a private copy of the demo database, in a language."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from tests.conftest import open_service

SCREENSHOTS = Path(os.environ.get("DXSCORE_SCREENSHOTS", Path(__file__).resolve().parents[2] / "out" / "screenshots"))


@pytest.fixture
def settings(tmp_path):
    from gui.settings import Settings

    return Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


@pytest.fixture(params=["vi"])
def language(request, qapp):
    from gui import i18n
    from gui.app import load_fonts

    load_fonts()
    translators = i18n.install(qapp, request.param)
    yield request.param
    for translator in translators:
        qapp.removeTranslator(translator)


@pytest.fixture
def make_window(qtbot, settings, language):
    from gui.main_window import MainWindow

    opened = []

    def make(db: Path):
        service = open_service(db)
        service.user = "Nguyễn Thị Lan"
        window = MainWindow(service, settings, lang=language)
        qtbot.addWidget(window)
        window.show()
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow, timeout=5_000)  # shortcuts and focus need an active window
        opened.append((window, service))
        return window

    yield make
    for window, service in opened:
        window.close()
        service.store.close()


@pytest.fixture
def window(make_window, demo_db):
    return make_window(demo_db)


@pytest.fixture
def department_board(qtbot, window):
    """The Compare tab on the 2025 departments, computed and sized like a real window."""
    from assessment.domain.model import UnitKind

    window.tabs.setCurrentIndex(1)
    board = window.dashboard
    board.cycle.setCurrentIndex(board.cycle.findData(2025))
    board.kind.setCurrentIndex(board.kind.findData("department"))
    qtbot.waitUntil(lambda: board.comparison is not None and board.comparison.group.kind == UnitKind.DEPARTMENT
                    and board.busy.isHidden(), timeout=20_000)
    board.resize(1400, 860)
    return board


def open_unit(qtbot, window, code: str, year: int) -> None:
    window.cycle.setCurrentIndex(window.cycle.findData(year))
    window.open_unit(code)
    qtbot.waitUntil(lambda: window.controller.session is not None and window.controller.session.unit.code == code
                    and window.controller.session.year == year and window.form is not None, timeout=10_000)


def settle(qtbot, window) -> None:
    """Wait until every queued save has reached the database."""
    qtbot.waitUntil(lambda: window.controller.queued == 0, timeout=10_000)


def stored(db: Path, code: str, year: int) -> dict:
    service = open_service(db)
    try:
        found = service.store.assessments(year, unit_code=code)
        return {a.indicator_code: a for a in service.store.answers.of(found[0].id)} if found else {}
    finally:
        service.store.close()
