"""The audit trail (`service.audit`): every change to answers, evidence, appraisals, comments, states, imports
and trusted keys, each row chained to the previous one by its hash (storage/audit.py). `verify` walks the chain
and names the first row that does not match."""

from __future__ import annotations

from typing import TYPE_CHECKING

from assessment.ports import AuditEntry, AuditVerdict

if TYPE_CHECKING:
    from assessment.service import AssessmentService


class AuditArea:
    def __init__(self, service: AssessmentService) -> None:
        self.s = service

    def verify(self) -> AuditVerdict:
        return self.s.store.audit.verify()

    def entries(self, *, unit_code: str | None = None, year: int | None = None,
                limit: int | None = None) -> list[AuditEntry]:
        """The trail, oldest first: one assessment's rows (unit and cycle) or everything; the newest `limit`."""
        if unit_code is None:
            return self.s.store.audit.entries(limit=limit)
        found = self.s.store.assessments(year, unit_code=unit_code)
        rows: list[AuditEntry] = []
        for assessment in found:
            rows += self.s.store.audit.entries(assessment_id=assessment.id, limit=limit)
        rows.sort(key=lambda e: e.id)
        return rows[-limit:] if limit else rows
