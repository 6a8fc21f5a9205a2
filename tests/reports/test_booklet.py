"""The cycle booklet: cover, ranking, heatmap, every unit's scorecard, and a bookmark per unit that opens the
page where that unit's scorecard starts."""

from __future__ import annotations

import pytest

from assessment.domain.demo_data import DEMO_MARK
from assessment.domain.model import UnitKind
from assessment.reports import labels
from assessment.reports.progress import ReportCancelled
from tests.reports.conftest import assert_fonts_embedded, assert_qpdf_ok, line_of, nfc, outlines, page_texts


@pytest.fixture(scope="module")
def booklet(report_service, out_dir):
    path = report_service.reports.booklet_pdf(year=2025, kind=UnitKind.DEPARTMENT, path=out_dir / "departments.pdf")
    return path, report_service.reports.booklet(year=2025, kind=UnitKind.DEPARTMENT)


def test_booklet_has_a_bookmark_per_unit_at_its_first_page(booklet):
    path, view = booklet
    top = outlines(path)
    assert [o["title"] for o in top] == ["Bìa và tóm tắt", "Bảng xếp hạng", "Bản đồ nhiệt theo trụ cột",
                                         "Phiếu kết quả từng đơn vị (17)"]
    units = top[-1]["kids"]
    assert len(units) == 17
    pages = page_texts(path)
    for entry, card in zip(units, view.scorecards, strict=True):
        assert entry["title"] == f"{card.rank}. {card.unit_name} ({card.unit_code})"
        page = pages[entry["destpageposfrom1"] - 1]
        assert "PHIẾU KẾT QUẢ ĐÁNH GIÁ CHUYỂN ĐỔI SỐ NĂM 2025" in page and nfc(card.unit_name) in page
        assert card.fingerprint in page


def test_every_page_is_numbered_marked_and_embedded(booklet):
    path, _ = booklet
    pages = page_texts(path)
    for n, page in enumerate(pages, start=1):
        assert f"Trang {n}/{len(pages)}" in page and DEMO_MARK in page
    assert_fonts_embedded(path)
    assert_qpdf_ok(path)


def test_cover_ranking_and_heatmap(booklet):
    path, view = booklet
    pages = page_texts(path)
    assert "TẬP KẾT QUẢ ĐÁNH GIÁ" in pages[0] and "SỞ, BAN, NGÀNH THÀNH PHỐ HÀ NỘI" in pages[0]
    assert view.fingerprint in pages[0]
    ranking = pages[1]
    assert "BẢNG XẾP HẠNG CÁC SỞ, BAN, NGÀNH NĂM 2025" in ranking
    for row in view.rows:
        line = line_of(ranking, str(row.rank))
        for value in (row.unit_code, labels.points(row.points), labels.index(row.index), row.band_name):
            assert f" {value} " in line, (value, line)
    heat = pages[2]
    assert "BẢN ĐỒ NHIỆT CHỈ SỐ THEO TRỤ CỘT NĂM 2025" in heat
    for row in view.rows:
        assert nfc(f"{row.rank}. {row.unit_name}") in heat
        assert f" {labels.number(row.index * 100, 0)} " in line_of(heat, f"{row.rank}. {row.unit_name.split()[0]}")


def test_the_commune_heatmap_fits_one_page(report_service):
    from assessment.reports.heatmap import heatmap

    booklet = report_service.reports.booklet(year=2025, kind=UnitKind.COMMUNE)
    drawing = heatmap(booklet, 515, 700)
    assert drawing.height <= 700 and len(booklet.rows) == 126


def test_a_cancelled_booklet_writes_nothing(report_service, tmp_path):
    class CancelHalfway:
        calls = 0

        def set_progress(self, done: int, total: int) -> None:
            self.calls += 1

        def set_status(self, text: str) -> None:
            pass

        def is_cancelled(self) -> bool:
            return self.calls > 20

    with pytest.raises(ReportCancelled):
        report_service.reports.booklet_pdf(year=2025, kind=UnitKind.DEPARTMENT, path=tmp_path / "b.pdf",
                                           progress=CancelHalfway())
    assert list(tmp_path.iterdir()) == []
