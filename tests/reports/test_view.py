"""The scorecard view model against the service's own scores, the fingerprint, and the formatting helpers."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from assessment.domain.model import Answer, EvidenceItem, IndicatorCode, UnitKind
from assessment.reports import labels
from assessment.reports.build import brief, fingerprint
from assessment.reports.fonts import register_fonts
from assessment.reports.text import Run, layout


def test_commune_view_numbers_are_the_service_scores(report_service):
    view = report_service.reports.scorecard(year=2025, unit_code="00070")
    cards = report_service.scores.for_cycle(year=2025, kind=UnitKind.COMMUNE).scorecards
    card = next(c for c in cards if c.unit_code == "00070")
    assert view.unit_name == "Phường Hoàn Kiếm" and view.kind == UnitKind.COMMUNE and view.subtype == "ward"
    assert (view.points, view.max_points, view.index, view.rank, view.peer_count) == \
        (card.points, card.max_points, card.index, card.rank, card.peer_count)
    assert view.band_name == card.band.name.vi
    assert [(p.code, p.points, p.max_points, p.index) for p in view.pillars] == \
        [(p.code, p.points, p.max_points, p.index) for p in card.pillars]
    indices = [c.index for c in cards if c.index is not None]
    assert view.peer_average == pytest.approx(sum(indices) / len(indices))
    nts = [c.pillars[0].index for c in cards if c.pillars[0].index is not None]
    assert view.pillars[0].peer_average == pytest.approx(sum(nts) / len(nts))
    # communes exist since 2025: one cycle, nothing to compare with
    assert view.previous_cycle is None and view.change is None and len(view.trend) == 1
    assert all(p.change is None for p in view.pillars)


def test_department_view_compares_with_the_previous_cycle(report_service):
    view = report_service.reports.scorecard(year=2025, unit_code="SO_NOI_VU")
    before = report_service.scores.for_cycle(year=2024, unit_code="SO_NOI_VU").scorecards[0]
    assert view.previous_cycle == 2024 and view.previous_index == pytest.approx(before.index)
    assert view.change == pytest.approx(view.index - before.index)
    old = {p.code: p.index for p in before.pillars}
    for row in view.pillars:
        if row.index is not None and old.get(row.code) is not None:
            assert row.change == pytest.approx(row.index - old[row.code])
    assert [p.cycle for p in view.trend] == [2024, 2025]
    peers_2024 = [c.index for c in report_service.scores.for_cycle(year=2024, kind=UnitKind.DEPARTMENT).scorecards
                  if c.index is not None]
    assert view.trend[0].peer_average == pytest.approx(sum(peers_2024) / len(peers_2024))


def test_targets_and_losses_come_from_the_scorecard(report_service):
    view = report_service.reports.scorecard(year=2025, unit_code="00070")
    card = report_service.scores.for_cycle(year=2025, unit_code="00070").scorecards[0]
    linked = {i.code: i for i in card.indicators if i.target_id and i.applicable}
    assert {t.indicator_code for t in view.targets} == set(linked)
    for row in view.targets:
        assert row.status == linked[row.indicator_code].target_status
        assert row.value == linked[row.indicator_code].value
    losses = sorted((i.max_points - i.points for i in card.indicators if i.applicable), reverse=True)
    assert [r.lost for r in view.losses] == pytest.approx(losses[:len(view.losses)])
    assert all(r.guidance for r in view.losses)


def test_fingerprint_is_stable_and_follows_the_data(demo_service):
    reports = demo_service.reports
    first = reports.scorecard(year=2025, unit_code="00070")
    assert first.fingerprint == reports.scorecard(year=2025, unit_code="00070").fingerprint
    assert first.fingerprint == fingerprint(first) and len(first.fingerprint) == 64
    assert fingerprint(dataclasses.replace(first, points=first.points + 1)) != first.fingerprint
    answer = next(a for a in demo_service.answers.of(demo_service.store.assessments(2025, unit_code="00070")[0].id)
                  if a.indicator_code == "NTS01")
    demo_service.answers.save(unit_code="00070", year=2025, answer=Answer(IndicatorCode("NTS01"),
                                                                          float(answer.value or 0) + 7))
    assert reports.scorecard(year=2025, unit_code="00070").fingerprint != first.fingerprint


def test_evidence_is_summarised(demo_service):
    assessment = demo_service.store.assessments(2025, unit_code="00070")[0]
    item = EvidenceItem("123/QĐ-UBND", dt.date(2025, 3, 4), "Quyết định kiện toàn Ban Chỉ đạo chuyển đổi số")
    demo_service.store.answers.add_evidence(assessment.id, "NTS01", item, who="tester")
    evidence = demo_service.reports.scorecard(year=2025, unit_code="00070").evidence
    assert evidence.documents == 1 and evidence.supplied == 1 and "NTS01" not in evidence.missing
    assert evidence.listed[0].document_number == "123/QĐ-UBND"
    assert evidence.required == evidence.supplied + len(evidence.missing)


def test_booklet_view_ranks_every_unit(report_service):
    booklet = report_service.reports.booklet(year=2025, kind=UnitKind.DEPARTMENT)
    assert len(booklet.rows) == len(booklet.scorecards) == 17
    assert [r.rank for r in booklet.rows] == sorted(r.rank for r in booklet.rows)
    assert [c for c, _ in booklet.pillars][:3] == ["NTS", "TCS", "HTS"]
    again = report_service.reports.booklet(year=2025, kind=UnitKind.DEPARTMENT)
    assert again.fingerprint == booklet.fingerprint


def test_unknown_unit_or_cycle_is_bad_input(report_service):
    from assessment.domain.errors import NotFound

    with pytest.raises(NotFound):
        report_service.reports.scorecard(year=2025, unit_code="NOPE")
    with pytest.raises(NotFound, match="no commune assessments in cycle 2024"):
        report_service.reports.booklet(year=2024, kind=UnitKind.COMMUNE)


def test_vietnamese_number_and_date_formats():
    assert labels.number(1234.5) == "1.234,5" and labels.points(100.0) == "100" and labels.points(87.25) == "87,2"
    assert labels.index(0.88404) == "0,8840" and labels.index(None) == "—"
    assert labels.signed_index(0.0312) == "+0,0312" and labels.signed_index(-0.0312) == "−0,0312"
    assert labels.long_date(dt.date(2026, 2, 5)) == "Hà Nội, ngày 05 tháng 02 năm 2026"
    assert labels.long_date(dt.date(2026, 11, 25)) == "Hà Nội, ngày 25 tháng 11 năm 2026"
    assert labels.value(65.25, "%") == "65,2%" and labels.target_value(5, "rank") == "hạng 5"


def test_brief_guidance_ends_on_a_sentence():
    text = "Câu thứ nhất khá dài. " * 30
    short = brief(text, 100)
    assert len(short) <= 102 and short.endswith("…") and short.startswith("Câu thứ nhất")
    assert brief("Ngắn.") == "Ngắn."


def test_text_layout_never_exceeds_the_width():
    register_fonts()
    from reportlab.pdfbase.pdfmetrics import stringWidth

    runs = (Run("Tỷ lệ hồ sơ thủ tục hành chính được tiếp nhận và giải quyết trực tuyến toàn trình " * 3, bold=True),
            Run("(chưa trả lời)", 7, color="#c00000", inline=True), Run("a = số hồ sơ; b = tổng số hồ sơ. " * 5))
    for width in (60.0, 150.0, 364.0):
        lines = layout(runs, width)
        assert len(lines) > 2
        for _, pieces in lines:
            last = pieces[-1]
            assert last.x + stringWidth(last.text, last.run.font, last.run.size) <= width + 0.01
        words = " ".join(p.text for _, pieces in lines for p in pieces).split()
        assert words == " ".join(r.text for r in runs).split()


def test_a_scorecard_follows_a_write_from_another_process(demo_db):
    """The peer group behind the scorecards is gathered once per change of the database: a second scorecard of
    the group gathers nothing, and a write from another process (another unit's answer) shows in the next one
    (its peer average)."""
    from tests.conftest import open_service

    window, other = open_service(demo_db), open_service(demo_db)
    try:
        first = window.reports.scorecard(year=2025, unit_code="00070")
        kept = window.reports.cycle_data(year=2025, kind=UnitKind.COMMUNE)
        assert window.reports.cycle_data(year=2025, kind=UnitKind.COMMUNE) is kept
        neighbour = next(c.unit_code for c in kept.cards if c.unit_code != "00070" and c.index is not None
                         and any(i.code == "NTS01" and i.points < i.max_points for i in c.indicators))
        other.answers.save(unit_code=neighbour, year=2025, answer=Answer(IndicatorCode("NTS01"), 1.0))
        after = window.reports.scorecard(year=2025, unit_code="00070")
        assert window.reports.cycle_data(year=2025, kind=UnitKind.COMMUNE) is not kept
        assert after.peer_average != first.peer_average and after.index == first.index
    finally:
        window.store.close()
        other.store.close()
