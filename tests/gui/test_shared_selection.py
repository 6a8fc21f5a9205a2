"""Issue 11.10: one selection for the whole window (README: "Choosing a unit anywhere selects it everywhere").
Clicking a unit on the Compare tab (its table or a chart) opens it in Data entry and Review, in the cycle
compared; clicking a unit in the units tree selects it on the Compare tab, switching the peer group if needed."""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt
from PySide6.QtTest import QTest

from assessment.domain.model import UnitKind
from gui.models import CODE_ROLE


def compare(qtbot, window, year: int, kind: str):
    window.tabs.setCurrentIndex(1)
    board = window.dashboard
    board.cycle.setCurrentIndex(board.cycle.findData(year))
    board.kind.setCurrentIndex(board.kind.findData(kind))
    qtbot.waitUntil(lambda: board.comparison is not None and board.comparison.group.kind.value == kind
                    and board.comparison.group.cycle == year and board.busy.isHidden(), timeout=20_000)
    board.resize(1400, 860)
    return board


def entry_shows(window, code: str, year: int) -> bool:
    session = window.controller.session
    return session is not None and session.unit.code == code and session.year == year


def click_row(qtbot, view, column: int, code: str) -> None:
    model = view.model()
    row = next(r for r in range(model.rowCount()) if model.index(r, 0).data(CODE_ROLE) == code)
    index = model.index(row, column)
    view.scrollTo(index)
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center())


def test_a_row_clicked_on_compare_opens_in_data_entry_and_review(qtbot, window):
    window.cycle.setCurrentIndex(window.cycle.findData(2024))  # entry on another cycle: Compare's wins
    board = compare(qtbot, window, 2025, "department")
    code = "SO_Y_TE"
    assert not entry_shows(window, code, 2025)
    click_row(qtbot, board.table, 2, code)
    qtbot.waitUntil(lambda: entry_shows(window, code, 2025), timeout=10_000)
    assert window.cycle.currentData() == 2025
    assert window.unit_tree.currentIndex().data(CODE_ROLE) == code
    assert "Sở Y tế" in window.heading.text()
    window.tabs.setCurrentWidget(window.review)
    qtbot.waitUntil(lambda: (window.review.unit_code, window.review.year) == (code, 2025), timeout=10_000)
    window.tabs.setCurrentIndex(1)
    assert board.selected_code == code and all(c.selected == code for c in board.charts.values())


def test_a_bar_clicked_on_the_ranking_opens_its_unit(qtbot, window):
    board = compare(qtbot, window, 2025, "department")
    chart = board.charts["ranking"]
    group = board.comparison.group
    qtbot.waitUntil(chart.isVisible, timeout=2_000)
    scene = chart.plotItem.vb.mapViewToScene(QPointF(5, group.index[4] / 2))  # the fifth bar
    QTest.mouseClick(chart.viewport(), Qt.MouseButton.LeftButton, pos=chart.mapFromScene(scene))
    qtbot.waitUntil(lambda: entry_shows(window, group.codes[4], 2025), timeout=10_000)
    assert board.table.currentIndex().data(CODE_ROLE) == group.codes[4]


def test_a_unit_clicked_in_the_tree_is_selected_on_compare(qtbot, window):
    board = compare(qtbot, window, 2025, "commune")  # the other peer group is showing
    window.cycle.setCurrentIndex(window.cycle.findData(2025))
    window.tabs.setCurrentIndex(0)
    code = "SO_NOI_VU"
    found = window.unit_filter.match(window.unit_filter.index(0, 0), CODE_ROLE, code, 1,
                                     Qt.MatchFlag.MatchExactly | Qt.MatchFlag.MatchRecursive)[0]
    window.unit_tree.scrollTo(found)
    QTest.mouseClick(window.unit_tree.viewport(), Qt.MouseButton.LeftButton,
                     pos=window.unit_tree.visualRect(found).center())
    qtbot.waitUntil(lambda: entry_shows(window, code, 2025), timeout=10_000)
    qtbot.waitUntil(lambda: board.comparison.group.kind == UnitKind.DEPARTMENT and board.busy.isHidden()
                    and board.selected_code == code, timeout=20_000)
    assert board.table.currentIndex().data(CODE_ROLE) == code
    assert all(chart.selected == code for chart in board.charts.values())


def test_filtering_the_compare_table_chooses_nothing(qtbot, window):
    board = compare(qtbot, window, 2025, "department")
    before = window.controller.session
    QTest.keyClicks(board.filter, "so t")  # ASCII: QTest types no diacritics; the filter folds them
    qtbot.wait(300)
    assert 0 < board.peer_filter.rowCount() < 17  # the first row went out of view
    assert window.controller.session is before


def test_the_review_table_does_not_show_an_unanswered_indicator_as_zero(qtbot, window):
    """Issue 11.5 on the Review tab: ATT02 of Sở Nội vụ is not answered; it reads "Chưa trả lời", not "0 / 20"."""
    board = compare(qtbot, window, 2025, "department")
    click_row(qtbot, board.table, 2, "SO_NOI_VU")
    qtbot.waitUntil(lambda: entry_shows(window, "SO_NOI_VU", 2025), timeout=10_000)
    window.tabs.setCurrentWidget(window.review)
    review = window.review
    qtbot.waitUntil(lambda: review.sheet is not None and review.unit_code == "SO_NOI_VU", timeout=10_000)
    row = next(r for r in range(review.model.rowCount()) if review.model.row_code(r) == "ATT02")
    shown = review.model.index(row, 2).data()
    assert shown.startswith("Chưa trả lời") and not shown.startswith("0")


def test_the_compare_tab_opens_on_the_unit_open_in_data_entry(qtbot, window):
    """The dashboard is built when first shown: it starts on the unit (its cycle and peer group) being edited."""
    assert window.dashboard is None
    window.cycle.setCurrentIndex(window.cycle.findData(2024))
    code = "SO_TU_PHAP"
    found = window.unit_filter.match(window.unit_filter.index(0, 0), CODE_ROLE, code, 1,
                                     Qt.MatchFlag.MatchExactly | Qt.MatchFlag.MatchRecursive)[0]
    window.unit_tree.scrollTo(found)
    QTest.mouseClick(window.unit_tree.viewport(), Qt.MouseButton.LeftButton,
                     pos=window.unit_tree.visualRect(found).center())
    qtbot.waitUntil(lambda: entry_shows(window, code, 2024), timeout=10_000)
    window.tabs.setCurrentIndex(1)
    board = window.dashboard
    qtbot.waitUntil(lambda: board.comparison is not None and board.busy.isHidden()
                    and board.comparison.group.kind == UnitKind.DEPARTMENT and board.comparison.group.cycle == 2024
                    and board.selected_code == code, timeout=20_000)
    assert board.table.currentIndex().data(CODE_ROLE) == code
    assert entry_shows(window, code, 2024)  # nothing else was opened on the way
