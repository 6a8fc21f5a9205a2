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


def test_a_unit_shown_again_is_kept_until_an_answer_is_written_elsewhere(demo_db):
    """The window flips between units (open_live): going back to one shown moments ago reads nothing again while the
    database is unchanged, and shows an answer another process wrote since."""
    from dataclasses import replace

    window_side, other_process = open_service(demo_db), open_service(demo_db)
    try:
        session, live = window_side.entry.open_live("00070", 2025)
        window_side.entry.open_live("00256", 2025)
        again, live_again = window_side.entry.open_live("00070", 2025)
        assert again is session and live_again is live  # nothing written: the same form, no rescoring
        assert live.card == window_side.entry.score(session, session.answers)  # the first live score is the form's
        theirs = other_process.entry.open("00070", 2025)
        code = next(c for c, a in theirs.answers.items() if isinstance(a.value, float))
        changed = replace(theirs.answers[code], comment="checked again by the district")
        other_process.entry.save(theirs, theirs.answers, changed, who="other", version=theirs.versions[code])
        fresh, fresh_live = window_side.entry.open_live("00070", 2025)
        assert fresh.answers[code].comment == "checked again by the district"
        assert fresh_live.answers[code].comment == "checked again by the district"
    finally:
        window_side.store.close()
        other_process.store.close()
