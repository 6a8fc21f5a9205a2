"""backup / restore through the CLI, and restore's refusals: every refused file leaves the database as it was."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
import sys
import threading
from dataclasses import replace
from pathlib import Path

import pytest

from assessment.domain.errors import DatabaseTooNew, NotADxscoreDatabase, StaleAnswer
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
    """The database's content (not its bytes: WAL checkpoints move bytes around), without the change counter
    (a restore moves it on)."""
    with sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True) as c:
        lines = (line for line in c.iterdump() if not line.startswith('INSERT INTO "dx_changes"'))
        return hashlib.sha256("\n".join(lines).encode()).hexdigest()


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


def _nts02(service):  # type: ignore[no-untyped-def]
    """SO_NOI_VU's NTS02 (numerator, denominator) as the service's 2025 scores show it."""
    card = service.scores.for_cycle(year=2025, unit_code="SO_NOI_VU").scorecards[0]
    found = next(i for i in card.indicators if i.code == "NTS02")
    return found.numerator, found.denominator


def test_restore_moves_the_change_counter_past_what_open_windows_saw(demo_db, tmp_path):
    """Issue 14: a window open on the file (cached scores, a form that read NTS02) at change N; an older backup
    is restored; another process then changes NTS02. The window sees that write, not its cache, and its stale
    save is refused, because the restore moved the counter past N (a restore that put the backup's older
    counter back let the next write reuse N: cache kept, stale form accepted)."""
    from assessment.service import AssessmentService
    from questionnaires.files import FileCatalog
    from storage.store import SqlStore

    header = "unit_code,cycle,indicator_code,value,numerator,denominator,choice,not_applicable,comment\n"

    def import_answers(name: str, numerator: int, denominator: int) -> None:
        path = tmp_path / name
        path.write_text(header + f"SO_NOI_VU,2025,NTS01,{denominator},,,,,\n"
                                 f"SO_NOI_VU,2025,NTS02,,{numerator},{denominator},,,\n", encoding="utf-8")
        done = cli("answers", "import", str(path), db=demo_db, tmp=tmp_path)
        assert done.returncode == 0, done.stderr

    copy = tmp_path / "older.sqlite"
    assert cli("backup", "-o", str(copy), db=demo_db, tmp=tmp_path).returncode == 0
    import_answers("after-backup.csv", 12, 28)
    window = AssessmentService(SqlStore(open_engine(sqlite_url(demo_db))), FileCatalog(), user="window")
    try:
        seen = window.store.change_number()
        session = window.entry.open("SO_NOI_VU", 2025)
        assert _nts02(window) == (12.0, 28.0)  # cached under `seen`
        result = cli("restore", str(copy), db=demo_db, tmp=tmp_path)
        assert result.returncode == 0, result.stderr
        assert window.store.change_number() > seen
        import_answers("after-restore.csv", 12, 30)
        assert _nts02(window) == (12.0, 30.0)
        mine = replace(session.answers["NTS02"], numerator=11.0)
        with pytest.raises(StaleAnswer):
            window.entry.save(session, session.answers, mine, who="window", version=session.versions["NTS02"])
    finally:
        window.store.close()
    with sqlite3.connect(demo_db) as c:  # the other process's write stands
        assert c.execute("SELECT numerator, denominator FROM answers WHERE indicator_code = 'NTS02' AND "
                         "assessment_id = (SELECT a.id FROM assessments a JOIN units u ON u.id = a.unit_id "
                         "WHERE u.code = 'SO_NOI_VU' AND a.cycle_year = 2025)").fetchone() == (12.0, 30.0)


def test_a_backup_from_before_the_counter_restores_past_the_live_counter(demo_db, tmp_path):
    """A backup of schema 0002 (no change counter yet) is migrated while staged, then moved past the live
    database's counter like any other."""
    from alembic import command
    from alembic.config import Config

    from storage.db import MIGRATIONS_DIR, current_revision, make_engine

    old = tmp_path / "schema-0002.sqlite"
    engine = make_engine(sqlite_url(old))
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["engine"] = engine
    command.upgrade(config, "0002")
    with engine.begin() as c:
        c.exec_driver_sql("INSERT INTO cycles (year, reference_date) VALUES (2031, '2031-12-31')")
    engine.dispose()
    with sqlite3.connect(demo_db) as c:
        live = c.execute("SELECT counter FROM dx_changes").fetchone()[0]
    restore(old, sqlite_url(demo_db))
    engine = open_engine(sqlite_url(demo_db))
    try:
        assert current_revision(engine) == head_revision()
        with engine.connect() as c:
            assert c.exec_driver_sql("SELECT counter FROM dx_changes").scalar_one() > live
            assert c.exec_driver_sql("SELECT year FROM cycles").scalars().all() == [2031]
    finally:
        engine.dispose()
    assert not list(tmp_path.glob(".restore-*"))  # the staging folder is gone
