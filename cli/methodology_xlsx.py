"""The CLI of methodology workbooks: `methodology export ID -o FILE.xlsx` and `methodology import FILE.xlsx`
(XLSForm layout, see questionnaires/xlsform.py); cli/data.py registers them beside list, check and show."""

from __future__ import annotations

import argparse
import re
from pathlib import Path

from assessment.domain.errors import BadInput, NotFound
from cli.messages import lang_of, say
from cli.numbers import points_text


def cmd_methodology_export(args: argparse.Namespace) -> int:
    from cli.output import check_output
    from questionnaires.files import FileCatalog

    path = Path(args.output)
    if path.suffix.lower() != ".xlsx":
        raise BadInput(f"{path}: the workbook must be an .xlsx file; nothing was written")
    check_output(path)
    catalog = FileCatalog()
    methodology = _pick(catalog.methodologies(), args.id, args.version)
    catalog.export_methodology(methodology, path)
    print(say(args, "{id} {version}: {n} indicators written to {file}", id=methodology.id,
              version=methodology.version, n=len(methodology.indicators), file=path))
    return 0


def cmd_methodology_import(args: argparse.Namespace) -> int:
    from questionnaires.files import FileCatalog

    methodology, installed, written = FileCatalog().install_methodology(Path(args.file))
    state = say(args, "installed as") if written else say(args, "already installed, unchanged:")
    print(say(args, "{id} {version}: {n} indicators, {points} points — {state} {file}", id=methodology.id,
              version=methodology.version, n=len(methodology.indicators),
              points=points_text(methodology.max_points, lang_of(args)), state=state, file=installed))
    return 0


def _pick(methodologies, ident: str, version: str | None):  # type: ignore[no-untyped-def]
    """The methodology `ident` at `version`, or its latest version."""
    found = [m for m in methodologies if m.id == ident and (version is None or m.version == version)]
    if not found:
        known = ", ".join(sorted({f"{m.id} {m.version}" for m in methodologies}))
        raise NotFound(f"no methodology {ident!r}{f' version {version}' if version else ''} (known: {known})")
    return max(found, key=lambda m: tuple(int(p) if p.isdigit() else -1 for p in re.split(r"[.\-]", m.version)))


def add_commands(methodology: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    export = methodology.add_parser("export", help="write a methodology as an Excel workbook (XLSForm layout)")
    export.add_argument("id")
    export.add_argument("-o", "--output", required=True, metavar="FILE.xlsx")
    export.add_argument("--version", help="this version (default: the latest)")
    export.set_defaults(handler=cmd_methodology_export)
    imp = methodology.add_parser("import", help="check an Excel workbook (XLSForm layout) and install its "
                                                "methodology in the user's methodology folder (all or nothing)")
    imp.add_argument("file", metavar="FILE.xlsx")
    imp.set_defaults(handler=cmd_methodology_import)
