"""Progress towards a target: status in a cycle (met, on track, behind, baseline, no data) and the projected year.

A unit's first value before the first milestone is its "baseline": the path starts there, so it cannot be
judged against it (every such value would read "on track").

"On track" means at or above the straight line from the unit's first assessed value to the next milestone
(the 2025 target), then from milestone to milestone (2025 → 2030); a unit first assessed in or after a
milestone's year starts from that milestone. In a milestone's own year the line reaches the milestone itself,
so only meeting it counts. For targets whose direction is `max` (ranks), "above" means "at or below".
docs/methodology-format.md ("Edges") states every case.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

import numpy as np

from assessment.domain.model import Target, TargetStatus


def _clean(history: Sequence[tuple[int, float | None]], up_to: int | None = None) -> list[tuple[int, float]]:
    points = {year: float(v) for year, v in history
              if v is not None and math.isfinite(v) and (up_to is None or year <= up_to)}
    return sorted(points.items())


def expected_value(target: Target, first: tuple[int, float], year: int) -> float | None:
    """The value on the path in `year`. A unit first assessed before the first milestone starts its path at its
    own first value; one first assessed in or after a milestone's year starts at that milestone (a target
    already due is not lowered by a late start). From the last milestone on, the last milestone itself."""
    if not target.values:
        return None
    if year >= target.values[-1][0]:
        return target.values[-1][1]
    due = [m for m in target.values if m[0] <= first[0]]
    path = [due[-1] if due else first, *(m for m in target.values if m[0] > first[0])]
    for (y0, v0), (y1, v1) in pairwise(path):
        if y0 <= year <= y1:
            return v0 + (v1 - v0) * (year - y0) / (y1 - y0)
    return path[0][1]


def target_status(target: Target, history: Sequence[tuple[int, float | None]], year: int) -> TargetStatus:
    """Status of a unit's indicator in cycle `year`, from its values in that and earlier cycles."""
    points = _clean(history, up_to=year)
    if not points or points[-1][0] != year:
        return TargetStatus.NO_DATA
    milestone = target.milestone_for(year)
    if milestone is None:
        return TargetStatus.NO_DATA
    current = points[-1][1]
    if target.reached(current, milestone[1]):
        return TargetStatus.MET
    if len(points) == 1 and year < target.values[0][0]:
        # The path would start at this very value, so "on track" would be true by construction: the first
        # cycle before any milestone is the unit's baseline (a documented baseline year would change that).
        return TargetStatus.BASELINE
    expected = expected_value(target, points[0], year)
    if expected is not None and target.reached(current, expected):
        return TargetStatus.ON_TRACK
    return TargetStatus.BEHIND


@dataclass(frozen=True)
class Projection:
    """When the unit reaches the final target at its current pace. `year` None with `enough_data` means
    "not at this pace"."""

    target_year: int | None
    target_value: float | None
    year: int | None
    enough_data: bool

    @property
    def reachable(self) -> bool:
        return self.year is not None


def projected_year(target: Target, history: Sequence[tuple[int, float | None]],
                   year: int | None = None) -> Projection:
    """The projection describes the latest position: the value of cycle `year` (default: the latest cycle with
    a value); without a value there, no projection. Needs two or more cycles. If the latest value reaches the
    final target, the year is the first cycle of the unbroken run of cycles that reached it (a target reached
    once and lost since is not "reached"). Otherwise the pace is the least-squares slope over all the unit's
    values, applied from the latest value; "not at this pace" when the slope does not improve."""
    final = target.values[-1] if target.values else None
    points = _clean(history, up_to=year)
    latest_known = bool(points) and (year is None or points[-1][0] == year)
    if final is None or len(points) < 2 or not latest_known:
        return Projection(final[0] if final else None, final[1] if final else None, None, False)
    goal = final[1]
    last_year, last_value = points[-1]
    if target.reached(last_value, goal):
        since = last_year
        for earlier, value in reversed(points):
            if not target.reached(value, goal):
                break
            since = earlier
        return Projection(final[0], goal, since, True)
    slope = _slope(points)
    improving = slope < 0 if target.direction == "max" else slope > 0
    if not improving:
        return Projection(final[0], goal, None, True)
    return Projection(final[0], goal, last_year + math.ceil((goal - last_value) / slope - 1e-9), True)


def _slope(points: Sequence[tuple[int, float]]) -> float:
    """Least-squares slope of value over year (closed form: np.polyfit costs ~50 µs a call, and a national
    scoring run makes tens of thousands of them)."""
    n = len(points)
    mean_year = sum(y for y, _ in points) / n
    mean_value = sum(v for _, v in points) / n
    spread = sum((y - mean_year) ** 2 for y, _ in points)
    return sum((y - mean_year) * (v - mean_value) for y, v in points) / spread if spread else 0.0


def progress_of(target: Target, history: Sequence[tuple[int, float | None]], year: int
                ) -> tuple[TargetStatus, Projection]:
    """Status in `year` and the projection from the cycles up to it, cleaning the history once."""
    points = _clean(history, up_to=year)
    return target_status(target, points, year), projected_year(target, points, year)


@dataclass(frozen=True)
class ProgressColumns:
    """Status and projection of many units on one target at once (row i = unit i): what `progress_of` gives one
    unit, for a whole peer group in a few numpy operations."""

    status: tuple[TargetStatus, ...]
    projected_year: tuple[int | None, ...]
    projection_known: tuple[bool, ...]


def progress_columns(target: Target, years: Sequence[int], values: np.ndarray, year: int) -> ProgressColumns:
    """`progress_of` for every row of `values` (units × cycles `years`, ascending; NaN where a unit has no value),
    judged in `year`. Exactly the same figures: the same float operations in the same order."""
    keep = [c for c, y in enumerate(years) if y <= year]
    years = [years[c] for c in keep]
    values = np.asarray(values, dtype=np.float64)[:, keep]
    n = values.shape[0]
    has = np.isfinite(values)
    current_col = years.index(year) if year in years else None
    status = np.full(n, STATUS_CODES.index(TargetStatus.NO_DATA), dtype=np.int8)
    projected: list[int | None] = [None] * n
    known = np.zeros(n, dtype=bool)
    if current_col is None or current_col != len(years) - 1 or not target.values:
        return _columns(status, projected, known)
    present = has[:, current_col]
    current = np.where(present, values[:, current_col], np.nan)
    count = has.sum(axis=1)
    _fill_status(target, years, values, has, present, current, count, year, status)
    _fill_projection(target, years, values, has, present, current, count, year, projected, known)
    return _columns(status, projected, known)


STATUS_CODES = tuple(TargetStatus)


def _columns(status: np.ndarray, projected: list[int | None], known: np.ndarray) -> ProgressColumns:
    return ProgressColumns(tuple(STATUS_CODES[c] for c in status.tolist()), tuple(projected), tuple(known.tolist()))


def _reached(target: Target, values: np.ndarray, goal: float | np.ndarray) -> np.ndarray:
    with np.errstate(invalid="ignore"):
        return np.asarray(values <= goal if target.direction == "max" else values >= goal)


def _fill_status(target: Target, years: Sequence[int], values: np.ndarray, has: np.ndarray, present: np.ndarray,
                 current: np.ndarray, count: np.ndarray, year: int, status: np.ndarray) -> None:
    milestone = target.milestone_for(year)
    assert milestone is not None  # target.values is not empty
    met = present & _reached(target, current, milestone[1])
    baseline = present & ~met & (count == 1) & (year < target.values[0][0])
    first_col = np.argmax(has, axis=1)
    expected = np.full(len(current), np.nan)
    judged = present & ~met & ~baseline
    for col in sorted(set(first_col[judged].tolist())):  # np.unique would import numpy.ma (~8 ms a process)
        rows = judged & (first_col == col)
        expected[rows] = _expected_values(target, years[col], values[rows, col], year)
    on_track = judged & _reached(target, current, expected)
    status[met] = STATUS_CODES.index(TargetStatus.MET)
    status[baseline] = STATUS_CODES.index(TargetStatus.BASELINE)
    status[on_track] = STATUS_CODES.index(TargetStatus.ON_TRACK)
    status[judged & ~on_track] = STATUS_CODES.index(TargetStatus.BEHIND)


def _expected_values(target: Target, first_year: int, first: np.ndarray, year: int) -> np.ndarray | float:
    """`expected_value` for units sharing their first cycle (the same steps, element-wise)."""
    if year >= target.values[-1][0]:
        return target.values[-1][1]
    due = [m for m in target.values if m[0] <= first_year]
    start: tuple[int, float | np.ndarray] = due[-1] if due else (first_year, first)
    path = [start, *(m for m in target.values if m[0] > first_year)]
    for (y0, v0), (y1, v1) in pairwise(path):
        if y0 <= year <= y1:
            return v0 + (v1 - v0) * (year - y0) / (y1 - y0)
    return path[0][1]


def _fill_projection(target: Target, years: Sequence[int], values: np.ndarray, has: np.ndarray,
                     present: np.ndarray, current: np.ndarray, count: np.ndarray, year: int,
                     projected: list[int | None], known: np.ndarray) -> None:
    goal = target.values[-1][1]
    enough = present & (count >= 2)
    known[enough] = True
    done = enough & _reached(target, current, goal)
    since = np.full(len(current), year)
    running = done.copy()
    for col in range(len(years) - 1, -1, -1):
        step = running & has[:, col]
        running = running & (~has[:, col] | _reached(target, values[:, col], goal))
        since = np.where(step & running, years[col], since)
    slope = _slopes(years, values, has, count)
    improving = enough & ~done & ((slope < 0) if target.direction == "max" else (slope > 0))
    with np.errstate(divide="ignore", invalid="ignore"):
        steps = (goal - current) / slope - 1e-9
    for row in np.flatnonzero(done).tolist():
        projected[row] = int(since[row])
    for row in np.flatnonzero(improving).tolist():
        projected[row] = year + math.ceil(float(steps[row]))


def _slopes(years: Sequence[int], values: np.ndarray, has: np.ndarray, count: np.ndarray) -> np.ndarray:
    """`_slope` per row over the cycles it has values in, summed column by column in year order as `_slope` sums."""
    n = np.maximum(count, 1)
    year_sum = np.zeros(len(count), dtype=np.int64)
    value_sum = np.zeros(len(count))
    for col, y in enumerate(years):
        year_sum = year_sum + np.where(has[:, col], y, 0)
        value_sum = value_sum + np.where(has[:, col], values[:, col], 0.0)
    mean_year, mean_value = year_sum / n, value_sum / n
    spread = np.zeros(len(count))
    covariance = np.zeros(len(count))
    for col, y in enumerate(years):
        offset = y - mean_year
        spread = spread + np.where(has[:, col], offset ** 2, 0.0)
        covariance = covariance + np.where(has[:, col], offset * (values[:, col] - mean_value), 0.0)
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(spread != 0, covariance / spread, 0.0)
