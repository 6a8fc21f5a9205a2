"""The audit trail (`service.audit`): every change to answers, evidence, appraisals, comments, states, imports
and trusted keys, each row chained to the previous one by its hash (storage/audit.py). `verify` walks the chain
and names the first row that does not match, replays the trail against the answers, evidence and appraisals
tables, and checks a head kept outside the database (`head`, printed on PDFs and carried in packages)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from assessment.domain.errors import BadInput
from assessment.services.ports import AuditEntry, AuditHead, AuditVerdict

if TYPE_CHECKING:
    from assessment.service import AssessmentService


class AuditArea:
    def __init__(self, service: AssessmentService) -> None:
        self.s = service

    def verify(self, kept: str | AuditHead | None = None) -> AuditVerdict:
        """The chain, the tables against it, and (when given) a head written down earlier (HASH@ROWS)."""
        if isinstance(kept, str):
            try:
                kept = AuditHead.parse(kept)
            except ValueError as exc:
                raise BadInput(str(exc)) from None
        return self.s.store.audit.verify(kept)

    def head(self) -> AuditHead:
        return self.s.store.audit.head()

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
