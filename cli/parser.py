"""The command line's parser: the options that hold for every command, then each area's commands.

The options `--db`, `--user`, `--lang` and `--demo` are accepted before the command's name and after it
(`main.py --demo score …` and `main.py score --demo …` do the same): argparse would otherwise silently keep a
subparser's default over what was given before the command."""

from __future__ import annotations

import argparse

DESCRIPTION = "dxscore: digital-transformation scores of Hanoi's departments and communes"


def _add_global_options(parser: argparse.ArgumentParser, *, default: object) -> None:
    """`default` is None on the main parser and SUPPRESS on a command's, so that an option not repeated after
    the command keeps the value given before it."""
    def option(*names: str, **kwargs: object) -> None:
        if kwargs.get("action") == "store_true" and default is argparse.SUPPRESS:
            kwargs["default"] = argparse.SUPPRESS
        elif "action" not in kwargs:
            kwargs["default"] = default
        parser.add_argument(*names, **kwargs)  # type: ignore[arg-type]

    option("--db", help="database: an SQLite file path or an SQLAlchemy URL (default: $DXSCORE_DB, then the user's "
                        "data folder)")
    option("--user", help="name recorded in the answer history (default: the login name)")
    option("--lang", choices=("vi", "en"), help="language of the window and of the command's output (default: the "
                                                 "window's setting, else vi)")
    option("--demo", action="store_true", help="open the demo database (built on first use)")


def _commands(parser: argparse.ArgumentParser) -> list[argparse.ArgumentParser]:
    """Every command's parser, nested ones (`answers import`) included."""
    found = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for child in action.choices.values():
                found += [child, *_commands(child)]
    return found


def build_parser() -> argparse.ArgumentParser:
    from cli.council import add_commands as council_commands
    from cli.data import add_commands as data_commands
    from cli.evidence import add_commands as evidence_commands
    from cli.exchange import add_commands as exchange_commands
    from cli.reference import add_commands as reference_commands
    from cli.reports import add_commands as report_commands
    from cli.scores import add_commands as score_commands
    from cli.timeline import add_commands as timeline_commands
    from cli.window import cmd_main_job

    parser = argparse.ArgumentParser(prog="dxscore", description=DESCRIPTION)
    _add_global_options(parser, default=None)
    parser.set_defaults(handler=cmd_main_job)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    score_commands(sub)  # demo, score
    data_commands(sub)  # answers, methodology, db, backup, restore
    evidence_commands(sub)  # evidence
    report_commands(sub)  # report, export scores
    reference_commands(sub)  # targets, units
    exchange_commands(sub)  # packages, keys, review, audit
    timeline_commands(sub)  # cycle show|set|board|reminders|bulk
    council_commands(sub)  # council, publish, publication
    for command in _commands(parser):
        _add_global_options(command, default=argparse.SUPPRESS)
    return parser
