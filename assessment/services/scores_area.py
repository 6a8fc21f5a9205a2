"""Scoring a whole cycle: load every answer once, score each methodology's batch, rank within peer groups,
and judge target-linked indicators against their history across cycles."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

import numpy as np

from assessment.domain.answer_matrix import AnswerMatrix, build_matrix
from assessment.domain.model import (
    AnswerType,
    Assessment,
    AssessmentStatus,
    IndicatorScore,
    LineageLink,
    Methodology,
    PillarScore,
    Scorecard,
    TargetSet,
    TargetStatus,
    Unit,
    UnitKind,
)
from assessment.domain.progress import progress_of
from assessment.domain.ranking import band_for
from assessment.domain.scoring import BatchScores, ScoringContext, UnitColumns, measured_values, score_batch
from assessment.services.cycle_results import CycleResult, ResultCache, build_result, history_codes
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
class IndicatorTrendPoint:
    """An indicator of one unit in one cycle (scores.indicator_trend)."""

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
        self._cache: ResultCache | None = None

    def _cached(self) -> ResultCache | None:
        """The cache for the database as it stands now (a new, empty one once anything was written since the
        last read); None inside a write transaction, whose own writes may still follow."""
        change = self.s.store.committed_change()
        if change is None:
            return None
        cache = self._cache
        if cache is None or cache.change != change:
            cache = self._cache = ResultCache(change)
        return cache

    def batches(self, year: int, targets: TargetSet | None = None) -> list[ScoredBatch]:
        """Score every assessment of the cycle, one batch per methodology version (computed once per change of
        the database)."""
        targets = targets or self._active_targets()
        cache = self._cached()
        if cache is None:
            return self._score_batches(year, targets)
        found = cache.batches.get((year, targets))
        if found is None:
            found = cache.batches[(year, targets)] = self._score_batches(year, targets)
        return list(found)

    def _score_batches(self, year: int, targets: TargetSet, *, history_only: bool = False) -> list[ScoredBatch]:
        """The cycle's batches; `history_only`: only the answers target history reads (target-linked indicators
        and what their conditions read), so every other indicator's points in them mean nothing."""
        assessments = self.s.store.assessments(year)
        if not assessments:
            return []
        units = self._units()
        groups: dict[tuple[str, str], list[Assessment]] = defaultdict(list)
        for a in assessments:
            groups[(a.methodology_id, a.methodology_version)].append(a)
        methodologies = {key: self.methodology(*key) for key in groups}
        codes = {c for m in methodologies.values() for c in history_codes(m)} if history_only else None
        stored = self.s.store.answers.load_cycle(year, codes)
        batches = []
        for key, members in sorted(groups.items()):
            methodology = methodologies[key]
            batch_units = [units[a.unit_code] for a in members]
            matrix = build_matrix(methodology, len(members), stored.take([a.id for a in members]))
            scores = score_batch(methodology, UnitColumns.of(batch_units), matrix, ScoringContext(year, targets))
            batches.append(ScoredBatch(methodology, members, batch_units, matrix, scores))
        if history_only:
            return batches
        appraised = self.s.store.review.appraisals([a.id for a in assessments])
        for batch in batches:
            batch.appraisals = [appraised.get(a.id, {}) for a in batch.assessments]
        return batches

    def methodology(self, ident: str, version: str) -> Methodology:
        """The stored methodology an assessment was made with (service.methodologies.stored), read once per
        change."""
        cache = self._cached()
        if cache is None:
            return self.s.methodologies.stored(ident, version)
        found = cache.methodologies.get((ident, version))
        if found is None:
            found = cache.methodologies[(ident, version)] = self.s.methodologies.stored(ident, version)
        return found

    def lineage(self) -> list[LineageLink]:
        """The units' lineage (merged departments, communes' predecessors), read once per change."""
        cache = self._cached()
        if cache is None:
            return list(self.s.store.lineage())
        if cache.lineage is None:
            cache.lineage = list(self.s.store.lineage())
        return cache.lineage

    def _demo(self) -> bool:
        cache = self._cached()
        if cache is None:
            return self.s.is_demo
        if cache.demo is None:
            cache.demo = self.s.is_demo
        return cache.demo

    def active_targets(self) -> TargetSet:
        """The database's active target set (service.targets.active), read once per change."""
        return self._active_targets()

    def _active_targets(self) -> TargetSet:
        cache = self._cached()
        if cache is None:
            return self.s.targets.active()
        if cache.targets is None:
            cache.targets = self.s.targets.active()
        return cache.targets

    def _units(self) -> dict[str, Unit]:
        cache = self._cached()
        if cache is None:
            return {u.code: u for u in self.s.store.units()}
        if cache.units is None:
            cache.units = {u.code: u for u in self.s.store.units()}
        return cache.units

    def _history_batches(self, year: int, targets: TargetSet) -> list[ScoredBatch]:
        """An earlier cycle as target history reads it: its full batches if already scored, else only the
        answers history needs (a quarter of a cycle for the commune methodology)."""
        cache = self._cached()
        if cache is None:
            return self._score_batches(year, targets, history_only=True)
        found = cache.batches.get((year, targets)) or cache.history.get((year, targets))
        if found is None:
            found = cache.history[(year, targets)] = self._score_batches(year, targets, history_only=True)
        return found

    def result(self, year: int, targets: TargetSet | None = None) -> CycleResult:
        """The cycle scored, ranked and judged against the targets: one result per change of the database."""
        targets = targets or self._active_targets()
        cache = self._cached()
        found = cache.results.get((year, targets)) if cache is not None else None
        if found is None:
            batches = self.batches(year, targets)
            found = build_result(year, targets, batches, self._target_history(year, targets, batches))
            if cache is not None:
                cache.results[(year, targets)] = found
        return found

    def for_cycle(self, *, year: int, kind: UnitKind | None = None, unit_code: str | None = None,
                  detail: bool = True) -> CycleScores:
        """Scorecards of a cycle (ranks always over the full peer group, then filtered). `detail=False`: without
        pillars and indicators (CycleResult.headlines), for a ranking table."""
        result = self.result(year)
        found = result.scorecards(kind, unit_code) if detail else result.headlines(kind, unit_code)
        cards = sorted(found, key=lambda c: (c.kind.value, c.rank or 10**9, c.unit_code))
        return CycleScores(year, self._demo(), tuple(cards), result.warnings, result.targets.name)

    def indicator_trend(self, *, unit_code: str, code: str) -> list[IndicatorTrendPoint]:
        """The unit's value and points for an indicator in every cycle, following crosswalks back from the
        newest methodology's code (2024 codes that measure the same thing count as the same indicator)."""
        points: list[IndicatorTrendPoint] = []
        newest: str | None = None
        for year in reversed(self.s.cycles()):
            for batch in self.batches(year):
                if unit_code not in [u.code for u in batch.units]:
                    continue
                newest = newest or batch.methodology.id
                local = self._local_code(code, batch.methodology, newest)
                if local is None:
                    continue
                i, j = [str(u.code) for u in batch.units].index(unit_code), batch.matrix.codes.index(local)
                value = measured_values(batch.methodology.indicator(local), batch.matrix, j)[i]
                points.append(IndicatorTrendPoint(year, batch.methodology.key, local,
                                                  None if np.isnan(value) else float(value),
                                                  float(batch.scores.points[j, i]),
                                                  float(batch.scores.max_points[j, i])))
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
        from assessment.service import cycle_day

        day = cycle_day(year)
        active = {u.code for u in self._units().values() if u.active_on(day)}
        merged = {code: before for code, before in merged_predecessors(self.lineage()).items()
                  if not active.intersection(before)}
        if units is not None:  # a merged department's history runs through its predecessors
            merged = {code: before for code, before in merged.items() if code in units}
            units = units | {p for before in merged.values() for p in before}
        history: dict[tuple[str, str], list[tuple[int, float]]] = defaultdict(list)
        for cycle in [c for c in self.s.cycles() if c <= year]:
            batches = current if cycle == year else self._history_batches(cycle, targets)
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


ShownValue = float | str | bool | tuple[str, ...] | None  # IndicatorScore.value


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


_Columns = BatchColumns  # the name entry_area imports


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


def _scorecard(batch: ScoredBatch, columns: BatchColumns, i: int, year: int, rank: int, peers: int,
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
