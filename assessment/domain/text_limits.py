"""Text that comes from outside (a form, a spreadsheet, a package, the command line) and goes back out (the
terminal, CSV, Excel): one table of length limits and one sanitiser for every way in, one escaper per way out.

In: `clean_text` NFC-normalises, turns CR/CRLF into LF where several lines are allowed, and refuses lone
surrogates, control characters (C0 and C1; tab and newline only where several lines are allowed) and text over
its field's limit. `text_problem` is the same check returning the message, for importers that collect problems.
Out: `terminal_safe` shows control characters as visible `\\u001b` escapes; `csv_cell`/`csv_uncell` apply the
OWASP rule to CSV cells (and undo it on import, so our own export reads back unchanged); `write_table` and
`protect_workbook` write Excel cells as text, never as formulas.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from assessment.domain.errors import BadInput

if TYPE_CHECKING:
    import pandas as pd

# Characters per field, the same at every way in. Names fit the database's String(n) columns (PostgreSQL refuses
# longer text mid-transaction); free texts are sized for a paragraph or a page, well under what a PDF cell holds
# once wrapped (the scorecard shortens longer stored text anyway).
LIMITS: dict[str, int] = {
    "unit_code": 32,
    "unit_name": 200,
    "indicator_code": 32,
    "user": 100,
    "document_number": 100,
    "file_name": 255,
    "comment": 2_000,  # an answer's comment
    "text_answer": 10_000,  # a free-text answer (a methodology sets its own max_length within this)
    "evidence_summary": 2_000,
    "appraisal_reason": 2_000,
    "review_note": 4_000,  # an inspector's comment or a unit's reply
    "why": 1_000,  # the reason given for a workflow step
    "person_name": 200,  # a council member
    "person_role": 200,
    "minutes": 50_000,  # a council meeting's minutes
    "decision_no": 100,  # e.g. "1234/QĐ-UBND"
    "publication_reason": 2_000,  # why a publication corrects the one before
}
MULTILINE = frozenset({"comment", "text_answer", "evidence_summary", "appraisal_reason", "review_note", "why",
                       "minutes", "publication_reason"})

UNIT_CODE = re.compile(r"[^\W_][\w.-]{0,31}")  # letters (Đ too), digits, _ . -: never a path (no '/', '\\', '..' first)
_CONTROLS = "\x00-\x08\x0b-\x1f\x7f-\x9f"
_FORBIDDEN_MULTI = re.compile(f"[{_CONTROLS}\ud800-\udfff]")
_FORBIDDEN_SINGLE = re.compile(f"[\t\n{_CONTROLS}\ud800-\udfff]")


# What `text_fault` reports, as message templates (assessment.domain.answers and the window reuse the codes).
FAULTS = {
    "control_char": "contains a control character (U+{char:04X}) at character {at}",
    "bad_character": "contains an invalid character (a lone surrogate U+{char:04X}) at character {at}",
    "line_break": "contains a tab or line break at character {at} (one line only)",
    "too_long": "longer than {limit} characters",
    "blank": "is blank",
}


def text_fault(value: str, field: str, *, limit: int | None = None, multiline: bool | None = None,
               required: bool = False) -> tuple[str, dict[str, int]] | None:
    """(code of FAULTS, parameters) saying why `value` cannot be stored in `field`; None when it can. Checks the
    text as `clean_text` would store it."""
    multi = field in MULTILINE if multiline is None else multiline
    text = normalise(value, multi)
    bad = (_FORBIDDEN_MULTI if multi else _FORBIDDEN_SINGLE).search(text)
    if bad:
        code, at = ord(bad.group()), bad.start() + 1
        if 0xD800 <= code <= 0xDFFF:
            return "bad_character", {"char": code, "at": at}
        return ("line_break", {"at": at}) if bad.group() in "\t\n" else ("control_char", {"char": code, "at": at})
    cap = limit if limit is not None else LIMITS.get(field)
    if cap is not None and len(text) > cap:
        return "too_long", {"limit": cap, "length": len(text)}
    if required and not text.strip():
        return "blank", {}
    return None


def text_problem(value: str, field: str, *, limit: int | None = None, multiline: bool | None = None,
                 required: bool = False) -> str | None:
    """`text_fault` in words (English), or None."""
    fault = text_fault(value, field, limit=limit, multiline=multiline, required=required)
    if fault is None:
        return None
    code, params = fault
    suffix = f" (it has {params['length']:,})" if code == "too_long" else ""
    return FAULTS[code].format(**params) + suffix


def clean_text(value: str, field: str, *, limit: int | None = None, multiline: bool | None = None,
               required: bool = False, where: str = "") -> str:
    """`value` as stored: NFC, LF line ends; raises BadInput naming `where` (default: the field) when refused."""
    problem = text_problem(value, field, limit=limit, multiline=multiline, required=required)
    if problem:
        raise BadInput(f"{where or field.replace('_', ' ')}: {problem}")
    return normalise(value, field in MULTILINE if multiline is None else multiline)


def normalise(value: str, multiline: bool) -> str:
    if multiline:
        value = value.replace("\r\n", "\n").replace("\r", "\n")
    try:
        return unicodedata.normalize("NFC", value)
    except UnicodeError:  # pragma: no cover - normalize keeps lone surrogates; the pattern reports them
        return value


def check_unit_code(code: str) -> str:
    """A unit code as stored; refuses codes that could be read as a path or carry control characters."""
    if not UNIT_CODE.fullmatch(code):
        shown = terminal_safe(code)[:40]
        raise BadInput(f"unit code {shown!r} is not valid: 1 to 32 letters, digits, '_', '-' or '.', starting with a "
                       "letter or digit")
    return code


# ------------------------------------------------------------------------------------------------ out: terminal

_UNPRINTABLE = re.compile(f"[{_CONTROLS}\ud800-\udfff]")


def terminal_safe(text: str) -> str:
    """`text` with every control character (except tab and newline) and lone surrogate shown as `\\uXXXX`, so
    stored text can never move the cursor, retitle the window (OSC) or ring the bell."""
    return _UNPRINTABLE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def shorten(text: str, limit: int, mark: str = "…") -> str:
    """`text` cut at a word to at most `limit` characters, ending with `mark` when cut."""
    if len(text) <= limit:
        return text
    cut = text[:max(1, limit - len(mark))]
    if " " in cut[len(cut) // 2:]:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip() + mark


# --------------------------------------------------------------------------------------------- out: spreadsheets

# OWASP "CSV injection": a cell starting with one of these is a formula to Excel/LibreOffice. Apostrophes before
# one are escaped too (one more apostrophe), so unquoting on import gives back exactly what was exported.
_FORMULA_START = re.compile(r"'*[=+\-@\t\r]")
_QUOTED = re.compile(r"'+[=+\-@\t\r]")
_PLAIN_NUMBER = re.compile(r"[+-]?(\d+([.,]\d*)?|[.,]\d+)([eE][+-]?\d+)?%?")


def csv_cell(value: object) -> object:
    """A value as a CSV cell: text that a spreadsheet would run as a formula gets a leading apostrophe (numbers
    such as -5 stay numbers)."""
    if isinstance(value, str) and _FORMULA_START.match(value) and not _PLAIN_NUMBER.fullmatch(value.strip()):
        return "'" + value
    return value


def csv_uncell(text: str) -> str:
    """Undo `csv_cell` on a cell read from a file (also what Excel does with a typed leading apostrophe)."""
    return text[1:] if _QUOTED.match(text) else text


def excel_text(value: str) -> str:
    """Text as an Excel cell can hold it: control characters (refused by the file format) shown as `\\uXXXX`."""
    return terminal_safe(value).replace("\t", "\\u0009")


def safe_frame(frame: pd.DataFrame, *, for_csv: bool) -> pd.DataFrame:
    """A copy of `frame` whose text cells are safe to write: CSV cells quoted by the OWASP rule; Excel cells
    without control characters (the formula guard is `protect_workbook`, after writing)."""
    out = frame.copy()
    for column in out.columns:
        if out[column].dtype == object or str(out[column].dtype) in ("str", "string"):
            convert = (lambda v: csv_cell(v)) if for_csv else (lambda v: excel_text(v) if isinstance(v, str) else v)
            out[column] = out[column].map(convert).astype(object)
    out.attrs = dict(frame.attrs)
    return out


def protect_workbook(sheets: Iterable[Any]) -> int:
    """Mark every text cell of the openpyxl worksheets that openpyxl took for a formula as text (shown as typed,
    never computed); dxscore itself writes no formulas. Returns how many cells were changed."""
    changed = 0
    for sheet in sheets:
        for row in sheet.iter_rows():
            for cell in row:
                if cell.data_type == "f":
                    cell.data_type = "s"
                    cell.quotePrefix = True
                    changed += 1
    return changed


def write_table(frame: pd.DataFrame, path: Path, *, encoding: str = "utf-8", sheet: str = "Sheet1") -> Path:
    """Write one table as .xlsx (text as text) or CSV (OWASP-quoted), by the file's suffix."""
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        import pandas as pd

        with pd.ExcelWriter(path, engine="openpyxl") as writer:
            safe_frame(frame, for_csv=False).to_excel(writer, index=False, sheet_name=sheet)
            protect_workbook(writer.sheets.values())
    else:
        safe_frame(frame, for_csv=True).to_csv(path, index=False, encoding=encoding)
    return path
