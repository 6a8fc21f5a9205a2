"""PySide6 6.12.0 decrements None's reference count on every void Qt call and aborts CPython 3.11 after a
few thousand calls (ENV-NOTES §1). The pin in pyproject.toml keeps it out; this guard catches a regression."""

from __future__ import annotations

import sys

import pytest


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="None is immortal from Python 3.12")
def test_void_qt_calls_leave_none_alone():
    from PySide6.QtGui import QImage, QPainter

    image = QImage(64, 64, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    before = sys.getrefcount(None)
    for i in range(1000):
        painter.drawLine(0, 0, i % 64, 63)
    after = sys.getrefcount(None)
    painter.end()
    assert after >= before - 10, f"None lost {before - after} references in 1000 drawLine calls"
