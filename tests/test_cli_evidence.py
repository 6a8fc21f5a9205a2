"""`evidence list|add|remove` end to end in real processes, on a copy of the demo database (SQLite, then
PostgreSQL): a unit completed and submitted without the window, and hostile input refused with exit code 2,
a reason, and nothing written."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_cli import run

UNIT, YEAR = "00070", 2025  # a demo ward with blanks: not one of the walkthrough units


def counts(db: str) -> tuple[int, int]:
    """(evidence rows, audit rows) as the database holds them."""
    from sqlalchemy import create_engine, text

    from storage.db import sqlite_url

    engine = create_engine(db if "://" in db else sqlite_url(db))
    try:
        with engine.connect() as c:
            return (c.execute(text("SELECT count(*) FROM evidence")).scalar_one(),
                    c.execute(text("SELECT count(*) FROM audit_log")).scalar_one())
    finally:
        engine.dispose()


def test_add_list_remove_round_trip_with_a_file_kept_under_its_hash(demo_url, tmp_path):
    scan = tmp_path / "bien-ban.pdf"
    scan.write_bytes(b"%PDF-1.4 bien ban hop ban chi dao\n" * 20)
    added = run("evidence", "add", "--unit", UNIT, "--cycle", str(YEAR), "NTS01", "--number", "12/BB-UBND",
                "--date", "15/03/2025", "--summary", "Biên bản họp Ban Chỉ đạo", "--file", str(scan), "--lang", "vi",
                db=demo_url, tmp=tmp_path)
    assert added.returncode == 0, added.stderr
    assert "NTS01: đã thêm tài liệu kiểm chứng #" in added.stdout
    import hashlib

    digest = hashlib.sha256(scan.read_bytes()).hexdigest()
    assert digest in added.stdout
    if "://" not in demo_url:  # an SQLite file keeps its evidence beside it
        kept = Path(demo_url).with_name("demo.files") / digest[:2] / digest
        assert kept.read_bytes() == scan.read_bytes()
    number = added.stdout.split("#")[1].split(" ")[0]

    listed = run("evidence", "list", "--unit", UNIT, "--cycle", str(YEAR), "--indicator", "NTS01", "--lang", "vi",
                 db=demo_url, tmp=tmp_path)
    assert listed.returncode == 0, listed.stderr
    line = next(x for x in listed.stdout.splitlines() if x.strip().startswith(number))
    assert "12/BB-UBND" in line and "15/03/2025" in line and "bien-ban.pdf" in line
    assert "Biên bản họp Ban Chỉ đạo" in line
    english = run("--lang", "en", "evidence", "list", "--unit", UNIT, "--cycle", str(YEAR), "--indicator", "NTS01",
                  db=demo_url, tmp=tmp_path)
    assert "2025-03-15" in english.stdout and "1 evidence item(s)" in english.stdout

    removed = run("evidence", "remove", "--unit", UNIT, "--cycle", str(YEAR), "NTS01", number, "--why", "nhầm tệp",
                  "--lang", "en", db=demo_url, tmp=tmp_path)
    assert removed.returncode == 0, removed.stderr
    assert f"NTS01: evidence #{number} removed (12/BB-UBND)" in removed.stdout
    after = run("evidence", "list", "--unit", UNIT, "--cycle", str(YEAR), "--indicator", "NTS01", "--lang", "vi",
                db=demo_url, tmp=tmp_path)
    assert "12/BB-UBND" not in after.stdout and "0 tài liệu kiểm chứng" in after.stdout
    trail = run("audit", "verify", db=demo_url, tmp=tmp_path)
    assert trail.returncode == 0 and "audit trail intact" in trail.stdout  # the removal replays


def test_a_unit_is_completed_and_submitted_without_the_window(demo_url, tmp_path):
    """The demo's walkthrough ward has its evidence; taking one item away blocks the submission, adding it back
    from the command line lets it through."""
    where = ("--unit", "00082", "--cycle", "2025")
    listed = run("evidence", "list", *where, "--indicator", "NTS01", db=demo_url, tmp=tmp_path)
    assert "DEMO-NTS01/2025" in listed.stdout and "DỮ LIỆU MẪU" in listed.stdout
    number = next(x.split()[0] for x in listed.stdout.splitlines() if "DEMO-NTS01/2025" in x)
    assert run("evidence", "remove", *where, "NTS01", number, db=demo_url, tmp=tmp_path).returncode == 0
    refused = run("review", "submit", *where, db=demo_url, tmp=tmp_path)
    assert refused.returncode == 2 and "NTS01 (evidence)" in refused.stderr
    added = run("evidence", "add", *where, "NTS01", "--number", "05/BB-UBND", "--summary", "Biên bản họp",
                db=demo_url, tmp=tmp_path)
    assert added.returncode == 0, added.stderr
    submitted = run("review", "submit", *where, db=demo_url, tmp=tmp_path)
    assert submitted.returncode == 0 and "now submitted" in submitted.stdout, submitted.stderr
    locked = run("evidence", "add", *where, "NTS01", "--number", "06/BB", "--summary", "x", db=demo_url, tmp=tmp_path)
    assert locked.returncode == 2 and "submitted: read-only" in locked.stderr


BIG = 200 * 2**20 + 1


@pytest.mark.parametrize(("args", "reason"), [
    (["NTS01", "--file", "{missing}"], "does not exist"),
    (["NTS01", "--file", "{folder}"], "is a folder"),
    (["NTS01", "--file", "{big}"], "is too big (at most 200 MB"),
    (["NTS01", "--date", "31/02/2025"], "argument --date: '31/02/2025' is not a date (dd/mm/yyyy or yyyy-mm-dd)"),
    (["NTS01", "--date", "15/03/0999"], "out of range"),
    (["NOPE99"], "has no indicator 'NOPE99'"),
    (["NTS01", "--number", " "], "--number is empty"),
    (["NTS01", "--summary", "a\x1b[31mred"], "control character"),
    (["--unit", "NOPE", "NTS01"], "no unit with code 'NOPE'"),
    (["--cycle", "2030", "NTS01"], "00070 has no assessment in cycle 2030"),
])
def test_hostile_input_is_refused_with_exit_2_and_nothing_written(demo_url, tmp_path, args, reason):
    big = tmp_path / "big.pdf"
    with open(big, "wb") as handle:  # sparse: 200 MB + 1 byte without writing them
        handle.truncate(BIG)
    values = {"missing": str(tmp_path / "nowhere.pdf"), "folder": str(tmp_path), "big": str(big)}
    args = [a.format(**values) for a in args]
    base = {"--unit": UNIT, "--cycle": str(YEAR), "--number": "01/BC", "--summary": "Báo cáo"}
    for option in [o for o in base if o in args]:
        base.pop(option)
    before = counts(demo_url)
    result = run("evidence", "add", *[x for kv in base.items() for x in kv], *args, db=demo_url, tmp=tmp_path)
    assert result.returncode == 2, (result.stdout, result.stderr)
    assert reason in result.stderr and "Traceback" not in result.stderr
    assert counts(demo_url) == before
    if "://" not in demo_url:
        files = Path(demo_url).with_name("demo.files")
        assert not files.exists() or all(p.stat().st_size < 1000 for p in files.rglob("*") if p.is_file())


def test_a_locked_assessment_and_an_unknown_evidence_number_are_refused(demo_url, tmp_path):
    where = ("--unit", "00226", "--cycle", "2025")
    for step in ("submit", "start", "appraise", "lock"):
        done = run("review", step, *where, db=demo_url, tmp=tmp_path)
        assert done.returncode == 0, done.stderr
    before = counts(demo_url)
    number = next(x.split()[0] for x in run("evidence", "list", *where, db=demo_url, tmp=tmp_path).stdout.splitlines()
                  if "DEMO-" in x)
    for command in (["add", *where, "NTS01", "--number", "1", "--summary", "x"], ["remove", *where, "NTS01", number]):
        result = run("evidence", *command, db=demo_url, tmp=tmp_path)
        assert result.returncode == 2 and "locked: read-only" in result.stderr
    unknown = run("evidence", "remove", "--unit", UNIT, "--cycle", str(YEAR), "NTS01", "999999", db=demo_url,
                  tmp=tmp_path)
    assert unknown.returncode == 2 and "NTS01 has no evidence #999999" in unknown.stderr
    assert counts(demo_url) == before
