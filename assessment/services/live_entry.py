"""The entry form's live score, kept between edits (assessment.domain.live_scoring): one changed answer rescores the
indicators that read it, and the scorecard is rebuilt only where they are; pillar sums, total, index and band are
taken again from the unit's scores. The same scorecard as `EntryArea.score` gives for the whole form
(tests/assessment/test_live_scoring.py)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from assessment.domain.answers import AnswerProblem, answer_problems, plausibility_problems
from assessment.domain.live_scoring import LiveScores
from assessment.domain.model import (
    Answer,
    Assessment,
    AssessmentStatus,
    Check,
    PillarScore,
    Scorecard,
)
from assessment.domain.ranking import band_for
from assessment.domain.scoring import ScoringContext
from assessment.services.scorecards import BatchColumns, ScoredBatch, display_column, make_scorecard

if TYPE_CHECKING:
    from assessment.services.entry_area import EntrySession


@dataclass(frozen=True)
class LiveEntry:
    """A form's answers with their scores and scorecard; `answers` is what the scores were computed from."""

    session: EntrySession
    scores: LiveScores
    card: Scorecard

    @property
    def answers(self) -> Mapping[str, Answer]:
        return self.scores.answers


def live_entry(session: EntrySession, answers: Mapping[str, Answer]) -> LiveEntry:
    """Score the whole form (a form opened, answers reloaded, an undo)."""
    context = ScoringContext(session.year, session.targets, session.benchmark_floor)
    scores = LiveScores.full(session.methodology, session.unit, answers, context)
    return LiveEntry(session, scores, _full_card(session, scores))


def live_change(live: LiveEntry, answer: Answer) -> tuple[list[AnswerProblem] | Check | None, LiveEntry | None]:
    """The reason `answer` is refused (its own problems, or the rule between indicators it breaks) or, if it is
    accepted, the form's new live score. The same judgement as `EntryArea.evaluate`."""
    indicator = live.session.methodology.indicator(answer.indicator_code)
    problems = answer_problems(indicator, answer) or \
        plausibility_problems(indicator, answer, live.answers.get(answer.indicator_code))
    if problems:
        return problems, None
    scores = live.scores.changed(answer)
    broken = scores.broken_checks(answer.indicator_code)
    if broken:
        return broken[0], None
    return None, LiveEntry(live.session, scores, _changed_card(live, scores))


def _status(session: EntrySession) -> AssessmentStatus:
    return session.assessment.status if session.assessment else AssessmentStatus.DRAFT


def _full_card(session: EntrySession, scores: LiveScores) -> Scorecard:
    methodology = session.methodology
    assessment = session.assessment or Assessment(0, session.unit.code, session.year, methodology.id,
                                                  methodology.version, AssessmentStatus.DRAFT)
    batch = ScoredBatch(methodology, [assessment], [session.unit], scores.matrix, scores.scores)
    return make_scorecard(batch, BatchColumns(batch), 0, session.year, 0, 0, session.targets, {})


def _changed_card(live: LiveEntry, scores: LiveScores) -> Scorecard:
    """The previous scorecard with the rescored indicators, pillars and totals replaced. Target progress in a live
    score has no history (one cycle), so it does not move with an answer and is kept."""
    session, card = live.session, live.card
    if _status(session) in (AssessmentStatus.APPRAISED, AssessmentStatus.LOCKED):
        return _full_card(session, scores)  # the appraised figures are recomputed with the whole card
    methodology, matrix, s = session.methodology, scores.matrix, scores.scores
    indicators = list(card.indicators)
    for j, ind in enumerate(methodology.indicators):
        if ind.code not in scores.rescored:
            continue
        options = ind.answer.option_codes() if ind.answer.options else ()
        a, b = float(matrix.numerator[j, 0]), float(matrix.denominator[j, 0])
        indicators[j] = replace(
            indicators[j], points=float(s.points[j, 0]), max_points=float(s.max_points[j, 0]),
            applicable=bool(s.applicable[j, 0]), answered=bool(s.answered[j, 0]), relevant=bool(s.relevant[j, 0]),
            value=display_column(ind.answer.type, matrix, j, ind.code, options)[0],
            numerator=None if a != a else a, denominator=None if b != b else b)
    pillar_index = s.pillar_index[:, 0].tolist()
    pillars = tuple(PillarScore(code, float(s.pillar_points[p, 0]), float(s.pillar_max[p, 0]),
                                None if pillar_index[p] != pillar_index[p] else pillar_index[p], old.scored)
                    for p, (code, old) in enumerate(zip(s.pillar_codes, card.pillars, strict=True)))
    index = float(s.index[0])
    shown = None if index != index else index
    return replace(card, points=float(s.total[0]), max_points=float(s.total_max[0]), index=shown,
                   band=band_for(shown, methodology.bands), pillars=pillars, indicators=tuple(indicators))
