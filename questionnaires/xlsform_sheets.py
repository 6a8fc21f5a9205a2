"""Read the sheets of a methodology workbook, which may be hostile, in bounded time and memory.

Before any content is read, the file is measured: a regular file of at most `MAX_FILE_BYTES`, parts that unpack
to at most `MAX_UNPACKED_BYTES`, at most `MAX_SHEETS` sheets; each sheet is then streamed as stored (never as
its claimed dimension) and refused beyond `MAX_ROWS` rows or `MAX_COLUMNS` columns. A formula without a
computed value, an error cell (#DIV/0!), a cell longer than `MAX_CELL_CHARS` or holding a control character is
a problem at sheet:row:column. The cells are then read with pyxform's own XLSForm parser functions (header
cleaning, row reading, value-to-text), so a workbook reads as pyxform reads it.
"""

from __future__ import annotations

import os
import re
import stat
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from assessment.domain.errors import ImportRejected, Problem

MAX_FILE_BYTES = 10_000_000  # the shipped methodologies export to ≤ 40 KB
MAX_UNPACKED_BYTES = 50 * 1024 * 1024  # the shipped ones unpack to < 1 MB; openpyxl holds the text in memory
MAX_SHEETS = 32
MAX_ROWS = 5_000  # the largest shipped methodology has 47 indicators
MAX_COLUMNS = 80
MAX_CELL_CHARS = 10_000  # a guidance paragraph is ~1,500
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")
# pyxform stops reading a sheet after this many empty rows in a row (xls2json_backends.get_excel_rows).
PYXFORM_EMPTY_RUN = 60


@dataclass
class Sheet:
    """One sheet as pyxform reads it: headers by column (None for an empty header) and the rows below the
    header, row i being sheet row i + 2 (empty rows kept so the numbers stay right)."""

    name: str
    headers: list[str | None]
    rows: list[dict[str, str]] = field(default_factory=list)

    def letter(self, header: str) -> str:
        from openpyxl.utils import get_column_letter

        return get_column_letter(self.headers.index(header) + 1) if header in self.headers else "A"

    def has(self, header: str) -> bool:
        return header in self.headers


def read_sheets(path: Path, wanted: set[str]) -> tuple[dict[str, Sheet], list[Problem]]:
    """The wanted sheets (by lower-case name) and the problems found in their cells. Raises ImportRejected
    when the file is too big or not a workbook at all."""
    _check_file(path)
    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a damaged file; all mean "not a workbook"
        raise _rejected(path, f"not a readable .xlsx workbook ({type(exc).__name__})") from exc
    try:
        if len(book.worksheets) > MAX_SHEETS:
            raise _rejected(path, f"the workbook has {len(book.worksheets)} sheets (limit {MAX_SHEETS})")
        sheets: dict[str, Sheet] = {}
        problems: list[Problem] = []
        for worksheet in book.worksheets:
            name = worksheet.title.strip().lower()
            if name in wanted and name not in sheets:
                last_row = _scan(path, worksheet, problems)
                sheets[name] = _read(path, worksheet, name, last_row, problems)
        return sheets, problems
    finally:
        book.close()


def _check_file(path: Path) -> None:
    try:
        info = os.stat(path)
    except OSError as exc:
        raise _rejected(path, f"cannot read the file ({exc.strerror})") from exc
    if not stat.S_ISREG(info.st_mode):
        raise _rejected(path, "not a regular file")
    if info.st_size > MAX_FILE_BYTES:
        raise _rejected(path, f"the file is larger than {MAX_FILE_BYTES // 1_000_000} MB; a methodology "
                              "workbook is far smaller")
    try:
        with zipfile.ZipFile(path) as archive:
            unpacked = sum(part.file_size for part in archive.infolist())
    except (zipfile.BadZipFile, OSError) as exc:
        raise _rejected(path, "not an .xlsx workbook (save it as Excel Workbook .xlsx)") from exc
    if unpacked > MAX_UNPACKED_BYTES:
        raise _rejected(path, f"the workbook unpacks to {unpacked / 2**20:,.0f} MB (limit "
                              f"{MAX_UNPACKED_BYTES // 2**20} MB)")


def _rejected(path: Path, message: str) -> ImportRejected:
    return ImportRejected(f"{path}: {message}; nothing was imported", [Problem(str(path), None, "", message)])


def _scan(path: Path, worksheet: Any, problems: list[Problem]) -> int:
    """Check every stored cell; the last row holding a value."""
    from questionnaires.workbook import letters, stored_rows

    last = 0
    for number, cells in stored_rows(worksheet):
        where = f"{path}:{worksheet.title}:{number}"
        if number > MAX_ROWS + 1:
            raise ImportRejected(f"{path}: sheet {worksheet.title} has data in row {number:,} (limit "
                                 f"{MAX_ROWS + 1:,}); nothing was imported",
                                 [Problem(where, None, "", "delete the rows below the table")])
        for cell in cells:
            value, column = cell["value"], cell["column"]
            if value is None and not cell["formula"]:
                continue
            if column > MAX_COLUMNS:
                raise ImportRejected(f"{path}: sheet {worksheet.title} has a value in column {letters(column)} "
                                     f"(limit {MAX_COLUMNS} columns); nothing was imported",
                                     [Problem(f"{where}:{letters(column)}", None, "", "a value outside the table")])
            message = _cell_fault(cell)
            if message:
                problems.append(Problem(f"{where}:{letters(column)}", None, "", message))
            last = number
    return last


def _cell_fault(cell: dict[str, Any]) -> str | None:
    value = cell["value"]
    if cell["formula"] and value is None:
        return ("a formula without a computed value: open and save the file in Excel or LibreOffice "
                "(recalculated), or paste the values")
    if cell["data_type"] == "e":
        return f"the cell shows the error {value}"
    if isinstance(value, str):
        if len(value) > MAX_CELL_CHARS:
            return f"longer than {MAX_CELL_CHARS:,} characters"
        bad = _CONTROL.search(value)
        if bad:
            return f"contains a control character (U+{ord(bad.group()):04X}) at character {bad.start() + 1}"
    return None


def _read(path: Path, worksheet: Any, name: str, last_row: int, problems: list[Problem]) -> Sheet:
    from pyxform.errors import PyXFormError
    from pyxform.xls2json_backends import get_excel_column_headers, get_excel_rows, is_empty, xlsx_value_to_str

    def clean_cell(cell: Any, row_n: int, key: str) -> str | None:  # pyxform's xlsx_clean_cell
        value = cell.value.strip() if isinstance(cell.value, str) else cell.value
        return None if is_empty(value) else xlsx_value_to_str(value)

    first = next(worksheet.iter_rows(min_row=1, max_row=1, max_col=MAX_COLUMNS, values_only=True), ())
    try:
        headers = get_excel_column_headers(first)
    except PyXFormError as exc:
        problems.append(Problem(f"{path}:{worksheet.title}:1", None, "", str(exc)))
        return Sheet(name, [])
    rows = get_excel_rows(headers, worksheet.iter_rows(min_row=2, max_row=max(last_row, 2),
                                                       max_col=max(len(headers), 1)), clean_cell)
    if last_row > len(rows) + 1 and headers:
        problems.append(Problem(f"{path}:{worksheet.title}:{last_row}", None, "",
                                f"this row is not read: it follows {PYXFORM_EMPTY_RUN} or more empty rows "
                                "(as in XLSForm); delete the empty rows"))
    return Sheet(name, headers, rows)
