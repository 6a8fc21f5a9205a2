"""Dialogs: evidence for one indicator, what is missing before a submission, settings."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from assessment.domain.answers import parse_date
from assessment.domain.model import EvidenceItem, Indicator
from assessment.domain.text_limits import LIMITS
from gui.i18n import tr
from gui.models import CODE_ROLE, EvidenceTableModel, MissingRow
from gui.settings import DATABASE, LANGUAGE, LANGUAGES, USER_NAME, Settings


class EvidenceDialog(QDialog):
    """Lists an indicator's evidence and adds more: document number, date, summary and an optional file."""

    added = Signal(object, object)  # EvidenceItem, Path | None

    def __init__(self, indicator: Indicator, items: list[EvidenceItem], lang: str, editable: bool,
                 file_of, parent: QWidget | None = None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self.setObjectName("evidenceDialog")
        self.setWindowTitle(tr("Evidence — %1").replace("%1", indicator.code))
        self.file_of = file_of
        self.model = EvidenceTableModel(items)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(tr("Evidence attached"))
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.doubleClicked.connect(self.open_file)
        needed = indicator.evidence.documents.get(lang) if indicator.evidence.documents else ""
        self.number, self.date, self.summary = QLineEdit(), QLineEdit(), QLineEdit()
        self.number.setMaxLength(LIMITS["document_number"])  # the limits of every way in (text_limits)
        self.summary.setMaxLength(LIMITS["evidence_summary"])
        self.date.setPlaceholderText(tr("dd/mm/yyyy"))
        self.file: Path | None = None
        self.file_label = QLabel(tr("no file"))
        choose = QPushButton(tr("Choose file…"))
        choose.clicked.connect(self.choose_file)
        form = QFormLayout()
        for label, widget in ((tr("Document no."), self.number), (tr("Date"), self.date),
                              (tr("Summary"), self.summary)):
            widget.setAccessibleName(label)
            form.addRow(label, widget)
        row = QHBoxLayout()
        row.addWidget(self.file_label, 1)
        row.addWidget(choose)
        form.addRow(tr("File"), row)
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020;")
        add = QPushButton(tr("Add"))
        add.setObjectName("addEvidence")
        add.clicked.connect(self.add)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        if needed:
            layout.addWidget(QLabel(tr("Expected: %1").replace("%1", needed)))
        layout.addWidget(self.table)
        if editable:
            layout.addLayout(form)
            layout.addWidget(self.error)
            layout.addWidget(add)
        layout.addWidget(buttons)
        self.resize(720, 420)

    def choose_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, tr("Evidence file"))
        if name:
            self.file = Path(name)
            self.file_label.setText(self.file.name)

    def item(self) -> EvidenceItem | None:
        number, summary = self.number.text().strip(), self.summary.text().strip()
        if not number or not summary:
            self.error.setText(tr("Give at least the document number and a summary."))
            return None
        date: dt.date | None = None
        if self.date.text().strip():
            try:
                date = parse_date(self.date.text())
            except ValueError:
                self.error.setText(tr("The date must be dd/mm/yyyy."))
                return None
        return EvidenceItem(number, date, summary)

    def add(self) -> None:
        item = self.item()
        if item is None:
            return
        self.added.emit(item, self.file)
        self.model.set_items([*self.model.items, item])
        for field in (self.number, self.date, self.summary):
            field.clear()
        self.file = None
        self.file_label.setText(tr("no file"))
        self.error.setText("")

    def open_file(self, index) -> None:  # type: ignore[no-untyped-def]
        path = self.file_of(self.model.items[index.row()])
        if path is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


MISSING_GROUPS = (("answer", QT_TRANSLATE_NOOP("", "Not answered (%1)")),
                  ("evidence", QT_TRANSLATE_NOOP("", "Answered, evidence needed (%1)")))


def missing_model(rows: list[MissingRow]) -> QStandardItemModel:
    """The missing items grouped: unanswered first, then the answers that still need evidence. A flat list
    (each group's title, then its items): QListView wraps long texts, QTreeView does not."""
    model = QStandardItemModel()
    for what, title in MISSING_GROUPS:
        members = [r for r in rows if r.what == what]
        if not members:
            continue
        group = QStandardItem(tr(title).replace("%1", str(len(members))))
        group.setSelectable(False)
        group.setEditable(False)
        font = group.font()
        font.setBold(True)
        group.setFont(font)
        members_items = []
        for row in members:
            item = QStandardItem(f"{row.code} — {row.text}")
            item.setEditable(False)
            item.setToolTip(f"{row.code} — {row.text}")
            item.setData(row.code, CODE_ROLE)
            members_items.append(item)
        model.appendRow(group)
        for item in members_items:
            model.appendRow(item)
    return model


class MissingDialog(QDialog):
    """What stops a submission, grouped (not answered; evidence needed); one click on an item jumps to its
    field (Enter too). Long indicator texts wrap: nothing is cut off on the right."""

    chosen = Signal(str)  # indicator code

    def __init__(self, rows: list[MissingRow], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("missingDialog")
        self.setWindowTitle(tr("Not ready to submit"))
        self.model = missing_model(rows)
        self.view = QListView()
        self.view.setObjectName("missingItems")
        self.view.setModel(self.model)
        self.view.setWordWrap(True)
        self.view.setUniformItemSizes(False)
        self.view.setResizeMode(QListView.ResizeMode.Adjust)  # rewrap when the dialog is resized
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.setSpacing(1)
        self.view.setAccessibleName(tr("Missing items"))
        self.view.activated.connect(self.go)
        self.view.clicked.connect(self.go)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(tr("%n item(s) must be completed before submitting. Choose one to go to it.", "",
                                   len(rows))))
        layout.addWidget(self.view)
        layout.addWidget(buttons)
        self.resize(720, 460)

    def go(self, index) -> None:  # type: ignore[no-untyped-def]
        code = index.data(CODE_ROLE)
        if code:  # a group's title is not an item
            self.chosen.emit(code)
            self.accept()


class SettingsDialog(QDialog):
    """Language, database location, and the name recorded in the history."""

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setWindowTitle(tr("Settings"))
        self.settings = settings
        self.language = QComboBox()
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(settings.language)))
        self.database = QLineEdit(str(settings.get(DATABASE)))
        self.database.setPlaceholderText(tr("default: dxscore.sqlite in the data folder"))
        browse = QPushButton(tr("Browse…"))
        browse.clicked.connect(self.browse)
        self.user = QLineEdit(str(settings.get(USER_NAME)))
        self.user.setPlaceholderText(settings.user_name)
        form = QFormLayout()
        for label, widget in ((tr("Language"), self.language), (tr("Your name (for the history)"), self.user)):
            widget.setAccessibleName(label)
            form.addRow(label, widget)
        self.database.setAccessibleName(tr("Database"))
        row = QHBoxLayout()
        row.addWidget(self.database, 1)
        row.addWidget(browse)
        form.addRow(tr("Database"), row)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel(tr("Language and database changes apply the next time dxscore starts.")))
        layout.addWidget(buttons)
        self.setMinimumWidth(720)  # a database path (and the default's hint) reads whole

    def browse(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, tr("Database file"), self.database.text(),
                                              "SQLite (*.sqlite *.db)", options=QFileDialog.Option.DontConfirmOverwrite)
        if name:
            self.database.setText(name)

    def save(self) -> None:
        self.settings.set(LANGUAGE, self.language.currentData())
        self.settings.set(DATABASE, self.database.text().strip())
        self.settings.set(USER_NAME, self.user.text().strip())
        self.accept()


def confirm(parent: QWidget, title: str, text: str) -> bool:
    answer = QMessageBox.question(parent, title, text)
    return answer == QMessageBox.StandardButton.Yes
