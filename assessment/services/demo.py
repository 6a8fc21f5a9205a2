"""The demo database: every reference unit, cycle 2024 (districts and departments, 2024 methodologies) and
cycle 2025 (communes and departments, 2025 methodologies), with plausible, deterministic synthetic answers,
and the city's own series 2022–2025 against Resolution 18's targets (domain/city_demo.py).

The data is marked as demo in the database (`dx_meta demo = true`) and every output shows it. Each unit
gets a latent maturity from a hash of its code, so the same seed always gives the same answers; a unit
assessed in both cycles improves a little from 2024 to 2025. Re-running it only fills blanks: a stored answer
(a person's edit included) is never changed, and every answer it writes passes the import rules.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from assessment.domain.demo_data import CITY_DEMO_CYCLES, DEMO_USER, WALKTHROUGH_COMMENT, synthetic_answers
from assessment.domain.errors import BadInput
from assessment.domain.model import (
    Answer,
    Methodology,
    TargetSet,
    Unit,
    UnitKind,
)
from assessment.services.ports import ANSWER_COLUMNS

if TYPE_CHECKING:
    from assessment.service import AssessmentService

DEMO_CYCLES = (2024, 2025)
@dataclass(frozen=True)
class DemoCycle:
    """What `demo` does (or did) to one cycle: answers are only ever created where none is stored."""

    year: int
    assessments: int  # units assessed in the cycle
    created: int  # demo answers written where the indicator had no answer
    kept: int  # answers already stored, left exactly as they are
    kept_differing: int  # of those, the ones that differ from the demo's own values (entered or changed by a person)
    left_alone: int  # assessments not open for editing (submitted, under review, appraised, locked): not filled


class DemoArea:
    """Builds the demo database and tops it up. It never changes or clears a stored answer: re-running it only
    fills indicators with no answer, in assessments still open for editing, and says so in numbers."""

    def __init__(self, service: AssessmentService) -> None:
        self.s = service

    def build(self, *, seed: int = 18, dry_run: bool = False) -> list[DemoCycle]:
        """Fill this (empty or demo) database with the demo cycles; `dry_run` only reports what it would do."""
        import pandas as pd

        from assessment.services.answers_area import answer_to_fields

        if self.s.store.assessments() and not self.s.is_demo:
            raise BadInput("this database holds real assessments; build the demo in a new file (--db demo.sqlite)")
        if not dry_run:
            self.s.initialise()
            self.s.store.set_meta("demo", "true")
        report = []
        for year in sorted(set(DEMO_CYCLES) | set(CITY_DEMO_CYCLES)):
            plan = self._plan(year, seed)
            fills = _consistent(plan, year, self.s.targets.active(), seed)
            created = sum(len(answers) for answers in fills.values())
            if not dry_run:
                ids = self.s.answers.ensure_assessments([(p.unit, year, p.methodology) for p in plan if p.open])
                records = [{"assessment_id": ids[(unit.code, year)], "indicator_code": a.indicator_code,
                            **answer_to_fields(a)} for unit, answers in fills.items() for a in answers]
                frame = pd.DataFrame.from_records(records, columns=["assessment_id", "indicator_code", *ANSWER_COLUMNS])
                created = self.s.store.answers.write(frame, who=DEMO_USER, source="demo", keep_existing=True).inserted
            report.append(DemoCycle(year, len(plan), created, sum(len(p.stored) for p in plan),
                                    sum(_differing(p, seed, year) for p in plan), sum(not p.open for p in plan)))
        if not dry_run:  # a few units ready to submit, with demo evidence: the walkthrough (demo_walkthrough.py)
            from assessment.services.demo_walkthrough import make_ready

            make_ready(self.s, seed)
        return report

    def _plan(self, year: int, seed: int) -> list[_UnitPlan]:
        from assessment.domain.workflow import EDITABLE

        existing = {a.unit_code: a for a in self.s.store.assessments(year)}
        plan = []
        for unit in self.s.units.list(active_in=year):
            if year not in (CITY_DEMO_CYCLES if unit.kind == UnitKind.CITY else DEMO_CYCLES):
                continue
            assessment = existing.get(unit.code)
            stored: dict[str, Answer]
            if assessment is None:
                methodology, stored, open_ = self.s.methodologies.for_unit(unit, year), {}, True
            else:
                methodology = self.s.methodologies.stored(assessment.methodology_id, assessment.methodology_version)
                stored = {a.indicator_code: a for a in self.s.answers.of(assessment.id)}
                open_ = assessment.status in EDITABLE
            plan.append(_UnitPlan(unit, methodology, stored, open_, self._own(methodology, unit, year, seed)))
        return plan

    def _own(self, methodology: Methodology, unit: Unit, year: int, seed: int) -> tuple[Answer, ...]:
        """The demo's own answers for a unit: synthetic, or the city's series against Resolution 18's targets."""
        if unit.kind == UnitKind.CITY:
            from assessment.domain.city_demo import city_answers

            return tuple(city_answers(methodology, unit, year, self.s.targets.active(),
                                      self.s.catalog.hanoi_dti_ranks(), seed))
        return tuple(synthetic_answers(methodology, unit, year, seed))


@dataclass(frozen=True)
class _UnitPlan:
    unit: Unit
    methodology: Methodology
    stored: dict[str, Answer]  # the answers already in the database (never changed)
    open: bool  # the assessment is absent or open for editing: blanks may be filled
    own: tuple[Answer, ...]  # the demo's own answers for the unit


def _differing(plan: _UnitPlan, seed: int, year: int) -> int:
    from assessment.services.answers_area import answer_to_fields

    if not plan.stored:
        return 0
    own: dict[str, dict[str, object]] = {a.indicator_code: answer_to_fields(a) for a in plan.own}
    return sum(own.get(code) != answer_to_fields(a) for code, a in plan.stored.items()
               if a.comment != WALKTHROUGH_COMMENT)


def _consistent(plan: list[_UnitPlan], year: int, targets: TargetSet, seed: int) -> dict[Unit, list[Answer]]:
    """The synthetic answers to create: only for indicators without a stored answer, in open assessments, and
    without those that would break a validation rule beside what is stored (as a form would refuse them)."""
    from assessment.domain.answer_matrix import build_matrix, long_from_answers
    from assessment.domain.scoring import ScoringContext, UnitColumns, failed_checks

    fills = {p.unit: [a for a in p.own if a.indicator_code not in p.stored] if p.open else [] for p in plan}
    by_methodology: dict[str, list[_UnitPlan]] = {}
    for p in plan:
        by_methodology.setdefault(p.methodology.key, []).append(p)
    for members in by_methodology.values():
        methodology, units = members[0].methodology, [p.unit for p in members]
        for _ in range(len(methodology.indicators)):  # each round drops at least one answer, or stops
            rows = [[*p.stored.values(), *fills[p.unit]] for p in members]
            matrix = build_matrix(methodology, len(units), long_from_answers(rows))
            broken = failed_checks(methodology, UnitColumns.of(units), matrix, ScoringContext(year, targets))
            drop = {(units[i].code, culprit) for i, code, check in broken
                    for culprit in _culprits(members[i], fills[units[i]], code, check.expression.references)}
            if not drop:
                break
            for unit in units:
                fills[unit] = [a for a in fills[unit] if (unit.code, a.indicator_code) not in drop]
    return fills


def _culprits(plan: _UnitPlan, fills: list[Answer], code: str, references: frozenset[str]) -> set[str]:
    """Which demo answers to drop for a broken check: its own indicator's when the demo made it, else the demo
    answers it reads (a stored answer is never the demo's to drop)."""
    new = {a.indicator_code for a in fills}
    return {code} if code in new else set(references) & new
