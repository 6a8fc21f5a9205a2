"""Scoring a whole cycle: load every answer once, score each methodology's batch, rank within peer groups,
and judge target-linked indicators against their history across cycles."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from assessment.domain.answer_matrix import build_matrix
from assessment.domain.model import (
    Assessment,
    LineageLink,
    Methodology,
    Scorecard,
    TargetSet,
    Unit,
    UnitKind,
)
from assessment.domain.rules import measured_values
from assessment.domain.scoring import ScoringContext, UnitColumns, score_batch
from assessment.services.cycle_results import CycleResult, ResultCache, build_result, history_codes
from assessment.services.gc_pause import gc_paused
from assessment.services.result_codec import keep, read_kept
from assessment.services.scorecards import (
    ScoredBatch,
)
from assessment.services.target_history import Measures, TargetHistory, batch_measures

if TYPE_CHECKING:
    from assessment.service import AssessmentService


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

    def _history_measures(self, year: int, targets: TargetSet) -> list[Measures]:
        """An earlier cycle as target history reads it: from its full batches if already scored, else from only
        the answers history needs (a quarter of a cycle for the commune methodology); only the measures are kept
        (a national cycle's batches are ~20 MB)."""
        cache = self._cached()
        found = cache.history.get((year, targets)) if cache is not None else None
        if found is None:
            scored = cache.batches.get((year, targets)) if cache is not None else None
            batches = scored or self._score_batches(year, targets, history_only=True)
            found = [m for batch in batches for m in batch_measures(batch, year)]
            if cache is not None:
                cache.history[(year, targets)] = found
        return found

    def result(self, year: int, targets: TargetSet | None = None) -> CycleResult:
        """The cycle scored, ranked and judged against the targets: one result per change of the database."""
        targets = targets or self._active_targets()
        cache = self._cached()
        found = cache.results.get((year, targets)) if cache is not None else None
        if found is None and cache is not None:  # computed already, by this or another process?
            found = read_kept(self.s.store, year, targets, cache.change, self.methodology)
            if found is not None:
                cache.results[(year, targets)] = found
                cache.batches.setdefault((year, targets), list(found.batches))
        if found is None:
            with gc_paused():  # ~150k answers a cycle become short-lived objects: no collection walks them
                batches = self.batches(year, targets)
                found = build_result(year, targets, batches, self._target_history(year, targets, batches))
            if cache is not None:
                cache.results[(year, targets)] = found
                keep(self.s.store, found, cache.change)
        return found

    def for_cycle(self, *, year: int, kind: UnitKind | None = None, unit_code: str | None = None,
                  detail: bool = True) -> CycleScores:
        """Scorecards of a cycle (ranks always over the full peer group, then filtered). `detail=False`: without
        pillars and indicators (CycleResult.headlines), for a ranking table."""
        result = self.result(year)
        found = result.scorecards(kind, unit_code) if detail else result.headlines(kind, unit_code)
        cards = sorted(found, key=lambda c: (c.kind.value, c.rank or 10**9, c.unit_code))
        return CycleScores(year, self._demo(), tuple(cards), result.warnings, result.targets.name)

    def unit_json(self, scores: CycleScores) -> Iterator[str]:
        """`score --json`'s unit objects (JSON text) for cards of `for_cycle(detail=False)` (ranked as given),
        written from the cycle's arrays rather than from full scorecards (assessment.services.cycle_views)."""
        from assessment.services.cycle_views import unit_json

        return unit_json(self.result(scores.cycle), scores.scorecards)

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

    def _target_history(self, year: int, targets: TargetSet, current: list[ScoredBatch]) -> TargetHistory:
        """What every unit measured on each target in every cycle up to `year`. Linking through the target id
        lets a trend run across a methodology change."""
        # carried back only once the merger has happened: a cycle whose predecessors still exist judges the
        # bodies as they were (VP_UBND's own 2024 card is the old Office's, not the merged one's)
        from assessment.domain.cycles import cycle_day
        from assessment.domain.lineage import merged_predecessors

        day = cycle_day(year)
        active = {u.code for u in self._units().values() if u.active_on(day)}
        merged = {code: before for code, before in merged_predecessors(self.lineage()).items()
                  if not active.intersection(before)}
        measures: list[Measures] = []
        for cycle in [c for c in self.s.cycles() if c <= year]:
            if cycle == year:
                measures += [m for batch in current for m in batch_measures(batch, cycle)]
            else:
                measures += self._history_measures(cycle, targets)
        return TargetHistory.of(measures, merged)
