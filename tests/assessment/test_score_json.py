"""`score --json` is written a few units at a time and its indicators without dicts (services/export.py); the
bytes must be exactly `json.dumps(cycle_dict(...), ensure_ascii=False)`'s, which scripts and tests compare."""

from __future__ import annotations

import dataclasses
import io
import json
import math

import numpy as np
import pytest

from assessment.domain.model import IndicatorCode, IndicatorScore, TargetId, TargetStatus
from assessment.services.export import cycle_dict, indicator_dict, indicator_json, write_cycle_json


def test_every_cycle_of_the_demo_is_written_as_json_dumps_writes_it(demo_service):
    for year in demo_service.cycles():
        result = demo_service.scores.for_cycle(year=year)
        out = io.StringIO()
        write_cycle_json(result, out)
        written = json.loads(out.getvalue())
        expected = cycle_dict(result)
        expected["generated_at"] = written["generated_at"]  # the clock moved on between the two
        assert out.getvalue() == json.dumps(expected, ensure_ascii=False) + "\n"


PLAIN = IndicatorScore(IndicatorCode("DT_01"), "HT", 1.23456789, 2.0, True, True, True, 0.5)


@pytest.mark.parametrize("score", [
    PLAIN,
    dataclasses.replace(PLAIN, points=math.nan, value=math.inf, max_points=3),  # NaN, Infinity, an int
    dataclasses.replace(PLAIN, value=None, answered=False),  # missing
    dataclasses.replace(PLAIN, value=("a", "b\"c"), applicable=False, relevant=False),
    dataclasses.replace(PLAIN, value='Sở "Nội vụ"\n\u2028', numerator=3.0, denominator=None),
    dataclasses.replace(PLAIN, value=True, appraised_points=0.123456, appraisal_reason="thiếu minh chứng"),
    dataclasses.replace(PLAIN, value=-0.0, target_id=TargetId("de_share_grdp"), target_status=TargetStatus.ON_TRACK,
                        projection_known=True, projected_year=2027),
    dataclasses.replace(PLAIN, value=1e-7, target_id=TargetId("x"), projection_known=True),
    dataclasses.replace(PLAIN, target_id=TargetId("x"), target_status=TargetStatus.ON_TRACK),
    dataclasses.replace(PLAIN, applicable=1, answered=0, value=12345678901234567890),  # ints where bools belong
    dataclasses.replace(PLAIN, points=np.float64(0.123456789), max_points=np.float64(1), value=np.float64(2.5)),
    dataclasses.replace(PLAIN, points=-math.inf, max_points=math.nan, value=1e300),
], ids=lambda s: repr(s.value)[:20])
def test_an_indicator_is_written_as_json_dumps_writes_its_dict(score):
    assert indicator_json(score) == json.dumps(indicator_dict(score), ensure_ascii=False)
