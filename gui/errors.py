"""The one place that shows errors: a plain message to the user, the traceback to the log file. The core's
messages are English in code; they are shown in the window's language (assessment/domain/translation.py)."""

from __future__ import annotations

import dataclasses
import logging

from PySide6.QtWidgets import QMessageBox, QWidget

from assessment.domain.errors import PROBLEMS_SHOWN, DxError, ProblemsError
from assessment.domain.translation import in_language
from gui.i18n import language, tr

log = logging.getLogger(__name__)


def describe(error: BaseException) -> tuple[str, str]:
    """(message, details) for the dialog; unexpected errors are logged with their traceback."""
    if isinstance(error, ProblemsError):
        return shown(error.message), problems_text(error)
    if isinstance(error, DxError):
        return shown(error.message), ""
    log.error("unexpected error", exc_info=(type(error), error, error.__traceback__))
    return tr("Something went wrong. The details have been written to the log file."), \
        f"{error.__class__.__name__}: {error}"


def shown(message: str) -> str:
    """A message the core wrote (English), in the window's language."""
    return in_language(message, language())


def problems_text(error: ProblemsError) -> str:
    """The first problems of a refused file, each in the window's language; the rest counted."""
    problems = error.problems
    lines = [f"  {dataclasses.replace(p, message=shown(p.message))}" for p in problems[:PROBLEMS_SHOWN]]
    if len(problems) > PROBLEMS_SHOWN:
        lines.append("  " + tr("… and %1 more problem(s)").replace("%1", f"{len(problems) - PROBLEMS_SHOWN:,}"))
    return "\n".join(lines)


def show_error(parent: QWidget | None, error: BaseException, title: str | None = None) -> QMessageBox:
    message, details = describe(error)
    box = QMessageBox(QMessageBox.Icon.Warning, title or tr("dxscore"), message, QMessageBox.StandardButton.Ok,
                      parent)
    box.setObjectName("errorDialog")
    if details:
        box.setDetailedText(details)
    box.open()
    return box
