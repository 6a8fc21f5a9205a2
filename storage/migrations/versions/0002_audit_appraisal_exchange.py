"""audit trail, appraisal, review notes, trusted keys, package log

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-01

New tables only (no existing table changes: SQLite would rebuild `assessments`, whose rows the answers cascade
from). The audit trail is append-only: triggers refuse UPDATE and DELETE on both databases. Its first row
records that the trail starts here and what the database held before it.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None

SQLITE_TRIGGERS = (
    "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log "
    "BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END",
    "CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log "
    "BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END",
)
POSTGRES_TRIGGERS = (
    "CREATE FUNCTION dx_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS "
    "$$ BEGIN RAISE EXCEPTION 'audit_log is append-only'; END $$",
    "CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log "
    "FOR EACH ROW EXECUTE FUNCTION dx_audit_append_only()",
    "CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log "
    "FOR EACH STATEMENT EXECUTE FUNCTION dx_audit_append_only()",
)


def upgrade() -> None:
    op.create_table('audit_log',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('at', sa.String(length=32), nullable=False),
    sa.Column('who', sa.String(length=100), nullable=False),
    sa.Column('action', sa.String(length=16), nullable=False),
    sa.Column('source', sa.String(length=16), nullable=False),
    sa.Column('assessment_id', sa.Integer(), nullable=True),
    sa.Column('subject', sa.String(length=100), nullable=False),
    sa.Column('old', sa.Text(), nullable=True),
    sa.Column('new', sa.Text(), nullable=True),
    sa.Column('why', sa.Text(), nullable=False),
    sa.Column('prev_hash', sa.String(length=64), nullable=False),
    sa.Column('hash', sa.String(length=64), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_log'))
    )
    with op.batch_alter_table('audit_log', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_audit_log_assessment_id'), ['assessment_id'], unique=False)

    op.create_table('appraisals',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('assessment_id', sa.Integer(), nullable=False),
    sa.Column('indicator_code', sa.String(length=32), nullable=False),
    sa.Column('points', sa.Float(), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('appraised_at', sa.String(length=32), nullable=False),
    sa.Column('appraised_by', sa.String(length=100), nullable=False),
    sa.ForeignKeyConstraint(['assessment_id'], ['assessments.id'], name=op.f('fk_appraisals_assessment_id_assessments'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_appraisals')),
    sa.UniqueConstraint('assessment_id', 'indicator_code', name=op.f('uq_appraisals_assessment_id'))
    )
    op.create_table('review_notes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('assessment_id', sa.Integer(), nullable=False),
    sa.Column('round', sa.Integer(), nullable=False),
    sa.Column('indicator_code', sa.String(length=32), nullable=False),
    sa.Column('comment', sa.Text(), nullable=False),
    sa.Column('comment_by', sa.String(length=100), nullable=False),
    sa.Column('comment_at', sa.String(length=40), nullable=False),
    sa.Column('reply', sa.Text(), nullable=False),
    sa.Column('reply_by', sa.String(length=100), nullable=False),
    sa.Column('reply_at', sa.String(length=40), nullable=False),
    sa.ForeignKeyConstraint(['assessment_id'], ['assessments.id'], name=op.f('fk_review_notes_assessment_id_assessments'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_review_notes')),
    sa.UniqueConstraint('assessment_id', 'round', 'indicator_code', name=op.f('uq_review_notes_assessment_id'))
    )
    op.create_table('trusted_keys',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('identity', sa.String(length=100), nullable=False),
    sa.Column('public_key', sa.String(length=64), nullable=False),
    sa.Column('fingerprint', sa.String(length=40), nullable=False),
    sa.Column('source', sa.String(length=16), nullable=False),
    sa.Column('added_at', sa.String(length=32), nullable=False),
    sa.Column('added_by', sa.String(length=100), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_trusted_keys')),
    sa.UniqueConstraint('identity', name=op.f('uq_trusted_keys_identity'))
    )
    op.create_table('package_log',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('package_id', sa.String(length=64), nullable=False),
    sa.Column('direction', sa.String(length=4), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('unit_code', sa.String(length=32), nullable=False),
    sa.Column('cycle', sa.Integer(), nullable=False),
    sa.Column('signer', sa.String(length=100), nullable=False),
    sa.Column('fingerprint', sa.String(length=40), nullable=False),
    sa.Column('manifest_sha256', sa.String(length=64), nullable=False),
    sa.Column('created_at', sa.String(length=40), nullable=False),
    sa.Column('outcome', sa.String(length=16), nullable=False),
    sa.Column('logged_at', sa.String(length=32), nullable=False),
    sa.Column('logged_by', sa.String(length=100), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_package_log')),
    sa.UniqueConstraint('direction', 'package_id', name=op.f('uq_package_log_direction'))
    )
    with op.batch_alter_table('package_log', schema=None) as batch_op:
        batch_op.create_index('ix_package_log_unit_cycle', ['unit_code', 'cycle'], unique=False)

    bind = op.get_bind()
    for statement in SQLITE_TRIGGERS if bind.dialect.name == "sqlite" else POSTGRES_TRIGGERS:
        op.execute(statement)
    _first_row(bind)


def _first_row(bind: sa.Connection) -> None:
    """The chain's first row: the trail starts with this schema; what the database already held is counted
    (the answer history before it is kept as it was)."""
    from storage.audit import append, as_json

    held = {table: bind.exec_driver_sql(f"SELECT count(*) FROM {table}").scalar()
            for table in ("assessments", "answers", "answer_history", "evidence")}
    append(bind, [("audit", "migration", None, "start", None, as_json({"schema": revision, "held": held}),
                   "the audit trail starts with schema 0002")], who="dxscore")


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS audit_log_no_truncate ON audit_log")
        op.execute("DROP TRIGGER IF EXISTS audit_log_append_only ON audit_log")
        op.execute("DROP FUNCTION IF EXISTS dx_audit_append_only()")
    with op.batch_alter_table('package_log', schema=None) as batch_op:
        batch_op.drop_index('ix_package_log_unit_cycle')
    op.drop_table('package_log')
    op.drop_table('trusted_keys')
    op.drop_table('review_notes')
    op.drop_table('appraisals')
    with op.batch_alter_table('audit_log', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_audit_log_assessment_id'))
    op.drop_table('audit_log')
