"""Every scoring rule and its edges, on tests/data/mini.yaml (pure functions: no database, no Qt)."""

from __future__ import annotations

import numpy as np
import pytest

from assessment.domain.answer_matrix import build_matrix, long_from_answers
from assessment.domain.model import Answer, Target, TargetSet, Text, Unit, UnitCode, UnitKind
from assessment.domain.scoring import ScoringContext, UnitColumns, benchmark_bests, failed_checks, score_batch

WARD = Unit(UnitCode("W1"), UnitKind.COMMUNE, "ward", Text("Phường Một", "Ward One"))
COMMUNE = Unit(UnitCode("C1"), UnitKind.COMMUNE, "commune", Text("Xã Một", "Commune One"))
DISTRICT = Unit(UnitCode("D1"), UnitKind.DISTRICT, "rural_district", Text("Huyện Một", "District One"))


def score(methodology, units, answer_lists, targets=None, cycle=2025, floor=None):
    matrix = build_matrix(methodology, len(units), long_from_answers(answer_lists))
    context = ScoringContext(cycle, targets, floor or {})
    return score_batch(methodology, units, matrix, context), matrix


def points(scores, code, row=0):
    j = [i.code for i in scores.methodology.indicators].index(code)
    return float(scores.points[j, row]), float(scores.max_points[j, row])


def only(methodology, answer, unit=WARD, targets=None):
    scores, _ = score(methodology, [unit], [[answer]], targets)
    return points(scores, answer.indicator_code)


# --------------------------------------------------------------------------------------------- steps

@pytest.mark.parametrize(("meetings", "expected"), [(0, 0), (1, 5), (2, 10), (3, 15), (4, 20), (12, 20), (2.5, 10)])
def test_steps(mini, meetings, expected):
    assert only(mini, Answer("A1", float(meetings))) == (expected, 20)


# --------------------------------------------------------------------------------------------- ratio

def test_ratio_is_share_of_max(mini):
    # A2 is shown only when A1 > 0
    scores, _ = score(mini, [WARD], [[Answer("A1", 4.0), Answer("A2", numerator=3, denominator=4)]])
    assert points(scores, "A2") == (15, 20)


def test_ratio_zero_denominator_follows_the_declaration(mini, targets):
    from dataclasses import replace

    a2 = mini.indicator("A2")
    results = {}
    for rule in ("zero", "full", "not_applicable"):
        changed = replace(mini, indicators=tuple(
            replace(i, scoring=replace(i.scoring, zero_denominator=rule)) if i.code == "A2" else i
            for i in mini.indicators))
        scores, _ = score(changed, [WARD], [[Answer("A1", 1.0), Answer("A2", numerator=0, denominator=0)]])
        results[rule] = points(scores, "A2")
    assert a2.scoring.zero_denominator == "zero"
    assert results == {"zero": (0, 20), "full": (20, 20), "not_applicable": (0, 0)}


def test_hidden_indicator_scores_zero_keeps_max_and_is_not_missing(mini):
    scores, _ = score(mini, [WARD], [[Answer("A1", 0.0), Answer("A2", numerator=3, denominator=4)]])
    j = 1
    assert points(scores, "A2") == (0, 20)
    assert not scores.relevant[j, 0]
    assert not scores.missing[j, 0]


# -------------------------------------------------------------------------------------- % of target

def test_percent_of_linked_target_uses_the_cycle_milestone(mini, targets):
    assert targets.get("online_tthc_share").value_in(2025) == 100
    assert only(mini, Answer("A3", 45.0), targets=targets) == (9, 20)


def test_percent_of_target_is_capped_at_max(mini):
    assert only(mini, Answer("B3", 80.0)) == (25, 25)  # fixed target 50


def test_percent_of_target_for_an_at_most_target_inverts():
    from dataclasses import replace

    rank = Target("rank", "tong_quat", Text("Hạng", "Rank"), "rank", "max", ((2025, 5.0),))
    from questionnaires.loader import load_methodology
    from tests.conftest import DATA

    m = load_methodology(DATA / "mini.yaml", {"online_tthc_share", "rank"})
    m = replace(m, indicators=tuple(replace(i, target_id="rank") if i.code == "A3" else i for i in m.indicators))
    at_most = TargetSet("t", (rank,))
    assert only(m, Answer("A3", 10.0), targets=at_most) == (10, 20)  # 5 / 10 of max
    assert only(m, Answer("A3", 4.0), targets=at_most) == (20, 20)


def test_missing_target_value_scores_zero_with_a_warning(mini):
    empty = TargetSet("none", ())
    scores, _ = score(mini, [WARD], [[Answer("A3", 90.0)]], targets=empty)
    assert points(scores, "A3") == (0, 20)
    assert any("online_tthc_share" in w for w in scores.warnings)


# ------------------------------------------------------------------------------------------- choice

def test_single_choice_points(mini):
    assert only(mini, Answer("B1", "quarterly")) == (10, 25)
    assert only(mini, Answer("B1", "never")) == (0, 25)


def test_multiple_choice_sums_and_caps(mini):
    assert only(mini, Answer("B2", choices=("zalo",))) == (10, 25)
    assert only(mini, Answer("B2", choices=("zalo", "portal", "app"))) == (25, 25)
    assert only(mini, Answer("B2", choices=())) == (0, 25)


def test_empty_multiple_choice_is_an_answer(mini):
    scores, _ = score(mini, [WARD], [[Answer("B2", choices=())]])
    assert scores.answered[6, 0]


# ------------------------------------------------------------------------------------------ boolean

def test_boolean_full_half_zero(mini):
    # A4 gives half points when A1 is not answered
    assert only(mini, Answer("A4", 1.0)) == (10, 20)
    scores, _ = score(mini, [WARD], [[Answer("A4", 1.0), Answer("A1", 2.0)]])
    assert points(scores, "A4") == (20, 20)
    assert only(mini, Answer("A4", 0.0)) == (0, 20)


# ---------------------------------------------------------------------------------------- benchmark

def test_benchmark_against_the_best_peer(mini):
    scores, _ = score(mini, [WARD, COMMUNE], [[Answer("A5", 50.0)], [Answer("A5", 200.0)]])
    assert points(scores, "A5", 0) == (5, 20)
    assert points(scores, "A5", 1) == (20, 20)


def test_benchmark_with_one_unit_gives_full_marks(mini):
    assert only(mini, Answer("A5", 7.0)) == (20, 20)
    assert only(mini, Answer("A5", 0.0)) == (0, 20)


def test_benchmark_peers_are_the_same_kind(mini):
    scores, _ = score(mini, [WARD, DISTRICT], [[Answer("A5", 50.0)], [Answer("A5", 500.0)]])
    assert points(scores, "A5", 0) == (20, 20)


def test_benchmark_floor_carries_peers_outside_the_batch(mini):
    scores, matrix = score(mini, [WARD, COMMUNE], [[Answer("A5", 50.0)], [Answer("A5", 200.0)]])
    floor = benchmark_bests(scores, UnitColumns.of([WARD, COMMUNE]), matrix)
    alone, _ = score(mini, [WARD], [[Answer("A5", 50.0)]], floor=floor)
    assert points(alone, "A5") == (5, 20)


# ------------------------------------------------------------------------------- manual, N/A, missing

def test_manual_points_are_the_appraisers_capped(mini):
    assert only(mini, Answer("B4", "done", manual_points=12.5)) == (12.5, 25)
    assert only(mini, Answer("B4", "done", manual_points=99)) == (25, 25)
    assert only(mini, Answer("B4", "done")) == (0, 25)


def test_applicability_rule_removes_points_and_max(mini):
    assert only(mini, Answer("B3", 50.0), unit=COMMUNE) == (0, 0)  # B3 applies only to wards


def test_declared_not_applicable_only_where_allowed(mini):
    assert only(mini, Answer("B4", not_applicable=True)) == (0, 0)
    assert only(mini, Answer("A1", 4.0, not_applicable=True)) == (20, 20)  # not allowed: ignored


def test_missing_answers_score_zero_and_are_reported(mini):
    scores, _ = score(mini, [WARD], [[Answer("A1", 4.0)]])
    missing = {c for c, m in zip([i.code for i in mini.indicators], scores.missing[:, 0], strict=True) if m}
    assert missing == {"A2", "A3", "A4", "A5", "B1", "B2", "B3", "B4", "D1"}
    assert scores.total[0] == 20


def test_totals_index_and_unscored_pillar(mini, targets):
    answers = [Answer("A1", 4.0), Answer("A2", numerator=3, denominator=4), Answer("A3", 50.0), Answer("A4", 1.0),
               Answer("A5", 9.0), Answer("B1", "monthly"), Answer("B2", choices=("zalo", "app")),
               Answer("B3", 25.0), Answer("B4", "ok", manual_points=20), Answer("D1", "2025-03-01")]
    scores, _ = score(mini, [WARD], [answers], targets)
    assert scores.total[0] == pytest.approx(20 + 15 + 10 + 20 + 20 + 25 + 20 + 12.5 + 20)
    assert scores.total_max[0] == 200
    assert scores.index[0] == pytest.approx(162.5 / 200)
    dtm = scores.pillar_codes.index("DTM")
    assert scores.pillar_max[dtm, 0] == 0


def test_unit_with_nothing_applicable_has_no_index(mini):
    from dataclasses import replace

    m = replace(mini, indicators=tuple(replace(i, applies_if=mini.indicator("B3").applies_if)
                                       for i in mini.indicators))
    scores, _ = score(m, [COMMUNE], [[]])
    assert scores.total_max[0] == 0
    assert np.isnan(scores.index[0])


def test_a_batch_equals_one_by_one(mini, targets):
    lists = [[Answer("A1", float(k % 5)), Answer("A5", float(k)), Answer("B1", ["monthly", "never"][k % 2])]
             for k in range(1, 7)]
    units = [WARD if k % 2 else COMMUNE for k in range(6)]
    batch, matrix = score(mini, units, lists, targets)
    floor = benchmark_bests(batch, UnitColumns.of(units), matrix)
    for i in range(6):
        single, _ = score(mini, [units[i]], [lists[i]], targets, floor=floor)
        assert single.total[0] == pytest.approx(batch.total[i])


# ------------------------------------------------------------------------------------------- checks

def test_validation_checks_run_only_when_their_inputs_are_answered(mini):
    ok = [Answer("A1", 4.0), Answer("A2", numerator=2, denominator=4)]
    bad = [Answer("A1", 4.0), Answer("A2", numerator=2, denominator=5)]
    unknown = [Answer("A2", numerator=2, denominator=5)]
    matrix = build_matrix(mini, 3, long_from_answers([ok, bad, unknown]))
    failures = failed_checks(mini, [WARD, WARD, WARD], matrix, ScoringContext(2025))
    assert [(row, code) for row, code, _ in failures] == [(1, "A2")]
    assert failures[0][2].message.en == "Denominator must equal meetings"
