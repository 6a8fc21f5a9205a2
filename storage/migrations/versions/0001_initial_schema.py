"""initial schema

Revision ID: 0001
Revises: (none)
Create Date: 2026-11-25

Generated with alembic autogenerate from storage/tables.py, then reviewed. The last step stamps the
file as a dxscore database (dx_meta app = dxscore) in the same transaction as the schema.
"""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa
from alembic import op

revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('cycles',
    sa.Column('year', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('reference_date', sa.Date(), nullable=False),
    sa.PrimaryKeyConstraint('year', name=op.f('pk_cycles'))
    )
    op.create_table('dx_meta',
    sa.Column('key', sa.String(length=64), nullable=False),
    sa.Column('value', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_dx_meta'))
    )
    op.create_table('methodologies',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('methodology_id', sa.String(length=64), nullable=False),
    sa.Column('version', sa.String(length=32), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('title_vi', sa.String(length=300), nullable=False),
    sa.Column('source_text', sa.Text(), nullable=False),
    sa.Column('stored_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_methodologies')),
    sa.UniqueConstraint('methodology_id', 'version', name=op.f('uq_methodologies_methodology_id'))
    )
    op.create_table('target_sets',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('is_default', sa.Boolean(), nullable=False),
    sa.Column('imported_from', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_target_sets')),
    sa.UniqueConstraint('name', name=op.f('uq_target_sets_name'))
    )
    op.create_table('units',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=32), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('subtype', sa.String(length=32), nullable=False),
    sa.Column('name_vi', sa.String(length=200), nullable=False),
    sa.Column('name_en', sa.String(length=200), nullable=False),
    sa.Column('valid_from', sa.Date(), nullable=True),
    sa.Column('valid_until', sa.Date(), nullable=True),
    sa.Column('digital_economy_duty', sa.Boolean(), nullable=False),
    sa.Column('unconfirmed', sa.Boolean(), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_units')),
    sa.UniqueConstraint('code', name=op.f('uq_units_code'))
    )
    with op.batch_alter_table('units', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_units_kind'), ['kind'], unique=False)

    op.create_table('assessments',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('unit_id', sa.Integer(), nullable=False),
    sa.Column('cycle_year', sa.Integer(), nullable=False),
    sa.Column('methodology_pk', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['cycle_year'], ['cycles.year'], name=op.f('fk_assessments_cycle_year_cycles'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['methodology_pk'], ['methodologies.id'], name=op.f('fk_assessments_methodology_pk_methodologies'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['unit_id'], ['units.id'], name=op.f('fk_assessments_unit_id_units'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_assessments')),
    sa.UniqueConstraint('unit_id', 'cycle_year', name=op.f('uq_assessments_unit_id'))
    )
    with op.batch_alter_table('assessments', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_assessments_cycle_year'), ['cycle_year'], unique=False)

    op.create_table('targets',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('target_set_id', sa.Integer(), nullable=False),
    sa.Column('target_id', sa.String(length=64), nullable=False),
    sa.Column('pillar', sa.String(length=32), nullable=False),
    sa.Column('text_vi', sa.Text(), nullable=False),
    sa.Column('text_en', sa.Text(), nullable=False),
    sa.Column('unit', sa.String(length=32), nullable=False),
    sa.Column('direction', sa.String(length=8), nullable=False),
    sa.Column('document', sa.Text(), nullable=False),
    sa.Column('source', sa.Text(), nullable=False),
    sa.Column('confidence', sa.String(length=32), nullable=False),
    sa.Column('unconfirmed', sa.Boolean(), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('category', sa.String(length=64), nullable=False),
    sa.ForeignKeyConstraint(['target_set_id'], ['target_sets.id'], name=op.f('fk_targets_target_set_id_target_sets'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_targets')),
    sa.UniqueConstraint('target_set_id', 'target_id', name=op.f('uq_targets_target_set_id'))
    )
    op.create_table('unit_lineage',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('successor_id', sa.Integer(), nullable=False),
    sa.Column('predecessor_code', sa.String(length=32), nullable=False),
    sa.Column('predecessor_name', sa.String(length=200), nullable=False),
    sa.Column('predecessor_district_id', sa.Integer(), nullable=True),
    sa.Column('part', sa.String(length=32), nullable=False),
    sa.ForeignKeyConstraint(['predecessor_district_id'], ['units.id'], name=op.f('fk_unit_lineage_predecessor_district_id_units'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['successor_id'], ['units.id'], name=op.f('fk_unit_lineage_successor_id_units'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_unit_lineage'))
    )
    with op.batch_alter_table('unit_lineage', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_unit_lineage_successor_id'), ['successor_id'], unique=False)

    op.create_table('answer_history',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('assessment_id', sa.Integer(), nullable=False),
    sa.Column('indicator_code', sa.String(length=32), nullable=False),
    sa.Column('changed_at', sa.DateTime(), nullable=False),
    sa.Column('changed_by', sa.String(length=100), nullable=False),
    sa.Column('source', sa.String(length=16), nullable=False),
    sa.Column('old_value_number', sa.Float(), nullable=True),
    sa.Column('old_value_text', sa.Text(), nullable=True),
    sa.Column('old_numerator', sa.Float(), nullable=True),
    sa.Column('old_denominator', sa.Float(), nullable=True),
    sa.Column('old_choices', sa.Text(), nullable=True),
    sa.Column('old_not_applicable', sa.Boolean(), nullable=True),
    sa.Column('old_manual_points', sa.Float(), nullable=True),
    sa.Column('old_comment', sa.Text(), nullable=True),
    sa.Column('new_value_number', sa.Float(), nullable=True),
    sa.Column('new_value_text', sa.Text(), nullable=True),
    sa.Column('new_numerator', sa.Float(), nullable=True),
    sa.Column('new_denominator', sa.Float(), nullable=True),
    sa.Column('new_choices', sa.Text(), nullable=True),
    sa.Column('new_not_applicable', sa.Boolean(), nullable=True),
    sa.Column('new_manual_points', sa.Float(), nullable=True),
    sa.Column('new_comment', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['assessment_id'], ['assessments.id'], name=op.f('fk_answer_history_assessment_id_assessments'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_answer_history'))
    )
    with op.batch_alter_table('answer_history', schema=None) as batch_op:
        batch_op.create_index('ix_answer_history_assessment_code', ['assessment_id', 'indicator_code'], unique=False)

    op.create_table('answers',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('assessment_id', sa.Integer(), nullable=False),
    sa.Column('indicator_code', sa.String(length=32), nullable=False),
    sa.Column('value_number', sa.Float(), nullable=True),
    sa.Column('value_text', sa.Text(), nullable=True),
    sa.Column('numerator', sa.Float(), nullable=True),
    sa.Column('denominator', sa.Float(), nullable=True),
    sa.Column('choices', sa.Text(), nullable=True),
    sa.Column('not_applicable', sa.Boolean(), nullable=False),
    sa.Column('manual_points', sa.Float(), nullable=True),
    sa.Column('comment', sa.Text(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('updated_by', sa.String(length=100), nullable=False),
    sa.ForeignKeyConstraint(['assessment_id'], ['assessments.id'], name=op.f('fk_answers_assessment_id_assessments'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_answers')),
    sa.UniqueConstraint('assessment_id', 'indicator_code', name=op.f('uq_answers_assessment_id'))
    )
    op.create_table('target_values',
    sa.Column('target_pk', sa.Integer(), nullable=False),
    sa.Column('year', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('value', sa.Float(), nullable=False),
    sa.ForeignKeyConstraint(['target_pk'], ['targets.id'], name=op.f('fk_target_values_target_pk_targets'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('target_pk', 'year', name=op.f('pk_target_values'))
    )
    op.create_table('evidence',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('answer_id', sa.Integer(), nullable=False),
    sa.Column('document_number', sa.String(length=100), nullable=False),
    sa.Column('document_date', sa.Date(), nullable=True),
    sa.Column('summary', sa.Text(), nullable=False),
    sa.Column('file_name', sa.String(length=255), nullable=True),
    sa.Column('file_sha256', sa.String(length=64), nullable=True),
    sa.Column('added_at', sa.DateTime(), nullable=False),
    sa.Column('added_by', sa.String(length=100), nullable=False),
    sa.ForeignKeyConstraint(['answer_id'], ['answers.id'], name=op.f('fk_evidence_answer_id_answers'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_evidence'))
    )
    with op.batch_alter_table('evidence', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_evidence_answer_id'), ['answer_id'], unique=False)

    meta = sa.table("dx_meta", sa.column("key", sa.String), sa.column("value", sa.Text))
    op.bulk_insert(meta, [
        {"key": "app", "value": "dxscore"},
        {"key": "demo", "value": "false"},
        {"key": "created_at", "value": dt.datetime.now(dt.UTC).isoformat(timespec="seconds")},
    ])


def downgrade() -> None:
    with op.batch_alter_table('evidence', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_evidence_answer_id'))

    op.drop_table('evidence')
    op.drop_table('target_values')
    op.drop_table('answers')
    with op.batch_alter_table('answer_history', schema=None) as batch_op:
        batch_op.drop_index('ix_answer_history_assessment_code')

    op.drop_table('answer_history')
    with op.batch_alter_table('unit_lineage', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_unit_lineage_successor_id'))

    op.drop_table('unit_lineage')
    op.drop_table('targets')
    with op.batch_alter_table('assessments', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_assessments_cycle_year'))

    op.drop_table('assessments')
    with op.batch_alter_table('units', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_units_kind'))

    op.drop_table('units')
    op.drop_table('target_sets')
    op.drop_table('methodologies')
    op.drop_table('dx_meta')
    op.drop_table('cycles')
