"""Exports: any chart page as PNG (pixels) or SVG (vectors, QtSvg), and a table as Excel or CSV."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QPainter
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QWidget

from gui.dashboard.tables import EXPORT_ROLE


def export_widget(widget: QWidget, path: Path, *, svg: bool) -> Path:
    """Write what the widget shows; pyqtgraph items paint through QPainter, so the SVG keeps them as vectors."""
    if not svg:
        if not widget.grab().save(str(path)):
            raise OSError(f"could not write {path}")
        return path
    generator = QSvgGenerator()
    generator.setFileName(str(path))
    generator.setSize(QSize(widget.width(), widget.height()))
    generator.setViewBox(QRect(0, 0, widget.width(), widget.height()))
    generator.setTitle("dxscore")
    painter = QPainter(generator)
    QWidget.render(widget, painter, QPoint(0, 0))  # the QWidget one: QGraphicsView (a plot) overrides it
    painter.end()
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
