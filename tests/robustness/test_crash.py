"""Crash safety: SIGKILL a writer at random moments, over and over, on one SQLite file.

Three writers take turns being killed: the data-entry loop (service.answers.save, acknowledging each save to a side
file after it returns), an import of a whole cycle (about 6,000 answers, each import run tagged with its own
comment) and an import of 12 exchange packages (each round's packages tagged with their own comment). After every
kill: `PRAGMA integrity_check` is ok, every acknowledged save is there, the history is one unbroken chain per
answer, the audit trail's hash chain verifies, each import is all or nothing (its tag on every answer or on none),
and each package is imported whole (logged, with all its answers) or not at all.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import sqlite3
import time

from db_backends import open_url_service
from writers import (
    ENTRY_UNIT,
    YEAR,
    check_acknowledged,
    check_no_lost_update,
    check_packages,
    history,
    import_file,
    package_round,
    read_acks,
    start,
    stored_comments,
    wait_ready,
)

from storage.db import sqlite_url

KILLS = int(os.environ.get("DXSCORE_CRASH_KILLS", "54"))  # a third each: saves, imports, package imports


def kill(process, delay: float) -> bool:  # type: ignore[no-untyped-def]
    """SIGKILL after `delay` seconds; False when the process had already finished by itself."""
    deadline = time.monotonic() + delay
    while time.monotonic() < deadline:
        if process.poll() is not None:
            return False
        time.sleep(0.005)
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    return process.returncode == -signal.SIGKILL


def check_database(path) -> None:  # type: ignore[no-untyped-def]
    from sqlalchemy import create_engine
    from sqlalchemy.pool import NullPool

    from storage.audit import AuditRepository

    with sqlite3.connect(path, timeout=30) as c:
        assert c.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert c.execute("PRAGMA foreign_key_check").fetchall() == []
    engine = create_engine(sqlite_url(path), poolclass=NullPool)
    verdict = AuditRepository(engine).verify()
    engine.dispose()
    assert verdict.ok, verdict


def timed_packages(db: str, folder, tmp_path) -> float:  # type: ignore[no-untyped-def]
    process = start("packages", db, *sorted(str(p) for p in folder.glob("*.dxpkg")), tmp=tmp_path)
    wait_ready(process)
    began = time.monotonic()
    assert process.wait(timeout=600) == 0, process.stderr.read()
    return time.monotonic() - began


def test_sigkill_during_saves_and_imports_loses_and_half_applies_nothing(demo_db, tmp_path):
    rng = random.Random(int(os.environ.get("DXSCORE_CRASH_SEED", "18")))
    db = str(demo_db)
    service = open_url_service(sqlite_url(demo_db))
    service.store.close()
    ack = tmp_path / "acks.txt"
    source_path = tmp_path / "source.sqlite"  # the districts' own computers, as one database
    shutil.copy(demo_db, source_path)
    source = open_url_service(sqlite_url(source_path))
    rounds = {"package calibrate": package_round(source, tmp_path / "calibrate", "package calibrate")}
    package_seconds = timed_packages(db, tmp_path / "calibrate", tmp_path)

    # One import run to the end first: how long the import takes here (the window for the kills).
    path, rows = import_file(service, tmp_path, "import calibrate")
    started = time.monotonic()
    importer = start("import", db, str(path), tmp=tmp_path)
    wait_ready(importer)
    ready = time.monotonic()
    assert importer.wait(timeout=600) == 0, importer.stderr.read()
    import_seconds = time.monotonic() - ready
    imports: dict[str, int] = {"import calibrate": rows}

    kills = {"save": 0, "import": 0, "packages": 0}
    finished = {"import": 0, "packages": 0}
    first = 0
    round_ = 0
    while sum(kills.values()) < KILLS and round_ < 3 * KILLS:
        round_ += 1
        if round_ % 3 == 2:
            tag = f"package {round_}"
            rounds[tag] = package_round(source, tmp_path / tag.replace(" ", "-"), tag)
            files = sorted(str(p) for p in (tmp_path / tag.replace(" ", "-")).glob("*.dxpkg"))
            process = start("packages", db, *files, tmp=tmp_path)
            wait_ready(process)
            if kill(process, rng.uniform(0.0, 1.1 * package_seconds)):
                kills["packages"] += 1
            else:
                assert process.returncode == 0, process.stderr.read()
                finished["packages"] += 1
        elif round_ % 3 == 0:
            process = start("save", db, str(ack), ENTRY_UNIT, str(YEAR), str(first), tmp=tmp_path)
            wait_ready(process)
            killed = kill(process, rng.uniform(0.0, 0.8))
            assert killed, process.stderr.read()
            kills["save"] += 1
            first += 10_000  # the next run's comments never repeat this one's, acknowledged or not
        else:
            tag = f"import {round_}"
            path, rows = import_file(service, tmp_path, tag)
            imports[tag] = rows
            process = start("import", db, str(path), tmp=tmp_path)
            wait_ready(process)
            # The answers are written in the last part of an import (after reading and checking the file).
            if kill(process, rng.uniform(0.3 * import_seconds, 1.1 * import_seconds)):
                kills["import"] += 1
            else:
                assert process.returncode == 0, process.stderr.read()
                finished["import"] += 1
            path.unlink()
        check_database(demo_db)
        chains = history(db)
        check_no_lost_update(chains, stored_comments(db))
        check_acknowledged(read_acks(ack), chains)
        applied = {tag: sum(new == tag for chain in chains.values() for _, new, _ in chain) for tag in imports}
        half = {tag: n for tag, n in applied.items() if n not in (0, imports[tag])}
        assert not half, f"imports half applied: {half}"
        packages_whole, packages_not = check_packages(db, rounds)

    source.store.close()
    total = sum(kills.values())
    acks = len(read_acks(ack))
    applied_whole = sum(1 for tag, n in applied.items() if n == imports[tag]) - 1
    print(f"\n{total} kills survived ({kills['save']} during saves, {kills['import']} during imports, "
          f"{kills['packages']} during package imports; {finished['import']} imports and {finished['packages']} "
          f"package imports finished before their kill); {acks} acknowledged saves all present; "
          f"{applied_whole} of {len(imports) - 1} imports applied whole, the rest not at all; "
          f"{packages_whole} packages imported whole, {packages_not} not at all, none half; import of {rows} "
          f"answers takes {import_seconds:.1f} s, of 12 packages {package_seconds:.2f} s; "
          f"test {time.monotonic() - started:.0f} s")
    assert total >= 50 and kills["packages"] >= 10
    score = open_url_service(sqlite_url(demo_db))  # the database still opens and scores
    assert score.scores.for_cycle(year=YEAR).scorecards
    score.store.close()
