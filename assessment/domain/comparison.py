"""Comparing units of one peer group (one kind, one cycle): the plain data behind the inspectors' charts.

Everything here is computed from scorecards (assessment.services.scores_area) with numpy; the window draws it and
never computes it. Comparisons are only ever made within a peer group.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace

import numpy as np

from assessment.domain.errors import BadInput
from assessment.domain.model import Band, LineageLink, Methodology, Scorecard, TargetStatus, Text, Unit, UnitKind

STATUS_ORDER = (TargetStatus.MET, TargetStatus.ON_TRACK, TargetStatus.BASELINE, TargetStatus.BEHIND,
                TargetStatus.NO_DATA)

# What a cell of `PeerGroup.pillar_state` (and `index_state`) says: a score, "not applicable" (nothing in it
# applies to the unit: the index is NaN) or "no data" (it applies but nothing in it is answered yet: the index
# is the 0 the rules give, which every chart, table and export must show apart from a scored 0).
SCORED, NOT_APPLICABLE, NO_DATA = 0, 1, 2

# How much a predecessor commune weighs when a 2025 commune's result is carried back to its former district:
# a proxy for the share of population it brought (NQ 1656's wording of each part, communes.yaml).
PART_WEIGHTS: Mapping[str, float] = {
    "full": 1.0,  # the whole area and population
    "partial_area_full_pop": 1.0,  # part of the area, all of the population
    "remainder": 0.5,  # what was left after other clauses took parts
    "partial": 0.5,  # part of the area and of the population
    "partial_area_only": 0.0,  # area without population: no weight
}


@dataclass(frozen=True)
class PeerGroup:
    """One kind of unit in one cycle: units (sorted by rank), their pillar indices and target statuses."""

    cycle: int
    kind: UnitKind
    codes: tuple[str, ...]
    names: tuple[Text, ...]
    index: np.ndarray  # (units,)
    points: np.ndarray
    max_points: np.ndarray
    band: tuple[int | None, ...]
    rank: tuple[int | None, ...]
    pillar_codes: tuple[str, ...]
    pillar_names: tuple[Text, ...]
    pillar_index: np.ndarray  # (units, pillars), NaN where nothing applies
    pillar_state: np.ndarray  # (units, pillars) int8: SCORED, NOT_APPLICABLE or NO_DATA
    target_ids: tuple[str, ...]
    # (units, targets) of TargetStatus values (object); None where the unit has no such indicator or it does
    # not apply to the unit (nothing to reach), so "not applicable" is never counted as "no data"
    target_status: np.ndarray
    bands: tuple[Band, ...]
    # (units,) the inspectors' index beside `index`, NaN where nothing is appraised; the rank stays on the
    # self-assessed index (docs/decisions.md)
    appraised_index: np.ndarray
    status: tuple[str, ...]  # (units,) AssessmentStatus values: where each assessment stands
    index_state: np.ndarray  # (units,) int8: SCORED, NOT_APPLICABLE (nothing applies) or NO_DATA (nothing answered)

    def __len__(self) -> int:
        return len(self.codes)

    @property
    def average(self) -> float:
        return float(np.nanmean(self.index)) if len(self) else float("nan")

    @property
    def pillar_average(self) -> np.ndarray:
        with warnings.catch_warnings():  # a pillar nobody has answered averages to NaN, which is what we show
            warnings.simplefilter("ignore", RuntimeWarning)
            return np.nanmean(self.pillar_index, axis=0) if len(self) else np.full(len(self.pillar_codes), np.nan)

    @property
    def best(self) -> int | None:
        """Row of the best unit (highest index)."""
        return int(np.nanargmax(self.index)) if len(self) and not np.isnan(self.index).all() else None

    def row(self, code: str) -> int:
        return self.codes.index(code)

    def order_by(self, pillar: str | None) -> list[int]:
        """Rows sorted by a pillar's index (or the overall index), best first; units without one last."""
        values = self.index if pillar is None else self.pillar_index[:, self.pillar_codes.index(pillar)]
        keyed = np.where(np.isnan(values), -np.inf, values)
        return sorted(range(len(self)), key=lambda r: (-keyed[r], self.codes[r]))


@dataclass(frozen=True)
class Subgroup:
    """A part of a peer group inspectors rank by on its own (wards apart from rural communes, ...)."""

    key: str
    name: Text
    member: Callable[[Unit], bool]


SUBGROUPS: dict[UnitKind, tuple[Subgroup, ...]] = {
    UnitKind.COMMUNE: (Subgroup("ward", Text("Phường", "Wards"), lambda u: u.subtype == "ward"),
                       Subgroup("commune", Text("Xã", "Rural communes"), lambda u: u.subtype == "commune")),
    UnitKind.DEPARTMENT: (
        Subgroup("de_duty", Text("Có nhiệm vụ phát triển kinh tế số", "With the digital-economy duty"),
                 lambda u: u.digital_economy_duty),
        Subgroup("no_de_duty", Text("Không có nhiệm vụ kinh tế số", "Without the digital-economy duty"),
                 lambda u: not u.digital_economy_duty)),
    UnitKind.DISTRICT: (Subgroup("urban", Text("Quận", "Urban districts"), lambda u: u.subtype == "urban_district"),
                        Subgroup("rural", Text("Huyện, thị xã", "Rural districts and the town"),
                                 lambda u: u.subtype != "urban_district")),
}


def within_subgroup(cards: Sequence[Scorecard], kind: UnitKind, key: str, units: Mapping[str, Unit]
                    ) -> tuple[Scorecard, ...]:
    """The cards of the sub-group's members, ranked among themselves (ties share a rank, as in the group)."""
    from assessment.domain.ranking import ranks_by_group

    found = next((s for s in SUBGROUPS.get(kind, ()) if s.key == key), None)
    if found is None:
        raise BadInput(f"no sub-group {key!r} of {kind.value} (choose from: "
                       f"{', '.join(s.key for s in SUBGROUPS.get(kind, ())) or 'none'})")
    members = [c for c in cards if c.kind == kind and c.unit_code in units and found.member(units[c.unit_code])]
    indices = np.array([np.nan if c.index is None else c.index for c in members], dtype=float)
    ranks, peers = ranks_by_group(indices, np.zeros(len(members), dtype=np.int64))
    return tuple(replace(c, rank=int(r) if c.index is not None else None, peer_count=int(n))
                 for c, r, n in zip(members, ranks, peers, strict=True))


def peer_group(cards: Sequence[Scorecard], kind: UnitKind, methodologies: Mapping[str, Methodology]) -> PeerGroup:
    """The peer group of `kind` in a cycle's scorecards (already ranked within the group)."""
    mine = sorted((c for c in cards if c.kind == kind), key=lambda c: (c.rank or 10**9, c.unit_code))
    pillar_codes: list[str] = []
    pillar_names: dict[str, Text] = {}
    bands: tuple[Band, ...] = ()
    for card in mine:
        methodology = methodologies[f"{card.methodology_id}@{card.methodology_version}"]
        bands = bands or methodology.bands
        for pillar in methodology.pillars:
            if pillar.scored and pillar.code not in pillar_names:
                pillar_codes.append(pillar.code)
                pillar_names[pillar.code] = pillar.name
    target_ids = sorted({i.target_id for c in mine for i in c.indicators if i.target_id})
    pillar_index = np.full((len(mine), len(pillar_codes)), np.nan)
    pillar_state = np.full((len(mine), len(pillar_codes)), NOT_APPLICABLE, dtype=np.int8)
    status = np.full((len(mine), len(target_ids)), None, dtype=object)
    for r, card in enumerate(mine):
        answered = {i.pillar for i in card.indicators if i.applicable and i.answered}
        for pillar in card.pillars:
            if pillar.code in pillar_names and pillar.index is not None:
                pillar_index[r, pillar_codes.index(pillar.code)] = pillar.index
                pillar_state[r, pillar_codes.index(pillar.code)] = SCORED if pillar.code in answered else NO_DATA
        for indicator in card.indicators:
            if indicator.target_id and indicator.target_status is not None and indicator.applicable:
                status[r, target_ids.index(indicator.target_id)] = indicator.target_status
    return PeerGroup(
        cycle=mine[0].cycle if mine else 0, kind=kind, codes=tuple(c.unit_code for c in mine),
        names=tuple(c.unit_name for c in mine),
        index=np.array([np.nan if c.index is None else c.index for c in mine], dtype=float),
        points=np.array([c.points for c in mine], dtype=float),
        max_points=np.array([c.max_points for c in mine], dtype=float),
        band=tuple(c.band.code if c.band else None for c in mine), rank=tuple(c.rank for c in mine),
        pillar_codes=tuple(pillar_codes), pillar_names=tuple(pillar_names[c] for c in pillar_codes),
        pillar_index=pillar_index, target_ids=tuple(target_ids), target_status=status, bands=bands,
        appraised_index=np.array([np.nan if c.appraised_index is None else c.appraised_index for c in mine],
                                 dtype=float),
        status=tuple(c.status.value for c in mine), pillar_state=pillar_state, index_state=_index_state(mine),
    )


def _index_state(cards: Sequence[Scorecard]) -> np.ndarray:
    """Per unit: NOT_APPLICABLE without an index, NO_DATA when nothing that applies is answered, else SCORED."""
    return np.array([NOT_APPLICABLE if c.index is None else
                     SCORED if any(i.applicable and i.answered for i in c.indicators) else NO_DATA
                     for c in cards], dtype=np.int8)


@dataclass(frozen=True)
class IndicatorSpread:
    """How a peer group did on one indicator."""

    code: str
    full: int
    partial: int
    zero: int
    unanswered: int
    not_applicable: int


def indicator_spread(cards: Sequence[Scorecard]) -> list[IndicatorSpread]:
    """Per indicator: units with full marks, partial, zero, no answer (and for whom it does not apply)."""
    counts: dict[str, list[int]] = {}
    for card in cards:
        for i in card.indicators:
            row = counts.setdefault(i.code, [0, 0, 0, 0, 0])
            if not i.applicable:
                row[4] += 1
            elif i.missing:
                row[3] += 1
            elif i.max_points > 0 and i.points >= i.max_points - 1e-9:
                row[0] += 1
            elif i.points > 0:
                row[1] += 1
            else:
                row[2] += 1
    return [IndicatorSpread(code, *row) for code, row in counts.items()]


@dataclass(frozen=True)
class Gap:
    code: str
    pillar: str
    lost: float  # points the unit does not get now
    index_gain: float  # what winning them back adds to the index


@dataclass(frozen=True)
class GapPlan:
    """Where a unit loses most, and the fewest indicators whose full marks reach the goal."""

    goal_index: float | None
    goal_label: str  # "band" or "goal"
    needed_points: float
    gaps: tuple[Gap, ...]  # every indicator losing points, largest first
    plan: tuple[Gap, ...]  # the smallest set reaching the goal (empty if already there or unreachable)
    reachable: bool


def gap_plan(card: Scorecard, bands: Sequence[Band], goal_index: float | None = None) -> GapPlan:
    """Greedy by points lost: taking the largest losses first reaches any points goal with the fewest
    indicators, since each indicator can add at most what it loses."""
    total = card.max_points
    gaps = sorted((Gap(i.code, i.pillar, i.max_points - i.points, (i.max_points - i.points) / total if total else 0)
                   for i in card.indicators if i.applicable and i.max_points - i.points > 1e-9),
                  key=lambda g: (-g.lost, g.code))
    label = "goal"
    if goal_index is None:
        higher = [b for b in bands if card.index is not None and b.min_index > card.index + 1e-12]
        goal_index, label = (higher[0].min_index, "band") if higher else (None, "band")
    if goal_index is None or card.index is None:
        return GapPlan(goal_index, label, 0.0, tuple(gaps), (), goal_index is None)
    needed = max(0.0, goal_index * total - card.points)
    plan, gained = [], 0.0
    for gap in gaps:
        if gained >= needed - 1e-9:
            break
        plan.append(gap)
        gained += gap.lost
    return GapPlan(goal_index, label, needed, tuple(gaps), tuple(plan), gained >= needed - 1e-9)


@dataclass(frozen=True)
class DerivedDistrict:
    """A former district's 2025 result carried back from the communes formed from it (derived, not assessed)."""

    code: str
    index: float | None
    pillar_index: dict[str, float]
    communes: tuple[tuple[str, float], ...]  # (commune code, weight)


def districts_from_communes(group: PeerGroup, lineage: Sequence[LineageLink],
                            weights: Mapping[str, float] = PART_WEIGHTS) -> list[DerivedDistrict]:
    """Weighted average of commune results per former district: each commune counts with the summed weight of
    the predecessor communes it drew from that district (PART_WEIGHTS)."""
    share: dict[str, dict[str, float]] = {}
    for link in lineage:
        if link.predecessor_district_code is None or link.successor_code not in group.codes:
            continue
        by_commune = share.setdefault(link.predecessor_district_code, {})
        by_commune[link.successor_code] = by_commune.get(link.successor_code, 0.0) + weights.get(link.part, 0.0)
    derived = []
    for district, communes in sorted(share.items()):
        rows = [(group.row(code), w) for code, w in communes.items() if w > 0]
        derived.append(DerivedDistrict(district, _weighted(group.index, rows),
                                       {p: v for p, col in zip(group.pillar_codes, range(len(group.pillar_codes)),
                                                               strict=True)
                                        if (v := _weighted(group.pillar_index[:, col], rows)) is not None},
                                       tuple((group.codes[r], w) for r, w in rows)))
    return derived


def _weighted(values: np.ndarray, rows: Sequence[tuple[int, float]]) -> float | None:
    pairs = [(values[r], w) for r, w in rows if not np.isnan(values[r])]
    total = sum(w for _, w in pairs)
    return sum(v * w for v, w in pairs) / total if total > 0 else None
