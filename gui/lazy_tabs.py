"""The main window's tabs that are built when first shown: Compare units (pyqtgraph costs ~0.5 s to import),
Resolution 18 and Cycle. Each is an empty page until then; the window builds it once the database lane has
read the cycles it needs (`offered`), and refreshes the built ones after a review step or an import."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication, QDockWidget, QSizePolicy, QVBoxLayout, QWidget

from gui.i18n import tr

if TYPE_CHECKING:
    from PySide6.QtWidgets import QTabWidget

    from assessment.service import AssessmentService
    from gui.city_view import CityProgressView
    from gui.cycle_view import CycleView
    from gui.dashboard.view import DashboardView
    from gui.operations import Operations
    from gui.tasks import TaskRunner
    from gui.window_facts import OfferedCycles, WindowFacts


class LazyTabs:
    service: AssessmentService
    runner: TaskRunner
    ops: Operations
    lang: str
    tabs: QTabWidget
    facts: WindowFacts | None
    offered: OfferedCycles | None
    dashboard: DashboardView | None = None
    city_view: CityProgressView | None = None
    cycle_view: CycleView | None = None

    # Mixed into MainWindow before QMainWindow: it declares no method of QMainWindow's (it would hide it).

    def _lazy_page(self, title: str) -> QWidget:
        page = QWidget()
        QVBoxLayout(page)
        page.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)  # fit 1280 px: never widen
        self.tabs.addTab(page, title)
        return page

    def _tab_changed(self, index: int) -> None:
        shown = self.tabs.widget(index)
        self.findChild(QDockWidget, "unitsDock").setVisible(shown not in (self.dashboard_page, self.city_page,
                                                                          self.cycle_page))
        if self.offered is None:  # built once the lane has read the cycles (_cycles_offered calls this again)
            return
        cycles = self.facts.assessed_cycles if self.facts is not None else []
        if shown is self.city_page and self.city_view is None:
            from gui.city_view import CityProgressView

            self.city_view = CityProgressView(self.service, self.runner, self.lang, cycles)
            self.city_page.layout().addWidget(self.city_view)
        if shown is self.cycle_page and self.cycle_view is None:
            from gui.cycle_view import CycleView

            self.cycle_view = CycleView(self.service, self.ops, self.lang, cycles)
            self.cycle_page.layout().addWidget(self.cycle_view)
        if shown is self.dashboard_page and self.dashboard is None:
            self._build_dashboard()
        self._follow_review()

    def _build_dashboard(self) -> None:
        self.statusBar().showMessage(tr("Opening the comparison…"))
        QApplication.processEvents()
        from gui.dashboard.view import DashboardView

        self.dashboard = DashboardView(self.service, self.runner, self.lang,
                                       self.offered.kinds if self.offered is not None else {})
        self.dashboard.chosen.connect(self.select_unit)
        self.dashboard_page.layout().addWidget(self.dashboard)
        session = self.controller.session
        if session is not None:
            self.dashboard.show_unit(session.unit.code, session.unit.kind, session.year)
        self.statusBar().showMessage(tr("Ready."))

    def _refresh_built_tabs(self) -> None:
        """After a review step or an import: the built tabs that rank or count states follow."""
        if self.dashboard is not None:
            self.dashboard.recompute()
        if self.city_view is not None:
            self.city_view.recompute()
        if self.cycle_view is not None:
            self.cycle_view.refresh()

    dashboard_page: QWidget
    city_page: QWidget
    cycle_page: QWidget
