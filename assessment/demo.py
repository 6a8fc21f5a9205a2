"""The demo database: every reference unit, cycle 2024 (districts and departments, 2024 methodologies) and
cycle 2025 (communes and departments, 2025 methodologies), with plausible, deterministic synthetic answers.

The data is marked as demo in the database (`dx_meta demo = true`) and every output shows it. Each unit
gets a latent maturity from a hash of its code, so the same seed always gives the same answers; a unit
assessed in both cycles improves a little from 2024 to 2025.
"""

from __future__ import annotations

import datetime as dt
import zlib
from typing import TYPE_CHECKING

import numpy as np

from assessment.errors import BadInput
from assessment.model import (
    Answer,
    AnswerType,
    Indicator,
    IndicatorCode,
    Methodology,
    Rule,
    TargetSet,
    Unit,
    UnitKind,
)
from assessment.ports import ANSWER_COLUMNS

if TYPE_CHECKING:
    from assessment.service import AssessmentService

DEMO_CYCLES = (2024, 2025)
DEMO_USER = "demo"
DEMO_MARK = "DỮ LIỆU MẪU / demo data"
MISSING_RATE = 0.03
DECLARED_NA_RATE = 0.05


def _rng(seed: int, *parts: object) -> np.random.Generator:
    return np.random.default_rng([seed, *(zlib.crc32(str(p).encode("utf-8")) for p in parts)])


def maturity(seed: int, unit: Unit, year: int) -> float:
    """Latent maturity 0..1 of a unit in a cycle (higher = more answers near full marks)."""
    base = float(_rng(seed, "maturity", unit.code).beta(4.0, 2.5))
    return float(np.clip(base + 0.06 * (year - 2024), 0.05, 0.98))


def synthetic_answers(methodology: Methodology, unit: Unit, year: int, seed: int = 18) -> list[Answer]:
    level = maturity(seed, unit, year)
    rng = _rng(seed, methodology.key, unit.code, year)
    answers = []
    for indicator in methodology.indicators:
        if rng.random() < MISSING_RATE:
            continue
        if indicator.not_applicable_allowed and rng.random() < DECLARED_NA_RATE:
            answers.append(Answer(IndicatorCode(indicator.code), not_applicable=True, comment="Không phát sinh"))
            continue
        answers.append(_answer(indicator, float(np.clip(level + rng.normal(0, 0.15), 0, 1)), rng, year))
    return answers


def _answer(indicator: Indicator, level: float, rng: np.random.Generator, year: int) -> Answer:
    code, spec = IndicatorCode(indicator.code), indicator.answer
    manual = round(level * indicator.max_points, 1) if indicator.scoring.rule == Rule.MANUAL else None
    kind = spec.type
    if kind == AnswerType.BOOLEAN:
        return Answer(code, 1.0 if rng.random() < level else 0.0, manual_points=manual)
    if kind == AnswerType.RATIO:
        denominator = float(rng.integers(4, 60))
        return Answer(code, None, float(round(denominator * level)), denominator, manual_points=manual)
    if kind in (AnswerType.NUMBER, AnswerType.PERCENT, AnswerType.COUNT):
        return Answer(code, _number(indicator, level), manual_points=manual)
    if kind == AnswerType.CHOICE:
        ranked = sorted(spec.options, key=lambda o: o.points or 0.0)
        return Answer(code, ranked[min(int(level * len(ranked)), len(ranked) - 1)].code, manual_points=manual)
    if kind == AnswerType.MULTI_CHOICE:
        chosen = tuple(o.code for o in spec.options if rng.random() < level)
        return Answer(code, choices=chosen, manual_points=manual)
    if kind == AnswerType.DATE:
        return Answer(code, (dt.date(year, 1, 15) + dt.timedelta(days=int((1 - level) * 300))).isoformat(),
                      manual_points=manual)
    return Answer(code, "Đã triển khai theo kế hoạch; có báo cáo kèm theo (dữ liệu mẫu).", manual_points=manual)


def _number(indicator: Indicator, level: float) -> float:
    spec, scoring = indicator.answer, indicator.scoring
    if spec.type == AnswerType.PERCENT:
        return round(level * 100.0, 1)
    if scoring.rule == Rule.STEPS and scoring.steps:
        top = scoring.steps[0].minimum
        value = round(level * top * 1.25)
    elif scoring.rule == Rule.PERCENT_OF_TARGET and scoring.target_value:
        value = round(level * scoring.target_value * 1.1, 1)
    else:
        value = round(level * (spec.maximum if spec.maximum else 100.0), 1)
    if spec.maximum is not None:
        value = min(value, spec.maximum)
    if spec.minimum is not None:
        value = max(value, spec.minimum)
    return float(int(value)) if spec.type == AnswerType.COUNT else float(value)


class DemoArea:
    def __init__(self, service: AssessmentService) -> None:
        self.s = service

    def build(self, *, seed: int = 18) -> dict[int, int]:
        """Fill this (empty or demo) database with the demo cycles; returns answers written per cycle."""
        import pandas as pd

        from assessment.answers_area import answer_to_fields

        if self.s.store.assessments() and not self.s.is_demo:
            raise BadInput("this database holds real assessments; build the demo in a new file (--db demo.sqlite)")
        self.s.initialise()
        self.s.store.set_meta("demo", "true")
        written = {}
        for year in DEMO_CYCLES:
            units = [u for u in self.s.units.list(active_in=year) if u.kind != UnitKind.CITY]
            plan = [(u, year, self.s.methodologies.for_unit(u, year)) for u in units]
            ids = self.s.answers.ensure_assessments(plan)
            records = [{"assessment_id": ids[(u.code, year)], "indicator_code": a.indicator_code, **answer_to_fields(a)}
                       for u, answers in _consistent(plan, year, self.s.targets.active(), seed).items()
                       for a in answers]
            frame = pd.DataFrame.from_records(records, columns=["assessment_id", "indicator_code", *ANSWER_COLUMNS])
            written[year] = self.s.store.answers.write(frame, who=DEMO_USER, source="demo").inserted
        for year, count in self._build_city(seed).items():
            written[year] = written.get(year, 0) + count
        return dict(sorted(written.items()))

    def _build_city(self, seed: int) -> dict[int, int]:
        """The city's own series (cycles 2022–2025) against Resolution 18's targets; see city_demo."""
        import pandas as pd

        from assessment.answers_area import answer_to_fields
        from assessment.city_demo import CITY_DEMO_CYCLES, city_answers

        city = self.s.city.unit()
        if city is None:
            return {}
        written = {}
        for year in CITY_DEMO_CYCLES:
            methodology = self.s.methodologies.for_unit(city, year)
            ids = self.s.answers.ensure_assessments([(city, year, methodology)])
            answers = city_answers(methodology, city, year, self.s.targets.active(),
                                   self.s.catalog.hanoi_dti_ranks(), seed)
            frame = pd.DataFrame.from_records(
                [{"assessment_id": ids[(city.code, year)], "indicator_code": a.indicator_code, **answer_to_fields(a)}
                 for a in answers], columns=["assessment_id", "indicator_code", *ANSWER_COLUMNS])
            written[year] = self.s.store.answers.write(frame, who=DEMO_USER, source="demo").inserted
        return written


def _consistent(plan: list[tuple[Unit, int, Methodology]], year: int, targets: TargetSet, seed: int
                ) -> dict[Unit, list[Answer]]:
    """Synthetic answers with those that break a validation rule dropped (as a form would refuse them)."""
    from assessment.answer_matrix import build_matrix, long_from_answers
    from assessment.scoring import ScoringContext, UnitColumns, failed_checks

    answers = {unit: synthetic_answers(m, unit, year, seed) for unit, _, m in plan}
    by_methodology: dict[str, list[tuple[Unit, Methodology]]] = {}
    for unit, _, m in plan:
        by_methodology.setdefault(m.key, []).append((unit, m))
    for members in by_methodology.values():
        methodology = members[0][1]
        units = [u for u, _ in members]
        matrix = build_matrix(methodology, len(units), long_from_answers([answers[u] for u in units]))
        broken = {(units[i].code, code) for i, code, _ in
                  failed_checks(methodology, UnitColumns.of(units), matrix, ScoringContext(year, targets))}
        for unit in units:
            answers[unit] = [a for a in answers[unit] if (unit.code, a.indicator_code) not in broken]
    return answers
