"""One rule for points and indices in the window, the PDF and the Excel workbook (assessment.domain.number_format),
and the Vietnamese reports carry no English citation text."""

from __future__ import annotations

from assessment.domain import number_format
from assessment.reports import labels
from tests.reports.conftest import page_texts
from tests.test_cli import run


def test_points_have_one_decimal_or_none_and_the_index_four_in_either_language():
    assert [number_format.points(v) for v in (298.41, 6.666667, 20.0, 1234.56, None)] == \
        ["298,4", "6,7", "20", "1.234,6", "—"]
    assert [number_format.points(v, "en") for v in (298.41, 6.666667, 20.0, 1234.56)] == \
        ["298.4", "6.7", "20", "1,234.6"]
    assert number_format.index(0.75771, "vi") == "0,7577" and number_format.index(0.75771, "en") == "0.7577"
    assert labels.points(298.41) == "298,4" and labels.index(0.75771) == "0,7577"  # the PDF's


def test_excel_shows_points_like_the_pdf_and_keeps_the_exact_value(report_service, tmp_path):
    from openpyxl import load_workbook

    path = report_service.reports.excel(year=2025, path=tmp_path / "scores.xlsx")
    sheet = load_workbook(path)["Tổng hợp"]
    keys = [c.value for c in sheet[2]]
    shown = {key: sheet.cell(row=3, column=keys.index(key) + 1) for key in ("points", "index", "NTS.points")}
    assert shown["points"].number_format == "0.0" and shown["NTS.points"].number_format == "0.0"
    assert shown["index"].number_format == "0.0000"
    assert isinstance(shown["points"].value, float)


def test_the_vietnamese_reports_cite_their_documents_in_vietnamese(demo_db, tmp_path):
    texts = []
    for name, what in (("nq18.pdf", ("--city",)), ("00070.pdf", ("--unit", "00070"))):
        pdf = tmp_path / name
        result = run("report", "--cycle", "2025", *what, "-o", str(pdf), db=f"sqlite:///{demo_db}", tmp=tmp_path)
        assert result.returncode == 0, result.stderr
        texts.append(" ".join(" ".join(page_texts(pdf, layout=False)).split()))
    text = " ".join(texts)
    for english in ("implementation", "draft as reported", "độ tin cậy: high", "độ tin cậy: medium"):
        assert english not in text, english
    assert "Kế hoạch của Hà Nội thực hiện NQ 57-NQ/TW (2025)" in texts[1]
