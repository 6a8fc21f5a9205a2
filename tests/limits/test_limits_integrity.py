"""A damaged SQLite database (issue 12.14): it fails `PRAGMA quick_check` on open, so every write is refused with
a clear message and the file is left byte for byte as it was; what is still readable can be read (with a warning),
and reading a damaged page is a plain error, not a traceback. The damage is real: bytes of one b-tree page of a
copy of the demo database are overwritten. (PostgreSQL keeps its own page checksums; dxscore checks SQLite only.)"""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
from pathlib import Path

import pytest
from ceilings import run_measured

# Where to write on the page, and what: the cell pointer array, or the middle of the cell content.
DAMAGE = {
    "table-page": ("answers", "leaf", 8, b"\x00\x05" * 20),
    "index-page": ("sqlite_autoindex_answers_1", "leaf", 8, b"\x00\x05" * 20),
}


def _damaged_copy(demo_db: Path, tmp_path: Path, kind: str) -> Path:
    copy = tmp_path / "damaged.sqlite"
    shutil.copy(demo_db, copy)
    _damage(copy, kind)
    return copy


def _damage(path: Path, kind: str) -> None:
    name, page_type, offset, data = DAMAGE[kind]
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA journal_mode = DELETE")  # everything in the one file
    pages = [row[0] for row in connection.execute(
        "SELECT pageno FROM dbstat WHERE name = ? AND pagetype = ? ORDER BY pageno", (name, page_type))]
    page_size = connection.execute("PRAGMA page_size").fetchone()[0]
    connection.close()
    page = pages[len(pages) // 2]
    with open(path, "r+b") as handle:
        handle.seek((page - 1) * page_size + offset)
        handle.write(data)


def _fingerprint(path: Path) -> tuple[str, list[str]]:
    return hashlib.sha256(path.read_bytes()).hexdigest(), sorted(p.name for p in path.parent.iterdir()
                                                                  if p.name.startswith(path.name))


@pytest.mark.parametrize("kind", sorted(DAMAGE))
@pytest.mark.parametrize("args", [
    ("targets", "set", "de_share_grdp", "2025", "31"),
    ("units", "set", "00070", "--name-vi", "Phường Đổi Tên"),
    ("units", "add", "NEW01", "--kind", "commune", "--name-vi", "Xã Mới"),
])
def test_writes_to_a_damaged_database_are_refused_and_nothing_changes(kind, args, demo_db, tmp_path):
    damaged = _damaged_copy(demo_db, tmp_path, kind)
    before = _fingerprint(damaged)
    run = run_measured(*args, db=damaged, tmp=tmp_path, env={"DXSCORE_CACHE_DIR": str(tmp_path / "cache")})
    assert run.returncode == 2, run.stderr
    assert "failed SQLite's integrity check" in run.stderr and "Nothing was written" in run.stderr
    assert "restore a backup" in run.stderr
    assert "Traceback" not in run.stderr and "unexpected error" not in run.stderr
    assert _fingerprint(damaged) == before


def test_a_damaged_database_is_read_where_it_can_be_with_a_warning(demo_db, tmp_path):
    damaged = _damaged_copy(demo_db, tmp_path, "table-page")
    env = {"DXSCORE_CACHE_DIR": str(tmp_path / "cache")}
    units = run_measured("units", "list", "--kind", "commune", db=damaged, tmp=tmp_path, env=env)
    assert units.returncode == 0, units.stderr
    assert "Hoan Kiem Ward" in units.stdout  # --lang en (tests/cli_language.py): the English name
    assert "warning: the database is open for reading only: it failed SQLite's integrity check" in units.stderr
    everything = run_measured("answers", "export", db=damaged, tmp=tmp_path, env=env)  # reaches the damaged page
    assert everything.returncode == 2
    assert "the database file is damaged" in everything.stderr and "Traceback" not in everything.stderr


def test_a_sound_database_is_checked_once_until_it_changes(demo_db, tmp_path):
    """The verdict is cached by size and modification time: the second open does not check again."""
    env = {"DXSCORE_CACHE_DIR": str(tmp_path / "cache")}
    first = run_measured("units", "list", db=demo_db, tmp=tmp_path, env=env)
    assert first.returncode == 0 and "warning" not in first.stderr
    cache = tmp_path / "cache" / "checked-databases.json"
    assert str(demo_db.resolve()) in cache.read_text()
    demo_db.write_bytes(demo_db.read_bytes())  # same content, new modification time: checked again, still sound
    again = run_measured("targets", "set", "de_share_grdp", "2025", "31", db=demo_db, tmp=tmp_path, env=env)
    assert again.returncode == 0, again.stderr


def test_a_sound_database_is_not_checked_again_after_another_program_closed_it(demo_db, tmp_path):
    """Closing the last connection removes the WAL file, and the next opener creates an empty one: neither holds
    a change, so neither makes the file count as changed (the window closing must not cost the next `score` a
    quick_check, ~0.25 s on a national database)."""
    env = {"DXSCORE_CACHE_DIR": str(tmp_path / "cache")}
    cache = tmp_path / "cache" / "checked-databases.json"
    for _ in range(2):  # the first `score` keeps the cycle's results in the file (a write); the second checks that
        first = run_measured("score", "--cycle", "2025", db=demo_db, tmp=tmp_path, env=env)
        assert first.returncode == 0, first.stderr
    verdict = cache.read_bytes(), cache.stat().st_mtime_ns
    for _ in range(2):
        reader = sqlite3.connect(demo_db)  # a program that reads and closes cleanly: the WAL file goes
        reader.execute("SELECT count(*) FROM units").fetchone()
        reader.close()
        again = run_measured("score", "--cycle", "2025", db=demo_db, tmp=tmp_path, env=env)
        assert again.returncode == 0, again.stderr
        assert (cache.read_bytes(), cache.stat().st_mtime_ns) == verdict  # not checked (and recorded) again


def _pad(path: Path, megabytes: int) -> None:
    """Make the file large (as a national database is) with a kept-results row no cycle asks for."""
    connection = sqlite3.connect(path)
    connection.execute("INSERT INTO dx_cycle_results (cycle_year, target_set, fingerprint, format_version, "
                       "change_number, computed_at, size, payload) VALUES (1900, 'pad', 'pad', 0, -1, '', 0, "
                       "zeroblob(?))", (megabytes * 1024 * 1024,))
    connection.commit()
    connection.close()


def test_a_large_damaged_file_checked_while_the_command_imports_is_still_refused(demo_db, tmp_path):
    """On a large changed file the CLI starts SQLite's check on another thread and imports meanwhile
    (cli.wiring._check_early): the verdict is the same, writes are refused, nothing changes."""
    _pad(demo_db, 70)
    damaged = _damaged_copy(demo_db, tmp_path, "table-page")
    assert damaged.stat().st_size >= 64 * 1024 * 1024
    before = _fingerprint(damaged)
    env = {"DXSCORE_CACHE_DIR": str(tmp_path / "cache")}
    run = run_measured("targets", "set", "de_share_grdp", "2025", "31", db=damaged, tmp=tmp_path, env=env)
    assert run.returncode == 2, run.stderr
    assert "failed SQLite's integrity check" in run.stderr and "Nothing was written" in run.stderr
    assert _fingerprint(damaged) == before
    units = run_measured("units", "list", "--kind", "commune", db=damaged, tmp=tmp_path, env=env)
    assert units.returncode == 0 and "Hoan Kiem Ward" in units.stdout
    assert "warning: the database is open for reading only: it failed SQLite's integrity check" in units.stderr
    assert _fingerprint(damaged) == before


def test_an_early_check_gives_the_verdict_of_a_check_made_on_open(demo_db, tmp_path, monkeypatch):
    from storage import integrity

    monkeypatch.setenv(integrity.CACHE_ENV, str(tmp_path / "early-cache"))
    damaged = _damaged_copy(demo_db, tmp_path, "index-page")
    assert integrity.check_early(damaged)
    early = integrity.damage(damaged)
    assert early is not None and early == integrity.damage(damaged)  # the second: checked on the spot
    assert integrity.check_early(demo_db)
    assert integrity.damage(demo_db) is None
    assert not integrity.check_early(demo_db)  # passed unchanged: nothing to check


def test_a_file_damaged_after_its_early_check_began_is_refused(demo_db, tmp_path, monkeypatch):
    """The early verdict was for the file as it was: once the file has changed, `damage` checks it again."""
    from storage import integrity

    monkeypatch.setenv(integrity.CACHE_ENV, str(tmp_path / "early-cache"))
    copy = tmp_path / "sound.sqlite"
    shutil.copy(demo_db, copy)
    assert integrity.check_early(copy)
    integrity._early[str(copy.resolve())].done.wait()  # the sound verdict is in before the damage is done
    _damage(copy, "table-page")
    stat = copy.stat()
    os.utime(copy, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))  # a coarse clock must not hide the change
    assert integrity.damage(copy) is not None
