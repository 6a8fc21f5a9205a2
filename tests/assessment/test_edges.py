"""The scoring and progress edges that docs/methodology-format.md ("Edges") writes down, each pinned here:
the exact cases of issue 11 item 11 on the demo database, then each documented edge on the shipped
methodologies and plain targets."""

from __future__ import annotations

import pytest

from assessment.domain.answer_matrix import build_matrix, long_from_answers
from assessment.domain.errors import InvalidAnswer
from assessment.domain.model import (
    Answer,
    IndicatorCode,
    Target,
    TargetSet,
    TargetStatus,
    Text,
    Unit,
    UnitCode,
    UnitKind,
)
from assessment.domain.progress import expected_value, progress_of, projected_year, target_status
from assessment.domain.scoring import ScoringContext, failed_checks, score_batch


def answer(code: str, value=None, a=None, b=None, *, na: bool = False, manual=None) -> Answer:
    return Answer(IndicatorCode(code), value, a, b, not_applicable=na, manual_points=manual)


def card(service, year: int, unit_code: str):
    return service.scores.for_cycle(year=year, unit_code=unit_code).scorecards[0]


def indicator(scorecard, code: str):
    return next(i for i in scorecard.indicators if i.code == code)


# ------------------------------------------------------------- a hidden question keeps its maximum


def test_district_272_hidden_khn02_keeps_its_maximum_whatever_is_typed(demo_service):
    save = demo_service.answers.save
    save(unit_code="272", year=2024, answer=answer("TCS01", "not_issued"))  # hides KHN02
    totals = {}
    for typed in ((0.0, 0.0), (0.0, 3.0), (2.0, 3.0)):
        save(unit_code="272", year=2024, answer=answer("KHN02", None, *typed))
        scorecard = card(demo_service, 2024, "272")
        khn02 = indicator(scorecard, "KHN02")
        assert not khn02.relevant and khn02.applicable and (khn02.points, khn02.max_points) == (0, 40)
        totals[typed] = (scorecard.points, scorecard.max_points)
    # 0/0 (b = 0, "not applicable" under KHN02's own rule) must not take 40 points of maximum away
    assert len(set(totals.values())) == 1, totals


def test_so_noi_vu_hidden_cqs09_declared_not_applicable_keeps_its_maximum(demo_service):
    save = demo_service.answers.save
    save(unit_code="SO_NOI_VU", year=2025, answer=answer("CQS01", 0.0))  # CQS09 is shown only when CQS01 > 0
    save(unit_code="SO_NOI_VU", year=2025, answer=answer("CQS09", 40.0))
    typed_value = card(demo_service, 2025, "SO_NOI_VU")
    save(unit_code="SO_NOI_VU", year=2025, answer=answer("CQS09", na=True))
    declared_na = card(demo_service, 2025, "SO_NOI_VU")
    assert (declared_na.points, declared_na.max_points) == (typed_value.points, typed_value.max_points)
    cqs09 = indicator(declared_na, "CQS09")
    assert (cqs09.applicable, cqs09.relevant, cqs09.points, cqs09.max_points) == (True, False, 0, 15)


def test_a_declared_na_counts_again_once_the_question_is_shown(demo_service):
    save = demo_service.answers.save
    save(unit_code="SO_NOI_VU", year=2025, answer=answer("CQS09", na=True))
    save(unit_code="SO_NOI_VU", year=2025, answer=answer("CQS01", 40.0))
    cqs09 = indicator(card(demo_service, 2025, "SO_NOI_VU"), "CQS09")
    assert (cqs09.applicable, cqs09.relevant, cqs09.max_points) == (False, True, 0)


# ------------------------------------------------------------- a projection describes the latest position


def test_vp_ubnd_cqs03_reached_then_lost_is_not_reported_as_reached(demo_service):
    save = demo_service.answers.save
    save(unit_code="VP_UBND", year=2024, answer=answer("CQS03", None, 91.0, 101.0))  # 90.1 %
    save(unit_code="VP_UBND", year=2025, answer=answer("CQS03", None, 4.0, 75.0))  # 5.3 %
    cqs03 = indicator(card(demo_service, 2025, "VP_UBND"), "CQS03")
    assert cqs03.value == pytest.approx(5.33, abs=0.01)
    assert cqs03.target_status == TargetStatus.BEHIND
    assert cqs03.projection_known and cqs03.projected_year is None  # "not at this pace", not "reached by 2024"
    series = next(s for s in demo_service.compare.unit_trend("VP_UBND").series if s.indicator_code == "CQS03")
    assert series.status == "behind" and series.projected_year is None
    # seen from 2024, the target was reached that year
    cqs03_2024 = indicator(card(demo_service, 2024, "VP_UBND"), "CQS03")
    assert cqs03_2024.target_status == TargetStatus.MET


# ------------------------------------------------------------- 0/0 is enterable where it is scored


@pytest.mark.parametrize(("unit_code", "year"), [("00004", 2025), ("272", 2024)])
@pytest.mark.parametrize("online_share", [0.0, 35.0])
def test_a_unit_without_dossiers_can_enter_cqs02_0_of_0(demo_service, unit_code, year, online_share):
    save = demo_service.answers.save
    save(unit_code=unit_code, year=year, answer=answer("CQS02", None, 0.0, 5.0))  # below any CQS01
    save(unit_code=unit_code, year=year, answer=answer("CQS01", online_share))
    save(unit_code=unit_code, year=year, answer=answer("CQS02", None, 0.0, 0.0))
    cqs02 = indicator(card(demo_service, year, unit_code), "CQS02")
    assert (cqs02.answered, cqs02.applicable, cqs02.points, cqs02.max_points) == (True, True, 0, 20)
    assert (cqs02.numerator, cqs02.denominator) == (0, 0)


def test_the_cqs02_rule_still_refuses_a_share_above_cqs01(demo_service):
    demo_service.answers.save(unit_code="00004", year=2025, answer=answer("CQS02", None, 0.0, 5.0))
    demo_service.answers.save(unit_code="00004", year=2025, answer=answer("CQS01", 10.0))
    with pytest.raises(InvalidAnswer, match="CQS01"):
        demo_service.answers.save(unit_code="00004", year=2025, answer=answer("CQS02", None, 50.0, 100.0))


def test_0_of_0_passes_the_import_rules_too(demo_service, tmp_path):
    path = tmp_path / "answers.csv"
    path.write_text("unit_code,cycle,indicator_code,value,numerator,denominator\n"
                    "00004,2025,CQS01,0,,\n00004,2025,CQS02,,0,0\n", encoding="utf-8")
    demo_service.answers.import_file(path)
    cqs02 = indicator(card(demo_service, 2025, "00004"), "CQS02")
    assert (cqs02.numerator, cqs02.denominator, cqs02.answered) == (0, 0, True)


# ------------------------------------------------------------- b = 0 under rules that compare a share

WARD = Unit(UnitCode("W1"), UnitKind.COMMUNE, "ward", Text("Phường Một", "Ward One"))
WARD2 = Unit(UnitCode("W2"), UnitKind.COMMUNE, "ward", Text("Phường Hai", "Ward Two"))


@pytest.fixture(scope="module")
def commune_2025():
    from questionnaires.catalog import shipped_methodologies

    return next(m for m in shipped_methodologies() if m.id == "hanoi-2025-commune")


def scored(methodology, rows, targets=None):
    matrix = build_matrix(methodology, len(rows), long_from_answers(rows))
    context = ScoringContext(2025, targets)
    return score_batch(methodology, [WARD, WARD2][:len(rows)], matrix, context), matrix


def at(scores, code, row=0):
    j = [i.code for i in scores.methodology.indicators].index(code)
    return (float(scores.points[j, row]), float(scores.max_points[j, row]), bool(scores.answered[j, row]),
            bool(scores.missing[j, row]))


@pytest.mark.parametrize("code", ["CQS02", "KTS02", "KTS01"])  # percent_of_target, steps, benchmark
def test_b_zero_scores_nothing_keeps_the_maximum_and_is_not_missing(commune_2025, targets, code):
    scores, _ = scored(commune_2025, [[answer(code, None, 0.0, 0.0)]], targets)
    top = commune_2025.indicator(code).max_points
    assert at(scores, code) == (0.0, top, True, False)


def test_b_zero_never_competes_for_the_benchmark_best(commune_2025, targets):
    scores, _ = scored(commune_2025, [[answer("KTS01", None, 0.0, 0.0)], [answer("KTS01", None, 3.0, 10.0)]],
                       targets)
    top = commune_2025.indicator("KTS01").max_points
    assert at(scores, "KTS01", 1)[0] == top and at(scores, "KTS01", 0)[0] == 0


def test_a_check_reading_the_share_of_0_of_0_is_not_judged(commune_2025, targets):
    rows = [[answer("CQS01", 10.0), answer("CQS02", None, 0.0, 0.0)],
            [answer("CQS01", 10.0), answer("CQS02", None, 5.0, 10.0)]]
    matrix = build_matrix(commune_2025, 2, long_from_answers(rows))
    broken = failed_checks(commune_2025, [WARD, WARD2], matrix, ScoringContext(2025, targets))
    assert [(row, code) for row, code, _ in broken] == [(1, "CQS02")]


# ------------------------------------------------------------- manual indicators before appraisal


def test_a_manual_indicator_before_appraisal_scores_zero_keeps_its_maximum_and_is_answered(commune_2025, targets):
    code = next(i.code for i in commune_2025.indicators if i.scoring.rule.value == "manual")
    top = commune_2025.indicator(code).max_points
    before, _ = scored(commune_2025, [[answer(code, "Đã triển khai")]], targets)
    assert at(before, code) == (0.0, top, True, False)
    unanswered, _ = scored(commune_2025, [[]], targets)
    assert at(unanswered, code) == (0.0, top, False, True)
    appraised, _ = scored(commune_2025, [[answer(code, "Đã triển khai", manual=top + 5)]], targets)
    assert at(appraised, code)[0] == top  # capped at the maximum


# ------------------------------------------------------------- targets: milestones and cycles

TWO = Target("t", "chinh_quyen_so", Text("Hồ sơ", "Files"), "percent", "min", ((2025, 60.0), (2030, 100.0)))


def test_after_the_last_milestone_the_last_one_is_the_target_and_the_line():
    assert expected_value(TWO, (2024, 10.0), 2032) == 100
    assert target_status(TWO, [(2031, 99)], 2031) == TargetStatus.BEHIND  # no "on track" after the last
    assert target_status(TWO, [(2031, 100)], 2031) == TargetStatus.MET
    assert TWO.milestone_for(2033) == (2030, 100.0)


def test_after_the_last_milestone_percent_of_target_scores_against_it(commune_2025):
    target = Target("hn2025_commune_dossiers_online", "chinh_quyen_so", Text("x", "x"), "percent", "min",
                    ((2025, 80.0),))
    matrix = build_matrix(commune_2025, 1, long_from_answers([[answer("CQS01", 40.0)]]))
    scores = score_batch(commune_2025, [WARD], matrix, ScoringContext(2027, TargetSet("t", (target,))))
    j = [i.code for i in commune_2025.indicators].index("CQS01")
    assert scores.points[j, 0] == pytest.approx(40 / 80 * commune_2025.indicator("CQS01").max_points)


def test_a_unit_first_assessed_between_milestones_starts_on_the_milestone_line():
    # 2025 -> 2030 line: 60 + 40 x 2/5 = 76 expected in 2027, even in the unit's first cycle
    assert expected_value(TWO, (2027, 65.0), 2027) == pytest.approx(76)
    assert target_status(TWO, [(2027, 65)], 2027) == TargetStatus.BEHIND
    assert target_status(TWO, [(2027, 80)], 2027) == TargetStatus.ON_TRACK
    assert target_status(TWO, [(2027, 65), (2028, 90)], 2028) == TargetStatus.ON_TRACK  # 84 expected


def test_a_unit_first_assessed_before_the_first_milestone_starts_from_its_own_value():
    assert target_status(TWO, [(2024, 40)], 2024) == TargetStatus.BASELINE  # its own line: not judged yet
    assert expected_value(TWO, (2023, 10.0), 2024) == pytest.approx(35)


def test_a_scored_cycle_without_a_value_has_no_status_and_no_projection():
    status, projection = progress_of(TWO, [(2024, 40), (2025, 55)], 2026)
    assert status == TargetStatus.NO_DATA
    assert not projection.enough_data and projection.year is None


def test_a_cycle_without_a_value_in_between_is_skipped():
    # 2025 missing: slope over 2024 and 2026 is +20/yr; 100 from 80 is one more year
    status, projection = progress_of(TWO, [(2024, 40), (2025, None), (2026, 80)], 2026)
    assert status == TargetStatus.ON_TRACK and projection.year == 2027


def test_a_target_reached_and_lost_projects_from_the_latest_value():
    assert projected_year(TWO, [(2024, 100), (2025, 5.3)]).year is None
    assert projected_year(TWO, [(2023, 10), (2024, 100), (2025, 50), (2026, 90)]).year == 2027  # +19/yr
    reached_again = projected_year(TWO, [(2024, 100), (2025, 50), (2026, 100), (2027, 100)])
    assert reached_again.year == 2026  # the first cycle of the unbroken run that reached it


def test_an_at_most_target_gives_a_value_of_0_full_points(mini):
    from dataclasses import replace

    rank = Target("rank", "tong_quat", Text("Hạng", "Rank"), "rank", "max", ((2025, 5.0),))
    m = replace(mini, indicators=tuple(replace(i, target_id="rank") if i.code == "A3" else i for i in mini.indicators))
    matrix = build_matrix(m, 1, long_from_answers([[answer("A3", 0.0)]]))
    scores = score_batch(m, [WARD], matrix, ScoringContext(2025, TargetSet("t", (rank,))))
    j = [i.code for i in m.indicators].index("A3")
    assert (scores.points[j, 0], scores.max_points[j, 0]) == (20, 20)
