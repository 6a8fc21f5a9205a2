"""Bulk import and loading of a national cycle set of answers, against raw sqlite3.

- import: `AnswerRepository.write` (diff against stored answers, insert, one history row and one chained audit
  row per answer, one transaction) vs raw `sqlite3.executemany` of exactly the same answer, history and audit
  rows (the audit rows as our import wrote them, hashes included) into an identical copy of the database (same
  schema, indexes, triggers and pragmas).
- load: `AnswerRepository.load_cycle` (what scoring reads) vs raw `sqlite3` fetchall of the same query
  into a pandas DataFrame.
"""

from __future__ import annotations

import shutil
import sqlite3
import tempfile
from pathlib import Path

import numpy as np
import pandas as pd

from bench.common import CYCLES, NATIONAL_COMMUNES, measure, national_units, report, synthetic_long


def build_template(folder: Path):
    from assessment.service import AssessmentService
    from questionnaires.catalog import shipped_methodologies
    from questionnaires.files import FileCatalog
    from storage.db import open_engine, sqlite_url
    from storage.store import SqlStore

    path = folder / "template.sqlite"
    service = AssessmentService(SqlStore(open_engine(sqlite_url(path))), FileCatalog(), user="bench")
    service.initialise()
    units = national_units()
    service.store.add_units(units)
    methodology = next(m for m in shipped_methodologies() if m.id == "hanoi-2025-commune")
    ids = service.answers.ensure_assessments([(u, year, methodology) for year in CYCLES for u in units])
    service.store.close()
    return path, methodology, units, ids


def answer_frame(methodology, units, ids) -> pd.DataFrame:
    frames = []
    for year in CYCLES:
        long = synthetic_long(methodology, NATIONAL_COMMUNES, year)
        assessment = np.array([ids[(units[r].code, year)] for r in long.row.tolist()], dtype=np.int64)
        frames.append(pd.DataFrame({
            "assessment_id": assessment, "indicator_code": long.code, "value_number": long.value_number,
            "value_text": long.value_text, "numerator": long.numerator, "denominator": long.denominator,
            "choices": long.choices, "not_applicable": long.not_applicable, "manual_points": long.manual_points,
            "comment": "",
        }))
    return pd.concat(frames, ignore_index=True)


def raw_rows(frame: pd.DataFrame):
    stamp = "2026-11-25 12:00:00.000000"
    fields = ["value_number", "value_text", "numerator", "denominator", "choices", "not_applicable",
              "manual_points", "comment"]
    plain = {c: [None if (isinstance(v, float) and v != v) else v for v in frame[c].tolist()] for c in
             ["assessment_id", "indicator_code", *fields]}
    answers = list(zip(*(plain[c] for c in ["assessment_id", "indicator_code", *fields]), [stamp] * len(frame),
                       ["bench"] * len(frame), strict=True))
    nones = [None] * len(frame)
    history = list(zip(plain["assessment_id"], plain["indicator_code"], [stamp] * len(frame), ["bench"] * len(frame),
                       ["import"] * len(frame), *([nones] * len(fields)), *(plain[c] for c in fields), strict=True))
    return answers, history, fields


AUDIT_COLUMNS = ("at", "who", "action", "source", "assessment_id", "subject", "old", "new", "why", "prev_hash", "hash")


def audit_rows(path: Path) -> list[tuple]:
    """The audit rows our import appended (everything after the template's own rows), exactly as stored."""
    connection = sqlite3.connect(path)
    rows = connection.execute(f"SELECT {', '.join(AUDIT_COLUMNS)} FROM audit_log WHERE action = 'answer' "
                              "ORDER BY id").fetchall()
    connection.close()
    return rows


def raw_import(path: Path, answers, history, fields, audit) -> None:
    connection = sqlite3.connect(path, isolation_level=None)
    connection.execute("PRAGMA foreign_keys = ON")
    connection.execute("PRAGMA synchronous = NORMAL")
    connection.execute("BEGIN")
    columns = ["assessment_id", "indicator_code", *fields, "updated_at", "updated_by"]
    connection.executemany(f"INSERT INTO answers ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
                           answers)
    hist = ["assessment_id", "indicator_code", "changed_at", "changed_by", "source",
            *(f"old_{f}" for f in fields), *(f"new_{f}" for f in fields)]
    connection.executemany(f"INSERT INTO answer_history ({', '.join(hist)}) VALUES ({', '.join('?' * len(hist))})",
                           history)
    connection.executemany(f"INSERT INTO audit_log ({', '.join(AUDIT_COLUMNS)}) "
                           f"VALUES ({', '.join('?' * len(AUDIT_COLUMNS))})", audit)
    connection.execute("COMMIT")
    connection.close()


def main() -> bool:
    from storage.db import open_engine, sqlite_url
    from storage.store import SqlStore

    folder = Path(tempfile.mkdtemp(prefix="dxbench-"))
    template, methodology, units, ids = build_template(folder)
    frame = answer_frame(methodology, units, ids)
    answers, history, fields = raw_rows(frame)
    print(f"storage: {len(frame)} answers ({NATIONAL_COMMUNES} units × {len(methodology.indicators)} indicators × "
          f"{len(CYCLES)} cycles), each with a history row and an audit row")
    work = folder / "work.sqlite"

    def fresh():
        for suffix in ("", "-wal", "-shm"):
            Path(f"{work}{suffix}").unlink(missing_ok=True)
        shutil.copy(template, work)

    stores: list[SqlStore] = []

    def ours():
        store = SqlStore(open_engine(sqlite_url(work)))
        result = store.answers.write(frame, who="bench", source="import")
        assert result.inserted == len(frame)
        store.close()

    ok = True
    imported = measure(ours, repeat=3, setup=fresh)
    audit = audit_rows(work)
    assert len(audit) == len(frame)
    raw = measure(lambda: raw_import(work, answers, history, fields, audit), repeat=3, setup=fresh)
    ok &= report("bulk import (write + history + audit chain, one transaction)", imported, raw, max_ratio=1.5)
    size = work.stat().st_size

    fresh()
    ours()
    store = SqlStore(open_engine(sqlite_url(work)))
    stores.append(store)
    sql = ("SELECT a.assessment_id, a.indicator_code, a.value_number, a.value_text, a.numerator, a.denominator, "
           "a.choices, a.not_applicable, a.manual_points FROM answers a JOIN assessments s ON s.id = a.assessment_id "
           "WHERE s.cycle_year = ?")
    connection = sqlite3.connect(work)
    columns = ["assessment_id", "indicator_code", "value_number", "value_text", "numerator", "denominator", "choices",
               "not_applicable", "manual_points"]

    def raw_load():
        for year in CYCLES:
            pd.DataFrame(connection.execute(sql, (year,)).fetchall(), columns=columns)

    def our_load():
        for year in CYCLES:
            store.answers.load_cycle(year)

    our_load(), raw_load()
    loaded = measure(our_load, repeat=7)
    plain = measure(raw_load, repeat=7)
    ok &= report("load 3 cycles for scoring", loaded, plain, max_ratio=1.3)
    print(f"database size after import: {size / 1e6:.1f} MB ({size / len(frame):.0f} bytes per answer incl. history "
          "and audit)")
    store.close()
    connection.close()
    shutil.rmtree(folder, ignore_errors=True)
    return ok


if __name__ == "__main__":
    raise SystemExit(0 if main() else 1)
