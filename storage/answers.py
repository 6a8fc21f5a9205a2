"""Answers: bulk upsert with history, and fast loading for scoring.

Both paths go through the DBAPI cursor (executemany / fetchall) rather than ORM objects: ENV-NOTES §5
measured ORM bulk at 5× and `Session.execute` reads at 7× the raw driver, and these are the paths that
handle a whole cycle of answers at once.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import sessionmaker

from assessment.answer_matrix import LongAnswers
from assessment.errors import NotFound
from assessment.model import Answer, EvidenceItem, IndicatorCode
from assessment.ports import ANSWER_COLUMNS, HistoryEntry, WriteResult
from storage.tables import AnswerRow, EvidenceRow, HistoryRow

if TYPE_CHECKING:
    import pandas as pd

LOAD_COLUMNS = ("assessment_id", "indicator_code", "value_number", "value_text", "numerator", "denominator",
                "choices", "not_applicable", "manual_points")
CHUNK = 900  # ids per IN (...) list: under SQLite's old 999-parameter limit


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

    def _fetch(self, sql: str, params: Sequence[object]) -> list[tuple]:
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

    def load_cycle(self, year: int) -> LongAnswers:
        """Every answer of every assessment in a cycle, keyed by assessment id (the columns scoring needs)."""
        columns = ", ".join(f"a.{c}" for c in LOAD_COLUMNS)
        sql = (f"SELECT {columns} FROM answers a JOIN assessments s ON s.id = a.assessment_id "
               f"WHERE s.cycle_year = {self.mark}")
        return LongAnswers.from_records(self._fetch(sql, [year]))

    def load_long(self, assessment_ids: Sequence[int]) -> LongAnswers:
        return LongAnswers.from_records(self.fetch_in(", ".join(LOAD_COLUMNS), assessment_ids))

    def fetch_in(self, columns: str, assessment_ids: Sequence[int]) -> list[tuple]:
        """Rows of `answers` for these assessments, in chunks that fit every driver's parameter limit."""
        ids = [int(i) for i in assessment_ids]
        rows: list[tuple] = []
        for start in range(0, len(ids), CHUNK):
            chunk = ids[start:start + CHUNK]
            marks = ", ".join([self.mark] * len(chunk))
            rows += self._fetch(f"SELECT {columns} FROM answers WHERE assessment_id IN ({marks})", chunk)
        return rows

    def of(self, assessment_id: int) -> list[Answer]:
        with self.session() as s:
            rows = s.scalars(select(AnswerRow).where(AnswerRow.assessment_id == assessment_id)
                             .order_by(AnswerRow.indicator_code)).all()
            evidence: dict[int, list[EvidenceItem]] = {}
            ids = [r.id for r in rows]
            if ids:
                for e in s.scalars(select(EvidenceRow).where(EvidenceRow.answer_id.in_(ids)).order_by(EvidenceRow.id)):
                    evidence.setdefault(e.answer_id, []).append(EvidenceItem(
                        e.document_number, e.document_date, e.summary, e.file_name, e.file_sha256, e.id))
            return [_answer(r, tuple(evidence.get(r.id, ()))) for r in rows]

    def history(self, assessment_id: int, indicator_code: str | None = None) -> list[HistoryEntry]:
        with self.session() as s:
            query = select(HistoryRow).where(HistoryRow.assessment_id == assessment_id).order_by(HistoryRow.id)
            if indicator_code is not None:
                query = query.where(HistoryRow.indicator_code == indicator_code)
            return [HistoryEntry(r.indicator_code, r.changed_at, r.changed_by, r.source,
                                 {f: getattr(r, f"old_{f}") for f in ANSWER_COLUMNS},
                                 {f: getattr(r, f"new_{f}") for f in ANSWER_COLUMNS}) for r in s.scalars(query)]

    # ---------------------------------------------------------------------------------------- write

    def add_evidence(self, assessment_id: int, indicator_code: str, item: EvidenceItem, *, who: str) -> int:
        """Attach evidence (document number, date, summary, optional file name and hash) to an answer."""
        with self.session.begin() as s:
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
            return row.id

    def write(self, frame: pd.DataFrame, *, who: str, source: str) -> WriteResult:
        """Insert new answers and update changed ones in one transaction, with a history row for each;
        identical answers are left alone. `frame` has assessment_id, indicator_code and ANSWER_COLUMNS."""
        # pandas costs ~0.35 s to import: only writers pay for it, `score` never does.
        from storage.answer_writes import write_answers

        return write_answers(self, frame, who=who, source=source)


def _answer(row: AnswerRow, evidence: tuple[EvidenceItem, ...]) -> Answer:
    value: float | str | None = row.value_number if row.value_number is not None else row.value_text
    choices = None if row.choices is None else tuple(c for c in row.choices.split(";") if c)
    return Answer(IndicatorCode(row.indicator_code), value, row.numerator, row.denominator, choices,
                  bool(row.not_applicable), row.manual_points, row.comment or "", evidence)
