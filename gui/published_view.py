"""What the unit sees of its published result on the Data entry tab (issue 17.4): the headline "Xếp hạng công bố
n/m", its appraised and self-assessed index, the publication in force (a correction supersedes the one before,
which stays listed), and the indicators the inspectors or the council adjusted, with the points before and after
and the reason. The questionnaire marks each adjusted indicator.

In a unit's own database this comes from the publication packages it received (read-only); in the city's, from
its own publications. Read on the database lane when a unit is opened; hidden when nothing was published."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from assessment.service import AssessmentService
from gui.i18n import tr
from gui.models import RowsTableModel, format_index, format_points
from gui.operations import Operations

if TYPE_CHECKING:  # (the publication types: annotations only, their module is read with the first publication)
    from assessment.domain.unit_publication import Adjustment, UnitPublication
    from gui.form import QuestionnaireForm

ADJUSTED_COLOUR = "#8a1c1c"


def day_text(day: dt.date | None) -> str:
    return day.strftime("%d/%m/%Y") if day is not None else "–"


class AdjustmentsModel(RowsTableModel):
    """One row per adjusted indicator: code, the unit's points, the appraised points, the reason, by whom."""

    def __init__(self) -> None:
        super().__init__()
        self.headers = [tr("Indicator"), tr("Self-assessed"), tr("Appraised"), tr("Reason"), tr("Decided by")]

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        a: Adjustment = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return (a.code, format_points(a.self_points),
                    f"{format_points(a.appraised_points)} / {format_points(a.max_points)}",
                    a.reason, decided_by(a))[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole and index.column() in (3, 4):
            return a.reason if index.column() == 3 else decided_by(a)
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in (1, 2):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


def decided_by(a: Adjustment) -> str:
    if a.council is None:
        return tr("Inspector {name}").format(name=a.by) if a.by else tr("Inspector")
    c = a.council
    outcome = tr("adjusted") if c.outcome == "adjusted" else tr("kept")
    return tr("Council, meeting of {day}: {outcome} (for {yes}, against {no}, abstained {abstain})").format(
        day=day_text(c.meeting_on), outcome=outcome, yes=c.votes_for, no=c.votes_against, abstain=c.votes_abstain)


def rank_words(view: UnitPublication) -> str:
    r = view.result
    if r.rank is None:
        return tr("Published: not ranked (no appraised result)")
    text = tr("Published rank {rank}/{peers}").format(rank=r.rank, peers=r.peer_count)
    if r.subgroup_rank is not None:
        text += " " + tr("(sub-group {rank}/{peers})").format(rank=r.subgroup_rank, peers=r.subgroup_count)
    return text


def preview_text(view: UnitPublication, conflict: bool) -> str:
    """A publication package in the import preview, in the user's language."""
    if conflict:
        return tr("publication {n} is held here with other figures: a publication never changes").format(
            n=view.number)
    return tr("publication {n} of {year} ({number}): {rank}, {count} adjusted indicator(s)").format(
        n=view.number, year=view.cycle, number=view.decision_no, rank=rank_words(view),
        count=len(view.adjustments))


class PublishedPanel(QWidget):
    """The unit's published result above its questionnaire; `show_unit` after a unit was opened."""

    def __init__(self, service: AssessmentService, ops: Operations, lang: str) -> None:
        super().__init__()
        self.setObjectName("publishedPanel")
        self.service, self.ops, self.lang = service, ops, lang
        self.shown: list[UnitPublication] = []
        self.asked: tuple[str, int] | None = None
        self.form: QuestionnaireForm | None = None
        self.marked: dict[str, str] = {}  # indicator code -> its title before the mark
        self.headline = QLabel()
        self.headline.setObjectName("publishedHeadline")
        self.headline.setWordWrap(True)
        self.history = QLabel()
        self.history.setObjectName("publishedHistory")
        self.history.setWordWrap(True)
        self.model = AdjustmentsModel()
        self.table = QTableView()
        self.table.setObjectName("publishedAdjustments")
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(self._goto)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.headline, self.history, self.table):
            layout.addWidget(widget)
        self.hide()

    def show_unit(self, code: str, year: int, form: QuestionnaireForm | None) -> None:
        self._unmark()  # the marks belong to the form shown until now
        self.asked, self.form = (code, year), form
        area = self.service.unit_publications
        self.ops.query("publication.unit_view", lambda: area.shown(year, code),
                       lambda shown: self._shown((code, year), shown))

    def follow(self) -> None:
        """The database changed (gui/changes.py): read the open unit's publications again; the panel and the marks
        change only if they did (a correction arrived), not after each of the user's own saves."""
        if self.asked is None:
            return
        asked, area = self.asked, self.service.unit_publications

        def arrived(shown: Sequence[UnitPublication]) -> None:
            if list(shown) != self.shown:
                self._shown(asked, shown)

        self.ops.query("publication.unit_view", lambda: area.shown(asked[1], asked[0]), arrived)

    def _shown(self, asked: tuple[str, int], shown: Sequence[UnitPublication]) -> None:
        if asked != self.asked:
            return  # another unit was opened meanwhile
        self.shown = list(shown)
        self._unmark()
        if not self.shown:
            self.hide()
            self.model.set_rows([])
            return
        latest = self.shown[-1]
        self.headline.setText(self._headline(latest))
        self.history.setText(self._history())
        self.history.setVisible(len(self.shown) > 1)
        self.model.set_rows(latest.adjustments)
        self.table.setVisible(bool(latest.adjustments))
        shown_rows = min(len(latest.adjustments), 4)  # the table as tall as its rows (4 at most, then it scrolls)
        self.table.setFixedHeight(self.table.horizontalHeader().sizeHint().height()
                                  + shown_rows * self.table.verticalHeader().defaultSectionSize() + 4)
        self._mark(latest)
        self.show()

    def _headline(self, view: UnitPublication) -> str:
        r, rank = view.result, rank_words(view)
        figures = tr("appraised index {appraised} (self-assessed {own})").format(
            appraised=format_index(r.appraised_index), own=format_index(r.self_index))
        decision = tr("Decision {number} of {day}, publication {n}").format(
            number=view.decision_no, day=day_text(view.decision_date), n=view.number)
        text = f"<b style='color:{ADJUSTED_COLOUR}'>{rank}</b> · {figures} · {decision}"
        if view.reason:
            text += " — " + tr("correction: {reason}").format(reason=view.reason)
        return text

    def _history(self) -> str:
        earlier = [tr("publication {n} ({number}): superseded").format(n=v.number, number=v.decision_no)
                   for v in reversed(self.shown[:-1])]
        return tr("Also received:") + " " + "; ".join(earlier)

    def _mark(self, view: UnitPublication) -> None:
        """The questionnaire's adjusted indicators carry the appraised points beside their title."""
        if self.form is None:
            return
        for a in view.adjustments:
            editor = self.form.editors.get(a.code)
            if editor is None:
                continue
            self.marked[a.code] = editor.title.text()
            note = tr("adjusted: {before} → {after} points").format(before=format_points(a.self_points),
                                                                    after=format_points(a.appraised_points))
            editor.title.setText(f"{self.marked[a.code]} <span style='color:{ADJUSTED_COLOUR}'>◆ {note}</span>")
            editor.title.setToolTip(a.reason)
            editor.setProperty("adjusted", True)

    def _unmark(self) -> None:
        if self.form is not None:
            for code, title in self.marked.items():
                editor = self.form.editors.get(code)
                if editor is not None:
                    editor.title.setText(title)
                    editor.title.setToolTip("")
                    editor.setProperty("adjusted", False)
        self.marked = {}

    def _goto(self, index: QModelIndex) -> None:
        if self.form is not None and index.isValid():
            self.form.goto_indicator(self.model.rows[index.row()].code)
