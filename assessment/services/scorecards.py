"""A scored batch and the scorecards built from it: what `services.scores_area` computes and
`services.cycle_results` and `services.entry_area` read (kept apart from both so that neither imports the other).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field, replace

import numpy as np

from assessment.domain.answer_matrix import AnswerMatrix
from assessment.domain.model import (
    AnswerType,
    Assessment,
    AssessmentStatus,
    IndicatorScore,
    Methodology,
    PillarScore,
    Scorecard,
    TargetSet,
    TargetStatus,
    Unit,
)
from assessment.domain.progress import progress_of
from assessment.domain.ranking import band_for
from assessment.domain.scoring import BatchScores
from assessment.services.ports import Appraisal

ShownValue = float | str | bool | tuple[str, ...] | None  # IndicatorScore.value


@dataclass
class ScoredBatch:
    """One methodology's assessments in one cycle, with their answers and scores (row i = assessments[i])."""

    methodology: Methodology
    assessments: list[Assessment]
    units: list[Unit]
    matrix: AnswerMatrix
    scores: BatchScores
    appraisals: list[dict[str, Appraisal]] = field(default_factory=list)  # per assessment: code -> appraisal


class BatchColumns:
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
        self._batch = batch
        self._values: list[tuple[ShownValue, ...]] | None = None

    def display_values(self) -> list[tuple[ShownValue, ...]]:
        """Per assessment, every indicator's value as a scorecard shows it (display_value), built column by
        column: one numpy operation per indicator instead of one Python call per cell."""
        if self._values is None:
            m = self._batch.matrix
            columns = [display_column(ind.answer.type, m, j, ind.code, self.options[j])
                       for j, ind in enumerate(self._batch.methodology.indicators)]
            self._values = list(zip(*columns, strict=True)) if columns else [() for _ in range(m.size)]
        return self._values


def display_column(kind: AnswerType, matrix: AnswerMatrix, j: int, code: str, options: tuple[str, ...]
                   ) -> list[ShownValue]:
    """`display_value` of every assessment for indicator column j (the same values, computed per column)."""
    if kind == AnswerType.RATIO:
        a, b = matrix.numerator[j], matrix.denominator[j]
        shown = ((b == b) & (a == a) & (b > 0)).tolist()
        with np.errstate(divide="ignore", invalid="ignore"):
            share = (a / b * 100).tolist()
        return [v if ok else None for v, ok in zip(share, shown, strict=True)]
    if kind == AnswerType.MULTI_CHOICE:
        return [None if mask < 0 else tuple(o for bit, o in enumerate(options) if mask >> bit & 1)
                for mask in matrix.choices[j].tolist()]
    if kind in (AnswerType.CHOICE, AnswerType.TEXT, AnswerType.DATE):
        return list(matrix.text[code].tolist())
    if kind == AnswerType.BOOLEAN:
        return [None if v != v else v == 1.0 for v in matrix.number[j].tolist()]
    return [None if v != v else v for v in matrix.number[j].tolist()]




def display_value(kind: AnswerType, columns: BatchColumns, i: int, j: int, code: str,
                  options: tuple[str, ...]) -> float | str | tuple[str, ...] | bool | None:
    if kind == AnswerType.RATIO:
        a, b = columns.numerator[i][j], columns.denominator[i][j]
        return a / b * 100 if b == b and a == a and b > 0 else None  # x == x is False only for NaN
    if kind == AnswerType.MULTI_CHOICE:
        mask = columns.choices[i][j]
        return None if mask < 0 else tuple(o for bit, o in enumerate(options) if mask >> bit & 1)
    if kind in (AnswerType.CHOICE, AnswerType.TEXT, AnswerType.DATE):
        text: str | None = columns.text[code][i]
        return text
    value: float = columns.number[i][j]
    if value != value:
        return None
    return value == 1.0 if kind == AnswerType.BOOLEAN else value


ProgressLookup = Callable[[int, int], tuple[TargetStatus | None, int | None, bool]]  # (column j, row i)


def make_scorecard(batch: ScoredBatch, columns: BatchColumns, i: int, year: int, rank: int, peers: int,
               targets: TargetSet, history: dict[tuple[str, str], list[tuple[int, float]]]) -> Scorecard:
    """One unit's scorecard, its target progress judged from `history` (the live entry score: one unit)."""
    code = batch.units[i].code

    def progress(j: int, _row: int) -> tuple[TargetStatus | None, int | None, bool]:
        indicator = batch.methodology.indicators[j]
        target = targets.get(indicator.target_id) if indicator.target_id else None
        if target is None:
            return None, None, False
        status, projection = progress_of(target, history.get((code, target.id), []), year)
        return status, projection.year, projection.enough_data

    return build_scorecard(batch, columns, i, year, rank, peers, progress)


def build_scorecard(batch: ScoredBatch, columns: BatchColumns, i: int, year: int, rank: int, peers: int,
                    progress: ProgressLookup) -> Scorecard:
    m, s, unit = batch.methodology, batch.scores, batch.units[i]
    indicators = []
    points, max_points, numerators, denominators = (columns.points[i], columns.max_points[i],
                                                    columns.numerator[i], columns.denominator[i])
    applicable, answered, relevant = columns.applicable[i], columns.answered[i], columns.relevant[i]
    values = columns.display_values()[i]
    for j, ind in enumerate(m.indicators):
        status, projected, known = progress(j, i) if ind.target_id else (None, None, False)
        a, b = numerators[j], denominators[j]
        # positional: IndicatorScore's field order (code, pillar, points, max_points, applicable, answered,
        # relevant, value, target_id, target_status, numerator, denominator, projected_year, projection_known)
        indicators.append(IndicatorScore(
            ind.code, ind.pillar, points[j], max_points[j], applicable[j], answered[j], relevant[j],
            values[j], ind.target_id, status, None if a != a else a,
            None if b != b else b, projected, known))
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
