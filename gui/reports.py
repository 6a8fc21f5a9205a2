"""Report actions of the window: a unit's scorecard PDF, a peer group's booklet, one PDF per unit, and the
Excel export of scores. Each runs off the GUI thread with a progress dialog that can cancel, and opens the
folder when done."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QProgressDialog, QWidget

from assessment.domain.model import UnitKind
from assessment.service import AssessmentService
from gui.errors import show_error
from gui.i18n import tr
from gui.tasks import TaskRunner


def slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFD", text.replace("Đ", "D").replace("đ", "d"))
    ascii_text = "".join(ch for ch in ascii_text if not unicodedata.combining(ch)).lower()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")


class ProgressRelay(QObject):
    """The `progress` object the report code expects, safe to call from a worker thread: it only emits."""

    changed = Signal(int, int)
    status = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        self.cancelled = False

    def set_progress(self, done: int, total: int) -> None:
        self.changed.emit(done, total)

    def set_status(self, text: str) -> None:
        self.status.emit(text)

    def is_cancelled(self) -> bool:
        return self.cancelled


class ReportActions:
    """What the window's Reports menu does. `opener` opens another service on the same database (worker
    processes for one-PDF-per-unit)."""

    def __init__(self, parent: QWidget, service: AssessmentService, runner: TaskRunner,
                 opener: Callable[[], Any] | None = None) -> None:
        self.parent, self.service, self.runner, self.opener = parent, service, runner, opener
        self.last_output: Path | None = None
        self.open_folder = True

    def scorecard(self, year: int, unit_code: str) -> None:
        unit = self.service.units.get(unit_code)
        path = self._save_as(tr("Save the scorecard"), f"{year}-{unit_code}-{slug(unit.name.vi)}.pdf", "PDF (*.pdf)")
        if path:
            self._run(tr("Writing the scorecard…"),
                      lambda progress: self.service.reports.scorecard_pdf(year=year, unit_code=unit_code, path=path))

    def booklet(self, year: int, kind: UnitKind) -> None:
        path = self._save_as(tr("Save the booklet"), f"{year}-{kind.value}-booklet.pdf", "PDF (*.pdf)")
        if path:
            self._run(tr("Writing the booklet…"), lambda progress: self.service.reports.booklet_pdf(
                year=year, kind=kind, path=path, progress=progress))

    def each(self, year: int, kind: UnitKind) -> None:
        folder = QFileDialog.getExistingDirectory(self.parent, tr("Folder for one PDF per unit"), str(Path.home()))
        if folder:
            target = Path(folder)
            self._run(tr("Writing one scorecard per unit…"), lambda progress: self.service.reports.each_pdf(
                year=year, kind=kind, folder=target, opener=self.opener, progress=progress), folder=target)

    def excel(self, year: int, kind: UnitKind | None) -> None:
        path = self._save_as(tr("Save the scores as Excel"), f"{year}-scores.xlsx", "Excel (*.xlsx)")
        if path:
            self._run(tr("Writing the workbook…"),
                      lambda progress: self.service.reports.excel(year=year, kind=kind, path=path))

    def _save_as(self, title: str, name: str, filters: str) -> Path | None:
        chosen, _ = QFileDialog.getSaveFileName(self.parent, title, str(Path.home() / name), filters)
        return Path(chosen) if chosen else None

    def _run(self, label: str, work: Callable[[ProgressRelay], Any], folder: Path | None = None) -> None:
        relay = ProgressRelay()
        dialog = QProgressDialog(label, tr("Cancel"), 0, 0, self.parent)
        dialog.setObjectName("reportProgress")
        dialog.setMinimumDuration(300)
        dialog.canceled.connect(lambda: setattr(relay, "cancelled", True))
        relay.changed.connect(lambda done, total: (dialog.setMaximum(total), dialog.setValue(done)))
        relay.status.connect(dialog.setLabelText)

        def done(result: Any) -> None:
            dialog.close()
            output = folder or (result if isinstance(result, Path) else None)
            self.last_output = output
            if output is not None and self.open_folder:
                QDesktopServices.openUrl(QUrl.fromLocalFile(str(output if output.is_dir() else output.parent)))

        def failed(error: BaseException) -> None:
            dialog.close()
            if type(error).__name__ != "ReportCancelled":
                show_error(self.parent, error)

        self.runner.compute(lambda: work(relay), done, failed)
