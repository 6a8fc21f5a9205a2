"""Read the first sheet of an .xlsx answers file as text cells, in bounded time and memory.

A workbook says how big its sheet is (its "dimension"); a 5 KB file can claim A1:XFD1048576, and a reader that
believes it builds 17 billion empty cells. This reader ignores the claim: it refuses a workbook whose parts
unpack to more than a few hundred megabytes, streams the sheet's rows as they are stored, and stops with a
message at the first row or column beyond the limits. Each cell becomes the text a person sees in it:
a percent-formatted cell is the percentage shown (0.95 → "95"), a number never turns into an ambiguous
"2.345" or an exponent, a formula without a computed value or an error cell (#DIV/0!) is a problem, never
a blank.
"""

from __future__ import annotations

import datetime as dt
import zipfile
from collections.abc import Container, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, cast

from assessment.domain.answers import plain_number
from assessment.domain.errors import ImportRejected, Problem

if TYPE_CHECKING:
    from _typeshed import SupportsGetItem
    from openpyxl.worksheet._read_only import ReadOnlyWorksheet

MAX_ROWS = 200_000  # data rows; a whole national cycle (10,000 units × 99 indicators) is split by cycle
MAX_COLUMNS = 64
MAX_PART_BYTES = 256 * 1024 * 1024  # one unpacked part of the workbook (the sheet, the shared strings)
MAX_TOTAL_BYTES = 512 * 1024 * 1024


def read_xlsx_cells(path: Path) -> tuple[list[str], list[tuple[int, list[str]]]]:
    """(header, data rows with their row number in the sheet) of the first sheet, every cell as stripped text
    ('' when empty), rows padded to the header's width; the header is the first row with a value.
    Raises ImportRejected with file:row:column for every cell that cannot be read."""
    _check_unpacked_size(path)
    from openpyxl import load_workbook
    from openpyxl.worksheet._read_only import ReadOnlyWorksheet

    workbook = load_workbook(path, read_only=True, data_only=True)
    try:
        sheet = workbook.worksheets[0]
        if not isinstance(sheet, ReadOnlyWorksheet):  # read_only=True always gives one
            raise TypeError(f"openpyxl opened {path} for writing")
        return _rows(path, sheet)
    finally:
        workbook.close()


def _check_unpacked_size(path: Path) -> None:
    with zipfile.ZipFile(path) as archive:
        parts = archive.infolist()
    total = sum(p.file_size for p in parts)
    biggest = max(parts, key=lambda p: p.file_size, default=None)
    if biggest is not None and (biggest.file_size > MAX_PART_BYTES or total > MAX_TOTAL_BYTES):
        raise ImportRejected(f"{path}: the workbook unpacks to {total / 2**20:,.0f} MB (limit "
                             f"{MAX_TOTAL_BYTES // 2**20} MB, {MAX_PART_BYTES // 2**20} MB per part); nothing was "
                             "imported",
                             [Problem(str(path), None, "", "save the answers alone as CSV or a small .xlsx")])


# One cell as openpyxl's sheet parser yields it (row, column, value, data_type, style_id) plus `formula`.
StoredCell = dict[str, Any]


class _StoredSheet(Protocol):
    """The private parts of openpyxl's read-only sheet that stored_rows reads (absent from its stubs)."""

    _worksheet_path: str
    _shared_strings: SupportsGetItem[int, str]


class _StoredBook(Protocol):
    """The private parts of openpyxl's workbook that stored_rows reads (absent from its stubs)."""

    _archive: zipfile.ZipFile
    epoch: dt.datetime
    _date_formats: Container[int]
    _timedelta_formats: Container[int]


def _rows(path: Path, sheet: ReadOnlyWorksheet) -> tuple[list[str], list[tuple[int, list[str]]]]:
    file = str(path)
    header: list[str] = []
    rows: list[tuple[int, list[str]]] = []
    problems: list[Problem] = []
    for number, cells in stored_rows(sheet):  # rows missing from the file are empty rows: skipped
        if number - 1 > MAX_ROWS:
            raise ImportRejected(f"{path}: the sheet has data in row {number:,} (limit {MAX_ROWS + 1:,} rows with "
                                 "the header); nothing was imported",
                                 [Problem(file, number, "", "delete the rows below your answers, or split the file")])
        width = len(header) if header else MAX_COLUMNS
        texts = [""] * width
        for cell in cells:
            column = cell["column"]
            text = _cell_text(sheet, cell, file, number, header, problems)
            if column > width:
                if text:
                    where = "a column beyond the header" if header else f"column {column:,} (limit {MAX_COLUMNS})"
                    raise ImportRejected(f"{path}: a value in {where}; nothing was imported",
                                         [Problem(file, number, letters(column), "a value outside the table")])
                continue
            texts[column - 1] = text
        if not header:
            while texts and not texts[-1]:
                texts.pop()
            header = texts
        elif any(texts):
            rows.append((number, texts))
    if problems:
        raise ImportRejected(f"{path}: {len(problems)} cell(s) cannot be read; nothing was imported", problems)
    return header, rows


def stored_rows(sheet: ReadOnlyWorksheet) -> Iterator[tuple[int, list[StoredCell]]]:
    """(row number, cells as stored) for the rows present in the sheet's XML, never the claimed dimension;
    each cell carries whether it holds a formula."""
    from openpyxl.worksheet._reader import FORMULA_TAG, WorkSheetParser

    class _Parser(WorkSheetParser):
        def parse_cell(self, element: Any) -> StoredCell:  # element: an lxml/ElementTree element
            cell: StoredCell = super().parse_cell(element)
            cell["formula"] = element.find(FORMULA_TAG) is not None
            return cell

    stored, workbook = cast(_StoredSheet, sheet), cast(_StoredBook, sheet.parent)
    with workbook._archive.open(stored._worksheet_path) as source:
        parser = _Parser(source, stored._shared_strings, data_only=True, epoch=workbook.epoch,
                         date_formats=workbook._date_formats, timedelta_formats=workbook._timedelta_formats)
        yield from parser.parse()


def _cell_text(sheet: ReadOnlyWorksheet, cell: StoredCell, file: str, row: int, header: list[str],
               problems: list[Problem]) -> str:
    from openpyxl.cell.read_only import ReadOnlyCell

    value, kind = cell["value"], cell["data_type"]
    column = cell["column"]
    name = header[column - 1] if 0 < column <= len(header) else letters(column)
    if cell["formula"] and value is None:
        problems.append(Problem(file, row, name, f"cell {letters(column)}{row} holds a formula without a computed "
                                                 "value: open and save the file in Excel or LibreOffice "
                                                 "(recalculated), or paste the values"))
        return ""
    if kind == "e":
        problems.append(Problem(file, row, name, f"cell {letters(column)}{row} shows the error {value}"))
        return ""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, int | float):
        number = float(value)
        if "%" in ReadOnlyCell(sheet, **{k: cell[k] for k in ("row", "column", "value", "data_type",
                                                              "style_id")}).number_format:
            number = round(number * 100, 9)  # the percentage the cell shows: 0.95 formatted 0% is 95
        return plain_number(number)
    return str(value).strip()


def letters(column: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(column) if 1 <= column <= 18278 else str(column)
