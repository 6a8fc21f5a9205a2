"""Real mouse clicks on the form: a click is never eaten by the form scrolling to follow the focus."""

from __future__ import annotations

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QApplication, QStyle, QStyleOptionButton

from tests.gui.conftest import open_unit, stored
from tests.gui.conftest import settle as saved
from tests.xdisplay.test_shortcuts import back_to_the_field
from tests.xdisplay.x11 import click, hover, press, settle


def test_clicking_a_checkbox_whose_card_header_is_out_of_view_ticks_and_saves_it(qtbot, window, demo_db):
    open_unit(qtbot, window, "SO_NOI_VU", 2025)
    editor = window.form.editors["HTS01"]
    code, box = next((c, b) for c, b in editor.checks.items() if not b.isChecked() and c != "-")
    back_to_the_field(qtbot, window, window.form.editors["NTS01"].fields["value"])  # the focus is elsewhere
    settle(qtbot)  # pending layouts done: positions are final
    body = window.form.scroll.widget()
    bar = window.form.scroll.verticalScrollBar()
    bar.setValue(box.mapTo(body, QPoint(0, 0)).y() - 20)  # the checkbox near the top, its card's header above
    qtbot.waitUntil(lambda: not editor.title.visibleRegion().boundingRect().height(), timeout=5_000)
    scrolled = bar.value()
    click(box)
    settle(qtbot, 300)
    assert bar.value() == scrolled, "the click scrolled the form"
    qtbot.waitUntil(lambda: box.isChecked(), timeout=5_000)
    assert QApplication.focusWidget() is box  # the focus moved, the form did not
    qtbot.waitUntil(lambda: code in (window.controller.answers["HTS01"].choices or ()), timeout=5_000)
    saved(qtbot, window)
    assert code in stored(demo_db, "SO_NOI_VU", 2025)["HTS01"].choices


def test_tab_into_a_card_out_of_view_still_scrolls_to_it(qtbot, window):
    """Following the focus stays for the keyboard: Shift+Tab back into a card above the view shows it."""
    open_unit(qtbot, window, "SO_NOI_VU", 2025)
    first = window.form.editors["NTS02"].fields["denominator"]
    back_to_the_field(qtbot, window, first)
    press("Tab")  # into NTS02's comment
    bar = window.form.scroll.verticalScrollBar()
    bar.setValue(bar.maximum())  # scrolled away: NTS02 is far above
    qtbot.waitUntil(lambda: not first.visibleRegion().boundingRect().height(), timeout=5_000)
    press("shift+Tab")
    qtbot.waitUntil(lambda: QApplication.focusWidget() is first, timeout=5_000)
    qtbot.waitUntil(lambda: first.visibleRegion().boundingRect().height() > 0, timeout=5_000)


def test_a_real_click_on_the_second_line_of_a_wrapped_option_ticks_and_saves_it(qtbot, window, demo_db):
    """A long option wraps inside its card (TCS02 of the commune form at 1000 px wide): its second line is as
    much the option as the box."""
    window.resize(1000, 820)
    open_unit(qtbot, window, "00070", 2025)
    editor = window.form.editors["TCS02"]
    qtbot.waitUntil(lambda: editor.score_shown is not None, timeout=10_000)
    settle(qtbot)
    line = lambda box: box.fontMetrics().lineSpacing()  # noqa: E731
    code, box = next((c, b) for c, b in editor.checks.items() if not b.isChecked() and b.height() >= 2 * line(b))
    window.form.scroll.ensureWidgetVisible(box, 0, 40)
    settle(qtbot)
    click(box, QPoint(box.width() // 4, line(box) * 3 // 2))  # on the second line's text
    qtbot.waitUntil(lambda: box.isChecked(), timeout=5_000)
    qtbot.waitUntil(lambda: code in (window.controller.answers["TCS02"].choices or ()), timeout=5_000)
    saved(qtbot, window)
    assert code in stored(demo_db, "00070", 2025)["TCS02"].choices


def test_hovering_the_second_line_of_a_wrapped_option_highlights_its_box(qtbot, window):
    """The pointer over any line of an option's text shows the box as hovered, as over a one-line check box."""
    window.resize(1000, 820)
    open_unit(qtbot, window, "00070", 2025)
    editor = window.form.editors["TCS02"]
    qtbot.waitUntil(lambda: editor.score_shown is not None, timeout=10_000)
    settle(qtbot)
    line = lambda box: box.fontMetrics().lineSpacing()  # noqa: E731
    box = next(b for b in editor.checks.values() if b.height() >= 2 * line(b))
    window.form.scroll.ensureWidgetVisible(box, 0, 40)
    settle(qtbot)

    def hovered() -> bool:
        option = QStyleOptionButton()
        box.initStyleOption(option)  # what its paintEvent draws with
        return bool(option.state & QStyle.StateFlag.State_MouseOver)

    hover(box, QPoint(box.width() // 4, line(box) * 3 // 2))  # over the second line's text
    qtbot.waitUntil(hovered, timeout=5_000)
    hover(window.form.editors["TCS02"].title)  # away from every option
    qtbot.waitUntil(lambda: not hovered(), timeout=5_000)
