"""The decision annex as a workbook: one sheet per group (rank, unit, self-assessed and appraised points, index,
band, rank in sub-group), the units without an appraised result at the end of their sheet with an empty rank,
a sheet of what a correction changed, and an "about" sheet naming the publication, its decision, its SHA-256 and
the demo mark. Numbers are numbers (no text), so the secretariat can sort and check them."""

from __future__ import annotations

from pathlib import Path

from assessment.domain.demo_data import DEMO_MARK
from assessment.domain.publication import Publication
from assessment.domain.text_limits import excel_text, protect_workbook

SHEETS = {"department": {"vi": "Sở ban ngành", "en": "Departments"},
          "commune": {"vi": "Xã phường", "en": "Communes"},
          "district": {"vi": "Quận huyện", "en": "Districts"}}
HEADERS = {
    "vi": ["Xếp hạng", "Mã", "Đơn vị", "Nhóm", "Điểm tự đánh giá", "Chỉ số tự đánh giá", "Điểm thẩm định",
           "Chỉ số thẩm định", "Mức", "Hạng trong nhóm", "Số đơn vị trong nhóm", "Trạng thái"],
    "en": ["Rank", "Code", "Unit", "Sub-group", "Self-assessed points", "Self-assessed index", "Appraised points",
           "Appraised index", "Band", "Rank in sub-group", "Units in sub-group", "State"],
}


def write_annex_xlsx(publication: Publication, target: Path, *, demo: bool, lang: str = "vi") -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    lang = "en" if lang == "en" else "vi"
    book = Workbook()
    about = book.active
    assert about is not None  # a new workbook always has its first sheet
    about.title = "Thông tin" if lang == "vi" else "About"
    rows = [("Kỳ đánh giá" if lang == "vi" else "Cycle", publication.cycle),
            ("Công bố lần" if lang == "vi" else "Publication", publication.number),
            ("Quyết định số" if lang == "vi" else "Decision No.", publication.decision_no),
            ("Ngày quyết định" if lang == "vi" else "Decision date",
             publication.decision_date.isoformat() if publication.decision_date else ""),
            ("Lý do đính chính" if lang == "vi" else "Correction's reason", publication.reason),
            ("Công bố lúc" if lang == "vi" else "Published at", publication.published_at),
            ("Người công bố" if lang == "vi" else "Published by", publication.published_by),
            ("SHA-256 của kết quả" if lang == "vi" else "Results SHA-256", publication.results_sha256)]
    if demo:
        rows.insert(0, (DEMO_MARK, ""))
    for label, value in rows:
        about.append([label, excel_text(value) if isinstance(value, str) else value])
    about.column_dimensions["A"].width = 26
    about.column_dimensions["B"].width = 70
    for kind, members in publication.groups().items():
        sheet = book.create_sheet(SHEETS.get(kind, {"vi": kind, "en": kind})[lang])
        sheet.append(HEADERS[lang])
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for u in members:
            sheet.append([u.rank, u.unit_code, excel_text(u.name(lang)), u.subgroup, u.self_points, u.self_index,
                          u.appraised_points, u.appraised_index, u.band_en if lang == "en" else u.band_vi,
                          u.subgroup_rank, u.subgroup_count or None, u.status])
        sheet.column_dimensions["C"].width = 48
        sheet.freeze_panes = "A2"
    if publication.changes:
        sheet = book.create_sheet("Thay đổi" if lang == "vi" else "Changes")
        sheet.append(["Mã", "Nội dung", "Trước", "Sau"] if lang == "vi" else ["Code", "What", "Before", "After"])
        for change in publication.changes:
            sheet.append([change.unit_code, change.what, _cell(change.old), _cell(change.new)])
    protect_workbook(book.worksheets)  # names, reasons and decision numbers are typed text: never formulas
    book.save(target)


def _cell(value: object) -> object:
    return value if value is None or isinstance(value, int | float | str) else str(value)
