"""Comparisons for inspectors through the service (`service.compare`): one call gathers everything the
dashboard draws for a peer group, so the window computes nothing and never touches the database."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from assessment.domain.comparison import (
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
from assessment.domain.model import Methodology, Scorecard, Target, TargetSet, UnitKind
from assessment.domain.publication import Publication

if TYPE_CHECKING:
    from assessment.service import AssessmentService


@dataclass(frozen=True)
class Comparison:
    """A peer group in a cycle with everything the charts and the table show."""

    group: PeerGroup
    cards: Sequence[Scorecard]  # in the group's row order (built when read, for a whole peer group)
    spreads: tuple[IndicatorSpread, ...]
    methodologies: dict[str, Methodology]
    targets: TargetSet
    demo: bool
    warnings: tuple[str, ...]
    publication: Publication | None = None  # once published, ranks are the published ones (appraised index)

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
        publication = self.s.publication.latest(year)
        if subgroup is None and publication is None:
            return self._whole_group(year, kind)
        scores = self.s.scores.for_cycle(year=year, kind=kind)
        methodologies = self._methodologies(scores.scorecards)
        cards = scores.scorecards
        if subgroup is not None:
            cards = within_subgroup(cards, kind, subgroup, {u.code: u for u in self.s.units.list(kind)})
        if publication is not None:
            cards = published_ranks(cards, publication, subgroup is not None)
        group = peer_group(cards, kind, methodologies)
        by_code: dict[str, Scorecard] = {c.unit_code: c for c in cards}
        cards = tuple(by_code[code] for code in group.codes)
        return Comparison(group, cards, tuple(indicator_spread(cards)), methodologies, self.s.scores.active_targets(),
                          scores.demo, scores.warnings, publication)

    def _whole_group(self, year: int, kind: UnitKind) -> Comparison:
        """The whole peer group as ranked in the cycle's result, read from its arrays: no scorecard is built
        until one is asked for (Comparison.cards is lazy; assessment.services.cycle_views)."""
        from assessment.services.cycle_views import group_view

        result = self.s.scores.result(year)
        group, spreads, cards = group_view(result, kind)
        keys = {(b.methodology.id, b.methodology.version) for b in result.batches if any(u.kind == kind
                                                                                       for u in b.units)}
        methodologies = {f"{i}@{v}": self.s.scores.methodology(i, v) for i, v in keys}
        return Comparison(group, cards, tuple(spreads), methodologies, self.s.scores.active_targets(),
                          self.s.is_demo, result.warnings)

    def gap_plan(self, comparison: Comparison, code: str, goal_index: float | None = None) -> GapPlan:
        return gap_plan(comparison.card(code), comparison.group.bands, goal_index)

    def index_trend(self, unit_code: str) -> list[TrendPoint]:
        """The unit's index in every cycle it was assessed; a merged department's earlier cycles are carried back
        through its predecessors (assessment.domain.lineage)."""
        return list(self.unit_trend(unit_code).index)

    def unit_trend(self, unit_code: str) -> UnitTrend:
        """Index and every target-linked indicator of a unit across the cycles it was assessed in (for a merged
        department, the cycles its predecessors were: the mean of their values, labelled as derived)."""
        from assessment.domain.lineage import carried_back, merged_predecessors
        from assessment.domain.progress import projected_year

        before = merged_predecessors(self.s.scores.lineage()).get(unit_code, ())
        index: dict[str, dict[int, float]] = {}
        labels: dict[int, str] = {}
        values: dict[str, dict[str, dict[int, float]]] = {}  # target -> unit -> cycle -> value
        codes: dict[str, str] = {}
        status: dict[str, str | None] = {}
        latest: int | None = None
        for year in self.s.cycles():
            if before:  # one scoring of the cycle for the unit and its predecessors
                wanted = {unit_code, *before}
                cards = [c for c in self.s.scores.for_cycle(year=year, kind=UnitKind.DEPARTMENT).scorecards
                         if c.unit_code in wanted]
            else:
                cards = list(self.s.scores.for_cycle(year=year, unit_code=unit_code).scorecards)
            for card in cards:
                own = card.unit_code == unit_code
                if own:
                    latest, labels[year] = year, f"{card.methodology_id}@{card.methodology_version}"
                elif year not in labels:
                    labels[year] = "derived from " + ", ".join(before)
                if card.index is not None:
                    index.setdefault(card.unit_code, {})[year] = card.index
                for indicator in card.indicators:
                    if not indicator.target_id:
                        continue
                    if own:  # status and projection describe the latest cycle, even when it has no value
                        status[indicator.target_id] = indicator.target_status.value if indicator.target_status \
                            else None
                    if isinstance(indicator.value, float) and indicator.applicable and indicator.relevant:
                        values.setdefault(indicator.target_id, {}).setdefault(card.unit_code, {})[year] = \
                            indicator.value
                        codes.setdefault(indicator.target_id, indicator.code)
        joined = carried_back(index.get(unit_code, {}), [index[p] for p in before if p in index])
        merged_years = {y for p in before for y in index.get(p, {})}
        points = [TrendPoint(year, joined.get(year), labels[year] if year not in merged_years or
                             labels[year].startswith("derived") else f"{labels[year]} + {', '.join(before)} (mean)")
                  for year in sorted(labels)]
        targets = self.s.scores.active_targets()
        series = []
        for target_id, by_unit in values.items():
            target = targets.get(target_id)
            history = sorted(carried_back(by_unit.get(unit_code, {}),
                                          [by_unit[p] for p in before if p in by_unit]).items())
            if target is None or not target.values or not history:
                continue
            projection = projected_year(target, history, latest)
            series.append(TargetSeries(codes[target_id], target, tuple(history), status.get(target_id),
                                       projection.year))
        return UnitTrend(unit_code, tuple(points), tuple(sorted(series, key=lambda s: s.indicator_code)))

    def districts(self, *, derived_year: int = 2025, assessed_year: int = 2024) -> DistrictView:
        communes = self.peer_group(year=derived_year, kind=UnitKind.COMMUNE).group \
            if UnitKind.COMMUNE in self.kinds(derived_year) else None
        assessed = self.peer_group(year=assessed_year, kind=UnitKind.DISTRICT).group \
            if UnitKind.DISTRICT in self.kinds(assessed_year) else None
        derived = districts_from_communes(communes, self.s.units.lineage()) if communes is not None else []
        return DistrictView(assessed, tuple(derived), dict(PART_WEIGHTS))

    def _methodologies(self, cards: tuple[Scorecard, ...]) -> dict[str, Methodology]:
        keys = {(c.methodology_id, c.methodology_version) for c in cards}
        return {f"{i}@{v}": self.s.scores.methodology(i, v) for i, v in keys}


def published_ranks(cards: Sequence[Scorecard], publication: Publication, subgroup: bool) -> tuple[Scorecard, ...]:
    """The cards ranked as the publication ranked them (in the peer group, or in the sub-group): a unit the
    publication lists without a result, or does not list, is unranked."""
    found = {u.unit_code: u for u in publication.units}

    def ranked(card: Scorecard) -> Scorecard:
        unit = found.get(card.unit_code)
        if unit is None:
            return replace(card, rank=None)
        rank, peers = (unit.subgroup_rank, unit.subgroup_count) if subgroup else (unit.rank, unit.peer_count)
        return replace(card, rank=rank, peer_count=peers)

    return tuple(ranked(c) for c in cards)
