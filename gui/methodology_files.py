"""The window's Methodology menu: export a methodology as an Excel workbook (XLSForm layout) and install one
from a workbook, through the service (the same checks and messages as `dxscore methodology export|import`)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QInputDialog, QMenu, QMenuBar, QMessageBox, QWidget

from assessment.domain.model import Methodology
from assessment.service import AssessmentService
from gui.errors import show_error
from gui.i18n import tr

FILTER = "Excel (*.xlsx)"


class MethodologyFiles:
    """`current` gives the methodology of the unit being entered (None when no unit is open)."""

    def __init__(self, parent: QWidget, service: AssessmentService,
                 current: Callable[[], Methodology | None]) -> None:
        self.parent, self.service, self.current = parent, service, current
        self.last_message: QMessageBox | None = None

    def add_menu(self, bar: QMenuBar) -> QMenu:
        menu = bar.addMenu(tr("Methodology"))
        menu.setObjectName("methodologyMenu")
        self.actions = {
            "export": menu.addAction(tr("Export a methodology to Excel…"), self.export),
            "import": menu.addAction(tr("Install a methodology from Excel…"), self.install),
        }
        return menu

    def export(self) -> None:
        methodology = self.current() or self._choose()
        if methodology is None:
            return
        name = f"{methodology.id}-{methodology.version}.xlsx"
        chosen, _ = QFileDialog.getSaveFileName(self.parent, tr("Export the methodology"), str(Path.home() / name),
                                                FILTER)
        if not chosen:
            return
        path = Path(chosen) if chosen.lower().endswith(".xlsx") else Path(chosen + ".xlsx")
        if self._busy(lambda: self.service.methodologies.export_workbook(methodology.id, path)):
            self._inform(tr("The methodology %1 was written to %2.").replace("%1", methodology.id)
                         .replace("%2", str(path)))

    def install(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(self.parent, tr("Install a methodology"), str(Path.home()), FILTER)
        if not chosen:
            return
        result = self._busy(lambda: self.service.methodologies.install_workbook(Path(chosen)))
        if result:
            methodology, _, written = result
            text = (tr("The methodology %1 %2 was installed; it is used from now on for the units and cycles it "
                       "applies to.") if written else tr("The methodology %1 %2 was installed already."))
            self._inform(text.replace("%1", methodology.id).replace("%2", methodology.version))

    def _choose(self) -> Methodology | None:
        available = self.service.methodologies.available()
        labels = [f"{m.id} {m.version} — {m.title.get(getattr(self.parent, 'lang', 'vi'))}" for m in available]
        label, ok = QInputDialog.getItem(self.parent, tr("Export the methodology"), tr("Methodology:"), labels, 0,
                                         False)
        return available[labels.index(label)] if ok and label in labels else None

    def _busy(self, work: Callable[[], object]) -> object:
        """Run `work` with a wait cursor (it takes well under a second); an error is shown, never raised."""
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            return work()
        except Exception as error:  # shown in the error dialog; unexpected ones are logged there
            QApplication.restoreOverrideCursor()
            self.last_message = show_error(self.parent, error)
            return None
        finally:
            if QApplication.overrideCursor() is not None:
                QApplication.restoreOverrideCursor()

    def _inform(self, text: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Information, tr("Methodology"), text, QMessageBox.StandardButton.Ok,
                          self.parent)
        box.setObjectName("methodologyDone")
        box.open()
        self.last_message = box
