"""The command line's parser: the options that hold for every command, then each area's commands.

The options `--db`, `--user`, `--lang` and `--demo` are accepted before the command's name and after it
(`main.py --demo score …` and `main.py score --demo …` do the same): argparse would otherwise silently keep a
subparser's default over what was given before the command.

argparse's own usage errors ("the following arguments are required", "invalid choice", "usage:") follow the
command's language too: `--lang` on the command line, else Vietnamese (`Parser.error`); the exit code stays 2."""

from __future__ import annotations

import argparse
import functools
import sys
from typing import NoReturn

from assessment.domain.translation import Catalogue

DESCRIPTION = "dxscore: digital-transformation scores of Hanoi's departments and communes"


class Parser(argparse.ArgumentParser):
    """argparse's parser whose usage errors are in the command's language (commands' parsers are of this class
    too: `add_subparsers` makes its children of the parent's class)."""

    lang = "vi"  # set by `build_parser` from the command line, before anything is parsed

    def format_usage(self) -> str:
        return _usage_in(Parser.lang, super().format_usage())

    def format_help(self) -> str:
        return _usage_in(Parser.lang, super().format_help())

    def error(self, message: str) -> NoReturn:
        if Parser.lang != "vi":
            super().error(message)
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: lỗi: {_argparse_catalogue().translate(message, 'vi')}\n")


def _usage_in(lang: str, text: str) -> str:
    return "cách dùng: " + text.removeprefix("usage: ") if lang == "vi" and text.startswith("usage: ") else text


@functools.cache
def _argparse_catalogue() -> Catalogue:
    from cli.messages_vi import ARGPARSE_VI

    return Catalogue(ARGPARSE_VI)


def _lang_in(argv: list[str]) -> str:
    """The language `--lang` names on the command line (`--lang en`, `--lang=en`), else Vietnamese."""
    for n, word in enumerate(argv):
        if word == "--lang" and n + 1 < len(argv):
            return "en" if argv[n + 1] == "en" else "vi"
        if word.startswith("--lang="):
            return "en" if word == "--lang=en" else "vi"
    return "vi"


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

    Parser.lang = _lang_in(sys.argv[1:] if argv is None else argv)
    parser = Parser(prog="dxscore", description=DESCRIPTION)
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
