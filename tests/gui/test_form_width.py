"""No card of the questionnaire is cut off on the right: a row that cannot wrap (a multiple-choice indicator's
long English option is one check box) widens the form beyond the window; the form then scrolls sideways instead
of hiding every card's points and buttons (the English 2025 commune form, TCS02, at 1280 × 820)."""

from __future__ import annotations

import pytest

from tests.gui.conftest import open_unit


@pytest.mark.parametrize("language", ["en", "vi"], indirect=True)
def test_every_card_can_be_read_to_its_right_edge(qtbot, make_window, demo_db, language):
    window = make_window(demo_db)
    window.resize(1280, 820)
    open_unit(qtbot, window, "00070", 2025)
    form = window.form
    qtbot.waitUntil(lambda: form.scroll.widget().width() > 0, timeout=5_000)
    body, viewport, bar = form.scroll.widget(), form.scroll.viewport(), form.scroll.horizontalScrollBar()
    qtbot.waitUntil(lambda: body.width() <= viewport.width() or bar.maximum() >= body.width() - viewport.width(),
                    timeout=5_000)
    if body.width() > viewport.width():  # wider than the window: the rest is a scroll away, never cut off
        assert bar.isVisible() and bar.maximum() >= body.width() - viewport.width()
