"""Every Qt model of the window passes Qt's model tester (QAbstractItemModelTester via pytest-qt) holding real
data: the models are listed from the code, so a new model without a check here fails the first test.

Checked elsewhere, with the data they are built for: UnitTreeModel, UnitFilter, PillarListModel,
EvidenceTableModel and the missing-items list (a QStandardItemModel: tests/gui/test_models.py);
BoardModel (tests/gui/test_cycle_tab.py); PeerTableModel and PeerFilter
(tests/gui/test_dashboard_not_applicable.py); PreviewTableModel, KeyTableModel, DifferenceModel and
ReviewTableModel (tests/gui/test_exchange_window.py, on a real submission package and an appraised sheet)."""

from __future__ import annotations

import importlib
import pkgutil

from PySide6.QtCore import QAbstractItemModel, QSortFilterProxyModel

import gui
from tests.gui.conftest import open_unit

CHECKED = {
    # tests/gui/test_models.py
    "UnitTreeModel", "UnitFilter", "PillarListModel", "EvidenceTableModel",
    # tests/gui/test_dashboard_not_applicable.py
    "PeerTableModel", "PeerFilter",
    # tests/gui/test_exchange_window.py
    "PreviewTableModel", "KeyTableModel", "DifferenceModel", "ReviewTableModel",
    # tests/gui/test_cycle_tab.py (the Cycle tab's board, on the demo's 143 units)
    "BoardModel",
    # tests/gui/test_unit_publication_view.py (the unit's published adjustments)
    "AdjustmentsModel",
    # here
    "GapTableModel", "SpreadTableModel", "DistrictTableModel", "TargetTableModel",
}
BASES = {"RowsTableModel", "_Table"}  # never shown themselves: checked through every subclass above


def _gui_models() -> set[str]:
    for module in pkgutil.walk_packages(gui.__path__, "gui."):
        importlib.import_module(module.name)
    found, todo = set(), [QAbstractItemModel]
    while todo:
        for sub in todo.pop().__subclasses__():
            todo.append(sub)
            if sub.__module__.startswith("gui."):
                found.add(sub.__name__)
    return found


def test_every_model_of_the_window_is_checked():
    assert _gui_models() == CHECKED | BASES


def test_the_compare_tabs_tables_hold_up(qtbot, department_board, qtmodeltester):
    board = department_board
    code = board.comparison.group.codes[-1]  # the last-ranked department: its gap plan has rows
    board.select(code)
    assert board.gaps.rowCount() > 0 and board.spread.rowCount() > 0
    qtmodeltester.check(board.gaps)
    qtmodeltester.check(board.spread)
    board.tabs.setCurrentIndex(board.tabs.count() - 1)  # the former districts, derived from the communes
    qtbot.waitUntil(lambda: board.districts.rowCount() == 30, timeout=20_000)
    qtmodeltester.check(board.districts)
    sorting = [v.model() for v in board.findChildren(type(board.table)) if isinstance(v.model(), QSortFilterProxyModel)]
    assert len(sorting) >= 4
    for proxy in sorting:  # the sortable wrappers every table of the tab is shown through
        qtmodeltester.check(proxy)


def test_the_resolution_18_table_holds_up(qtbot, window, qtmodeltester):
    window.tabs.setCurrentWidget(window.city_page)
    qtbot.waitUntil(lambda: window.city_view is not None and window.city_view.progress is not None, timeout=30_000)
    model = window.city_view.model
    assert model.rowCount() > 10
    qtmodeltester.check(model)


def test_the_review_table_holds_up_on_a_submitted_sheet(qtbot, window, qtmodeltester):
    open_unit(qtbot, window, "00070", 2025)
    window.tabs.setCurrentWidget(window.review)
    qtbot.waitUntil(lambda: window.review.sheet is not None, timeout=20_000)
    assert window.review.model.rowCount() > 20
    qtmodeltester.check(window.review.model)
