"""answer versions and the database change counter

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-06

`answers.version` is the change number of the write that last set the answer: a save made against an older one
is refused (a stale form never overwrites newer data). `dx_changes` holds one row whose counter every write
transaction moves; windows poll it to learn about changes made by other processes. Adding a column with a
constant default is a plain ALTER TABLE on both databases (no table rebuild on SQLite).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column('answers', sa.Column('version', sa.Integer(), nullable=False, server_default='1'))
    op.create_table('dx_changes',
    sa.Column('id', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('counter', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_dx_changes'))
    )
    op.execute("INSERT INTO dx_changes (id, counter) VALUES (1, 1)")


def downgrade() -> None:
    op.drop_table('dx_changes')
    with op.batch_alter_table('answers', schema=None) as batch_op:
        batch_op.drop_column('version')
