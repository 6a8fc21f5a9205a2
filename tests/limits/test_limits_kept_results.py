"""A cycle's results on a database that cannot be written (a read-only SQLite file, a read-only PostgreSQL
database) or whose integrity verdict is remembered: scoring works, nothing is kept, no error; and an empty WAL
(which every read-only open leaves behind) does not make the next process check the whole file again."""

from __future__ import annotations

import os
import shutil

from ceilings import run_measured
from test_limits_disk import read_only_db  # noqa: F401  (the fixture: each backend made read-only)


def test_a_read_only_database_scores_every_time_and_keeps_nothing(read_only_db, tmp_path):  # noqa: F811
    db, _message = read_only_db
    for _ in range(2):
        scores = run_measured("score", "--cycle", "2025", "--json", db=db, tmp=tmp_path)
        assert scores.returncode == 0, scores.stderr
        assert '"unit_code": "00070"' in scores.stdout and "Traceback" not in scores.stderr
    log = (tmp_path / "logs" / "dxscore.log").read_text(encoding="utf-8")
    assert log.count("results of cycle 2025 not kept") == 2
    assert "read from the database" not in log


def test_a_file_checked_once_is_not_checked_again_after_a_read_only_open(demo_db, tmp_path, monkeypatch):
    """The integrity verdict holds while the file is unchanged: damage made without changing its size or time is
    not looked for again (what the remembered verdict is for), even though each open re-creates an empty WAL."""
    from test_limits_integrity import _damaged_copy

    from storage.db import check_sqlite_file
    from storage.integrity import damage

    monkeypatch.setenv("DXSCORE_CACHE_DIR", str(tmp_path / "cache"))
    sound = tmp_path / "sound.sqlite"
    shutil.copy(demo_db, sound)
    assert damage(sound) is None  # checked once, verdict remembered
    check_sqlite_file(sound)  # a read-only open, as every process makes before the check
    (tmp_path / "d").mkdir()
    damaged = _damaged_copy(demo_db, tmp_path / "d", "table-page")
    stat = sound.stat()
    shutil.copyfile(damaged, sound)  # same size: the damaged copy of the same file
    os.utime(sound, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert sound.stat().st_size == stat.st_size
    assert damage(sound) is None  # the remembered verdict, not a new check
