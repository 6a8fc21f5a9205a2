"""A dxscore writer in a process of its own, for the two-writer and crash tests.

    python worker.py save DB ACK UNIT YEAR FIRST [STOP]   re-save UNIT's answers one by one, each with a new
        comment ("entry N", N counting up from FIRST), as the window's autosave will; after each save() returns,
        append "N CODE" to the file ACK. Stops when the file STOP appears (never, without it).
    python worker.py import DB FILE...                     import each answers file in turn.
    python worker.py rounds DB N FILE...                   import each file in turn, N times, counting the files
        the rules refuse.
    python worker.py packages DB FILE...                   import these exchange packages (trusting their keys and
        accepting changes, as an inspector who confirmed them), each in its own transaction.

Prints "ready" once the database is open, so a test can time its kill into the writing itself.
"""

from __future__ import annotations

import os
import sys
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))


def open_service(db: str, user: str):  # type: ignore[no-untyped-def]
    from assessment.service import AssessmentService
    from questionnaires.files import FileCatalog
    from storage.db import open_engine, resolve_url
    from storage.store import SqlStore

    return AssessmentService(SqlStore(open_engine(resolve_url(db))), FileCatalog(), user=user)


def save_loop(db: str, ack: str, unit: str, year: int, first: int, stop: str | None) -> None:
    service = open_service(db, "entry-writer")
    session = service.entry.open(unit, year)  # the window's path: the same session and autosave call
    answers = dict(session.answers)
    codes = sorted(answers)
    handle = os.open(ack, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
    print("ready", flush=True)
    n = first
    while stop is None or not os.path.exists(stop):
        code = codes[n % len(codes)]
        answer = replace(answers[code], comment=f"entry {n}")
        service.entry.save(session, answers, answer, who="entry-writer")
        answers[code] = answer
        os.write(handle, f"{n} {code}\n".encode())  # acknowledged: save() returned
        n += 1


def import_files(db: str, files: list[str]) -> None:
    service = open_service(db, "import-writer")
    print("ready", flush=True)
    for name in files:
        summary = service.answers.import_file(Path(name))
        print(f"imported {name}: {summary.result.changed} changed", flush=True)


def import_rounds(db: str, rounds: int, files: list[str]) -> None:
    """Import each file in turn, `rounds` times; a file refused by the rules (the other writer changed what it
    is checked against) is counted, not fatal."""
    from assessment.domain.errors import ImportRejected

    service = open_service(db, f"rounds-{os.getpid()}")
    print("ready", flush=True)
    imported = refused = 0
    for _ in range(rounds):
        for name in files:
            try:
                service.answers.import_file(Path(name))
                imported += 1
            except ImportRejected:
                refused += 1
    print(f"imported {imported} refused {refused}", flush=True)


def import_packages(db: str, files: list[str]) -> None:
    service = open_service(db, "package-writer")
    print("ready", flush=True)
    _, results = service.packages.import_files([Path(f) for f in files], accept_changed=True, trust=True)
    print(f"imported {sum(r.applied for r in results)} packages", flush=True)


def main() -> None:
    mode, db = sys.argv[1], sys.argv[2]
    if mode == "packages":
        import_packages(db, sys.argv[3:])
    elif mode == "rounds":
        import_rounds(db, int(sys.argv[3]), sys.argv[4:])
    elif mode == "save":
        ack, unit, year, first = sys.argv[3], sys.argv[4], int(sys.argv[5]), int(sys.argv[6])
        save_loop(db, ack, unit, year, first, sys.argv[7] if len(sys.argv) > 7 else None)
    else:
        import_files(db, sys.argv[3:])


if __name__ == "__main__":
    main()
