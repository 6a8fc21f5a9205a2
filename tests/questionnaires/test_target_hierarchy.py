"""Targets as a hierarchy (Resolution 18-NQ/TU → plan → the year's plan → a unit's indicator), their sources
and confidence, and the domain corrections that rest on them (issue 13, items 4, 5 and 8)."""

from __future__ import annotations

import pytest

from assessment.domain.errors import ImportRejected
from assessment.domain.model import TARGET_LEVELS, Answer, IndicatorCode, UnitKind
from questionnaires.targets import parse_targets_yaml


def test_every_shipped_target_has_a_level_a_confidence_and_a_document(targets):
    for target in targets.targets:
        assert target.level in TARGET_LEVELS, target.id
        assert target.confidence, target.id
        assert target.document, target.id
    # values no public source confirms stay marked, and say so with no borrowed source
    unsourced = [t for t in targets.targets if not t.source]
    assert unsourced and all(t.unconfirmed for t in unsourced)


def test_a_section_gives_its_source_to_its_targets(targets):
    """The five KH 64 targets share one source, written once for the section; it used to be lost on load."""
    kh64 = [t for t in targets.targets if t.category == "annual_plan_2023"]
    assert len(kh64) == 5
    assert {t.source for t in kh64} == {"https://viettimes.vn/ubnd-tp-ha-noi-ban-hanh-ke-hoach-64-ve-ung-dung-cntt-"
                                        "trong-hoat-dong-cua-co-quan-nha-nuoc-post165481.html"}
    assert {t.document for t in kh64} == {"KH 64/KH-UBND (2023)"} and {t.level for t in kh64} == {"annual_plan"}


def test_a_plan_target_names_the_resolution_target_it_serves(targets):
    chain = [t.id for t in targets.chain("kh64_tthc_full_online")]
    assert chain == ["kh64_tthc_full_online", "p4098_tthc_level4", "online_tthc_share"]
    assert [t.level for t in targets.chain("kh64_tthc_full_online")] == ["annual_plan", "plan", "resolution"]
    assert targets.chain("p4098_de_share_grdp")[-1].id == "de_share_grdp"


def test_every_indicator_target_leads_somewhere_known(targets):
    """Each linked target of every shipped methodology exists; the ones of the city's own plans reach the
    resolution through `serves`."""
    from questionnaires.catalog import shipped_methodologies

    for methodology in shipped_methodologies():
        for indicator in methodology.indicators:
            if indicator.target_id:
                chain = targets.chain(indicator.target_id)
                assert chain, (methodology.id, indicator.code)
                if chain[0].level == "annual_plan" and chain[0].serves:
                    assert chain[-1].level == "resolution", (methodology.id, indicator.code)


def test_the_city_operational_targets_of_2025_are_there(targets):
    expected = {"hn2025_commune_dossiers_online": 60, "hn2025_commune_dossiers_end_to_end": 20,
                "hn2025_centre_dossiers_online": 80, "hn2025_centre_dossiers_end_to_end": 20,
                "hn2025_tthc_end_to_end_eligible": 100, "hn2025_dossiers_online_city": 80,
                "hn2025_adults_using_dvc": 40}
    for ident, value in expected.items():
        assert targets.get(ident).value_in(2025) == value
    assert targets.get("hn2025_commune_dossiers_online").confidence == "high"
    assert not targets.get("hn2025_commune_dossiers_online").unconfirmed
    assert targets.get("hn2025_adults_using_dvc").unconfirmed


@pytest.mark.parametrize(("text", "where", "message"), [
    ("a:\n  - {id: x, pillar: tong_quat, text_vi: a, text_en: a, unit: percent, direction: min, serves: nowhere}\n",
     "[x].serves", "no target 'nowhere' in this file"),
    ("a:\n  - {id: x, pillar: tong_quat, text_vi: a, text_en: a, unit: percent, direction: min, serves: y}\n"
     "  - {id: y, pillar: tong_quat, text_vi: a, text_en: a, unit: percent, direction: min, serves: x}\n",
     "[x].serves", "loop"),
    ("a:\n  level: parliament\n  targets:\n  - {id: x, pillar: tong_quat, text_vi: a, text_en: a, unit: percent,"
     " direction: min}\n", "a.level", "unknown value 'parliament'"),
])
def test_a_broken_hierarchy_is_refused_with_where(text, where, message):
    with pytest.raises(ImportRejected) as caught:
        parse_targets_yaml(text, "t.yaml", "t")
    assert any(p.field == where and message in p.message for p in caught.value.problems), caught.value.problems


def test_the_service_centre_is_not_a_unit_of_2024(service):
    """It opened on 31/12/2024, so it cannot be QĐ 920's 22nd body: 2024 has the 21 known departments."""
    in_2024 = {u.code for u in service.units.list(UnitKind.DEPARTMENT, active_in=2024)}
    in_2025 = {u.code for u in service.units.list(UnitKind.DEPARTMENT, active_in=2025)}
    assert "TT_PVHCC" not in in_2024 and "TT_PVHCC" in in_2025
    assert len(in_2024) == 21 and len(in_2025) == 17


def test_a_commune_meeting_the_citys_60_percent_gets_full_points_for_online_dossiers(service):
    """Commune CQS01 measures dossiers received online: scored against the 60 % the city requires of each
    commune (it was scored against 100 % of procedures offered online: 15/25)."""
    session = service.entry.open("00070", 2025)

    def cqs01(value: float):
        card = service.entry.score(session, {"CQS01": Answer(IndicatorCode("CQS01"), value=value)})
        return next(i for i in card.indicators if i.code == "CQS01")

    assert cqs01(60).points == pytest.approx(25) and cqs01(60).target_id == "hn2025_commune_dossiers_online"
    assert cqs01(30).points == pytest.approx(12.5)


def test_an_older_database_gets_the_targets_a_newer_methodology_links(tmp_path):
    """A database whose target set predates a newly linked target is given that target's shipped definition
    on open; the set keeps its own edits."""
    from assessment.domain.model import TargetSet
    from tests.conftest import open_service

    service = open_service(tmp_path / "old.sqlite")
    active = service.targets.active()
    service.targets.set_value("de_share_grdp", 2025, 31)
    edited = service.targets.active()
    old = TargetSet(active.name, tuple(t for t in edited.targets if t.id != "hn2025_commune_dossiers_online"))
    service.store.save_target_set(old, default=True)
    service.store.set_meta("reference_units_version", "1")  # as a database of the previous release
    service.store.close()
    reopened = open_service(tmp_path / "old.sqlite")
    try:
        assert reopened.targets.active().get("hn2025_commune_dossiers_online").value_in(2025) == 60
        assert reopened.targets.active().get("de_share_grdp").value_in(2025) == 31
    finally:
        reopened.store.close()
