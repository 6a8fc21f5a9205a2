"""The CLI of printed and exported results: `report` (PDF scorecards, booklets) and `export scores` (Excel);
cli.parser registers them."""

from __future__ import annotations

import argparse
import functools
import sys
from pathlib import Path

from cli.argtypes import cycle_year, whole_number
from cli.messages import say

KINDS = ("department", "district", "commune")


def _units(text: str | None) -> list[str] | None:
    """--units: codes separated by commas, or @FILE with one code per line (blank lines and # comments skipped)."""
    if not text:
        return None
    if text.startswith("@"):
        from assessment.domain.errors import BadInput

        path = Path(text[1:])
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except OSError as exc:
            raise BadInput(f"{path}: cannot read the list of units ({exc.strerror or exc})") from None
        return [line.split("#")[0].strip() for line in lines if line.split("#")[0].strip()]
    return [code.strip() for code in text.split(",") if code.strip()]


def cmd_report(args: argparse.Namespace) -> int:
    """PDF scorecards: one unit (--unit), a booklet of a kind (--booklet) or one file per unit (--each)."""
    from assessment.domain.errors import BadInput
    from assessment.domain.model import UnitKind
    from cli.wiring import database_url, demo_banner, open_service, open_service_at

    modes = [m for m in ("unit", "booklet", "each", "city") if getattr(args, m)]
    if args.city:
        if len(modes) != 1 or args.kind or args.units:
            raise BadInput("--city is a report of its own: use it without --unit, --kind, --booklet or --each")
        service = open_service(args)
        service.reports.city_pdf(year=args.cycle, path=Path(args.output))
        print(say(args, "Resolution 18 progress report, cycle {cycle}: {file}", cycle=args.cycle, file=args.output),
              file=sys.stderr)
        demo_banner(service)
        return 0
    if len(modes) != 1 or (args.unit and args.kind) or (not args.unit and not args.kind):
        raise BadInput("report needs exactly one of: --unit CODE, --kind K --booklet, --kind K --each, --city")
    if args.units and not args.booklet:
        raise BadInput("--units selects the units of a booklet: use it with --kind K --booklet")
    service = open_service(args)
    output = Path(args.output)
    if args.unit:
        service.reports.scorecard_pdf(year=args.cycle, unit_code=args.unit, path=output)
        print(say(args, "scorecard of {unit}, cycle {cycle}: {file}", unit=args.unit, cycle=args.cycle, file=output),
              file=sys.stderr)
    elif args.booklet:
        units = _units(args.units)
        service.reports.booklet_pdf(year=args.cycle, kind=UnitKind(args.kind), path=output, units=units)
        chosen = say(args, "{n} chosen ", n=len(units)) if units else ""
        print(say(args, "booklet of {chosen}{kind} units, cycle {cycle}: {file}", chosen=chosen,
                  kind=say(args, args.kind), cycle=args.cycle, file=output), file=sys.stderr)
    else:
        opener = functools.partial(open_service_at, database_url(args), service.user)
        written = service.reports.each_pdf(year=args.cycle, kind=UnitKind(args.kind), folder=output, opener=opener,
                                           workers=args.workers)
        print(say(args, "{n} scorecards of {kind} units, cycle {cycle}: {file}", n=len(written),
                  kind=say(args, args.kind), cycle=args.cycle, file=output), file=sys.stderr)
    demo_banner(service)
    return 0


def cmd_export_scores(args: argparse.Namespace) -> int:
    from assessment.domain.model import UnitKind
    from cli.wiring import demo_banner, open_service

    service = open_service(args)
    path = service.reports.excel(year=args.cycle, kind=UnitKind(args.kind) if args.kind else None,
                                 path=Path(args.output))
    print(say(args, "scores of cycle {cycle} written to {file}", cycle=args.cycle, file=path), file=sys.stderr)
    demo_banner(service)
    return 0


def add_commands(sub: argparse._SubParsersAction) -> None:
    report = sub.add_parser("report", help="PDF scorecards: one unit, a booklet of a kind, one file per unit, or "
                                           "the city's Resolution 18 progress report")
    report.add_argument("--cycle", type=cycle_year, required=True)
    report.add_argument("--unit", help="one unit's scorecard")
    report.add_argument("--city", action="store_true",
                        help="the city's progress report against Resolution 18-NQ/TU (Báo cáo tiến độ NQ 18)")
    report.add_argument("--kind", choices=KINDS)
    report.add_argument("--booklet", action="store_true", help="with --kind: cover, ranking, heatmap, scorecards")
    report.add_argument("--units", metavar="CODES|@FILE",
                        help="with --booklet: only these units (ranks stay those of the whole peer group), e.g. the "
                             "communes formed from one former district")
    report.add_argument("--each", action="store_true", help="with --kind: one PDF per unit in the folder -o")
    report.add_argument("--workers", type=whole_number(1, 64), help="processes for --each (default: every core)")
    report.add_argument("-o", "--output", required=True, help="the PDF file (the folder with --each)")
    report.set_defaults(handler=cmd_report)

    export = sub.add_parser("export", help="export scores").add_subparsers(dest="action", required=True)
    escores = export.add_parser("scores", help="a cycle's scores as .xlsx (units × pillars, units × indicators)")
    escores.add_argument("--cycle", type=cycle_year, required=True)
    escores.add_argument("--kind", choices=KINDS)
    escores.add_argument("-o", "--output", required=True)
    escores.set_defaults(handler=cmd_export_scores)
