"""The questionnaire fits its view: a long multiple-choice option (TCS02 of the 2025 commune form, long in
English) wraps inside its card instead of widening the form. At 1280 × 820 and at 1000 px wide, in both
languages, nothing needs sideways scrolling: every card's points and its evidence button are inside the view,
and every option shows all of its lines."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QApplication

from tests.gui.conftest import open_unit

COMMUNE, YEAR = "00070", 2025


def right_edge_in(widget, viewport) -> int:
    return widget.mapTo(viewport, QPoint(widget.width(), 0)).x()


def laid_out_form(qtbot, window, width: int):
    window.resize(width, 820)
    open_unit(qtbot, window, COMMUNE, YEAR)
    form = window.form
    qtbot.waitUntil(lambda: form.editors["TCS02"].score_shown is not None, timeout=10_000)
    for _ in range(3):  # height-for-width layouts settle over a few passes
        QApplication.processEvents()
    qtbot.wait(50)
    return form


@pytest.mark.parametrize("width", [1280, 1000])
@pytest.mark.parametrize("language", ["en", "vi"], indirect=True)
def test_no_card_needs_sideways_scrolling(qtbot, make_window, demo_db, language, width):
    window = make_window(demo_db)
    form = laid_out_form(qtbot, window, width)
    body, viewport, bar = form.scroll.widget(), form.scroll.viewport(), form.scroll.horizontalScrollBar()
    assert window.width() == width
    assert body.width() <= viewport.width(), "the form is wider than its view"
    assert not bar.isVisible() and bar.maximum() == 0, "a sideways scroll bar"
    cards = [e for e in form.editors.values() if e.isVisibleTo(body)]
    assert len(cards) > 40
    for card in cards:
        for what in (card.points, card.evidence):
            assert what.isVisibleTo(body), (card.code, what.text())
            assert right_edge_in(what, viewport) <= viewport.width(), (card.code, what.text())
        assert card.evidence.width() >= card.evidence.sizeHint().width(), (card.code, "its button text cut")


@pytest.mark.parametrize("width", [1280, 1000])
@pytest.mark.parametrize("language", ["en", "vi"], indirect=True)
def test_long_options_wrap_and_show_every_line(qtbot, make_window, demo_db, language, width):
    window = make_window(demo_db)
    form = laid_out_form(qtbot, window, width)
    viewport = form.scroll.viewport()
    for card in form.editors.values():
        for box in card.checks.values():
            assert right_edge_in(box, viewport) <= viewport.width(), box.text()
            assert box.height() >= box.heightForWidth(box.width()), f"{box.text()!r} cut off at the bottom"
    lines = [box.height() // box.fontMetrics().lineSpacing() for box in form.editors["TCS02"].checks.values()]
    assert max(lines) >= 2, "TCS02's longest option is on one line: this test no longer tests wrapping"
    for card in form.editors.values():  # a single choice: the list is narrower than its longest item
        if card.combo is not None and card.isVisibleTo(form.scroll.widget()):
            assert right_edge_in(card.combo, viewport) <= viewport.width(), card.code


@pytest.mark.parametrize("language", ["vi"], indirect=True)
def test_a_window_narrower_than_a_card_scrolls_sideways_rather_than_cutting_cards_off(qtbot, make_window, demo_db,
                                                                                       language):
    """The safety net: at the window's least width the form's view is narrower than a card can be."""
    window = make_window(demo_db)
    form = laid_out_form(qtbot, window, 700)
    body, viewport, bar = form.scroll.widget(), form.scroll.viewport(), form.scroll.horizontalScrollBar()
    assert body.width() > viewport.width()
    qtbot.waitUntil(lambda: bar.maximum() >= body.width() - viewport.width(), timeout=5_000)
    assert bar.isVisible()
