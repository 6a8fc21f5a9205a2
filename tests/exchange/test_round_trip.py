"""The whole exchange between the commune's PC and the inspector's database, through package files only:
submit, import (after trusting the key), review with appraised points and comments, return, reply, resubmit,
import again (confirming the differences), appraise and lock. Both databases' audit trails stay intact."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from packs import UNIT, YEAR, counts

from assessment.domain.model import AssessmentStatus
from assessment.exchange.package_diff import Outcome


def scores(service):  # type: ignore[no-untyped-def]
    return service.scores.for_cycle(year=YEAR, unit_code=UNIT).scorecards[0]


def test_a_submission_travels_to_the_inspector_whole(commune, inspector, package):
    (preview,) = inspector.packages.preview([package])
    own = commune.packages.own_key(UNIT)
    assert preview.outcome == Outcome.NEW and preview.reason == "first submission"
    assert preview.key_status == "new" and preview.fingerprint == own.fingerprint
    assert len(own.fingerprint.split()) == 6 and own.fingerprint.replace(" ", "").isdigit()
    (refused,) = inspector.packages.apply([preview])  # a new key is trusted only on purpose
    assert not refused.applied and own.fingerprint in refused.reason and counts(inspector)["answers"] == 0
    (done,) = inspector.packages.apply([preview], trust=True)
    assert done.applied, done.reason

    mine, theirs = scores(commune), scores(inspector)
    assert theirs.status == AssessmentStatus.SUBMITTED
    assert (theirs.points, theirs.index, theirs.missing) == (mine.points, mine.index, mine.missing)
    (a,) = commune.store.assessments(YEAR, unit_code=UNIT)
    (b,) = inspector.store.assessments(YEAR, unit_code=UNIT)
    sent, received = commune.answers.of(a.id), inspector.answers.of(b.id)
    strip = lambda answers: [(x.indicator_code, x.value, x.numerator, x.denominator, x.choices, x.not_applicable,  # noqa: E731
                              x.comment, [(e.document_number, e.summary, e.file_sha256) for e in x.evidence])
                             for x in answers]
    assert strip(sent) == strip(received)
    files = [e for x in received for e in x.evidence if e.file_sha256]
    assert len(files) == 2
    for item in files:
        here = inspector.entry.evidence_file(item)
        assert here is not None and here.read_bytes() == commune.entry.evidence_file(item).read_bytes()
    assert [k.identity for k in inspector.packages.trusted_keys()] == [UNIT]
    assert inspector.audit.verify().ok and commune.audit.verify().ok


def test_review_return_reply_resubmit_and_appraise(commune, inspector, package, tmp_path: Path):
    inspector.packages.import_files([package], trust=True)
    where = {"unit_code": UNIT, "year": YEAR}
    card = scores(inspector)
    lost = next(i for i in card.indicators if i.applicable and i.max_points > 0 and i.points > 0 and i.value is True)
    inspector.appraisal.start_review(**where)
    inspector.appraisal.set_points(**where, code=lost.code, points=0.0, reason="Biên bản không có chữ ký")
    inspector.appraisal.return_to_unit(**where, comments={lost.code: "Bổ sung biên bản có chữ ký"})
    back = inspector.packages.export_return(**where, path=tmp_path / "return.dxpkg")
    assert back.kind == "return" and back.signer == "inspector:thanh-tra" and back.notes == 1

    (refused,) = commune.packages.preview([back.path])  # an inspector key is never trusted on first use
    assert refused.outcome == Outcome.REJECTED and "keys import" in refused.reason
    inspector.packages.export_keys(tmp_path / "city-keys.json", [inspector.packages.inspector_identity])
    commune.packages.import_keys(tmp_path / "city-keys.json")
    (preview,) = commune.packages.preview([back.path])
    assert preview.outcome == Outcome.NEW and preview.key_status == "known" and preview.notes[0].incoming
    assert preview.key_owner == "inspector:thanh-tra"
    commune.packages.apply([preview])
    assert commune.store.assessments(YEAR, unit_code=UNIT)[0].status == AssessmentStatus.RETURNED
    session = commune.entry.open(UNIT, YEAR)
    assert session.editable
    old = session.answers[lost.code]
    changed = replace(old, value=0.0, comment="đã rà soát lại")
    commune.entry.save(session, session.answers, changed, who=commune.user)
    commune.appraisal.reply(**where, code=lost.code, text="Đã bổ sung biên bản có chữ ký")
    commune.entry.submit(UNIT, YEAR)
    again = commune.packages.export(**where, path=tmp_path / "again.dxpkg")

    (preview,) = inspector.packages.preview([again.path])
    assert preview.outcome == Outcome.CHANGED and preview.key_status == "known"
    (difference,) = preview.answers  # side by side: what the inspector holds, what the unit now says
    assert (difference.code, difference.fields, difference.overwrites) == (lost.code, ("value", "comment"), True)
    assert (difference.here_text.en, difference.incoming_text.en) == ("yes", "no")
    assert preview.notes[0].field == "reply" and preview.notes[0].incoming == "Đã bổ sung biên bản có chữ ký"
    before = counts(inspector)
    (held,) = inspector.packages.apply([preview])
    assert not held.applied and "--accept-changed" in held.reason and counts(inspector) == before
    (done,) = inspector.packages.apply([preview], accept_changed=True)
    assert done.applied, done.reason
    assert scores(inspector).status == AssessmentStatus.RESUBMITTED
    (note,) = inspector.store.review.notes(inspector.store.assessments(YEAR, unit_code=UNIT)[0].id)
    assert note.round == 1 and note.reply == "Đã bổ sung biên bản có chữ ký"

    inspector.appraisal.appraise(**where, why="đạt")
    inspector.appraisal.lock(**where)
    final = scores(inspector)
    assert final.status == AssessmentStatus.LOCKED
    assert final.points == scores(commune).points  # self-assessed, as sent
    appraised = next(i for i in final.indicators if i.code == lost.code)
    assert (appraised.appraised_points, appraised.appraisal_reason) == (0.0, "Biên bản không có chữ ký")
    assert final.appraised_points == sum(i.appraised_points for i in final.indicators
                                         if next(p for p in final.pillars if p.code == i.pillar).scored)
    assert final.appraised_index == final.appraised_points / final.max_points
    assert inspector.audit.verify().ok and commune.audit.verify().ok
    steps = [e.subject for e in inspector.appraisal.sheet(**where).history]
    assert steps == ["receive_submission", "start_review", "return", "receive_submission", "appraise", "lock"]
