"""The service wiring of the command line: which database a command opens (`--db`, `$DXSCORE_DB`, `--demo`),
opening the service on it, and where the log goes. Every command module takes its service from here."""

from __future__ import annotations

import argparse
import getpass
import logging
import logging.handlers
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from assessment.service import AssessmentService

log = logging.getLogger("dxscore")


def log_file() -> Path:
    import platformdirs

    folder = Path(os.environ.get("DXSCORE_LOG_DIR") or platformdirs.user_log_dir("dxscore", appauthor=False))
    return folder / "dxscore.log"


def setup_logging() -> Path:
    path = log_file()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = logging.handlers.RotatingFileHandler(path, maxBytes=2_000_000, backupCount=3,
                                                                         encoding="utf-8")
    except OSError:
        handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    return path


def demo_database_url() -> str:
    from storage.sqlite_file import default_data_dir, sqlite_url

    return sqlite_url(default_data_dir() / "demo.sqlite")


def wants_demo(args: argparse.Namespace) -> bool:
    """`--demo`, before or after the command's name."""
    return bool(getattr(args, "demo", False))


def database_url(args: argparse.Namespace, *, demo_default: bool = False) -> str:
    """--db first (with --demo it names the demo file); then --demo (or a command that defaults to the demo):
    demo.sqlite in the data folder, whatever $DXSCORE_DB says, so demo data never mixes with real data; then
    $DXSCORE_DB; then the user's data folder."""
    from storage.sqlite_file import resolve_url

    if args.db:
        return resolve_url(args.db)
    if wants_demo(args) or (demo_default and not os.environ.get("DXSCORE_DB")):
        return demo_database_url()
    return resolve_url(args.db)


def open_service(args: argparse.Namespace, *, demo_default: bool = False, preload: bool = True
                 ) -> AssessmentService:
    """The service on the command's database, initialised (migrated, reference data loaded). With --demo, the
    demo database is built first when it does not exist yet. `preload`: see _check_early (the window opens its store
    before its first paint and imports the rest after it, so it does not)."""
    if wants_demo(args):
        from cli.demo_build import build_new_demo

        built = build_new_demo(args)
        if built is not None:
            return built[0]
    return _open(args, database_url(args, demo_default=demo_default), preload=preload)


PRELOAD_MIN_BYTES = 64 * 1024 * 1024  # quick_check reads ~0.5 GB/s: from here on it outlasts the imports below


def _open(args: argparse.Namespace, url: str, *, preload: bool) -> AssessmentService:
    from assessment.domain.text_limits import clean_text

    log.info("opening %s", url)
    user = clean_text(args.user or os_user(), "user", required=True, where="--user")  # kept in every history row
    service = open_service_at(url, user, warn_read_only=True, lang=getattr(args, "lang", None), preload=preload)
    service.initialise()
    return service


def open_service_at(url: str, user: str = "dxscore", *, warn_read_only: bool = False,
                    lang: str | None = None, preload: bool = True) -> AssessmentService:
    """A service on a database as it is (not initialised): what each `report --each` worker process opens. An
    SQLite file that can be read as it is opens without SQLAlchemy until something needs it (storage.deferred).
    `preload`: see _check_early."""
    _check_early(url, preload)
    from assessment.service import AssessmentService
    from questionnaires.files import FileCatalog
    from storage.deferred import open_store

    store = open_store(url)
    if warn_read_only:
        _warn_if_read_only(store.read_only_reason(), lang)
    return AssessmentService(store, FileCatalog(), user=user)


def _check_early(url: str, preload: bool) -> None:
    """SQLite's check of an SQLite file that changed since its last check starts now, on another core, and runs
    beside the imports that come before the store opens and waits for it (storage.integrity.check_early).
    `preload`: on a large file the wait is ~0.1 s per 50 MB, so the imports that computing a cycle needs (the
    scores, and the database layer with SQLAlchemy: ~0.45 s) are made during it. A changed file most often
    means the kept results are stale, which makes computing likely. A small file's check is over before they would
    be, so they are not made early (a warm command on it still never imports SQLAlchemy)."""
    from storage.integrity import check_early
    from storage.sqlite_file import plain_sqlite_path

    path = plain_sqlite_path(url)
    if path is None or not check_early(path) or not preload:
        return
    try:
        large = path.stat().st_size >= PRELOAD_MIN_BYTES
    except OSError:
        return
    if large:
        import assessment.services.scores_area  # noqa: F401
        import storage.store  # noqa: F401


def _warn_if_read_only(reason: str | None, lang: str | None = None) -> None:
    if reason:
        from cli.messages import say

        print(say(None if lang is None else lang, "warning: the database is open for reading only: {reason}",
                  reason=reason), file=sys.stderr)


def os_user() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return "dxscore"


def demo_banner(service: AssessmentService) -> None:
    from assessment.domain.demo_data import DEMO_MARK

    if service.is_demo:
        print(f"*** {DEMO_MARK} ***")
