"""The assessment's states: exactly the documented transitions exist (pure rules), and the service makes the
allowed steps and refuses the others with a message, on each backend."""

from __future__ import annotations

from dataclasses import replace

import pytest
from packs import UNIT, YEAR

from assessment.domain.errors import BadInput, InvalidAnswer
from assessment.domain.model import AssessmentStatus as S
from assessment.domain.workflow import TRANSITIONS, Step, allowed_steps, transition

EXPECTED = {
    (S.DRAFT, S.SUBMITTED), (S.RETURNED, S.RESUBMITTED), (S.SUBMITTED, S.DRAFT), (S.SUBMITTED, S.UNDER_REVIEW),
    (S.RESUBMITTED, S.UNDER_REVIEW), (S.UNDER_REVIEW, S.RETURNED), (S.UNDER_REVIEW, S.APPRAISED),
    (S.RESUBMITTED, S.APPRAISED), (S.APPRAISED, S.UNDER_REVIEW), (S.APPRAISED, S.LOCKED), (S.LOCKED, S.APPRAISED),
}


def test_only_the_documented_transitions_exist():
    made = set()
    for step in TRANSITIONS:
        for status in S:
            try:
                rule = transition(step, status, why="a reason")
            except BadInput as exc:
                assert f"cannot {step.value.replace('_', ' ')}" in exc.message
                continue
            made.add((status, rule.target))
    assert made == EXPECTED
    assert allowed_steps(S.LOCKED) == [Step.UNLOCK] and allowed_steps(S.DRAFT) == [Step.SUBMIT]


@pytest.mark.parametrize(("step", "status"), [(Step.UNLOCK, S.LOCKED), (Step.REOPEN_REVIEW, S.APPRAISED)])
def test_going_back_needs_a_reason(step, status):
    with pytest.raises(BadInput, match="needs a reason"):
        transition(step, status, why=" ")


def test_the_inspector_steps_and_their_refusals(inspector, package):
    inspector.packages.import_files([package], trust=True)
    where = {"unit_code": UNIT, "year": YEAR}
    review = inspector.appraisal
    state = lambda: inspector.store.assessments(YEAR, unit_code=UNIT)[0].status  # noqa: E731
    code = next(i.code for i in review.sheet(**where).scorecard.indicators if i.applicable and i.max_points > 0)
    with pytest.raises(BadInput, match="start the review first"):
        review.set_points(**where, code=code, points=1.0, reason="x")
    with pytest.raises(BadInput, match="cannot appraise an assessment that is submitted"):
        review.appraise(**where)
    with pytest.raises(BadInput, match="cannot lock an assessment that is submitted"):
        review.lock(**where)
    with pytest.raises(BadInput, match="cannot submit an assessment that is submitted"):
        inspector.entry.submit(UNIT, YEAR)
    review.start_review(**where)
    assert state() == S.UNDER_REVIEW
    with pytest.raises(BadInput, match="cannot withdraw an assessment that is under_review"):
        inspector.entry.reopen(UNIT, YEAR)
    with pytest.raises(InvalidAnswer, match="read-only"):
        session = inspector.entry.open(UNIT, YEAR)
        inspector.entry.save(session, session.answers, replace(session.answers[code], comment="x"), who="x")
    with pytest.raises(BadInput, match="need a reason"):
        review.set_points(**where, code=code, points=1.0, reason="  ")
    with pytest.raises(BadInput, match="must be between 0 and"):
        review.set_points(**where, code=code, points=10_000.0, reason="quá điểm")
    with pytest.raises(BadInput, match="at least one comment"):
        review.return_to_unit(**where)
    assert state() == S.UNDER_REVIEW  # the refused return changed nothing
    review.set_points(**where, code=code, points=0.0, reason="Không có minh chứng")
    review.appraise(**where)
    review.lock(**where)
    with pytest.raises(BadInput, match="needs a reason"):
        review.unlock(**where, why="")
    review.unlock(**where, why="Sai sót khi nhập điểm")
    review.reopen_review(**where, why="Thẩm định lại")
    assert state() == S.UNDER_REVIEW
    review.set_points(**where, code=code, points=None, reason="Đã có minh chứng")
    assert review.sheet(**where).appraisals == {}
    with pytest.raises(BadInput, match="changed meanwhile"):  # a step from a state that is no longer there
        inspector.store.transition(inspector.store.assessments(YEAR, unit_code=UNIT)[0].id, S.LOCKED, [S.APPRAISED],
                                   who="someone")
    history = [(e.subject, e.why) for e in review.sheet(**where).history]
    assert history[-3:] == [("lock", ""), ("unlock", "Sai sót khi nhập điểm"), ("reopen_review", "Thẩm định lại")]


def test_the_unit_replies_to_every_comment_before_resubmitting(commune, inspector, package, tmp_path):
    inspector.packages.import_files([package], trust=True)
    where = {"unit_code": UNIT, "year": YEAR}
    codes = [i.code for i in inspector.appraisal.sheet(**where).scorecard.indicators if i.applicable][:2]
    inspector.appraisal.start_review(**where)
    for code in codes:
        inspector.appraisal.comment(**where, code=code, text=f"Làm rõ {code}")
    inspector.appraisal.return_to_unit(**where)
    back = inspector.packages.export_return(**where, path=tmp_path / "back.dxpkg")
    city_keys = inspector.packages.export_keys(tmp_path / "city-keys.json", [inspector.packages.inspector_identity])
    assert city_keys and commune.packages.import_keys(tmp_path / "city-keys.json")
    (_,), (received,) = commune.packages.import_files([back.path])
    assert received.applied, received.reason
    with pytest.raises(BadInput, match="reply to each comment before resubmitting"):
        commune.entry.submit(UNIT, YEAR)
    with pytest.raises(BadInput, match="the reply is empty"):
        commune.appraisal.reply(**where, code=codes[0], text=" ")
    for code in codes:
        commune.appraisal.reply(**where, code=code, text="Đã làm rõ")
    assert commune.entry.submit(UNIT, YEAR).status == S.RESUBMITTED
    sheet = commune.appraisal.sheet(**where)
    assert [(n.indicator_code, n.round, n.reply) for n in sheet.latest_round] == [(c, 1, "Đã làm rõ") for c in codes]
    with pytest.raises(BadInput, match="only a returned assessment"):
        commune.packages.export_return(**where, path=tmp_path / "x.dxpkg")
