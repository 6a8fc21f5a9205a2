"""The audit trail on each backend: every write path appends its rows to one hash chain, the table refuses
UPDATE and DELETE, `verify` finds a tampered, removed or inserted row, and an older database gains the trail
when it is upgraded."""

from __future__ import annotations

import pandas as pd
import pytest
from sqlalchemy.exc import DBAPIError

from assessment.domain.model import Answer, AssessmentStatus, EvidenceItem, IndicatorCode
from assessment.services.ports import ANSWER_COLUMNS, AuditEvent

UNIT, YEAR = "00070", 2025


def actions(service) -> list[str]:  # type: ignore[no-untyped-def]
    return [e.action for e in service.store.audit.entries()]


def answered(service):  # type: ignore[no-untyped-def]
    """Three answers saved one by one (the window's path) and their assessment."""
    for code, value in (("NTS01", 4.0), ("KTS03", 1.0), ("XHS04", 20.0)):
        service.answers.save(unit_code=UNIT, year=YEAR, answer=Answer(IndicatorCode(code), value))
    (assessment,) = service.store.assessments(YEAR, unit_code=UNIT)
    return assessment


def tamper(service, sql: str) -> None:  # type: ignore[no-untyped-def]
    """Change the table behind the app's back, triggers switched off as someone with the file (or the server's
    owner role) could."""
    with service.store.engine.begin() as c:
        if c.dialect.name == "sqlite":
            c.exec_driver_sql("DROP TRIGGER audit_log_no_update")
            c.exec_driver_sql("DROP TRIGGER audit_log_no_delete")
        else:
            c.exec_driver_sql("ALTER TABLE audit_log DISABLE TRIGGER USER")
        c.exec_driver_sql(sql)


def test_every_write_path_is_in_one_chain(service):
    assert actions(service) == ["audit"]  # the trail starts with the schema
    assessment = answered(service)
    service.store.answers.write(pd.DataFrame.from_records([  # the bulk path (imports, demo)
        {"assessment_id": assessment.id, "indicator_code": "NTS01", **dict.fromkeys(ANSWER_COLUMNS),
         "value_number": 5.0, "not_applicable": False, "comment": "sửa"},
        {"assessment_id": assessment.id, "indicator_code": "TCS01", **dict.fromkeys(ANSWER_COLUMNS),
         "value_number": 1.0, "not_applicable": False, "comment": ""}]), who="importer", source="import")
    service.store.answers.add_evidence(assessment.id, "NTS01", EvidenceItem("12/QĐ", None, "Quyết định"), who="x")
    service.store.transition(assessment.id, AssessmentStatus.SUBMITTED, [AssessmentStatus.DRAFT], who="x",
                             step="submit")
    service.store.set_status(assessment.id, AssessmentStatus.UNDER_REVIEW, who="admin", why="test")
    service.store.review.set_appraisal(assessment.id, "NTS01", 2.0, "thiếu biên bản", who="inspector")
    service.store.review.set_comment(assessment.id, "NTS01", "bổ sung", who="inspector")
    service.store.audit.record([AuditEvent("import", "package-1", None, {"outcome": "new"})], who="inspector")
    assert actions(service) == ["audit", "answer", "answer", "answer", "answer", "answer", "evidence", "state",
                                "state", "appraisal", "comment", "import"]
    rows = service.store.audit.entries()
    bulk = [r for r in rows if r.who == "importer"]
    assert [(r.subject, r.old, r.new) for r in bulk] == [
        ("NTS01", '{"comment":"","value_number":4.0}', '{"comment":"sửa","value_number":5.0}'),
        ("TCS01", None, '{"value_number":1.0}')]
    assert rows[1].new == '{"value_number":4.0}' and rows[1].source == "entry"  # one by one, worded alike
    assert rows[9].why == "thiếu biên bản" and rows[9].new == '{"points":2.0}'
    verdict = service.audit.verify()
    assert verdict.ok and verdict.rows == len(rows) and len(verdict.head) == 64


def test_the_table_refuses_updates_and_deletes(service):
    answered(service)
    for sql in ("UPDATE audit_log SET who = 'x'", "DELETE FROM audit_log"):
        with pytest.raises(DBAPIError, match="append-only"), service.store.engine.begin() as c:
            c.exec_driver_sql(sql)
    assert service.audit.verify().ok


@pytest.mark.parametrize(("change", "problem"), [
    ("UPDATE audit_log SET new = '{\"value_number\":40.0}' WHERE id = {row}", "does not match its hash"),
    ("DELETE FROM audit_log WHERE id = {row}", "does not match the row before it"),
    ("UPDATE audit_log SET at = '2020-01-01T00:00:00.000000Z' WHERE id = {row}", "does not match its hash"),
])
def test_verify_finds_the_first_row_that_does_not_match(service, change, problem):
    answered(service)
    rows = service.store.audit.entries()
    target = rows[2].id
    tamper(service, change.replace("{row}", str(target)))
    verdict = service.audit.verify()
    expected = rows[3].id if change.startswith("DELETE") else target
    assert not verdict.ok and verdict.first_bad == expected and problem in verdict.problem


def test_rehashing_a_tampered_row_breaks_the_next_one(service):
    """Someone who also recomputes the altered row's hash moves the break to the following row."""
    from storage.audit import link

    answered(service)
    rows = service.store.audit.entries()
    row = rows[2]
    with service.store.engine.connect() as c:
        prev = next(service.store.audit._pages(c))[1][-1]  # the stored hash of rows[1]
    forged = link(prev, row.at, row.who, row.action, row.source, row.assessment_id, row.subject, row.old,
                  '{"value_number":99.0}', row.why)
    tamper(service, f"UPDATE audit_log SET new = '{{\"value_number\":99.0}}', hash = '{forged}' WHERE id = {row.id}")
    verdict = service.audit.verify()
    assert verdict.first_bad == rows[3].id and "previous-row hash" in verdict.problem


def test_an_older_database_is_upgraded_and_its_trail_starts(db_url):
    """A database at schema 0001 with answers gains the tables and the chain's first row on opening."""
    from alembic import command
    from alembic.config import Config

    from storage.db import MIGRATIONS_DIR, current_revision, head_revision, make_engine, open_engine

    engine = make_engine(db_url)
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["engine"] = engine
    command.upgrade(config, "0001")
    with engine.begin() as c:
        c.exec_driver_sql("INSERT INTO cycles (year, reference_date) VALUES (2025, '2025-12-31')")
    assert current_revision(engine) == "0001"
    engine.dispose()
    from db_backends import open_url_service

    service = open_url_service(db_url)
    try:
        assert current_revision(service.store.engine) == head_revision()
        (first,) = service.store.audit.entries()
        assert (first.action, first.subject) == ("audit", "start") and '"schema":"0002"' in first.new
        answered(service)
        assert service.audit.verify().ok
    finally:
        service.store.close()
    open_engine(db_url).dispose()
