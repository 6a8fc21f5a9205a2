"""A store on an SQLite file that opens SQLAlchemy only when it must.

Most commands, and the window's dashboard, read a cycle's results kept in the database (storage.results): a
fresh process then needs only the change counter, two meta values, the active target set, the stored
methodologies and the kept payload; the window's first paint needs the units and the cycles. Importing
SQLAlchemy with its ORM and our declarative tables costs ~0.2 s, as much as the whole of such a read.
`DeferredStore` answers exactly those reads with plain `sqlite3` (the same SQL as storage.store, one read
transaction per read as there) and opens the full `SqlStore` the first time anything else is asked for, a write
included; from then on every call goes to the full store.

It is used only for a file that needs nothing before it can be read: it exists, it is dxscore's, its schema is
the current one and it may be written (storage.sqlite_file does these checks, as storage.db.open_engine does).
Anything else (a new, older, read-only or damaged file, PostgreSQL) opens the full store at once, with its
migrations, read-only engine and warnings. tests/storage/test_deferred_store.py checks every read against
SqlStore's and that a process reading kept results never imports SQLAlchemy.
"""

from __future__ import annotations

import datetime as dt
import logging
import sqlite3
import threading
import weakref
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from assessment.domain.model import MethodologyId, Target, TargetId, TargetSet, Text, Unit, UnitCode, UnitKind
from assessment.services.ports import CouncilStore, ResultStore, StoredMethodology, TargetSetInfo
from storage.sqlite_file import (
    BUSY_TIMEOUT_MS,
    check_revision,
    check_sqlite_file,
    head_revision,
    plain_sqlite_path,
    write_refusal,
)

if TYPE_CHECKING:
    from assessment.domain.publication import Publication
    from storage.store import SqlStore

log = logging.getLogger(__name__)

T = TypeVar("T")
MAX_PAYLOAD_BYTES = 128 * 1024 * 1024  # as storage.results: a larger kept row is neither read nor written


_alive: weakref.WeakSet[DeferredStore] = weakref.WeakSet()


def close_deferred_stores() -> None:
    """Close the plain connections still open, for a process that leaves without the interpreter's teardown (the
    CLI, as storage.db.close_sqlite_engines): the next process finds no WAL or lock files this one left."""
    for store in list(_alive):
        with store._lock:
            store._close_plain()


def deferrable(path: Path, where: str) -> bool:
    """Whether the file at `path` can be read as it is (see the module docstring). Raises what open_engine would
    for a foreign or newer file, so the message is the same either way."""
    identity = check_sqlite_file(path)
    check_revision(identity, where)
    if identity.empty or identity.revision != head_revision():
        return False
    return write_refusal(path, identity, where) is None


class DeferredStore:
    """Implements assessment.services.ports.Store: a handful of reads in plain sqlite3, the rest by SqlStore."""

    def __init__(self, url: str, path: Path, open_full: Callable[[str], SqlStore]) -> None:
        self.url = url
        self._path = path
        self._open_full = open_full
        self._full: SqlStore | None = None
        self._connection: sqlite3.Connection | None = None
        self._lock = threading.RLock()  # the window's lane and the GUI thread may both ask
        self.results: ResultStore = _DeferredResults(self)
        self.council: CouncilStore = _DeferredCouncil(self)
        _alive.add(self)

    # ---------------------------------------------------------------------------------- the full store

    @property
    def full(self) -> SqlStore:
        """The SQLAlchemy store, opened on first use (the plain connection is closed then: one way in)."""
        with self._lock:
            if self._full is None:
                log.info("opening the full store on %s", self._path)
                self._full = self._open_full(self.url)
                self._close_plain()
            return self._full

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):  # not set yet (during __init__) or private: never the full store's
            raise AttributeError(name)
        return getattr(self.full, name)

    def read_only_reason(self) -> str | None:
        """None: only a file that may be written is deferred (a full store opened since says for itself)."""
        return None if self._full is None else self._full.read_only_reason()

    def close(self) -> None:
        with self._lock:
            self._close_plain()
            if self._full is not None:
                self._full.close()

    def _close_plain(self) -> None:
        if self._connection is not None:
            self._connection.close()  # the last connection to close checkpoints the WAL
            self._connection = None

    @contextmanager
    def _read(self) -> Iterator[sqlite3.Connection]:
        """One read transaction on the plain connection, as `engine.connect()` gives storage.store's reads."""
        with self._lock:
            if self._connection is None:
                self._connection = sqlite3.connect(self._path, isolation_level=None, check_same_thread=False,
                                                   timeout=BUSY_TIMEOUT_MS / 1000)
                self._connection.execute("PRAGMA query_only = ON")  # this connection never writes
            connection = self._connection
            connection.execute("BEGIN")
            try:
                yield connection
            finally:
                connection.execute("COMMIT")

    # ----------------------------------------------------------------- the reads of a warm start

    def _either(self, plain: Callable[[sqlite3.Connection], T], full: Callable[[SqlStore], T]) -> T:
        """`plain` in one read transaction while the full store is not open (decided under the lock, so a plain
        connection never reopens beside it); else `full` on the full store, outside the lock."""
        with self._lock:
            opened = self._full
            if opened is None:
                with self._read() as connection:
                    return plain(connection)
        return full(opened)

    def committed_change(self) -> int | None:
        return self._either(_counter, lambda full: full.committed_change())

    def change_number(self) -> int:
        """The counter (the window polls it): no write transaction can be open before the full store is."""
        return self._either(_counter, lambda full: full.change_number())

    def get_meta(self, key: str) -> str | None:
        def plain(c: sqlite3.Connection) -> str | None:
            row = c.execute("SELECT value FROM dx_meta WHERE key = ?", (key,)).fetchone()
            return None if row is None else str(row[0])

        return self._either(plain, lambda full: full.get_meta(key))

    def units(self, kind: UnitKind | None = None) -> list[Unit]:
        """As SqlStore.units: sorted here by (kind, code), not by the database's collation."""
        def plain(c: sqlite3.Connection) -> list[Unit]:
            rows = (c.execute(_UNITS + " WHERE kind = ?", (kind.value,)) if kind is not None else
                    c.execute(_UNITS)).fetchall()
            return sorted((_unit(r) for r in rows), key=lambda u: (u.kind.value, u.code))

        return self._either(plain, lambda full: full.units(kind))

    def unit(self, code: str) -> Unit | None:
        def plain(c: sqlite3.Connection) -> Unit | None:
            row = c.execute(_UNITS + " WHERE code = ?", (code,)).fetchone()
            return None if row is None else _unit(row)

        return self._either(plain, lambda full: full.unit(code))

    def cycles(self) -> list[int]:
        return self._either(lambda c: [int(year) for (year,) in c.execute("SELECT year FROM cycles ORDER BY year")],
                            lambda full: full.cycles())

    def target_sets(self) -> list[TargetSetInfo]:
        def plain(c: sqlite3.Connection) -> list[TargetSetInfo]:
            rows = c.execute("SELECT s.name, s.is_default, s.imported_from, count(t.id) FROM target_sets s "
                             "LEFT JOIN targets t ON t.target_set_id = s.id GROUP BY s.id ORDER BY s.id").fetchall()
            return [TargetSetInfo(name, bool(default), int(n or 0), origin) for name, default, origin, n in rows]

        return self._either(plain, lambda full: full.target_sets())

    def target_set(self, name: str | None = None) -> TargetSet | None:
        return self._either(lambda c: _target_set(c, name), lambda full: full.target_set(name))

    def stored_methodologies(self) -> list[StoredMethodology]:
        def plain(c: sqlite3.Connection) -> list[StoredMethodology]:
            rows = c.execute("SELECT id, methodology_id, version, sha256, source_text FROM methodologies").fetchall()
            return sorted((StoredMethodology(pk, MethodologyId(ident), version, sha, text)
                           for pk, ident, version, sha, text in rows), key=lambda m: (m.id, m.version))

        return self._either(plain, lambda full: full.stored_methodologies())

    def kept_payload(self, year: int, target_set: str, *, change: int, format_version: int,
                     fingerprint: str) -> bytes | None:
        def plain(c: sqlite3.Connection) -> bytes | None:
            row = c.execute("SELECT payload FROM dx_cycle_results WHERE cycle_year = ? AND target_set = ? AND "
                            "change_number = ? AND format_version = ? AND fingerprint = ? AND size <= ?",
                            (year, target_set, change, format_version, fingerprint, MAX_PAYLOAD_BYTES)).fetchone()
            if row is None or row[0] is None or len(row[0]) > MAX_PAYLOAD_BYTES:
                return None
            return bytes(row[0])

        return self._either(plain, lambda full: full.results.get(year, target_set, change=change,
                                                                format_version=format_version,
                                                                fingerprint=fingerprint))

    def publications(self, year: int) -> list[Publication]:
        """A cycle without publications (the dashboard asks on every open) is answered in plain sqlite3; the
        publications themselves are read by the full store, whose reading of them is the only one."""
        none = self._either(lambda c: c.execute("SELECT 1 FROM publications WHERE cycle_year = ? LIMIT 1",
                                                (year,)).fetchone() is None, lambda _full: False)
        return [] if none else self.full.council.publications(year)


def _counter(c: sqlite3.Connection) -> int:
    row = c.execute("SELECT counter FROM dx_changes WHERE id = 1").fetchone()
    return int(row[0] or 0) if row else 0


def _target_set(c: sqlite3.Connection, name: str | None) -> TargetSet | None:
    """storage.store.SqlStore.target_set in plain sqlite3: the flags as bools and the values as floats, as
    SQLAlchemy's types give them (the kept result's fingerprint is taken from the set's repr)."""
    found = (c.execute("SELECT id, name FROM target_sets WHERE name = ?", (name,)) if name is not None else
             c.execute("SELECT id, name FROM target_sets WHERE is_default = 1")).fetchone()
    if found is None:
        return None
    rows = c.execute("SELECT id, target_id, pillar, text_vi, text_en, unit, direction, document, source, "
                     "confidence, unconfirmed, note, category, serves, level FROM targets "
                     "WHERE target_set_id = ? ORDER BY id", (found[0],)).fetchall()
    values: dict[int, list[tuple[int, float]]] = {}
    for pk, year, value in c.execute("SELECT target_pk, year, value FROM target_values ORDER BY year"):
        values.setdefault(pk, []).append((int(year), float(value)))
    return TargetSet(found[1], tuple(
        Target(TargetId(r[1]), r[2], Text(r[3], r[4]), r[5], r[6], tuple(values.get(r[0], [])), r[7], r[8],
               r[9], bool(r[10]), r[11], r[12], r[13], r[14])
        for r in rows))


_UNITS = ("SELECT code, kind, subtype, name_vi, name_en, valid_from, valid_until, digital_economy_duty, unconfirmed, "
          "note FROM units")


def _unit(row: Sequence[Any]) -> Unit:
    """storage.store._unit of a plain row: dates are stored as ISO text, flags as 0/1."""
    code, kind, subtype, vi, en, start, end, duty, unconfirmed, note = row
    return Unit(UnitCode(code), UnitKind(kind), subtype, Text(vi, en), _date(start), _date(end), bool(duty),
                bool(unconfirmed), note)


def _date(value: object) -> dt.date | None:
    return None if value is None else dt.date.fromisoformat(str(value))


class _DeferredResults:
    """storage.results.ResultRepository's `get` in plain sqlite3 until the full store is open; `put` (a write)
    always through it."""

    def __init__(self, store: DeferredStore) -> None:
        self.store = store

    def get(self, year: int, target_set: str, *, change: int, format_version: int, fingerprint: str
            ) -> bytes | None:
        try:
            return self.store.kept_payload(year, target_set, change=change, format_version=format_version,
                                           fingerprint=fingerprint)
        except sqlite3.Error as exc:  # as ResultRepository.get: a table gone missing means computing instead
            log.warning("cannot read the kept results of cycle %s: %s", year, exc)
            return None

    def put(self, year: int, target_set: str, *, change: int, format_version: int, fingerprint: str,
            payload: bytes) -> bool:
        return self.store.full.results.put(year, target_set, change=change, format_version=format_version,
                                           fingerprint=fingerprint, payload=payload)


class _DeferredCouncil:
    """The council's records: a cycle without publications (the dashboard asks on every open) answered in plain
    sqlite3; the publications themselves, and everything else, by the full store."""

    def __init__(self, store: DeferredStore) -> None:
        self.store = store

    def publications(self, year: int) -> list[Publication]:
        return self.store.publications(year)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.store.full.council, name)


def open_store(url: str) -> DeferredStore | SqlStore:
    """The store on the database at `url`, checked and migrated as storage.db.open_engine does: a DeferredStore on
    an SQLite file that can be read as it is, else the full SqlStore at once."""
    path = plain_sqlite_path(url)
    if path is not None and deferrable(path, url):
        return DeferredStore(url, path, open_full_store)
    return open_full_store(url)


def open_full_store(url: str) -> SqlStore:
    from storage.db import open_engine
    from storage.store import SqlStore

    return SqlStore(open_engine(url))
