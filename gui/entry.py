"""The data-entry controller: one unit's questionnaire in one cycle.

A committed field is checked at once on the GUI thread (the same checks as an import), shown with the new
live score, pushed on the undo stack, and saved on the database lane within milliseconds (with its history
row). A value refused there too is put back. Nothing else writes: closing waits for the queue to drain."""

from __future__ import annotations

import datetime as dt
import logging
import time
from dataclasses import replace

from PySide6.QtCore import QObject, Signal

from assessment.entry_area import EntrySession, MissingItem
from assessment.model import Answer, EvidenceItem, Scorecard
from assessment.service import AssessmentService
from gui.tasks import TaskRunner

log = logging.getLogger(__name__)


class EntryController(QObject):
    opened = Signal(object)  # EntrySession
    scored = Signal(object)  # Scorecard
    refused = Signal(str, object)  # code, reason: [AnswerProblem] | Check | "read-only"
    accepted = Signal(str, object)  # code, Answer (on screen and queued for saving)
    saved = Signal(str)  # time of the last completed save, "HH:MM:SS"
    saving = Signal(int)  # saves queued
    failed = Signal(object)  # an exception for the error dialog
    status_changed = Signal(object)  # EntrySession after submit/reopen

    def __init__(self, service: AssessmentService, runner: TaskRunner) -> None:
        super().__init__()
        self.service, self.runner = service, runner
        self.session: EntrySession | None = None
        self.answers: dict[str, Answer] = {}
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

        def done(session: EntrySession) -> None:
            if generation != self.generation:
                return
            self.last_open_seconds = time.perf_counter() - started
            self._show(session)

        self.runner.db(lambda: service.entry.open(unit_code, year), done, self.failed.emit)

    def _show(self, session: EntrySession) -> None:
        self.session = session
        self.answers = dict(session.answers)
        self.undo_stack.clear()
        self.opened.emit(session)
        self.scored.emit(self.card())

    def card(self) -> Scorecard:
        assert self.session is not None
        return self.service.entry.score(self.session, self.answers)

    # ------------------------------------------------------------------------------------ editing

    def commit(self, code: str, answer: Answer) -> bool:
        """A field was left with a new value. Returns whether it was accepted."""
        if self.session is None or not self.session.editable:
            self.refused.emit(code, "read-only")
            return False
        reason, card = self.service.entry.evaluate(self.session, self.answers, answer)
        if reason is not None:
            self.refused.emit(code, reason)
            return False
        self.undo_stack.append((code, self.answers.get(code)))
        self._apply(code, answer, card)
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
        session, service, snapshot = self.session, self.service, dict(self.answers)
        self.queued += 1
        self.saving.emit(self.queued)

        def work() -> None:
            service.entry.save(session, snapshot, answer, who=service.user)

        def done(_result: object) -> None:
            self.queued -= 1
            self.saving.emit(self.queued)
            self.saved.emit(dt.datetime.now().strftime("%H:%M:%S"))
            if session is self.session and session.assessment is None:
                self._refresh_assessment()

        def failed(error: BaseException) -> None:
            self.queued -= 1
            self.saving.emit(self.queued)
            if session is self.session and self.answers.get(code) is answer:
                self.answers[code] = before or Answer(code)
                self.accepted.emit(code, self.answers[code])
                self.scored.emit(self.card())
            self.failed.emit(error)

        self.runner.db(work, done, failed)

    def _refresh_assessment(self) -> None:
        """After the first save created the assessment, learn its id and status (quietly)."""
        session, service = self.session, self.service
        assert session is not None

        def done(fresh: EntrySession) -> None:
            if self.session is session:
                self.session = replace(session, assessment=fresh.assessment)

        self.runner.db(lambda: service.entry.open(session.unit.code, session.year), done, log.warning)

    # ------------------------------------------------------------------------------------ evidence

    def add_evidence(self, code: str, item: EvidenceItem, file: object | None) -> None:
        session, service = self.session, self.service
        assert session is not None

        def work() -> Answer:
            service.entry.add_evidence(session.unit.code, session.year, code, item, file)
            fresh = service.entry.open(session.unit.code, session.year)
            return fresh.answers[code]

        def done(answer: Answer) -> None:
            if self.session is session:
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

    def _change_status(self, action) -> None:  # type: ignore[no-untyped-def]
        session, service = self.session, self.service
        assert session is not None

        def work() -> EntrySession:
            action(session)
            return service.entry.open(session.unit.code, session.year)

        def done(fresh: EntrySession) -> None:
            if self.session is session:
                self.session = fresh
                self.undo_stack.clear()
                self.status_changed.emit(fresh)

        self.runner.db(work, done, self.failed.emit)

    def flush(self, msecs: int = 30_000) -> bool:
        """Wait for queued saves (closing the window) and deliver their results."""
        from PySide6.QtCore import QCoreApplication

        finished = self.runner.wait(msecs)
        QCoreApplication.processEvents()
        return finished
