"""A cycle's computed results kept in the database (`dx_cycle_results`): one computation serves every process
until the next change.

A row is one opaque payload (assessment.services.result_codec makes and checks it) under its key (cycle, target
set name) and what it is valid for: the change counter it was computed at, the results-format version and a
fingerprint of the methodologies and targets used. `get` returns a payload only when all three match what the
reader asks for. `put` is a cache write, not a change of the data: it never moves the change counter and never
writes to the audit trail; it stores only if the counter has not moved since the computation read the database
(checked under the writer lock, in the same transaction), replaces the row of the same key, and is skipped,
with a line in the log, when the database is read-only, the writer lock is taken or the write fails.
"""

from __future__ import annotations

import datetime as dt
import logging
import sqlite3

from sqlalchemy import delete, insert, select
from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError

from storage.db import WRITE, WRITE_LOCK_KEY, current_connection, read_only_reason
from storage.sqlite_file import BUSY_TIMEOUT_MS
from storage.tables import CycleResultRow

log = logging.getLogger(__name__)

MAX_PAYLOAD_BYTES = 128 * 1024 * 1024  # far above a national cycle (~15 MB); a larger row is not read nor written
BLOB_SLICE = 1024 * 1024  # bytes of a payload written into its row at a time (SQLite)
LOCK_WAIT_MS = 200  # a cache write waits this long for the writer lock, then gives up (a real writer has it)


class ResultRepository:
    """Implements assessment.services.ports.ResultStore over one engine."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def get(self, year: int, target_set: str, *, change: int, format_version: int, fingerprint: str) -> bytes | None:
        """The payload kept for the key if it was computed at `change` with this format and fingerprint."""
        row = CycleResultRow
        query = (select(row.payload)
                 .where(row.cycle_year == year, row.target_set == target_set, row.change_number == change,
                        row.format_version == format_version, row.fingerprint == fingerprint,
                        row.size <= MAX_PAYLOAD_BYTES))
        try:
            with self.engine.connect() as connection:
                payload = connection.execute(query).scalar()
                connection.rollback()
        except SQLAlchemyError as exc:  # e.g. a database whose table went missing: compute instead
            log.warning("cannot read the kept results of cycle %s: %s", year, exc)
            return None
        if payload is None or len(payload) > MAX_PAYLOAD_BYTES:
            return None
        return bytes(payload)

    def put(self, year: int, target_set: str, *, change: int, format_version: int, fingerprint: str,
            payload: bytes) -> bool:
        """Keep `payload` for the key if the database's counter is still `change`; True when it was stored."""
        reason = read_only_reason(self.engine)
        if reason is not None:
            log.info("results of cycle %s not kept: the database is read-only (%s)", year, reason)
            return False
        if current_connection(self.engine) is not None:
            log.info("results of cycle %s not kept: computed inside a write transaction", year)
            return False
        if len(payload) > MAX_PAYLOAD_BYTES:
            log.warning("results of cycle %s not kept: %d bytes (limit %d)", year, len(payload), MAX_PAYLOAD_BYTES)
            return False
        try:
            return self._store(year, target_set, change, format_version, fingerprint, payload)
        except (SQLAlchemyError, sqlite3.Error) as exc:
            log.info("results of cycle %s not kept: %s", year, exc)
            return False

    def _store(self, year: int, target_set: str, change: int, format_version: int, fingerprint: str,
               payload: bytes) -> bool:
        """The write itself, outside storage.db.write_transaction (it must not move the change counter), waiting
        at most LOCK_WAIT_MS for the writer lock."""
        with self.engine.connect() as connection:
            sqlite = connection.dialect.name == "sqlite"
            raw = connection.connection.driver_connection if sqlite else None
            if raw is not None:
                raw.execute(f"PRAGMA busy_timeout = {LOCK_WAIT_MS}")
            try:
                connection.execution_options(**{WRITE: True})  # SQLite: BEGIN IMMEDIATE takes the writer lock
                try:
                    transaction = connection.begin()
                except SQLAlchemyError as exc:
                    if not _busy(exc):
                        raise
                    log.info("results of cycle %s not kept: another process holds the writer lock", year)
                    return False
                with transaction:
                    if not sqlite and not connection.exec_driver_sql(
                            f"SELECT pg_try_advisory_xact_lock({WRITE_LOCK_KEY})").scalar():
                        log.info("results of cycle %s not kept: another process holds the writer lock", year)
                        return False
                    counter = connection.exec_driver_sql("SELECT counter FROM dx_changes WHERE id = 1").scalar()
                    if counter != change:
                        log.info("results of cycle %s not kept: the database changed meanwhile (%s -> %s)", year,
                                 change, counter)
                        return False
                    row = CycleResultRow
                    connection.execute(delete(row).where(row.cycle_year == year, row.target_set == target_set))
                    fields = dict(cycle_year=year, target_set=target_set, fingerprint=fingerprint,
                                  format_version=format_version, change_number=change, size=len(payload),
                                  computed_at=dt.datetime.now(dt.UTC).isoformat(timespec="seconds"))
                    if raw is not None:
                        _insert_streamed(raw, fields, payload)
                    else:
                        connection.execute(insert(row).values(**fields, payload=payload))
                return True
            finally:
                if raw is not None:
                    raw.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")


def _insert_streamed(raw: sqlite3.Connection, fields: dict[str, object], payload: bytes) -> None:
    """The row with its payload written into a zero-filled blob a slice at a time. Bound as a parameter, SQLite
    copies the payload and then builds the whole row in memory once more: 3 × ~11 MB at national scale, the cold
    path's peak memory (issue 14)."""
    names = ", ".join(fields)
    marks = ", ".join("?" for _ in fields)
    cursor = raw.execute(f"INSERT INTO {CycleResultRow.__tablename__} ({names}, payload) VALUES ({marks}, zeroblob(?))",
                         (*fields.values(), len(payload)))
    if cursor.lastrowid is None:
        raise sqlite3.DatabaseError("the kept result's row has no id")
    view = memoryview(payload)
    with raw.blobopen(CycleResultRow.__tablename__, "payload", cursor.lastrowid) as blob:
        for start in range(0, len(view), BLOB_SLICE):
            blob.write(view[start:start + BLOB_SLICE])


def _busy(exc: SQLAlchemyError) -> bool:
    message = str(getattr(exc, "orig", exc)).lower()
    return "locked" in message or "busy" in message
