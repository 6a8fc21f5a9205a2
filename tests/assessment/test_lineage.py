"""Merged departments keep their history (issue 13, item 9): a trend and a target history run back through the
predecessors, as the mean of their values (the DTI's convention for merged provinces), for every merged body
alike; a body that merely continued keeps its own series."""

from __future__ import annotations

import pytest

from assessment.domain.lineage import carried_back, merged_predecessors


def test_the_rule():
    assert carried_back({2025: 0.6}, [{2024: 0.4}, {2024: 0.5}]) == {2024: pytest.approx(0.45), 2025: 0.6}
    assert carried_back({2024: 0.7, 2025: 0.8}, [{2024: 0.5}]) == {2024: pytest.approx(0.6), 2025: 0.8}
    assert carried_back({2024: 0.7}, []) == {2024: 0.7}


def test_the_merged_departments_of_2025(demo_service):
    merged = merged_predecessors(demo_service.units.lineage())
    assert set(merged["SO_TAI_CHINH"]) == {"SO_KHDT", "SO_TAI_CHINH_OLD"}
    assert set(merged["SO_NOI_VU"]) == {"SO_LDTBXH"} and "SO_TU_PHAP" not in merged
    assert not any(code.isdigit() for code in merged)  # communes carry back to districts, not here


def _index(service, code, year):
    cards = service.scores.for_cycle(year=year, unit_code=code).scorecards
    return cards[0].index if cards else None


@pytest.mark.parametrize(("code", "before"), [("SO_TAI_CHINH", ("SO_KHDT", "SO_TAI_CHINH_OLD")),
                                              ("SO_NOI_VU", ("SO_NOI_VU", "SO_LDTBXH")),
                                              ("SO_KHCN", ("SO_KHCN_OLD", "SO_TTTT"))])
def test_a_merged_department_has_a_2024_point_recomputed_by_hand(demo_service, code, before):
    trend = demo_service.compare.unit_trend(code)
    points = {p.cycle: p for p in trend.index}
    expected = sum(_index(demo_service, b, 2024) for b in before) / len(before)
    assert points[2024].index == pytest.approx(expected)
    assert points[2025].index == pytest.approx(_index(demo_service, code, 2025))
    assert "derived" in points[2024].methodology or "(mean)" in points[2024].methodology


def test_a_continuing_department_keeps_its_own_series(demo_service):
    points = {p.cycle: p.index for p in demo_service.compare.unit_trend("SO_TU_PHAP").index}
    assert points[2024] == pytest.approx(_index(demo_service, "SO_TU_PHAP", 2024))


def test_a_merged_departments_target_history_has_two_cycles(demo_service):
    """Its 2025 projection now has a pace (two cycles) instead of "not enough data"."""
    card = demo_service.scores.for_cycle(year=2025, unit_code="SO_TAI_CHINH").scorecards[0]
    linked = [i for i in card.indicators if i.target_id and i.answered and i.applicable]
    assert linked and any(i.projection_known for i in linked)
    series = demo_service.compare.unit_trend("SO_TAI_CHINH").series
    assert any(len(s.values) >= 2 and s.values[0][0] == 2024 for s in series)
