"""Publishing a cycle's results (`service.publication`): freeze the appraised figures and ranks of every unit
(self-assessed kept beside them), store them once, and write the draft decision annex (PDF and Excel).

Publishing first locks every appraised assessment (each lock is an audited workflow step), then stores the
frozen results, all in one transaction: either the cycle is published with its assessments locked, or nothing
changed. A second publication is a correction: it needs a reason, must differ from the one before, and records
what changed; the first stays as it was. See assessment.domain.publication.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from assessment.domain.errors import BadInput, NotFound
from assessment.domain.model import Unit, UnitKind
from assessment.domain.publication import Publication, PublishedUnit, canonical, changes_between, freeze
from assessment.domain.text_limits import clean_text
from assessment.domain.workflow import S, Step
from assessment.exchange.output_files import write_atomic

if TYPE_CHECKING:
    from assessment.service import AssessmentService

PUBLISHED_KINDS = frozenset({UnitKind.DEPARTMENT, UnitKind.DISTRICT, UnitKind.COMMUNE})


class PublicationArea:
    def __init__(self, service: AssessmentService) -> None:
        self.s = service

    def all(self, year: int) -> list[Publication]:
        return self.s.store.council.publications(year)

    def latest(self, year: int) -> Publication | None:
        found = self.all(year)
        return found[-1] if found else None

    def get(self, year: int, number: int | None = None) -> Publication:
        found = self.all(year)
        if not found:
            raise NotFound(f"cycle {year} has not been published")
        if number is None:
            return found[-1]
        for publication in found:
            if publication.number == number:
                return publication
        raise NotFound(f"cycle {year} has no publication {number} (it has {', '.join(str(p.number) for p in found)})")

    def preview(self, year: int) -> tuple[PublishedUnit, ...]:
        """What publishing now would freeze (appraised assessments count as results; nothing is written)."""
        cards = [c for c in self.s.scores.for_cycle(year=year).scorecards if c.kind in PUBLISHED_KINDS]
        if not cards:
            raise NotFound(f"no assessments in cycle {year}")
        units: dict[str, Unit] = {u.code: u for u in self.s.store.units()}
        return freeze(cards, units)

    def publish(self, year: int, *, decision_no: str, decision_date: dt.date | None = None,
                reason: str = "") -> Publication:
        """Freeze and store the cycle's results; the first publication, or a correction (reason required)."""
        decision_no = clean_text(decision_no, "decision_no", where="the decision number", required=True)
        reason = clean_text(reason, "publication_reason", where="the reason")
        before = self.all(year)
        if before and not reason.strip():
            raise BadInput(f"cycle {year} was published on {before[-1].published_at[:10]} (decision "
                           f"{before[-1].decision_no}): a correction needs its reason")
        units = self.preview(year)
        if not any(u.rank is not None for u in units):
            raise BadInput(f"cycle {year} has no appraised result to publish yet (appraise at least one unit)")
        if before and not changes_between(before[-1].units, units):
            raise BadInput(f"nothing changed since publication {before[-1].number}: no correction to publish")
        to_lock = [a for a in self.s.store.assessments(year) if a.status == S.APPRAISED]
        locked = {a.unit_code for a in to_lock}
        frozen = tuple(replace(u, status=S.LOCKED.value) if u.unit_code in locked else u for u in units)

        def work() -> int:
            for assessment in to_lock:  # refused whole if one was reopened meanwhile
                self.s.appraisal.step(Step.LOCK, unit_code=assessment.unit_code, year=year,
                                      why=f"công bố kết quả ({decision_no})")
            return self.s.store.council.add_publication(year, decision_no, decision_date, reason, canonical(frozen),
                                                        who=self.s.user, expected_number=len(before) + 1)

        number = self.s.store.atomically(work)
        return self.get(year, number)

    def verify(self, year: int) -> list[str]:
        """Problems with the cycle's publications: results that no longer match the SHA-256 stored with them or
        the one the audit trail recorded when they were published. Empty: intact."""
        problems: list[str] = []
        digests = self.s.store.council.stored_digests(year)
        trail = self.s.store.audit.recorded("publication", [f"{year} #{number}" for number, _, _ in digests])
        for number, kept, now in digests:
            if kept != now:
                problems.append(f"publication {number} of {year}: its results were changed after publication")
            recorded = trail.get(f"{year} #{number}") or ""
            if kept not in recorded:
                problems.append(f"publication {number} of {year}: the audit trail does not record it as published")
        return problems

    # -------------------------------------------------------------------------------------- outputs

    def write_annex(self, path: Path, year: int, number: int | None = None, *, lang: str = "vi") -> Path:
        """The draft decision annex: .pdf (Vietnamese administrative form) or .xlsx."""
        publication = self.get(year, number)
        suffix = path.suffix.lower()
        if suffix == ".pdf":
            from assessment.reports.pdf_annex import write_annex_pdf

            return write_atomic(path, lambda tmp: write_annex_pdf(publication, tmp, demo=self.s.is_demo, lang=lang))
        if suffix == ".xlsx":
            from assessment.reports.annex_excel import write_annex_xlsx

            return write_atomic(path, lambda tmp: write_annex_xlsx(publication, tmp, demo=self.s.is_demo, lang=lang))
        raise BadInput(f"{path.name}: the annex is written as .pdf or .xlsx")
