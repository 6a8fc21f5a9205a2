"""The city's Resolution 18 progress report (report --city): real PDFs, text checked with pypdf."""

from __future__ import annotations

from tests.reports.conftest import assert_fonts_embedded, assert_qpdf_ok, page_texts
from tests.test_cli import run


def test_city_report_on_the_demo(demo_db, tmp_path):
    pdf = tmp_path / "nq18.pdf"
    result = run("report", "--cycle", "2025", "--city", "-o", str(pdf), db=f"sqlite:///{demo_db}", tmp=tmp_path)
    assert result.returncode == 0, result.stderr
    pages = page_texts(pdf, layout=False)
    text = "\n".join(pages)
    assert "Tiến độ thực hiện Nghị quyết số 18-NQ/TU ngày 30/12/2022" in text
    assert "SỞ KHOA HỌC VÀ CÔNG NGHỆ" in text and "DỮ LIỆU MẪU / demo data" in pages[0]
    for words in ("1. Tiến độ theo trụ cột", "2. Các mục tiêu, số liệu và nguồn", "3. Các đơn vị cần quan tâm",
                  "4. Thứ hạng DTI cấp tỉnh của Hà Nội", "Tỷ trọng kinh tế số trong GRDP",
                  "https://vnfinance.vn/",  # source links (long ones wrap inside the table cell)
                  "chưa xác nhận", "Nhóm 5 dẫn đầu", "1/34"):
        assert words in text, words
    assert "Kế hoạch 64" not in text and "kh64_" not in text  # a 2023 plan does not bind 2025
    assert_fonts_embedded(pdf)
    assert_qpdf_ok(pdf)


def test_city_report_on_an_empty_database(tmp_path):
    pdf = tmp_path / "empty.pdf"
    result = run("report", "--cycle", "2025", "--city", "-o", str(pdf), db=f"sqlite:///{tmp_path / 'e.sqlite'}",
                 tmp=tmp_path)
    assert result.returncode == 0, result.stderr
    text = "\n".join(page_texts(pdf, layout=False))
    assert "Chưa có số liệu" in text and "DỮ LIỆU MẪU" not in text
    assert "Chưa có đơn vị nào có số liệu" in text
