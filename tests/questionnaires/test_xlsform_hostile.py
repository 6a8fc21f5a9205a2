"""Methodology workbooks are hostile input: bounded size, rows, columns and cell length; formulas without a
computed value refused; every problem at file:sheet:row:column with the YAML loader's own checks; nothing
installed on any problem."""

from __future__ import annotations

import time
import zipfile
from pathlib import Path

import pytest
from xlsform_fixtures import scored_sheets, set_cell, write_book

from assessment.domain.errors import BadInput, ImportRejected, MethodologyInvalid
from questionnaires import catalog
from questionnaires.files import FileCatalog
from questionnaires.xlsform import check_workbook


def problems_of(path: Path) -> list[str]:
    methodology, problems = check_workbook(path)
    assert methodology is None
    return [str(p) for p in problems]


def installed() -> list[Path]:
    folder = catalog.user_methodology_dir()
    return sorted(folder.iterdir()) if folder.exists() else []


@pytest.mark.parametrize(("sheet", "name", "header", "value", "expected"), [
    ("survey", "members", "dx_points", -5, "survey:3:N: indicators[members].max_points: must be at least 0"),
    ("survey", "members", "dx_pillar", "XX", "survey:3:L: indicators[members].pillar: unknown pillar 'XX'"),
    ("survey", "members", "dx_order", "first", "survey:3:M: indicators[members].order: must be a whole number"),
    ("survey", "members", "dx_steps", "4=30", "survey:3:P: dx_steps: '4=30': write each step as min:points"),
    ("survey", "members", "dx_rule", "stairs", "survey:3:O: indicators[members].scoring.rule: unknown value "
                                               "'stairs'"),
    ("survey", "members", "required", "${income} > 0", "survey:3:K: required: '${income} > 0': write yes or no"),
    ("dx_pillars", "DV", "max_points", 60, "dx_pillars:2:E: pillars[DV].max_points: the indicators' max_points "
                                           "add up to 50, not 60"),
])
def test_a_bad_cell_is_reported_at_its_sheet_row_and_column(tmp_path, sheet, name, header, value, expected):
    sheets = scored_sheets()
    set_cell(sheets, sheet, name, header, value)
    path = write_book(tmp_path / "bad.xlsx", sheets)
    problems = problems_of(path)
    assert any(p.startswith(f"{path}:{expected}") for p in problems), problems


def test_a_duplicate_code_names_the_first_cell(tmp_path: Path):
    sheets = scored_sheets()
    set_cell(sheets, "survey", "income", "name", "members")
    path = write_book(tmp_path / "dup.xlsx", sheets)
    assert any("survey:4:B: indicators[members].code: duplicate indicator code 'members' (first at survey:3:B)"
               in p for p in problems_of(path))


def test_a_formula_without_a_computed_value_is_refused(tmp_path: Path):
    sheets = scored_sheets()
    set_cell(sheets, "survey", "members", "dx_points", "=10+20")  # openpyxl stores no computed value
    path = write_book(tmp_path / "formula.xlsx", sheets)
    problems = problems_of(path)
    assert problems == [f"{path}:survey:3:N: a formula without a computed value: open and save the file in Excel "
                        "or LibreOffice (recalculated), or paste the values"]


def test_a_cell_too_long_or_with_a_control_character_is_refused(tmp_path: Path):
    sheets = scored_sheets()
    set_cell(sheets, "survey", "members", "hint::English (en)", "x" * 10_001)
    set_cell(sheets, "survey", "income", "label::English (en)", "Income\x9b2J")
    path = write_book(tmp_path / "long.xlsx", sheets)
    problems = problems_of(path)
    assert f"{path}:survey:3:E: longer than 10,000 characters" in problems
    assert f"{path}:survey:4:C: contains a control character (U+009B) at character 7" in problems


def test_rows_beyond_a_run_of_empty_rows_are_not_silently_dropped(tmp_path: Path):
    sheets = scored_sheets()
    sheets["survey"] += [[None]] * 70 + [["integer", "late", "Late", "Muộn"]]
    path = write_book(tmp_path / "gap.xlsx", sheets)
    assert any(p.startswith(f"{path}:survey:81: this row is not read") for p in problems_of(path))


def test_a_duplicate_header_is_reported_in_row_1(tmp_path: Path):
    sheets = scored_sheets()
    sheets["survey"][0][6] = "name"
    path = write_book(tmp_path / "hdr.xlsx", sheets)
    assert any(p.startswith(f"{path}:survey:1: Duplicate column header: name") for p in problems_of(path))


def test_too_many_rows_or_columns_are_refused_before_reading(tmp_path: Path):
    from openpyxl import Workbook

    book = Workbook()
    book.active.title = "survey"
    book.active.cell(6_000, 1, "integer")
    book.save(tmp_path / "rows.xlsx")
    with pytest.raises(ImportRejected, match="has data in row 6,000 \\(limit 5,001\\)"):
        check_workbook(tmp_path / "rows.xlsx")
    book.active.cell(6_000, 1, None)
    book.active.cell(2, 200, "x")
    book.save(tmp_path / "cols.xlsx")
    with pytest.raises(ImportRejected, match="a value in column GR \\(limit 80 columns\\)"):
        check_workbook(tmp_path / "cols.xlsx")


def test_not_a_workbook_and_a_zip_bomb_are_refused_quickly(tmp_path: Path):
    text = tmp_path / "text.xlsx"
    text.write_text("type,name\ninteger,a\n")
    with pytest.raises(ImportRejected, match=r"not an \.xlsx workbook"):
        check_workbook(text)
    bomb = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive, \
            archive.open("xl/worksheets/sheet1.xml", "w") as part:
        for _ in range(110):
            part.write(b"\0" * 2**20)
    assert bomb.stat().st_size < 1_000_000
    started = time.perf_counter()
    with pytest.raises(ImportRejected, match="unpacks to 110 MB \\(limit 50 MB\\)"):
        check_workbook(bomb)
    assert time.perf_counter() - started < 1.0


def test_a_bad_workbook_installs_nothing(tmp_path: Path):
    sheets = scored_sheets()
    set_cell(sheets, "survey", "members", "dx_points", -5)
    with pytest.raises(MethodologyInvalid, match="nothing was installed"):
        FileCatalog().install_methodology(write_book(tmp_path / "bad.xlsx", sheets))
    assert installed() == []


def test_a_valid_workbook_is_installed_once_and_listed(tmp_path: Path):
    path = write_book(tmp_path / "ok.xlsx", scored_sheets())
    methodology, file, written = FileCatalog().install_methodology(path)
    assert written and installed() == [file] and file.name == "household-survey-2024110101.yaml"
    assert any(m.id == "household-survey" for m in FileCatalog().methodologies())
    assert FileCatalog().install_methodology(path)[2] is False  # the same again: nothing to do
    sheets = scored_sheets()
    set_cell(sheets, "survey", "members", "label::English (en)", "People living here")
    with pytest.raises(BadInput, match=r"installed already .* with other content"):
        FileCatalog().install_methodology(write_book(tmp_path / "changed.xlsx", sheets))
    assert file.read_text(encoding="utf-8") == methodology.source_text


def test_a_broken_installed_file_is_left_out_not_fatal(tmp_path: Path):
    folder = catalog.user_methodology_dir()
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "broken.yaml").write_text("format: dxscore-methodology/1\nid: Broken\n", encoding="utf-8")
    ids = {m.id for m in FileCatalog().methodologies()}
    assert "hanoi-2025-commune" in ids and "Broken" not in ids


@pytest.mark.parametrize("version", ["../../evil", "1/2", "..", "x" * 40])
def test_a_version_that_would_be_a_path_installs_nothing(tmp_path: Path, version: str):
    sheets = scored_sheets()
    sheets["settings"][1][2] = version
    with pytest.raises(BadInput, match="use at most 32 letters, digits"):
        FileCatalog().install_methodology(write_book(tmp_path / "v.xlsx", sheets))
    assert installed() == [] and list(tmp_path.rglob("*.yaml")) == []


def test_cell_problems_and_the_loaders_are_reported_together(tmp_path: Path):
    sheets = scored_sheets()
    set_cell(sheets, "survey", "members", "dx_steps", "4=30")  # unreadable: row 3 not reported again
    set_cell(sheets, "survey", "income", "dx_points", -1)  # the loader's, on another row
    path = write_book(tmp_path / "both.xlsx", sheets)
    problems = problems_of(path)
    assert [p.split(": ")[0].removeprefix(f"{path}:") for p in problems] == ["survey:3:P", "survey:4:N"]
