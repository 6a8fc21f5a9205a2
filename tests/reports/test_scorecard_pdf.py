"""One unit's scorecard PDF, checked with poppler and qpdf: exact Vietnamese text on every page, embedded
fonts, a valid file, the service's numbers, the page count and footer, the demo mark."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from assessment.domain.demo_data import DEMO_MARK
from assessment.domain.model import UnitKind
from assessment.reports import labels
from assessment.reports.view import ReportOptions
from tests.reports.conftest import assert_fonts_embedded, assert_qpdf_ok, nfc, page_texts, row_of

WHEN = ReportOptions(generated_at=dt.datetime(2026, 2, 5, 9, 30, tzinfo=dt.UTC))


@pytest.fixture(scope="module", params=["00070", "SO_NOI_VU"])
def scorecard(request, report_service, out_dir):
    code = request.param
    path = report_service.reports.scorecard_pdf(year=2025, unit_code=code, path=out_dir / f"{code}.pdf",
                                                options=WHEN)
    return code, path, report_service.reports.scorecard(year=2025, unit_code=code)


def test_every_page_has_the_exact_vietnamese_text(scorecard):
    code, path, view = scorecard
    pages = page_texts(path)
    assert len(pages) == 2
    for n, page in enumerate(pages, start=1):
        assert nfc(view.unit_name) in page and f"({code})" in page
        assert f"Trang {n}/2" in page
        assert "Mã kiểm tra dữ liệu (SHA-256): " + view.fingerprint in page
        assert "Lập lúc 09:30 05/02/2026 bằng dxscore" in page
        assert DEMO_MARK in page
    first = pages[0]
    for text in ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                 "Hà Nội, ngày 05 tháng 02 năm 2026", "PHIẾU KẾT QUẢ ĐÁNH GIÁ CHUYỂN ĐỔI SỐ NĂM 2025",
                 view.unit_name.upper(), "1. Kết quả theo trụ cột",
                 "Biểu đồ 1. Chỉ số theo trụ cột so với bình quân nhóm"):
        assert nfc(text) in first, text
    second = pages[1]
    for text in ("3. Mục tiêu của Nghị quyết 18-NQ/TU", "4. Các chỉ số mất nhiều điểm nhất", "5. Tài liệu kiểm chứng",
                 "NGƯỜI LẬP BIỂU", "THỦ TRƯỞNG ĐƠN VỊ", "(Ký, ghi rõ họ tên, đóng dấu)"):
        assert text in second, text


def test_fonts_are_embedded_subsets_and_the_file_is_valid(scorecard):
    _, path, _ = scorecard
    assert_fonts_embedded(path)
    assert_qpdf_ok(path)
    assert path.stat().st_size <= 200_000


def test_printed_numbers_are_the_service_scores(scorecard, report_service):
    code, path, _ = scorecard
    card = report_service.scores.for_cycle(year=2025, unit_code=code).scorecards[0]
    first = page_texts(path)[0]
    for pillar in card.pillars:
        expected = [labels.points(pillar.points), labels.points(pillar.max_points), labels.index(pillar.index)]
        assert _contains(row_of(first, pillar.code), expected), (pillar.code, expected)
    total = row_of(first, "Tổng")
    assert total[1:4] == [labels.points(card.points), labels.points(card.max_points), labels.index(card.index)]
    assert f"{card.rank}/{card.peer_count}" in first
    assert f"{labels.points(card.points)} / {labels.points(card.max_points)}" in first
    assert f"{card.band.code} · {card.band.name.vi}" in first


def _contains(cells: list[str], run: list[str]) -> bool:
    return any(cells[i:i + len(run)] == run for i in range(len(cells)))


def test_department_shows_the_change_since_2024(report_service, out_dir):
    view = report_service.reports.scorecard(year=2025, unit_code="SO_NOI_VU")
    path = report_service.reports.scorecard_pdf(year=2025, unit_code="SO_NOI_VU", path=out_dir / "change.pdf")
    first = page_texts(path)[0]
    assert f"{labels.signed_index(view.change)} so với năm 2024" in first
    nts = next(p for p in view.pillars if p.code == "NTS")
    assert row_of(first, "NTS")[-1] == labels.signed_index(nts.change)


def test_target_table_prints_status_and_projection(scorecard):
    _, path, view = scorecard
    second = page_texts(path)[1]
    flowing = " ".join(page_texts(path, layout=False)[1].split())
    for row in view.targets:
        line = " ".join(row_of(second, row.indicator_code))
        assert f" {labels.value(row.value, labels.measure(row.unit))} " in line
        assert labels.STATUS_LABEL[row.status] in line
        assert labels.projection(row.status, row.projected_year, row.projection_known, 2025) in flowing


def test_no_demo_mark_on_a_real_database(demo_service, tmp_path):
    demo_service.store.set_meta("demo", "false")
    path = demo_service.reports.scorecard_pdf(year=2025, unit_code="00070", path=tmp_path / "real.pdf")
    text = "".join(page_texts(path))
    assert "DỮ LIỆU MẪU" not in text and "demo data" not in text and "Phường Hoàn Kiếm" in text


def test_a_failed_write_leaves_no_file(report_service, tmp_path):
    from assessment.domain.errors import NotFound

    with pytest.raises(NotFound):
        report_service.reports.scorecard_pdf(year=2025, unit_code="NOPE", path=tmp_path / "x.pdf")
    assert list(tmp_path.iterdir()) == []


def test_views_render_from_plain_data(report_service, tmp_path):
    """The renderer needs nothing but the view model (what the GUI will hand it)."""
    from assessment.reports.pdf_scorecard import write_scorecard

    view = report_service.reports.scorecards(year=2025, kind=UnitKind.DEPARTMENT)[0]
    write_scorecard(view, Path(tmp_path / "plain.pdf"), WHEN)
    assert view.unit_name in page_texts(tmp_path / "plain.pdf")[0]


def test_pdfs_are_written_with_reportlabs_c_accelerators():
    """rl_accel (a dependency) replaces reportlab's pure-Python number formatting and text measuring; without it
    every PDF still comes out the same, only ~20% slower, so nothing else would notice it missing."""
    from reportlab.lib import rl_accel

    assert type(rl_accel.fp_str).__name__ == "builtin_function_or_method"
    assert type(rl_accel.instanceStringWidthTTF).__name__ == "builtin_function_or_method"
