"""targets as a hierarchy (serves, level); the city service centre starts in 2025

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-06

A target names the higher target it implements (`serves`) and its place in the chain from Resolution
18-NQ/TU down to a unit's indicator (`level`). Columns only, with defaults, so no table is rebuilt.
Data fix: Trung tâm Phục vụ hành chính công opened on 31/12/2024, so it is not a unit of the 2024 cycle (it
cannot be QĐ 920's 22nd body); reference data loaded before this revision gets its start date.
"""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa
from alembic import op

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None

CENTRE_STARTS = dt.date(2025, 1, 1)


def upgrade() -> None:
    op.add_column('targets', sa.Column('serves', sa.String(length=64), nullable=False, server_default=''))
    op.add_column('targets', sa.Column('level', sa.String(length=32), nullable=False, server_default=''))
    units = sa.table('units', sa.column('code', sa.String), sa.column('valid_from', sa.Date))
    op.execute(units.update().where(units.c.code == 'TT_PVHCC', units.c.valid_from.is_(None))
               .values(valid_from=CENTRE_STARTS))


def downgrade() -> None:
    with op.batch_alter_table('targets') as batch_op:
        batch_op.drop_column('level')
        batch_op.drop_column('serves')
