"""Bringing a stored copy of the shipped target set to the shipped set's current wording.

A database keeps the target set it was created with. When a release rewords a shipped text (the English
citations became Vietnamese in issue 16), an older database would show the old words for ever. A text is
replaced only when it is still one of the wordings the shipped set had before (`earlier`): such a text was never
a user's, so a user's edit — any other text — is never overwritten. Values (which users edit) are never touched.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace

from assessment.domain.model import Target, TargetSet, Text

# target id -> field (document, source, confidence, note, level, text_vi, text_en) -> earlier shipped texts
EarlierWording = Mapping[str, Mapping[str, Sequence[str]]]


def _reworded(stored: Target, shipped: Target, earlier: Mapping[str, Sequence[str]]) -> Target:
    def current(field: str, have: str, now: str) -> str:
        return now if have != now and have in earlier.get(field, ()) else have

    def field(name: str) -> str:
        return current(name, getattr(stored, name), getattr(shipped, name))

    text = Text(current("text_vi", stored.text.vi, shipped.text.vi),
                current("text_en", stored.text.en, shipped.text.en))
    return replace(stored, text=text, document=field("document"), source=field("source"),
                   confidence=field("confidence"), note=field("note"), level=field("level"))


def with_current_wording(stored: TargetSet, shipped: TargetSet, earlier: EarlierWording) -> TargetSet | None:
    """The stored set with every earlier shipped text reworded as shipped now, or None when nothing changes."""
    targets = []
    for target in stored.targets:
        now = shipped.get(target.id)
        targets.append(target if now is None else _reworded(target, now, earlier.get(target.id, {})))
    refreshed = TargetSet(stored.name, tuple(targets))
    return None if refreshed.targets == stored.targets else refreshed
