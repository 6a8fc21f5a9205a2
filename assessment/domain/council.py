"""The appraisal council (Hội đồng thẩm định) of a cycle: its members, its meetings (date and minutes) and its
decision on each disputed indicator (pure records and rules; `service.council` applies them).

A decision *keeps* the appraised points or *adjusts* them to the council's figure, always with a reason, and may
record who voted what. Once the council has decided an indicator of an assessment, its appraised points are the
council's: the inspector can no longer change them (`service.appraisal.set_points` refuses), and a second
decision on the same indicator is refused (a mistake is corrected by a new publication, not by rewriting the
minutes).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from assessment.domain.errors import BadInput


class Outcome(StrEnum):
    KEPT = "kept"
    ADJUSTED = "adjusted"


class Vote(StrEnum):
    FOR = "for"
    AGAINST = "against"
    ABSTAIN = "abstain"


OUTCOME_LABELS = {Outcome.KEPT: {"vi": "Giữ nguyên", "en": "Kept"},
                  Outcome.ADJUSTED: {"vi": "Điều chỉnh", "en": "Adjusted"}}
VOTE_LABELS = {Vote.FOR: {"vi": "Tán thành", "en": "For"}, Vote.AGAINST: {"vi": "Không tán thành", "en": "Against"},
               Vote.ABSTAIN: {"vi": "Không biểu quyết", "en": "Abstained"}}


@dataclass(frozen=True)
class CouncilMember:
    id: int
    cycle: int
    name: str
    role: str  # e.g. "Chủ tịch Hội đồng", "Ủy viên", "Thư ký"
    position: int


@dataclass(frozen=True)
class CouncilMeeting:
    id: int
    cycle: int
    held_on: dt.date
    minutes: str
    minutes_file_name: str | None = None
    minutes_file_sha256: str | None = None
    recorded_by: str = ""


@dataclass(frozen=True)
class CouncilDecision:
    id: int
    meeting_id: int
    assessment_id: int
    unit_code: str
    indicator_code: str
    outcome: Outcome
    points: float  # the appraised points the council settled on
    previous_points: float | None  # the appraised points (or, if none, the self-assessed ones) before
    reason: str
    votes: Mapping[str, Vote] = field(default_factory=dict)  # member name -> vote
    decided_by: str = ""
    decided_at: str = ""

    def tally(self) -> dict[Vote, int]:
        counts = dict.fromkeys(Vote, 0)
        for vote in self.votes.values():
            counts[vote] += 1
        return counts


def parse_votes(pairs: Mapping[str, str], members: Mapping[str, CouncilMember]) -> dict[str, Vote]:
    """Votes as the user gives them (member name -> for | against | abstain); BadInput for a name that is not
    a member of the cycle's council or a vote that is none of the three."""
    votes: dict[str, Vote] = {}
    for name, value in pairs.items():
        if name not in members:
            known = ", ".join(sorted(members)) or "no member yet"
            raise BadInput(f"{name!r} is not a member of the council (members: {known})")
        try:
            votes[name] = Vote(value.strip().lower())
        except ValueError:
            raise BadInput(f"{name}: vote {value!r} is not for, against or abstain") from None
    return votes


def check_points(outcome: Outcome, points: float | None, previous: float, max_points: float, code: str) -> float:
    """The points a decision settles on: a kept decision keeps `previous`; an adjusted one needs new points
    between 0 and what the indicator is worth, different from `previous`."""
    if outcome == Outcome.KEPT:
        if points is not None and abs(points - previous) > 1e-9:
            raise BadInput(f"{code}: a kept decision keeps {previous:g} points; to change them, adjust")
        return previous
    if points is None:
        raise BadInput(f"{code}: an adjusted decision needs the council's points")
    if not 0 <= points <= max_points:
        raise BadInput(f"{code}: the council's points must be between 0 and {max_points:g}")
    if abs(points - previous) <= 1e-9:
        raise BadInput(f"{code}: {points:g} points is what the appraisal already says; record it as kept")
    return points
