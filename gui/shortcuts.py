"""Window shortcuts win over the key bindings of the field being edited.

Before a key reaches the focused widget as a shortcut, Qt asks that widget (QEvent.ShortcutOverride) whether
it wants the key itself. A QLineEdit says yes to its own editing bindings, which differ per platform: on X11
Ctrl+U deletes the whole line, Ctrl+E moves to its end, Ctrl+D deletes a character, and everywhere Ctrl+Z is
the field's own undo. The README promises those keys to the window (find a unit, data entry, compare, undo),
so for every key sequence of one of the window's actions this filter refuses the override: the window's
action runs and the field keeps its text.

The filter sits only on the widget that has the focus (moved on every focus change), so no other widget's
events pass through Python."""

from __future__ import annotations

from contextlib import suppress

from PySide6.QtCore import QEvent, QKeyCombination, QObject, Qt
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

COMMAND_MODIFIERS = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier | \
    Qt.KeyboardModifier.MetaModifier


class WindowShortcutsFirst(QObject):
    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.window = window
        self.watched: QWidget | None = None
        app = QApplication.instance()
        if app is not None:
            app.focusChanged.connect(self._follow_focus)

    def sequences(self) -> set[QKeyCombination]:
        """The window's shortcuts now (its own actions and those of its menu bar), single-key ones only."""
        actions: list[QAction] = list(self.window.actions())
        if isinstance(self.window, QMainWindow):
            for entry in self.window.menuBar().actions():
                if entry.menu() is not None:
                    actions.extend(entry.menu().actions())
        found = set()
        for action in actions:
            for sequence in action.shortcuts():
                if sequence.count() == 1:
                    found.add(sequence[0])
        return found

    def _follow_focus(self, _old: QWidget | None, new: QWidget | None) -> None:
        if self.watched is not None:
            with suppress(RuntimeError):  # the widget was deleted meanwhile
                self.watched.removeEventFilter(self)
            self.watched = None
        if new is not None and new.window() is self.window:
            new.installEventFilter(self)
            self.watched = new

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent) \
                and event.modifiers() & COMMAND_MODIFIERS:  # plain typing never matches: no lookup per letter
            pressed = QKeyCombination(event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier,
                                      Qt.Key(event.key()))
            if pressed in self.sequences():
                event.ignore()  # the field does not claim the key: the shortcut map gives it to the action
                return True
        return False


def keypad_too(sequence: str) -> list[QKeySequence]:
    """"Ctrl+Return" and its keypad twin "Ctrl+Enter", as README's "Ctrl+Enter" means either key."""
    return [QKeySequence(sequence), QKeySequence(sequence.replace("Return", "Enter"))]
