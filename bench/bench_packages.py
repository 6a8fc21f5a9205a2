"""Importing the 126 communes' submission packages into the inspector's database, then importing them again.

- import: `service.packages.import_files` (read and verify each zip and its Ed25519 signature, check every answer
  against the methodology, its rules and the Submit completeness check, compare with the database; then, under
  the writer lock, all of that again and the answers, evidence, keys, states, package log and audit rows written,
  the batch in one transaction) of 126 packages (47 answers with evidence, one 60 KB evidence file each) into a
  fresh database, the service opened and closed included; budget 1 s (issue 14). Lower bound: the same files
  unzipped and parsed (zipfile + json) and their answer rows inserted with raw sqlite3 executemany in one
  transaction, with nothing checked.
- re-import: the same 126 files again: every one unchanged, nothing written; budget 3 s. Lower bound: the files
  unzipped and parsed.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import tempfile
import zipfile
from pathlib import Path

from bench.common import measure, report

YEAR = 2025


def open_service(path: Path, user: str):  # type: ignore[no-untyped-def]
    from assessment.service import AssessmentService
    from questionnaires.files import FileCatalog
    from storage.db import open_engine, sqlite_url
    from storage.store import SqlStore

    service = AssessmentService(SqlStore(open_engine(sqlite_url(path))), FileCatalog(), user=user)
    service.initialise()
    return service


def make_packages(folder: Path) -> list[Path]:
    """The demo's 126 communes, each submitted with one evidence document (and the blanks the Submit check wants
    filled: an import refuses an incomplete submission), exported as packages."""
    from assessment.domain.model import AssessmentStatus, EvidenceItem, UnitKind
    from tests.robustness.writers import fill_for_submission

    units = open_service(folder / "communes.sqlite", "can-bo-xa")
    units.demo.build()
    paths = []
    for assessment in units.store.assessments(YEAR, kind=UnitKind.COMMUNE):
        answered = next(a for a in units.answers.of(assessment.id) if not a.is_empty)
        scan = folder / f"scan-{assessment.unit_code}.pdf"
        scan.write_bytes(os.urandom(60_000))
        units.entry.add_evidence(assessment.unit_code, YEAR, answered.indicator_code,
                                 EvidenceItem("01/BC-UBND", None, "Báo cáo chuyển đổi số"), scan)
        fill_for_submission(units, assessment.unit_code, YEAR)
        units.store.set_status(assessment.id, AssessmentStatus.SUBMITTED, who="bench")
        path = folder / "packages" / f"{assessment.unit_code}.dxpkg"
        path.parent.mkdir(exist_ok=True)
        units.packages.export(unit_code=assessment.unit_code, year=YEAR, path=path)
        paths.append(path)
    units.store.close()
    return paths


def parse_all(paths: list[Path]) -> list[tuple]:
    rows = []
    for path in paths:
        with zipfile.ZipFile(path) as archive:
            manifest = json.loads(archive.read("manifest.json"))
            for a in json.loads(archive.read("answers.json")):
                text = isinstance(a["value"], str)
                rows.append((manifest["unit"]["code"], a["code"], None if text else a["value"],
                             a["value"] if text else None, a["numerator"], a["denominator"],
                             None if a["choices"] is None else ";".join(a["choices"]), a["not_applicable"],
                             a["manual_points"], a["comment"]))
            for name in archive.namelist():
                if name.startswith("evidence/"):
                    archive.read(name)
    return rows


def raw_write(path: Path, paths: list[Path], ids: dict[str, int]) -> None:
    rows = [(ids[r[0]], *r[1:], "2026-01-01 00:00:00.000000", "bench") for r in parse_all(paths)]
    connection = sqlite3.connect(path, isolation_level=None)
    connection.execute("BEGIN")
    connection.executemany("INSERT INTO answers (assessment_id, indicator_code, value_number, value_text, numerator, "
                           "denominator, choices, not_applicable, manual_points, comment, updated_at, updated_by) "
                           "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
    connection.execute("COMMIT")
    connection.close()


def main() -> bool:
    folder = Path(tempfile.mkdtemp(prefix="dxbench-packages-"))
    keys = os.environ.get("DXSCORE_KEYS_DIR")
    os.environ["DXSCORE_KEYS_DIR"] = str(folder / "keys")  # the benchmark's keys, not the user's
    try:
        return _run(folder)
    finally:
        os.environ.pop("DXSCORE_KEYS_DIR")
        if keys is not None:
            os.environ["DXSCORE_KEYS_DIR"] = keys
        shutil.rmtree(folder, ignore_errors=True)


def _run(folder: Path) -> bool:
    paths = make_packages(folder)
    template = folder / "inspector-template.sqlite"
    open_service(template, "thanh-tra").store.close()
    work = folder / "inspector.sqlite"

    def fresh() -> None:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{work}{suffix}").unlink(missing_ok=True)
        shutil.rmtree(folder / "inspector.files", ignore_errors=True)
        shutil.copy(template, work)

    outcome: dict[str, int] = {}

    def ours() -> None:
        service = open_service(work, "thanh-tra")
        _, results = service.packages.import_files(paths, trust=True)
        outcome["applied"] = sum(r.applied for r in results)
        service.store.close()

    imported = measure(ours, repeat=3, setup=fresh)
    assert outcome["applied"] == len(paths), outcome
    service = open_service(work, "thanh-tra")
    ids = {a.unit_code: a.id for a in service.store.assessments(YEAR)}
    service.store.close()

    raw = measure(lambda: raw_write(work, paths, ids), repeat=3, setup=fresh)
    ok = report(f"import {len(paths)} packages into a new database", imported, raw, budget_s=1.0)

    fresh()
    ours()
    service = open_service(work, "thanh-tra")
    before = _counts(work)

    def again() -> None:
        _, results = service.packages.import_files(paths)
        outcome["unchanged"] = sum(r.preview.outcome.value == "unchanged" for r in results)

    repeated = measure(again, repeat=5)
    plain = measure(lambda: parse_all(paths), repeat=5)
    changes = sum(abs(a - b) for a, b in zip(before, _counts(work), strict=True))
    ok &= outcome["unchanged"] == len(paths) and changes == 0
    ok &= report(f"re-import the same {len(paths)} packages ({outcome['unchanged']} unchanged, {changes} rows "
                 "written)", repeated, plain, budget_s=3.0)
    service.store.close()
    size = sum(p.stat().st_size for p in paths) / len(paths)
    print(f"packages: {len(paths)} files, {size / 1e3:.0f} KB each on average")
    return ok


def _counts(path: Path) -> tuple[int, ...]:
    connection = sqlite3.connect(path)
    counts = tuple(connection.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                   for t in ("answers", "answer_history", "evidence", "audit_log", "package_log", "trusted_keys"))
    connection.close()
    return counts


if __name__ == "__main__":
    raise SystemExit(0 if main() else 1)
