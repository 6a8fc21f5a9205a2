"""Vector charts of a scorecard, drawn with reportlab.graphics shapes (no raster, every label in DejaVu):
radar of the pillar indices against the peer average, pillar bars against the target band, and the trend
across cycles. The booklet's heatmap is in heatmap.py."""

from __future__ import annotations

import math
from collections.abc import Callable, Hashable, Sequence
from typing import Literal, TypedDict

from reportlab.graphics.shapes import Drawing, Line, Polygon, PolyLine, String
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

from assessment.reports import labels
from assessment.reports.fonts import FONT, FONT_BOLD, register_fonts
from assessment.reports.paint import paint, rect
from assessment.reports.view import ScorecardView

register_fonts()  # the charts measure text with these fonts, with or without a document

UNIT = colors.HexColor("#1f4e79")
PEER = colors.HexColor("#c55a11")
TARGET = colors.HexColor("#c00000")
GRID = colors.HexColor("#c8c8c8")
TRACK = colors.HexColor("#ececec")
TEXT = colors.HexColor("#222222")
MUTED = colors.HexColor("#666666")
Anchor = Literal["start", "middle", "end"]  # where a label's x is: its start, middle or end

def chart_text(x: float, y: float, text: str, size: float = 7,
               anchor: Anchor = "start", bold: bool = False,
          color: colors.Color = TEXT) -> String:
    return String(x, y, text, fontName=FONT_BOLD if bold else FONT, fontSize=size, textAnchor=anchor,
                  fillColor=color)


def short_label(name: str, code: str, width: float = 62, size: float = 7) -> list[str]:
    """A pillar name for a chart: without "Hoạt động", on at most two lines of `width`, else the code."""
    name = name.removeprefix("Hoạt động ").strip()
    name = name[0].upper() + name[1:] if name else code
    words, lines = name.split(), [""]
    for word in words:
        trial = f"{lines[-1]} {word}".strip()
        if stringWidth(trial, FONT, size) <= width:
            lines[-1] = trial
        else:
            lines.append(word)
    return lines if len(lines) <= 2 else [code]


def _legend(d: Drawing, x: float, y: float, items: Sequence[tuple[colors.Color, str, bool]]) -> None:
    """Legend entries (colour, text, dashed) in one row from (x, y)."""
    for color, text, dashed in items:
        d.add(Line(x, y + 2.5, x + 14, y + 2.5, strokeColor=color, strokeWidth=2,
                   **_dash(dashed)))
        d.add(chart_text(x + 17, y, text, 6.8))
        x += 17 + stringWidth(text, FONT, 6.8) + 12


class _Dash(TypedDict, total=False):
    strokeDashArray: tuple[float, float]


def _dash(dashed: bool) -> _Dash:
    """The dash of a peer or target line; a solid line keeps reportlab's default (no dash array)."""
    return {"strokeDashArray": (3, 2)} if dashed else {}


# ------------------------------------------------------------------------------------------ chart flowable


class Chart(Flowable):
    """A chart in two layers: a background that depends only on the methodology (grid, axes, labels, legend),
    drawn once per PDF as a form XObject and reused by every scorecard of a booklet, and the unit's own data.
    `drawing()` gives both layers as one reportlab Drawing."""

    def __init__(self, width: float, height: float, key: Hashable, background: Callable[[], Drawing],
                 foreground: Drawing) -> None:
        super().__init__()
        self.width, self.height = width, height
        self.key, self.background, self.foreground = key, background, foreground

    def wrap(self, avail_w: float, avail_h: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        canv = self.canv
        forms: dict[Hashable, str] = canv.__dict__.setdefault("_dx_chart_forms", {})
        name = forms.get(self.key)
        if name is None:
            name = forms[self.key] = f"dxChart{len(forms)}"
            canv.beginForm(name)
            paint(canv, self.background())
            canv.endForm()
        canv.doForm(name)
        paint(canv, self.foreground)

    def drawing(self) -> Drawing:
        both = Drawing(self.width, self.height)
        both.add(self.background())
        both.add(self.foreground)
        return both


# ------------------------------------------------------------------------------------------------- radar


def radar(view: ScorecardView, width: float = 250, height: float = 215) -> Chart:
    # a spoke only where the unit has a score: not applicable and not yet answered are never drawn as 0
    rows = tuple((p.code, p.name) for p in view.pillars if p.index is not None and p.scored and p.answered)
    front = Drawing(width, height)
    if len(rows) < 3:
        front.add(chart_text(width / 2, height / 2, "Không đủ trụ cột để vẽ biểu đồ", 8, "middle"))
        return Chart(width, height, ("radar-empty",), lambda: Drawing(width, height), front)
    geometry = _RadarGeometry(width, height, len(rows))
    by_code = {p.code: p for p in view.pillars}
    values = [by_code[code] for code, _ in rows]
    _polygon(front, geometry, [p.peer_average or 0.0 for p in values], PEER, dashed=True)
    _polygon(front, geometry, [p.index or 0.0 for p in values], UNIT, dashed=False)
    return Chart(width, height, ("radar", width, height, rows), lambda: _radar_grid(geometry, rows), front)


class _RadarGeometry:
    def __init__(self, width: float, height: float, spokes: int) -> None:
        self.width, self.height = width, height
        self.cx, self.cy, self.r = width / 2, height / 2 + 8, min(width, height) / 2 - 40
        self.angles = [math.pi / 2 - 2 * math.pi * i / spokes for i in range(spokes)]

    def at(self, angle: float, value: float) -> tuple[float, float]:
        return self.cx + self.r * value * math.cos(angle), self.cy + self.r * value * math.sin(angle)


def _radar_grid(g: _RadarGeometry, rows: tuple[tuple[str, str], ...]) -> Drawing:
    d = Drawing(g.width, g.height)
    for level in (0.2, 0.4, 0.6, 0.8, 1.0):
        d.add(Polygon([c for a in g.angles for c in g.at(a, level)], strokeColor=GRID, strokeWidth=0.5,
                      fillColor=None))
        lx, ly = g.at(math.pi / 2 - math.pi / len(rows), level)  # between the first two spokes
        d.add(chart_text(lx + 1.5, ly - 6, labels.number(level, 1), 5.2, color=colors.HexColor("#8a8a8a")))
    for a, (code, name) in zip(g.angles, rows, strict=True):
        d.add(Line(g.cx, g.cy, *g.at(a, 1.0), strokeColor=GRID, strokeWidth=0.5))
        _spoke_label(d, a, code, name, *g.at(a, 1.0))
    _legend(d, 8, 4, [(UNIT, "Đơn vị", False), (PEER, "Bình quân nhóm", True)])
    return d


def _polygon(d: Drawing, g: _RadarGeometry, values: list[float], color: colors.Color, dashed: bool) -> None:
    points = [c for a, v in zip(g.angles, values, strict=True) for c in g.at(a, max(0.0, min(v, 1.0)))]
    d.add(Polygon(points, strokeColor=color, strokeWidth=1.6 if not dashed else 1.1, fillColor=color,
                  fillOpacity=0.16 if not dashed else 0.06, **_dash(dashed)))
    for i in range(0, len(points), 2):
        d.add(rect(points[i] - 1.3, points[i + 1] - 1.3, 2.6, 2.6, fillColor=color, strokeColor=None))


def _spoke_label(d: Drawing, angle: float, code: str, name: str, x: float, y: float) -> None:
    cos = math.cos(angle)
    anchor: Anchor = "middle" if abs(cos) < 0.3 else "start" if cos > 0 else "end"
    lines = short_label(name, code)
    dx = 4 * (1 if anchor == "start" else -1 if anchor == "end" else 0)
    dy = 5 if math.sin(angle) > 0.3 else -9 if math.sin(angle) < -0.3 else -2
    top = y + dy + (len(lines) - 1) * 7.5 * (1 if dy > 0 else 0)
    for i, line in enumerate(lines):
        d.add(chart_text(x + dx, top - i * 7.5, line, 6.8, anchor))


# ------------------------------------------------------------------------------------------- pillar bars


class _BarGeometry:
    LABEL_W, VALUE_W = 74.0, 30.0

    def __init__(self, width: float, height: float, count: int) -> None:
        self.width, self.height = width, height
        self.top, self.bottom = height - 20, 34.0
        self.x0, self.x1 = self.LABEL_W, width - self.VALUE_W
        self.scale = self.x1 - self.x0
        self.step = (self.top - self.bottom) / max(count, 1)
        self.bar_h = min(12.0, self.step * 0.62)

    def y(self, i: int) -> float:
        return self.top - (i + 1) * self.step + (self.step - self.bar_h) / 2


def pillar_bars(view: ScorecardView, width: float = 255, height: float = 215) -> Chart:
    """One bar per pillar (its index), the peer average as a tick, and the target line (the top band)."""
    rows = [p for p in view.pillars if p.scored]
    g = _BarGeometry(width, height, len(rows))
    front = Drawing(width, height)
    for i, row in enumerate(rows):
        y = g.y(i)
        if row.index is None or not row.answered:
            words = "không áp dụng" if row.index is None else "chưa có dữ liệu"
            front.add(chart_text(g.x0 + 4, y + g.bar_h / 2 - 2.4, words, 6.4, color=MUTED))
            continue
        front.add(rect(g.x0, y, g.scale * min(row.index, 1.0), g.bar_h, fillColor=UNIT, strokeColor=None))
        if row.peer_average is not None:
            px = g.x0 + g.scale * row.peer_average
            front.add(Line(px, y - 2, px, y + g.bar_h + 2, strokeColor=PEER, strokeWidth=1.6))
        front.add(chart_text(g.x1 + 3, y + g.bar_h / 2 - 2.4, labels.number(row.index, 2), 6.8, bold=True))
    tx = g.x0 + g.scale * view.leading_index
    front.add(Line(tx, g.bottom - 3, tx, g.top + 4, strokeColor=TARGET, strokeWidth=1, strokeDashArray=(3, 2)))
    names = tuple((p.code, p.name) for p in rows)
    target = f"Mục tiêu: mức {view.leading_band} (≥ {labels.number(view.leading_index, 2)})"
    return Chart(width, height, ("bars", width, height, names, target, tx),
                 lambda: _bar_axes(g, names, target, tx), front)


def _bar_axes(g: _BarGeometry, names: tuple[tuple[str, str], ...], target: str, tx: float) -> Drawing:
    d = Drawing(g.width, g.height)
    for i, (code, name) in enumerate(names):
        y = g.y(i)
        lines = short_label(name, code, g.LABEL_W - 6, 6.6)
        first = y + g.bar_h / 2 - 2.4 + (len(lines) - 1) * 3.6
        for j, line in enumerate(lines):
            d.add(chart_text(g.LABEL_W - 4, first - j * 7.2, line, 6.6, "end"))
        d.add(rect(g.x0, y, g.scale, g.bar_h, fillColor=TRACK, strokeColor=None))
    d.add(chart_text(tx, g.top + 7, target, 6.6, "middle", color=TARGET))
    for k in range(6):
        x = g.x0 + g.scale * k / 5
        d.add(Line(x, g.bottom - 3, x, g.bottom - 1, strokeColor=TEXT, strokeWidth=0.5))
        d.add(chart_text(x, g.bottom - 11, labels.number(k / 5, 1), 6, "middle"))
    _legend(d, 8, 4, [(UNIT, "Chỉ số của đơn vị", False), (PEER, "Bình quân nhóm", False),
                      (TARGET, "Mục tiêu", True)])
    return d


# ------------------------------------------------------------------------------------------------- trend


def trend(view: ScorecardView, width: float = 515, height: float | None = None) -> Chart:
    """The unit's index and the peer average in each cycle it was assessed (lower with a single cycle)."""
    height = height or (100.0 if len(view.trend) > 1 else 80.0)
    front = Drawing(width, height)
    points = view.trend
    x0, x1, y0, y1 = 34.0, width - 150, 22.0, height - 10
    years = [p.cycle for p in points]
    span = max(years) - min(years) if len(years) > 1 else 0

    def x_of(year: int) -> float:
        return (x0 + x1) / 2 if span == 0 else x0 + 30 + (x1 - x0 - 60) * (year - min(years)) / span

    def y_of(value: float) -> float:
        return y0 + (y1 - y0) * max(0.0, min(value, 1.0))

    for year in years:
        front.add(chart_text(x_of(year), y0 - 11, str(year), 7, "middle", bold=True))
    _series(front, [(x_of(p.cycle), y_of(p.peer_average)) for p in points if p.peer_average is not None], PEER, True)
    unit = [(x_of(p.cycle), y_of(p.index), p.index) for p in points if p.index is not None]
    _series(front, [(x, y) for x, y, _ in unit], UNIT, False)
    for x, y, value in unit:
        front.add(chart_text(x, y + 5, labels.index(value), 6.8, "middle", bold=True, color=UNIT))
    _trend_notes(front, view, x1 + 14, y1)
    return Chart(width, height, ("trend", width, height), lambda: _trend_grid(width, height, x0, x1, y0, y1), front)


def _trend_grid(width: float, height: float, x0: float, x1: float, y0: float, y1: float) -> Drawing:
    d = Drawing(width, height)
    for k in range(6):
        y = y0 + (y1 - y0) * k / 5
        d.add(Line(x0, y, x1, y, strokeColor=GRID, strokeWidth=0.4))
        d.add(chart_text(x0 - 4, y - 2, labels.number(k / 5, 1), 6, "end"))
    _legend(d, x1 + 14, y1 - 8, [(UNIT, "Đơn vị", False)])
    _legend(d, x1 + 14, y1 - 20, [(PEER, "Bình quân nhóm", True)])
    return d


def _series(d: Drawing, xy: list[tuple[float, float]], color: colors.Color, dashed: bool) -> None:
    if len(xy) > 1:
        d.add(PolyLine([c for p in xy for c in p], strokeColor=color, strokeWidth=1.6,
                       **_dash(dashed)))
    for x, y in xy:
        d.add(rect(x - 2, y - 2, 4, 4, fillColor=color, strokeColor=None))


def _trend_notes(d: Drawing, view: ScorecardView, x: float, top: float) -> None:
    notes = []
    if len(view.trend) < 2:
        notes = ["Mới có một chu kỳ đánh giá:", "chưa có xu hướng để so sánh."]
    elif len({p.methodology.split("@")[0] for p in view.trend}) > 1:
        notes = ["Bộ chỉ số thay đổi giữa các", "chu kỳ; so sánh theo chỉ số (0–1)."]
    for i, line in enumerate(notes):
        d.add(chart_text(x, top - 40 - i * 9, line, 6.6, color=colors.HexColor("#555555")))
