"""Replaying the audit trail against the tables it describes: folding every answer, evidence and appraisal row
of the trail gives what `answers`, `evidence` and `appraisals` must hold now. A table edited behind the app's
back (a direct UPDATE, a restored old copy of one table) no longer matches its trail, even when the chain itself
is intact. `first_mismatch` names the first difference by unit, cycle and indicator. Memory is the trail's folded state
(about one small dict per answer); the tables stream by.

What came before the trail (a database upgraded from schema 0001 counts what it held in the trail's first row)
cannot be replayed: answers that no trail row created are checked only on the fields the trail changed, and
their evidence is not checked.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field

from sqlalchemy.engine import Connection

from assessment.services.ports import ANSWER_COLUMNS

Key = tuple[int, str]  # (assessment id, indicator code)
_EMPTY = {"comment": "", "value_text": "", "not_applicable": False}


@dataclass
class _Answer:
    fields: dict[str, object] = field(default_factory=dict)
    created: bool = False  # a trail row created it (else it is older than the trail: only changes are known)


@dataclass
class Replayed:
    """What the trail says the tables hold."""

    answers: dict[Key, _Answer] = field(default_factory=dict)
    evidence: dict[Key, Counter[str]] = field(default_factory=dict)
    appraisals: dict[Key, float] = field(default_factory=dict)
    older_answers: bool = False  # the database held answers before the trail started

    def add(self, action: str, aid: int | None, code: str, old: str | None, new: str | None) -> None:
        """Fold one trail row (oldest first) into the state."""
        if action == "audit" and code == "start" and new:
            held = json.loads(new).get("held", {})
            self.older_answers = self.older_answers or bool(held.get("answers"))
            return
        if aid is None:
            return
        key = (int(aid), code)
        if action == "answer":
            state = self.answers.get(key)
            if state is None:
                state = self.answers[key] = _Answer(created=old is None)
            elif old is None:  # created again (cannot happen through the app): start over
                state.fields.clear()
            state.fields.update(json.loads(new) if new else {})
        elif action == "evidence":
            counts = self.evidence.setdefault(key, Counter())
            if new is not None:
                counts[_canonical(json.loads(new))] += 1
            if old is not None and new is None:
                counts[_canonical(json.loads(old))] -= 1
        elif action == "appraisal":
            points = json.loads(new)["points"] if new else None
            if points is None:
                self.appraisals.pop(key, None)
            else:
                self.appraisals[key] = float(points)


def _canonical(evidence: dict[str, object]) -> str:
    return json.dumps(evidence, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def _normal(fields: dict[str, object]) -> dict[str, object]:
    """An answer's fields with the empty ones left out, as a new answer's trail row words it."""
    out = {}
    for name, value in fields.items():
        if name == "not_applicable":
            value = bool(value)
        elif isinstance(value, int | float) and not isinstance(value, bool):
            value = float(value)
        if value is None or (name in _EMPTY and value == _EMPTY[name]):
            continue
        out[name] = value
    return out


def first_mismatch(connection: Connection, trail: Replayed) -> tuple[str, int]:
    """The first difference between the tables and the trail, worded "UNIT CYCLE CODE: what differs" and
    ordered by unit, cycle and indicator, with how many differences there are ("", 0 when none). Consumes the
    replayed answers (compared while the table streams by, so memory stays at the trail's state)."""
    names = {aid: (unit, cycle) for aid, unit, cycle in connection.exec_driver_sql(
        "SELECT a.id, u.code, a.cycle_year FROM assessments a JOIN units u ON u.id = a.unit_id").all()}
    first, count = None, 0
    for aid, code, text in _differences(connection, trail):
        count += 1
        found = (names.get(aid, (f"assessment {aid}", 0)), code, text)
        first = found if first is None or found < first else first
    if first is None:
        return "", 0
    (unit, cycle), code, text = first
    return f"{unit} {cycle} {code}: {text}", count


def _differences(connection: Connection, trail: Replayed) -> Iterator[tuple[int, str, str]]:
    yield from _evidence_differences(connection, trail)
    yield from _appraisal_differences(connection, trail)
    yield from _answer_differences(connection, trail)  # last: it empties trail.answers


def _answer_differences(connection: Connection, trail: Replayed) -> Iterator[tuple[int, str, str]]:
    rows = connection.exec_driver_sql(
        f"SELECT assessment_id, indicator_code, {', '.join(ANSWER_COLUMNS)} FROM answers")
    for row in rows:
        key = (int(row[0]), row[1])
        fields = dict(zip(ANSWER_COLUMNS, row[2:], strict=True))
        state = trail.answers.pop(key, None)
        if state is None:
            if not trail.older_answers:
                yield (*key, "the answer is in the table but no audit row wrote it")
            continue
        table, wanted = _normal(fields), _normal(state.fields)
        names = ANSWER_COLUMNS if state.created else tuple(state.fields)
        for name in names:
            if table.get(name) != wanted.get(name):
                yield (*key, f"answers.{name} is {table.get(name)!r}, the audit trail says {wanted.get(name)!r}")
                break
    for key in trail.answers:  # what the table did not have
        yield (*key, "the audit trail wrote this answer; it is missing from the table")


def _evidence_differences(connection: Connection, trail: Replayed) -> Iterator[tuple[int, str, str]]:
    held: dict[Key, Counter[str]] = {}
    for aid, code, number, date, summary, name, sha in connection.exec_driver_sql(
            "SELECT a.assessment_id, a.indicator_code, e.document_number, e.document_date, e.summary, e.file_name, "
            "e.file_sha256 FROM evidence e JOIN answers a ON a.id = e.answer_id").all():
        if isinstance(date, dt.date):
            date = date.isoformat()
        elif isinstance(date, str):
            date = date[:10]
        item = {"document_number": number, "document_date": date, "summary": summary, "file_name": name,
                "file_sha256": sha}
        held.setdefault((int(aid), code), Counter())[_canonical(item)] += 1
    for key in {*held, *trail.evidence}:
        state = trail.answers.get(key)
        if trail.older_answers and (state is None or not state.created):
            continue  # evidence of an answer older than the trail: its beginning is not in the trail
        have = +held.get(key, Counter())
        want = +trail.evidence.get(key, Counter())
        if have != want:
            extra, lost = sum((have - want).values()), sum((want - have).values())
            yield (*key, f"evidence: {extra} document(s) not in the audit trail, {lost} in the trail missing")


def _appraisal_differences(connection: Connection, trail: Replayed) -> Iterator[tuple[int, str, str]]:
    held = {(int(aid), code): float(points) for aid, code, points in connection.exec_driver_sql(
        "SELECT assessment_id, indicator_code, points FROM appraisals").all()}
    for key in {*held, *trail.appraisals}:
        if held.get(key) != trail.appraisals.get(key):
            yield (*key, f"appraised points are {held.get(key)!r}, the audit trail says {trail.appraisals.get(key)!r}")
