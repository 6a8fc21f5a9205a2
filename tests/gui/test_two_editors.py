"""Two editors on one unit (issue 11, "done when"): window A and window B, each with its own connection to the same
database file, make 200 random interleaved edits (seeded) to a few fields of one questionnaire, typed and left
with Return; a user answers each conflict dialog at a random moment, keeping theirs or taking the stored value.

At the end: the database equals a sequential replay of the accepted writes in commit order; each write was made
against the version the previous accepted write left (nothing overwritten unseen); every refused save was shown
to its user in a dialog; and both windows show what is stored."""

from __future__ import annotations

import random

from PySide6.QtCore import Qt

from assessment.domain.model import AnswerType
from gui.editors import number_text
from tests.conftest import open_service
from tests.gui.conftest import open_unit, settle

UNIT, YEAR, SEED, EDITS = "00070", 2025, 20261206, 200


def editable_codes(window) -> list[str]:  # type: ignore[no-untyped-def]
    """Number fields that no rule ties to another answer (each edit is valid on its own)."""
    methodology = window.controller.session.methodology
    referenced = {r for i in methodology.indicators for c in i.checks for r in c.expression.references}
    return [i.code for i in methodology.indicators
            if i.answer.type in (AnswerType.PERCENT, AnswerType.COUNT) and not i.checks and i.relevant_if is None
            and i.code not in referenced and window.form.editors[i.code].fields["value"].isEnabled()][:5]


def stored_state(db) -> tuple[dict, dict]:  # type: ignore[no-untyped-def]
    service = open_service(db)
    try:
        session = service.entry.open(UNIT, YEAR)
        return dict(session.answers), dict(session.versions)
    finally:
        service.store.close()


class Log:
    """What each window's user did and saw."""

    def __init__(self, window) -> None:  # type: ignore[no-untyped-def]
        self.attempts = self.errors = 0
        self.writes: list[tuple[str, float, int, int]] = []  # code, value, saved against, version now
        self.unchanged = 0
        self.shown_visible = 0
        window.controller.accepted.connect(self._attempt)
        window.controller.wrote.connect(self._wrote)
        window.controller.failed.connect(self._failed)
        window.controller.conflicted.connect(lambda code, *_: self._shown(window, code))

    def _attempt(self, _code, _answer) -> None:  # type: ignore[no-untyped-def]
        self.attempts += 1

    def _wrote(self, code, answer, expected, version, written) -> None:  # type: ignore[no-untyped-def]
        if written:
            self.writes.append((code, answer.value, expected, version))
        else:
            self.unchanged += 1

    def _failed(self, _error) -> None:  # type: ignore[no-untyped-def]
        self.errors += 1

    def _shown(self, window, code) -> None:  # type: ignore[no-untyped-def]
        # conflicted is connected after WindowSync's handler: the dialog is up when this runs
        if window.sync.dialogs[code].isVisible():
            self.shown_visible += 1


def answer_dialogs(qtbot, window, rng: random.Random, chance: float) -> None:  # type: ignore[no-untyped-def]
    for dialog in list(window.sync.dialogs.values()):
        if rng.random() < chance:
            button = dialog.keep if rng.random() < 0.5 else dialog.take
            qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def type_value(qtbot, window, code: str, value: int) -> None:  # type: ignore[no-untyped-def]
    line = window.form.editors[code].fields["value"]
    line.selectAll()
    qtbot.keyClicks(line, str(value))
    qtbot.keyClick(line, Qt.Key.Key_Return)


def test_two_windows_editing_one_unit_lose_nothing_unseen(qtbot, make_window, demo_db):
    windows = [make_window(demo_db), make_window(demo_db)]
    for window in windows:
        open_unit(qtbot, window, UNIT, YEAR)
    codes = editable_codes(windows[0])
    assert len(codes) >= 3
    initial, initial_versions = stored_state(demo_db)
    logs = [Log(w) for w in windows]
    rng = random.Random(SEED)
    for _ in range(EDITS):
        i = rng.randrange(2)
        window = windows[i]
        answer_dialogs(qtbot, window, rng, 0.5)
        type_value(qtbot, window, rng.choice(codes), rng.randint(0, 100))
        if rng.random() < 0.3:
            window.sync.hub.poll()
        if rng.random() < 0.5:
            qtbot.wait(rng.randint(1, 40))  # the lanes run, results come back: interleavings vary
    for _ in range(50):  # the users answer what is still open (keeping theirs may meet a newer change)
        for window in windows:
            settle(qtbot, window)
            answer_dialogs(qtbot, window, rng, 1.0)
        if not any(w.sync.dialogs or w.controller.queued for w in windows):
            break
    for window in windows:
        settle(qtbot, window)
    final, versions = stored_state(demo_db)

    writes = sorted((w for log in logs for w in log.writes), key=lambda w: w[3])
    assert len({w[3] for w in writes}) == len(writes)  # one version per write: a total commit order
    replay = {c: initial[c].value if c in initial else None for c in codes}
    replay_versions = {c: initial_versions.get(c, 0) for c in codes}
    for code, value, expected, version in writes:
        assert expected == replay_versions[code], f"{code} written over version {replay_versions[code]} unseen"
        replay[code], replay_versions[code] = value, version
    for code in codes:
        assert (final[code].value if code in final else None) == replay[code], code
        assert versions.get(code, 0) == replay_versions[code], code
    untouched = {c: a for c, a in initial.items() if c not in codes}
    assert {c: final[c] for c in untouched} == untouched

    attempts = sum(log.attempts for log in logs)
    accepted = sum(len(log.writes) + log.unchanged for log in logs)
    refused = attempts - accepted
    shown = sum(len(w.sync.shown) for w in windows)
    assert sum(log.errors for log in logs) == 0
    assert refused == shown == sum(log.shown_visible for log in logs) and refused > 0
    for window in windows:  # both windows end up showing what is stored
        window.sync.hub.poll()
        settle(qtbot, window)
        window.runner.wait()
        qtbot.waitUntil(lambda w=window: all(
            w.controller.answers[c].value == final[c].value
            and w.form.editors[c].fields["value"].text() == number_text(final[c].value) for c in codes if c in final),
            timeout=10_000)
        assert not window.controller.conflicts
    print(f"\ntwo editors, {EDITS} edits: {attempts} saves tried, {len(writes)} written, "
          f"{accepted - len(writes)} unchanged, {refused} refused as stale, {shown} shown to their user")
