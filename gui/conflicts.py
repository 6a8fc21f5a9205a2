"""The dialog for a save refused because the answer changed elsewhere (another window, an import, a package):
the user's value beside the one stored now, and a choice. Nothing is overwritten without it: "Keep mine" saves
the user's value against the version just seen, "Take the stored one" drops it."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QGridLayout, QLabel, QVBoxLayout, QWidget

from assessment.domain.errors import StaleAnswer
from assessment.domain.model import Answer, AnswerType, Indicator
from gui.editors import number_text
from gui.i18n import tr


class ConflictDialog(QDialog):
    chosen = Signal(str, bool)  # indicator code, keep the user's value

    def __init__(self, indicator: Indicator, mine: Answer, conflict: StaleAnswer, lang: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("conflictDialog")
        self.code = indicator.code
        self.decided = False
        self.setWindowTitle(tr("Changed elsewhere — %1").replace("%1", indicator.code))
        who = conflict.changed_by or tr("someone else")
        intro = QLabel(tr("<b>%1</b> was changed by %2 while you were editing it. Your value has not been saved.")
                       .replace("%1", f"{indicator.code} · {indicator.text.get(lang)}").replace("%2", who))
        intro.setWordWrap(True)
        grid = QGridLayout()
        self.mine_text = answer_text(indicator, mine, lang)
        self.stored_text = answer_text(indicator, conflict.stored, lang)
        for row, (label, text, name) in enumerate(((tr("Yours:"), self.mine_text, "mine"),
                                                   (tr("Stored now:"), self.stored_text, "stored"))):
            value = QLabel(f"<b>{text}</b>")
            value.setObjectName(name)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            grid.addWidget(QLabel(label), row, 0)
            grid.addWidget(value, row, 1)
        buttons = QDialogButtonBox()
        self.keep = buttons.addButton(tr("Keep mine"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.take = buttons.addButton(tr("Take the stored one"), QDialogButtonBox.ButtonRole.RejectRole)
        self.keep.setObjectName("keepMine")
        self.take.setObjectName("takeStored")
        self.keep.clicked.connect(lambda: self.decide(True))
        self.take.clicked.connect(lambda: self.decide(False))
        self.take.setDefault(True)  # Enter never overwrites someone else's value by accident
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(grid)
        layout.addWidget(buttons)

    def decide(self, keep_mine: bool) -> None:
        if not self.decided:
            self.decided = True
            self.chosen.emit(self.code, keep_mine)
        self.hide()

    def withdraw(self) -> None:
        """A newer conflict on the same field replaces this one: close without choosing."""
        self.decided = True
        self.close()

    def reject(self) -> None:
        """Escape or closing the dialog keeps the stored value: the user's was never saved."""
        self.decide(False)
        super().reject()


def answer_text(indicator: Indicator, answer: Answer | None, lang: str) -> str:
    """An answer in words, as the form would show it."""
    if answer is None or (answer.is_empty and not answer.comment):
        return tr("no answer")
    if answer.not_applicable:
        text = tr("not applicable")
    elif indicator.answer.type == AnswerType.RATIO:
        text = f"{number_text(answer.numerator)} / {number_text(answer.denominator)}"
    elif answer.choices is not None:
        options = {o.code: o.text.get(lang) for o in indicator.answer.options}
        text = "; ".join(options.get(c, c) for c in answer.choices) or tr("none of these")
    elif isinstance(answer.value, float):
        yes_no = {1.0: tr("Yes"), 0.0: tr("No")} if indicator.answer.type == AnswerType.BOOLEAN else {}
        text = yes_no.get(answer.value, number_text(answer.value))
    elif answer.value is not None:
        options = {o.code: o.text.get(lang) for o in indicator.answer.options}
        text = options.get(answer.value, answer.value)
    else:
        text = tr("no answer")
    return f"{text} — {answer.comment}" if answer.comment else text
