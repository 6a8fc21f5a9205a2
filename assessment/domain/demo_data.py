"""Deterministic synthetic answers for the demo database, and the mark every output of demo data carries.

Each unit gets a latent maturity from a hash of its code, so the same seed always gives the same answers; a unit
assessed in both cycles improves a little from 2024 to 2025 (`services/demo.py` writes them)."""

from __future__ import annotations

import datetime as dt
import zlib

import numpy as np

from assessment.domain.model import Answer, AnswerType, Indicator, IndicatorCode, Methodology, Rule, Unit

CITY_DEMO_CYCLES = (2022, 2023, 2024, 2025)  # the city's own series against Resolution 18 (domain/city_demo.py)
DEMO_MARK = "DỮ LIỆU MẪU / demo data"
DEMO_USER = "demo"  # who the demo's answers and evidence were written by
WALKTHROUGH_COMMENT = f"{DEMO_MARK}: trả lời để đơn vị sẵn sàng nộp"  # demo_walkthrough's answers: the demo's own
MISSING_RATE = 0.03
DECLARED_NA_RATE = 0.05


def seeded_rng(seed: int, *parts: object) -> np.random.Generator:
    return np.random.default_rng([seed, *(zlib.crc32(str(p).encode("utf-8")) for p in parts)])


def maturity(seed: int, unit: Unit, year: int) -> float:
    """Latent maturity 0..1 of a unit in a cycle (higher = more answers near full marks)."""
    base = float(seeded_rng(seed, "maturity", unit.code).beta(4.0, 2.5))
    return float(np.clip(base + 0.06 * (year - 2024), 0.05, 0.98))


def synthetic_answers(methodology: Methodology, unit: Unit, year: int, seed: int = 18) -> list[Answer]:
    level = maturity(seed, unit, year)
    rng = seeded_rng(seed, methodology.key, unit.code, year)
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
        value: float = round(level * top * 1.25)
    elif scoring.rule == Rule.PERCENT_OF_TARGET and scoring.target_value:
        value = round(level * scoring.target_value * 1.1, 1)
    else:
        value = round(level * (spec.maximum if spec.maximum else 100.0), 1)
    if spec.maximum is not None:
        value = min(value, spec.maximum)
    if spec.minimum is not None:
        value = max(value, spec.minimum)
    return float(int(value)) if spec.type == AnswerType.COUNT else float(value)
