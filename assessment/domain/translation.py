"""A finished English message (an error raised in the core, its values filled in) in the user's language.

The core writes its messages in English; `assessment/domain/messages_vi.py` holds their Vietnamese as templates.
A message is matched against each template (a {field} matches any text, a field repeated must repeat) and the
Vietnamese is filled with the same values; a value that is itself a catalogue entry (a state, a unit kind, the
refusal after "CODE: ") is translated too. The template with the most fixed text is tried first, so a specific
template wins over a general one ("{where}: {problem}"). A message no template matches is returned unchanged.
Pure (no Qt): the CLI and the window both use it.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping

# a {field} of a template; "${name}" is XLSForm's own text, not a field
_FIELD = re.compile(r"(?<!\$)\{(\w+)(?:![rsa])?(?::[^{}]*)?\}")


class Catalogue:
    """English templates with their Vietnamese, and the matcher over them."""

    def __init__(self, vietnamese: Mapping[str, str]) -> None:
        self.vietnamese = vietnamese

    def translate(self, message: str, lang: str) -> str:
        """`message` in `lang` ("vi" or "en"); unchanged in English or when no template matches."""
        if lang != "vi":
            return message
        exact = self.vietnamese.get(message)
        if exact is not None:
            return exact
        if _GROUPED.fullmatch(message):  # a count the core wrote with English thousands commas: 1,048,576
            return message.replace(",", ".")
        for pattern, english in self.patterns:
            found = pattern.fullmatch(message)
            if found:  # a value may itself be a message or a word of the catalogue ("CODE: <a refusal>", a state)
                values = {name: self.translate(value, lang) if value else value
                          for name, value in found.groupdict().items()}
                return _fill(self.vietnamese[english], values)
        words = message.split(", ")  # a list of catalogue words ("submit, withdraw")
        if len(words) > 1 and all(word in self.vietnamese for word in words):
            return ", ".join(self.vietnamese[word] for word in words)
        return message

    def template_of(self, message: str) -> str | None:
        """The English template `message` matches (None: none does)."""
        if message in self.vietnamese:
            return message
        return next((english for pattern, english in self.patterns if pattern.fullmatch(message)), None)

    @functools.cached_property
    def patterns(self) -> list[tuple[re.Pattern[str], str]]:
        """Each template with fields as a regex; the longer literal text first, so that a specific template wins
        over a general one it also matches."""
        compiled = [(_pattern(english), english) for english in self.vietnamese if "{" in english]
        return sorted(compiled, key=lambda item: -len(_FIELD.sub("", item[1])))


_GROUPED = re.compile(r"\d{1,3}(?:,\d{3})+")


def _fill(template: str, values: dict[str, str]) -> str:
    return _FIELD.sub(lambda field: values[field.group(1)], template)


def _pattern(english: str) -> re.Pattern[str]:
    parts: list[str] = []
    seen: set[str] = set()
    last = 0
    for field in _FIELD.finditer(english):
        parts.append(re.escape(english[last:field.start()]))
        name = field.group(1)
        parts.append(f"(?P={name})" if name in seen else f"(?P<{name}>.*?)")  # a value may be empty ("{more}")
        seen.add(name)
        last = field.end()
    parts.append(re.escape(english[last:]))
    return re.compile("".join(parts), re.DOTALL)


@functools.cache
def core_catalogue() -> Catalogue:
    from assessment.domain.messages_vi import CORE_VI

    return Catalogue(CORE_VI)


def in_language(message: str, lang: str) -> str:
    """A core message in `lang`: the window's and the CLI's way to show what the core raised."""
    return core_catalogue().translate(message, lang)
