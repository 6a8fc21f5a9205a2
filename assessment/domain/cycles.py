"""Cycles: an assessment cycle is a calendar year, and its day of record is the last day of it."""

from __future__ import annotations

import datetime as dt


def cycle_day(year: int) -> dt.date:
    """Units that exist on this day are assessed in the cycle."""
    return dt.date(year, 12, 31)
