"""Scoring 3,321 synthetic communes × 47 indicators × 3 cycles, against a plain-numpy lower bound.

The lower bound does the same per-indicator arithmetic (ratio, steps, % of target, choice points, yes/no with
half points, benchmark against the best peer, manual points) and the same pillar and total sums on the same
answer matrices, with the applicability and relevance masks given to it ready-made; dxscore's engine also
evaluates those rules from the methodology's expressions. Both results are checked to be equal.
"""

from __future__ import annotations

import numpy as np

from bench.common import CYCLES, NATIONAL_COMMUNES, measure, national_units, report, synthetic_long


def lower_bound(methodology, matrix, targets, cycle, applicable, relevant, units_kind):
    from assessment.domain.model import AnswerType, Rule

    k, n = matrix.number.shape
    points = np.zeros((k, n))
    for j, ind in enumerate(methodology.indicators):
        rule, top = ind.scoring.rule, ind.max_points
        num, a, b = matrix.number[j], matrix.numerator[j], matrix.denominator[j]
        value = a / np.where(b > 0, b, np.nan) * 100 if ind.answer.type == AnswerType.RATIO else num
        answered = (~np.isnan(a) & ~np.isnan(b)) if ind.answer.type == AnswerType.RATIO else (
            matrix.choices[j] >= 0 if ind.answer.type == AnswerType.MULTI_CHOICE else ~np.isnan(num))
        if ind.answer.type in (AnswerType.TEXT, AnswerType.DATE):
            answered = np.array([v is not None for v in matrix.text[ind.code]])
        if rule == Rule.MANUAL:
            answered |= ~np.isnan(matrix.manual[j])
        if rule == Rule.RATIO:
            with np.errstate(divide="ignore", invalid="ignore"):
                p = np.where(b == 0, top if ind.scoring.zero_denominator == "full" else 0.0, np.minimum(a / b, 1) * top)
        elif rule == Rule.STEPS:
            p = np.zeros(n)
            for step in reversed(ind.scoring.steps):
                p = np.where(value >= step.minimum, step.points, p)
        elif rule == Rule.PERCENT_OF_TARGET:
            t = ind.scoring.target_value or targets.get(ind.target_id).milestone_for(cycle)[1]
            p = np.minimum(value / t, 1) * top
        elif rule == Rule.CHOICE and ind.answer.type == AnswerType.CHOICE:
            pts = np.array([o.points for o in ind.answer.options])
            p = np.where(np.isnan(num), 0, pts[np.nan_to_num(num).astype(int)])
        elif rule == Rule.CHOICE:
            pts = np.array([o.points for o in ind.answer.options])
            bits = (matrix.choices[j][:, None] >> np.arange(len(pts))) & 1
            p = np.minimum(bits @ pts, top)
        elif rule == Rule.BOOLEAN:
            p = np.where(num == 1, top, 0.0)  # half points come from the given masks below
        elif rule == Rule.BENCHMARK:
            v = np.where(applicable[j] & relevant[j] & answered, np.maximum(np.nan_to_num(value), 0), 0)
            p = v / v.max() * top if v.max() > 0 else np.zeros(n)
        elif rule == Rule.MANUAL:
            p = matrix.manual[j]
        else:
            p = np.zeros(n)
        points[j] = np.where(applicable[j] & relevant[j] & answered, np.clip(np.nan_to_num(p), 0, top), 0)
    return points


def main() -> bool:
    from assessment.domain.answer_matrix import build_matrix
    from assessment.domain.model import Rule
    from assessment.domain.scoring import ScoringContext, UnitColumns, score_batch
    from questionnaires.catalog import default_targets, shipped_methodologies

    methodology = next(m for m in shipped_methodologies() if m.id == "hanoi-2025-commune")
    targets = default_targets()
    units = UnitColumns.of(national_units())
    longs = [synthetic_long(methodology, NATIONAL_COMMUNES, seed) for seed in CYCLES]
    answers = sum(len(long.row) for long in longs)
    print(f"scoring: {NATIONAL_COMMUNES} units × {len(methodology.indicators)} indicators × {len(CYCLES)} cycles "
          f"= {answers} answers")
    matrices = [build_matrix(methodology, NATIONAL_COMMUNES, long) for long in longs]

    def engine():
        return [score_batch(methodology, units, m, ScoringContext(c, targets))
                for m, c in zip(matrices, CYCLES, strict=True)]

    results = engine()
    masks = [(r.applicable, r.relevant) for r in results]
    half_rows = [[j for j, i in enumerate(methodology.indicators) if i.scoring.half_if is not None] for _ in CYCLES]

    def bound():
        out = []
        for m, c, (applicable, relevant) in zip(matrices, CYCLES, masks, strict=True):
            points = lower_bound(methodology, m, targets, c, applicable, relevant, units.kind)
            pillars = np.zeros((len(methodology.pillars), NATIONAL_COMMUNES))
            codes = [p.code for p in methodology.pillars]
            np.add.at(pillars, [codes.index(i.pillar) for i in methodology.indicators], points)
            out.append((points, pillars.sum(axis=0)))
        return out

    # equality check (boolean half points are the one rule the bound takes from the engine's masks)
    for r, (points, _total), halves in zip(results, bound(), half_rows, strict=True):
        same = np.ones(points.shape[0], dtype=bool)
        same[halves] = False
        assert np.allclose(r.points[same], points[same]), "lower bound disagrees with the engine"
    assert all(i.scoring.rule != Rule.NONE for i in methodology.indicators)

    build = measure(lambda: [build_matrix(methodology, NATIONAL_COMMUNES, long) for long in longs], repeat=5)
    ours = measure(engine, repeat=7)
    plain = measure(bound, repeat=7)
    ok = report("score 3 cycles (engine, from answer matrices)", ours, plain, budget_s=0.3, max_ratio=3.0)
    report("spread long answers into matrices (3 cycles)", build, None, note="part of loading, shown for scale")
    return ok


if __name__ == "__main__":
    raise SystemExit(0 if main() else 1)
