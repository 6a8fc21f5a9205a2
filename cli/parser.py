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


# Which module registers each command, in the order `--help` lists them. A command line that names one of these
# builds only its module's parsers (and imports no other command module); anything else builds them all.
COMMAND_MODULES: dict[str, tuple[str, ...]] = {
    "cli.scores": ("demo", "score"),
    "cli.data": ("answers", "methodology", "db", "backup", "restore"),
    "cli.evidence": ("evidence",),
    "cli.reports": ("report", "export"),
    "cli.reference": ("targets", "units"),
    "cli.exchange": ("packages", "keys", "review", "audit"),
    "cli.timeline": ("cycle",),
    "cli.council": ("council", "publish", "publication"),
}
_VALUE_OPTIONS = ("--db", "--user", "--lang")  # the global options that take a value


def build_parser(argv: list[str] | None = None) -> argparse.ArgumentParser:
    """The parser for `argv`: only the named command's module when argv names a known command (a parser with
    every command otherwise, and when argv is None)."""
    from importlib import import_module

    from cli.window import cmd_main_job

    parser = argparse.ArgumentParser(prog="dxscore", description=DESCRIPTION)
    _add_global_options(parser, default=None)
    parser.set_defaults(handler=cmd_main_job)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    named = _named_module(argv) if argv is not None else None
    for module in [named] if named else COMMAND_MODULES:
        import_module(module).add_commands(sub)
    for command in _commands(parser):
        _add_global_options(command, default=argparse.SUPPRESS)
    return parser


def _named_module(argv: list[str]) -> str | None:
    """The module of the command `argv` names (its first word that is not a global option or an option's value);
    None when there is none, it is unknown, or help is asked for before it."""
    words = iter(argv)
    for word in words:
        if word in ("-h", "--help"):
            return None
        if word.startswith("-"):
            if len(word) > 2 and "=" not in word and any(o.startswith(word) for o in _VALUE_OPTIONS):
                next(words, None)  # --db FILE (argparse also accepts --us for --user)
            continue
        return next((module for module, names in COMMAND_MODULES.items() if word in names), None)
    return None
