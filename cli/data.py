"""The CLI of answers, methodologies and the database file: `answers import|export`, `methodology
list|check|show`, `db info`, `backup` and `restore`; cli.parser registers them."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from cli.argtypes import cycle_year
from cli.messages import lang_of, say, yes_no
from cli.numbers import format_number
from cli.wiring import database_url, open_service


def cmd_answers_import(args: argparse.Namespace) -> int:
    service = open_service(args)
    summary = service.answers.import_file(Path(args.file))
    r = summary.result
    print(say(args, "{file}: {rows} rows for {assessments} assessment(s): {new} new, {changed} changed, {same} "
                    "unchanged answers", file=args.file, rows=summary.rows, assessments=summary.assessments,
              new=r.inserted, changed=r.changed, same=r.unchanged))
    return 0


def cmd_answers_export(args: argparse.Namespace) -> int:
    from assessment.domain.text_limits import safe_frame, write_table
    from cli.output import write_output

    service = open_service(args)
    frame = service.answers.export_frame(year=args.cycle, unit_code=args.unit)
    if not args.output or args.output == "-":
        safe_frame(frame, for_csv=True).to_csv(sys.stdout, index=False)
    else:  # text is written as text: no cell can become a spreadsheet formula; written aside, then renamed
        write_output(Path(args.output), lambda tmp: write_table(frame, tmp))
    if args.output and args.output != "-":
        print(say(args, "{n} answers written to {file}", n=len(frame), file=args.output), file=sys.stderr)
    return 0


def cmd_methodology_check(args: argparse.Namespace) -> int:
    from assessment.domain.errors import PROBLEMS_SHOWN
    from questionnaires.checker import check_file

    status = 0
    for name in args.files:
        outcome = check_file(Path(name))
        print(f"{outcome.path}: {outcome.summary}")
        for problem in outcome.problems[:PROBLEMS_SHOWN]:
            print(f"  {problem}")
        if len(outcome.problems) > PROBLEMS_SHOWN:
            more = format_number(len(outcome.problems) - PROBLEMS_SHOWN, lang_of(args), 0)
            print("  " + say(args, "… and {n} more problem(s)", n=more))
        status = status if outcome.ok else 2
    return status


def cmd_methodology_show(args: argparse.Namespace) -> int:
    from assessment.exchange.methodology_view import methodology_dict, methodology_text
    from questionnaires.files import FileCatalog

    found = [m for m in FileCatalog().methodologies() if m.id == args.id]
    if not found:
        from assessment.domain.errors import NotFound

        known = ", ".join(sorted({m.id for m in FileCatalog().methodologies()}))
        raise NotFound(say(args, "no methodology {id!r} (known: {known})", id=args.id, known=known))
    methodology = found[-1]
    if args.json:
        print(json.dumps(methodology_dict(methodology), ensure_ascii=False, indent=1))
    else:
        print(methodology_text(methodology, lang=lang_of(args)))
    return 0


def cmd_methodology_list(args: argparse.Namespace) -> int:
    from questionnaires.files import FileCatalog

    lang = lang_of(args)
    for m in FileCatalog().methodologies():
        cycles = f"{m.cycle_from}–{m.cycle_to or ''}"
        kinds = ", ".join(sorted(say(args, k.value) for k in m.applies_to))
        count = say(args, "{n} indicators", n=f"{len(m.indicators):>3}")
        print(f"{m.id:<24} {m.version:<8} {kinds:<12} {cycles:<11} {count}  {m.title.get(lang)}")
    return 0


def cmd_db_info(args: argparse.Namespace) -> int:
    from storage.db import current_revision, describe

    service = open_service(args)
    print(say(args, "database: {where}", where=describe(database_url(args))))
    print(say(args, "schema:   {revision}", revision=current_revision(service.store.engine)))
    print(say(args, "demo:     {demo}", demo=yes_no(args, service.is_demo)))
    for year in service.cycles():
        print(say(args, "cycle {year}: {n} assessments", year=year, n=len(service.store.assessments(year))))
    return 0


def cmd_backup(args: argparse.Namespace) -> int:
    """Copy the SQLite database with SQLite's online backup (safe while the app and imports keep writing)."""
    from storage.backup import backup

    done = backup(database_url(args), Path(args.output), overwrite=args.force)
    lang = lang_of(args)
    print(say(args, "backup of schema {revision} written to {path} ({size} MB, {seconds} s)", revision=done.revision,
              path=done.path, size=format_number(done.size / 1e6, lang), seconds=format_number(done.seconds, lang, 2)))
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    """Replace the database with a backup; the current one is kept as <name>.bak."""
    from storage.backup import restore
    from storage.db import describe

    url = database_url(args)
    done = restore(Path(args.file), url)
    service = open_service(args)  # migrates a backup from an older dxscore (copying it aside first)
    kept = say(args, "; the previous database was kept as {path}", path=done.kept) if done.kept else ""
    print(say(args, "restored {source} into {target} ({n} assessments, {seconds} s){kept}", source=done.source,
              target=describe(url), n=len(service.store.assessments()),
              seconds=format_number(done.seconds, lang_of(args), 2), kept=kept))
    return 0


def add_commands(sub: argparse._SubParsersAction) -> None:
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
    from cli.methodology_xlsx import add_commands as methodology_xlsx_commands

    methodology_xlsx_commands(meth)  # methodology export|import (Excel, XLSForm layout)

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
