"""Score assessments against a methodology: pure functions over plain arrays (no Qt, no SQLAlchemy).

`score_batch` scores n assessments of one methodology in one cycle at once, one numpy operation per
indicator, so the window's live score (n = 1) and a national run (n = 10,000) share the same code.

Rules (docs/methodology-format.md, "Edges"): a not-applicable indicator removes its points and its maximum; a
hidden (not relevant) one scores 0 and keeps its maximum whatever was typed into it (a declared N/A included); a
missing answer scores 0 and is reported as missing.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np

from assessment.domain.answer_matrix import AnswerMatrix
from assessment.domain.graph import topological_order
from assessment.domain.model import AnswerType, Check, Indicator, Methodology, Rule, TargetSet, Unit
from assessment.domain.rules import (
    RULES,
    RuleInput,
    benchmark_values,
    ratio_values,
)


@dataclass(frozen=True)
class UnitColumns:
    """Unit attributes as arrays, one element per assessment (what `unit.<name>` reads)."""

    code: np.ndarray
    kind: np.ndarray
    subtype: np.ndarray
    urban: np.ndarray
    town: np.ndarray
    digital_economy_duty: np.ndarray

    @classmethod
    def of(cls, units: Sequence[Unit]) -> UnitColumns:
        return cls(
            code=np.array([u.code for u in units], dtype=object),
            kind=np.array([u.kind.value for u in units], dtype=object),
            subtype=np.array([u.subtype for u in units], dtype=object),
            urban=np.array([u.urban for u in units], dtype=bool),
            town=np.array([u.town for u in units], dtype=bool),
            digital_economy_duty=np.array([u.digital_economy_duty for u in units], dtype=bool),
        )


@dataclass(frozen=True)
class ScoringContext:
    """What scoring needs besides the answers: the cycle, the targets, and for benchmark indicators the best
    value among peers outside this batch (key: (unit kind, indicator code))."""

    cycle: int
    targets: TargetSet | None = None
    benchmark_floor: Mapping[tuple[str, str], float] = field(default_factory=dict)


@dataclass
class BatchScores:
    """Scores of n assessments: per indicator (k, n), per pillar (p, n), totals (n,)."""

    methodology: Methodology
    points: np.ndarray
    max_points: np.ndarray
    applicable: np.ndarray
    relevant: np.ndarray
    answered: np.ndarray
    pillar_codes: tuple[str, ...]
    pillar_points: np.ndarray
    pillar_max: np.ndarray
    total: np.ndarray
    total_max: np.ndarray
    warnings: list[str]

    @property
    def index(self) -> np.ndarray:
        with np.errstate(divide="ignore", invalid="ignore"):
            return np.where(self.total_max > 0, self.total / self.total_max, np.nan)

    @property
    def pillar_index(self) -> np.ndarray:
        with np.errstate(divide="ignore", invalid="ignore"):
            return np.where(self.pillar_max > 0, self.pillar_points / self.pillar_max, np.nan)

    @property
    def missing(self) -> np.ndarray:
        missing: np.ndarray = self.applicable & self.relevant & ~self.answered
        return missing


class _Env:
    """Expression values for the batch; an indicator not (yet) visible reads as unanswered."""

    def __init__(self, matrix: AnswerMatrix, units: UnitColumns, cycle: int, specs: Mapping[str, Indicator]):
        self.size = matrix.size
        self.matrix = matrix
        self.units = units
        self.cycle = np.array(float(cycle))
        self.specs = specs
        self.columns = {code: j for j, code in enumerate(matrix.codes)}
        self.visible: dict[str, np.ndarray] = {}
        self.answered: dict[str, np.ndarray] = {}

    def ref(self, path: tuple[str, ...]) -> np.ndarray:
        head = path[0]
        if head == "cycle":
            return self.cycle
        if head == "unit":
            return np.asarray(getattr(self.units, path[1]))  # a unit attribute's column (already an array)
        seen = self.visible.get(head)
        if len(path) == 2 and path[1] == "answered":
            answered = self.answered.get(head, answered_mask(self.specs[head], self.matrix, self.columns[head]))
            return answered if seen is None else answered & seen
        values = self.raw(head, path[1] if len(path) == 2 else None)
        if seen is None or seen.all():
            return values
        return _blank(values, ~seen)

    def raw(self, code: str, part: str | None) -> np.ndarray:
        j, kind = self.columns[code], self.specs[code].answer.type
        if part == "numerator":
            return np.asarray(self.matrix.numerator[j])  # asarray: the row itself, typed (numpy types a row as Any)
        if part == "denominator":
            return np.asarray(self.matrix.denominator[j])
        if kind == AnswerType.RATIO:
            return ratio_values(self.matrix, j)
        if kind == AnswerType.MULTI_CHOICE:
            return np.asarray(self.matrix.choices[j])
        if kind in (AnswerType.CHOICE, AnswerType.TEXT, AnswerType.DATE):
            return self.matrix.text[code]
        return np.asarray(self.matrix.number[j])


def _blank(values: np.ndarray, hide: np.ndarray) -> np.ndarray:
    if values.dtype == object:
        out = values.copy()
        out[hide] = None
        return out
    if values.dtype.kind in "iu":
        return np.where(hide, -1, values)
    return np.where(hide, np.nan, values)


def answered_mask(indicator: Indicator, matrix: AnswerMatrix, j: int) -> np.ndarray:
    kind = indicator.answer.type
    given: np.ndarray
    if kind == AnswerType.RATIO:
        given = ~np.isnan(matrix.numerator[j]) & ~np.isnan(matrix.denominator[j])
    elif kind == AnswerType.MULTI_CHOICE:
        given = matrix.choices[j] >= 0
    elif kind in (AnswerType.TEXT, AnswerType.DATE):
        column = matrix.text[indicator.code]
        given = np.fromiter((v is not None and v != "" for v in column), dtype=bool, count=len(column))
    else:
        given = ~np.isnan(matrix.number[j])
    if indicator.scoring.rule == Rule.MANUAL:
        given = given | ~np.isnan(matrix.manual[j])
    return given


def score_batch(methodology: Methodology, units: Sequence[Unit] | UnitColumns, matrix: AnswerMatrix,
                context: ScoringContext) -> BatchScores:
    """Score every assessment in the batch (all of one methodology and one cycle)."""
    return _run(methodology, units, matrix, context)[0]


def failed_checks(methodology: Methodology, units: Sequence[Unit] | UnitColumns, matrix: AnswerMatrix,
                  context: ScoringContext) -> list[tuple[int, str, Check]]:
    """(assessment row, indicator code, check) for every validation check an answer breaks. A check is judged
    only where its indicator counts (applicable, shown, answered), every indicator it reads is answered and
    shown, and every value it reads exists (a ratio with b = 0 has no share a ÷ b)."""
    return score_and_check(methodology, units, matrix, context)[1]


def score_and_check(methodology: Methodology, units: Sequence[Unit] | UnitColumns, matrix: AnswerMatrix,
                    context: ScoringContext) -> tuple[BatchScores, list[tuple[int, str, Check]]]:
    """Scores and broken checks from one evaluation (the window needs both after every change)."""
    state = ScoreState.start(methodology, units, matrix, context)
    for code in evaluation_order(methodology):
        state.score(code)
    scores = state.totals()
    return scores, broken_checks(scores, state.env, methodology.indicators)


def broken_checks(scores: BatchScores, env: _Env, indicators: Sequence[Indicator]
                  ) -> list[tuple[int, str, Check]]:
    """(row, indicator code, check) for every check of `indicators` that an answer breaks (see failed_checks)."""
    failures: list[tuple[int, str, Check]] = []
    for indicator in indicators:
        j = env.columns[indicator.code]
        for check in indicator.checks:
            judged = scores.applicable[j] & scores.relevant[j] & scores.answered[j]
            for code in check.expression.references:
                judged = judged & env.answered[code] & env.visible[code]
            broken = judged & check.expression.decidable(env) & ~check.expression.holds(env)
            failures += [(int(row), indicator.code, check) for row in np.flatnonzero(broken)]
    return failures


def _run(methodology: Methodology, units: Sequence[Unit] | UnitColumns, matrix: AnswerMatrix,
         context: ScoringContext) -> tuple[BatchScores, _Env]:
    state = ScoreState.start(methodology, units, matrix, context)
    for code in evaluation_order(methodology):
        state.score(code)
    return state.totals(), state.env


@dataclass
class ScoreState:
    """Per-indicator results of a batch while it is scored, and the expressions' environment. Scoring every
    indicator in `evaluation_order` once is a full score; a live score (assessment.domain.live_scoring) copies a
    finished state and scores again only the indicators an answer can affect."""

    methodology: Methodology
    columns: UnitColumns
    context: ScoringContext
    env: _Env
    points: np.ndarray
    maximum: np.ndarray
    applicable: np.ndarray
    relevant: np.ndarray
    answered: np.ndarray
    warnings: dict[str, list[str]]  # per indicator code: what its rule warned about

    @classmethod
    def start(cls, methodology: Methodology, units: Sequence[Unit] | UnitColumns, matrix: AnswerMatrix,
              context: ScoringContext) -> ScoreState:
        columns = units if isinstance(units, UnitColumns) else UnitColumns.of(units)
        k, n = len(matrix.codes), matrix.size
        specs: dict[str, Indicator] = {i.code: i for i in methodology.indicators}
        return cls(methodology, columns, context, _Env(matrix, columns, context.cycle, specs), np.zeros((k, n)),
                   np.zeros((k, n)), np.ones((k, n), dtype=bool), np.ones((k, n), dtype=bool),
                   np.zeros((k, n), dtype=bool), {})

    def copy(self, matrix: AnswerMatrix) -> ScoreState:
        """The same results over `matrix` (the same shape), to be scored again where an answer changed."""
        env = _Env(matrix, self.columns, self.context.cycle, self.env.specs)
        env.visible, env.answered = dict(self.env.visible), dict(self.env.answered)
        return ScoreState(self.methodology, self.columns, self.context, env, self.points.copy(),
                          self.maximum.copy(), self.applicable.copy(), self.relevant.copy(), self.answered.copy(),
                          dict(self.warnings))

    def score(self, code: str) -> None:
        """Score one indicator; every indicator its expressions read must be scored already."""
        env, matrix = self.env, self.env.matrix
        indicator, j = env.specs[code], env.columns[code]
        everyone = np.ones(matrix.size, dtype=bool)
        applies = everyone.copy() if indicator.applies_if is None else indicator.applies_if.holds(env).copy()
        shown = everyone if indicator.relevant_if is None else indicator.relevant_if.holds(env)
        # What is typed into a hidden question never counts: neither a declared N/A nor an answer that the rule
        # itself makes not applicable (b = 0) may take a hidden indicator's maximum away.
        if indicator.not_applicable_allowed:
            applies &= ~(matrix.not_applicable[j] & shown)
        given = answered_mask(indicator, matrix, j)
        warnings: list[str] = []
        raw, extra_na = rule_points(indicator, matrix, j, env, self.columns, self.context, warnings,
                                    applies & shown & given)
        applies &= ~(extra_na & shown)
        counted = applies & shown & given
        # NaN (no value) and anything outside 0..max become 0..max; ufuncs, not nan_to_num/clip: for one form
        # (n = 1) their Python-level overhead was a fifth of the time
        self.points[j] = np.where(counted & (raw == raw), np.minimum(np.maximum(raw, 0.0), indicator.max_points),
                                  0.0)
        self.maximum[j] = np.where(applies, indicator.max_points, 0.0)
        self.applicable[j], self.relevant[j], self.answered[j] = applies, shown, given
        env.visible[code] = applies & shown
        env.answered[code] = given
        self.warnings[code] = warnings

    def totals(self) -> BatchScores:
        warnings = [w for code in evaluation_order(self.methodology) for w in self.warnings.get(code, ())]
        return _totals(self.methodology, self.points, self.maximum, self.applicable, self.relevant, self.answered,
                       warnings)


def _totals(methodology: Methodology, points: np.ndarray, maximum: np.ndarray, applicable: np.ndarray,
            relevant: np.ndarray, answered: np.ndarray, warnings: list[str]) -> BatchScores:
    pillar_codes = tuple(p.code for p in methodology.pillars)
    membership = np.zeros((len(pillar_codes), len(methodology.indicators)))
    for j, indicator in enumerate(methodology.indicators):
        membership[pillar_codes.index(indicator.pillar), j] = 1.0
    pillar_points, pillar_max = membership @ points, membership @ maximum
    scored = np.array([p.scored for p in methodology.pillars], dtype=bool)
    return BatchScores(
        methodology=methodology, points=points, max_points=maximum, applicable=applicable, relevant=relevant,
        answered=answered, pillar_codes=pillar_codes, pillar_points=pillar_points, pillar_max=pillar_max,
        total=pillar_points[scored].sum(axis=0), total_max=pillar_max[scored].sum(axis=0), warnings=warnings,
    )


def evaluation_order(methodology: Methodology) -> list[str]:
    """Indicators ordered so that every expression reads indicators already evaluated."""
    cached = methodology.__dict__.get("_evaluation_order")
    if cached is None:
        graph: dict[str, set[str]] = {}
        for indicator in methodology.indicators:
            deps: set[str] = set()
            for expr in (indicator.applies_if, indicator.relevant_if, indicator.scoring.half_if):
                if expr is not None:
                    deps |= expr.references
            graph[indicator.code] = deps - {indicator.code}
        cached = topological_order([i.code for i in methodology.indicators], graph)
        object.__setattr__(methodology, "_evaluation_order", cached)
    return cached


def rule_points(indicator: Indicator, matrix: AnswerMatrix, j: int, env: _Env, units: UnitColumns,
                context: ScoringContext, warnings: list[str], eligible: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Raw points per assessment for one indicator, and where the rule itself makes it not applicable.
    `eligible` marks the assessments whose answer counts (applicable, relevant, answered). The rule's own class
    (assessment.domain.rules) does the scoring."""
    rule = RULES.get(indicator.scoring.rule, RULES[Rule.NONE])
    return rule.points(RuleInput(indicator, matrix, j, env, units.kind, context.cycle, context.targets,
                                 context.benchmark_floor, warnings, eligible))


def benchmark_bests(scores: BatchScores, units: UnitColumns, matrix: AnswerMatrix) -> dict[tuple[str, str], float]:
    """The best value per (unit kind, benchmark indicator) in a scored batch, to score one unit against its
    peers later (ScoringContext.benchmark_floor)."""
    bests: dict[tuple[str, str], float] = {}
    eligible = scores.applicable & scores.relevant & scores.answered
    for j, indicator in enumerate(scores.methodology.indicators):
        if not RULES[indicator.scoring.rule].peer_dependent:
            continue
        value = benchmark_values(indicator, matrix, j, eligible[j])
        for kind in dict.fromkeys(units.kind.tolist()):  # np.unique on objects imports numpy.ma (8 ms)
            bests[(kind, indicator.code)] = float(value[units.kind == kind].max(initial=0.0))
    return bests
