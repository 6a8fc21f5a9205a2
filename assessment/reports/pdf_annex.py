"""The draft annex of the decision that publishes a cycle's results, in the Vietnamese administrative form
(Nghị định 30/2020/NĐ-CP): the issuing body and the national motto side by side, the annex's title and the
decision it belongs to, one table of index and rank per group (departments, communes and wards, or districts),
the units without an appraised result, a correction's reason and changes, and the signature block.

Every page carries the publication's number and the first 16 hex digits of its results' SHA-256, so a printed
annex can be matched to the publication (and its audit trail row) it came from.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from xml.sax.saxutils import escape  # Paragraph markup: names, reasons and decision numbers are text

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import HRFlowable, KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table

from assessment.domain.demo_data import DEMO_MARK
from assessment.domain.number_format import decimal
from assessment.domain.publication import Change, Publication, PublishedUnit
from assessment.reports.fonts import FONT, FONT_BOLD
from assessment.reports.styles import DEMO_RED, grid, styles

PAGE_W, PAGE_H = A4
MARGIN = 18 * mm
WIDTH = PAGE_W - 2 * MARGIN

GROUP_TITLES = {
    "department": {"vi": "CÁC SỞ, BAN, NGÀNH", "en": "DEPARTMENTS AND AGENCIES"},
    "commune": {"vi": "CÁC XÃ, PHƯỜNG", "en": "COMMUNES AND WARDS"},
    "district": {"vi": "CÁC QUẬN, HUYỆN, THỊ XÃ", "en": "URBAN DISTRICTS, RURAL DISTRICTS AND THE TOWN"},
}
ROMAN = ("I", "II", "III", "IV")
HEADERS = {
    "vi": ("STT", "Đơn vị", "Điểm tự đánh giá", "Điểm thẩm định", "Chỉ số (%)", "Mức", "Xếp hạng",
           "Hạng trong nhóm"),
    "en": ("No.", "Unit", "Self-assessed points", "Appraised points", "Index (%)", "Band", "Rank",
           "Rank in sub-group"),
}
CHANGE_HEAD = {"vi": ("Đơn vị", "Nội dung", "Trước", "Sau"), "en": ("Unit", "What", "Before", "After")}
WHAT = {"vi": {"index": "Chỉ số", "rank": "Xếp hạng", "status": "Trạng thái", "added": "Bổ sung",
               "removed": "Loại khỏi danh sách"},
        "en": {"index": "Index", "rank": "Rank", "status": "State", "added": "Added", "removed": "Removed"}}
SIGN = {"vi": ("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "(Ký, ghi rõ họ tên, đóng dấu)"),
        "en": ("ON BEHALF OF THE PEOPLE'S COMMITTEE", "CHAIRMAN", "(Signature, full name, seal)")}
TEXT: dict[str, dict[str, str]] = {
    "vi": {"body": "ỦY BAN NHÂN DÂN<br/>THÀNH PHỐ HÀ NỘI", "motto": "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM<br/>"
           "Độc lập - Tự do - Hạnh phúc", "annex": "PHỤ LỤC",
           "title": "KẾT QUẢ ĐÁNH GIÁ, XẾP HẠNG MỨC ĐỘ CHUYỂN ĐỔI SỐ NĂM {year}",
           "attached": "(Kèm theo Quyết định số {no} ngày {day} của Ủy ban nhân dân Thành phố Hà Nội)",
           "no_day": "… tháng … năm …", "draft": "DỰ THẢO",
           "without": "Đơn vị chưa có kết quả thẩm định (không xếp hạng): ",
           "correction": "Đính chính lần {n} (thay thế kết quả công bố lần {prev}). Lý do: {reason}",
           "changes": "Những thay đổi so với lần công bố trước",
           "footer": "Kết quả công bố lần {n} · SHA-256 {sha} · Trang {page}"},
    "en": {"body": "HANOI PEOPLE'S COMMITTEE", "motto": "SOCIALIST REPUBLIC OF VIETNAM<br/>"
           "Independence - Freedom - Happiness", "annex": "ANNEX",
           "title": "DIGITAL TRANSFORMATION INDEX AND RANKING, {year}",
           "attached": "(Attached to Decision No. {no} of {day} of the Hanoi People's Committee)",
           "no_day": "…", "draft": "DRAFT", "without": "Units without an appraised result (not ranked): ",
           "correction": "Correction {n} (replaces publication {prev}). Reason: {reason}",
           "changes": "What changed since the previous publication",
           "footer": "Publication {n} · SHA-256 {sha} · Page {page}"},
}


def write_annex_pdf(publication: Publication, target: Path, *, demo: bool, lang: str = "vi") -> None:
    lang = "en" if lang == "en" else "vi"
    text = TEXT[lang]
    doc = SimpleDocTemplate(str(target), pagesize=A4, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=16 * mm,
                            bottomMargin=16 * mm, title=_title(publication, lang), author="dxscore",
                            subject=f"{publication.decision_no}")

    def on_page(canv, doc_) -> None:  # type: ignore[no-untyped-def]  # reportlab's page callback
        canv.saveState()
        canv.setFont(FONT, 7)
        canv.setFillColor(colors.HexColor("#555555"))
        canv.drawRightString(PAGE_W - MARGIN, 9 * mm, text["footer"].format(
            n=publication.number, sha=publication.results_sha256[:16], page=doc_.page))
        if demo:
            canv.setFillColor(DEMO_RED)
            canv.setFont(FONT_BOLD, 8)
            canv.drawString(MARGIN, PAGE_H - 9 * mm, DEMO_MARK)
        canv.restoreState()

    doc.build(_story(publication, lang), onFirstPage=on_page, onLaterPages=on_page)


def _title(publication: Publication, lang: str) -> str:
    return TEXT[lang]["title"].format(year=publication.cycle)


def _story(publication: Publication, lang: str) -> list:  # type: ignore[type-arg]  # reportlab flowables
    text, st = TEXT[lang], styles()
    day = _day(publication.decision_date, lang) if publication.decision_date else text["no_day"]
    story: list = [_heading(lang), Spacer(1, 6 * mm),  # type: ignore[type-arg]
                   Paragraph(text["draft"], st["demo"]),
                   Paragraph(text["annex"], st["title"]),
                   Paragraph(_title(publication, lang), st["subtitle"]),
                   Paragraph(text["attached"].format(no=escape(publication.decision_no), day=day), st["centre"]),
                   Spacer(1, 4 * mm)]
    if publication.is_correction:
        story.append(Paragraph(text["correction"].format(n=publication.number - 1, prev=publication.number - 1,
                                                         reason=escape(publication.reason)), st["body"]))
        story.append(Spacer(1, 2 * mm))
    for numeral, (kind, members) in zip(ROMAN, _ordered(publication.groups()), strict=False):
        title = GROUP_TITLES.get(kind, {"vi": kind, "en": kind})[lang]
        story.append(Paragraph(f"{numeral}. {title}", st["h2"]))
        ranked = [u for u in members if u.rank is not None]
        story.append(_table(ranked, lang))
        missing = [u for u in members if u.rank is None]
        if missing:
            names = "; ".join(escape(u.name(lang)) for u in missing)
            story.append(Spacer(1, 1.5 * mm))
            story.append(Paragraph(text["without"] + names, st["small"]))
    if publication.changes:
        story.append(Paragraph(text["changes"], st["h2"]))
        story.append(_changes(publication, lang))
    # The signature block never stands alone on a page: it keeps the last paragraph or table with it.
    story.append(KeepTogether([story.pop(), Spacer(1, 8 * mm), _signature(lang)]))
    return story


def _ordered(groups: dict[str, list[PublishedUnit]]) -> list[tuple[str, list[PublishedUnit]]]:
    order = {"department": 0, "district": 1, "commune": 2}
    return sorted(groups.items(), key=lambda pair: order.get(pair[0], 9))


def _heading(lang: str) -> Table:
    st = styles()
    # The form underlines the body's name and the motto with a short rule each (Nghị định 30/2020, phụ lục I).
    left = [Paragraph(f"<b>{TEXT[lang]['body']}</b>", st["centre"]),
            HRFlowable(width="30%", thickness=0.6, color=colors.black, spaceBefore=1)]
    right = [Paragraph(f"<b>{TEXT[lang]['motto']}</b>", st["centre"]),
             HRFlowable(width="45%", thickness=0.6, color=colors.black, spaceBefore=1)]
    table = Table([[left, right]], colWidths=[WIDTH * 0.42, WIDTH * 0.58])
    table.setStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0)])
    return table


def _table(units: Sequence[PublishedUnit], lang: str) -> Table:
    st = styles()
    rows: list[list[object]] = [[Paragraph(f"<b>{h}</b>", st["cell"]) for h in HEADERS[lang]]]
    for i, u in enumerate(units, start=1):
        band = u.band_en if lang == "en" else u.band_vi
        sub = f"{u.subgroup_rank}/{u.subgroup_count}" if u.subgroup_rank is not None else "—"
        rows.append([str(i), Paragraph(escape(u.name(lang)), st["cell"]), _num(u.self_points, 2, lang),
                     _num(u.appraised_points, 2, lang),
                     _num(None if u.appraised_index is None else u.appraised_index * 100, 2, lang), band,
                     f"{u.rank}/{u.peer_count}", sub])
    widths = [0.06, 0.34, 0.11, 0.11, 0.1, 0.1, 0.08, 0.1]
    table = Table(rows, colWidths=[WIDTH * w for w in widths], repeatRows=1)
    table.setStyle(grid(extra=[("ALIGN", (2, 1), (4, -1), "RIGHT"), ("ALIGN", (6, 1), (7, -1), "CENTER"),
                               ("ALIGN", (0, 1), (0, -1), "CENTER")]))
    return table


def _changes(publication: Publication, lang: str) -> Table:
    st = styles()
    names = {u.unit_code: u.name(lang) for u in publication.units}
    rows: list[list[object]] = [[Paragraph(f"<b>{h}</b>", st["cell"]) for h in CHANGE_HEAD[lang]]]
    for change in publication.changes:
        rows.append([Paragraph(escape(names.get(change.unit_code, change.unit_code)), st["cell"]),
                     WHAT[lang].get(change.what, change.what), _changed(change.old, change, lang),
                     _changed(change.new, change, lang)])
    table = Table(rows, colWidths=[WIDTH * w for w in (0.46, 0.18, 0.18, 0.18)], repeatRows=1)
    table.setStyle(grid())
    return table


def _changed(value: object, change: Change, lang: str) -> str:
    if value is None:
        return "—"
    if change.what == "index" and isinstance(value, float):
        return _num(value * 100, 2, lang) + " %"
    return str(value)


def _signature(lang: str) -> Table:
    st = styles()
    first, second, note = SIGN[lang]
    block = [Paragraph(first, st["sign"]), Paragraph(second, st["sign"]), Paragraph(note, st["sign_note"]),
             Spacer(1, 22 * mm)]
    return Table([["", block]], colWidths=[WIDTH * 0.45, WIDTH * 0.55])


def _num(value: float | None, decimals: int, lang: str) -> str:
    return "—" if value is None else decimal(value, decimals, lang)


def _day(day: dt.date, lang: str) -> str:
    return day.strftime("%d/%m/%Y") if lang == "vi" else day.isoformat()
