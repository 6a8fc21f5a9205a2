"""Open a dxscore database safely: refuse foreign or newer files before touching them, then migrate.

SQLite gets WAL, foreign keys and a busy timeout on every connection. Any SQLAlchemy URL works
(PostgreSQL for a shared central database); a plain path means an SQLite file.

Writes go through `write_transaction` / `run_write`: one writer at a time, decided when the transaction
begins (SQLite `BEGIN IMMEDIATE`; PostgreSQL a transaction-scoped advisory lock), so a writer always reads
the state it changes (no lost update), and a writer that finds the database busy waits and retries instead of
showing "database is locked".

An SQLite file that dxscore cannot write (read-only file, folder or medium) or that fails SQLite's quick_check
(storage.integrity) is opened for reading only: reads work, every write raises ReadOnlyDatabase with the reason.
"""

from __future__ import annotations

import logging
import random
import sqlite3
import threading
import time
import weakref
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Concatenate, ParamSpec, Protocol, TypeVar

from sqlalchemy import create_engine, event, inspect, text
from sqlalchemy.engine import Connection, Engine, make_url
from sqlalchemy.exc import DBAPIError, SQLAlchemyError

from assessment.domain.errors import ReadOnlyDatabase, StorageError
from storage import sqlite_file
from storage.integrity import connect_read_only
from storage.sqlite_file import (  # noqa: F401  (re-exported for the CLI and tests: where databases are)
    APP_NAME,
    BUSY_TIMEOUT_MS,
    MIGRATIONS_DIR,
    Identity,
    check_revision,
    check_sqlite_file,
    default_data_dir,
    default_database_url,
    head_revision,
    identity_of,
    known_revisions,
    plain_sqlite_path,
    resolve_url,
    sqlite_url,
    write_refusal,
)

if TYPE_CHECKING:
    from sqlalchemy.pool import ConnectionPoolEntry

log = logging.getLogger(__name__)

RETRY_SECONDS = 300.0  # how long a writer keeps retrying a busy database before it gives up with a message
WRITE_LOCK_KEY = 0x64787363  # "dxsc": the PostgreSQL advisory lock that serialises dxscore's writers
WRITE = "dxscore_write"  # execution option: this transaction writes (SQLite: BEGIN IMMEDIATE)

T = TypeVar("T")
P = ParamSpec("P")


def describe(url: str) -> str:
    """The URL without its password, for messages."""
    return make_url(url).render_as_string(hide_password=True)


def sqlite_path(url: str) -> Path | None:
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return None
    return Path(parsed.database)


def _sqlite_pragmas(dbapi_connection: sqlite3.Connection, _record: ConnectionPoolEntry) -> None:
    # pysqlite's own BEGIN handling leaves DDL outside transactions; take over (SQLAlchemy's documented recipe)
    # so a migration or an import is all-or-nothing.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA journal_mode = WAL")
    cursor.execute("PRAGMA synchronous = NORMAL")
    cursor.close()


def _sqlite_begin(connection: Connection) -> None:
    # A writer takes the write lock when it begins: a deferred transaction that read first and then writes
    # fails at once with SQLITE_BUSY when another writer committed in between (no busy timeout helps there).
    immediate = connection.get_execution_options().get(WRITE)
    connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def _sqlite_read_only_pragmas(dbapi_connection: sqlite3.Connection, _record: ConnectionPoolEntry) -> None:
    dbapi_connection.isolation_level = None
    dbapi_connection.execute("PRAGMA foreign_keys = ON")
    dbapi_connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")


def make_engine(url: str, *, read_only: Path | None = None) -> Engine:
    """An engine on `url`; with `read_only` (the SQLite file), every connection is opened read-only."""
    parsed = make_url(url)
    if read_only is not None:
        engine = create_engine(url, creator=lambda: connect_read_only(read_only))
        event.listen(engine, "connect", _sqlite_read_only_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    if parsed.get_backend_name() == "sqlite":
        engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
        _sqlite_engines.add(engine)
        return engine
    return create_engine(url, pool_pre_ping=True)


_sqlite_engines: weakref.WeakSet[Engine] = weakref.WeakSet()


def close_sqlite_engines() -> None:
    """Close the pooled connections of every writable SQLite engine still alive, for a process that leaves without
    the interpreter's teardown (the CLI). The last connection to close checkpoints the WAL into the file and
    removes it, so the next process finds the file as this one left it, not a WAL to replay — and the integrity
    verdict kept for the file (storage/integrity.py) still holds for it."""
    for engine in list(_sqlite_engines):
        try:
            engine.dispose()
        except SQLAlchemyError:  # leaving anyway: the WAL stays and the next opener replays it
            log.warning("could not close %s", engine.url, exc_info=True)


# ------------------------------------------------------------------------------------------- writes

_ambient = threading.local()
_refused: weakref.WeakKeyDictionary[Engine, str] = weakref.WeakKeyDictionary()  # engine -> why it is read-only


def read_only_reason(engine: Engine) -> str | None:
    """Why this engine refuses writes (a read-only or damaged file), or None when it writes."""
    return _refused.get(engine)


def current_connection(engine: Engine) -> Connection | None:
    connections: dict[int, Connection] = getattr(_ambient, "connections", {})
    return connections.get(id(engine))


def current_write(engine: Engine) -> Connection:
    """The connection of the write transaction this thread is in (for code that runs only inside one)."""
    connection = current_connection(engine)
    if connection is None:
        raise StorageError("this runs only inside a write transaction")
    return connection


@contextmanager
def write_transaction(engine: Engine, *, counted: bool = True) -> Iterator[Connection]:
    """A connection in a write transaction that holds dxscore's single writer lock, committed at the end.
    Inside another write transaction on the same engine (same thread) it joins that one, so a group of writes
    (an import: cycle, assessments and answers) commits or rolls back as one.

    Each write transaction moves the database's change counter once, under the lock (`counted`: all but the
    migrations, which run before the counter's table exists): other processes see that something changed, and
    the answers it writes take the new number as their version (`change_number`)."""
    current = current_connection(engine)
    if current is not None:
        yield current
        return
    reason = _refused.get(engine)
    if reason is not None:
        raise ReadOnlyDatabase(f"{describe(engine.url.render_as_string())} is open for reading only: {reason}. "
                               "Nothing was written.")
    with engine.connect() as connection:
        connection.execution_options(**{WRITE: True})
        with connection.begin():
            if connection.dialect.name == "postgresql":
                connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({WRITE_LOCK_KEY})")
            connection.info.pop(CHANGE, None)
            if counted:
                connection.info[CHANGE] = _bump_change_counter(connection)
            connections = _ambient.__dict__.setdefault("connections", {})
            connections[id(engine)] = connection
            try:
                yield connection
            finally:
                connections.pop(id(engine), None)


CHANGE = "dx_change"  # connection.info key: the change number of the write transaction on that connection


def _bump_change_counter(connection: Connection) -> int:
    connection.exec_driver_sql("UPDATE dx_changes SET counter = counter + 1 WHERE id = 1")
    return int(connection.exec_driver_sql("SELECT counter FROM dx_changes WHERE id = 1").scalar_one())


def change_number(connection: Connection) -> int:
    """The change number of the write transaction `connection` is in (what the answers it writes carry)."""
    return int(connection.info[CHANGE])


def read_change_counter(engine: Engine) -> int:
    """The database's change counter, as committed: one primary-key read, cheap enough to poll every second."""
    with engine.connect() as connection:
        value = connection.exec_driver_sql("SELECT counter FROM dx_changes WHERE id = 1").scalar()
        connection.rollback()
        return int(value or 0)


def run_write(engine: Engine, work: Callable[[Connection], T]) -> T:
    """Run `work` in a write transaction, retrying the whole of it while the database is busy (another
    process holding the write lock past the busy timeout, a PostgreSQL serialization failure or deadlock)."""
    if current_connection(engine) is not None:  # the outer write retries as a whole
        with write_transaction(engine) as connection:
            return work(connection)
    started = time.monotonic()
    delay = 0.05
    attempt = 0
    while True:
        attempt += 1
        try:
            with write_transaction(engine) as connection:
                return work(connection)
        except DBAPIError as exc:
            if not is_busy(exc):
                raise
            waited = time.monotonic() - started
            if waited > RETRY_SECONDS:
                raise StorageError(f"the database stayed busy for {waited:.0f} s (another dxscore is writing to "
                                   "it); nothing was saved, try again") from exc
            log.info("database busy (attempt %d, %.1f s): %s; retrying", attempt, waited, exc.orig)
            time.sleep(delay * (1 + random.random()))
            delay = min(delay * 2, 1.0)


_BUSY_STATES = {"40001", "40P01", "55P03"}  # serialization failure, deadlock, lock not available


def is_busy(exc: BaseException) -> bool:
    """A transient lock conflict worth retrying (never a constraint violation or a broken connection)."""
    orig = getattr(exc, "orig", exc)
    if isinstance(orig, sqlite3.OperationalError):
        message = str(orig).lower()
        return "locked" in message or "busy" in message
    return getattr(orig, "sqlstate", None) in _BUSY_STATES


class _OnEngine(Protocol):
    engine: Engine


S = TypeVar("S", bound=_OnEngine)


def retry_busy(method: Callable[Concatenate[S, P], T]) -> Callable[Concatenate[S, P], T]:
    """Decorator for a store method that writes through `write_transaction(self.engine)`: retried whole while
    the database is busy."""

    def wrapper(self: S, /, *args: P.args, **kwargs: P.kwargs) -> T:
        return run_write(self.engine, lambda _connection: method(self, *args, **kwargs))

    wrapper.__name__ = method.__name__
    wrapper.__doc__ = method.__doc__
    return wrapper


# ------------------------------------------------------------------------------------------ opening


def open_engine(url: str, *, create: bool = True) -> Engine:
    """An engine on a checked, migrated dxscore database. Raises NotADxscoreDatabase / DatabaseTooNew without
    writing anything; creates and migrates a new database only when `create`. An existing SQLite file is
    copied aside (storage.backup) before any migration changes it."""
    where = describe(url)
    path = sqlite_path(url)
    refusal = None
    if path is not None:
        identity = check_sqlite_file(path)
        check_revision(identity, where)
        if identity.empty and not create:
            raise StorageError(f"{where}: no dxscore database there")
        refusal = None if identity.empty else write_refusal(path, identity, where)
        if refusal is None:
            path.parent.mkdir(parents=True, exist_ok=True)
        if refusal is None and not identity.empty and identity.revision != head_revision():
            from storage.backup import backup_before_migration

            backup_before_migration(path, identity.revision)
    engine = make_engine(url, read_only=path if refusal else None)
    if refusal:
        log.warning("%s opened for reading only: %s", where, refusal)
        _refused[engine] = refusal
    try:
        if path is None:
            with engine.connect() as connection:
                tables = set(inspect(connection).get_table_names())
                identity = identity_of(tables, lambda sql: connection.execute(text(sql)).fetchall(), where)
            check_revision(identity, where)
            if identity.empty and not create:
                raise StorageError(f"{where}: no dxscore database there")
        if identity.revision != head_revision():
            migrate(engine)
    except SQLAlchemyError as exc:
        engine.dispose()
        raise StorageError(f"cannot open {where}: {exc.__class__.__name__}: {exc}") from exc
    except Exception:
        engine.dispose()
        raise
    return engine


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest revision (Alembic); the first revision stamps the file as dxscore's.
    The migration holds the writer lock, so two apps opening a new database at once migrate it once."""
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(sqlite_file.MIGRATIONS_DIR))  # read when run: tests move it
    config.attributes["engine"] = engine
    command.upgrade(config, "head")


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        rows = connection.execute(text("SELECT version_num FROM alembic_version")).fetchall()
        return rows[0][0] if rows else None
