"""The inspectors' dashboard: one peer group (a kind of unit in a cycle) as a table and linked charts.

Everything shown comes from `service.compare` computed off the GUI thread; choosing a unit anywhere (table
or any chart) selects it everywhere: here, and through `chosen` in Data entry and Review (the main window
answers with `show_unit` when a unit is chosen there)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QItemSelectionModel, QModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from assessment.domain.comparison import PART_WEIGHTS, SUBGROUPS
from assessment.domain.model import UnitKind
from assessment.service import AssessmentService
from assessment.services.compare_area import Comparison, DistrictView, UnitTrend
from gui.dashboard.export import export_table, export_widget
from gui.dashboard.marks import legend_html, number
from gui.dashboard.plots import (
    DistributionChart,
    HeatmapChart,
    RankingChart,
    TargetMatrixChart,
    pillar_key,
    target_legend,
)
from gui.dashboard.radar import RadarChart
from gui.dashboard.tables import (
    SORT_ROLE,
    DistrictTableModel,
    GapTableModel,
    PeerFilter,
    PeerTableModel,
    SpreadTableModel,
)
from gui.dashboard.trend import TrendChart
from gui.errors import show_error
from gui.i18n import tr
from gui.models import CODE_ROLE, format_points, kind_label
from gui.reports import slug
from gui.tasks import TaskRunner

# The lineage's parts (NQ 1656 wording), as the district note names them instead of the data's keys.
PART_NAMES = {
    "full": QT_TRANSLATE_NOOP("", "whole area and population"),
    "partial_area_full_pop": QT_TRANSLATE_NOOP("", "part of the area, all of the population"),
    "remainder": QT_TRANSLATE_NOOP("", "the remainder"),
    "partial": QT_TRANSLATE_NOOP("", "part of the area and population"),
    "partial_area_only": QT_TRANSLATE_NOOP("", "area without population"),
}


def _names_whole(view: QTableView) -> None:
    """The name column as wide as its names, the figures sharing the rest (stretching the name column left it
    "Ba …" at 1280 px: the long figure headers took the width first)."""
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)


def _table(model, name: str, stretch: int | None = None, sort: tuple[int, Qt.SortOrder] | None = None  # type: ignore[no-untyped-def]
           ) -> QTableView:
    """A sortable table (numbers sort as numbers); `stretch` is the column that takes the spare width."""
    if not isinstance(model, QSortFilterProxyModel):
        source, model = model, QSortFilterProxyModel()
        model.setSourceModel(source)
        model.setSortRole(SORT_ROLE)
    view = QTableView()
    view.setObjectName(name)
    view.setModel(model)
    view.setSortingEnabled(True)
    view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(stretch is None)
    if stretch is not None:
        model.modelReset.connect(lambda: header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch))
    view.verticalHeader().hide()
    view.setAccessibleName(name)
    column, order = sort or (0, Qt.SortOrder.AscendingOrder)
    view.sortByColumn(column, order)
    return view


NAME_COLUMN_WIDTH = 210
CHART_NAMES = ("ranking", "radar", "heatmap", "trend", "distribution", "targets", "gap-plan", "indicators",
               "former-districts")  # the tabs' order: part of an exported chart's file name


def _with_key(chart: QWidget, key: QLabel) -> QWidget:
    page = QWidget()
    layout = QVBoxLayout(page)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(chart, 1)
    layout.addWidget(key)
    return page


class DashboardView(QWidget):
    chosen = Signal(str, int)  # a unit the user chose here (table or chart) and the cycle shown: select it app-wide

    def __init__(self, service: AssessmentService, runner: TaskRunner, lang: str,
                 kinds: dict[int, list[UnitKind]]) -> None:
        super().__init__()
        self.setObjectName("dashboard")
        self.service, self.runner, self.lang = service, runner, lang
        self.kinds = kinds  # per assessed cycle, the kinds of unit it can rank (read on the database lane)
        self.comparison: Comparison | None = None
        self.selected_code: str | None = None
        self.generation = 0
        self._selecting = False  # while the table follows a selection made in code: not a user's choice
        self._build()

    # ------------------------------------------------------------------------------------ building

    def _build(self) -> None:
        self.cycle = QComboBox()
        self.cycle.setAccessibleName(tr("Cycle"))
        for year in sorted(self.kinds):
            if self.kinds[year]:  # e.g. 2022: only the city, which has no peers to compare
                self.cycle.addItem(str(year), year)
        self.cycle.setCurrentIndex(self.cycle.count() - 1)
        self.kind = QComboBox()
        self.kind.setAccessibleName(tr("Kind of unit"))
        self.subgroup = QComboBox()  # the whole group, or a part ranked on its own (wards, rural communes, ...)
        self.subgroup.setObjectName("subgroup")
        self.subgroup.setAccessibleName(tr("Part of the group"))
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(tr("Filter units…"))
        self.filter.setAccessibleName(tr("Filter units"))
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setMaximumWidth(140)
        self.busy.hide()
        self.notice = QLabel()
        self.notice.setObjectName("dashboardNotice")
        self.notice.setWordWrap(True)  # long notices must never widen the dashboard past the window
        export_chart = QPushButton(tr("Export chart…"))
        export_chart.clicked.connect(self.export_chart)
        export_rows = QPushButton(tr("Export table…"))
        export_rows.clicked.connect(self.export_rows)
        top = QHBoxLayout()
        for label, widget in ((tr("Cycle"), self.cycle), (tr("Peer group"), self.kind)):
            top.addWidget(QLabel(label))
            top.addWidget(widget)
        top.addWidget(self.subgroup)
        top.addWidget(self.filter, 1)
        top.addWidget(self.busy)
        top.addWidget(export_chart)
        top.addWidget(export_rows)

        self.peers = PeerTableModel()
        self.peer_filter = PeerFilter()
        self.peer_filter.setSourceModel(self.peers)
        self.table = _table(self.peer_filter, "peerTable")
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)  # "Sở Khoa học … (SO_KHCN)": both ends show
        self.table.horizontalHeader().setStretchLastSection(False)
        self.peer_filter.modelReset.connect(self._fit_peer_columns)
        self.charts = {
            "ranking": RankingChart(), "radar": RadarChart(), "heatmap": HeatmapChart(),
            "distribution": DistributionChart(), "targets": TargetMatrixChart(),
        }
        for chart in self.charts.values():
            chart.lang = self.lang
        self.trend = TrendChart()
        self.trend.lang = self.lang
        self.heat_order = QComboBox()
        self.heat_order.setAccessibleName(tr("Order the heatmap by"))
        heat_page = QWidget()
        heat_layout = QVBoxLayout(heat_page)
        heat_layout.addWidget(self.heat_order)
        heat_layout.addWidget(self.charts["heatmap"], 1)
        self.heat_legend = QLabel(legend_html())
        self.heat_legend.setObjectName("heatLegend")
        heat_layout.addWidget(self.heat_legend)
        self.gap_label = QLabel()
        self.gap_label.setWordWrap(True)
        self.gap_goal = QDoubleSpinBox()
        self.gap_goal.setRange(0.0, 1.0)
        self.gap_goal.setSingleStep(0.05)
        self.gap_goal.setDecimals(2)
        self.gap_goal.setSpecialValueText(tr("next band"))  # 0 = the next maturity band
        self.gap_goal.setAccessibleName(tr("Goal index"))
        self.gap_goal.valueChanged.connect(lambda: self.selected_code and self._show_gap_plan(self.selected_code))
        goal_row = QHBoxLayout()
        goal_row.addWidget(QLabel(tr("Goal index")))
        goal_row.addWidget(self.gap_goal)
        goal_row.addStretch(1)
        self.gaps = GapTableModel()
        gap_page = QWidget()
        gap_layout = QVBoxLayout(gap_page)
        gap_layout.addLayout(goal_row)
        gap_layout.addWidget(self.gap_label)
        gap_layout.addWidget(_table(self.gaps, "gapTable", stretch=1, sort=(2, Qt.SortOrder.DescendingOrder)), 1)
        self.spread = SpreadTableModel()
        self.districts = DistrictTableModel()
        self.district_note = QLabel()
        self.district_note.setWordWrap(True)
        district_page = QWidget()
        district_layout = QVBoxLayout(district_page)
        district_layout.addWidget(self.district_note)
        district_table = _table(self.districts, "districtTable")
        self.districts.modelReset.connect(lambda: _names_whole(district_table))
        district_layout.addWidget(district_table, 1)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("chartTabs")
        self.target_legend = QLabel()
        self.target_legend.setWordWrap(True)
        target_page = QWidget()
        target_layout = QVBoxLayout(target_page)
        target_layout.addWidget(self.charts["targets"], 1)
        target_layout.addWidget(self.target_legend)
        self.pillar_keys = [QLabel()]  # under the distribution: what each code is (the radar names its axes)
        for key in self.pillar_keys:
            key.setObjectName("pillarKey")
            key.setWordWrap(True)
        distribution_page = _with_key(self.charts["distribution"], self.pillar_keys[0])
        for title, page in ((tr("Ranking"), self.charts["ranking"]), (tr("Radar"), self.charts["radar"]),
                            (tr("Heatmap"), heat_page), (tr("Trend"), self.trend),
                            (tr("Distribution"), distribution_page), (tr("Targets"), target_page),
                            (tr("Gap planner"), gap_page),
                            (tr("Indicators"), _table(self.spread, "spreadTable", stretch=1)),
                            (tr("Former districts"), district_page)):
            self.tabs.setTabToolTip(self.tabs.addTab(page, title), title)
        # every tab stays visible at 1280 px: long titles shorten (the tooltip has them whole), no scroll arrows
        self.tabs.setUsesScrollButtons(False)
        self.tabs.tabBar().setElideMode(Qt.TextElideMode.ElideRight)
        self.tabs.tabBar().setExpanding(False)
        splitter = QSplitter()
        splitter.addWidget(self.table)
        splitter.addWidget(self.tabs)
        splitter.setSizes([420, 860])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.notice)
        layout.addWidget(splitter, 1)
        self._connect()
        self._fill_kinds()

    def _fit_peer_columns(self) -> None:
        """At 1280 px the rank, name and index must show without scrolling: the name column gets a fixed,
        resizable width (long names elide in the middle, the tooltip has them whole) and the code, which the
        tooltip and the filter also know, is hidden here (exports keep it)."""
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        self.table.setColumnHidden(1, True)
        self.table.setColumnWidth(2, NAME_COLUMN_WIDTH)

    def _connect(self) -> None:
        self.cycle.currentIndexChanged.connect(self._fill_kinds)
        self.kind.currentIndexChanged.connect(self._fill_subgroups)
        self.subgroup.currentIndexChanged.connect(self.recompute)
        self.filter.textChanged.connect(self._filter_rows)
        self.table.selectionModel().currentRowChanged.connect(self._row_chosen)
        for chart in self.charts.values():
            chart.unit_clicked.connect(self.choose)
        self.heat_order.currentIndexChanged.connect(
            lambda: self.charts["heatmap"].set_order(self.heat_order.currentData()))
        self.tabs.currentChanged.connect(self._tab_changed)

    def _fill_kinds(self, wanted: UnitKind | None = None) -> None:
        year = self.cycle.currentData()
        shown = wanted.value if wanted is not None else self.kind.currentData()
        self.kind.blockSignals(True)
        self.kind.clear()
        for kind in self.kinds.get(year, []) if year is not None else []:
            self.kind.addItem(kind_label(kind), kind.value)
        if wanted is not None and self.kind.findData(shown) >= 0:
            self.kind.setCurrentIndex(self.kind.findData(shown))
        self.kind.blockSignals(False)
        self._fill_subgroups()

    def _fill_subgroups(self) -> None:
        self.subgroup.blockSignals(True)
        self.subgroup.clear()
        self.subgroup.addItem(tr("Whole group"), None)
        kind = self.kind.currentData()
        for part in SUBGROUPS.get(UnitKind(kind), ()) if kind else ():
            self.subgroup.addItem(part.name.get(self.lang), part.key)
        self.subgroup.blockSignals(False)
        self.recompute()

    # ------------------------------------------------------------------------------------ computing

    def recompute(self) -> None:
        """Score the peer group off the GUI thread; the charts update when it is ready."""
        if self.kind.currentData() is None:
            return
        self.generation += 1
        generation, year, kind = self.generation, self.cycle.currentData(), UnitKind(self.kind.currentData())
        part = self.subgroup.currentData()
        self.busy.show()
        service = self.service

        def done(comparison: Comparison) -> None:
            if generation == self.generation:
                self.busy.hide()
                self.show_comparison(comparison)

        def failed(error: BaseException) -> None:
            self.busy.hide()
            show_error(self, error)

        self.runner.compute(lambda: service.compare.peer_group(year=year, kind=kind, subgroup=part), done, failed)

    def show_comparison(self, comparison: Comparison) -> None:
        self.comparison = comparison
        group = comparison.group
        self.peers.set_comparison(comparison, self.lang)
        self.heat_order.blockSignals(True)
        self.heat_order.clear()
        self.heat_order.addItem(tr("overall index"), None)
        for code, name in zip(group.pillar_codes, group.pillar_names, strict=True):
            self.heat_order.addItem(f"{code} — {name.get(self.lang)}", code)
        self.heat_order.blockSignals(False)
        self.charts["heatmap"].order_pillar = None
        keep = self.selected_code if self.selected_code in group.codes else (group.codes[0] if group.codes else None)
        texts = self._indicator_texts()
        self.spread.set_comparison(comparison, texts)
        for chart in self.charts.values():
            chart.show_comparison(comparison, keep)
        self.target_legend.setText(target_legend(comparison, self.lang))
        for key in self.pillar_keys:
            key.setText(pillar_key(comparison, self.lang))
        demo = tr("DEMO DATA — ") if comparison.demo else ""
        notice = tr("%1 units compared within their peer group: %2, cycle %3. Goal line: dxscore's top band (band "
                    "5, index ≥ 0.8), not Resolution 18's “leading group”, which is Hanoi's rank among the provinces "
                    "(Resolution 18 tab).")
        reconstructed = [m for m in comparison.methodologies.values()
                         if not (m.provenance.official_wording and m.provenance.official_points)]
        mark = ("  ⚠ " + tr("reconstructed by dxscore, not the official annex: hover for the sources") + "."
                if reconstructed else "")  # a sentence of its own: the publication line follows
        label = kind_label(group.kind) + (f" — {self.subgroup.currentText()}" if self.subgroup.currentData() else "")
        from assessment.domain.publication import published_line

        self.notice.setText(demo + notice.replace("%1", str(len(group))).replace("%2", label)
                            .replace("%3", str(group.cycle)) + mark + " " + published_line(comparison.publication,
                                                                                           lang=self.lang) + ".")
        self.notice.setToolTip("\n\n".join(m.provenance.note.get(self.lang) for m in reconstructed))
        self.selected_code = None
        if keep:
            self.select(keep)
        if self.tabs.currentIndex() == self.tabs.count() - 1:
            self._load_districts()

    def _indicator_texts(self) -> dict[str, str]:
        texts: dict[str, str] = {}
        for methodology in self.comparison.methodologies.values():
            texts.update({i.code: i.text.get(self.lang) for i in methodology.indicators})
        return texts

    # ------------------------------------------------------------------------------------ selection

    def choose(self, code: str) -> None:
        """The user chose a unit here: select it on every page of the dashboard and tell the window."""
        if self.comparison is None or code not in self.comparison.group.codes:
            return
        self.select(code)
        self.chosen.emit(code, self.comparison.group.cycle)

    def show_unit(self, code: str, kind: UnitKind, year: int) -> None:
        """A unit chosen elsewhere in the window: select it here, switching to its cycle and peer group first
        when they are not the ones shown (the selection is applied once that group is computed)."""
        if kind == UnitKind.CITY:  # the city has no peers: its view is the Resolution 18 tab
            return
        group = self.comparison.group if self.comparison else None
        if group is not None and group.cycle == year and group.kind == kind and code in group.codes:
            self.select(code)
            return
        self.selected_code = code  # show_comparison keeps it when the new group has it
        if group is not None and group.cycle == year and group.kind == kind and self.subgroup.currentData():
            self.subgroup.setCurrentIndex(0)  # the unit is outside the part shown: show the whole group
            return
        if self.cycle.findData(year) >= 0 and self.cycle.currentData() != year:
            self.cycle.blockSignals(True)
            self.cycle.setCurrentIndex(self.cycle.findData(year))
            self.cycle.blockSignals(False)
            self._fill_kinds(kind)
        elif self.kind.findData(kind.value) >= 0 and self.kind.currentData() != kind.value:
            self.kind.setCurrentIndex(self.kind.findData(kind.value))

    def select(self, code: str) -> None:
        """Select a unit on every page of the dashboard: table, charts, gap planner and trend."""
        if self.comparison is None or code not in self.comparison.group.codes or code == self.selected_code:
            return
        self.selected_code = code
        for row in range(self.peer_filter.rowCount()):
            index = self.peer_filter.index(row, 0)
            if index.data(CODE_ROLE) == code:
                self._selecting = True
                try:
                    self.table.selectionModel().setCurrentIndex(
                        index,
                        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
                finally:
                    self._selecting = False
                self.table.scrollTo(index)
                break
        for chart in self.charts.values():
            chart.select(code)
        self._show_gap_plan(code)
        service, generation = self.service, self.generation

        def show(trend: UnitTrend) -> None:
            if generation == self.generation and self.selected_code == trend.unit_code:
                self.trend.show_trend(trend)

        self.runner.compute(lambda: service.compare.unit_trend(code), show, lambda e: show_error(self, e))

    def _filter_rows(self, text: str) -> None:
        """Filtering may move the table's current row: that is not a unit the user chose."""
        self._selecting = True
        try:
            self.peer_filter.set_query(text)
        finally:
            self._selecting = False

    def _row_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        code = current.data(CODE_ROLE)
        if code and not self._selecting:
            self.choose(code)

    def _show_gap_plan(self, code: str) -> None:
        goal = self.gap_goal.value() or None
        plan = self.service.compare.gap_plan(self.comparison, code, goal)
        card = self.comparison.card(code)
        self.gaps.set_plan(plan, self._indicator_texts())
        if plan.goal_index is None:
            text = tr("%1 is in the highest band: the table lists where it still loses points.")
        elif plan.reachable:
            text = tr("%1 needs %2 more points to reach index %3; full marks on the %4 marked indicator(s) would "
                      "bring them.")
        else:
            text = tr("%1 cannot reach index %3 even with full marks everywhere it can still gain.")
        self.gap_label.setText(text.replace("%1", card.unit_name.get(self.lang)).replace(
            "%2", format_points(plan.needed_points, self.lang)).replace(
            "%3", number(plan.goal_index or 0, self.lang, 2)).replace("%4", str(len(plan.plan))))

    # ------------------------------------------------------------------------------- district view

    def _tab_changed(self, index: int) -> None:
        if index == self.tabs.count() - 1:
            self._load_districts()

    def _load_districts(self) -> None:
        service = self.service
        lang = self.lang

        def derive() -> tuple[DistrictView, dict[str, str]]:  # off the GUI thread, with the names it shows
            return service.compare.districts(), {u.code: u.name.get(lang) for u in service.units.list()}

        def show(derived: tuple[DistrictView, dict[str, str]]) -> None:
            view, names = derived
            self.district_view = view
            self.districts.set_view(view, names)
            weights = "; ".join(f"{tr(PART_NAMES.get(part, part))} {format_points(weight, self.lang)}"
                                for part, weight in PART_WEIGHTS.items())
            self.district_note.setText(tr(
                "DERIVED, not assessed: each former district's 2025 index is the average of the indices of the "
                "communes formed from its territory, each weighted by what it took from the district (NQ "
                "1656/NQ-UBTVQH15 lineage; weights by part: %1). The 2024 column is the district's own "
                "assessment.").replace("%1", weights))

        self.runner.compute(derive, show, lambda e: show_error(self, e))

    # ------------------------------------------------------------------------------------- exports

    def chart_caption(self) -> list[str]:
        """What an exported chart says above itself: which chart, of which peer group and cycle, the unit chosen."""
        if self.comparison is None:
            return [self.tabs.tabText(self.tabs.currentIndex())]
        group = self.comparison.group
        lines = [tr("%1 — %2, cycle %3").replace("%1", self.tabs.tabToolTip(self.tabs.currentIndex()))
                 .replace("%2", self.kind.currentText()).replace("%3", str(group.cycle))]
        if self.selected_code in group.codes:
            name = group.names[group.row(self.selected_code)].get(self.lang)
            lines.append(tr("Unit chosen: %1").replace("%1", f"{name} ({self.selected_code})"))
        return lines

    def chart_file_name(self, extension: str = "png") -> str:
        """dxscore-2025-department-radar.png: the cycle, the peer group and the chart, never "chart.png"."""
        group = self.comparison.group if self.comparison else None
        parts = ["dxscore", str(group.cycle) if group else "", group.kind.value if group else "",
                 CHART_NAMES[self.tabs.currentIndex()], slug(self.selected_code or "")]
        return "-".join(p for p in parts if p) + "." + extension

    def export_chart(self) -> None:
        page = self.tabs.currentWidget()
        name, chosen = QFileDialog.getSaveFileName(self, tr("Export chart"), str(Path.home() / self.chart_file_name()),
                                                   "PNG (*.png);;SVG (*.svg)")
        if name:
            demo = tr("DEMO DATA — not a real assessment") if self.comparison and self.comparison.demo else ""
            export_widget(page, Path(name), svg=name.lower().endswith(".svg") or "svg" in chosen.lower(),
                          caption=self.chart_caption(), demo=demo)

    def export_rows(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, tr("Export table"), str(Path.home() / "peers.xlsx"),
                                              "Excel (*.xlsx);;CSV (*.csv)")
        if name:
            self.runner.compute(lambda: export_table(self.peers, Path(name)), None, lambda e: show_error(self, e))
