"""A cycle's results, computed once: every unit's points, index, band, rank within its peer group, and target
status and projection, held as arrays per methodology batch and kept until the database changes.

`ScoresArea` builds one `CycleResult` per (cycle, target set) and caches it under the database's change counter
(`dx_changes`, moved by every write transaction from any process): the live entry score, the dashboard, trends,
PDFs, Excel and the CLI all read the same result, and a write anywhere makes the next read rebuild it. Target
progress is judged for all units of a batch at once (`progress.progress_columns`); scorecards are materialised
only for the units asked for, and remembered.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np

from assessment.domain.model import (
    Indicator,
    LineageLink,
    Methodology,
    Scorecard,
    TargetSet,
    TargetStatus,
    Unit,
    UnitKind,
)
from assessment.domain.progress import ProgressColumns, progress_columns
from assessment.domain.ranking import ranks_by_group
from assessment.services.gc_pause import gc_paused

if TYPE_CHECKING:
    from assessment.services.scorecards import ScoredBatch
    from assessment.services.target_history import Measures, TargetHistory

@dataclass(frozen=True)
class BatchProgress:
    """Target progress of one batch: indicator column j -> status and projection of every unit (row)."""

    columns: Mapping[int, ProgressColumns]

    def of(self, j: int, i: int) -> tuple[TargetStatus | None, int | None, bool]:
        found = self.columns.get(j)
        if found is None:
            return None, None, False
        return found.status[i], found.projected_year[i], found.projection_known[i]


@dataclass(frozen=True)
class CycleResult:
    """Every assessment of a cycle scored, ranked and judged against the targets (rows: batches in order)."""

    year: int
    targets: TargetSet
    batches: tuple[ScoredBatch, ...]
    ranks: np.ndarray  # (all rows,) rank within the unit kind, 0 = unranked
    peers: np.ndarray  # (all rows,) ranked units of the same kind
    progress: tuple[BatchProgress, ...]
    warnings: tuple[str, ...]
    _cards: dict[tuple[int, int], Scorecard] = field(default_factory=dict, compare=False, repr=False)

    def scorecards(self, kind: UnitKind | None = None, unit_code: str | None = None) -> list[Scorecard]:
        """Scorecards of the units asked for (ranks are always over the whole peer group), built once each."""
        from assessment.services.scorecards import BatchColumns, build_scorecard

        cards: list[Scorecard] = []
        offset = 0
        for b, batch in enumerate(self.batches):
            rows = [i for i, u in enumerate(batch.units)
                    if (kind is None or u.kind == kind) and (unit_code is None or u.code == unit_code)]
            missing = [i for i in rows if (b, i) not in self._cards]
            if missing:
                columns = BatchColumns(batch)
                with gc_paused():
                    for i in missing:
                        self._cards[(b, i)] = build_scorecard(
                            batch, columns, i, self.year, int(self.ranks[offset + i]), int(self.peers[offset + i]),
                            self.progress[b].of)
            cards += [self._cards[(b, i)] for i in rows]
            offset += len(batch.units)
        return cards


    def headlines(self, kind: UnitKind | None = None, unit_code: str | None = None) -> list[Scorecard]:
        """Scorecards without their pillars and indicators (`score`'s ranking table: rank, index, band, points,
        status); an appraised unit's card is the full one, whose appraised figures need its indicators."""
        from assessment.domain.model import AssessmentStatus
        from assessment.domain.ranking import band_for

        cards: list[Scorecard] = []
        offset = 0
        for batch in self.batches:
            m, s = batch.methodology, batch.scores
            index, total, top = s.index.tolist(), s.total.tolist(), s.total_max.tolist()
            for i, unit in enumerate(batch.units):
                if (kind is not None and unit.kind != kind) or (unit_code is not None and unit.code != unit_code):
                    continue
                status = batch.assessments[i].status
                if (batch.appraisals and batch.appraisals[i]) or status in (AssessmentStatus.APPRAISED,
                                                                            AssessmentStatus.LOCKED):
                    cards += self.scorecards(unit.kind, unit.code)
                    continue
                value = None if index[i] != index[i] else index[i]
                rank = int(self.ranks[offset + i])
                cards.append(Scorecard(unit.code, unit.name, unit.kind, self.year, m.id, m.version, total[i], top[i],
                                       value, band_for(value, m.bands), rank or None, int(self.peers[offset + i]),
                                       (), (), status))
            offset += len(batch.units)
        return cards


def build_result(year: int, targets: TargetSet, batches: Sequence[ScoredBatch], history: TargetHistory
                 ) -> CycleResult:
    """Rank every row within its unit kind and judge every target-linked indicator, all units at once."""
    indices = np.concatenate([b.scores.index for b in batches]) if batches else np.array([])
    kinds = np.array([u.kind.value for b in batches for u in b.units], dtype=object)
    ranks, peers = ranks_by_group(indices, kinds)
    progress = tuple(_batch_progress(batch, year, targets, history) for batch in batches)
    warnings = tuple(dict.fromkeys(w for b in batches for w in b.scores.warnings))
    return CycleResult(year, targets, tuple(batches), ranks, peers, progress, warnings)


def _batch_progress(batch: ScoredBatch, year: int, targets: TargetSet, history: TargetHistory) -> BatchProgress:
    codes = [u.code for u in batch.units]
    columns: dict[int, ProgressColumns] = {}
    for j, indicator in enumerate(batch.methodology.indicators):
        target = targets.get(indicator.target_id) if indicator.target_id else None
        if target is None:
            continue
        years, values = history.matrix(codes, target.id)
        columns[j] = progress_columns(target, years, values, year)
    return BatchProgress(columns)


def history_codes(methodology: Methodology) -> set[str]:
    """The indicators target history reads: the target-linked ones and, transitively, every indicator their
    applicability and relevance conditions read (what decides whether a value counts)."""
    specs: dict[str, Indicator] = {i.code: i for i in methodology.indicators}
    wanted: set[str] = {i.code for i in methodology.indicators if i.target_id}
    pending = list(wanted)
    while pending:
        indicator = specs[pending.pop()]
        for condition in (indicator.applies_if, indicator.relevant_if):
            for code in (condition.references if condition is not None else ()):
                if code in specs and code not in wanted:
                    wanted.add(code)
                    pending.append(code)
    return wanted


@dataclass
class ResultCache:
    """What was computed from the database as it stood at change number `change`. A newer change gets a new
    cache object rather than clearing this one, so a computation that started before the change (on another
    thread) can only fill the old object, never label stale results with the new number."""

    change: int
    results: dict[tuple[int, TargetSet], CycleResult] = field(default_factory=dict)
    batches: dict[tuple[int, TargetSet], list[ScoredBatch]] = field(default_factory=dict)
    history: dict[tuple[int, TargetSet], list[Measures]] = field(default_factory=dict)  # earlier cycles' measures
    units: dict[str, Unit] | None = None
    targets: TargetSet | None = None  # the database's active target set
    lineage: list[LineageLink] | None = None
    demo: bool | None = None
    methodologies: dict[tuple[str, str], Methodology] = field(default_factory=dict)
