"""What a user reads on screen, and a heuristic that finds text in the wrong language or internal keys in it.

Vietnamese mode: a visible text fails when it holds an English word (a word of our English source strings or
of Qt's standard dialogs that never occurs in Vietnamese text) or a lower-case snake_case key. English mode: a
visible text fails when it holds a Vietnamese word of our catalogue's translations (the window's own words),
or is the Vietnamese name of something the data also names in English."""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import QAbstractListModel, QModelIndex, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QDockWidget,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QTabBar,
    QWidget,
)

from gui.painted_text import PaintedText  # the heading and the score line: rich text painted without a QLabel

TS = Path(__file__).resolve().parents[2] / "resources" / "i18n" / "dxscore_vi.ts"
WORD = re.compile(r"[A-Za-zÀ-ỹĐđ]+(?:_[A-Za-z0-9]+)*")
IDENTIFIER = re.compile(r"\b[a-z0-9]+(?:-[a-z0-9]+)+\b")  # a methodology id (hanoi-2025-department): a code
HASH = re.compile(r"\b(?=[0-9a-f]*\d)[0-9a-f]{8,}\b")  # a hash or fingerprint ("29f86b8d…"): its letters are no words
QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"")  # a proper name quoted in the other language (a movement, a programme)
VIETNAMESE_LETTER = re.compile(r"[À-ỹĐđ]")
# Words of Qt's own dialogs (file dialog, message box, button box) that our sources do not contain.
QT_WORDS = {"look", "directory", "modified", "size", "kind", "type", "files", "folder", "cancel", "close", "open",
            "save", "yes", "apply", "discard", "reset", "help", "ignore", "retry", "abort", "detail", "details",
            "back", "forward", "parent", "create", "new", "list", "view", "computer", "recent", "places", "all"}
# Names and formats that are the same in both languages.
NEUTRAL = {"pdf", "excel", "csv", "png", "svg", "sqlite", "dxscore", "xlsx", "nq", "ubtvqh", "dxpkg", "ok", "id",
           "demo", "index", "radar", "top", "internet", "email", "website", "online", "wifi", "cloud", "app"}


def _plain(text: str) -> str:
    if "<" in text and ">" in text:
        text = re.sub(r"<[^>]+>", " ", text)
    return html.unescape(text).replace("&", "")


def catalogue() -> tuple[set[str], set[str]]:
    """(English words of the source strings, Vietnamese words of the translations), lower case."""
    english, vietnamese = set(), set()
    for message in ET.parse(TS).iter("message"):
        english.update(w.lower() for w in WORD.findall(_plain(message.find("source").text or "")))
        translation = message.find("translation")
        texts = [f.text or "" for f in translation.iter("numerusform")] or [translation.text or ""]
        for text in texts:
            vietnamese.update(w.lower() for w in WORD.findall(_plain(text)))
    return english, vietnamese


def english_leaks(text: str, english: set[str], vietnamese: set[str], allowed: set[str]) -> list[str]:
    if text.startswith("/"):  # a path on this computer
        return []
    words = WORD.findall(IDENTIFIER.sub(" ", HASH.sub(" ", _plain(text))))
    keys = [w for w in words if "_" in w and w != w.upper()]
    found = [w for w in words if "_" not in w and w.lower() in (english | QT_WORDS) - vietnamese - NEUTRAL - allowed
             and not VIETNAMESE_LETTER.search(w) and not w.isupper()]
    return keys + found


def number_leaks(where: str, text: str, lang: str) -> list[str]:
    """A number box (spin box) or a chart's tick writing the other language's decimal mark: "30.00" or "0.8" in
    Vietnamese, "30,00" in English (other texts hold codes and versions such as 2025.2, which this cannot tell
    from numbers)."""
    if "SpinBox" not in where and not where.endswith(" tick"):
        return []
    other = r"\d\.\d" if lang == "vi" else r"\d,\d"
    return [f"decimal mark in {text!r}"] if re.search(other, text) else []


def vietnamese_leaks(text: str, vietnamese_only: set[str], vi_names: set[str]) -> list[str]:
    if text.startswith("/"):  # a path on this computer
        return []
    plain = QUOTED.sub(" ", _plain(text))
    hits = [w for w in WORD.findall(plain) if VIETNAMESE_LETTER.search(w) and w.lower() in vietnamese_only]
    hits += [name for name in vi_names if name in plain]
    keys = [w for w in WORD.findall(plain) if "_" in w and w != w.upper()]
    return hits + keys


def _view_texts(view: QAbstractItemView) -> list[str]:
    """Every row's text and tooltip (not only what is scrolled into view: a user scrolls)."""
    model = view.model()
    if model is None:
        return []
    texts = []
    root = QModelIndex()
    columns = 1 if isinstance(model, QAbstractListModel) else model.columnCount(root)
    for column in range(columns):
        texts.append(str(model.headerData(column, Qt.Orientation.Horizontal) or ""))
    for row in range(model.rowCount(root)):
        for column in range(columns):
            index = model.index(row, column)
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                value = index.data(role)
                if isinstance(value, str):
                    texts.append(value)
    return texts


def visible_texts(top: QWidget) -> list[tuple[str, str]]:
    """(where, text) for every text a user can read on `top` and its visible children."""
    found: list[tuple[str, str]] = [("title", top.windowTitle())]
    if isinstance(top, QMainWindow):
        for menu in top.menuBar().actions():
            found.append(("menu", menu.text()))
            found += [("menu item", a.text()) for a in menu.menu().actions()] if menu.menu() else []
        found += [("action", a.text()) for a in top.actions()]
        found += [("action tooltip", a.toolTip()) for a in top.actions()]
    for widget in [top, *top.findChildren(QWidget)]:
        if not widget.isVisibleTo(top) and widget is not top:
            continue
        name = f"{type(widget).__name__}:{widget.objectName()}"
        if widget.toolTip():
            found.append((name + " tooltip", widget.toolTip()))
        if isinstance(widget, (QLabel, QAbstractButton, PaintedText)):
            found.append((name, widget.text()))
        elif isinstance(widget, QGroupBox):
            found.append((name, widget.title()))
        elif isinstance(widget, QDockWidget):
            found.append((name, widget.windowTitle()))
        elif isinstance(widget, QLineEdit):
            found.append((name, widget.placeholderText()))
        elif isinstance(widget, QAbstractSpinBox):
            found.append((name, widget.text()))
        elif isinstance(widget, QComboBox):
            found += [(name, widget.itemText(i)) for i in range(widget.count())]
        elif isinstance(widget, QTabBar):
            found += [(name, widget.tabText(i)) for i in range(widget.count())]
        elif isinstance(widget, QAbstractItemView) and not isinstance(widget, QHeaderView):  # headers: in the view
            found += [(name, text) for text in _view_texts(widget)]
    found += chart_texts(top)
    return [(where, text) for where, text in found if text and text.strip()]


def chart_texts(top: QWidget) -> list[tuple[str, str]]:
    """What the visible pyqtgraph charts draw as text (not widgets): titles, axis labels and tick labels, legend
    entries (the chart keys) and text items, in every plot of a chart, layouts of several plots included."""
    try:
        import pyqtgraph as pg
    except ImportError:
        return []
    found = []
    for chart in top.findChildren(pg.GraphicsView):
        if not chart.isVisibleTo(top) or chart.scene() is None:
            continue
        name = f"chart:{chart.objectName() or type(chart).__name__}"
        for item in chart.scene().items():
            if not item.isVisible():
                continue
            if isinstance(item, pg.AxisItem):
                found.append((name + " axis", item.labelText))
                found += [(name + " tick", text) for text in _drawn_ticks(item)]
            elif isinstance(item, pg.LabelItem):  # titles and the legend's entries
                found.append((name + " label", item.text))
            elif isinstance(item, pg.TextItem):
                found.append((name + " text", item.toPlainText()))
    return found


def _drawn_ticks(axis) -> list[str]:  # type: ignore[no-untyped-def]  # a pyqtgraph AxisItem
    """The tick labels the axis draws now, set ones and the automatic numbers alike."""
    image = QImage(8, 8, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    try:
        specs = axis.generateDrawSpecs(painter)
    finally:
        painter.end()
    return [str(text) for _, _, text in specs[2]] if specs else []


def clipped_chart_titles(top: QWidget) -> list[str]:
    """Chart titles wider than their chart: pyqtgraph cuts them at the edge ("… in digital transformatio")."""
    try:
        import pyqtgraph as pg
    except ImportError:
        return []
    clipped = []
    for chart in top.findChildren(pg.GraphicsView):
        if not chart.isVisibleTo(top) or chart.scene() is None:
            continue
        titles = [item.titleLabel for item in chart.scene().items()
                  if isinstance(item, pg.PlotItem) and item.titleLabel.isVisible() and item.titleLabel.text]
        for title in titles:
            drawn = chart.mapFromScene(title.item.sceneBoundingRect()).boundingRect()
            if drawn.left() < 0 or drawn.right() > chart.viewport().width():
                clipped.append(_plain(title.text))
    return clipped


def cut_placeholders(top: QWidget) -> list[str]:
    """The grey hints of visible text fields that do not fit their field ("separated by com…")."""
    return [edit.placeholderText() for edit in top.findChildren(QLineEdit)
            if edit.isVisibleTo(top) and edit.placeholderText() and not edit.text()
            and edit.fontMetrics().horizontalAdvance(edit.placeholderText()) > edit.width() - 10]
