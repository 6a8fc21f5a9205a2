"""a cycle's planned dates (opens, submissions due, appraisal ends, council, publication)

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-06

Nullable date columns on `cycles`: a date left empty is not planned yet. Columns only, so no table is rebuilt
and a database written by 0004 keeps working unchanged.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None

COLUMNS = ('opens', 'submissions_due', 'appraisal_ends', 'council', 'publication')


def upgrade() -> None:
    for name in COLUMNS:
        op.add_column('cycles', sa.Column(name, sa.Date(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('cycles') as batch_op:
        for name in reversed(COLUMNS):
            batch_op.drop_column(name)
