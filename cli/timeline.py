"""The CLI of a cycle's timeline: `cycle show|set|board|reminders` and the secretariat's bulk steps
`cycle bulk start-review|return|lock` (each unit's step audited, plus one summary row)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from cli.argtypes import cycle_year, day, day_or_none
from cli.messages import lang_of, say, translated
from cli.wiring import open_service

KINDS = ("department", "district", "commune")


def _kind(args: argparse.Namespace):  # type: ignore[no-untyped-def]  # UnitKind, imported with the service
    from assessment.domain.model import UnitKind

    return UnitKind(args.kind) if args.kind else None


def cmd_cycle_show(args: argparse.Namespace) -> int:
    from assessment.domain.timeline import MILESTONES
    from assessment.services.timeline_area import milestone_label

    timeline = open_service(args).timeline.dates(args.cycle)
    lang = lang_of(args)
    for milestone in MILESTONES:
        planned = timeline.get(milestone)
        shown = planned.isoformat() if planned else say(args, "not set")
        print(f"{milestone.value:<16} {shown:<10}  {milestone_label(milestone, lang)}")
    return 0


def cmd_cycle_set(args: argparse.Namespace) -> int:
    from assessment.domain.timeline import MILESTONES

    changes = {m: getattr(args, m.value) for m in MILESTONES if getattr(args, m.value) is not _UNSET}
    if not changes:
        print(say(args, "nothing to change: give at least one of --opens, --submissions-due, --appraisal-ends, "
                        "--council, --publication"), file=sys.stderr)
        return 2
    open_service(args).timeline.set_dates(args.cycle, changes)
    return cmd_cycle_show(args)


def cmd_cycle_board(args: argparse.Namespace) -> int:
    service = open_service(args)
    lang = lang_of(args)
    if args.action == "reminders":
        rows = service.timeline.reminders(args.cycle, today=args.today, kind=_kind(args))
    else:
        rows = service.timeline.board(args.cycle, today=args.today, kind=_kind(args))
    if getattr(args, "output", None):
        count = service.timeline.export_reminders(Path(args.output), args.cycle, today=args.today,
                                                  kind=_kind(args), lang=lang)
        print(say(args, "{file}: {n} unit(s)", file=args.output, n=count))
        return 0
    for row in rows:
        late = f" +{row.days_late}d" if row.days_late else ""
        status = row.status.value if row.status else "-"
        print(f"{row.unit.code:<12} {row.label(lang) + late:<28} {status:<13} {row.answered:>3}  "
              f"{row.unit.name.get(lang)}")
    counts: dict[str, int] = {}
    for row in rows:
        counts[row.label(lang)] = counts.get(row.label(lang), 0) + 1
    print("; ".join(f"{label}: {n}" for label, n in counts.items()) or "-")
    return 0


def cmd_cycle_bulk(args: argparse.Namespace) -> int:
    area = open_service(args).timeline
    units = args.unit or None
    if args.step == "start-review":
        result = area.bulk_start_review(args.cycle, units=units, kind=_kind(args))
    elif args.step == "lock":
        result = area.bulk_lock(args.cycle, units=units, kind=_kind(args), why=args.why or "")
    else:
        result = area.bulk_return(args.cycle, units=args.unit, comment=args.comment, indicators=args.indicator,
                                  why=args.why or "")
    print(say(args, "{step}: {n} done", step=result.step, n=len(result.done))
          + (f" ({', '.join(result.done)})" if result.done else ""))
    for code, why in result.skipped.items():
        print("  " + say(args, "skipped {code}: {why}", code=code, why=translated(args, why)))
    return 1 if result.skipped else 0


_UNSET = object()


def add_commands(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    cycle = sub.add_parser("cycle", help="a cycle's timeline: planned dates, where each unit stands, reminders, "
                                         "bulk steps").add_subparsers(dest="action", required=True)
    show = cycle.add_parser("show", help="the cycle's planned dates")
    show.add_argument("--cycle", type=cycle_year, required=True)
    show.set_defaults(handler=cmd_cycle_show)

    change = cycle.add_parser("set", help="set planned dates (YYYY-MM-DD; none clears one); audited")
    change.add_argument("--cycle", type=cycle_year, required=True)
    for name in ("opens", "submissions-due", "appraisal-ends", "council", "publication"):
        change.add_argument(f"--{name}", type=day_or_none, default=_UNSET, metavar="DATE")
    change.set_defaults(handler=cmd_cycle_set)

    for name, text in (("board", "every unit: late, submitted, in review, returned, appraised, locked"),
                       ("reminders", "the units that have not submitted (-o FILE.csv|.xlsx to send)")):
        board = cycle.add_parser(name, help=text)
        board.add_argument("--cycle", type=cycle_year, required=True)
        board.add_argument("--kind", choices=KINDS)
        board.add_argument("--today", type=day, default=None, help="judge lateness on this day (default: today)")
        if name == "reminders":
            board.add_argument("-o", "--output", metavar="FILE")
        board.set_defaults(handler=cmd_cycle_board)

    bulk = cycle.add_parser("bulk", help="one step for many units: start-review (every submission), return "
                                         "(named units, with a standard comment), lock (every appraised)")
    bulk.add_argument("step", choices=("start-review", "return", "lock"))
    bulk.add_argument("--cycle", type=cycle_year, required=True)
    bulk.add_argument("--unit", action="append", default=[], help="a unit (repeat); default: every unit the step "
                                                                   "applies to (not for return)")
    bulk.add_argument("--kind", choices=KINDS)
    bulk.add_argument("--comment", default="", help="return: the standard comment")
    bulk.add_argument("--indicator", action="append", default=[], help="return: an indicator the comment is on "
                                                                       "(repeat)")
    bulk.add_argument("--why", help="reason, kept in the audit trail")
    bulk.set_defaults(handler=cmd_cycle_bulk)
