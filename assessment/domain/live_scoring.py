"""One unit's live score, kept between edits: a changed answer rescores only what it can affect.

An indicator's points read its own answer and, through `applies_if`, `relevant_if` and `half_if`, the answers
(and visibility) of the indicators those expressions name. So a changed answer can move only its own indicator
and the indicators that read it, directly or through another reader (`affected_by`); everything else keeps its
result, and the unit's pillar sums and total are summed again from the kept and the new points. The result is
the same, number for number, as scoring the whole form again (tests/assessment/test_live_scoring.py compares
both for random edits).

Rules whose points depend on other units (`ScoringRule.peer_dependent`: benchmark) are scored against the peers'
best as it was when the form was opened (`ScoringContext.benchmark_floor`); they are recomputed with every unit at
ranking time, and the window says so beside them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from assessment.domain.answer_matrix import AnswerMatrix, build_matrix, long_from_answers
from assessment.domain.model import Answer, Check, Indicator, Methodology, Unit
from assessment.domain.rules import RULES
from assessment.domain.scoring import (
    BatchScores,
    ScoreState,
    ScoringContext,
    UnitColumns,
    broken_checks,
    evaluation_order,
)


def peer_dependent(indicator: Indicator) -> bool:
    """Whether the indicator's points depend on other units' answers (benchmark): final only at ranking."""
    return RULES[indicator.scoring.rule].peer_dependent


def affected_by(methodology: Methodology) -> Mapping[str, frozenset[str]]:
    """Per indicator code: the indicators whose results its answer can change (itself, its readers, their
    readers…). Cached on the methodology, like its evaluation order."""
    cached: dict[str, frozenset[str]] | None = methodology.__dict__.get("_affected_by")
    if cached is None:
        readers: dict[str, set[str]] = {i.code: set() for i in methodology.indicators}
        for indicator in methodology.indicators:
            for expr in (indicator.applies_if, indicator.relevant_if, indicator.scoring.half_if):
                for code in expr.references if expr is not None else ():
                    if code in readers and code != indicator.code:
                        readers[code].add(indicator.code)
        cached = {code: frozenset(_reachable(code, readers)) for code in readers}
        object.__setattr__(methodology, "_affected_by", cached)
    return cached


def _reachable(start: str, readers: Mapping[str, set[str]]) -> set[str]:
    seen, frontier = {start}, [start]
    while frontier:
        for reader in readers[frontier.pop()]:
            if reader not in seen:
                seen.add(reader)
                frontier.append(reader)
    return seen


@dataclass(frozen=True)
class LiveScores:
    """One unit's answers, matrix and scores (a batch of one). `changed` gives the scores with one answer
    replaced, rescoring only the indicators `affected_by` it; this object is never modified."""

    methodology: Methodology
    answers: Mapping[str, Answer]
    matrix: AnswerMatrix
    state: ScoreState
    scores: BatchScores
    rescored: frozenset[str]  # the indicators scored for this result (all of them for a full score)

    @classmethod
    def full(cls, methodology: Methodology, unit: Unit, answers: Mapping[str, Answer],
             context: ScoringContext) -> LiveScores:
        """Score every indicator (opening a form)."""
        matrix = build_matrix(methodology, 1, long_from_answers([list(answers.values())]))
        state = ScoreState.start(methodology, UnitColumns.of([unit]), matrix, context)
        for code in evaluation_order(methodology):
            state.score(code)
        return cls(methodology, dict(answers), matrix, state, state.totals(),
                   frozenset(i.code for i in methodology.indicators))

    def changed(self, answer: Answer) -> LiveScores:
        """The scores with `answer` in place of the form's answer to its indicator."""
        code = answer.indicator_code
        matrix = _with_answer(self.methodology, self.matrix, answer)
        state = self.state.copy(matrix)
        affected = affected_by(self.methodology)[code]
        for each in evaluation_order(self.methodology):
            if each in affected:
                state.score(each)
        return LiveScores(self.methodology, {**self.answers, code: answer}, matrix, state, state.totals(), affected)

    def broken_checks(self, code: str) -> list[Check]:
        """The checks an answer to `code` breaks: its own indicator's checks and those of indicators that read it
        (the same judgement as `scoring.failed_checks`)."""
        indicators = [i for i in self.methodology.indicators
                      if i.code == code or any(code in c.expression.references for c in i.checks)]
        mine = [(own, check) for _, own, check in broken_checks(self.scores, self.state.env, indicators)]
        return [check for own, check in mine if own == code or code in check.expression.references]


def _with_answer(methodology: Methodology, matrix: AnswerMatrix, answer: Answer) -> AnswerMatrix:
    """A copy of a one-unit matrix with the answer's column replaced (built by the same code as a full matrix)."""
    one = build_matrix(methodology, 1, long_from_answers([[answer]]))
    j = matrix.column(answer.indicator_code)
    copied = AnswerMatrix(matrix.codes, matrix.number.copy(), matrix.numerator.copy(), matrix.denominator.copy(),
                          matrix.choices.copy(), matrix.not_applicable.copy(), matrix.manual.copy(),
                          dict(matrix.text))
    for name in ("number", "numerator", "denominator", "choices", "not_applicable", "manual"):
        getattr(copied, name)[j] = getattr(one, name)[j]
    if answer.indicator_code in one.text:
        copied.text[answer.indicator_code] = one.text[answer.indicator_code]
    return copied
