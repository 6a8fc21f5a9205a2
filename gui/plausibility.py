"""The question the form asks before keeping a number outside its indicator's plausible range.

The core refuses such a number unless a person confirmed it (assessment.domain.answers.plausibility_problems); this is
where the person does. On Yes the answer goes to the save path marked `confirmed`; the stored value is then the
confirmed one (the export writes `confirmed` = 1 beside it)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QMessageBox, QWidget

from assessment.domain.answers import AnswerProblem
from assessment.domain.model import Indicator
from gui.answer_messages import word
from gui.i18n import tr


def keep_implausible(parent: QWidget, indicator: Indicator, problems: Sequence[AnswerProblem], lang: str) -> bool:
    """Ask whether to keep the value; No is the default, so Enter never confirms by accident."""
    text = tr("%1: %2; keep it?").replace("%1", indicator.code).replace("%2", word(problems, lang))
    box = QMessageBox(QMessageBox.Icon.Question, tr("Unusual value"), text,
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, parent)
    box.setDefaultButton(QMessageBox.StandardButton.No)
    box.setObjectName("plausibility-question")
    return box.exec() == QMessageBox.StandardButton.Yes
