"""The unit list tells units apart and counts what it shows; the window reopens the unit used last; a declared
not-applicable indicator shows no value that could read as if it counted."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.gui.conftest import open_unit


def _group_titles(window) -> list[str]:
    model = window.unit_filter
    return [model.index(r, 0).data() for r in range(model.rowCount())]


def test_group_counts_follow_the_filter(qtbot, window):
    assert any(t.startswith("Sở, ban, ngành (") and "/" not in t for t in _group_titles(window))
    qtbot.keyClicks(window.unit_search, "khoa hoc")
    titles = _group_titles(window)
    departments = next(t for t in titles if t.startswith("Sở, ban, ngành"))
    group = window.unit_filter.index(titles.index(departments), 0)
    shown = window.unit_filter.rowCount(group)
    assert departments.endswith(f"({shown}/{window.unit_model.rowCount(window.unit_model.index(1, 0))})")


def test_a_historical_unit_reads_differently_from_its_namesake(qtbot, window):
    window.cycle.setCurrentIndex(window.cycle.findData(2025))
    model = window.unit_model
    group = model.index(1, 0)
    rows = [model.index(r, 0, group) for r in range(model.rowCount(group))]
    science = [i for i in rows if "Sở Khoa học và Công nghệ (" in i.data()]
    assert len(science) == 2
    texts = sorted(i.data() for i in science)
    assert texts[0] != texts[1] and sum(t.startswith("đơn vị cũ · ") for t in texts) == 1  # the mark first
    old = next(i for i in science if "đơn vị cũ" in i.data())
    assert "không còn tồn tại trong chu kỳ" in old.data(Qt.ItemDataRole.ToolTipRole)
    assert "/" in old.data(Qt.ItemDataRole.ToolTipRole)  # dates as dd/mm/yyyy in Vietnamese


def test_the_unit_used_last_opens_at_the_next_start(qtbot, make_window, demo_db):
    first = make_window(demo_db)
    open_unit(qtbot, first, "SO_Y_TE", 2025)
    first.close()
    second = make_window(demo_db)
    qtbot.waitUntil(lambda: second.controller.session is not None, timeout=10_000)
    assert second.controller.session.unit.code == "SO_Y_TE"
    assert second.unit_tree.currentIndex().data(Qt.ItemDataRole.UserRole + 1) == "SO_Y_TE"


def test_an_indicator_that_does_not_apply_shows_no_old_value(qtbot, window):
    open_unit(qtbot, window, "00175", 2025)  # a commune whose stored KTS04 answer no longer applies
    card = window.controller.card()
    editor = window.form.editors["KTS04"]
    assert not next(i for i in card.indicators if i.code == "KTS04").applicable
    assert not window.controller.answers["KTS04"].is_empty  # the value is still stored
    window.form.goto_indicator("KTS04")
    qtbot.waitUntil(editor.isVisible, timeout=5_000)
    assert not any(widget.isVisible() for widget in [*editor.fields.values(), *editor.checks.values(),
                                                      *([editor.combo] if editor.combo else [])])
    assert "không áp dụng" in editor.points.text()
