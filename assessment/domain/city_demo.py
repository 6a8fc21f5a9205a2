"""The demo city series: Hà Nội's figures for cycles 2022–2025, plausible and clearly marked as demo data.

Each figure starts from a baseline near the real one where the reference notes it (digital economy 17.15 % of
GRDP in 2022, fibre to 93 % of households in 2023/24) and moves towards its target at a pace drawn from the seed,
so some targets are met, some on track and some behind. Hanoi's DTI rank is the published one (reference data,
hanoi_dti.yaml); the demo leaves 2025 blank, as the ranking of that year is not in the reference.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from assessment.domain.demo_data import CITY_DEMO_CYCLES, seeded_rng
from assessment.domain.model import Answer, DtiRank, IndicatorCode, Methodology, TargetSet, Unit

DEMO_NOTE = "Dữ liệu mẫu (demo data): không phải số liệu thống kê chính thức"
# Starting points where the reference gives one (REFERENCE.md §1.7); others start from the seed.
BASELINES = {"KTS01": 17.15, "HTS02": 88.0, "HTS03": 100.0}


def city_answers(methodology: Methodology, unit: Unit, year: int, targets: TargetSet,
                 dti: Sequence[DtiRank], seed: int = 18) -> list[Answer]:
    answers = []
    ranks = {r.year: r.rank for r in dti}
    for indicator in methodology.indicators:
        code = IndicatorCode(indicator.code)
        if indicator.code == "TQ01":
            if year in ranks:
                answers.append(Answer(code, float(ranks[year]), comment="Thứ hạng DTI đã công bố (hanoi_dti.yaml)"))
            continue
        target = targets.get(indicator.target_id) if indicator.target_id else None
        if target is None or not target.values:
            answers.append(Answer(code, f"{DEMO_NOTE}. Đã vận hành Trung tâm điều hành thông minh thí điểm.",
                                  comment=DEMO_NOTE))
            continue
        answers.append(Answer(code, _figure(indicator.code, target.values[-1][1], year, seed), comment=DEMO_NOTE))
    return answers


def _figure(code: str, goal: float, year: int, seed: int) -> float:
    rng = seeded_rng(seed, "city", code)
    start = BASELINES.get(code, float(goal * rng.uniform(0.35, 0.8)))
    pace = float(rng.uniform(0.02, 0.14)) * goal  # some reach the goal by 2025, some never at this pace
    noise = float(seeded_rng(seed, "city", code, year).normal(0, 0.01 * goal))
    value = start + pace * (year - CITY_DEMO_CYCLES[0]) + noise
    upper = 100.0 if goal <= 100 else goal * 1.2
    return round(float(np.clip(value, 0.0, upper)), 1)
