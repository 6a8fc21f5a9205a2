"""The Excel export of scores: its sheets, Vietnamese headers over stable keys, and the service's numbers."""

from __future__ import annotations

import pandas as pd
import pytest

from assessment.domain.model import UnitKind


@pytest.fixture(scope="module")
def workbooks(report_service, out_dir):
    return {year: report_service.reports.excel(year=year, path=out_dir / f"scores-{year}.xlsx")
            for year in (2024, 2025)}


def test_sheets_headers_and_keys(workbooks):
    from openpyxl import load_workbook

    book = load_workbook(workbooks[2025], read_only=True)
    assert book.sheetnames == ["Tổng hợp", "Chỉ số - Sở, ban, ngành", "Chỉ số - Xã, phường",
                               "Chỉ số - Thành phố (NQ 18)", "Chi tiết", "Thông tin"]
    sheet = book["Tổng hợp"]
    header, keys = (list(r) for r in sheet.iter_rows(min_row=1, max_row=2, values_only=True))
    assert header[:3] == ["Mã đơn vị", "Tên đơn vị", "Loại đơn vị (mã)"] and keys[:3] == ["unit_code", "unit_name",
                                                                                         "kind"]
    assert header[keys.index("NTS.index")] == "Nhận thức số (NTS) — chỉ số"
    indicators = book["Chỉ số - Xã, phường"]
    header, keys = (list(r) for r in indicators.iter_rows(min_row=1, max_row=2, values_only=True))
    assert keys[keys.index("NTS01.points")] and header[keys.index("NTS01.points")].startswith("NTS01 — Số cuộc họp")
    book.close()


def test_numbers_are_the_service_scores(workbooks, report_service):
    summary = pd.read_excel(workbooks[2025], sheet_name="Tổng hợp", header=1, dtype={"unit_code": str})
    cards = {c.unit_code: c for c in report_service.scores.for_cycle(year=2025).scorecards}
    assert len(summary) == len(cards) == 144  # with the city itself
    for row in summary.to_dict("records"):
        card = cards[row["unit_code"]]
        assert row["unit_name"] == card.unit_name.vi and row["rank"] == card.rank
        assert row["points"] == pytest.approx(card.points) and row["index"] == pytest.approx(card.index)
        for pillar in card.pillars:
            assert row[f"{pillar.code}.points"] == pytest.approx(pillar.points)
    matrix = pd.read_excel(workbooks[2025], sheet_name="Chỉ số - Xã, phường", header=1, dtype={"unit_code": str})
    assert len(matrix) == 126
    first = matrix.iloc[0]
    card = cards[first["unit_code"]]
    for score in card.indicators:
        expected = score.points if score.applicable else None
        got = first[f"{score.code}.points"]
        assert (pd.isna(got) and expected is None) or got == pytest.approx(expected)
    details = pd.read_excel(workbooks[2025], sheet_name="Chi tiết", header=1, dtype={"unit_code": str})
    assert len(details) == sum(len(c.indicators) for c in cards.values())


def test_keys_are_stable_across_methodology_versions(workbooks):
    old = pd.read_excel(workbooks[2024], sheet_name="Tổng hợp", header=1)
    new = pd.read_excel(workbooks[2025], sheet_name="Tổng hợp", header=1)
    departments_old = old[old["kind"] == "department"]
    assert set(departments_old["methodology_id"]) == {"hanoi-2024-department"}
    shared = [c for c in new.columns if c.endswith(".index")]
    assert "NTS.index" in shared and set(shared) <= set(old.columns)
    m_old = pd.read_excel(workbooks[2024], sheet_name="Chỉ số - Sở, ban, ngành", header=1)
    m_new = pd.read_excel(workbooks[2025], sheet_name="Chỉ số - Sở, ban, ngành", header=1)
    assert {"NTS01.points", "CQS01.points"} <= set(m_old.columns) & set(m_new.columns)
    details = pd.read_excel(workbooks[2024], sheet_name="Chi tiết", header=1)
    deps = details[details["methodology_id"] == "hanoi-2024-department"]
    current = dict(zip(deps["indicator_code"], deps["current_code"], strict=False))
    assert current["NTS01"] == "NTS01" and current["HTS04"] == "HTS01" and pd.isna(current["NTS04"])


def test_one_kind_only(report_service, tmp_path):
    frames = report_service.reports.score_frames(year=2025, kind=UnitKind.DEPARTMENT)
    assert list(frames) == ["Tổng hợp", "Chỉ số - Sở, ban, ngành", "Chi tiết"]
    assert len(frames["Tổng hợp"]) == 17
    assert frames["Tổng hợp"].attrs["headers"]["index"] == "Chỉ số chung"
