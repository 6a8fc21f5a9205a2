"""Argument types for the command line: a value out of range is refused by argparse itself (exit code 2,
"argument --cycle: …"), so no command ever sees NaN, infinity, a 20-digit year or a non-number."""

from __future__ import annotations

import argparse
import datetime as dt
import math
from collections.abc import Callable

FIRST_CYCLE, LAST_CYCLE = 1900, 2200  # wide: a year outside the data is "no assessments in cycle …"
MAX_VALUE = 1e15  # as questionnaires.fields.MAX_NUMBER: larger than any target, count or points
NONE_WORDS = ("none", "null", "-")


def _whole(text: str, low: int, high: int, what: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text[:40]!r} is not {what}") from None
    if not low <= value <= high:
        raise argparse.ArgumentTypeError(f"{text[:40]} is out of range ({what}: {low}–{high})")
    return value


def cycle_year(text: str) -> int:
    return _whole(text, FIRST_CYCLE, LAST_CYCLE, "a cycle year")


def whole_number(low: int, high: int) -> Callable[[str], int]:
    def parse(text: str) -> int:
        return _whole(text, low, high, "a whole number")

    parse.__name__ = "whole number"
    return parse


def number_or_none(text: str) -> float | None:
    """A finite number (a comma works as the decimal mark), or 'none' to clear the value."""
    if text.strip().lower() in NONE_WORDS:
        return None
    try:
        value = float(text.strip().replace(",", "."))
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text[:40]!r} is not a number (or 'none')") from None
    if not math.isfinite(value) or abs(value) > MAX_VALUE:
        raise argparse.ArgumentTypeError(f"{text[:40]} is not a usable number (finite, at most {MAX_VALUE:.0e})")
    return value


def day(text: str) -> dt.date:
    """A date argument, YYYY-MM-DD."""
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (YYYY-MM-DD)") from None


def day_or_none(text: str) -> dt.date | None:
    """A date argument, or `none` to clear the date."""
    return None if text.strip().lower() == "none" else day(text)
