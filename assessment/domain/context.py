"""The names a methodology's expressions may use, and what each one is (see docs/methodology-format.md)."""

from __future__ import annotations

from collections.abc import Mapping

from assessment.domain.expressions import BOOL, NUMBER, SET, TEXT, RefInfo
from assessment.domain.model import AnswerSpec, AnswerType

UNIT_ATTRIBUTES: dict[str, str] = {
    "kind": TEXT,
    "subtype": TEXT,
    "code": TEXT,
    "urban": BOOL,
    "town": BOOL,
    "digital_economy_duty": BOOL,
}

ANSWER_KINDS: dict[AnswerType, str] = {
    AnswerType.BOOLEAN: BOOL,
    AnswerType.NUMBER: NUMBER,
    AnswerType.PERCENT: NUMBER,
    AnswerType.RATIO: NUMBER,
    AnswerType.COUNT: NUMBER,
    AnswerType.CHOICE: TEXT,
    AnswerType.MULTI_CHOICE: SET,
    AnswerType.TEXT: TEXT,
    AnswerType.DATE: TEXT,
}


class AnswerScope:
    """Resolves references against a methodology's indicators; `own` enables `value` (in validate checks)."""

    def __init__(self, specs: Mapping[str, AnswerSpec], own: str | None = None) -> None:
        self.specs = specs
        self.own = own

    def resolve(self, path: tuple[str, ...]) -> RefInfo | None:
        head = path[0]
        if path == ("cycle",):
            return RefInfo(NUMBER)
        if head == "unit":
            kind = UNIT_ATTRIBUTES.get(path[1]) if len(path) == 2 else None
            return RefInfo(kind) if kind else None
        if head == "value" and self.own in self.specs:  # (an indicator with a broken answer spec has none)
            info = self._indicator(self.own, path[1:])
            return RefInfo(info.kind, info.options, (self.own, *path[1:])) if info else None
        if head in self.specs:
            return self._indicator(head, path[1:])
        return None

    def _indicator(self, code: str, rest: tuple[str, ...]) -> RefInfo | None:
        spec = self.specs[code]
        if not rest:
            return RefInfo(ANSWER_KINDS[spec.type], spec.option_codes())
        if rest == ("answered",):
            return RefInfo(BOOL)
        if rest in (("numerator",), ("denominator",)) and spec.type == AnswerType.RATIO:
            return RefInfo(NUMBER)
        return None
