"""Fuzzing answer import: generated rows and cells, and byte-level damage to a valid file. An import either
succeeds or raises a BadInput (ImportRejected with its problems, mostly); nothing else may escape, and a
refused import leaves the database exactly as it was (all or nothing). Runs on SQLite with the full count, and
on PostgreSQL with a fifth of it (what PostgreSQL refuses that SQLite stores: NUL characters, long text)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from conftest import FUZZ, FUZZ_EXAMPLES
from db_backends import open_url_service
from hypothesis import example, given, settings
from hypothesis import strategies as st

from assessment.domain.errors import BadInput, ImportRejected
from questionnaires.answers_file import ANSWER_FILE_COLUMNS
from questionnaires.catalog import shipped_methodologies

COMMUNE = next(m for m in shipped_methodologies() if m.id == "hanoi-2025-commune")
DEPARTMENT = next(m for m in shipped_methodologies() if m.id == "hanoi-2025-department")
CODES = sorted({i.code for i in COMMUNE.indicators} | {i.code for i in DEPARTMENT.indicators})
OPTIONS = sorted({o for m in (COMMUNE, DEPARTMENT) for i in m.indicators for o in i.answer.option_codes()})

junk = st.one_of(st.text(max_size=12), st.sampled_from(["", " ", "nan", "NaN", "inf", "-inf", "1e309", "-0", "0x10",
                                                        "1,5", "١٢", "²", "None", "null", "TRUE", "=1+1", "\x00",
                                                        "a\x00b", "x" * 5000, '"', "'", "\n", "\r\n", ";", "-"]))
numbers = st.one_of(st.integers(-5, 200).map(str), st.floats(allow_nan=True, allow_infinity=True).map(repr),
                    st.decimals(allow_nan=False, places=3).map(str))
cells = {
    "unit_code": st.one_of(st.sampled_from(["00070", "00256", "SO_Y_TE", "SO_TTTT", "70", "256", "NOPE", ""]), junk),
    "cycle": st.one_of(st.sampled_from(["2025", "2024", "2025.0", "1999", "2200", "", "20 25"]), junk),
    "indicator_code": st.one_of(st.sampled_from(CODES), junk),
    "value": st.one_of(numbers, st.sampled_from(["1", "0", "yes", "Có", "2025-03-15", "2025-02-30"]), junk),
    "numerator": st.one_of(numbers, junk),
    "denominator": st.one_of(numbers, junk),
    "choice": st.one_of(st.sampled_from(OPTIONS), st.lists(st.sampled_from(OPTIONS), max_size=4).map(";".join),
                        junk),
    "not_applicable": st.one_of(st.sampled_from(["", "1", "0", "yes", "x"]), junk),
    "comment": junk,
}


@st.composite
def answer_files(draw) -> bytes:  # type: ignore[no-untyped-def]
    columns = list(ANSWER_FILE_COLUMNS)
    if draw(st.integers(0, 9)) == 0:  # now and then a damaged header
        columns = draw(st.lists(st.sampled_from([*ANSWER_FILE_COLUMNS, "Value", "extra", "", "unit code"]),
                                max_size=10))
    rows = draw(st.lists(st.fixed_dictionaries({c: cells.get(c, junk) for c in ANSWER_FILE_COLUMNS}), max_size=8))
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(columns)
    for row in rows:
        writer.writerow([row.get(c, "") for c in columns])
    data = buffer.getvalue().encode("utf-8")
    if draw(st.integers(0, 4)) == 0:  # byte-level damage: bad UTF-8, NULs, cut-off quotes
        for _ in range(draw(st.integers(1, 4))):
            at = draw(st.integers(0, len(data)))
            data = data[:at] + draw(st.binary(max_size=4)) + data[at + draw(st.integers(0, 3)):]
    return data


def counts(service) -> tuple[int, ...]:  # type: ignore[no-untyped-def]
    with service.store.engine.connect() as c:
        return tuple(c.exec_driver_sql(f"SELECT count(*) FROM {table}").scalar()
                     for table in ("answers", "answer_history", "assessments", "cycles", "methodologies"))


def fuzz_imports(service, folder: Path, examples: int) -> dict[str, int]:  # type: ignore[no-untyped-def]
    outcome = {"imported": 0, "rejected": 0}

    @settings(FUZZ, max_examples=examples)
    @given(data=answer_files(), suffix=st.sampled_from([".csv"] * 9 + [".xlsx"]))
    @example(data=b"unit_code,cycle,indicator_code,value\n00070,2025,NTS01,3\n", suffix=".csv")
    @example(data=b"unit_code,cycle,indicator_code,comment\n00070,2025,NTS01,a\x00b\n", suffix=".csv")
    @example(data="unit_code,cycle,indicator_code,value\n00070,2025,XHS05,é\n".encode("cp1258"), suffix=".csv")
    def run(data: bytes, suffix: str) -> None:
        path = folder / f"answers{suffix}"
        path.write_bytes(data)
        before = counts(service)
        try:
            service.answers.import_file(path)
        except BadInput as exc:
            outcome["rejected"] += 1
            assert counts(service) == before, "a refused import changed the database"
            if isinstance(exc, ImportRejected):
                assert exc.problems
            return
        outcome["imported"] += 1

    run()
    return outcome


def test_answer_import_accepts_or_rejects_whole_on_sqlite(service, tmp_path):
    outcome = fuzz_imports(service, tmp_path, FUZZ.max_examples)
    assert sum(outcome.values()) >= min(FUZZ_EXAMPLES, FUZZ.max_examples)
    assert outcome["imported"] > 0  # some generated files were valid and written
    print(f"\nanswer import (SQLite): {sum(outcome.values())} examples: {outcome}")


def test_answer_import_accepts_or_rejects_whole_on_postgresql(tmp_path):
    from db_backends import create_pg_database, drop_pg_database

    url = create_pg_database()
    service = open_url_service(url)
    try:
        outcome = fuzz_imports(service, tmp_path, max(FUZZ.max_examples // 5, 20))
    finally:
        service.store.close()
        drop_pg_database(url)
    print(f"\nanswer import (PostgreSQL): {sum(outcome.values())} examples: {outcome}")


@pytest.fixture
def service(tmp_path):  # type: ignore[no-untyped-def]
    from storage.db import sqlite_url

    svc = open_url_service(sqlite_url(tmp_path / "fuzz.sqlite"))
    yield svc
    svc.store.close()
