"""The booklet's heatmap: units (in ranking order) × pillar indices, drawn with reportlab.graphics shapes."""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence

from reportlab.graphics.shapes import Drawing, Group, Rect
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth

from assessment.reports import labels
from assessment.reports.charts import chart_text
from assessment.reports.fonts import FONT
from assessment.reports.view import BookletView, RankingRow

HEAT_STOPS = ((0.0, "#e8877f"), (0.4, "#f6c38b"), (0.6, "#fbeaa0"), (0.8, "#b5dc9a"), (1.0, "#62b37a"))


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
        for j, value in enumerate((*row.pillar_index, row.index)):
            cx = x + name_w + j * cell_w + (gap if j == len(codes) else 0)
            g.add(Rect(cx, y, cell_w, row_h, fillColor=heat_color(value), strokeColor=colors.white,
                       strokeWidth=0.4))
            text = "–" if value is None else labels.number(value * 100, 0)
            g.add(chart_text(cx + cell_w / 2, y + row_h / 2 - size * 0.35, text, size * 0.95, "middle",
                             bold=j == len(codes)))


def _fit(text: str, width: float, size: float) -> str:
    if stringWidth(text, FONT, size) <= width:
        return text
    while text and stringWidth(text + "…", FONT, size) > width:
        text = text[:-1]
    return text + "…"


def _heat_legend(d: Drawing, booklet: BookletView, width: float, top: float) -> None:
    """Line 1: how to read the cells; below: the colour scale, and the pillar names beside it."""
    d.add(chart_text(0, top - 7, "Ô màu: chỉ số × 100 (đỏ: 0, xanh: 100); cột “Chung”: chỉ số chung; "
                                 "“–”: trụ cột không áp dụng.", 6.8))
    for k in range(21):
        d.add(Rect(k * 7, top - 22, 7, 7, fillColor=heat_color(k / 20), strokeColor=None))
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
