"""Opening databases: new files are created by migrations, foreign or newer files are refused untouched, an
existing file is copied aside before a migration. The later tests run on SQLite and PostgreSQL."""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import text

from assessment.domain.errors import DatabaseTooNew, NotADxscoreDatabase, StorageError
from storage.db import (
    MIGRATIONS_DIR,
    current_revision,
    head_revision,
    known_revisions,
    open_engine,
    resolve_url,
    sqlite_path,
    sqlite_url,
)

ROOT = Path(__file__).resolve().parents[2]


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


# ------------------------------------------------------------------------- both databases (db_url fixture)


def _backend(url: str) -> str:
    return "sqlite" if url.startswith("sqlite") else "postgresql"


def test_each_database_is_created_by_migrations_stamped_and_matches_the_schema(db_url):
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from storage.tables import Base

    engine = open_engine(db_url)
    with engine.connect() as c:
        meta = dict(c.execute(text("SELECT key, value FROM dx_meta")).all())
        diff = compare_metadata(MigrationContext.configure(c), Base.metadata)
    assert meta["app"] == "dxscore" and current_revision(engine) == head_revision()
    assert diff == []
    engine.dispose()
    engine = open_engine(db_url)  # reopening changes nothing
    assert current_revision(engine) == head_revision()
    engine.dispose()


def test_another_apps_database_is_refused_untouched(db_url):
    from sqlalchemy import create_engine

    other = create_engine(db_url)
    with other.begin() as c:
        c.execute(text("CREATE TABLE invoices (id INTEGER PRIMARY KEY, amount REAL)"))
    other.dispose()
    with pytest.raises(NotADxscoreDatabase, match="invoices"):
        open_engine(db_url)
    other = create_engine(db_url)
    with other.connect() as c:
        from sqlalchemy import inspect

        assert inspect(c).get_table_names() == ["invoices"]
    other.dispose()


def test_a_database_from_a_newer_dxscore_is_refused_on_each_backend(db_url):
    open_engine(db_url).dispose()
    from sqlalchemy import create_engine

    raw = create_engine(db_url)
    with raw.begin() as c:
        c.execute(text("UPDATE alembic_version SET version_num = '9999_future'"))
    raw.dispose()
    with pytest.raises(DatabaseTooNew, match="newer dxscore"):
        open_engine(db_url)


def test_opening_a_missing_database_without_create_is_refused(db_url):
    with pytest.raises(StorageError, match="no dxscore database"):
        open_engine(db_url, create=False)


def test_two_apps_opening_a_new_database_at_once_migrate_it_once(db_url, tmp_path):
    probe = ("import sys; sys.path.insert(0, sys.argv[2]); from storage.db import open_engine, current_revision; "
             "e = open_engine(sys.argv[1]); print(current_revision(e))")
    env = {**os.environ, "DXSCORE_LOG_DIR": str(tmp_path / "logs")}
    runs = [subprocess.Popen([sys.executable, "-c", probe, db_url, str(ROOT)], stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True, env=env) for _ in range(3)]
    outputs = [run.communicate(timeout=120) for run in runs]
    assert [run.returncode for run in runs] == [0, 0, 0], [err for _, err in outputs]
    assert {out.strip() for out, _ in outputs} == {head_revision()}


# ---------------------------------------------------------------- migrations of an existing database

PROBE_MIGRATION = '''"""test-only second revision"""
import sqlalchemy as sa
from alembic import op

revision = '0002_probe'
down_revision = '{down}'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('probe', sa.Column('id', sa.Integer(), primary_key=True))


def downgrade() -> None:
    op.drop_table('probe')
'''


@pytest.fixture
def second_migration(tmp_path, monkeypatch):
    """A migration folder with the product's revisions plus a test-only one on top (the product gains no
    schema change for this test)."""
    folder = tmp_path / "migrations"
    shutil.copytree(MIGRATIONS_DIR, folder, ignore=shutil.ignore_patterns("__pycache__"))
    (folder / "versions" / "0002_probe.py").write_text(PROBE_MIGRATION.format(down=head_revision()),
                                                       encoding="utf-8")
    return folder


def test_an_existing_database_is_backed_up_before_a_migration(db_url, second_migration, monkeypatch, tmp_path):
    import storage.sqlite_file

    engine = open_engine(db_url)
    with engine.begin() as c:
        c.execute(text("INSERT INTO dx_meta (key, value) VALUES ('probe', 'before the migration')"))
    old = current_revision(engine)
    engine.dispose()
    monkeypatch.setattr(storage.sqlite_file, "MIGRATIONS_DIR", second_migration)
    assert head_revision() == "0002_probe"
    engine = open_engine(db_url)
    assert current_revision(engine) == "0002_probe"
    with engine.connect() as c:
        assert c.execute(text("SELECT count(*) FROM probe")).scalar() == 0
        assert c.execute(text("SELECT value FROM dx_meta WHERE key = 'probe'")).scalar() == "before the migration"
    engine.dispose()
    path = sqlite_path(db_url)
    if path is None:
        return  # PostgreSQL: the server's own backups (pg_dump) cover it; the migration itself ran
    (copy,) = path.parent.glob(f"{path.name}.{old}-to-0002_probe-*.bak")
    with sqlite3.connect(f"file:{copy}?mode=ro", uri=True) as c:
        assert c.execute("SELECT version_num FROM alembic_version").fetchone()[0] == old
        assert c.execute("SELECT value FROM dx_meta WHERE key = 'probe'").fetchone()[0] == "before the migration"
        assert c.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert "probe" not in {r[0] for r in c.execute("SELECT name FROM sqlite_master")}
    # Opening again at the new head migrates nothing and copies nothing.
    open_engine(db_url).dispose()
    assert len(list(path.parent.glob("*.bak"))) == 1


def test_a_new_database_is_not_backed_up(tmp_path):
    open_engine(sqlite_url(tmp_path / "fresh.sqlite")).dispose()
    assert list(tmp_path.glob("*.bak")) == []


def test_an_unreachable_server_is_a_storage_error_without_the_password():
    with pytest.raises(StorageError, match="cannot open") as caught:
        open_engine("postgresql+psycopg://dxscore:s3cret@127.0.0.1:1/dxscore?connect_timeout=2")
    assert "s3cret" not in caught.value.message
