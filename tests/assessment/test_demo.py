"""Re-running the demo never touches an answer a person changed, says what it does, and everything it writes
passes the app's own import rules (issue 11 item 9)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from assessment.domain.model import Answer, AssessmentStatus, IndicatorCode
from tests.cli_language import english

ROOT = Path(__file__).resolve().parents[2]

# Five edits of different kinds, as a person would make them in the window (unit, cycle, answer)
EDITS = [
    ("SO_NOI_VU", 2025, Answer(IndicatorCode("CQS03"), None, 7.0, 70.0)),
    ("SO_NOI_VU", 2025, Answer(IndicatorCode("NTS03"), None, comment="sửa tay")),
    ("272", 2024, Answer(IndicatorCode("TCS01"), "late")),
    ("00004", 2025, Answer(IndicatorCode("CQS02"), None, 0.0, 0.0)),
    ("00004", 2025, Answer(IndicatorCode("CQS01"), 12.5)),
]


def stored(service, unit_code: str, year: int, code: str) -> Answer | None:
    assessment = service.store.assessments(year, unit_code=unit_code)[0]
    return next((a for a in service.answers.of(assessment.id) if a.indicator_code == code), None)


def apply_edits(service) -> dict[tuple[str, int, str], Answer | None]:
    for unit_code, year, answer in EDITS:
        if answer.indicator_code == "NTS03":  # keep the stored value, change only the comment
            answer = Answer(answer.indicator_code, **{k: v for k, v in vars(
                stored(service, unit_code, year, "NTS03")).items() if k not in ("indicator_code", "comment",
                                                                              "evidence")}, comment="sửa tay")
        service.answers.save(unit_code=unit_code, year=year, answer=answer, who="chuyên viên")
    return {(u, y, a.indicator_code): stored(service, u, y, a.indicator_code) for u, y, a in EDITS}


def round_trip(service, tmp_path: Path) -> None:
    """Export every answer and import the file back, here and into a fresh database: both accepted."""
    from tests.conftest import open_service

    path = tmp_path / "answers.csv"
    service.answers.export_frame().to_csv(path, index=False, encoding="utf-8")
    assert service.answers.import_file(path).result.changed == 0
    fresh = open_service(tmp_path / "fresh.sqlite")
    try:
        assert fresh.answers.import_file(path).rows == len(service.answers.export_frame())
    finally:
        fresh.store.close()


def test_rerunning_the_demo_keeps_every_edited_answer(demo_service, tmp_path):
    edited = apply_edits(demo_service)
    years = (2022, 2023, 2024, 2025)  # the city's series starts in 2022
    answers_before = {y: len(demo_service.answers.export_frame(year=y)) for y in years}
    report = demo_service.demo.build()
    for (unit_code, year, code), answer in edited.items():
        assert stored(demo_service, unit_code, year, code) == answer, code
    assert [c.created for c in report] == [0, 0, 0, 0]
    assert [c.kept for c in report] == [answers_before[y] for y in years]
    assert sum(c.kept_differing for c in report) == len(EDITS)
    history = demo_service.store.answers.history(demo_service.store.assessments(2025, unit_code="00004")[0].id)
    assert [h.changed_by for h in history if h.indicator_code == "CQS02"][-1] == "chuyên viên"
    round_trip(demo_service, tmp_path)


def test_the_pristine_demo_survives_its_own_export_import_round_trip(demo_service, tmp_path):
    round_trip(demo_service, tmp_path)


def test_a_fill_that_would_break_a_rule_beside_a_persons_answer_is_not_written(tmp_path):
    from assessment.domain.demo_data import synthetic_answers
    from tests.conftest import open_service

    service = open_service(tmp_path / "demo.sqlite")
    try:
        service.store.set_meta("demo", "true")
        # NTS02's rule: its denominator may not be below NTS01; the person entered 1 meeting out of 1
        service.answers.save(unit_code="SO_NOI_VU", year=2025, answer=Answer(IndicatorCode("NTS02"), None, 1.0, 1.0))
        unit = service.units.get("SO_NOI_VU")
        own = {a.indicator_code: a for a in synthetic_answers(service.methodologies.for_unit(unit, 2025), unit, 2025)}
        assert own["NTS01"].value > 1  # the demo would write a larger NTS01 here
        service.demo.build()
        assert stored(service, "SO_NOI_VU", 2025, "NTS02") == Answer(IndicatorCode("NTS02"), None, 1.0, 1.0)
        assert stored(service, "SO_NOI_VU", 2025, "NTS01") is None
        round_trip(service, tmp_path)
    finally:
        service.store.close()


def test_a_dry_run_writes_nothing_and_counts_what_the_build_creates(tmp_path):
    from tests.conftest import open_service

    service = open_service(tmp_path / "demo.sqlite")
    try:
        plan = service.demo.build(dry_run=True)
        assert service.store.assessments() == [] and not service.is_demo
        done = service.demo.build()
        assert [(c.year, c.assessments, c.created) for c in plan] == [(c.year, c.assessments, c.created) for c in done]
        assert all(c.created > 0 and c.kept == 0 for c in done)
    finally:
        service.store.close()


def test_an_assessment_not_open_for_editing_is_left_alone(demo_service):
    assessment = demo_service.store.assessments(2025, unit_code="SO_NOI_VU")[0]
    demo_service.store.set_status(assessment.id, AssessmentStatus.SUBMITTED, who="chuyên viên")
    report = {c.year: c for c in demo_service.demo.build()}
    assert report[2025].left_alone == 1 and report[2025].created == 0


def run_cli(*args: str, db: str, tmp: Path) -> subprocess.CompletedProcess:
    environment = {**os.environ, "DXSCORE_LOG_DIR": str(tmp / "logs")}
    return subprocess.run([sys.executable, str(ROOT / "main.py"),
                           *english(args), "--db", db, *args], capture_output=True,
                          text=True, env=environment, cwd=ROOT, timeout=300)


def test_the_demo_command_says_what_it_does_and_keeps_an_imported_edit(demo_url, tmp_path):
    edit = tmp_path / "edit.csv"
    edit.write_text("unit_code,cycle,indicator_code,value,numerator,denominator\n"
                    "SO_NOI_VU,2025,CQS03,,7,70\n", encoding="utf-8")
    assert run_cli("answers", "import", str(edit), db=demo_url, tmp=tmp_path).returncode == 0
    dry = run_cli("demo", "--dry-run", db=demo_url, tmp=tmp_path)
    assert dry.returncode == 0 and "Would fill" in dry.stdout and "Nothing written" in dry.stdout
    result = run_cli("demo", db=demo_url, tmp=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "an answer already stored is never changed" in result.stdout
    assert "cycle 2025" in result.stdout and "created 0 answers" in result.stdout
    assert "(1 differ from the demo's own values)" in result.stdout
    exported = run_cli("answers", "export", "--cycle", "2025", "--unit", "SO_NOI_VU", db=demo_url, tmp=tmp_path)
    assert "SO_NOI_VU,2025,CQS03,,7,70," in exported.stdout


@pytest.mark.parametrize("seed", [18, 7])
def test_every_demo_answer_passes_the_import_rules(tmp_path, seed):
    from tests.conftest import open_service

    service = open_service(tmp_path / "demo.sqlite")
    try:
        service.demo.build(seed=seed)
        round_trip(service, tmp_path)
    finally:
        service.store.close()
