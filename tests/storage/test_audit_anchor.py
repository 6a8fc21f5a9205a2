"""The audit trail anchored (issue 12, item 6), on each backend: with the append-only triggers switched off,
deleting the newest rows or rewriting the chain from some row on keeps the chain self-consistent, so `verify`
checks a head written down earlier; and an edit of the answers, evidence or appraisals tables without a trail
row is found by replaying the trail against them, named by unit, cycle and indicator."""

from __future__ import annotations

import pytest
from test_audit import UNIT, YEAR, answered, tamper

from assessment.domain.errors import BadInput
from assessment.domain.model import Answer, EvidenceItem, IndicatorCode
from assessment.services.ports import AuditHead


def rewrite_chain_from(service, row_id: int, new: str) -> None:  # type: ignore[no-untyped-def]
    """Change one row's `new` and recompute every hash from it on, as someone who knows the format could."""
    from storage.audit import link

    with service.store.engine.connect() as c:
        rows = c.exec_driver_sql("SELECT id, at, who, action, source, assessment_id, subject, old, new, why, prev_hash "
                                 f"FROM audit_log WHERE id >= {row_id} ORDER BY id").fetchall()
    prev = rows[0][10]
    updates = []
    for n, (rid, at, who, action, source, aid, subject, old, value, why, _) in enumerate(rows):
        value = new if n == 0 else value
        digest = link(prev, at, who, action, source, aid, subject, old, value, why)
        updates.append((value, prev, digest, rid))
        prev = digest
    mark = "?" if service.store.engine.dialect.name == "sqlite" else "%s"
    tamper(service, "SELECT 1")
    with service.store.engine.begin() as c:
        c.exec_driver_sql(f"UPDATE audit_log SET new = {mark}, prev_hash = {mark}, hash = {mark} WHERE id = {mark}",
                          updates)


def test_a_kept_head_stays_a_prefix_of_a_growing_chain(service):
    answered(service)
    kept = service.audit.head()
    assert kept.rows == 4 and len(kept.hash) == 64 and kept.text == f"{kept.hash[:16]}@4"
    service.answers.save(unit_code=UNIT, year=YEAR, answer=Answer(IndicatorCode("NTS01"), 5.0))
    verdict = service.audit.verify(kept.text)
    assert verdict.ok and verdict.rows == 5 and not verdict.anchor and not verdict.mismatch


def test_deleting_the_newest_rows_is_found_by_the_kept_head(service):
    answered(service)
    service.answers.save(unit_code=UNIT, year=YEAR, answer=Answer(IndicatorCode("NTS01"), 5.0))
    kept = service.audit.head()  # written down (a PDF footer, a package) after the change
    last = service.store.audit.entries()[-1].id
    tamper(service, f"DELETE FROM audit_log WHERE id = {last}")
    with service.store.engine.begin() as c:
        c.exec_driver_sql("UPDATE answers SET value_number = 4.0 WHERE indicator_code = 'NTS01'")
    assert service.audit.verify().ok  # the chain and the tables agree: only the kept head can tell
    verdict = service.audit.verify(kept)
    assert not verdict.ok and "the chain has 4 rows, the kept head names row 5: rows were removed" in verdict.anchor


def test_rewriting_the_chain_is_found_by_the_kept_head(service):
    answered(service)
    kept = service.audit.head()
    rows = service.store.audit.entries()
    nts01 = next(r for r in rows if r.subject == "NTS01")
    rewrite_chain_from(service, nts01.id, '{"value_number":40.0}')
    with service.store.engine.begin() as c:
        c.exec_driver_sql("UPDATE answers SET value_number = 40.0 WHERE indicator_code = 'NTS01'")
    assert service.audit.verify().ok  # a consistent forgery of chain and tables
    verdict = service.audit.verify(kept.text)
    assert not verdict.ok and "row 4 of the chain now has hash" in verdict.anchor
    assert f"the kept head says {kept.hash[:16]}: the trail was rewritten" in verdict.anchor


@pytest.mark.parametrize(("sql", "message"), [
    ("UPDATE answers SET value_number = 40.0 WHERE indicator_code = 'NTS01'",
     "00070 2025 NTS01: answers.value_number is 40.0, the audit trail says 4.0"),
    ("UPDATE answers SET comment = 'sửa tay' WHERE indicator_code = 'XHS04'",
     "00070 2025 XHS04: answers.comment is 'sửa tay', the audit trail says None"),
    ("DELETE FROM answers WHERE indicator_code = 'KTS03'",
     "00070 2025 KTS03: the audit trail wrote this answer; it is missing from the table"),
    ("DELETE FROM evidence", "00070 2025 NTS01: evidence: 0 document(s) not in the audit trail, 1 in the trail "
                             "missing"),
    ("UPDATE appraisals SET points = 9.0", "00070 2025 NTS01: appraised points are 9.0, the audit trail says 2.0"),
])
def test_editing_the_tables_directly_is_found_by_the_replay(service, sql, message):
    assessment = answered(service)
    service.store.answers.add_evidence(assessment.id, "NTS01", EvidenceItem("12/QĐ", None, "Quyết định"), who="x")
    service.store.review.set_appraisal(assessment.id, "NTS01", 2.0, "thiếu biên bản", who="inspector")
    assert service.audit.verify().ok
    rows = len(service.store.audit.entries())
    with service.store.engine.begin() as c:
        c.exec_driver_sql(sql)
    verdict = service.audit.verify()
    assert verdict.first_bad is None and not verdict.ok
    assert verdict.mismatch == message and verdict.mismatches == 1
    assert len(service.store.audit.entries()) == rows  # verify writes nothing


def test_a_malformed_head_is_bad_input(service):
    with pytest.raises(BadInput, match="is not an audit head"):
        service.audit.verify("nonsense")
    assert AuditHead.parse("B6A963D4B2CFDD60@12") == AuditHead(12, "b6a963d4b2cfdd60")
