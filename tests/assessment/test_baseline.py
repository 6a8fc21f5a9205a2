"""A unit's first value before any milestone is its baseline, not "on track" (issue 13, item 7)."""

from __future__ import annotations

from assessment.domain.model import Target, TargetStatus, Text
from assessment.domain.progress import target_status

ONLY_2030 = Target("t2030", "chinh_quyen_so", Text("x", "x"), "percent", "min", ((2030, 100.0),))
MILESTONES = Target("t", "chinh_quyen_so", Text("x", "x"), "percent", "min", ((2025, 60.0), (2030, 100.0)))


def test_the_first_cycle_before_any_milestone_is_the_baseline():
    assert target_status(ONLY_2030, [(2025, 33)], 2025) == TargetStatus.BASELINE
    assert target_status(MILESTONES, [(2024, 40)], 2024) == TargetStatus.BASELINE
    assert target_status(ONLY_2030, [(2025, 100)], 2025) == TargetStatus.MET  # met is met, even at the start


def test_from_the_second_cycle_the_path_from_the_baseline_judges():
    assert target_status(ONLY_2030, [(2025, 33), (2026, 47)], 2026) == TargetStatus.ON_TRACK  # line: 46.4
    assert target_status(ONLY_2030, [(2025, 33), (2026, 40)], 2026) == TargetStatus.BEHIND


def test_a_first_cycle_at_or_after_a_milestone_is_judged_on_the_milestone_line():
    assert target_status(MILESTONES, [(2027, 65)], 2027) == TargetStatus.BEHIND  # 76 expected
    assert target_status(MILESTONES, [(2025, 50)], 2025) == TargetStatus.BEHIND


def test_ward_00070_reads_baseline_not_on_track_on_2030_only_targets(demo_service):
    card = demo_service.scores.for_cycle(year=2025, unit_code="00070").scorecards[0]
    targets = demo_service.targets.active()
    only_2030 = [i for i in card.indicators if i.target_id and targets.get(i.target_id).values[0][0] == 2030]
    assert only_2030
    for indicator in only_2030:
        assert indicator.target_status in (TargetStatus.BASELINE, TargetStatus.MET, TargetStatus.NO_DATA), \
            indicator.code
    assert not any(i.target_status == TargetStatus.ON_TRACK for i in card.indicators)  # first cycle: nothing is
