"""Table models of the dashboard: the peer group (same numbers as the charts), the gap planner, the spread of
results per indicator, and the district view across the 2025 reform. Sorting uses SORT_ROLE (numbers)."""

from __future__ import annotations

import re

import numpy as np
from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QColor

from assessment.domain.comparison import NOT_APPLICABLE, SCORED, GapPlan
from assessment.services.compare_area import Comparison, DistrictView
from gui.dashboard.marks import NA_BACKGROUND, NO_DATA_COLOUR, cell_text, state_label
from gui.i18n import tr
from gui.models import CODE_ROLE, RowsTableModel, fold
from gui.states import state_name

Index = QModelIndex | QPersistentModelIndex
NO_PARENT = QModelIndex()
SORT_ROLE = Qt.ItemDataRole.UserRole + 10
EXPORT_ROLE = Qt.ItemDataRole.UserRole + 11  # what an Excel/CSV cell holds: a number, text, or empty
NUMBER = re.compile(r"[+-]?[\d.,]+")  # a cell showing just a number ("0,7634", "12"), not "4 Nâng cao"


def _number(value: float | None, digits: int = 3) -> str:
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return "—"
    return f"{value:.{digits}f}".replace(".", ",")


class _Table(RowsTableModel):
    """Rows are (display values, sort values, unit code); `unscored` maps (row, column) to the state of a cell
    that holds no score (not applicable, no data): it is shaded, explained in its tooltip and exported as
    words, never as the number it sorts by."""

    def __init__(self) -> None:
        super().__init__()
        self.unscored: dict[tuple[int, int], int] = {}

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        display, sort, code = self.rows[index.row()]
        state = self.unscored.get((index.row(), index.column()), SCORED)
        if role == Qt.ItemDataRole.DisplayRole:
            return display[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            return state_label(state) if state != SCORED else display[index.column()]
        if role == EXPORT_ROLE:
            return state_label(state) if state != SCORED else _exported(display[index.column()],
                                                                        sort[index.column()])
        if role == Qt.ItemDataRole.BackgroundRole and state != SCORED:
            return QColor(NA_BACKGROUND if state == NOT_APPLICABLE else NO_DATA_COLOUR)
        if role == SORT_ROLE:
            return sort[index.column()]
        if role == CODE_ROLE:
            return code
        if role == Qt.ItemDataRole.TextAlignmentRole and isinstance(sort[index.column()], float | int):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


def _exported(display: str, sort: object) -> object:
    """A number as a number (the sort value) where the cell shows one; any other cell as it is shown."""
    if isinstance(sort, float | int) and not isinstance(sort, bool) and NUMBER.fullmatch(display):
        return sort
    return None if display in ("—", "") else display


class PeerTableModel(_Table):
    """One row per unit: rank, code, name, index, points, band, then each pillar's index."""

    def set_comparison(self, comparison: Comparison, lang: str) -> None:
        group = comparison.group
        self.headers = [tr("Rank"), tr("Code"), tr("Unit"), tr("Index"), tr("Appraised"), tr("Points"), tr("Band"),
                        tr("Status"), *group.pillar_codes]
        appraised = group.appraised_index
        band_names = {b.code: b.name.get(lang) for b in group.bands}
        rows = []
        first_pillar = len(self.headers) - len(group.pillar_codes)
        self.unscored = {(r, first_pillar + p): int(group.pillar_state[r, p])
                         for r, p in zip(*np.nonzero(group.pillar_state != SCORED), strict=True)}
        self.unscored.update({(r, 3): int(group.index_state[r]) for r in np.nonzero(group.index_state != SCORED)[0]})
        for r, code in enumerate(group.codes):
            pillars = [float(v) for v in group.pillar_index[r]]
            status = state_name(group.status[r])
            index = cell_text(group.index[r], int(group.index_state[r]), lang, 4)
            display = [str(group.rank[r] or "—"), code, group.names[r].get(lang), index,
                       _number(appraised[r], 4), f"{_number(group.points[r], 1)} / {group.max_points[r]:g}",
                       f"{group.band[r]} {band_names.get(group.band[r], '')}" if group.band[r] else "—",
                       status, *(cell_text(v, int(s), lang) for v, s in zip(pillars, group.pillar_state[r],
                                                                             strict=True))]
            sort = [group.rank[r] or 10**6, code, fold(group.names[r].vi), float(np.nan_to_num(group.index[r], nan=-1)),
                    float(np.nan_to_num(appraised[r], nan=-1)), float(group.points[r]), group.band[r] or 0, status,
                    *(float(np.nan_to_num(v, nan=-1)) for v in pillars)]
            rows.append((display, sort, code))
        self.set_rows(rows)


class PeerFilter(QSortFilterProxyModel):
    """Sorts numerically and filters by name or code, with or without diacritics."""

    def __init__(self) -> None:
        super().__init__()
        self.setSortRole(SORT_ROLE)
        self.query = ""

    def set_query(self, text: str) -> None:
        if not hasattr(self, "beginFilterChange"):  # Qt before 6.9 (pyproject allows 6.8)
            self.query = fold(text.strip())
            self.invalidateRowsFilter()
            return
        self.beginFilterChange()  # 6.9+: invalidateRowsFilter() is deprecated
        self.query = fold(text.strip())
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, row: int, parent: Index) -> bool:
        if not self.query:
            return True
        model = self.sourceModel()
        name = model.index(row, 2, parent).data()
        code = model.index(row, 1, parent).data()
        return self.query in fold(f"{name} {code}")


class GapTableModel(_Table):
    def set_plan(self, plan: GapPlan, texts: dict[str, str]) -> None:
        self.headers = [tr("Indicator"), tr("Question"), tr("Points lost"), tr("Index gain"), tr("In the plan")]
        chosen = {g.code for g in plan.plan}
        self.set_rows([([g.code, texts.get(g.code, ""), _number(g.lost, 1), _number(g.index_gain, 4),
                         tr("yes") if g.code in chosen else ""],
                        [g.code, texts.get(g.code, ""), g.lost, g.index_gain, int(g.code in chosen)], g.code)
                       for g in plan.gaps])


class SpreadTableModel(_Table):
    def set_comparison(self, comparison: Comparison, texts: dict[str, str]) -> None:
        self.headers = [tr("Indicator"), tr("Question"), tr("Full marks"), tr("Partial"), tr("Zero"),
                        tr("No answer"), tr("Not applicable")]
        self.set_rows([([s.code, texts.get(s.code, ""), str(s.full), str(s.partial), str(s.zero), str(s.unanswered),
                         str(s.not_applicable)],
                        [s.code, texts.get(s.code, ""), s.full, s.partial, s.zero, s.unanswered, s.not_applicable],
                        s.code) for s in comparison.spreads])


class DistrictTableModel(_Table):
    def set_view(self, view: DistrictView, names: dict[str, str]) -> None:
        self.headers = [tr("District"), tr("2024 index (assessed)"), tr("2025 index (derived from communes)"),
                        tr("Change"), tr("Communes counted")]
        assessed = {} if view.assessed is None else {
            code: view.assessed.index[r] for r, code in enumerate(view.assessed.codes)}
        rows = []
        for d in view.derived:
            before = assessed.get(d.code)
            change = None if before is None or d.index is None else d.index - float(before)
            rows.append(([names.get(d.code, d.code), _number(before, 4), _number(d.index, 4), _number(change, 4),
                          str(len(d.communes))],
                         [names.get(d.code, d.code), float(np.nan_to_num(before, nan=-1)) if before is not None else -1,
                          d.index if d.index is not None else -1, change if change is not None else -9,
                          len(d.communes)], d.code))
        self.set_rows(rows)
