"""Peer-group comparisons: averages and orders, indicator spreads, the gap planner, and 2025 communes carried
back to the former districts through their lineage (checked against a hand computation)."""

from __future__ import annotations

import numpy as np
import pytest

from assessment.domain.comparison import districts_from_communes, gap_plan, indicator_spread, peer_group
from assessment.domain.model import (
    DEFAULT_BANDS,
    IndicatorScore,
    LineageLink,
    PillarScore,
    Scorecard,
    Text,
    UnitCode,
    UnitKind,
)


def card(code, points, indicators, pillars=(("AAA", 10, 20),), max_points=100.0, kind=UnitKind.COMMUNE):
    from assessment.domain.ranking import band_for

    index = points / max_points
    return Scorecard(UnitCode(code), Text(code, code), kind, 2025, "test-mini", "1", points, max_points, index,
                     band_for(index, DEFAULT_BANDS), None, 0,
                     tuple(PillarScore(p, pts, mx, pts / mx) for p, pts, mx in pillars), tuple(indicators))


def ind(code, points, max_points, applicable=True, answered=True):
    return IndicatorScore(code, "AAA", points, max_points if applicable else 0.0, applicable, answered, True, None)


def test_gap_plan_takes_the_largest_losses_first():
    c = card("X", 50, [ind("A", 10, 30), ind("B", 5, 10), ind("C", 20, 40), ind("D", 15, 20)])
    plan = gap_plan(c, DEFAULT_BANDS)  # index 0.5 -> next band 0.6: 10 points needed
    assert [g.code for g in plan.gaps] == ["A", "C", "B", "D"]  # lost 20, 20, 5, 5
    assert plan.goal_index == 0.6 and plan.needed_points == pytest.approx(10)
    assert [g.code for g in plan.plan] == ["A"] and plan.reachable
    to_goal = gap_plan(c, DEFAULT_BANDS, goal_index=0.9)  # 40 points: A + C
    assert [g.code for g in to_goal.plan] == ["A", "C"] and to_goal.reachable
    assert not gap_plan(c, DEFAULT_BANDS, goal_index=1.01).reachable


def test_indicator_spread_counts_each_unit_once():
    cards = [card("X", 0, [ind("A", 10, 10), ind("B", 0, 5, answered=False)]),
             card("Y", 0, [ind("A", 4, 10), ind("B", 0, 5)]),
             card("Z", 0, [ind("A", 0, 10), ind("B", 0, 5, applicable=False)])]
    spread = {s.code: s for s in indicator_spread(cards)}
    assert (spread["A"].full, spread["A"].partial, spread["A"].zero) == (1, 1, 1)
    assert (spread["B"].unanswered, spread["B"].zero, spread["B"].not_applicable) == (1, 1, 1)


def test_districts_from_communes_by_hand():
    # Two 2025 communes; commune P drew a whole old commune and half of another from district 001, commune Q
    # drew a remainder from 001 and a whole commune from 002; area-only parts carry no weight.
    group = peer_group([card("P", 80, [], pillars=(("AAA", 8, 10),)), card("Q", 40, [], pillars=(("AAA", 2, 10),))],
                       UnitKind.COMMUNE, {"test-mini@1": _mini()})
    lineage = [LineageLink("P", "o1", "Old 1", "001", "full"), LineageLink("P", "o2", "Old 2", "001", "partial"),
               LineageLink("P", "o3", "Old 3", "002", "partial_area_only"),
               LineageLink("Q", "o4", "Old 4", "001", "remainder"), LineageLink("Q", "o5", "Old 5", "002", "full")]
    derived = {d.code: d for d in districts_from_communes(group, lineage)}
    # 001: P weighs 1 + 0.5 = 1.5 at 0.8, Q weighs 0.5 at 0.4 -> (1.2 + 0.2) / 2 = 0.7
    assert derived["001"].index == pytest.approx(0.7)
    assert derived["001"].pillar_index["AAA"] == pytest.approx((1.5 * 0.8 + 0.5 * 0.2) / 2)
    # 002: only Q counts (P's part there has no population)
    assert derived["002"].index == pytest.approx(0.4)
    assert dict(derived["002"].communes) == {"Q": 1.0}


def _mini():
    from questionnaires.loader import load_methodology
    from tests.conftest import DATA

    return load_methodology(DATA / "mini.yaml", {"online_tthc_share"})


def test_the_demo_peer_group(demo_service):
    cards = demo_service.scores.for_cycle(year=2025).scorecards
    methodologies = {m.key: m for m in demo_service.methodologies.available()}
    group = peer_group(cards, UnitKind.COMMUNE, methodologies)
    assert len(group) == 126 and group.rank[0] == 1
    assert list(group.index) == sorted(group.index, reverse=True)
    assert group.pillar_codes == ("NTS", "TCS", "HTS", "NLS", "ATT", "CQS", "KTS", "XHS")
    assert group.average == pytest.approx(np.mean([c.index for c in cards if c.kind == UnitKind.COMMUNE]))
    assert group.best == 0
    order = group.order_by("CQS")
    column = group.pillar_index[:, group.pillar_codes.index("CQS")]
    assert [column[r] for r in order] == sorted(column, reverse=True)
    assert set(group.target_status.flatten()) - {None} <= {"met", "on_track", "baseline", "behind", "no_data"}


def test_demo_districts_carried_back(demo_service):
    cards = demo_service.scores.for_cycle(year=2025).scorecards
    methodologies = {m.key: m for m in demo_service.methodologies.available()}
    group = peer_group(cards, UnitKind.COMMUNE, methodologies)
    derived = districts_from_communes(group, demo_service.units.lineage())
    assert len(derived) == 30
    assert all(d.index is not None and 0 <= d.index <= 1 for d in derived)


def test_the_service_gathers_a_peer_group(demo_service):
    comparison = demo_service.compare.peer_group(year=2025, kind=UnitKind.DEPARTMENT)
    assert len(comparison.group) == 17 and comparison.demo
    assert [c.unit_code for c in comparison.cards] == list(comparison.group.codes)
    plan = demo_service.compare.gap_plan(comparison, comparison.group.codes[-1])
    assert plan.plan and plan.reachable
    trend = demo_service.compare.index_trend("SO_NOI_VU")
    assert [p.cycle for p in trend] == [2024, 2025]
    view = demo_service.compare.districts()
    assert len(view.assessed) == 30 and len(view.derived) == 30
    assert set(view.assessed.codes) == {d.code for d in view.derived}


def test_the_peer_group_tells_not_applicable_and_no_data_from_zero():
    """Issue 11.5: a pillar where nothing applies, one where nothing is answered and one scored 0 differ."""
    from assessment.domain.comparison import NO_DATA, NOT_APPLICABLE, SCORED

    def unit(code, answered_b, b_applies, answered_a=True):
        b_max = 10.0 if b_applies else 0.0
        pillars = (PillarScore("AAA", 0.0, 10.0, 0.0),
                   PillarScore("BBB", 0.0, b_max, 0.0 if b_applies else None))
        indicators = (IndicatorScore("A1", "AAA", 0.0, 10.0, True, answered_a, True, 0),
                      IndicatorScore("B1", "BBB", 0.0, b_max, b_applies, answered_b, True, None))
        return Scorecard(UnitCode(code), Text(code, code), UnitKind.COMMUNE, 2025, "test-two", "1", 0.0, 10 + b_max,
                         0.0, None, 1, 3, pillars, indicators)

    group = peer_group([unit("ZERO", True, True), unit("EMPTY", False, True), unit("NA", False, False),
                        unit("BLANK", False, True, answered_a=False)],
                       UnitKind.COMMUNE, {"test-two@1": _two_pillars()})
    b = group.pillar_codes.index("BBB")
    state = {code: int(group.pillar_state[group.row(code), b]) for code in group.codes}
    assert state == {"ZERO": SCORED, "EMPTY": NO_DATA, "NA": NOT_APPLICABLE, "BLANK": NO_DATA}
    assert np.isnan(group.pillar_index[group.row("NA"), b])
    assert group.pillar_index[group.row("EMPTY"), b] == 0.0  # the rules' 0 stays; the state says why
    units = {code: int(group.index_state[group.row(code)]) for code in group.codes}
    assert units == {"ZERO": SCORED, "EMPTY": SCORED, "NA": SCORED, "BLANK": NO_DATA}  # nothing answered at all


def _two_pillars():
    from dataclasses import replace

    mini = _mini()
    first = mini.pillars[0]
    return replace(mini, pillars=(replace(first, code="AAA"), replace(first, code="BBB")))
