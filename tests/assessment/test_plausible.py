"""Plausible ranges (issue 11, item 8): declared in the methodology and checked by the loader; a value outside
is refused by imports and saves unless a person confirmed it; a confirmed value survives export → import."""

from __future__ import annotations

from pathlib import Path

import pytest

from assessment.domain.answers import plausibility_problems
from assessment.domain.errors import ImportRejected, InvalidAnswer, MethodologyInvalid
from assessment.domain.model import Answer, plausible_range
from questionnaires.loader import parse_methodology

MINI = Path(__file__).resolve().parent.parent / "data" / "mini.yaml"
HEADER = "unit_code,cycle,indicator_code,value,numerator,denominator,choice,not_applicable,comment,confirmed\n"


def mini_with(old: str, new: str, targets):  # type: ignore[no-untyped-def]
    text = MINI.read_text(encoding="utf-8")
    assert old in text
    return parse_methodology(text.replace(old, new), "mini.yaml", targets.ids)


def csv(tmp_path, body, name="answers.csv"):
    path = tmp_path / name
    path.write_text(HEADER + body, encoding="utf-8")
    return path


def stored(service, unit, year):
    (assessment,) = service.store.assessments(year, unit_code=unit)
    return {a.indicator_code: a for a in service.answers.of(assessment.id)}


def test_a_declared_range_is_read_and_defaults_fill_the_rest(mini, targets, shipped):
    declared = mini_with("answer: {type: count, max: 52}", "answer: {type: count, max: 52, plausible: {max: 12}}",
                         targets)
    assert plausible_range(declared.indicator("A1").answer) == (0, 12)
    assert plausible_range(mini.indicator("A1").answer) == (0, 52)  # a count's hard max
    assert plausible_range(mini.indicator("A3").answer) == (0, 100)  # a percent
    assert plausible_range(mini.indicator("A2").answer) == (0, 1_000_000)  # a ratio's parts
    commune = shipped["hanoi-2025-commune"]
    assert plausible_range(commune.indicator("HTS03").answer) == (0, 300)
    assert plausible_range(commune.indicator("KTS05").answer) == (0, 2000)
    assert plausible_range(shipped["hanoi-2025-department"].indicator("NTS01").answer) == (0, 100)


@pytest.mark.parametrize(("new", "field", "message"), [
    ("{type: count, max: 52, plausible: {max: 60}}", "answer.plausible.max", "60 is above the answer's max (52)"),
    ("{type: count, max: 52, plausible: {min: 10, max: 5}}", "answer.plausible.max", "max (5) is below min (10)"),
    ("{type: count, max: 52, plausible: {min: -1}}", "answer.plausible.min", "-1 is below the answer's min (0)"),
    ("{type: count, max: 52, plausible: {maximum: 5}}", "answer.plausible.maximum", "unknown key"),
    ("{type: count, max: 52, plausible: {max: abc}}", "answer.plausible.max", "must be a number"),
    ("{type: count, max: 52, plausible: {}}", "answer.plausible.max", "give min, max or both"),
])
def test_a_bad_range_is_reported_by_file_line_and_field(new, field, message, targets):
    with pytest.raises(MethodologyInvalid) as caught:
        mini_with("{type: count, max: 52}", new, targets)
    problem = next(p for p in caught.value.problems if p.field.endswith(field))
    assert problem.file == "mini.yaml" and problem.line == 24 and message in problem.message


def test_a_range_on_a_choice_is_an_unknown_key(targets):
    with pytest.raises(MethodologyInvalid) as caught:
        mini_with("answer: {type: boolean}", "answer: {type: boolean, plausible: {max: 1}}", targets)
    (problem,) = caught.value.problems
    assert problem.field.endswith("answer.plausible") and "unknown key" in problem.message


def test_only_an_unconfirmed_change_outside_the_range_is_a_problem(shipped):
    nts01 = shipped["hanoi-2025-department"].indicator("NTS01")
    (problem,) = plausibility_problems(nts01, Answer("NTS01", 280.0))
    assert problem.message == "280 is outside the plausible range 0–100"
    assert plausibility_problems(nts01, Answer("NTS01", 280.0, confirmed=True)) == []
    assert plausibility_problems(nts01, Answer("NTS01", 28.0)) == []
    assert plausibility_problems(nts01, Answer("NTS01", 280.0, comment="x"), stored=Answer("NTS01", 280.0)) == []


@pytest.mark.parametrize(("value", "shown"), [("99999999999999999999", "100000000000000000000"), ("280", "280")])
def test_an_import_refuses_a_value_outside_the_range(service, tmp_path, value, shown):
    path = csv(tmp_path, f"SO_NOI_VU,2025,NTS03,12,,,,,,\nSO_NOI_VU,2025,NTS01,{value},,,,,,\n")
    with pytest.raises(ImportRejected) as caught:
        service.answers.import_file(path)
    (problem,) = caught.value.problems
    assert (problem.file, problem.line, problem.field) == (str(path), 3, "value")
    assert problem.message == (f"NTS01: {shown} is outside the plausible range 0–100; if it is right, put 1 in the "
                               "confirmed column")
    assert service.store.assessments() == []


def test_a_confirmed_value_is_stored_and_round_trips(service, tmp_path):
    service.answers.import_file(csv(tmp_path, "SO_NOI_VU,2025,NTS01,280,,,,,,1\nSO_NOI_VU,2025,NTS03,12,,,,,,1\n"))
    assert stored(service, "SO_NOI_VU", 2025)["NTS01"].value == 280
    frame = service.answers.export_frame(year=2025)
    confirmed = dict(zip(frame["indicator_code"], frame["confirmed"], strict=True))
    assert confirmed == {"NTS01": "1", "NTS03": ""}  # only where it means something
    out = tmp_path / "export.csv"
    frame.to_csv(out, index=False)
    again = service.answers.import_file(out)
    assert (again.result.inserted, again.result.changed) == (0, 0)


def test_a_stored_confirmed_value_needs_no_new_confirmation_for_its_comment(service, tmp_path):
    service.answers.import_file(csv(tmp_path, "SO_NOI_VU,2025,NTS01,280,,,,,,1\n"))
    service.answers.save(unit_code="SO_NOI_VU", year=2025, answer=Answer("NTS01", 280.0, comment="họp hằng ngày"))
    assert stored(service, "SO_NOI_VU", 2025)["NTS01"].comment == "họp hằng ngày"
    with pytest.raises(InvalidAnswer, match="outside the plausible range 0–100"):
        service.answers.save(unit_code="SO_NOI_VU", year=2025, answer=Answer("NTS01", 281.0))
    assert stored(service, "SO_NOI_VU", 2025)["NTS01"].value == 280


def test_the_window_check_refuses_an_unconfirmed_value(service):
    session = service.entry.open("SO_NOI_VU", 2025)
    refusal = service.entry.check(session, session.answers, Answer("NTS01", 280.0))
    assert [p.code for p in refusal] == ["implausible"]
    assert service.entry.check(session, session.answers, Answer("NTS01", 280.0, confirmed=True)) is None


@pytest.fixture(scope="module")
def shipped():
    from questionnaires.files import FileCatalog

    catalog = FileCatalog()
    return {m.id: m for m in catalog.methodologies()}


def test_the_windows_live_score_ignores_an_implausible_peer(demo_service, tmp_path):
    """The form scores one unit against its peers' best (EntryArea.peer_floor): an out-of-range value of
    another commune, even confirmed, is not that best."""
    before = demo_service.entry.open("00004", 2025).benchmark_floor[("commune", "HTS03")]
    assert 0 < before <= 300
    demo_service.answers.import_file(csv(tmp_path, "00070,2025,HTS03,999999999999999,,,,,,1\n"))
    demo_service.entry.forget_peers()
    assert demo_service.entry.open("00004", 2025).benchmark_floor[("commune", "HTS03")] == before
