"""Exports: any chart page as PNG (pixels) or SVG (vectors, QtSvg), and a table as Excel or CSV."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QImage, QPaintDevice, QPainter
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QWidget

from gui.dashboard.tables import EXPORT_ROLE

CAPTION_MARGIN = 8
DEMO_RED = "#c00000"


def export_widget(widget: QWidget, path: Path, *, svg: bool, caption: list[str] = (), demo: str = "") -> Path:
    """Write what the widget shows under a caption (what the chart is, the peer group and cycle, the unit
    chosen) and the demo mark in red when the data is the demo's: a file read alone still says what it shows.
    pyqtgraph items paint through QPainter, so the SVG keeps them as vectors."""
    lines = [*caption, demo] if demo else list(caption)
    font = QFont(widget.font())
    line_height = QFontMetrics(font).height() + 2
    top = len(lines) * line_height + (2 * CAPTION_MARGIN if lines else 0)
    size = QSize(widget.width(), widget.height() + top)
    if svg:
        device: QPaintDevice = QSvgGenerator()
        device.setFileName(str(path))
        device.setSize(size)
        device.setViewBox(QRect(QPoint(0, 0), size))
        device.setTitle(" — ".join(caption) or "dxscore")
        device.setDescription(demo or "dxscore")
    else:
        device = QImage(size, QImage.Format.Format_ARGB32)
        device.fill(QColor("white"))
    painter = QPainter(device)
    painter.setFont(font)
    for k, line in enumerate(lines):
        painter.setPen(QColor(DEMO_RED if demo and k == len(lines) - 1 else "#222222"))
        font.setBold(k == 0 or (bool(demo) and k == len(lines) - 1))
        painter.setFont(font)
        painter.drawText(QRect(CAPTION_MARGIN, CAPTION_MARGIN + k * line_height, size.width() - 2 * CAPTION_MARGIN,
                               line_height), int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), line)
    QWidget.render(widget, painter, QPoint(0, top))  # the QWidget one: QGraphicsView (a plot) overrides it
    painter.end()
    if not svg and not device.save(str(path)):
        raise OSError(f"could not write {path}")
    return path


def table_rows(model: QAbstractItemModel) -> tuple[list[str], list[list[object]]]:
    """Headers and cells as exported: numbers as numbers, a pillar that does not apply or has no data as its
    words ("Không áp dụng", "Chưa có dữ liệu"), never as the 0 or -1 it sorts by (EXPORT_ROLE)."""
    headers = [str(model.headerData(c, Qt.Orientation.Horizontal)) for c in range(model.columnCount())]
    rows = [[_cell(model.index(r, c)) for c in range(model.columnCount())] for r in range(model.rowCount())]
    return headers, rows


def _cell(index: QModelIndex) -> object:
    exported = index.data(EXPORT_ROLE)
    return index.data() if exported is None and index.data() not in ("—", "–", "") else exported


def export_table(model: QAbstractItemModel, path: Path) -> Path:
    import pandas as pd  # only when exporting (0.35 s to import)

    from assessment.domain.text_limits import write_table

    headers, rows = table_rows(model)
    # Unit names come from packages: written as text, never as spreadsheet formulas.
    return write_table(pd.DataFrame(rows, columns=headers), path, encoding="utf-8-sig")
