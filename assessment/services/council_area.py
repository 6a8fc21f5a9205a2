"""The appraisal council (`service.council`): its members, its meetings with their minutes, and its decision on
each disputed indicator. A decision that adjusts writes the council's points as the indicator's appraised points
(reason: the meeting and the council's reason) in the same transaction as the decision; from then on the
indicator's appraised points are locked (`service.appraisal.set_points` refuses). See assessment.domain.council.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from assessment.domain.council import CouncilDecision, CouncilMeeting, CouncilMember, Outcome, check_points, parse_votes
from assessment.domain.errors import BadInput, NotFound
from assessment.domain.model import AssessmentStatus
from assessment.domain.text_limits import clean_text
from assessment.services.kept_files import keep_file, kept_file

if TYPE_CHECKING:
    from assessment.service import AssessmentService

S = AssessmentStatus
DECIDABLE = frozenset({S.UNDER_REVIEW, S.APPRAISED, S.LOCKED})  # the council decides on appraised figures
MINUTES_FILE_MAX = 50 * 1024 * 1024  # a signed scan of the minutes; a larger file is refused before it is read


class CouncilArea:
    def __init__(self, service: AssessmentService) -> None:
        self.s = service

    # -------------------------------------------------------------------------------------- members

    def members(self, year: int) -> list[CouncilMember]:
        return self.s.store.council.members(year)

    def add_member(self, year: int, name: str, role: str) -> CouncilMember:
        name = clean_text(name, "person_name", where="the member's name", required=True)
        role = clean_text(role, "person_role", where="the member's role", required=True)
        return self.s.store.council.add_member(year, name, role, who=self.s.user)

    # ------------------------------------------------------------------------------------- meetings

    def meetings(self, year: int) -> list[CouncilMeeting]:
        return self.s.store.council.meetings(year)

    def record_meeting(self, year: int, held_on: dt.date, minutes: str, file: Path | None = None) -> CouncilMeeting:
        """A meeting with its minutes (text, and optionally the signed file, kept beside the database under its
        SHA-256 like evidence)."""
        minutes = clean_text(minutes, "minutes", where="the minutes", required=True)
        if not year <= held_on.year <= year + 2:
            raise BadInput(f"a council meeting of cycle {year} is held in {year}–{year + 2}, not on "
                           f"{held_on.isoformat()}")
        name = digest = None
        if file is not None:
            if not file.is_file():
                raise BadInput(f"{file}: no such file")
            if file.stat().st_size > MINUTES_FILE_MAX:
                raise BadInput(f"{file.name}: larger than {MINUTES_FILE_MAX // (1024 * 1024)} MB")
            name = clean_text(file.name, "file_name", where="the minutes' file name")
            digest = keep_file(file, self.s.store.files_dir())
        return self.s.store.council.add_meeting(year, held_on, minutes, name, digest, who=self.s.user)

    def minutes_file(self, meeting: CouncilMeeting) -> Path | None:
        return kept_file(self.s.store.files_dir(), meeting.minutes_file_sha256)

    # ------------------------------------------------------------------------------------ decisions

    def decisions(self, year: int) -> list[CouncilDecision]:
        return self.s.store.council.decisions(year=year)

    def decided(self, assessment_id: int) -> dict[str, CouncilDecision]:
        """The indicators of an assessment the council has decided (their appraised points are locked)."""
        return {d.indicator_code: d for d in self.s.store.council.decisions(assessment_id=assessment_id)}

    def decide(self, meeting_id: int, *, unit_code: str, code: str, outcome: Outcome | str,
               points: float | None = None, reason: str, votes: Mapping[str, str] | None = None) -> CouncilDecision:
        """The council's decision on one indicator of one unit: kept or adjusted (with the council's points),
        with a reason and, if recorded, the votes. Refused (nothing written) when the meeting, unit or indicator
        is unknown, the assessment is not appraised or under review, the indicator was already decided, the
        points are out of range, or a vote names someone who is not a member."""
        outcome = Outcome(outcome)
        reason = clean_text(reason, "appraisal_reason", where=f"{code}: the council's reason", required=True)
        meeting = self.s.store.council.meeting(meeting_id)
        year = meeting.cycle
        found = self.s.store.assessments(year, unit_code=unit_code)
        if not found:
            raise NotFound(f"{unit_code} has no assessment in cycle {year}")
        assessment = found[0]
        if assessment.status not in DECIDABLE:
            raise BadInput(f"{unit_code} is {assessment.status.value}: the council decides on an assessment under "
                           "review, appraised or locked")
        if code in self.decided(assessment.id):
            raise BadInput(f"{code}: the council has already decided this indicator of {unit_code}")
        card = self.s.scores.for_cycle(year=year, unit_code=unit_code).scorecards[0]
        score = next((i for i in card.indicators if i.code == code), None)
        if score is None:
            raise NotFound(f"{code} is not an indicator of {card.methodology_id}@{card.methodology_version}")
        if not score.applicable or score.max_points <= 0:
            raise BadInput(f"{code} does not apply to {unit_code}: there are no points to decide")
        previous = score.appraised_points if score.appraised_points is not None else score.points
        settled = check_points(outcome, points, previous, score.max_points, code)
        members = {m.name: m for m in self.members(year)}
        cast = parse_votes(votes or {}, members)

        def work() -> None:
            if outcome == Outcome.ADJUSTED:
                note = f"Hội đồng thẩm định, phiên họp {meeting.held_on:%d/%m/%Y}: {reason}"
                self.s.store.review.set_appraisal(assessment.id, code, settled, note, who=self.s.user)
            self.s.store.council.add_decision(meeting.id, assessment.id, code, outcome, settled, previous, reason,
                                              cast, who=self.s.user)

        self.s.store.atomically(work)
        return self.decided(assessment.id)[code]
