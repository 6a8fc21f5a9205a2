"""Whether an SQLite database may be written: the file must be writable and pass SQLite's `quick_check`.

A file that fails either is still opened for reading (score, report, export, backup of what is readable), through
read-only connections; `storage.db` refuses every write on it with the reason from here.

`quick_check` costs ~27 ms on the demo database and ~0.8 s on a 155 MB one (warm cache). It runs when a file is
opened and its size or modification time (or its WAL's, unless the WAL is empty or missing) differs from the
last time it passed, which is kept in the user's cache folder; so a file that was only read since is not
checked again. Bit rot that leaves the modification time alone is therefore not seen until the file next changes
(or `backup`, which checks its copy).

A command can start the check early (`check_early`, the CLI does as soon as it knows the file): it then runs on
a thread of its own while the process imports what it needs (SQLite checks without holding Python's GIL), and
`damage` waits for that verdict instead of checking again. Nothing is read from the database before `damage`
returns, as without it; a verdict for a file that has changed since the early check began is not used.
"""

from __future__ import annotations

import json
import logging
import os
import sqlite3
import threading
from dataclasses import dataclass, field
from pathlib import Path

import platformdirs

log = logging.getLogger(__name__)

CACHE_ENV = "DXSCORE_CACHE_DIR"
CACHE_ENTRIES = 50
SHOWN_PROBLEMS = 3


def writable(path: Path) -> str | None:
    """None when dxscore can write the database (file and folder, which holds the WAL); else why not."""
    if not os.access(path, os.W_OK):
        return "the file is read-only"
    if not os.access(path.parent, os.W_OK):
        return f"its folder {path.parent} is read-only"
    return None


def connect_read_only(path: Path) -> sqlite3.Connection:
    """A connection that cannot write. On a read-only medium SQLite cannot create the WAL index beside a
    WAL-mode file; then the file is opened as immutable, which is exact as long as no WAL holds changes."""
    uri = path.resolve().as_uri()
    try:
        connection = sqlite3.connect(f"{uri}?mode=ro", uri=True, check_same_thread=False)
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return connection
    except sqlite3.OperationalError:
        wal = path.with_name(path.name + "-wal")
        if wal.exists() and wal.stat().st_size > 0:
            raise
    return sqlite3.connect(f"{uri}?mode=ro&immutable=1", uri=True, check_same_thread=False)


def damage(path: Path) -> str | None:
    """None when the file passes `PRAGMA quick_check` (or passed it unchanged before); else SQLite's first
    findings, shortened."""
    stamp = _stamp(path)
    cache = _read_cache()
    if cache.get(str(path.resolve())) == stamp:
        return None
    found = _early_verdict(path, stamp)
    rows = found if found is not None else _quick_check(path)
    if isinstance(rows, str):
        return rows
    if rows == ["ok"]:
        cache.pop(str(path.resolve()), None)  # re-inserted last: the newest entries are the ones kept
        cache[str(path.resolve())] = stamp
        _write_cache(cache)
        return None
    lines = [line for row in rows for line in str(row).splitlines() if not line.startswith("***")]
    more = f" (and {len(lines) - SHOWN_PROBLEMS} more)" if len(lines) > SHOWN_PROBLEMS else ""
    return "; ".join(lines[:SHOWN_PROBLEMS]) + more


def _quick_check(path: Path) -> list[str] | str:
    """SQLite's `quick_check` rows, or why SQLite cannot check the file."""
    try:
        connection = connect_read_only(path)
        try:
            return [str(row[0]) for row in connection.execute("PRAGMA quick_check")]
        finally:
            connection.close()
    except (sqlite3.DatabaseError, MemoryError) as exc:
        return f"SQLite cannot check it: {exc or exc.__class__.__name__}"


@dataclass
class _EarlyCheck:
    stamp: list[int]
    done: threading.Event = field(default_factory=threading.Event)
    rows: list[str] | str | None = None

    def run(self, path: Path) -> None:
        try:
            self.rows = _quick_check(path)
        except Exception:  # damage() checks again on its own thread, where an error is reported
            log.info("the early integrity check of %s failed", path, exc_info=True)
        finally:
            self.done.set()


_early: dict[str, _EarlyCheck] = {}
_early_lock = threading.Lock()


def check_early(path: Path) -> bool:
    """Start the integrity check of an SQLite file in the background when opening it will need one (see the
    module docstring); whether it started (not for a missing, read-only or unchanged file)."""
    try:
        key = str(path.resolve())
        if not path.is_file() or writable(path) is not None:
            return False
        stamp = _stamp(path)
        if _read_cache().get(key) == stamp:
            return False
    except OSError:
        return False
    check = _EarlyCheck(stamp)
    with _early_lock:
        if key in _early:
            return True
        _early[key] = check
    threading.Thread(target=check.run, args=(path,), name="dxscore-integrity-check", daemon=True).start()
    return True


def _early_verdict(path: Path, stamp: list[int]) -> list[str] | str | None:
    """The early check's result for the file as it is now (waited for), or None: none began, it failed, or the
    file has changed since it began."""
    with _early_lock:
        check = _early.pop(str(path.resolve()), None)
    if check is None:
        return None
    check.done.wait()
    return check.rows if check.stamp == stamp else None


def _stamp(path: Path) -> list[int]:
    """Size and modification time of the file and of its WAL. A missing or empty WAL holds no change, and SQLite
    deletes it when the last connection closes and creates it anew on the next open: both count as [0, 0], so
    a file that was only read since its last check is not checked again."""
    parts = []
    for file in (path, path.with_name(path.name + "-wal")):
        try:
            info = file.stat()
            parts += [info.st_size, info.st_mtime_ns] if info.st_size else [0, 0]
        except OSError:
            parts += [-1, -1] if file == path else [0, 0]
    return parts


def _cache_file() -> Path:
    folder = os.environ.get(CACHE_ENV) or platformdirs.user_cache_dir("dxscore", appauthor=False)
    return Path(folder) / "checked-databases.json"


def _read_cache() -> dict[str, list[int]]:
    try:
        data = json.loads(_cache_file().read_text(encoding="utf-8"))
        return data if isinstance(data, dict) else {}
    except (OSError, ValueError):
        return {}


def _write_cache(cache: dict[str, list[int]]) -> None:
    """Best effort (a read-only home only means checking again next time); the newest entries are kept."""
    try:
        path = _cache_file()
        path.parent.mkdir(parents=True, exist_ok=True)
        kept = dict(list(cache.items())[-CACHE_ENTRIES:])
        part = path.with_name(f"{path.name}.{os.getpid()}.part")
        part.write_text(json.dumps(kept), encoding="utf-8")
        os.replace(part, path)
    except OSError as exc:
        log.info("cannot record the integrity check: %s", exc)
