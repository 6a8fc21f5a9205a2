"""Answers: import a spreadsheet all-or-nothing, export, and save one answer with its checks.

An import is checked completely before anything is written: units, cycles, methodologies, indicator codes,
every value, duplicates, and the methodology's validation rules over the merged answers of each
assessment. Every bad row is reported by row, column and reason.
"""

from __future__ import annotations

import difflib
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

import numpy as np

from assessment.domain.answer_matrix import CHOICE_SEPARATOR, build_matrix, long_from_answers
from assessment.domain.answers import (
    answer_problems,
    outside_plausible,
    parse_answer,
    plain_number,
    plausibility_problems,
)
from assessment.domain.errors import ImportRejected, InvalidAnswer, NotFound, Problem
from assessment.domain.model import Answer, AnswerType, Assessment, Indicator, Methodology, Unit
from assessment.domain.scoring import ScoringContext, UnitColumns, failed_checks
from assessment.domain.workflow import EDITABLE
from assessment.services.ports import ANSWER_COLUMNS, WriteResult

if TYPE_CHECKING:
    import pandas as pd

    from assessment.service import AssessmentService


@dataclass(frozen=True)
class ImportSummary:
    rows: int
    assessments: int
    result: WriteResult


Where = Callable[[str, str], None]  # reports a problem (column, message) in the row being read


@dataclass
class _Pending:
    """Answers parsed from the file for one assessment (unit × cycle)."""

    unit: Unit
    year: int
    methodology: Methodology
    assessment: Assessment | None
    answers: dict[str, tuple[Answer, int]]  # code -> (answer, file row)
    stored: dict[str, Answer] = field(default_factory=dict)  # what the assessment already holds


def answer_to_fields(answer: Answer) -> dict[str, object]:
    """An Answer as the stored columns (ANSWER_COLUMNS)."""
    number = answer.value if isinstance(answer.value, float) else None
    text = answer.value if isinstance(answer.value, str) else None
    choices = None if answer.choices is None else CHOICE_SEPARATOR.join(answer.choices)
    return {"value_number": number, "value_text": text, "numerator": answer.numerator,
            "denominator": answer.denominator, "choices": choices, "not_applicable": answer.not_applicable,
            "manual_points": answer.manual_points, "comment": answer.comment}


class AnswersArea:
    def __init__(self, service: AssessmentService) -> None:
        self.s = service

    # -------------------------------------------------------------------------------------- import

    def import_file(self, path: Path, *, who: str | None = None) -> ImportSummary:
        frame = self.s.catalog.read_answers(path)
        file = str(path)
        problems: list[Problem] = []
        seen = self.s.store.change_number()  # what the checks below read is the database as of this number
        pending = self._parse_rows(frame, file, problems)
        if not problems:
            self._check_rules(pending, file, problems)
        _refuse(problems, file)
        result = self._write(list(pending.values()), who or self.s.user, "import", file, seen)
        return ImportSummary(len(frame), len(pending), result)

    def _parse_rows(self, frame: pd.DataFrame, file: str, problems: list[Problem]) -> dict[tuple[str, int], _Pending]:
        units: dict[str, Unit] = {u.code: u for u in self.s.store.units()}
        existing = {(a.unit_code, a.cycle): a for a in self.s.store.assessments()}
        pending: dict[tuple[str, int], _Pending] = {}
        refused: set[tuple[str, int]] = set()
        # An answers file's columns are named by text: its cells as text, `row` the row number in the file.
        for record in cast("list[dict[str, Any]]", frame.to_dict("records")):
            row = int(record["row"])
            where = lambda column, message: problems.append(Problem(file, row, column, message))  # noqa: B023, E731
            unit = self._unit(record["unit_code"], units, where)
            year = _year(record["cycle"], where)
            if unit is None or year is None:
                continue
            key = (unit.code, year)
            if key not in pending and key not in refused:
                target = self._open_assessment(unit, year, existing.get(key), where)
                if target is None:
                    refused.add(key)
                    continue
                pending[key] = target
            if key in refused:
                continue
            self._parse_cells(pending[key], record, row, where)
        return pending

    def _unit(self, code: str, units: dict[str, Unit], where: Where) -> Unit | None:
        if not code:
            where("unit_code", "empty")
            return None
        unit = units.get(code)
        if unit is None:
            padded = code.zfill(5) if code.isdigit() else ""
            hint = f" (did you mean {padded!r}? spreadsheets drop leading zeros)" if padded in units else ""
            where("unit_code", f"unknown unit {code!r}{hint}")
        return unit

    def _open_assessment(self, unit: Unit, year: int, assessment: Assessment | None, where: Where
                         ) -> _Pending | None:
        from assessment.domain.cycles import cycle_day

        if assessment is not None:
            if assessment.status not in EDITABLE:
                where("cycle", f"the {year} assessment of {unit.code} is {assessment.status.value}: read-only")
                return None
            methodology = self.s.methodologies.stored(assessment.methodology_id, assessment.methodology_version)
            stored: dict[str, Answer] = {a.indicator_code: a for a in self.of(assessment.id)}
            return _Pending(unit, year, methodology, assessment, {}, stored)
        if not unit.active_on(cycle_day(year)):
            span = f"{unit.valid_from or '…'} – {unit.valid_until or '…'}"
            where("cycle", f"unit {unit.code} ({unit.name.vi}) did not exist in cycle {year} (valid {span})")
            return None
        try:
            methodology = self.s.methodologies.for_unit(unit, year)
        except NotFound as exc:
            where("cycle", exc.message)
            return None
        return _Pending(unit, year, methodology, None, {})

    def _parse_cells(self, target: _Pending, record: dict[str, Any], row: int, where: Where) -> None:
        code = record["indicator_code"]
        try:
            indicator = target.methodology.indicator(code)
        except KeyError:
            close = difflib.get_close_matches(code, [i.code for i in target.methodology.indicators], n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            where("indicator_code", f"{code!r} is not an indicator of {target.methodology.key}{hint}")
            return
        if code in target.answers:
            where("indicator_code", f"{code} for {target.unit.code} {target.year} is also on row "
                                    f"{target.answers[code][1]}")
            return
        answer, bad = parse_answer(indicator, record)
        for problem in bad:
            where(problem.field, f"{code}: {problem.message}")
        previous = target.stored.get(code)
        implausible = plausibility_problems(indicator, answer, previous) if answer is not None and not bad else []
        for problem in implausible:
            where(problem.field, f"{code}: {problem.message}; if it is right, put 1 in the confirmed column")
        if answer is not None and not bad and not implausible:
            # The file carries the unit's answer; an appraiser's manual points stay as they are.
            if previous is not None:
                answer = replace(answer, manual_points=previous.manual_points)
            target.answers[code] = (answer, row)

    def _check_rules(self, pending: dict[tuple[str, int], _Pending], file: str, problems: list[Problem]) -> None:
        """Run each methodology's validation rules over existing + imported answers, batch by batch."""
        groups: dict[tuple[str, int], list[_Pending]] = defaultdict(list)
        for p in pending.values():
            groups[(p.methodology.key, p.year)].append(p)
        for members in groups.values():
            methodology, year = members[0].methodology, members[0].year
            merged = [self._merged_answers(p) for p in members]
            matrix = build_matrix(methodology, len(members), long_from_answers(merged))
            context = ScoringContext(year, self.s.targets.active())
            for i, code, check in failed_checks(methodology, UnitColumns.of([p.unit for p in members]), matrix,
                                                context):
                p = members[i]
                row = p.answers[code][1] if code in p.answers else next(
                    (r for c, (_, r) in p.answers.items() if c in check.expression.references), None)
                if row is not None:
                    problems.append(Problem(file, row, "value", f"{code}: {check.message.en} "
                                                                f"({check.message.vi}) [{check.expression.source}]"))

    def _merged_answers(self, pending: _Pending) -> list[Answer]:
        merged = dict(pending.stored)
        merged.update({code: answer for code, (answer, _) in pending.answers.items()})
        return list(merged.values())

    def _recheck(self, pending: list[_Pending], file: str, seen: int) -> None:
        """Under the writer lock, before writing: if another writer committed since the checks read the database
        (`seen`, the change number then), read each assessment again (state, stored answers, appraisers' manual
        points) and run the rules over what is stored now. Two imports each valid alone can break a rule
        together (NTS02's denominator must equal NTS01); the second one is refused whole."""
        if self.s.store.change_number() == seen + 1:  # this transaction's own number: nobody wrote in between
            return
        problems: list[Problem] = []
        for p in pending:
            found = self.s.store.assessments(p.year, unit_code=p.unit.code)
            if not found:
                continue
            row = min((r for _, r in p.answers.values()), default=None)
            if found[0].status not in EDITABLE:
                problems.append(Problem(file, row, "cycle", f"the {p.year} assessment of {p.unit.code} is "
                                                            f"{found[0].status.value} now: read-only"))
                continue
            p.assessment, p.stored = found[0], {a.indicator_code: a for a in self.of(found[0].id)}
            for code, (answer, line) in p.answers.items():
                previous = p.stored.get(code)
                p.answers[code] = (replace(answer, manual_points=previous.manual_points if previous else None), line)
        if not problems:
            self._check_rules({(p.unit.code, p.year): p for p in pending}, file, problems)
        if problems and not file:  # one answer from the window or a script
            raise InvalidAnswer(next(iter(pending[0].answers)), "; ".join(pr.message for pr in problems))
        _refuse(problems, file, " (the database changed while it was checked)")

    def _write(self, pending: list[_Pending], who: str, source: str, file: str = "", seen: int | None = None
               ) -> WriteResult:
        def write() -> WriteResult:
            if seen is not None:
                self._recheck(pending, file, seen)
            if file:  # the file as one event in the audit trail; each answer it changes gets its own row too
                from assessment.services.ports import AuditEvent

                self.s.store.audit.record([AuditEvent("import", Path(file).name, None, {
                    "file": file, "assessments": len(pending), "answers": sum(len(p.answers) for p in pending)},
                    source="import")], who=who)
            assessment_ids = self.ensure_assessments([(p.unit, p.year, p.methodology) for p in pending])
            if len(pending) == 1 and len(pending[0].answers) == 1:  # the window's autosave: no pandas here
                ((code, (answer, _)),) = pending[0].answers.items()
                key = (pending[0].unit.code, pending[0].year)
                return self.s.store.answers.write_one(assessment_ids[key], code, answer_to_fields(answer), who=who,
                                                      source=source)
            import pandas as pd  # imports and exports only: ~0.35 s to import, kept off the window's save path

            records = [{"assessment_id": assessment_ids[(p.unit.code, p.year)], "indicator_code": code,
                        **answer_to_fields(answer)}
                       for p in pending for code, (answer, _) in p.answers.items()]
            frame = pd.DataFrame.from_records(records, columns=["assessment_id", "indicator_code", *ANSWER_COLUMNS])
            return self.s.store.answers.write(frame, who=who, source=source)

        # One transaction: a crash never leaves new assessments without the answers that came with them.
        return self.s.store.atomically(write)

    def ensure_assessments(self, items: list[tuple[Unit, int, Methodology]]) -> dict[tuple[str, int], int]:
        """Assessment ids for (unit, cycle), creating cycles, stored methodologies and assessments as needed."""
        ids: dict[tuple[str, int], int] = {}
        by_year: dict[int, list[tuple[str, int]]] = defaultdict(list)
        pks: dict[str, int] = {}
        for unit, year, methodology in items:
            if methodology.key not in pks:
                pks[methodology.key] = self.s.methodologies.register(methodology)
            by_year[year].append((unit.code, pks[methodology.key]))
        for year, pairs in by_year.items():
            self.s.store.ensure_cycle(year)
            for code, assessment_id in self.s.store.ensure_assessments(year, pairs).items():
                ids[(code, year)] = assessment_id
        return ids

    # ------------------------------------------------------------------------------ single answers

    def of(self, assessment_id: int) -> list[Answer]:
        return self.s.store.answers.of(assessment_id)

    def save(self, *, unit_code: str, year: int, answer: Answer, who: str | None = None) -> WriteResult:
        """Save one answer after the same checks as an import; raises InvalidAnswer and keeps the old value."""
        unit = self.s.units.get(unit_code)
        found = self.s.store.assessments(year, unit_code=unit_code)
        if found:
            assessment = found[0]
            if assessment.status not in EDITABLE:
                raise InvalidAnswer(answer.indicator_code, f"the assessment is {assessment.status.value}: read-only")
            methodology = self.s.methodologies.stored(assessment.methodology_id, assessment.methodology_version)
        else:
            assessment, methodology = None, self.s.methodologies.for_unit(unit, year)
        try:
            indicator = methodology.indicator(answer.indicator_code)
        except KeyError:
            raise InvalidAnswer(answer.indicator_code, f"not an indicator of {methodology.key}") from None
        seen = self.s.store.change_number()  # before reading: a write after it makes the lane re-check
        stored: dict[str, Answer] = {a.indicator_code: a for a in self.of(assessment.id)} if assessment else {}
        bad = answer_problems(indicator, answer) or plausibility_problems(indicator, answer,
                                                                          stored.get(answer.indicator_code))
        if bad:
            raise InvalidAnswer(answer.indicator_code, "; ".join(f"{p.field}: {p.message}" for p in bad))
        pending = _Pending(unit, year, methodology, assessment, {answer.indicator_code: (answer, 0)}, stored)
        merged = self._merged_answers(pending)
        matrix = build_matrix(methodology, 1, long_from_answers([merged]))
        for _, code, check in failed_checks(methodology, [unit], matrix, ScoringContext(year, self.s.targets.active())):
            if code == answer.indicator_code or answer.indicator_code in check.expression.references:
                raise InvalidAnswer(answer.indicator_code, f"{check.message.en} ({check.message.vi})")
        return self._write([pending], who or self.s.user, "entry", seen=seen)

    # -------------------------------------------------------------------------------------- export

    def export_frame(self, *, year: int | None = None, unit_code: str | None = None) -> pd.DataFrame:
        """Answers in the import file's columns (re-importable)."""
        rows = []
        for assessment in self.s.store.assessments(year, unit_code=unit_code):
            methodology = self.s.methodologies.stored(assessment.methodology_id, assessment.methodology_version)
            order = {i.code: n for n, i in enumerate(methodology.indicators)}
            for answer in sorted(self.of(assessment.id), key=lambda a: order.get(a.indicator_code, 10**6)):
                indicator = methodology.indicator(answer.indicator_code) if answer.indicator_code in order else None
                rows.append(_export_row(assessment, answer, indicator))
        columns = ["unit_code", "cycle", "indicator_code", "value", "numerator", "denominator", "choice",
                   "not_applicable", "comment", "confirmed"]
        import pandas as pd

        return pd.DataFrame(rows, columns=columns)


def _refuse(problems: list[Problem], file: str, why: str = "") -> None:
    if problems:
        problems.sort(key=lambda p: p.line or 0)
        bad_rows = len({p.line for p in problems})
        raise ImportRejected(f"{file}: {len(problems)} problem(s) in {bad_rows} row(s){why}; nothing was imported",
                             problems)


def _year(text: str, where: Where) -> int | None:
    try:
        year = int(float(text))
    except (ValueError, OverflowError):  # "abc", "inf"
        where("cycle", f"{text!r} is not a year" if text else "empty")
        return None
    if not 2000 <= year <= 2100:
        where("cycle", f"{year} is not a plausible cycle year")
        return None
    return year


def format_number(value: float | None) -> str:
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return ""
    return plain_number(float(value))  # never '2.345' (ambiguous on the way back in) nor '1e+20'


def _export_row(assessment: Assessment, answer: Answer, indicator: Indicator | None) -> dict[str, object]:
    kind = indicator.answer.type if indicator is not None else None
    value, choice = "", ""
    if kind == AnswerType.MULTI_CHOICE:
        choice = "-" if answer.choices == () else ";".join(answer.choices or ())
    elif kind == AnswerType.CHOICE:
        choice = str(answer.value or "")
    elif isinstance(answer.value, float):
        value = format_number(answer.value)
    elif answer.value is not None:
        value = answer.value
    return {"unit_code": assessment.unit_code, "cycle": assessment.cycle, "indicator_code": answer.indicator_code,
            "value": value, "numerator": format_number(answer.numerator),
            "denominator": format_number(answer.denominator), "choice": choice,
            "not_applicable": "1" if answer.not_applicable else "", "comment": answer.comment,
            # stored outside the plausible range = confirmed when it was stored (assessment.domain.answers)
            "confirmed": "1" if indicator is not None and outside_plausible(indicator, answer) else ""}
