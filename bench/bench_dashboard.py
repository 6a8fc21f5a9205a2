"""Redrawing every dashboard chart (ranking, radar, heatmap, distribution, target matrix) for a peer group,
painted, for the 126 demo communes and for 3,321 synthetic ones; against bare pyqtgraph drawing the same
bars and heatmap image in the same run."""

from __future__ import annotations

import os
import sys
import tempfile
from dataclasses import replace
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run as a script: `python bench/bench_dashboard.py`

from bench.common import NATIONAL_COMMUNES, measure, report


def synthetic(comparison, n: int):  # type: ignore[no-untyped-def]
    """The demo group stretched to n units (random but plausible values, same pillars and targets)."""
    from assessment.domain.comparison import SCORED
    from assessment.domain.model import Text, UnitKind

    group = comparison.group
    rng = np.random.default_rng(5)
    index = np.sort(rng.beta(4, 2.5, n))[::-1]
    statuses = np.array(["met", "on_track", "behind", "no_data"], dtype=object)
    big = replace(group, codes=tuple(f"N{i:05d}" for i in range(n)),
                  names=tuple(Text(f"Xã {i}", f"Commune {i}") for i in range(n)), index=index,
                  points=index * 1000, max_points=np.full(n, 1000.0),
                  band=tuple(int(min(5, 1 + v // 0.2)) for v in index), rank=tuple(range(1, n + 1)),
                  pillar_index=np.clip(index[:, None] + rng.normal(0, 0.1, (n, len(group.pillar_codes))), 0, 1),
                  target_status=statuses[rng.integers(0, 4, (n, len(group.target_ids)))], kind=UnitKind.COMMUNE,
                  appraised_index=np.where(rng.random(n) < 0.1, np.clip(index - 0.02, 0, 1), np.nan),
                  status=("submitted",) * n, index_state=np.full(n, SCORED, dtype=np.int8),
                  pillar_state=np.full((n, len(group.pillar_codes)), SCORED, dtype=np.int8))
    return replace(comparison, group=big)


def _drawers(comparison, charts, bars, image):  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QApplication

    codes = comparison.group.codes
    turn = [0]

    def redraw() -> None:  # every chart with new data and a different selection each time, then painted
        turn[0] += 1
        for chart in charts:
            chart.show_comparison(comparison, codes[turn[0] % len(codes)])
        QApplication.processEvents()

    def plain() -> None:  # bare pyqtgraph: the same bars and heatmap image, painted
        group = comparison.group
        bars.setOpts(x=np.arange(len(group)), height=np.nan_to_num(group.index))
        image.setImage(np.nan_to_num(group.pillar_index))
        QApplication.processEvents()

    return redraw, plain


def main() -> bool:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")
    import pyqtgraph as pg
    from PySide6.QtWidgets import QApplication, QGridLayout, QWidget

    from assessment.domain.model import UnitKind
    from bench.common import open_service
    from gui.app import make_app
    from gui.dashboard.plots import DistributionChart, HeatmapChart, RankingChart, TargetMatrixChart
    from gui.dashboard.radar import RadarChart

    make_app("vi")
    folder = Path(tempfile.mkdtemp(prefix="dxbench-dash-"))
    service = open_service(folder / "demo.sqlite")
    service.demo.build()
    demo = service.compare.peer_group(year=2025, kind=UnitKind.COMMUNE)
    national = synthetic(demo, NATIONAL_COMMUNES)

    page = QWidget()
    grid = QGridLayout(page)
    charts = [RankingChart(), RadarChart(), HeatmapChart(), DistributionChart(), TargetMatrixChart()]
    for k, chart in enumerate(charts):
        grid.addWidget(chart, k // 3, k % 3)
    page.resize(1800, 1000)
    page.show()
    bare = pg.GraphicsLayoutWidget()
    bars_plot, image_plot = bare.addPlot(), bare.addPlot()
    bars, image = pg.BarGraphItem(x=[], height=[], width=0.8), pg.ImageItem()
    bars_plot.addItem(bars)
    image_plot.addItem(image)
    bare.resize(1800, 1000)
    bare.show()
    QApplication.processEvents()

    ok = True
    for label, comparison, budget in (("126 communes", demo, 0.05), (f"{NATIONAL_COMMUNES} synthetic units", national,
                                                                     0.25)):
        redraw, plain = _drawers(comparison, charts, bars, image)
        redraw()
        plain()
        ours = measure(redraw, repeat=9)
        bound = measure(plain, repeat=9)
        ok &= report(f"redraw all dashboard charts, {label}", ours, bound, budget_s=budget)
    service.store.close()
    page.close()
    bare.close()
    return ok


if __name__ == "__main__":
    raise SystemExit(0 if main() else 1)
