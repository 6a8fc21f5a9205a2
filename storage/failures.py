"""Failures of the machine rather than of dxscore: a full disk, a read-only file or medium, a missing folder,
an output path that is a folder, a damaged database file. `explain` turns such an exception (an OSError, or a
database error from SQLite or PostgreSQL, however deeply wrapped) into a sentence a user can act on; the CLI
shows it with exit code 2 instead of "unexpected error"."""

from __future__ import annotations

import errno
import sqlite3
from pathlib import Path

_DISK_FULL = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG}
_READ_ONLY = {errno.EROFS, errno.EACCES, errno.EPERM}
# PostgreSQL SQLSTATEs: disk full, out of memory/too many files, read-only transaction, insufficient privilege.
_PG_DISK_FULL = {"53100"}
_PG_READ_ONLY = {"25006", "42501"}


def explain(exc: BaseException) -> str | None:
    """What went wrong in words, or None when the exception is not a machine failure."""
    for cause in _chain(exc):
        if isinstance(cause, OSError):
            found = _explain_os(cause)
            if found:
                return found
        if isinstance(cause, sqlite3.Error):
            found = _explain_sqlite(cause)
            if found:
                return found
        state = getattr(cause, "sqlstate", None)
        if state in _PG_DISK_FULL:
            return "the database server's disk is full; nothing was saved"
        if state in _PG_READ_ONLY:
            return "the database is read-only for this user (or the server is a read-only copy); nothing was saved"
    return None


def _chain(exc: BaseException) -> list[BaseException]:
    seen: list[BaseException] = []
    todo: list[BaseException | None] = [exc]
    while todo and len(seen) < 20:
        current = todo.pop()
        if current is None or any(current is s for s in seen):
            continue
        seen.append(current)
        todo += [getattr(current, "orig", None), current.__cause__, current.__context__]
    return seen


def _explain_os(exc: OSError) -> str | None:
    where = _where(exc)
    if exc.errno in _DISK_FULL:
        return f"the disk is full{where}; nothing was written (free some space and try again)"
    if exc.errno in _READ_ONLY:
        return f"cannot write{where}: the file or folder is read-only ({exc.strerror})"
    if exc.errno == errno.ENOENT and exc.filename:
        folder = Path(str(exc.filename2 or exc.filename)).parent
        if not folder.is_dir():
            return f"the folder {folder} does not exist; nothing was written"
    if exc.errno == errno.EISDIR:
        return f"{exc.filename2 or exc.filename} is a folder; give a file name (nothing was written)"
    if exc.errno == errno.ENOTDIR:
        return f"{exc.filename} is not inside a folder (a part of the path is a file); nothing was written"
    return None


def _explain_sqlite(exc: sqlite3.Error) -> str | None:
    message = str(exc).lower()
    if "database or disk is full" in message:
        return "the disk is full (SQLite: database or disk is full); nothing was saved (free some space and try again)"
    if "disk i/o error" in message:
        return ("the database could not be written to the disk (disk I/O error: a full disk or a file size limit?); "
                "nothing was saved")
    if "readonly database" in message or "read-only" in message:
        return "the database file is read-only; nothing was saved (reading still works: score, report, export)"
    if "malformed" in message or "not a database" in message:
        return ("the database file is damaged (SQLite: database disk image is malformed); restore a backup "
                "(dxscore restore FILE)")
    if "unable to open database file" in message:
        return "the database file cannot be opened (a missing folder, or no permission)"
    return None


def _where(exc: OSError) -> str:
    name = exc.filename2 or exc.filename
    if not name:
        return ""
    path = Path(str(name))
    if (path.name.startswith(".") and ".tmp" in path.name) or path.name.endswith(".part"):
        path = path.parent  # a temporary file beside the output: name its folder
    return f" ({path})"
