"""Scoring whole cycles of the demo database through the service."""

from __future__ import annotations

from collections import Counter

import pytest

from assessment.domain.model import TargetStatus, UnitKind


@pytest.fixture(scope="module")
def cycle_2025(demo_template):
    from tests.conftest import open_service

    service = open_service(demo_template)
    yield service.scores.for_cycle(year=2025)
    service.store.close()


def test_the_demo_covers_every_unit_of_each_cycle(demo_service):
    assert demo_service.is_demo
    assert Counter(demo_service.store.unit(a.unit_code).kind.value for a in demo_service.store.assessments(2024)) == {
        "district": 30, "department": 21, "city": 1}
    assert Counter(demo_service.store.unit(a.unit_code).kind.value for a in demo_service.store.assessments(2025)) == {
        "commune": 126, "department": 17, "city": 1}


def test_ranks_are_within_peer_groups(cycle_2025):
    for kind, size in ((UnitKind.COMMUNE, 126), (UnitKind.DEPARTMENT, 17)):
        cards = [c for c in cycle_2025.scorecards if c.kind == kind]
        assert len(cards) == size and all(c.peer_count == size for c in cards)
        ranks = sorted(c.rank for c in cards)
        assert ranks[0] == 1 and ranks[-1] <= size
        by_index = sorted(cards, key=lambda c: -c.index)
        assert [c.rank for c in by_index] == sorted(c.rank for c in by_index)


def test_scorecards_add_up(cycle_2025):
    for card in cycle_2025.scorecards:
        assert card.points == pytest.approx(sum(p.points for p in card.pillars if p.scored))
        assert card.points == pytest.approx(sum(i.points for i in card.indicators))
        assert card.max_points == pytest.approx(sum(i.max_points for i in card.indicators))
        assert card.index == pytest.approx(card.points / card.max_points)
        assert card.band.min_index <= card.index
        for indicator in card.indicators:
            assert 0 <= indicator.points <= indicator.max_points
            if not indicator.applicable:
                assert indicator.max_points == 0


def test_wards_and_communes_have_different_applicable_maxima(cycle_2025):
    maxima = {(c.unit_code[:0] + c.unit_name.vi.split()[0], c.max_points) for c in cycle_2025.scorecards
              if c.kind == UnitKind.COMMUNE}
    assert {kind for kind, _ in maxima} == {"Phường", "Xã"}


def test_target_statuses_and_projections(cycle_2025):
    statuses = Counter(i.target_status for c in cycle_2025.scorecards for i in c.indicators if i.target_id)
    assert set(statuses) <= set(TargetStatus) and statuses[TargetStatus.MET] > 0 and statuses[TargetStatus.BEHIND] > 0
    departments = [c for c in cycle_2025.scorecards if c.kind == UnitKind.DEPARTMENT]
    known = [i for c in departments for i in c.indicators if i.target_id and i.projection_known]
    assert known, "continuing departments have two cycles of a linked target"


def test_the_digital_economy_flag_changes_applicability(demo_service):
    def kts_max(code):
        card = demo_service.scores.for_cycle(year=2025, unit_code=code).scorecards[0]
        return {p.code: p.max_points for p in card.pillars}["KTS"]

    assert not demo_service.units.get("SO_Y_TE").digital_economy_duty
    assert kts_max("SO_Y_TE") == 0
    demo_service.units.set_digital_economy_duty("SO_Y_TE", True)
    assert kts_max("SO_Y_TE") == 100


def test_trends_follow_the_crosswalk(demo_service):
    # SO_NOI_VU continues through the merger: its 2024 and 2025 values of one indicator form one trend
    trend = demo_service.scores.indicator_trend(unit_code="SO_NOI_VU", code="CQS03")
    assert [p.cycle for p in trend] == [2024, 2025]
    assert {p.methodology for p in trend} == {"hanoi-2024-department@2024.2", "hanoi-2025-department@2025.2"}


def test_crosswalk_translation():
    from assessment.domain.model import Crosswalk

    walk = Crosswalk("old", "new", (("CQS11", "XHS07"), ("KHN01", None), ("HTS04", "HTS01")))
    new = frozenset({"XHS07", "HTS01", "NTS01"})
    assert walk.translate("CQS11", new) == "XHS07"  # renamed
    assert walk.translate("KHN01", new) is None  # dropped
    assert walk.translate("HTS04", new) == "HTS01"  # merged
    assert walk.translate("NTS01", new) == "NTS01"  # same code, same measure
    assert walk.translate("ZZZ01", new) is None


def test_filters(demo_service):
    only = demo_service.scores.for_cycle(year=2025, kind=UnitKind.DEPARTMENT)
    assert {c.kind for c in only.scorecards} == {UnitKind.DEPARTMENT} and len(only.scorecards) == 17
    one = demo_service.scores.for_cycle(year=2025, unit_code="00070")
    assert [c.unit_code for c in one.scorecards] == ["00070"] and one.scorecards[0].peer_count == 126
