"""The CLI of scores and the demo: `score` (rankings, JSON, the city's Resolution 18 progress) and `demo`;
cli.parser registers them."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from typing import TYPE_CHECKING

from cli.argtypes import cycle_year, whole_number
from cli.messages import lang_of, say
from cli.wiring import database_url, demo_banner, open_service

if TYPE_CHECKING:
    from assessment.domain.model import UnitKind
    from assessment.service import AssessmentService
    from assessment.services.scores_area import CycleScores


def cmd_demo(args: argparse.Namespace) -> int:
    from cli.demo_build import build_new_demo
    from storage.db import describe

    where = describe(database_url(args, demo_default=True))
    intro = ("Would fill the demo database {where}: synthetic answers (seed {seed}) only where an indicator has no "
             "answer, in assessments open for editing; an answer already stored is never changed." if args.dry_run else
             "Filling the demo database {where}: synthetic answers (seed {seed}) only where an indicator has no "
             "answer, in assessments open for editing; an answer already stored is never changed.")
    print(say(args, intro, where=where, seed=args.seed))
    built = None if args.dry_run else build_new_demo(args, seed=args.seed)  # a new file: built aside, renamed
    if built is not None:
        service, report = built
    else:
        service = open_service(args, demo_default=True)
        report = service.demo.build(seed=args.seed, dry_run=args.dry_run)
    demo_banner(service)
    line = ("cycle {year}: {assessments} assessments, would create {created} answers, would keep {kept} stored answers "
            "unchanged ({differ} differ from the demo's own values)" if args.dry_run else
            "cycle {year}: {assessments} assessments, created {created} answers, kept {kept} stored answers "
            "unchanged ({differ} differ from the demo's own values)")
    for cycle in report:
        text = "  " + say(args, line, year=cycle.year, assessments=cycle.assessments, created=cycle.created,
                          kept=cycle.kept, differ=cycle.kept_differing)
        if cycle.left_alone:
            text += say(args, ", {n} assessments not open for editing left alone", n=cycle.left_alone)
        print(text)
    print(say(args, "Nothing written (--dry-run).") if args.dry_run else
          say(args, "Demo database ready: {where}", where=where))
    return 0


def cmd_score(args: argparse.Namespace) -> int:
    service = open_service(args)
    if args.kind == "city":
        return _print_city(service, args)
    if args.cycle is None:
        from assessment.domain.errors import BadInput

        raise BadInput(say(args, "--cycle YEAR is required (only --kind city defaults to the latest cycle)"))
    return print_scores(service, args)


def _print_city(service: AssessmentService, args: argparse.Namespace) -> int:
    """Resolution 18 progress of the city: every target, status, series, derived figures, units behind."""
    from assessment.exchange.city_export import progress_dict, progress_lines

    year = args.cycle or max(service.cycles(), default=dt.date.today().year)
    progress = service.city.progress(year=year)
    if args.json:
        print(json.dumps(progress_dict(progress), ensure_ascii=False))
    else:
        demo_banner(service)
        print("\n".join(progress_lines(progress, lang_of(args))))
    return 0


def print_scores(service: AssessmentService, args: argparse.Namespace) -> int:
    """A cycle's ranking (text, one table per peer group) or its JSON."""
    from assessment.domain.errors import NotFound
    from assessment.domain.model import UnitKind

    kind = UnitKind(args.kind) if args.kind else None
    if args.unit:
        service.units.get(args.unit)
    # headline cards either way: --json fills in pillars and indicators from the cycle's arrays (unit_json)
    result = service.scores.for_cycle(year=args.cycle, kind=kind, unit_code=args.unit, detail=False)
    if getattr(args, "subgroup", None):  # the headless job prints the whole groups
        result = _within_subgroup(service, result, kind, args.subgroup)
    if not result.scorecards:
        raise NotFound(say(args, "no assessments in cycle {cycle}", cycle=args.cycle)
                       + (say(args, " for {kind}", kind=say(args, args.kind)) if kind else "")
                       + (say(args, " for unit {unit}", unit=args.unit) if args.unit else "")
                       + say(args, " (cycles in this database: {cycles})",
                             cycles=", ".join(map(str, service.cycles())) or say(args, "none")))
    if args.json:
        # Compact on purpose: with indent, json falls back to its pure-Python encoder (4× slower here).
        from assessment.services.export import write_cycle_json

        write_cycle_json(result, sys.stdout, service.scores.unit_json(result))
    else:
        _print_ranking(service, result, lang_of(args))
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


def _print_ranking(service: AssessmentService, result: CycleScores, lang: str) -> None:
    from cli.ranking_text import ranking_lines

    demo_banner(service)
    for line in ranking_lines(result.cycle, result.scorecards, lang):
        print(line)
    for warning in result.warnings:
        print(say(lang, "warning: {warning}", warning=warning), file=sys.stderr)


def add_commands(sub: argparse._SubParsersAction) -> None:
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
