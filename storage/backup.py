"""Backups of an SQLite database: `backup` (SQLite's online backup API: a consistent copy while the app and
other writers keep working), `restore` (refuses anything that is not a dxscore database this version can open,
keeps the current file as `.bak`, moves the change counter past the replaced database's so every open window
sees the change), and the automatic copy taken before a migration changes an existing file.

A central PostgreSQL database is backed up by its server's tools (pg_dump / pg_restore): `backup` and
`restore` say so rather than half-doing it.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import shutil
import sqlite3
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from assessment.domain.errors import BadInput, NotADxscoreDatabase, StorageError
from storage.db import describe, sqlite_path
from storage.integrity import connect_read_only
from storage.sqlite_file import BUSY_TIMEOUT_MS, check_revision, check_sqlite_file, head_revision

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class BackupResult:
    path: Path
    size: int
    revision: str | None
    seconds: float


@dataclass(frozen=True)
class RestoreResult:
    source: Path
    database: Path
    kept: Path | None  # the previous database, now a .bak file (None when there was none)
    revision: str | None
    seconds: float


def postgres_advice(url: str) -> str:
    plain = describe(url).replace("postgresql+psycopg://", "postgresql://")
    return (f"{plain} is a PostgreSQL database: back it up with the server's tools, e.g. "
            f"`pg_dump --format=custom --file dxscore.dump '{plain}'` and restore it with "
            f"`pg_restore --clean --if-exists --dbname '{plain}' dxscore.dump` (dxscore backup/restore copy "
            "SQLite files only)")


def _require_sqlite(url: str) -> Path:
    path = sqlite_path(url)
    if path is None:
        raise BadInput(postgres_advice(url) if url.startswith("postgresql") else
                       f"{describe(url)}: backup and restore work on SQLite database files only")
    return path


def _connect(path: Path) -> sqlite3.Connection:
    connection = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
    connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    return connection


def _copy(source: Path, target: Path) -> None:
    """A consistent copy of `source` (WAL content included) as a self-contained file at `target`, written
    beside it first and moved into place, so a crash never leaves a half-written target."""
    part = target.with_name(target.name + ".part")
    part.unlink(missing_ok=True)
    try:
        src = connect_read_only(source)  # a read-only or damaged database can still be copied
        src.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        try:
            dst = sqlite3.connect(part, isolation_level=None)
            try:
                src.backup(dst)  # one step: a snapshot, even while others write
                dst.execute("PRAGMA journal_mode = DELETE")
                verdict = dst.execute("PRAGMA quick_check").fetchone()[0]
                if verdict != "ok":
                    raise StorageError(f"the copy of {source} failed its check ({verdict}); nothing was written")
            finally:
                dst.close()
        finally:
            src.close()
        with open(part, "rb") as handle:
            os.fsync(handle.fileno())
        os.replace(part, target)
    finally:
        for leftover in (part, part.with_name(part.name + "-journal")):  # a full disk leaves nothing behind
            leftover.unlink(missing_ok=True)


def backup(url: str, target: Path, *, overwrite: bool = False) -> BackupResult:
    """Copy the database at `url` to `target` (an SQLite file that `restore` accepts)."""
    started = time.perf_counter()
    path = _require_sqlite(url)
    identity = check_sqlite_file(path)
    if identity.empty:
        raise BadInput(f"{path}: no dxscore database there to back up")
    target = Path(target).expanduser().resolve()
    if target == path.resolve():
        raise BadInput("the backup file must not be the database itself")
    if target.exists() and not overwrite:
        raise BadInput(f"{target} already exists; choose another name or add --force to replace it")
    target.parent.mkdir(parents=True, exist_ok=True)
    _copy(path, target)
    log.info("backed up %s to %s", path, target)
    return BackupResult(target, target.stat().st_size, identity.revision, time.perf_counter() - started)


def restore(source: Path, url: str) -> RestoreResult:
    """Replace the database at `url` with the backup `source`, after checking that `source` is a sound dxscore
    database no newer than this version. The current database is kept beside it as `<name>.bak`."""
    started = time.perf_counter()
    path = _require_sqlite(url)
    source = Path(source).expanduser().resolve()
    if not source.is_file():
        raise BadInput(f"{source}: no such file")
    if source == path.resolve():
        raise BadInput("the backup file is the database itself")
    identity = check_sqlite_file(source)
    if identity.empty:
        raise NotADxscoreDatabase(f"{source} is empty: not a dxscore database; nothing was restored")
    check_revision(identity, str(source))
    _check_sound(source)
    current = check_sqlite_file(path)  # refuses to overwrite a file that is not a dxscore database
    kept = None
    if not current.empty:
        kept = path.with_name(path.name + ".bak")
        _copy(path, kept)
    path.parent.mkdir(parents=True, exist_ok=True)
    stage = Path(tempfile.mkdtemp(prefix=".restore-", dir=path.parent)) / path.name
    try:
        _copy(source, stage)  # the backup file itself is never changed
        _counter_past(stage, _live_counter(path) if not current.empty else 0)
        src = sqlite3.connect(stage)
        try:
            dst = _connect(path)
            try:
                src.backup(dst)  # replaces the whole content in one transaction; open readers see old or new
                dst.execute("PRAGMA journal_mode = WAL")
            finally:
                dst.close()
        finally:
            src.close()
    finally:
        shutil.rmtree(stage.parent, ignore_errors=True)
    log.info("restored %s from %s (previous kept as %s)", path, source, kept)
    return RestoreResult(source, path, kept, identity.revision, time.perf_counter() - started)


def _live_counter(path: Path) -> int:
    """The change counter of the database about to be replaced (0 before the counter existed)."""
    connection = _connect(path)
    try:
        found = connection.execute("SELECT counter FROM dx_changes WHERE id = 1").fetchone()
    except sqlite3.OperationalError:  # a schema from before revision 0003: no counter yet
        found = None
    finally:
        connection.close()
    return int(found[0]) if found else 0


def _counter_past(stage: Path, live: int) -> None:
    """Move the staged backup's change counter past `live`, so the restored database never shows a number the
    replaced one had: every process caching under the counter rebuilds, a form opened before the restore is
    refused as stale (answers carry the number of their write), and a write after the restore cannot reuse a
    number seen before it. A backup from before the counter existed is migrated to this version first.
    (A write that commits between reading `live` and the copy, milliseconds, is lost to the restore anyway.)"""
    if not _has_counter(stage):
        from storage.db import open_engine
        from storage.sqlite_file import sqlite_url

        open_engine(sqlite_url(stage)).dispose()  # migrates (its own copy-aside lands in the stage's folder)
    connection = _connect(stage)
    try:
        connection.execute("UPDATE dx_changes SET counter = max(counter, ?) + 1 WHERE id = 1", (live,))
    finally:
        connection.close()


def _has_counter(path: Path) -> bool:
    connection = _connect(path)
    try:
        return connection.execute("SELECT 1 FROM sqlite_master WHERE name = 'dx_changes'").fetchone() is not None
    finally:
        connection.close()


def _check_sound(path: Path) -> None:
    connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        verdict = connection.execute("PRAGMA quick_check").fetchone()[0]
    except sqlite3.DatabaseError as exc:
        verdict = str(exc)
    finally:
        connection.close()
    if verdict != "ok":
        raise NotADxscoreDatabase(f"{path} is damaged ({verdict}); nothing was restored")


def backup_before_migration(path: Path, revision: str | None) -> Path:
    """Copy an existing database aside before a migration changes it: `<name>.<old>-to-<new>-<time>.bak`."""
    stamp = dt.datetime.now().strftime("%Y%m%dT%H%M%S")
    target = path.with_name(f"{path.name}.{revision or 'unversioned'}-to-{head_revision()}-{stamp}.bak")
    _copy(path, target)
    log.info("before migrating %s: copied it to %s", path, target)
    return target
