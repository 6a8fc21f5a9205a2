"""`answers import` in a real process on SQLite and PostgreSQL (issue 11, item 7): an ambiguous number and a
formula without a computed value exit 2 with file:row:column and write nothing (row counts and the full
export before and after); a percent-formatted cell lands as the percentage shown."""

from __future__ import annotations

from openpyxl import Workbook

from tests.robustness.test_benchmark_attack import table_state
from tests.test_cli import run

HEADER = ["unit_code", "cycle", "indicator_code", "value"]


def workbook(tmp, rows, formats=None, name="answers.xlsx"):  # type: ignore[no-untyped-def]
    book = Workbook()
    sheet = book.active
    sheet.append(HEADER)
    for row in rows:
        sheet.append(list(row))
    for (row, column), number_format in (formats or {}).items():
        sheet.cell(row=row, column=column).number_format = number_format
    path = tmp / name
    book.save(path)
    return path


def snapshot(db, tmp):  # type: ignore[no-untyped-def]
    return table_state(db), run("answers", "export", db=db, tmp=tmp).stdout


def test_an_ambiguous_number_exits_2_and_writes_nothing(demo_url, tmp_path):
    before = snapshot(demo_url, tmp_path)
    path = tmp_path / "answers.csv"
    path.write_text("unit_code,cycle,indicator_code,value\nSO_NOI_VU,2025,NTS01,4\nSO_NOI_VU,2025,NTS03,2.000\n",
                    encoding="utf-8")
    result = run("answers", "import", str(path), db=demo_url, tmp=tmp_path)
    assert result.returncode == 2
    assert f"{path}:3: value: NTS03: '2.000' could be 2 or 2000" in result.stderr
    assert "nothing was imported" in result.stderr and "Traceback" not in result.stderr
    assert snapshot(demo_url, tmp_path) == before


def test_a_formula_without_a_value_exits_2_and_keeps_the_stored_answer(demo_url, tmp_path):
    before = snapshot(demo_url, tmp_path)
    path = workbook(tmp_path, [("SO_NOI_VU", 2025, "NTS01", "=2+2"), ("SO_NOI_VU", 2025, "TCS03", 60)])
    result = run("answers", "import", str(path), db=demo_url, tmp=tmp_path)
    assert result.returncode == 2
    assert f"{path}:2: value: cell D2 holds a formula without a computed value" in result.stderr
    assert snapshot(demo_url, tmp_path) == before


def test_a_percent_cell_lands_as_the_percentage_shown(demo_url, tmp_path):
    path = workbook(tmp_path, [("SO_NOI_VU", 2025, "TCS03", 0.95)], formats={(2, 4): "0%"})
    result = run("answers", "import", str(path), db=demo_url, tmp=tmp_path)
    assert result.returncode == 0, result.stderr
    exported = run("answers", "export", "--cycle", "2025", "--unit", "SO_NOI_VU", db=demo_url, tmp=tmp_path).stdout
    assert "SO_NOI_VU,2025,TCS03,95," in exported
