"""A cycle's booklet for one kind of unit: cover, ranking table, heatmap page, then every unit's scorecard,
with a PDF bookmark for each part and each unit."""

from __future__ import annotations

import io
import logging
from collections import Counter
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, PageBreak, Paragraph, Spacer, Table

from assessment.domain.text_limits import shorten
from assessment.reports import labels
from assessment.reports.fonts import FONT, FONT_BOLD
from assessment.reports.heatmap import heatmap
from assessment.reports.paint import Painted
from assessment.reports.pdf_page import (
    CITY,
    FOOTER_H,
    MARGIN_TOP,
    PAGE_H,
    Heading,
    PageState,
    ReportDoc,
    SectionMark,
    place_date,
)
from assessment.reports.pdf_scorecard import SHORT_NAME, WIDTH, demo_banner, scorecard_story
from assessment.reports.progress import Progress, ReportCancelled, reportlab_callback
from assessment.reports.styles import TOTAL_BG, grid, plain, styles
from assessment.reports.text import Run, block
from assessment.reports.view import BookletView, RankingRow, ReportOptions, ScorecardView

NAME_W = 208
log = logging.getLogger(__name__)


def title(booklet: BookletView) -> str:
    return f"Tập kết quả đánh giá chuyển đổi số năm {booklet.cycle} — {labels.KIND_PLURAL[booklet.kind]}"


def write_booklet(booklet: BookletView, target: Path | object, options: ReportOptions | None = None,
                  progress: Progress | None = None) -> list[tuple[str, str]]:
    """Write the booklet. A scorecard that cannot be printed does not stop the others: the booklet is built
    again with a page saying so in its place. Returns those units as (code, reason); the log keeps why."""
    options = options or ReportOptions()
    try:
        _build(booklet, target, options, progress, {})
        return []
    except ReportCancelled:
        raise
    except Exception as exc:
        failed = _failing_scorecards(booklet, options)
        if not failed:
            raise  # not a scorecard's fault: the booklet itself cannot be built
        log.warning("booklet %s: %d scorecard(s) could not be printed (%s)", booklet.cycle, len(failed), exc)
    if not isinstance(target, Path) and hasattr(target, "truncate"):
        target.seek(0)  # type: ignore[attr-defined]
        target.truncate()  # type: ignore[attr-defined]
    _build(booklet, target, options, progress, failed)
    return sorted(failed.items())


def _build(booklet: BookletView, target: Path | object, options: ReportOptions, progress: Progress | None,
           failed: dict[str, str]) -> None:
    state = PageState(booklet.demo, labels.timestamp(options.moment()), audit_head=options.audit_head)
    doc = ReportDoc(str(target) if isinstance(target, Path) else target, state, title=title(booklet),
                    subject=f"dxscore sha256:{booklet.fingerprint}")
    doc.setProgressCallBack(reportlab_callback(progress, "Đang dựng tập báo cáo"))
    doc.build(booklet_story(booklet, options, failed))


def _failing_scorecards(booklet: BookletView, options: ReportOptions) -> dict[str, str]:
    """Each scorecard rendered on its own (only after the booklet failed): the units whose scorecard fails."""
    from assessment.reports.pdf_scorecard import write_scorecard

    failed = {}
    for view in booklet.scorecards:
        try:
            write_scorecard(view, io.BytesIO(), options)
        except Exception as exc:
            log.exception("the scorecard of %s (cycle %s) could not be printed", view.unit_code, view.cycle)
            failed[view.unit_code] = f"{exc.__class__.__name__}: {str(exc)[:200]}"
    return failed


def _not_printed(view: ScorecardView, reason: str) -> list[Flowable]:
    return [Spacer(1, 30 * mm), block(Run(f"Không in được phiếu kết quả của {view.unit_name} ({view.unit_code})", 11,
                                          bold=True, color="#c00000")),
            block(Run(f"Lý do kỹ thuật: {reason}. Chi tiết trong tệp nhật ký của dxscore; các phiếu khác trong tập "
                      "không bị ảnh hưởng.", 8))]


def booklet_story(booklet: BookletView, options: ReportOptions, failed: dict[str, str] | None = None
                  ) -> list[Flowable]:
    mark = {"fingerprint": booklet.fingerprint, "caption": title(booklet),
            "qr_text": f"dxscore:{booklet.cycle}:{booklet.kind.value}:{booklet.fingerprint}"}
    story: list[Flowable] = [SectionMark(**mark, title="Bìa và tóm tắt", key="cover"), *_cover(booklet, options),
                             PageBreak(), SectionMark(**mark, title="Bảng xếp hạng", key="ranking"),
                             *_ranking(booklet), PageBreak(),
                             SectionMark(**mark, title="Bản đồ nhiệt theo trụ cột", key="heatmap"),
                             *_heatmap(booklet), PageBreak(),
                             SectionMark(**mark, title=f"Phiếu kết quả từng đơn vị ({len(booklet.scorecards)})",
                                         key="units")]
    for n, view in enumerate(booklet.scorecards):
        if n:
            story.append(PageBreak())
        rank = f"{view.rank}. " if view.rank else ""
        bookmark = f"{rank}{shorten(view.unit_name, SHORT_NAME)} ({view.unit_code})"
        if view.unit_code in (failed or {}):
            story += [SectionMark(**mark, title=bookmark, key=f"unit-{view.unit_code}", level=1),
                      *_not_printed(view, (failed or {})[view.unit_code])]
        else:
            story += scorecard_story(view, options, bookmark=bookmark)
    return story


def _cover(booklet: BookletView, options: ReportOptions) -> list[Flowable]:
    s = styles()
    out: list[Flowable] = [Heading(CITY, place_date(options)), Spacer(1, 40 * mm)]
    if booklet.demo:
        out += [demo_banner(), Spacer(1, 10 * mm)]
    out += [Paragraph(f"TẬP KẾT QUẢ ĐÁNH GIÁ<br/>CHUYỂN ĐỔI SỐ NĂM {booklet.cycle}", s["cover_title"]),
            Spacer(1, 4 * mm),
            Paragraph(escape(labels.KIND_PLURAL[booklet.kind].upper().removeprefix("CÁC ")) + " THÀNH PHỐ HÀ NỘI",
                      s["cover_title"]),
            Spacer(1, 10 * mm),
            Paragraph(_count_line(booklet), s["cover"]), Spacer(1, 12 * mm), _summary(booklet)]
    return out


def _count_line(booklet: BookletView) -> str:
    average = f"chỉ số chung bình quân {labels.index(booklet.peer_average)}"
    if booklet.chosen:
        return (f"{len(booklet.rows)} đơn vị được chọn trong {booklet.peer_count} đơn vị cùng nhóm — thứ hạng và "
                f"{average} tính trên cả nhóm")
    return f"{len(booklet.rows)} đơn vị — {average}"


def _summary(booklet: BookletView) -> Table:
    s = styles()
    bands = Counter((row.band_code or 0, row.band_name or "Chưa xếp mức") for row in booklet.rows)
    rows: list[list[object]] = [
        ["Bộ chỉ số", Paragraph("<br/>".join(f"{escape(t)} ({k})" for k, t in booklet.methodologies), s["small"])],
        ["Bộ mục tiêu", Paragraph(escape(booklet.target_set), s["small"])],
        ["Số đơn vị theo mức", Paragraph("; ".join(f"{name}: {n}" for (_, name), n in sorted(bands.items(),
                                                                                          reverse=True)), s["small"])],
        ["Nội dung", Paragraph("1. Bảng xếp hạng — 2. Bản đồ nhiệt theo trụ cột — 3. Phiếu kết quả của từng đơn vị "
                               "(theo thứ hạng)", s["small"])],
    ]
    return Table(rows, colWidths=[110, WIDTH - 130], style=grid(0, 8, [("FONTNAME", (0, 0), (0, -1), FONT_BOLD),
                                                                      ("VALIGN", (0, 0), (-1, -1), "TOP")]))


def _ranking(booklet: BookletView) -> list[Flowable]:
    s = styles()
    changes = any(row.change is not None for row in booklet.rows)
    header = ["Hạng", "Mã", "Đơn vị", "Điểm", "Tối đa", "Chỉ số", "Mức"] + (["Thay đổi"] if changes else [])
    data: list[list[object]] = [header]
    code_w = max(stringWidth(row.unit_code, FONT, 7.6) for row in booklet.rows) + 8
    widths = [30, max(code_w, 34), NAME_W, 46, 38, 48, 60] + ([54] if changes else [])
    widths[2] += WIDTH - sum(widths)
    data += [_ranking_cells(row, changes, widths[2]) for row in booklet.rows]
    table = Table(data, colWidths=widths, repeatRows=1, style=grid(1, 7.6, [
        ("ALIGN", (3, 0), (5, -1), "RIGHT"), ("ALIGN", (0, 0), (0, -1), "CENTER"),
        ("ALIGN", (7, 0), (7, -1), "RIGHT"), *_stripes(len(data))]))
    intro = (f"Xếp hạng cạnh tranh theo chỉ số chung (các đơn vị bằng chỉ số cùng hạng); bình quân nhóm "
             f"{labels.index(booklet.peer_average)}.")
    return [Paragraph(f"BẢNG XẾP HẠNG {labels.KIND_PLURAL[booklet.kind].upper()} NĂM {booklet.cycle}", s["subtitle"]),
            Paragraph(intro, s["small"]), Spacer(1, 4), table]


def _ranking_cells(row: RankingRow, changes: bool, name_w: float) -> list[object]:
    name: object = row.unit_name
    if stringWidth(row.unit_name, FONT, 7.6) > name_w - 6:
        name = block(row.unit_name)
    cells: list[object] = [str(row.rank or labels.DASH), row.unit_code, name, labels.points(row.points),
                           labels.points(row.max_points), labels.index(row.index), row.band_name or labels.DASH]
    if changes:
        cells.append(labels.signed_index(row.change))
    return cells


def _stripes(rows: int) -> list[tuple]:  # type: ignore[type-arg]
    return [("BACKGROUND", (0, i), (-1, i), TOTAL_BG) for i in range(2, rows, 2)]


def _heatmap(booklet: BookletView) -> list[Flowable]:
    s = styles()
    height = PAGE_H - MARGIN_TOP - FOOTER_H - 4 * mm - 40
    intro = ("Chỉ số từng trụ cột × 100, theo thứ hạng chung; “–”: trụ cột không áp dụng cho đơn vị; "
             "“?”: chưa có dữ liệu (trụ cột áp dụng nhưng chưa trả lời chỉ số nào, theo quy tắc tính 0 điểm).")
    return [Paragraph(f"BẢN ĐỒ NHIỆT CHỈ SỐ THEO TRỤ CỘT NĂM {booklet.cycle}", s["subtitle"]),
            Table([[Paragraph(intro, s["small"])]], colWidths=[WIDTH], style=plain()),
            Painted(heatmap(booklet, WIDTH, height))]
