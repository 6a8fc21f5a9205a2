"""Data entry for one unit in one cycle: open the questionnaire, score it live, check completeness, attach
evidence, submit (or resubmit a returned assessment) and reopen (withdraw a submission before its review
starts). The window calls these through `service.entry`; every write goes through the same checks as an import
(assessment.services.answers_area), and states follow assessment.domain.workflow."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar, cast

from assessment.domain.answer_matrix import build_matrix, long_from_answers
from assessment.domain.answers import AnswerProblem
from assessment.domain.errors import BadInput, InvalidAnswer, NotFound
from assessment.domain.model import (
    Answer,
    Assessment,
    AssessmentStatus,
    Check,
    EvidenceItem,
    Methodology,
    Rule,
    Scorecard,
    TargetSet,
    Unit,
)
from assessment.domain.scoring import ScoringContext, UnitColumns
from assessment.domain.text_limits import clean_text
from assessment.domain.workflow import EDITABLE, Step, transition
from assessment.services.kept_files import keep_file, kept_file
from assessment.services.ports import NO_VERSION, WriteResult

T = TypeVar("T")
OPENED_KEPT = 8  # forms kept opened and scored (open_live): flipping between a few units reads one number

if TYPE_CHECKING:
    from assessment.domain.answer_matrix import AnswerMatrix
    from assessment.domain.scoring import BatchScores
    from assessment.service import AssessmentService
    from assessment.services.live_entry import LiveEntry


@dataclass(frozen=True)
class EntrySession:
    """What the form needs to show one unit's questionnaire for one cycle."""

    unit: Unit
    year: int
    methodology: Methodology
    assessment: Assessment | None  # None until the first answer is saved
    answers: Mapping[str, Answer]
    benchmark_floor: Mapping[tuple[str, str], float]
    targets: TargetSet  # read once: live scoring never touches the database
    versions: Mapping[str, int] = field(default_factory=dict)  # the version of each answer read (see save)

    @property
    def status(self) -> AssessmentStatus:
        return self.assessment.status if self.assessment else AssessmentStatus.DRAFT

    @property
    def editable(self) -> bool:
        return self.status in EDITABLE


@dataclass(frozen=True)
class MissingItem:
    """Something submit needs: an answer, or evidence for an answered indicator."""

    code: str
    pillar: str
    what: str  # "answer" | "evidence"


class EntryArea:
    def __init__(self, service: AssessmentService) -> None:
        self.s = service
        self._podiums: dict[tuple[str, int], dict[tuple[str, str], list[tuple[float, str]]]] = {}
        self._reads: tuple[int, dict[object, object]] = (-1, {})  # see _kept
        self._opened: dict[tuple[str, int], tuple[object, EntrySession, LiveEntry]] = {}  # see open_live

    def cycles(self) -> list[int]:
        """Cycles the window offers: those in the database and every year a shipped methodology covers."""
        import datetime as dt

        years = set(self.s.cycles())
        this_year = dt.date.today().year
        for m in self.s.methodologies.available():
            years.update(range(m.cycle_from, (m.cycle_to or this_year) + 1))
        return sorted(y for y in years if y <= this_year)

    def open(self, unit_code: str, year: int) -> EntrySession:
        from assessment.domain.cycles import cycle_day

        unit = self.s.units.get(unit_code)
        found = self.s.store.assessments(year, unit_code=unit_code)
        assessment = found[0] if found else None
        if assessment is not None:
            ident, version = assessment.methodology_id, assessment.methodology_version
            methodology = self._kept(("methodology", ident, version),
                                     lambda: self.s.methodologies.stored(ident, version))
            stored, versions = self.s.store.answers.of_versioned(assessment.id)
            answers: dict[str, Answer] = {a.indicator_code: a for a in stored}
        else:
            if not unit.active_on(cycle_day(year)):
                raise NotFound(f"{unit.name.vi} did not exist in cycle {year}")
            methodology, answers, versions = self.s.methodologies.for_unit(unit, year), {}, {}
        floor = self.peer_floor(methodology, year, unit)
        targets = self._kept("targets", self.s.targets.active)
        return EntrySession(unit, year, methodology, assessment, answers, floor, targets, versions)

    def open_live(self, unit_code: str, year: int) -> tuple[EntrySession, LiveEntry]:
        """`open` and the form's first `live` score, for a window showing a unit. The last few are kept while
        nothing they were read from can have changed: the database's change counter has not moved (any write, by
        any process) and the same methodologies are offered. Going back to a unit shown moments ago then reads one
        number instead of four tables and scoring 47 indicators again."""
        stamp = (self.s.change_number(), tuple(map(id, self.s.methodologies.available())))
        kept = self._opened.pop((unit_code, year), None)
        if kept is None or kept[0] != stamp:  # (a write after the stamp was read: the next call reads again)
            session = self.open(unit_code, year)
            kept = (stamp, session, self.live(session, dict(session.answers)))
        self._opened[(unit_code, year)] = kept  # the most recent last
        while len(self._opened) > OPENED_KEPT:
            del self._opened[next(iter(self._opened))]
        return kept[1], kept[2]

    def _kept(self, key: object, read: Callable[[], T]) -> T:
        """What only a write can change (the active targets, a stored methodology), read again once the database's
        change counter has moved (one primary-key read instead of two table reads per unit opened)."""
        number = self.s.change_number()
        if self._reads[0] != number:
            self._reads = (number, {})
        kept = self._reads[1]
        if key not in kept:
            kept[key] = read()
        return cast(T, kept[key])  # stored under this key by `read` just above

    def stored(self, session: EntrySession) -> tuple[Assessment | None, dict[str, Answer], dict[str, int]]:
        """What the database holds now for the session's unit and cycle: its assessment (state), answers and
        their versions (a window refreshing its form after a change made elsewhere)."""
        found = self.s.store.assessments(session.year, unit_code=session.unit.code)
        if not found:
            return None, {}, {}
        stored, versions = self.s.store.answers.of_versioned(found[0].id)
        return found[0], {a.indicator_code: a for a in stored}, versions

    def peer_floor(self, methodology: Methodology, year: int, unit: Unit) -> dict[tuple[str, str], float]:
        """For benchmark indicators: the best value among the unit's peers (itself excluded) in the cycle.
        The two best values per indicator are cached per methodology and cycle: switching units is instant."""
        if not any(i.scoring.rule == Rule.BENCHMARK for i in methodology.indicators):
            return {}
        key = (methodology.key, year)
        if key not in self._podiums:
            self._podiums[key] = self._podium(methodology, year)
        floor = {}
        for (kind, code), podium in self._podiums[key].items():
            if kind == unit.kind.value:
                floor[(kind, code)] = next((value for value, holder in podium if holder != unit.code), 0.0)
        return floor

    def forget_peers(self) -> None:
        """Peers' answers changed (an import): recompute benchmark bests on next use."""
        self._podiums.clear()
        self._opened.clear()

    def _podium(self, methodology: Methodology, year: int) -> dict[tuple[str, str], list[tuple[float, str]]]:
        from assessment.domain.rules import benchmark_competitors, measured_values

        podium: dict[tuple[str, str], list[tuple[float, str]]] = {}
        for batch in self.s.scores.batches(year):
            if batch.methodology.key != methodology.key:
                continue
            eligible = batch.scores.applicable & batch.scores.relevant & batch.scores.answered
            for j, indicator in enumerate(batch.methodology.indicators):
                if indicator.scoring.rule != Rule.BENCHMARK:
                    continue
                values = measured_values(indicator, batch.matrix, j).tolist()
                competes = benchmark_competitors(indicator, batch.matrix, j, eligible[j]).tolist()
                for unit, value, ok in zip(batch.units, values, competes, strict=True):
                    if ok and value == value:
                        entry = podium.setdefault((unit.kind.value, indicator.code), [])
                        entry.append((max(value, 0.0), unit.code))
                        entry.sort(reverse=True)
                        del entry[2:]
        return podium

    def score(self, session: EntrySession, answers: Mapping[str, Answer]) -> Scorecard:
        """The live score of the form's answers (the same scoring code as the CLI; no rank)."""
        return self._evaluate(session, answers)[0]

    def check(self, session: EntrySession, answers: Mapping[str, Answer], answer: Answer
              ) -> list[AnswerProblem] | Check | None:
        """Why `answer` cannot join the form's other answers: its own problems, or the methodology rule it
        breaks (None: it can). No database access; the window words the reason in its language."""
        return self.evaluate(session, answers, answer)[0]

    def evaluate(self, session: EntrySession, answers: Mapping[str, Answer], answer: Answer
                 ) -> tuple[list[AnswerProblem] | Check | None, Scorecard | None]:
        """One pass for a changed field: the reason it is refused (or None) and, if accepted, the new score."""
        problems = _own_problems(session, answers, answer)
        if problems:
            return problems, None
        card, failures = self._evaluate(session, {**answers, answer.indicator_code: answer})
        broken = _broken_by(answer, failures)
        return (broken, None) if broken is not None else (None, card)

    def _refusal(self, session: EntrySession, answers: Mapping[str, Answer], answer: Answer,
                 checked: Mapping[str, Answer] | None = None) -> list[AnswerProblem] | Check | None:
        """`evaluate`'s reason without its scorecard (a save needs only the verdict). `checked`: answers already
        found, with `answer`, to break no rule; the same answers again are not scored a second time."""
        problems = _own_problems(session, answers, answer)
        if problems:
            return problems
        together = {**answers, answer.indicator_code: answer}
        if checked is not None and together == checked:
            return None
        return _broken_by(answer, self._failures(session, together))

    def live(self, session: EntrySession, answers: Mapping[str, Answer]) -> LiveEntry:
        """The form's live score kept for the next change (assessment.services.live_entry); `.card` is what
        `score` gives."""
        from assessment.services.live_entry import live_entry

        return live_entry(session, answers)

    def change(self, live: LiveEntry, answer: Answer) -> tuple[list[AnswerProblem] | Check | None, LiveEntry | None]:
        """`evaluate` for a form whose live score is kept: rescores only the indicators `answer` can affect."""
        from assessment.services.live_entry import live_change

        return live_change(live, answer)

    def _evaluate(self, session: EntrySession, answers: Mapping[str, Answer]
                  ) -> tuple[Scorecard, list[tuple[str, Check]]]:
        from assessment.services.scorecards import BatchColumns, ScoredBatch, make_scorecard

        methodology = session.methodology
        matrix, scores, failures = self._scored(session, answers)
        assessment = session.assessment or Assessment(0, session.unit.code, session.year, methodology.id,
                                                      methodology.version, AssessmentStatus.DRAFT)
        batch = ScoredBatch(methodology, [assessment], [session.unit], matrix, scores)
        card = make_scorecard(batch, BatchColumns(batch), 0, session.year, 0, 0, session.targets, {})
        return card, failures

    def _failures(self, session: EntrySession, answers: Mapping[str, Answer]) -> list[tuple[str, Check]]:
        return self._scored(session, answers)[2]

    def _scored(self, session: EntrySession, answers: Mapping[str, Answer]
                ) -> tuple[AnswerMatrix, BatchScores, list[tuple[str, Check]]]:
        from assessment.domain.scoring import score_and_check

        matrix = build_matrix(session.methodology, 1, long_from_answers([list(answers.values())]))
        context = ScoringContext(session.year, session.targets, session.benchmark_floor)
        scores, failures = score_and_check(session.methodology, UnitColumns.of([session.unit]), matrix, context)
        return matrix, scores, [(code, check) for _, code, check in failures]

    def save(self, session: EntrySession, answers: Mapping[str, Answer], answer: Answer, *, who: str,
             version: int | None = None) -> WriteResult:
        """The window's autosave of one accepted field: the same checks again (the form is not trusted), the
        assessment created on the first answer, one row and its history written.

        `version` is the version of the answer the editor started from (session.versions, or what the last save
        returned; NO_VERSION for none). In one write transaction, under the writer lock: if the stored answer
        has moved on since, StaleAnswer (carrying the stored answer) and nothing is written; else the methodology's
        rules are checked over the answers stored now, not the form's (another writer may have changed the ones
        this answer is checked against). None skips the version check (scripts that mean to overwrite)."""
        refusal = self._refusal(session, answers, answer)
        if refusal is not None:
            raise InvalidAnswer(answer.indicator_code, _reason(refusal))
        checked = {**answers, answer.indicator_code: answer}
        return self.s.store.atomically(lambda: self._save_locked(session, answer, who, version, checked))

    def _save_locked(self, session: EntrySession, answer: Answer, who: str, version: int | None,
                     checked: Mapping[str, Answer]) -> WriteResult:
        from assessment.services.answers_area import answer_to_fields

        code, fields = answer.indicator_code, answer_to_fields(answer)
        found = self.s.store.assessments(session.year, unit_code=session.unit.code)
        if found and found[0].status not in EDITABLE:
            raise InvalidAnswer(code, f"the assessment is {found[0].status.value}: read-only")
        if found:
            assessment_id = found[0].id
        else:
            ids = self.s.answers.ensure_assessments([(session.unit, session.year, session.methodology)])
            assessment_id = ids[(session.unit.code, session.year)]
        stored, versions = self.s.store.answers.of_versioned(assessment_id)
        if version is not None and versions.get(code, NO_VERSION) != version:
            # moved on: refused with the stored answer (or written, if it is already what the user typed)
            return self.s.store.answers.write_one(assessment_id, code, fields, who=who, source="entry",
                                                  expected_version=version)
        # the rules again over what is stored now; scored again only where that differs from the form's answers
        refusal = self._refusal(session, {a.indicator_code: a for a in stored}, answer, checked)
        if refusal is not None:
            raise InvalidAnswer(code, f"{_reason(refusal)} (checked against the answers stored now)")
        return self.s.store.answers.write_one(assessment_id, code, fields, who=who, source="entry",
                                              expected_version=version)

    def missing(self, session: EntrySession, answers: Mapping[str, Answer]) -> list[MissingItem]:
        """What stops a submission: unanswered indicators that count, and required evidence not attached."""
        card = self.score(session, answers)
        items = []
        for indicator, result in zip(session.methodology.indicators, card.indicators, strict=True):
            if result.missing:
                items.append(MissingItem(indicator.code, indicator.pillar, "answer"))
            elif (indicator.evidence.required and result.applicable and result.relevant and result.answered
                  and not answers[indicator.code].evidence):
                items.append(MissingItem(indicator.code, indicator.pillar, "evidence"))
        return items

    def submit(self, unit_code: str, year: int, why: str = "") -> Assessment:
        """Submit a draft (draft → submitted) or resubmit a returned assessment (returned → resubmitted, which also
        needs a reply to each of the inspector's latest comments). Everything that counts must be answered."""
        why = clean_text(why, "why", where="the reason")
        session = self.open(unit_code, year)
        if session.assessment is None:
            raise BadInput("nothing to submit: no answer has been saved yet")
        step = Step.RESUBMIT if session.status == AssessmentStatus.RETURNED else Step.SUBMIT
        rule = transition(step, session.status, why)
        missing = self.missing(session, session.answers)
        if missing:
            codes = ", ".join(f"{m.code} ({m.what})" for m in missing[:12])
            raise BadInput(f"{len(missing)} item(s) still missing: {codes}")
        if step == Step.RESUBMIT:
            unanswered = self.s.appraisal.unanswered(session.assessment.id)
            if unanswered:
                raise BadInput(f"reply to each comment before resubmitting: {', '.join(unanswered[:12])}")
        return self.s.store.transition(session.assessment.id, rule.target, rule.sources, who=self.s.user, why=why,
                                       step=step.value)

    def reopen(self, unit_code: str, year: int, why: str = "") -> Assessment:
        """Withdraw a submission for editing before its review starts (submitted → draft). Later states go back
        through the review: the inspector returns the assessment with comments, or unlocks it with a reason."""
        why = clean_text(why, "why", where="the reason")
        found = self.s.store.assessments(year, unit_code=unit_code)
        if not found:
            raise BadInput("only a submitted assessment can be reopened")
        rule = transition(Step.WITHDRAW, found[0].status, why)
        return self.s.store.transition(found[0].id, rule.target, rule.sources, who=self.s.user,
                                       why=why or "reopened for editing", step=Step.WITHDRAW.value)

    def add_evidence(self, unit_code: str, year: int, code: str, item: EvidenceItem,
                     file: Path | None = None) -> EvidenceItem:
        """Attach evidence to a saved answer; a file is copied next to the database under its SHA-256. Everything
        is checked before anything is written or copied: the assessment open for editing, the indicator answered,
        the file a readable file within the size a package carries."""
        item = evidence_checked(item, file.name if file is not None else item.file_name, where=code)
        assessment = self._editable_assessment(unit_code, year, code)
        if file is not None:
            _check_evidence_file(file, code)
            digest = keep_file(file, self.s.store.files_dir())
            item = EvidenceItem(item.document_number, item.document_date, item.summary, item.file_name, digest)
        evidence_id = self.s.store.answers.add_evidence(assessment.id, code, item, who=self.s.user)
        return EvidenceItem(item.document_number, item.document_date, item.summary, item.file_name,
                            item.file_sha256, evidence_id)

    def remove_evidence(self, unit_code: str, year: int, code: str, evidence_id: int, why: str = "") -> EvidenceItem:
        """Remove one evidence item (audited); its file stays in the files folder: other items, other
        assessments or the audit trail's history may name the same SHA-256."""
        why = clean_text(why, "why", where="the reason")
        assessment = self._editable_assessment(unit_code, year, code)
        return self.s.store.answers.remove_evidence(assessment.id, code, evidence_id, who=self.s.user, why=why)

    def _editable_assessment(self, unit_code: str, year: int, code: str) -> Assessment:
        """The unit's assessment in the cycle, open for editing, with `code` one of its answered indicators."""
        self.s.units.get(unit_code)
        found = self.s.store.assessments(year, unit_code=unit_code)
        if not found:
            raise NotFound(f"{unit_code} has no assessment in cycle {year}: answer {code} before attaching evidence")
        assessment = found[0]
        if assessment.status not in EDITABLE:
            raise BadInput(f"the assessment of {unit_code} {year} is {assessment.status.value}: read-only")
        methodology = self.s.methodologies.stored(assessment.methodology_id, assessment.methodology_version)
        if code not in {i.code for i in methodology.indicators}:
            raise NotFound(f"{methodology.id} {methodology.version} has no indicator {code!r}")
        if code not in {a.indicator_code for a in self.s.store.answers.of(assessment.id)}:
            raise BadInput(f"{code} has no answer yet: answer it before attaching evidence")
        return assessment

    def evidence_file(self, item: EvidenceItem) -> Path | None:
        return kept_file(self.s.store.files_dir(), item.file_sha256)


def evidence_checked(item: EvidenceItem, file_name: str | None, *, where: str) -> EvidenceItem:
    """The evidence's texts as stored (text_limits: NFC, no control characters, within the limits)."""
    return dataclasses.replace(
        item, document_number=clean_text(item.document_number, "document_number", where=f"{where}: document number"),
        summary=clean_text(item.summary, "evidence_summary", where=f"{where}: summary"),
        file_name=None if file_name is None else clean_text(file_name, "file_name", where=f"{where}: file name"))


MAX_EVIDENCE_BYTES = 200 << 20  # the largest evidence file a package carries (storage.package_file's entry limit)


def _check_evidence_file(file: Path, code: str) -> None:
    """A file that exists, is a regular file, can be read, and that a package can carry."""
    where = f"{code}: evidence file {file}"
    try:
        if not file.is_file():
            raise BadInput(f"{where}: {'is a folder' if file.is_dir() else 'does not exist'}")
        size = file.stat().st_size
        with open(file, "rb"):
            pass
    except OSError as exc:
        raise BadInput(f"{where}: cannot be read ({exc.strerror or exc})") from None
    if size > MAX_EVIDENCE_BYTES:
        raise BadInput(f"{where}: {size / 2**20:,.0f} MB is too big (at most {MAX_EVIDENCE_BYTES >> 20} MB, "
                       "the largest file a package carries)")


def _reason(refusal: list[AnswerProblem] | Check) -> str:
    return refusal.message.en if isinstance(refusal, Check) else "; ".join(p.message for p in refusal)


def _own_problems(session: EntrySession, answers: Mapping[str, Answer], answer: Answer) -> list[AnswerProblem]:
    """What is wrong with `answer` itself: its type and range, or an unconfirmed implausible change from the
    answer it replaces in `answers`."""
    from assessment.domain.answers import answer_problems, plausibility_problems

    indicator = session.methodology.indicator(answer.indicator_code)
    return answer_problems(indicator, answer) or \
        plausibility_problems(indicator, answer, answers.get(answer.indicator_code))


def _broken_by(answer: Answer, failures: list[tuple[str, Check]]) -> Check | None:
    """The first broken rule that `answer` takes part in (rules it does not read are not its fault)."""
    for code, check in failures:
        if code == answer.indicator_code or answer.indicator_code in check.expression.references:
            return check
    return None
