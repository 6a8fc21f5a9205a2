"""a cycle's computed results, kept in the database

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-06

`dx_cycle_results` keeps a cycle's computed results (scores, ranks, target progress as arrays) so that one
computation serves every process until the next change (storage/results.py). A new table only: a database
written by 0007 keeps all it holds, and the table starts empty (the first read computes and fills it).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('dx_cycle_results',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('cycle_year', sa.Integer(), nullable=False),
    sa.Column('target_set', sa.String(length=200), nullable=False),
    sa.Column('fingerprint', sa.String(length=64), nullable=False),
    sa.Column('format_version', sa.Integer(), nullable=False),
    sa.Column('change_number', sa.Integer(), nullable=False),
    sa.Column('computed_at', sa.String(length=32), nullable=False),
    sa.Column('size', sa.Integer(), nullable=False),
    sa.Column('payload', sa.LargeBinary(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_dx_cycle_results')),
    sa.UniqueConstraint('cycle_year', 'target_set', name=op.f('uq_dx_cycle_results_cycle_year'))
    )


def downgrade() -> None:
    op.drop_table('dx_cycle_results')
