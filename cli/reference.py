"""The CLI of reference data: `targets list|import|set` and `units list|set|add|remove`; cli.parser registers
them."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from cli.argtypes import cycle_year, number_or_none
from cli.messages import lang_of, say, yes_no


def _service(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    from cli.wiring import open_service

    return open_service(args)


def cmd_targets_list(args: argparse.Namespace) -> int:
    service = _service(args)
    targets = service.targets.active()
    print(say(args, "Target set: {name}", name=targets.name))
    for t in targets.targets:
        values = ", ".join(f"{y}: {_number(args, v)}" for y, v in t.values) or say(args, "qualitative")
        flag = say(args, " [UNCONFIRMED]") if t.unconfirmed else ""
        print(f"  {t.id:<40} {t.direction:<3} {values:<26} {t.document}{flag}")
        print(f"      {t.text.get(lang_of(args))}")
        above = " → ".join(higher.id for higher in targets.chain(t.id)[1:])
        serves = say(args, "; serves: {above}", above=above) if above else ""
        print("      " + say(args, "level: {level}; confidence: {confidence}{serves}",
                             level=say(args, t.level) if t.level else "?",
                             confidence=say(args, t.confidence) if t.confidence else "?", serves=serves))
    return 0


def cmd_targets_import(args: argparse.Namespace) -> int:
    service = _service(args)
    imported = service.targets.import_file(Path(args.file), name=args.name, make_default=not args.keep_default)
    state = say(args, "not made active") if args.keep_default else say(args, "now the active target set")
    print(say(args, "{file}: {n} targets imported as {name!r} ({state})", file=args.file, n=len(imported.targets),
              name=imported.name, state=state))
    return 0


def cmd_targets_set(args: argparse.Namespace) -> int:
    service = _service(args)
    target = service.targets.set_value(args.id, args.year, args.value)
    print(f"{target.id}: " + (", ".join(f"{y}: {_number(args, v)}" for y, v in target.values)
                              or say(args, "no values")))
    return 0


def cmd_units_list(args: argparse.Namespace) -> int:
    from assessment.domain.model import UnitKind

    service = _service(args)
    units = service.units.list(UnitKind(args.kind) if args.kind else None, active_in=args.cycle)
    for u in units:
        span = f"{u.valid_from or '…'} – {u.valid_until or '…'}"
        flags = (say(args, " [digital economy]") if u.digital_economy_duty else "") + \
            (say(args, " [unconfirmed]") if u.unconfirmed else "")
        print(f"{u.code:<18} {say(args, u.kind.value):<10} {say(args, u.subtype):<14} {span:<25} "
              f"{u.name.get(lang_of(args))}{flags}")
    print(say(args, "{n} units", n=len(units)), file=sys.stderr)
    return 0


def cmd_units_set(args: argparse.Namespace) -> int:
    service = _service(args)
    unit = service.units.get(args.code)
    if args.digital_economy is not None:
        unit = service.units.set_digital_economy_duty(args.code, args.digital_economy == "yes")
    changes = {k: v for k, v in (("name_vi", args.name_vi), ("name_en", args.name_en)) if v is not None}
    if changes:
        unit = service.units.update(args.code, **changes)
    print(say(args, "{code}: {name} — digital-economy duty: {duty}", code=unit.code, name=unit.name.get(lang_of(args)),
              duty=yes_no(args, unit.digital_economy_duty)))
    return 0


def cmd_units_add(args: argparse.Namespace) -> int:
    from assessment.domain.model import SUBTYPES, Text, Unit, UnitCode, UnitKind

    kind = UnitKind(args.kind)
    subtype = args.subtype or SUBTYPES[kind][0]
    if subtype not in SUBTYPES[kind]:
        from assessment.domain.errors import BadInput

        raise BadInput(say(args, "subtype {subtype!r} does not fit kind {kind} (use: {known})", subtype=subtype,
                           kind=say(args, kind.value), known=", ".join(SUBTYPES[kind])))
    unit = Unit(UnitCode(args.code), kind, subtype, Text(args.name_vi, args.name_en or args.name_vi),
                _date(args.valid_from), _date(args.valid_until), args.digital_economy == "yes")
    added = _service(args).units.add(unit)
    print(say(args, "added {code}: {name}", code=added.code, name=added.name.get(lang_of(args))))
    return 0


def cmd_units_remove(args: argparse.Namespace) -> int:
    _service(args).units.remove(args.code)
    print(say(args, "removed {code}", code=args.code))
    return 0


def _number(args: argparse.Namespace, value: float) -> str:
    """A target value in the language's writing, its decimals kept (70, 7,5, 0,25)."""
    from assessment.domain.answers import typed_number
    from assessment.domain.number_format import decimal_mark

    return typed_number(value, decimal_mark(lang_of(args)))


def _date(text: str | None) -> dt.date | None:
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        from assessment.domain.errors import BadInput

        raise BadInput(f"{text!r} is not a date (YYYY-MM-DD)") from None



def add_commands(sub: argparse._SubParsersAction) -> None:
    targets = sub.add_parser("targets", help="list, import or edit targets").add_subparsers(dest="action",
                                                                                             required=True)
    targets.add_parser("list", help="the active target set").set_defaults(handler=cmd_targets_list)
    timp = targets.add_parser("import", help="import a target file (.yaml like targets.yaml, or .csv)")
    timp.add_argument("file")
    timp.add_argument("--name", help="name of the target set (default: the file name)")
    timp.add_argument("--keep-default", action="store_true", help="store the set without making it active")
    timp.set_defaults(handler=cmd_targets_import)
    tset = targets.add_parser("set", help="change one value of the active target set")
    tset.add_argument("id")
    tset.add_argument("year", type=cycle_year)
    tset.add_argument("value", type=number_or_none, help="a number, or 'none' to remove the value")
    tset.set_defaults(handler=cmd_targets_set)

    units = sub.add_parser("units", help="list and edit units").add_subparsers(dest="action", required=True)
    ulist = units.add_parser("list")
    ulist.add_argument("--kind", choices=("department", "district", "commune", "city"))
    ulist.add_argument("--cycle", type=cycle_year, help="only units that exist in this cycle")
    ulist.set_defaults(handler=cmd_units_list)
    uset = units.add_parser("set", help="edit a unit (names, digital-economy duty)")
    uset.add_argument("code")
    uset.add_argument("--digital-economy", choices=("yes", "no"))
    uset.add_argument("--name-vi")
    uset.add_argument("--name-en")
    uset.set_defaults(handler=cmd_units_set)
    uadd = units.add_parser("add", help="add a unit (e.g. one of QĐ 5279's departments)")
    uadd.add_argument("code")
    uadd.add_argument("--kind", required=True, choices=("department", "district", "commune"))
    uadd.add_argument("--subtype")
    uadd.add_argument("--name-vi", required=True)
    uadd.add_argument("--name-en")
    uadd.add_argument("--valid-from")
    uadd.add_argument("--valid-until")
    uadd.add_argument("--digital-economy", choices=("yes", "no"), default="no")
    uadd.set_defaults(handler=cmd_units_add)
    urem = units.add_parser("remove", help="remove a unit that has no assessments")
    urem.add_argument("code")
    urem.set_defaults(handler=cmd_units_remove)
