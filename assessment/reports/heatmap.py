"""The booklet's heatmap: units (in ranking order) × pillar indices, drawn with reportlab.graphics shapes.
A pillar that does not apply is a pale hatched cell marked "–", one that applies but has nothing answered yet
a blue-grey cell marked "?": neither looks like a scored 0 (red), and the legend names both, as the window does."""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence

from reportlab.graphics.shapes import Drawing, Group, Line
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth

from assessment.reports import labels
from assessment.reports.charts import chart_text
from assessment.reports.fonts import FONT
from assessment.reports.paint import rect
from assessment.reports.view import BookletView, RankingRow

HEAT_STOPS = ((0.0, "#e8877f"), (0.4, "#f6c38b"), (0.6, "#fbeaa0"), (0.8, "#b5dc9a"), (1.0, "#62b37a"))
NA_FILL, NA_STRIPE, NO_DATA_FILL = "#f4f4f4", "#9e9e9e", "#cfd8dc"  # the dashboard's colours (gui/dashboard/marks)
NA_MARK, NO_DATA_MARK = "–", "?"


def heat_color(value: float | None) -> colors.Color:
    if value is None:
        return colors.white
    v = max(0.0, min(value, 1.0))
    for (a, ca), (b, cb) in itertools.pairwise(HEAT_STOPS):
        if v <= b:
            t = (v - a) / (b - a)
            return colors.linearlyInterpolatedColor(colors.HexColor(ca), colors.HexColor(cb), 0, 1, t)
    return colors.HexColor(HEAT_STOPS[-1][1])


def heatmap(booklet: BookletView, width: float, max_height: float) -> Drawing:
    """Units (rank order) × pillars, plus the overall index; in two panels side by side above 45 units. The
    drawing is as tall as its rows need, at most `max_height`."""
    rows = booklet.rows
    panels = 1 if len(rows) <= 45 else 2
    per_panel = math.ceil(len(rows) / panels)
    gap, header_h, legend_h = 12.0, 14.0, 44.0
    panel_w = (width - gap * (panels - 1)) / panels
    row_h = min(14.0, (max_height - legend_h - header_h) / per_panel)
    height = legend_h + header_h + row_h * per_panel
    d = Drawing(width, height)
    for k in range(panels):
        group = Group()
        _heat_panel(group, booklet, rows[k * per_panel:(k + 1) * per_panel], k * (panel_w + gap), height,
                    panel_w, row_h)
        d.add(group)
    _heat_legend(d, booklet, width, legend_h - 8)
    return d


def _heat_panel(g: Group, booklet: BookletView, rows: Sequence[RankingRow], x: float, top: float,
                width: float, row_h: float) -> None:
    codes = [c for c, _ in booklet.pillars]
    cell_w = min(24.0, (width * 0.6) / (len(codes) + 1))
    gap = 3.0  # between the pillars and the overall index
    name_w = width - cell_w * (len(codes) + 1) - gap
    size = min(7.0, row_h * 0.68)
    g.add(chart_text(x + 2, top - 10, "Hạng · Đơn vị", 6.5, bold=True))
    for j, code in enumerate([*codes, "Chung"]):
        cx = x + name_w + (j + 0.5) * cell_w + (gap if j == len(codes) else 0)
        g.add(chart_text(cx, top - 10, code, 5.6, "middle", bold=True))
    y = top - 14
    for row in rows:
        y -= row_h
        name = _fit(f"{row.rank or '—'}. {row.unit_name}", name_w - 4, size)
        g.add(chart_text(x + 2, y + row_h / 2 - size * 0.35, name, size))
        answered = (*(row.pillar_answered or (True,) * len(codes)), True)
        for j, value in enumerate((*row.pillar_index, row.index)):
            cx = x + name_w + j * cell_w + (gap if j == len(codes) else 0)
            text = _cell(g, cx, y, cell_w, row_h, value, answered[j])
            g.add(chart_text(cx + cell_w / 2, y + row_h / 2 - size * 0.35, text, size * 0.95, "middle",
                             bold=j == len(codes)))


def _cell(g: Group, x: float, y: float, w: float, h: float, value: float | None, answered: bool) -> str:
    """Paint one cell; the text it carries."""
    if value is None:
        g.add(rect(x, y, w, h, fillColor=colors.HexColor(NA_FILL), strokeColor=colors.white, strokeWidth=0.4))
        _hatch(g, x, y, w, h)
        return NA_MARK
    if not answered:
        g.add(rect(x, y, w, h, fillColor=colors.HexColor(NO_DATA_FILL), strokeColor=colors.white, strokeWidth=0.4))
        return NO_DATA_MARK
    g.add(rect(x, y, w, h, fillColor=heat_color(value), strokeColor=colors.white, strokeWidth=0.4))
    return labels.number(value * 100, 0)


def _hatch(g: Group, x: float, y: float, w: float, h: float, step: float = 3.5) -> None:
    """Stripes going up to the right, kept inside the cell: each satisfies (x' - x) - (y' - y) = s."""
    s = -h + step / 2
    while s < w:
        g.add(Line(x + max(0.0, s), y + max(0.0, -s), x + min(w, s + h), y + min(h, w - s),
                   strokeColor=colors.HexColor(NA_STRIPE), strokeWidth=0.5))
        s += step


def _fit(text: str, width: float, size: float) -> str:
    if stringWidth(text, FONT, size) <= width:
        return text
    while text and stringWidth(text + "…", FONT, size) > width:
        text = text[:-1]
    return text + "…"


def _heat_legend(d: Drawing, booklet: BookletView, width: float, top: float) -> None:
    """Line 1: how to read the cells; below: the colour scale, and the pillar names beside it."""
    first = "Ô màu: chỉ số × 100 (đỏ: 0, xanh: 100); cột “Chung”: chỉ số chung."
    d.add(chart_text(0, top - 7, first, 6.8))
    x = stringWidth(first, FONT, 6.8) + 12
    for value, answered, words in ((None, True, f"“{NA_MARK}”: Không áp dụng"),
                                   (0.0, False, f"“{NO_DATA_MARK}”: Chưa có dữ liệu")):
        chip = Group()
        _cell(chip, x, top - 9, 10, 8, value, answered)
        d.add(chip)
        d.add(chart_text(x + 13, top - 7, words, 6.8))
        x += 13 + stringWidth(words, FONT, 6.8) + 12
    for k in range(21):
        d.add(rect(k * 7, top - 22, 7, 7, fillColor=heat_color(k / 20), strokeColor=None))
    d.add(chart_text(0, top - 30, "0", 6))
    d.add(chart_text(147, top - 30, "100", 6, "end"))
    names = "; ".join(f"{code}: {name}" for code, name in booklet.pillars)
    for i, line in enumerate(_wrap(names, width - 160, 6.4)[:3]):
        d.add(chart_text(160, top - 17 - i * 8, line, 6.4))


def _wrap(text: str, width: float, size: float) -> list[str]:
    lines = [""]
    for word in text.split(" "):
        trial = f"{lines[-1]} {word}".strip()
        if stringWidth(trial, FONT, size) <= width:
            lines[-1] = trial
        else:
            lines.append(word)
    return lines
