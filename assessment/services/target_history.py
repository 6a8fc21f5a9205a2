"""Target history as arrays: what every unit measured on each target in every cycle up to the one judged.

A cycle contributes one `Measures` per (batch, target-linked indicator): the batch's unit codes and the measured
value of each (NaN where it does not count: not applicable, not relevant, unanswered). A national cycle is 12
such columns of 3,321 floats, where (unit, target) -> [(cycle, value)] lists of tuples took ~15 MB and most of
the time of target progress (issue 14). `TargetHistory.matrix` gives what `progress.progress_columns` judges:
one batch's units × cycles, exactly as the lists would (non-finite values left out; a cycle listed twice for a
unit keeps its last value; a merged department's series carried back through its predecessors).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np

from assessment.domain.lineage import carry_back_history
from assessment.domain.rules import measured_values

if TYPE_CHECKING:
    from assessment.services.scorecards import ScoredBatch

Series = list[tuple[int, float]]  # [(cycle, value)], in the order the cycles were read


@dataclass(frozen=True)
class Measures:
    """One target-linked indicator of one batch in one cycle."""

    cycle: int
    target_id: str
    units: tuple[str, ...]  # unit codes, shared by every indicator of the batch
    values: np.ndarray  # (units,) float: NaN where the value does not count (inf counts: carried back as is)


def batch_measures(batch: ScoredBatch, cycle: int) -> list[Measures]:
    """What target history reads from a scored batch (in indicator order, as the history lists were appended)."""
    counted = batch.scores.applicable & batch.scores.relevant & batch.scores.answered
    units = tuple(u.code for u in batch.units)
    found = []
    for j, indicator in enumerate(batch.methodology.indicators):
        if indicator.target_id is None:
            continue
        values = np.where(counted[j], measured_values(indicator, batch.matrix, j), np.nan)
        found.append(Measures(cycle, indicator.target_id, units, values))
    return found


@dataclass
class TargetHistory:
    """Every cycle's measures (cycles ascending) and the carried-back series of merged departments, which replace
    their own."""

    measures: list[Measures]
    carried: dict[tuple[str, str], Series] = field(default_factory=dict)
    _rows: dict[tuple[int, int], tuple[Sequence[str], tuple[str, ...], np.ndarray, np.ndarray]] = field(
        default_factory=dict, repr=False)

    @classmethod
    def of(cls, measures: Iterable[Measures], merged: Mapping[str, tuple[str, ...]]) -> TargetHistory:
        """`merged`: successor -> predecessors whose history it carries back (lineage.carry_back_history)."""
        history = cls(list(measures))
        involved = set(merged) | {p for before in merged.values() for p in before}
        if involved:
            lists: dict[tuple[str, str], Series] = {}
            places: dict[int, list[tuple[int, str]]] = {}  # per units tuple: where the involved units are
            for m in history.measures:
                found = places.get(id(m.units))
                if found is None:
                    found = places[id(m.units)] = [(k, c) for k, c in enumerate(m.units) if c in involved]
                for k, code in found:
                    value = float(m.values[k])
                    if value == value:  # NaN: not counted
                        lists.setdefault((code, m.target_id), []).append((m.cycle, value))
            carry_back_history(lists, merged)
            history.carried = {key: series for key, series in lists.items() if key[0] in merged}
        return history

    def matrix(self, codes: Sequence[str], target_id: str) -> tuple[list[int], np.ndarray]:
        """(cycles, units × cycles values) of one target for the units `codes`; NaN where a unit has no value,
        cycles in which none of them has one left out."""
        columns: dict[int, np.ndarray] = {}
        for m in self.measures:
            if m.target_id != target_id:
                continue
            rows, at = self._matching_rows(codes, m.units)
            values = m.values[at]
            keep = np.isfinite(values)  # a non-finite value is left out, never overwrites an earlier one
            column = columns.setdefault(m.cycle, np.full(len(codes), np.nan))
            column[rows[keep]] = values[keep]
        carried = {code: series for (code, target), series in self.carried.items() if target == target_id}
        for row in [r for r, code in enumerate(codes) if code in carried] if carried else ():
            for column in columns.values():
                column[row] = np.nan
            for cycle, value in carried[codes[row]]:
                if math.isfinite(value):
                    columns.setdefault(cycle, np.full(len(codes), np.nan))[row] = value
        years = sorted(cycle for cycle, column in columns.items() if np.isfinite(column).any())
        values = np.full((len(codes), len(years)), np.nan)
        for c, cycle in enumerate(years):
            values[:, c] = columns[cycle]
        return years, values

    def _matching_rows(self, codes: Sequence[str], units: tuple[str, ...]) -> tuple[np.ndarray, np.ndarray]:
        """Rows of `codes` found among `units`, and where (a unit is assessed once per cycle); worked out once
        per (codes, units) pair, which every target of a batch shares."""
        key = (id(codes), id(units))
        found = self._rows.get(key)
        if found is None:
            if len(codes) == len(units) and all(a == b for a, b in zip(codes, units, strict=True)):
                rows = at = np.arange(len(codes))  # the cycle judged: the same batch
            else:
                position = {code: k for k, code in enumerate(units)}
                at = np.fromiter((position.get(code, -1) for code in codes), dtype=np.int64, count=len(codes))
                rows = np.flatnonzero(at >= 0)
                at = at[rows]
            found = self._rows[key] = (codes, units, rows, at)  # holding codes and units keeps their ids unique
        return found[2], found[3]
