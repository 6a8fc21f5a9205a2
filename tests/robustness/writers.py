"""Shared pieces of the two-writer and crash tests: answer files, worker processes, and the checks."""

from __future__ import annotations

import itertools
import os
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

WORKER = Path(__file__).resolve().parent / "worker.py"
ENTRY_UNIT, YEAR = "00070", 2025


def start(mode: str, *args: str, tmp: Path) -> subprocess.Popen:
    env = {**os.environ, "DXSCORE_LOG_DIR": str(tmp / "logs")}
    return subprocess.Popen([sys.executable, str(WORKER), mode, *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env=env)


def wait_ready(process: subprocess.Popen) -> None:
    line = process.stdout.readline()
    assert line.strip() == "ready", (line, process.stderr.read() if process.poll() is not None else "")


def import_file(service, folder: Path, tag: str) -> tuple[Path, int]:  # type: ignore[no-untyped-def]
    """Every answer of the cycle, each with the comment `tag`: importing it changes every one of them."""
    frame = service.answers.export_frame(year=YEAR)
    frame["comment"] = tag
    path = folder / f"{tag.replace(' ', '-')}.csv"
    frame.to_csv(path, index=False)
    return path, len(frame)


def read_acks(path: Path) -> list[tuple[int, str]]:
    if not path.exists():
        return []
    lines = path.read_text(encoding="utf-8").splitlines()
    return [(int(n), code) for n, code in (line.split() for line in lines if line.strip())]


def fetch(db: str, sql: str) -> list[tuple]:
    """Rows of a query on an SQLite file path or a database URL (opened apart from the app)."""
    from sqlalchemy import create_engine
    from sqlalchemy.pool import NullPool

    from storage.db import resolve_url

    engine = create_engine(resolve_url(db), poolclass=NullPool)
    try:
        with engine.connect() as connection:
            return [tuple(r) for r in connection.exec_driver_sql(sql).fetchall()]
    finally:
        engine.dispose()


def history(db: str) -> dict[tuple[int, str], list[tuple[str, str, str]]]:
    """(assessment_id, code) -> [(old_comment, new_comment, changed_by)] in commit order."""
    chains: dict[tuple[int, str], list[tuple[str, str, str]]] = defaultdict(list)
    for aid, code, old, new, who in fetch(db, "SELECT assessment_id, indicator_code, old_comment, new_comment, "
                                               "changed_by FROM answer_history ORDER BY id"):
        chains[(aid, code)].append((old, new, who))
    return chains


def stored_comments(db: str) -> dict[tuple[int, str], str]:
    return {(aid, code): comment for aid, code, comment in
            fetch(db, "SELECT assessment_id, indicator_code, comment FROM answers")}


def check_no_lost_update(chains, stored) -> None:  # type: ignore[no-untyped-def]
    """Each change was made against the value the previous change left (the history is one unbroken chain per
    answer), and what is stored is the last change."""
    for key, chain in chains.items():
        for (_, before, _), (after_old, _, who) in itertools.pairwise(chain):
            assert after_old == before, f"{key}: {who} changed {after_old!r}, but the answer was {before!r}"
        assert stored[key] == chain[-1][1], f"{key}: stored {stored[key]!r}, last change {chain[-1][1]!r}"


def check_acknowledged(acks, chains) -> None:  # type: ignore[no-untyped-def]
    """Every acknowledged save is in the history. With the unbroken chain above, it is either what is stored
    or was replaced by a later recorded change: never lost."""
    saved = {new for chain in chains.values() for _, new, who in chain if who == "entry-writer"}
    missing = [n for n, _ in acks if f"entry {n}" not in saved]
    assert not missing, f"acknowledged saves missing from the history: {missing[:10]}"


PACKAGE_YEAR, PACKAGE_UNITS = 2024, 12  # districts of 2024: apart from the saver's unit and the 2025 imports


def fill_for_submission(service, unit: str, year: int) -> None:  # type: ignore[no-untyped-def]
    """Answer what the demo left blank and attach the required evidence: an import takes complete submissions
    only (the window's Submit check). Ratios also try the other answers' values and denominators as theirs."""
    from assessment.domain.model import Answer, AnswerType, EvidenceItem
    from tests.exchange.packs import candidates

    session = service.entry.open(unit, year)
    numbers = sorted({n for a in session.answers.values() for n in (a.value, a.denominator) if isinstance(n, float)})
    for item in [m for m in service.entry.missing(session, session.answers) if m.what == "answer"]:
        indicator = session.methodology.indicator(item.code)
        tries = list(candidates(indicator, f"{year}-03-01"))
        if indicator.answer.type == AnswerType.RATIO:
            tries += [Answer(item.code, numerator=0.0, denominator=n) for n in numbers]
        answer = next((a for a in tries if service.entry.check(session, session.answers, a) is None), None)
        if answer is not None:
            service.answers.save(unit_code=unit, year=year, answer=answer)
            session = service.entry.open(unit, year)
    for item in [m for m in service.entry.missing(session, session.answers) if m.what == "evidence"]:
        service.entry.add_evidence(unit, year, item.code, EvidenceItem("01/BC", None, "Báo cáo"), None)


def package_round(source, folder: Path, tag: str) -> dict[str, tuple[str, int]]:  # type: ignore[no-untyped-def]
    """One round of submissions from `source` (another copy of the database): every answer of the first
    PACKAGE_UNITS districts commented `tag`, each exported as a package. unit -> (package id, answers)."""
    import pandas as pd

    from assessment.domain.model import AssessmentStatus, UnitKind
    from assessment.services.answers_area import answer_to_fields
    from assessment.services.ports import ANSWER_COLUMNS

    folder.mkdir(parents=True, exist_ok=True)
    made = {}
    for assessment in source.store.assessments(PACKAGE_YEAR, kind=UnitKind.DISTRICT)[:PACKAGE_UNITS]:
        if assessment.status == AssessmentStatus.DRAFT:  # a package carries a complete submission only
            fill_for_submission(source, assessment.unit_code, PACKAGE_YEAR)
        answers = source.answers.of(assessment.id)
        records = [{"assessment_id": assessment.id, "indicator_code": a.indicator_code,
                    **{**answer_to_fields(a), "comment": tag}} for a in answers]
        frame = pd.DataFrame.from_records(records, columns=["assessment_id", "indicator_code", *ANSWER_COLUMNS])
        source.store.answers.write(frame, who="source", source="import")
        source.store.set_status(assessment.id, AssessmentStatus.SUBMITTED, who="source")
        done = source.packages.export(unit_code=assessment.unit_code, year=PACKAGE_YEAR,
                                      path=folder / f"{assessment.unit_code}.dxpkg")
        made[assessment.unit_code] = (done.package_id, len(answers))
    return made


def check_packages(db: str, rounds: dict[str, dict[str, tuple[str, int]]]) -> tuple[int, int]:
    """Each package is applied whole (logged, with its tag on every one of its answers in the history) or not
    at all (neither). Returns (applied, not applied)."""
    logged = {r[0] for r in fetch(db, "SELECT package_id FROM package_log WHERE direction = 'in'")}
    ids = dict(fetch(db, f"SELECT u.code, a.id FROM assessments a JOIN units u ON u.id = a.unit_id "
                         f"WHERE a.cycle_year = {PACKAGE_YEAR}"))
    tagged: dict[tuple[int, str], int] = defaultdict(int)
    for aid, comment in fetch(db, "SELECT assessment_id, new_comment FROM answer_history "
                                  "WHERE new_comment LIKE 'package %'"):
        tagged[(aid, comment)] += 1
    applied = skipped = 0
    for tag, made in rounds.items():
        for unit, (package_id, answers) in made.items():
            count = tagged[(ids[unit], tag)]
            if package_id in logged:
                assert count == answers, f"{tag} {unit}: logged as imported, but {count} of {answers} answers"
                applied += 1
            else:
                assert count == 0, f"{tag} {unit}: not logged, yet {count} of {answers} answers were written"
                skipped += 1
    return applied, skipped
