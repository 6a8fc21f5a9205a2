"""Workbooks written the way an ODK user writes an XLSForm (tables below, typed as in a spreadsheet), with and
without dxscore's scoring columns."""

from __future__ import annotations

from pathlib import Path
from typing import Any

EN, VI = "label::English (en)", "label::Vietnamese (vi)"

# A household survey as ODK users write it: groups, a note, integer/decimal/select/text/date, relevant and
# constraint in XPath, choices shared by list name, labels in two languages.
ODK_SURVEY = [
    ["type", "name", EN, VI, "hint::English (en)", "hint::Vietnamese (vi)", "relevant", "constraint",
     "constraint_message::English (en)", "constraint_message::Vietnamese (vi)", "required"],
    ["begin group", "household", "Household", "Hộ gia đình", None, None, None, None, None, None, None],
    ["integer", "members", "How many people live here?", "Có bao nhiêu người sống ở đây?",
     "Count everyone who slept here last night", "Đếm mọi người đã ngủ ở đây đêm qua", None, ". >= 1 and . <= 30",
     "Between 1 and 30", "Từ 1 đến 30", "yes"],
    ["decimal", "income", "Monthly income (million VND)", "Thu nhập hằng tháng (triệu đồng)",
     "Before tax", "Trước thuế", "${members} > 0", ". >= 0", "Not negative", "Không âm", "yes"],
    ["select_one yes_no", "internet", "Internet at home?", "Có Internet ở nhà không?", "Fixed or mobile",
     "Cố định hoặc di động", None, None, None, None, "yes"],
    ["select_multiple devices", "devices", "Devices used", "Thiết bị sử dụng", "Tick all", "Chọn tất cả",
     "selected(${internet}, 'yes')", None, None, None, "no"],
    ["note", "thanks", "Thank you", "Cảm ơn", None, None, None, None, None, None, None],
    ["end group", None, None, None, None, None, None, None, None, None, None],
    ["text", "comment", "Anything else?", "Ý kiến khác?", "Free text", "Ghi tự do", "not(${internet} = '')",
     None, None, None, "no"],
    ["date", "visit_date", "Date of the visit", "Ngày khảo sát", "As on the form", "Như trên phiếu", None, None,
     None, None, "yes"],
]
ODK_CHOICES = [
    ["list_name", "name", EN, VI],
    ["yes_no", "yes", "Yes", "Có"],
    ["yes_no", "no", "No", "Không"],
    ["devices", "phone", "Phone", "Điện thoại"],
    ["devices", "laptop", "Laptop", "Máy tính xách tay"],
    ["devices", "tablet", "Tablet", "Máy tính bảng"],
]
ODK_SETTINGS = [["form_title", "form_id", "version"], ["Household survey", "household-survey", "2024110101"]]

# The same form with dxscore's columns: pillar, order, points, rule (by survey row, header row excluded).
SCORING = {
    "members": ["DV", 1, 30, "steps", "4:30; 2:15"],
    "income": ["DV", 2, 20, "percent_of_target", None],
    "internet": ["HT", 1, 30, "choice", None],
    "devices": ["HT", 2, 20, "choice", None],
    "comment": ["HT", 3, 0, None, None],
    "visit_date": ["DV", 3, 0, None, None],
}
OPTION_POINTS = {"yes": 30, "no": 0, "phone": 5, "laptop": 10, "tablet": 5}
DX_PILLARS = [
    ["code", "name::Vietnamese (vi)", "name::English (en)", "group", "max_points", "scored"],
    ["DV", "Dân cư", "Residents", "foundation", 50, True],
    ["HT", "Hạ tầng", "Infrastructure", "activity", 50, True],
]
DX_SETTINGS = ["dx_applies_to", "dx_cycle_from", "dx_max_points", "provenance_official_wording",
               "provenance_official_points", "provenance_note"]
DX_SETTINGS_VALUES = ["commune", 2025, 100, False, False, "Ví dụ của dxscore, không phải văn bản chính thức"]


def write_book(path: Path, sheets: dict[str, list[list[Any]]]) -> Path:
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(row)
    book.save(path)
    return path


def odk_sheets(extra_rows: list[list[Any]] | None = None) -> dict[str, list[list[Any]]]:
    """The ordinary XLSForm (optionally with more survey rows)."""
    return {"survey": [list(r) for r in ODK_SURVEY] + (extra_rows or []), "choices": [list(r) for r in ODK_CHOICES],
            "settings": [list(r) for r in ODK_SETTINGS]}


def scored_sheets() -> dict[str, list[list[Any]]]:
    """The ODK form with dxscore's scoring columns and sheets added."""
    sheets = odk_sheets()
    survey = sheets["survey"]
    survey[0] += ["dx_pillar", "dx_order", "dx_points", "dx_rule", "dx_steps", "dx_target_value"]
    for row in survey[1:]:
        extra = SCORING.get(row[1], [None] * 5)
        target = 2.5 if row[1] == "income" else None
        row += [*extra, target]
    sheets["choices"][0].append("dx_points")
    for row in sheets["choices"][1:]:
        row.append(OPTION_POINTS[row[1]])
    sheets["settings"][0] += DX_SETTINGS
    sheets["settings"][1] += DX_SETTINGS_VALUES
    sheets["dx_pillars"] = [list(r) for r in DX_PILLARS]
    sheets["dx_legal_basis"] = [["document", "date", "title", "url"],
                                ["KH 01/KH-UBND", "2025-01-15", "Kế hoạch khảo sát hộ gia đình", None]]
    return sheets


def set_cell(sheets: dict[str, list[list[Any]]], sheet: str, name: str, header: str, value: Any) -> None:
    """Set the cell of column `header` in the row whose second column (name) is `name`."""
    rows = sheets[sheet]
    column = rows[0].index(header)
    row = next(r for r in rows[1:] if r[1] == name or (sheet == "dx_pillars" and r[0] == name))
    row[column] = value
