"""The machine says no (issue 12.13): a full disk, an output folder that does not exist or is a file, a
read-only database. Each is exit code 2 with a plain message, no traceback, no file or temporary file left, the
database unchanged; a read-only database can still be read."""

from __future__ import annotations

import pytest
from ceilings import run_measured
from media import full_disk, read_only_copy
from snapshot import snapshot

# (arguments before the output path, output file name); all write a file the size of the demo's answers or more.
OUTPUTS = {
    "answers-csv": (("answers", "export", "-o"), "answers.csv"),
    "answers-xlsx": (("answers", "export", "-o"), "answers.xlsx"),
    "scores-xlsx": (("export", "scores", "--cycle", "2025", "-o"), "scores.xlsx"),
    "booklet-pdf": (("report", "--cycle", "2025", "--kind", "commune", "--booklet", "-o"), "booklet.pdf"),
}


def _no_traceback(run) -> None:  # type: ignore[no-untyped-def]
    assert "Traceback" not in run.stdout + run.stderr and "unexpected error" not in run.stderr


@pytest.mark.parametrize("name", sorted(OUTPUTS))
def test_outputs_on_a_full_disk_say_so_and_leave_nothing(name, demo_url, tmp_path):
    before_db = snapshot(demo_url)
    args, file_name = OUTPUTS[name]
    with full_disk(tmp_path) as disk:
        before = disk.listing()
        run = run_measured(*args, str(disk.folder / file_name), db=demo_url, tmp=tmp_path, env=disk.env)
        after = disk.listing()
    assert run.returncode == 2, (disk.how, run.stderr)
    assert "error: the disk is full" in run.stderr and "nothing was written" in run.stderr
    _no_traceback(run)
    assert after == before  # neither the file nor a temporary one
    assert snapshot(demo_url) == before_db


def test_backup_on_a_full_disk_leaves_no_part_file(demo_db, tmp_path):
    with full_disk(tmp_path) as disk:
        before = disk.listing()
        run = run_measured("backup", "-o", str(disk.folder / "copy.sqlite"), db=demo_db, tmp=tmp_path, env=disk.env)
        after = disk.listing()
    assert run.returncode == 2, run.stderr
    assert "the disk is full" in run.stderr or "disk I/O error" in run.stderr
    _no_traceback(run)
    assert after == before


def test_demo_on_a_full_disk_leaves_no_half_built_database(tmp_path):
    with full_disk(tmp_path) as disk:
        before = disk.listing()
        database = disk.folder / "demo.sqlite"
        run = run_measured("demo", db=database, tmp=tmp_path, env=disk.env)
        after = disk.listing()
    assert run.returncode == 2, run.stderr
    assert "the disk is full" in run.stderr or "disk I/O error" in run.stderr
    _no_traceback(run)
    assert after == before  # no demo.sqlite that would score every unit 0, no temporary build file


def test_demo_still_builds_and_renames_into_place(tmp_path):
    database = tmp_path / "fresh.sqlite"
    run = run_measured("demo", db=database, tmp=tmp_path)
    assert run.returncode == 0, run.stderr
    assert database.is_file() and not [p.name for p in tmp_path.iterdir() if p.name.startswith(".fresh")]
    scores = run_measured("score", "--cycle", "2025", "--json", db=database, tmp=tmp_path)
    assert scores.returncode == 0 and '"unit_code": "00070"' in scores.stdout


@pytest.mark.parametrize(("args", "message"), [
    (("answers", "export", "-o", "{tmp}/missing/answers.csv"), "the folder {tmp}/missing does not exist"),
    (("answers", "export", "-o", "{tmp}/missing/answers.xlsx"), "the folder {tmp}/missing does not exist"),
    (("answers", "export", "-o", "{tmp}"), "{tmp} is a folder; give a file name"),
    (("export", "scores", "--cycle", "2025", "-o", "{tmp}"), "{tmp} is a folder; give a file name"),
    (("report", "--cycle", "2025", "--unit", "00070", "-o", "{tmp}"), "{tmp} is a folder; give a file name"),
    (("keys", "export", "-o", "{tmp}/missing/keys.json"), "the folder {tmp}/missing does not exist"),
])
def test_output_into_a_missing_folder_or_onto_a_folder(args, message, demo_url, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    before = snapshot(demo_url)
    run = run_measured(*(a.format(tmp=out) for a in args), db=demo_url, tmp=tmp_path)
    assert run.returncode == 2, run.stderr
    assert message.format(tmp=out) in run.stderr and "nothing was written" in run.stderr
    _no_traceback(run)
    assert list(out.iterdir()) == []
    assert snapshot(demo_url) == before


WRITES = [
    ("targets", "set", "de_share_grdp", "2025", "31"),
    ("units", "set", "00070", "--name-vi", "Phường Đổi Tên"),
    ("units", "add", "NEW01", "--kind", "commune", "--name-vi", "Xã Mới"),
]


@pytest.fixture
def read_only_db(demo_url, tmp_path):  # type: ignore[no-untyped-def]
    """The demo database, read-only: on SQLite a read-only file (see media.py), on PostgreSQL a database whose
    transactions are read-only (default_transaction_read_only)."""
    if demo_url.startswith("postgresql"):
        from sqlalchemy import create_engine
        from sqlalchemy.engine import make_url

        engine = create_engine(demo_url, isolation_level="AUTOCOMMIT")
        with engine.connect() as connection:
            connection.exec_driver_sql(f"ALTER DATABASE {make_url(demo_url).database} "
                                       "SET default_transaction_read_only = on")
        engine.dispose()
        yield demo_url, "the database is read-only"
        return
    from pathlib import Path

    with read_only_copy(Path(demo_url), tmp_path) as (path, _how):
        yield str(path), "is open for reading only: the file is read-only"


def test_a_read_only_database_is_still_read(read_only_db, tmp_path):
    db, _message = read_only_db
    scores = run_measured("score", "--cycle", "2025", "--json", db=db, tmp=tmp_path)
    assert scores.returncode == 0, scores.stderr
    assert '"unit_code": "00070"' in scores.stdout
    excel = run_measured("export", "scores", "--cycle", "2025", "-o", str(tmp_path / "s.xlsx"), db=db, tmp=tmp_path)
    assert excel.returncode == 0, excel.stderr
    assert (tmp_path / "s.xlsx").stat().st_size > 10_000
    pdf = run_measured("report", "--cycle", "2025", "--unit", "00070", "-o", str(tmp_path / "c.pdf"), db=db,
                       tmp=tmp_path)
    assert pdf.returncode == 0, pdf.stderr
    assert (tmp_path / "c.pdf").read_bytes().startswith(b"%PDF")


@pytest.mark.parametrize("args", WRITES)
def test_writes_to_a_read_only_database_are_refused_plainly(args, read_only_db, tmp_path):
    db, message = read_only_db
    before = snapshot(db)
    run = run_measured(*args, db=db, tmp=tmp_path)
    assert run.returncode == 2, run.stderr
    assert message in run.stderr and ("Nothing was written" in run.stderr or "nothing was saved" in run.stderr)
    _no_traceback(run)
    assert snapshot(db) == before
