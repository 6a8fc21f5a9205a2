"""Scores as plain data for JSON output and for the GUI's tables (codes, numbers, both languages)."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterable
from functools import lru_cache
from json.encoder import encode_basestring
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
    return {**_scorecard_head(card), "indicators": [indicator_dict(i) for i in card.indicators]}


def _scorecard_head(card: Scorecard) -> dict[str, Any]:
    """The scorecard's dict up to its indicators, which come last."""
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
    """`json.dumps(cycle_dict(result), ensure_ascii=False)` and a newline, written a few units at a time: the same
    bytes without the whole document in memory (at national scale the dict tree and the string took ~250 MB).
    `units`: the units' objects as JSON text when the caller has them already (ScoresArea.unit_json, from the
    result's arrays); otherwise indicators, most of the document, are formatted by `indicator_json` without
    building their dicts."""
    head = json.dumps({**_cycle_head(result), "units": []}, ensure_ascii=False)
    out.write(head[:-len("]}")])  # `json.dumps` ends an empty list and the object with "[]}"
    found = units if units is not None else (_scorecard_json(card) for card in result.scorecards)
    chunk: list[str] = []
    for i, unit in enumerate(found):
        chunk.append((", " if i else "") + unit)
        if len(chunk) == UNITS_PER_WRITE:
            out.write("".join(chunk))
            chunk.clear()
    out.write("".join(chunk) + "]}\n")


UNITS_PER_WRITE = 32  # ~400 KB of JSON per write at national scale


def _scorecard_json(card: Scorecard) -> str:
    head = _ENCODE({**_scorecard_head(card), "indicators": []})  # ends with the empty list and the object: "[]}"
    return f"{head[:-len('[]}')]}[{', '.join([indicator_json(i) for i in card.indicators])}]}}"


# What json.dumps(..., ensure_ascii=False) writes for a value of exactly these types; any other type (a list, a
# float subclass, an enum) goes through the encoder itself.
_ENCODE = json.JSONEncoder(ensure_ascii=False).encode
_SPECIAL_FLOATS = {"nan": "NaN", "inf": "Infinity", "-inf": "-Infinity"}


def _float(value: float) -> str:
    text = float.__repr__(value)
    return text if text[-1].isdigit() else _SPECIAL_FLOATS[text]


_FORMATS: dict[type, Callable[[Any], str]] = {
    str: encode_basestring, float: _float, int: int.__repr__, bool: lambda v: "true" if v else "false",
    type(None): lambda _: "null",
}


def _json(value: Any) -> str:
    format_value = _FORMATS.get(type(value))
    return format_value(value) if format_value is not None else _ENCODE(value)


def indicator_json(score: IndicatorScore) -> str:
    """`json.dumps(indicator_dict(score), ensure_ascii=False)`, the same bytes, ~2× faster: fragments shared by
    many indicators (code and pillar, the four flags) are formatted once, plain floats inline. Keep the two in
    step: tests compare them on every indicator of the demo and on made-up edge cases."""
    flags = _flags(score.applicable, score.answered, score.relevant, score.missing)
    value: Any = list(score.value) if isinstance(score.value, tuple) else score.value
    points, max_points = score.points, score.max_points
    # Plain finite floats, most numbers here, inline (repr is what json writes); anything else through _json.
    points_text = repr(round(points, 4)) if type(points) is float else "?"
    if not points_text[-1].isdigit():
        points_text = _json(_round(points))
    max_text = repr(max_points) if type(max_points) is float else "?"
    if not max_text[-1].isdigit():
        max_text = _json(max_points)
    value_text = repr(round(value, 4)) if type(value) is float else "?"
    if not value_text[-1].isdigit():
        value_text = _json(_round(value) if isinstance(value, float) else value)
    text = (f'{_code_prefix(score.code, score.pillar)}{points_text}, "max_points": {max_text}, {flags}, '
            f'"value": {value_text}, ')
    if score.target_id is None and score.target_status is None:
        text += '"target_id": null, "target_status": null'
    else:
        status = score.target_status.value if score.target_status else None
        text += f'"target_id": {_json(score.target_id)}, "target_status": {_json(status)}'
    if score.numerator is not None or score.denominator is not None:
        text += f', "numerator": {_json(score.numerator)}, "denominator": {_json(score.denominator)}'
    if score.appraised_points is not None:
        text += (f', "appraised_points": {_json(_round(score.appraised_points))}, '
                 f'"appraisal_reason": {_json(score.appraisal_reason)}')
    if score.target_id:
        projection = ("insufficient_data" if not score.projection_known
                      else "reached_by" if score.projected_year else "not_at_this_pace")
        text += (f', "projected_year": {_json(score.projected_year if score.projection_known else None)}, '
                 f'"projection": {_json(projection)}')
    return text + "}"


@lru_cache(maxsize=4096, typed=True)
def _code_prefix(code: str, pillar: str) -> str:
    return f'{{"code": {_json(code)}, "pillar": {_json(pillar)}, "points": '


@lru_cache(maxsize=64, typed=True)  # typed: 1 and True are different keys, as json writes them differently
def _flags(applicable: bool, answered: bool, relevant: bool, missing: bool) -> str:
    return (f'"applicable": {_json(applicable)}, "answered": {_json(answered)}, "relevant": {_json(relevant)}, '
            f'"missing": {_json(missing)}')
