"""Outputs read from a cycle's arrays (assessment/services/cycle_views.py) and from a result kept in the database
are the same as those built from full scorecards: `score --json`'s bytes, the ranking, the dashboard's peer group
and spreads; on the demo (with an appraised unit) and on a national-sized synthetic cycle."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import numpy as np
import pytest

from assessment.domain.comparison import indicator_spread, peer_group
from assessment.domain.model import UnitKind
from assessment.services.export import scorecard_dict, write_cycle_json

ROOT = Path(__file__).resolve().parents[2]


def json_of_full_cards(service, year: int) -> list[str]:  # type: ignore[no-untyped-def]
    """What `score --json` printed before: scorecard_dict of every full scorecard, in ranking order."""
    return [json.dumps(scorecard_dict(c), ensure_ascii=False) for c in service.scores.for_cycle(year=year).scorecards]


def json_from_arrays(service, year: int) -> list[str]:  # type: ignore[no-untyped-def]
    return list(service.scores.unit_json(service.scores.for_cycle(year=year, detail=False)))


def group_fields(group) -> dict:  # type: ignore[no-untyped-def,type-arg]
    out = {}
    for name in group.__dataclass_fields__:
        value = getattr(group, name)
        out[name] = (value.dtype.str, value.shape, value.tolist()) if isinstance(value, np.ndarray) else value
    return out


def same(a: dict, b: dict) -> bool:  # type: ignore[type-arg]
    """Equal, NaN equal to NaN."""
    return json.dumps(a, default=str, sort_keys=True) == json.dumps(b, default=str, sort_keys=True)


def assert_same_outputs(service, year: int) -> list:  # type: ignore[no-untyped-def,type-arg]
    """The outputs from arrays equal those from full scorecards; returns them (to compare across processes)."""
    texts = json_from_arrays(service, year)
    assert texts == json_of_full_cards(service, year)
    found: list = [texts]  # type: ignore[type-arg]
    for kind in service.compare.kinds(year):
        comparison = service.compare.peer_group(year=year, kind=kind)
        cards = service.scores.for_cycle(year=year, kind=kind).scorecards
        methodologies = {f"{c.methodology_id}@{c.methodology_version}":
                         service.scores.methodology(c.methodology_id, c.methodology_version) for c in cards}
        expected = peer_group(cards, kind, methodologies)
        assert same(group_fields(comparison.group), group_fields(expected)), kind
        by_code = {c.unit_code: c for c in cards}
        in_order = tuple(by_code[code] for code in expected.codes)
        assert list(comparison.spreads) == indicator_spread(in_order)
        assert comparison.card(expected.codes[-1]) == in_order[-1]
        assert list(comparison.cards) == list(in_order)
        assert comparison.methodologies.keys() == methodologies.keys()
        found.append(group_fields(comparison.group))
    return found


def fresh_service(url: str):  # type: ignore[no-untyped-def]
    from db_backends import open_url_service

    return open_url_service(url)


def test_the_demo_from_arrays_and_from_the_database_prints_what_scorecards_print(demo_db):
    from storage.db import sqlite_url

    url = sqlite_url(demo_db)
    service = fresh_service(url)
    unit = service.store.assessments(2025, unit_code="00070")[0]
    service.store.review.set_appraisal(unit.id, "NTS01", 0.0, "no evidence", who="inspector")
    computed = {year: assert_same_outputs(service, year) for year in service.cycles()}  # in this process
    service.store.close()
    kept = fresh_service(url)  # a fresh process's service: every cycle read from the database
    try:
        for year in kept.cycles():
            assert same({"x": assert_same_outputs(kept, year)}, {"x": computed[year]})
        appraised = next(u for u in json.loads("[" + ", ".join(json_from_arrays(kept, 2025)) + "]")
                         if u["unit_code"] == "00070")
        assert appraised["appraised"] is not None
    finally:
        kept.store.close()


def test_write_cycle_json_with_unit_texts_writes_the_same_document(demo_service):
    scores = demo_service.scores.for_cycle(year=2025)
    whole, parts = io.StringIO(), io.StringIO()
    write_cycle_json(scores, whole)
    write_cycle_json(scores, parts, demo_service.scores.unit_json(demo_service.scores.for_cycle(year=2025,
                                                                                                 detail=False)))
    strip = [json.loads(text) for text in (whole.getvalue(), parts.getvalue())]
    for data in strip:
        data.pop("generated_at")
    assert strip[0] == strip[1]


@pytest.fixture(scope="module")
def national_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    """Two cycles of 3,321 synthetic communes (bench/common.py's generator: every answer type of the commune
    methodology; two cycles so that target progress has a history)."""
    sys.path.insert(0, str(ROOT))
    from bench.bench_national import build
    from storage.db import sqlite_url

    url = sqlite_url(tmp_path_factory.mktemp("national") / "national.sqlite")
    build(url, (2026, 2027))
    return url


def test_a_national_cycle_from_the_database_prints_what_scorecards_print(national_url):
    service = fresh_service(national_url)
    try:
        computed = assert_same_outputs(service, 2027)  # computed, then kept
    finally:
        service.store.close()
    kept = fresh_service(national_url)
    try:
        assert same({"x": assert_same_outputs(kept, 2027)}, {"x": computed})  # read from the database
        assert len(kept.compare.peer_group(year=2027, kind=UnitKind.COMMUNE).group) == 3321
    finally:
        kept.store.close()


def test_float_columns_are_written_as_json_writes_each_rounded_value():
    """Columns of points and values are formatted in one go (distinct values, one list repr): every tricky
    value still comes out as `json.dumps(round(value, 4))` / `json.dumps(value)` writes it, in place."""
    import json

    import numpy as np

    from assessment.services.cycle_views import _Floats, _texts_or_null

    tricky = [0.0, -0.0, 1.23456789, 2.5, 2.5, -0.00001, 1e-12, 0.1 + 0.2, 7.0, 123456.78905, 3e9, 1e300,
              float("nan"), float("inf"), -float("inf"), 0.33333, 0.66666666]
    columns = [tricky, [v for v in tricky if v == v and abs(v) < 1e9], [0.0, 0.0, 5.0], [1.00005, 2.00015, 0.5]]
    for values in columns:
        column = np.array(values, dtype=np.float64)
        assert _Floats(4).texts(column) == [json.dumps(round(v, 4)) for v in values]
        assert _Floats(None).texts(column) == [json.dumps(v) for v in values]
    with_gaps = np.array([1.5, np.nan, -0.0, np.nan, 2.123456])
    assert _texts_or_null(with_gaps, _Floats(4)) == ["1.5", "null", "-0.0", "null", "2.1235"]


def test_vectorised_rounding_is_pythons_round_to_the_last_bit():
    """`score --json` rounds points to 4 decimals as export._round does (Python's round); cycle_views rounds a
    whole column with numpy and leaves the values near a half to Python: the same floats, ties and big values
    included."""
    from assessment.services.cycle_views import python_round

    rng = np.random.default_rng(14)
    for scale in (1e-6, 1e-3, 1.0, 7.5, 1e3, 1e6, 9e8):
        values = rng.random(50_000) * scale * rng.choice([-1.0, 1.0], 50_000)
        halves = (rng.integers(-10**7, 10**7, 5_000) + 0.5) / 10**4
        values = np.concatenate([values, halves, np.nextafter(halves, 2e9), np.nextafter(halves, -2e9),
                                 np.round(values[:500], 5), [0.00005, 0.00015, 2.675, 1.00005, -0.00025]])
        values = values[np.abs(values) < 1e9]
        found = python_round(values, 4)
        expected = [round(v, 4) for v in values.tolist()]
        assert [repr(v) for v in found] == [repr(v) for v in expected]
