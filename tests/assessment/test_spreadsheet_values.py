"""Spreadsheet cells are read as the person who typed them meant, or refused with file:row:column: an
ambiguous "2.000", a percent-formatted Excel cell, a formula without a computed value (issue 11, item 7)."""

from __future__ import annotations

import pytest
from openpyxl import Workbook

from assessment.domain.answers import AmbiguousNumber, parse_number, plain_number
from assessment.domain.errors import ImportRejected

HEADER = ["unit_code", "cycle", "indicator_code", "value", "numerator", "denominator", "choice", "not_applicable",
          "comment"]


def csv_file(tmp_path, *rows, name="answers.csv"):
    path = tmp_path / name
    path.write_text(",".join(HEADER) + "\n" + "".join(",".join(r) + "\n" for r in rows), encoding="utf-8")
    return path


def xlsx_file(tmp_path, rows, name="answers.xlsx", formats=None):
    """A real workbook written by openpyxl: `rows` below the header; `formats` maps (row, column) to a
    number_format (row 2 = the first data row)."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(HEADER)
    for row in rows:
        sheet.append(list(row))
    for (row, column), number_format in (formats or {}).items():
        sheet.cell(row=row, column=column).number_format = number_format
    path = tmp_path / name
    workbook.save(path)
    return path


def stored(service, unit, year):
    (assessment,) = service.store.assessments(year, unit_code=unit)
    return {a.indicator_code: a for a in service.answers.of(assessment.id)}


@pytest.mark.parametrize(("text", "first", "second"), [("2.000", 2, 2000), ("1,500", 1.5, 1500),
                                                        ("-12.345", -12.345, -12345)])
def test_one_separator_before_three_digits_is_ambiguous(text, first, second):
    with pytest.raises(AmbiguousNumber) as caught:
        parse_number(text)
    assert (caught.value.first, caught.value.second) == (first, second)


@pytest.mark.parametrize(("text", "value"), [("1.234.567", 1234567), ("1.234,5", 1234.5), ("1,234.5", 1234.5),
                                             ("2 000", 2000), ("0.500", 0.5), ("1234.567", 1234.567),
                                             ("2,5", 2.5), ("2.0000", 2.0), ("95 %", 95)])
def test_unambiguous_forms_are_read(text, value):
    assert parse_number(text) == value


@pytest.mark.parametrize("value", [2.345, 12.345, 1e20, 1e-7, 0.1, 123456.789, -2.5, 2000.0])
def test_written_numbers_read_back_exactly(value):
    assert parse_number(plain_number(value)) == value


def test_csv_thousands_in_a_count_is_refused_with_both_readings(service, tmp_path):
    path = csv_file(tmp_path, ("SO_TTTT", "2024", "NTS01", "3"), ("SO_TTTT", "2024", "NTS03", "2.000"))
    with pytest.raises(ImportRejected) as caught:
        service.answers.import_file(path)
    (problem,) = caught.value.problems
    assert (problem.file, problem.line, problem.field) == (str(path), 3, "value")
    assert "NTS03: '2.000' could be 2 or 2000" in problem.message
    assert service.store.assessments() == []


def test_csv_unambiguous_thousands_are_stored_as_written(service, tmp_path):
    service.answers.import_file(csv_file(tmp_path, ("SO_TTTT", "2024", "NTS03", '"1.200,0"')))
    assert stored(service, "SO_TTTT", 2024)["NTS03"].value == 1200


def test_a_percent_formatted_cell_is_the_percentage_shown(service, tmp_path):
    path = xlsx_file(tmp_path, [("SO_TTTT", 2024, "TCS03", 0.95), ("SO_TTTT", 2024, "HTS03", 0.07)],
                     formats={(2, 4): "0%", (3, 4): "0.00%"})
    service.answers.import_file(path)
    answers = stored(service, "SO_TTTT", 2024)
    assert answers["TCS03"].value == 95 and answers["HTS03"].value == 7


def test_a_typed_decimal_in_excel_is_not_ambiguous(service, tmp_path):
    path = xlsx_file(tmp_path, [("SO_TTTT", 2024, "TCS03", 12.345)])
    service.answers.import_file(path)
    assert stored(service, "SO_TTTT", 2024)["TCS03"].value == 12.345


def test_a_formula_without_a_value_is_an_error_and_keeps_the_stored_answer(service, tmp_path):
    service.answers.import_file(csv_file(tmp_path, ("SO_TTTT", "2024", "NTS01", "4"),
                                         ("SO_TTTT", "2024", "TCS03", "50")))
    path = xlsx_file(tmp_path, [("SO_TTTT", 2024, "NTS01", "=2+2"), ("SO_TTTT", 2024, "TCS03", 60)])
    with pytest.raises(ImportRejected) as caught:
        service.answers.import_file(path)
    (problem,) = caught.value.problems
    assert (problem.line, problem.field) == (2, "value")
    assert "D2 holds a formula without a computed value" in problem.message
    answers = stored(service, "SO_TTTT", 2024)
    assert answers["NTS01"].value == 4 and answers["TCS03"].value == 50


def test_an_error_cell_is_refused(service, tmp_path):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(HEADER)
    sheet.append(["SO_TTTT", 2024, "TCS03"])
    sheet["D2"] = "#DIV/0!"
    sheet["D2"].data_type = "e"
    path = tmp_path / "error.xlsx"
    workbook.save(path)
    with pytest.raises(ImportRejected, match="cannot be read") as caught:
        service.answers.import_file(path)
    assert "shows the error #DIV/0!" in caught.value.problems[0].message
    assert service.store.assessments() == []


def test_dates_and_blank_rows_in_a_workbook(service, tmp_path):
    path = xlsx_file(tmp_path, [("SO_TTTT", 2024, "NTS01", 3), (), ("SO_TTTT", 2024, "NTS03", 12)])
    summary = service.answers.import_file(path)
    assert summary.rows == 2
    with pytest.raises(ImportRejected) as caught:
        service.answers.import_file(xlsx_file(tmp_path, [(), (), ("SO_TTTT", 2024, "NTS01", "x")], name="b.xlsx"))
    assert caught.value.problems[0].line == 4
