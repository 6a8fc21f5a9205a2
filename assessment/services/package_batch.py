"""A batch of packages checked and written at once (used by assessment.services.package_import).

Checking 126 packages one by one cost 126 × (five reads of the database, one scoring of the methodology for the
rules, another for the Submit check); writing them cost 126 transactions, each with its own writer lock, change
number and commit. Here the same checks run over the whole batch:

- `Held`: what the database holds for the batch's units (units, assessments, last imports, answers, notes), read
  in a few queries; `Inspector.classify` reads from it instead of asking per package.
- `content_refusals`: each package's answers against its methodology, all packages of one methodology and cycle
  in one answer matrix and one evaluation: the shape of every answer, the methodology's rules (checks) and, for a
  submission, the Submit completeness check. Row i of the matrix is package i; nothing in scoring mixes rows
  except a benchmark's best, which moves only points, and neither check reads points, so each package gets the
  verdict it would get alone.
- `write_batch`: the checked packages of a batch written in one transaction (bulk inserts, one audit append per
  kind of change).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from assessment.domain.answers import answer_problems, plausibility_problems
from assessment.domain.errors import PackageRejected
from assessment.domain.model import (
    Answer,
    AnswerType,
    Assessment,
    EvidenceItem,
    Indicator,
    Methodology,
    TargetSet,
    Unit,
)
from assessment.domain.workflow import RECEIVES_SUBMISSION, ReviewNote, Step
from assessment.exchange.package_format import PackageContent, PackageKind, receipt_why
from assessment.services.ports import PackageLogEntry, TrustedKey

if TYPE_CHECKING:
    from assessment.domain.scoring import BatchScores
    from assessment.service import AssessmentService

NUMERIC = (AnswerType.NUMBER, AnswerType.PERCENT, AnswerType.COUNT, AnswerType.BOOLEAN)
MISSING_SHOWN = 12  # missing items named in a rejection; the count says how many more


@dataclass
class Held:
    """What this database holds for the units and cycles of a batch of packages, read at one moment."""

    units: dict[str, Unit]
    assessments: dict[tuple[str, int], Assessment]
    last_applied: dict[tuple[str, int, str], str]
    answers: dict[int, list[Answer]]
    notes: dict[int, list[ReviewNote]]
    covered: set[int] = field(default_factory=set)  # id() of the packages it was read for
    refusals: dict[int, PackageRejected | None] = field(default_factory=dict)  # id(content) -> content verdict

    def add(self, other: Held) -> None:
        """What was read for more packages (a package checked alone after the batch)."""
        self.units.update(other.units)
        self.assessments.update(other.assessments)
        self.last_applied.update(other.last_applied)
        self.answers.update(other.answers)
        self.notes.update(other.notes)
        self.covered |= other.covered
        self.refusals.update(other.refusals)

    @classmethod
    def read(cls, service: AssessmentService, contents: Sequence[PackageContent]) -> Held:
        if not contents:
            return cls({}, {}, {}, {}, {})
        store = service.store
        units: dict[str, Unit] = {u.code: u for u in store.units()}
        assessments: dict[tuple[str, int], Assessment] = {}
        for cycle in sorted({c.manifest.cycle for c in contents}):
            assessments.update({(a.unit_code, a.cycle): a for a in store.assessments(cycle)})
        keys = [(c.manifest.unit_code, c.manifest.cycle, c.manifest.kind.value) for c in contents]
        ids = sorted({a.id for key in {(c.manifest.unit_code, c.manifest.cycle) for c in contents}
                      if (a := assessments.get(key)) is not None})
        return cls(units, assessments, store.packages.last_applied_of(keys), store.answers.of_many(ids),
                   store.review.notes_of(ids), {id(c) for c in contents})


def content_refusals(checked: Sequence[tuple[PackageContent, Unit, Methodology]], targets: TargetSet | None,
                     shapes: dict[tuple[int, str], PackageRejected | None]) -> dict[int, PackageRejected | None]:
    """id(content) -> why the package's content is refused (None: it passes). The checks and messages of a
    package checked alone: unknown codes, the shape and range of each answer, the methodology's rules, and a
    submission's completeness. `shapes` keeps the verdict on the codes, shapes and ranges of a package's answers
    per (id(content), methodology key): it reads nothing but the package and the methodology (both fixed: the
    methodology by its hash), so the check under the writer lock reuses the preview's; the rules and completeness,
    which read the unit and the targets, are evaluated again every time."""
    from assessment.domain.answer_matrix import build_matrix, long_from_answers
    from assessment.domain.scoring import ScoringContext, UnitColumns, score_and_check

    verdicts: dict[int, PackageRejected | None] = {}
    groups: dict[tuple[str, int], tuple[Methodology, list[tuple[PackageContent, Unit]]]] = {}
    for content, unit, methodology in checked:
        key = (id(content), methodology.key)
        if key not in shapes:
            try:
                _check_answers(content, methodology)
                shapes[key] = None
            except PackageRejected as exc:
                shapes[key] = exc
        if shapes[key] is not None:
            verdicts[id(content)] = shapes[key]
            continue
        groups.setdefault((methodology.key, content.manifest.cycle), (methodology, []))[1].append((content, unit))
    for (_, cycle), (methodology, members) in groups.items():
        matrix = build_matrix(methodology, len(members), long_from_answers([list(c.answers) for c, _ in members]))
        # no benchmark floor: it moves only a benchmark's points, which neither check reads
        scores, failures = score_and_check(methodology, UnitColumns.of([u for _, u in members]), matrix,
                                           ScoringContext(cycle, targets))
        broken: dict[int, PackageRejected] = {}
        for row, code, check in failures:  # the first check broken, in the methodology's order
            broken.setdefault(row, PackageRejected("content", f"{code}: {check.message.en} "
                                                              f"[{check.expression.source}]"))
        for row, (content, _) in enumerate(members):
            verdicts[id(content)] = broken.get(row) or (
                _incomplete(methodology, scores, row, content) if content.manifest.kind == PackageKind.SUBMISSION
                else None)
    return verdicts


def _check_answers(content: PackageContent, methodology: Methodology) -> None:
    codes = {i.code for i in methodology.indicators}
    for note in content.notes:
        if note.indicator_code not in codes:
            raise PackageRejected("content", f"a review note is about {note.indicator_code!r}, not an indicator "
                                             f"of {methodology.key}")
    for answer in content.answers:
        if answer.indicator_code not in codes:
            raise PackageRejected("content", f"{answer.indicator_code!r} is not an indicator of {methodology.key}")
        problem = shape_problem(methodology.indicator(answer.indicator_code), answer)
        if problem:
            raise PackageRejected("content", f"{answer.indicator_code}: {problem}")


def _incomplete(methodology: Methodology, scores: BatchScores, row: int, content: PackageContent
                ) -> PackageRejected | None:
    """The check the window's Submit makes (EntryArea.missing: everything that counts answered, required evidence
    attached), on row `row` of a scored batch: a package cannot submit what the form would refuse to."""
    answers: dict[str, Answer] = {a.indicator_code: a for a in content.answers}
    missing: list[str] = []
    for j, indicator in enumerate(methodology.indicators):
        counts = bool(scores.applicable[j, row] and scores.relevant[j, row])
        if counts and not scores.answered[j, row]:
            missing.append(f"{indicator.code} (answer)")
        elif counts and indicator.evidence.required and not answers[indicator.code].evidence:
            missing.append(f"{indicator.code} (evidence)")
    if not missing:
        return None
    more = f" and {len(missing) - MISSING_SHOWN} more" if len(missing) > MISSING_SHOWN else ""
    return PackageRejected("incomplete", f"the submission is incomplete: {len(missing)} item(s) missing: "
                                         f"{', '.join(missing[:MISSING_SHOWN])}{more}")


def shape_problem(indicator: Indicator, answer: Answer) -> str | None:
    """Whether the answer's fields fit its indicator's answer type (a form or a spreadsheet cannot get this
    wrong; a package can), then the same checks as every other way in."""
    kind = indicator.answer.type
    value, ratio = answer.value, answer.numerator is not None or answer.denominator is not None
    if kind != AnswerType.MULTI_CHOICE and answer.choices is not None:
        return f"a {kind.value} answer has no choices"
    if kind != AnswerType.RATIO and ratio:
        return f"a {kind.value} answer has no numerator or denominator"
    if kind in (*NUMERIC, AnswerType.RATIO, AnswerType.MULTI_CHOICE) and isinstance(value, str):
        return f"a {kind.value} answer is not text"
    if kind in (AnswerType.RATIO, AnswerType.MULTI_CHOICE) and value is not None:
        return f"a {kind.value} answer has no value"
    if kind in (AnswerType.CHOICE, AnswerType.TEXT, AnswerType.DATE) and isinstance(value, float):
        return f"a {kind.value} answer is not a number"
    if kind == AnswerType.DATE and isinstance(value, str):
        try:
            dt.date.fromisoformat(value)
        except ValueError:
            return f"{value[:40]!r} is not a date"
    # a value outside the plausible range comes only with the unit's confirmation (`confirmed: true`)
    problems = answer_problems(indicator, answer) or plausibility_problems(indicator, answer)
    return "; ".join(p.message for p in problems) if problems else None


# ------------------------------------------------------------------------------------------------ write


@dataclass(frozen=True)
class Checked:
    """A package checked again under the writer lock, to be written."""

    content: PackageContent
    outcome: str
    new_key: bool


def write_batch(service: AssessmentService, batch: Sequence[Checked], methodology_of: Mapping[str, Methodology],
                held: Held) -> dict[int, str]:
    """Write checked submissions in the caller's write transaction: the new keys, the assessments, every answer
    in one bulk write, evidence, replies, states and package log rows. id(content) -> what it changed."""
    from assessment.services.answers_area import answer_to_fields

    store, who = service.store, service.user
    keys = {item.content.manifest.signer: TrustedKey(item.content.manifest.signer, item.content.manifest.public_key,
                                                     item.content.fingerprint, "first-use")
            for item in batch if item.new_key}  # one per identity: two packages of one unit (two cycles)
    store.packages.trust_many(list(keys.values()), who=who)
    contents = [item.content for item in batch]
    ids = service.answers.ensure_assessments([(held.units[c.manifest.unit_code], c.manifest.cycle,
                                               methodology_of[c.manifest.methodology_key]) for c in contents])
    assessment_of = {id(c): ids[(c.manifest.unit_code, c.manifest.cycle)] for c in contents}
    stored = held.answers  # read under this transaction's lock, before anything of the batch was written
    records: list[dict[str, object]] = []
    wanted: dict[int, dict[str, Sequence[EvidenceItem]]] = {}
    for c in contents:
        aid = assessment_of[id(c)]
        incoming = {a.indicator_code: a for a in c.answers}
        here = {a.indicator_code: a for a in stored.get(aid, [])}
        cleared = [Answer(a.indicator_code) for code, a in here.items() if code not in incoming and not a.is_empty]
        records += [{"assessment_id": aid, "indicator_code": a.indicator_code, **answer_to_fields(a)}
                    for a in (*c.answers, *cleared)]
        wanted[aid] = {code: incoming[code].evidence if code in incoming else () for code in {*incoming, *here}}
    written = _write_answers(service, records)
    evidence = store.answers.sync_evidence_many(wanted, who=who, source="package")
    replies = {id(c): store.review.merge_notes(assessment_of[id(c)], c.notes, take="reply", who=who) if c.notes
               else 0 for c in contents}
    store.transition_many([(assessment_of[id(c)], c.manifest.state, RECEIVES_SUBMISSION,
                            receipt_why(c.manifest.package_id, c.manifest.signer), Step.RECEIVE_SUBMISSION.value)
                           for c in contents], who=who)
    store.packages.log_many([_log_entry(item) for item in batch], who=who)
    done = {}
    for c in contents:
        aid = assessment_of[id(c)]
        inserted, changed = written.get(aid, (0, 0))
        added, removed = evidence[aid]
        done[id(c)] = (f"{inserted} new, {changed} changed answers; evidence +{added} −{removed}; "
                       f"{replies[id(c)]} replies; now {c.manifest.state.value}")
    return done


def _write_answers(service: AssessmentService, records: list[dict[str, object]]) -> dict[int, tuple[int, int]]:
    """One bulk write of every record; (inserted, changed) per assessment, from the write's own comparison."""
    import pandas as pd

    from assessment.services.ports import ANSWER_COLUMNS

    frame = pd.DataFrame.from_records(records, columns=["assessment_id", "indicator_code", *ANSWER_COLUMNS])
    return dict(service.store.answers.write(frame, who=service.user, source="package").by_assessment or {})


def log_entry(content: PackageContent, outcome: str) -> PackageLogEntry:
    m = content.manifest
    return PackageLogEntry(m.package_id, "in", m.kind.value, m.unit_code, m.cycle, m.signer, content.fingerprint,
                           content.manifest_sha256, m.created_at, outcome, audit_head=m.audit_head)


def _log_entry(item: Checked) -> PackageLogEntry:
    return log_entry(item.content, item.outcome)
