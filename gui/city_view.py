"""The Resolution 18 tab: how far Hà Nội is from each target of Resolution 18-NQ/TU and the plans under it,
and which units hold it back.

A table of every target in force (level, 2025/2030 milestones, the city's latest figure, status, projected year,
document and confidence), and for the chosen target: its series against the milestones, the figures derived from
the units' answers with the rule that derives them, and the units furthest behind. Beside it, Hanoi's published
provincial DTI rank against the "leading group" goal. Computed off the GUI thread by `service.city`."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from assessment.domain.city_progress import CityProgress, TargetProgress
from assessment.domain.model import TargetStatus
from assessment.service import AssessmentService
from gui.errors import show_error
from gui.i18n import tr
from gui.models import RowsTableModel, format_points
from gui.tasks import TaskRunner

STATUS_COLOUR = {TargetStatus.MET: "#5b9b3c", TargetStatus.ON_TRACK: "#8dbf5a", TargetStatus.BASELINE: "#4f7fb8",
                 TargetStatus.BEHIND: "#d9534f", TargetStatus.NO_DATA: "#9e9e9e"}


def status_text(status: TargetStatus) -> str:
    return {TargetStatus.MET: tr("met"), TargetStatus.ON_TRACK: tr("on track"), TargetStatus.BEHIND: tr("behind"),
            TargetStatus.BASELINE: tr("baseline (first cycle)"), TargetStatus.NO_DATA: tr("no data")}[status]


def level_text(level: str) -> str:
    return {"resolution": tr("Resolution 18"), "plan": tr("Programme / plan"),
            "annual_plan": tr("Year's plan")}.get(level, level)


def number(value: float | None, lang: str) -> str:
    if value is None:
        return "–"
    return format_points(value, lang)  # one decimal, none when whole: the window's rule


CONFIDENCE_NAMES = {"high": QT_TRANSLATE_NOOP("", "high"), "medium": QT_TRANSLATE_NOOP("", "medium"),
                    "low_medium": QT_TRANSLATE_NOOP("", "low to medium"), "low": QT_TRANSLATE_NOOP("", "low")}


class TargetTableModel(RowsTableModel):
    def __init__(self, lang: str) -> None:
        super().__init__()
        self.lang, self.year = lang, 0
        self.headers = [tr("Target"), tr("Level"), "2025", "2030", tr("City (latest)"), tr("Status"),
                        tr("Projected"), tr("Document"), tr("Confidence")]

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        row: TargetProgress = self.rows[index.row()]
        t, column = row.target, index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            flag = tr("unconfirmed")
            unconfirmed = f" [{flag}]" if t.unconfirmed else ""
            return (t.text.get(self.lang), level_text(t.level), number(t.value_in(2025), self.lang),
                    number(t.value_in(2030), self.lang), number(row.latest, self.lang), status_text(row.status),
                    self._projection(row), t.document + unconfirmed,
                    tr(CONFIDENCE_NAMES[t.confidence]) if t.confidence in CONFIDENCE_NAMES else t.confidence)[column]
        if role == Qt.ItemDataRole.ForegroundRole and column == 5:
            return QBrush(QColor(STATUS_COLOUR[row.status]))
        if role == Qt.ItemDataRole.ToolTipRole:
            extra = f"\n{t.note}" if self.lang == "en" and t.note else ""  # the targets file's notes are English
            return f"{t.source or tr('no public source')}{extra}".strip()
        return None

    def _projection(self, row: TargetProgress) -> str:
        p = row.projection
        if not p.enough_data:
            return tr("not enough cycles")
        return str(p.year) if p.year else tr("not at this pace")


class CityProgressView(QWidget):
    """The Resolution 18 tab; `recompute()` after the data changed."""

    def __init__(self, service: AssessmentService, runner: TaskRunner, lang: str, cycles: list[int]) -> None:
        super().__init__()
        self.setObjectName("cityProgress")
        self.service, self.runner, self.lang = service, runner, lang
        self.cycles = cycles  # the assessed cycles, read on the database lane
        self.progress: CityProgress | None = None
        self.generation = 0
        self._build()
        self.recompute()

    def _build(self) -> None:
        import pyqtgraph as pg  # lazily: the window shows before pyqtgraph is imported

        from gui.dashboard.axes import language_axes

        self.cycle = QComboBox()
        self.cycle.setAccessibleName(tr("Cycle"))
        for year in self.cycles:
            self.cycle.addItem(str(year), year)
        self.cycle.setCurrentIndex(self.cycle.count() - 1)
        self.cycle.currentIndexChanged.connect(self.recompute)
        self.summary = QLabel()
        self.summary.setObjectName("citySummary")
        self.summary.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(QLabel(tr("Cycle")))
        top.addWidget(self.cycle)
        top.addWidget(self.summary, 1)
        self.model = TargetTableModel(self.lang)
        self.table = QTableView()
        self.table.setObjectName("cityTargets")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(40)
        self.table.selectionModel().currentRowChanged.connect(self._chosen)
        self.series = pg.PlotWidget(axisItems=language_axes())
        self.series.setObjectName("citySeries")
        self.series.setBackground("w")
        self.series.setMinimumHeight(180)
        self.ranks = pg.PlotWidget(axisItems=language_axes())
        self.ranks.setObjectName("cityDtiRanks")
        self.ranks.setBackground("w")
        self.ranks.setMinimumHeight(150)
        self.details = QTextBrowser()
        self.details.setObjectName("cityDetails")
        self.details.setOpenExternalLinks(True)
        side = QSplitter(Qt.Orientation.Vertical)
        for widget in (self.series, self.details, self.ranks):
            side.addWidget(widget)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.table)
        split.addWidget(side)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setSizes([760, 500])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(split, 1)

    def recompute(self) -> None:
        year = self.cycle.currentData()
        if year is None:
            self.summary.setText(tr("No cycle in this database yet: every target reads “no data”."))
            return
        self.generation += 1
        generation, service = self.generation, self.service

        def done(progress: CityProgress) -> None:
            if generation == self.generation:
                self.show_progress(progress)

        self.runner.compute(lambda: service.city.progress(year=year), done, lambda error: show_error(self, error))

    def show_progress(self, progress: CityProgress) -> None:
        self.progress = progress
        self.model.set_rows(progress.rows)
        counts = ", ".join(f"{status_text(s)}: {progress.count(s)}" for s in TargetStatus)
        demo = "  " + tr("(demo data)") if progress.demo else ""
        self.summary.setText(tr("%1 targets of Resolution 18-NQ/TU and the plans under it — %2")
                             .replace("%1", str(len(progress.rows))).replace("%2", counts) + demo)
        self._draw_ranks(progress)
        if progress.rows:
            self.table.selectRow(0)

    def _chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self.progress is None or not current.isValid():
            return
        row = self.progress.rows[current.row()]
        self._draw_series(row)
        self.details.setHtml(self._details(row))

    def _draw_series(self, row: TargetProgress) -> None:
        import pyqtgraph as pg

        plot = self.series.getPlotItem()
        plot.clear()
        plot.setTitle(_wrapped(row.target.text.get(self.lang), self.series.width()), color="#222222", size="9pt")
        known = [(y, v) for y, v in row.series if v is not None]
        if known:
            plot.plot([y for y, _ in known], [v for _, v in known], pen=pg.mkPen("#1f4e79", width=2), symbol="o",
                      symbolBrush="#1f4e79", name=tr("City"))
        for year, value in row.target.values:
            plot.plot([year], [value], pen=None, symbol="star", symbolSize=14, symbolBrush="#c00000")
        year = self.progress.year if self.progress else max((y for y, _ in row.target.values), default=2025)
        for figure in row.derived:  # what the units' answers give, beside the city's own figure
            if figure.value is not None:
                plot.plot([year], [figure.value], pen=None, symbol="d", symbolSize=11, symbolBrush="#c55a11")
        years = [y for y, _ in row.series] + [y for y, _ in row.target.values] + [year]
        plot.setXRange(min(years) - 0.5, max(years) + 0.5, padding=0)
        # years are whole: one tick per year, never "2024.6" (nor a decimal point in Vietnamese)
        plot.getAxis("bottom").setTicks([[(y, str(y)) for y in range(min(years), max(years) + 1)]])
        if not known:
            text = pg.TextItem(tr("no data"), color="#777777", anchor=(0.5, 0.5))
            text.setPos((min(years) + max(years)) / 2, max((v for _, v in row.target.values), default=1) / 2)
            plot.addItem(text)

    def _draw_ranks(self, progress: CityProgress) -> None:
        import pyqtgraph as pg

        plot = self.ranks.getPlotItem()
        plot.clear()
        plot.setTitle(tr("Hanoi's provincial DTI rank (1 = best) against the leading group"), color="#222222",
                      size="9pt")
        plot.invertY(True)
        years = [r.year for r in progress.dti_ranks]
        plot.plot(years, [r.rank for r in progress.dti_ranks], pen=pg.mkPen("#1f4e79", width=2), symbol="o",
                  symbolBrush="#1f4e79")
        goal = pg.InfiniteLine(pos=progress.leading_group_rank, angle=0,
                               pen=pg.mkPen("#c00000", width=1, style=Qt.PenStyle.DashLine),
                               label=tr("leading group (top %1)").replace("%1", str(progress.leading_group_rank)),
                               labelOpts={"color": "#c00000", "position": 0.15})
        plot.addItem(goal)

    def _details(self, row: TargetProgress) -> str:
        t = row.target
        parts = [f"<b>{t.text.get(self.lang)}</b>"]
        if row.serves:
            parts.append(tr("Serves: %1").replace("%1", " → ".join(a.text.get(self.lang) for a in row.serves)))
        source = f"<a href='{t.source}'>{t.source}</a>" if t.source else tr("no public source")
        parts.append(f"{t.document} — {source}")
        if t.unconfirmed:
            warning = tr("This value is not confirmed by a public source.")
            parts.append(f"<span style='color:#c00000'>{warning}</span>")
        for figure in row.derived:
            parts.append(tr("Derived from the units: %1 = %2 (%3 of %4); rule: %5")
                         .replace("%1", figure.label.get(self.lang))
                         .replace("%2", number(figure.value, self.lang) + "%")
                         .replace("%3", number(figure.numerator, self.lang))
                         .replace("%4", number(figure.denominator, self.lang))
                         .replace("%5", figure.rule.get(self.lang)))
        if row.laggards:
            items = "".join(f"<li>{lag.unit_name.get(self.lang)} — {lag.indicator_code}: "
                            f"{number(lag.value, self.lang)} / {number(lag.target_value, self.lang)}</li>"
                            for lag in row.laggards)
            parts.append(tr("Units furthest behind:") + f"<ul>{items}</ul>")
        elif row.fed_by:
            parts.append(tr("No unit is behind on the indicators that feed this target."))
        return "<br>".join(parts)


def _wrapped(text: str, width_px: int) -> str:
    """A long target as a chart title on as many lines as the chart's width needs (pyqtgraph cuts one long line
    at the chart's edge); about 7 px a character at the title's 9 pt."""
    import html
    import textwrap

    return "<br>".join(html.escape(line) for line in textwrap.wrap(text, max(24, width_px // 7 - 4)) or [""])
