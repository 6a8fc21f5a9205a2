"""Answer fields that fit a narrow card: a check box whose text wraps, a combo box that may be narrower than
its longest choice. Without them one long option set the width of the whole questionnaire.

A QCheckBox lays its text out on one line, so a long option (TCS02 of the 2025 commune form, in English)
made the whole questionnaire wider than its view. This is still a QCheckBox — one widget, one Tab stop, one
accessible object whose name is the full text; clicks, Space, the disabled state and `toggled` are Qt's own —
only its size (height for width) and its painting (the text wrapped beside the box) differ. A QComboBox's
least width is its longest item (a Vietnamese NLS02 choice: 480 px); here it is about 20 characters, and its
list still opens as wide as its items."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtGui import QPaintEvent, QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QSizePolicy,
    QStyle,
    QStyleOptionButton,
    QStyleOptionComboBox,
    QStyleOptionFocusRect,
    QStylePainter,
    QWidget,
)

TEXT_FLAGS = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap | \
    Qt.TextFlag.TextShowMnemonic
NARROWEST_TEXT = 12  # average characters: the least width the text is squeezed to before the form scrolls
FOCUS_MARGIN = 1  # room for the focus frame around the text


class WrappingCheckBox(QCheckBox):
    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self._laid_out: tuple[object, QRect] | None = None  # (width, text, font, style) and the text's rectangle
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    # ------------------------------------------------------------------------------------- geometry

    def _option(self, rect: QRect | None = None) -> QStyleOptionButton:
        option = QStyleOptionButton()
        self.initStyleOption(option)
        if rect is not None:
            option.rect = rect
        return option

    def _indicator_size(self) -> QSize:
        style = self.style()
        return QSize(style.pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth, None, self),
                     style.pixelMetric(QStyle.PixelMetric.PM_IndicatorHeight, None, self))

    def _text_left(self) -> int:
        """Where the text starts: the style's contents rectangle (past the box and its spacing)."""
        option = self._option(QRect(0, 0, 1000, 100))
        return self.style().subElementRect(QStyle.SubElement.SE_CheckBoxContents, option, self).left() + \
            FOCUS_MARGIN

    def _text_rect(self, width: int) -> QRect:
        """The text laid out in `width` pixels of widget: its bounding rectangle. Kept for the last width, text
        and font: layouts ask for it many times, and every repaint of the box (hover, focus) needs it."""
        key = (width, self.text(), self.font().key(), self.style().name())
        if self._laid_out is None or self._laid_out[0] != key:
            left = self._text_left()
            room = QRect(left, FOCUS_MARGIN, max(1, width - left - FOCUS_MARGIN), 1 << 20)
            self._laid_out = key, self.fontMetrics().boundingRect(room, int(TEXT_FLAGS), self.text())
        return QRect(self._laid_out[1])

    def _height_for_text(self, text_height: int) -> int:
        return max(self._indicator_size().height(), text_height) + 2 * FOCUS_MARGIN

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._height_for_text(self._text_rect(width).height())

    def sizeHint(self) -> QSize:
        """The text on one line when there is room for it."""
        one_line = self.fontMetrics().boundingRect(QRect(0, 0, 1 << 20, 1 << 20), int(TEXT_FLAGS), self.text())
        return QSize(self._text_left() + one_line.width() + FOCUS_MARGIN + 1,
                     self._height_for_text(one_line.height()))

    def minimumSizeHint(self) -> QSize:
        narrowest = self._text_left() + NARROWEST_TEXT * self.fontMetrics().averageCharWidth() + FOCUS_MARGIN
        width = min(narrowest, self.sizeHint().width())
        return QSize(width, self.heightForWidth(width))

    # ------------------------------------------------------------------------------------ behaviour

    def hitButton(self, pos: QPoint) -> bool:
        """A press on the box or on any line of its text toggles it (QCheckBox alone knows one line only)."""
        box, text = self._parts()
        return box.united(text).contains(pos)

    def _parts(self) -> tuple[QRect, QRect]:
        """(the box, level with the first line of text; the wrapped text), mirrored right to left if need be."""
        size = self._indicator_size()
        top = FOCUS_MARGIN + max(0, (self.fontMetrics().height() - size.height()) // 2)
        box, text = QRect(0, top, size.width(), size.height()), self._text_rect(self.width())
        direction = self.layoutDirection()
        return QStyle.visualRect(direction, self.rect(), box), QStyle.visualRect(direction, self.rect(), text)

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QStylePainter(self)
        option = self._option()
        box_rect, shown = self._parts()
        box = QStyleOptionButton(option)
        box.rect = box_rect
        painter.drawPrimitive(QStyle.PrimitiveElement.PE_IndicatorCheckBox, box)
        role = QPalette.ColorRole.WindowText
        painter.drawItemText(shown, int(TEXT_FLAGS), option.palette, self.isEnabled(), self.text(), role)
        if option.state & QStyle.StateFlag.State_HasFocus:
            focus = QStyleOptionFocusRect()
            focus.initFrom(self)
            focus.rect = shown.adjusted(-FOCUS_MARGIN, -FOCUS_MARGIN, FOCUS_MARGIN, FOCUS_MARGIN)
            focus.backgroundColor = option.palette.color(QPalette.ColorRole.Window)
            painter.drawPrimitive(QStyle.PrimitiveElement.PE_FrameFocusRect, focus)


NARROWEST_COMBO = 20  # average characters


class ShrinkableComboBox(QComboBox):
    """As wide as its longest choice when there is room; squeezed, it shows the start of the current one and
    an ellipsis (the list it opens stays as wide as its items)."""

    def minimumSizeHint(self) -> QSize:
        natural = super().minimumSizeHint()
        narrowest = NARROWEST_COMBO * self.fontMetrics().averageCharWidth() + 40  # + the arrow and the frame
        return QSize(min(natural.width(), narrowest), natural.height())

    def paintEvent(self, _event: QPaintEvent) -> None:
        """QComboBox's own painting (a list, not editable), with the current text elided rather than clipped."""
        painter = QStylePainter(self)
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        painter.drawComplexControl(QStyle.ComplexControl.CC_ComboBox, option)
        field = self.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, option,
                                            QStyle.SubControl.SC_ComboBoxEditField, self)
        option.currentText = self.fontMetrics().elidedText(option.currentText, Qt.TextElideMode.ElideRight,
                                                           field.width() - 2)
        painter.drawControl(QStyle.ControlElement.CE_ComboBoxLabel, option)
