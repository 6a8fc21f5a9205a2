"""Importing answer spreadsheets through the service: all or nothing, every bad row named."""

from __future__ import annotations

import pandas as pd
import pytest

from assessment.domain.errors import ImportRejected, InvalidAnswer
from assessment.domain.model import Answer, AssessmentStatus

HEADER = "unit_code,cycle,indicator_code,value,numerator,denominator,choice,not_applicable,comment\n"


def write(tmp_path, body, name="answers.csv"):
    path = tmp_path / name
    path.write_text(HEADER + body, encoding="utf-8")
    return path


def test_a_good_file_lands_and_scores(service, tmp_path):
    path = write(tmp_path, "00070,2025,NTS01,4,,,,,Đã họp đủ 4 lần\n"
                           "00070,2025,NTS03,,3,4,,,\n"
                           "00070,2025,TCS01,,,,on_time,,\n")
    summary = service.answers.import_file(path)
    assert (summary.rows, summary.assessments, summary.result.inserted) == (3, 1, 3)
    (assessment,) = service.store.assessments(2025)
    assert assessment.methodology_id == "hanoi-2025-commune"
    answers = {a.indicator_code: a for a in service.answers.of(assessment.id)}
    assert answers["NTS01"].comment == "Đã họp đủ 4 lần"
    card = service.scores.for_cycle(year=2025, unit_code="00070").scorecards[0]
    points = {i.code: i.points for i in card.indicators}
    assert points["NTS01"] == 20 and points["NTS03"] == pytest.approx(0.75 * 15)


def test_every_bad_row_is_reported_and_nothing_is_written(service, tmp_path):
    path = write(tmp_path, "\n".join([
        "00070,2025,NTS01,4,,,,,",           # fine
        "99999,2025,NTS01,4,,,,,",           # unknown unit
        "70,2025,NTS01,4,,,,,",              # lost leading zeros
        "00070,2025,NTS99,4,,,,,",           # unknown indicator
        "00070,2025,NTS03,,5,4,,,",          # a > b
        "00070,2025,TCS01,,,,weekly,,",      # not an option
        "00070,20x5,NTS01,4,,,,,",           # bad cycle
        "001,2025,NTS01,4,,,,,",             # a district in 2025: abolished
        "00070,2025,NTS01,3,,,,,",           # duplicate
        "00070,2025,HTS01,bốn mươi,,,,,",     # not a number
    ]) + "\n")
    with pytest.raises(ImportRejected) as caught:
        service.answers.import_file(path)
    found = {(p.line, p.field) for p in caught.value.problems}
    assert found == {(3, "unit_code"), (4, "unit_code"), (5, "indicator_code"), (6, "numerator"), (7, "choice"),
                     (8, "cycle"), (9, "cycle"), (10, "indicator_code"), (11, "value")}
    messages = "\n".join(str(p) for p in caught.value.problems)
    assert "did you mean '00070'?" in messages
    assert "did not exist in cycle 2025" in messages
    assert "also on row 2" in messages
    assert "nothing was imported" in caught.value.message
    assert service.store.assessments() == []


def test_validation_rules_run_across_the_file(service, tmp_path):
    # NTS02's denominator (all steering-committee meetings) must equal NTS01 (meetings held)
    m = service.methodologies.latest("hanoi-2025-commune")
    assert m.indicator("NTS02").checks
    path = write(tmp_path, "00070,2025,NTS01,2,,,,,\n00070,2025,NTS02,,3,3,,,\n")
    with pytest.raises(ImportRejected) as caught:
        service.answers.import_file(path)
    (problem,) = caught.value.problems
    assert (problem.line, problem.field) == (3, "value")
    assert "must equal the number of steering-committee meetings" in problem.message
    assert "phải bằng số cuộc họp" in problem.message
    fixed = write(tmp_path, "00070,2025,NTS01,3,,,,,\n00070,2025,NTS02,,3,3,,,\n", "fixed.csv")
    assert service.answers.import_file(fixed).result.inserted == 2


def test_the_header_must_be_right(service, tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("unit,cycle,indicator_code,valeur\n00070,2025,NTS01,4\n", encoding="utf-8")
    with pytest.raises(ImportRejected) as caught:
        service.answers.import_file(path)
    assert {(p.line, p.field) for p in caught.value.problems} == {(1, "unit_code"), (1, "unit"), (1, "valeur")}


def test_export_then_import_changes_nothing(demo_service, tmp_path):
    frame = demo_service.answers.export_frame(year=2025)
    assert len(frame) > 5000
    path = tmp_path / "all.xlsx"
    frame.to_excel(path, index=False)
    summary = demo_service.answers.import_file(path)
    assert (summary.result.inserted, summary.result.changed) == (0, 0)
    assert summary.result.unchanged == len(frame)


def test_a_changed_value_is_updated_with_history(demo_service, tmp_path):
    path = write(tmp_path, "00070,2025,NTS01,1,,,,,sửa lại\n")
    before = demo_service.scores.for_cycle(year=2025, unit_code="00070").scorecards[0]
    assert demo_service.answers.import_file(path).result.changed == 1
    after = demo_service.scores.for_cycle(year=2025, unit_code="00070").scorecards[0]
    assert {i.code: i.points for i in after.indicators}["NTS01"] == 5
    assert after.points < before.points or {i.code: i.points for i in before.indicators}["NTS01"] == 5
    (assessment,) = demo_service.store.assessments(2025, unit_code="00070")
    history = demo_service.store.answers.history(assessment.id, "NTS01")
    assert history[-1].new["value_number"] == 1.0 and history[-1].source == "import"


def test_read_only_assessments_refuse_imports(demo_service, tmp_path):
    (assessment,) = demo_service.store.assessments(2025, unit_code="00070")
    demo_service.store.set_status(assessment.id, AssessmentStatus.SUBMITTED)
    with pytest.raises(ImportRejected, match="1 problem"):
        demo_service.answers.import_file(write(tmp_path, "00070,2025,NTS01,1,,,,,\n"))


def test_saving_one_bad_answer_keeps_the_old_one(demo_service):
    (assessment,) = demo_service.store.assessments(2025, unit_code="00070")
    old = {a.indicator_code: a for a in demo_service.answers.of(assessment.id)}["TCS01"]
    with pytest.raises(InvalidAnswer, match="not an option"):
        demo_service.answers.save(unit_code="00070", year=2025, answer=Answer("TCS01", "weekly"))
    assert {a.indicator_code: a for a in demo_service.answers.of(assessment.id)}["TCS01"] == old
    demo_service.answers.save(unit_code="00070", year=2025, answer=Answer("TCS01", "late"))
    assert {a.indicator_code: a for a in demo_service.answers.of(assessment.id)}["TCS01"].value == "late"


def test_an_unreadable_workbook_is_rejected(service, tmp_path):
    path = tmp_path / "broken.xlsx"
    path.write_bytes(b"PK\x03\x04 this is not really a workbook")
    with pytest.raises(ImportRejected, match="cannot read"):
        service.answers.import_file(path)


def test_xlsx_with_numbers_typed_as_numbers(service, tmp_path):
    frame = pd.DataFrame({"unit_code": ["SO_TTTT"], "cycle": [2024], "indicator_code": ["NTS01"], "value": [3]})
    path = tmp_path / "typed.xlsx"
    frame.to_excel(path, index=False)
    assert service.answers.import_file(path).result.inserted == 1
