"""Scores as plain data for JSON output and for the GUI's tables (codes, numbers, both languages)."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, TextIO

from assessment.domain.model import IndicatorScore, PillarScore, Scorecard

if TYPE_CHECKING:
    from assessment.services.scores_area import CycleScores


def _round(value: float | None, digits: int = 4) -> float | None:
    return None if value is None else round(value, digits)


def indicator_dict(score: IndicatorScore) -> dict[str, Any]:
    value: Any = list(score.value) if isinstance(score.value, tuple) else score.value
    data: dict[str, Any] = {
        "code": score.code, "pillar": score.pillar, "points": _round(score.points), "max_points": score.max_points,
        "applicable": score.applicable, "answered": score.answered, "relevant": score.relevant,
        "missing": score.missing, "value": _round(value) if isinstance(value, float) else value,
        "target_id": score.target_id, "target_status": score.target_status.value if score.target_status else None,
    }
    if score.numerator is not None or score.denominator is not None:
        data["numerator"], data["denominator"] = score.numerator, score.denominator
    if score.appraised_points is not None:
        data["appraised_points"], data["appraisal_reason"] = _round(score.appraised_points), score.appraisal_reason
    if score.target_id:
        data["projected_year"] = score.projected_year if score.projection_known else None
        data["projection"] = ("insufficient_data" if not score.projection_known
                              else "reached_by" if score.projected_year else "not_at_this_pace")
    return data


def pillar_dict(score: PillarScore) -> dict[str, Any]:
    data = {"code": score.code, "points": _round(score.points), "max_points": score.max_points,
            "index": _round(score.index), "scored": score.scored}
    if score.appraised_points is not None:
        data["appraised_points"] = _round(score.appraised_points)
        data["appraised_index"] = _round(score.appraised_index)
    return data


def scorecard_dict(card: Scorecard) -> dict[str, Any]:
    return {
        "unit_code": card.unit_code,
        "unit_name": card.unit_name.vi,
        "unit_name_en": card.unit_name.en,
        "kind": card.kind.value,
        "cycle": card.cycle,
        "methodology": {"id": card.methodology_id, "version": card.methodology_version},
        "status": card.status.value,
        "points": _round(card.points),
        "max_points": card.max_points,
        "index": _round(card.index),
        "band": None if card.band is None else {"code": card.band.code, "name_vi": card.band.name.vi,
                                                "name_en": card.band.name.en},
        "rank": card.rank,
        "peer_count": card.peer_count,
        "appraised": None if card.appraised_points is None else {
            "points": _round(card.appraised_points), "index": _round(card.appraised_index),
            "band": None if card.appraised_band is None else {"code": card.appraised_band.code,
                                                              "name_vi": card.appraised_band.name.vi,
                                                              "name_en": card.appraised_band.name.en}},
        "missing": list(card.missing),
        "pillars": [pillar_dict(p) for p in card.pillars],
        "indicators": [indicator_dict(i) for i in card.indicators],
    }


def cycle_dict(result: CycleScores) -> dict[str, Any]:
    """`score --json`: the cycle, the demo mark when it is demo data, and every unit's scorecard."""
    return {**_cycle_head(result), "units": [scorecard_dict(c) for c in result.scorecards]}


def _cycle_head(result: CycleScores) -> dict[str, Any]:
    from assessment.domain.demo_data import DEMO_MARK

    return {
        "cycle": result.cycle,
        "demo": result.demo,
        **({"demo_notice": DEMO_MARK} if result.demo else {}),
        "generated_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "target_set": result.target_set,
        "warnings": list(result.warnings),
    }


def write_cycle_json(result: CycleScores, out: TextIO, units: Iterable[str] | None = None) -> None:
    """`json.dumps(cycle_dict(result))` and a newline, written one unit at a time: the same bytes without the
    whole document in memory (at national scale the dict tree and the string took ~250 MB). `units`: the units'
    objects as JSON text when the caller has them already (ScoresArea.unit_json, from the result's arrays)."""
    head = json.dumps({**_cycle_head(result), "units": []}, ensure_ascii=False)
    out.write(head[:-len("]}")])  # `json.dumps` ends an empty list and the object with "[]}"
    found = units if units is not None else (json.dumps(scorecard_dict(card), ensure_ascii=False)
                                             for card in result.scorecards)
    for i, unit in enumerate(found):
        out.write((", " if i else "") + unit)
    out.write("]}\n")

