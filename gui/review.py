"""The Review tab: one assessment as the appraisal council's secretariat sees it. Its state and the steps open
from it, self-assessed and appraised points side by side per indicator, the inspector's comments and the unit's
replies, and the history of its states. Double-click a row to appraise it (under review) or to reply to the
comment on it (returned). Every write runs on the database lane and reloads the sheet."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from assessment.domain.errors import BadInput
from assessment.domain.model import AssessmentStatus, IndicatorScore, Methodology, Unit
from assessment.domain.workflow import APPRAISING, ReviewNote, Step
from assessment.service import AssessmentService
from gui.errors import show_error
from gui.i18n import tr
from gui.models import RowsTableModel, format_index, format_points
from gui.operations import OpChanges, Operations
from gui.states import state_name, step_name
from gui.tasks import TaskRunner

if TYPE_CHECKING:
    from assessment.services.appraisal_area import ReviewSheet

Index = QModelIndex | QPersistentModelIndex
NO_PARENT = QModelIndex()
APPRAISED_COLOUR = QColor("#7a4a00")
REASON_STEPS = {Step.REOPEN_REVIEW, Step.UNLOCK}  # the workflow wants a reason for these (audit trail)


def _points(value: float | None) -> str:
    return "" if value is None else format_points(value)  # the one rule for points (number_format)


@dataclass(frozen=True)
class ReviewRow:
    score: IndicatorScore
    question: str
    comment: ReviewNote | None  # the latest comment on the indicator (round 0: written, not sent yet)


class ReviewTableModel(RowsTableModel):
    """One row per indicator that carries points or a comment."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[ReviewRow] = []
        self.headers = [tr("Code"), tr("Indicator"), tr("Self-assessed"), tr("Appraised"), tr("Reason"),
                        tr("Comment to the unit"), tr("Unit's reply")]

    def set_sheet(self, sheet: ReviewSheet, methodology: Methodology, lang: str) -> None:
        latest: dict[str, ReviewNote] = {}
        for note in sorted(sheet.notes, key=lambda n: (n.round == 0, n.round)):  # round 0 (unsent) wins
            latest[note.indicator_code] = note
        self.beginResetModel()
        self.rows = [ReviewRow(score, methodology.indicator(score.code).text.get(lang), latest.get(score.code))
                     for score in sheet.scorecard.indicators
                     if score.max_points > 0 or score.code in latest]
        self.endResetModel()

    def clear(self) -> None:
        self.beginResetModel()
        self.rows = []
        self.endResetModel()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = self.rows[index.row()], index.column()
        score, note = row.score, row.comment
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return score.code
            if column == 1:
                return row.question
            if column == 2:  # not applicable and not answered must not read as a scored 0
                if not score.applicable:
                    return tr("not applicable")
                shown = f"{_points(score.points)} / {_points(score.max_points)}"
                return f"{tr('No answer')} ({shown})" if score.missing else shown
            if column == 3:
                return _points(score.appraised_points)
            if column == 4:
                return score.appraisal_reason
            if column == 5:
                if note is None:
                    return ""
                return note.comment + (tr(" (not sent yet)") if note.round == 0 else "")
            if column == 6:
                return note.reply if note else ""
        if role == Qt.ItemDataRole.ToolTipRole and column in (1, 4, 5, 6):
            return self.data(index)
        if role == Qt.ItemDataRole.ForegroundRole and column == 3 and score.appraised_points is not None \
                and score.appraised_points != score.points:
            return QBrush(APPRAISED_COLOUR)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (2, 3):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def row_code(self, row: int) -> str:
        return self.rows[row].score.code


class AppraiseDialog(QDialog):
    """Appraised points (with their mandatory reason) and the comment for the unit, for one indicator."""

    def __init__(self, row: ReviewRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("appraiseDialog")
        self.row = row
        score = row.score
        self.setWindowTitle(tr("Appraise %1").replace("%1", score.code))
        question = QLabel(f"<b>{score.code}</b> — {row.question}")
        question.setWordWrap(True)
        self.use_points = QCheckBox(tr("Set appraised points"))
        self.use_points.setObjectName("useAppraisedPoints")
        self.points = QDoubleSpinBox()
        self.points.setObjectName("appraisedPoints")
        self.points.setRange(0.0, score.max_points)
        self.points.setDecimals(2)
        self.points.setSingleStep(0.5)
        self.points.setSuffix(" / " + _points(score.max_points))
        has = score.appraised_points is not None
        self.use_points.setChecked(has)
        self.points.setValue(score.appraised_points if has else score.points)
        self.points.setEnabled(has)
        self.use_points.toggled.connect(self.points.setEnabled)
        self.reason = QPlainTextEdit(score.appraisal_reason)
        self.reason.setObjectName("appraisalReason")
        self.reason.setPlaceholderText(tr("Why these points (required)"))
        self.comment = QPlainTextEdit(row.comment.comment if row.comment and row.comment.round == 0 else "")
        self.comment.setObjectName("reviewComment")
        self.comment.setPlaceholderText(tr("What the unit should correct (sent when the assessment is returned)"))
        self.message = QLabel()
        self.message.setObjectName("dialogMessage")
        self.message.setStyleSheet("color: #8a1c1c;")
        form = QFormLayout()
        form.addRow(tr("Self-assessed"), QLabel(f"{_points(score.points)} / {_points(score.max_points)}"))
        form.addRow(self.use_points, self.points)
        form.addRow(tr("Reason"), self.reason)
        form.addRow(tr("Comment to the unit"), self.comment)
        if row.comment and row.comment.round > 0:
            form.addRow(tr("Last comment sent"), QLabel(row.comment.comment))
            form.addRow(tr("Unit's reply"), QLabel(row.comment.reply or "—"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.check_and_accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(question)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.resize(560, 420)

    @property
    def new_points(self) -> float | None:
        return self.points.value() if self.use_points.isChecked() else None

    @property
    def points_changed(self) -> bool:
        return self.new_points != self.row.score.appraised_points or \
            self.reason.toPlainText().strip() != self.row.score.appraisal_reason

    @property
    def comment_changed(self) -> bool:
        before = self.row.comment.comment if self.row.comment and self.row.comment.round == 0 else ""
        return self.comment.toPlainText().strip() != before.strip()

    def check_and_accept(self) -> None:
        if self.points_changed and not self.reason.toPlainText().strip():
            self.message.setText(tr("Give the reason for the appraised points: it is kept with them."))
            self.reason.setFocus()
            return
        self.accept()


class ReplyDialog(QDialog):
    """The unit's reply to the inspector's comment on one indicator."""

    def __init__(self, row: ReviewRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("replyDialog")
        self.setWindowTitle(tr("Reply on %1").replace("%1", row.score.code))
        question = QLabel(f"<b>{row.score.code}</b> — {row.question}")
        question.setWordWrap(True)
        comment = QLabel(row.comment.comment if row.comment else "")
        comment.setWordWrap(True)
        self.reply = QPlainTextEdit(row.comment.reply if row.comment else "")
        self.reply.setObjectName("replyText")
        self.reply.setPlaceholderText(tr("What the unit corrected, or why it keeps its answer"))
        self.message = QLabel()
        self.message.setStyleSheet("color: #8a1c1c;")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.check_and_accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(tr("Inspector's comment"), comment)
        form.addRow(tr("Reply"), self.reply)
        layout = QVBoxLayout(self)
        layout.addWidget(question)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.resize(520, 320)

    def check_and_accept(self) -> None:
        if not self.reply.toPlainText().strip():
            self.message.setText(tr("The reply is empty."))
            return
        self.accept()


class ReviewPanel(QWidget):
    """The Review tab's content for one unit in one cycle. `changed` fires after any write, so the window can
    refresh the form's read-only state and the comparison."""

    changed = Signal()
    export_return = Signal(str, int)  # unit code, cycle: write the return package for the unit

    def __init__(self, service: AssessmentService, runner: TaskRunner, lang: str,
                 parent: QWidget | None = None, ops: Operations | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reviewPanel")
        self.service, self.runner, self.lang = service, runner, lang
        self.ops = ops or Operations(runner)  # reads and writes on the database lane, changes announced
        self.unit_code: str | None = None
        self.year: int | None = None
        self.sheet: ReviewSheet | None = None
        self.dialog: QDialog | None = None  # the appraisal or reply dialog last opened
        self.ask_reason: Callable[[str], tuple[str, bool]] = lambda title: QInputDialog.getText(
            self, title, tr("Reason (kept in the audit trail):"))
        self.heading = QLabel(tr("Choose a unit on the left to review its assessment."))
        self.heading.setObjectName("reviewHeading")
        self.heading.setWordWrap(True)
        self.totals = QLabel()
        self.totals.setObjectName("reviewTotals")
        self.buttons = QHBoxLayout()
        self.step_buttons: dict[Step, QPushButton] = {}
        for step in (Step.START_REVIEW, Step.RETURN, Step.APPRAISE, Step.REOPEN_REVIEW, Step.LOCK, Step.UNLOCK):
            button = QPushButton(step_name(step))
            button.setObjectName(f"step_{step.value}")
            button.clicked.connect(lambda _=False, s=step: self.make_step(s))
            self.step_buttons[step] = button
            self.buttons.addWidget(button)
        self.return_package = QPushButton(tr("Save the return package…"))
        self.return_package.setObjectName("saveReturnPackage")
        self.return_package.clicked.connect(lambda: self.export_return.emit(self.unit_code or "", self.year or 0))
        self.buttons.addWidget(self.return_package)
        self.buttons.addStretch(1)
        self.hint = QLabel()
        self.hint.setObjectName("reviewHint")
        self.hint.setWordWrap(True)
        self.model = ReviewTableModel()
        self.table = QTableView()
        self.table.setObjectName("reviewTable")
        self.table.setAccessibleName(tr("Indicators under review"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        # the indicator's text takes what is left, so the reason, comment and reply stay in view (full text in
        # each cell's tooltip)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        for column, width in enumerate((64, 0, 96, 84, 160, 160, 160)):
            if width:
                self.table.setColumnWidth(column, width)
        self.table.doubleClicked.connect(lambda index: self.edit_row(index.row()))
        self.history = QListWidget()
        self.history.setObjectName("reviewHistory")
        self.history.setAccessibleName(tr("History of the assessment's states"))
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        history_box = QWidget()
        box = QVBoxLayout(history_box)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(QLabel(tr("History")))
        box.addWidget(self.history)
        split.addWidget(history_box)
        split.setSizes([600, 140])
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.totals)
        layout.addLayout(self.buttons)
        layout.addWidget(self.hint)
        layout.addWidget(split, 1)
        self._show_buttons(None)

    # ------------------------------------------------------------------------------------- loading

    def show_unit(self, unit_code: str, year: int) -> None:
        self.unit_code, self.year = unit_code, year
        self.reload()

    def reload(self, done: Callable[[], None] | None = None) -> None:
        if self.unit_code is None or self.year is None:
            return
        code, year = self.unit_code, self.year

        def load() -> tuple[Unit, ReviewSheet | None, Methodology | None]:
            unit = self.service.units.get(code)
            if not self.service.has_assessments(year, unit_code=code):
                return unit, None, None
            sheet = self.service.appraisal.sheet(unit_code=code, year=year)
            card = sheet.scorecard
            return unit, sheet, self.service.methodologies.stored(card.methodology_id, card.methodology_version)

        def loaded(result: tuple[Unit, ReviewSheet | None, Methodology | None]) -> None:
            if (code, year) == (self.unit_code, self.year):
                self._show(*result)
            if done is not None:
                done()

        self.ops.query("review sheet", load, loaded, lambda error: show_error(self, error))

    def _show(self, unit: Unit, sheet: ReviewSheet | None, methodology: Methodology | None) -> None:
        self.sheet = sheet
        title = f"<h2>{unit.name.get(self.lang)} ({unit.code}) · {tr('Cycle %1').replace('%1', str(self.year))}</h2>"
        if sheet is None or methodology is None:
            self.heading.setText(title + tr("No assessment yet: nothing has been entered or imported for this "
                                            "unit in this cycle."))
            self.totals.clear()
            self.model.clear()
            self.history.clear()
            self._show_buttons(None)
            return
        status = sheet.assessment.status
        self.heading.setText(title + tr("Status: <b>%1</b>").replace("%1", state_name(status)))
        card = sheet.scorecard
        line = tr("Self-assessed: %1 / %2 points, index %3").replace("%1", _points(card.points)) \
            .replace("%2", _points(card.max_points)).replace("%3", _index(card.index))
        if card.appraised:
            line += " · " + tr("Appraised: %1 points, index %2").replace(
                "%1", _points(card.appraised_points or 0.0)).replace("%2", _index(card.appraised_index))
        self.totals.setText(line)
        self.model.set_sheet(sheet, methodology, self.lang)
        self.history.clear()
        for entry in sheet.history:
            new = _json_text(entry.new)
            text = f"{entry.at[:16].replace('T', ' ')} · {entry.who} · {state_name(new) if new else ''}"
            self.history.addItem(text + (f" — {_why_words(entry.why)}" if entry.why else ""))
        self._show_buttons(status)

    def _show_buttons(self, status: AssessmentStatus | None) -> None:
        steps = set(self.sheet.steps) if self.sheet is not None and status is not None else set()
        for step, button in self.step_buttons.items():
            button.setVisible(step in steps)
        self.return_package.setVisible(status == AssessmentStatus.RETURNED)
        hints = {
            AssessmentStatus.DRAFT: tr("The unit has not submitted yet."),
            AssessmentStatus.SUBMITTED: tr("Submitted: start the review to appraise points and write comments."),
            AssessmentStatus.RESUBMITTED: tr("Resubmitted: review it again or appraise it as it stands."),
            AssessmentStatus.UNDER_REVIEW: tr("Double-click an indicator to set appraised points (with a reason) "
                                              "or a comment for the unit."),
            AssessmentStatus.RETURNED: tr("Returned to the unit: double-click a commented indicator to reply, "
                                          "then resubmit on the Data entry tab."),
            AssessmentStatus.APPRAISED: tr("Appraised: lock it, or reopen the review with a reason."),
            AssessmentStatus.LOCKED: tr("Locked: unlock it with a reason to change anything."),
        }
        self.hint.setText(hints.get(status, "") if status is not None else "")

    # -------------------------------------------------------------------------------------- writing

    def _write(self, work: Callable[[], Any], done: Callable[[], None] | None = None) -> None:
        def finished(_result: Any) -> None:
            self.changed.emit()
            self.reload(done)

        self.ops.change("review step", work, OpChanges(status=True, answers=True), finished,
                        lambda error: show_error(self, error))

    def make_step(self, step: Step) -> None:
        if self.sheet is None or self.unit_code is None or self.year is None:
            return
        code, year, area = self.unit_code, self.year, self.service.appraisal
        why = ""
        if step in REASON_STEPS:
            why, ok = self.ask_reason(step_name(step))
            if not ok:
                return
            if not why.strip():
                show_error(self, BadInput(tr("A reason is required for this step.")))
                return
        if step == Step.RETURN:
            if not self.sheet.open_comments:
                show_error(self, BadInput(tr("Write at least one comment for the unit first (double-click an "
                                             "indicator).")))
                return
            self._write(lambda: area.return_to_unit(unit_code=code, year=year),
                        lambda: self.export_return.emit(code, year))
            return
        self._write(lambda: area.step(step, unit_code=code, year=year, why=why))

    def edit_row(self, row: int) -> None:
        if self.sheet is None or not 0 <= row < len(self.model.rows):
            return
        item = self.model.rows[row]
        code, year, area = item.score.code, self.year, self.service.appraisal
        unit = self.unit_code
        status = self.sheet.assessment.status
        if status in APPRAISING:
            dialog = AppraiseDialog(item, self)

            def appraised() -> None:
                points, reason = dialog.new_points, dialog.reason.toPlainText().strip()
                comment = dialog.comment.toPlainText().strip()
                points_changed, comment_changed = dialog.points_changed, dialog.comment_changed

                def work() -> None:
                    if points_changed:
                        area.set_points(unit_code=unit, year=year, code=code, points=points, reason=reason)
                    if comment_changed:
                        area.comment(unit_code=unit, year=year, code=code, text=comment)

                self._write(work)

            dialog.accepted.connect(appraised)
        elif status == AssessmentStatus.RETURNED and item.comment is not None and item.comment.round > 0:
            dialog = ReplyDialog(item, self)
            dialog.accepted.connect(lambda: self._write(lambda: area.reply(
                unit_code=unit, year=year, code=code, text=dialog.reply.toPlainText().strip())))
        else:
            self.hint.setText(tr("Nothing to change on %1 while the assessment is %2.")
                              .replace("%1", code).replace("%2", state_name(status)))
            return
        self.dialog = dialog
        dialog.open()


def _index(value: float | None) -> str:
    return format_index(value)


def _why_words(why: str) -> str:
    """The reason of a state change in the user's language: a package receipt
    (assessment.exchange.package_format.receipt_why) is worded here; reasons people typed are shown as typed."""
    from assessment.exchange.package_format import read_receipt  # the package format: only for a receipt

    receipt = read_receipt(why)
    if receipt is None:
        return why
    package_id, signer = receipt
    return tr("package %1 from %2").replace("%1", package_id[:8]).replace("%2", signer)


def _json_text(text: str | None) -> str:
    try:
        value = json.loads(text) if text else ""
    except ValueError:
        return ""
    return value if isinstance(value, str) and value in set(AssessmentStatus) else ""
