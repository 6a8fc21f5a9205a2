"""Radar chart: the selected unit's pillar indices against the peer average and the best unit. A polygon goes
only through the axes where the unit has a score: a pillar that does not apply, or has no answer yet, is
skipped (never drawn as 0 at the centre) and its axis label says which."""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, Qt

from assessment.domain.comparison import SCORED
from gui.dashboard.marks import cell_text, state_label
from gui.dashboard.plots import SELECTED, Chart
from gui.i18n import tr

HOVER_DISTANCE = 0.08  # how near a corner the mouse must be to name it


class RadarChart(Chart):
    def __init__(self) -> None:
        super().__init__(tr("Radar: pillars against peers"))
        self.setAspectLocked(True)
        for axis in ("left", "bottom"):
            self.hideAxis(axis)
        self.legend = self.addLegend(offset=(10, 10), labelTextColor="#222")
        self.grid_items: list[pg.GraphicsObject] = []
        self.series = {
            "unit": pg.PlotDataItem(pen=pg.mkPen(SELECTED, width=3), name=tr("selected unit")),
            "average": pg.PlotDataItem(pen=pg.mkPen("#555", width=2, style=Qt.PenStyle.DashLine),
                                       name=tr("peer average")),
            "best": pg.PlotDataItem(pen=pg.mkPen("#1b7e3a", width=2), name=tr("best unit")),
        }
        for item in self.series.values():
            self.addItem(item)
        self.values: dict[str, np.ndarray] = {}
        self.states: dict[str, np.ndarray] = {}  # per series: SCORED or why an axis is skipped
        self.labels: list[pg.TextItem] = []
        self.hover_axis = 0

    def _point(self, k: int, n: int, radius: float) -> tuple[float, float]:
        angle = math.pi / 2 - 2 * math.pi * k / n
        return radius * math.cos(angle), radius * math.sin(angle)

    def draw(self) -> None:
        group = self.comparison.group
        if getattr(self, "grid_for", None) != group.pillar_codes:  # the web changes only with the pillars
            self._draw_grid(group.pillar_codes)
        n = len(group.pillar_codes)
        self.values["average"] = group.pillar_average
        self.states["average"] = np.where(np.isnan(group.pillar_average), 1, SCORED)
        best = group.best
        self.values["best"] = group.pillar_index[best] if best is not None else np.full(n, np.nan)
        self.states["best"] = group.pillar_state[best] if best is not None else np.ones(n, dtype=np.int8)
        self._polygon("average")
        self._polygon("best")
        self.draw_selection()

    def _draw_grid(self, codes: tuple[str, ...]) -> None:
        for item in self.grid_items:
            self.removeItem(item)
        self.grid_items = []
        self.labels = []
        self.grid_for = codes
        n = len(codes)
        for ring in (0.2, 0.4, 0.6, 0.8, 1.0):
            xs, ys = zip(*(self._point(k, n, ring) for k in [*range(n), 0]), strict=True)
            self.grid_items.append(self.plot(xs, ys, pen=pg.mkPen("#ddd")))
        for k, code in enumerate(codes):
            x, y = self._point(k, n, 1.0)
            self.grid_items.append(self.plot([0, x], [0, y], pen=pg.mkPen("#ddd")))
            label = pg.TextItem(code, color="#222", anchor=(0.5, 0.5))
            label.setPos(*self._point(k, n, 1.13))
            self.addItem(label)
            self.grid_items.append(label)
            self.labels.append(label)
        self.setRange(xRange=(-1.25, 1.25), yRange=(-1.25, 1.25), padding=0)

    def _polygon(self, name: str) -> None:
        values, states = self.values[name], self.states[name]
        n = len(values)
        axes = [k for k in range(n) if states[k] == SCORED and not np.isnan(values[k])]
        points = [self._point(k, n, float(values[k])) for k in [*axes, *axes[:1]]]
        self.series[name].setData([p[0] for p in points], [p[1] for p in points])

    def draw_selection(self) -> None:
        group = self.comparison.group if self.comparison else None
        if group is None or self.selected not in group.codes:
            self.series["unit"].setData([], [])
            self.values["unit"] = np.array([])
            self.states["unit"] = np.array([], dtype=np.int8)
            self._label_axes(np.full(len(self.labels), SCORED))
            return
        self.values["unit"] = group.pillar_index[group.row(self.selected)]
        self.states["unit"] = group.pillar_state[group.row(self.selected)]
        self._polygon("unit")
        self._label_axes(self.states["unit"])

    def _label_axes(self, states: np.ndarray) -> None:
        """An axis the selected unit has no score on says why, in grey, under its code."""
        for label, code, state in zip(self.labels, self.grid_for, states, strict=True):
            if state == SCORED:
                label.setText(code, color="#222")
            else:
                label.setText(f"{code}\n({state_label(int(state)).lower()})", color="#757575")

    def row_at(self, point: QPointF) -> int | None:
        """The selected or the best unit when the mouse is at a corner of its polygon (that corner is kept)."""
        group = self.comparison.group
        n = len(group.pillar_codes)
        for name, row in (("unit", group.row(self.selected) if self.selected in group.codes else None),
                          ("best", group.best)):
            if row is None or len(self.values.get(name, ())) != n:
                continue
            for k in range(n):
                if self.states[name][k] != SCORED:
                    continue
                x, y = self._point(k, n, float(self.values[name][k]))
                if math.hypot(point.x() - x, point.y() - y) <= HOVER_DISTANCE:
                    self.hover_axis = k
                    return row
        return None

    def describe(self, row: int, point: QPointF) -> str:
        group, k = self.comparison.group, self.hover_axis
        shown = cell_text(group.pillar_index[row, k], int(group.pillar_state[row, k]), self.lang)
        return f"{self.unit_summary(row)}\n{group.pillar_codes[k]} {group.pillar_names[k].get(self.lang)}: {shown}"
