"""The database schema as SQLAlchemy 2 declarative classes. Alembic migrations create it; code never
calls `create_all` outside tests that compare the two."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class MetaRow(Base):
    """Identity and flags of the database: app = dxscore, demo = true|false, created_at."""

    __tablename__ = "dx_meta"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class ChangeRow(Base):
    """One row (id 1) whose counter every write transaction moves (storage.db.write_transaction): windows poll it
    to learn that another process changed the database, and answers take it as their version."""

    __tablename__ = "dx_changes"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    counter: Mapped[int] = mapped_column(Integer)


class CycleResultRow(Base):
    """A cycle's computed results (storage.results), kept so that one computation serves every process until the
    next change: one row per (cycle, target set), valid only while `change_number` is the database's counter and
    `format_version` / `fingerprint` match what the reader would compute. A cache, not data: never audited, never
    moves the counter."""

    __tablename__ = "dx_cycle_results"
    __table_args__ = (UniqueConstraint("cycle_year", "target_set"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    cycle_year: Mapped[int] = mapped_column(Integer)
    target_set: Mapped[str] = mapped_column(String(200))
    fingerprint: Mapped[str] = mapped_column(String(64))
    format_version: Mapped[int] = mapped_column(Integer)
    change_number: Mapped[int] = mapped_column(Integer)
    computed_at: Mapped[str] = mapped_column(String(32))
    size: Mapped[int] = mapped_column(Integer)
    payload: Mapped[bytes] = mapped_column(LargeBinary)


class UnitRow(Base):
    __tablename__ = "units"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    kind: Mapped[str] = mapped_column(String(16), index=True)
    subtype: Mapped[str] = mapped_column(String(32))
    name_vi: Mapped[str] = mapped_column(String(200))
    name_en: Mapped[str] = mapped_column(String(200))
    valid_from: Mapped[dt.date | None] = mapped_column(Date)
    valid_until: Mapped[dt.date | None] = mapped_column(Date)
    digital_economy_duty: Mapped[bool] = mapped_column(Boolean, default=False)
    unconfirmed: Mapped[bool] = mapped_column(Boolean, default=False)
    note: Mapped[str] = mapped_column(Text, default="")


class LineageRow(Base):
    """A unit's predecessors (communes formed from old communes of former districts; merged departments)."""

    __tablename__ = "unit_lineage"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    successor_id: Mapped[int] = mapped_column(ForeignKey("units.id", ondelete="CASCADE"), index=True)
    predecessor_code: Mapped[str] = mapped_column(String(32))
    predecessor_name: Mapped[str] = mapped_column(String(200))
    predecessor_district_id: Mapped[int | None] = mapped_column(ForeignKey("units.id", ondelete="SET NULL"))
    part: Mapped[str] = mapped_column(String(32))


class MethodologyRow(Base):
    __tablename__ = "methodologies"
    __table_args__ = (UniqueConstraint("methodology_id", "version"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    methodology_id: Mapped[str] = mapped_column(String(64))
    version: Mapped[str] = mapped_column(String(32))
    sha256: Mapped[str] = mapped_column(String(64))
    title_vi: Mapped[str] = mapped_column(String(300))
    source_text: Mapped[str] = mapped_column(Text)
    stored_at: Mapped[dt.datetime] = mapped_column(DateTime)


class CycleRow(Base):
    __tablename__ = "cycles"
    year: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    reference_date: Mapped[dt.date] = mapped_column(Date)  # units valid on this day are assessed
    # The planned dates of the cycle (assessment.domain.timeline.Milestone); empty: not planned yet.
    opens: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    submissions_due: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    appraisal_ends: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    council: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    publication: Mapped[dt.date | None] = mapped_column(Date, nullable=True)


class AssessmentRow(Base):
    __tablename__ = "assessments"
    __table_args__ = (UniqueConstraint("unit_id", "cycle_year"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id", ondelete="RESTRICT"))
    cycle_year: Mapped[int] = mapped_column(ForeignKey("cycles.year", ondelete="RESTRICT"), index=True)
    methodology_pk: Mapped[int] = mapped_column(ForeignKey("methodologies.id", ondelete="RESTRICT"))
    status: Mapped[str] = mapped_column(String(16), default="draft")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime)


class AnswerRow(Base):
    __tablename__ = "answers"
    __table_args__ = (UniqueConstraint("assessment_id", "indicator_code"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    assessment_id: Mapped[int] = mapped_column(ForeignKey("assessments.id", ondelete="CASCADE"))
    indicator_code: Mapped[str] = mapped_column(String(32))
    value_number: Mapped[float | None] = mapped_column(Float)
    value_text: Mapped[str | None] = mapped_column(Text)
    numerator: Mapped[float | None] = mapped_column(Float)
    denominator: Mapped[float | None] = mapped_column(Float)
    choices: Mapped[str | None] = mapped_column(Text)  # option codes joined by ';'
    not_applicable: Mapped[bool] = mapped_column(Boolean, default=False)
    manual_points: Mapped[float | None] = mapped_column(Float)
    comment: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime)
    updated_by: Mapped[str] = mapped_column(String(100))
    # The change number (ChangeRow.counter) of the write that last set this answer: a save made against an
    # older version is refused (storage/answers.py write_one).
    version: Mapped[int] = mapped_column(Integer, server_default="1")


class EvidenceRow(Base):
    __tablename__ = "evidence"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    answer_id: Mapped[int] = mapped_column(ForeignKey("answers.id", ondelete="CASCADE"), index=True)
    document_number: Mapped[str] = mapped_column(String(100))
    document_date: Mapped[dt.date | None] = mapped_column(Date)
    summary: Mapped[str] = mapped_column(Text)
    file_name: Mapped[str | None] = mapped_column(String(255))
    file_sha256: Mapped[str | None] = mapped_column(String(64))
    added_at: Mapped[dt.datetime] = mapped_column(DateTime)
    added_by: Mapped[str] = mapped_column(String(100))


ANSWER_FIELDS = ("value_number", "value_text", "numerator", "denominator", "choices", "not_applicable",
                 "manual_points", "comment")


class HistoryRow(Base):
    """One accepted change to an answer: every field before and after, who, when and through what."""

    __tablename__ = "answer_history"
    __table_args__ = (Index("ix_answer_history_assessment_code", "assessment_id", "indicator_code"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    assessment_id: Mapped[int] = mapped_column(ForeignKey("assessments.id", ondelete="CASCADE"))
    indicator_code: Mapped[str] = mapped_column(String(32))
    changed_at: Mapped[dt.datetime] = mapped_column(DateTime)
    changed_by: Mapped[str] = mapped_column(String(100))
    source: Mapped[str] = mapped_column(String(16))  # entry | import | demo | package
    old_value_number: Mapped[float | None] = mapped_column(Float)
    old_value_text: Mapped[str | None] = mapped_column(Text)
    old_numerator: Mapped[float | None] = mapped_column(Float)
    old_denominator: Mapped[float | None] = mapped_column(Float)
    old_choices: Mapped[str | None] = mapped_column(Text)
    old_not_applicable: Mapped[bool | None] = mapped_column(Boolean)
    old_manual_points: Mapped[float | None] = mapped_column(Float)
    old_comment: Mapped[str | None] = mapped_column(Text)
    new_value_number: Mapped[float | None] = mapped_column(Float)
    new_value_text: Mapped[str | None] = mapped_column(Text)
    new_numerator: Mapped[float | None] = mapped_column(Float)
    new_denominator: Mapped[float | None] = mapped_column(Float)
    new_choices: Mapped[str | None] = mapped_column(Text)
    new_not_applicable: Mapped[bool | None] = mapped_column(Boolean)
    new_manual_points: Mapped[float | None] = mapped_column(Float)
    new_comment: Mapped[str | None] = mapped_column(Text)


class TargetSetRow(Base):
    __tablename__ = "target_sets"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    is_default: Mapped[bool] = mapped_column(Boolean, default=False)
    imported_from: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)


class TargetRow(Base):
    __tablename__ = "targets"
    __table_args__ = (UniqueConstraint("target_set_id", "target_id"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    target_set_id: Mapped[int] = mapped_column(ForeignKey("target_sets.id", ondelete="CASCADE"))
    target_id: Mapped[str] = mapped_column(String(64))
    pillar: Mapped[str] = mapped_column(String(32))
    text_vi: Mapped[str] = mapped_column(Text)
    text_en: Mapped[str] = mapped_column(Text)
    unit: Mapped[str] = mapped_column(String(32))
    direction: Mapped[str] = mapped_column(String(8))
    document: Mapped[str] = mapped_column(Text, default="")
    source: Mapped[str] = mapped_column(Text, default="")
    confidence: Mapped[str] = mapped_column(String(32), default="")
    unconfirmed: Mapped[bool] = mapped_column(Boolean, default=False)
    note: Mapped[str] = mapped_column(Text, default="")
    category: Mapped[str] = mapped_column(String(64), default="")
    serves: Mapped[str] = mapped_column(String(64), default="")
    level: Mapped[str] = mapped_column(String(32), default="")


class TargetValueRow(Base):
    __tablename__ = "target_values"
    target_pk: Mapped[int] = mapped_column(ForeignKey("targets.id", ondelete="CASCADE"), primary_key=True)
    year: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    value: Mapped[float] = mapped_column(Float)


class AuditRow(Base):
    """The append-only audit trail: every change with who, when, what, old, new and why. `hash` is the SHA-256
    of the previous row's hash and this row's fields (storage/audit.py); triggers refuse UPDATE and DELETE.
    `at` is text (ISO 8601 UTC) so the hashed bytes are the stored bytes on every database. No foreign keys:
    the trail outlives what it describes."""

    __tablename__ = "audit_log"
    __table_args__ = (Index("ix_audit_log_action_subject", "action", "subject"),)  # publication verify
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[str] = mapped_column(String(32))
    who: Mapped[str] = mapped_column(String(100))
    action: Mapped[str] = mapped_column(String(16))
    source: Mapped[str] = mapped_column(String(16))
    assessment_id: Mapped[int | None] = mapped_column(Integer, index=True)
    subject: Mapped[str] = mapped_column(String(100))
    old: Mapped[str | None] = mapped_column(Text)
    new: Mapped[str | None] = mapped_column(Text)
    why: Mapped[str] = mapped_column(Text)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


class AppraisalRow(Base):
    """An inspector's points for one indicator of one assessment, with the mandatory reason."""

    __tablename__ = "appraisals"
    __table_args__ = (UniqueConstraint("assessment_id", "indicator_code"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    assessment_id: Mapped[int] = mapped_column(ForeignKey("assessments.id", ondelete="CASCADE"))
    indicator_code: Mapped[str] = mapped_column(String(32))
    points: Mapped[float] = mapped_column(Float)
    reason: Mapped[str] = mapped_column(Text)
    appraised_at: Mapped[str] = mapped_column(String(32))
    appraised_by: Mapped[str] = mapped_column(String(100))


class ReviewNoteRow(Base):
    """An inspector's comment on an indicator (round 0: not yet sent; n: sent with the n-th return) and the
    unit's reply. Times are ISO text: notes travel in packages unchanged."""

    __tablename__ = "review_notes"
    __table_args__ = (UniqueConstraint("assessment_id", "round", "indicator_code"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    assessment_id: Mapped[int] = mapped_column(ForeignKey("assessments.id", ondelete="CASCADE"))
    round: Mapped[int] = mapped_column(Integer)
    indicator_code: Mapped[str] = mapped_column(String(32))
    comment: Mapped[str] = mapped_column(Text)
    comment_by: Mapped[str] = mapped_column(String(100))
    comment_at: Mapped[str] = mapped_column(String(40))
    reply: Mapped[str] = mapped_column(Text, default="")
    reply_by: Mapped[str] = mapped_column(String(100), default="")
    reply_at: Mapped[str] = mapped_column(String(40), default="")


class TrustedKeyRow(Base):
    """A signer's public key this database accepts packages from (one per identity)."""

    __tablename__ = "trusted_keys"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    identity: Mapped[str] = mapped_column(String(100), unique=True)
    public_key: Mapped[str] = mapped_column(String(64))
    fingerprint: Mapped[str] = mapped_column(String(40))
    source: Mapped[str] = mapped_column(String(16))
    added_at: Mapped[str] = mapped_column(String(32))
    added_by: Mapped[str] = mapped_column(String(100))


class PackageLogRow(Base):
    """Packages imported ("in") and written ("out"): what makes a second import of the same file a no-op."""

    __tablename__ = "package_log"
    __table_args__ = (UniqueConstraint("direction", "package_id"),
                      Index("ix_package_log_unit_cycle", "unit_code", "cycle"))
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    package_id: Mapped[str] = mapped_column(String(64))
    direction: Mapped[str] = mapped_column(String(4))
    kind: Mapped[str] = mapped_column(String(16))
    unit_code: Mapped[str] = mapped_column(String(32))
    cycle: Mapped[int] = mapped_column(Integer)
    signer: Mapped[str] = mapped_column(String(100))
    fingerprint: Mapped[str] = mapped_column(String(40))
    manifest_sha256: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[str] = mapped_column(String(40))
    outcome: Mapped[str] = mapped_column(String(16))
    logged_at: Mapped[str] = mapped_column(String(32))
    logged_by: Mapped[str] = mapped_column(String(100))


class CouncilMemberRow(Base):
    """A member of a cycle's appraisal council (Hội đồng thẩm định), in the order the decision lists them."""

    __tablename__ = "council_members"
    __table_args__ = (UniqueConstraint("cycle_year", "name"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    cycle_year: Mapped[int] = mapped_column(ForeignKey("cycles.year", ondelete="RESTRICT"))
    name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(200))
    position: Mapped[int] = mapped_column(Integer)
    added_at: Mapped[str] = mapped_column(String(32))
    added_by: Mapped[str] = mapped_column(String(100))


class CouncilMeetingRow(Base):
    """A council meeting: its date, minutes (text, and the signed file kept beside the database by SHA-256)."""

    __tablename__ = "council_meetings"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    cycle_year: Mapped[int] = mapped_column(ForeignKey("cycles.year", ondelete="RESTRICT"), index=True)
    held_on: Mapped[dt.date] = mapped_column(Date)
    minutes: Mapped[str] = mapped_column(Text)
    minutes_file_name: Mapped[str | None] = mapped_column(String(255), nullable=True)
    minutes_file_sha256: Mapped[str | None] = mapped_column(String(64), nullable=True)
    recorded_at: Mapped[str] = mapped_column(String(32))
    recorded_by: Mapped[str] = mapped_column(String(100))


class CouncilDecisionRow(Base):
    """The council's decision on one indicator of one assessment: kept or adjusted (the points it settled on),
    why, and the votes if the council recorded them (JSON: member name -> for | against | abstain). One decision
    per indicator: once decided, the appraised points are the council's and no longer change."""

    __tablename__ = "council_decisions"
    __table_args__ = (UniqueConstraint("assessment_id", "indicator_code"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("council_meetings.id", ondelete="RESTRICT"), index=True)
    assessment_id: Mapped[int] = mapped_column(ForeignKey("assessments.id", ondelete="RESTRICT"))
    indicator_code: Mapped[str] = mapped_column(String(32))
    outcome: Mapped[str] = mapped_column(String(16))
    points: Mapped[float] = mapped_column(Float)
    previous_points: Mapped[float | None] = mapped_column(Float, nullable=True)
    reason: Mapped[str] = mapped_column(Text)
    votes: Mapped[str | None] = mapped_column(Text, nullable=True)
    decided_at: Mapped[str] = mapped_column(String(32))
    decided_by: Mapped[str] = mapped_column(String(100))


class PublicationRow(Base):
    """A cycle's published results, frozen: written once, never updated (a correction is the next number, with
    its reason and what changed). `results` is canonical JSON; its SHA-256 is also in the audit trail."""

    __tablename__ = "publications"
    __table_args__ = (UniqueConstraint("cycle_year", "number"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    cycle_year: Mapped[int] = mapped_column(ForeignKey("cycles.year", ondelete="RESTRICT"))
    number: Mapped[int] = mapped_column(Integer)
    decision_no: Mapped[str] = mapped_column(String(100))
    decision_date: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    reason: Mapped[str] = mapped_column(Text, default="")
    results: Mapped[str] = mapped_column(Text)
    results_sha256: Mapped[str] = mapped_column(String(64))
    published_at: Mapped[str] = mapped_column(String(32))
    published_by: Mapped[str] = mapped_column(String(100))


class ReceivedPublicationRow(Base):
    """A publication package a unit's database took: one unit's share of one publication (its result, the
    adjustments with reasons), kept as the package carried it (`content`, canonical JSON, with its SHA-256).
    Only ever inserted; a correction arrives as the next number beside the ones before."""

    __tablename__ = "received_publications"
    __table_args__ = (UniqueConstraint("cycle_year", "unit_code", "number"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    cycle_year: Mapped[int] = mapped_column(Integer)  # no foreign key: the unit may not have opened the cycle yet
    unit_code: Mapped[str] = mapped_column(String(32))
    number: Mapped[int] = mapped_column(Integer)
    decision_no: Mapped[str] = mapped_column(String(100))
    content: Mapped[str] = mapped_column(Text)
    content_sha256: Mapped[str] = mapped_column(String(64))
    package_id: Mapped[str] = mapped_column(String(64))
    signer: Mapped[str] = mapped_column(String(100))
    fingerprint: Mapped[str] = mapped_column(String(40))
    received_at: Mapped[str] = mapped_column(String(32))
    received_by: Mapped[str] = mapped_column(String(100))
