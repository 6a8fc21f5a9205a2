"""Carrying a merged department's results back through its predecessors, so its trend and target history do not
start at the merger.

On 01/03/2025 21 departments became 15: Sở Tài chính was formed from Sở KH&ĐT and the old Sở Tài chính, Sở Nội
vụ took in Sở LĐ-TB&XH, and so on (units.yaml `formed_from`). For a cycle in which a merged department's
predecessors were assessed, its value is the mean of what they had (its own old value included when it kept
its code), the convention the national DTI uses for merged provinces (REFERENCE.md §2.5: "DTI 2024 of a merged
province = arithmetic mean of the pre-merger provinces"). A department that merely continued (same code, no
other predecessor) keeps its own series.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, MutableMapping

from assessment.domain.model import LineageLink


def merged_predecessors(lineage: Iterable[LineageLink]) -> dict[str, tuple[str, ...]]:
    """Merged department -> the other bodies it was formed from (communes' links, which name a former
    district, are carried back differently: comparison.districts_from_communes)."""
    found: dict[str, list[str]] = {}
    for link in lineage:
        if link.predecessor_district_code is None and link.part == "merged" and link.predecessor_code \
                and link.predecessor_code != link.successor_code:
            found.setdefault(link.successor_code, []).append(link.predecessor_code)
    return {code: tuple(codes) for code, codes in found.items()}


def carried_back(own: Mapping[int, float], predecessors: Iterable[Mapping[int, float]]) -> dict[int, float]:
    """A successor's series by cycle: in each cycle a predecessor has a value, the mean of the predecessors'
    values and its own (when it kept its code); elsewhere its own."""
    series = dict(own)
    before: dict[int, list[float]] = {}
    for values in predecessors:
        for cycle, value in values.items():
            before.setdefault(cycle, []).append(value)
    for cycle, values in before.items():
        joined = [*values, *([own[cycle]] if cycle in own else [])]
        series[cycle] = sum(joined) / len(joined)
    return series


def carry_back_history(history: MutableMapping[tuple[str, str], list[tuple[int, float]]],
                       merged: Mapping[str, tuple[str, ...]]) -> None:
    """In place: (unit, target) -> [(cycle, value)] histories of merged departments carried back."""
    by_unit: dict[str, dict[str, dict[int, float]]] = {}
    for (code, target_id), points in history.items():
        by_unit.setdefault(code, {})[target_id] = dict(points)
    for successor, predecessors in merged.items():
        targets = set(by_unit.get(successor, {})) | {t for p in predecessors for t in by_unit.get(p, {})}
        for target_id in targets:
            series = carried_back(by_unit.get(successor, {}).get(target_id, {}),
                                  [by_unit[p][target_id] for p in predecessors if target_id in by_unit.get(p, {})])
            history[(successor, target_id)] = sorted(series.items())
