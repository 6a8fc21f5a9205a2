"""What importing a package would change, as plain data for the preview: the outcome (new, unchanged,
changed, conflict, rejected) and, side by side, every answer and review note that differs between this
database and the package. Pure functions; `service.packages` gathers the inputs.

An import is *changed* (and waits for the inspector's confirmation) when it would replace or remove something
this database holds: an answer's value or comment, an evidence document, a comment or a reply. Adding what is
not here yet (a first submission, answers to blank indicators, replies, a return's new comments) is *new*.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from assessment.domain.model import (
    Answer,
    AnswerType,
    AssessmentStatus,
    EvidenceItem,
    Indicator,
    IndicatorCode,
    Methodology,
    Text,
)
from assessment.domain.workflow import ReviewNote
from assessment.exchange.package_format import PackageContent

FIELDS = ("value", "numerator", "denominator", "choices", "not_applicable", "manual_points", "comment")


class Outcome(StrEnum):
    NEW = "new"
    UNCHANGED = "unchanged"
    CHANGED = "changed"
    CONFLICT = "conflict"
    REJECTED = "rejected"


@dataclass(frozen=True)
class AnswerChange:
    """One indicator whose answer differs: what this database holds and what the package brings."""

    code: str
    pillar: str
    question: Text
    here: Answer | None
    incoming: Answer | None
    here_text: Text  # the answer in words, both languages ("12 / 40", "có"/"yes", an option's label, "—")
    incoming_text: Text
    fields: tuple[str, ...]  # which of FIELDS (and "evidence") differ
    overwrites: bool  # something held here would be replaced or removed


@dataclass(frozen=True)
class NoteChange:
    code: str
    round: int
    field: str  # comment | reply
    here: str
    incoming: str

    @property
    def overwrites(self) -> bool:
        return bool(self.here)


@dataclass(frozen=True)
class PackagePreview:
    """One package in an import preview. `answers` and `notes` are the side-by-side differences; `content` is
    what `service.packages.apply` writes (kept, so applying does not read the file again)."""

    path: Path
    outcome: Outcome
    reason: str
    rejection: str = ""  # PackageRejected.reason when rejected
    package_id: str = ""
    kind: str = ""
    unit_code: str = ""
    unit_name: str = ""
    cycle: int | None = None
    author: str = ""
    created_at: str = ""
    signer: str = ""
    fingerprint: str = ""
    key_owner: str = ""  # the identity this key is registered to here ("" when it is registered to nobody)
    key_status: str = ""  # known | new (trust it after checking the fingerprint) | "" when rejected
    state_here: AssessmentStatus | None = None
    state_incoming: AssessmentStatus | None = None
    answers: tuple[AnswerChange, ...] = ()
    notes: tuple[NoteChange, ...] = ()
    content: PackageContent | None = field(default=None, repr=False, compare=False)

    @property
    def needs_confirmation(self) -> bool:
        return self.outcome == Outcome.CHANGED

    @property
    def needs_trust(self) -> bool:
        return self.key_status == "new"


EMPTY = Answer(IndicatorCode(""))


def answer_changes(methodology: Methodology, here: Mapping[str, Answer], incoming: Mapping[str, Answer]
                   ) -> list[AnswerChange]:
    """Indicators whose answer differs, in questionnaire order (an absent answer equals an empty one)."""
    changes = []
    for indicator in methodology.indicators:
        old, new = here.get(indicator.code), incoming.get(indicator.code)
        fields = differing(old or EMPTY, new or EMPTY)
        if fields:
            changes.append(AnswerChange(indicator.code, indicator.pillar, indicator.text, old, new,
                                        answer_text(indicator, old), answer_text(indicator, new), fields,
                                        _overwrites(old, new, fields)))
    return changes


def differing(a: Answer, b: Answer) -> tuple[str, ...]:
    found = tuple(f for f in FIELDS if getattr(a, f) != getattr(b, f))
    return found + (("evidence",) if evidence_keys(a.evidence) != evidence_keys(b.evidence) else ())


def evidence_keys(items: Sequence[EvidenceItem]) -> list[tuple[str, ...]]:
    return sorted((e.document_number, e.document_date.isoformat() if e.document_date else "", e.summary,
                   e.file_name or "", e.file_sha256 or "") for e in items)


def _overwrites(old: Answer | None, new: Answer | None, fields: tuple[str, ...]) -> bool:
    if old is None:
        return False
    for name in fields:
        if name == "evidence":
            if set(evidence_keys(old.evidence)) - set(evidence_keys(new.evidence if new else ())):
                return True
        elif getattr(old, name) not in (None, "", False):
            return True
    return False


def note_changes(here: Sequence[ReviewNote], incoming: Sequence[ReviewNote], take: str) -> list[NoteChange]:
    """Notes the package would change: a return brings comments, a submission brings replies (to comments
    held here; a reply to a comment this database does not have is ignored)."""
    held = {(n.round, n.indicator_code): n for n in here}
    changes = []
    for note in incoming:
        mine = held.get((note.round, note.indicator_code))
        if take == "comment" and (mine is None or mine.comment != note.comment):
            changes.append(NoteChange(note.indicator_code, note.round, "comment", mine.comment if mine else "",
                                      note.comment))
        elif take == "reply" and mine is not None and mine.reply != note.reply:
            changes.append(NoteChange(note.indicator_code, note.round, "reply", mine.reply, note.reply))
    return changes


YES, NO = Text("có", "yes"), Text("không", "no")
NOT_APPLICABLE = Text("không áp dụng", "not applicable")
NO_OPTION = Text("không có mục nào", "none of the options")


def answer_text(indicator: Indicator, answer: Answer | None) -> Text:
    """An answer as the questionnaire words it: option labels rather than codes, yes/no, not applicable."""
    if answer is None or answer.is_empty:
        return _same("—")
    if answer.not_applicable:
        return NOT_APPLICABLE
    kind = indicator.answer.type
    labels = {o.code: o.text for o in indicator.answer.options}
    if kind == AnswerType.RATIO:
        return _same(f"{_number(answer.numerator)} / {_number(answer.denominator)}")
    if kind == AnswerType.MULTI_CHOICE:
        chosen = [labels.get(c, _same(c)) for c in answer.choices or ()]
        return Text("; ".join(t.vi for t in chosen), "; ".join(t.en for t in chosen)) if chosen else NO_OPTION
    if kind == AnswerType.CHOICE and isinstance(answer.value, str):
        return labels.get(answer.value, _same(answer.value))
    if kind == AnswerType.BOOLEAN and isinstance(answer.value, float):
        return YES if answer.value == 1.0 else NO
    if isinstance(answer.value, float):
        return _same(_number(answer.value))
    if answer.value is None and answer.manual_points is not None:
        return Text(f"{_number(answer.manual_points)} điểm", f"{_number(answer.manual_points)} points")
    return _same(str(answer.value))


def _same(text: str) -> Text:
    return Text(text, text)


def _number(value: float | None) -> str:
    return "—" if value is None else f"{value:g}"
