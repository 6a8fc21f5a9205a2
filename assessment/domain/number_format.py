"""One rule for the numbers a person reads, in the window, the PDFs and the Excel workbook: points with one
decimal, none when whole ("87,5", "100"); an index with 4 decimals ("0,7577"); Vietnamese writes a decimal comma
and a thousands dot, English the other way round."""

from __future__ import annotations

DASH = "—"
POINTS_DECIMALS = 1
INDEX_DECIMALS = 4
EXCEL_POINTS = "0.0"  # Excel shows the stored (exact) value rounded like `points`
EXCEL_INDEX = "0.0000"
DECIMAL_MARKS = {"vi": ",", "en": "."}  # what a person of that language types before the decimals


def decimal_mark(lang: str) -> str:
    return DECIMAL_MARKS.get(lang, ",")


def _missing(value: float | None) -> bool:
    return value is None or value != value


def decimal(value: float, decimals: int, lang: str = "vi") -> str:
    """1234.5 -> "1.234,5" (vi) or "1,234.5" (en)."""
    text = f"{value:,.{decimals}f}"
    if lang == "en":
        return text
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


def points(value: float | None, lang: str = "vi") -> str:
    if _missing(value):
        return DASH
    rounded = round(float(value), POINTS_DECIMALS)  # type: ignore[arg-type]
    return decimal(rounded, 0 if rounded.is_integer() else POINTS_DECIMALS, lang)


def index(value: float | None, lang: str = "vi") -> str:
    return DASH if _missing(value) else decimal(float(value), INDEX_DECIMALS, lang)  # type: ignore[arg-type]
