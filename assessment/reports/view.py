"""The scorecard and booklet view models: plain, frozen data holding everything a report prints, built from
the service's scores (see `build.py`) before any rendering. The PDF and Excel writers read only these; the GUI
can show the same objects in its own widgets."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from assessment.domain.model import AssessmentStatus, IndicatorScore, TargetStatus, UnitKind


@dataclass(frozen=True)
class ReportOptions:
    """Rendering choices that are not data: the place in the date line and the generation time."""

    place: str = "Hà Nội"
    generated_at: dt.datetime | None = None  # default: now, local time
    audit_head: str = ""  # the database's audit head (HASH@ROWS) printed on every page's footer

    def moment(self) -> dt.datetime:
        return self.generated_at or dt.datetime.now().astimezone()


@dataclass(frozen=True)
class PillarRow:
    code: str
    name: str
    points: float
    max_points: float
    index: float | None
    peer_average: float | None  # mean index of the pillar over the ranked peers of the cycle
    previous_index: float | None  # the unit's index of the pillar in its previous cycle
    scored: bool = True
    appraised_points: float | None = None  # set once the assessment is appraised (see model.Scorecard)
    appraised_index: float | None = None
    answered: bool = True  # False: the pillar applies but nothing in it is answered ("chưa có dữ liệu", not 0)

    @property
    def change(self) -> float | None:
        if self.index is None or self.previous_index is None:
            return None
        return self.index - self.previous_index


@dataclass(frozen=True)
class CyclePoint:
    """One cycle of the unit's trend: its index and the peer average in that cycle."""

    cycle: int
    index: float | None
    peer_average: float | None
    methodology: str


@dataclass(frozen=True)
class TargetRow:
    """A target-linked indicator: the unit's value against the target's milestones."""

    indicator_code: str
    target_id: str
    text: str
    document: str
    unit: str
    direction: str  # min | max
    value: float | str | bool | tuple[str, ...] | None
    target_2025: float | None
    target_2030: float | None
    status: TargetStatus | None
    projected_year: int | None
    projection_known: bool  # two or more cycles of data
    unconfirmed: bool = False


@dataclass(frozen=True)
class LossRow:
    """An indicator that lost points, with the guidance that says how it is scored."""

    code: str
    pillar: str
    text: str
    points: float
    max_points: float
    answered: bool
    guidance: str

    @property
    def lost(self) -> float:
        return self.max_points - self.points


@dataclass(frozen=True)
class AppraisalRow:
    """An indicator whose points the inspectors set, with the reason they gave."""

    code: str
    text: str
    points: float  # self-assessed
    appraised_points: float
    max_points: float
    reason: str


@dataclass(frozen=True)
class EvidenceDoc:
    indicator_code: str
    document_number: str
    document_date: dt.date | None
    summary: str


@dataclass(frozen=True)
class EvidenceSummary:
    required: int  # applicable indicators whose methodology requires evidence
    supplied: int  # of those, how many have at least one document attached
    documents: int  # documents attached to any answer
    missing: tuple[str, ...]  # indicators requiring evidence that have none
    listed: tuple[EvidenceDoc, ...]  # the first documents, for the printed summary


@dataclass(frozen=True)
class PublishedRank:
    """Whether the cycle's results are published and, if so, the unit's published rank (rank, peers)."""

    line: str
    rank: tuple[int, int] | None


@dataclass(frozen=True)
class ScorecardView:
    """Everything one unit's scorecard prints for one cycle. `fingerprint` is the SHA-256 of the canonical
    JSON of every other field (see build.fingerprint), so two printouts with the same fingerprint show the
    same data."""

    unit_code: str
    unit_name: str
    unit_name_en: str
    kind: UnitKind
    subtype: str
    cycle: int
    methodology_key: str
    methodology_title: str
    methodology_sha256: str
    legal_basis: tuple[tuple[str, str], ...]  # (document, title)
    official_points: bool
    status: AssessmentStatus
    points: float
    max_points: float
    index: float | None
    band_code: int | None
    band_name: str
    leading_index: float  # lower edge of the top band: the target line of the pillar chart
    leading_band: str
    rank: int | None
    peer_count: int
    peer_average: float | None
    previous_cycle: int | None
    previous_index: float | None
    pillars: tuple[PillarRow, ...]
    trend: tuple[CyclePoint, ...]
    targets: tuple[TargetRow, ...]
    losses: tuple[LossRow, ...]
    evidence: EvidenceSummary
    indicators: tuple[IndicatorScore, ...]
    missing: int  # applicable indicators not answered
    demo: bool
    target_set: str
    fingerprint: str = ""
    appraised_points: float | None = None  # the inspectors' result beside the self-assessed one
    appraised_index: float | None = None
    appraised_band: str = ""
    appraisals: tuple[AppraisalRow, ...] = ()
    published: PublishedRank = PublishedRank("", None)

    @property
    def appraised(self) -> bool:
        return self.appraised_points is not None

    @property
    def change(self) -> float | None:
        if self.index is None or self.previous_index is None:
            return None
        return self.index - self.previous_index


@dataclass(frozen=True)
class RankingRow:
    rank: int | None
    unit_code: str
    unit_name: str
    subtype: str
    points: float
    max_points: float
    index: float | None
    band_code: int | None
    band_name: str
    change: float | None
    pillar_index: tuple[float | None, ...]  # aligned with BookletView.pillars; None: the pillar does not apply
    pillar_answered: tuple[bool, ...] = ()  # aligned too: False where it applies but nothing is answered yet


@dataclass(frozen=True)
class BookletView:
    """A cycle's booklet for one kind of unit: ranking, heatmap, then every unit's scorecard."""

    cycle: int
    kind: UnitKind
    demo: bool
    target_set: str
    methodologies: tuple[tuple[str, str], ...]  # (key, title)
    pillars: tuple[tuple[str, str], ...]  # (code, name), the heatmap's columns
    rows: tuple[RankingRow, ...]
    peer_average: float | None
    scorecards: tuple[ScorecardView, ...]
    fingerprint: str = ""
    peer_count: int = 0  # units in the whole peer group: more than `rows` when the booklet is of chosen units

    @property
    def chosen(self) -> bool:
        return len(self.rows) < self.peer_count
