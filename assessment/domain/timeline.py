"""A cycle's timeline and where each unit stands in it (pure rules; `service.timeline` reads and writes the dates
and applies them).

A cycle has five planned dates, kept as data per cycle (set by the secretariat, none is required):

    opens ≤ submissions due ≤ appraisal ends ≤ council ≤ publication

A unit's place in the cycle follows from its assessment's state and today's date:

- *not started* / *in progress*: a draft with no answer / with answers, before the submission date;
- *late*: not submitted (no assessment, a draft) after the submission date; the days late count from the day after
  it (a submission on the due date is on time);
- *submitted*, *in review*, *returned* (waiting for the unit's replies), *resubmitted*, *appraised*, *locked*:
  the workflow's states (assessment.domain.workflow); a returned assessment after the appraisal end date is *late*
  too: the unit holds up the appraisal;
- *appraisal overdue*: submitted, resubmitted or in review after the appraisal end date (the secretariat is late).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from itertools import pairwise

from assessment.domain.errors import BadInput
from assessment.domain.model import AssessmentStatus

S = AssessmentStatus


class Milestone(StrEnum):
    OPENS = "opens"
    SUBMISSIONS_DUE = "submissions_due"
    APPRAISAL_ENDS = "appraisal_ends"
    COUNCIL = "council"
    PUBLICATION = "publication"


MILESTONES: tuple[Milestone, ...] = tuple(Milestone)

MILESTONE_LABELS: dict[Milestone, dict[str, str]] = {
    Milestone.OPENS: {"vi": "Mở kỳ đánh giá", "en": "Cycle opens"},
    Milestone.SUBMISSIONS_DUE: {"vi": "Hạn nộp tự đánh giá", "en": "Self-assessments due"},
    Milestone.APPRAISAL_ENDS: {"vi": "Hết hạn thẩm định", "en": "Appraisal ends"},
    Milestone.COUNCIL: {"vi": "Họp Hội đồng thẩm định", "en": "Appraisal council meets"},
    Milestone.PUBLICATION: {"vi": "Công bố kết quả", "en": "Results published"},
}


class Phase(StrEnum):
    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    LATE = "late"
    SUBMITTED = "submitted"
    IN_REVIEW = "in_review"
    RETURNED = "returned"
    RESUBMITTED = "resubmitted"
    APPRAISAL_OVERDUE = "appraisal_overdue"
    APPRAISED = "appraised"
    LOCKED = "locked"


PHASE_LABELS: dict[Phase, dict[str, str]] = {
    Phase.NOT_STARTED: {"vi": "Chưa bắt đầu", "en": "Not started"},
    Phase.IN_PROGRESS: {"vi": "Đang tự đánh giá", "en": "In progress"},
    Phase.LATE: {"vi": "Chậm nộp", "en": "Late"},
    Phase.SUBMITTED: {"vi": "Đã nộp", "en": "Submitted"},
    Phase.IN_REVIEW: {"vi": "Đang thẩm định", "en": "In review"},
    Phase.RETURNED: {"vi": "Trả lại đơn vị", "en": "Returned"},
    Phase.RESUBMITTED: {"vi": "Đã nộp lại", "en": "Resubmitted"},
    Phase.APPRAISAL_OVERDUE: {"vi": "Quá hạn thẩm định", "en": "Appraisal overdue"},
    Phase.APPRAISED: {"vi": "Đã thẩm định", "en": "Appraised"},
    Phase.LOCKED: {"vi": "Đã khóa", "en": "Locked"},
}

NOT_SUBMITTED = frozenset({Phase.NOT_STARTED, Phase.IN_PROGRESS, Phase.LATE})  # what a reminder is about
_WAITING_FOR_APPRAISAL = frozenset({S.SUBMITTED, S.RESUBMITTED, S.UNDER_REVIEW})
_BY_STATUS = {S.SUBMITTED: Phase.SUBMITTED, S.UNDER_REVIEW: Phase.IN_REVIEW, S.RETURNED: Phase.RETURNED,
              S.RESUBMITTED: Phase.RESUBMITTED, S.APPRAISED: Phase.APPRAISED, S.LOCKED: Phase.LOCKED}


@dataclass(frozen=True)
class CycleTimeline:
    """The planned dates of one cycle (a date left out is not planned yet)."""

    year: int
    dates: Mapping[Milestone, dt.date] = field(default_factory=dict)

    def __post_init__(self) -> None:
        check_order(self.year, self.dates)

    def get(self, milestone: Milestone) -> dt.date | None:
        return self.dates.get(milestone)

    def changed(self, changes: Mapping[Milestone, dt.date | None]) -> CycleTimeline:
        """A copy with `changes` applied (None removes a date); BadInput when the order breaks."""
        dates = {m: d for m, d in {**self.dates, **changes}.items() if d is not None}
        return CycleTimeline(self.year, {m: dates[m] for m in MILESTONES if m in dates})

    def next_milestone(self, today: dt.date) -> tuple[Milestone, dt.date] | None:
        upcoming = [(m, d) for m, d in self.dates.items() if d >= today]
        return min(upcoming, key=lambda pair: pair[1]) if upcoming else None


def check_order(year: int, dates: Mapping[Milestone, dt.date]) -> None:
    """The dates follow the cycle's order and lie in a sensible span (the cycle's year to two years after:
    a 2025 cycle is assessed and published in 2026); BadInput naming the two dates otherwise."""
    for milestone, day in dates.items():
        if not year <= day.year <= year + 2:
            raise BadInput(f"cycle {year}: {milestone.value} {day.isoformat()} is outside {year}–{year + 2}")
    planned = [(m, dates[m]) for m in MILESTONES if m in dates]
    for (first, a), (second, b) in pairwise(planned):
        if b < a:
            raise BadInput(f"cycle {year}: {second.value} ({b.isoformat()}) comes before {first.value} "
                           f"({a.isoformat()})")


@dataclass(frozen=True)
class UnitPhase:
    phase: Phase
    days_late: int = 0  # late units: days past the date they missed; appraisal overdue: days past its end


def phase_of(status: AssessmentStatus | None, answered: int, timeline: CycleTimeline, today: dt.date) -> UnitPhase:
    """Where a unit stands: `status` None when it has no assessment yet, `answered` its answered indicators."""
    due = timeline.get(Milestone.SUBMISSIONS_DUE)
    appraisal_ends = timeline.get(Milestone.APPRAISAL_ENDS)
    if status is None or status == S.DRAFT:
        if due is not None and today > due:
            return UnitPhase(Phase.LATE, (today - due).days)
        return UnitPhase(Phase.IN_PROGRESS if answered else Phase.NOT_STARTED)
    if appraisal_ends is not None and today > appraisal_ends:
        if status == S.RETURNED:
            return UnitPhase(Phase.LATE, (today - appraisal_ends).days)
        if status in _WAITING_FOR_APPRAISAL:
            return UnitPhase(Phase.APPRAISAL_OVERDUE, (today - appraisal_ends).days)
    return UnitPhase(_BY_STATUS[status])
