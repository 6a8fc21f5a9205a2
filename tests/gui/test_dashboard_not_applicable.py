"""Issue 11.5: "not applicable" must never look like a 0. Nine demo departments have no digital-economy duty
(pillar KTS does not apply to them): their heatmap cells, radar axes, table cells and exported cells must say so,
and differ from what a scored 0 looks like."""

from __future__ import annotations

import numpy as np
import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor

from assessment.domain.comparison import NOT_APPLICABLE, SCORED
from tests.gui.conftest import SCREENSHOTS

ZERO_RED = QColor("#c62828")  # the heatmap's colour for an index of 0


@pytest.fixture
def departments(department_board):
    return department_board


def without_kts(board) -> list[str]:
    group = board.comparison.group
    column = group.pillar_codes.index("KTS")
    return [code for r, code in enumerate(group.codes) if np.isnan(group.pillar_index[r, column])]


def cell_pixels(chart, x: float, y: float, image) -> list[QColor]:
    """The pixels around the centre of a chart cell given in data coordinates, from a grab of the chart."""
    scene = chart.plotItem.vb.mapViewToScene(QPointF(x, y))
    centre = chart.viewport().mapTo(chart, chart.mapFromScene(scene))
    return [image.pixelColor(centre.x() + dx, centre.y() + dy) for dx in range(-3, 4) for dy in range(-3, 4)]


def near(a: QColor, b: QColor, tolerance: int = 40) -> bool:
    return abs(a.red() - b.red()) + abs(a.green() - b.green()) + abs(a.blue() - b.blue()) <= tolerance


def test_the_peer_group_says_what_does_not_apply(departments):
    group = departments.comparison.group
    column = group.pillar_codes.index("KTS")
    assert len(without_kts(departments)) == 9
    assert (group.pillar_state[:, column] == NOT_APPLICABLE).sum() == 9
    assert (group.pillar_state[:, group.pillar_codes.index("NTS")] == SCORED).all()


def test_a_heatmap_cell_that_does_not_apply_is_not_drawn_as_zero(qtbot, departments):
    departments.tabs.setCurrentIndex(2)
    heatmap = departments.charts["heatmap"]
    qtbot.wait(50)
    image = heatmap.grab().toImage()
    group = departments.comparison.group
    column = group.pillar_codes.index("KTS")
    na_row = heatmap.order.index(group.row(without_kts(departments)[0]))
    scored_row = next(r for r, row in enumerate(heatmap.order) if not np.isnan(group.pillar_index[row, column]))
    na_cell = cell_pixels(heatmap, column + 0.5, na_row + 0.5, image)
    assert not any(near(p, ZERO_RED) for p in na_cell)  # not the colour of a 0
    grey = [p for p in na_cell if p.saturation() < 20]  # the pale grey and its darker stripes
    assert len(grey) == len(na_cell) and len({p.lightness() // 30 for p in grey}) >= 2  # striped, not flat
    scored = cell_pixels(heatmap, column + 0.5, scored_row + 0.5, image)
    assert all(p.saturation() > 60 for p in scored)  # a score shows through the overlay in its colour
    legend = departments.heat_legend.text()
    assert "Không áp dụng" in legend and "Chưa có dữ liệu" in legend
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    departments.grab().save(str(SCREENSHOTS / "vi_dashboard_heatmap_departments.png"))


def test_the_radar_skips_an_axis_that_does_not_apply(qtbot, departments):
    code = without_kts(departments)[0]
    departments.select(code)
    radar = departments.charts["radar"]
    column = departments.comparison.group.pillar_codes.index("KTS")
    xs, ys = radar.series["unit"].getData()
    assert len(xs) == len(departments.comparison.group.pillar_codes)  # 8 scored corners and back to the first
    assert min(np.hypot(xs, ys)) > 0.05  # no corner pulled to the centre
    assert "không áp dụng" in radar.labels[column].toPlainText()
    departments.tabs.setCurrentIndex(1)
    qtbot.wait(50)
    departments.grab().save(str(SCREENSHOTS / "vi_dashboard_radar_not_applicable.png"))


def test_the_table_and_its_export_say_not_applicable(qtbot, departments, tmp_path):
    from gui.dashboard.export import export_table
    from gui.models import CODE_ROLE

    code = without_kts(departments)[0]
    model = departments.peer_filter
    column = model.sourceModel().headers.index("KTS")
    row = next(r for r in range(model.rowCount()) if model.index(r, 0).data(CODE_ROLE) == code)
    cell = model.index(row, column)
    assert cell.data() == "–" and cell.data(3) == "Không áp dụng"  # shown, and explained on hover
    path = export_table(departments.peers, tmp_path / "peers.xlsx")
    sheet = load_workbook(path).active
    headers = [c.value for c in sheet[1]]
    exported = {r[1].value: r for r in sheet.iter_rows(min_row=2)}
    assert exported[code][headers.index("KTS")].value == "Không áp dụng"
    scored = next(c for c in departments.comparison.group.codes if c not in without_kts(departments))
    assert isinstance(exported[scored][headers.index("KTS")].value, int | float)  # numbers stay numbers
    assert isinstance(exported[scored][headers.index("Chỉ số")].value, int | float)
    assert isinstance(exported[scored][headers.index("Hạng")].value, int)
    assert str(exported[scored][headers.index("Mức")].value)[2:]  # "4 Nâng cao": the band's name, not just 4
    csv = export_table(departments.peers, tmp_path / "peers.csv").read_text(encoding="utf-8-sig")
    assert csv.count("Không áp dụng") == 9


def test_the_distribution_leaves_out_what_does_not_apply(departments):
    chart = departments.charts["distribution"]
    group = departments.comparison.group
    column = group.pillar_codes.index("KTS")
    x, _ = chart.dots.getData()
    from assessment.domain.comparison import SCORED

    scored = int((group.pillar_state[:, column] == SCORED).sum())  # applies and answered (no data: a square)
    assert sum(1 for v in x if round(v) == column) == scored and scored <= len(group) - 9
    legend = [label.text for _, label in chart.plotItem.legend.items]
    assert any("Không áp dụng" in t for t in legend) and any("Chưa có dữ liệu" in t for t in legend)


def test_no_data_is_drawn_apart_from_zero_and_from_not_applicable(qtbot, departments):
    """A pillar nobody has answered yet scores 0 by the rules; the charts show it as "no data" (blue-grey),
    and a unit with nothing answered gets a mark at the foot of the ranking instead of an invisible bar."""
    import dataclasses

    from assessment.domain.comparison import NO_DATA
    from gui.dashboard.marks import NO_DATA_COLOUR

    comparison = departments.comparison
    group = comparison.group
    last = len(group) - 1
    states, index = group.pillar_state.copy(), group.pillar_index.copy()
    states[last, :] = np.where(states[last, :] == NOT_APPLICABLE, NOT_APPLICABLE, NO_DATA)
    index[last, ~np.isnan(index[last, :])] = 0.0
    unit_states = group.index_state.copy()
    unit_states[last] = NO_DATA
    blank = dataclasses.replace(group, pillar_state=states, pillar_index=index, index_state=unit_states,
                                index=np.where(np.arange(len(group)) == last, 0.0, group.index))
    departments.show_comparison(dataclasses.replace(comparison, group=blank))
    departments.tabs.setCurrentIndex(2)
    heatmap = departments.charts["heatmap"]
    qtbot.wait(50)
    row = heatmap.order.index(last)
    pixels = cell_pixels(heatmap, 0.5, row + 0.5, heatmap.grab().toImage())
    assert all(near(p, QColor(NO_DATA_COLOUR)) for p in pixels)
    ranking = departments.charts["ranking"]
    x, y = ranking.unscored[NO_DATA].getData()
    assert list(x) == [len(group)] and y[0] > 0  # a visible mark where the bar would be
    assert all(len(item.opts["x"]) == 0 or len(group) not in item.opts["x"] for item in ranking.bars.values())
    code = group.codes[last]
    model = departments.peer_filter
    r = next(r for r in range(model.rowCount()) if model.index(r, 1).data() == code)
    assert model.index(r, model.sourceModel().headers.index("NTS")).data() == "chưa có dữ liệu"
    assert model.index(r, 3).data() == "chưa có dữ liệu"
    departments.tabs.setCurrentIndex(0)
    qtbot.wait(50)
    departments.grab().save(str(SCREENSHOTS / "vi_dashboard_ranking_no_data.png"))


def test_a_target_that_does_not_apply_is_not_counted_as_no_data(qtbot, departments):
    """An indicator declared not applicable has nothing to reach: its matrix cell is hatched, not "no data"."""
    comparison = departments.comparison
    group = comparison.group
    matrix = departments.charts["targets"]
    pairs = [(group.row(card.unit_code), group.target_ids.index(i.target_id)) for card in comparison.cards
             for i in card.indicators if i.target_id and not i.applicable]
    assert pairs  # eleven in the demo departments
    for row, column in pairs:
        assert matrix.cells[row, column] == 0 and group.target_status[row, column] is None
    departments.tabs.setCurrentIndex(5)
    qtbot.wait(50)
    row, column = pairs[0]
    pixels = cell_pixels(matrix, column + 0.5, row + 0.5, matrix.grab().toImage())
    assert not any(near(p, QColor("#cfd8dc"), 12) for p in pixels)  # not the "no data" colour
    assert len({p.lightness() // 30 for p in pixels}) >= 2  # striped
    assert "Không áp dụng" in departments.target_legend.text() or "không áp dụng" in departments.target_legend.text()
    departments.grab().save(str(SCREENSHOTS / "vi_dashboard_targets_departments.png"))


def test_the_peer_table_model_holds_up(qtmodeltester, departments):
    """Qt's model checks over the table with its shaded, explained not-applicable cells."""
    qtmodeltester.check(departments.peers)
    qtmodeltester.check(departments.peer_filter)
