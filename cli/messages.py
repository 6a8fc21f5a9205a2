"""What the command line says, in the user's language: `--lang`, else Vietnamese (like the window).

Messages are English in the code, `say(args, "… {name} …", name=…)`, and `cli/messages_vi.py` holds their
Vietnamese (a test finds every `say` in cli/ and fails on one the catalogue lacks); the core's messages are matched
against `assessment/domain/messages_vi.py` (`translated`). What the data holds (unit
names in the other language where one is missing, codes, file names, workflow keys such as `draft`) is printed as
it is. JSON and CSV never change with the language.
"""

from __future__ import annotations

import argparse
import functools
from typing import Any

from assessment.domain.translation import Catalogue

DEFAULT_LANG = "vi"


def lang_of(args: argparse.Namespace | str | None) -> str:
    """The language of a command's output: `--lang`, else Vietnamese."""
    if isinstance(args, str):
        return args
    return (getattr(args, "lang", None) if args is not None else None) or DEFAULT_LANG


def say(args: argparse.Namespace | str | None, english: str, **params: Any) -> str:
    """`english` in the command's language, its {fields} filled in."""
    template = english
    if lang_of(args) == "vi":
        from cli.messages_vi import VI

        template = VI.get(english, english)
    return template.format(**params) if params else template


def yes_no(args: argparse.Namespace | str | None, value: bool) -> str:
    return say(args, "yes") if value else say(args, "no")


def translated(args: argparse.Namespace | str | None, message: str) -> str:
    """A finished English message (an error raised deep in the core, its values filled in) in the command's
    language: the catalogue's template it matches, filled with the same values; unchanged when none matches."""
    return _catalogue().translate(message, lang_of(args))


@functools.cache
def _catalogue() -> Catalogue:
    """The core's templates (assessment/domain/messages_vi.py) and the CLI's own, one matcher over both."""
    from cli.messages_vi import VI

    return Catalogue(VI)
