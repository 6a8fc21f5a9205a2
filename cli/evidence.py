"""The CLI of evidence: `evidence list|add|remove`, so a unit can be completed and submitted without the window.

The same rules and storage as the window's evidence dialog (`service.entry.add_evidence`): document number and
summary required, an optional date (dd/mm/yyyy or yyyy-mm-dd) and file; the file is copied beside the database
under its SHA-256. Everything is checked before anything is written: a refusal is exit code 2 with the reason.
cli.parser registers the commands."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from cli.argtypes import cycle_year, whole_number
from cli.messages import lang_of, say
from cli.numbers import format_date
from cli.wiring import demo_banner, open_service

FIRST_DATE, LAST_DATE = dt.date(1900, 1, 1), dt.date(2200, 12, 31)


def document_date(text: str) -> dt.date | None:
    """--date: a document's date, as the window takes it (dd/mm/yyyy, also yyyy-mm-dd); empty for none."""
    from assessment.domain.answers import parse_date

    if not text.strip():
        return None
    try:
        date = parse_date(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text[:40]!r} is not a date (dd/mm/yyyy or yyyy-mm-dd)") from None
    if not FIRST_DATE <= date <= LAST_DATE:
        raise argparse.ArgumentTypeError(f"{text[:40]} is out of range (a date from 1900 to 2200)")
    return date


def cmd_evidence_list(args: argparse.Namespace) -> int:
    service = open_service(args)
    session = service.entry.open(args.unit, args.cycle)
    lang = lang_of(args)
    demo_banner(service)
    codes = [args.indicator] if args.indicator else [i.code for i in session.methodology.indicators]
    if args.indicator and args.indicator not in {i.code for i in session.methodology.indicators}:
        from assessment.domain.errors import NotFound

        raise NotFound(say(args, "{id} {version} has no indicator {code!r}", id=session.methodology.id,
                           version=session.methodology.version, code=args.indicator))
    shown = 0
    for code in codes:
        answer = session.answers.get(code)
        for item in answer.evidence if answer else ():
            date = format_date(item.document_date, lang) if item.document_date else "—"
            file = f"  [{item.file_name} {item.file_sha256[:12]}]" if item.file_sha256 else ""
            print(f"{item.id:>7}  {code:<8} {item.document_number:<24} {date:<10}  {item.summary}{file}")
            shown += 1
    print(say(args, "{n} evidence item(s)", n=shown))
    return 0


def cmd_evidence_add(args: argparse.Namespace) -> int:
    from assessment.domain.errors import BadInput
    from assessment.domain.model import EvidenceItem

    for option, text in (("--number", args.number), ("--summary", args.summary)):
        if not text.strip():
            raise BadInput(say(args, "{option} is empty: give at least the document number and a summary",
                               option=option))
    service = open_service(args)
    item = EvidenceItem(args.number.strip(), args.date, args.summary.strip())
    done = service.entry.add_evidence(args.unit, args.cycle, args.indicator, item,
                                      Path(args.file) if args.file else None)
    kept = say(args, "; file {name} kept as {sha}", name=done.file_name, sha=done.file_sha256) if done.file_sha256 \
        else ""
    print(say(args, "{code}: evidence #{id} added ({number}){kept}", code=args.indicator, id=done.id,
              number=done.document_number, kept=kept))
    return 0


def cmd_evidence_remove(args: argparse.Namespace) -> int:
    service = open_service(args)
    done = service.entry.remove_evidence(args.unit, args.cycle, args.indicator, args.id, args.why or "")
    print(say(args, "{code}: evidence #{id} removed ({number})", code=args.indicator, id=args.id,
              number=done.document_number))
    return 0


def add_commands(sub: argparse._SubParsersAction) -> None:
    evidence = sub.add_parser("evidence", help="an assessment's evidence: list, add, remove").add_subparsers(
        dest="action", required=True)
    listing = _unit_cycle(evidence.add_parser("list", help="the evidence of an assessment (one indicator "
                                                           "with --indicator); the first column is `remove`'s NUMBER"))
    listing.add_argument("--indicator", metavar="CODE")
    listing.set_defaults(handler=cmd_evidence_list)
    add = _unit_cycle(evidence.add_parser("add", help="attach evidence to an answered indicator"))
    add.add_argument("indicator", metavar="CODE")
    add.add_argument("--number", required=True, help="the document's number (e.g. 12/BC-UBND)")
    add.add_argument("--date", type=document_date, help="the document's date: dd/mm/yyyy or yyyy-mm-dd")
    add.add_argument("--summary", required=True, help="what the document shows")
    add.add_argument("--file", help="the document itself (copied beside the database under its SHA-256)")
    add.set_defaults(handler=cmd_evidence_add)
    remove = _unit_cycle(evidence.add_parser("remove", help="remove one evidence item (its number from `list`)"))
    remove.add_argument("indicator", metavar="CODE")
    remove.add_argument("id", type=whole_number(1, 2**62), metavar="NUMBER")
    remove.add_argument("--why", help="reason, kept in the audit trail")
    remove.set_defaults(handler=cmd_evidence_remove)


def _unit_cycle(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
    parser.add_argument("--unit", required=True)
    parser.add_argument("--cycle", type=cycle_year, required=True)
    return parser
