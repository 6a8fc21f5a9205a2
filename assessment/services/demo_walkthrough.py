"""Demo units ready to submit, so the whole exchange can be tried at once: submit → package → import → review →
return → reply → appraise → lock (README, "A walk through the demo").

The demo's synthetic answers leave a few indicators blank (and drop those that would break a rule), and attach
no evidence. For the units in WALKTHROUGH_UNITS the demo then answers every indicator that counts with a value
that passes the methodology's rules, and attaches demo-marked evidence (document number DEMO-…, the demo mark in
the summary, one small text file saying it is demo data) to every answer that requires it. Like the rest of the
demo, nothing stored is changed: only blanks are filled, only in assessments open for editing.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from assessment.domain.demo_data import DEMO_MARK, DEMO_USER, WALKTHROUGH_COMMENT, maturity, synthetic_answers
from assessment.domain.errors import DxError
from assessment.domain.model import Answer, AnswerType, EvidenceItem, Indicator, IndicatorCode

if TYPE_CHECKING:
    from assessment.service import AssessmentService
    from assessment.services.entry_area import EntrySession

WALKTHROUGH_YEAR = 2025
WALKTHROUGH_UNITS = ("00082", "00226", "SO_GDDT")  # two wards and a department, ready to submit
DEMO_FILE_TEXT = f"{DEMO_MARK}\nTài liệu minh họa của dữ liệu mẫu dxscore: không phải văn bản thật.\n" \
                 "An illustrative document of dxscore's demo data: not a real document.\n"


def make_ready(service: AssessmentService, seed: int = 18) -> list[str]:
    """Complete the walkthrough units (answers, then evidence); returns the codes that are now ready."""
    ready = []
    known = {u.code for u in service.units.list(active_in=WALKTHROUGH_YEAR)}
    with tempfile.TemporaryDirectory(prefix="dxscore-demo-") as folder:
        document = Path(folder) / "tai-lieu-mau.txt"
        document.write_text(DEMO_FILE_TEXT, encoding="utf-8")
        for code in (c for c in WALKTHROUGH_UNITS if c in known):
            if _complete(service, code, document, seed):
                ready.append(code)
    return ready


def _complete(service: AssessmentService, code: str, document: Path, seed: int) -> bool:
    session = service.entry.open(code, WALKTHROUGH_YEAR)
    if not session.editable or session.assessment is None:
        return False
    answers = dict(session.answers)
    for _ in range(len(session.methodology.indicators)):  # each round answers at least one, or stops
        blanks = [m.code for m in service.entry.missing(session, answers) if m.what == "answer"]
        filled = [answer for c in blanks if (answer := _fill(service, session, answers, c, seed)) is not None]
        answers.update((a.indicator_code, a) for a in filled)
        if not filled:
            break
    session = service.entry.open(code, WALKTHROUGH_YEAR)
    missing = service.entry.missing(session, session.answers)
    needed = [m.code for m in missing if m.what == "evidence"]
    if needed:  # the first through the window's path (it keeps the file), the rest in one transaction
        first = service.entry.add_evidence(code, WALKTHROUGH_YEAR, needed[0], _evidence(session, needed[0]), document)
        rest = {c: [dataclasses.replace(_evidence(session, c), file_sha256=first.file_sha256)] for c in needed[1:]}
        assert session.assessment is not None
        service.store.answers.sync_evidence(session.assessment.id, rest, who=DEMO_USER, source="demo")
    return not [m for m in missing if m.what == "answer"]


def _fill(service: AssessmentService, session: EntrySession, answers: dict[str, Answer], code: str, seed: int = 18
          ) -> Answer | None:
    """Answer one blank indicator with the first candidate the methodology's rules accept (None: none is)."""
    indicator = session.methodology.indicator(code)
    for answer in _candidates(session, answers, indicator, seed):
        if service.entry.check(session, answers, answer) is None:
            try:
                service.entry.save(session, answers, answer, who=DEMO_USER)
            except DxError:
                continue
            return answer
    return None


def _candidates(session: EntrySession, answers: dict[str, Answer], indicator: Indicator, seed: int
                ) -> list[Answer]:
    """The demo's own answer when it made one, else a plausible one of the indicator's type; then (a ratio) one
    per denominator the rules may tie it to: the values and denominators of the indicators its checks read."""
    code, spec, level = IndicatorCode(indicator.code), indicator.answer, maturity(seed, session.unit, session.year)
    mine = synthetic_answers(session.methodology, session.unit, session.year, seed)
    own = [a for a in mine if a.indicator_code == code]
    candidates = [*own, *_plausible(indicator, level, session.year)]
    if spec.type == AnswerType.RATIO:
        references = {r for check in indicator.checks for r in check.expression.references}
        for ref in sorted(references):
            other = answers.get(ref)
            for whole in (other.denominator, other.value) if other else ():
                if isinstance(whole, float) and whole > 0:
                    candidates.append(Answer(code, None, float(round(whole * level)), whole))
    if indicator.not_applicable_allowed:
        candidates.append(Answer(code, not_applicable=True))
    return [dataclasses.replace(a, comment=WALKTHROUGH_COMMENT) for a in candidates]  # the demo's own (demo.py)


def _plausible(indicator: Indicator, level: float, year: int) -> list[Answer]:
    code, spec = IndicatorCode(indicator.code), indicator.answer
    if spec.type == AnswerType.BOOLEAN:
        return [Answer(code, 1.0)]
    if spec.type == AnswerType.RATIO:
        return [Answer(code, None, float(round(40 * level)), 40.0)]
    if spec.type in (AnswerType.NUMBER, AnswerType.PERCENT, AnswerType.COUNT):
        return [Answer(code, v) for v in (float(round(100 * level)), 1.0, 0.0)]
    if spec.type == AnswerType.CHOICE:
        return [Answer(code, o.code) for o in spec.options]
    if spec.type == AnswerType.MULTI_CHOICE:
        return [Answer(code, choices=(spec.options[0].code,))] if spec.options else []
    if spec.type == AnswerType.DATE:
        return [Answer(code, dt.date(year, 6, 30).isoformat())]
    return [Answer(code, "Đã triển khai theo kế hoạch (dữ liệu mẫu).")]


def _evidence(session: EntrySession, code: str) -> EvidenceItem:
    documents = session.methodology.indicator(code).evidence.documents
    what = documents.vi if documents else "Tài liệu kiểm chứng"
    summary = f"{what} ({DEMO_MARK})"
    return EvidenceItem(f"DEMO-{code}/{session.year}", dt.date(session.year, 11, 30), summary[:2000],
                        "tai-lieu-mau.txt")
