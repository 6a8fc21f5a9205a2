"""Opening databases: new files are created by migrations, foreign or newer files are refused untouched."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text

from assessment.errors import DatabaseTooNew, NotADxscoreDatabase
from storage.db import (
    MIGRATIONS_DIR,
    current_revision,
    head_revision,
    known_revisions,
    open_engine,
    resolve_url,
    sqlite_url,
)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_new_database_is_created_by_migrations_and_stamped(tmp_path):
    engine = open_engine(sqlite_url(tmp_path / "new.sqlite"))
    with engine.connect() as c:
        meta = dict(c.execute(text("SELECT key, value FROM dx_meta")).all())
        assert meta["app"] == "dxscore" and meta["demo"] == "false"
        assert c.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert c.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert c.exec_driver_sql("PRAGMA busy_timeout").scalar() == 30000
    assert current_revision(engine) == head_revision()
    engine.dispose()


def test_reopening_keeps_the_data(tmp_path):
    url = sqlite_url(tmp_path / "db.sqlite")
    engine = open_engine(url)
    with engine.begin() as c:
        c.execute(text("INSERT INTO dx_meta (key, value) VALUES ('probe', 'kept')"))
    engine.dispose()
    engine = open_engine(url)
    with engine.connect() as c:
        assert c.execute(text("SELECT value FROM dx_meta WHERE key = 'probe'")).scalar() == "kept"
    engine.dispose()


def test_a_file_that_is_not_sqlite_is_refused_untouched(tmp_path):
    path = tmp_path / "report.sqlite"
    path.write_bytes(b"%PDF-1.7 not a database" * 100)
    before = digest(path)
    with pytest.raises(NotADxscoreDatabase, match="not an SQLite file"):
        open_engine(sqlite_url(path))
    assert digest(path) == before


def test_another_apps_sqlite_file_is_refused_untouched(tmp_path):
    path = tmp_path / "other.sqlite"
    with sqlite3.connect(path) as c:
        c.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, amount REAL)")
        c.execute("INSERT INTO invoices (amount) VALUES (12.5)")
    before = digest(path)
    with pytest.raises(NotADxscoreDatabase, match="invoices"):
        open_engine(sqlite_url(path))
    assert digest(path) == before
    assert not (tmp_path / "other.sqlite-wal").exists()


def test_a_database_from_a_newer_dxscore_is_refused_untouched(tmp_path):
    path = tmp_path / "newer.sqlite"
    open_engine(sqlite_url(path)).dispose()
    with sqlite3.connect(path) as c:
        c.execute("UPDATE alembic_version SET version_num = '9999_future'")
    with sqlite3.connect(path) as c:
        c.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    before = digest(path)
    with pytest.raises(DatabaseTooNew, match="newer dxscore"):
        open_engine(sqlite_url(path))
    assert digest(path) == before


def test_the_migrations_build_exactly_the_declared_schema(tmp_path):
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from storage.tables import Base

    engine = open_engine(sqlite_url(tmp_path / "schema.sqlite"))
    with engine.connect() as c:
        diff = compare_metadata(MigrationContext.configure(c), Base.metadata)
    engine.dispose()
    assert diff == []


def test_revision_reading_matches_alembic():
    from alembic.script import ScriptDirectory

    script = ScriptDirectory(str(MIGRATIONS_DIR))
    assert known_revisions() == {r.revision for r in script.walk_revisions()}
    assert head_revision() == script.get_current_head()


def test_database_location(monkeypatch, tmp_path):
    monkeypatch.setenv("DXSCORE_DB", str(tmp_path / "env.sqlite"))
    assert resolve_url(None).endswith("env.sqlite")
    assert resolve_url(str(tmp_path / "arg.sqlite")).endswith("arg.sqlite")
    assert resolve_url("postgresql+psycopg://u:p@localhost/dx") == "postgresql+psycopg://u:p@localhost/dx"
    monkeypatch.delenv("DXSCORE_DB")
    assert resolve_url(None).endswith("dxscore.sqlite")
