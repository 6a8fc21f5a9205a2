"""Opening units one after another reads the active targets and the stored methodology once, until anything is
written to the database (by this process or another): then the next unit opened sees the change."""

from __future__ import annotations

from tests.conftest import open_service


def test_a_target_changed_elsewhere_reaches_the_next_unit_opened(demo_db):
    window_side, other_process = open_service(demo_db), open_service(demo_db)
    try:
        first = window_side.entry.open("00070", 2025)
        target = next(i.target_id for i in first.methodology.indicators if i.target_id)
        before = first.targets.get(target)
        assert window_side.entry.open("00256", 2025).targets is first.targets  # nothing written: kept
        other_process.targets.set_value(target, 2025, 77.0)
        after = window_side.entry.open("00256", 2025).targets.get(target)
        assert after != before and after.milestone_for(2025) == (2025, 77.0)
    finally:
        window_side.store.close()
        other_process.store.close()
