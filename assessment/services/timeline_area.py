"""The cycle's timeline (`service.timeline`): its planned dates, where every unit stands against them (late, in
review, returned, appraised…), the reminder list of units that have not submitted, and the secretariat's bulk
steps (start the review of every submission, return several units with a standard comment, lock every appraised
assessment). Each step of a bulk action is an ordinary workflow step (checked, made under the writer lock and
written to the audit trail one assessment at a time); the bulk action adds one summary row to the trail saying
who did what to which units. A unit a bulk step cannot apply to is skipped with the reason, never half-done.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from assessment.domain.errors import BadInput
from assessment.domain.model import Assessment, AssessmentStatus, Unit, UnitKind
from assessment.domain.text_limits import clean_text, write_table
from assessment.domain.timeline import (
    MILESTONE_LABELS,
    NOT_SUBMITTED,
    PHASE_LABELS,
    CycleTimeline,
    Milestone,
    Phase,
    phase_of,
)
from assessment.domain.workflow import S, Step
from assessment.exchange.output_files import write_atomic
from assessment.services.ports import AuditEvent

if TYPE_CHECKING:
    from assessment.service import AssessmentService

ASSESSED_KINDS = (UnitKind.DEPARTMENT, UnitKind.DISTRICT, UnitKind.COMMUNE)  # the city is not a submitting unit


@dataclass(frozen=True)
class UnitStanding:
    """One row of the cycle board."""

    unit: Unit
    status: AssessmentStatus | None  # None: no assessment yet
    answered: int
    phase: Phase
    days_late: int

    def label(self, lang: str = "vi") -> str:
        return PHASE_LABELS[self.phase][lang]


@dataclass(frozen=True)
class BulkResult:
    step: str
    done: tuple[str, ...]
    skipped: Mapping[str, str] = field(default_factory=dict)  # unit code -> why not


class TimelineArea:
    def __init__(self, service: AssessmentService) -> None:
        self.s = service

    # ------------------------------------------------------------------------------------------ dates

    def dates(self, year: int) -> CycleTimeline:
        stored = self.s.store.cycle_dates(year)
        return CycleTimeline(year, {Milestone(name): day for name, day in stored.items()})

    def set_dates(self, year: int, changes: Mapping[Milestone, dt.date | None]) -> CycleTimeline:
        """Change planned dates (None clears one); refused with the reason when the order breaks."""
        timeline = self.dates(year).changed(changes)  # checks the order before anything is written
        self.s.store.set_cycle_dates(year, {m.value: d for m, d in changes.items()}, who=self.s.user)
        return timeline

    # ------------------------------------------------------------------------------------------ board

    def board(self, year: int, *, today: dt.date | None = None, kind: UnitKind | None = None
              ) -> list[UnitStanding]:
        """Every unit assessed in the cycle with its state and phase, late units first (most days late first),
        then by the workflow's order."""
        today = today or dt.date.today()
        timeline = self.dates(year)
        kinds = [kind] if kind is not None else list(ASSESSED_KINDS)
        units = [u for k in kinds for u in self.s.units.list(k, active_in=year)]
        assessments = {a.unit_code: a for a in self.s.store.assessments(year)}
        answered = self._answered(year)
        rows = []
        for unit in units:
            found = assessments.get(unit.code)
            status = found.status if found else None
            count = answered.get(found.id, 0) if found else 0
            where = phase_of(status, count, timeline, today)
            rows.append(UnitStanding(unit, status, count, where.phase, where.days_late))
        order = {phase: i for i, phase in enumerate(Phase)}
        return sorted(rows, key=lambda r: (r.phase != Phase.LATE, -r.days_late, order[r.phase], r.unit.code))

    def reminders(self, year: int, *, today: dt.date | None = None, kind: UnitKind | None = None
                  ) -> list[UnitStanding]:
        """The units that have not submitted (late ones first)."""
        return [row for row in self.board(year, today=today, kind=kind) if row.phase in NOT_SUBMITTED]

    def export_reminders(self, path: Path, year: int, *, today: dt.date | None = None,
                         kind: UnitKind | None = None, lang: str = "vi") -> int:
        """Write the reminder list as CSV (UTF-8 with BOM, so Excel shows the diacritics) or .xlsx; returns rows."""
        if path.suffix.lower() not in (".csv", ".xlsx"):
            raise BadInput(f"{path.name}: the reminder list is written as .csv or .xlsx")
        today = today or dt.date.today()
        rows = self.reminders(year, today=today, kind=kind)
        due = self.dates(year).get(Milestone.SUBMISSIONS_DUE)
        header = (["Mã", "Đơn vị", "Loại", "Tình trạng", "Số ngày chậm", "Chỉ tiêu đã trả lời", "Hạn nộp"]
                  if lang == "vi" else
                  ["Code", "Unit", "Kind", "Standing", "Days late", "Indicators answered", "Due"])
        table = [[r.unit.code, r.unit.name.get(lang), r.unit.kind.value, r.label(lang), r.days_late, r.answered,
                  due.isoformat() if due else ""] for r in rows]
        import pandas as pd

        frame = pd.DataFrame(table, columns=header)
        sheet = f"Nhắc nộp {year}" if lang == "vi" else f"Reminders {year}"  # unit names are written as text
        write_atomic(path, lambda tmp: write_table(frame, tmp, encoding="utf-8-sig", sheet=sheet))
        return len(table)

    def _answered(self, year: int) -> dict[int, int]:
        """Saved answers per assessment id, counted by the database (no answer row leaves it)."""
        return self.s.store.answers.count_by_assessment(year)

    # ------------------------------------------------------------------------------------------- bulk

    def bulk_start_review(self, year: int, *, units: Sequence[str] | None = None,
                          kind: UnitKind | None = None) -> BulkResult:
        """Start the review of every submitted or resubmitted assessment (of `units`, or of the cycle)."""
        return self._bulk(Step.START_REVIEW, year, units, kind, {S.SUBMITTED, S.RESUBMITTED},
                          lambda code: self.s.appraisal.start_review(unit_code=code, year=year))

    def bulk_lock(self, year: int, *, units: Sequence[str] | None = None, kind: UnitKind | None = None,
                  why: str = "") -> BulkResult:
        """Lock every appraised assessment (of `units`, or of the cycle)."""
        return self._bulk(Step.LOCK, year, units, kind, {S.APPRAISED},
                          lambda code: self.s.appraisal.lock(unit_code=code, year=year, why=why), why=why)

    def bulk_return(self, year: int, *, units: Sequence[str], comment: str, indicators: Sequence[str],
                    why: str = "") -> BulkResult:
        """Return the named units under review, each with `comment` on every indicator of `indicators` (a comment
        the inspector already wrote on one of them is kept, not replaced)."""
        comment = clean_text(comment, "review_note", where="the standard comment")
        if not comment.strip():
            raise BadInput("a bulk return needs the standard comment")
        if not indicators:
            raise BadInput("a bulk return needs the indicator(s) the standard comment is about")
        if not units:
            raise BadInput("name the units to return (a bulk return is never made to a whole cycle by default)")

        def one(code: str) -> object:
            assessment = self.s.store.assessments(year, unit_code=code)[0]
            written = {n.indicator_code for n in self.s.store.review.notes(assessment.id) if n.round == 0}
            comments = {c: comment for c in indicators if c not in written}
            return self.s.appraisal.return_to_unit(unit_code=code, year=year, comments=comments, why=why)

        return self._bulk(Step.RETURN, year, units, None, {S.UNDER_REVIEW}, one, why=why or comment)

    def _bulk(self, step: Step, year: int, units: Sequence[str] | None, kind: UnitKind | None,
              sources: Iterable[AssessmentStatus], make: Callable[[str], object], why: str = "") -> BulkResult:
        allowed = frozenset(sources)
        assessments: dict[str, Assessment] = {a.unit_code: a for a in self.s.store.assessments(year, kind=kind)}
        wanted = list(dict.fromkeys(units)) if units is not None else sorted(
            code for code, a in assessments.items() if a.status in allowed)
        done: list[str] = []
        skipped: dict[str, str] = {}
        for code in wanted:
            found = assessments.get(code)
            if found is None:
                skipped[code] = f"no assessment in cycle {year}"
                continue
            if found.status not in allowed:
                skipped[code] = f"it is {found.status.value}"
                continue
            try:
                make(code)
            except BadInput as refused:
                skipped[code] = str(refused)
                continue
            done.append(code)
        if done:
            self.s.store.audit.record([AuditEvent("bulk", step.value, new=done, why=why, source="review")],
                                      who=self.s.user)
        return BulkResult(step.value, tuple(done), skipped)


def milestone_label(milestone: Milestone, lang: str = "vi") -> str:
    return MILESTONE_LABELS[milestone][lang]
