"""Exchange packages in the window: export a submission (or a return) as one signed .dxpkg file and show the
key's fingerprint to read out over the phone; import packages (chosen or dropped on the window) through a
preview that says what each would do and shows the differences side by side, so nothing is overwritten until
the inspector ticks it, and no key new to this database is trusted until its identity is ticked, one by one, with
its fingerprint; register a key list; verify the audit trail."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from assessment.domain.translation import in_language
from assessment.exchange.package_diff import Outcome, PackagePreview
from assessment.service import AssessmentService
from assessment.services.packages_area import ImportResult
from gui.errors import show_error
from gui.i18n import tr
from gui.models import RowsTableModel
from gui.published_view import preview_text
from gui.states import state_name
from gui.tasks import TaskRunner

Index = QModelIndex | QPersistentModelIndex
NO_PARENT = QModelIndex()

OUTCOME_NAMES = {
    Outcome.NEW: QT_TRANSLATE_NOOP("", "new"),
    Outcome.UNCHANGED: QT_TRANSLATE_NOOP("", "unchanged (already imported)"),
    Outcome.CHANGED: QT_TRANSLATE_NOOP("", "changed: replaces what is here"),
    Outcome.CONFLICT: QT_TRANSLATE_NOOP("", "conflict"),
    Outcome.REJECTED: QT_TRANSLATE_NOOP("", "rejected"),
}
OUTCOME_COLOURS = {Outcome.NEW: "#1b7e3a", Outcome.UNCHANGED: "#555555", Outcome.CHANGED: "#9a5b00",
                   Outcome.CONFLICT: "#9a5b00", Outcome.REJECTED: "#8a1c1c"}

# PackageRejected.reason -> the headline the user reads; the core's message follows it with the details.
REJECTION_NAMES = {
    "corrupt": QT_TRANSLATE_NOOP("", "the file is damaged or not a package"),
    "unsafe_path": QT_TRANSLATE_NOOP("", "the package holds a file with an unsafe path"),
    "too_large": QT_TRANSLATE_NOOP("", "the package is larger than allowed"),
    "format": QT_TRANSLATE_NOOP("", "unknown package format version"),
    "signature": QT_TRANSLATE_NOOP("", "the signature is missing or does not match"),
    "key": QT_TRANSLATE_NOOP("", "signed with a key not registered for this signer"),
    "role": QT_TRANSLATE_NOOP("", "a return is only for the unit's own database"),
    "own_database": QT_TRANSLATE_NOOP("", "a publication package is only for the unit's own database"),
    "incomplete": QT_TRANSLATE_NOOP("", "the submission is incomplete"),
    "signer": QT_TRANSLATE_NOOP("", "signed by the wrong party"),
    "methodology": QT_TRANSLATE_NOOP("", "the methodology differs from this database's"),
    "unknown_unit": QT_TRANSLATE_NOOP("", "the unit is unknown here"),
    "unknown_cycle": QT_TRANSLATE_NOOP("", "the cycle is not assessed here"),
    "content": QT_TRANSLATE_NOOP("", "the content is invalid"),
}

DIFF_FIELDS = {
    "value": QT_TRANSLATE_NOOP("", "value"), "numerator": QT_TRANSLATE_NOOP("", "numerator"),
    "denominator": QT_TRANSLATE_NOOP("", "denominator"), "choices": QT_TRANSLATE_NOOP("", "choices"),
    "not_applicable": QT_TRANSLATE_NOOP("", "not applicable"), "manual_points": QT_TRANSLATE_NOOP("", "points"),
    "comment": QT_TRANSLATE_NOOP("", "comment"), "evidence": QT_TRANSLATE_NOOP("", "evidence"),
}


def preview_reason(preview: PackagePreview, lang: str = "vi") -> str:
    """What a package would do, in the user's language. A rejection's headline is translated and the core's message
    follows it, in the same language (assessment/domain/translation.py). The other outcomes are worded here from
    the preview's data."""
    p = preview
    if p.outcome == Outcome.REJECTED:
        headline = REJECTION_NAMES.get("own_database" if (p.kind, p.rejection) == ("publication", "role")
                                       else p.rejection)
        reason = in_language(p.reason, lang)  # the core's message (English in code) in the dialog's language
        return f"{tr(headline)}: {reason}" if headline else reason
    if p.outcome == Outcome.UNCHANGED:
        return tr("the same as held here")
    if p.content is not None and p.content.publication is not None:  # a publication package (gui/published_view)
        return preview_text(p.content.publication, p.outcome == Outcome.CONFLICT)
    submission = p.kind == "submission"
    if p.outcome == Outcome.CONFLICT:
        if p.state_here is None:
            return tr("no assessment here for this return to apply to")
        if submission:
            return tr("the assessment is %1 here: return it to the unit before accepting a new submission") \
                .replace("%1", state_name(p.state_here))
        return tr("the assessment is %1 here: a return applies only to a submitted assessment") \
            .replace("%1", state_name(p.state_here))
    if submission and p.state_here is None:
        return tr("first submission: %1 answer(s)").replace("%1", str(len(p.answers)))
    text = (tr("%1 answer(s) and %2 reply(ies) differ from those held here") if submission
            else tr("%2 comment(s) from the inspectors")).replace("%1", str(len(p.answers))) \
        .replace("%2", str(len(p.notes)))
    replaced = sum(c.overwrites for c in p.answers) + sum(n.overwrites for n in p.notes)
    if replaced:
        text += "; " + tr("%1 would replace what is held here").replace("%1", str(replaced))
    return text


def result_reason(result: ImportResult, lang: str = "vi") -> str:
    """Why a package was (not) written, in the user's language."""
    p = result.preview
    if result.applied:
        return preview_reason(p, lang)
    if p.outcome in (Outcome.REJECTED, Outcome.UNCHANGED, Outcome.CONFLICT):
        return preview_reason(p, lang)
    if result.held_back == "untrusted":
        return tr("not trusted: the new key of %1 was not ticked").replace("%1", p.signer)
    if result.held_back == "unconfirmed":
        return tr("not confirmed: it would replace what is held here and was not ticked")
    return in_language(result.reason, lang)  # the database changed since the preview: the core's message says so


class PreviewTableModel(RowsTableModel):
    """One row per package file. The first column is ticked for the packages the inspector confirms: those
    that replace what is here. New keys are ticked per identity in the KeyTableModel, never per package."""

    def __init__(self, previews: Sequence[PackagePreview], lang: str) -> None:
        super().__init__()
        self.rows = self.previews = list(previews)  # one row per package
        self.lang = lang
        self.ticked: set[int] = set()
        self.results: dict[int, ImportResult] = {}
        self.headers = [tr("Apply"), tr("File"), tr("Unit"), tr("Cycle"), tr("Result"), tr("Details"),
                        tr("Key fingerprint")]

    def asks(self, row: int) -> bool:
        p = self.previews[row]
        return p.outcome in (Outcome.NEW, Outcome.CHANGED) and p.needs_confirmation

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():  # the root: no item to enable or tick (Qt's model tester checks it)
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == 0 and self.asks(index.row()) and not self.results:
            base |= Qt.ItemFlag.ItemIsUserCheckable
        return base

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        p = self.previews[row]
        result = self.results.get(row)
        if role == Qt.ItemDataRole.CheckStateRole and column == 0 and self.asks(row):
            return Qt.CheckState.Checked if row in self.ticked else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return "" if self.asks(row) else ("✓" if p.outcome == Outcome.NEW and not p.needs_trust else "")
            if column == 1:
                return p.path.name
            if column == 2:
                return f"{p.unit_code} {p.unit_name}".strip() or "—"
            if column == 3:
                return str(p.cycle) if p.cycle else "—"
            if column == 4:
                text = tr(OUTCOME_NAMES[p.outcome])
                if p.needs_trust and p.outcome in (Outcome.NEW, Outcome.CHANGED):
                    text += tr(", new key of %1").replace("%1", p.signer)
                if result is not None:
                    text = (tr("imported") if result.applied else tr("not imported")) + " · " + text
                return text
            if column == 5:
                return result_reason(result, self.lang) if result is not None else preview_reason(p, self.lang)
            if column == 6:
                return p.fingerprint
        if role == Qt.ItemDataRole.ToolTipRole and column in (4, 5):
            return preview_reason(p, self.lang) if result is None else result_reason(result, self.lang)
        if role == Qt.ItemDataRole.ForegroundRole and column == 4:
            return QBrush(QColor(OUTCOME_COLOURS[p.outcome]))
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or index.column() != 0 or not self.asks(index.row()):
            return False
        if Qt.CheckState(value) == Qt.CheckState.Checked:
            self.ticked.add(index.row())
        else:
            self.ticked.discard(index.row())
        self.dataChanged.emit(index, index)
        return True

    def set_results(self, results: Sequence[ImportResult]) -> None:
        self.results = dict(enumerate(results))
        self.dataChanged.emit(self.index(0, 0), self.index(len(self.previews) - 1, len(self.headers) - 1))


class KeyTableModel(RowsTableModel):
    """One row per signer identity whose key is new to this database, with the key's fingerprint. Ticking a
    row trusts that identity's key (and so applies its packages); nothing is trusted by default."""

    def __init__(self, previews: Sequence[PackagePreview]) -> None:
        super().__init__()
        found: dict[str, tuple[str, list[str]]] = {}
        for p in previews:
            if p.needs_trust and p.outcome in (Outcome.NEW, Outcome.CHANGED):
                found.setdefault(p.signer, (p.fingerprint, []))[1].append(p.path.name)
        self.rows = [(identity, fingerprint, files) for identity, (fingerprint, files) in sorted(found.items())]
        self.ticked: set[str] = set()
        self.locked = False
        self.headers = [tr("Trust"), tr("Signer"), tr("Key fingerprint"), tr("Packages")]

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():  # the root: no item to enable or tick
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return base | Qt.ItemFlag.ItemIsUserCheckable if index.column() == 0 and not self.locked else base

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        identity, fingerprint, files = self.rows[index.row()]
        if role == Qt.ItemDataRole.CheckStateRole and index.column() == 0:
            return Qt.CheckState.Checked if identity in self.ticked else Qt.CheckState.Unchecked
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return ("", identity, fingerprint, ", ".join(files))[index.column()]
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or index.column() != 0 or self.locked:
            return False
        identity = self.rows[index.row()][0]
        if Qt.CheckState(value) == Qt.CheckState.Checked:
            self.ticked.add(identity)
        else:
            self.ticked.discard(identity)
        self.dataChanged.emit(index, index)
        return True


class DifferenceModel(RowsTableModel):
    """The side-by-side differences of one package: each answer (and comment or reply) here and in the file."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[tuple[str, str, str, str, str, bool]] = []
        self.headers = [tr("Indicator"), tr("Question"), tr("In this database"), tr("In the package"),
                        tr("What differs")]

    def set_preview(self, preview: PackagePreview | None, lang: str) -> None:
        self.beginResetModel()
        self.rows = []
        if preview is not None:
            for change in preview.answers:
                self.rows.append((change.code, change.question.get(lang), change.here_text.get(lang),
                                  change.incoming_text.get(lang),
                                  ", ".join(tr(DIFF_FIELDS.get(f, f)) for f in change.fields), change.overwrites))
            for note in preview.notes:
                what = tr("comment, round %1") if note.field == "comment" else tr("reply, round %1")
                self.rows.append((note.code, what.replace("%1", str(note.round)), note.here or "—", note.incoming,
                                  tr(DIFF_FIELDS.get(note.field, note.field)), note.overwrites))
        self.endResetModel()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return row[index.column()]
        if role == Qt.ItemDataRole.BackgroundRole and row[5] and index.column() == 2:
            return QBrush(QColor("#fde2d8"))  # what would be replaced
        if role == Qt.ItemDataRole.BackgroundRole and index.column() == 3:
            return QBrush(QColor("#e1f3e5"))
        return None


class ImportDialog(QDialog):
    """The import preview, then the result. Applying writes the ticked packages and the plain new ones."""

    applied = Signal(list)  # list[ImportResult]

    def __init__(self, service: AssessmentService, runner: TaskRunner, previews: Sequence[PackagePreview],
                 lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importDialog")
        self.setWindowTitle(tr("Import packages"))
        self.service, self.runner, self.lang = service, runner, lang
        self.model = PreviewTableModel(previews, lang)
        self.summary = QLabel(self._summary())
        self.summary.setObjectName("importSummary")
        self.summary.setWordWrap(True)
        self.table = QTableView()
        self.table.setObjectName("previewTable")
        self.table.setAccessibleName(tr("Packages to import"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(False)
        for column, width in enumerate((84, 170, 210, 60, 230, 300, 150)):
            self.table.setColumnWidth(column, width)
        self.table.horizontalHeader().setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        self.keys = KeyTableModel(previews)
        self.key_label = QLabel(tr("Keys new to this database: read each fingerprint out with its signer (by "
                                   "phone), then tick only the ones that match. Inspector keys come only from a key "
                                   "list."))
        self.key_label.setWordWrap(True)
        self.key_table = QTableView()
        self.key_table.setObjectName("keyTable")
        self.key_table.setAccessibleName(tr("New keys to trust, one per signer"))
        self.key_table.setModel(self.keys)
        self.key_table.verticalHeader().setVisible(False)
        for column, width in enumerate((70, 220, 240)):
            self.key_table.setColumnWidth(column, width)
        self.key_table.horizontalHeader().setStretchLastSection(True)
        self.key_table.setMaximumHeight(150)
        self.key_label.setVisible(bool(self.keys.rows))
        self.key_table.setVisible(bool(self.keys.rows))
        self.diff_label = QLabel(tr("Select a package to see what it would change."))
        self.diff_label.setObjectName("diffLabel")
        self.diff_label.setWordWrap(True)
        self.diff = DifferenceModel()
        self.diff_table = QTableView()
        self.diff_table.setObjectName("differenceTable")
        self.diff_table.setAccessibleName(tr("Differences, side by side"))
        self.diff_table.setModel(self.diff)
        self.diff_table.verticalHeader().setVisible(False)
        for column, width in enumerate((90, 380, 200, 200)):
            self.diff_table.setColumnWidth(column, width)
        self.diff_table.horizontalHeader().setStretchLastSection(True)
        self.table.selectionModel().currentRowChanged.connect(lambda current, _old: self.show_row(current.row()))
        buttons = QDialogButtonBox()
        self.apply_button = QPushButton(tr("Import"))
        self.apply_button.setObjectName("applyImport")
        self.apply_button.setDefault(True)
        self.apply_button.clicked.connect(lambda: self.apply())  # clicked(bool) must not reach `done`
        buttons.addButton(self.apply_button, QDialogButtonBox.ButtonRole.ApplyRole)
        close = buttons.addButton(tr("Close"), QDialogButtonBox.ButtonRole.RejectRole)
        close.setObjectName("closeImport")
        buttons.rejected.connect(self.reject)
        self.apply_button.setEnabled(any(p.outcome in (Outcome.NEW, Outcome.CHANGED) for p in previews))
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.diff_label)
        lower_layout.addWidget(self.diff_table)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(lower)
        split.setSizes([260, 340])
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.key_label)
        layout.addWidget(self.key_table)
        layout.addWidget(split, 1)
        layout.addWidget(buttons)
        self.resize(1240, 720)  # fits a 1280 px screen
        if previews:
            self.table.selectRow(0)

    def _summary(self) -> str:
        counts = {o: sum(p.outcome == o for p in self.model.previews) for o in Outcome}
        parts = [f"{counts[o]} {tr(OUTCOME_NAMES[o]).split(':')[0].split(' (')[0]}" for o in Outcome if counts[o]]
        line = tr("%1 package(s): %2.").replace("%1", str(len(self.model.previews))).replace("%2", ", ".join(parts))
        if any(self.model.asks(r) for r in range(len(self.model.previews))):
            line += " " + tr("Tick the packages to apply that replace answers held here; the others are not "
                             "written.")
        if any(p.needs_trust for p in self.model.previews):
            line += " " + tr("Packages signed with a new key are written only when their signer is ticked in the "
                             "list of new keys.")
        return line

    def show_row(self, row: int) -> None:
        if not 0 <= row < len(self.model.previews):
            self.diff.set_preview(None, self.lang)
            return
        p = self.model.previews[row]
        self.diff.set_preview(p, self.lang)
        if p.outcome == Outcome.REJECTED:
            text = tr("Rejected, nothing will be written: %1").replace("%1", preview_reason(p, self.lang))
        elif not p.answers and not p.notes:
            text = tr("No differences with this database.")
        else:
            text = tr("%1 — state here: %2, in the package: %3. Differences:").replace("%1", p.path.name) \
                .replace("%2", state_name(p.state_here)).replace("%3", state_name(p.state_incoming))
        if p.needs_trust:
            text += "<br>" + tr("Signed as <b>%1</b> with a key registered to nobody here, fingerprint <b>%2</b>: "
                                "read it out with the unit before you tick %1 in the list of new keys.") \
                .replace("%1", p.signer).replace("%2", p.fingerprint)
        elif p.key_owner:
            text += "<br>" + tr("The key (fingerprint %2) is registered here to <b>%1</b>.") \
                .replace("%1", p.key_owner).replace("%2", p.fingerprint)
        self.diff_label.setText(text)

    def chosen(self) -> tuple[set[str], set[str]]:
        """(package ids accepted, signer identities trusted) from the ticks: packages in the package table,
        identities in the key table."""
        ticked = [self.model.previews[r] for r in self.model.ticked]
        return {p.package_id for p in ticked if p.needs_confirmation}, set(self.keys.ticked)

    def apply(self, done: Callable[[], None] | None = None) -> None:
        accepted, trusted = self.chosen()
        previews = list(self.model.previews)
        self.apply_button.setEnabled(False)

        def finished(results: list[ImportResult]) -> None:
            self.keys.locked = True
            self.model.set_results(results)
            applied = sum(r.applied for r in results)
            self.summary.setText(tr("%1 of %2 package(s) imported. The others were not written; the Details column "
                                    "says why.").replace("%1", str(applied)).replace("%2", str(len(results))))
            self.applied.emit(results)
            if done is not None:
                done()

        def failed(error: BaseException) -> None:
            self.apply_button.setEnabled(True)
            show_error(self, error)

        self.runner.db(lambda: self.service.packages.apply(previews, accept_changed=accepted, trust=trusted),
                       finished, failed)
