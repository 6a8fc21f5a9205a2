"""The window's Packages menu: export a submission or a return package, show the unit's signing key, import
packages (chosen or dropped on the window) through a preview dialog, import a key list, verify the audit trail.
The preview dialog and its models (gui/packages.py, with the package format they show) are imported when a
package is first previewed, not before the window's first paint."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from assessment.domain.model import Unit
from assessment.service import AssessmentService
from gui.errors import show_error
from gui.i18n import tr
from gui.reports import slug
from gui.tasks import TaskRunner

if TYPE_CHECKING:
    from assessment.exchange.package_diff import PackagePreview
    from assessment.services.packages_area import ExportResult
    from gui.packages import ImportDialog


class PackageActions:
    """What the window's Packages menu does. `imported` is called after an import wrote something."""

    def __init__(self, parent: QWidget, service: AssessmentService, runner: TaskRunner, lang: str,
                 imported: Callable[[], None]) -> None:
        self.parent, self.service, self.runner, self.lang, self.imported = parent, service, runner, lang, imported
        self.dialog: ImportDialog | None = None
        self.last_export: ExportResult | None = None
        self.ask_path: Callable[[str, str, str], str] = self._save_dialog  # tests answer instead of a user

    def _save_dialog(self, title: str, name: str, filters: str) -> str:
        chosen, _ = QFileDialog.getSaveFileName(self.parent, title, str(Path.home() / name), filters)
        return chosen

    # -------------------------------------------------------------------------------------- export

    def _with_unit(self, unit_code: str, then: Callable[[Unit], None]) -> None:
        """The unit read on the database lane (its name names the file), then `then(unit)` on the GUI thread."""
        self.runner.db(lambda: self.service.units.get(unit_code), then, lambda error: show_error(self.parent, error))

    def export_submission(self, year: int, unit_code: str, done: Callable[[ExportResult], None] | None = None) -> None:
        self._with_unit(unit_code, lambda unit: self._export_submission_of(year, unit, done))

    def _export_submission_of(self, year: int, unit: Unit, done: Callable[[ExportResult], None] | None) -> None:
        unit_code = unit.code
        path = self.ask_path(tr("Save the submission package"), f"{year}-{unit_code}-{slug(unit.name.vi)}.dxpkg",
                             tr("dxscore package (*.dxpkg)"))
        if path:
            self._export(lambda: self.service.packages.export(unit_code=unit_code, year=year, path=Path(path)),
                         tr("Send this file to the city. When the inspector imports it for the first time, read "
                            "this fingerprint out to them over the phone:"), done)

    def export_return(self, year: int, unit_code: str, done: Callable[[ExportResult], None] | None = None) -> None:
        self._with_unit(unit_code, lambda unit: self._export_return_of(year, unit, done))

    def _export_return_of(self, year: int, unit: Unit, done: Callable[[ExportResult], None] | None) -> None:
        unit_code = unit.code
        path = self.ask_path(tr("Save the return package"), f"{year}-{unit_code}-{slug(unit.name.vi)}-return.dxpkg",
                             tr("dxscore package (*.dxpkg)"))
        if path:
            self._export(lambda: self.service.packages.export_return(unit_code=unit_code, year=year, path=Path(path)),
                         tr("Send this file back to the unit. The inspector's key fingerprint is:"), done)

    def _export(self, work: Callable[[], ExportResult], message: str,
                done: Callable[[ExportResult], None] | None) -> None:
        def finished(result: ExportResult) -> None:
            self.last_export = result
            saved = tr("Saved %1 (%2 answers, %3 evidence files).").replace("%1", result.path.name) \
                .replace("%2", str(result.answers)).replace("%3", str(result.evidence_files))
            box = QMessageBox(QMessageBox.Icon.Information, tr("Package saved"),
                              f"{saved}<br><br>{message}<br><b style='font-size: 15pt'>{result.fingerprint}</b>",
                              QMessageBox.StandardButton.Ok, self.parent)
            box.setObjectName("exportDone")
            box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            box.open()
            if done is not None:
                done(result)

        self.runner.db(work, finished, lambda error: show_error(self.parent, error))

    def show_key(self, unit_code: str) -> None:
        def finished(key: Any) -> None:
            box = QMessageBox(QMessageBox.Icon.Information, tr("Signing key"),
                              tr("The signing key of %1 on this computer has the fingerprint:").replace("%1", unit_code)
                              + f"<br><b style='font-size: 15pt'>{key.fingerprint}</b>",
                              QMessageBox.StandardButton.Ok, self.parent)
            box.setObjectName("keyFingerprint")
            box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            box.open()

        self.runner.db(lambda: self.service.packages.own_key(unit_code, create=True), finished,
                       lambda error: show_error(self.parent, error))

    # -------------------------------------------------------------------------------------- import

    def choose_and_import(self) -> None:
        chosen, _ = QFileDialog.getOpenFileNames(self.parent, tr("Import packages"), str(Path.home()),
                                                 tr("dxscore package (*.dxpkg);;All files (*)"))
        if chosen:
            self.import_paths([Path(p) for p in chosen])

    def import_paths(self, paths: Sequence[Path], shown: Callable[[ImportDialog], None] | None = None) -> None:
        """Preview the files (off the GUI thread), then show the preview dialog."""
        def previewed(previews: list[PackagePreview]) -> None:
            from gui.packages import ImportDialog

            dialog = ImportDialog(self.service, self.runner, previews, self.lang, self.parent)
            dialog.applied.connect(lambda results: self.imported() if any(r.applied for r in results) else None)
            self.dialog = dialog
            dialog.open()
            if shown is not None:
                shown(dialog)

        self.runner.db(lambda: self.service.packages.preview(list(paths)), previewed,
                       lambda error: show_error(self.parent, error))

    def import_keys(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(self.parent, tr("Import a key list"), str(Path.home()),
                                                tr("Key list (*.json *.keys);;All files (*)"))
        if not chosen:
            return

        def finished(results: list) -> None:
            added = [key for key, new in results if new]
            lines = "<br>".join(f"{k.identity}: <b>{k.fingerprint}</b>" for k, _ in results)
            QMessageBox.information(self.parent, tr("Key list"),
                                    tr("%1 key(s) registered, %2 already known.").replace("%1", str(len(added)))
                                    .replace("%2", str(len(results) - len(added))) + "<br><br>" + lines)

        self.runner.db(lambda: self.service.packages.import_keys(Path(chosen)), finished,
                       lambda error: show_error(self.parent, error))

    def verify_audit(self) -> None:
        def finished(verdict: Any) -> None:
            if verdict.ok:
                QMessageBox.information(self.parent, tr("Audit trail"),
                                        tr("The audit trail is intact and the answers, evidence and appraisals "
                                           "match it: %1 rows. Write down its head to check this database "
                                           "later: %2").replace("%1", str(verdict.rows))
                                        .replace("%2", verdict.current.text))
            elif verdict.first_bad is None:
                QMessageBox.warning(self.parent, tr("Audit trail"),
                                    tr("The tables differ from the audit trail (%1 difference(s)); the first: %2")
                                    .replace("%1", str(verdict.mismatches)).replace("%2", verdict.mismatch))
            else:
                QMessageBox.warning(self.parent, tr("Audit trail"),
                                    tr("The audit trail has been altered: row %1 does not match (%2).")
                                    .replace("%1", str(verdict.first_bad)).replace("%2", verdict.problem))

        self.runner.db(self.service.audit.verify, finished, lambda error: show_error(self.parent, error))
