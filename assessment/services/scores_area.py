"""Scoring a whole cycle: load every answer once, score each methodology's batch, rank within peer groups,
and judge target-linked indicators against their history across cycles."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

import numpy as np

from assessment.domain.answer_matrix import AnswerMatrix, build_matrix
from assessment.domain.model import (
    AnswerType,
    Assessment,
    AssessmentStatus,
    IndicatorScore,
    Methodology,
    PillarScore,
    Scorecard,
    TargetSet,
    Unit,
    UnitKind,
)
from assessment.domain.progress import progress_of
from assessment.domain.ranking import band_for, ranks_by_group
from assessment.domain.scoring import BatchScores, ScoringContext, UnitColumns, measured_values, score_batch
from assessment.services.ports import Appraisal

if TYPE_CHECKING:
    from assessment.service import AssessmentService


@dataclass
class ScoredBatch:
    """One methodology's assessments in one cycle, with their answers and scores (row i = assessments[i])."""

    methodology: Methodology
    assessments: list[Assessment]
    units: list[Unit]
    matrix: AnswerMatrix
    scores: BatchScores
    appraisals: list[dict[str, Appraisal]] = field(default_factory=list)  # per assessment: code -> appraisal


@dataclass(frozen=True)
class TrendPoint:
    cycle: int
    methodology: str
    code: str  # the indicator's code in that cycle's methodology
    value: float | None
    points: float
    max_points: float


@dataclass(frozen=True)
class CycleScores:
    cycle: int
    demo: bool
    scorecards: tuple[Scorecard, ...]
    warnings: tuple[str, ...]
    target_set: str


class ScoresArea:
    def __init__(self, service: AssessmentService) -> None:
        self.s = service

    def batches(self, year: int, targets: TargetSet | None = None) -> list[ScoredBatch]:
        """Score every assessment of the cycle, one batch per methodology version."""
        assessments = self.s.store.assessments(year)
        if not assessments:
            return []
        units = {u.code: u for u in self.s.store.units()}
        stored = self.s.store.answers.load_cycle(year)
        targets = targets or self.s.targets.active()
        groups: dict[tuple[str, str], list[Assessment]] = defaultdict(list)
        for a in assessments:
            groups[(a.methodology_id, a.methodology_version)].append(a)
        batches = []
        for (ident, version), members in sorted(groups.items()):
            methodology = self.s.methodologies.stored(ident, version)
            batch_units = [units[a.unit_code] for a in members]
            matrix = build_matrix(methodology, len(members), stored.take([a.id for a in members]))
            scores = score_batch(methodology, UnitColumns.of(batch_units), matrix, ScoringContext(year, targets))
            batches.append(ScoredBatch(methodology, members, batch_units, matrix, scores))
        appraised = self.s.store.review.appraisals([a.id for a in assessments])
        for batch in batches:
            batch.appraisals = [appraised.get(a.id, {}) for a in batch.assessments]
        return batches

    def for_cycle(self, *, year: int, kind: UnitKind | None = None, unit_code: str | None = None) -> CycleScores:
        """Scorecards of a cycle (ranks always over the full peer group, then filtered)."""
        targets = self.s.targets.active()
        batches = self.batches(year, targets)
        wanted = [[(kind is None or u.kind == kind) and (unit_code is None or u.code == unit_code) for u in b.units]
                  for b in batches]
        history = self._target_history(year, targets, batches,
                                       {u.code for b, w in zip(batches, wanted, strict=True)
                                        for u, keep in zip(b.units, w, strict=True) if keep})
        cards: list[Scorecard] = []
        indices = np.concatenate([b.scores.index for b in batches]) if batches else np.array([])
        kinds = np.array([u.kind.value for b in batches for u in b.units], dtype=object)
        ranks, peers = ranks_by_group(indices, kinds)  # over the whole peer group, whatever is asked for
        offset = 0
        for batch, keep in zip(batches, wanted, strict=True):
            columns = ScoreColumns(batch) if any(keep) else None  # scorecards only for what was asked
            for i in range(len(batch.units)):
                if keep[i]:
                    cards.append(make_scorecard(batch, columns, i, year, int(ranks[offset + i]),
                                            int(peers[offset + i]), targets, history))
            offset += len(batch.units)
        warnings = tuple(dict.fromkeys(w for b in batches for w in b.scores.warnings))
        cards.sort(key=lambda c: (c.kind.value, c.rank or 10**9, c.unit_code))
        return CycleScores(year, self.s.is_demo, tuple(cards), warnings, targets.name)

    def indicator_trend(self, *, unit_code: str, code: str) -> list[TrendPoint]:
        """The unit's value and points for an indicator in every cycle, following crosswalks back from the
        newest methodology's code (2024 codes that measure the same thing count as the same indicator)."""
        points: list[TrendPoint] = []
        newest: str | None = None
        for year in reversed(self.s.cycles()):
            for batch in self.batches(year):
                if unit_code not in [u.code for u in batch.units]:
                    continue
                newest = newest or batch.methodology.id
                local = self._local_code(code, batch.methodology, newest)
                if local is None:
                    continue
                i, j = [u.code for u in batch.units].index(unit_code), batch.matrix.codes.index(local)
                value = measured_values(batch.methodology.indicator(local), batch.matrix, j)[i]
                points.append(TrendPoint(year, batch.methodology.key, local, None if np.isnan(value) else float(value),
                                         float(batch.scores.points[j, i]), float(batch.scores.max_points[j, i])))
        return sorted(points, key=lambda p: p.cycle)

    def _local_code(self, code: str, methodology: Methodology, newest: str) -> str | None:
        codes = {i.code for i in methodology.indicators}
        if methodology.id == newest:
            return code if code in codes else None
        for walk in self.s.methodologies.crosswalks():
            if walk.from_id == methodology.id and walk.to_id == newest:
                olds = sorted(old for old in codes if walk.translate(old, frozenset({code})) == code)
                # several old indicators merged into one: the one that kept the code speaks for it
                return code if code in olds else (olds[0] if olds else None)
        return code if code in codes else None

    def _target_history(self, year: int, targets: TargetSet, current: list[ScoredBatch],
                        units: set[str] | None = None) -> dict[tuple[str, str], list[tuple[int, float]]]:
        """(unit code, target id) -> [(cycle, measured value)] for every cycle up to `year`. Linking through the
        target id lets a trend run across a methodology change."""
        from assessment.domain.lineage import carry_back_history, merged_predecessors

        # carried back only once the merger has happened: a cycle whose predecessors still exist judges the
        # bodies as they were (VP_UBND's own 2024 card is the old Office's, not the merged one's)
        active = {u.code for u in self.s.units.list(active_in=year)}
        merged = {code: before for code, before in merged_predecessors(self.s.units.lineage()).items()
                  if not active.intersection(before)}
        if units is not None:  # a merged department's history runs through its predecessors
            merged = {code: before for code, before in merged.items() if code in units}
            units = units | {p for before in merged.values() for p in before}
        history: dict[tuple[str, str], list[tuple[int, float]]] = defaultdict(list)
        for cycle in [c for c in self.s.cycles() if c <= year]:
            batches = current if cycle == year else self.batches(cycle, targets)
            for batch in batches:
                _collect_measures(batch, cycle, history, units)
        carry_back_history(history, merged)
        return history


def _collect_measures(batch: ScoredBatch, cycle: int, history: dict[tuple[str, str], list[tuple[int, float]]],
                      units: set[str] | None = None) -> None:
    counted = batch.scores.applicable & batch.scores.relevant & batch.scores.answered
    if units is not None:
        counted = counted & np.array([u.code in units for u in batch.units], dtype=bool)[None, :]
    for j, indicator in enumerate(batch.methodology.indicators):
        if indicator.target_id is None:
            continue
        values = measured_values(indicator, batch.matrix, j)
        for i in np.flatnonzero(counted[j] & ~np.isnan(values)):
            history[(batch.units[i].code, indicator.target_id)].append((cycle, float(values[i])))


class ScoreColumns:
    """A batch's arrays as Python lists per assessment: materialising 47 indicators × 126 units element by
    element from numpy costs 20× more than indexing lists."""

    def __init__(self, batch: ScoredBatch) -> None:
        s, m = batch.scores, batch.matrix
        self.points, self.max_points = s.points.T.tolist(), s.max_points.T.tolist()
        self.applicable, self.answered = s.applicable.T.tolist(), s.answered.T.tolist()
        self.relevant = s.relevant.T.tolist()
        self.number, self.choices = m.number.T.tolist(), m.choices.T.tolist()
        self.numerator, self.denominator = m.numerator.T.tolist(), m.denominator.T.tolist()
        self.text = {code: column.tolist() for code, column in m.text.items()}
        # BatchScores' index arrays are computed properties: read them once, not once per unit
        self.index, self.total, self.total_max = s.index.tolist(), s.total.tolist(), s.total_max.tolist()
        self.pillar_index = s.pillar_index.T.tolist()
        self.pillar_points, self.pillar_max = s.pillar_points.T.tolist(), s.pillar_max.T.tolist()
        self.options = [i.answer.option_codes() if i.answer.options else () for i in batch.methodology.indicators]
        self.scored = [batch.methodology.pillar(code).scored for code in s.pillar_codes]


def display_value(kind: AnswerType, columns: ScoreColumns, i: int, j: int, code: str,
                  options: tuple[str, ...]) -> float | str | tuple[str, ...] | bool | None:
    if kind == AnswerType.RATIO:
        a, b = columns.numerator[i][j], columns.denominator[i][j]
        return a / b * 100 if b == b and a == a and b > 0 else None  # x == x is False only for NaN
    if kind == AnswerType.MULTI_CHOICE:
        mask = columns.choices[i][j]
        return None if mask < 0 else tuple(o for bit, o in enumerate(options) if mask >> bit & 1)
    if kind in (AnswerType.CHOICE, AnswerType.TEXT, AnswerType.DATE):
        return columns.text[code][i]
    value = columns.number[i][j]
    if value != value:
        return None
    return value == 1.0 if kind == AnswerType.BOOLEAN else value


def make_scorecard(batch: ScoredBatch, columns: ScoreColumns, i: int, year: int, rank: int, peers: int,
                   targets: TargetSet, history: dict[tuple[str, str], list[tuple[int, float]]]) -> Scorecard:
    m, s, unit = batch.methodology, batch.scores, batch.units[i]
    indicators = []
    for j, ind in enumerate(m.indicators):
        status = projection = None
        target = targets.get(ind.target_id) if ind.target_id else None
        if target is not None:
            status, projection = progress_of(target, history.get((unit.code, target.id), []), year)
        a, b = columns.numerator[i][j], columns.denominator[i][j]
        indicators.append(IndicatorScore(
            code=ind.code, pillar=ind.pillar, points=columns.points[i][j], max_points=columns.max_points[i][j],
            applicable=columns.applicable[i][j], answered=columns.answered[i][j], relevant=columns.relevant[i][j],
            value=display_value(ind.answer.type, columns, i, j, ind.code, columns.options[j]),
            target_id=ind.target_id, target_status=status,
            numerator=None if a != a else a, denominator=None if b != b else b,
            projected_year=projection.year if projection else None,
            projection_known=projection.enough_data if projection else False,
        ))
    pillar_index = columns.pillar_index[i]
    pillars = tuple(PillarScore(code, columns.pillar_points[i][p], columns.pillar_max[i][p],
                                None if pillar_index[p] != pillar_index[p] else pillar_index[p], columns.scored[p])
                    for p, code in enumerate(s.pillar_codes))
    index = None if columns.index[i] != columns.index[i] else columns.index[i]
    card = Scorecard(unit.code, unit.name, unit.kind, year, m.id, m.version, columns.total[i],
                     columns.total_max[i], index, band_for(index, m.bands), rank or None, peers, pillars,
                     tuple(indicators), batch.assessments[i].status)
    given = batch.appraisals[i] if batch.appraisals else {}
    if given or card.status in (AssessmentStatus.APPRAISED, AssessmentStatus.LOCKED):
        card = with_appraisal(card, m, given)
    return card


def with_appraisal(card: Scorecard, m: Methodology, given: dict[str, Appraisal]) -> Scorecard:
    """The scorecard with its appraised figures beside the self-assessed ones: an indicator's appraised points
    are the inspector's where given (and the indicator applies), else its own; pillars and the index follow."""
    indicators = tuple(replace(s, appraised_points=given[s.code].points if s.code in given and s.applicable
                               else s.points, appraisal_reason=given[s.code].reason if s.code in given else "")
                       for s in card.indicators)
    sums: dict[str, float] = defaultdict(float)
    for score in indicators:
        sums[score.pillar] += score.appraised_points or 0.0
    pillars = tuple(replace(p, appraised_points=sums[p.code],
                            appraised_index=sums[p.code] / p.max_points if p.max_points > 0 else None)
                    for p in card.pillars)
    total = sum(p.appraised_points or 0.0 for p in pillars if p.scored)
    index = total / card.max_points if card.max_points > 0 else None
    return replace(card, indicators=indicators, pillars=pillars, appraised_points=total, appraised_index=index,
                   appraised_band=band_for(index, m.bands))
