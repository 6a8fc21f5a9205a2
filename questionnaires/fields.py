"""Typed reading of YAML mappings that records every problem (file, line, field) instead of stopping."""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass, field
from typing import Any

from assessment.domain.errors import Problem
from assessment.domain.model import Text
from questionnaires.yamlsource import Node


@dataclass
class Report:
    """The problems found in one file."""

    file: str
    problems: list[Problem] = field(default_factory=list)

    def add(self, line: int | None, path: str, message: str) -> None:
        self.problems.append(Problem(self.file, line, path, message))

    @property
    def ok(self) -> bool:
        return not self.problems


_TYPE_NAMES = {str: "text", int: "a whole number", float: "a number", bool: "true or false", list: "a list",
               dict: "a mapping", dt.date: "a date (YYYY-MM-DD)"}


class Fields:
    """One YAML mapping: unknown keys are reported on construction; getters report wrong or missing values
    and return None for them."""

    def __init__(self, report: Report, node: Node | None, path: str, allowed: set[str], line: int = 0) -> None:
        self.report = report
        self.path = path
        self.line = node.line if node is not None else line
        self.ok = node is not None and isinstance(node.value, dict)
        self.node: Node = node if node is not None and self.ok else Node({}, self.line)
        if node is not None and not self.ok:
            report.add(node.line, path, f"must be a mapping (key: value), got {_describe(node.value)}")
        for key, line in self.node.key_lines.items():
            if key not in allowed:
                hint = _closest(key, allowed)
                more = f" (did you mean {hint!r}?)" if hint else f" (allowed: {', '.join(sorted(allowed))})"
                report.add(line, self.sub(key), f"unknown key{more}")

    def sub(self, key: str) -> str:
        return f"{self.path}.{key}" if self.path else key

    def has(self, key: str) -> bool:
        return key in self.node.value

    def child(self, key: str) -> Node | None:
        return self.node.value.get(key)

    def line_of(self, key: str) -> int:
        return self.node.key_lines.get(key, self.line)

    def problem(self, key: str, message: str) -> None:
        self.report.add(self.line_of(key), self.sub(key), message)

    def get(self, key: str, kind: type | tuple[type, ...], required: bool = True) -> Any:
        child = self.child(key)
        if child is None or child.value is None:
            if required:
                if child is None:
                    self.report.add(self.line, self.sub(key), "required key is missing")
                else:
                    self.problem(key, "must not be empty")
            return None
        value = child.value
        kinds = kind if isinstance(kind, tuple) else (kind,)
        if not _plausible_number(value):
            self.problem(key, f"must be a finite number of at most {MAX_NUMBER:.0e}, got {_describe(value)[:40]}")
            return None
        if float in kinds and isinstance(value, int) and not isinstance(value, bool):
            value = float(value)
        if (isinstance(value, bool) and bool not in kinds) or isinstance(value, dt.datetime):
            ok = False
        else:
            ok = isinstance(value, kinds)
        if not ok:
            expected = " or ".join(_TYPE_NAMES.get(k, k.__name__) for k in kinds)
            self.problem(key, f"must be {expected}, got {_describe(value)}")
            return None
        return value

    def string(self, key: str, required: bool = True, pattern: str | None = None, what: str = "") -> str | None:
        value = self.get(key, str, required)
        if value is not None and pattern and not re.fullmatch(pattern, value):
            self.problem(key, f"{value!r} is not {what or 'valid'}")
            return None
        return value

    def number(self, key: str, required: bool = True, minimum: float | None = None) -> float | None:
        value = self.get(key, float, required)
        if value is not None and minimum is not None and value < minimum:
            self.problem(key, f"must be at least {minimum:g}, got {value:g}")
            return None
        return value

    def integer(self, key: str, required: bool = True) -> int | None:
        return self.get(key, int, required)

    def boolean(self, key: str, default: bool) -> bool:
        value = self.get(key, bool, required=False)
        return default if value is None else value

    def choice(self, key: str, options: tuple[str, ...] | list[str], required: bool = True) -> str | None:
        value = self.get(key, str, required)
        if value is not None and value not in options:
            hint = _closest(value, set(options))
            more = f"; did you mean {hint!r}?" if hint else ""
            self.problem(key, f"unknown value {value!r} (expected one of: {', '.join(options)}){more}")
            return None
        return value

    def items(self, key: str, required: bool = True) -> list[Node]:
        child = self.child(key)
        if child is None or child.value is None:
            if required:
                self.get(key, list, True)
            return []
        if not isinstance(child.value, list):
            self.problem(key, f"must be a list, got {_describe(child.value)}")
            return []
        if required and not child.value:
            self.problem(key, "must not be empty")
        return child.value

    def text(self, key: str, required: bool = True) -> Text | None:
        child = self.child(key)
        if child is None or child.value is None:
            if required:
                self.get(key, dict, True)
            return None
        fields = Fields(self.report, child, self.sub(key), {"vi", "en"})
        if not fields.ok:
            return None
        vi, en = fields.string("vi"), fields.string("en")
        for lang, value in (("vi", vi), ("en", en)):
            if value is not None and not value.strip():
                fields.problem(lang, "must not be blank")
                return None
        return Text(vi, en) if vi is not None and en is not None else None


# Larger than any points, count, amount or percentage a methodology or target holds; NaN and infinity would
# make every comparison false and score every unit 0.
MAX_NUMBER = 1e15


def _plausible_number(value: Any) -> bool:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return True
    if isinstance(value, int):
        return abs(value) <= MAX_NUMBER
    return math.isfinite(value) and abs(value) <= MAX_NUMBER


def _describe(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, str):
        return f"text {value!r}"
    return repr(value)


def _closest(word: str, options: set[str]) -> str | None:
    import difflib

    matches = difflib.get_close_matches(word, sorted(options), n=1, cutoff=0.75)
    return matches[0] if matches else None
