"""dxscore: composition root and command line.

With no command it runs the main job: open (or build) the demo database and print the current ranking.
Subcommands run headless and never import Qt. Exit codes: 0 success, 2 bad input (the message says what
and where), 1 unexpected (the message names the log file, which keeps the traceback).
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import getpass
import json
import logging
import logging.handlers
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from assessment.domain.model import UnitKind
    from assessment.service import AssessmentService
    from assessment.services.scores_area import CycleScores

log = logging.getLogger("dxscore")


# ------------------------------------------------------------------------------------------ wiring


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
    from storage.db import default_data_dir, sqlite_url

    return sqlite_url(default_data_dir() / "demo.sqlite")


def database_url(args: argparse.Namespace, *, demo_default: bool = False) -> str:
    from storage.db import resolve_url

    if demo_default and not args.db and not os.environ.get("DXSCORE_DB"):
        return demo_database_url()
    return resolve_url(args.db)


def open_service(args: argparse.Namespace, *, demo_default: bool = False) -> AssessmentService:
    from assessment.service import AssessmentService
    from questionnaires.files import FileCatalog
    from storage.db import open_engine
    from storage.store import SqlStore

    url = database_url(args, demo_default=demo_default)
    log.info("opening %s", url)
    from assessment.domain.text_limits import clean_text

    user = clean_text(args.user or _os_user(), "user", required=True, where="--user")  # kept in every history row
    engine = open_engine(url)
    _warn_if_read_only(engine)
    service = AssessmentService(SqlStore(engine), FileCatalog(), user=user)
    service.initialise()
    return service


def _warn_if_read_only(engine) -> None:  # type: ignore[no-untyped-def]
    from storage.db import read_only_reason

    reason = read_only_reason(engine)
    if reason:
        print(f"warning: the database is open for reading only: {reason}", file=sys.stderr)


def _os_user() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return "dxscore"


def demo_banner(service: AssessmentService) -> None:
    from assessment.domain.demo_data import DEMO_MARK

    if service.is_demo:
        print(f"*** {DEMO_MARK} ***")


# ---------------------------------------------------------------------------------------- commands


def cmd_main_job(args: argparse.Namespace) -> int:
    """No command: the window; without a display, the headless job (the demo database and its ranking)."""
    from gui.app import display_available

    if display_available():
        return run_window(args)
    print("No display found (no DISPLAY or WAYLAND_DISPLAY): the window cannot open here. Running the headless "
          "job instead: the demo database and its current ranking.", file=sys.stderr)
    return headless_job(args)


def run_window(args: argparse.Namespace) -> int:
    from gui.app import run_window as start
    from gui.settings import DATABASE, Settings

    settings = Settings()
    if not args.db and not args.demo and settings.get(DATABASE):
        args.db = str(settings.get(DATABASE))
    import functools

    url = database_url(args, demo_default=args.demo)
    opener = functools.partial(open_service_at, url, settings.user_name)  # report workers: picklable
    return start(lambda: open_service(args, demo_default=args.demo), settings, args.lang, build_demo=args.demo,
                 opener=opener)


def headless_job(args: argparse.Namespace) -> int:
    from cli.demo_build import build_new_demo

    built = build_new_demo(args)
    service = built[0] if built else open_service(args, demo_default=True)
    if not service.store.assessments():
        print("Building the demo database (first run)…", file=sys.stderr)
        service.demo.build()
    cycles = service.cycles()
    args.cycle, args.kind, args.unit, args.json = cycles[-1], None, None, False
    status = _print_scores(service, args)
    sample = _sample_scorecard(service, cycles[-1])
    print(f"\nSample scorecard (PDF) of the first-ranked commune: {sample}")
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


def cmd_demo(args: argparse.Namespace) -> int:
    from cli.demo_build import build_new_demo
    from storage.db import describe

    where = describe(database_url(args, demo_default=True))
    print(f"{'Would fill' if args.dry_run else 'Filling'} the demo database {where}: synthetic answers (seed "
          f"{args.seed}) only where an indicator has no answer, in assessments open for editing; an answer "
          "already stored is never changed.")
    built = None if args.dry_run else build_new_demo(args, seed=args.seed)  # a new file: built aside, renamed
    if built is not None:
        service, report = built
    else:
        service = open_service(args, demo_default=True)
        report = service.demo.build(seed=args.seed, dry_run=args.dry_run)
    demo_banner(service)
    create, keep = ("would create", "would keep") if args.dry_run else ("created", "kept")
    for cycle in report:
        line = (f"  cycle {cycle.year}: {cycle.assessments} assessments, {create} {cycle.created} answers, {keep} "
                f"{cycle.kept} stored answers unchanged ({cycle.kept_differing} differ from the demo's own values)")
        if cycle.left_alone:
            line += f", {cycle.left_alone} assessments not open for editing left alone"
        print(line)
    print("Nothing written (--dry-run)." if args.dry_run else f"Demo database ready: {where}")
    return 0


def cmd_score(args: argparse.Namespace) -> int:
    service = open_service(args)
    if args.kind == "city":
        return _print_city(service, args)
    if args.cycle is None:
        from assessment.domain.errors import BadInput

        raise BadInput("--cycle YEAR is required (only --kind city defaults to the latest cycle)")
    return _print_scores(service, args)


def _print_city(service: AssessmentService, args: argparse.Namespace) -> int:
    """Resolution 18 progress of the city: every target, status, series, derived figures, units behind."""
    from assessment.exchange.city_export import progress_dict, progress_lines

    year = args.cycle or max(service.cycles(), default=dt.date.today().year)
    progress = service.city.progress(year=year)
    if args.json:
        print(json.dumps(progress_dict(progress), ensure_ascii=False))
    else:
        demo_banner(service)
        print("\n".join(progress_lines(progress, args.lang or "vi")))
    return 0


def _print_scores(service: AssessmentService, args: argparse.Namespace) -> int:
    from assessment.domain.errors import NotFound
    from assessment.domain.model import UnitKind

    kind = UnitKind(args.kind) if args.kind else None
    if args.unit:
        service.units.get(args.unit)
    result = service.scores.for_cycle(year=args.cycle, kind=kind, unit_code=args.unit)
    if getattr(args, "subgroup", None):  # the headless job prints the whole groups
        result = _within_subgroup(service, result, kind, args.subgroup)
    if not result.scorecards:
        raise NotFound(f"no assessments in cycle {args.cycle}" + (f" for {args.kind}" if kind else "")
                       + (f" for unit {args.unit}" if args.unit else "")
                       + f" (cycles in this database: {', '.join(map(str, service.cycles())) or 'none'})")
    if args.json:
        # Compact on purpose: with indent, json falls back to its pure-Python encoder (4× slower here).
        from assessment.services.export import cycle_dict

        print(json.dumps(cycle_dict(result), ensure_ascii=False))
    else:
        _print_ranking(service, result)
    return 0


def _within_subgroup(service: AssessmentService, result: CycleScores, kind: UnitKind | None, key: str) -> CycleScores:
    """--subgroup: the part of the peer group inspectors rank by on its own (wards, departments with the
    digital-economy duty, ...), ranked among itself."""
    import dataclasses

    from assessment.domain.comparison import within_subgroup
    from assessment.domain.errors import BadInput

    if kind is None:
        raise BadInput("--subgroup needs --kind (e.g. --kind commune --subgroup ward)")
    cards = within_subgroup(result.scorecards, kind, key, {u.code: u for u in service.units.list(kind)})
    return dataclasses.replace(result, scorecards=cards)


def _print_ranking(service: AssessmentService, result: CycleScores) -> None:
    from assessment.services.export import ranking_lines

    demo_banner(service)
    for line in ranking_lines(result.cycle, result.scorecards):
        print(line)
    for warning in result.warnings:
        print(f"warning: {warning}", file=sys.stderr)


def cmd_answers_import(args: argparse.Namespace) -> int:
    service = open_service(args)
    summary = service.answers.import_file(Path(args.file))
    r = summary.result
    print(f"{args.file}: {summary.rows} rows for {summary.assessments} assessment(s): {r.inserted} new, "
          f"{r.changed} changed, {r.unchanged} unchanged answers")
    return 0


def cmd_answers_export(args: argparse.Namespace) -> int:
    from cli.output import write_output

    service = open_service(args)
    from assessment.domain.text_limits import safe_frame, write_table

    frame = service.answers.export_frame(year=args.cycle, unit_code=args.unit)
    if not args.output or args.output == "-":
        safe_frame(frame, for_csv=True).to_csv(sys.stdout, index=False)
    else:  # text is written as text: no cell can become a spreadsheet formula; written aside, then renamed
        write_output(Path(args.output), lambda tmp: write_table(frame, tmp))
    if args.output and args.output != "-":
        print(f"{len(frame)} answers written to {args.output}", file=sys.stderr)
    return 0


def cmd_methodology_check(args: argparse.Namespace) -> int:
    from questionnaires.checker import check_file

    status = 0
    for name in args.files:
        outcome = check_file(Path(name))
        print(f"{outcome.path}: {outcome.summary}")
        from assessment.domain.errors import PROBLEMS_SHOWN

        for problem in outcome.problems[:PROBLEMS_SHOWN]:
            print(f"  {problem}")
        if len(outcome.problems) > PROBLEMS_SHOWN:
            print(f"  … and {len(outcome.problems) - PROBLEMS_SHOWN:,} more problem(s)")
        status = status if outcome.ok else 2
    return status


def cmd_methodology_show(args: argparse.Namespace) -> int:
    from assessment.exchange.methodology_view import methodology_dict, methodology_text
    from questionnaires.files import FileCatalog

    found = [m for m in FileCatalog().methodologies() if m.id == args.id]
    if not found:
        from assessment.domain.errors import NotFound

        known = ", ".join(sorted({m.id for m in FileCatalog().methodologies()}))
        raise NotFound(f"no methodology {args.id!r} (known: {known})")
    methodology = found[-1]
    if args.json:
        print(json.dumps(methodology_dict(methodology), ensure_ascii=False, indent=1))
    else:
        print(methodology_text(methodology, lang=args.lang or "vi"))
    return 0


def cmd_methodology_list(args: argparse.Namespace) -> int:
    from questionnaires.files import FileCatalog

    for m in FileCatalog().methodologies():
        cycles = f"{m.cycle_from}–{m.cycle_to or ''}"
        kinds = ", ".join(sorted(k.value for k in m.applies_to))
        print(f"{m.id:<24} {m.version:<8} {kinds:<12} {cycles:<11} {len(m.indicators):>3} indicators  {m.title.vi}")
    return 0


def cmd_db_info(args: argparse.Namespace) -> int:
    from storage.db import current_revision, describe

    service = open_service(args)
    print(f"database: {describe(database_url(args))}")
    print(f"schema:   {current_revision(service.store.engine)}")
    print(f"demo:     {'yes' if service.is_demo else 'no'}")
    for year in service.cycles():
        print(f"cycle {year}: {len(service.store.assessments(year))} assessments")
    return 0


def cmd_backup(args: argparse.Namespace) -> int:
    """Copy the SQLite database with SQLite's online backup (safe while the app and imports keep writing)."""
    from storage.backup import backup

    done = backup(database_url(args), Path(args.output), overwrite=args.force)
    print(f"backup of schema {done.revision} written to {done.path} ({done.size / 1e6:.1f} MB, "
          f"{done.seconds:.2f} s)")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    """Replace the database with a backup; the current one is kept as <name>.bak."""
    from storage.backup import restore
    from storage.db import describe

    url = database_url(args)
    done = restore(Path(args.file), url)
    service = open_service(args)  # migrates a backup from an older dxscore (copying it aside first)
    kept = f"; the previous database was kept as {done.kept}" if done.kept else ""
    print(f"restored {done.source} into {describe(url)} ({len(service.store.assessments())} assessments, "
          f"{done.seconds:.2f} s){kept}")
    return 0


def open_service_at(url: str, user: str = "dxscore") -> AssessmentService:
    """A service on an already initialised database: what each `report --each` worker process opens."""
    from assessment.service import AssessmentService
    from questionnaires.files import FileCatalog
    from storage.db import open_engine
    from storage.store import SqlStore

    return AssessmentService(SqlStore(open_engine(url)), FileCatalog(), user=user)


# ------------------------------------------------------------------------------------------ parser


def build_parser() -> argparse.ArgumentParser:
    from cli.argtypes import cycle_year, whole_number

    parser = argparse.ArgumentParser(prog="dxscore", description=__doc__.splitlines()[0])
    parser.add_argument("--db", help="database: an SQLite file path or an SQLAlchemy URL (default: $DXSCORE_DB, "
                                     "then the user's data folder)")
    parser.add_argument("--user", help="name recorded in the answer history (default: the login name)")
    parser.add_argument("--lang", choices=("vi", "en"), help="language of the window and of names in outputs "
                                                              "(default: the window's setting, else vi)")
    parser.add_argument("--demo", action="store_true", help="open the demo database (built on first use)")
    parser.set_defaults(handler=cmd_main_job)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    demo = sub.add_parser("demo", help="build the demo database (default file: demo.sqlite in the data folder)")
    demo.add_argument("--seed", type=whole_number(0, 2**31 - 1), default=18)
    demo.add_argument("--dry-run", action="store_true", help="say what would be created and kept; write nothing")
    demo.set_defaults(handler=cmd_demo)

    score = sub.add_parser("score", help="score a cycle and print the ranking or JSON")
    score.add_argument("--cycle", type=cycle_year, help="the cycle (required except with --kind city: latest cycle)")
    score.add_argument("--unit")
    score.add_argument("--kind", choices=("department", "district", "commune", "city"),
                       help="city: Hanoi's progress against Resolution 18-NQ/TU's targets")
    score.add_argument("--subgroup", help="with --kind: rank a part of the group on its own: ward | commune "
                                          "(communes), de_duty | no_de_duty (departments), urban | rural (districts)")
    score.add_argument("--json", action="store_true")
    score.set_defaults(handler=cmd_score)

    answers = sub.add_parser("answers", help="import or export answers").add_subparsers(dest="action", required=True)
    imp = answers.add_parser("import", help="import a .csv or .xlsx file (all or nothing)")
    imp.add_argument("file")
    imp.set_defaults(handler=cmd_answers_import)
    exp = answers.add_parser("export", help="export answers as CSV (default: to stdout) or .xlsx")
    exp.add_argument("-o", "--output")
    exp.add_argument("--cycle", type=cycle_year)
    exp.add_argument("--unit")
    exp.set_defaults(handler=cmd_answers_export)

    meth = sub.add_parser("methodology", help="list, check or show methodologies").add_subparsers(
        dest="action", required=True)
    meth.add_parser("list", help="the shipped methodologies").set_defaults(handler=cmd_methodology_list)
    check = meth.add_parser("check", help="validate methodology files (exit 0 valid, 2 invalid)")
    check.add_argument("files", nargs="+")
    check.set_defaults(handler=cmd_methodology_check)
    show = meth.add_parser("show", help="a methodology as loaded")
    show.add_argument("id")
    show.add_argument("--json", action="store_true")
    show.set_defaults(handler=cmd_methodology_show)

    db = sub.add_parser("db", help="database information").add_subparsers(dest="action", required=True)
    db.add_parser("info").set_defaults(handler=cmd_db_info)

    bkp = sub.add_parser("backup", help="copy the SQLite database to FILE (online: the app may keep working)")
    bkp.add_argument("-o", "--output", required=True, metavar="FILE")
    bkp.add_argument("--force", action="store_true", help="replace FILE if it exists")
    bkp.set_defaults(handler=cmd_backup)
    rst = sub.add_parser("restore", help="replace the SQLite database with a backup (the current one is kept "
                                         "as .bak)")
    rst.add_argument("file", metavar="FILE")
    rst.set_defaults(handler=cmd_restore)

    from cli.exchange import add_commands as exchange_commands
    from cli.reference import add_commands as reference_commands
    from cli.reports import add_commands as report_commands

    report_commands(sub)  # report, export scores
    reference_commands(sub)  # targets, units
    exchange_commands(sub)  # packages, keys, review, audit
    return parser



def main(argv: list[str] | None = None) -> int:
    # Short-lived process allocating many small objects: collect young generations 100× less often.
    gc.set_threshold(70_000, 20, 20)
    args = build_parser().parse_args(argv)
    log_path = setup_logging()
    sys.unraisablehook = _log_unraisable
    from cli.terminal import safe_output

    with safe_output():  # stored text reaches the terminal with its control characters escaped
        return _run(args, log_path)


def _run(args: argparse.Namespace, log_path: Path) -> int:
    from assessment.domain.errors import DxError, ProblemsError

    try:
        return args.handler(args)
    except ProblemsError as exc:
        print(exc.report(), file=sys.stderr)
        return exc.exit_code
    except DxError as exc:
        reason = _machine_failure(exc) if exc.exit_code == 1 else None
        log.info("refused: %s", reason or exc.message, exc_info=reason is not None)
        print(f"error: {reason or exc.message}", file=sys.stderr)
        return 2 if reason else exc.exit_code
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:
        reason = _machine_failure(exc)
        if reason is not None:  # the machine, not dxscore: a full disk, a read-only file, a missing folder
            log.warning("refused: %s", reason, exc_info=True)
            print(f"error: {reason}", file=sys.stderr)
            return 2
        log.exception("unexpected error in %s", " ".join(sys.argv))
        print(f"unexpected error ({exc.__class__.__name__}); the details are in {log_path}", file=sys.stderr)
        return 1


def _machine_failure(exc: BaseException) -> str | None:
    """A full disk, a read-only file, a missing folder… in words (exit code 2), or None."""
    from storage.failures import explain

    return explain(exc)


def _log_unraisable(unraisable) -> None:  # type: ignore[no-untyped-def]
    """An error in a destructor (a zip writer closing on a full disk) goes to the log, not to the terminal as
    a traceback; the error that caused it is reported by `main`."""
    log.warning("ignored in %r: %s", unraisable.object, unraisable.exc_value,
                exc_info=(unraisable.exc_type, unraisable.exc_value, unraisable.exc_traceback))


def run_as_script() -> None:
    """Run, flush, and leave without the interpreter's teardown: collecting numpy's and SQLAlchemy's module
    objects at exit costs ~0.1 s of a one-second command. Logs are flushed and closed first; databases are
    consistent at every commit (SQLite WAL), so nothing is lost."""
    code = main()
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except BrokenPipeError:
        pass
    logging.shutdown()
    os._exit(code)


if __name__ == "__main__":
    run_as_script()
