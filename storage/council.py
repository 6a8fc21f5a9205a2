"""The appraisal council's records (members, meetings, decisions) and the publications of a cycle's results.
Every change appends its audit row in the same write transaction. Publications are only ever inserted: there is
no method that changes or removes one."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from assessment.domain.council import CouncilDecision, CouncilMeeting, CouncilMember, Outcome, Vote
from assessment.domain.errors import BadInput, NotFound
from assessment.domain.publication import Publication, changes_between, digest, units_from_json
from storage.audit import append, as_json, now_text
from storage.db import retry_busy
from storage.review import Repository
from storage.tables import (
    AssessmentRow,
    CouncilDecisionRow,
    CouncilMeetingRow,
    CouncilMemberRow,
    CycleRow,
    PublicationRow,
    UnitRow,
)


class CouncilRepository(Repository):
    # -------------------------------------------------------------------------------------- members

    def members(self, year: int) -> list[CouncilMember]:
        with self.session() as s:
            rows = s.scalars(select(CouncilMemberRow).where(CouncilMemberRow.cycle_year == year)
                             .order_by(CouncilMemberRow.position, CouncilMemberRow.id))
            return [CouncilMember(r.id, r.cycle_year, r.name, r.role, r.position) for r in rows]

    @retry_busy
    def add_member(self, year: int, name: str, role: str, *, who: str) -> CouncilMember:
        with self._write() as (s, connection):
            _ensure_cycle(s, year)
            if s.scalar(select(CouncilMemberRow.id).where(CouncilMemberRow.cycle_year == year,
                                                          CouncilMemberRow.name == name)) is not None:
                raise BadInput(f"{name} is already a member of the {year} council")
            position = (s.scalar(select(func.max(CouncilMemberRow.position))
                                 .where(CouncilMemberRow.cycle_year == year)) or 0) + 1
            row = CouncilMemberRow(cycle_year=year, name=name, role=role, position=position, added_at=now_text(),
                                   added_by=who)
            s.add(row)
            s.flush()
            append(connection, [("council", "council", None, f"{year} member", None,
                                 as_json({"name": name, "role": role}), "")], who=who)
            return CouncilMember(row.id, year, name, role, position)

    # ------------------------------------------------------------------------------------- meetings

    def meetings(self, year: int) -> list[CouncilMeeting]:
        with self.session() as s:
            rows = s.scalars(select(CouncilMeetingRow).where(CouncilMeetingRow.cycle_year == year)
                             .order_by(CouncilMeetingRow.held_on, CouncilMeetingRow.id))
            return [_meeting(r) for r in rows]

    def meeting(self, meeting_id: int) -> CouncilMeeting:
        with self.session() as s:
            row = s.get(CouncilMeetingRow, meeting_id)
            if row is None:
                raise NotFound(f"no council meeting {meeting_id}")
            return _meeting(row)

    @retry_busy
    def add_meeting(self, year: int, held_on: dt.date, minutes: str, file_name: str | None,
                    file_sha256: str | None, *, who: str) -> CouncilMeeting:
        with self._write() as (s, connection):
            _ensure_cycle(s, year)
            row = CouncilMeetingRow(cycle_year=year, held_on=held_on, minutes=minutes, minutes_file_name=file_name,
                                    minutes_file_sha256=file_sha256, recorded_at=now_text(), recorded_by=who)
            s.add(row)
            s.flush()
            append(connection, [("council", "council", None, f"{year} meeting {row.id}", None,
                                 as_json({"held_on": held_on.isoformat(), "minutes_sha256": file_sha256}), "")],
                   who=who)
            return _meeting(row)

    # ------------------------------------------------------------------------------------ decisions

    def decisions(self, *, year: int | None = None, assessment_id: int | None = None) -> list[CouncilDecision]:
        with self.session() as s:
            query = (select(CouncilDecisionRow, UnitRow.code)
                     .join(AssessmentRow, AssessmentRow.id == CouncilDecisionRow.assessment_id)
                     .join(UnitRow, UnitRow.id == AssessmentRow.unit_id)
                     .order_by(CouncilDecisionRow.id))
            if year is not None:
                query = query.where(AssessmentRow.cycle_year == year)
            if assessment_id is not None:
                query = query.where(CouncilDecisionRow.assessment_id == assessment_id)
            return [_decision(row, code) for row, code in s.execute(query)]

    @retry_busy
    def add_decision(self, meeting_id: int, assessment_id: int, code: str, outcome: Outcome, points: float,
                     previous: float | None, reason: str, votes: Mapping[str, Vote], *, who: str) -> None:
        """Record a decision; refused if the council already decided this indicator (checked under the lock)."""
        with self._write() as (s, connection):
            if s.scalar(select(CouncilDecisionRow.id).where(CouncilDecisionRow.assessment_id == assessment_id,
                                                            CouncilDecisionRow.indicator_code == code)) is not None:
                raise BadInput(f"{code}: the council has already decided this indicator")
            s.add(CouncilDecisionRow(meeting_id=meeting_id, assessment_id=assessment_id, indicator_code=code,
                                     outcome=outcome.value, points=points, previous_points=previous, reason=reason,
                                     votes=json.dumps({k: v.value for k, v in votes.items()}, ensure_ascii=False)
                                     if votes else None, decided_at=now_text(), decided_by=who))
            s.flush()
            append(connection, [("council", "council", assessment_id, code, as_json(previous),
                                 as_json({"outcome": outcome.value, "points": points, "meeting": meeting_id}),
                                 reason)], who=who)

    # --------------------------------------------------------------------------------- publications

    def publications(self, year: int) -> list[Publication]:
        table = PublicationRow.__table__  # Core: the dashboard's warm read configures no ORM mapper for this
        with self.engine.connect() as c:
            rows = c.execute(select(table).where(table.c.cycle_year == year).order_by(table.c.number)).all()
        found: list[Publication] = []
        for row in rows:
            units = units_from_json(row.results)
            changes = changes_between(found[-1].units, units) if found else ()
            found.append(Publication(row.cycle_year, row.number, row.decision_no, row.decision_date, row.reason,
                                     units, row.results_sha256, row.published_at, row.published_by, changes))
        return found

    def stored_digests(self, year: int) -> list[tuple[int, str, str]]:
        """(number, the SHA-256 recorded with it, the SHA-256 of the results held now) per publication."""
        with self.session() as s:
            rows = s.execute(select(PublicationRow.number, PublicationRow.results_sha256, PublicationRow.results)
                             .where(PublicationRow.cycle_year == year).order_by(PublicationRow.number)).all()
        return [(number, kept, digest(results)) for number, kept, results in rows]

    @retry_busy
    def add_publication(self, year: int, decision_no: str, decision_date: dt.date | None, reason: str,
                        results: str, *, who: str, expected_number: int) -> int:
        """Insert the next publication of the cycle; refused if another was published meanwhile (its number is
        not `expected_number`), so two secretaries never both publish "the" correction."""
        with self._write() as (s, connection):
            number = (s.scalar(select(func.max(PublicationRow.number))
                               .where(PublicationRow.cycle_year == year)) or 0) + 1
            if number != expected_number:
                raise BadInput(f"cycle {year} was published meanwhile (publication {number - 1}): look again")
            sha = digest(results)
            s.add(PublicationRow(cycle_year=year, number=number, decision_no=decision_no, decision_date=decision_date,
                                 reason=reason, results=results, results_sha256=sha, published_at=now_text(),
                                 published_by=who))
            s.flush()
            append(connection, [("publication", "council", None, f"{year} #{number}", None,
                                 as_json({"sha256": sha, "decision_no": decision_no}), reason)], who=who)
            return number


def _ensure_cycle(s: Session, year: int) -> None:
    if s.get(CycleRow, year) is None:
        raise NotFound(f"no cycle {year} in this database")


def _meeting(row: CouncilMeetingRow) -> CouncilMeeting:
    return CouncilMeeting(row.id, row.cycle_year, row.held_on, row.minutes, row.minutes_file_name,
                          row.minutes_file_sha256, row.recorded_by)


def _decision(row: CouncilDecisionRow, unit_code: str) -> CouncilDecision:
    votes = {name: Vote(v) for name, v in json.loads(row.votes).items()} if row.votes else {}
    return CouncilDecision(row.id, row.meeting_id, row.assessment_id, unit_code, row.indicator_code,
                           Outcome(row.outcome), row.points, row.previous_points, row.reason, votes, row.decided_by,
                           row.decided_at)
