"""Progress towards a target: status in a cycle (met, on track, behind, no data) and the projected year.

"On track" means at or above the straight line from the unit's first assessed value to the next milestone
(the 2025 target), then from milestone to milestone (2025 → 2030). In a milestone's own year the line
reaches the milestone itself, so only meeting it counts. For targets whose direction is `max` (ranks),
"above" means "at or below".
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from assessment.model import Target, TargetStatus


def _clean(history: Sequence[tuple[int, float | None]], up_to: int | None = None) -> list[tuple[int, float]]:
    points = {year: float(v) for year, v in history
              if v is not None and math.isfinite(v) and (up_to is None or year <= up_to)}
    return sorted(points.items())


def expected_value(target: Target, first: tuple[int, float], year: int) -> float | None:
    """The value on the path from the first assessed value through the target's milestones; from the last
    milestone on, the last milestone itself."""
    if not target.values:
        return None
    if year >= target.values[-1][0]:
        return target.values[-1][1]
    path = [first]
    for milestone_year, value in target.values:
        if milestone_year == first[0]:
            path[0] = (milestone_year, value)
        elif milestone_year > first[0]:
            path.append((milestone_year, value))
    if year >= path[-1][0]:
        return path[-1][1]
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


def projected_year(target: Target, history: Sequence[tuple[int, float | None]]) -> Projection:
    """Needs two or more cycles. Pace = least-squares slope over the unit's values; the projection starts from
    the latest value. Already reached: the first cycle that reached it."""
    final = target.values[-1] if target.values else None
    points = _clean(history)
    if final is None or len(points) < 2:
        return Projection(final[0] if final else None, final[1] if final else None, None, False)
    goal = final[1]
    for year, value in points:
        if target.reached(value, goal):
            return Projection(final[0], goal, year, True)
    slope = _slope(points)
    improving = slope < 0 if target.direction == "max" else slope > 0
    if not improving:
        return Projection(final[0], goal, None, True)
    last_year, last_value = points[-1]
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
    return target_status(target, points, year), projected_year(target, points)
