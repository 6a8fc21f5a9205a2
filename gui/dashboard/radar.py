"""Radar chart: the selected unit's pillar indices against the peer average and the best unit."""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt

from gui.dashboard.plots import SELECTED, Chart
from gui.i18n import tr


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

    def _point(self, k: int, n: int, radius: float) -> tuple[float, float]:
        angle = math.pi / 2 - 2 * math.pi * k / n
        return radius * math.cos(angle), radius * math.sin(angle)

    def draw(self) -> None:
        group = self.comparison.group
        if getattr(self, "grid_for", None) != group.pillar_codes:  # the web changes only with the pillars
            self._draw_grid(group.pillar_codes)
        n = len(group.pillar_codes)
        self.values["average"] = group.pillar_average
        best = group.best
        self.values["best"] = group.pillar_index[best] if best is not None else np.full(n, np.nan)
        self._polygon("average")
        self._polygon("best")
        self.draw_selection()

    def _draw_grid(self, codes: tuple[str, ...]) -> None:
        for item in self.grid_items:
            self.removeItem(item)
        self.grid_items = []
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
        self.setRange(xRange=(-1.25, 1.25), yRange=(-1.25, 1.25), padding=0)

    def _polygon(self, name: str) -> None:
        values = np.nan_to_num(self.values[name])
        n = len(values)
        points = [self._point(k, n, float(values[k])) for k in [*range(n), 0]] if n else []
        self.series[name].setData([p[0] for p in points], [p[1] for p in points])

    def draw_selection(self) -> None:
        group = self.comparison.group if self.comparison else None
        if group is None or self.selected not in group.codes:
            self.series["unit"].setData([], [])
            self.values["unit"] = np.array([])
            return
        self.values["unit"] = group.pillar_index[group.row(self.selected)]
        self._polygon("unit")
