"""What a user would compare to see that "nothing was written": every table's row count and a hash of its
rows, read through a fresh engine (SQLite file or PostgreSQL URL). Not `dx_cycle_results`: it keeps results
computed from the data (storage/results.py), which any read may fill; it holds no data of its own."""

from __future__ import annotations

import hashlib
from pathlib import Path

from sqlalchemy import create_engine, inspect, text


def snapshot(db: str | Path) -> dict[str, tuple[int, str]]:
    if "://" in str(db):
        engine = create_engine(str(db))
    else:  # read-only: looking must not change the file
        engine = create_engine("sqlite://", creator=lambda: _ro_sqlite(Path(db)))
    try:
        with engine.connect() as connection:
            result = {}
            for table in sorted(set(inspect(connection).get_table_names()) - {"dx_cycle_results"}):
                rows = sorted(repr(tuple(row)) for row in connection.execute(text(f'SELECT * FROM "{table}"')))
                result[table] = (len(rows), hashlib.sha256("\n".join(rows).encode()).hexdigest())
            return result
    finally:
        engine.dispose()


def _ro_sqlite(path: Path):  # type: ignore[no-untyped-def]
    """Read-only; on a read-only medium (no WAL index can be made) as immutable, which is exact only while no
    WAL file holds changes, so that case is refused rather than read wrong."""
    import sqlite3

    try:
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return connection
    except sqlite3.OperationalError:
        wal = path.with_name(path.name + "-wal")
        assert not wal.exists() or wal.stat().st_size == 0, "cannot read a read-only file that has a WAL"
        return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True)
