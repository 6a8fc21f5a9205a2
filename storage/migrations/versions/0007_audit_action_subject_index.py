"""an index on the audit trail's (action, subject)

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-06

`publication verify` reads only the trail rows that recorded the cycle's publications (action "publication",
subject "<year> #<number>") instead of the whole trail; this index finds them. An index only: nothing stored
changes.
"""

from __future__ import annotations

from alembic import op

revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index('ix_audit_log_action_subject', 'audit_log', ['action', 'subject'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_audit_log_action_subject', table_name='audit_log')
