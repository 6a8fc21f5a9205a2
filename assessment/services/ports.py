"""What the service needs from the outside world, as Protocols: storage implements `Store` (with its answer,
audit, review and package-log repositories and the package files), the data-file readers implement `Catalog`;
main.py wires the concrete ones in (tests may pass others). The records that cross these ports are here too."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, TypeVar

from assessment.domain.council import CouncilDecision, CouncilMeeting, CouncilMember, Outcome, Vote
from assessment.domain.model import (
    Answer,
    Assessment,
    AssessmentStatus,
    Crosswalk,
    DtiRank,
    EvidenceItem,
    LineageLink,
    Methodology,
    MethodologyId,
    TargetSet,
    Unit,
    UnitKind,
)
from assessment.domain.target_wording import EarlierWording
from assessment.domain.workflow import ReviewNote

if TYPE_CHECKING:  # (LongAnswers: annotations only, so reading units and names never imports numpy)
    import pandas as pd

    from assessment.domain.answer_matrix import LongAnswers
    from assessment.domain.publication import Publication
    from assessment.domain.unit_publication import ReceivedPublication, UnitPublication
    from assessment.exchange.package_format import PackageContent, PackageDraft

T = TypeVar("T")

# Columns of an answers frame, as stored (see storage/tables.py AnswerRow).
ANSWER_COLUMNS = ("value_number", "value_text", "numerator", "denominator", "choices", "not_applicable",
                  "manual_points", "comment")


@dataclass(frozen=True)
class StoredMethodology:
    pk: int
    id: MethodologyId
    version: str
    sha256: str
    source_text: str


@dataclass(frozen=True)
class TargetSetInfo:
    name: str
    is_default: bool
    count: int
    imported_from: str


@dataclass(frozen=True)
class WriteResult:
    inserted: int
    changed: int
    unchanged: int
    version: int = 0  # the version the written answers carry now (write_one: the answer's, even when unchanged)
    by_assessment: Mapping[int, tuple[int, int]] | None = None  # a bulk write: (inserted, changed) per assessment


NO_VERSION = 0  # the version of an answer that was never saved


@dataclass(frozen=True)
class HistoryEntry:
    indicator_code: str
    changed_at: dt.datetime
    changed_by: str
    source: str
    old: dict[str, object]
    new: dict[str, object]


@dataclass(frozen=True)
class AuditEvent:
    """One change for the audit trail: what (action, subject), before and after (JSON-able), why."""

    action: str  # answer | evidence | appraisal | comment | reply | state | import | export | key | audit
    subject: str  # an indicator code, a package id, a key identity…
    old: object = None
    new: object = None
    why: str = ""
    assessment_id: int | None = None
    source: str = ""  # entry | import | package | demo | review…


@dataclass(frozen=True)
class AuditEntry:
    id: int
    at: str  # ISO 8601 UTC, as hashed
    who: str
    action: str
    source: str
    assessment_id: int | None
    subject: str
    old: str | None  # JSON text, as hashed
    new: str | None
    why: str


@dataclass(frozen=True)
class AuditHead:
    """Where the audit chain stands: its row count and the hash of its last row. Written down outside the
    database (PDF footers, package manifests, a note), it lets `audit verify --head` show later that the chain
    still starts with exactly those rows. Its text is `<first 16 hex digits of the hash>@<rows>`."""

    rows: int
    hash: str

    SHORT = 16

    @property
    def text(self) -> str:
        return f"{self.hash[:self.SHORT]}@{self.rows}"

    @classmethod
    def parse(cls, text: str) -> AuditHead:
        """A head as printed; ValueError with what is wrong otherwise."""
        digest, _, rows = text.strip().partition("@")
        digest = digest.lower()
        if len(digest) < 8 or any(c not in "0123456789abcdef" for c in digest) or not rows.isdigit():
            raise ValueError(f"{text[:80]!r} is not an audit head (HASH@ROWS, e.g. 3f2a9c1e0b7d4a55@1234, as "
                             "printed on a scorecard's footer or by `audit verify`)")
        return cls(int(rows), digest)


@dataclass(frozen=True)
class AuditVerdict:
    """`audit verify`: the chain is intact (`first_bad` None), or the first row that does not match and why;
    the tables agree with the trail replayed (`mismatch` empty), or the first difference by unit, cycle and
    indicator; and a head kept earlier is still part of the chain (`anchor` empty), or why not."""

    rows: int
    head: str  # hash of the last row
    first_bad: int | None = None
    problem: str = ""
    mismatch: str = ""  # "00070 2025 NTS01: answers.value_number is 40.0, the audit trail says 4.0"
    mismatches: int = 0
    anchor: str = ""  # why a kept head is not a prefix of this chain

    @property
    def ok(self) -> bool:
        return self.first_bad is None and not self.mismatch and not self.anchor

    @property
    def current(self) -> AuditHead:
        return AuditHead(self.rows, self.head)


@dataclass(frozen=True)
class Appraisal:
    indicator_code: str
    points: float
    reason: str
    appraised_by: str
    appraised_at: str  # ISO 8601 UTC


@dataclass(frozen=True)
class TrustedKey:
    """A public key this database accepts packages from: one per signer identity (a unit code, or
    `inspector:<name>`)."""

    identity: str
    public_key: str  # base64 of the raw 32-byte Ed25519 key
    fingerprint: str
    source: str = ""  # first-use | key-list | own
    added_at: str = ""
    added_by: str = ""


@dataclass(frozen=True)
class PackageLogEntry:
    """A package this database imported (direction "in") or wrote ("out")."""

    package_id: str
    direction: str
    kind: str
    unit_code: str
    cycle: int
    signer: str
    fingerprint: str
    manifest_sha256: str
    created_at: str
    outcome: str
    logged_at: str = ""
    logged_by: str = ""
    audit_head: str = ""  # the sender's audit head carried by the package (kept in this trail's import row)


class AnswerStore(Protocol):
    def write(self, frame: pd.DataFrame, *, who: str, source: str, keep_existing: bool = False) -> WriteResult: ...
    def write_one(self, assessment_id: int, code: str, fields: Mapping[str, object], *, who: str,
                  source: str, expected_version: int | None = None) -> WriteResult: ...
    def load_long(self, assessment_ids: Sequence[int]) -> LongAnswers: ...
    def load_cycle(self, year: int, codes: Collection[str] | None = None) -> LongAnswers: ...
    def count_by_assessment(self, year: int) -> dict[int, int]: ...
    def of(self, assessment_id: int) -> list[Answer]: ...
    def of_versioned(self, assessment_id: int) -> tuple[list[Answer], dict[str, int]]: ...
    def add_evidence(self, assessment_id: int, indicator_code: str, item: EvidenceItem, *, who: str) -> int: ...
    def history(self, assessment_id: int, indicator_code: str | None = None) -> list[HistoryEntry]: ...
    def remove_evidence(self, assessment_id: int, indicator_code: str, evidence_id: int, *, who: str,
                        why: str = "") -> EvidenceItem: ...
    def sync_evidence(self, assessment_id: int, wanted: Mapping[str, Sequence[EvidenceItem]], *, who: str,
                      source: str) -> tuple[int, int]: ...
    def sync_evidence_many(self, wanted: Mapping[int, Mapping[str, Sequence[EvidenceItem]]], *, who: str,
                           source: str) -> dict[int, tuple[int, int]]: ...
    def of_many(self, assessment_ids: Sequence[int]) -> dict[int, list[Answer]]: ...


class AuditStore(Protocol):
    def record(self, events: Sequence[AuditEvent], *, who: str) -> None: ...
    def verify(self, kept: AuditHead | None = None) -> AuditVerdict: ...
    def head(self) -> AuditHead: ...
    def entries(self, *, assessment_id: int | None = None, limit: int | None = None) -> list[AuditEntry]: ...
    def recorded(self, action: str, subjects: Sequence[str]) -> dict[str, str | None]: ...


class ReviewStore(Protocol):
    def appraisals(self, assessment_ids: Sequence[int]) -> dict[int, dict[str, Appraisal]]: ...
    def set_appraisal(self, assessment_id: int, code: str, points: float | None, reason: str, *,
                      who: str) -> None: ...
    def notes(self, assessment_id: int) -> list[ReviewNote]: ...
    def notes_of(self, assessment_ids: Sequence[int]) -> dict[int, list[ReviewNote]]: ...
    def set_comment(self, assessment_id: int, code: str, text: str, *, who: str) -> None: ...
    def send_comments(self, assessment_id: int, *, who: str) -> int: ...
    def set_reply(self, assessment_id: int, code: str, text: str, *, who: str) -> None: ...
    def merge_notes(self, assessment_id: int, notes: Sequence[ReviewNote], *, take: str, who: str) -> int: ...


class CouncilStore(Protocol):
    def members(self, year: int) -> list[CouncilMember]: ...
    def add_member(self, year: int, name: str, role: str, *, who: str) -> CouncilMember: ...
    def meetings(self, year: int) -> list[CouncilMeeting]: ...
    def meeting(self, meeting_id: int) -> CouncilMeeting: ...
    def add_meeting(self, year: int, held_on: dt.date, minutes: str, file_name: str | None,
                    file_sha256: str | None, *, who: str) -> CouncilMeeting: ...
    def decisions(self, *, year: int | None = None, assessment_id: int | None = None) -> list[CouncilDecision]: ...
    def add_decision(self, meeting_id: int, assessment_id: int, code: str, outcome: Outcome, points: float,
                     previous: float | None, reason: str, votes: Mapping[str, Vote], *, who: str) -> None: ...
    def publications(self, year: int) -> list[Publication]: ...
    def stored_digests(self, year: int) -> list[tuple[int, str, str]]: ...
    def add_publication(self, year: int, decision_no: str, decision_date: dt.date | None, reason: str,
                        results: str, *, who: str, expected_number: int) -> int: ...


class ReceivedPublications(Protocol):
    def received(self, year: int, unit_code: str | None = None) -> list[ReceivedPublication]: ...
    def add(self, publication: UnitPublication, content: bytes, *, package_id: str, signer: str, fingerprint: str,
            who: str) -> None: ...


class PackageLog(Protocol):
    def trusted_keys(self) -> list[TrustedKey]: ...
    def trust(self, key: TrustedKey, *, who: str, replace: bool = False) -> bool: ...
    def trust_many(self, keys: Sequence[TrustedKey], *, who: str) -> int: ...
    def logged(self, package_ids: Sequence[str], direction: str = "in") -> dict[str, PackageLogEntry]: ...
    def last_applied(self, unit_code: str, cycle: int, kind: str) -> str | None: ...
    def log(self, entry: PackageLogEntry, *, who: str) -> None: ...
    def log_many(self, entries: Sequence[PackageLogEntry], *, who: str) -> None: ...
    def last_applied_of(self, keys: Sequence[tuple[str, int, str]]) -> dict[tuple[str, int, str], str]: ...


class Exchange(Protocol):
    """Package files (.dxpkg) and the signing keys kept in the user's data folder."""

    def read(self, path: Path) -> PackageContent: ...
    def write(self, path: Path, draft: PackageDraft, evidence: Mapping[str, Path]) -> PackageContent: ...
    def public_key(self, identity: str, *, create: bool = False) -> str | None: ...
    def extract_evidence(self, content: PackageContent, sha256: str, target: Path) -> None: ...
    def read_key_list(self, path: Path) -> list[TrustedKey]: ...
    def write_key_list(self, path: Path, keys: Sequence[TrustedKey]) -> None: ...


class ResultStore(Protocol):
    """A cycle's computed results kept in the database (a cache: never audited, never moves the counter)."""

    def get(self, year: int, target_set: str, *, change: int, format_version: int, fingerprint: str
            ) -> bytes | None: ...
    def put(self, year: int, target_set: str, *, change: int, format_version: int, fingerprint: str,
            payload: bytes) -> bool: ...


class Store(Protocol):
    answers: AnswerStore
    audit: AuditStore
    review: ReviewStore
    council: CouncilStore
    packages: PackageLog
    received: ReceivedPublications
    exchange: Exchange
    results: ResultStore

    def atomically(self, work: Callable[[], T]) -> T:
        """Run a group of writes as one transaction (all kept or none)."""
        ...

    def change_number(self) -> int:
        """The database's change counter: it moves with every write transaction, from any process."""
        ...

    def committed_change(self) -> int | None:
        """The committed change counter; None inside a write transaction (results read there are not cached)."""
        ...

    def files_dir(self) -> Path: ...
    def get_meta(self, key: str) -> str | None: ...
    def set_meta(self, key: str, value: str) -> None: ...
    def units(self, kind: UnitKind | None = None) -> list[Unit]: ...
    def unit(self, code: str) -> Unit | None: ...
    def add_units(self, units: Sequence[Unit], lineage: Sequence[LineageLink] = ()) -> int: ...
    def update_unit(self, code: str, **changes: object) -> Unit: ...
    def remove_unit(self, code: str) -> None: ...
    def lineage(self) -> list[LineageLink]: ...
    def store_methodology(self, methodology: Methodology) -> int: ...
    def stored_methodologies(self) -> list[StoredMethodology]: ...
    def ensure_cycle(self, year: int) -> None: ...
    def cycles(self) -> list[int]: ...
    def cycle_dates(self, year: int) -> dict[str, dt.date]: ...
    def set_cycle_dates(self, year: int, changes: dict[str, dt.date | None], *, who: str) -> None: ...
    def ensure_assessments(self, year: int, pairs: Iterable[tuple[str, int]]) -> dict[str, int]: ...
    def assessments(self, year: int | None = None, kind: UnitKind | None = None,
                    unit_code: str | None = None) -> list[Assessment]: ...
    def set_status(self, assessment_id: int, status: AssessmentStatus, *, who: str = "dxscore",
                   why: str = "") -> None: ...
    def transition(self, assessment_id: int, target: AssessmentStatus, sources: Iterable[AssessmentStatus | None],
                   *, who: str, why: str = "", step: str = "") -> Assessment: ...
    def transition_many(self, steps: Sequence[tuple[int, AssessmentStatus, Iterable[AssessmentStatus | None], str,
                                                    str]], *, who: str) -> None: ...
    def save_target_set(self, targets: TargetSet, *, default: bool, imported_from: str = "") -> None: ...
    def target_sets(self) -> list[TargetSetInfo]: ...
    def target_set(self, name: str | None = None) -> TargetSet | None: ...
    def set_target_value(self, target_id: str, year: int, value: float | None) -> None: ...


@dataclass(frozen=True)
class ReferenceUnits:
    units: tuple[Unit, ...]
    lineage: tuple[LineageLink, ...]


class Catalog(Protocol):
    """The data files: shipped methodologies, crosswalks, reference units and targets, and user files."""

    def methodologies(self) -> Sequence[Methodology]: ...
    def crosswalks(self) -> Sequence[Crosswalk]: ...
    def default_targets(self) -> TargetSet: ...
    def earlier_target_wording(self) -> EarlierWording: ...
    def reference_units(self) -> ReferenceUnits: ...
    def hanoi_dti_ranks(self) -> Sequence[DtiRank]: ...
    def parse_methodology(self, text: str, name: str) -> Methodology: ...
    def read_targets(self, path: Path) -> TargetSet: ...
    def read_answers(self, path: Path) -> pd.DataFrame: ...
    def export_methodology(self, methodology: Methodology, path: Path) -> Path: ...
    def install_methodology(self, path: Path) -> tuple[Methodology, Path, bool]: ...
