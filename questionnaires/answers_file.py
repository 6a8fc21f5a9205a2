"""Read an answers file (.csv or .xlsx) into a frame of raw text cells, keeping each row's number in the
file so every problem can be reported by row and column. Values are checked by the service against the
methodology; this module only reads."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from assessment.domain.errors import ImportRejected, Problem
from assessment.domain.text_limits import csv_uncell
from questionnaires.workbook import MAX_ROWS, read_xlsx_cells

ANSWER_FILE_COLUMNS = ("unit_code", "cycle", "indicator_code", "value", "numerator", "denominator", "choice",
                       "not_applicable", "comment", "confirmed")
REQUIRED_COLUMNS = ("unit_code", "cycle", "indicator_code")
FREE_TEXT = ("value", "choice", "comment")  # cells our export may have quoted against formula injection
SAVE_AS = "save it from the spreadsheet as “CSV UTF-8 (comma delimited)” and import that file"


def read_answers_file(path: Path) -> pd.DataFrame:
    """Columns: ANSWER_FILE_COLUMNS as stripped text ('' when empty) plus `row` (the row number in the file,
    header = 1). Raises ImportRejected for unreadable files, files over MAX_ROWS rows, missing or unknown columns."""
    suffix = path.suffix.lower()
    try:
        if suffix == ".csv":
            frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig", skipinitialspace=True,
                                nrows=MAX_ROWS + 1)
            frame["row"] = range(2, len(frame) + 2)
            if len(frame) > MAX_ROWS:
                raise ImportRejected(f"{path}: more than {MAX_ROWS:,} rows; nothing was imported",
                                     [Problem(str(path), MAX_ROWS + 2, "", "split the file (one cycle or one kind "
                                                                          "of unit per file)")])
        elif suffix in (".xlsx", ".xlsm"):
            header, rows = read_xlsx_cells(path)
            frame = pd.DataFrame([cells for _, cells in rows], columns=header or None, dtype=str)
            frame["row"] = [number for number, _ in rows]
        else:
            raise ImportRejected(f"{path}: unsupported file type {suffix or '(none)'}",
                                 [Problem(str(path), None, "", "use a .csv or .xlsx file")])
    except ImportRejected:
        raise
    except UnicodeError as exc:
        raise ImportRejected(f"{path}: the file is not UTF-8 text", [Problem(str(path), None, "", _encoding_hint(path))]
                             ) from exc
    except (OSError, ValueError, pd.errors.ParserError, KeyError) as exc:
        raise ImportRejected(f"{path}: cannot read the file",
                             [Problem(str(path), None, "", f"{exc.__class__.__name__}: {exc}")]) from exc
    except Exception as exc:  # openpyxl raises assorted errors on damaged workbooks
        raise ImportRejected(f"{path}: cannot read the file (damaged workbook?)",
                             [Problem(str(path), None, "", f"{exc.__class__.__name__}: {exc}")]) from exc
    frame.columns = [str(c).strip().lower() for c in frame.columns]
    named = [c for c in frame.columns if c != "row"]  # `row` is ours: the row number in the file
    if len(named) == 1 and ";" in named[0]:
        raise ImportRejected(f"{path}: the columns are separated by semicolons, not commas",
                             [Problem(str(path), 1, "", SAVE_AS)])
    problems = [Problem(str(path), 1, c, "required column is missing") for c in REQUIRED_COLUMNS
                if c not in frame.columns]
    problems += [Problem(str(path), 1, c, f"unknown column (expected: {', '.join(ANSWER_FILE_COLUMNS)})")
                 for c in frame.columns if c not in (*ANSWER_FILE_COLUMNS, "row")]
    if problems:
        raise ImportRejected(f"{path}: the header is wrong; nothing was imported", problems)
    for column in ANSWER_FILE_COLUMNS:
        frame[column] = frame[column].astype(str).str.strip() if column in frame else ""
    for column in FREE_TEXT:  # '=x written by our export (or typed in Excel) is the text =x
        frame[column] = frame[column].map(csv_uncell)
    return frame[[*ANSWER_FILE_COLUMNS, "row"]]


def _encoding_hint(path: Path) -> str:
    try:
        with path.open("rb") as f:
            head = f.read(4)
    except OSError:
        head = b""
    if head[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return f"it is UTF-16 (Excel's “Unicode text”): {SAVE_AS}"
    return f"it is in another encoding (e.g. Windows-1258 or TCVN3): {SAVE_AS}"
