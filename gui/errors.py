"""The one place that shows errors: a plain message to the user, the traceback to the log file."""

from __future__ import annotations

import logging

from PySide6.QtWidgets import QMessageBox, QWidget

from assessment.domain.errors import DxError, ProblemsError
from gui.i18n import tr

log = logging.getLogger(__name__)



def describe(error: BaseException) -> tuple[str, str]:
    """(message, details) for the dialog; unexpected errors are logged with their traceback."""
    if isinstance(error, ProblemsError):
        return error.message, error.report()[len(error.message):].lstrip("\n")  # the first ones, "… and N more"
    if isinstance(error, DxError):
        return error.message, ""
    log.error("unexpected error", exc_info=(type(error), error, error.__traceback__))
    return tr("Something went wrong. The details have been written to the log file."), \
        f"{error.__class__.__name__}: {error}"


def show_error(parent: QWidget | None, error: BaseException, title: str | None = None) -> QMessageBox:
    message, details = describe(error)
    box = QMessageBox(QMessageBox.Icon.Warning, title or tr("dxscore"), message, QMessageBox.StandardButton.Ok,
                      parent)
    box.setObjectName("errorDialog")
    if details:
        box.setDetailedText(details)
    box.open()
    return box
