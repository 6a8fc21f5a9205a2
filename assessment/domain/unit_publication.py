"""What a unit sees of a published cycle (issue 17.4), as pure records and rules: its published result (appraised
and self-assessed index, rank among its peers and in its sub-group), every indicator the inspectors or the council
adjusted (points before and after, the reason, who, and the council's decision when there was one), and what a
correction changed for it.

The city builds one `UnitPublication` per unit and publication from its own records (`unit_view`), sends it in a
signed publication package (assessment/exchange/publication_format.py), and the unit's database keeps each one it
receives, read-only. A correction (publication n + 1) supersedes the one before in the unit's view; both stay
listed (`current`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from assessment.domain.council import CouncilDecision, CouncilMeeting, Vote
from assessment.domain.model import Scorecard
from assessment.domain.publication import Change, Publication, PublishedUnit

EPSILON = 1e-9


@dataclass(frozen=True)
class CouncilRuling:
    """The appraisal council's decision on one indicator, as the unit is told it (the vote counts, not names)."""

    outcome: str  # kept | adjusted
    previous_points: float | None
    points: float
    reason: str
    meeting_on: dt.date | None
    votes_for: int = 0
    votes_against: int = 0
    votes_abstain: int = 0


@dataclass(frozen=True)
class Adjustment:
    """One indicator whose appraised points differ from the unit's own, or that the council decided."""

    code: str
    self_points: float
    appraised_points: float
    max_points: float
    reason: str  # the appraisal's reason (after a council adjustment: the meeting and the council's reason)
    by: str  # who appraised it ("" when only the council decided)
    council: CouncilRuling | None = None


@dataclass(frozen=True)
class UnitPublication:
    """One publication of a cycle as one unit sees it."""

    cycle: int
    number: int
    decision_no: str
    decision_date: dt.date | None
    published_at: str
    reason: str  # a correction's reason ("" for the first publication)
    results_sha256: str  # of the whole publication: matches the annex's footer and the city's audit trail
    result: PublishedUnit
    adjustments: tuple[Adjustment, ...] = ()
    changes: tuple[Change, ...] = ()  # this unit's changes against the publication before

    @property
    def unit_code(self) -> str:
        return self.result.unit_code


@dataclass(frozen=True)
class ReceivedPublication:
    """A publication package a unit's database took: what it said, from whom, and whether the stored text still
    matches the SHA-256 kept with it (False: it was edited behind the app's back)."""

    publication: UnitPublication
    package_id: str
    signer: str
    fingerprint: str
    received_at: str
    received_by: str
    intact: bool = True


def unit_view(publication: Publication, unit_code: str, card: Scorecard | None,
              appraisals: Mapping[str, tuple[float, str, str]], decisions: Sequence[CouncilDecision],
              meetings: Mapping[int, CouncilMeeting]) -> UnitPublication:
    """The unit's share of a publication: its published row, the indicators adjusted on its assessment
    (`appraisals`: code -> (points, reason, who)), the council's decisions on it, and this unit's changes."""
    result = publication.unit(unit_code)
    if result is None:
        raise KeyError(unit_code)
    adjustments: list[Adjustment] = []
    decided = {d.indicator_code: d for d in decisions}
    for indicator in card.indicators if card is not None else ():
        appraisal, decision = appraisals.get(indicator.code), decided.get(indicator.code)
        if appraisal is not None:
            points, reason, by = appraisal
        elif decision is not None:
            points, reason, by = decision.points, decision.reason, ""
        else:
            continue
        if decision is None and abs(points - indicator.points) <= EPSILON:
            continue  # appraised at the unit's own figure: nothing was adjusted
        adjustments.append(Adjustment(indicator.code, indicator.points, points, indicator.max_points, reason, by,
                                      _ruling(decision, meetings) if decision is not None else None))
    changes = tuple(c for c in publication.changes if c.unit_code == unit_code)
    return UnitPublication(publication.cycle, publication.number, publication.decision_no, publication.decision_date,
                           publication.published_at, publication.reason, publication.results_sha256, result,
                           tuple(adjustments), changes)


def _ruling(decision: CouncilDecision, meetings: Mapping[int, CouncilMeeting]) -> CouncilRuling:
    tally = decision.tally()
    meeting = meetings.get(decision.meeting_id)
    return CouncilRuling(decision.outcome.value, decision.previous_points, decision.points, decision.reason,
                         meeting.held_on if meeting is not None else None, tally[Vote.FOR], tally[Vote.AGAINST],
                         tally[Vote.ABSTAIN])


def problems(view: UnitPublication, max_points: Mapping[str, float]) -> list[str]:
    """What does not add up in a unit's publication (`max_points`: the methodology's indicators and what each is
    worth): a rank outside its peers, an index outside 0–1, points over the maximum, an unknown indicator, an
    adjustment listed twice. Empty: consistent."""
    found: list[str] = []
    r = view.result
    if view.number < 1:
        found.append(f"publication number {view.number} is not 1 or more")
    for name, rank, peers in (("rank", r.rank, r.peer_count), ("sub-group rank", r.subgroup_rank, r.subgroup_count)):
        if peers < 0 or (rank is not None and not 1 <= rank <= peers):
            found.append(f"the {name} {rank} is not between 1 and {peers}")
    for name, value in (("appraised index", r.appraised_index), ("self-assessed index", r.self_index)):
        if value is not None and not 0 <= value <= 1 + EPSILON:
            found.append(f"the {name} {value} is not between 0 and 1")
    if r.rank is not None and r.appraised_index is None:
        found.append("a ranked unit has no appraised index")
    seen: set[str] = set()
    for a in view.adjustments:
        if a.code not in max_points:
            found.append(f"{a.code} is not an indicator of this unit's methodology")
            continue
        if a.code in seen:
            found.append(f"{a.code} is adjusted twice")
        seen.add(a.code)
        top = max_points[a.code]
        for name, value in (("self-assessed", a.self_points), ("appraised", a.appraised_points)):
            if not -EPSILON <= value <= top + EPSILON:
                found.append(f"{a.code}: {name} points {value:g} are not between 0 and {top:g}")
    return found


def current(received: Sequence[ReceivedPublication]) -> ReceivedPublication | None:
    """The publication in force for the unit: the highest number (a correction supersedes the ones before)."""
    return max(received, key=lambda r: r.publication.number, default=None)


def rank_text(view: UnitPublication, lang: str = "vi") -> str:
    """The headline: "Xếp hạng công bố 10/15" (and the sub-group's), or that the unit was published unranked."""
    r = view.result
    if r.rank is None:
        return "Công bố: không xếp hạng (chưa có kết quả thẩm định)" if lang != "en" else \
            "Published: not ranked (no appraised result)"
    text = f"Xếp hạng công bố {r.rank}/{r.peer_count}" if lang != "en" else f"Published rank {r.rank}/{r.peer_count}"
    if r.subgroup_rank is not None:
        text += (f" (nhóm {r.subgroup_rank}/{r.subgroup_count})" if lang != "en" else
                 f" (sub-group {r.subgroup_rank}/{r.subgroup_count})")
    return text
