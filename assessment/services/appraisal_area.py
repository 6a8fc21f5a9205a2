"""Appraisal (`service.appraisal`): an inspector reviews a submitted assessment, sets appraised points per
indicator (each with a mandatory reason), returns it to the unit with comments per indicator, and appraises and
locks it; the unit replies to each comment before resubmitting (`service.entry.submit`). Every step follows
assessment.domain.workflow and goes into the audit trail with who, when and why.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from assessment.domain.errors import BadInput, NotFound
from assessment.domain.model import Assessment, Scorecard
from assessment.domain.text_limits import clean_text
from assessment.domain.workflow import APPRAISING, ReviewNote, S, Step, allowed_steps, transition
from assessment.services.ports import Appraisal, AuditEntry

if TYPE_CHECKING:
    from assessment.service import AssessmentService


@dataclass(frozen=True)
class ReviewSheet:
    """Everything the appraisal screen shows for one assessment."""

    assessment: Assessment
    steps: tuple[Step, ...]  # the steps open from its state
    scorecard: Scorecard  # self-assessed and (once any is set) appraised figures side by side
    appraisals: Mapping[str, Appraisal]
    notes: tuple[ReviewNote, ...]  # every round; round 0 = written, not yet sent
    history: tuple[AuditEntry, ...]  # its state changes, oldest first

    @property
    def open_comments(self) -> tuple[ReviewNote, ...]:
        return tuple(n for n in self.notes if n.round == 0)

    @property
    def latest_round(self) -> tuple[ReviewNote, ...]:
        last = max((n.round for n in self.notes), default=0)
        return tuple(n for n in self.notes if n.round == last and last > 0)


class AppraisalArea:
    def __init__(self, service: AssessmentService) -> None:
        self.s = service

    def _assessment(self, unit_code: str, year: int) -> Assessment:
        found = self.s.store.assessments(year, unit_code=unit_code)
        if not found:
            raise NotFound(f"{unit_code} has no assessment in cycle {year}")
        return found[0]

    def step(self, step: Step, *, unit_code: str, year: int, why: str = "") -> Assessment:
        """Make one workflow step (checked here against the rules, and again under the writer lock)."""
        why = clean_text(why, "why", where="the reason")
        assessment = self._assessment(unit_code, year)
        rule = transition(step, assessment.status, why)
        return self.s.store.transition(assessment.id, rule.target, rule.sources, who=self.s.user, why=why,
                                       step=step.value)

    # ------------------------------------------------------------------------------ inspector steps

    def start_review(self, *, unit_code: str, year: int) -> Assessment:
        return self.step(Step.START_REVIEW, unit_code=unit_code, year=year)

    def set_points(self, *, unit_code: str, year: int, code: str, points: float | None, reason: str) -> None:
        """Appraised points for one indicator (None clears them), between 0 and what the indicator is worth for
        this unit; the reason is mandatory. Only while the assessment is under review, and never for an indicator
        the appraisal council has decided (its points are the council's)."""
        assessment = self._reviewing(unit_code, year)
        decided = self.s.council.decided(assessment.id).get(code)
        if decided is not None:
            raise BadInput(f"{code}: the appraisal council decided {decided.points:g} points ({decided.reason}); "
                           "they can no longer be changed here")
        if not reason.strip():
            raise BadInput(f"{code}: the appraised points need a reason")
        reason = clean_text(reason, "appraisal_reason", where=f"{code}: the reason")
        if points is not None:
            card = self.s.scores.for_cycle(year=year, unit_code=unit_code).scorecards[0]
            score = next((i for i in card.indicators if i.code == code), None)
            if score is None:
                raise NotFound(f"{code} is not an indicator of {card.methodology_id}@{card.methodology_version}")
            if not score.applicable or score.max_points <= 0:
                raise BadInput(f"{code} does not apply to {unit_code} (no points to appraise): return the assessment "
                               "if the unit's 'not applicable' is wrong")
            if not 0 <= points <= score.max_points:
                raise BadInput(f"{code}: appraised points must be between 0 and {score.max_points:g}")
        self.s.store.review.set_appraisal(assessment.id, code, points, reason, who=self.s.user)

    def comment(self, *, unit_code: str, year: int, code: str, text: str) -> None:
        """The inspector's comment on an indicator, sent with the next return (empty text removes it)."""
        text = clean_text(text, "review_note", where=f"{code}: the comment")
        assessment = self._reviewing(unit_code, year)
        self._indicator(assessment, code)
        self.s.store.review.set_comment(assessment.id, code, text, who=self.s.user)

    def return_to_unit(self, *, unit_code: str, year: int, comments: Mapping[str, str] | None = None,
                       why: str = "") -> Assessment:
        """Send the assessment back with its comments (at least one): under review → returned, in one
        transaction. `service.packages.export_return` then writes the package for the unit."""
        why = clean_text(why, "why", where="the reason")
        comments = {code: clean_text(text, "review_note", where=f"{code}: the comment")
                    for code, text in (comments or {}).items()}
        assessment = self._reviewing(unit_code, year)
        rule = transition(Step.RETURN, assessment.status, why)
        for code in comments:
            self._indicator(assessment, code)

        def work() -> Assessment:
            for code, text in (comments or {}).items():
                self.s.store.review.set_comment(assessment.id, code, text, who=self.s.user)
            self.s.store.review.send_comments(assessment.id, who=self.s.user)
            return self.s.store.transition(assessment.id, rule.target, rule.sources, who=self.s.user, why=why,
                                           step=Step.RETURN.value)

        return self.s.store.atomically(work)

    def appraise(self, *, unit_code: str, year: int, why: str = "") -> Assessment:
        return self.step(Step.APPRAISE, unit_code=unit_code, year=year, why=why)

    def lock(self, *, unit_code: str, year: int, why: str = "") -> Assessment:
        return self.step(Step.LOCK, unit_code=unit_code, year=year, why=why)

    def unlock(self, *, unit_code: str, year: int, why: str) -> Assessment:
        return self.step(Step.UNLOCK, unit_code=unit_code, year=year, why=why)

    def reopen_review(self, *, unit_code: str, year: int, why: str) -> Assessment:
        return self.step(Step.REOPEN_REVIEW, unit_code=unit_code, year=year, why=why)

    # ---------------------------------------------------------------------------------- unit's side

    def reply(self, *, unit_code: str, year: int, code: str, text: str) -> None:
        """The unit's reply to the latest comment on an indicator (while the assessment is returned)."""
        assessment = self._assessment(unit_code, year)
        if assessment.status != S.RETURNED:
            raise BadInput(f"the assessment is {assessment.status.value}: replies are written while it is returned")
        if not text.strip():
            raise BadInput(f"{code}: the reply is empty")
        text = clean_text(text, "review_note", where=f"{code}: the reply")
        self.s.store.review.set_reply(assessment.id, code, text, who=self.s.user)

    def unanswered(self, assessment_id: int) -> list[str]:
        """Indicators whose latest comment has no reply yet (resubmitting needs a reply to each)."""
        notes = self.s.store.review.notes(assessment_id)
        last = max((n.round for n in notes), default=0)
        return [n.indicator_code for n in notes if last and n.round == last and not n.reply.strip()]

    # --------------------------------------------------------------------------------------- reading

    def sheet(self, *, unit_code: str, year: int) -> ReviewSheet:
        assessment = self._assessment(unit_code, year)
        card = self.s.scores.for_cycle(year=year, unit_code=unit_code).scorecards[0]
        appraisals = self.s.store.review.appraisals([assessment.id]).get(assessment.id, {})
        history = tuple(e for e in self.s.store.audit.entries(assessment_id=assessment.id) if e.action == "state")
        return ReviewSheet(assessment, tuple(allowed_steps(assessment.status)), card, appraisals,
                           tuple(self.s.store.review.notes(assessment.id)), history)

    def _reviewing(self, unit_code: str, year: int) -> Assessment:
        assessment = self._assessment(unit_code, year)
        if assessment.status not in APPRAISING:
            raise BadInput(f"the assessment is {assessment.status.value}: start the review first (appraised points "
                           "and comments are set while it is under review)")
        return assessment

    def _indicator(self, assessment: Assessment, code: str) -> None:
        methodology = self.s.methodologies.stored(assessment.methodology_id, assessment.methodology_version)
        if code not in {i.code for i in methodology.indicators}:
            raise NotFound(f"{code} is not an indicator of {methodology.key}")
