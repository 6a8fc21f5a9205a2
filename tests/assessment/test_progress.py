"""Target status (met / on track / behind / no data) and the projected year, with ranks and bands."""

from __future__ import annotations

import numpy as np
import pytest

from assessment.domain.model import DEFAULT_BANDS, Target, TargetStatus, Text
from assessment.domain.progress import expected_value, projected_year, target_status
from assessment.domain.ranking import band_for, competition_ranks, ranks_by_group

AT_LEAST = Target("t", "chinh_quyen_so", Text("Hồ sơ", "Files"), "percent", "min", ((2025, 60.0), (2030, 100.0)))
AT_MOST = Target("r", "tong_quat", Text("Hạng", "Rank"), "rank", "max", ((2025, 5.0), (2030, 3.0)))
ONLY_2025 = Target("o", "ha_tang_so", Text("Cáp quang", "Fibre"), "percent", "min", ((2025, 80.0),))


@pytest.mark.parametrize(("history", "year", "status"), [
    ([(2025, 62)], 2025, TargetStatus.MET),
    ([(2024, 40), (2025, 55)], 2025, TargetStatus.BEHIND),  # the milestone year: only meeting it counts
    ([(2023, 10), (2024, 40)], 2024, TargetStatus.ON_TRACK),  # line 10 -> 60 passes 35 in 2024
    ([(2023, 40), (2024, 41)], 2024, TargetStatus.BEHIND),  # line 40 -> 60 passes 50 in 2024
    ([(2024, 40)], 2024, TargetStatus.BASELINE),  # a first value before any milestone is the baseline
    ([(2024, 40)], 2025, TargetStatus.NO_DATA),
    ([], 2025, TargetStatus.NO_DATA),
    ([(2025, 60), (2027, 70)], 2027, TargetStatus.BEHIND),  # 2025 -> 2030 line: 76 expected in 2027
    ([(2025, 60), (2027, 80)], 2027, TargetStatus.ON_TRACK),
    ([(2025, 60), (2028, 100)], 2028, TargetStatus.MET),  # 2030 milestone reached early
    ([(2024, 70)], 2024, TargetStatus.MET),  # already at the 2025 target
])
def test_status(history, year, status):
    assert target_status(AT_LEAST, history, year) == status


def test_status_for_an_at_most_target():
    assert target_status(AT_MOST, [(2025, 4)], 2025) == TargetStatus.MET
    assert target_status(AT_MOST, [(2023, 20), (2024, 10)], 2024) == TargetStatus.ON_TRACK  # line 20 -> 5: 12.5
    assert target_status(AT_MOST, [(2023, 20), (2024, 15)], 2024) == TargetStatus.BEHIND


def test_after_the_last_milestone_the_target_stays():
    assert target_status(ONLY_2025, [(2026, 79)], 2026) == TargetStatus.BEHIND
    assert target_status(ONLY_2025, [(2026, 81)], 2026) == TargetStatus.MET


def test_expected_value_path():
    assert expected_value(AT_LEAST, (2023, 10.0), 2024) == pytest.approx(35)
    assert expected_value(AT_LEAST, (2023, 10.0), 2028) == pytest.approx(60 + 40 * 3 / 5)
    assert expected_value(AT_LEAST, (2025, 10.0), 2025) == 60  # a milestone in the first year replaces the start


def test_projection_needs_two_cycles():
    projection = projected_year(AT_LEAST, [(2025, 50)])
    assert not projection.enough_data and projection.year is None


def test_projection_at_the_current_pace():
    projection = projected_year(AT_LEAST, [(2024, 40), (2025, 55)])  # +15/yr from 55: 100 in 3 years
    assert (projection.year, projection.target_year, projection.enough_data) == (2028, 2030, True)


def test_projection_not_at_this_pace():
    projection = projected_year(AT_LEAST, [(2024, 60), (2025, 50)])
    assert projection.enough_data and projection.year is None


def test_projection_already_reached_gives_the_first_year():
    assert projected_year(AT_LEAST, [(2024, 100), (2025, 100)]).year == 2024


def test_projection_for_an_at_most_target():
    assert projected_year(AT_MOST, [(2024, 9), (2025, 7)]).year == 2027  # -2/yr from 7 to 3


def test_competition_ranks_share_ties():
    assert competition_ranks(np.array([0.5, 0.7, 0.7, np.nan, 0.2])).tolist() == [3, 1, 1, 0, 4]


def test_ties_survive_float_noise():
    a = 0.1 + 0.2
    assert competition_ranks(np.array([a, 0.3])).tolist() == [1, 1]


def test_ranks_are_within_each_peer_group():
    ranks, peers = ranks_by_group(np.array([0.9, 0.1, 0.5, 0.8]),
                                  np.array(["commune", "department", "commune", "department"], dtype=object))
    assert ranks.tolist() == [1, 2, 2, 1]
    assert peers.tolist() == [2, 2, 2, 2]


@pytest.mark.parametrize(("index", "band"), [(0.0, 1), (0.199999, 1), (0.2, 2), (0.6 - 1e-12, 4), (0.8, 5),
                                             (1.0, 5)])
def test_bands(index, band):
    assert band_for(index, DEFAULT_BANDS).code == band


def test_no_index_no_band():
    assert band_for(None, DEFAULT_BANDS) is None
    assert band_for(float("nan"), DEFAULT_BANDS) is None
