"""Alembic environment: runs on the engine dxscore hands over (never reads alembic.ini), inside dxscore's
write transaction, so the whole upgrade is one transaction and two apps never migrate at once."""

from __future__ import annotations

from alembic import context

from storage.db import write_transaction
from storage.tables import Base

engine = context.config.attributes["engine"]
with write_transaction(engine, counted=False) as connection:  # dx_changes may not exist yet
    context.configure(connection=connection, target_metadata=Base.metadata,
                      render_as_batch=connection.dialect.name == "sqlite")
    with context.begin_transaction():
        context.run_migrations()
