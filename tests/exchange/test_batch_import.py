"""Many packages in one import: they are checked and written as a batch (one transaction), yet each one is still
judged alone. A forged package in the middle is refused with its reason and nothing of it is written while the
others land; a package that the database moved away from between the preview and the write is refused under the
writer lock while the others land; a second process writing during the batch loses nothing; the audit trail
verifies after each. SQLite and PostgreSQL."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest
from packs import UNIT, YEAR, complete, entries, open_service, write_zip

from assessment.domain.model import Answer
from assessment.exchange.package_diff import Outcome
from storage.keys import KeyFolder

ROOT = Path(__file__).resolve().parents[2]
UNITS = 7  # packages in the batch; the forged one is the middle one
FORGED = UNITS // 2


@pytest.fixture(scope="module")
def batch(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """Submissions of UNITS communes like 00070 (its complete answers and evidence copied to the others), each
    exported as a package signed with the unit's own key."""
    import pandas as pd

    from assessment.domain.model import AssessmentStatus
    from assessment.services.answers_area import answer_to_fields
    from assessment.services.ports import ANSWER_COLUMNS
    from storage.db import sqlite_url

    folder = tmp_path_factory.mktemp("batch-communes")
    service = open_service(sqlite_url(folder / "communes.sqlite"), "can-bo-xa")
    service.store.exchange.keys = KeyFolder(folder / "keys")
    complete(service, folder)
    model = service.units.get(UNIT)
    twins = [u for u in service.store.units() if u.code != UNIT and (u.kind, u.subtype, u.urban, u.town,
                                                                     u.digital_economy_duty) ==
             (model.kind, model.subtype, model.urban, model.town, model.digital_economy_duty)][:UNITS - 1]
    (source,) = service.store.assessments(YEAR, unit_code=UNIT)
    answers = service.store.answers.of(source.id)
    methodology = service.methodologies.for_unit(model, YEAR)
    ids = service.answers.ensure_assessments([(u, YEAR, methodology) for u in twins])
    records = [{"assessment_id": ids[(u.code, YEAR)], "indicator_code": a.indicator_code, **answer_to_fields(a)}
               for u in twins for a in answers]
    service.store.answers.write(pd.DataFrame.from_records(records, columns=["assessment_id", "indicator_code",
                                                                            *ANSWER_COLUMNS]), who="t", source="t")
    for u in twins:
        service.store.answers.sync_evidence(ids[(u.code, YEAR)], {a.indicator_code: a.evidence for a in answers},
                                            who="t", source="t")
    paths = []
    for code in [UNIT, *(u.code for u in twins)]:
        (assessment,) = service.store.assessments(YEAR, unit_code=code)
        service.store.set_status(assessment.id, AssessmentStatus.SUBMITTED, who="t")
        path = folder / f"{code}.dxpkg"
        service.packages.export(unit_code=code, year=YEAR, path=path)
        paths.append(path)
    service.store.close()
    assert len(paths) == UNITS
    return paths


def written_for(service, unit: str, package_id: str) -> dict[str, int]:  # type: ignore[no-untyped-def]
    """What the database holds of one unit's package: its assessment's answers, evidence, state changes,
    trail rows, package log rows and key."""
    with service.store.engine.connect() as c:
        mark = "?" if c.dialect.paramstyle == "qmark" else "%s"

        def one(sql: str, *params: object) -> int:
            return int(c.exec_driver_sql(sql, params).scalar() or 0)

        aid = one(f"SELECT a.id FROM assessments a JOIN units u ON u.id = a.unit_id WHERE u.code = {mark}", unit)
        return {
            "assessment": aid,
            "answers": one(f"SELECT count(*) FROM answers WHERE assessment_id = {mark}", aid),
            "audit": one(f"SELECT count(*) FROM audit_log WHERE assessment_id = {mark} OR subject = {mark} "
                         f"OR subject = {mark}", aid, package_id, unit),
            "logged": one(f"SELECT count(*) FROM package_log WHERE package_id = {mark}", package_id),
            "key": one(f"SELECT count(*) FROM trusted_keys WHERE identity = {mark}", unit),
        }


def manifest_of(path: Path) -> dict:  # type: ignore[type-arg]
    return json.loads(entries(path)["manifest.json"])


def test_a_forged_package_in_a_batch_is_refused_alone_and_the_others_land(batch, inspector, tmp_path):
    forged_from = batch[FORGED]
    parts = entries(forged_from)
    answers = json.loads(parts["answers.json"])
    answers[0]["value"] = 0.0 if answers[0]["value"] != 0.0 else 1.0  # one answer changed after signing
    forged = write_zip(tmp_path / forged_from.name, {**parts, "answers.json": json.dumps(answers).encode()})
    paths = [*batch[:FORGED], forged, *batch[FORGED + 1:]]
    unit = manifest_of(forged)["unit"]["code"]

    _, results = inspector.packages.import_files(paths, trust=True)

    assert [r.applied for r in results] == [i != FORGED for i in range(UNITS)]
    refused = results[FORGED]
    assert refused.preview.outcome == Outcome.REJECTED and refused.preview.rejection == "signature"
    assert "answers.json" in refused.reason
    assert written_for(inspector, unit, manifest_of(forged)["package_id"]) == \
        {"assessment": 0, "answers": 0, "audit": 0, "logged": 0, "key": 0}
    for path, result in zip(paths, results, strict=True):
        if result.applied:
            held = written_for(inspector, manifest_of(path)["unit"]["code"], manifest_of(path)["package_id"])
            assert held["answers"] > 40 and held["logged"] == 1 and held["key"] == 1
            assert result.reason.startswith(f"{held['answers']} new, 0 changed answers; evidence +")
    assert inspector.audit.verify().ok


def test_a_package_the_database_moved_from_after_the_preview_is_refused_and_the_others_land(batch, inspector,
                                                                                            db_url, tmp_path):
    previews = inspector.packages.preview(batch)
    assert all(p.outcome == Outcome.NEW for p in previews)
    moved = manifest_of(batch[FORGED])
    unit = moved["unit"]["code"]
    # another process registers another key for that unit meanwhile (the CLI's key list, read by a person)
    other = KeyFolder(tmp_path / "other-keys")
    key_list = tmp_path / "keys.json"
    other_service = open_service(db_url, "thanh-tra-2")
    other_service.store.exchange.keys = other
    other_service.packages.export_keys(key_list, [unit])
    other_service.store.close()
    done = subprocess.run([sys.executable, "main.py", "--db", db_url, "keys", "import", str(key_list)], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr

    results = inspector.packages.apply(previews, trust=True)

    assert [r.applied for r in results] == [i != FORGED for i in range(UNITS)]
    assert "the database changed since the preview" in results[FORGED].reason
    assert "signed with a key that is not" in results[FORGED].reason
    assert written_for(inspector, unit, moved["package_id"]) == \
        {"assessment": 0, "answers": 0, "audit": 1, "logged": 0, "key": 1}  # the key list's row, nothing else
    assert inspector.audit.verify().ok


WRITER = """
import sys, time
from pathlib import Path
sys.path.insert(0, {root!r})
from assessment.domain.model import Answer
from tests.exchange.packs import open_service
service = open_service({url!r}, "can-bo-khac")
acks, stop = Path({acks!r}), Path({stop!r})
n = 0
while not stop.exists() or n < 3:
    n += 1
    service.answers.save(unit_code={unit!r}, year={year}, answer=Answer({code!r}, 1.0, comment=f"writer {{n}}"))
    with acks.open("a") as out:
        out.write(f"{{n}}\\n")
service.store.close()
"""


def test_a_second_process_writing_during_the_batch_loses_nothing(batch, inspector, db_url, tmp_path):
    from assessment.domain.model import AnswerType, UnitKind

    other_unit = next(u.code for u in inspector.store.units(UnitKind.COMMUNE)
                      if u.code not in {manifest_of(p)["unit"]["code"] for p in batch})
    code = next(i for i in inspector.methodologies.for_unit(inspector.units.get(other_unit), YEAR).indicators
                if i.answer.type == AnswerType.BOOLEAN and not i.checks).code
    inspector.answers.save(unit_code=other_unit, year=YEAR, answer=Answer(code, 1.0))
    acks, stop = tmp_path / "acks.txt", tmp_path / "stop"
    writer = subprocess.Popen([sys.executable, "-c", WRITER.format(
        root=str(ROOT), url=db_url, acks=str(acks), stop=str(stop), unit=other_unit, year=YEAR, code=code)],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        while not acks.exists() or len(acks.read_text().split()) < 2:  # the writer is writing before the batch
            assert writer.poll() is None, writer.stderr.read() if writer.stderr else ""
            time.sleep(0.05)
        before = len(acks.read_text().split())
        _, results = inspector.packages.import_files(batch, trust=True)
        during = len(acks.read_text().split()) - before
    finally:
        stop.touch()
        _, err = writer.communicate(timeout=120)
    assert writer.returncode == 0, err
    assert all(r.applied for r in results)
    assert during > 0 and "locked" not in err  # the two really overlapped
    saved = len(acks.read_text().split())
    (assessment,) = inspector.store.assessments(YEAR, unit_code=other_unit)
    history = inspector.store.answers.history(assessment.id, code)
    assert {h.new.get("comment") for h in history} >= {f"writer {n}" for n in range(1, saved + 1)}
    assert inspector.store.answers.of(assessment.id)[0].comment == f"writer {saved}"  # the last save stands
    assert inspector.audit.verify().ok
