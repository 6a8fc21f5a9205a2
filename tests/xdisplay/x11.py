"""Real input for the window under test: xdotool sends X events through the XTEST extension, as a keyboard
and a mouse would, to whatever window has the X focus. The test then lets Qt process them (qtbot.waitUntil)."""

from __future__ import annotations

import subprocess

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QApplication, QWidget


def xdotool(*arguments: str) -> None:
    subprocess.run(["xdotool", *arguments], check=True, timeout=20, capture_output=True)


def press(*combos: str) -> None:
    """Key combinations in xdotool's names: "ctrl+u", "Tab", "ctrl+Next" (Ctrl+PgDown)."""
    xdotool("key", "--delay", "20", *combos)


def type_text(text: str) -> None:
    xdotool("type", "--delay", "20", text)


def click(widget: QWidget, where: QPoint | None = None) -> None:
    """Move the pointer over the widget (its centre by default) and click the left button."""
    point = widget.mapToGlobal(where if where is not None else widget.rect().center())
    xdotool("mousemove", "--sync", str(point.x()), str(point.y()))
    xdotool("click", "1")


def settle(qtbot, msecs: int = 150) -> None:
    """Let Qt read and deliver what the X server has queued."""
    qtbot.wait(msecs)
    QApplication.processEvents()


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget
