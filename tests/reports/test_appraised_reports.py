"""Appraised scores beside the self-assessed ones in the PDF scorecard and the Excel export."""

from __future__ import annotations

import pandas as pd
import pytest

from assessment.domain.model import AssessmentStatus
from assessment.reports import labels
from tests.reports.conftest import page_texts

UNIT, YEAR = "00070", 2025


@pytest.fixture
def appraised(demo_service):
    (assessment,) = demo_service.store.assessments(YEAR, unit_code=UNIT)
    demo_service.store.set_status(assessment.id, AssessmentStatus.UNDER_REVIEW, who="inspector")
    card = demo_service.scores.for_cycle(year=YEAR, unit_code=UNIT).scorecards[0]
    score = next(i for i in card.indicators if i.applicable and i.points > 0)
    demo_service.store.review.set_appraisal(assessment.id, score.code, 0.0, "Thiếu minh chứng", who="inspector")
    return demo_service, score


def test_the_scorecard_prints_both_results(appraised, tmp_path):
    service, score = appraised
    view = service.reports.scorecard(year=YEAR, unit_code=UNIT)
    assert view.appraised and view.appraised_points == pytest.approx(view.points - score.points)
    pages = page_texts(service.reports.scorecard_pdf(year=YEAR, unit_code=UNIT, path=tmp_path / "s.pdf"))
    first, whole = pages[0], " ".join(" ".join(pages).split())
    assert view.appraisals[0].code == score.code and view.appraisals[0].reason == "Thiếu minh chứng"
    assert "6. Điểm do Hội đồng thẩm định điều chỉnh" in whole and "Lý do: Thiếu minh chứng" in whole
    assert "trạng thái hồ sơ: Đang thẩm định" in first
    assert f"Kết quả thẩm định: chỉ số chung {labels.index(view.appraised_index)}" in " ".join(first.split())
    assert "Thẩm định" in first
    other = service.reports.scorecard(year=YEAR, unit_code="00256")
    assert not other.appraised and other.appraised_points is None


def test_the_workbook_has_appraised_columns(appraised, tmp_path):
    service, score = appraised
    path = service.reports.excel(year=YEAR, path=tmp_path / "scores.xlsx")
    summary = pd.read_excel(path, sheet_name="Tổng hợp", header=1, dtype={"unit_code": str}).set_index("unit_code")
    card = service.scores.for_cycle(year=YEAR, unit_code=UNIT).scorecards[0]
    assert summary.loc[UNIT, "status"] == "under_review"
    assert summary.loc[UNIT, "appraised_points"] == pytest.approx(card.appraised_points)
    assert summary.loc[UNIT, "appraised_index"] == pytest.approx(card.appraised_index)
    assert summary["appraised_points"].notna().sum() == 1
    details = pd.read_excel(path, sheet_name="Chi tiết", header=1, dtype={"unit_code": str})
    row = details[(details.unit_code == UNIT) & (details.indicator_code == score.code)].iloc[0]
    assert row["appraised_points"] == 0 and row["appraisal_reason"] == "Thiếu minh chứng"
