"""Qt item models over plain data from the service: units grouped by kind, pillars with progress, evidence
and the items missing before a submission. Each passes pytest-qt's qtmodeltester."""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont, QStandardItem, QStandardItemModel

from assessment.domain import number_format
from assessment.domain.model import EvidenceItem, Unit, UnitKind
from gui.i18n import language, tr

Index = QModelIndex | QPersistentModelIndex
CODE_ROLE = Qt.ItemDataRole.UserRole + 1
NO_PARENT = QModelIndex()
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 2
HISTORICAL_ROLE = Qt.ItemDataRole.UserRole + 3



def fold(text: str) -> str:
    """'Phường Hoàn Kiếm' -> 'phuong hoan kiem': search works with or without diacritics."""
    decomposed = unicodedata.normalize("NFD", text.replace("Đ", "D").replace("đ", "d"))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()


ALPHABET = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"  # Vietnamese order: ă, â after a; đ after d; ơ after ô; ư after u
_MODIFIERS = {"\u0306": "ă", "\u0302": "^", "\u031b": "ʼ"}  # breve, circumflex, horn: part of the letter
_TONES = "\u0300\u0309\u0303\u0301\u0323"  # huyền, hỏi, ngã, sắc, nặng: after the toneless spelling
_WITH = {("a", "ă"): "ă", ("a", "^"): "â", ("e", "^"): "ê", ("o", "^"): "ô", ("o", "ʼ"): "ơ", ("u", "ʼ"): "ư"}


def collation_key(text: str) -> str:
    """Vietnamese dictionary order as a plain string key (sortable by Qt's proxy models too): letters by the
    Vietnamese alphabet (Đ after D, Ư after U, so "Đống Đa" comes before "Gia Lâm", never after "Tây Hồ"),
    then tones (none, huyền, hỏi, ngã, sắc, nặng) only to break ties. English names sort alphabetically."""
    letters, tones = [], []
    for ch in text.lower():
        base, *marks = unicodedata.normalize("NFD", ch)
        letter = "đ" if base == "đ" else base
        for mark in marks:
            letter = _WITH.get((letter, _MODIFIERS.get(mark, "")), letter)
        tone = next((_TONES.index(m) + 1 for m in marks if m in _TONES), 0)
        position = ALPHABET.find(letter)
        letters.append(chr(0x100 + position) if position >= 0 else letter)
        tones.append(str(tone))
    return "".join(letters) + "\x00" + "".join(tones)


def kind_label(kind: UnitKind) -> str:
    return {UnitKind.DEPARTMENT: tr("Departments (sở, ban, ngành)"),
            UnitKind.DISTRICT: tr("Districts (until 30/06/2025)"),
            UnitKind.COMMUNE: tr("Communes and wards (from 01/07/2025)"),
            UnitKind.CITY: tr("Hanoi City (Resolution 18 targets)")}[kind]


class RowsTableModel(QAbstractTableModel):
    """A flat table over `self.rows` with translated `self.headers`: the counting and header plumbing every
    table of the window shares; subclasses say what a cell shows in `data`."""

    headers: Sequence[str] = ()

    def __init__(self) -> None:
        super().__init__()
        self.rows: list = []

    def set_rows(self, rows: Sequence) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: Index = NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal \
                and 0 <= section < len(self.headers):
            return self.headers[section]
        return None


class UnitTreeModel(QAbstractItemModel):
    """Two levels: unit kinds, then their units. Units that do not exist in the chosen cycle are historical."""

    def __init__(self, units: Sequence[Unit] = (), lang: str = "vi") -> None:
        super().__init__()
        self.lang = lang
        self.day: dt.date | None = None
        self.groups: list[tuple[UnitKind, list[Unit]]] = []
        self._rows: list[dict[str, int]] = []  # per group: unit code -> row
        self.set_units(units)

    def set_units(self, units: Sequence[Unit], day: dt.date | None = None) -> None:
        self.beginResetModel()
        self.day = day
        order = [UnitKind.CITY, UnitKind.DEPARTMENT, UnitKind.COMMUNE, UnitKind.DISTRICT]
        self.groups = [(kind, sorted((u for u in units if u.kind == kind),
                                     key=lambda u: collation_key(u.name.get(self.lang))))
                       for kind in order if any(u.kind == kind for u in units)]
        self._rows = [{u.code: row for row, u in enumerate(members)} for _kind, members in self.groups]
        self.endResetModel()

    def historical(self, unit: Unit) -> bool:
        return self.day is not None and not unit.active_on(self.day)

    def index(self, row: int, column: int, parent: Index = NO_PARENT) -> QModelIndex:
        if column != 0 or row < 0:
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, 0, 0) if row < len(self.groups) else QModelIndex()
        if parent.internalId() != 0 or parent.row() >= len(self.groups):
            return QModelIndex()
        units = self.groups[parent.row()][1]
        return self.createIndex(row, 0, parent.row() + 1) if row < len(units) else QModelIndex()

    # Qt's parent() is also QObject.parent() with no argument, which PySide6's stubs cannot express as one override.
    def parent(self, child: Index = NO_PARENT) -> QModelIndex:  # type: ignore[override]
        if not child.isValid() or child.internalId() == 0:
            return QModelIndex()
        return self.createIndex(child.internalId() - 1, 0, 0)

    def rowCount(self, parent: Index = NO_PARENT) -> int:
        if not parent.isValid():
            return len(self.groups)
        if parent.internalId() == 0 and parent.column() == 0:
            return len(self.groups[parent.row()][1])
        return 0

    def columnCount(self, parent: Index = NO_PARENT) -> int:
        return 1

    def index_of(self, code: str) -> QModelIndex:
        """The unit's row (invalid if not listed): a dictionary look-up, not a search through every row."""
        for group, rows in enumerate(self._rows):
            row = rows.get(code)
            if row is not None:
                return self.createIndex(row, 0, group + 1)
        return QModelIndex()

    def unit_at(self, index: Index) -> Unit | None:
        if not index.isValid() or index.internalId() == 0:
            return None
        return self.groups[index.internalId() - 1][1][index.row()]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        unit = self.unit_at(index)
        if unit is None:
            kind, units = self.groups[index.row()]
            if role == Qt.ItemDataRole.DisplayRole:
                return f"{kind_label(kind)} ({len(units)})"
            if role == SEARCH_ROLE:
                return ""
            return None
        historical = self.historical(unit)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            shown = f"{unit.name.get(self.lang)} ({unit.code})"
            # the mark comes first: a narrow list cuts the end, and two units of one name must read apart
            return tr("historical · %1").replace("%1", shown) if historical else shown
        if role == CODE_ROLE:
            return unit.code
        if role == SEARCH_ROLE:
            return f"{fold(unit.name.vi)} {fold(unit.name.en)} {unit.code.lower()}"
        if role == HISTORICAL_ROLE:
            return historical
        if role == Qt.ItemDataRole.ForegroundRole and historical:
            return QBrush(QColor("#777777"))
        if role == Qt.ItemDataRole.FontRole and historical:
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            span = f"{format_date(unit.valid_from, self.lang)} – {format_date(unit.valid_until, self.lang)}"
            other = unit.name.vi if self.lang == "en" else unit.name.en
            lines = [f"{unit.name.get(self.lang)} ({unit.code})", other, tr("Valid: %1").replace("%1", span)]
            if historical:
                lines.append(tr("Historical: it does not exist in the cycle chosen; its past assessments stay."))
            return "\n".join(lines)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if self.unit_at(index) is None:
            return Qt.ItemFlag.ItemIsEnabled
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


def format_date(day: dt.date | None, lang: str | None = None) -> str:
    """A date as the window's language writes it: 30/06/2025 in Vietnamese, 30 Jun 2025 in English."""
    if day is None:
        return "…"
    if (lang or language()) == "en":
        return f"{day.day} {day.strftime('%b')} {day.year}"
    return day.strftime("%d/%m/%Y")


class UnitFilter(QSortFilterProxyModel):
    """Filters units by folded name or code; groups stay while they have a match, and count what is shown."""

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        shown = super().data(index, role)
        if role == Qt.ItemDataRole.DisplayRole and index.isValid() and not index.parent().isValid() and shown:
            title, _, _ = str(shown).rpartition(" (")  # "Departments (28)": the source counts all its units
            total = self.sourceModel().rowCount(self.mapToSource(index))
            count = self.rowCount(index)
            return f"{title} ({count})" if count == total else f"{title} ({count}/{total})"
        return shown

    def __init__(self) -> None:
        super().__init__()
        self.setRecursiveFilteringEnabled(True)
        self.setFilterRole(SEARCH_ROLE)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

    def set_query(self, text: str) -> None:
        self.setFilterFixedString(fold(text.strip()))


@dataclass(frozen=True)
class PillarProgress:
    code: str
    name: str
    answered: int
    total: int
    points: float
    max_points: float


class PillarListModel(QStandardItemModel):
    """The pillars beside the form. Its rows are Qt's own items, each role's value set when its counts move
    (set_rows): the list lays out every row again after any change (Qt 6's QListView) and asks a dozen roles of
    each, and none of those calls runs Python, so none waits for the database lane's thread to let go of the GIL
    while the user types."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[PillarProgress] = []

    def set_rows(self, rows: Sequence[PillarProgress]) -> None:
        if len(rows) == len(self.rows) and [r.code for r in rows] == [r.code for r in self.rows]:
            # only the pillars whose counts moved change (an answer moves one)
            for i, (new, old) in enumerate(zip(rows, self.rows, strict=True)):
                if new != old:
                    _set_cells(self.item(i), _pillar_cells(new))
            self.rows = list(rows)
            return
        self.clear()  # another questionnaire (once per form)
        for row in rows:
            item = QStandardItem()
            item.setFlags(PILLAR_FLAGS)
            _set_cells(item, _pillar_cells(row))
            self.appendRow(item)
        self.rows = list(rows)


PILLAR_FLAGS = Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemNeverHasChildren
_PILLAR_ROLES = (Qt.ItemDataRole.DisplayRole, CODE_ROLE, Qt.ItemDataRole.AccessibleTextRole,
                 Qt.ItemDataRole.ForegroundRole)


def _set_cells(item: QStandardItem, cells: dict[int, object]) -> None:
    """Each role of a row set to its new value; a role the row no longer has is removed (None)."""
    for role in _PILLAR_ROLES:
        item.setData(cells.get(role), role)


def _pillar_cells(row: PillarProgress) -> dict[int, object]:
    """What the pillar list shows of one pillar, by role."""
    if row.total == 0 and row.max_points == 0:
        display = f"{row.code}  {row.name}\n    " + tr("not applicable")
    else:
        progress = tr("%1/%2 answered · %3/%4 pts")
        for marker, value in (("%1", str(row.answered)), ("%2", str(row.total)),
                              ("%3", format_points(row.points)), ("%4", format_points(row.max_points))):
            progress = progress.replace(marker, value)
        display = f"{row.code}  {row.name}\n    {progress}"
    accessible = f"{row.code} {row.name}: {row.answered} / {row.total}"
    cells: dict[int, object] = {Qt.ItemDataRole.DisplayRole: display, CODE_ROLE: row.code,
                                Qt.ItemDataRole.AccessibleTextRole: accessible}
    if row.total and row.answered == row.total:
        cells[Qt.ItemDataRole.ForegroundRole] = QBrush(QColor("#1b6e2a"))
    return cells


def format_points(value: float | None, lang: str | None = None) -> str:
    """Points as everywhere else (window, PDF, Excel): assessment.domain.number_format, in the window's language."""
    return number_format.points(value, lang or language())


def format_index(value: float | None, lang: str | None = None) -> str:
    return number_format.index(value, lang or language())


class EvidenceTableModel(RowsTableModel):
    COLUMNS = ("number", "date", "summary", "file")

    def __init__(self, items: Sequence[EvidenceItem] = ()) -> None:
        super().__init__()
        self.headers = [tr("Document no."), tr("Date"), tr("Summary"), tr("File")]
        self.rows = list(items)

    @property
    def items(self) -> list[EvidenceItem]:
        return self.rows

    def set_items(self, items: Sequence[EvidenceItem]) -> None:
        self.set_rows(items)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        item = self.items[index.row()]
        column = self.COLUMNS[index.column()]
        if column == "number":
            return item.document_number
        if column == "date":
            return format_date(item.document_date) if item.document_date else ""
        if column == "summary":
            return item.summary
        if role == Qt.ItemDataRole.ToolTipRole and item.file_sha256:
            return f"SHA-256 {item.file_sha256}"
        return item.file_name or ""


@dataclass(frozen=True)
class MissingRow:
    code: str
    text: str
    what: str  # answer | evidence
