"""A cycle's timeline (issue 17.1): planned dates kept as data and audited, where each unit stands against them,
the reminder list, and the secretariat's bulk steps — on an SQLite file and on PostgreSQL (`demo_url`)."""

from __future__ import annotations

import csv
import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from db_backends import open_url_service

from assessment.domain.errors import BadInput
from assessment.domain.model import AssessmentStatus, UnitKind
from assessment.domain.timeline import CycleTimeline, Milestone, Phase, phase_of
from storage.db import resolve_url
from tests.cli_language import english

S, M = AssessmentStatus, Milestone
ROOT = Path(__file__).resolve().parents[2]
YEAR = 2025
PLAN = {M.OPENS: dt.date(2026, 1, 5), M.SUBMISSIONS_DUE: dt.date(2026, 2, 15), M.APPRAISAL_ENDS: dt.date(2026, 3, 31),
        M.COUNCIL: dt.date(2026, 4, 10), M.PUBLICATION: dt.date(2026, 4, 30)}
TIMELINE = CycleTimeline(YEAR, PLAN)


# ------------------------------------------------------------------------------------------- the rules


@pytest.mark.parametrize(("status", "answered", "today", "phase", "days"), [
    (None, 0, dt.date(2026, 2, 1), Phase.NOT_STARTED, 0),
    (S.DRAFT, 12, dt.date(2026, 2, 15), Phase.IN_PROGRESS, 0),  # the due date itself is on time
    (S.DRAFT, 12, dt.date(2026, 2, 16), Phase.LATE, 1),
    (None, 0, dt.date(2026, 3, 1), Phase.LATE, 14),
    (S.SUBMITTED, 30, dt.date(2026, 3, 1), Phase.SUBMITTED, 0),
    (S.UNDER_REVIEW, 30, dt.date(2026, 3, 31), Phase.IN_REVIEW, 0),
    (S.UNDER_REVIEW, 30, dt.date(2026, 4, 2), Phase.APPRAISAL_OVERDUE, 2),
    (S.RETURNED, 30, dt.date(2026, 3, 20), Phase.RETURNED, 0),
    (S.RETURNED, 30, dt.date(2026, 4, 5), Phase.LATE, 5),  # the unit holds up the appraisal
    (S.APPRAISED, 30, dt.date(2026, 5, 1), Phase.APPRAISED, 0),
    (S.LOCKED, 30, dt.date(2027, 1, 1), Phase.LOCKED, 0),
])
def test_where_a_unit_stands(status, answered, today, phase, days):
    standing = phase_of(status, answered, TIMELINE, today)
    assert (standing.phase, standing.days_late) == (phase, days)


def test_without_dates_nobody_is_late():
    assert phase_of(None, 0, CycleTimeline(YEAR), dt.date(2030, 1, 1)).phase == Phase.NOT_STARTED
    assert phase_of(S.UNDER_REVIEW, 3, CycleTimeline(YEAR), dt.date(2030, 1, 1)).phase == Phase.IN_REVIEW


def test_dates_out_of_order_or_out_of_span_are_refused():
    with pytest.raises(BadInput, match=r"council \(2026-03-01\) comes before appraisal_ends \(2026-03-31\)"):
        TIMELINE.changed({M.COUNCIL: dt.date(2026, 3, 1)})
    with pytest.raises(BadInput, match="outside 2025–2027"):
        CycleTimeline(YEAR, {M.OPENS: dt.date(2024, 12, 1)})
    assert TIMELINE.changed({M.COUNCIL: None}).get(M.COUNCIL) is None


# ----------------------------------------------------------------------------------- on a real database


@pytest.fixture
def svc(demo_url):  # type: ignore[no-untyped-def]
    service = open_url_service(resolve_url(demo_url))
    service.user = "thu_ky"
    yield service
    service.store.close()


def set_states(service, states: dict[str, AssessmentStatus]) -> None:  # type: ignore[no-untyped-def]
    """The starting point of a test, whatever the demo left (the demo's assessments are drafts)."""
    for code, status in states.items():
        assessment = service.store.assessments(YEAR, unit_code=code)[0]
        service.store.set_status(assessment.id, status, who="test", why="test setup")


def test_dates_are_kept_audited_and_a_bad_change_writes_nothing(svc):
    svc.timeline.set_dates(YEAR, PLAN)
    assert svc.timeline.dates(YEAR) == TIMELINE
    with pytest.raises(BadInput, match="comes before"):
        svc.timeline.set_dates(YEAR, {M.SUBMISSIONS_DUE: dt.date(2026, 4, 15)})
    assert svc.timeline.dates(YEAR) == TIMELINE  # unchanged
    svc.timeline.set_dates(YEAR, {M.PUBLICATION: None})
    assert svc.timeline.dates(YEAR).get(M.PUBLICATION) is None
    trail = [e for e in svc.audit.entries() if e.action == "timeline"]
    assert [(e.subject, e.who) for e in trail][-1] == ("2025 publication", "thu_ky")
    assert len(trail) == 6 and trail[-1].old == '"2026-04-30"' and trail[-1].new is None
    assert svc.audit.verify().ok


def test_the_board_and_the_reminders_follow_states_and_dates(svc, tmp_path):
    svc.timeline.set_dates(YEAR, PLAN)
    set_states(svc, {"SO_NOI_VU": S.SUBMITTED, "SO_Y_TE": S.UNDER_REVIEW, "00070": S.RETURNED,
                     "SO_TAI_CHINH": S.APPRAISED})
    board = {row.unit.code: row for row in svc.timeline.board(YEAR, today=dt.date(2026, 2, 20))}
    assert "HA_NOI" not in board and len(board) == 143  # 126 communes and 17 departments; the city does not submit
    assert board["SO_NOI_VU"].phase == Phase.SUBMITTED and board["SO_Y_TE"].label() == "Đang thẩm định"
    assert board["00070"].phase == Phase.RETURNED and board["SO_TAI_CHINH"].label("en") == "Appraised"
    assert board["SO_GDDT"].phase == Phase.LATE and board["SO_GDDT"].days_late == 5
    reminders = svc.timeline.reminders(YEAR, today=dt.date(2026, 2, 20), kind=UnitKind.DEPARTMENT)
    assert len(reminders) == 17 - 3 and all(r.phase == Phase.LATE for r in reminders)

    path = tmp_path / "nhac-nop.csv"
    assert svc.timeline.export_reminders(path, YEAR, today=dt.date(2026, 2, 20), kind=UnitKind.DEPARTMENT) == 14
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0][:4] == ["Mã", "Đơn vị", "Loại", "Tình trạng"]
    by_code = {row[0]: row for row in rows}
    assert by_code["SO_GDDT"][:5] == ["SO_GDDT", "Sở Giáo dục và Đào tạo", "department", "Chậm nộp", "5"]
    from openpyxl import load_workbook

    book = svc.timeline.export_reminders(tmp_path / "reminders.xlsx", YEAR, today=dt.date(2026, 2, 20), lang="en")
    sheet = load_workbook(tmp_path / "reminders.xlsx").active
    assert book == sheet.max_row - 1 and sheet["D2"].value == "Late" and sheet.title == "Reminders 2025"
    with pytest.raises(BadInput, match=r"written as \.csv or \.xlsx"):
        svc.timeline.export_reminders(tmp_path / "x.pdf", YEAR)
    assert not (tmp_path / "x.pdf").exists()


def test_the_board_counts_each_units_saved_answers(svc, tmp_path):
    """The board's "indicators answered" is the number of answers saved for the unit's assessment in that cycle
    (counted by the database): one more after a save, none for a unit without an assessment."""
    before = {row.unit.code: row.answered for row in svc.timeline.board(YEAR)}
    saved = {a.unit_code: len(svc.store.answers.of(a.id)) for a in svc.store.assessments(YEAR)}
    assert before == {code: saved.get(code, 0) for code in before}
    assert any(n > 0 for n in before.values())
    (target,) = svc.store.assessments(YEAR, unit_code="SO_NOI_VU")
    (emptied,) = svc.store.assessments(YEAR, unit_code="SO_Y_TE")
    cleared = [a for a in svc.store.answers.of(target.id) if a.indicator_code == "NTS01"]
    with svc.store.engine.begin() as c:  # one answer fewer for SO_NOI_VU, none left for SO_Y_TE
        c.exec_driver_sql(f"DELETE FROM evidence WHERE answer_id IN (SELECT id FROM answers WHERE assessment_id "
                          f"IN ({target.id}, {emptied.id}))")
        c.exec_driver_sql(f"DELETE FROM answers WHERE (assessment_id = {target.id} AND indicator_code = 'NTS01') "
                          f"OR assessment_id = {emptied.id}")
    after = {row.unit.code: row.answered for row in svc.timeline.board(YEAR)}
    assert after["SO_NOI_VU"] == before["SO_NOI_VU"] - len(cleared) and len(cleared) == 1
    assert after["SO_Y_TE"] == 0 and before["SO_Y_TE"] > 0
    assert {c: n for c, n in after.items() if c not in ("SO_NOI_VU", "SO_Y_TE")} == {
        c: n for c, n in before.items() if c not in ("SO_NOI_VU", "SO_Y_TE")}


def test_bulk_steps_move_only_the_units_they_apply_to_and_are_audited(svc):
    set_states(svc, {"SO_NOI_VU": S.SUBMITTED, "SO_Y_TE": S.RESUBMITTED, "SO_GDDT": S.SUBMITTED,
                     "SO_TAI_CHINH": S.APPRAISED, "SO_KHCN": S.APPRAISED})
    started = svc.timeline.bulk_start_review(YEAR, kind=UnitKind.DEPARTMENT)
    assert started.done == ("SO_GDDT", "SO_NOI_VU", "SO_Y_TE") and not started.skipped
    status = {a.unit_code: a.status for a in svc.store.assessments(YEAR)}
    assert {status[c] for c in started.done} == {S.UNDER_REVIEW} and status["SO_TAI_CHINH"] == S.APPRAISED

    svc.appraisal.comment(unit_code="SO_NOI_VU", year=YEAR, code="NTS01", text="Ghi rõ số văn bản")
    returned = svc.timeline.bulk_return(YEAR, units=["SO_NOI_VU", "SO_Y_TE", "SO_TAI_CHINH"],
                                        comment="Bổ sung tài liệu kiểm chứng", indicators=["NTS01", "NTS02"])
    assert returned.done == ("SO_NOI_VU", "SO_Y_TE") and returned.skipped == {"SO_TAI_CHINH": "it is appraised"}
    notes = {n.indicator_code: n.comment for n in svc.store.review.notes(
        svc.store.assessments(YEAR, unit_code="SO_NOI_VU")[0].id)}
    assert notes == {"NTS01": "Ghi rõ số văn bản", "NTS02": "Bổ sung tài liệu kiểm chứng"}  # the written one kept

    locked = svc.timeline.bulk_lock(YEAR, why="Hội đồng đã thông qua")
    assert locked.done == ("SO_KHCN", "SO_TAI_CHINH")
    trail = svc.audit.entries()
    bulk = [(e.subject, json.loads(e.new or "null"), e.who) for e in trail if e.action == "bulk"]
    assert bulk == [("start_review", ["SO_GDDT", "SO_NOI_VU", "SO_Y_TE"], "thu_ky"),
                    ("return", ["SO_NOI_VU", "SO_Y_TE"], "thu_ky"),
                    ("lock", ["SO_KHCN", "SO_TAI_CHINH"], "thu_ky")]
    steps = [e.subject for e in trail if e.action == "state" and e.source == "workflow"]
    assert steps.count("start_review") == 3 and steps.count("return") == 2 and steps.count("lock") == 2
    assert svc.audit.verify().ok


def test_a_bulk_return_needs_a_comment_indicators_and_named_units(svc):
    set_states(svc, {"SO_NOI_VU": S.UNDER_REVIEW})
    for kwargs, message in (({"comment": " ", "indicators": ["NTS01"], "units": ["SO_NOI_VU"]}, "standard comment"),
                            ({"comment": "x", "indicators": [], "units": ["SO_NOI_VU"]}, "indicator"),
                            ({"comment": "x", "indicators": ["NTS01"], "units": []}, "name the units")):
        with pytest.raises(BadInput, match=message):
            svc.timeline.bulk_return(YEAR, **kwargs)
    result = svc.timeline.bulk_return(YEAR, units=["SO_NOI_VU"], comment="x", indicators=["NOPE"])
    assert result.done == () and "NOPE is not an indicator" in result.skipped["SO_NOI_VU"]
    assert svc.store.assessments(YEAR, unit_code="SO_NOI_VU")[0].status == S.UNDER_REVIEW


def run(*args: str, db: str, tmp: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(ROOT / "main.py"),
                           *english(args), "--db", db, *args], capture_output=True,
                          text=True, cwd=ROOT, timeout=300, env={**os.environ,
                                                                  "DXSCORE_LOG_DIR": str(tmp / "logs")})


def test_the_command_line(demo_url, tmp_path):
    result = run("cycle", "set", "--cycle", "2025", "--submissions-due", "2026-02-15", "--appraisal-ends",
                 "2026-03-31", "--lang", "vi", db=demo_url, tmp=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "submissions_due  2026-02-15  Hạn nộp tự đánh giá" in result.stdout
    bad = run("cycle", "set", "--cycle", "2025", "--opens", "2026-03-01", db=demo_url, tmp=tmp_path)
    assert bad.returncode == 2 and "submissions_due (2026-02-15) comes before opens (2026-03-01)" in bad.stderr
    assert "Traceback" not in bad.stderr
    shown = run("--lang", "en", "cycle", "show", "--cycle", "2025", db=demo_url, tmp=tmp_path)
    assert "opens            not set" in shown.stdout and "Self-assessments due" in shown.stdout
    board = run("cycle", "reminders", "--cycle", "2025", "--kind", "department", "--today", "2026-02-20",
                "-o", str(tmp_path / "r.xlsx"), db=demo_url, tmp=tmp_path)
    assert board.returncode == 0 and "17 unit(s)" in board.stdout
    bulk = run("cycle", "bulk", "lock", "--cycle", "2025", "--unit", "SO_NOI_VU", db=demo_url, tmp=tmp_path)
    assert bulk.returncode == 1 and "skipped SO_NOI_VU: it is draft" in bulk.stdout


def test_a_unit_name_that_looks_like_a_formula_stays_text_in_the_reminders_and_the_annex(demo_service, tmp_path):
    from openpyxl import load_workbook

    svc, hostile = demo_service, '=HYPERLINK("http://example.invalid","Sở Y tế")'
    svc.units.update("SO_Y_TE", name_vi=hostile, name_en=hostile)  # as `units set` can
    svc.timeline.set_dates(YEAR, PLAN)
    svc.timeline.export_reminders(tmp_path / "r.csv", YEAR, today=dt.date(2026, 2, 20), kind=UnitKind.DEPARTMENT)
    with (tmp_path / "r.csv").open(encoding="utf-8-sig", newline="") as handle:
        assert {row[0]: row[1] for row in csv.reader(handle)}["SO_Y_TE"] == "'" + hostile
    svc.timeline.export_reminders(tmp_path / "r.xlsx", YEAR, today=dt.date(2026, 2, 20), kind=UnitKind.DEPARTMENT)
    cells = [c for row in load_workbook(tmp_path / "r.xlsx").active.iter_rows() for c in row if c.value == hostile]
    assert cells and all(c.data_type == "s" for c in cells)

    svc.store.set_status(svc.store.assessments(YEAR, unit_code="SO_NOI_VU")[0].id, S.APPRAISED, who="t", why="t")
    svc.publication.publish(YEAR, decision_no="<1234>/QĐ-UBND")
    svc.publication.write_annex(tmp_path / "a.xlsx", YEAR)
    svc.publication.write_annex(tmp_path / "a.pdf", YEAR)  # names and the decision number are markup-escaped
    book = load_workbook(tmp_path / "a.xlsx")
    cells = [c for ws in book.worksheets for row in ws.iter_rows() for c in row if c.value == hostile]
    assert cells and all(c.data_type == "s" for c in cells)
