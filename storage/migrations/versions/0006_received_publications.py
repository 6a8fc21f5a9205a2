"""received publications

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-06

The publication packages a unit's database takes (issue 17.4): one row per unit, cycle and publication number,
holding the package's content as it came and its SHA-256. A new table only: a database written by 0005 keeps all
it holds.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('received_publications',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('cycle_year', sa.Integer(), nullable=False),
    sa.Column('unit_code', sa.String(length=32), nullable=False),
    sa.Column('number', sa.Integer(), nullable=False),
    sa.Column('decision_no', sa.String(length=100), nullable=False),
    sa.Column('content', sa.Text(), nullable=False),
    sa.Column('content_sha256', sa.String(length=64), nullable=False),
    sa.Column('package_id', sa.String(length=64), nullable=False),
    sa.Column('signer', sa.String(length=100), nullable=False),
    sa.Column('fingerprint', sa.String(length=40), nullable=False),
    sa.Column('received_at', sa.String(length=32), nullable=False),
    sa.Column('received_by', sa.String(length=100), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_received_publications')),
    sa.UniqueConstraint('cycle_year', 'unit_code', 'number', name=op.f('uq_received_publications_cycle_year'))
    )


def downgrade() -> None:
    op.drop_table('received_publications')
