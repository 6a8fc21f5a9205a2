"""Resolution 18 at city level (issue 13): Hà Nội as an assessed unit, its progress against every target,
the figures derived from the units' answers (recomputed here by hand) and the units furthest behind."""

from __future__ import annotations

import json

import pytest

from assessment.domain.model import TargetStatus, UnitKind
from tests.test_cli import run


@pytest.fixture(scope="module")
def demo_progress(demo_template):
    from tests.conftest import open_service

    service = open_service(demo_template)
    yield service, service.city.progress(year=2025)
    service.store.close()


def test_every_resolution_target_is_in_the_city_methodology_with_its_source(targets):
    """Each quantified target of the resolution is measured by a city indicator, directly or through a plan
    target that serves it; the qualitative smart-city goal is a recorded, unscored indicator."""
    from questionnaires.catalog import shipped_methodologies

    (city,) = [m for m in shipped_methodologies() if UnitKind.CITY in m.applies_to]
    reached = {t.id for i in city.indicators if i.target_id for t in targets.chain(i.target_id)}
    for target in targets.targets:
        if target.category == "r18_targets" or target.id == "r18_dt_leading_group":
            assert target.id in reached, target.id
            assert target.source.startswith("https://"), target.id
    smart = city.indicator("DTM01")
    assert smart.max_points == 0 and "2030" in smart.text.vi
    assert not city.provenance.official_wording and "dxscore" in city.provenance.note.en


def test_the_city_is_one_unit_answered_by_the_science_department(service):
    (city,) = service.units.list(UnitKind.CITY)
    assert city.code == "HA_NOI" and city.name.vi == "Thành phố Hà Nội"
    assert "Sở Khoa học và Công nghệ" in city.note
    assert service.methodologies.for_unit(city, 2022).id == "hanoi-city-r18"


def test_the_demo_city_series_runs_2022_to_2025_and_is_marked(demo_progress):
    service, progress = demo_progress
    assert progress.demo and service.is_demo
    grdp = next(r for r in progress.rows if r.target.id == "de_share_grdp")
    assert [y for y, _ in grdp.series] == [2022, 2023, 2024, 2025]
    assert grdp.series[0][1] == pytest.approx(17.15, abs=0.5)  # the 2022 baseline of the reference
    answers = service.store.answers.of(service.store.assessments(2024, unit_code="HA_NOI")[0].id)
    assert all("demo" in a.comment or "DTI" in a.comment for a in answers)
    rank = next(r for r in progress.rows if r.target.id == "p4098_dt_rank")
    assert dict(rank.series) == {2022: 24, 2023: 6, 2024: 1, 2025: None}  # the published ranks, 2025 not yet
    statuses = {r.status for r in progress.rows}
    assert {TargetStatus.MET, TargetStatus.BEHIND, TargetStatus.NO_DATA} <= statuses


def test_the_share_of_communes_meeting_60_percent_is_recomputed_by_hand(demo_progress):
    service, progress = demo_progress
    row = next(r for r in progress.rows if r.target.id == "hn2025_commune_dossiers_online")
    (figure,) = row.derived
    values = []
    for assessment in service.store.assessments(2025):
        if service.store.unit(assessment.unit_code).kind == UnitKind.COMMUNE:
            answer = {a.indicator_code: a for a in service.store.answers.of(assessment.id)}.get("CQS01")
            if answer is not None and not answer.not_applicable and answer.value is not None:
                values.append(float(answer.value))
    assert figure.denominator == len(values) and figure.numerator == sum(v >= 60 for v in values)
    assert figure.value == pytest.approx(100 * sum(v >= 60 for v in values) / len(values))
    assert "CQS01 ≥ 60%" in figure.rule.vi


def test_the_online_dossier_share_weighted_by_dossiers_is_recomputed_by_hand(demo_progress):
    service, progress = demo_progress
    row = next(r for r in progress.rows if r.target.id == "hn2025_dossiers_online_city")
    (figure,) = row.derived
    online = total = 0.0
    for assessment in service.store.assessments(2025):
        if service.store.unit(assessment.unit_code).kind != UnitKind.COMMUNE:
            continue
        answers = {a.indicator_code: a for a in service.store.answers.of(assessment.id)}
        share, dossiers = answers.get("CQS01"), answers.get("CQS02")
        if share is None or dossiers is None or share.value is None or not dossiers.denominator:
            continue
        online += float(share.value) / 100 * dossiers.denominator
        total += dossiers.denominator
    assert figure.value == pytest.approx(100 * online / total) and figure.denominator == total
    # the city's own entered figure sits beside the derived one
    assert row.indicator_code == "CQS07" and row.latest is not None


def test_the_units_furthest_behind_are_the_lowest_on_the_feeding_indicators(demo_progress):
    _, progress = demo_progress
    row = next(r for r in progress.rows if r.target.id == "hn2025_commune_dossiers_online")
    assert row.fed_by == ("hanoi-2025-commune:CQS01",)
    attainments = [lag.attainment for lag in row.laggards]
    assert len(attainments) == 5 and attainments == sorted(attainments) and attainments[-1] < 1
    assert all(lag.value is not None and lag.value < 60 for lag in row.laggards)


def test_departments_at_band_4_are_counted(demo_progress):
    service, progress = demo_progress
    cards = [c for c in service.scores.for_cycle(year=2025, kind=UnitKind.DEPARTMENT).scorecards]
    (departments,) = [f for f in progress.headline if "sở" in f.label.vi]
    assert departments.denominator == 17
    assert departments.numerator == sum(1 for c in cards if c.band.code >= 4)


@pytest.mark.parametrize("db", ["demo", "empty"])
def test_score_kind_city_json(db, demo_db, tmp_path):
    url = f"sqlite:///{demo_db}" if db == "demo" else f"sqlite:///{tmp_path / 'empty.sqlite'}"
    result = run("score", "--kind", "city", "--cycle", "2025", "--json", db=url, tmp=tmp_path)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    ids = {t["target_id"] for t in data["targets"]}
    assert {"de_share_grdp", "online_tthc_share", "hn2025_commune_dossiers_online", "p4098_dt_rank"} <= ids
    assert [r["rank"] for r in data["dti_ranks"]] == [43, 40, 24, 6, 1] and data["leading_group_rank"] == 5
    if db == "empty":
        assert {t["status"] for t in data["targets"]} == {"no_data"} and data["index"] is None
    else:
        assert data["demo"] and data["index"] is not None
        assert next(t for t in data["targets"] if t["target_id"] == "de_share_grdp")["source"].startswith("https")
    text = run("score", "--kind", "city", "--cycle", "2025", "--lang", "vi", db=url, tmp=tmp_path)
    assert text.returncode == 0 and "Nghị quyết 18-NQ/TU" in text.stdout
