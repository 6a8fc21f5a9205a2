"""The appraisal council's records, entered on the Cycle tab (issue 17): add a member, record a meeting (date,
minutes, the signed minutes file), record the council's decision on one indicator of one unit (kept or adjusted,
points, reason, each member's vote).

Each dialog writes through a named operation on the database lane and stays open until the service has taken
it: a refusal (a blank name, a date outside the cycle, points over the maximum, a second decision…) is shown in
the dialog with the service's own message, nothing is written, and what was typed is kept to correct.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from assessment.domain.council import CouncilMeeting, CouncilMember
from gui.errors import describe
from gui.i18n import tr
from gui.models import format_points
from gui.operations import OpChanges, Operations

ROLES = ("Chủ tịch Hội đồng", "Phó Chủ tịch Hội đồng", "Ủy viên", "Thư ký")  # the usual roles, as the decision lists
VOTES = ("", "for", "against", "abstain")


class CouncilDialog(QDialog):
    """A dialog whose OK runs one write on the database lane; it closes only when the write succeeded."""

    def __init__(self, parent: QWidget, ops: Operations, title: str, done: Callable[[str], None]) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.ops, self.report = ops, done
        self.form = QFormLayout(self)
        self.error = QLabel()
        self.error.setObjectName("councilError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #c62828;")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self._check)
        self.buttons.rejected.connect(self.reject)

    def finish_layout(self) -> None:
        self.form.addRow(self.error)
        self.form.addRow(self.buttons)

    def _check(self) -> None:
        """Read the fields (a field that cannot be read is refused here) and hand the write to the lane."""
        try:
            name, work, said = self.request()
        except ValueError as refused:
            self.error.setText(str(refused))
            return
        self.error.clear()
        self.buttons.setEnabled(False)

        def succeeded(result: Any) -> None:
            self.report(said(result))
            self.accept()

        def failed(error: BaseException) -> None:
            self.buttons.setEnabled(True)
            self.error.setText(describe(error)[0])

        self.ops.change(f"council.{name}", work, OpChanges(status=True), succeeded, failed)

    def request(self) -> tuple[str, Callable[[], Any], Callable[[Any], str]]:
        """(operation name, the write, what to say once written)."""
        raise NotImplementedError


class MemberDialog(CouncilDialog):
    def __init__(self, parent: QWidget, ops: Operations, add: Callable[[str, str], CouncilMember],
                 done: Callable[[str], None]) -> None:
        super().__init__(parent, ops, tr("Add a council member"), done)
        self.add = add
        self.name = QLineEdit()
        self.name.setObjectName("memberName")
        self.role = QComboBox()
        self.role.setObjectName("memberRole")
        self.role.setEditable(True)
        self.role.addItems(ROLES)
        self.form.addRow(tr("Name"), self.name)
        self.form.addRow(tr("Role"), self.role)
        self.finish_layout()

    def request(self) -> tuple[str, Callable[[], Any], Callable[[Any], str]]:
        name, role, add = self.name.text(), self.role.currentText(), self.add
        return "member", lambda: add(name, role), lambda m: tr("{name} added to the council ({role}).").format(
            name=m.name, role=m.role)


class MeetingDialog(CouncilDialog):
    def __init__(self, parent: QWidget, ops: Operations, record: Callable[[dt.date, str, Path | None],
                                                                          CouncilMeeting],
                 done: Callable[[str], None], parse_day: Callable[[str], dt.date | None]) -> None:
        super().__init__(parent, ops, tr("Record a council meeting"), done)
        self.record, self.parse_day = record, parse_day
        self.date = QLineEdit()
        self.date.setObjectName("meetingDate")
        self.date.setPlaceholderText(tr("dd/mm/yyyy"))
        self.minutes = QPlainTextEdit()
        self.minutes.setObjectName("meetingMinutes")
        self.minutes.setPlaceholderText(tr("What the meeting decided, as in the signed minutes"))
        self.file = QLineEdit()
        self.file.setObjectName("minutesFile")
        self.file.setPlaceholderText(tr("the signed minutes (PDF or a scan), optional"))
        choose = QPushButton(tr("Choose…"))
        choose.setObjectName("chooseMinutesFile")
        choose.clicked.connect(self._choose)
        row = QHBoxLayout()
        row.addWidget(self.file, 1)
        row.addWidget(choose)
        self.form.addRow(tr("Date"), self.date)
        self.form.addRow(tr("Minutes"), self.minutes)
        self.form.addRow(tr("Signed file"), row)
        self.finish_layout()

    def _choose(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, tr("The signed minutes"), str(Path.home()),
                                              tr("PDF or image (*.pdf *.png *.jpg *.jpeg *.tif *.tiff);;All files (*)"))
        if path:
            self.file.setText(path)

    def request(self) -> tuple[str, Callable[[], Any], Callable[[Any], str]]:
        day = self.parse_day(self.date.text())
        if day is None:
            raise ValueError(tr("The meeting needs its date (dd/mm/yyyy)."))
        minutes, record = self.minutes.toPlainText(), self.record
        file = Path(self.file.text().strip()) if self.file.text().strip() else None
        return "meeting", lambda: record(day, minutes, file), lambda m: tr("Meeting of {day} recorded.").format(
            day=m.held_on.strftime("%d/%m/%Y"))


class DecisionDialog(CouncilDialog):
    """The council's decision on one indicator of one unit, with each member's vote (or none recorded)."""

    def __init__(self, parent: QWidget, ops: Operations, decide: Callable[..., Any], done: Callable[[str], None],
                 meetings: Sequence[CouncilMeeting], members: Sequence[CouncilMember],
                 units: Sequence[tuple[str, str]]) -> None:
        super().__init__(parent, ops, tr("Record a council decision"), done)
        self.decide = decide
        self.meeting = QComboBox()
        self.meeting.setObjectName("decisionMeeting")
        for meeting in meetings:
            self.meeting.addItem(meeting.held_on.strftime("%d/%m/%Y"), meeting.id)
        self.meeting.setCurrentIndex(self.meeting.count() - 1)  # the latest meeting
        self.unit = QComboBox()
        self.unit.setObjectName("decisionUnit")
        for code, name in units:
            self.unit.addItem(f"{code} — {name}", code)
        self.indicator = QLineEdit()
        self.indicator.setObjectName("decisionIndicator")
        self.indicator.setPlaceholderText(tr("e.g. NTS01"))
        self.outcome = QComboBox()
        self.outcome.setObjectName("decisionOutcome")
        self.outcome.addItem(tr("Adjusted"), "adjusted")
        self.outcome.addItem(tr("Kept"), "kept")
        self.outcome.currentIndexChanged.connect(self._outcome_changed)
        self.points = QDoubleSpinBox()
        self.points.setObjectName("decisionPoints")
        self.points.setRange(0.0, 1000.0)
        self.points.setDecimals(2)
        self.points.setSingleStep(0.5)
        self.reason = QPlainTextEdit()
        self.reason.setObjectName("decisionReason")
        for label, widget in ((tr("Meeting"), self.meeting), (tr("Unit"), self.unit),
                              (tr("Indicator"), self.indicator), (tr("Decision"), self.outcome),
                              (tr("Council's points"), self.points), (tr("Reason"), self.reason)):
            self.form.addRow(label, widget)
        self.votes: dict[str, QComboBox] = {}
        for n, member in enumerate(members):
            vote = QComboBox()
            vote.setObjectName(f"vote_{n}")
            for key, text in zip(VOTES, (tr("not recorded"), tr("For"), tr("Against"), tr("Abstained")), strict=True):
                vote.addItem(text, key)
            self.votes[member.name] = vote
            self.form.addRow(tr("Vote of {name}").format(name=member.name), vote)
        self.finish_layout()

    def _outcome_changed(self) -> None:
        self.points.setEnabled(self.outcome.currentData() == "adjusted")

    def request(self) -> tuple[str, Callable[[], Any], Callable[[Any], str]]:
        if self.meeting.currentData() is None:
            raise ValueError(tr("Record the council's meeting first."))
        if self.unit.currentData() is None:
            raise ValueError(tr("Choose the unit."))
        meeting, unit, code = int(self.meeting.currentData()), str(self.unit.currentData()), \
            self.indicator.text().strip().upper()
        outcome = str(self.outcome.currentData())
        points = self.points.value() if outcome == "adjusted" else None
        reason = self.reason.toPlainText()
        votes = {name: str(box.currentData()) for name, box in self.votes.items() if box.currentData()}
        decide = self.decide
        return "decide", lambda: decide(meeting, unit_code=unit, code=code, outcome=outcome, points=points,
                                        reason=reason, votes=votes), \
            lambda d: tr("{unit} {code}: the council's decision is recorded ({points} points).").format(
                unit=d.unit_code, code=d.indicator_code, points=format_points(d.points))
