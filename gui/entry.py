"""The data-entry controller: one unit's questionnaire in one cycle.

A committed field is checked at once on the GUI thread (the same checks as an import), shown with the new
live score, pushed on the undo stack, and saved on the database lane within milliseconds (with its history
row). A value refused there too is put back. Nothing else writes: closing waits for the queue to drain."""

from __future__ import annotations

import datetime as dt
import logging
import threading
import time
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from assessment.domain.errors import StaleAnswer
from assessment.domain.model import Answer, Assessment, EvidenceItem, Scorecard
from assessment.service import AssessmentService
from assessment.services.ports import NO_VERSION, WriteResult
from gui.tasks import TaskRunner

if TYPE_CHECKING:  # the entry area and its scoring are imported by the service when a unit is first opened
    from assessment.services.entry_area import EntrySession, MissingItem
    from assessment.services.live_entry import LiveEntry

log = logging.getLogger(__name__)


class VersionBook:
    """The version of each answer the form's values stand on. Saves read and advance it on the database lane,
    refreshes and conflict choices on the GUI thread; versions are change numbers, so only ever moving forward
    makes the order in which those arrive irrelevant."""

    def __init__(self, versions: dict[str, int]) -> None:
        self._versions, self._lock = dict(versions), threading.Lock()

    def get(self, code: str) -> int:
        with self._lock:
            return self._versions.get(code, NO_VERSION)

    def advance(self, code: str, version: int) -> None:
        with self._lock:
            if version > self._versions.get(code, NO_VERSION):
                self._versions[code] = version


class EntryController(QObject):
    opened = Signal(object)  # EntrySession
    scored = Signal(object)  # Scorecard
    refused = Signal(str, object)  # code, reason: [AnswerProblem] | Check | "read-only"
    accepted = Signal(str, object)  # code, Answer (on screen and queued for saving)
    reloaded = Signal(str, object)  # code, Answer: changed elsewhere, now on screen
    saved = Signal(str)  # time of the last completed save, "HH:MM:SS" (never while a conflict is open)
    saving = Signal(int)  # saves queued
    failed = Signal(object)  # an exception for the error dialog
    status_changed = Signal(object)  # EntrySession after submit/reopen
    conflicted = Signal(str, object, object)  # code, the user's Answer, StaleAnswer (what is stored now)
    status_written = Signal()  # a submit or withdrawal reached the database
    wrote = Signal(str, object, int, int, bool)  # code, Answer, version saved against, version now, written

    def __init__(self, service: AssessmentService, runner: TaskRunner) -> None:
        super().__init__()
        self.service, self.runner = service, runner
        self.session: EntrySession | None = None
        self.live: LiveEntry | None = None  # the live score kept between changes (only what a change affects moves)
        self.answers: dict[str, Answer] = {}
        self.versions = VersionBook({})
        self.token = object()  # one per unit shown: late results of another unit's saves are told apart by it
        self.in_flight: dict[str, int] = {}  # code -> saves queued for it
        self.conflicts: dict[str, StaleAnswer] = {}  # refused saves waiting for the user's choice
        self.is_being_edited: Callable[[str], bool] = lambda _code: False  # the window knows its editors
        self.undo_stack: list[tuple[str, Answer | None]] = []
        self.queued = 0
        self.generation = 0  # which open() a late result belongs to
        self.last_open_seconds = 0.0

    # ------------------------------------------------------------------------------------- opening

    def open(self, unit_code: str, year: int) -> None:
        """Load the unit's questionnaire on the database lane; `opened` fires on the GUI thread."""
        self.generation += 1
        generation, started = self.generation, time.perf_counter()
        service = self.service

        def load() -> tuple[EntrySession, LiveEntry]:  # the first live score too: not the GUI thread's work
            return service.entry.open_live(unit_code, year)

        def done(loaded: tuple[EntrySession, LiveEntry]) -> None:
            if generation != self.generation:
                return
            self.last_open_seconds = time.perf_counter() - started
            self._show(*loaded)

        self.runner.db(load, done, self.failed.emit)

    def _show(self, session: EntrySession, live: LiveEntry) -> None:
        self.session, self.live = session, live
        self.answers = dict(session.answers)
        self.versions = VersionBook(dict(session.versions))
        self.token = object()
        self.conflicts.clear()
        self.undo_stack.clear()
        self.opened.emit(session)
        self.scored.emit(live.card)

    def card(self) -> Scorecard:
        """The whole form scored again (answers reloaded, an undo, a save refused): kept for the next change."""
        assert self.session is not None
        self.live = self.service.entry.live(self.session, self.answers)
        return self.live.card

    # ------------------------------------------------------------------------------------ editing

    def commit(self, code: str, answer: Answer) -> bool:
        """A field was left with a new value. Returns whether it was accepted."""
        if self.session is None or not self.session.editable:
            self.refused.emit(code, "read-only")
            return False
        if self.live is None or self.live.session is not self.session or self.live.answers != self.answers:
            self.card()  # answers changed without a live score (never expected): score the whole form once
        assert self.live is not None
        reason, live = self.service.entry.change(self.live, answer)
        if reason is not None or live is None:
            self.refused.emit(code, reason)
            return False
        self.undo_stack.append((code, self.answers.get(code)))
        self.live = live  # rescored only where this answer reaches (assessment.domain.live_scoring)
        self._apply(code, answer, live.card)
        return True

    def undo(self) -> str | None:
        """Put back the value before the last change (saved like any change). Returns the indicator code."""
        if not self.undo_stack or self.session is None or not self.session.editable:
            return None
        code, previous = self.undo_stack.pop()
        self._apply(code, previous or Answer(code))
        return code

    def _apply(self, code: str, answer: Answer, card: Scorecard | None = None) -> None:
        assert self.session is not None
        before = self.answers.get(code)
        self.answers[code] = answer
        self.accepted.emit(code, answer)
        self.scored.emit(card or self.card())
        self._save(code, answer, before)

    def _save(self, code: str, answer: Answer, before: Answer | None) -> None:
        session, service, snapshot, book, token = self.session, self.service, dict(self.answers), self.versions, \
            self.token
        self.queued += 1
        self.in_flight[code] = self.in_flight.get(code, 0) + 1
        self.saving.emit(self.queued)

        def work() -> tuple[int, WriteResult]:
            # the version is read here, on the lane: an earlier save of the same field has advanced it by now
            expected = book.get(code)
            result = service.entry.save(session, snapshot, answer, who=service.user, version=expected)
            book.advance(code, result.version)
            return expected, result

        def landed() -> None:
            self.queued -= 1
            self.in_flight[code] -= 1
            self.saving.emit(self.queued)

        def done(outcome: tuple[int, WriteResult]) -> None:
            landed()
            expected, result = outcome
            self.wrote.emit(code, answer, expected, result.version, bool(result.inserted or result.changed))
            if not self.conflicts:  # "saved" only when nothing the user typed is waiting on a choice
                self.saved.emit(dt.datetime.now().strftime("%H:%M:%S"))
            if token is self.token and self.session.assessment is None:
                self._refresh_assessment()

        def failed(error: BaseException) -> None:
            landed()
            if isinstance(error, StaleAnswer) and token is self.token:
                # keep what the user typed on screen: the window shows both values and asks
                self.conflicts[code] = error
                self.conflicted.emit(code, answer, error)
                return
            if token is self.token and self.answers.get(code) is answer:
                self.answers[code] = before or Answer(code)
                self.accepted.emit(code, self.answers[code])
                self.scored.emit(self.card())
            self.failed.emit(error)

        # after the repaint of what was just accepted: the save's Python would hold the GIL that repaint needs
        self.runner.db_after_repaint(work, done, failed)

    # ----------------------------------------------------------------------------------- conflicts

    def keep_mine(self, code: str) -> None:
        """Save the user's value again, now against the version that refused it (the user has seen it)."""
        conflict = self.conflicts.pop(code, None)
        if conflict is None or self.session is None:
            return
        self.versions.advance(code, conflict.version)
        answer = self.answers.get(code, Answer(code))
        stored = {**self.answers, code: conflict.stored or Answer(code)}
        reason, _card = self.service.entry.evaluate(self.session, stored, answer)
        if reason is not None:  # no longer fits the other answers: the stored one stays
            self._take(code, conflict)
            self.refused.emit(code, reason)
            return
        self._apply(code, answer)  # the whole form scored again (and kept): a rare path

    def take_stored(self, code: str) -> None:
        """Drop the user's value for the one stored now."""
        conflict = self.conflicts.pop(code, None)
        if conflict is not None and self.session is not None:
            self._take(code, conflict)
            if not self.conflicts and not self.queued:
                self.saved.emit(dt.datetime.now().strftime("%H:%M:%S"))

    def _take(self, code: str, conflict: StaleAnswer) -> None:
        self.versions.advance(code, conflict.version)
        self.answers[code] = conflict.stored or Answer(code)
        self.reloaded.emit(code, self.answers[code])
        self.scored.emit(self.card())

    # ------------------------------------------------------------------------------------ refresh

    def refresh(self) -> None:
        """The database changed (here or in another process): read the unit's answers again on the database lane
        and show those that moved on. A field being typed, one with a save on its way and one waiting on a
        conflict choice keep what the user has; their save is checked against the version as in `_save`."""
        session, service, token = self.session, self.service, self.token
        if session is None:
            return

        def done(found: tuple[Assessment | None, dict[str, Answer], dict[str, int]]) -> None:
            if token is self.token:
                self._take_stored(*found)

        self.runner.db(lambda: service.entry.stored(session), done, log.warning)

    def _take_stored(self, assessment: Assessment | None, answers: dict[str, Answer], versions: dict[str, int]
                     ) -> None:
        assert self.session is not None
        moved, codes = False, {i.code for i in self.session.methodology.indicators}
        for code, answer in answers.items():
            if self.in_flight.get(code) or code in self.conflicts or code not in codes:
                continue
            newer = versions.get(code, NO_VERSION) > self.versions.get(code)
            mine = self.answers.get(code)
            if not newer and (mine is None or mine.evidence == answer.evidence):
                continue
            if newer and self.is_being_edited(code):
                continue
            if newer:
                self.versions.advance(code, versions[code])
                self.answers[code] = answer
            else:  # evidence attached elsewhere: the value on screen stays
                assert mine is not None  # an unchanged answer with nothing here was skipped above
                self.answers[code] = replace(mine, evidence=answer.evidence)
            self.reloaded.emit(code, self.answers[code])
            moved = True
        if assessment is not None and assessment.status != self.session.status:  # submitted, returned… elsewhere
            self.session = replace(self.session, assessment=assessment, answers=dict(self.answers))
            self.undo_stack.clear()
            self.status_changed.emit(self.session)
        elif assessment is not None and self.session.assessment is None:
            self.session = replace(self.session, assessment=assessment)
        if moved:
            self.scored.emit(self.card())

    def _refresh_assessment(self) -> None:
        """After the first save created the assessment, learn its id and status (quietly)."""
        session, service, token = self.session, self.service, self.token
        assert session is not None

        def done(fresh: EntrySession) -> None:
            if token is self.token and self.session is not None:
                self.session = replace(self.session, assessment=fresh.assessment)

        self.runner.db(lambda: service.entry.open(session.unit.code, session.year), done, log.warning)

    # ------------------------------------------------------------------------------------ evidence

    def add_evidence(self, code: str, item: EvidenceItem, file: object | None) -> None:
        session, service, token = self.session, self.service, self.token
        assert session is not None

        def work() -> Answer:
            service.entry.add_evidence(session.unit.code, session.year, code, item, file)
            fresh = service.entry.open(session.unit.code, session.year)
            return fresh.answers[code]

        def done(answer: Answer) -> None:
            if token is self.token:
                self.answers[code] = replace(self.answers.get(code, answer), evidence=answer.evidence)
                self.accepted.emit(code, self.answers[code])

        self.runner.db(work, done, self.failed.emit)

    # ------------------------------------------------------------------------------- submit, reopen

    def missing(self) -> list[MissingItem]:
        assert self.session is not None
        return self.service.entry.missing(self.session, self.answers)

    def submit(self) -> None:
        self._change_status(lambda s: self.service.entry.submit(s.unit.code, s.year))

    def reopen(self) -> None:
        self._change_status(lambda s: self.service.entry.reopen(s.unit.code, s.year))

    def _change_status(self, action: Callable[[EntrySession], object]) -> None:
        session, service, token = self.session, self.service, self.token
        assert session is not None

        def work() -> EntrySession:
            action(session)
            return service.entry.open(session.unit.code, session.year)

        def done(fresh: EntrySession) -> None:
            if token is self.token:
                self.session = fresh
                for code, version in fresh.versions.items():
                    self.versions.advance(code, version)
                self.undo_stack.clear()
                self.status_changed.emit(fresh)
                self.status_written.emit()  # the window's change hub: every view follows

        self.runner.db(work, done, self.failed.emit)

    def flush(self, msecs: int = 30_000) -> bool:
        """Wait for queued saves (closing the window) and deliver their results."""
        from PySide6.QtCore import QCoreApplication

        finished = self.runner.wait(msecs)
        QCoreApplication.processEvents()
        return finished
