"""The entry form's incremental live score equals scoring the whole form again, for random edits of every shipped
methodology and of tests/data/mini.yaml (every rule, applies_if, relevant_if, half_if reading `.answered`, a check
between two indicators, a benchmark against peers): every indicator's points, maximum, flags, the pillar sums,
the total, the warnings, the checks an edit breaks and the scorecard the window shows."""

from __future__ import annotations

import random

import numpy as np
import pytest

from assessment.domain.answers import answer_problems, plausibility_problems
from assessment.domain.live_scoring import LiveScores, affected_by, peer_dependent
from assessment.domain.model import Answer, AnswerType, Indicator, IndicatorCode, Rule, Text, Unit, UnitCode, UnitKind
from assessment.domain.scoring import ScoringContext, failed_checks
from assessment.services.entry_area import EntrySession
from assessment.services.live_entry import live_change, live_entry

WARD = Unit(UnitCode("00070"), UnitKind.COMMUNE, "ward", Text("Phường Một", "Ward One"))
COMMUNE = Unit(UnitCode("00256"), UnitKind.COMMUNE, "commune", Text("Xã Một", "Commune One"))
DISTRICT = Unit(UnitCode("D1"), UnitKind.DISTRICT, "rural_district", Text("Huyện Một", "District One"))
DEPARTMENT = Unit(UnitCode("S1"), UnitKind.DEPARTMENT, "department", Text("Sở Một", "Department One"),
                  digital_economy_duty=True)
ARRAYS = ("points", "max_points", "applicable", "relevant", "answered", "pillar_points", "pillar_max", "total",
          "total_max")


def random_answer(indicator: Indicator, rng: random.Random) -> Answer:
    """Any answer a form can hold for the indicator, refused ones included: blanks, out of range, b = 0, N/A."""
    code, kind = IndicatorCode(indicator.code), indicator.answer.type
    manual = rng.choice([None, round(rng.uniform(-5, indicator.max_points + 5), 1)]) \
        if indicator.scoring.rule == Rule.MANUAL else None
    if rng.random() < 0.12:
        return Answer(code, manual_points=manual)
    if indicator.not_applicable_allowed and rng.random() < 0.12:
        return Answer(code, not_applicable=True)
    if kind == AnswerType.RATIO:
        b = rng.choice([0.0, 1.0, float(rng.randint(1, 80))])
        return Answer(code, None, float(rng.randint(0, int(b) + 3)), b, manual_points=manual)
    if kind == AnswerType.BOOLEAN:
        return Answer(code, float(rng.random() < 0.5), manual_points=manual)
    if kind == AnswerType.CHOICE:
        return Answer(code, rng.choice([o.code for o in indicator.answer.options]), manual_points=manual)
    if kind == AnswerType.MULTI_CHOICE:
        chosen = tuple(o.code for o in indicator.answer.options if rng.random() < 0.5)
        return Answer(code, choices=chosen, manual_points=manual)
    if kind == AnswerType.DATE:
        return Answer(code, f"20{rng.randint(20, 27)}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}", manual_points=manual)
    if kind == AnswerType.TEXT:
        return Answer(code, rng.choice(["", "Đã triển khai", "x"]), manual_points=manual)
    return Answer(code, rng.choice([0.0, 1.0, round(rng.uniform(-3, 140), 1), float(rng.randint(0, 40))]),
                  manual_points=manual)


def assert_same_scores(incremental: LiveScores, full: LiveScores) -> None:
    for name in ARRAYS:
        assert np.array_equal(getattr(incremental.scores, name), getattr(full.scores, name), equal_nan=True), name
    assert incremental.scores.warnings == full.scores.warnings


def checks_broken_by(full: LiveScores, unit: Unit, context: ScoringContext, code: str) -> list[object]:
    """What EntryArea.evaluate refuses an answer to `code` for, from a whole-form check."""
    failures = failed_checks(full.methodology, [unit], full.matrix, context)
    return [check for _, own, check in failures if own == code or code in check.expression.references]


def edit_many(methodology, unit: Unit, targets, seed: int, edits: int = 60) -> None:
    rng = random.Random(seed)
    floor = {(unit.kind.value, i.code): rng.choice([0.0, 5.0, 80.0]) for i in methodology.indicators
             if peer_dependent(i)}
    context = ScoringContext(2025, targets, floor)
    indicators = list(methodology.indicators)
    answers = {i.code: random_answer(i, rng) for i in indicators if rng.random() < 0.6}
    session = EntrySession(unit, 2025, methodology, None, answers, floor, targets)
    live = live_entry(session, answers)
    for _ in range(edits):
        answer = random_answer(rng.choice(indicators), rng)
        code = answer.indicator_code
        changed = live.scores.changed(answer)
        answers = {**answers, code: answer}
        full = LiveScores.full(methodology, unit, answers, context)
        assert_same_scores(changed, full)
        assert changed.broken_checks(code) == checks_broken_by(full, unit, context, code)
        assert changed.rescored == affected_by(methodology)[code]
        reason, accepted = live_change(live, answer)
        indicator = methodology.indicator(code)
        expected = answer_problems(indicator, answer) or plausibility_problems(
            indicator, answer, live.answers.get(code)) or next(iter(checks_broken_by(full, unit, context, code)), None)
        assert reason == expected  # refused for the same reason as a whole-form check (EntryArea.evaluate)
        if accepted is not None:  # the scorecard kept between edits is the one the whole form gives
            assert accepted.card == live_entry(session, answers).card
            live = accepted
        else:
            answers = dict(live.answers)  # refused: the form keeps its previous answer


@pytest.mark.parametrize("seed", range(12))
@pytest.mark.parametrize("unit", [WARD, COMMUNE, DISTRICT], ids=["ward", "commune", "district"])
def test_incremental_equals_full_on_every_rule(mini, targets, unit, seed):
    edit_many(mini, unit, targets, seed)


@pytest.mark.parametrize("seed", range(4))
def test_incremental_equals_full_on_the_shipped_methodologies(targets, seed):
    from questionnaires.catalog import shipped_methodologies

    units = {UnitKind.COMMUNE: [WARD, COMMUNE], UnitKind.DISTRICT: [DISTRICT], UnitKind.DEPARTMENT: [DEPARTMENT]}
    tried = 0
    for methodology in shipped_methodologies():
        for unit in [u for kind, us in units.items() if kind.value in {k.value for k in methodology.applies_to}
                     for u in us]:
            edit_many(methodology, unit, targets, seed * 101 + tried, edits=30)
            tried += 1
    assert tried >= 4


def test_an_edit_rescores_only_what_reads_it(mini):
    """A1 is read by A2 (relevant_if) and A4 (half_if): those three; B1 is read by nobody: itself."""
    graph = affected_by(mini)
    assert graph["A1"] == {"A1", "A2", "A4"}
    assert graph["B1"] == {"B1"}


def test_benchmark_is_marked_peer_dependent(mini):
    assert [i.code for i in mini.indicators if peer_dependent(i)] == ["A5"]
