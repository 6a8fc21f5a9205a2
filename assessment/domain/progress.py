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
