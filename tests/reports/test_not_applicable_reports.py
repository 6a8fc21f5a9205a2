"""Issue 11.5 in print and in the Excel scores: a pillar that does not apply ("–", hatched) and one with
nothing answered yet ("?", blue-grey) never look like a scored 0 in the booklet's heatmap or in a scorecard's
charts and table, the heatmap's legend names both (as the window's legend does), and the Excel scores leave a
not-applicable index empty with a state column beside it."""

from __future__ import annotations

import dataclasses
import subprocess

import pytest
from PySide6.QtGui import QColor, QImage

from assessment.domain.model import UnitKind
from assessment.reports.pdf_booklet import write_booklet
from assessment.reports.pdf_scorecard import write_scorecard
from tests.reports.conftest import line_of, page_texts


@pytest.fixture(scope="module")
def departments(report_service):
    return report_service.reports.booklet(year=2025, kind=UnitKind.DEPARTMENT)


def heat_page(path) -> str:
    return next(p for p in page_texts(path) if "BẢN ĐỒ NHIỆT CHỈ SỐ THEO TRỤ CỘT" in p)


def kts_cell(page: str, row) -> str:
    """The KTS column of a unit's heatmap line (pillars NTS … KHN, then the overall index)."""
    cells = line_of(page, f"{row.rank}. {row.unit_name.split()[0]}").split()[-10:]
    return cells[6]


def test_the_heatmap_marks_and_explains_not_applicable(departments, tmp_path):
    path = tmp_path / "departments.pdf"
    write_booklet(departments, path)
    page = heat_page(path)
    codes = [c for c, _ in departments.pillars]
    assert codes.index("KTS") == 6
    not_applicable = [r for r in departments.rows if r.pillar_index[6] is None]
    assert len(not_applicable) == 9
    for row in departments.rows:
        assert (kts_cell(page, row) == "–") == (row in not_applicable), row.unit_name
    assert "“–”: Không áp dụng" in page and "“?”: Chưa có dữ liệu" in page


def test_the_heatmap_cell_without_answers_is_neither_zero_nor_not_applicable(departments, tmp_path):
    """A pillar nobody answered yet scores 0 by the rules; the booklet prints "?" on blue-grey, not a red 0."""
    last = departments.rows[-1]
    blank = dataclasses.replace(last, pillar_index=(0.0, *last.pillar_index[1:]),
                                pillar_answered=(False, *last.pillar_answered[1:]))
    view = dataclasses.replace(departments, rows=(*departments.rows[:-1], blank), scorecards=())
    path = tmp_path / "blank.pdf"
    write_booklet(view, path)
    page = heat_page(path)
    assert line_of(page, f"{last.rank}. {last.unit_name.split()[0]}").split()[-10] == "?"
    pixels = _page_pixels(path, page_number=page_number(path))
    assert _count(pixels, QColor("#cfd8dc")) > 100  # the blue-grey cell (and its legend chip) is painted
    assert _count(pixels, QColor("#9e9e9e")) > 100  # the hatching of the nine not-applicable cells


def test_a_scorecard_says_not_applicable_and_no_data(report_service, tmp_path):
    view = report_service.reports.scorecard(year=2025, unit_code="SO_NOI_VU")
    kts = next(p for p in view.pillars if p.code == "KTS")
    assert kts.index is None
    path = tmp_path / "noi_vu.pdf"
    write_scorecard(view, path)
    text = "\n".join(page_texts(path))
    assert "không áp dụng" in text  # the pillar bars
    first = view.pillars[0]
    blank = dataclasses.replace(view, pillars=(dataclasses.replace(first, index=0.0, points=0.0, answered=False),
                                               *view.pillars[1:]))
    write_scorecard(blank, tmp_path / "blank.pdf")
    text = "\n".join(page_texts(tmp_path / "blank.pdf"))
    assert "chưa có dữ liệu" in text  # the pillar bars
    row = line_of(text, first.code)  # the pillar table: "chưa có" over "dữ liệu" in the index column
    lines = [" ".join(line.split()) for line in text.splitlines()]
    at = lines.index(row.strip())
    assert "chưa có" in lines[at - 1] + lines[at] and "dữ liệu" in lines[at] + lines[at + 1]
    assert " 0,0000 " not in row


def page_number(path) -> int:
    pages = page_texts(path)
    return next(n for n, p in enumerate(pages, start=1) if "BẢN ĐỒ NHIỆT CHỈ SỐ THEO TRỤ CỘT" in p)


def _page_pixels(path, page_number: int) -> QImage:
    out = path.with_suffix("")
    subprocess.run(["pdftoppm", "-f", str(page_number), "-l", str(page_number), "-r", "100", "-png",
                    "-singlefile", str(path), str(out)], check=True, timeout=60)
    return QImage(str(out) + ".png")


def _count(image: QImage, colour: QColor, tolerance: int = 12) -> int:
    found = 0
    for y in range(0, image.height(), 2):
        for x in range(0, image.width(), 2):
            c = image.pixelColor(x, y)
            if abs(c.red() - colour.red()) + abs(c.green() - colour.green()) + abs(c.blue() - colour.blue()) \
                    <= tolerance:
                found += 1
    return found


def test_the_excel_scores_leave_not_applicable_empty_and_say_so(report_service, tmp_path):
    import pandas as pd

    path = report_service.reports.excel(year=2025, path=tmp_path / "scores.xlsx")
    summary = pd.read_excel(path, sheet_name="Tổng hợp", header=1, dtype={"unit_code": str})
    departments = summary[summary["kind"] == "department"]
    without = departments[departments["KTS.state"] == "not_applicable"]
    assert len(without) == 9
    assert without["KTS.index"].isna().all()  # an empty cell, not 0
    assert (departments.loc[departments["KTS.state"] == "scored", "KTS.index"] > 0).all()
    assert set(summary.loc[summary["kind"] != "city", "NTS.state"]) == {"scored"}  # the city has no NTS pillar
