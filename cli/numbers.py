"""Numbers and dates as the command line prints them in text (never in JSON or CSV, which stay machine-
readable): Vietnamese writes 1.234,5 and 31/12/2025, English 1,234.5 and 2025-12-31."""

from __future__ import annotations

import datetime as dt


def format_number(value: float, lang: str, decimals: int = 1) -> str:
    text = f"{value:,.{decimals}f}"
    if lang == "en":
        return text
    return text.replace(",", "\0").replace(".", ",").replace("\0", ".")


def format_date(date: dt.date, lang: str) -> str:
    return date.isoformat() if lang == "en" else date.strftime("%d/%m/%Y")


def points_text(value: float, lang: str) -> str:
    """Points by the one number rule (assessment/domain/number_format.py): one decimal, none when whole."""
    from assessment.domain.number_format import points

    return points(value, lang)
