"""Issue 11.6: hovering a chart shows which unit is under the mouse (name, index, band, rank) in the window's
language, driven by real mouse-move events; and an exception raised in a Qt slot fails the test suite instead of
only being printed (pytest-qt's exception capture stays on)."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QPointF
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QToolTip

from tests.gui.conftest import SCREENSHOTS

ROOT = Path(__file__).resolve().parents[2]
NO_CAPTURE = "qt_no_exception" + "_capture"  # spelled in two halves so this file does not mention it whole


@pytest.fixture
def board(department_board):
    return department_board


def hover(qtbot, chart, x: float, y: float) -> str:
    """Move the mouse over data point (x, y) of the chart with real events; the tooltip text shown."""
    QToolTip.hideText()
    qtbot.waitUntil(lambda: not QToolTip.isVisible(), timeout=2_000)
    scene = chart.plotItem.vb.mapViewToScene(QPointF(x, y))
    where = chart.mapFromScene(scene)
    QTest.mouseMove(chart.viewport(), where + type(where)(3, 0))
    QTest.mouseMove(chart.viewport(), where)
    qtbot.waitUntil(QToolTip.isVisible, timeout=3_000)
    return QToolTip.text()


def show(qtbot, board, tab: int, name: str):
    board.tabs.setCurrentIndex(tab)
    chart = board.charts[name]
    qtbot.waitUntil(chart.isVisible, timeout=2_000)
    qtbot.wait(30)
    return chart


def test_a_ranking_bar_names_its_unit(qtbot, board):
    chart = show(qtbot, board, 0, "ranking")
    group = board.comparison.group
    text = hover(qtbot, chart, 3, group.index[2] / 2)  # the middle of the third bar
    band = next(b for b in group.bands if b.code == group.band[2])
    assert text.startswith(f"{group.names[2].vi} ({group.codes[2]})")
    assert f"Chỉ số: {group.index[2]:.4f}".replace(".", ",") in text
    assert f"Mức: {band.code} {band.name.vi}" in text and f"Hạng: {group.rank[2]}/17" in text


def test_a_heatmap_cell_names_its_unit_and_pillar(qtbot, board):
    chart = show(qtbot, board, 2, "heatmap")
    group = board.comparison.group
    column = group.pillar_codes.index("KTS")
    row = chart.order.index(group.row("SO_NOI_VU"))
    text = hover(qtbot, chart, column + 0.5, row + 0.5)
    assert "Sở Nội vụ (SO_NOI_VU)" in text and f"Hạng: {group.rank[group.row('SO_NOI_VU')]}/17" in text
    assert "KTS" in text and "không áp dụng" in text
    tip = next(w for w in QApplication.topLevelWidgets() if w.inherits("QTipLabel") and w.isVisible())
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    tip.grab().save(str(SCREENSHOTS / "vi_dashboard_heatmap_tooltip.png"))


def test_the_radar_and_the_distribution_name_their_points(qtbot, board):
    board.select("SO_KHCN")
    chart = show(qtbot, board, 1, "radar")
    group = board.comparison.group
    row = group.row("SO_KHCN")
    x, y = chart._point(0, len(group.pillar_codes), float(group.pillar_index[row, 0]))
    text = hover(qtbot, chart, x, y)
    assert "Sở Khoa học và Công nghệ (SO_KHCN)" in text and "NTS" in text
    chart = show(qtbot, board, 4, "distribution")
    column = group.pillar_codes.index("NTS")
    text = hover(qtbot, chart, column + chart.jitter[row, column], group.pillar_index[row, column])
    assert "(SO_KHCN)" in text and "NTS" in text


@pytest.mark.parametrize("language", ["en"], indirect=True)
def test_the_tooltip_speaks_the_windows_language(qtbot, board):
    chart = show(qtbot, board, 0, "ranking")
    group = board.comparison.group
    text = hover(qtbot, chart, 1, group.index[0] / 2)
    assert text.startswith(f"{group.names[0].get('en')} ({group.codes[0]})\n")
    assert f"Index: {group.index[0]:.4f}" in text and "Rank: 1/17" in text
    assert not np.isnan(group.index[0])


def test_the_suite_captures_exceptions_raised_in_qt_slots(request, tmp_path):
    """A slot that raises must fail its test: run such a test with this project's settings and expect a failure."""
    assert not request.config.getini(NO_CAPTURE)
    probe = tmp_path / "test_probe.py"
    probe.write_text(textwrap.dedent("""
        from PySide6.QtCore import QObject, Signal

        class Emitter(QObject):
            fired = Signal()

        def test_a_slot_raises(qtbot):
            emitter = Emitter()
            emitter.fired.connect(lambda: 1 / 0)
            emitter.fired.emit()
    """), encoding="utf-8")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    run = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-c",
                          str(ROOT / "pyproject.toml"), "--rootdir", str(tmp_path), str(probe)],
                         capture_output=True, text=True, env=env, timeout=120, check=False)
    assert run.returncode == 1, run.stdout + run.stderr
    assert "ZeroDivisionError" in run.stdout and "1 failed" in run.stdout


def test_no_gui_test_turns_the_capture_off():
    marked = [p.name for p in (ROOT / "tests").rglob("*.py") if NO_CAPTURE in p.read_text(encoding="utf-8")]
    assert marked == []


def test_hovering_every_chart_raises_nothing(qtbot, board):
    """Sweep the mouse across each chart: any exception in the hover slot fails this test (capture is on)."""
    for tab, name in ((0, "ranking"), (1, "radar"), (2, "heatmap"), (4, "distribution"), (5, "targets")):
        chart = show(qtbot, board, tab, name)
        viewport = chart.viewport()
        for k in range(1, 12):
            QTest.mouseMove(viewport, viewport.rect().topLeft() + type(viewport.rect().topLeft())(
                viewport.width() * k // 12, viewport.height() * k // 12))
        qtbot.wait(10)
