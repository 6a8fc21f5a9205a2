"""A synthetic national dataset (3,321 communes across 34 provinces, 3 cycles of the commune methodology) and what
it costs: database size, build time, `score` wall time and peak memory (whole process, as a user runs it),
backup and restore. With DXSCORE_BENCH_PG=postgresql+psycopg://… (a role that may create databases) the same
dataset is also loaded into a PostgreSQL database and scored there.

The lower bound for `score` is the bare interpreter start plus reading the cycle's answers with raw sqlite3, both
measured in the same run.
"""

from __future__ import annotations

import dataclasses
import os
import sqlite3
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

import numpy as np
import pandas as pd

from bench.common import CYCLES, NATIONAL_COMMUNES, ROOT, Timing, measure, national_units, report, synthetic_long

PROVINCES = 34  # provinces and centrally-run cities after the 2025 merger
# A ceiling against regressions, not a goal: at national scale ~80 % of `score` is building the 3,321 scorecards
# one by one (target progress fits a line per unit and target), which a vectorised pass would remove.
SCORE_CEILING_S = 15.0


def province_units():  # type: ignore[no-untyped-def]
    """common.national_units, coded by province: P01N00000 … P34N03320, in contiguous blocks."""
    return [dataclasses.replace(u, code=f"P{i * PROVINCES // NATIONAL_COMMUNES + 1:02d}{u.code}")
            for i, u in enumerate(national_units())]


def build(url: str) -> tuple[int, float]:
    """The dataset in the database at `url`; (answers written, seconds)."""
    from assessment.service import AssessmentService
    from questionnaires.catalog import shipped_methodologies
    from questionnaires.files import FileCatalog
    from storage.db import open_engine
    from storage.store import SqlStore

    started = time.perf_counter()
    service = AssessmentService(SqlStore(open_engine(url)), FileCatalog(), user="bench")
    service.initialise()
    units = province_units()
    service.store.add_units(units)
    methodology = next(m for m in shipped_methodologies() if m.id == "hanoi-2025-commune")
    ids = service.answers.ensure_assessments([(u, year, methodology) for year in CYCLES for u in units])
    written = 0
    for year in CYCLES:
        long = synthetic_long(methodology, NATIONAL_COMMUNES, year)
        frame = pd.DataFrame({
            "assessment_id": np.array([ids[(units[r].code, year)] for r in long.row.tolist()], dtype=np.int64),
            "indicator_code": long.code, "value_number": long.value_number, "value_text": long.value_text,
            "numerator": long.numerator, "denominator": long.denominator, "choices": long.choices,
            "not_applicable": long.not_applicable, "manual_points": long.manual_points, "comment": "",
        })
        written += service.store.answers.write(frame, who="bench", source="import").inserted
    service.store.close()
    return written, time.perf_counter() - started


PROBE = ("import resource, subprocess, sys, time; t = time.perf_counter(); "
         "r = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE); "
         "t = time.perf_counter() - t; assert r.returncode == 0, r.stderr.decode(); "
         "print(t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")


def run_measured(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(wall seconds, peak resident MB) of one process running `command`."""
    out = subprocess.run([sys.executable, "-c", PROBE, *command], capture_output=True, text=True, env=env, check=True)
    seconds, kilobytes = out.stdout.split()
    return float(seconds), int(kilobytes) / 1024


def score_figures(db: str, env: dict[str, str], label: str, budget_s: float, bound: Timing | None) -> bool:
    ok = True
    for year in (CYCLES[-1],):
        for extra, name in ((["--json"], "JSON"), ([], "ranking")):
            command = [sys.executable, str(ROOT / "main.py"), "--db", db, "score", "--cycle", str(year), *extra]
            run_measured(command, env)  # warm the file cache
            runs = [run_measured(command, env) for _ in range(3)]
            peak = max(mb for _, mb in runs)
            ok &= report(f"{label}: score --cycle {year} {' '.join(extra)} ({NATIONAL_COMMUNES} communes, {name})",
                         Timing([s for s, _ in runs]), bound, budget_s=budget_s, note=f"peak memory {peak:.0f} MB")
            ok &= peak <= 1024
    return ok


DASHBOARD = ("import sys; sys.path.insert(0, sys.argv[1]); from main import open_service_at; "
             "from assessment.domain.model import UnitKind; from storage.db import sqlite_url; "
             "c = open_service_at(sqlite_url(sys.argv[2])).compare.peer_group(year=int(sys.argv[3]), "
             "kind=UnitKind.COMMUNE); assert len(c.group) == int(sys.argv[4])")


def dashboard_figures(db: str, env: dict[str, str], bound: Timing) -> bool:
    """What the Compare tab loads for the national peer group (every unit scored and ranked, pillar indices,
    target statuses): a fresh process, as when an inspector opens the tab."""
    command = [sys.executable, "-c", DASHBOARD, str(ROOT), db, str(CYCLES[-1]), str(NATIONAL_COMMUNES)]
    run_measured(command, env)
    runs = [run_measured(command, env) for _ in range(3)]
    peak = max(mb for _, mb in runs)
    return report(f"dashboard data: compare.peer_group, {NATIONAL_COMMUNES} communes, fresh process",
                  Timing([s for s, _ in runs]), bound, budget_s=SCORE_CEILING_S, note=f"peak memory {peak:.0f} MB") \
        and peak <= 1024


def province_booklet(path: Path, folder: Path, env: dict[str, str]) -> bool:
    """One province's booklet: its communes' scorecards, ranked within the whole national group. Lower bound:
    `score --cycle --kind commune` on the same database, which the booklet must do at least (rank 3,321 units)."""
    province = [u.code for u in province_units() if u.code.startswith("P07")]
    listing = folder / "province-07.txt"
    listing.write_text("\n".join(province) + "\n", encoding="utf-8")
    out = folder / "province-07.pdf"
    base = [sys.executable, str(ROOT / "main.py"), "--db", str(path)]
    booklet = [*base, "report", "--cycle", str(CYCLES[-1]), "--kind", "commune", "--booklet", "--units",
               f"@{listing}", "-o", str(out)]
    score = [*base, "score", "--cycle", str(CYCLES[-1]), "--kind", "commune"]
    runs = [run_measured(booklet, env) for _ in range(2)]
    bound = Timing([run_measured(score, env)[0] for _ in range(2)])
    pages = _pages(out)
    peak = max(mb for _, mb in runs)
    return report(f"one province's booklet ({len(province)} of {NATIONAL_COMMUNES} communes, {pages} pages, "
                  f"{out.stat().st_size / 1e6:.1f} MB)", Timing([s for s, _ in runs]), bound, budget_s=60.0,
                  note=f"peak memory {peak:.0f} MB; bound: score --kind commune (the ranking it needs)")


def _pages(pdf: Path) -> str:
    try:
        info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    except OSError:  # poppler-utils not installed
        return "?"
    return next((line.split()[-1] for line in info.splitlines() if line.startswith("Pages")), "?")


def sqlite_part(folder: Path, env: dict[str, str]) -> bool:
    from storage.backup import backup, restore
    from storage.db import sqlite_url

    path = folder / "national.sqlite"
    written, seconds = build(sqlite_url(path))
    with sqlite3.connect(path) as c:
        c.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        history = c.execute("SELECT count(*) FROM answer_history").fetchone()[0]
    size = path.stat().st_size
    print(f"national dataset: {PROVINCES} provinces, {NATIONAL_COMMUNES} communes, {len(CYCLES)} cycles, "
          f"{written} answers + {history} history rows, built in {seconds:.1f} s; SQLite file {size / 1e6:.0f} MB "
          f"({size / written:.0f} bytes per answer incl. history)")

    sql = ("SELECT a.assessment_id, a.indicator_code, a.value_number, a.value_text, a.numerator, a.denominator, "
           "a.choices, a.not_applicable, a.manual_points FROM answers a JOIN assessments s ON s.id = a.assessment_id "
           "WHERE s.cycle_year = ?")

    def lower() -> None:
        subprocess.run([sys.executable, "-c", "pass"], check=True, env=env)
        with sqlite3.connect(path) as c:
            c.execute(sql, (CYCLES[-1],)).fetchall()

    bound = measure(lower, repeat=3)
    ok = score_figures(str(path), env, "SQLite", SCORE_CEILING_S, bound)
    ok &= dashboard_figures(str(path), env, bound)
    ok &= province_booklet(path, folder, env)

    copy = folder / "national-backup.sqlite"
    saved = measure(lambda: backup(sqlite_url(path), copy, overwrite=True), repeat=3)
    plain = measure(lambda: copy.write_bytes(path.read_bytes()), repeat=3)
    ok &= report(f"backup of the national database ({size / 1e6:.0f} MB, online API + check)", saved, plain,
                 budget_s=5.0, note="lower bound: a plain file copy")
    restored = measure(lambda: restore(copy, sqlite_url(path)), repeat=3)
    ok &= report("restore of it (checks it, keeps the current file as .bak, copies it in)", restored, plain,
                 budget_s=10.0)
    return ok


def postgres_part(admin_url: str, env: dict[str, str]) -> bool:
    from sqlalchemy import create_engine
    from sqlalchemy.engine import make_url

    name = f"dxbench_{uuid.uuid4().hex[:8]}"
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as c:
        c.exec_driver_sql(f"CREATE DATABASE {name}")
    url = make_url(admin_url).set(database=name).render_as_string(hide_password=False)
    try:
        written, seconds = build(url)
        with admin.connect() as c:
            size = c.exec_driver_sql(f"SELECT pg_database_size('{name}')").scalar()
        print(f"PostgreSQL: {written} answers built in {seconds:.1f} s; database {size / 1e6:.0f} MB")
        return score_figures(url, env, "PostgreSQL", SCORE_CEILING_S, None)
    finally:
        with admin.connect() as c:
            c.exec_driver_sql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        admin.dispose()


def main() -> bool:
    folder = Path(tempfile.mkdtemp(prefix="dxbench-national-"))
    env = {**os.environ, "DXSCORE_LOG_DIR": str(folder / "logs")}
    env.pop("DXSCORE_DB", None)
    ok = sqlite_part(folder, env)
    pg = os.environ.get("DXSCORE_BENCH_PG")
    if pg:
        ok &= postgres_part(pg, env)
    else:
        print("PostgreSQL: skipped (set DXSCORE_BENCH_PG=postgresql+psycopg://… to load and score it there too)")
    for leftover in folder.glob("*"):
        if leftover.is_file():
            leftover.unlink()
    return ok


if __name__ == "__main__":
    raise SystemExit(0 if main() else 1)
