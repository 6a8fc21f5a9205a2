"""How the dashboard shows what is not a score: "not applicable" (nothing in a pillar applies to the unit) and
"no data" (it applies but nothing is answered yet). Both must look different from a scored 0 on every chart,
table and export, with the same colours and words everywhere (docs/decisions.md, "Dashboard")."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor

from assessment.domain.comparison import NO_DATA, NOT_APPLICABLE, SCORED
from gui.i18n import tr

NA_BACKGROUND = "#f4f4f4"  # a not-applicable cell: pale grey crossed by darker stripes
NA_STRIPE = "#9e9e9e"
NO_DATA_COLOUR = "#cfd8dc"  # blue-grey, the target matrix's "no data" too
NA_MARK = "–"  # what the booklet prints for a pillar that does not apply
HATCH = 8  # pixels per heatmap cell side in the overlay that draws the stripes


def state_label(state: int) -> str:
    """The legend words for a cell that is not a score ("" for a score)."""
    return {NOT_APPLICABLE: tr("Not applicable"), NO_DATA: tr("No data yet")}.get(state, "")


def cell_text(value: float, state: int, lang: str, digits: int = 3) -> str:
    """What a table cell or tooltip shows: the number, "–" for not applicable, words for no data."""
    if state == NOT_APPLICABLE or np.isnan(value):
        return NA_MARK
    if state == NO_DATA:
        return state_label(NO_DATA).lower()
    return number(value, lang, digits)


def number(value: float, lang: str, digits: int = 3) -> str:
    """A number as the window's language writes it (decimal comma in Vietnamese)."""
    text = f"{value:.{digits}f}"
    return text if lang == "en" else text.replace(".", ",")


def na_brush() -> QBrush:
    return QBrush(QColor(NA_STRIPE), Qt.BrushStyle.BDiagPattern)


def legend_html() -> str:
    """The two chips every chart legend carries."""
    na = (f"<span style='background:{NA_BACKGROUND}; color:{NA_STRIPE}'>&nbsp;╱╱&nbsp;</span> "
          f"{state_label(NOT_APPLICABLE)}")
    no_data = f"<span style='background:{NO_DATA_COLOUR}'>&nbsp;&nbsp;&nbsp;&nbsp;</span> {state_label(NO_DATA)}"
    return f"{na} &nbsp; {no_data}"


def overlay(states: np.ndarray) -> np.ndarray:
    """An RGBA picture, HATCH pixels per cell, that covers the cells which are not scores: stripes for not
    applicable, a flat blue-grey for no data, transparent over scores (the colour scale shows through)."""
    rows, columns = states.shape
    big = np.repeat(np.repeat(states, HATCH, axis=0), HATCH, axis=1)
    picture = np.zeros((rows * HATCH, columns * HATCH, 4), dtype=np.ubyte)
    y, x = np.indices(big.shape)
    stripe = (x + y) % 4 == 0
    picture[big == NOT_APPLICABLE] = _rgba(NA_BACKGROUND)
    picture[(big == NOT_APPLICABLE) & stripe] = _rgba(NA_STRIPE)
    picture[big == NO_DATA] = _rgba(NO_DATA_COLOUR)
    picture[big == SCORED] = (0, 0, 0, 0)
    return picture


def _rgba(colour: str) -> tuple[int, int, int, int]:
    return QColor(colour).getRgb()  # type: ignore[return-value]
