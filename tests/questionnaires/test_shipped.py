"""The methodologies, crosswalks and reference data that ship with dxscore are valid and say what they are."""

from __future__ import annotations

import unicodedata
from collections import Counter

import pytest

from assessment.domain.model import AnswerType, Rule, UnitKind
from questionnaires.catalog import shipped_crosswalks, shipped_methodologies

EXPECTED = {
    # id: (applies_to, first cycle, pillars, indicators per pillar)
    "hanoi-2025-department": ("department", 2025, {"NTS": 3, "TCS": 4, "HTS": 2, "NLS": 3, "ATT": 5, "CQS": 11,
                                                   "KTS": 1, "XHS": 3, "KHN": 2}),
    "hanoi-2025-commune": ("commune", 2025, {"NTS": 5, "TCS": 3, "HTS": 5, "NLS": 6, "ATT": 4, "CQS": 10, "KTS": 6,
                                             "XHS": 8}),
    "hanoi-2024-department": ("department", 2024, None),
    "hanoi-2024-district": ("district", 2024, None),
    "hanoi-city-r18": ("city", 2022, {"CQS": 7, "KTS": 3, "XHS": 2, "HTS": 3, "TQ": 1, "DTM": 1}),
}


@pytest.fixture(scope="module")
def shipped():
    return {m.id: m for m in shipped_methodologies()}


def test_the_five_methodologies_ship(shipped):
    assert set(shipped) == set(EXPECTED)


@pytest.mark.parametrize("ident", EXPECTED)
def test_structure(shipped, ident):
    m = shipped[ident]
    kind, first, counts = EXPECTED[ident]
    assert m.applies_to == {UnitKind(kind)} and m.cycle_from == first
    # units follow the DTI's 1,000 points; the city scores 100 points per target (the index is the mean attainment)
    total = 100 * sum(1 for i in m.indicators if i.max_points) if kind == "city" else 1000
    assert m.max_points == total
    assert sum(p.max_points for p in m.pillars) == total
    if counts:
        assert Counter(i.pillar for i in m.indicators) == counts
    assert not m.provenance.official_points and not m.provenance.official_wording
    if kind != "city":
        assert "1.000" in m.provenance.note.vi or "1,000" in m.provenance.note.en
    assert len(m.bands) == 5


def test_qd920_structure(shipped):
    dept, district = shipped["hanoi-2024-department"], shipped["hanoi-2024-district"]
    assert len(dept.indicators) == 46  # QĐ 920 city level
    for m in (dept, district):
        assert [p.code for p in m.pillars] == ["NTS", "TCS", "HTS", "NLS", "ATT", "CQS", "KTS", "XHS", "KHN"]
        assert [p.group for p in m.pillars].count("foundation") == 5


def test_the_digital_economy_indicator_needs_the_duty(shipped):
    (kts,) = shipped["hanoi-2025-department"].indicators_of("KTS")
    assert kts.applies_if is not None and kts.applies_if.source == "unit.digital_economy_duty"


def test_every_answer_type_and_rule_is_used(shipped):
    types = {i.answer.type for m in shipped.values() for i in m.indicators}
    rules = {i.scoring.rule for m in shipped.values() for i in m.indicators}
    assert types == set(AnswerType)
    assert rules >= set(Rule) - {Rule.NONE}


def test_target_linked_indicators_measure_numbers(shipped, targets):
    linked = [(m.id, i) for m in shipped.values() for i in m.indicators if i.target_id]
    assert len(linked) >= 20
    for _, indicator in linked:
        assert targets.get(indicator.target_id) is not None
        assert indicator.answer.type in (AnswerType.PERCENT, AnswerType.RATIO, AnswerType.NUMBER, AnswerType.COUNT)
    ids = {i.target_id for _, i in linked}
    assert {"hn2025_commune_dossiers_online", "p4098_work_files_online_commune", "p4098_fibre_households"} <= ids
    # the resolution's own online-procedure target is reached through the plans that serve it
    served = {t.id for ident in ids for t in targets.chain(ident)}
    assert {"online_tthc_share", "broadband_coverage", "de_share_each_sector"} <= served


def test_texts_are_bilingual_and_normalised(shipped):
    for m in shipped.values():
        for i in m.indicators:
            for text in (i.text, i.guidance):
                assert text.vi.strip() and text.en.strip()
                assert unicodedata.normalize("NFC", text.vi) == text.vi
            assert any(ch in i.text.vi for ch in "ăâđêôơưàáạảãèéẹẻẽìíịỉĩòóọỏõùúụủũỳýỵỷỹ"), i.code


def test_crosswalks_link_the_versions(shipped):
    walks = {(c.from_id, c.to_id): c for c in shipped_crosswalks()}
    assert set(walks) == {("hanoi-2024-department", "hanoi-2025-department"),
                          ("hanoi-2024-district", "hanoi-2025-commune")}
    dept = walks[("hanoi-2024-department", "hanoi-2025-department")]
    new_codes = frozenset(i.code for i in shipped["hanoi-2025-department"].indicators)
    old_codes = [i.code for i in shipped["hanoi-2024-department"].indicators]
    mapped = [dept.translate(code, new_codes) for code in old_codes]
    assert sum(code is not None for code in mapped) >= 30  # most 2024 indicators continue in 2025
    assert all(code is None or code in new_codes for code in mapped)
