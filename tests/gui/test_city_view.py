"""The Resolution 18 tab: every target in force with its status, the chosen target's derivation and the units
furthest behind, clicked as a user does."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from tests.gui.conftest import SCREENSHOTS


def _open_tab(qtbot, window):
    tab_bar = window.tabs.tabBar()
    index = window.tabs.indexOf(window.city_page)
    QTest.mouseClick(tab_bar, Qt.MouseButton.LeftButton, pos=tab_bar.tabRect(index).center())
    qtbot.waitUntil(lambda: window.city_view is not None and window.city_view.progress is not None, timeout=20_000)
    return window.city_view


def test_the_resolution_18_tab_shows_every_target_and_who_is_behind(qtbot, window):
    view = _open_tab(qtbot, window)
    model = view.model
    texts = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert "Tỷ trọng kinh tế số trong GRDP" in texts
    assert not any("KH 64" in (model.index(r, 7).data() or "") for r in range(model.rowCount()))
    assert "đạt: 5" in view.summary.text() and "(dữ liệu mẫu)" in view.summary.text()
    row = texts.index("Tỷ lệ hồ sơ TTHC mỗi xã, phường tiếp nhận trực tuyến")
    rect = view.table.visualRect(model.index(row, 0))
    view.table.scrollTo(model.index(row, 0))
    rect = view.table.visualRect(model.index(row, 0))
    QTest.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: "CQS01 ≥ 60%" in view.details.toPlainText(), timeout=5_000)
    details = view.details.toPlainText()
    assert "Các đơn vị chậm nhất" in details and ("Phường" in details or "Xã" in details)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    window.grab().save(str(SCREENSHOTS / "vi_10_resolution_18.png"))


def test_the_reconstructed_methodology_is_marked_in_entry_and_compare(qtbot, window):
    from tests.gui.conftest import open_unit

    open_unit(qtbot, window, "00070", 2025)
    assert "bản dựng lại của dxscore" in window.heading.text()
    assert "QĐ 5279" in window.heading.toolTip()
    window.tabs.setCurrentWidget(window.dashboard_page)
    qtbot.waitUntil(lambda: window.dashboard is not None and window.dashboard.comparison is not None, timeout=20_000)
    assert "bản dựng lại của dxscore" in window.dashboard.notice.text()
    assert "không phải “nhóm dẫn đầu”" in window.dashboard.notice.text()  # the band goal is not the resolution's
    assert "reconstruction" not in window.dashboard.notice.toolTip() and "dxscore" in window.dashboard.notice.toolTip()


def test_the_compare_tab_ranks_a_subgroup_on_its_own(qtbot, window):
    window.tabs.setCurrentWidget(window.dashboard_page)
    qtbot.waitUntil(lambda: window.dashboard is not None and window.dashboard.comparison is not None, timeout=20_000)
    board = window.dashboard
    board.kind.setCurrentIndex(board.kind.findData("commune"))
    qtbot.waitUntil(lambda: board.comparison.group.kind.value == "commune" and len(board.comparison.group) == 126,
                    timeout=20_000)
    board.subgroup.setCurrentIndex(board.subgroup.findData("ward"))
    qtbot.waitUntil(lambda: len(board.comparison.group) == 51, timeout=20_000)
    assert min(r for r in board.comparison.group.rank if r) == 1
    assert "Phường" in board.notice.text() and board.table.model().rowCount() == 51
