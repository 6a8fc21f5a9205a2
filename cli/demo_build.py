"""`demo` on a new SQLite file: built under a temporary name and renamed only once complete (`demo`, `--demo`
and the headless job call it)."""

from __future__ import annotations

import argparse
import os
import shutil
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from cli.messages import say

if TYPE_CHECKING:
    from assessment.service import AssessmentService
    from assessment.services.demo import DemoCycle


def build_new_demo(args: argparse.Namespace, seed: int = 18) -> tuple[AssessmentService, list[DemoCycle]] | None:
    """Build the demo into a new SQLite file under a temporary name beside it, renamed only once complete: a full
    disk or an interruption never leaves a half-built database (one that would score every unit 0). None when
    the database already exists or is not an SQLite file (then the demo is built in place, in transactions)."""
    from cli.wiring import database_url, open_service, open_service_at, os_user
    from storage.db import sqlite_path, sqlite_url

    path = sqlite_path(database_url(args, demo_default=True))
    if path is None or (path.exists() and path.stat().st_size > 0):
        return None
    print(say(args, "Building the demo database…"), file=sys.stderr)
    path.parent.mkdir(parents=True, exist_ok=True)
    building = path.with_name(f".{path.name}.building-{os.getpid()}")
    try:
        builder = open_service_at(sqlite_url(building), args.user or os_user())
        builder.initialise()
        written = builder.demo.build(seed=seed)
        files = builder.store.files_dir()  # the demo's evidence files, named after the temporary file
        builder.store.close()
        fold_wal(building)
        _move_files(files, sqlite_files_dir(path))
        os.replace(building, path)
    finally:
        for leftover in (building, *(building.with_name(building.name + s) for s in ("-wal", "-shm", "-journal"))):
            leftover.unlink(missing_ok=True)
        shutil.rmtree(sqlite_files_dir(building), ignore_errors=True)
    return open_service(args, demo_default=True), written


def sqlite_files_dir(path: Path) -> Path:
    """Where a store on this SQLite file keeps evidence files (storage.store.SqlStore.files_dir)."""
    return path.with_name(path.stem + ".files")


def _move_files(built: Path, final: Path) -> None:
    """The evidence files beside the new demo database: merged into a folder left there (by an earlier demo
    whose database was deleted), files being named by their SHA-256."""
    if not built.is_dir():
        return
    for file in built.rglob("*"):
        if file.is_file():
            target = final / file.relative_to(built)
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(file, target)
    shutil.rmtree(built, ignore_errors=True)


def fold_wal(path: Path) -> None:
    """Fold the WAL into the file itself, so that renaming the one file moves all of it."""
    import sqlite3

    connection = sqlite3.connect(path)
    try:
        connection.execute("PRAGMA journal_mode = DELETE")
    finally:
        connection.close()
