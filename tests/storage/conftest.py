"""Storage tests run against both databases: `service` here is a fresh SQLite file, then a fresh PostgreSQL
database (see tests/db_backends.py)."""

from __future__ import annotations

import pytest


@pytest.fixture
def service(backend_service):  # type: ignore[no-untyped-def]
    return backend_service
