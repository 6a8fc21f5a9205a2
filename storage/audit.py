"""The audit trail: one append-only table, each row carrying the hash of the previous one.

    hash = SHA-256( prev_hash | at | who | action | source | assessment_id | subject | old | new | why )

over exactly the stored values, each text as `<length>:<text>` (NULL as `~`) so no value can imitate a
separator; `old`/`new` are JSON text and `at` ISO 8601 text, so `verify` recomputes the hash from what any
database returns. Rows are appended only inside dxscore's write transaction (storage.db), which holds
the single writer lock: the row read as the chain's head is the last one committed, on SQLite and PostgreSQL
alike, so the chain stays linear. Triggers refuse UPDATE and DELETE; someone who goes around them (or edits
the file) breaks the chain, and `verify` names the first row that no longer matches.

The chain alone cannot show a cut-off tail or a chain rewritten from some row on (every hash recomputed), and
says nothing about tables edited without a trail row. So `verify` also replays the trail against the answers,
evidence and appraisals tables (storage.audit_replay), and checks a head kept outside the database (`head()`:
row count and last hash, printed on PDFs and carried in packages) against the chain: the kept head's row must
still be there with the same hash.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterator, Sequence
from typing import Any

from sqlalchemy.engine import Connection, Engine

from assessment.domain.errors import StorageError
from assessment.services.ports import AuditEntry, AuditEvent, AuditHead, AuditVerdict
from storage.db import run_write

GENESIS = "0" * 64
COLUMNS = ("at", "who", "action", "source", "assessment_id", "subject", "old", "new", "why", "prev_hash", "hash")
PAGE = 20_000
# One audit row as `append` takes it: (action, source, assessment_id, subject, old JSON, new JSON, why).
AuditRow = tuple[str, str, int | None, str, str | None, str | None, str]
_encode = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode


def now_text(moment: dt.datetime | None = None) -> str:
    moment = moment or dt.datetime.now(dt.UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def as_json(value: object) -> str | None:
    """An event's old/new as stored: compact JSON with sorted keys (None stays NULL)."""
    return None if value is None else _encode(value)


def _part(text: str | None) -> str:
    return "~" if text is None else f"{len(text)}:{text}"


def prefix(at: str, who: str, action: str, source: str) -> str:
    """The hashed form of the fields a bulk write shares (computed once per write)."""
    return f"{_part(at)}|{_part(who)}|{_part(action)}|{_part(source)}"


def link_row(prev: str, common: str, assessment_id: int | None, subject: str, old: str | None, new: str | None,
             why: str) -> str:
    aid = "~" if assessment_id is None else str(int(assessment_id))
    text = f"{prev}|{common}|{aid}|{_part(subject)}|{_part(old)}|{_part(new)}|{_part(why)}"
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def link(prev: str, at: str, who: str, action: str, source: str, assessment_id: int | None, subject: str,
         old: str | None, new: str | None, why: str) -> str:
    return link_row(prev, prefix(at, who, action, source), assessment_id, subject, old, new, why)


def mark_of(connection: Connection) -> str:
    return "?" if connection.dialect.paramstyle == "qmark" else "%s"


def head(connection: Connection) -> str:
    row = connection.exec_driver_sql("SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()
    return row[0] if row else GENESIS


def append(connection: Connection, rows: Sequence[AuditRow],
           *, who: str, at: str | None = None) -> None:
    """Append rows (action, source, assessment_id, subject, old JSON, new JSON, why) to the chain. Must run
    inside dxscore's write transaction (the caller's), which holds the writer lock."""
    if not rows:
        return
    if connection.get_execution_options().get("dxscore_write") is not True:
        raise StorageError("audit rows are written only inside a write transaction")
    at = at or now_text()
    prev = head(connection)
    values: list[tuple[object, ...]] = []
    add, sha = values.append, hashlib.sha256
    prefixes: dict[tuple[str, str], str] = {}
    for action, source, aid, subject, old, new, why in rows:  # link_row, inlined: once per answer of an import
        common = prefixes.get((action, source))
        if common is None:
            common = prefixes[(action, source)] = prefix(at, who, action, source)
        text = (f"{prev}|{common}|{'~' if aid is None else int(aid)}|{len(subject)}:{subject}|"
                f"{'~' if old is None else f'{len(old)}:{old}'}|{'~' if new is None else f'{len(new)}:{new}'}|"
                f"{len(why)}:{why}")
        digest = sha(text.encode("utf-8")).hexdigest()
        add((at, who, action, source, aid, subject, old, new, why, prev, digest))
        prev = digest
    mark = mark_of(connection)
    connection.exec_driver_sql(f"INSERT INTO audit_log ({', '.join(COLUMNS)}) "
                               f"VALUES ({', '.join([mark] * len(COLUMNS))})", values)


def event_row(event: AuditEvent) -> AuditRow:
    return (event.action, event.source, event.assessment_id, event.subject, as_json(event.old), as_json(event.new),
            event.why)


class AuditRepository:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def record(self, events: Sequence[AuditEvent], *, who: str) -> None:
        """Append events in the current write transaction (or a transaction of their own)."""
        rows = [event_row(e) for e in events]
        run_write(self.engine, lambda connection: append(connection, rows, who=who))

    def _pages(self, connection: Connection) -> Iterator[list[tuple[Any, ...]]]:
        last = 0
        mark = mark_of(connection)
        while True:
            sql = (f"SELECT id, {', '.join(COLUMNS)} FROM audit_log WHERE id > {mark} "
                   f"ORDER BY id LIMIT {PAGE}")
            rows = connection.exec_driver_sql(sql, (last,)).fetchall()
            if not rows:
                return
            yield [tuple(r) for r in rows]
            last = rows[-1][0]

    def head(self) -> AuditHead:
        """The chain's row count and last hash, as of the last committed write."""
        with self.engine.connect() as connection:
            rows = connection.exec_driver_sql("SELECT count(*) FROM audit_log").scalar() or 0
            return AuditHead(int(rows), head(connection))

    def verify(self, kept: AuditHead | None = None) -> AuditVerdict:
        """Walk the chain from the first row: the first row whose prev_hash is not the previous row's hash, or
        whose hash does not match its own content. Then the kept head (the chain must still hold its row with
        its hash) and the tables replayed from the trail, all in one read snapshot."""
        with self.engine.connect() as connection:
            if connection.dialect.name == "postgresql":  # one snapshot for the chain and the tables
                connection = connection.execution_options(isolation_level="REPEATABLE READ")
            with connection.begin():
                return self._verify(connection, kept)

    def _verify(self, connection: Connection, kept: AuditHead | None) -> AuditVerdict:
        from storage.audit_replay import Replayed, first_mismatch

        prev, count, anchor = GENESIS, 0, ""
        folded = Replayed()
        for page in self._pages(connection):
            for row_id, at, who, action, source, aid, subject, old, new, why, prev_hash, stored in page:
                count += 1
                if prev_hash != prev:
                    return AuditVerdict(count, prev, row_id, "its previous-row hash does not match the row before "
                                                             "it (a row was removed, inserted or reordered)")
                expected = link(prev, at, who, action, source, aid, subject, old, new, why)
                if stored != expected:
                    return AuditVerdict(count, prev, row_id, "its content does not match its hash (the row was "
                                                             "altered)")
                if kept is not None and count == kept.rows and not stored.startswith(kept.hash):
                    anchor = (f"row {kept.rows} of the chain now has hash {stored[:AuditHead.SHORT]}, the kept head "
                              f"says {kept.hash[:AuditHead.SHORT]}: the trail was rewritten since that head was "
                              "written down")
                folded.add(action, aid, subject, old, new)
                prev = stored
        if kept is not None and count < kept.rows:
            anchor = (f"the chain has {count} rows, the kept head names row {kept.rows}: rows were removed since "
                      "that head was written down")
        mismatch, mismatches = first_mismatch(connection, folded)
        return AuditVerdict(count, prev, mismatch=mismatch, mismatches=mismatches, anchor=anchor)

    def recorded(self, action: str, subjects: Sequence[str]) -> dict[str, str | None]:
        """The `new` value of the last trail row of `action` for each of `subjects` that has one (an indexed
        read of those rows only, not the whole trail)."""
        if not subjects:
            return {}
        with self.engine.connect() as connection:
            mark = mark_of(connection)
            sql = (f"SELECT subject, new FROM audit_log WHERE action = {mark} AND subject IN "
                   f"({', '.join([mark] * len(subjects))}) ORDER BY id")
            rows = connection.exec_driver_sql(sql, (action, *subjects)).fetchall()
        return {subject: new for subject, new in rows}  # in trail order: the last row of a subject wins

    def entries(self, *, assessment_id: int | None = None, limit: int | None = None) -> list[AuditEntry]:
        """The trail in order (one assessment's rows, or all), the newest `limit` rows when given."""
        with self.engine.connect() as connection:
            mark = mark_of(connection)
            where, params = ("WHERE assessment_id = " + mark, (assessment_id,)) if assessment_id is not None \
                else ("", ())
            tail = f" LIMIT {int(limit)}" if limit else ""
            sql = (f"SELECT id, at, who, action, source, assessment_id, subject, old, new, why FROM audit_log "
                   f"{where} ORDER BY id DESC{tail}")
            rows = connection.exec_driver_sql(sql, params).fetchall()
        return [AuditEntry(*row) for row in reversed(rows)]
