"""Repositories round-trip domain objects through a real database: an SQLite file and a PostgreSQL database."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import pytest
from sqlalchemy.exc import IntegrityError

from assessment.domain.errors import BadInput, NotFound
from assessment.domain.model import Answer, Target, TargetSet, Text, Unit, UnitCode, UnitKind
from assessment.services.ports import ANSWER_COLUMNS


def frame(rows):
    return pd.DataFrame.from_records(rows, columns=["assessment_id", "indicator_code", *ANSWER_COLUMNS])


def row(aid, code, **values):
    base = dict.fromkeys(ANSWER_COLUMNS)
    base.update(not_applicable=False, comment="")
    base.update(values)
    return {"assessment_id": aid, "indicator_code": code, **base}


def test_reference_units_are_loaded_once(service):
    units = service.store.units()
    assert len(units) == 185  # 30 districts, 28 departments, 126 communes and the city
    assert sum(u.kind == UnitKind.COMMUNE for u in units) == 126
    hoan_kiem = service.store.unit("00070")
    assert hoan_kiem.name.vi == "Phường Hoàn Kiếm" and hoan_kiem.subtype == "ward" and hoan_kiem.urban
    assert hoan_kiem.valid_from == dt.date(2025, 7, 1)
    service.units.remove("00070")
    service.initialise()  # a second start does not bring it back
    assert service.store.unit("00070") is None


def test_lineage_links_communes_to_former_districts(service):
    links = [link for link in service.store.lineage() if link.successor_code == "00070"]
    assert {link.predecessor_district_code for link in links} == {"001", "002"}  # Ba Đình, Hoàn Kiếm
    assert any(link.predecessor_name == "Phường Hàng Mã" and link.part == "full" for link in links)


def test_unit_edits_round_trip(service):
    service.units.set_digital_economy_duty("SO_Y_TE", True)
    assert service.store.unit("SO_Y_TE").digital_economy_duty
    with pytest.raises(BadInput, match="only departments"):
        service.units.set_digital_economy_duty("00070", True)
    added = service.units.add(Unit(UnitCode("SO_MOI"), UnitKind.DEPARTMENT, "department",
                                   Text("Sở Mới", "New Department"), dt.date(2026, 1, 1)))
    assert added.valid_from == dt.date(2026, 1, 1)
    with pytest.raises(BadInput, match="already exists"):
        service.units.add(added)
    with pytest.raises(NotFound):
        service.units.get("NOPE")


def test_methodology_text_and_hash_are_kept(service, mini):
    pk = service.store.store_methodology(mini)
    assert service.store.store_methodology(mini) == pk
    stored = service.store.stored_methodologies()[0]
    assert stored.sha256 == mini.sha256 and stored.source_text == mini.source_text
    from dataclasses import replace

    with pytest.raises(BadInput, match="new version"):
        service.store.store_methodology(replace(mini, sha256="0" * 64))


def test_target_sets_round_trip(service, targets):
    active = service.store.target_set()
    assert active is not None and len(active.targets) == len(targets.targets)
    de = active.get("de_share_each_sector")
    assert de.unconfirmed and de.values == ((2025, 10.0), (2030, 20.0)) and de.document == "18-NQ/TU"
    custom = TargetSet("custom", (Target("x", "tong_quat", Text("X", "X"), "percent", "min", ((2025, 1.0),)),))
    service.store.save_target_set(custom, default=False)
    assert service.store.target_set().name == active.name
    assert service.store.target_set("custom").targets == custom.targets
    service.store.set_target_value("de_share_each_sector", 2025, 12.0)
    assert service.store.target_set().get("de_share_each_sector").value_in(2025) == 12.0


def _assessment(service, mini, unit="00070", year=2025):
    pk = service.store.store_methodology(mini)
    service.store.ensure_cycle(year)
    return service.store.ensure_assessments(year, [(unit, pk)])[unit]


def test_answers_insert_update_unchanged_with_history(service, mini):
    aid = _assessment(service, mini)
    answers = service.store.answers
    first = answers.write(frame([row(aid, "A1", value_number=3.0), row(aid, "B2", choices="zalo;app"),
                                 row(aid, "A2", numerator=1.0, denominator=4.0)]), who="an", source="import")
    assert (first.inserted, first.changed, first.unchanged) == (3, 0, 0)
    second = answers.write(frame([row(aid, "A1", value_number=4.0), row(aid, "B2", choices="zalo;app")]),
                           who="binh", source="entry")
    assert (second.inserted, second.changed, second.unchanged) == (0, 1, 1)
    stored = {a.indicator_code: a for a in answers.of(aid)}
    assert stored["A1"].value == 4.0 and stored["B2"].choices == ("zalo", "app")
    assert (stored["A2"].numerator, stored["A2"].denominator) == (1.0, 4.0)
    history = answers.history(aid, "A1")
    assert [(h.changed_by, h.old["value_number"], h.new["value_number"]) for h in history] == [
        ("an", None, 3.0), ("binh", 3.0, 4.0)]


def test_an_empty_multiple_choice_is_kept_apart_from_no_answer(service, mini):
    aid = _assessment(service, mini)
    service.store.answers.write(frame([row(aid, "B2", choices=""), row(aid, "A1")]), who="x", source="entry")
    stored = {a.indicator_code: a for a in service.store.answers.of(aid)}
    assert stored["B2"].choices == () and stored["A1"].is_empty


def test_a_failed_write_leaves_nothing(service, mini):
    aid = _assessment(service, mini)
    bad = frame([row(aid, "A1", value_number=1.0), row(999_999, "A1", value_number=2.0)])  # no assessment 999999
    with pytest.raises(IntegrityError, match=r"(?i)foreign key"):
        service.store.answers.write(bad, who="x", source="import")
    assert service.store.answers.of(aid) == []
    assert service.store.answers.history(aid) == []


def test_cycle_loading_returns_every_answer(service, mini):
    aid = _assessment(service, mini)
    other = _assessment(service, mini, "00256")
    service.store.answers.write(frame([row(aid, "A1", value_number=1.0), row(other, "A5", value_number=7.5)]),
                                who="x", source="import")
    loaded = service.store.answers.load_cycle(2025)
    order = np.argsort(loaded.row)
    assert loaded.row[order].tolist() == [aid, other]
    assert loaded.code[order].tolist() == ["A1", "A5"]
    assert np.allclose(loaded.value_number[order], [1.0, 7.5])
    assert service.store.answers.load_long([other]).code.tolist() == ["A5"]
    batch = loaded.take([other, aid])
    assert sorted(zip(batch.row.tolist(), batch.code.tolist(), strict=True)) == [(0, "A5"), (1, "A1")]


def test_a_cycle_loaded_a_chunk_at_a_time_equals_it_loaded_at_once(service, mini, monkeypatch):
    """Loading reads a cycle FETCH_ROWS rows at a time (peak memory): chunk edges lose or change nothing."""
    import storage.answers
    from assessment.domain.answer_matrix import LongAnswers

    ids = [_assessment(service, mini, code) for code in ("00070", "00256")]
    rows = [row(aid, code, value_number=float(k), value_text=f"t{k % 3}" if k % 2 else None,
                numerator=float(k) if k % 3 else None, denominator=4.0, choices="a;b" if k % 4 == 0 else None,
                not_applicable=k == 5, manual_points=0.5 if k == 7 else None)
            for k, (aid, code) in enumerate((aid, code) for aid in ids for code in ("A1", "A2", "A3", "A4", "A5"))]
    service.store.answers.write(frame(rows), who="x", source="import")
    whole = service.store.answers.load_cycle(2025)
    monkeypatch.setattr(storage.answers, "FETCH_ROWS", 3)  # 10 answers: chunks of 3, 3, 3 and 1
    chunked = service.store.answers.load_cycle(2025)
    assert len(whole.row) == len(chunked.row) == 10
    for name in LongAnswers.FIELDS:
        mine, theirs = getattr(chunked, name), getattr(whole, name)
        assert mine.dtype == theirs.dtype
        assert [None if v != v else v for v in mine.tolist()] == [None if v != v else v for v in theirs.tolist()]
    assert chunked.not_applicable.tolist().count(True) == 1 and "t1" in chunked.value_text.tolist()


def test_assessments_are_unique_per_unit_and_cycle(service, mini):
    first = _assessment(service, mini)
    assert _assessment(service, mini) == first
    assert [a.unit_code for a in service.store.assessments(2025)] == ["00070"]
    with pytest.raises(NotFound, match="NOPE"):
        service.store.ensure_assessments(2025, [("NOPE", 1)])
    with pytest.raises(BadInput, match="cannot be removed"):
        service.units.remove("00070")


def test_evidence_is_kept_with_its_answer(service, mini):
    from assessment.domain.model import EvidenceItem

    aid = _assessment(service, mini)
    service.store.answers.write(frame([row(aid, "A1", value_number=4.0)]), who="x", source="entry")
    item = EvidenceItem("123/QĐ-UBND", dt.date(2025, 3, 4), "Quyết định kiện toàn Ban chỉ đạo chuyển đổi số",
                        "qd-123.pdf", "ab" * 32)
    service.store.answers.add_evidence(aid, "A1", item, who="Nguyễn Văn An")
    (answer,) = service.store.answers.of(aid)
    (stored,) = answer.evidence
    assert (stored.document_number, stored.document_date, stored.summary, stored.file_name, stored.file_sha256) == (
        item.document_number, item.document_date, item.summary, item.file_name, item.file_sha256)
    with pytest.raises(NotFound, match="answer it before"):
        service.store.answers.add_evidence(aid, "A2", item, who="x")


def test_answer_objects_read_back(service, mini):
    aid = _assessment(service, mini)
    service.store.answers.write(frame([row(aid, "B4", value_text="ghi chú tiếng Việt", manual_points=12.5,
                                           comment="Đã kiểm tra")]), who="x", source="entry")
    (answer,) = service.store.answers.of(aid)
    assert answer == Answer("B4", "ghi chú tiếng Việt", manual_points=12.5, comment="Đã kiểm tra")


def test_codes_come_back_in_code_order_whatever_the_database_collation(service):
    # The PostgreSQL test databases use the Vietnamese ICU collation, which orders "SO_A" before "SOA".
    for code in ("SOA", "SO_A", "Đ_X", "D_X"):
        service.units.add(Unit(UnitCode(code), UnitKind.DEPARTMENT, "department", Text(code, code)))
    codes = [u.code for u in service.store.units(UnitKind.DEPARTMENT)]
    assert codes == sorted(codes)


def test_text_postgresql_would_refuse_is_refused_up_front_on_every_backend(service, mini):
    aid = _assessment(service, mini)
    with pytest.raises(BadInput, match="NUL"):
        service.store.answers.write(frame([row(aid, "B4", value_text="a\x00b")]), who="x", source="entry")
    with pytest.raises(BadInput, match="NUL"):
        service.store.answers.write_one(aid, "B4", {"comment": "a\x00b"}, who="x", source="entry")
    with pytest.raises(BadInput, match="user name"):
        service.store.answers.write(frame([row(aid, "A1", value_number=1.0)]), who="x" * 101, source="entry")
    assert service.store.answers.of(aid) == []


def test_a_group_of_writes_is_kept_whole_or_not_at_all(service, mini):
    def half_an_import():
        _assessment(service, mini, "00256")
        raise RuntimeError("crash in the middle")

    with pytest.raises(RuntimeError):
        service.store.atomically(half_an_import)
    assert service.store.assessments() == [] and service.store.cycles() == []
    aid = service.store.atomically(lambda: _assessment(service, mini, "00256"))
    assert [a.id for a in service.store.assessments()] == [aid]
