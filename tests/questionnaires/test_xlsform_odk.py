"""XLSForm files of the kind ODK users write: an ordinary form (nothing to score) is refused with its
unsupported question types; the same form with dxscore's scoring columns loads with its types, choices,
languages and XPath conditions translated, and survives the round trip."""

from __future__ import annotations

from pathlib import Path

import pytest
from xlsform_fixtures import odk_sheets, scored_sheets, set_cell, write_book

from assessment.domain.model import AnswerType, Rule
from questionnaires.xlsform import check_workbook, export_workbook


def problems_of(path: Path) -> list[str]:
    methodology, problems = check_workbook(path)
    assert methodology is None
    return [str(p) for p in problems]


def test_the_fixtures_are_real_xlsforms(tmp_path: Path):
    """pyxform (ODK's own converter) turns both the ordinary and the scored form into an XForm: dxscore's
    columns and sheets do not stop an ODK tool from reading the form."""
    from pyxform.xls2xform import convert

    for name, sheets in (("odk", odk_sheets()), ("scored", scored_sheets())):
        xform = convert(xlsform=str(write_book(tmp_path / f"{name}.xlsx", sheets))).xform
        assert ('<bind nodeset="/data/household/income" type="decimal" '
                'relevant=" /data/household/members  &gt; 0" constraint=". &gt;= 0"') in xform


def test_an_ordinary_xlsform_is_refused_with_its_unsupported_types(tmp_path: Path):
    extra = [["geopoint", "where", "Where?", "Ở đâu?"], ["calculate", "per_head", None, None],
             ["begin repeat", "people", "People", "Người"]]
    path = write_book(tmp_path / "odk.xlsx", odk_sheets(extra))
    problems = problems_of(path)
    assert f"{path}:survey:11:A: type: unsupported question type 'geopoint'" in problems[0]
    assert f"{path}:survey:12:A: type: unsupported question type 'calculate'" in problems[1]
    assert f"{path}:survey:13:A: type: unsupported question type 'begin repeat'" in problems[2]
    assert "Unsupported question types: begin repeat, calculate, geopoint" in problems[-1]
    assert "only installs questionnaires it can score" in problems[-1]


def test_an_ordinary_xlsform_with_only_supported_types_is_refused_too(tmp_path: Path):
    problems = problems_of(write_book(tmp_path / "odk.xlsx", odk_sheets()))
    assert len(problems) == 1 and "without dxscore's scoring columns (dx_pillar, dx_points, dx_rule)" in problems[0]
    assert "Unsupported" not in problems[0]


@pytest.fixture
def scored(tmp_path: Path):
    methodology, problems = check_workbook(write_book(tmp_path / "scored.xlsx", scored_sheets()))
    assert problems == []
    return methodology


def test_the_scored_form_keeps_its_question_types_and_choices(scored):
    kinds = {i.code: i.answer.type for i in scored.indicators}
    assert kinds == {"members": AnswerType.COUNT, "income": AnswerType.NUMBER, "internet": AnswerType.CHOICE,
                     "devices": AnswerType.MULTI_CHOICE, "comment": AnswerType.TEXT, "visit_date": AnswerType.DATE}
    devices = scored.indicator("devices")
    assert [(o.code, o.text.vi, o.text.en, o.points) for o in devices.answer.options] == [
        ("phone", "Điện thoại", "Phone", 5), ("laptop", "Máy tính xách tay", "Laptop", 10),
        ("tablet", "Máy tính bảng", "Tablet", 5)]
    assert [o.code for o in scored.indicator("internet").answer.options] == ["yes", "no"]  # the shared list
    assert scored.indicator("members").scoring.rule == Rule.STEPS
    assert [(s.minimum, s.points) for s in scored.indicator("members").scoring.steps] == [(4, 30), (2, 15)]
    assert scored.indicator("comment").scoring.rule == Rule.NONE and scored.max_points == 100


def test_labels_and_hints_keep_both_languages(scored):
    members = scored.indicator("members")
    assert (members.text.vi, members.text.en) == ("Có bao nhiêu người sống ở đây?", "How many people live here?")
    assert members.guidance.vi == "Đếm mọi người đã ngủ ở đây đêm qua"
    assert (scored.title.vi, scored.title.en) == ("Household survey", "Household survey")  # one form_title: both
    assert [p.name.en for p in scored.pillars] == ["Residents", "Infrastructure"]


def test_xpath_conditions_become_dxscore_conditions(scored):
    assert scored.indicator("income").relevant_if.source == "members > 0"
    assert scored.indicator("devices").relevant_if.source == "internet == 'yes'"  # selected(${internet}, 'yes')
    assert scored.indicator("comment").relevant_if.source == "not(internet == null)"
    check = scored.indicator("members").checks[0]
    assert check.expression.source == "value >= 1 and value <= 30"
    assert (check.message.vi, check.message.en) == ("Từ 1 đến 30", "Between 1 and 30")


def test_the_scored_form_round_trips(scored, tmp_path: Path):
    again, problems = check_workbook(export_workbook(scored, tmp_path / "again.xlsx"))
    assert problems == [] and again.indicators == scored.indicators and again.pillars == scored.pillars


def test_selected_on_a_multiple_choice_is_membership(tmp_path: Path):
    sheets = scored_sheets()
    set_cell(sheets, "survey", "comment", "relevant", "selected(${devices}, 'laptop')")
    methodology, problems = check_workbook(write_book(tmp_path / "s.xlsx", sheets))
    assert problems == [] and methodology.indicator("comment").relevant_if.source == "'laptop' in devices"


def test_a_form_with_one_label_column_uses_it_for_both_languages(tmp_path: Path):
    sheets = scored_sheets()
    for name in ("survey", "choices"):
        head = sheets[name][0]
        head[head.index("label::English (en)")] = "label"
        drop = head.index("label::Vietnamese (vi)")
        sheets[name] = [row[:drop] + row[drop + 1:] for row in sheets[name]]
    methodology, problems = check_workbook(write_book(tmp_path / "one.xlsx", sheets))
    assert problems == []
    assert methodology.indicator("members").text.vi == methodology.indicator("members").text.en == \
        "How many people live here?"


@pytest.mark.parametrize(("expression", "message"), [
    ("regex(., '^[0-9]+$')", "the XLSForm function regex() has no dxscore equivalent"),
    ("count-selected(${devices}) > 1", "the XLSForm function count-selected() has no dxscore equivalent"),
    ("${members} mod 2 = 0", "'mod' has no dxscore equivalent"),
    ("/data/members > 0", "unexpected character '/'"),
])
def test_an_xpath_dxscore_cannot_evaluate_is_refused_at_its_cell(tmp_path: Path, expression: str, message: str):
    sheets = scored_sheets()
    set_cell(sheets, "survey", "comment", "relevant", expression)
    path = write_book(tmp_path / "x.xlsx", sheets)
    problems = problems_of(path)
    assert len(problems) == 1 and problems[0].startswith(f"{path}:survey:9:G: relevant: {message}")


def test_a_reference_to_an_unknown_question_is_reported_at_the_cell(tmp_path: Path):
    sheets = scored_sheets()
    set_cell(sheets, "survey", "income", "relevant", "${member} > 0")
    path = write_book(tmp_path / "x.xlsx", sheets)
    problems = problems_of(path)
    assert len(problems) == 1 and problems[0].startswith(f"{path}:survey:4:G: indicators[income].relevant_if:")
    assert "member" in problems[0]


def test_a_select_without_its_choice_list_is_reported(tmp_path: Path):
    sheets = scored_sheets()
    set_cell(sheets, "survey", "internet", "type", "select_one yesno")
    path = write_book(tmp_path / "x.xlsx", sheets)
    assert f"{path}:survey:5:A: type: no choice list 'yesno' in the choices sheet" in problems_of(path)
