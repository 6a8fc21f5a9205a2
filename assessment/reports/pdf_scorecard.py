"""One unit's scorecard as PDF flowables: administrative heading, identification, headline figures, pillar table,
charts, trend, target table, the indicators losing most points, evidence and the signature block."""

from __future__ import annotations

from pathlib import Path

from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Spacer, Table

from assessment.domain.demo_data import DEMO_MARK
from assessment.domain.text_limits import shorten
from assessment.reports import charts, labels
from assessment.reports.fonts import FONT, FONT_BOLD
from assessment.reports.pdf_page import (
    Heading,
    PageState,
    PdfTarget,
    ReportDoc,
    SectionMark,
    issuer_of,
    place_date,
)
from assessment.reports.styles import DEMO_BG, DEMO_RED, TOTAL_BG, TableCommand, grid, plain
from assessment.reports.text import Run, TextBlock, block, heading, wrapped
from assessment.reports.view import ReportOptions, ScorecardView

WIDTH = 515.0  # A4 width minus the 16 mm margins, in points


def qr_text(view: ScorecardView) -> str:
    return f"dxscore:{view.cycle}:{view.unit_code}:{view.fingerprint}"


SHORT_NAME = 80  # characters of the unit's name in the page heading and the footer line (the title prints it whole)


def caption(view: ScorecardView) -> str:
    name = shorten(view.unit_name, SHORT_NAME)
    return f"Phiếu kết quả đánh giá chuyển đổi số năm {view.cycle} — {name} ({view.unit_code})"


def write_scorecard(view: ScorecardView, target: PdfTarget, options: ReportOptions | None = None) -> None:
    """Write one scorecard PDF to a path or a binary file object."""
    options = options or ReportOptions()
    state = PageState(view.demo, labels.timestamp(options.moment()), audit_head=options.audit_head)
    doc = ReportDoc(str(target) if isinstance(target, Path) else target, state, title=caption(view),
                    subject=f"dxscore {view.methodology_key} sha256:{view.fingerprint}")
    doc.build(scorecard_story(view, options))


def scorecard_story(view: ScorecardView, options: ReportOptions, *, bookmark: str = "") -> list[Flowable]:
    """The flowables of one scorecard; `bookmark` adds a PDF outline entry at its first page."""
    story: list[Flowable] = [
        SectionMark(fingerprint=view.fingerprint, qr_text=qr_text(view), caption=caption(view),
                    title=bookmark, key=f"unit-{view.unit_code}", level=1),
        Heading(issuer_of(view.kind.value, shorten(view.unit_name, SHORT_NAME)), place_date(options)),
        Spacer(1, 6),
    ]
    if view.demo:
        story.append(demo_banner())
    story += [TextBlock([Run(f"PHIẾU KẾT QUẢ ĐÁNH GIÁ CHUYỂN ĐỔI SỐ NĂM {view.cycle}", 13, bold=True)], "center",
                        before=7),
              TextBlock([Run(view.unit_name, 11.5, bold=True)], "center", before=2, after=6),
              _identity(view), Spacer(1, 6), _headline(view), *_published(view), *_appraisal(view),
              heading("1. Kết quả theo trụ cột"), _pillar_table(view), Spacer(1, 6), _charts(view),
              CondPageBreak(150), heading("2. Chỉ số chung qua các chu kỳ"), charts.trend(view),
              heading("3. Mục tiêu của Nghị quyết 18-NQ/TU và các chương trình liên quan"), *_targets(view),
              heading("4. Các chỉ số mất nhiều điểm nhất"), *_losses(view),
              heading("5. Tài liệu kiểm chứng"), *_evidence(view)]
    if view.appraisals:
        story += [heading("6. Điểm do Hội đồng thẩm định điều chỉnh"), _appraisal_table(view)]
    story += [Spacer(1, 8), _signatures(options)]
    return story


def demo_banner() -> Table:
    text = block(Run(f"{DEMO_MARK} — số liệu minh họa do dxscore tạo ra, không dùng cho đánh giá chính thức",
                     9, bold=True, color="#c00000"), align="center")
    return Table([[text]], colWidths=[WIDTH], style=plain(extra=[
        ("BOX", (0, 0), (-1, -1), 1.2, DEMO_RED), ("BACKGROUND", (0, 0), (-1, -1), DEMO_BG),
        ("TOPPADDING", (0, 0), (-1, -1), 4), ("BOTTOMPADDING", (0, 0), (-1, -1), 4)]))


def _identity(view: ScorecardView) -> Table:
    kind = labels.KIND_LABEL[view.kind] + (f" ({labels.SUBTYPE_LABEL.get(view.subtype, view.subtype).lower()})"
                                           if view.subtype else "")
    basis = "; ".join(doc for doc, _ in view.legal_basis)
    status = labels.ASSESSMENT_LABEL.get(view.status, view.status.value)
    rows = [("Đơn vị", f"{view.unit_name} — mã {view.unit_code} — {kind}"),
            ("Chu kỳ", f"Năm {view.cycle} — trạng thái hồ sơ: {status} — bộ mục tiêu: {view.target_set}"),
            ("Bộ chỉ số", f"{view.methodology_title} — phiên bản {view.methodology_key.split('@')[1]}"),
            ("Căn cứ", basis)]
    data: list[list[object]] = [[label, wrapped(value, WIDTH - 62, 7.4)] for label, value in rows]
    if not view.official_points:
        data.append(["", block(Run("Nội dung và điểm của từng chỉ số là bản dựng lại theo quy ước thang điểm 1.000 "
                                   "của DTI, chưa phải phụ lục chính thức của Quyết định.", 6.8, color="#555555"))])
    return Table(data, colWidths=[62, WIDTH - 62], style=plain(7.4, [("FONTNAME", (0, 0), (0, -1), FONT_BOLD),
                                                                     ("LEADING", (0, 0), (-1, -1), 9)]))


def _headline(view: ScorecardView) -> Table:
    rank = f"{view.rank}/{view.peer_count}" if view.rank else labels.DASH
    rank_label, peers = "Xếp hạng", view.peer_count
    if view.published.rank is not None:  # published: the rank is the published one, on the appraised index
        rank_label, (number, peers) = "Xếp hạng công bố", view.published.rank
        rank = f"{number}/{peers}"
    band = f"{view.band_code} · {view.band_name}" if view.band_code else labels.DASH
    change = (f"{labels.signed_index(view.change)} so với năm {view.previous_cycle}" if view.previous_cycle
              else "Chưa có chu kỳ trước")
    top = ["Chỉ số chung", "Tổng điểm / tối đa", "Mức", rank_label]
    big = [labels.index(view.index), f"{labels.points(view.points)} / {labels.points(view.max_points)}", band, rank]
    bottom = [f"Bình quân nhóm: {labels.index(view.peer_average)}", f"Chưa trả lời: {view.missing} chỉ số", change,
              f"trong {peers} {labels.KIND_PLURAL[view.kind].removeprefix('các ')}"]
    return Table([top, big, bottom], colWidths=[WIDTH / 4] * 4, style=grid(0, 7.4, [
        ("FONTNAME", (0, 1), (-1, 1), FONT_BOLD), ("FONTSIZE", (0, 1), (-1, 1), 13),
        ("LEADING", (0, 1), (-1, 1), 16), ("ALIGN", (0, 0), (-1, -1), "CENTER"),
        ("TEXTCOLOR", (0, 1), (-1, 1), charts.UNIT), ("TEXTCOLOR", (0, 0), (-1, 0), colors.HexColor("#555555")),
        ("TEXTCOLOR", (0, 2), (-1, 2), colors.HexColor("#555555")),
        ("BACKGROUND", (0, 0), (-1, -1), colors.HexColor("#f5f8fb")), ("GRID", (0, 0), (-1, -1), 0, colors.white),
        ("BOX", (0, 0), (-1, -1), 0.6, charts.UNIT), ("LINEAFTER", (0, 0), (-2, -1), 0.4, colors.HexColor("#b7c7d8")),
        ("TOPPADDING", (0, 1), (-1, 1), 3), ("BOTTOMPADDING", (0, 1), (-1, 1), 4)]))


def _published(view: ScorecardView) -> list[Flowable]:
    """Whether the cycle's results are published (and the unit's published rank), under the headline."""
    if not view.published.line:
        return []
    return [TextBlock([Run(view.published.line, 7.4, color="#1f4e79")], "center", before=3)]


def _appraisal(view: ScorecardView) -> list[Flowable]:
    """The inspectors' result beside the self-assessed one, once the assessment is appraised."""
    if not view.appraised:
        return []
    text = (f"Kết quả thẩm định: chỉ số chung {labels.index(view.appraised_index)} — tổng điểm "
            f"{labels.points(view.appraised_points)} / {labels.points(view.max_points)} — mức "
            f"{view.appraised_band or labels.DASH} (tự đánh giá: {labels.index(view.index)}). Điểm thẩm định theo "
            "từng trụ cột ở cột “Thẩm định” dưới đây.")
    return [Spacer(1, 3), block(Run(text, 7.6, bold=True, color="#1f4e79"))]


def _pillar_table(view: ScorecardView) -> Table:
    since = f"Thay đổi so\nvới {view.previous_cycle}" if view.previous_cycle else "Thay đổi so với\nchu kỳ trước"
    appraised = view.appraised
    data: list[list[object]] = [["Mã", "Trụ cột", "Điểm", *(["Thẩm định"] if appraised else []), "Tối đa", "Chỉ số",
                                 "Bình quân\nnhóm", since]]
    limit = 143 if appraised else 189
    for p in view.pillars:
        name = p.name if stringWidth(p.name, FONT, 7.6) <= limit else block(Run(p.name, 7.6))
        data.append([p.code, name, labels.points(p.points), *([labels.points(p.appraised_points)] if appraised else []),
                     labels.points(p.max_points), labels.index(p.index) if p.answered else "chưa có\ndữ liệu",
                     labels.index(p.peer_average),
                     labels.signed_index(p.change)])
    data.append(["", "Tổng", labels.points(view.points), *([labels.points(view.appraised_points)] if appraised else []),
                 labels.points(view.max_points), labels.index(view.index), labels.index(view.peer_average),
                 labels.signed_index(view.change)])
    widths = [34, 150, 46, 46, 46, 50, 55, 88] if appraised else [34, 196, 50, 46, 55, 55, 79]
    return Table(data, colWidths=widths, repeatRows=1, style=grid(1, 7.6, [
        ("ALIGN", (2, 0), (-1, -1), "RIGHT"), ("FONTNAME", (0, -1), (-1, -1), FONT_BOLD),
        ("BACKGROUND", (0, -1), (-1, -1), TOTAL_BG)]))


def _charts(view: ScorecardView) -> Table:
    cells: list[list[Flowable]] = [[block(Run("Biểu đồ 1. Chỉ số theo trụ cột so với bình quân nhóm", 7.2)),
              block(Run("Biểu đồ 2. Chỉ số trụ cột so với mục tiêu", 7.2))],
             [charts.radar(view), charts.pillar_bars(view)]]
    return Table(cells, colWidths=[WIDTH / 2, WIDTH / 2], style=plain(extra=[("ALIGN", (0, 0), (-1, -1), "CENTER")]))


def _targets(view: ScorecardView) -> list[Flowable]:
    if not view.targets:
        return [block(Run("Bộ chỉ số của đơn vị không có chỉ số gắn với mục tiêu định lượng.", 7.4))]
    data: list[list[object]] = [["Mã", "Mục tiêu (văn bản)", "Giá trị", "2025", "2030", "Tình trạng", "Dự kiến đạt"]]
    for t in view.targets:
        note = (t.document or "") + (" — chưa xác nhận" if t.unconfirmed else "")
        data.append([t.indicator_code, block(Run(t.text), Run(f"({note})", 6.2, color="#666666", inline=True)),
                     labels.value(t.value, labels.measure(t.unit)),
                     labels.target_value(t.target_2025, t.unit), labels.target_value(t.target_2030, t.unit),
                     labels.STATUS_LABEL[t.status] if t.status else labels.DASH,
                     wrapped(labels.projection(t.status, t.projected_year, t.projection_known, view.cycle), 62, 7.3)])
    table = Table(data, colWidths=[34, 229, 44, 42, 42, 56, 68], repeatRows=1, style=grid(1, 7.3, [
        ("ALIGN", (2, 1), (4, -1), "RIGHT"), *_status_colours(view)]))
    return [table, block(Run(labels.PROJECTION_HELP, 6.8, color="#555555"))]


def _status_colours(view: ScorecardView) -> list[TableCommand]:
    tint = {"met": "#dff0d8", "on_track": "#eef6e4", "baseline": "#e3eef9", "behind": "#fbe3e0", "no_data": "#f2f2f2"}
    return [("BACKGROUND", (5, i), (5, i), colors.HexColor(tint[t.status.value]))
            for i, t in enumerate(view.targets, start=1) if t.status]


def _losses(view: ScorecardView) -> list[Flowable]:
    if not view.losses:
        return [block(Run("Đơn vị đạt điểm tối đa ở mọi chỉ số áp dụng.", 7.4))]
    data: list[list[object]] = [["Mã", "Chỉ số và hướng dẫn chấm điểm", "Điểm", "Tối đa", "Mất"]]
    for row in view.losses:
        runs = [Run(row.text, 7.2, bold=True)]
        if not row.answered:
            runs.append(Run("(chưa trả lời)", 7, bold=True, color="#c00000", inline=True))
        runs.append(Run(row.guidance, 6.5, color="#444444"))
        data.append([row.code, block(*runs), labels.points(row.points), labels.points(row.max_points),
                     labels.points(row.lost)])
    return [Table(data, colWidths=[36, 364, 38, 38, 39], repeatRows=1, style=grid(1, 7.4, [
        ("ALIGN", (2, 0), (-1, -1), "RIGHT"), ("VALIGN", (0, 1), (-1, -1), "TOP"),
        ("FONTNAME", (4, 1), (4, -1), FONT_BOLD)]))]


def _appraisal_table(view: ScorecardView) -> Table:
    """Each indicator the inspectors set points on: both results and the reason, as kept in the audit trail."""
    data: list[list[object]] = [["Mã", "Chỉ số và lý do điều chỉnh", "Tự đánh giá", "Thẩm định", "Tối đa"]]
    for row in view.appraisals:
        data.append([row.code, block(Run(row.text, 7.2, bold=True), Run(f"Lý do: {row.reason}", 6.8, color="#1f4e79")),
                     labels.points(row.points), labels.points(row.appraised_points), labels.points(row.max_points)])
    return Table(data, colWidths=[36, 328, 56, 50, 35], repeatRows=1, style=grid(1, 7.4, [
        ("ALIGN", (2, 0), (-1, -1), "RIGHT"), ("VALIGN", (0, 1), (-1, -1), "TOP"),
        ("FONTNAME", (3, 1), (3, -1), FONT_BOLD)]))


def _evidence(view: ScorecardView) -> list[Flowable]:
    e = view.evidence
    text = (f"{e.supplied}/{e.required} chỉ số bắt buộc có tài liệu kiểm chứng; tổng số tài liệu đính kèm: "
            f"{e.documents}.")
    if e.missing:
        by_pillar: dict[str, int] = {}
        for code in e.missing:
            pillar = next((i.pillar for i in view.indicators if i.code == code), "")
            by_pillar[pillar] = by_pillar.get(pillar, 0) + 1
        text += " Còn thiếu theo trụ cột: " + "; ".join(f"{p} {n}" for p, n in by_pillar.items()) + "."
    out: list[Flowable] = [block(Run(text, 7.4))]
    if e.listed:
        data = [["Mã", "Số, ký hiệu", "Ngày", "Trích yếu"]] + [
            [d.indicator_code, block(d.document_number), d.document_date.strftime("%d/%m/%Y") if d.document_date
             else "", block(d.summary)] for d in e.listed]
        out.append(Table(data, colWidths=[36, 110, 56, 313], style=grid(1, 7.4)))
        if e.documents > len(e.listed):
            out.append(block(Run(f"… và {e.documents - len(e.listed)} tài liệu khác.", 6.8, color="#555555")))
    return out


def _signatures(options: ReportOptions) -> KeepTogether:
    left = block(Run("NGƯỜI LẬP BIỂU", 9, bold=True), Run("(Ký, ghi rõ họ tên)", 8), align="center")
    right = block(Run(place_date(options), 8), Run("THỦ TRƯỞNG ĐƠN VỊ", 9, bold=True),
                  Run("(Ký, ghi rõ họ tên, đóng dấu)", 8), align="center")
    table = Table([[left, right]], colWidths=[WIDTH / 2, WIDTH / 2], rowHeights=[80],
                  style=plain(extra=[("VALIGN", (0, 0), (-1, -1), "TOP"), ("TOPPADDING", (0, 0), (0, 0), 10)]))
    return KeepTogether([table])
