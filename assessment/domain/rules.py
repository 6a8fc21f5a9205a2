"""Scoring rules, one class each: which answers a rule scores, how it is read and checked from a methodology file,
how it scores a batch of assessments, and how it is described (`methodology show`). A new rule is one class here
plus its entry in `RULES` (and the `Rule` name it answers to in model.py); the loader, the scoring engine and the
methodology view look the rule up and hold no rule-specific code.

Reading a rule goes through `RuleFields`, what the loader offers for one `scoring:` mapping (the domain never
imports the loader). Scoring works on whole columns: `RuleInput` carries the batch's answer matrix, one
indicator's column and the expression environment.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, ClassVar, Protocol

import numpy as np

from assessment.domain.answer_matrix import AnswerMatrix
from assessment.domain.expressions import Expression
from assessment.domain.model import (
    NUMERIC_TYPES,
    AnswerSpec,
    AnswerType,
    Indicator,
    Rule,
    ScoringSpec,
    TargetSet,
    Threshold,
    plausible_range,
)


class RuleFields(Protocol):
    """One `scoring:` mapping as the loader reads it; every getter reports a wrong or missing value itself (with
    file, line and path) and returns None for it."""

    def choice(self, key: str, options: tuple[str, ...], required: bool = True) -> str | None: ...
    def number(self, key: str, required: bool = True, minimum: float | None = None) -> float | None: ...
    def problem(self, key: str, message: str) -> None: ...
    def expression(self, key: str) -> Expression | None: ...
    def items(self, key: str, allowed: set[str]) -> list[RuleFields]: ...
    def option_problem(self, option: int, message: str) -> None: ...


@dataclass(frozen=True)
class RuleInput:
    """What a rule scores from: indicator column j of the batch, and where its answer counts."""

    indicator: Indicator
    matrix: AnswerMatrix
    j: int
    env: Any  # scoring._Env: what half_if and other expressions read
    unit_kind: np.ndarray  # (n,) object: each assessment's unit kind (a benchmark's peer group)
    cycle: int
    targets: TargetSet | None
    benchmark_floor: Mapping[tuple[str, str], float]
    warnings: list[str]
    eligible: np.ndarray  # (n,) bool: applicable, relevant and answered

    @property
    def size(self) -> int:
        return self.matrix.size


class ScoringRule:
    """A rule: override `points`, and `read`/`describe` where it has parameters."""

    rule: ClassVar[Rule]
    answer_types: ClassVar[frozenset[AnswerType]]
    keys: ClassVar[frozenset[str]] = frozenset()  # the YAML keys beside `rule:`
    # Its points depend on the other units' answers (a live score needs the peers' best): recomputed for every
    # unit of the peer group when any unit's answer changes.
    peer_dependent: ClassVar[bool] = False

    def read(self, fields: RuleFields, spec: AnswerSpec | None, max_points: float | None,
             target: str | None) -> ScoringSpec | None:
        return ScoringSpec(self.rule)

    def points(self, given: RuleInput) -> tuple[np.ndarray, np.ndarray]:
        """Raw points per assessment (clamped to 0..max by the engine), and where the rule itself makes the
        indicator not applicable."""
        raise NotImplementedError

    def describe(self, spec: ScoringSpec, indicator: Indicator) -> dict[str, Any]:
        return {"rule": spec.rule.value}


def ratio_values(matrix: AnswerMatrix, j: int) -> np.ndarray:
    """a ÷ b, NaN where either is missing or b = 0."""
    a, b = matrix.numerator[j], matrix.denominator[j]
    with np.errstate(divide="ignore", invalid="ignore"):
        share: np.ndarray = np.where(b > 0, a / b, np.nan)
    return share


def measured_values(indicator: Indicator, matrix: AnswerMatrix, j: int) -> np.ndarray:
    """The number a target, a step scale or a benchmark compares: a ratio counts as a percent."""
    if indicator.answer.type == AnswerType.RATIO:
        return ratio_values(matrix, j) * 100.0
    number: np.ndarray = matrix.number[j]
    return number


def _nowhere(given: RuleInput) -> np.ndarray:
    return np.zeros(given.size, dtype=bool)


class RatioRule(ScoringRule):
    rule = Rule.RATIO
    answer_types = frozenset({AnswerType.RATIO})
    keys = frozenset({"zero_denominator"})

    def read(self, fields: RuleFields, spec: AnswerSpec | None, max_points: float | None,
             target: str | None) -> ScoringSpec | None:
        zero = fields.choice("zero_denominator", ("zero", "full", "not_applicable"))
        return ScoringSpec(self.rule, zero_denominator=zero) if zero else None

    def points(self, given: RuleInput) -> tuple[np.ndarray, np.ndarray]:
        indicator, matrix, j = given.indicator, given.matrix, given.j
        top, on = indicator.max_points, indicator.scoring.zero_denominator
        a, b = matrix.numerator[j], matrix.denominator[j]
        with np.errstate(divide="ignore", invalid="ignore"):
            share = np.minimum(a / b, 1.0)
        zero = b == 0
        on_zero = {"zero": 0.0, "full": top, "not_applicable": 0.0}[on or "zero"]
        extra_na = zero if on == "not_applicable" else _nowhere(given)
        return np.where(zero, on_zero, share * top), extra_na

    def describe(self, spec: ScoringSpec, indicator: Indicator) -> dict[str, Any]:
        return {"rule": spec.rule.value, **({"zero_denominator": spec.zero_denominator}
                                            if spec.zero_denominator else {})}


class PercentOfTargetRule(ScoringRule):
    rule = Rule.PERCENT_OF_TARGET
    answer_types = NUMERIC_TYPES
    keys = frozenset({"target", "target_from"})

    def read(self, fields: RuleFields, spec: AnswerSpec | None, max_points: float | None,
             target: str | None) -> ScoringSpec | None:
        fixed = fields.number("target", required=False)
        source = fields.choice("target_from", ("linked",), required=False)
        if (fixed is None) == (source is None):
            fields.problem("target", "give either target: <number> or target_from: linked")
            return None
        if fixed is not None and fixed <= 0:
            fields.problem("target", "must be greater than 0")
            return None
        if source and not target:
            fields.problem("target_from", "target_from: linked needs the indicator to link a target (target: <id>)")
            return None
        return ScoringSpec(self.rule, target_value=fixed, target_from_linked=source is not None)

    def points(self, given: RuleInput) -> tuple[np.ndarray, np.ndarray]:
        indicator = given.indicator
        value = measured_values(indicator, given.matrix, given.j)
        target_value, direction = indicator.scoring.target_value, "min"
        if indicator.scoring.target_from_linked:
            target = given.targets.get(indicator.target_id) if given.targets and indicator.target_id else None
            milestone = target.milestone_for(given.cycle) if target else None
            if target is None or milestone is None or milestone[1] <= 0:
                given.warnings.append(f"{indicator.code}: target {indicator.target_id!r} has no usable value for "
                                      f"{given.cycle}; scored 0")
                return np.zeros(given.size), _nowhere(given)
            target_value, direction = milestone[1], target.direction
        with np.errstate(divide="ignore", invalid="ignore"):
            share = target_value / value if direction == "max" else value / target_value
            if direction == "max":
                share = np.where(value == 0, 1.0, share)
        return np.minimum(share, 1.0) * indicator.max_points, _nowhere(given)

    def describe(self, spec: ScoringSpec, indicator: Indicator) -> dict[str, Any]:
        data: dict[str, Any] = {"rule": spec.rule.value}
        if spec.target_value is not None:
            data["target"] = spec.target_value
        if spec.target_from_linked:
            data["target_from"] = "linked"
        return data


class StepsRule(ScoringRule):
    rule = Rule.STEPS
    answer_types = NUMERIC_TYPES
    keys = frozenset({"steps"})

    def read(self, fields: RuleFields, spec: AnswerSpec | None, max_points: float | None,
             target: str | None) -> ScoringSpec | None:
        steps: list[Threshold] = []
        for item in fields.items("steps", {"min", "points"}):
            low, points = item.number("min"), item.number("points", minimum=0)
            if points is not None and max_points is not None and points > max_points:
                item.problem("points", f"{points:g} points exceed the indicator's max_points {max_points:g}")
            if low is not None and any(low == other.minimum for other in steps):
                item.problem("min", f"two steps start at {low:g}")
            elif low is not None and points is not None:
                steps.append(Threshold(low, points))
        ordered = tuple(sorted(steps, key=lambda step: -step.minimum))
        return ScoringSpec(self.rule, steps=ordered) if steps else None

    def points(self, given: RuleInput) -> tuple[np.ndarray, np.ndarray]:
        value = measured_values(given.indicator, given.matrix, given.j)
        result = np.zeros(given.size)
        for step in reversed(given.indicator.scoring.steps):  # lowest first, so higher steps overwrite
            result = np.where(value >= step.minimum, step.points, result)
        return result, _nowhere(given)

    def describe(self, spec: ScoringSpec, indicator: Indicator) -> dict[str, Any]:
        return {"rule": spec.rule.value, **({"steps": [{"min": s.minimum, "points": s.points} for s in spec.steps]}
                                            if spec.steps else {})}


class ChoiceRule(ScoringRule):
    rule = Rule.CHOICE
    answer_types = frozenset({AnswerType.CHOICE, AnswerType.MULTI_CHOICE})

    def read(self, fields: RuleFields, spec: AnswerSpec | None, max_points: float | None,
             target: str | None) -> ScoringSpec | None:
        for i, option in enumerate(spec.options if spec is not None else ()):
            if option.points is None:
                fields.option_problem(i, "the choice rule needs points on every option")
            elif spec is not None and spec.type == AnswerType.CHOICE and max_points is not None \
                    and option.points > max_points:
                fields.option_problem(i, f"{option.points:g} points exceed the indicator's max_points "
                                         f"{max_points:g}")
        return ScoringSpec(self.rule)

    def points(self, given: RuleInput) -> tuple[np.ndarray, np.ndarray]:
        indicator, matrix, j = given.indicator, given.matrix, given.j
        option_points = np.array([o.points or 0.0 for o in indicator.answer.options])
        if indicator.answer.type == AnswerType.CHOICE:
            index = matrix.number[j]
            valid = ~np.isnan(index)
            return np.where(valid, option_points[np.where(valid, index, 0).astype(np.int64)], 0.0), _nowhere(given)
        mask = matrix.choices[j]
        total = np.zeros(given.size)
        for bit, pts in enumerate(option_points):
            total += ((mask >> bit) & 1) * pts
        return np.where(mask >= 0, np.minimum(total, indicator.max_points), 0.0), _nowhere(given)

    def describe(self, spec: ScoringSpec, indicator: Indicator) -> dict[str, Any]:
        data: dict[str, Any] = {"rule": spec.rule.value}
        if indicator.answer.options:
            data["option_points"] = {o.code: o.points for o in indicator.answer.options}
        return data


class BooleanRule(ScoringRule):
    rule = Rule.BOOLEAN
    answer_types = frozenset({AnswerType.BOOLEAN})
    keys = frozenset({"half_if"})

    def read(self, fields: RuleFields, spec: AnswerSpec | None, max_points: float | None,
             target: str | None) -> ScoringSpec | None:
        return ScoringSpec(self.rule, half_if=fields.expression("half_if"))

    def points(self, given: RuleInput) -> tuple[np.ndarray, np.ndarray]:
        top, half_if = given.indicator.max_points, given.indicator.scoring.half_if
        yes = given.matrix.number[given.j] == 1.0
        half = _nowhere(given) if half_if is None else half_if.holds(given.env)
        return np.where(yes, np.where(half, top / 2.0, top), 0.0), _nowhere(given)

    def describe(self, spec: ScoringSpec, indicator: Indicator) -> dict[str, Any]:
        return {"rule": spec.rule.value, **({"half_if": spec.half_if.source} if spec.half_if is not None else {})}


class BenchmarkRule(ScoringRule):
    """value ÷ best in the peer group × max. The best is taken over plausible values only; a unit's own value
    outside the range still scores against it, and the clamp to 0..max caps it at the maximum."""

    rule = Rule.BENCHMARK
    answer_types = NUMERIC_TYPES
    peer_dependent = True

    def points(self, given: RuleInput) -> tuple[np.ndarray, np.ndarray]:
        indicator, matrix, j, eligible = given.indicator, given.matrix, given.j, given.eligible
        own = np.where(eligible, np.maximum(measured_values(indicator, matrix, j), 0.0), 0.0)
        value = benchmark_values(indicator, matrix, j, eligible)
        result = np.zeros(given.size)
        for kind in dict.fromkeys(given.unit_kind.tolist()):  # np.unique on objects imports numpy.ma (8 ms)
            peers = given.unit_kind == kind
            best = max(float(value[peers].max(initial=0.0)), given.benchmark_floor.get((kind, indicator.code), 0.0))
            if best > 0:
                with np.errstate(invalid="ignore"):
                    result[peers] = own[peers] / best * indicator.max_points
        return result, _nowhere(given)


def benchmark_competitors(indicator: Indicator, matrix: AnswerMatrix, j: int, eligible: np.ndarray) -> np.ndarray:
    """Whose value may set the peer group's best: answers that count and lie inside the indicator's plausible
    range (for a ratio: numerator and denominator). A value outside it, even confirmed, never lowers another
    unit's points (docs/methodology-format.md, "Plausible ranges")."""
    values = measured_values(indicator, matrix, j)
    competes: np.ndarray = eligible & (values == values)
    bounds = plausible_range(indicator.answer)
    if bounds is None:
        return competes
    low, high = bounds
    parts = (matrix.numerator[j], matrix.denominator[j]) if indicator.answer.type == AnswerType.RATIO \
        else (matrix.number[j],)
    for part in parts:
        competes = competes & (part >= low) & (part <= high)
    return competes


def benchmark_values(indicator: Indicator, matrix: AnswerMatrix, j: int, eligible: np.ndarray) -> np.ndarray:
    """Values that compete for "best": plausible answers that count, never below 0."""
    values = measured_values(indicator, matrix, j)
    competing: np.ndarray = np.where(benchmark_competitors(indicator, matrix, j, eligible), np.maximum(values, 0.0),
                                     0.0)
    return competing


class ManualRule(ScoringRule):
    """The appraiser's points, typed in."""

    rule = Rule.MANUAL
    answer_types = frozenset(AnswerType)

    def points(self, given: RuleInput) -> tuple[np.ndarray, np.ndarray]:
        typed_in: np.ndarray = given.matrix.manual[given.j]
        return typed_in, _nowhere(given)


class NoRule(ScoringRule):
    """Indicators of unscored pillars (max_points 0): recorded, never scored. Not written in files."""

    rule = Rule.NONE
    answer_types = frozenset(AnswerType)

    def points(self, given: RuleInput) -> tuple[np.ndarray, np.ndarray]:
        return np.zeros(given.size), _nowhere(given)


RULES: dict[Rule, ScoringRule] = {r.rule: r for r in (RatioRule(), PercentOfTargetRule(), StepsRule(), ChoiceRule(),
                                                      BooleanRule(), BenchmarkRule(), ManualRule(), NoRule())}
WRITTEN_RULES: dict[Rule, ScoringRule] = {k: v for k, v in RULES.items() if k != Rule.NONE}  # what files name
