"""Real input for the window under test: xdotool sends X events through the XTEST extension, as a keyboard
and a mouse would, to whatever window has the X focus. The test then lets Qt process them (qtbot.waitUntil)."""

from __future__ import annotations

import subprocess
import time

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
    """Move the pointer over the widget (its centre by default) and click the left button.

    The point is given relative to the widget's X window, which the X server places: Qt's own idea of where
    a just-shown window sits on screen (mapToGlobal) can lag behind the window manager's placement."""
    hover(widget, where)
    xdotool("click", "1")


def hover(widget: QWidget, where: QPoint | None = None) -> None:
    """Move the pointer over the widget (its centre by default), as `click` does, without clicking."""
    top = widget.window()
    point = steady_position(widget, top, where if where is not None else widget.rect().center())
    xdotool("mousemove", "--sync", "--window", str(int(top.winId())), str(point.x()), str(point.y()))


def steady_position(widget: QWidget, top: QWidget, where: QPoint) -> QPoint:
    """Where the widget's point is once pending layouts have run (a card shown or hidden above it moves it)."""
    readings: list[QPoint] = []
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        QApplication.processEvents()
        readings.append(widget.mapTo(top, where))
        if len(readings) >= 3 and readings[-1] == readings[-2] == readings[-3]:
            break
        time.sleep(0.03)
    return readings[-1]


def settle(qtbot, msecs: int = 150) -> None:
    """Let Qt read and deliver what the X server has queued."""
    qtbot.wait(msecs)
    QApplication.processEvents()


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget
