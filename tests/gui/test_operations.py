"""Named operations (gui/operations.py): a change made through one is announced, and the window's one change
signal fires at once, not at the next poll of the change counter."""

from __future__ import annotations

from gui.operations import OpChanges


def test_a_change_is_announced_and_every_view_hears_of_it_at_once(qtbot, window):
    hub = window.sync.hub
    hub.timer.setInterval(600_000)  # no poll of its own during the test: only the announcement can wake it
    hub.timer.start()
    qtbot.waitUntil(lambda: hub.seen is not None and not hub.busy, timeout=10_000)
    done: list[object] = []
    with qtbot.waitSignal(window.ops.performed, timeout=10_000) as performed, \
            qtbot.waitSignal(hub.changed, timeout=10_000):
        window.ops.change("digital-economy duty",
                          lambda: window.service.units.set_digital_economy_duty("SO_Y_TE", False),
                          OpChanges(units=True), done.append)
    assert performed.args[0] == "digital-economy duty" and performed.args[1].units
    assert done and done[0].digital_economy_duty is False


def test_a_failed_change_is_reported_and_announces_nothing(qtbot, window):
    failures: list[BaseException] = []
    announced: list[str] = []
    window.ops.performed.connect(lambda name, _changes: announced.append(name))
    window.ops.change("duty of a commune", lambda: window.service.units.set_digital_economy_duty("00070", True),
                      OpChanges(units=True), failed=failures.append)
    qtbot.waitUntil(lambda: bool(failures), timeout=10_000)
    assert "only departments" in str(failures[0]) and announced == []
