"""Shared pieces of the benchmarks: timing, a synthetic national dataset, and reporting.

Figures are medians and minimums of repeated runs on this machine; every benchmark also measures a lower
bound (the same work done the plainest way) in the same run, since the machine's speed varies ±20–40 %.
"""

from __future__ import annotations

import datetime as dt
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assessment.domain.answer_matrix import LongAnswers  # noqa: E402
from assessment.domain.model import AnswerType, Methodology, Rule, Text, Unit, UnitCode, UnitKind  # noqa: E402

NATIONAL_COMMUNES = 3321  # communes and wards nationwide after the 2025 reform
CYCLES = (2025, 2026, 2027)


@dataclass
class Timing:
    runs: list[float]

    @property
    def median(self) -> float:
        return statistics.median(self.runs)

    @property
    def best(self) -> float:
        return min(self.runs)


def measure(fn: Callable[[], object], repeat: int = 5, setup: Callable[[], object] | None = None) -> Timing:
    runs = []
    for _ in range(repeat):
        if setup is not None:
            setup()
        start = time.perf_counter()
        fn()
        runs.append(time.perf_counter() - start)
    return Timing(runs)


def report(name: str, ours: Timing, bound: Timing | None, *, budget_s: float | None = None,
           max_ratio: float | None = None, note: str = "") -> bool:
    ok = True
    line = f"{name}: median {ours.median * 1000:.1f} ms (best {ours.best * 1000:.1f} ms)"
    if bound is not None:
        ratio = ours.median / bound.median
        line += (f"; lower bound median {bound.median * 1000:.1f} ms (best {bound.best * 1000:.1f} ms); "
                 f"ratio {ratio:.2f}×")
        if max_ratio is not None:
            ok &= ratio <= max_ratio
            line += f" (budget ≤ {max_ratio}×)"
    if budget_s is not None:
        ok &= ours.median <= budget_s
        line += f"; budget ≤ {budget_s * 1000:.0f} ms"
    print(("PASS " if ok else "FAIL ") + line + (f" — {note}" if note else ""))
    return ok


def national_units(count: int = NATIONAL_COMMUNES) -> list[Unit]:
    """Synthetic communes: every third one a ward (urban)."""
    return [Unit(UnitCode(f"N{i:05d}"), UnitKind.COMMUNE, "ward" if i % 3 == 0 else "commune",
                 Text(f"Xã tổng hợp {i}", f"Synthetic commune {i}"), dt.date(2025, 7, 1)) for i in range(count)]


def synthetic_long(methodology: Methodology, n: int, seed: int) -> LongAnswers:
    """Plausible answers for n assessments, generated column by column (97 % answered)."""
    rng = np.random.default_rng(seed)
    level = rng.beta(4, 2.5, n)
    parts = []
    for indicator in methodology.indicators:
        answered = np.flatnonzero(rng.random(n) < 0.97)
        k = len(answered)
        noise = np.clip(level[answered] + rng.normal(0, 0.15, k), 0, 1)
        number = np.full(k, np.nan)
        text = np.full(k, None, dtype=object)
        numerator = np.full(k, np.nan)
        denominator = np.full(k, np.nan)
        choices = np.full(k, None, dtype=object)
        manual = np.full(k, np.nan)
        kind, spec = indicator.answer.type, indicator.answer
        if kind == AnswerType.BOOLEAN:
            number = (rng.random(k) < noise).astype(float)
        elif kind == AnswerType.RATIO:
            denominator = rng.integers(4, 60, k).astype(float)
            numerator = np.round(denominator * noise)
        elif kind == AnswerType.PERCENT:
            number = np.round(noise * 100, 1)
        elif kind in (AnswerType.NUMBER, AnswerType.COUNT):
            top = indicator.scoring.steps[0].minimum * 1.25 if indicator.scoring.steps else (spec.maximum or 100)
            number = np.round(noise * top)
        elif kind == AnswerType.CHOICE:
            codes = np.array(spec.option_codes(), dtype=object)
            text = codes[np.minimum((noise * len(codes)).astype(int), len(codes) - 1)]
        elif kind == AnswerType.MULTI_CHOICE:
            codes = spec.option_codes()
            picks = rng.random((k, len(codes))) < noise[:, None]
            choices = np.array([";".join(c for c, p in zip(codes, row, strict=True) if p) for row in picks],
                               dtype=object)
        elif kind == AnswerType.DATE:
            text = np.array(["2025-03-15"] * k, dtype=object)
        else:
            text = np.array(["Đã triển khai (dữ liệu tổng hợp)"] * k, dtype=object)
        if indicator.scoring.rule == Rule.MANUAL:
            manual = np.round(noise * indicator.max_points, 1)
        parts.append((answered, np.full(k, indicator.code, dtype=object), number, text, numerator, denominator,
                      choices, np.zeros(k, dtype=bool), manual))
    columns = [np.concatenate(c) for c in zip(*parts, strict=True)]
    return LongAnswers(*columns)


def open_service(path: Path):  # type: ignore[no-untyped-def]
    """The service on the SQLite file at `path`, initialised (as the app opens it)."""
    from cli.wiring import open_service_at
    from storage.db import sqlite_url

    service = open_service_at(sqlite_url(path), "bench")
    service.initialise()
    return service
