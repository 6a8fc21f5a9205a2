"""A cycle from opening to publication (issue 17), with the 126 communes and 17 departments of the demo's 2025
cycle, on an SQLite file and on PostgreSQL: dates planned, submissions in (some late), reviews started in bulk,
units returned with a standard comment and resubmitting (one never does), the appraisal, one disputed indicator
decided by the council, the publication and its annex (PDF and Excel), then a correction as a second
publication. The audit trail verifies after every step."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest
from db_backends import create_pg_database, drop_pg_database, open_url_service
from openpyxl import load_workbook
from pypdf import PdfReader

from assessment.domain.errors import BadInput
from assessment.domain.model import AssessmentStatus, UnitKind
from assessment.domain.timeline import Milestone, Phase
from assessment.domain.unit_publication import rank_text
from assessment.domain.workflow import RECEIVES_SUBMISSION
from storage.db import resolve_url, sqlite_url

S, M = AssessmentStatus, Milestone
YEAR = 2025
LATE_DEPARTMENT = "SO_Y_TE"
DISPUTED = ("SO_NOI_VU", "NTS01")


@pytest.fixture
def city(demo_url):  # type: ignore[no-untyped-def]
    service = open_url_service(resolve_url(demo_url))
    service.user = "thu_ky_hoi_dong"
    yield service
    service.store.close()


def verified(service) -> None:  # type: ignore[no-untyped-def]
    verdict = service.audit.verify()
    assert verdict.ok, verdict
    assert service.publication.verify(YEAR) == []


def arrive(service, code: str, status: AssessmentStatus) -> None:  # type: ignore[no-untyped-def]
    """A unit's submission (or resubmission) arrives, as importing its package moves the city's copy."""
    assessment = service.store.assessments(YEAR, unit_code=code)[0]
    step = "receive_submission"
    service.store.transition(assessment.id, status, RECEIVES_SUBMISSION, who=code, why="package", step=step)


def status_of(service) -> dict[str, AssessmentStatus]:  # type: ignore[no-untyped-def]
    return {a.unit_code: a.status for a in service.store.assessments(YEAR)}


def test_a_cycle_from_opening_to_a_corrected_publication(city, demo_url, tmp_path):
    svc = city
    svc.timeline.set_dates(YEAR, {M.OPENS: dt.date(2026, 1, 5), M.SUBMISSIONS_DUE: dt.date(2026, 2, 15),
                                  M.APPRAISAL_ENDS: dt.date(2026, 3, 31), M.COUNCIL: dt.date(2026, 4, 10),
                                  M.PUBLICATION: dt.date(2026, 4, 30)})
    verified(svc)

    # Submissions: every department but one, every commune but the first ten.
    communes = sorted(u.code for u in svc.units.list(UnitKind.COMMUNE, active_in=YEAR))
    departments = sorted(u.code for u in svc.units.list(UnitKind.DEPARTMENT, active_in=YEAR))
    assert (len(communes), len(departments)) == (126, 17)
    late = {LATE_DEPARTMENT, *communes[:10]}
    returned_units = tuple(communes[20:23])  # returned with a standard comment; the last never resubmits
    for member in communes + departments:
        if member not in late:
            arrive(svc, member, S.SUBMITTED)
    board = svc.timeline.board(YEAR, today=dt.date(2026, 2, 20))
    assert {r.unit.code for r in board if r.phase == Phase.LATE} == late
    assert [r.unit.code for r in board][:len(late)] == sorted(late, key=lambda c: c)  # late first, 5 days each
    assert svc.timeline.export_reminders(tmp_path / "nhac.csv", YEAR, today=dt.date(2026, 2, 20)) == 11
    verified(svc)

    # The secretariat starts every review at once, appraises one indicator down, returns three communes.
    started = svc.timeline.bulk_start_review(YEAR)
    assert len(started.done) == 143 - 11 and not started.skipped
    unit, code = DISPUTED
    svc.appraisal.set_points(unit_code=unit, year=YEAR, code=code, points=0, reason="Không có văn bản kiểm chứng")
    returned = svc.timeline.bulk_return(YEAR, units=list(returned_units), comment="Bổ sung tài liệu kiểm chứng",
                                        indicators=["CQS01"])
    assert returned.done == returned_units, returned.skipped
    verified(svc)

    # Two of them reply and resubmit; the appraisal of everything under review or resubmitted finishes.
    for member in returned_units[:2]:
        arrive(svc, member, S.RESUBMITTED)
    for assessment in svc.store.assessments(YEAR):
        if assessment.status in (S.UNDER_REVIEW, S.RESUBMITTED):
            svc.appraisal.appraise(unit_code=assessment.unit_code, year=YEAR)
    board = {r.unit.code: r for r in svc.timeline.board(YEAR, today=dt.date(2026, 4, 5))}
    assert board[returned_units[2]].phase == Phase.LATE and board[returned_units[2]].days_late == 5
    assert sum(r.phase == Phase.APPRAISED for r in board.values()) == 143 - 11 - 1
    verified(svc)

    # The council: three members, one meeting with its signed minutes, one disputed indicator adjusted.
    for name, role in (("Nguyễn Văn An", "Chủ tịch Hội đồng"), ("Trần Thị Bình", "Ủy viên"),
                       ("Lê Văn Cường", "Thư ký")):
        svc.council.add_member(YEAR, name, role)
    scan = tmp_path / "bien-ban-hop.pdf"
    scan.write_bytes(b"%PDF-1.4 bien ban da ky\n")
    meeting = svc.council.record_meeting(YEAR, dt.date(2026, 4, 10), "Biên bản họp Hội đồng thẩm định năm 2025",
                                         scan)
    assert svc.council.minutes_file(meeting).read_bytes() == scan.read_bytes()
    max_points = next(i for i in svc.scores.for_cycle(year=YEAR, unit_code=unit).scorecards[0].indicators
                      if i.code == code).max_points
    decision = svc.council.decide(meeting.id, unit_code=unit, code=code, outcome="adjusted", points=max_points / 2,
                                  reason="Đơn vị xuất trình Quyết định 12/QĐ-SNV tại phiên họp",
                                  votes={"Nguyễn Văn An": "for", "Trần Thị Bình": "for", "Lê Văn Cường": "abstain"})
    assert (decision.previous_points, decision.points) == (0, max_points / 2)
    card = svc.scores.for_cycle(year=YEAR, unit_code=unit).scorecards[0]
    assert next(i for i in card.indicators if i.code == code).appraised_points == max_points / 2
    verified(svc)

    # Publication 1: ranks on the appraised index; late and returned units are listed without a rank.
    first = svc.publication.publish(YEAR, decision_no="1234/QĐ-UBND", decision_date=dt.date(2026, 4, 30))
    assert first.number == 1 and not first.is_correction
    unranked = {u.unit_code for u in first.units if u.rank is None}
    assert unranked == late | {returned_units[2]}
    communes_ranked = [u for u in first.units if u.kind == "commune" and u.rank is not None]
    assert len(communes_ranked) == 126 - 10 - 1 and {u.peer_count for u in communes_ranked} == {115}
    assert sorted(u.rank for u in communes_ranked)[0] == 1
    wards = [u for u in communes_ranked if u.subgroup == "ward"]
    assert sorted(u.subgroup_rank for u in wards)[0] == 1 and {u.subgroup_count for u in wards} == {len(wards)}
    assert first.unit(unit).appraised_points == pytest.approx(card.appraised_points, abs=1e-4)
    unpublished = late | {returned_units[2], "HA_NOI"}
    assert {s for c, s in status_of(svc).items() if c not in unpublished} == {S.LOCKED}
    verified(svc)

    first_packages = svc.unit_publications.export(YEAR, tmp_path / "cong-bo-1")
    assert len(first_packages) == 143 and not [e for e in first_packages if e.skipped]

    pdf, xlsx = tmp_path / "phu-luc.pdf", tmp_path / "phu-luc.xlsx"
    svc.publication.write_annex(pdf, YEAR)
    svc.publication.write_annex(xlsx, YEAR)
    text = "\n".join(page.extract_text() for page in PdfReader(pdf).pages)
    for expected in ("ỦY BAN NHÂN DÂN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                     "PHỤ LỤC", "KẾT QUẢ ĐÁNH GIÁ, XẾP HẠNG MỨC ĐỘ CHUYỂN ĐỔI SỐ NĂM 2025",
                     "Quyết định số 1234/QĐ-UBND ngày 30/04/2026", "I. CÁC SỞ, BAN, NGÀNH", "II. CÁC XÃ, PHƯỜNG",
                     "Sở Nội vụ", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", first.results_sha256[:16]):
        assert expected in text, expected
    sheet = load_workbook(xlsx)["Sở ban ngành"]
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    assert len(rows) == 17 and rows[0][0] == 1 and rows[-1][0] is None  # the late department last, unranked
    assert [r[1] for r in rows if r[1] == LATE_DEPARTMENT] == [LATE_DEPARTMENT]

    # The inspector can no longer change what the council decided; the publication is not rewritten.
    with pytest.raises(BadInput, match="no correction to publish"):
        svc.publication.publish(YEAR, decision_no="1234/QĐ-UBND", reason="lặp lại")
    with pytest.raises(BadInput, match="a correction needs its reason"):
        svc.publication.publish(YEAR, decision_no="1300/QĐ-UBND")

    # A correction: one department's appraisal is reopened and lowered, then published again.
    fixed = unit  # the unit whose disputed indicator the council decided
    svc.appraisal.unlock(unit_code=fixed, year=YEAR, why="Phát hiện sai sót sau công bố")
    svc.appraisal.reopen_review(unit_code=fixed, year=YEAR, why="Chấm lại chỉ tiêu CQS01")
    with pytest.raises(BadInput, match="appraisal council decided"):
        svc.appraisal.set_points(unit_code=unit, year=YEAR, code=code, points=0, reason="x")
    scored = next(i.code for i in svc.scores.for_cycle(year=YEAR, unit_code=fixed).scorecards[0].indicators
                  if i.code != code and i.applicable and (i.appraised_points or 0) > 0)
    svc.appraisal.set_points(unit_code=fixed, year=YEAR, code=scored, points=0, reason="Không đạt yêu cầu")
    svc.appraisal.appraise(unit_code=fixed, year=YEAR)
    second = svc.publication.publish(YEAR, decision_no="1300/QĐ-UBND", decision_date=dt.date(2026, 5, 15),
                                     reason="Đính chính điểm thẩm định của Sở Nội vụ")
    assert second.number == 2 and second.is_correction
    assert (fixed, "index") in {(c.unit_code, c.what) for c in second.changes}
    assert svc.publication.get(YEAR, 1).results_sha256 == first.results_sha256  # the first stays as it was
    assert second.unit(fixed).appraised_index < first.unit(fixed).appraised_index
    verified(svc)
    stale = svc.unit_publications.export(YEAR, tmp_path / "stale", number=1, units=[fixed])
    assert "the appraisal changed after publication 1" in stale[0].skipped and stale[0].path is None
    (second_package,) = svc.unit_publications.export(YEAR, tmp_path / "cong-bo-2", units=[fixed])
    the_unit_sees_its_publications(svc, [tmp_path / "cong-bo-1" / f"{fixed}-2025-cong-bo-1.dxpkg",
                                         second_package.path], demo_url, tmp_path, (first, second))
    corrected = "\n".join(p.extract_text() for p in PdfReader(svc.publication.write_annex(
        tmp_path / "dinh-chinh.pdf", YEAR)).pages)
    assert "Đính chính lần 1" in corrected and "Đính chính điểm thẩm định của Sở Nội vụ" in corrected
    assert "Những thay đổi so với lần công bố trước" in corrected


def the_unit_sees_its_publications(city, packages, city_url, tmp_path, publications) -> None:  # type: ignore[no-untyped-def]
    """The department's own database (a fresh one on the city's backend) takes its publication packages: its
    rank, index and the council's adjustment with its reason; the correction supersedes publication 1, and both
    stay listed."""
    unit_code, code = DISPUTED
    unit_url = create_pg_database() if city_url.startswith("postgresql") else sqlite_url(tmp_path / "so-noi-vu.sqlite")
    unit = open_url_service(unit_url)
    try:
        unit.user = "can_bo_snv"
        own = unit.packages.own_key(unit_code, create=True)  # as the unit's first export of its submission does
        unit.packages.trust(unit_code, own.public_key, source="own")
        keys = city.packages.export_keys(tmp_path / "city-keys.json", [city.packages.inspector_identity])
        assert keys and unit.packages.import_keys(tmp_path / "city-keys.json")
        previews, results = unit.packages.import_files([packages[0]])
        assert [r.applied for r in results] == [True], previews[0].reason
        assert "publication 1 of 2025 (1234/QĐ-UBND)" in previews[0].reason
        (received,) = unit.unit_publications.received(YEAR, unit_code)
        mine = publications[0].unit(unit_code)
        seen = received.publication
        assert received.intact and received.signer == city.packages.inspector_identity
        assert (seen.result.rank, seen.result.peer_count) == (mine.rank, mine.peer_count)
        assert seen.result.appraised_index == mine.appraised_index and seen.result.self_index == mine.self_index
        assert rank_text(seen) == f"Xếp hạng công bố {mine.rank}/{mine.peer_count}" + (
            f" (nhóm {mine.subgroup_rank}/{mine.subgroup_count})" if mine.subgroup_rank else "")
        adjusted = {a.code: a for a in seen.adjustments}
        ruling = adjusted[code].council
        assert ruling is not None and ruling.outcome == "adjusted" and ruling.previous_points == 0
        assert ruling.reason == "Đơn vị xuất trình Quyết định 12/QĐ-SNV tại phiên họp"
        assert (ruling.meeting_on, ruling.votes_for, ruling.votes_abstain) == (dt.date(2026, 4, 10), 2, 1)
        assert "Đơn vị xuất trình Quyết định 12/QĐ-SNV" in adjusted[code].reason

        (again,), _ = unit.packages.import_files([packages[0]])
        assert again.outcome.value == "unchanged"
        previews, results = unit.packages.import_files([packages[1]])
        assert results[0].applied and "supersedes publication 1" in previews[0].reason
        shown = unit.unit_publications.shown(YEAR, unit_code)
        assert [p.number for p in shown] == [1, 2] and shown[-1].decision_no == "1300/QĐ-UBND"
        assert shown[-1].result.appraised_index == publications[1].unit(unit_code).appraised_index
        assert ("index" in {c.what for c in shown[-1].changes}) and "Không đạt yêu cầu" in {
            a.reason for a in shown[-1].adjustments}
        assert unit.audit.verify().ok
    finally:
        unit.store.close()
        if unit_url.startswith("postgresql"):
            drop_pg_database(unit_url)


def test_a_publication_changed_behind_the_apps_back_is_found(demo_service, demo_db):
    for code in ("SO_NOI_VU", "SO_TAI_CHINH", "00070"):
        assessment = demo_service.store.assessments(YEAR, unit_code=code)[0]
        demo_service.store.set_status(assessment.id, S.APPRAISED, who="test", why="test setup")
    published = demo_service.publication.publish(YEAR, decision_no="99/QĐ-UBND")
    assert {u.unit_code for u in published.units if u.rank is not None} == {"SO_NOI_VU", "SO_TAI_CHINH", "00070"}
    assert demo_service.publication.verify(YEAR) == []
    with sqlite3.connect(demo_db) as connection:  # someone edits the database file directly
        connection.execute("UPDATE publications SET results = replace(results, '\"rank\":1,', '\"rank\":2,')")
    assert demo_service.publication.verify(YEAR) == [
        "publication 1 of 2025: its results were changed after publication"]


def test_publication_verify_finds_results_rewritten_with_their_digest(city):
    """Results replaced together with the SHA-256 stored beside them agree with each other, but not with what
    the audit trail recorded at publication: found, on both databases, for that publication only (the trail
    rows of the other publication do not stand in for it)."""
    from sqlalchemy import text

    from assessment.domain.publication import digest

    for code in ("SO_NOI_VU", "SO_TAI_CHINH", "00070"):
        assessment = city.store.assessments(YEAR, unit_code=code)[0]
        city.store.set_status(assessment.id, S.APPRAISED, who="test", why="test setup")
    city.publication.publish(YEAR, decision_no="99/QĐ-UBND")
    assessment = city.store.assessments(YEAR, unit_code="SO_KHCN")[0]
    city.store.set_status(assessment.id, S.APPRAISED, who="test", why="test setup")
    city.publication.publish(YEAR, decision_no="100/QĐ-UBND", reason="Bổ sung Sở KH&CN")
    assert city.publication.verify(YEAR) == [] and city.publication.verify(2024) == []
    where = f"WHERE cycle_year = {YEAR} AND number = 1"
    with city.store.engine.begin() as c:  # someone rewrites publication 1 and its digest in the database
        results = c.execute(text(f"SELECT results FROM publications {where}")).scalar_one()
        forged = results.replace('"rank":1,', '"rank":2,', 1)
        assert forged != results
        c.execute(text(f"UPDATE publications SET results = :r, results_sha256 = :d {where}"),
                  {"r": forged, "d": digest(forged)})
    assert city.publication.verify(YEAR) == [
        "publication 1 of 2025: the audit trail does not record it as published"]


def test_the_dashboard_and_the_scorecard_rank_on_the_published_figures(demo_service, tmp_path):
    svc = demo_service
    before = svc.reports.scorecard(year=YEAR, unit_code="SO_NOI_VU")
    assert before.published.line == "Chưa công bố kết quả: xếp hạng theo chỉ số tự đánh giá"
    assert before.published.rank is None and svc.compare.peer_group(year=YEAR, kind=UnitKind.DEPARTMENT) \
        .publication is None
    for code in ("SO_NOI_VU", "SO_TAI_CHINH", "SO_KHCN"):
        assessment = svc.store.assessments(YEAR, unit_code=code)[0]
        svc.store.set_status(assessment.id, S.APPRAISED, who="test", why="test setup")
    published = svc.publication.publish(YEAR, decision_no="1234/QĐ-UBND")
    mine = published.unit("SO_NOI_VU")

    comparison = svc.compare.peer_group(year=YEAR, kind=UnitKind.DEPARTMENT)
    ranks = {c.unit_code: (c.rank, c.peer_count) for c in comparison.cards}
    assert ranks["SO_NOI_VU"] == (mine.rank, 3) and ranks["SO_Y_TE"][0] is None  # unappraised: not ranked
    assert [c.unit_code for c in comparison.cards][:3] == [u.unit_code for u in published.units
                                                           if u.kind == "department"][:3]
    sub = svc.compare.peer_group(year=YEAR, kind=UnitKind.DEPARTMENT, subgroup="de_duty")
    assert {c.rank for c in sub.cards if c.unit_code in ("SO_NOI_VU", "SO_TAI_CHINH", "SO_KHCN")} - {None} <= {1, 2, 3}

    view = svc.reports.scorecard(year=YEAR, unit_code="SO_NOI_VU")
    assert view.published.rank == (mine.rank, 3)
    assert view.published.line.startswith("Đã công bố ngày ") and f"hạng {mine.rank}/3" in view.published.line
    pdf = tmp_path / "so-noi-vu.pdf"
    svc.reports.scorecard_pdf(year=YEAR, unit_code="SO_NOI_VU", path=pdf)
    text = "\n".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert "Xếp hạng công bố" in text and "Quyết định số 1234/QĐ-UBND" in text
