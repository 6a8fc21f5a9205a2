"""Trend of the selected unit across cycles: its index, and one target-linked indicator against the 2025 and
2030 targets with the projection at the current pace drawn dashed."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QVBoxLayout, QWidget

from assessment.services.compare_area import UnitTrend
from gui.dashboard.axes import language_axes
from gui.dashboard.plots import SELECTED, status_label, target_title
from gui.i18n import tr

TITLE_COLOUR = "#222222"  # pyqtgraph's default title grey reads as a disabled control


class TrendChart(QWidget):
    lang = "vi"  # the window's language, set by the dashboard: target names

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("TrendChart")
        self.trend: UnitTrend | None = None
        self.indicator = QComboBox()
        self.indicator.setAccessibleName(tr("Target-linked indicator"))
        self.indicator.currentIndexChanged.connect(self._draw_series)
        self.index_plot = pg.PlotWidget(background="w", axisItems=language_axes())
        self.index_plot.setTitle(tr("Index across cycles"), color=TITLE_COLOUR)
        self.index_plot.setYRange(0, 1.05)
        # a cycle without an index is a gap in the line, never a point at 0
        self.index_line = self.index_plot.plot(pen=pg.mkPen(SELECTED, width=3), symbol="o", symbolBrush=SELECTED,
                                               connect="finite")
        self.series_plot = pg.PlotWidget(background="w", axisItems=language_axes())
        self.series_plot.setTitle(tr("Indicator against its targets"), color=TITLE_COLOUR)
        self.series_plot.addLegend(offset=(-10, -10), labelTextColor=TITLE_COLOUR, brush=(255, 255, 255, 220))
        self.values = self.series_plot.plot(pen=pg.mkPen(SELECTED, width=3), symbol="o", symbolBrush=SELECTED,
                                            name=tr("value reported"))
        self.projection = self.series_plot.plot(pen=pg.mkPen(SELECTED, width=2, style=Qt.PenStyle.DashLine),
                                                name=tr("projection at the current pace"))
        self.targets = pg.ScatterPlotItem(symbol="star", size=16, brush=pg.mkBrush("#1b7e3a"), pen=None,
                                          name=tr("target (2025, 2030)"))
        self.series_plot.addItem(self.targets)  # named: the legend lists it
        for plot in (self.index_plot, self.series_plot):
            plot.setMouseEnabled(x=False, y=False)
            plot.hideButtons()
        layout = QVBoxLayout(self)
        layout.addWidget(self.index_plot, 1)
        layout.addWidget(self.indicator)
        self.pace = QLabel()
        self.pace.setWordWrap(True)
        layout.addWidget(self.series_plot, 1)
        layout.addWidget(self.pace)

    def show_trend(self, trend: UnitTrend) -> None:
        self.trend = trend
        cycles = [p.cycle for p in trend.index]
        self.index_line.setData(cycles, [p.index if p.index is not None else float("nan") for p in trend.index])
        self.index_plot.getAxis("bottom").setTicks([[(c, str(c)) for c in range(min(cycles, default=2024),
                                                                                 2031)]])
        self.index_plot.setXRange(min(cycles, default=2024) - 0.5, 2030.5, padding=0)
        self.indicator.blockSignals(True)
        self.indicator.clear()
        for series in trend.series:
            title = target_title(series.target, self.lang)
            self.indicator.addItem(f"{series.indicator_code} — {title}", series.target.id)
        self.indicator.blockSignals(False)
        self._draw_series()

    def _draw_series(self) -> None:
        if self.trend is None or not self.trend.series:
            for item in (self.values, self.projection):
                item.setData([], [])
            self.targets.setData([], [])
            return
        series = self.trend.series[max(0, self.indicator.currentIndex())]
        years = [y for y, _ in series.values]
        self.values.setData(years, [v for _, v in series.values])
        milestones = [(y, v) for y, v in series.target.values if y in (2025, 2030)]
        self.targets.setData([y for y, _ in milestones], [v for _, v in milestones])
        if series.projected_year is not None and series.values:
            last_year, last_value = series.values[-1]
            self.projection.setData([last_year, series.projected_year], [last_value, series.target.values[-1][1]])
        else:
            self.projection.setData([], [])
        end = max([2030, *years, series.projected_year or 0])
        self.series_plot.setXRange(min(years, default=2024) - 0.5, end + 0.5, padding=0)
        top = max([*(v for _, v in series.values), *(v for _, v in milestones), 1.0])
        self.series_plot.setYRange(0, top * 1.1, padding=0)
        status = status_label(series.status) if series.status else "—"
        if series.projected_year is not None:
            pace = tr("reaches the last target in %1 at this pace").replace("%1", str(series.projected_year))
        elif len(series.values) >= 2:
            pace = tr("not at this pace")
        else:
            pace = tr("one cycle: no projection yet")
        self.series_plot.setTitle(f"{series.indicator_code}: {status}", color=TITLE_COLOUR)
        self.pace.setText(f"{target_title(series.target, self.lang)}: {status}; {pace}")
