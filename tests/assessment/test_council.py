"""The appraisal council's records refuse what is wrong and write nothing then (issue 17.2); the command line
for the council and the publication."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest

import assessment.services.council_area as council_area
from assessment.domain.errors import BadInput, NotFound
from assessment.domain.model import AssessmentStatus
from tests.cli_language import english

S = AssessmentStatus
YEAR = 2025
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def council(demo_service):  # type: ignore[no-untyped-def]
    svc = demo_service
    for code, status in (("SO_NOI_VU", S.APPRAISED), ("SO_Y_TE", S.DRAFT), ("SO_TAI_CHINH", S.UNDER_REVIEW)):
        svc.store.set_status(svc.store.assessments(YEAR, unit_code=code)[0].id, status, who="test", why="setup")
    svc.council.add_member(YEAR, "Nguyễn Văn An", "Chủ tịch Hội đồng")
    svc.council.add_member(YEAR, "Trần Thị Bình", "Ủy viên")
    meeting = svc.council.record_meeting(YEAR, dt.date(2026, 4, 10), "Biên bản")
    return svc, meeting


def indicator(svc, unit: str, code: str):  # type: ignore[no-untyped-def]
    return next(i for i in svc.scores.for_cycle(year=YEAR, unit_code=unit).scorecards[0].indicators if i.code == code)


def test_wrong_decisions_are_refused_and_nothing_is_written(council):
    svc, meeting = council
    score = indicator(svc, "SO_NOI_VU", "NTS01")
    trail = len(svc.audit.entries())
    cases = [
        ({"unit_code": "SO_Y_TE", "code": "NTS01", "outcome": "kept"}, "is draft"),
        ({"unit_code": "SO_NOI_VU", "code": "NOPE", "outcome": "kept"}, "not an indicator"),
        ({"unit_code": "NOPE", "code": "NTS01", "outcome": "kept"}, "no assessment"),
        ({"unit_code": "SO_NOI_VU", "code": "NTS01", "outcome": "adjusted"}, "needs the council's points"),
        ({"unit_code": "SO_NOI_VU", "code": "NTS01", "outcome": "adjusted", "points": score.max_points + 1},
         "between 0 and"),
        ({"unit_code": "SO_NOI_VU", "code": "NTS01", "outcome": "adjusted", "points": score.points},
         "record it as kept"),
        ({"unit_code": "SO_NOI_VU", "code": "NTS01", "outcome": "kept", "points": score.points + 1},
         "to change them, adjust"),
        ({"unit_code": "SO_NOI_VU", "code": "NTS01", "outcome": "kept", "votes": {"Ai Đó": "for"}},
         "not a member of the council"),
        ({"unit_code": "SO_NOI_VU", "code": "NTS01", "outcome": "kept", "votes": {"Trần Thị Bình": "maybe"}},
         "not for, against or abstain"),
    ]
    for kwargs, message in cases:
        with pytest.raises((BadInput, NotFound), match=message):
            svc.council.decide(meeting.id, reason="Lý do", **kwargs)
    with pytest.raises(BadInput, match="blank"):
        svc.council.decide(meeting.id, unit_code="SO_NOI_VU", code="NTS01", outcome="kept", reason="  ")
    with pytest.raises(ValueError, match="'maybe' is not a valid Outcome"):
        svc.council.decide(meeting.id, unit_code="SO_NOI_VU", code="NTS01", outcome="maybe", reason="x")
    assert svc.council.decisions(YEAR) == [] and len(svc.audit.entries()) == trail


def test_a_kept_decision_is_final_and_locks_the_points(council):
    svc, meeting = council
    kept = svc.council.decide(meeting.id, unit_code="SO_TAI_CHINH", code="NTS01", outcome="kept",
                              reason="Giữ nguyên kết quả thẩm định", votes={"Nguyễn Văn An": "for"})
    assert kept.points == kept.previous_points and kept.tally()["for"] == 1
    with pytest.raises(BadInput, match="already decided"):
        svc.council.decide(meeting.id, unit_code="SO_TAI_CHINH", code="NTS01", outcome="kept", reason="lại")
    with pytest.raises(BadInput, match="appraisal council decided"):
        svc.appraisal.set_points(unit_code="SO_TAI_CHINH", year=YEAR, code="NTS01", points=0, reason="x")
    assert svc.audit.verify().ok


def test_meetings_and_members_refuse_hostile_input(council, tmp_path, monkeypatch):
    svc, _ = council
    with pytest.raises(BadInput, match="already a member"):
        svc.council.add_member(YEAR, "Nguyễn Văn An", "Ủy viên")
    with pytest.raises(BadInput, match="control character"):
        svc.council.add_member(YEAR, "Tên\x07", "Ủy viên")
    with pytest.raises(BadInput, match="longer than 200"):
        svc.council.add_member(YEAR, "x" * 201, "Ủy viên")
    with pytest.raises(BadInput, match="held in 2025–2027"):
        svc.council.record_meeting(YEAR, dt.date(2031, 1, 1), "Biên bản")
    with pytest.raises(BadInput, match="no such file"):
        svc.council.record_meeting(YEAR, dt.date(2026, 4, 11), "Biên bản", tmp_path / "missing.pdf")
    big = tmp_path / "big.pdf"
    big.write_bytes(b"x" * 2048)
    monkeypatch.setattr(council_area, "MINUTES_FILE_MAX", 1024)
    with pytest.raises(BadInput, match=r"big\.pdf: larger than"):
        svc.council.record_meeting(YEAR, dt.date(2026, 4, 11), "Biên bản", big)
    with pytest.raises(NotFound, match="no cycle 2031"):
        svc.council.add_member(2031, "Người Mới", "Ủy viên")
    assert [m.name for m in svc.council.members(YEAR)] == ["Nguyễn Văn An", "Trần Thị Bình"]
    assert len(svc.council.meetings(YEAR)) == 1


def run(*args: str, db: Path, tmp: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(ROOT / "main.py"),
                           *english(args), "--db", str(db), *args], capture_output=True,
                          text=True, cwd=ROOT, timeout=300, env={**os.environ, "DXSCORE_LOG_DIR": str(tmp / "logs")})


def test_the_command_line(council, demo_db, tmp_path):
    assert run("council", "member", "list", "--cycle", "2025", db=demo_db, tmp=tmp_path).stdout.splitlines() == [
        "1. Nguyễn Văn An — Chủ tịch Hội đồng", "2. Trần Thị Bình — Ủy viên"]
    decided = run("council", "decide", "--meeting", "1", "--unit", "SO_NOI_VU", "--indicator", "NTS01", "--keep",
                  "--reason", "Giữ nguyên", "--vote", "Nguyễn Văn An=for", "--vote", "Trần Thị Bình=abstain",
                  db=demo_db, tmp=tmp_path)
    assert decided.returncode == 0, decided.stderr
    assert "SO_NOI_VU NTS01: kept" in decided.stdout and "for 1, against 0, abstain 1" in decided.stdout
    bad = run("council", "decide", "--meeting", "9", "--unit", "SO_NOI_VU", "--indicator", "NTS01", "--keep",
              "--reason", "x", db=demo_db, tmp=tmp_path)
    assert bad.returncode == 2 and "no council meeting 9" in bad.stderr and "Traceback" not in bad.stderr
    preview = run("publish", "--cycle", "2025", "--preview", db=demo_db, tmp=tmp_path)
    assert preview.returncode == 0 and "SO_NOI_VU" in preview.stdout and "1/1" in preview.stdout
    assert run("publication", "list", "--cycle", "2025", db=demo_db, tmp=tmp_path).stdout == ""
    published = run("publish", "--cycle", "2025", "--decision-no", "1234/QĐ-UBND", db=demo_db, tmp=tmp_path)
    assert published.returncode == 0 and "publication 1 (1234/QĐ-UBND), 1 ranked" in published.stdout
    annex = run("--lang", "en", "publication", "annex", "--cycle", "2025", "-o", str(tmp_path / "annex.pdf"),
                db=demo_db, tmp=tmp_path)
    assert annex.returncode == 0 and (tmp_path / "annex.pdf").read_bytes().startswith(b"%PDF")
    wrong = run("publication", "annex", "--cycle", "2025", "-o", str(tmp_path / "annex.doc"), db=demo_db, tmp=tmp_path)
    assert wrong.returncode == 2 and "written as .pdf or .xlsx" in wrong.stderr
    assert "1 publication(s) intact" in run("publication", "verify", "--cycle", "2025", db=demo_db, tmp=tmp_path).stdout
