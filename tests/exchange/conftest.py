"""Two databases, as on two computers: the commune's (an SQLite file, with one complete 2025 assessment) and the
inspector's (a fresh SQLite file, then a fresh PostgreSQL database: see tests/db_backends.py). Signing keys go to
a per-test folder (tests/conftest.py)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from packs import UNIT, YEAR, complete, open_service


@pytest.fixture(scope="session")
def commune_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from storage.db import sqlite_url

    folder = tmp_path_factory.mktemp("commune")
    path = folder / "commune.sqlite"
    service = open_service(sqlite_url(path), "can-bo-xa")
    complete(service, folder)
    service.store.close()
    return path


@pytest.fixture
def commune(commune_template: Path, tmp_path: Path):  # type: ignore[no-untyped-def]
    """The commune's PC: a copy of the complete (draft) assessment of 00070 for 2025, with its evidence files."""
    from storage.db import sqlite_url

    folder = tmp_path / "commune-pc"
    folder.mkdir()
    shutil.copy(commune_template, folder / "commune.sqlite")
    shutil.copytree(commune_template.with_name("commune.files"), folder / "commune.files")
    service = open_service(sqlite_url(folder / "commune.sqlite"), "can-bo-xa")
    yield service
    service.store.close()


@pytest.fixture
def inspector(db_url: str):  # type: ignore[no-untyped-def]
    """The city inspector's database, on each backend."""
    service = open_service(db_url, "thanh-tra")
    yield service
    service.store.close()


@pytest.fixture
def package(commune, tmp_path: Path) -> Path:
    """The commune's submission, exported."""
    commune.entry.submit(UNIT, YEAR)
    path = tmp_path / "00070-2025.dxpkg"
    commune.packages.export(unit_code=UNIT, year=YEAR, path=path)
    return path


@pytest.fixture(autouse=True)
def _data_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A central database keeps evidence files in the user's data folder: a temporary one here."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data-home"))
