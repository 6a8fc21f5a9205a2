"""A synthetic national dataset (3,321 communes across 34 provinces, 3 cycles of the commune methodology) and what
it costs: database size, build time, `score` wall time and peak memory (whole process, as a user runs it),
backup and restore. With DXSCORE_BENCH_PG=postgresql+psycopg://… (a role that may create databases) the same
dataset is also loaded into a PostgreSQL database and scored there.

The lower bound for `score` is the bare interpreter start plus reading the cycle's answers with raw sqlite3, both
measured in the same run.

A cycle's results are kept in the database once computed (storage/results.py), so `score` and the dashboard are
measured twice against the same bound: cold (the kept results deleted before each run: the first run after a
change, which computes and keeps them) and warm (a fresh process reading the kept results).
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
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run as a script: `python bench/bench_national.py`

from bench.common import (
    CYCLES,
    NATIONAL_COMMUNES,
    ROOT,
    Timing,
    measure,
    national_units,
    report,
    synthetic_long,
)

PROVINCES = 34  # provinces and centrally-run cities after the 2025 merger
# A ceiling against regressions; the budgets are the ratios to the lower bound (issue 14).
SCORE_CEILING_S = 15.0
RANKING_RATIO, JSON_RATIO, DASHBOARD_RATIO = 2.0, 3.0, 2.0
PEAK_MB = 150


def province_units():  # type: ignore[no-untyped-def]
    """common.national_units, coded by province: P01N00000 … P34N03320, in contiguous blocks."""
    return [dataclasses.replace(u, code=f"P{i * PROVINCES // NATIONAL_COMMUNES + 1:02d}{u.code}")
            for i, u in enumerate(national_units())]


def build(url: str, cycles: tuple[int, ...] = CYCLES) -> tuple[int, float]:
    """The dataset in the database at `url` (tests: fewer cycles); (answers written, seconds)."""
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
    ids = service.answers.ensure_assessments([(u, year, methodology) for year in cycles for u in units])
    written = 0
    for year in cycles:
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
         "u = resource.getrusage(resource.RUSAGE_CHILDREN); print(t, u.ru_maxrss, u.ru_utime + u.ru_stime)")


def run_probe(command: list[str], env: dict[str, str]) -> tuple[float, float, float]:
    """(wall seconds, peak resident MB, CPU seconds) of one process running `command`."""
    out = subprocess.run([sys.executable, "-c", PROBE, *command], capture_output=True, text=True, env=env, check=True)
    seconds, kilobytes, cpu = out.stdout.split()
    return float(seconds), int(kilobytes) / 1024, float(cpu)


def run_measured(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(wall seconds, peak resident MB) of one process running `command`."""
    seconds, megabytes, _cpu = run_probe(command, env)
    return seconds, megabytes


Forget = Callable[[], None]  # deletes the kept results (the next run computes them: a cold run)
Lower = Callable[[], float]  # one run of the lower bound, in seconds


def cold_and_warm(name: str, command: list[str], env: dict[str, str], lower: Lower | None, ratio: float,
                  forget: Forget, runs: int = 3, floor: Lower | None = None) -> bool:
    """`command` measured cold (the kept results deleted before each run) and warm (read from the database,
    after one run that keeps them), each against the same bound, with its peak memory and CPU time. The bound is
    run right before each run (the machine is shared: its load moves within seconds). `floor`: the least a cold
    run must do (cold_floor), shown beside the cold figure."""
    ok = True
    cold, cold_bound, floors = [], [], []
    for _ in range(runs):
        forget()
        cold_bound.append(lower() if lower else 0.0)
        floors.append(floor() if floor else 0.0)
        cold.append(run_probe(command, env))
    run_measured(command, env)  # keeps the results (and warms the file cache)
    warm, warm_bound = [], []
    for _ in range(runs):
        warm_bound.append(lower() if lower else 0.0)
        warm.append(run_probe(command, env))
    for label, found, bounds in (("cold: first run after a change, computes and keeps the results", cold, cold_bound),
                                 ("warm: a fresh process reading the kept results", warm, warm_bound)):
        bound = Timing(bounds) if lower else None
        peak = max(mb for _, mb, _ in found)
        cpu = sorted(c for _, _, c in found)[len(found) // 2]
        note = f"peak memory {peak:.0f} MB; CPU {cpu * 1000:.0f} ms"
        if floor is not None and found is cold:
            least = Timing(floors)
            note += (f"; the least a cold run must do (cold_floor) {least.median * 1000:.0f} ms: "
                     f"{Timing([s for s, _, _ in found]).median / least.median:.2f}× that")
        ok &= report(f"{name} [{label}]", Timing([s for s, _, _ in found]), bound, budget_s=SCORE_CEILING_S,
                     max_ratio=ratio if bound is not None else None, note=note)
        ok &= memory_figure(f"{name} [{label.split(':')[0]}]", peak)
    return ok


def score_figures(db: str, env: dict[str, str], label: str, bound: Lower | None, forget: Forget,
                  floor: Lower | None = None) -> bool:
    ok = True
    for year in (CYCLES[-1],):
        for extra, name, ratio in ((["--json"], "JSON", JSON_RATIO), ([], "ranking", RANKING_RATIO)):
            command = [sys.executable, str(ROOT / "main.py"), "--db", db, "score", "--cycle", str(year), *extra]
            ok &= cold_and_warm(f"{label}: score --cycle {year} {' '.join(extra)} ({NATIONAL_COMMUNES} communes, "
                                f"{name})", command, env, bound, ratio, forget, floor=floor)
    return ok


DASHBOARD = ("import sys; sys.path.insert(0, sys.argv[1]); from cli.wiring import open_service_at; "
             "from assessment.domain.model import UnitKind; from storage.sqlite_file import sqlite_url; "
             "c = open_service_at(sqlite_url(sys.argv[2])).compare.peer_group(year=int(sys.argv[3]), "
             "kind=UnitKind.COMMUNE); assert len(c.group) == int(sys.argv[4])")


def dashboard_figures(db: str, env: dict[str, str], bound: Lower, forget: Forget, floor: Lower | None = None
                      ) -> bool:
    """What the Compare tab loads for the national peer group (every unit scored and ranked, pillar indices,
    target statuses): a fresh process, as when an inspector opens the tab."""
    command = [sys.executable, "-c", DASHBOARD, str(ROOT), db, str(CYCLES[-1]), str(NATIONAL_COMMUNES)]
    return cold_and_warm(f"dashboard data: compare.peer_group, {NATIONAL_COMMUNES} communes, fresh process",
                         command, env, bound, DASHBOARD_RATIO, forget, floor=floor)


def cold_floor(path: Path, sql: str, env: dict[str, str]) -> Lower:
    """The least a cold run must do, whatever its code: start the interpreter, read the cycle's answers, read the
    answers target history needs from each earlier cycle (the indicators scores_area reads there), and check
    the file with SQLite's quick_check, because it changed since its last check (issue 12). Raw sqlite3, rows
    fetched and dropped: no scoring, no result kept."""
    from assessment.services.cycle_results import history_codes
    from questionnaires.catalog import shipped_methodologies

    methodology = next(m for m in shipped_methodologies() if m.id == "hanoi-2025-commune")
    codes = sorted(history_codes(methodology))
    earlier = f"{sql} AND a.indicator_code IN ({', '.join('?' * len(codes))})"

    def floor() -> float:
        started = time.perf_counter()
        subprocess.run([sys.executable, "-c", "pass"], check=True, env=env)
        connection = sqlite3.connect(path)
        try:
            connection.execute(sql, (CYCLES[-1],)).fetchall()
            for year in CYCLES[:-1]:
                connection.execute(earlier, (year, *codes)).fetchall()
            connection.execute("PRAGMA quick_check").fetchall()
        finally:
            connection.close()
        return time.perf_counter() - started
    return floor


def forget_sqlite(path: Path) -> Forget:
    def forget() -> None:
        with sqlite3.connect(path) as c:
            c.execute("DELETE FROM dx_cycle_results")
        c.close()
    return forget


def memory_figure(name: str, peak: float) -> bool:
    ok = peak <= PEAK_MB
    print(("PASS " if ok else "FAIL ") + f"{name}: peak memory {peak:.0f} MB; budget ≤ {PEAK_MB} MB")
    return ok


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


def sqlite_part(folder: Path, env: dict[str, str], scores_only: bool = False) -> bool:
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

    def lower_once() -> float:
        return measure(lower, repeat=1).best

    bound = measure(lower, repeat=3)
    print(f"lower bound (python -c pass + raw sqlite3 read of cycle {CYCLES[-1]}'s answers): median "
          f"{bound.median * 1000:.0f} ms; measured again before each run below")
    forget = forget_sqlite(path)
    floor = cold_floor(path, sql, env)
    least = Timing([floor() for _ in range(3)])
    print(f"the least a cold run must do (interpreter, the cycle's answers, the answers target history reads from "
          f"the {len(CYCLES) - 1} earlier cycles, SQLite's check of the changed file): median "
          f"{least.median * 1000:.0f} ms, {least.median / bound.median:.2f}× the lower bound")
    ok = score_figures(str(path), env, "SQLite", lower_once, forget, floor)
    ok &= dashboard_figures(str(path), env, lower_once, forget, floor)
    if scores_only:
        return ok
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
        engine = create_engine(url)

        def forget() -> None:
            with engine.begin() as c:
                c.exec_driver_sql("DELETE FROM dx_cycle_results")

        try:
            return score_figures(url, env, "PostgreSQL", None, forget)
        finally:
            engine.dispose()
    finally:
        with admin.connect() as c:
            c.exec_driver_sql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        admin.dispose()


def main(argv: list[str] | None = None) -> bool:
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scores-only", action="store_true",
                        help="only `score` and the dashboard data (no booklet, backup, restore, PostgreSQL)")
    args = parser.parse_args([] if argv is None else argv)
    folder = Path(tempfile.mkdtemp(prefix="dxbench-national-"))
    # a cache folder of its own: the integrity check's verdicts (storage/integrity.py keeps the last 50 files)
    # are not pushed out by other processes on the machine between two runs, as on a user's machine
    env = {**os.environ, "DXSCORE_LOG_DIR": str(folder / "logs"), "DXSCORE_CACHE_DIR": str(folder / "cache")}
    env.pop("DXSCORE_DB", None)
    ok = sqlite_part(folder, env, args.scores_only)
    pg = None if args.scores_only else os.environ.get("DXSCORE_BENCH_PG")
    if pg:
        ok &= postgres_part(pg, env)
    else:
        print("PostgreSQL: skipped (set DXSCORE_BENCH_PG=postgresql+psycopg://… to load and score it there too)")
    for leftover in folder.glob("*"):
        if leftover.is_file():
            leftover.unlink()
    return ok


if __name__ == "__main__":
    raise SystemExit(0 if main(sys.argv[1:]) else 1)
