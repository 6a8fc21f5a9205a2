"""The Cycle tab: the secretariat's view of the year's process (issue 17).

The cycle's planned dates (editable), every unit's standing against them (late first, with the days late), the
reminder list to send (CSV or Excel), the bulk steps (start the review of every submission, return the chosen
units with a standard comment, lock every appraised assessment), the council's summary, and the publication:
"not yet published" or "published … (decision …)", publish or correct, and the decision annex (PDF, Excel).
Everything is read and written on the database lane through named operations (`gui.operations`): a write
announces itself, so every other view follows through the app-wide change signal. A refusal is shown, never
raised.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from assessment.domain.council import CouncilMeeting, CouncilMember
from assessment.domain.publication import Publication
from assessment.domain.timeline import MILESTONE_LABELS, MILESTONES, CycleTimeline, Milestone
from assessment.service import AssessmentService
from assessment.services.timeline_area import BulkResult, UnitStanding
from gui.council_dialogs import DecisionDialog, MeetingDialog, MemberDialog
from gui.dialogs import confirm
from gui.errors import show_error
from gui.i18n import tr
from gui.models import RowsTableModel
from gui.operations import OpChanges, Operations

LATE_COLOUR, DONE_COLOUR, WAIT_COLOUR = "#c62828", "#2e7d32", "#8a6d00"
FILTERS = ("all", "late", "not_submitted", "in_review", "returned", "appraised")


@dataclass(frozen=True)
class CycleState:
    """What the tab shows, read in one go on the database lane."""

    year: int
    timeline: CycleTimeline
    board: list[UnitStanding]
    publication: Publication | None  # the latest
    members: int
    meetings: int
    decisions: int
    council_members: tuple[CouncilMember, ...] = ()
    council_meetings: tuple[CouncilMeeting, ...] = ()


def date_text(day: dt.date | None, lang: str) -> str:
    if day is None:
        return "–"
    return day.strftime("%d/%m/%Y") if lang == "vi" else day.isoformat()


def parse_day(text: str) -> dt.date | None:
    """dd/mm/yyyy (or yyyy-mm-dd); empty: no date. ValueError with the text otherwise."""
    text = text.strip()
    if not text:
        return None
    try:
        if "/" in text:
            day, month, year = (int(part) for part in text.split("/"))
            return dt.date(year, month, day)
        return dt.date.fromisoformat(text)
    except (TypeError, ValueError):
        raise ValueError(tr("{text} is not a date (dd/mm/yyyy)").format(text=text)) from None


class BoardModel(RowsTableModel):
    def __init__(self, lang: str) -> None:
        super().__init__()
        self.lang = lang
        self.headers = [tr("Code"), tr("Unit"), tr("Standing"), tr("Days late"), tr("Indicators answered")]

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        row, column = self.rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (row.unit.code, row.unit.name.get(self.lang), row.label(self.lang),
                    str(row.days_late) if row.days_late else "", str(row.answered))[column]
        if role == Qt.ItemDataRole.ForegroundRole and column == 2:
            phase = row.phase.value
            colour = LATE_COLOUR if phase in ("late", "appraisal_overdue") else \
                DONE_COLOUR if phase in ("appraised", "locked") else WAIT_COLOUR if phase == "returned" else None
            return QBrush(QColor(colour)) if colour else None
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (3, 4):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


def _matches(row: UnitStanding, key: str) -> bool:
    phase = row.phase.value
    return {"all": True, "late": phase in ("late", "appraisal_overdue"),
            "not_submitted": phase in ("not_started", "in_progress", "late"),
            "in_review": phase in ("submitted", "in_review", "resubmitted", "appraisal_overdue"),
            "returned": phase == "returned", "appraised": phase in ("appraised", "locked")}[key]


class CycleView(QWidget):
    """The Cycle tab; `refresh()` after the data changed."""

    def __init__(self, service: AssessmentService, ops: Operations, lang: str, cycles: list[int]) -> None:
        super().__init__()
        self.setObjectName("cycleView")
        self.service, self.ops, self.lang = service, ops, lang
        self.state: CycleState | None = None
        self.generation = 0
        self._build(cycles)
        self.refresh()

    # ------------------------------------------------------------------------------------------ layout

    def _build(self, cycles: list[int]) -> None:
        self.cycle = QComboBox()
        self.cycle.setAccessibleName(tr("Cycle"))
        for year in cycles:
            self.cycle.addItem(str(year), year)
        self.cycle.setCurrentIndex(self.cycle.count() - 1)
        self.cycle.currentIndexChanged.connect(self.refresh)
        self.dates = QLabel()
        self.dates.setObjectName("cycleDates")
        self.dates.setWordWrap(True)
        edit = QPushButton(tr("Edit dates…"))
        edit.setObjectName("editDates")
        edit.clicked.connect(self._edit_dates)
        top = QHBoxLayout()
        top.addWidget(QLabel(tr("Cycle")))
        top.addWidget(self.cycle)
        top.addWidget(self.dates, 1)
        top.addWidget(edit)

        self.filter = QComboBox()
        self.filter.setObjectName("boardFilter")
        for key, text in zip(FILTERS, (tr("All units"), tr("Late"), tr("Not submitted"), tr("In review"),
                                       tr("Returned"), tr("Appraised or locked")), strict=True):
            self.filter.addItem(text, key)
        self.filter.currentIndexChanged.connect(self._show_board)
        self.counts = QLabel()
        self.counts.setObjectName("boardCounts")
        self.counts.setWordWrap(True)
        self.model = BoardModel(self.lang)
        self.table = QTableView()
        self.table.setObjectName("cycleBoard")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.ExtendedSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        filters = QHBoxLayout()
        filters.addWidget(QLabel(tr("Show")))
        filters.addWidget(self.filter)
        filters.addWidget(self.counts, 1)

        actions = QHBoxLayout()
        for name, text, slot in (("exportReminders", tr("Export reminder list…"), self._export_reminders),
                                 ("bulkStart", tr("Start review of every submission"), self._bulk_start),
                                 ("bulkReturn", tr("Return selected units…"), self._bulk_return),
                                 ("bulkLock", tr("Lock every appraised assessment"), self._bulk_lock)):
            button = QPushButton(text)
            button.setObjectName(name)
            button.clicked.connect(slot)
            actions.addWidget(button)
        actions.addStretch(1)
        self.message = QLabel()  # what the last step did (or skipped), without a dialog to dismiss
        self.message.setObjectName("cycleMessage")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.council = QLabel()
        self.council.setObjectName("councilSummary")
        self.published = QLabel()
        self.published.setObjectName("publicationStatus")
        self.published.setWordWrap(True)
        publish_box = QGroupBox(tr("Council and publication"))
        box = QVBoxLayout(publish_box)
        box.addWidget(self.council)
        council_row = QHBoxLayout()
        for name, text, slot in (("addMember", tr("Add a member…"), self._add_member),
                                 ("recordMeeting", tr("Record a meeting…"), self._record_meeting),
                                 ("recordDecision", tr("Record a decision…"), self._record_decision)):
            button = QPushButton(text)
            button.setObjectName(name)
            button.clicked.connect(slot)
            council_row.addWidget(button)
        council_row.addStretch(1)
        box.addLayout(council_row)
        box.addWidget(self.published)
        row = QHBoxLayout()
        for name, text, slot in (("publish", tr("Publish results…"), self._publish),
                                 ("annexPdf", tr("Decision annex (PDF)…"), lambda: self._annex(".pdf")),
                                 ("annexXlsx", tr("Decision annex (Excel)…"), lambda: self._annex(".xlsx"))):
            button = QPushButton(text)
            button.setObjectName(name)
            button.clicked.connect(slot)
            row.addWidget(button)
        row.addStretch(1)
        box.addLayout(row)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)
        layout.addWidget(self.message)
        layout.addWidget(publish_box)

    # ------------------------------------------------------------------------------------------ reading

    @property
    def year(self) -> int:
        return int(self.cycle.currentData() or 0)

    def refresh(self) -> None:
        year = self.year
        if not year:
            return
        self.generation += 1
        generation, service = self.generation, self.service

        def read() -> CycleState:
            council = service.council
            members, meetings = tuple(council.members(year)), tuple(council.meetings(year))
            return CycleState(year, service.timeline.dates(year), service.timeline.board(year),
                              service.publication.latest(year), len(members), len(meetings),
                              len(council.decisions(year)), members, meetings)

        self.ops.query("cycle.read", read, lambda state: self._shown(generation, state), self._failed)

    def _shown(self, generation: int, state: CycleState) -> None:
        if generation != self.generation:
            return  # a newer read is on its way
        self.state = state
        self.dates.setText(" · ".join(f"{MILESTONE_LABELS[m][self.lang]}: "
                                      f"{date_text(state.timeline.get(m), self.lang)}"
                                      for m in MILESTONES))
        self.council.setText(tr("Council: {members} members, {meetings} meetings, {decisions} decisions")
                             .format(members=state.members, meetings=state.meetings, decisions=state.decisions))
        self.published.setText(self._publication_text(state.publication))
        self._show_board()

    def _publication_text(self, p: Publication | None) -> str:
        if p is None:
            return tr("Not yet published: the ranking shown elsewhere is on the self-assessed index.")
        day = p.published_at[:10]
        shown = date_text(dt.date.fromisoformat(day), self.lang) if day else ""
        text = tr("Published on {day} (decision {number}), publication {n}").format(
            day=shown, number=p.decision_no, n=p.number)
        return text + (" — " + tr("correction: {reason}").format(reason=p.reason) if p.is_correction else "")

    def _show_board(self) -> None:
        if self.state is None:
            return
        key = self.filter.currentData() or "all"
        rows = [r for r in self.state.board if _matches(r, key)]
        self.model.set_rows(rows)
        counts: dict[str, int] = {}
        for row in self.state.board:
            label = row.label(self.lang)
            counts[label] = counts.get(label, 0) + 1
        self.counts.setText(" · ".join(f"{label}: {n}" for label, n in counts.items()))

    def _failed(self, error: BaseException) -> None:
        show_error(self, error)

    # ------------------------------------------------------------------------------------------ actions

    def _change(self, name: str, work: Callable[[], Any], done_text: Callable[[Any], str] | None = None) -> None:
        """Run a write on the database lane; show what it did (or why not), then read again."""

        def finished(result: Any) -> None:
            self.message.setText(done_text(result) if done_text is not None else tr("Saved."))
            self.refresh()

        self.ops.change(f"cycle.{name}", work, OpChanges(status=True), finished, self._failed)

    def _bulk_text(self, result: BulkResult) -> str:
        done, skipped = result.done, result.skipped
        text = tr("{n} unit(s) done.").format(n=len(done))
        if skipped:
            text += " " + tr("Skipped:") + " " + "; ".join(f"{code}: {why}" for code, why in skipped.items())
        return text

    def _bulk_start(self) -> None:
        if confirm(self, tr("Start review"), tr("Start the review of every submitted assessment of {year}?")
                   .format(year=self.year)):
            year = self.year
            self._change("bulk_start", lambda: self.service.timeline.bulk_start_review(year), self._bulk_text)

    def _bulk_lock(self) -> None:
        if confirm(self, tr("Lock"), tr("Lock every appraised assessment of {year}?").format(year=self.year)):
            year = self.year
            self._change("bulk_lock", lambda: self.service.timeline.bulk_lock(year), self._bulk_text)

    def _selected_codes(self) -> list[str]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [self.model.rows[r].unit.code for r in rows]

    def _bulk_return(self) -> None:
        units = self._selected_codes()
        if not units:
            QMessageBox.information(self, tr("Return"), tr("Choose the units to return in the table first."))
            return
        dialog = ReturnDialog(self, len(units))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        year, comment, indicators = self.year, dialog.comment(), dialog.indicators()
        self._change("bulk_return", lambda: self.service.timeline.bulk_return(year, units=units, comment=comment,
                                                                indicators=indicators), self._bulk_text)

    def _edit_dates(self) -> None:
        if self.state is None:
            return
        dialog = DatesDialog(self, self.state.timeline, self.lang)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        year, changes = self.year, dialog.changes
        self._change("dates", lambda: self.service.timeline.set_dates(year, changes))

    def _export_reminders(self) -> None:
        name = f"nhac-nop-{self.year}.xlsx" if self.lang == "vi" else f"reminders-{self.year}.xlsx"
        path, _ = QFileDialog.getSaveFileName(self, tr("Export reminder list"), str(Path.home() / name),
                                              tr("Excel workbook (*.xlsx);;CSV (*.csv)"))
        if not path:
            return
        year, lang = self.year, self.lang
        self._change("reminders", lambda: self.service.timeline.export_reminders(Path(path), year, lang=lang),
                     lambda count: tr("{n} unit(s) written to {path}").format(n=count, path=path))

    def _council_done(self, text: str) -> None:
        self.message.setText(text)
        self.refresh()

    def _add_member(self) -> None:
        year, council = self.year, self.service.council
        self._open(MemberDialog(self, self.ops, lambda name, role: council.add_member(year, name, role),
                                self._council_done))

    def _record_meeting(self) -> None:
        year, council = self.year, self.service.council
        self._open(MeetingDialog(self, self.ops, lambda day, minutes, file: council.record_meeting(
            year, day, minutes, file), self._council_done, parse_day))

    def _record_decision(self) -> None:
        if self.state is None:
            return
        units = [(r.unit.code, r.unit.name.get(self.lang)) for r in self.state.board]
        self._open(DecisionDialog(self, self.ops, self.service.council.decide, self._council_done,
                                  self.state.council_meetings, self.state.council_members, units))

    def _open(self, dialog: QDialog) -> None:
        """A council dialog, window-modal without a nested event loop (its write answers on the lane); kept
        referenced until the next one."""
        self.council_dialog = dialog
        dialog.open()

    def _publish(self) -> None:
        correction = self.state is not None and self.state.publication is not None
        dialog = PublishDialog(self, correction)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        year, number, day, reason = self.year, dialog.number.text(), dialog.day, dialog.reason.toPlainText()
        self._change("publish", lambda: self.service.publication.publish(year, decision_no=number, decision_date=day,
                                                              reason=reason),
                     lambda p: tr("Publication {n} stored: {ranked} units ranked.").format(
                         n=p.number, ranked=sum(u.rank is not None for u in p.units)))

    def _annex(self, suffix: str) -> None:
        name = f"phu-luc-{self.year}{suffix}" if self.lang == "vi" else f"annex-{self.year}{suffix}"
        kind = tr("PDF (*.pdf)") if suffix == ".pdf" else tr("Excel workbook (*.xlsx)")
        path, _ = QFileDialog.getSaveFileName(self, tr("Decision annex"), str(Path.home() / name), kind)
        if not path:
            return
        year, lang = self.year, self.lang
        self._change("annex", lambda: self.service.publication.write_annex(Path(path), year, lang=lang),
                     lambda written: tr("Saved to {path}").format(path=written))


def ok_cancel(dialog: QDialog, accept: Callable[[], None]) -> QDialogButtonBox:
    """The dialog's OK (through `accept`, which may keep it open with a reason) and Cancel buttons."""
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    buttons.accepted.connect(accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


class DatesDialog(QDialog):
    """The five planned dates; refused (with the reason, the dialog kept open) when one is not a date."""

    def __init__(self, parent: QWidget, timeline: CycleTimeline, lang: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Cycle dates"))
        self.fields: dict[Milestone, QLineEdit] = {}
        self.changes: dict[Milestone, dt.date | None] = {}
        form = QFormLayout(self)
        for milestone in MILESTONES:
            day = timeline.get(milestone)
            field = QLineEdit(day.strftime("%d/%m/%Y") if day else "")
            field.setPlaceholderText(tr("dd/mm/yyyy"))
            field.setObjectName(f"date_{milestone.value}")
            form.addRow(MILESTONE_LABELS[milestone][lang], field)
            self.fields[milestone] = field
        form.addRow(ok_cancel(self, self._check))

    def _check(self) -> None:
        try:
            self.changes = {m: parse_day(field.text()) for m, field in self.fields.items()}
        except ValueError as refused:
            QMessageBox.warning(self, tr("Cycle dates"), str(refused))
            return
        self.accept()


class ReturnDialog(QDialog):
    def __init__(self, parent: QWidget, count: int) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Return {n} unit(s)").format(n=count))
        form = QFormLayout(self)
        self.text = QPlainTextEdit()
        self.text.setObjectName("standardComment")
        self.text.setPlaceholderText(tr("e.g. Add the evidence the indicator asks for"))
        self.codes = QLineEdit()
        self.codes.setObjectName("commentIndicators")
        self.codes.setPlaceholderText(tr("indicator codes, separated by commas"))
        form.addRow(tr("Standard comment"), self.text)
        form.addRow(tr("On indicators"), self.codes)
        form.addRow(ok_cancel(self, self.accept))
        self.setMinimumWidth(520)  # the hint under "On indicators" was cut at the default width

    def comment(self) -> str:
        return self.text.toPlainText()

    def indicators(self) -> list[str]:
        return [code.strip() for code in self.codes.text().split(",") if code.strip()]


class PublishDialog(QDialog):
    def __init__(self, parent: QWidget, correction: bool) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Publish a correction") if correction else tr("Publish results"))
        self.day: dt.date | None = None
        form = QFormLayout(self)
        note = QLabel(tr("Publishing locks every appraised assessment and freezes the results: ranks on the "
                         "appraised index, per group and sub-group. A later publication is a correction."))
        note.setWordWrap(True)
        form.addRow(note)
        self.number = QLineEdit()
        self.number.setObjectName("decisionNumber")
        self.number.setPlaceholderText(tr("e.g. 1234/QĐ-UBND"))
        self.date = QLineEdit()
        self.date.setObjectName("decisionDate")
        self.date.setPlaceholderText(tr("dd/mm/yyyy"))
        self.reason = QPlainTextEdit()
        self.reason.setObjectName("correctionReason")
        form.addRow(tr("Decision number"), self.number)
        form.addRow(tr("Decision date"), self.date)
        if correction:
            form.addRow(tr("Reason for the correction"), self.reason)
        form.addRow(ok_cancel(self, self._check))

    def _check(self) -> None:
        try:
            self.day = parse_day(self.date.text())
        except ValueError as refused:
            QMessageBox.warning(self, self.windowTitle(), str(refused))
            return
        self.accept()
