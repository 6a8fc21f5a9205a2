"""What the service needs from the outside world, as Protocols: storage implements `Store`, the data-file
readers implement `Catalog`; main.py wires the concrete ones in (tests may pass others)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, TypeVar

from assessment.answer_matrix import LongAnswers
from assessment.model import (
    Answer,
    Assessment,
    AssessmentStatus,
    Crosswalk,
    EvidenceItem,
    LineageLink,
    Methodology,
    MethodologyId,
    TargetSet,
    Unit,
    UnitKind,
)

if TYPE_CHECKING:
    import pandas as pd

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


@dataclass(frozen=True)
class HistoryEntry:
    indicator_code: str
    changed_at: dt.datetime
    changed_by: str
    source: str
    old: dict[str, object]
    new: dict[str, object]


class AnswerStore(Protocol):
    def write(self, frame: pd.DataFrame, *, who: str, source: str) -> WriteResult: ...
    def write_one(self, assessment_id: int, code: str, fields: Mapping[str, object], *, who: str,
                  source: str) -> WriteResult: ...
    def load_long(self, assessment_ids: Sequence[int]) -> LongAnswers: ...
    def load_cycle(self, year: int) -> LongAnswers: ...
    def of(self, assessment_id: int) -> list[Answer]: ...
    def add_evidence(self, assessment_id: int, indicator_code: str, item: EvidenceItem, *, who: str) -> int: ...
    def history(self, assessment_id: int, indicator_code: str | None = None) -> list[HistoryEntry]: ...


class Store(Protocol):
    answers: AnswerStore

    def atomically(self, work: Callable[[], T]) -> T:
        """Run a group of writes as one transaction (all kept or none)."""
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
    def ensure_assessments(self, year: int, pairs: Iterable[tuple[str, int]]) -> dict[str, int]: ...
    def assessments(self, year: int | None = None, kind: UnitKind | None = None,
                    unit_code: str | None = None) -> list[Assessment]: ...
    def set_status(self, assessment_id: int, status: AssessmentStatus) -> None: ...
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
    def reference_units(self) -> ReferenceUnits: ...
    def parse_methodology(self, text: str, name: str) -> Methodology: ...
    def read_targets(self, path: Path) -> TargetSet: ...
    def read_answers(self, path: Path) -> pd.DataFrame: ...
