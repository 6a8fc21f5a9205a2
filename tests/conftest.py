"""Test setup: Qt offscreen before anything imports Qt, logs in a temp folder, and fixtures that build
real SQLite databases (the demo is built once per session and copied for each test that needs it)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")

import pytest
from db_backends import copy_demo

ROOT = Path(__file__).resolve().parent.parent
pytest_plugins = ["db_backends"]  # db_url, backend_service, demo_url: SQLite and PostgreSQL
# tests/xdisplay need a real X display: tests/xdisplay/run.py starts one and sets DXSCORE_XDISPLAY.
collect_ignore = [] if os.environ.get("DXSCORE_XDISPLAY") else ["xdisplay"]
DATA = Path(__file__).resolve().parent / "data"
sys.path.insert(0, str(ROOT))


@pytest.fixture(autouse=True)
def _isolated_env(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    logs = tmp_path_factory.getbasetemp() / "logs"
    monkeypatch.setenv("DXSCORE_LOG_DIR", str(logs))
    monkeypatch.delenv("DXSCORE_DB", raising=False)
    monkeypatch.setenv("DXSCORE_CACHE_DIR", str(logs.parent / "cache"))  # integrity-check verdicts
    # Signing keys never go to the user's data folder: a fresh folder per test (processes started by it inherit it).
    monkeypatch.setenv("DXSCORE_KEYS_DIR", str(tmp_path_factory.mktemp("keys")))
    # Installed methodologies (`methodology import`) likewise: an empty folder per test.
    monkeypatch.setenv("DXSCORE_METHODOLOGY_DIR", str(tmp_path_factory.mktemp("methodologies")))


@pytest.fixture(scope="session")
def targets():
    from questionnaires.catalog import default_targets

    return default_targets()


@pytest.fixture(scope="session")
def mini(targets):
    from questionnaires.loader import load_methodology

    return load_methodology(DATA / "mini.yaml", targets.ids)


def open_service(path: Path):
    """The service on the SQLite file at `path` as the window and the CLI open it (cli.wiring.open_service_at: the
    deferred store, storage/deferred.py), initialised."""
    from cli.wiring import open_service_at
    from storage.sqlite_file import sqlite_url

    service = open_service_at(sqlite_url(path), "tester")
    service.initialise()
    return service


@pytest.fixture
def service(tmp_path: Path):
    """A fresh, empty dxscore database file (reference units and default targets loaded)."""
    svc = open_service(tmp_path / "dx.sqlite")
    yield svc
    svc.store.close()


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    svc = open_service(path)
    svc.demo.build()
    svc.store.close()
    return path


@pytest.fixture
def demo_db(demo_template: Path, tmp_path: Path) -> Path:
    """A private copy of the demo database."""
    target = tmp_path / "demo.sqlite"
    copy_demo(demo_template, target)
    return target




@pytest.fixture
def demo_service(demo_db: Path):
    svc = open_service(demo_db)
    yield svc
    svc.store.close()
