"""The CLI of exchange and appraisal: `packages`, `keys`, `review` and `audit` (cli.parser registers them).

Exit codes as everywhere: 0 done, 2 bad input (a refused package, a step the workflow does not allow, a
malformed --head), 1 when `audit verify` finds the chain broken, the tables differing from it, or a kept head
that the chain no longer holds.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from cli.argtypes import cycle_year, number_or_none, whole_number
from cli.messages import lang_of, say, translated
from cli.numbers import format_number, points_text

if TYPE_CHECKING:
    from assessment.exchange.package_diff import PackagePreview
    from assessment.service import AssessmentService
    from assessment.services.packages_area import ImportResult


def _service(args: argparse.Namespace) -> AssessmentService:
    from cli.wiring import open_service

    return open_service(args)


# ------------------------------------------------------------------------------------------- packages


def cmd_packages_export(args: argparse.Namespace) -> int:
    service = _service(args)
    area = service.packages
    export = area.export_return if args.action == "return" else area.export
    done = export(unit_code=args.unit, year=args.cycle, path=Path(args.output))
    created = say(args, " (key created now)") if done.key_created else ""
    print(say(args, "{path}: {kind} package of {unit} {cycle}: {answers} answers, {files} evidence files, {notes} "
                    "review notes", path=done.path, kind=done.kind, unit=args.unit, cycle=args.cycle,
              answers=done.answers, files=done.evidence_files, notes=done.notes))
    print(say(args, "signed by {signer}{created}; key fingerprint: {fingerprint}", signer=done.signer, created=created,
              fingerprint=done.fingerprint))
    print(say(args, "Read this fingerprint out to the receiver when they import the first package from you."),
          file=sys.stderr)
    return 0


def cmd_packages_import(args: argparse.Namespace) -> int:
    from assessment.exchange.package_diff import Outcome

    service = _service(args)
    trusted = {name.strip() for listed in args.trust for name in listed.split(",") if name.strip()}
    previews, results = service.packages.import_files(
        [Path(f) for f in args.files], dry_run=args.dry_run, accept_changed=args.accept_changed, trust=trusted)
    for preview in previews:
        _print_preview(args, preview, details=args.dry_run or preview.outcome == Outcome.CHANGED)
    counts: dict[str, int] = {}
    for p in previews:
        counts[say(args, p.outcome.value)] = counts.get(say(args, p.outcome.value), 0) + 1
    summary = ", ".join(f"{n} {what}" for what, n in sorted(counts.items()))
    if args.dry_run:
        print(say(args, "preview of {n} package(s): {summary}; nothing was written (--dry-run)", n=len(previews),
                  summary=summary))
        return 2 if counts.get("rejected") else 0
    _print_results(args, results)
    applied = sum(r.applied for r in results)
    print(say(args, "{n} package(s): {summary}; {applied} applied", n=len(previews), summary=summary, applied=applied))
    left = [r for r in results if not r.applied and r.preview.outcome != Outcome.UNCHANGED]
    return 2 if left else 0


def _print_preview(args: argparse.Namespace, p: PackagePreview, *, details: bool) -> None:
    where = f"{p.unit_code} {p.cycle}" if p.unit_code else ""
    print(f"{say(args, p.outcome.value):<9} {where:<14} {p.path.name}: {translated(args, p.reason)}")
    if p.fingerprint and p.key_status == "new":
        print("          " + say(args, "signed as {signer} with a key registered to nobody here: fingerprint "
                                      "{fingerprint} (check it with {signer}, then --trust {signer})",
                                signer=p.signer, fingerprint=p.fingerprint))
    elif p.fingerprint and p.key_owner:
        print("          " + say(args, "signed as {signer}; the key (fingerprint {fingerprint}) is registered here to "
                                      "{owner}", signer=p.signer, fingerprint=p.fingerprint, owner=p.key_owner))
    if not details:
        return
    if p.content is not None and p.content.manifest.audit_head:
        print("          " + say(args, "the sender's audit head when it was made: {head} (keep it: `audit verify "
                                      "--head` on their database checks it)", head=p.content.manifest.audit_head))
    for change in p.answers:
        mark = say(args, "replaces") if change.overwrites else say(args, "adds")
        here, incoming = change.here_text.get(lang_of(args)), change.incoming_text.get(lang_of(args))
        print(f"          {change.code:<8} " + say(args, "here: {here} package: {incoming} ({fields}; {mark})",
                                                   here=f"{here[:40]:<40}", incoming=incoming[:40],
                                                   fields=", ".join(change.fields), mark=mark))
    for note in p.notes:
        print(f"          {note.code:<8} " + say(args, "{field} (round {round}): {here} → {incoming}", field=note.field,
                                                   round=note.round, here=repr(note.here[:40]),
                                                   incoming=repr(note.incoming[:40])))


def _print_results(args: argparse.Namespace, results: list[ImportResult]) -> None:
    for r in results:
        if r.applied:
            print(say(args, "applied   {file}: {reason}", file=r.preview.path.name, reason=translated(args, r.reason)))
        elif r.preview.outcome.value in ("new", "changed"):
            print(say(args, "left      {file}: {reason}", file=r.preview.path.name, reason=translated(args, r.reason)),
                  file=sys.stderr)


# ------------------------------------------------------------------------------------------------ keys


def cmd_keys_list(args: argparse.Namespace) -> int:
    service = _service(args)
    keys = service.packages.trusted_keys()
    for k in keys:
        print(f"{k.identity:<32} {k.fingerprint}  {k.source:<10} {k.added_at[:16]} {k.added_by}")
    print(say(args, "{n} trusted key(s)", n=len(keys)), file=sys.stderr)
    return 0


def cmd_keys_show(args: argparse.Namespace) -> int:
    service = _service(args)
    identity = args.unit or service.packages.inspector_identity
    key = service.packages.own_key(identity, create=args.create)
    if key is None:
        print(say(args, "{identity}: no key on this computer yet (it is created on the first export, or with "
                        "--create)", identity=identity))
        return 0
    print(say(args, "{identity}: fingerprint {fingerprint}", identity=identity, fingerprint=key.fingerprint))
    return 0


def cmd_keys_import(args: argparse.Namespace) -> int:
    service = _service(args)
    done = service.packages.import_keys(Path(args.file), replace=args.replace)
    for key, changed in done:
        print(f"{key.identity:<32} {key.fingerprint}  " + (say(args, "registered") if changed else
                                                            say(args, "already known")))
    return 0


def cmd_keys_export(args: argparse.Namespace) -> int:
    service = _service(args)
    identities = [*args.unit, *([service.packages.inspector_identity] if args.inspector else [])]
    keys = service.packages.export_keys(Path(args.output), identities)
    print(say(args, "{n} key(s) written to {file}", n=len(keys), file=args.output))
    return 0


# ---------------------------------------------------------------------------------------------- review


def cmd_review(args: argparse.Namespace) -> int:
    from assessment.domain.workflow import Step

    service = _service(args)
    where = {"unit_code": args.unit, "year": args.cycle}
    area, action = service.appraisal, args.action
    if action == "show":
        return _print_sheet(service, args)
    if action == "submit":
        done = service.entry.submit(args.unit, args.cycle, args.why or "")
    elif action == "withdraw":
        done = service.entry.reopen(args.unit, args.cycle, args.why or "")
    elif action == "points":
        points = args.points
        area.set_points(**where, code=args.code, points=points, reason=args.reason)
        if points is None:
            print(say(args, "{code}: appraised points cleared ({reason})", code=args.code, reason=args.reason))
        else:
            print(say(args, "{code}: appraised points {points} ({reason})", code=args.code,
                      points=points_text(points, lang_of(args)), reason=args.reason))
        return 0
    elif action == "comment":
        area.comment(**where, code=args.code, text=args.text)
        print(say(args, "{code}: comment removed", code=args.code) if not args.text.strip() else
              say(args, "{code}: comment kept for the next return", code=args.code))
        return 0
    elif action == "reply":
        area.reply(**where, code=args.code, text=args.text)
        print(say(args, "{code}: reply saved", code=args.code))
        return 0
    elif action == "return":
        done = area.return_to_unit(**where, why=args.why or "")
    else:
        steps = {"start": Step.START_REVIEW, "appraise": Step.APPRAISE, "lock": Step.LOCK, "unlock": Step.UNLOCK,
                 "reopen": Step.REOPEN_REVIEW}
        done = area.step(steps[action], **where, why=args.why or "")
    print(say(args, "{unit} {cycle}: now {status}", unit=done.unit_code, cycle=done.cycle,
              status=say(args, done.status.value)))
    return 0


def _print_sheet(service: AssessmentService, args: argparse.Namespace) -> int:
    sheet = service.appraisal.sheet(unit_code=args.unit, year=args.cycle)
    card = sheet.scorecard
    lang = lang_of(args)
    print(say(args, "{unit} {cycle}: {status}; next: {steps}", unit=card.unit_code, cycle=card.cycle,
              status=say(args, sheet.assessment.status.value),
              steps=", ".join(s.value for s in sheet.steps) or say(args, "none")))
    index = "—" if card.index is None else format_number(card.index, lang, 4)
    line = say(args, "self-assessed {points}/{most} (index {index})", points=format_number(card.points, lang),
               most=points_text(card.max_points, lang), index=index)
    if card.appraised_points is not None:
        appraised = "—" if card.appraised_index is None else format_number(card.appraised_index, lang, 4)
        line += say(args, "; appraised {points} (index {index})", points=format_number(card.appraised_points, lang),
                    index=appraised)
    print(line)
    for code, a in sorted(sheet.appraisals.items()):
        own = next(i.points for i in card.indicators if i.code == code)
        print(f"  {code:<8} " + say(args, "appraised {points} (self-assessed {own}): {reason} — {who}",
                                    points=points_text(a.points, lang), own=points_text(own, lang), reason=a.reason,
                                    who=a.appraised_by))
    for note in sheet.notes:
        status = say(args, "open") if note.round == 0 else say(args, "round {round}", round=note.round)
        reply = say(args, " | reply: {reply}", reply=note.reply) if note.reply else ""
        print(f"  {note.indicator_code:<8} [{status}] {note.comment}{reply}")
    for entry in sheet.history:
        print(f"  {entry.at[:19]} {entry.who}: {entry.subject} {entry.old} → {entry.new} {entry.why}".rstrip())
    return 0


# ----------------------------------------------------------------------------------------------- audit


def cmd_audit_verify(args: argparse.Namespace) -> int:
    verdict = _service(args).audit.verify(args.head)
    if verdict.first_bad is not None:
        print(say(args, "audit trail BROKEN at row {row} ({rows} rows before it match): {problem}",
                  row=verdict.first_bad, rows=verdict.rows - 1, problem=verdict.problem))
        return 1
    print(say(args, "audit chain intact: {rows} rows; head {head} (full hash {hash})", rows=verdict.rows,
              head=verdict.current.text, hash=verdict.head))
    if verdict.anchor:
        print(say(args, "audit trail does NOT continue the kept head {head}: {why}", head=args.head,
                  why=verdict.anchor))
    elif args.head:
        print(say(args, "the kept head {head} is part of this chain", head=args.head))
    if verdict.mismatch:
        more = say(args, " ({n} more)", n=verdict.mismatches - 1) if verdict.mismatches > 1 else ""
        print(say(args, "tables DIFFER from the audit trail: {what}{more}", what=verdict.mismatch, more=more))
    if verdict.ok:
        print(say(args, "audit trail intact: the answers, evidence and appraisals match the trail"))
        return 0
    return 1


def cmd_audit_list(args: argparse.Namespace) -> int:
    service = _service(args)
    for e in service.audit.entries(unit_code=args.unit, year=args.cycle, limit=args.limit):
        print(f"{e.id:>7} {e.at[:19]} {e.who:<16} {e.action:<9} {e.subject:<16} {e.old or ''} → {e.new or ''}"
              + (f"  ({e.why})" if e.why else ""))
    return 0


# ---------------------------------------------------------------------------------------------- parser


def add_commands(sub: argparse._SubParsersAction) -> None:
    _packages(sub)
    _keys(sub)
    _review(sub)
    audit = sub.add_parser("audit", help="the audit trail").add_subparsers(dest="action", required=True)
    verify = audit.add_parser("verify", help="walk the hash chain, replay it against the answers, evidence and "
                                             "appraisals; report the first row or table entry that does not match")
    verify.add_argument("--head", metavar="HASH@ROWS",
                        help="a head written down earlier (a scorecard's footer, a package, `audit verify`): check "
                             "that the chain still holds it")
    verify.set_defaults(handler=cmd_audit_verify)
    alist = audit.add_parser("list", help="the trail (one assessment with --unit and --cycle)")
    alist.add_argument("--unit")
    alist.add_argument("--cycle", type=cycle_year)
    alist.add_argument("--limit", type=whole_number(1, 1_000_000), default=50)
    alist.set_defaults(handler=cmd_audit_list)


def _unit_cycle(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
    parser.add_argument("--unit", required=True)
    parser.add_argument("--cycle", type=cycle_year, required=True)
    return parser


def _packages(sub: argparse._SubParsersAction) -> None:
    packages = sub.add_parser("packages", help="signed exchange packages (.dxpkg)").add_subparsers(
        dest="action", required=True)
    exp = _unit_cycle(packages.add_parser("export", help="a unit's submission as one signed file"))
    exp.add_argument("-o", "--output", required=True, metavar="FILE")
    exp.set_defaults(handler=cmd_packages_export)
    ret = _unit_cycle(packages.add_parser("return", help="a returned assessment's comments, for the unit"))
    ret.add_argument("-o", "--output", required=True, metavar="FILE")
    ret.set_defaults(handler=cmd_packages_export)
    imp = packages.add_parser("import", help="preview, then import packages (new, unchanged, changed, conflict, "
                                             "rejected)")
    imp.add_argument("files", nargs="+", metavar="FILE")
    imp.add_argument("--dry-run", action="store_true", help="only the preview, with the differences")
    imp.add_argument("--accept-changed", action="store_true",
                     help="also apply packages that replace answers held here (after comparing them)")
    imp.add_argument("--trust", action="append", default=[], metavar="IDENTITIES",
                     help="trust the new keys of these signers only (comma-separated unit codes, e.g. 00004,00070), "
                          "after checking each fingerprint with them; inspector keys come only from a key list")
    imp.set_defaults(handler=cmd_packages_import)


def _keys(sub: argparse._SubParsersAction) -> None:
    keys = sub.add_parser("keys", help="signing keys and the keys this database trusts").add_subparsers(
        dest="action", required=True)
    keys.add_parser("list", help="the keys this database accepts packages from").set_defaults(handler=cmd_keys_list)
    show = keys.add_parser("show", help="this computer's key for a unit (or the inspector's) and its fingerprint")
    show.add_argument("--unit")
    show.add_argument("--create", action="store_true", help="create the key if there is none yet")
    show.set_defaults(handler=cmd_keys_show)
    kimp = keys.add_parser("import", help="register the keys of a key list")
    kimp.add_argument("file", metavar="FILE")
    kimp.add_argument("--replace", action="store_true", help="replace a known signer's key (a new computer)")
    kimp.set_defaults(handler=cmd_keys_import)
    kexp = keys.add_parser("export", help="write a key list: this computer's keys (--unit, --inspector) or all "
                                          "trusted keys")
    kexp.add_argument("-o", "--output", required=True, metavar="FILE")
    kexp.add_argument("--unit", action="append", default=[])
    kexp.add_argument("--inspector", action="store_true")
    kexp.set_defaults(handler=cmd_keys_export)


def _review(sub: argparse._SubParsersAction) -> None:
    review = sub.add_parser("review", help="submission and appraisal steps").add_subparsers(dest="action",
                                                                                          required=True)
    helps = {"show": "state, appraised points, comments, replies and history", "submit": "submit or resubmit",
             "withdraw": "take a submission back to draft before its review", "start": "start the review",
             "return": "return to the unit with the comments written", "appraise": "finish the appraisal",
             "lock": "lock an appraised assessment", "unlock": "unlock (needs --why)",
             "reopen": "reopen an appraisal (needs --why)"}
    for name, text in helps.items():
        step = _unit_cycle(review.add_parser(name, help=text))
        step.add_argument("--why", help="reason, kept in the audit trail")
        step.set_defaults(handler=cmd_review)
    points = _unit_cycle(review.add_parser("points", help="appraised points for an indicator (or 'none')"))
    points.add_argument("code")
    points.add_argument("points", type=number_or_none)
    points.add_argument("--reason", required=True)
    points.set_defaults(handler=cmd_review)
    for name, text in (("comment", "the inspector's comment on an indicator"), ("reply", "the unit's reply")):
        note = _unit_cycle(review.add_parser(name, help=text))
        note.add_argument("code")
        note.add_argument("text")
        note.set_defaults(handler=cmd_review)
