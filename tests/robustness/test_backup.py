"""backup / restore through the CLI, and restore's refusals: every refused file leaves the database as it was."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from assessment.domain.errors import DatabaseTooNew, NotADxscoreDatabase
from storage.backup import backup, restore
from storage.db import head_revision, open_engine, sqlite_url
from tests.cli_language import english

ROOT = Path(__file__).resolve().parents[2]


def cli(*args: str, db: Path | str, tmp: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "DXSCORE_LOG_DIR": str(tmp / "logs")}
    return subprocess.run([sys.executable, str(ROOT / "main.py"),
                           *english(args), "--db", str(db), *args], capture_output=True,
                          text=True, env=env, cwd=ROOT, timeout=300)


def snapshot(path: Path) -> str:
    """The database's content (not its bytes: WAL checkpoints move bytes around)."""
    with sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True) as c:
        return hashlib.sha256("\n".join(c.iterdump()).encode()).hexdigest()


def test_backup_then_restore_undoes_later_changes_and_keeps_them_as_bak(demo_db, tmp_path):
    copy = tmp_path / "saved.sqlite"
    done = cli("backup", "-o", str(copy), db=demo_db, tmp=tmp_path)
    assert done.returncode == 0, done.stderr
    assert f"backup of schema {head_revision()} written to" in done.stdout
    with sqlite3.connect(copy) as c:
        assert c.execute("PRAGMA journal_mode").fetchone()[0] == "delete"  # one self-contained file
        assert c.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert cli("backup", "-o", str(copy), db=demo_db, tmp=tmp_path).returncode == 2  # never overwritten silently
    saved = snapshot(copy)

    assert cli("targets", "set", "de_share_grdp", "2025", "99", db=demo_db, tmp=tmp_path).returncode == 0
    changed = snapshot(demo_db)
    assert changed != saved
    result = cli("restore", str(copy), db=demo_db, tmp=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "the previous database was kept as" in result.stdout
    assert snapshot(demo_db) == saved
    assert snapshot(demo_db.with_name(demo_db.name + ".bak")) == changed
    listed = cli("targets", "list", db=demo_db, tmp=tmp_path).stdout
    assert "2025: 99" not in listed


@pytest.mark.parametrize("kind", ["not sqlite", "other app", "newer", "damaged", "empty"])
def test_restore_refuses_what_it_cannot_open_and_leaves_the_database_alone(demo_db, tmp_path, kind):
    bad = tmp_path / "bad.sqlite"
    if kind == "not sqlite":
        bad.write_bytes(b"PK\x03\x04 a spreadsheet, not a database" * 50)
    elif kind == "other app":
        with sqlite3.connect(bad) as c:
            c.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY)")
    elif kind == "newer":
        backup(sqlite_url(demo_db), bad)
        with sqlite3.connect(bad) as c:
            c.execute("UPDATE alembic_version SET version_num = '9999_future'")
    elif kind == "damaged":
        backup(sqlite_url(demo_db), bad)
        data = bytearray(bad.read_bytes())
        for offset in range(8192, len(data) - 4096, 4096):  # overwrite every page but the schema's
            data[offset:offset + 64] = os.urandom(64)
        bad.write_bytes(bytes(data))
    else:
        bad.write_bytes(b"")
    before = snapshot(demo_db)
    expected = DatabaseTooNew if kind == "newer" else NotADxscoreDatabase
    with pytest.raises(expected):
        restore(bad, sqlite_url(demo_db))
    assert snapshot(demo_db) == before
    assert not demo_db.with_name(demo_db.name + ".bak").exists()
    result = cli("restore", str(bad), db=demo_db, tmp=tmp_path)
    assert result.returncode == 2 and "error:" in result.stderr and "Traceback" not in result.stderr


def test_restore_into_a_new_place_creates_the_database(demo_db, tmp_path):
    copy = tmp_path / "copy.sqlite"
    backup(sqlite_url(demo_db), copy)
    fresh = tmp_path / "elsewhere" / "dx.sqlite"
    done = restore(copy, sqlite_url(fresh))
    assert done.kept is None and snapshot(fresh) == snapshot(copy)
    open_engine(sqlite_url(fresh)).dispose()


def test_a_backup_taken_while_another_writer_works_is_consistent(demo_db, tmp_path):
    """Online backup: a snapshot, even while answers keep changing in another connection."""
    with sqlite3.connect(demo_db) as c:
        c.execute("UPDATE answers SET comment = 'start'")
    stop = threading.Event()

    def writer() -> None:
        connection = sqlite3.connect(demo_db, timeout=30)
        n = 0
        while not stop.is_set():
            n += 1
            with connection:
                connection.execute("UPDATE answers SET comment = ? WHERE id % 7 = ?", (f"pass {n}", n % 7))
        connection.close()

    thread = threading.Thread(target=writer)
    thread.start()
    try:
        for i in range(5):
            copy = tmp_path / f"online-{i}.sqlite"
            backup(sqlite_url(demo_db), copy)
            with sqlite3.connect(copy) as c:
                assert c.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
                # Each snapshot holds whole transactions: every comment of one residue class is the same.
                groups = c.execute("SELECT id % 7, count(DISTINCT comment) FROM answers GROUP BY id % 7").fetchall()
                assert all(n == 1 for _, n in groups)
    finally:
        stop.set()
        thread.join()


def test_postgresql_backup_points_to_pg_dump(tmp_path):
    from db_backends import require_pg

    url = require_pg()
    result = cli("backup", "-o", str(tmp_path / "x.dump"), db=url, tmp=tmp_path)
    assert result.returncode == 2 and "pg_dump" in result.stderr and "pg_restore" in result.stderr
    assert "dxscore:dxscore@" not in result.stderr  # no password in messages
    assert not (tmp_path / "x.dump").exists()
