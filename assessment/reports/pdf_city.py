"""The city report "Báo cáo tiến độ thực hiện Nghị quyết 18-NQ/TU" (report --city), in the scorecards' house
style: a page of headline status, one chart per pillar of targets, the table of targets with their sources,
the units that most need attention, and Hanoi's DTI rank against the "leading group" goal."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from pathlib import Path

from reportlab.graphics.shapes import Drawing, Line, PolyLine, String
from reportlab.lib import colors
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Spacer, Table

from assessment.domain.city_progress import CityProgress, TargetProgress
from assessment.domain.model import TargetStatus
from assessment.exchange.city_export import progress_dict
from assessment.reports import labels
from assessment.reports.charts import MUTED, TARGET, UNIT, Chart, chart_text
from assessment.reports.fonts import FONT, FONT_BOLD
from assessment.reports.paint import rect
from assessment.reports.pdf_page import Heading, Issuer, PageState, PdfTarget, ReportDoc, SectionMark, place_date
from assessment.reports.pdf_scorecard import WIDTH, demo_banner
from assessment.reports.styles import grid, plain
from assessment.reports.text import Run, TextBlock, block, heading, wrapped
from assessment.reports.view import ReportOptions

ISSUER = Issuer("UBND THÀNH PHỐ HÀ NỘI", "SỞ KHOA HỌC VÀ CÔNG NGHỆ")
PILLARS = (("chinh_quyen_so", "Chính quyền số"), ("kinh_te_so", "Kinh tế số"), ("xa_hoi_so", "Xã hội số"),
           ("ha_tang_so", "Hạ tầng số"), ("tong_quat", "Vị thế chung"))
STATUS_COLOUR = {TargetStatus.MET: "#5b9b3c", TargetStatus.ON_TRACK: "#a8cf7a", TargetStatus.BASELINE: "#7fa7d6",
                 TargetStatus.BEHIND: "#d9534f", TargetStatus.NO_DATA: "#bdbdbd"}
LEVEL_LABEL = {"resolution": "Nghị quyết", "plan": "Chương trình", "annual_plan": "Kế hoạch năm"}


def fingerprint(progress: CityProgress) -> str:
    data = json.dumps(progress_dict(progress), ensure_ascii=False, sort_keys=True).encode("utf-8")
    return hashlib.sha256(data).hexdigest()


def caption(progress: CityProgress) -> str:
    return f"Báo cáo tiến độ thực hiện Nghị quyết 18-NQ/TU — kỳ {progress.year}"


def write_city_report(progress: CityProgress, target: PdfTarget, options: ReportOptions | None = None) -> None:
    options = options or ReportOptions()
    digest = fingerprint(progress)
    state = PageState(progress.demo, labels.timestamp(options.moment()), audit_head=options.audit_head)
    doc = ReportDoc(str(target) if isinstance(target, Path) else target, state, title=caption(progress),
                    subject=f"dxscore city-r18 {progress.year} sha256:{digest}")
    doc.build(city_story(progress, options, digest))


def city_story(progress: CityProgress, options: ReportOptions, digest: str) -> list[Flowable]:
    story: list[Flowable] = [
        SectionMark(fingerprint=digest, qr_text=f"dxscore:city:{progress.year}:{digest}", caption=caption(progress)),
        Heading(ISSUER, place_date(options)), Spacer(1, 6)]
    if progress.demo:
        story.append(demo_banner())
    story += [TextBlock([Run("BÁO CÁO", 13, bold=True)], "center", before=7),
              TextBlock([Run("Tiến độ thực hiện Nghị quyết số 18-NQ/TU ngày 30/12/2022 của Ban Thường vụ Thành ủy "
                             "về chuyển đổi số, xây dựng thành phố Hà Nội thông minh", 10.5, bold=True)], "center"),
              TextBlock([Run(f"Kỳ đánh giá năm {progress.year}", 10)], "center", before=2, after=6),
              _headline(progress), Spacer(1, 4), _basis(),
              heading("1. Tiến độ theo trụ cột"), *_pillar_charts(progress),
              CondPageBreak(200), heading("2. Các mục tiêu, số liệu và nguồn"), _target_table(progress.rows),
              block(Run(labels.PROJECTION_HELP, 6.8, color="#555555")),
              CondPageBreak(160), heading("3. Các đơn vị cần quan tâm"), *_attention(progress.rows),
              CondPageBreak(150), heading("4. Thứ hạng DTI cấp tỉnh của Hà Nội"), _dti_chart(progress),
              Spacer(1, 8), _signatures(options)]
    return story


def _headline(progress: CityProgress) -> KeepTogether:
    card = progress.scorecard
    latest = progress.dti_ranks[-1] if progress.dti_ranks else None
    shown = (TargetStatus.MET, TargetStatus.ON_TRACK, TargetStatus.BEHIND, TargetStatus.NO_DATA)
    top = ["Đã đạt", "Đúng lộ trình", "Chậm so với lộ trình", "Chưa có số liệu"]
    big = [str(progress.count(s)) for s in shown]
    big[3] += f" (+{progress.count(TargetStatus.BASELINE)} năm gốc)" if progress.count(TargetStatus.BASELINE) else ""
    bottom = [f"Chỉ số hoàn thành: {labels.index(card.index if card else None)}",
              f"Tổng số mục tiêu: {len(progress.rows)}",
              f"DTI {latest.year}: hạng {latest.rank}/{latest.of}" if latest else "DTI: chưa có",
              f"Mục tiêu: top {progress.leading_group_rank} DTI"]
    table = Table([top, big, bottom], colWidths=[WIDTH / 4] * 4, style=grid(0, 7.4, [
        ("FONTNAME", (0, 1), (-1, 1), FONT_BOLD), ("FONTSIZE", (0, 1), (-1, 1), 15), ("LEADING", (0, 1), (-1, 1), 18),
        ("ALIGN", (0, 0), (-1, -1), "CENTER"), ("GRID", (0, 0), (-1, -1), 0, colors.white),
        *[("TEXTCOLOR", (i, 1), (i, 1), colors.HexColor(STATUS_COLOUR[s])) for i, s in enumerate(shown)],
        ("BACKGROUND", (0, 0), (-1, -1), colors.HexColor("#f5f8fb")), ("BOX", (0, 0), (-1, -1), 0.6, UNIT)]))
    figures = [f"{f.label.vi}: {labels.number(f.value)}% ({labels.number(f.numerator, 0)}/"
               f"{labels.number(f.denominator, 0)})" for f in progress.headline]
    return KeepTogether([table, *([block(Run("; ".join(figures) + ".", 7.4))] if figures else [])])


def _basis() -> TextBlock:
    return block(Run("Các mục tiêu lấy theo bộ mục tiêu đang dùng của dxscore: mục tiêu của Nghị quyết 18-NQ/TU, của "
                     "Chương trình chuyển đổi số (QĐ 4098/QĐ-UBND) mà Kế hoạch 239/KH-UBND kế thừa và các chỉ tiêu "
                     "vận hành năm 2025. Giá trị “chưa xác nhận” là giá trị chưa có nguồn công khai xác nhận. Cách "
                     "chấm (điểm = min(giá trị ÷ mục tiêu; 1) × 100 cho mỗi mục tiêu) là do dxscore dựng, không phải "
                     "phương pháp chính thức.", 6.9, color="#555555"))


def _attainment(row: TargetProgress, year: int) -> float | None:
    milestone = row.target.milestone_for(year)
    value = row.latest
    if milestone is None or value is None or milestone[1] <= 0:
        return None
    share = milestone[1] / value if row.target.direction == "max" and value else value / milestone[1]
    return max(0.0, min(share, 1.0))


def _pillar_charts(progress: CityProgress) -> list[Flowable]:
    out: list[Flowable] = []
    for code, name in PILLARS:
        rows = [r for r in progress.rows if r.target.pillar == code and r.target.values]
        if rows:
            out += [block(Run(f"Biểu đồ: {name} — mức đạt so với mốc của kỳ (thanh), tình trạng (màu)", 7.2)),
                    _bars(rows, progress.year, code), Spacer(1, 4)]
    out.append(_legend())
    return out


def _bars(rows: Sequence[TargetProgress], year: int, key: str) -> Chart:
    row_h, left, right = 15.0, 250.0, 60.0
    height = row_h * len(rows) + 14
    front = Drawing(WIDTH, height)
    span = WIDTH - left - right
    for i, row in enumerate(rows):
        y = height - 12 - (i + 1) * row_h + 4
        text = wrapped(row.target.text.vi, left - 8, 6.6).split("\n")[0]
        front.add(chart_text(0, y + 2, text, 6.6))
        front.add(rect(left, y, span, 9, fillColor=colors.HexColor("#ececec"), strokeColor=None))
        share = _attainment(row, year)
        colour = colors.HexColor(STATUS_COLOUR[row.status])
        if share is None:
            front.add(chart_text(left + 4, y + 2, "chưa có số liệu", 6.4, color=MUTED))
        else:
            front.add(rect(left, y, span * share, 9, fillColor=colour, strokeColor=None))
            front.add(chart_text(left + span + 4, y + 2, f"{labels.number(share * 100, 0)}%", 6.6, bold=True))
    front.add(Line(left + span, 2, left + span, height - 10, strokeColor=TARGET, strokeWidth=0.8,
                   strokeDashArray=(3, 2)))
    front.add(chart_text(left + span, height - 8, "mốc của kỳ", 6.2, anchor="middle", color=TARGET))
    return Chart(WIDTH, height, ("city-bars", key, len(rows)), lambda: Drawing(WIDTH, height), front)


def _legend() -> Chart:
    front = Drawing(WIDTH, 12)
    x = 0.0
    for status, text in ((TargetStatus.MET, "Đã đạt"), (TargetStatus.ON_TRACK, "Đúng lộ trình"),
                         (TargetStatus.BASELINE, "Năm gốc"), (TargetStatus.BEHIND, "Chậm"),
                         (TargetStatus.NO_DATA, "Chưa có số liệu")):
        front.add(rect(x, 2, 9, 7, fillColor=colors.HexColor(STATUS_COLOUR[status]), strokeColor=None))
        front.add(chart_text(x + 12, 2, text, 6.8))
        x += 20 + len(text) * 4.2
    return Chart(WIDTH, 12, ("city-legend",), lambda: Drawing(WIDTH, 12), front)


def _series(row: TargetProgress) -> str:
    values = [f"{y}: {labels.value(v, labels.measure(row.target.unit))}" for y, v in row.series if v is not None]
    return "; ".join(values) or labels.DASH


def _target_table(rows: Sequence[TargetProgress]) -> Table:
    data: list[list[object]] = [["Mục tiêu", "Cấp", "2025", "2030", "Thành phố", "Tình trạng", "Dự kiến đạt"]]
    for row in rows:
        t = row.target
        confidence = labels.CONFIDENCE_LABEL.get(t.confidence, t.confidence)
        source = f"{t.document}" + (" — chưa xác nhận" if t.unconfirmed else "") + \
                 (f"; độ tin cậy: {confidence}" if t.confidence else "") + (f"; {t.source}" if t.source else "")
        cell = block(Run(t.text.vi, 7), Run(f"({t.id}) {source}", 5.8, color="#666666"))
        year = max((y for y, _ in row.series), default=None)
        data.append([cell, LEVEL_LABEL.get(t.level, t.level), labels.target_value(t.value_in(2025), t.unit),
                     labels.target_value(t.value_in(2030), t.unit), wrapped(_series(row), 70, 6.6),
                     wrapped(labels.STATUS_LABEL[row.status], 40, 6.9),
                     wrapped(labels.projection(row.status, row.projection.year, row.projection.enough_data,
                                               year or 0), 56, 6.8)])
    tint = {TargetStatus.MET: "#dff0d8", TargetStatus.ON_TRACK: "#eef6e4", TargetStatus.BASELINE: "#e3eef9",
            TargetStatus.BEHIND: "#fbe3e0", TargetStatus.NO_DATA: "#f2f2f2"}
    return Table(data, colWidths=[213, 48, 38, 38, 74, 46, 58], repeatRows=1, style=grid(1, 6.9, [
        ("VALIGN", (0, 1), (-1, -1), "TOP"), ("ALIGN", (2, 1), (3, -1), "RIGHT"),
        *[("BACKGROUND", (5, i), (5, i), colors.HexColor(tint[r.status])) for i, r in enumerate(rows, start=1)]]))


def _attention(rows: Sequence[TargetProgress]) -> list[Flowable]:
    data: list[list[object]] = [["Mục tiêu", "Đơn vị chậm nhất (chỉ số: giá trị / mục tiêu của đơn vị)"]]
    for row in rows:
        if row.laggards:
            units = "; ".join(f"{lag.unit_name.vi} ({lag.indicator_code}: {labels.number(lag.value)}"
                              f" / {labels.number(lag.target_value, 0)})" for lag in row.laggards)
            data.append([block(Run(row.target.text.vi, 7)), block(Run(units, 6.8))])
    if len(data) == 1:
        return [block(Run("Chưa có đơn vị nào có số liệu về các chỉ số gắn với mục tiêu.", 7.4))]
    return [Table(data, colWidths=[190, WIDTH - 190], repeatRows=1, style=grid(1, 7, [("VALIGN", (0, 1), (-1, -1),
                                                                                       "TOP")]))]


def _dti_chart(progress: CityProgress) -> Flowable:
    ranks = progress.dti_ranks
    if not ranks:
        return block(Run("Chưa có số liệu xếp hạng DTI.", 7.4))
    width, height, x0, y0 = WIDTH, 150.0, 40.0, 22.0
    worst = max(max(r.rank for r in ranks), progress.leading_group_rank) + 5
    years = [r.year for r in ranks]
    x_of = {y: x0 + (width - x0 - 30) * i / max(len(years) - 1, 1) for i, y in enumerate(years)}

    def y_of(rank: float) -> float:  # rank 1 at the top
        return y0 + (height - y0 - 26) * (worst - rank) / (worst - 1)
    front = Drawing(width, height)
    for tick in (1, 5, 10, 20, 30, 40, 50, 60):
        if tick <= worst:
            front.add(Line(x0, y_of(tick), width - 20, y_of(tick), strokeColor=colors.HexColor("#e0e0e0")))
            front.add(chart_text(x0 - 4, y_of(tick) - 2, str(tick), 6.5, anchor="end", color=MUTED))
    goal = y_of(progress.leading_group_rank)
    front.add(Line(x0, goal, width - 20, goal, strokeColor=TARGET, strokeWidth=1, strokeDashArray=(4, 2)))
    front.add(chart_text(x0 + 4, goal - 9, f"Nhóm {progress.leading_group_rank} dẫn đầu (QĐ 4098/QĐ-UBND; "
                                           "Nghị quyết 18-NQ/TU: “nhóm dẫn đầu”)", 6.4, color=TARGET))
    points = [(x_of[r.year], y_of(r.rank)) for r in ranks]
    front.add(PolyLine([c for p in points for c in p], strokeColor=UNIT, strokeWidth=1.6))
    for r, (x, y) in zip(ranks, points, strict=True):
        front.add(rect(x - 2.5, y - 2.5, 5, 5, fillColor=UNIT, strokeColor=None))
        front.add(chart_text(x, y + 5, f"{r.rank}/{r.of}{'*' if r.derived else ''}", 6.8, anchor="middle", bold=True))
        front.add(chart_text(x, 8, str(r.year), 6.8, anchor="middle"))
    front.add(String(x0, height - 8, "Hạng (1 = cao nhất)", fontName=FONT, fontSize=6.5, fillColor=MUTED))
    note = block(Run("* suy ra từ mức tăng hạng được công bố của năm sau. Nguồn: " +
                     "; ".join(f"{r.year}: {r.source}" for r in ranks), 6.2, color="#555555"))
    return KeepTogether([Chart(width, height, ("city-dti", len(ranks)), lambda: Drawing(width, height), front), note])


def _signatures(options: ReportOptions) -> KeepTogether:
    left = block(Run("NGƯỜI LẬP BIỂU", 9, bold=True), Run("(Ký, ghi rõ họ tên)", 8), align="center")
    right = block(Run(place_date(options), 8), Run("GIÁM ĐỐC SỞ KHOA HỌC VÀ CÔNG NGHỆ", 9, bold=True),
                  Run("(Ký, ghi rõ họ tên, đóng dấu)", 8), align="center")
    table = Table([[left, right]], colWidths=[WIDTH / 2, WIDTH / 2], rowHeights=[80],
                  style=plain(extra=[("VALIGN", (0, 0), (-1, -1), "TOP"), ("TOPPADDING", (0, 0), (0, 0), 10)]))
    return KeepTogether([table])
