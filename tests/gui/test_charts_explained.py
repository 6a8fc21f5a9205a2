"""Charts an inspector reads without training, at 1280×820, in the window's language: axes with pillar names and
scale values, legends that name the units, column headers that are codes people know, nothing cut off, and
exported charts that say what they show."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QImage

from assessment.domain.model import UnitKind
from gui.models import collation_key


def _ticks(chart, axis: str) -> list[str]:
    return [str(label) for level in chart.getAxis(axis)._tickLevels or [] for _, label in level]


def _board_at_1280(qtbot, window):
    window.resize(1280, 820)
    window.tabs.setCurrentIndex(1)
    board = window.dashboard
    board.kind.setCurrentIndex(board.kind.findData("department"))
    qtbot.waitUntil(lambda: board.comparison is not None and board.comparison.group.kind == UnitKind.DEPARTMENT
                    and board.busy.isHidden(), timeout=30_000)
    board.select("SO_KHCN")
    return board


def test_the_radar_names_its_pillars_its_scale_and_its_units(qtbot, window):
    board = _board_at_1280(qtbot, window)
    radar = board.charts["radar"]
    texts = [label.toPlainText() for label in radar.labels]
    assert texts[0].startswith("NTS\nNhận thức số")
    scale = [item.toPlainText() for item in radar.grid_items if hasattr(item, "toPlainText")]
    assert {"0,2", "0,4", "0,6", "0,8", "1,0"} <= set(scale)
    legend = [label.text for _, label in radar.legend.items]
    best = board.comparison.group.names[board.comparison.group.best].vi
    assert any("Sở Khoa học và Công nghệ" in text for text in legend) and any(best in text for text in legend)


def test_the_target_matrix_heads_columns_with_indicator_codes_and_keeps_names_readable(qtbot, window):
    board = _board_at_1280(qtbot, window)
    matrix = board.charts["targets"]
    columns = _ticks(matrix, "bottom")
    codes = {i.code for m in board.comparison.methodologies.values() for i in m.indicators}
    assert columns and set(columns) <= codes
    names = _ticks(matrix, "left")
    assert "Sở Khoa học và Công nghệ" in names  # whole, not "Sở Khoa học và Công ng"
    assert all(len(n) <= 34 for n in names)
    assert all(code in board.target_legend.text() for code in columns)


def test_at_1280_px_every_chart_tab_and_the_index_column_show(qtbot, window):
    board = _board_at_1280(qtbot, window)
    qtbot.wait(100)
    bar = board.tabs.tabBar()
    assert not board.tabs.usesScrollButtons()
    for k in range(bar.count()):
        assert bar.tabRect(k).right() <= bar.width(), bar.tabText(k)
        shown = bar.fontMetrics().horizontalAdvance(bar.tabText(k))
        assert shown < bar.tabRect(k).width(), f"{bar.tabText(k)!r} is elided"
    table = board.table
    index_column = 3
    assert table.columnViewportPosition(index_column) + table.columnWidth(index_column) <= table.viewport().width()


def test_the_trend_has_dark_titles_and_a_legend_for_the_target_star(qtbot, window):
    board = _board_at_1280(qtbot, window)
    qtbot.waitUntil(lambda: board.trend.trend is not None, timeout=10_000)
    trend = board.trend
    assert "#222222" in trend.series_plot.getPlotItem().titleLabel.text or \
        trend.series_plot.getPlotItem().titleLabel.opts.get("color") == "#222222"
    legend = [label.text for _, label in trend.series_plot.getPlotItem().legend.items]
    assert any("mục tiêu" in text for text in legend) and any("dự báo" in text for text in legend)


def test_an_exported_chart_says_what_it_shows(qtbot, window, tmp_path):
    from gui.dashboard.export import export_widget

    board = _board_at_1280(qtbot, window)
    board.tabs.setCurrentIndex(1)
    assert board.chart_file_name() == "dxscore-2025-department-radar-so-khcn.png"
    caption = board.chart_caption()
    assert caption[0] == "Radar — Sở, ban, ngành, chu kỳ 2025"
    assert caption[1] == "Đơn vị được chọn: Sở Khoa học và Công nghệ (SO_KHCN)"
    page = board.tabs.currentWidget()
    png = export_widget(page, tmp_path / "radar.png", svg=False, caption=caption, demo="DỮ LIỆU MẪU")
    assert QImage(str(png)).height() > page.height()
    svg = export_widget(page, tmp_path / "radar.svg", svg=True, caption=caption, demo="DỮ LIỆU MẪU").read_text(
        encoding="utf-8")
    assert "Sở Khoa học và Công nghệ (SO_KHCN)" in svg and "DỮ LIỆU MẪU" in svg and "chu kỳ 2025" in svg


def test_names_sort_in_vietnamese_order(qtbot, window):
    board = _board_at_1280(qtbot, window)
    board.tabs.setCurrentIndex(board.tabs.count() - 1)
    qtbot.waitUntil(lambda: board.districts.rowCount() > 0, timeout=30_000)
    view = board.tabs.currentWidget().findChild(type(board.table), "districtTable")
    view.sortByColumn(0, view.horizontalHeader().sortIndicatorOrder().AscendingOrder)
    model = view.model()
    names = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert names == sorted(names, key=collation_key)
    assert names.index(next(n for n in names if "Đống Đa" in n)) < names.index(next(n for n in names if "Tây Hồ" in n))
    group = window.unit_model.index(1, 0)
    unit_order = [window.unit_model.unit_at(window.unit_model.index(r, 0, group)).name.vi
                  for r in range(window.unit_model.rowCount(group))]
    assert unit_order == sorted(unit_order, key=collation_key)


@pytest.mark.parametrize("language", ["en"], indirect=True)
def test_english_mode_writes_decimal_points_and_english_names(qtbot, window, language):
    from tests.gui.conftest import open_unit

    open_unit(qtbot, window, "SO_Y_TE", 2025)
    line = window.score_line.text()
    assert "Index: <b>0." in line and "," not in line.split("Index")[1].split("·")[0]
    board = _board_at_1280(qtbot, window)
    assert "Department of Science and Technology" in board.charts["radar"].unit_summary(
        board.comparison.group.row("SO_KHCN"))
    assert "0." in board.charts["radar"].grid_items[5].toPlainText() or any(
        item.toPlainText() == "0.2" for item in board.charts["radar"].grid_items if hasattr(item, "toPlainText"))
