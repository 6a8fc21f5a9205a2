"""Peer-group charts drawn with pyqtgraph from a `Comparison` (plain data from the service): ranking,
heatmap, distribution per pillar and the target-status matrix. Each chart emits `unit_clicked(code)`,
highlights the selected unit and, on hover, names the unit under the mouse with its index, band and rank in the
window's language; none of them touches the database. "Not applicable" and "no data" never look like a 0
(gui/dashboard/marks.py)."""

from __future__ import annotations

import warnings

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QToolTip

from assessment.domain.comparison import NO_DATA, NOT_APPLICABLE, SCORED, STATUS_ORDER
from assessment.domain.model import Target
from assessment.services.compare_area import Comparison
from gui.dashboard.axes import language_axes, speak_language
from gui.dashboard.marks import (
    NA_BACKGROUND,
    NA_STRIPE,
    NO_DATA_COLOUR,
    cell_text,
    na_brush,
    number,
    overlay,
    state_label,
)
from gui.i18n import tr

BAND_COLOURS = {1: "#c62828", 2: "#ef8a3c", 3: "#e3c21b", 4: "#7cb342", 5: "#1b7e3a", None: "#9e9e9e"}
BAND_BRUSHES = {band: pg.mkBrush(colour) for band, colour in BAND_COLOURS.items()}  # shared, not one per bar
STATUS_COLOURS = ("#1b7e3a", "#9ccc65", "#64b5f6", "#e65100", "#cfd8dc")  # met, on track, baseline, behind, no data
SELECTED = "#0d47a1"
# dxscore's band goal: the first index of the highest default band. Not Resolution 18's "leading group", which is
# Hanoi's rank among the provinces (the Resolution 18 tab shows that one).
GOAL_INDEX = 0.8
STRIP_LIMIT = 600  # above this many units the distribution shows boxes and whiskers without the dots


def target_columns(comparison: Comparison) -> list[str]:
    """A column header per target of the matrix: the code of the indicator measured against it (what an
    inspector knows from the questionnaire), else T1, T2, …"""
    linked: dict[str, str] = {}
    for methodology in comparison.methodologies.values():
        for indicator in methodology.indicators:
            if indicator.target_id:
                linked.setdefault(indicator.target_id, indicator.code)
    return [linked.get(t, f"T{k}") for k, t in enumerate(comparison.group.target_ids, start=1)]


def elide_middle(text: str, limit: int = 34) -> str:
    """A long unit name keeps its start (the kind, Sở/Ban/Phường) and its end (what tells it apart)."""
    if len(text) <= limit:
        return text
    head = (limit - 1) * 3 // 5
    return text[:head].rstrip() + "…" + text[-(limit - 1 - head):].lstrip()


def pillar_key(comparison: Comparison, lang: str) -> str:
    """The pillar codes the charts' axes show, with their names."""
    group = comparison.group
    return " · ".join(f"<b>{code}</b> {name.get(lang)}"
                      for code, name in zip(group.pillar_codes, group.pillar_names, strict=True))


def target_legend(comparison: Comparison, lang: str) -> str:
    """HTML under the matrix: the colours, then what each column (an indicator code) measures against."""
    chips = " ".join(f"<span style='background:{c}'>&nbsp;&nbsp;&nbsp;</span> {status_label(s)}"
                     for c, s in zip(STATUS_COLOURS, STATUS_ORDER, strict=True))
    chips += (f" <span style='background:{NA_BACKGROUND}; color:{NA_STRIPE}'>&nbsp;╱╱&nbsp;</span> "
              f"{tr('not linked or not applicable')}")
    names = []
    for column, target_id in zip(target_columns(comparison), comparison.group.target_ids, strict=True):
        target = comparison.targets.get(target_id)
        names.append(f"<b>{column}</b> {target_title(target, lang) if target else target_id}")
    return chips + "<br>" + " · ".join(names)


def target_title(target: Target, lang: str = "vi") -> str:
    """A target's text, marked when no public source confirms its value (targets.yaml keeps the flag)."""
    return target.text.get(lang) + (" " + tr("(value unconfirmed)") if target.unconfirmed else "")


def status_label(status: str) -> str:
    return {"met": tr("met"), "on_track": tr("on track"), "baseline": tr("baseline (first cycle)"),
            "behind": tr("behind"), "no_data": tr("no data")}[status]


class Chart(pg.PlotWidget):
    """A plot over the comparison's units; subclasses map a scene point to a unit row."""

    unit_clicked = Signal(str)
    lang = "vi"  # the window's language, set by the dashboard: names and numbers in tooltips

    def __init__(self, title: str) -> None:
        super().__init__(background="w", axisItems=language_axes())
        self.setObjectName(type(self).__name__)
        self.setAccessibleName(title)
        self.setTitle(title, color="#222", size="11pt")
        self.comparison: Comparison | None = None
        self.selected: str | None = None
        self.setMouseEnabled(x=False, y=False)
        self.hideButtons()
        self.scene().sigMouseMoved.connect(self._hover)
        self.scene().sigMouseClicked.connect(self._click)

    def row_at(self, point: QPointF) -> int | None:
        return None

    def describe(self, row: int, point: QPointF) -> str:
        return self.unit_summary(row)

    def unit_summary(self, row: int) -> str:
        """Name and code, then index, band and rank in the group: what every chart's tooltip starts with."""
        group = self.comparison.group
        bands = {b.code: b.name.get(self.lang) for b in group.bands}
        band = group.band[row]
        index = cell_text(group.index[row], int(group.index_state[row]), self.lang, 4)
        shown_band = f"{band} {bands.get(band, '')}".strip() if band is not None else "—"
        return (f"{group.names[row].get(self.lang)} ({group.codes[row]})\n"
                f"{tr('Index')}: {index} · {tr('Band')}: {shown_band} · {tr('Rank')}: {group.rank[row] or '—'}"
                f"/{len(group)}")

    def _hover(self, scene_pos: QPointF) -> None:
        if self.comparison is None or not self.plotItem.vb.sceneBoundingRect().contains(scene_pos):
            QToolTip.hideText()
            return
        point = self.plotItem.vb.mapSceneToView(scene_pos)
        row = self.row_at(point)
        if row is None:
            QToolTip.hideText()
            return
        # QGraphicsView.mapFromScene gives viewport coordinates as a QPoint already
        where = self.viewport().mapToGlobal(self.mapFromScene(scene_pos))
        QToolTip.showText(where, self.describe(row, point), self.viewport())

    def _click(self, event) -> None:  # type: ignore[no-untyped-def]
        if self.comparison is None or event.button() != Qt.MouseButton.LeftButton:
            return
        row = self.row_at(self.plotItem.vb.mapSceneToView(event.scenePos()))
        if row is not None:
            self.unit_clicked.emit(self.comparison.group.codes[row])

    def show_comparison(self, comparison: Comparison, selected: str | None) -> None:
        self.comparison, self.selected = comparison, selected
        self.draw()

    def select(self, code: str | None) -> None:
        self.selected = code
        self.draw_selection()

    def draw(self) -> None:
        raise NotImplementedError

    def draw_selection(self) -> None:
        self.draw()


class RankingChart(Chart):
    """Index per unit, best first, coloured by maturity band, with the peer average and the goal."""

    def __init__(self) -> None:
        super().__init__(tr("Ranking: index per unit"))
        self.setLabel("left", tr("Index"))
        self.setLabel("bottom", tr("Rank"))
        # one item per band with one brush: pyqtgraph then paints all of a band's bars in one call
        self.bars = {band: pg.BarGraphItem(x=[], height=[], width=0.8, brush=BAND_BRUSHES[band], pen=None)
                     for band in BAND_COLOURS}
        self.heights = np.array([])
        self.highlight = pg.BarGraphItem(x=[], height=[], width=0.8, brush=None, pen=pg.mkPen(SELECTED, width=3))
        self.average = pg.InfiniteLine(angle=0, pen=pg.mkPen("#444", style=Qt.PenStyle.DashLine),
                                       label="", labelOpts={"position": 0.82, "color": "#444",
                                                            "fill": (255, 255, 255, 200)})
        self.goal = pg.InfiniteLine(pos=GOAL_INDEX, angle=0, pen=pg.mkPen("#1b7e3a", style=Qt.PenStyle.DotLine),
                                    label=tr("dxscore band goal: band 5, index ≥ 0.8"),
                                    labelOpts={"position": 0.6, "color": "#1b7e3a", "fill": (255, 255, 255, 200)})
        # the inspectors' index beside the self-assessed bar, once anything has been appraised
        self.appraised = pg.ScatterPlotItem(x=[], y=[], symbol="d", size=15, brush=pg.mkBrush("#b3122e"),
                                            pen=pg.mkPen("#ffffff", width=1.5))
        # a unit without a score has no bar: a mark at the foot says why, never a bar of height 0
        self.unscored = {
            NO_DATA: pg.ScatterPlotItem(x=[], y=[], symbol="s", size=11, brush=pg.mkBrush(NO_DATA_COLOUR),
                                        pen=pg.mkPen("#607d8b"), name=state_label(NO_DATA)),
            NOT_APPLICABLE: pg.ScatterPlotItem(x=[], y=[], symbol="s", size=11, brush=na_brush(),
                                               pen=pg.mkPen("#757575"), name=state_label(NOT_APPLICABLE)),
        }
        self.addLegend(offset=(-10, 10), labelTextColor="#222", brush=(255, 255, 255, 220))
        for item in (*self.bars.values(), self.highlight, self.average, self.goal, self.appraised,
                     *self.unscored.values()):
            self.addItem(item)
        self.setYRange(0, 1.05)

    def draw(self) -> None:
        group = self.comparison.group
        self.heights = np.nan_to_num(group.index)
        positions = np.arange(1, len(group) + 1)
        bands = np.array([b if b is not None else 0 for b in group.band])
        scored = group.index_state == SCORED
        for band, item in self.bars.items():
            members = (bands == (band if band is not None else 0)) & scored
            item.setOpts(x=positions[members], height=self.heights[members])
        for state, item in self.unscored.items():
            members = group.index_state == state
            item.setData(x=positions[members], y=np.full(int(members.sum()), 0.03))
        appraised = ~np.isnan(group.appraised_index)
        self.appraised.setData(x=positions[appraised], y=group.appraised_index[appraised])
        self.setTitle(tr("Ranking: index per unit") + ("  ◆ " + tr("appraised") if appraised.any() else ""),
                      color="#222", size="11pt")
        self.average.setValue(group.average)
        self.average.label.setFormat(tr("peer average %1").replace("%1", number(group.average, self.lang, 3)))
        self.setXRange(0.2, max(len(group), 1) + 0.8, padding=0)
        axis = self.getAxis("bottom")  # ranks are whole numbers: a small group gets one tick per rank
        if len(group) <= 20:
            axis.setTickSpacing(1, 1)
        else:
            axis.setTickSpacing()
        self.draw_selection()

    def draw_selection(self) -> None:
        group = self.comparison.group if self.comparison else None
        if group is None or self.selected not in group.codes:
            self.highlight.setOpts(x=[], height=[])
            return
        row = group.row(self.selected)
        self.highlight.setOpts(x=[row + 1], height=[np.nan_to_num(group.index[row])])

    def row_at(self, point: QPointF) -> int | None:
        position = round(point.x())
        row = position - 1
        return row if 0 <= row < len(self.comparison.group) and abs(point.x() - position) <= 0.4 else None

    def describe(self, row: int, point: QPointF) -> str:
        group = self.comparison.group
        text = (f"{self.unit_summary(row)}\n{tr('Points')}: {number(group.points[row], self.lang, 1)}"
                f"/{group.max_points[row]:g}")
        if not np.isnan(group.appraised_index[row]):
            label = tr("Appraised index")
            text += f"\n{label}: {number(group.appraised_index[row], self.lang, 4)}"
        return text


class HeatmapChart(Chart):
    """Units × pillars, ordered by any pillar (or the overall index), with a colour legend."""

    def __init__(self) -> None:
        super().__init__(tr("Heatmap: pillar index per unit"))
        self.order_pillar: str | None = None
        self.order: list[int] = []
        self.image = pg.ImageItem(axisOrder="row-major")
        self.addItem(self.image)
        self.colours = pg.ColorMap([0.0, 0.5, 1.0], [QColor("#c62828"), QColor("#e3c21b"), QColor("#1b7e3a")])
        self.image.setLookupTable(self.colours.getLookupTable(nPts=256))
        self.legend = pg.ColorBarItem(values=(0, 1), colorMap=self.colours, label=tr("pillar index"),
                                      interactive=False)
        self.legend.setImageItem(self.image, insert_in=self.plotItem)
        speak_language(self.legend.axis)
        self.invertY(True)
        self.unscored = pg.ImageItem(axisOrder="row-major")  # stripes / blue-grey over cells without a score
        self.addItem(self.unscored)
        self.marker = pg.PlotDataItem(pen=pg.mkPen(SELECTED, width=3))
        self.addItem(self.marker)

    def set_order(self, pillar: str | None) -> None:
        self.order_pillar = pillar
        if self.comparison is not None:
            self.draw()

    def draw(self) -> None:
        group = self.comparison.group
        self.order = group.order_by(self.order_pillar)
        values = group.pillar_index[self.order] if len(group) else np.zeros((0, len(group.pillar_codes)))
        self.values = values
        self.states = group.pillar_state[self.order] if len(group) else np.zeros(values.shape, dtype=np.int8)
        self.image.setImage(np.where(np.isnan(values), 0.0, values), levels=(0, 1), autoLevels=False)
        rect = (0, 0, max(len(group.pillar_codes), 1), max(len(group), 1))
        self.image.setRect(*rect)
        self.unscored.setImage(overlay(self.states), autoLevels=False, levels=(0, 255))
        self.unscored.setRect(*rect)
        self.getAxis("bottom").setTicks([[(i + 0.5, c) for i, c in enumerate(group.pillar_codes)]])
        step = max(1, len(group) // 30)
        self.getAxis("left").setTicks([[(r + 0.5, elide_middle(group.names[row].get(self.lang)))
                                        for r, row in enumerate(self.order) if r % step == 0]])
        self.setRange(xRange=(0, len(group.pillar_codes)), yRange=(0, max(len(group), 1)), padding=0)
        self.draw_selection()

    def draw_selection(self) -> None:
        group = self.comparison.group if self.comparison else None
        if group is None or self.selected not in group.codes or not self.order:
            self.marker.setData([], [])
            return
        r = self.order.index(group.row(self.selected))
        width = len(group.pillar_codes)
        self.marker.setData([0, width, width, 0, 0], [r, r, r + 1, r + 1, r])

    def row_at(self, point: QPointF) -> int | None:
        r = int(point.y())
        return self.order[r] if 0 <= point.x() <= len(self.comparison.group.pillar_codes) and \
            0 <= r < len(self.order) else None

    def describe(self, row: int, point: QPointF) -> str:
        group = self.comparison.group
        column = min(max(int(point.x()), 0), len(group.pillar_codes) - 1)
        state = int(group.pillar_state[row, column])
        shown = cell_text(group.pillar_index[row, column], state, self.lang)
        if state == NOT_APPLICABLE:
            shown += f" ({state_label(state).lower()})"
        return (f"{self.unit_summary(row)}\n{group.pillar_codes[column]} {group.pillar_names[column].get(self.lang)}"
                f": {shown}")


class DistributionChart(Chart):
    """Each pillar: every unit as a dot (strip, up to STRIP_LIMIT units), the quartile box, the median and
    whiskers to the 5th and 95th percentiles; the selected unit ringed."""

    def __init__(self) -> None:
        super().__init__(tr("Distribution per pillar"))
        self.setLabel("left", tr("Pillar index"))
        self.boxes = pg.BarGraphItem(x=[], height=[], width=0.6, brush=pg.mkBrush(200, 200, 200, 90),
                                     pen=pg.mkPen("#555"))
        self.medians = pg.ErrorBarItem(x=np.array([]), y=np.array([]), width=0.6, height=0, pen=pg.mkPen("#111",
                                                                                                          width=2))
        self.whiskers = pg.ErrorBarItem(x=np.array([]), y=np.array([]), beam=0.2, pen=pg.mkPen("#555"))
        self.dots = pg.ScatterPlotItem(size=5, pen=None, brush=pg.mkBrush(60, 90, 160, 150))
        self.mark = pg.ScatterPlotItem(size=12, pen=pg.mkPen(SELECTED, width=2), brush=None)
        # units with nothing answered in a pillar: blue-grey squares below the axis, outside the quartiles;
        # units the pillar does not apply to are left out (the legend says both)
        self.no_data = pg.ScatterPlotItem(size=7, symbol="s", pen=pg.mkPen("#607d8b"),
                                          brush=pg.mkBrush(NO_DATA_COLOUR), name=state_label(NO_DATA))
        self.addLegend(offset=(-10, -10), labelTextColor="#222", brush=(255, 255, 255, 220))
        for item in (self.whiskers, self.boxes, self.medians, self.dots, self.mark, self.no_data):
            self.addItem(item)
        self.legend_na = pg.ScatterPlotItem(symbol="s", size=11, brush=na_brush(), pen=pg.mkPen("#757575"))
        self.plotItem.legend.addItem(self.legend_na, state_label(NOT_APPLICABLE) + " " + tr("(left out)"))
        self.setYRange(-0.08, 1.05)

    def draw(self) -> None:
        group = self.comparison.group
        n, p = group.pillar_index.shape
        rng = np.random.default_rng(7)  # the same jitter every time: dots do not dance on redraw
        self.jitter = rng.uniform(-0.22, 0.22, size=(n, p))
        xs = np.arange(p)[None, :] + self.jitter
        known = group.pillar_state == SCORED
        self.shown = np.where(known, group.pillar_index, np.nan)  # what the strip and the quartiles are of
        if n <= STRIP_LIMIT:
            self.dots.setData(xs[known], group.pillar_index[known])
        else:  # thousands of dots are unreadable and slow: the box and whiskers say it
            self.dots.setData([], [])
        empty = group.pillar_state == NO_DATA
        self.no_data.setData(xs[empty], np.full(int(empty.sum()), -0.04))
        with warnings.catch_warnings():  # an all-unanswered pillar has no quartiles: NaN, drawn as nothing
            warnings.simplefilter("ignore", RuntimeWarning)
            low, q1, median, q3, high = (np.nanpercentile(self.shown, q, axis=0) if n else np.zeros(p)
                                         for q in (5, 25, 50, 75, 95))
        self.quartiles = (q1, median, q3)
        self.whiskers.setData(x=np.arange(p), y=np.nan_to_num(median), top=np.nan_to_num(high - median),
                              bottom=np.nan_to_num(median - low))
        self.boxes.setOpts(x=np.arange(p), y0=np.nan_to_num(q1), height=np.nan_to_num(q3 - q1))
        self.medians.setData(x=np.arange(p), y=np.nan_to_num(median))
        self.getAxis("bottom").setTicks([[(i, c) for i, c in enumerate(group.pillar_codes)]])
        self.setXRange(-0.6, p - 0.4, padding=0)
        self.draw_selection()

    def draw_selection(self) -> None:
        group = self.comparison.group if self.comparison else None
        if group is None or self.selected not in group.codes:
            self.mark.setData([], [])
            return
        row = group.row(self.selected)
        values = np.where(group.pillar_state[row] == NO_DATA, -0.04, group.pillar_index[row])
        known = group.pillar_state[row] != NOT_APPLICABLE
        self.mark.setData((np.arange(len(values)) + self.jitter[row])[known], values[known])

    def row_at(self, point: QPointF) -> int | None:
        group = self.comparison.group
        column = round(point.x())
        if not 0 <= column < len(group.pillar_codes):
            return None
        drawn = np.where(group.pillar_state[:, column] == NO_DATA, -0.04, self.shown[:, column])
        distance = np.abs(drawn - point.y()) + np.abs(self.jitter[:, column] + column - point.x())
        distance = np.where(np.isnan(distance), np.inf, distance)
        best = int(np.argmin(distance)) if len(distance) else None
        return best if best is not None and distance[best] < 0.05 else None

    def describe(self, row: int, point: QPointF) -> str:
        group = self.comparison.group
        column = min(max(round(point.x()), 0), len(group.pillar_codes) - 1)
        shown = cell_text(group.pillar_index[row, column], int(group.pillar_state[row, column]), self.lang)
        return (f"{self.unit_summary(row)}\n{group.pillar_codes[column]} {group.pillar_names[column].get(self.lang)}"
                f": {shown}")


class TargetMatrixChart(Chart):
    """Units × target-linked indicators: met, on track, behind, no data."""

    def __init__(self) -> None:
        super().__init__(tr("Targets: status per unit"))
        self.image = pg.ImageItem(axisOrder="row-major")
        self.addItem(self.image)
        self.image.setLookupTable(np.array([QColor(c).getRgb()[:3] for c in ("#ffffff", *STATUS_COLOURS)],
                                           dtype=np.ubyte))
        self.invertY(True)
        self.unscored = pg.ImageItem(axisOrder="row-major")  # stripes where the target does not apply
        self.addItem(self.unscored)
        self.marker = pg.PlotDataItem(pen=pg.mkPen(SELECTED, width=3))
        self.addItem(self.marker)

    def draw(self) -> None:
        group = self.comparison.group
        self.cells = np.zeros(group.target_status.shape, dtype=np.uint8)
        for code, status in enumerate(STATUS_ORDER, start=1):
            self.cells[group.target_status == status.value] = code
        self.image.setImage(self.cells, levels=(0, len(STATUS_ORDER)), autoLevels=False)
        columns = max(len(group.target_ids), 1)
        self.image.setRect(0, 0, columns, max(len(group), 1))
        states = np.where(self.cells == 0, NOT_APPLICABLE, SCORED).astype(np.int8)
        self.unscored.setImage(overlay(states), autoLevels=False, levels=(0, 255))
        self.unscored.setRect(0, 0, columns, max(len(group), 1))
        self.getAxis("bottom").setTicks([[(i + 0.5, c) for i, c in enumerate(target_columns(self.comparison))]])
        step = max(1, len(group) // 30)
        self.getAxis("left").setTicks([[(r + 0.5, elide_middle(group.names[r].get(self.lang)))
                                        for r in range(len(group)) if r % step == 0]])
        self.setRange(xRange=(0, columns), yRange=(0, max(len(group), 1)), padding=0)
        self.draw_selection()

    def draw_selection(self) -> None:
        group = self.comparison.group if self.comparison else None
        if group is None or self.selected not in group.codes:
            self.marker.setData([], [])
            return
        r, width = group.row(self.selected), len(group.target_ids)
        self.marker.setData([0, width, width, 0, 0], [r, r, r + 1, r + 1, r])

    def row_at(self, point: QPointF) -> int | None:
        r = int(point.y())
        return r if 0 <= point.x() <= len(self.comparison.group.target_ids) and 0 <= r < len(self.comparison.group) \
            else None

    def describe(self, row: int, point: QPointF) -> str:
        group = self.comparison.group
        column = min(max(int(point.x()), 0), len(group.target_ids) - 1)
        status = group.target_status[row, column]
        target = self.comparison.targets.get(group.target_ids[column])
        title = target_title(target, self.lang) if target else group.target_ids[column]
        shown = status_label(status) if status else tr("not linked or not applicable")
        return f"{self.unit_summary(row)}\n{target_columns(self.comparison)[column]} {title}: {shown}"
