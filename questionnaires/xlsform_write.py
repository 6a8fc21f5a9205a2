"""Write a methodology (the mapping a methodology YAML file holds) as an XLSForm-compatible workbook.

The layout is xlsform_layout's table. Conditions go to XLSForm's `relevant`/`constraint` in XLSForm syntax when
they translate exactly (xlsform_expr), else to dxscore's own column or the dx_checks sheet, so reading the
workbook back gives the same methodology. Every text is written as text: a label starting with '=' never
becomes a formula.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from questionnaires.xlsform_expr import to_xlsform
from questionnaires.xlsform_layout import (
    BAND_COLUMNS,
    BANDS,
    CHECK_COLUMNS,
    CHECKS,
    CHOICE_COLUMNS,
    CHOICES,
    LANGUAGES,
    LEGAL,
    LEGAL_COLUMNS,
    PILLAR_COLUMNS,
    PILLARS,
    SETTINGS,
    SETTINGS_COLUMNS,
    SURVEY,
    SURVEY_COLUMNS,
    XLSFORM_TYPES,
    Column,
    headers,
)

_SURVEY_HEAD = ["type", "name", *headers(SURVEY_COLUMNS[:2]), "relevant", "constraint",
                *(f"constraint_message::{name}" for name in LANGUAGES.values()), "required",
                *headers(SURVEY_COLUMNS[2:])]


def write_workbook(doc: dict[str, Any], path: Path) -> None:
    """Write the methodology mapping `doc` to `path` (.xlsx)."""
    from openpyxl import Workbook

    book = Workbook()
    survey = book.create_sheet(SURVEY)
    book.remove(book.worksheets[0])
    codes = {i["code"]: i["answer"]["type"] for i in doc.get("indicators", [])}
    survey_rows: list[list[Any]] = []
    choice_rows: list[list[Any]] = []
    check_rows: list[list[Any]] = []
    for indicator in doc.get("indicators", []):
        row, checks = _survey_row(indicator, codes)
        survey_rows.append(row)
        check_rows.extend(checks)
        for option in indicator["answer"].get("options", []):
            choice_rows.append([indicator["code"], *_cells(option, CHOICE_COLUMNS)])
    _fill(survey, _SURVEY_HEAD, survey_rows)
    _fill(book.create_sheet(CHOICES), ["list_name", *headers(CHOICE_COLUMNS)], choice_rows)
    settings = [*_cells(doc, SETTINGS_COLUMNS), f"{LANGUAGES['vi']}"]
    _fill(book.create_sheet(SETTINGS), [*headers(SETTINGS_COLUMNS), "default_language"], [settings])
    _fill(book.create_sheet(PILLARS), headers(PILLAR_COLUMNS), [_cells(p, PILLAR_COLUMNS) for p in doc["pillars"]])
    if check_rows:
        _fill(book.create_sheet(CHECKS), ["indicator", *headers(CHECK_COLUMNS)], check_rows)
    if doc.get("legal_basis"):
        _fill(book.create_sheet(LEGAL), headers(LEGAL_COLUMNS),
              [_cells(d, LEGAL_COLUMNS) for d in doc["legal_basis"]])
    if doc.get("bands"):
        _fill(book.create_sheet(BANDS), headers(BAND_COLUMNS), [_cells(b, BAND_COLUMNS) for b in doc["bands"]])
    book.save(path)


def _survey_row(indicator: dict[str, Any], codes: dict[str, str]) -> tuple[list[Any], list[list[Any]]]:
    """The survey row of one indicator and its dx_checks rows (checks XLSForm's one constraint cannot hold)."""
    kind = indicator["answer"]["type"]
    xls_type = XLSFORM_TYPES.get(kind, kind)
    if kind in ("choice", "multi_choice"):
        xls_type = f"{xls_type} {indicator['code']}"
    rest = dict(indicator)
    relevant = None
    if indicator.get("relevant_if") is not None:
        relevant = to_xlsform(indicator["relevant_if"], codes)
        if relevant is not None:
            del rest["relevant_if"]
    checks = list(indicator.get("validate") or [])
    constraint, message = None, {}  # type: tuple[str | None, dict[str, str]]
    if len(checks) == 1:
        constraint = to_xlsform(checks[0].get("check", ""), codes)
        if constraint is not None:
            message, checks = checks[0].get("message") or {}, []
    lead = _cells(indicator, SURVEY_COLUMNS[:2])
    tail = _cells(rest, SURVEY_COLUMNS[2:])
    row = [xls_type, indicator["code"], *lead, relevant, constraint, *_text_cells(message), "yes", *tail]
    check_rows = [[indicator["code"], *_cells(check, CHECK_COLUMNS)] for check in checks]
    return row, check_rows


def _cells(item: dict[str, Any], columns: tuple[Column, ...]) -> list[Any]:
    cells: list[Any] = []
    for column in columns:
        value = _lookup(item, column.path)
        if column.kind == "text":
            cells.extend(_text_cells(value))
        else:
            cells.append(_cell(value, column.kind))
    return cells


def _lookup(item: Any, path: tuple[str, ...]) -> Any:
    for key in path:
        if not isinstance(item, dict):
            return None
        item = item.get(key)
    return item


def _text_cells(value: Any) -> list[Any]:
    if isinstance(value, dict):
        return [value.get(lang) for lang in LANGUAGES]
    return [value] * len(LANGUAGES)


def _cell(value: Any, kind: str) -> Any:
    if value is None:
        return None
    if kind == "steps":
        return "; ".join(f"{step['min']}:{step['points']}" for step in value)
    if kind == "words":
        return ", ".join(str(v) for v in value)
    if kind == "lines":
        return "\n".join(str(v) for v in value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _fill(sheet: Any, head: list[str], rows: list[list[Any]]) -> None:
    sheet.append(head)
    for row in rows:
        sheet.append(row)
    for line in sheet.iter_rows():
        for cell in line:
            if isinstance(cell.value, str):
                cell.data_type = "s"  # text as typed: '=1+1' in a label is not a formula
    sheet.freeze_panes = "C2" if sheet.title == SURVEY else "A2"
