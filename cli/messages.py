"""What the command line says, in the user's language: `--lang`, else Vietnamese (like the window).

Messages are English in the code, `say(args, "… {name} …", name=…)`, and `cli/messages_vi.py` holds their
Vietnamese (a test finds every `say` in cli/ and fails on one the catalogue lacks). What the data holds (unit
names in the other language where one is missing, codes, file names, workflow keys such as `draft`) is printed as
it is. JSON and CSV never change with the language.
"""

from __future__ import annotations

import argparse
import functools
import re
from typing import Any

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
    if lang_of(args) != "vi":
        return message
    from cli.messages_vi import VI

    if message in VI:
        return VI[message]
    for pattern, english in _patterns():
        found = pattern.fullmatch(message)
        if found:  # a value that is itself a catalogue word (a state, a unit kind) is translated too
            return _fill(VI[english], {name: VI.get(value, value) for name, value in found.groupdict().items()})
    return message


def _fill(template: str, values: dict[str, str]) -> str:
    return _FIELD.sub(lambda field: values[field.group(1)], template)


_FIELD = re.compile(r"\{(\w+)(?:![rsa])?(?::[^{}]*)?\}")


@functools.cache
def _patterns() -> list[tuple[re.Pattern[str], str]]:
    """Each catalogue template with fields as a regex (a field matches any text; a field repeated must repeat)."""
    from cli.messages_vi import VI

    compiled = []
    for english in VI:
        if "{" not in english:
            continue
        parts, seen, last = [], set(), 0
        for field in _FIELD.finditer(english):
            parts.append(re.escape(english[last:field.start()]))
            name = field.group(1)
            parts.append(f"(?P={name})" if name in seen else f"(?P<{name}>.+?)")
            seen.add(name)
            last = field.end()
        parts.append(re.escape(english[last:]))
        compiled.append((re.compile("".join(parts), re.DOTALL), english))
    return compiled
