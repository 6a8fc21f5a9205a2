"""Comparisons for inspectors through the service (`service.compare`): one call gathers everything the
dashboard draws for a peer group, so the window computes nothing and never touches the database."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from assessment.comparison import (
    PART_WEIGHTS,
    DerivedDistrict,
    GapPlan,
    IndicatorSpread,
    PeerGroup,
    districts_from_communes,
    gap_plan,
    indicator_spread,
    peer_group,
    within_subgroup,
)
from assessment.model import Methodology, Scorecard, Target, TargetSet, UnitKind

if TYPE_CHECKING:
    from assessment.service import AssessmentService


@dataclass(frozen=True)
class Comparison:
    """A peer group in a cycle with everything the charts and the table show."""

    group: PeerGroup
    cards: tuple[Scorecard, ...]  # in the group's row order
    spreads: tuple[IndicatorSpread, ...]
    methodologies: dict[str, Methodology]
    targets: TargetSet
    demo: bool
    warnings: tuple[str, ...]

    def card(self, code: str) -> Scorecard:
        return self.cards[self.group.row(code)]


@dataclass(frozen=True)
class TrendPoint:
    cycle: int
    index: float | None
    methodology: str


@dataclass(frozen=True)
class TargetSeries:
    """A target-linked indicator of one unit across cycles, with its target and where it is heading."""

    indicator_code: str
    target: Target
    values: tuple[tuple[int, float], ...]  # (cycle, measured value)
    status: str | None  # in the latest cycle
    projected_year: int | None


@dataclass(frozen=True)
class UnitTrend:
    unit_code: str
    index: tuple[TrendPoint, ...]
    series: tuple[TargetSeries, ...]


@dataclass(frozen=True)
class DistrictView:
    """2024 district results beside 2025 communes carried back to the former districts (derived)."""

    assessed: PeerGroup | None  # the 2024 district peer group
    derived: tuple[DerivedDistrict, ...]
    weights: dict[str, float]


class CompareArea:
    def __init__(self, service: AssessmentService) -> None:
        self.s = service

    def kinds(self, year: int) -> list[UnitKind]:
        kind_of = {u.code: u.kind for u in self.s.units.list()}
        present = {kind_of.get(a.unit_code) for a in self.s.store.assessments(year)}
        return [k for k in (UnitKind.COMMUNE, UnitKind.DEPARTMENT, UnitKind.DISTRICT) if k in present]

    def peer_group(self, *, year: int, kind: UnitKind, subgroup: str | None = None) -> Comparison:
        """A kind of unit in a cycle; with `subgroup` (a key of SUBGROUPS[kind]) only its members, ranked
        among themselves."""
        scores = self.s.scores.for_cycle(year=year, kind=kind)
        methodologies = self._methodologies(scores.scorecards)
        cards = scores.scorecards
        if subgroup is not None:
            cards = within_subgroup(cards, kind, subgroup, {u.code: u for u in self.s.units.list(kind)})
        group = peer_group(cards, kind, methodologies)
        by_code = {c.unit_code: c for c in cards}
        cards = tuple(by_code[code] for code in group.codes)
        return Comparison(group, cards, tuple(indicator_spread(cards)), methodologies, self.s.targets.active(),
                          scores.demo, scores.warnings)

    def gap_plan(self, comparison: Comparison, code: str, goal_index: float | None = None) -> GapPlan:
        return gap_plan(comparison.card(code), comparison.group.bands, goal_index)

    def index_trend(self, unit_code: str) -> list[TrendPoint]:
        """The unit's index in every cycle it was assessed (departments continue across the 2025 merger)."""
        points = []
        for year in self.s.cycles():
            found = self.s.scores.for_cycle(year=year, unit_code=unit_code).scorecards
            if found:
                card = found[0]
                points.append(TrendPoint(year, card.index, f"{card.methodology_id}@{card.methodology_version}"))
        return points

    def unit_trend(self, unit_code: str) -> UnitTrend:
        """Index and every target-linked indicator of a unit across the cycles it was assessed in."""
        from assessment.progress import projected_year

        index: list[TrendPoint] = []
        values: dict[str, list[tuple[int, float]]] = {}
        codes: dict[str, str] = {}
        status: dict[str, str | None] = {}
        latest: int | None = None
        for year in self.s.cycles():
            found = self.s.scores.for_cycle(year=year, unit_code=unit_code).scorecards
            if not found:
                continue
            card, latest = found[0], year
            index.append(TrendPoint(year, card.index, f"{card.methodology_id}@{card.methodology_version}"))
            for indicator in card.indicators:
                if not indicator.target_id:
                    continue
                # status and projection describe the latest cycle, even when it has no value
                status[indicator.target_id] = indicator.target_status.value if indicator.target_status else None
                if isinstance(indicator.value, float) and indicator.applicable and indicator.relevant:
                    values.setdefault(indicator.target_id, []).append((year, indicator.value))
                    codes[indicator.target_id] = indicator.code
        targets = self.s.targets.active()
        series = []
        for target_id, points in values.items():
            target = targets.get(target_id)
            if target is None or not target.values:
                continue
            projection = projected_year(target, points, latest)
            series.append(TargetSeries(codes[target_id], target, tuple(points), status.get(target_id),
                                       projection.year))
        return UnitTrend(unit_code, tuple(index), tuple(sorted(series, key=lambda s: s.indicator_code)))

    def districts(self, *, derived_year: int = 2025, assessed_year: int = 2024) -> DistrictView:
        communes = self.peer_group(year=derived_year, kind=UnitKind.COMMUNE).group \
            if UnitKind.COMMUNE in self.kinds(derived_year) else None
        assessed = self.peer_group(year=assessed_year, kind=UnitKind.DISTRICT).group \
            if UnitKind.DISTRICT in self.kinds(assessed_year) else None
        derived = districts_from_communes(communes, self.s.units.lineage()) if communes is not None else []
        return DistrictView(assessed, tuple(derived), dict(PART_WEIGHTS))

    def _methodologies(self, cards: tuple[Scorecard, ...]) -> dict[str, Methodology]:
        keys = {(c.methodology_id, c.methodology_version) for c in cards}
        return {f"{i}@{v}": self.s.methodologies.stored(i, v) for i, v in keys}
