"""Where dxscore's databases are and what an SQLite file is, without SQLAlchemy: the database URL a command opens,
the file behind an SQLite URL, and the read-only look at a file before anything opens it (is it dxscore's, which
schema, may it be written). A process that only reads kept results (storage.deferred) starts from here and never
imports SQLAlchemy; storage.db builds its engines on the same checks."""

from __future__ import annotations

import os
import re
import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import platformdirs

from assessment.domain.errors import DatabaseTooNew, NotADxscoreDatabase, ReadOnlyDatabase
from storage.integrity import connect_read_only, damage, writable

APP_NAME = "dxscore"
MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
BUSY_TIMEOUT_MS = 30_000
Query = Callable[[str], Sequence[Sequence[Any]]]  # SQL text -> the rows (either driver's cursor rows)


def default_data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def default_database_url() -> str:
    return sqlite_url(default_data_dir() / "dxscore.sqlite")


def sqlite_url(path: str | Path) -> str:
    return f"sqlite:///{Path(path).expanduser().resolve()}"


def resolve_url(option: str | None) -> str:
    """--db wins, then DXSCORE_DB, then the user's data folder. A value without '://' is a file path."""
    value = option or os.environ.get("DXSCORE_DB") or ""
    if not value:
        return default_database_url()
    return value if "://" in value else sqlite_url(value)


def plain_sqlite_path(url: str) -> Path | None:
    """The file of a plain SQLite URL as `sqlite_url` writes it (`sqlite:///` and a path, no driver, no query
    options); None for anything else, which storage.db.sqlite_path reads with SQLAlchemy's own parser."""
    prefix = "sqlite:///"
    if not url.startswith(prefix) or any(c in url for c in "?#") or url[len(prefix):] in ("", ":memory:"):
        return None
    return Path(url[len(prefix):])


_REVISION = re.compile(r"^revision\s*=\s*['\"]([^'\"]+)['\"]", re.MULTILINE)
_DOWN = re.compile(r"^down_revision\s*=\s*['\"]([^'\"]+)['\"]", re.MULTILINE)


def _revision_graph() -> dict[str, str | None]:
    """revision -> down_revision, read from the migration files. Importing Alembic costs ~0.35 s, so it is
    imported only when a migration actually runs (tests check this reading against Alembic's own)."""
    graph: dict[str, str | None] = {}
    for path in (MIGRATIONS_DIR / "versions").glob("*.py"):
        source = path.read_text(encoding="utf-8")
        revision, down = _REVISION.search(source), _DOWN.search(source)
        if revision:
            graph[revision.group(1)] = down.group(1) if down else None
    return graph


def known_revisions() -> set[str]:
    return set(_revision_graph())


def head_revision() -> str:
    graph = _revision_graph()
    parents = {down for down in graph.values() if down}
    heads = [rev for rev in graph if rev not in parents]
    return heads[0] if len(heads) == 1 else ""


@dataclass
class Identity:
    empty: bool
    revision: str | None


def check_sqlite_file(path: Path) -> Identity:
    """Read-only look at a file before any connection could change it (WAL would rewrite its header)."""
    # The file is read through SQLite only, never with open()/close(): closing any descriptor of a file drops
    # every POSIX lock this process holds on it, so an engine already open on it here would lose its locks and
    # another process closing last would remove the WAL under it ("disk I/O error").
    if not path.exists() or path.stat().st_size == 0:
        return Identity(True, None)
    try:
        connection = connect_read_only(path)
        try:
            tables = {r[0] for r in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            return identity_of(tables, lambda sql: connection.execute(sql).fetchall(), str(path))
        finally:
            connection.close()
    except sqlite3.DatabaseError as exc:
        why = "it is not an SQLite file" if "not a database" in str(exc) else str(exc)
        raise NotADxscoreDatabase(f"{path} is not a dxscore database ({why}); it was left untouched") from exc


def identity_of(tables: set[str], query: Query, where: str) -> Identity:
    if not tables:
        return Identity(True, None)
    app = query("SELECT value FROM dx_meta WHERE key = 'app'") if "dx_meta" in tables else []
    if not app or app[0][0] != APP_NAME or "alembic_version" not in tables:
        listed = ", ".join(sorted(tables)[:6])
        raise NotADxscoreDatabase(f"{where} is not a dxscore database (it holds other tables: {listed}); "
                                  "it was left untouched")
    rows = query("SELECT version_num FROM alembic_version")
    return Identity(False, rows[0][0] if rows else None)


def check_revision(identity: Identity, where: str) -> None:
    if identity.revision is not None and identity.revision not in known_revisions():
        raise DatabaseTooNew(
            f"{where} was written by a newer dxscore (schema {identity.revision}); this version knows schemas up "
            f"to {head_revision()}. Update dxscore to open it; the database was left untouched."
        )


def write_refusal(path: Path, identity: Identity, where: str) -> str | None:
    """Why an existing SQLite file may only be read (None: it may be written). A file that would need migrating
    cannot be opened at all then."""
    reason = writable(path)
    if reason is None:
        found = damage(path)
        if found is not None:
            reason = (f"it failed SQLite's integrity check ({found}); make a copy, then restore a backup "
                      "(dxscore restore FILE)")
    if reason is not None and identity.revision != head_revision():
        raise ReadOnlyDatabase(f"{where} needs updating to this dxscore's schema, but {reason}; it was left untouched")
    return reason
