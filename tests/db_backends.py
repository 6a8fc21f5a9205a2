"""Fixtures that run a test against both databases dxscore supports: an SQLite file and a PostgreSQL database.

PostgreSQL needs a server: DXSCORE_TEST_PG names a role that may create databases (`.ci/start-postgres` starts
a throwaway one and prints the URL). Each test gets a database of its own, created with the ICU Vietnamese
collation, so nothing may depend on how the database sorts text. Without DXSCORE_TEST_PG the PostgreSQL cases
are skipped with that reason; under CI (CI=true) they fail instead, since CI always starts a server.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

BACKENDS = ("sqlite", "postgresql")
PG_ENV = "DXSCORE_TEST_PG"


def pg_admin_url() -> str | None:
    return os.environ.get(PG_ENV) or None


def require_pg() -> str:
    url = pg_admin_url()
    if url is None:
        reason = (f"PostgreSQL case: set {PG_ENV}=postgresql+psycopg://USER:PASSWORD@127.0.0.1:PORT/DB (a role that "
                  "may create databases; `.ci/start-postgres` starts a throwaway server and prints one)")
        if os.environ.get("CI"):
            pytest.fail(f"CI must run the PostgreSQL tests: {reason}")
        pytest.skip(reason)
    return url


def _admin(url: str):  # type: ignore[no-untyped-def]
    from sqlalchemy import create_engine

    return create_engine(url, isolation_level="AUTOCOMMIT", poolclass=_null_pool())


def _null_pool():  # type: ignore[no-untyped-def]
    from sqlalchemy.pool import NullPool

    return NullPool


def create_pg_database(template: str | None = None) -> str:
    """A new, empty (or copied) database on the test server; returns its URL."""
    from sqlalchemy.engine import make_url

    url = require_pg()
    name = f"dxtest_{uuid.uuid4().hex[:12]}"
    source = f"TEMPLATE {template}" if template else \
        "TEMPLATE template0 ENCODING 'UTF8' LOCALE_PROVIDER icu ICU_LOCALE 'vi-VN' LOCALE 'C.UTF-8'"
    engine = _admin(url)
    with engine.connect() as c:
        c.exec_driver_sql(f"CREATE DATABASE {name} {source}")
    engine.dispose()
    return make_url(url).set(database=name).render_as_string(hide_password=False)


def drop_pg_database(url: str) -> None:
    import time

    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ProgrammingError

    name = make_url(url).database
    engine = _admin(require_pg())
    try:
        for attempt in range(20):
            try:
                with engine.connect() as c:
                    c.exec_driver_sql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
                return
            except ProgrammingError:  # a server process we may not end (autovacuum) is in it for a moment
                if attempt == 19:
                    raise
                time.sleep(0.25)
    finally:
        engine.dispose()


def open_url_service(url: str):  # type: ignore[no-untyped-def]
    """The service as the window and the CLI open it (cli.wiring.open_service_at), initialised."""
    from cli.wiring import open_service_at

    service = open_service_at(url, "tester")
    service.initialise()
    return service


@pytest.fixture(params=BACKENDS)
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """The URL of a fresh, empty database: an SQLite file, then a PostgreSQL database."""
    if request.param == "sqlite":
        from storage.db import sqlite_url

        yield sqlite_url(tmp_path / "dx.sqlite")
        return
    url = create_pg_database()
    yield url
    drop_pg_database(url)


@pytest.fixture
def backend_service(db_url: str):  # type: ignore[no-untyped-def]
    """A service on a fresh database of each backend (reference units and default targets loaded)."""
    svc = open_url_service(db_url)
    yield svc
    svc.store.close()


@pytest.fixture(scope="session")
def pg_demo_template() -> Iterator[str]:
    """The demo database built once on the test server, copied (CREATE DATABASE … TEMPLATE) per test."""
    url = create_pg_database()
    svc = open_url_service(url)
    svc.demo.build()
    svc.store.close()
    yield url
    drop_pg_database(url)


@pytest.fixture(params=BACKENDS)
def demo_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A private copy of the demo database, as a `--db` value: an SQLite file path, then a PostgreSQL URL."""
    if request.param == "sqlite":
        template = request.getfixturevalue("demo_template")
        target = tmp_path / "demo.sqlite"
        copy_demo(template, target)
        yield str(target)
        return
    template_url = request.getfixturevalue("pg_demo_template")
    from sqlalchemy.engine import make_url

    url = create_pg_database(template=make_url(template_url).database)
    yield url
    drop_pg_database(url)


def copy_demo(template: Path, target: Path) -> None:
    """The demo as built: without the cycle results that tests reading the session's template kept in it (a
    score keeps them in the file), so every copy computes its own and a test's edit made with plain SQL counts."""
    shutil.copy(template, target)
    with sqlite3.connect(target) as connection:
        connection.execute("DELETE FROM dx_cycle_results")
    connection.close()
