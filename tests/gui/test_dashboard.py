"""The inspectors' dashboard in the real window: what the charts plot is the service's scores, choosing a unit
anywhere selects it everywhere, comparisons stay within one peer group, and every chart exports."""

from __future__ import annotations

import numpy as np
import pytest

from assessment.domain.model import UnitKind
from tests.gui.conftest import SCREENSHOTS


@pytest.fixture
def dashboard(qtbot, window):
    window.tabs.setCurrentIndex(1)
    board = window.dashboard
    board.cycle.setCurrentIndex(board.cycle.findData(2025))
    board.kind.setCurrentIndex(board.kind.findData("commune"))
    qtbot.waitUntil(lambda: board.comparison is not None and board.comparison.group.kind == UnitKind.COMMUNE
                    and board.busy.isHidden(), timeout=20_000)
    return board


def official(window, kind=UnitKind.COMMUNE):
    cards = window.service.scores.for_cycle(year=2025, kind=kind).scorecards
    return sorted(cards, key=lambda c: (c.rank, c.unit_code))


def test_the_charts_plot_the_services_scores(qtbot, dashboard, window):
    cards = official(window)
    ranking = dashboard.charts["ranking"]
    assert list(ranking.heights) == pytest.approx([c.index for c in cards])
    plotted = {}  # what the band items draw: rank position -> bar height
    for item in ranking.bars.values():
        plotted.update(zip(item.opts["x"], item.opts["height"], strict=True))
    assert [plotted[r] for r in range(1, len(cards) + 1)] == pytest.approx([c.index for c in cards])
    assert dashboard.peers.rowCount() == 126
    code = cards[10].unit_code
    dashboard.select(code)
    radar = dashboard.charts["radar"]
    expected = [p.index for p in cards[10].pillars if p.scored]
    assert list(radar.values["unit"]) == pytest.approx(expected)
    heatmap = dashboard.charts["heatmap"]
    assert heatmap.values[10] == pytest.approx(expected)  # ordered by the overall index, as ranked
    average = np.nanmean([[p.index for p in c.pillars if p.scored] for c in cards], axis=0)
    assert list(radar.values["average"]) == pytest.approx(list(average))
    matrix = dashboard.charts["targets"]
    statuses = {i.target_id: i.target_status for i in cards[10].indicators if i.target_id and i.applicable}
    ids = dashboard.comparison.group.target_ids
    from assessment.domain.comparison import STATUS_ORDER

    codes = {status.value: n for n, status in enumerate(STATUS_ORDER, start=1)}
    assert list(matrix.cells[10]) == [codes.get(statuses.get(t), 0) for t in ids]
    _, median, _ = dashboard.charts["distribution"].quartiles
    assert median[0] == pytest.approx(np.median([c.pillars[0].index for c in cards]))


def test_choosing_a_unit_anywhere_selects_it_everywhere(qtbot, dashboard):
    group = dashboard.comparison.group
    target = group.codes[40]
    dashboard.charts["heatmap"].unit_clicked.emit(target)
    from gui.models import CODE_ROLE

    assert dashboard.table.currentIndex().data(CODE_ROLE) == target
    assert all(chart.selected == target for chart in dashboard.charts.values())
    assert dashboard.gaps.rowCount() > 0
    qtbot.waitUntil(lambda: dashboard.trend.trend is not None and dashboard.trend.trend.unit_code == target,
                    timeout=10_000)
    other = group.codes[3]
    row = next(r for r in range(dashboard.peer_filter.rowCount())
               if dashboard.peer_filter.index(r, 1).data() == other)
    dashboard.table.setCurrentIndex(dashboard.peer_filter.index(row, 0))
    assert dashboard.charts["ranking"].selected == other


def test_comparisons_stay_within_one_peer_group(qtbot, dashboard, window):
    dashboard.kind.setCurrentIndex(dashboard.kind.findData("department"))
    qtbot.waitUntil(lambda: dashboard.comparison.group.kind == UnitKind.DEPARTMENT, timeout=20_000)
    group = dashboard.comparison.group
    assert len(group) == 17 and dashboard.peers.rowCount() == 17
    assert set(group.codes) == {c.unit_code for c in official(window, UnitKind.DEPARTMENT)}
    assert sorted(r for r in group.rank) == sorted(c.rank for c in official(window, UnitKind.DEPARTMENT))


def test_the_district_view_carries_communes_back(qtbot, dashboard, window):
    from gui.models import CODE_ROLE

    dashboard.tabs.setCurrentIndex(dashboard.tabs.count() - 1)
    qtbot.waitUntil(lambda: dashboard.districts.rowCount() == 30, timeout=20_000)
    view = window.service.compare.districts()
    derived = {d.code: d.index for d in view.derived}
    for row in range(dashboard.districts.rowCount()):
        code = dashboard.districts.index(row, 0).data(CODE_ROLE)
        shown = dashboard.districts.index(row, 2).data()
        assert shown == f"{derived[code]:.4f}".replace(".", ",")
    assert "SỐ LIỆU SUY RA" in dashboard.district_note.text()


def test_every_chart_exports_and_is_shot(qtbot, dashboard, tmp_path):
    from gui.dashboard.export import export_table, export_widget

    dashboard.select(dashboard.comparison.group.codes[0])
    qtbot.waitUntil(lambda: dashboard.trend.trend is not None, timeout=10_000)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    dashboard.resize(1400, 860)
    for index in range(dashboard.tabs.count()):
        dashboard.tabs.setCurrentIndex(index)
        if index == dashboard.tabs.count() - 1:
            qtbot.waitUntil(lambda: dashboard.districts.rowCount() == 30, timeout=20_000)
        qtbot.wait(50)
        page = dashboard.tabs.currentWidget()
        png = export_widget(page, tmp_path / f"chart{index}.png", svg=False)
        svg = export_widget(page, tmp_path / f"chart{index}.svg", svg=True)
        assert png.stat().st_size > 5_000 and svg.read_text(encoding="utf-8").startswith("<?xml")
        dashboard.grab().save(str(SCREENSHOTS / f"vi_dashboard_{index}.png"))
    csv = export_table(dashboard.peers, tmp_path / "peers.csv")
    lines = csv.read_text(encoding="utf-8-sig").splitlines()
    assert lines[0].startswith("Hạng,Mã,Đơn vị,Chỉ số") and len(lines) == 127


def test_the_gap_planner_reaches_the_goal_set(qtbot, dashboard):
    code = dashboard.comparison.group.codes[-1]  # the last-ranked unit
    dashboard.select(code)
    card = dashboard.comparison.card(code)
    in_plan = lambda: [dashboard.gaps.index(r, 0).data() for r in range(dashboard.gaps.rowCount())  # noqa: E731
                       if dashboard.gaps.index(r, 4).data()]
    next_band = list(in_plan())
    dashboard.gap_goal.setValue(0.9)
    to_goal = list(in_plan())
    assert len(to_goal) >= len(next_band) > 0
    lost = {dashboard.gaps.index(r, 0).data(): dashboard.gaps.rows[r][1][2] for r in range(dashboard.gaps.rowCount())}
    reached = card.points + sum(lost[c] for c in to_goal)
    assert reached >= 0.9 * card.max_points - 1e-6 or "không thể" in dashboard.gap_label.text()


def test_unconfirmed_targets_stay_marked(qtbot, dashboard):
    """targets.yaml flags values no public source confirms; the matrix legend and its tooltips say so."""
    comparison = dashboard.comparison
    legend = dashboard.target_legend.text()
    marked = [t for t in comparison.group.target_ids if comparison.targets.get(t).unconfirmed]
    assert marked  # n749_epayment_accounts in the commune group
    for k, target_id in enumerate(comparison.group.target_ids, start=1):
        target = comparison.targets.get(target_id)
        entry = f"{k}. {target.text.vi}"
        assert entry in legend
        assert (f"{entry} (giá trị chưa được xác nhận)" in legend) == target.unconfirmed
