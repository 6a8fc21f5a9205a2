"""The CLI of the appraisal council and the publication of results:
`council member add|list`, `council meeting add|list`, `council decide`, `council decisions`,
`publish` (first publication or a correction) and `publication list|show|annex|verify|packages` (`packages`: one
signed publication package per unit; `show --unit CODE`: what that unit sees, in its own database too)."""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict
from pathlib import Path

from cli.argtypes import cycle_year, day
from cli.messages import lang_of, say
from cli.numbers import format_number, points_text
from cli.wiring import open_service


def _bad(message: str) -> Exception:
    from assessment.domain.errors import BadInput

    return BadInput(message)


def _vote(text: str) -> tuple[str, str]:
    name, sep, vote = text.rpartition("=")
    if not sep or not name.strip():
        raise argparse.ArgumentTypeError(f"{text!r}: a vote is NAME=for|against|abstain")
    return name.strip(), vote.strip()


def cmd_member(args: argparse.Namespace) -> int:
    area = open_service(args).council
    if args.step == "add":
        member = area.add_member(args.cycle, args.name, args.role)
        print(f"{member.position}. {member.name} — {member.role}")
        return 0
    for member in area.members(args.cycle):
        print(f"{member.position}. {member.name} — {member.role}")
    return 0


def cmd_meeting(args: argparse.Namespace) -> int:
    area = open_service(args).council
    if args.step == "add":
        if args.date is None:
            raise _bad("council meeting add needs --date YYYY-MM-DD")
        minutes = args.minutes
        if args.minutes_text:
            minutes = Path(args.minutes_text).read_text(encoding="utf-8")
        meeting = area.record_meeting(args.cycle, args.date, minutes or "",
                                      Path(args.file) if args.file else None)
        print(say(args, "meeting {id}: {date}", id=meeting.id, date=meeting.held_on.isoformat())
              + (say(args, ", minutes file {file}", file=meeting.minutes_file_name) if meeting.minutes_file_name
                 else ""))
        return 0
    for meeting in area.meetings(args.cycle):
        first = meeting.minutes.splitlines()[0] if meeting.minutes else ""
        print(f"{meeting.id:>4} {meeting.held_on.isoformat()}  {first[:80]}")
    return 0


def cmd_decide(args: argparse.Namespace) -> int:
    area = open_service(args).council
    decision = area.decide(args.meeting, unit_code=args.unit, code=args.indicator,
                           outcome="kept" if args.keep else "adjusted", points=args.points, reason=args.reason,
                           votes=dict(args.vote))
    from assessment.domain.council import Vote

    tally = decision.tally()
    votes = (say(args, "; votes for {yes}, against {no}, abstain {abstain}", yes=tally[Vote.FOR],
                 no=tally[Vote.AGAINST], abstain=tally[Vote.ABSTAIN]) if decision.votes else "")
    lang = lang_of(args)
    print(say(args, "{unit} {code}: {outcome} at {points} points (before {before}){votes}", unit=decision.unit_code,
              code=decision.indicator_code, outcome=say(args, decision.outcome.value),
              points=points_text(decision.points, lang), before=points_text(decision.previous_points, lang),
              votes=votes))
    return 0


def cmd_decisions(args: argparse.Namespace) -> int:
    for d in open_service(args).council.decisions(args.cycle):
        lang = lang_of(args)
        print(f"{d.unit_code:<12} {d.indicator_code:<8} {say(args, d.outcome.value):<8} "
              f"{points_text(d.previous_points, lang)} -> {points_text(d.points, lang)}  "
              + say(args, "(meeting {id}) {reason}", id=d.meeting_id, reason=d.reason))
    return 0


def cmd_publish(args: argparse.Namespace) -> int:
    service = open_service(args)
    if args.preview:
        units = service.publication.preview(args.cycle)
        _print_units(units, lang_of(args))
        return 0
    publication = service.publication.publish(args.cycle, decision_no=args.decision_no,
                                              decision_date=args.decision_date, reason=args.reason or "")
    ranked = sum(u.rank is not None for u in publication.units)
    print(say(args, "cycle {cycle}: publication {number} ({decision}), {ranked} ranked, {unranked} without a result; "
                    "SHA-256 {sha}", cycle=publication.cycle, number=publication.number,
              decision=publication.decision_no, ranked=ranked, unranked=len(publication.units) - ranked,
              sha=publication.results_sha256[:16]))
    for change in publication.changes:
        print("  " + say(args, "changed {unit} {what}: {old} -> {new}", unit=change.unit_code,
                         what=say(args, change.what), old=change.old, new=change.new))
    return 0


def cmd_publication(args: argparse.Namespace) -> int:
    area = open_service(args).publication
    if args.step == "list":
        for p in area.all(args.cycle):
            print(f"{p.number}  {p.published_at[:16]}  {p.decision_no}  {p.published_by}  {p.reason}")
        return 0
    if args.step == "verify":
        problems = area.verify(args.cycle) + area.s.unit_publications.verify(args.cycle)
        for problem in problems:
            print(problem)
        if not problems:
            received = len(area.s.unit_publications.received(args.cycle))
            print(say(args, "cycle {cycle}: {n} publication(s) intact", cycle=args.cycle, n=len(area.all(args.cycle)))
                  + (say(args, ", {n} received publication(s) intact", n=received) if received else ""))
        return 1 if problems else 0
    if args.step == "packages":
        return _export_packages(args, area)
    if args.step == "show" and args.unit:
        return _show_units(args)
    if args.step == "annex":
        if not args.output:
            raise _bad("publication annex needs -o FILE.pdf or FILE.xlsx")
        path = area.write_annex(Path(args.output), args.cycle, args.number, lang=lang_of(args))
        print(path)
        return 0
    publication = area.get(args.cycle, args.number)
    if args.json:
        print(json.dumps(asdict(publication), ensure_ascii=False, default=str, indent=1))
        return 0
    print(say(args, "cycle {cycle}: publication {number}, {decision}, {at} by {who}", cycle=publication.cycle,
              number=publication.number, decision=publication.decision_no, at=publication.published_at[:16],
              who=publication.published_by))
    _print_units(publication.units, lang_of(args))
    return 0


def _export_packages(args: argparse.Namespace, area) -> int:  # type: ignore[no-untyped-def]  # PublicationArea
    if not args.output:
        raise _bad("publication packages needs -o FOLDER (one .dxpkg per unit is written there)")
    service = area.s
    done = service.unit_publications.export(args.cycle, Path(args.output), number=args.number, units=args.unit or None)
    for export in done:
        if export.path is None:
            print(say(args, "skipped   {unit}: {why}", unit=export.unit_code, why=export.skipped), file=sys.stderr)
        else:
            print(f"{export.path}")
    written = sum(e.path is not None for e in done)
    fingerprint = next((e.fingerprint for e in done if e.fingerprint), "")
    print(say(args, "{written} publication package(s) written, {skipped} skipped; signed by {who}", written=written,
              skipped=len(done) - written, who=service.packages.inspector_identity)
          + (say(args, ", key fingerprint {fingerprint}", fingerprint=fingerprint) if fingerprint else ""))
    return 1 if written < len(done) else 0


def _show_units(args: argparse.Namespace) -> int:
    from assessment.domain.unit_publication import rank_text

    service, lang = open_service(args), lang_of(args)
    for code in args.unit:
        shown = service.unit_publications.shown(args.cycle, code)
        if not shown:
            raise _not_found(say(args, "{code}: no publication of {cycle} received or made here", code=code,
                                 cycle=args.cycle))
        for view in reversed(shown):
            latest = view is shown[-1]
            state = say(lang, "in force") if latest else say(lang, "superseded by publication {n}", n=shown[-1].number)
            day = view.decision_date.isoformat() if view.decision_date else say(lang, "no date")
            print(say(lang, "{code} {cycle}: publication {number} ({decision}, {day}), {state}", code=code,
                      cycle=view.cycle, number=view.number, decision=view.decision_no, day=day, state=state))
            _print_view(view, lang, rank_text(view, lang))
    return 0


def _print_view(view, lang: str, headline: str) -> None:  # type: ignore[no-untyped-def]  # UnitPublication
    r = view.result
    index = "—" if r.appraised_index is None else format_number(r.appraised_index, lang, 4)
    own = "—" if r.self_index is None else format_number(r.self_index, lang, 4)
    print("  " + say(lang, "{headline}; appraised index {index} (self-assessed {own})", headline=headline,
                     index=index, own=own))
    if view.reason:
        print("  " + say(lang, "correction: {reason}", reason=view.reason))
    for c in view.changes:
        print("  " + say(lang, "changed {what}: {old} -> {new}", what=say(lang, c.what), old=c.old, new=c.new))
    for a in view.adjustments:
        print(f"  {a.code:<8} " + say(lang, "{before} -> {after} of {max}: {reason}",
                                      before=points_text(a.self_points, lang), reason=a.reason,
                                      after=points_text(a.appraised_points, lang),
                                      max=points_text(a.max_points, lang))
              + (f" ({a.by})" if a.by else ""))
        if a.council is not None:
            c = a.council
            held = c.meeting_on.isoformat() if c.meeting_on else "?"
            print("           " + say(lang, "council {outcome} (meeting {held}; for {yes}, against {no}, abstain "
                                           "{abstain}): {reason}", outcome=say(lang, c.outcome), held=held,
                                      yes=c.votes_for, no=c.votes_against, abstain=c.votes_abstain, reason=c.reason))


def _not_found(message: str) -> Exception:
    from assessment.domain.errors import NotFound

    return NotFound(message)


def _print_units(units, lang: str) -> None:  # type: ignore[no-untyped-def]  # PublishedUnit rows
    for u in units:
        rank = f"{u.rank}/{u.peer_count}" if u.rank is not None else "—"
        index = format_number(u.appraised_index, lang, 4) if u.appraised_index is not None else "—"
        print(f"{say(lang, u.kind):<10} {rank:>7} {index:>7}  {u.unit_code:<12} {u.name(lang)}")


def add_commands(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    council = sub.add_parser("council", help="the appraisal council: members, meetings, decisions").add_subparsers(
        dest="action", required=True)
    member = council.add_parser("member", help="add or list the council's members")
    member.add_argument("step", choices=("add", "list"))
    member.add_argument("--cycle", type=cycle_year, required=True)
    member.add_argument("--name", default="")
    member.add_argument("--role", default="", help="e.g. Chủ tịch Hội đồng, Ủy viên, Thư ký")
    member.set_defaults(handler=cmd_member)

    meeting = council.add_parser("meeting", help="record or list meetings (date, minutes, signed minutes file)")
    meeting.add_argument("step", choices=("add", "list"))
    meeting.add_argument("--cycle", type=cycle_year, required=True)
    meeting.add_argument("--date", type=day)
    meeting.add_argument("--minutes", help="the minutes' text")
    meeting.add_argument("--minutes-text", metavar="FILE", help="read the minutes' text from a UTF-8 file")
    meeting.add_argument("--file", help="the signed minutes (kept beside the database under its SHA-256)")
    meeting.set_defaults(handler=cmd_meeting)

    decide = council.add_parser("decide", help="the council's decision on one disputed indicator (final)")
    decide.add_argument("--meeting", type=int, required=True)
    decide.add_argument("--unit", required=True)
    decide.add_argument("--indicator", required=True)
    how = decide.add_mutually_exclusive_group(required=True)
    how.add_argument("--keep", action="store_true", help="keep the appraised points")
    how.add_argument("--points", type=float, help="adjust the appraised points to this")
    decide.add_argument("--reason", required=True)
    decide.add_argument("--vote", type=_vote, action="append", default=[], metavar="NAME=for|against|abstain")
    decide.set_defaults(handler=cmd_decide)

    decisions = council.add_parser("decisions", help="the council's decisions in a cycle")
    decisions.add_argument("--cycle", type=cycle_year, required=True)
    decisions.set_defaults(handler=cmd_decisions)

    publish = sub.add_parser("publish", help="freeze and publish a cycle's results on the appraised scores (again: "
                                             "a correction, with --reason)")
    publish.add_argument("--cycle", type=cycle_year, required=True)
    publish.add_argument("--decision-no", default="", help="the publishing decision's number, e.g. 1234/QĐ-UBND")
    publish.add_argument("--decision-date", type=day)
    publish.add_argument("--reason", help="a correction's reason")
    publish.add_argument("--preview", action="store_true", help="show what would be published; write nothing")
    publish.set_defaults(handler=cmd_publish)

    publication = sub.add_parser("publication", help="published results: list, show, annex (PDF/xlsx), verify")
    publication.add_argument("step", choices=("list", "show", "annex", "verify", "packages"))
    publication.add_argument("--cycle", type=cycle_year, required=True)
    publication.add_argument("--number", type=int, help="which publication (default: the latest)")
    publication.add_argument("-o", "--output", help="annex: FILE.pdf or FILE.xlsx; packages: a FOLDER")
    publication.add_argument("--unit", action="append", default=[],
                             help="show: what this unit sees (also in its own database); packages: only these units")
    publication.add_argument("--json", action="store_true")
    publication.set_defaults(handler=cmd_publication)
