"""Chart axes whose automatic tick numbers follow the window's language ("0,8" in Vietnamese, "0.8" in English;
pyqtgraph writes them with Python's decimal point whatever the locale), in a dark grey that reads as text."""

from __future__ import annotations

from typing import Any

import pyqtgraph as pg

from gui.i18n import language


def _in_language(texts: list[str]) -> list[str]:
    if language() == "en":
        return texts
    return [text.replace(",", "\0").replace(".", ",").replace("\0", ".") for text in texts]


TEXT_COLOUR = "#333333"  # pyqtgraph's default grey on white reads as disabled


class LanguageAxis(pg.AxisItem):
    def __init__(self, orientation: str) -> None:
        super().__init__(orientation, textPen=TEXT_COLOUR)

    def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:
        return _in_language(super().tickStrings(values, scale, spacing))


def speak_language(axis: pg.AxisItem) -> None:
    """An axis pyqtgraph builds itself (a colour bar's) writes its numbers the language's way too."""
    axis.setTextPen(TEXT_COLOUR)
    plain = axis.tickStrings
    axis.tickStrings = lambda values, scale, spacing: _in_language(plain(values, scale, spacing))


def language_axes() -> dict[str, Any]:
    """The `axisItems` of a plot: left and bottom axes that write numbers the language's way."""
    return {"left": LanguageAxis("left"), "bottom": LanguageAxis("bottom")}
