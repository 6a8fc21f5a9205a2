"""Resolution 18 progress at city level as data: each target's series, status and projection, the figures
derived from the units' answers and the units furthest behind (`services/city_area.py` puts it together)."""

from __future__ import annotations

from dataclasses import dataclass

from assessment.domain.model import DtiRank, Scorecard, Target, TargetStatus, Text, Unit
from assessment.domain.progress import Projection

CITY_LEVELS = ("resolution", "plan", "annual_plan")  # the chain the city answers for (national: beside it)
LAGGARDS = 5
LEADING_GROUP_RANK = 5  # QĐ 4098's "top 5": the number Resolution 18's "leading group" is read as


@dataclass(frozen=True)
class DerivedFigure:
    """A city figure computed from the units' answers, with the rule that computes it (shown to the user)."""

    label: Text
    value: float | None  # a percent; None when no unit answered
    numerator: float
    denominator: float
    rule: Text


@dataclass(frozen=True)
class Laggard:
    """A unit behind on an indicator that feeds a city target: its value against the indicator's own target."""

    unit_code: str
    unit_name: Text
    indicator_code: str
    value: float | None
    target_value: float | None
    attainment: float  # value ÷ target (≤ 1), or points ÷ maximum where there is no target value


@dataclass(frozen=True)
class TargetProgress:
    target: Target
    serves: tuple[Target, ...]  # the higher targets, nearest first
    indicator_code: str | None  # the city indicator that measures it (None: nothing measures it at city level)
    series: tuple[tuple[int, float | None], ...]  # the city's value in each cycle it was assessed
    status: TargetStatus
    projection: Projection
    fed_by: tuple[str, ...]  # unit indicators whose targets serve this one, as "methodology:code"
    derived: tuple[DerivedFigure, ...]
    laggards: tuple[Laggard, ...]

    @property
    def latest(self) -> float | None:
        return next((v for _, v in reversed(self.series) if v is not None), None)


@dataclass(frozen=True)
class CityProgress:
    year: int
    unit: Unit | None
    scorecard: Scorecard | None
    rows: tuple[TargetProgress, ...]
    dti_ranks: tuple[DtiRank, ...]
    leading_group_rank: int
    demo: bool
    headline: tuple[DerivedFigure, ...]  # figures about the units as a whole (e.g. departments at band ≥ 4)

    def count(self, status: TargetStatus) -> int:
        return sum(1 for row in self.rows if row.status == status)
