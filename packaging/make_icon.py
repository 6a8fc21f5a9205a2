"""Draws dxscore's icon (resources/icons/dxscore.png, packaging/dxscore.ico): rerun after changing the design.

Drawn with Qt rather than kept as a hand-made binary, so the design is reviewable: three rising bars (the
scores) on the city's blue, with "DX". `python packaging/make_icon.py` from the checkout.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QImage, QPainter

ROOT = Path(__file__).resolve().parent.parent


def draw(size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    unit = size / 64
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor("#1f5fa8"))
    painter.drawRoundedRect(QRectF(2 * unit, 2 * unit, 60 * unit, 60 * unit), 12 * unit, 12 * unit)
    painter.setBrush(QColor("#f5c400"))
    for n, height in enumerate((14, 22, 32)):
        painter.drawRect(QRectF((12 + n * 14) * unit, (54 - height) * unit, 10 * unit, height * unit))
    painter.setPen(QColor("white"))
    font = QFont("DejaVu Sans", 1)
    font.setBold(True)
    font.setPixelSize(max(1, int(17 * unit)))
    painter.setFont(font)
    painter.drawText(QRectF(0, 5 * unit, 64 * unit, 20 * unit), Qt.AlignmentFlag.AlignCenter, "DX")
    painter.end()
    return image


def main() -> int:
    QGuiApplication(sys.argv[:1])
    draw(256).save(str(ROOT / "resources" / "icons" / "dxscore.png"))
    draw(256).save(str(ROOT / "packaging" / "dxscore.ico"))  # Qt's ico plugin: the icon of the Windows .exe
    return 0


if __name__ == "__main__":
    sys.exit(main())
