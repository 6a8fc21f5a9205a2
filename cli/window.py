"""No command: the window; without a display, the headless job (the demo database and its current ranking).
The only CLI module that imports the GUI, and only when the window is asked for."""

from __future__ import annotations

import argparse
import functools
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from cli.messages import say
from cli.wiring import database_url, open_service, open_service_at

if TYPE_CHECKING:
    from assessment.service import AssessmentService


def cmd_main_job(args: argparse.Namespace) -> int:
    from gui.platform_check import window_problem

    problem = window_problem()  # before any QApplication: Qt aborts the process when its plugin cannot load
    if problem is None:
        return run_window(args)
    print(f"{problem}\n" + say(args, "Running the headless job instead: the demo database and its current ranking."),
          file=sys.stderr)
    return headless_job(args)


def import_core_before_qt() -> None:
    """What the window needs before its first paint: the store that reads the units and cycles of an SQLite file in
    plain sqlite3 (storage/deferred.py: SQLAlchemy is imported on the lane, after the paint, when the full store
    opens), then Qt. PySide6's import hook would read the source of every module imported after it
    (gui/qt_start.py makes that check cheap, so what a unit's form needs later, entry and scoring, is imported
    when first used, after the first paint)."""
    import questionnaires.files  # noqa: F401
    import storage.deferred  # noqa: F401
    from gui.qt_start import import_qt

    import_qt()


def run_window(args: argparse.Namespace) -> int:
    import_core_before_qt()
    from gui.app import run_window as start
    from gui.settings import DATABASE, Settings

    settings = Settings()
    if not args.db and not args.demo and settings.get(DATABASE):
        args.db = str(settings.get(DATABASE))
    url = database_url(args, demo_default=args.demo)
    opener = functools.partial(open_service_at, url, settings.user_name)  # report workers: picklable
    return start(lambda: open_service(args, demo_default=args.demo, preload=False), settings, args.lang,
                 build_demo=args.demo, opener=opener)


def headless_job(args: argparse.Namespace) -> int:
    from cli.demo_build import build_new_demo
    from cli.scores import print_scores

    built = build_new_demo(args)
    service = built[0] if built else open_service(args, demo_default=True)
    if not service.store.assessments():
        print(say(args, "Building the demo database (first run)…"), file=sys.stderr)
        service.demo.build()
    cycles = service.cycles()
    args.cycle, args.kind, args.unit, args.json = cycles[-1], None, None, False
    status = print_scores(service, args)
    sample = _sample_scorecard(service, cycles[-1])
    print("\n" + say(args, "Sample scorecard (PDF) of the first-ranked commune: {file}", file=sample))
    return status


def _sample_scorecard(service: AssessmentService, year: int) -> Path:
    """The headless job's scorecard: the best commune of the latest cycle, beside the demo database."""
    from assessment.domain.model import UnitKind
    from storage.db import default_data_dir

    cards = service.scores.for_cycle(year=year, kind=UnitKind.COMMUNE).scorecards or \
        service.scores.for_cycle(year=year).scorecards
    best = min(cards, key=lambda c: c.rank or 10**9)
    path = default_data_dir() / f"sample-scorecard-{year}-{best.unit_code}.pdf"
    path.parent.mkdir(parents=True, exist_ok=True)
    return service.reports.scorecard_pdf(year=year, unit_code=best.unit_code, path=path)
