"""Answers: bulk upsert with history, and fast loading for scoring.

Both paths go through the DBAPI cursor (executemany / fetchall) rather than ORM objects: ENV-NOTES §5
measured ORM bulk at 5× and `Session.execute` reads at 7× the raw driver, and these are the paths that
handle a whole cycle of answers at once. Every change (answer or evidence) also appends its audit row
(storage/audit.py) in the same transaction.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, cast

from sqlalchemy import select
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.orm import Session, sessionmaker

from assessment.domain.answer_matrix import LongAnswers
from assessment.domain.errors import BadInput, NotFound, StaleAnswer
from assessment.domain.model import Answer, EvidenceItem, IndicatorCode
from assessment.services.ports import ANSWER_COLUMNS, NO_VERSION, HistoryEntry, WriteResult
from storage.audit import AuditRow, append, as_json
from storage.db import change_number, retry_busy, run_write, write_transaction
from storage.db import current_connection as _current
from storage.tables import AnswerRow, EvidenceRow, HistoryRow

if TYPE_CHECKING:
    import pandas as pd

LOAD_COLUMNS = ("assessment_id", "indicator_code", "value_number", "value_text", "numerator", "denominator",
                "choices", "not_applicable", "manual_points")
FETCH_ROWS = 8192  # rows per fetchmany when loading a cycle
CHUNK = 900  # ids per IN (...) list: under SQLite's old 999-parameter limit
Rows = Sequence[tuple[object, ...]]  # what a DBAPI cursor's fetchall returns: column types are the driver's


LIMITS = {"indicator_code": 32, "updated_by": 100, "source": 16}  # the String(n) columns of tables.py
_SKIP_EMPTY = {"comment": "", "not_applicable": False}  # "" in choices is an answer (none of the options)


def answer_change(old: Mapping[str, object] | None, new: Mapping[str, object]) -> tuple[str | None, str | None]:
    """An answer change as the audit trail keeps it: for a new answer its non-empty fields; for a changed one
    the fields that changed, before and after (JSON text)."""
    if old is None:
        return None, as_json({f: v for f, v in new.items()
                              if v is not None and not (f in _SKIP_EMPTY and v == _SKIP_EMPTY[f])})
    changed = [f for f in ANSWER_COLUMNS if old.get(f) != new.get(f)]
    return as_json({f: old.get(f) for f in changed}), as_json({f: new.get(f) for f in changed})


def check_storable(codes: Iterable[object], texts: Iterable[object], who: str, source: str) -> None:
    """What PostgreSQL would refuse mid-transaction (SQLite stores anything): over-long codes and names, and NUL
    characters in text. Refused up front with a message, the same on both databases."""
    if len(who) > LIMITS["updated_by"]:
        raise BadInput(f"the user name is longer than {LIMITS['updated_by']} characters")
    if len(source) > LIMITS["source"]:
        raise BadInput(f"unknown answer source {source!r}")
    if any(len(str(c)) > LIMITS["indicator_code"] for c in codes):
        raise BadInput(f"an indicator code is longer than {LIMITS['indicator_code']} characters")
    if any(type(t) is str and "\x00" in t for t in texts):
        raise BadInput("text must not contain NUL characters (\\x00)")


class AnswerRepository:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.session = sessionmaker(engine, expire_on_commit=False)
        self.mark = "?" if engine.dialect.paramstyle == "qmark" else "%s"
        self.sqlite = engine.dialect.name == "sqlite"

    def db_time(self, moment: dt.datetime) -> object:
        # SQLAlchemy's SQLite DateTime is text in this exact form; other drivers take datetime objects.
        return moment.strftime("%Y-%m-%d %H:%M:%S.%f") if self.sqlite else moment

    # ----------------------------------------------------------------------------------------- read

    def _fetch(self, sql: str, params: Sequence[object], within: Connection | None = None) -> Rows:
        if within is not None:  # inside a write transaction: read through its own DBAPI connection
            cursor = within.connection.cursor()
            cursor.execute(sql, tuple(params))
            rows = cursor.fetchall()
            cursor.close()
            return rows
        connection = self.engine.raw_connection()
        try:
            cursor = connection.cursor()
            cursor.execute(sql, tuple(params))
            rows = cursor.fetchall()
            cursor.close()
            connection.commit()
            return rows
        finally:
            connection.close()

    def _fetch_chunks(self, sql: str, params: Sequence[object]) -> Iterator[Rows]:
        """The rows of `sql`, FETCH_ROWS at a time (a whole cycle's row tuples at once would be ~45 MB)."""
        connection = self.engine.raw_connection()
        try:
            cursor = connection.cursor()
            cursor.execute(sql, tuple(params))
            while rows := cursor.fetchmany(FETCH_ROWS):
                yield rows
            cursor.close()
            connection.commit()
        finally:
            connection.close()

    def load_cycle(self, year: int, codes: Collection[str] | None = None) -> LongAnswers:
        """Every answer of every assessment in a cycle, keyed by assessment id (the columns scoring needs); with
        `codes`, only the answers to those indicators (an earlier cycle read for target history)."""
        columns = ", ".join(f"a.{c}" for c in LOAD_COLUMNS)
        sql = (f"SELECT {columns} FROM answers a JOIN assessments s ON s.id = a.assessment_id "
               f"WHERE s.cycle_year = {self.mark}")
        wanted = sorted(codes) if codes is not None else []
        if codes is not None:
            sql += f" AND a.indicator_code IN ({', '.join([self.mark] * max(len(wanted), 1))})"
            wanted = wanted or [""]
        return LongAnswers.from_chunks(self._fetch_chunks(sql, [year, *wanted]))

    def count_by_assessment(self, year: int) -> dict[int, int]:
        """Saved answers per assessment of a cycle (assessment id -> rows), counted by the database; assessments
        without answers are absent."""
        sql = (f"SELECT a.assessment_id, COUNT(*) FROM answers a JOIN assessments s ON s.id = a.assessment_id "
               f"WHERE s.cycle_year = {self.mark} GROUP BY a.assessment_id")
        rows = cast("Sequence[tuple[int, int]]", self._fetch(sql, [year]))  # both drivers return ints here
        return {int(ident): int(count) for ident, count in rows}

    def load_long(self, assessment_ids: Sequence[int]) -> LongAnswers:
        return LongAnswers.from_records(self.fetch_in(", ".join(LOAD_COLUMNS), assessment_ids))

    def fetch_in(self, columns: str, assessment_ids: Sequence[int], within: Connection | None = None
                 ) -> Rows:
        """Rows of `answers` for these assessments, in chunks that fit every driver's parameter limit
        (`within`: the write transaction to read in)."""
        ids = [int(i) for i in assessment_ids]
        rows: list[tuple[object, ...]] = []
        for start in range(0, len(ids), CHUNK):
            chunk = ids[start:start + CHUNK]
            marks = ", ".join([self.mark] * len(chunk))
            rows += self._fetch(f"SELECT {columns} FROM answers WHERE assessment_id IN ({marks})", chunk, within)
        return rows

    def of(self, assessment_id: int) -> list[Answer]:
        return self.of_versioned(assessment_id)[0]

    def of_versioned(self, assessment_id: int) -> tuple[list[Answer], dict[str, int]]:
        """The assessment's answers and, read by the same query, each one's version (what a save made from them
        must name). Inside a write transaction it reads through that transaction: what it will change."""
        current = _current(self.engine)
        with (Session(bind=current) if current is not None else self.session()) as s:
            rows = sorted(s.scalars(select(AnswerRow).where(AnswerRow.assessment_id == assessment_id)).all(),
                          key=lambda r: r.indicator_code)  # code order, whatever the database's collation
            evidence: dict[int, list[EvidenceItem]] = {}
            ids = [r.id for r in rows]
            if ids:
                for e in s.scalars(select(EvidenceRow).where(EvidenceRow.answer_id.in_(ids)).order_by(EvidenceRow.id)):
                    evidence.setdefault(e.answer_id, []).append(EvidenceItem(
                        e.document_number, e.document_date, e.summary, e.file_name, e.file_sha256, e.id))
            return ([_answer(r, tuple(evidence.get(r.id, ()))) for r in rows],
                    {r.indicator_code: int(r.version) for r in rows})

    def of_many(self, assessment_ids: Sequence[int]) -> dict[int, list[Answer]]:
        """The answers (with their evidence, in code order) of many assessments, in a few queries: what a batch
        of packages is compared against."""
        ids = [int(i) for i in assessment_ids]
        found: dict[int, list[Answer]] = {i: [] for i in ids}
        with self.session() as s:
            for start in range(0, len(ids), CHUNK):
                rows = s.scalars(select(AnswerRow).where(AnswerRow.assessment_id.in_(ids[start:start + CHUNK]))).all()
                evidence: dict[int, list[EvidenceItem]] = {}
                answer_ids = [r.id for r in rows]
                for at in range(0, len(answer_ids), CHUNK):
                    for e in s.scalars(select(EvidenceRow).where(EvidenceRow.answer_id.in_(answer_ids[at:at + CHUNK]))
                                       .order_by(EvidenceRow.id)):
                        evidence.setdefault(e.answer_id, []).append(EvidenceItem(
                            e.document_number, e.document_date, e.summary, e.file_name, e.file_sha256, e.id))
                for r in sorted(rows, key=lambda r: r.indicator_code):
                    found[r.assessment_id].append(_answer(r, tuple(evidence.get(r.id, ()))))
        return found

    def history(self, assessment_id: int, indicator_code: str | None = None) -> list[HistoryEntry]:
        with self.session() as s:
            query = select(HistoryRow).where(HistoryRow.assessment_id == assessment_id).order_by(HistoryRow.id)
            if indicator_code is not None:
                query = query.where(HistoryRow.indicator_code == indicator_code)
            return [HistoryEntry(r.indicator_code, r.changed_at, r.changed_by, r.source,
                                 {f: getattr(r, f"old_{f}") for f in ANSWER_COLUMNS},
                                 {f: getattr(r, f"new_{f}") for f in ANSWER_COLUMNS}) for r in s.scalars(query)]

    # ---------------------------------------------------------------------------------------- write

    @retry_busy
    def add_evidence(self, assessment_id: int, indicator_code: str, item: EvidenceItem, *, who: str) -> int:
        """Attach evidence (document number, date, summary, optional file name and hash) to an answer."""
        with write_transaction(self.engine) as connection, Session(bind=connection, expire_on_commit=False) as s:
            answer_id = s.scalar(select(AnswerRow.id).where(AnswerRow.assessment_id == assessment_id,
                                                            AnswerRow.indicator_code == indicator_code))
            if answer_id is None:
                raise NotFound(f"{indicator_code} has no answer yet: answer it before attaching evidence")
            row = EvidenceRow(answer_id=answer_id, document_number=item.document_number,
                              document_date=item.document_date, summary=item.summary, file_name=item.file_name,
                              file_sha256=item.file_sha256, added_at=dt.datetime.now(dt.UTC).replace(tzinfo=None),
                              added_by=who)
            s.add(row)
            s.flush()
            append(connection, [("evidence", "entry", assessment_id, indicator_code, None,
                                 as_json(_evidence_fields(item)), "")], who=who)
            return row.id

    def remove_evidence(self, assessment_id: int, indicator_code: str, evidence_id: int, *, who: str,
                        why: str = "") -> EvidenceItem:
        """Remove one evidence item of an answer, audited (old = the item, new = nothing); NotFound when the
        answer holds no evidence with that id."""

        def work(connection: Connection) -> EvidenceItem:
            answer_id = connection.exec_driver_sql(
                f"SELECT id FROM answers WHERE assessment_id = {self.mark} AND indicator_code = {self.mark}",
                (assessment_id, indicator_code)).scalar()
            held = self._evidence_rows(connection, [answer_id]) if answer_id is not None else {}
            item = next((e for e in held.get(answer_id, []) if e.id == evidence_id), None)  # type: ignore[arg-type]
            if item is None:
                raise NotFound(f"{indicator_code} has no evidence #{evidence_id} (`evidence list` shows the numbers)")
            connection.exec_driver_sql(f"DELETE FROM evidence WHERE id = {self.mark}", (evidence_id,))
            append(connection, [("evidence", "entry", assessment_id, indicator_code, as_json(_evidence_fields(item)),
                                 None, why)], who=who)
            return item

        return run_write(self.engine, work)

    def sync_evidence(self, assessment_id: int, wanted: Mapping[str, Sequence[EvidenceItem]], *, who: str,
                      source: str) -> tuple[int, int]:
        """Make the evidence of these indicators exactly `wanted` (a package's): add what is missing, remove what
        is not wanted, each change audited. Returns (added, removed)."""
        return self.sync_evidence_many({assessment_id: wanted}, who=who, source=source)[assessment_id]

    def sync_evidence_many(self, wanted: Mapping[int, Mapping[str, Sequence[EvidenceItem]]], *, who: str,
                           source: str) -> dict[int, tuple[int, int]]:
        """sync_evidence for many assessments (a batch of packages) in one transaction, with one read of what
        they hold and one insert: (added, removed) per assessment."""

        def work(connection: Connection) -> dict[int, tuple[int, int]]:
            answers = self._answer_ids(connection, list(wanted))
            held = self._evidence_rows(connection, [answers[(aid, code)] for aid, codes in wanted.items()
                                                    for code in codes if (aid, code) in answers])
            counts: dict[int, tuple[int, int]] = {}
            audit: list[AuditRow] = []
            inserts: list[tuple[int, EvidenceItem]] = []
            for assessment_id, codes in wanted.items():
                added = removed = 0
                for code, items in codes.items():
                    answer_id = answers.get((assessment_id, code))
                    have = {_evidence_key(e): e for e in held.get(answer_id, [])} if answer_id else {}
                    want = {_evidence_key(e): e for e in items}
                    for key, item in have.items():
                        if key not in want:
                            connection.exec_driver_sql(f"DELETE FROM evidence WHERE id = {self.mark}", (item.id,))
                            audit.append(("evidence", source, assessment_id, code, as_json(_evidence_fields(item)),
                                          None, "not in the imported package"))
                            removed += 1
                    for key, item in want.items():
                        if key not in have and answer_id is not None:
                            inserts.append((answer_id, item))
                            audit.append(("evidence", source, assessment_id, code, None,
                                          as_json(_evidence_fields(item)), ""))
                            added += 1
                counts[assessment_id] = (added, removed)
            self._insert_evidence_rows(connection, inserts, who)
            append(connection, audit, who=who)
            return counts

        return run_write(self.engine, work)

    def _answer_ids(self, connection: Connection, assessment_ids: Sequence[int]) -> dict[tuple[int, str], int]:
        found: dict[tuple[int, str], int] = {}
        for start in range(0, len(assessment_ids), CHUNK):
            chunk = tuple(int(i) for i in assessment_ids[start:start + CHUNK])
            for aid, code, answer_id in connection.exec_driver_sql(
                    "SELECT assessment_id, indicator_code, id FROM answers "
                    f"WHERE assessment_id IN ({', '.join([self.mark] * len(chunk))})", chunk).all():
                found[(int(aid), code)] = int(answer_id)
        return found

    def _evidence_rows(self, connection: Connection, answer_ids: Sequence[int]) -> dict[int, list[EvidenceItem]]:
        held: dict[int, list[EvidenceItem]] = {}
        for start in range(0, len(answer_ids), CHUNK):
            chunk = answer_ids[start:start + CHUNK]
            rows = connection.exec_driver_sql(
                "SELECT answer_id, document_number, document_date, summary, file_name, file_sha256, id FROM evidence "
                f"WHERE answer_id IN ({', '.join([self.mark] * len(chunk))}) ORDER BY id", tuple(chunk)).all()
            for answer_id, number, date, summary, name, sha, pk in rows:
                if isinstance(date, str):
                    date = dt.date.fromisoformat(date)
                held.setdefault(answer_id, []).append(EvidenceItem(number, date, summary, name, sha, pk))
        return held

    def _insert_evidence(self, connection: Connection, answer_id: int, item: EvidenceItem, who: str) -> None:
        self._insert_evidence_rows(connection, [(answer_id, item)], who)

    def _insert_evidence_rows(self, connection: Connection, rows: Sequence[tuple[int, EvidenceItem]], who: str
                              ) -> None:
        if not rows:
            return
        now = self.db_time(dt.datetime.now(dt.UTC).replace(tzinfo=None))
        values = [(answer_id, item.document_number,
                   item.document_date.isoformat() if item.document_date and self.sqlite else item.document_date,
                   item.summary, item.file_name, item.file_sha256, now, who) for answer_id, item in rows]
        connection.exec_driver_sql(
            "INSERT INTO evidence (answer_id, document_number, document_date, summary, file_name, file_sha256, "
            f"added_at, added_by) VALUES ({', '.join([self.mark] * 8)})", values)

    def write_one(self, assessment_id: int, code: str, fields: Mapping[str, object], *, who: str,
                  source: str, expected_version: int | None = None) -> WriteResult:
        """One answer (the window's autosave): same result as `write` for a one-row frame, without pandas, so a
        save never holds the GUI thread's interpreter for an import. With `expected_version` (the version the
        editor read; NO_VERSION for no answer) a change to an answer that has moved on since is refused with
        StaleAnswer, decided under the writer lock; a save equal to what is stored is never a conflict."""
        new = _single(fields)
        check_storable([code], [new["value_text"], new["choices"], new["comment"]], who, source)
        marks = ", ".join([self.mark] * (len(ANSWER_COLUMNS) + 5))

        def work(connection: Connection) -> WriteResult:
            found = connection.exec_driver_sql(
                f"SELECT id, version, updated_by, {', '.join(ANSWER_COLUMNS)} FROM answers "
                f"WHERE assessment_id = {self.mark} AND indicator_code = {self.mark}", (assessment_id, code)).fetchone()
            old = None if found is None else _single(dict(zip(ANSWER_COLUMNS, found[3:], strict=True)))
            stored_version = NO_VERSION if found is None else int(found[1])
            if old == new:
                return WriteResult(0, 0, 1, stored_version)
            if expected_version is not None and expected_version != stored_version:
                answers, _ = self.of_versioned(assessment_id)
                stored = next((a for a in answers if a.indicator_code == code), None)
                raise StaleAnswer(code, stored, stored_version, "" if found is None else found[2])
            version = change_number(connection)
            now = self.db_time(dt.datetime.now(dt.UTC).replace(tzinfo=None))
            values = [new[c] for c in ANSWER_COLUMNS]
            if found is None:
                connection.exec_driver_sql(
                    f"INSERT INTO answers (assessment_id, indicator_code, {', '.join(ANSWER_COLUMNS)}, updated_at, "
                    f"updated_by, version) VALUES ({marks})", (assessment_id, code, *values, now, who, version))
            else:
                assignments = ", ".join(f"{c} = {self.mark}"
                                        for c in (*ANSWER_COLUMNS, "updated_at", "updated_by", "version"))
                connection.exec_driver_sql(f"UPDATE answers SET {assignments} WHERE id = {self.mark}",
                                           (*values, now, who, version, found[0]))
            history = ["assessment_id", "indicator_code", "changed_at", "changed_by", "source",
                       *(f"old_{c}" for c in ANSWER_COLUMNS), *(f"new_{c}" for c in ANSWER_COLUMNS)]
            previous = [None] * len(ANSWER_COLUMNS) if old is None else [old[c] for c in ANSWER_COLUMNS]
            connection.exec_driver_sql(
                f"INSERT INTO answer_history ({', '.join(history)}) VALUES ({', '.join([self.mark] * len(history))})",
                (assessment_id, code, now, who, source, *previous, *values))
            append(connection, [("answer", source, assessment_id, code, *answer_change(old, new), "")], who=who)
            return WriteResult(int(found is None), int(found is not None), 0, version)

        return run_write(self.engine, work)

    def write(self, frame: pd.DataFrame, *, who: str, source: str, keep_existing: bool = False) -> WriteResult:
        """Insert new answers and update changed ones in one transaction, with a history row for each;
        identical answers are left alone. `frame` has assessment_id, indicator_code and ANSWER_COLUMNS.
        `keep_existing`: only insert; an answer already stored is never changed (counted as unchanged)."""
        # pandas costs ~0.35 s to import: only writers pay for it, `score` never does.
        from storage.answer_writes import write_answers

        return write_answers(self, frame, who=who, source=source, keep_existing=keep_existing)


def _single(fields: Mapping[str, object]) -> dict[str, object]:
    """The stored form of one answer's fields, as the bulk path normalises them (answer_writes._normalise)."""
    def number(value: object) -> float | None:
        # `value` is whatever number-like the caller passed (int, float, numpy scalar, numeric text): float()
        # converts it or raises, as the bulk path does; mypy cannot see that from `object`.
        return None if value is None or value != value else float(value)  # type: ignore[arg-type]

    text, choices, comment = fields.get("value_text"), fields.get("choices"), fields.get("comment")
    return {
        "value_number": number(fields.get("value_number")),
        "value_text": None if text in (None, "") else str(text),
        "numerator": number(fields.get("numerator")),
        "denominator": number(fields.get("denominator")),
        "choices": None if choices is None else str(choices),  # "" = none of the options: an answer
        "not_applicable": bool(fields.get("not_applicable") or False),
        "manual_points": number(fields.get("manual_points")),
        "comment": "" if comment is None else str(comment),
    }


def _evidence_fields(item: EvidenceItem) -> dict[str, object]:
    return {"document_number": item.document_number,
            "document_date": item.document_date.isoformat() if item.document_date else None,
            "summary": item.summary, "file_name": item.file_name, "file_sha256": item.file_sha256}


def _evidence_key(item: EvidenceItem) -> tuple[object, ...]:
    return (item.document_number, item.document_date, item.summary, item.file_name, item.file_sha256)


def _answer(row: AnswerRow, evidence: tuple[EvidenceItem, ...]) -> Answer:
    value: float | str | None = row.value_number if row.value_number is not None else row.value_text
    choices = None if row.choices is None else tuple(c for c in row.choices.split(";") if c)
    return Answer(IndicatorCode(row.indicator_code), value, row.numerator, row.denominator, choices,
                  bool(row.not_applicable), row.manual_points, row.comment or "", evidence)
