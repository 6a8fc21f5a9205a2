"""Rich text that a widget paints itself (the entry tab's heading and score line)."""

from __future__ import annotations

import math

from PySide6.QtGui import QPainter, QPaintEvent, QResizeEvent, QTextDocument
from PySide6.QtWidgets import QSizePolicy, QWidget


class PaintedText(QWidget):
    """Rich text painted by the widget itself, as tall as the text needs at its width. Not a QLabel: a label's new
    text asks every layout up to the window to run again, and the window repainted whole after every answer (the
    score line) and twice per unit switch (the heading). Here only a change of height lays out again."""

    def __init__(self) -> None:
        super().__init__()
        self._text = ""
        self._document = QTextDocument()
        self._document.setDocumentMargin(0)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.setFixedHeight(self.fontMetrics().height())

    def text(self) -> str:
        return self._text

    def setText(self, text: str) -> None:
        if text == self._text:
            return
        self._text = text
        self._document.setDefaultFont(self.font())
        self._document.setHtml(text)
        self.setAccessibleName(self._document.toPlainText())
        self._fit()
        self.update()

    def _fit(self) -> None:
        self._document.setTextWidth(max(1, self.width()))
        height = max(self.fontMetrics().height(), math.ceil(self._document.size().height()))
        if height != self.height():
            self.setFixedHeight(height)  # the one case that lays out again

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def paintEvent(self, event: QPaintEvent) -> None:
        self._document.drawContents(QPainter(self))
