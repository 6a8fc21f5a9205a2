"""A store that reads a warm SQLite file without SQLAlchemy (storage/deferred.py): every read it answers in plain
sqlite3 is the full store's answer; a process that only reads kept results never imports SQLAlchemy; anything
else, a write first of all, goes to the full store and is seen by the next read; a second writer in another
process is seen; a file that needs more than reading (new, newer, foreign) opens as before."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from db_backends import copy_demo

from assessment.domain.errors import DatabaseTooNew, NotADxscoreDatabase
from assessment.domain.model import UnitKind
from cli.wiring import open_service_at
from storage.db import sqlite_url
from storage.deferred import DeferredStore, open_full_store, open_store
from storage.store import SqlStore
from tests.conftest import open_service

ROOT = Path(__file__).resolve().parents[2]
YEAR = 2025


@pytest.fixture
def demo(demo_template: Path, tmp_path: Path) -> Path:
    path = tmp_path / "demo.sqlite"
    copy_demo(demo_template, path)
    return path


def run(*args: str, db: Path, tmp: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "DXSCORE_LOG_DIR": str(tmp / "logs"), "DXSCORE_CACHE_DIR": str(tmp / "cache")}
    return subprocess.run([sys.executable, str(ROOT / "main.py"), "--db", str(db), *args], capture_output=True,
                          text=True, env=env, cwd=ROOT, timeout=300)


def test_every_plain_read_is_the_full_stores_answer(demo: Path):
    keeper = open_service(demo)
    keeper.scores.for_cycle(year=YEAR)  # computes and keeps the cycle's result
    keeper.store.close()
    sql = open_full_store(sqlite_url(demo))
    store = open_store(sqlite_url(demo))
    try:
        assert isinstance(store, DeferredStore) and isinstance(sql, SqlStore)
        assert store.committed_change() == sql.committed_change() == store.change_number() == sql.change_number()
        for key in ("demo", "app", "reference_units_version", "no such key"):
            assert store.get_meta(key) == sql.get_meta(key)
        assert store.units() == sql.units() and len(store.units()) > 140
        for kind in UnitKind:
            assert store.units(kind) == sql.units(kind)
        assert any(u.valid_from for u in store.units())  # dates come back as dates
        assert store.unit("00070") == sql.unit("00070") and store.unit("NO_SUCH") is None
        assert store.cycles() == sql.cycles() and 2025 in store.cycles()
        assert store.target_sets() == sql.target_sets()
        active = store.target_set()
        assert active is not None and active == sql.target_set()
        assert repr(active) == repr(sql.target_set())  # the kept result's fingerprint is taken from the repr
        assert store.target_set(active.name) == sql.target_set(active.name)
        assert store.target_set("no such set") is None
        assert store.stored_methodologies() == sql.stored_methodologies()
        assert store.council.publications(YEAR) == sql.council.publications(YEAR) == []
        from assessment.services.result_codec import FORMAT_VERSION, fingerprint, stored_keys

        key = dict(change=sql.committed_change(), format_version=FORMAT_VERSION,
                   fingerprint=fingerprint(stored_keys(sql), active))
        assert store.results.get(YEAR, active.name, **key) == sql.results.get(YEAR, active.name, **key) is not None
        assert store._full is None  # all of the above without opening the full store
    finally:
        store.close()
        sql.close()


def test_a_process_reading_kept_results_never_imports_sqlalchemy(demo: Path, tmp_path: Path):
    """The ranking, the JSON and the dashboard's peer group, warm, in a fresh process each; the same output as
    the first (cold) run, which computed and kept the result through the full store."""
    cold_ranking = run("score", "--cycle", str(YEAR), db=demo, tmp=tmp_path)
    assert cold_ranking.returncode == 0, cold_ranking.stderr
    probe = ("import contextlib, io, sys; from cli.app import main; out = io.StringIO()\n"
             "with contextlib.redirect_stdout(out): code = main(sys.argv[1:])\n"
             "print(code, sorted(m for m in sys.modules if m.split('.')[0] == 'sqlalchemy')); print(out.getvalue())")
    for extra in ([], ["--json"]):
        found = subprocess.run([sys.executable, "-c", probe, "--db", str(demo), "score", "--cycle", str(YEAR), *extra],
                               capture_output=True, text=True, cwd=ROOT, timeout=300,
                               env={**os.environ, "DXSCORE_LOG_DIR": str(tmp_path / "logs")})
        first, _, printed = found.stdout.partition("\n")
        assert first == "0 []", found.stdout[:300] + found.stderr
        if not extra:
            assert printed.rstrip("\n") == cold_ranking.stdout.rstrip("\n")
    dashboard = ("import sys; from cli.wiring import open_service_at; from storage.sqlite_file import sqlite_url\n"
                 "from assessment.domain.model import UnitKind\n"
                 "group = open_service_at(sqlite_url(sys.argv[1])).compare.peer_group(year=2025, kind=UnitKind.COMMUNE)"
                 ".group\nprint(len(group), [m for m in sys.modules if m.split('.')[0] == 'sqlalchemy'])")
    found = subprocess.run([sys.executable, "-c", dashboard, str(demo)], capture_output=True, text=True, cwd=ROOT,
                           timeout=300, env={**os.environ, "DXSCORE_LOG_DIR": str(tmp_path / "logs")})
    assert found.stdout.strip() == "126 []", found.stdout + found.stderr


def test_a_write_opens_the_full_store_and_the_next_read_sees_it(demo: Path):
    keeper = open_service(demo)
    keeper.scores.for_cycle(year=YEAR)  # computes and keeps the result: the next process reads it warm
    keeper.store.close()
    service = open_service_at(sqlite_url(demo), "tester")
    try:
        service.initialise()
        store = service.store
        assert isinstance(store, DeferredStore)
        before = service.scores.for_cycle(year=YEAR, unit_code="00070").scorecards[0]
        assert store._full is None
        target = next(t for t in service.targets.active().targets if t.values)
        year, value = target.values[-1]
        service.store.set_target_value(target.id, year, value + 1)  # a write: through the full store
        assert isinstance(store._full, SqlStore) and store._connection is None
        assert dict(service.targets.active().get(target.id).values)[year] == value + 1
        after = service.scores.for_cycle(year=YEAR, unit_code="00070").scorecards[0]
        assert after.index == before.index
    finally:
        service.store.close()


def test_another_process_writing_between_two_reads_is_seen(demo: Path, tmp_path: Path):
    """The window's service stays open on the deferred store while a package or an import lands from another
    process: the next read finds the counter moved and computes the new figures."""
    keeper = open_service(demo)
    keeper.scores.for_cycle(year=YEAR)
    keeper.store.close()
    service = open_service_at(sqlite_url(demo), "tester")
    try:
        service.initialise()
        card = service.scores.for_cycle(year=YEAR, unit_code="00070").scorecards[0]
        assert service.store._full is None  # read warm, in plain sqlite3
        points = next(i.points for i in card.indicators if i.code == "NTS01")
        changed = tmp_path / "answers.csv"
        changed.write_text(f"unit_code,cycle,indicator_code,value\n00070,{YEAR},NTS01,{0 if points else 2}\n",
                           encoding="utf-8")
        imported = run("answers", "import", str(changed), db=demo, tmp=tmp_path)
        assert imported.returncode == 0, imported.stderr
        now = service.scores.for_cycle(year=YEAR, unit_code="00070").scorecards[0]
        assert next(i.points for i in now.indicators if i.code == "NTS01") != points
        assert now.points != card.points
    finally:
        service.store.close()


def test_a_published_cycle_is_read_by_the_full_store(demo: Path, tmp_path: Path):
    from tests.publication_setup import publish_city

    publish_city(demo, tmp_path / "packages")
    service = open_service_at(sqlite_url(demo), "tester")
    try:
        group = service.compare.peer_group(year=YEAR, kind=UnitKind.DEPARTMENT)
        assert group.publication is not None and group.publication.number == 1
        assert service.store.council.publications(2024) == []
    finally:
        service.store.close()


def test_a_file_that_needs_more_than_reading_opens_the_full_store(demo: Path, tmp_path: Path):
    new = open_store(sqlite_url(tmp_path / "new.sqlite"))  # created and migrated
    assert isinstance(new, SqlStore)
    new.close()
    # a read-only or damaged file: tests/limits/test_limits_integrity.py and test_limits_disk.py, through main.py
    foreign = tmp_path / "other.sqlite"
    with sqlite3.connect(foreign) as c:
        c.execute("CREATE TABLE notes (id INTEGER)")
    c.close()
    with pytest.raises(NotADxscoreDatabase):
        open_store(sqlite_url(foreign))
    with sqlite3.connect(demo) as c:
        c.execute("UPDATE alembic_version SET version_num = 'from_the_future'")
    c.close()
    with pytest.raises(DatabaseTooNew):
        open_store(sqlite_url(demo))
