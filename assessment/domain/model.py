"""The domain of dxscore as frozen dataclasses: units, methodologies, answers, targets and scores.

Nothing here knows about files, databases or Qt; the loaders and repositories produce these objects and
the scoring functions consume them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING, NewType

if TYPE_CHECKING:  # annotations only: the model (units, names) is read without numpy (the window's first paint)
    from assessment.domain.expressions import Expression

UnitCode = NewType("UnitCode", str)
IndicatorCode = NewType("IndicatorCode", str)
MethodologyId = NewType("MethodologyId", str)
TargetId = NewType("TargetId", str)
CycleYear = NewType("CycleYear", int)


class UnitKind(StrEnum):
    DEPARTMENT = "department"
    DISTRICT = "district"
    COMMUNE = "commune"
    CITY = "city"  # Hà Nội itself, assessed against Resolution 18-NQ/TU's own targets (never ranked with others)


# Subtypes refine a kind without making a separate peer group (wards and communes are ranked together).
SUBTYPES: dict[UnitKind, tuple[str, ...]] = {
    UnitKind.DEPARTMENT: ("department", "equivalent"),
    UnitKind.DISTRICT: ("urban_district", "rural_district", "town"),
    UnitKind.COMMUNE: ("ward", "commune"),
    UnitKind.CITY: ("city",),
}
URBAN_SUBTYPES = frozenset({"urban_district", "ward"})


class AnswerType(StrEnum):
    BOOLEAN = "boolean"
    NUMBER = "number"
    PERCENT = "percent"
    RATIO = "ratio"
    COUNT = "count"
    CHOICE = "choice"
    MULTI_CHOICE = "multi_choice"
    TEXT = "text"
    DATE = "date"


NUMERIC_TYPES = frozenset({AnswerType.NUMBER, AnswerType.PERCENT, AnswerType.RATIO, AnswerType.COUNT})


class Rule(StrEnum):
    RATIO = "ratio"
    PERCENT_OF_TARGET = "percent_of_target"
    STEPS = "steps"
    CHOICE = "choice"
    BOOLEAN = "boolean"
    BENCHMARK = "benchmark"
    MANUAL = "manual"
    NONE = "none"  # indicators of unscored pillars (max_points 0)


class AssessmentStatus(StrEnum):
    DRAFT = "draft"
    SUBMITTED = "submitted"
    UNDER_REVIEW = "under_review"
    RETURNED = "returned"
    RESUBMITTED = "resubmitted"
    APPRAISED = "appraised"
    LOCKED = "locked"


class TargetStatus(StrEnum):
    MET = "met"
    ON_TRACK = "on_track"
    BASELINE = "baseline"  # a unit's first value before any milestone: it sets the path, it cannot be judged on it
    BEHIND = "behind"
    NO_DATA = "no_data"


@dataclass(frozen=True)
class Text:
    """A text in both UI languages."""

    vi: str
    en: str

    def get(self, lang: str = "vi") -> str:
        return self.en if lang == "en" else self.vi


# ------------------------------------------------------------------------------------------ units


@dataclass(frozen=True)
class Unit:
    """A body that is assessed: a department (sở, ban, ngành), a district (until 2025-06-30), a commune/ward,
    or the city itself."""

    code: UnitCode
    kind: UnitKind
    subtype: str
    name: Text
    valid_from: dt.date | None = None
    valid_until: dt.date | None = None
    digital_economy_duty: bool = False
    unconfirmed: bool = False
    note: str = ""

    @property
    def urban(self) -> bool:
        return self.subtype in URBAN_SUBTYPES

    @property
    def town(self) -> bool:
        return self.subtype == "town"

    def active_on(self, day: dt.date) -> bool:
        starts_ok = self.valid_from is None or self.valid_from <= day
        return starts_ok and (self.valid_until is None or day <= self.valid_until)


@dataclass(frozen=True)
class LineageLink:
    """One predecessor of a unit: `successor_code` was formed (wholly or partly) from it."""

    successor_code: UnitCode
    predecessor_code: str
    predecessor_name: str
    predecessor_district_code: UnitCode | None  # for communes: the former district it belonged to
    part: str  # full | partial | remainder | partial_area_only | partial_area_full_pop


# ---------------------------------------------------------------------------------- methodologies


@dataclass(frozen=True)
class Option:
    code: str
    text: Text
    points: float | None = None


@dataclass(frozen=True)
class AnswerSpec:
    type: AnswerType
    unit: Text | None = None
    minimum: float | None = None
    maximum: float | None = None
    options: tuple[Option, ...] = ()
    numerator_label: Text | None = None
    denominator_label: Text | None = None
    allow_over: bool = False
    max_length: int | None = None
    plausible_min: float | None = None  # as declared in `plausible:`; see plausible_range for the defaults
    plausible_max: float | None = None

    def option_codes(self) -> tuple[str, ...]:
        return tuple(o.code for o in self.options)


# Plausible ranges where the methodology declares none (docs/methodology-format.md, "Plausible ranges").
DEFAULT_PLAUSIBLE_COUNT_MAX = 10_000.0
DEFAULT_PLAUSIBLE_RATIO_MAX = 1_000_000.0  # numerator and denominator (dossiers, accounts, residents)
DEFAULT_PLAUSIBLE_NUMBER_SPAN = 1_000_000.0


def plausible_range(spec: AnswerSpec) -> tuple[float, float] | None:
    """The range a numeric answer (for a ratio: its numerator and its denominator) normally lies in. A value
    outside it is accepted only when a person confirms it, and never sets a peer group's benchmark."""
    if spec.type not in NUMERIC_TYPES:
        return None
    if spec.type == AnswerType.RATIO:
        low, high = 0.0, DEFAULT_PLAUSIBLE_RATIO_MAX
    elif spec.type == AnswerType.COUNT:
        low, high = 0.0, min(spec.maximum, DEFAULT_PLAUSIBLE_COUNT_MAX) if spec.maximum is not None \
            else DEFAULT_PLAUSIBLE_COUNT_MAX
    else:  # number, percent: the hard range where there is one
        low = spec.minimum if spec.minimum is not None else -DEFAULT_PLAUSIBLE_NUMBER_SPAN
        high = spec.maximum if spec.maximum is not None else DEFAULT_PLAUSIBLE_NUMBER_SPAN
    return (low if spec.plausible_min is None else spec.plausible_min,
            high if spec.plausible_max is None else spec.plausible_max)


@dataclass(frozen=True)
class Threshold:
    """A step of the steps rule: a measured value at or above `minimum` earns `points`."""

    minimum: float
    points: float


@dataclass(frozen=True)
class ScoringSpec:
    rule: Rule
    zero_denominator: str | None = None  # ratio: zero | full | not_applicable
    target_value: float | None = None  # percent_of_target with a fixed target
    target_from_linked: bool = False  # percent_of_target using the linked target's value
    steps: tuple[Threshold, ...] = ()  # sorted by minimum, highest first
    half_if: Expression | None = None


@dataclass(frozen=True)
class Check:
    expression: Expression
    message: Text


@dataclass(frozen=True)
class EvidenceRequirement:
    required: bool = False
    documents: Text | None = None


@dataclass(frozen=True)
class Indicator:
    code: IndicatorCode
    pillar: str
    order: int
    text: Text
    guidance: Text
    answer: AnswerSpec
    max_points: float
    scoring: ScoringSpec
    evidence: EvidenceRequirement = EvidenceRequirement()
    applies_if: Expression | None = None
    not_applicable_allowed: bool = False
    relevant_if: Expression | None = None
    checks: tuple[Check, ...] = ()
    target_id: TargetId | None = None


@dataclass(frozen=True)
class Pillar:
    code: str
    name: Text
    group: str  # foundation | activity | other
    max_points: float
    scored: bool = True


@dataclass(frozen=True)
class Band:
    code: int
    min_index: float
    name: Text


DEFAULT_BANDS: tuple[Band, ...] = (
    Band(1, 0.0, Text("Khởi đầu", "Initial")),
    Band(2, 0.2, Text("Cơ bản", "Basic")),
    Band(3, 0.4, Text("Phát triển", "Developing")),
    Band(4, 0.6, Text("Nâng cao", "Advanced")),
    Band(5, 0.8, Text("Dẫn đầu", "Leading")),
)


@dataclass(frozen=True)
class LegalDocument:
    document: str
    title: Text
    date: dt.date | None = None
    url: str | None = None


@dataclass(frozen=True)
class Provenance:
    official_wording: bool
    official_points: bool
    note: Text
    sources: tuple[str, ...] = ()


@dataclass(frozen=True)
class Methodology:
    """One version of a questionnaire, validated and compiled (see questionnaires/loader.py)."""

    id: MethodologyId
    version: str
    title: Text
    legal_basis: tuple[LegalDocument, ...]
    provenance: Provenance
    applies_to: frozenset[UnitKind]
    cycle_from: int
    cycle_to: int | None
    max_points: float
    bands: tuple[Band, ...]
    pillars: tuple[Pillar, ...]
    indicators: tuple[Indicator, ...]
    source_text: str = field(default="", repr=False, compare=False)
    sha256: str = ""

    def indicator(self, code: str) -> Indicator:
        return self._indicators_by_code[code]

    def pillar(self, code: str) -> Pillar:
        return next(p for p in self.pillars if p.code == code)

    def indicators_of(self, pillar_code: str) -> tuple[Indicator, ...]:
        return tuple(i for i in self.indicators if i.pillar == pillar_code)

    def valid_for(self, year: int) -> bool:
        return self.cycle_from <= year and (self.cycle_to is None or year <= self.cycle_to)

    @property
    def key(self) -> str:
        return f"{self.id}@{self.version}"

    @property
    def _indicators_by_code(self) -> dict[str, Indicator]:
        cache = self.__dict__.get("_by_code")
        if cache is None:
            cache = {i.code: i for i in self.indicators}
            object.__setattr__(self, "_by_code", cache)
        return cache


@dataclass(frozen=True)
class Crosswalk:
    """Maps indicator codes of an older methodology to the newer one that measures the same thing."""

    from_id: MethodologyId
    to_id: MethodologyId
    mapping: tuple[tuple[str, str | None], ...]  # (old code, new code or None when dropped)
    note: Text | None = None

    def translate(self, old_code: str, new_codes: frozenset[str]) -> str | None:
        for old, new in self.mapping:
            if old == old_code:
                return new
        return old_code if old_code in new_codes else None


# ---------------------------------------------------------------------------------------- answers


@dataclass(frozen=True)
class EvidenceItem:
    document_number: str
    document_date: dt.date | None
    summary: str
    file_name: str | None = None
    file_sha256: str | None = None
    id: int | None = None


@dataclass(frozen=True)
class Answer:
    """A unit's answer to one indicator. `value` is float (numbers, yes=1/no=0) or str (choice code, text,
    ISO date); a ratio uses numerator/denominator and a multiple choice `choices`."""

    indicator_code: IndicatorCode
    value: float | str | None = None
    numerator: float | None = None
    denominator: float | None = None
    choices: tuple[str, ...] | None = None
    not_applicable: bool = False
    manual_points: float | None = None
    comment: str = ""
    evidence: tuple[EvidenceItem, ...] = ()
    # A person confirmed a value outside the plausible range (the window's question, `confirmed` = 1 in a
    # file, `confirmed: true` in a package). Not stored: a stored value outside the range is a confirmed one.
    confirmed: bool = False

    @property
    def is_empty(self) -> bool:
        return (self.value is None and self.numerator is None and self.denominator is None
                and self.choices is None and not self.not_applicable and self.manual_points is None)


@dataclass(frozen=True)
class Assessment:
    id: int
    unit_code: UnitCode
    cycle: int
    methodology_id: MethodologyId
    methodology_version: str
    status: AssessmentStatus


# ---------------------------------------------------------------------------------------- targets


# Where a target sits in the chain from Resolution 18-NQ/TU down to a unit's indicator. National programmes
# stand beside the chain (the resolution echoes them); `context` targets are later or other plans shown for reference.
TARGET_LEVELS = ("resolution", "plan", "annual_plan", "national", "context")


@dataclass(frozen=True)
class Target:
    """A quantified target (Resolution 18-NQ/TU, the city programme, national programmes), kept with its source."""

    id: TargetId
    pillar: str
    text: Text
    unit: str
    direction: str  # min (at least) | max (at most, e.g. a rank)
    values: tuple[tuple[int, float], ...]  # (year, value), sorted by year
    document: str = ""
    source: str = ""
    confidence: str = ""
    unconfirmed: bool = False
    note: str = ""
    category: str = ""  # the section of the target file: r18_targets, programme_targets, national_targets, …
    serves: str = ""  # the id of the higher target this one implements (annual plan → programme → resolution)
    level: str = ""  # one of TARGET_LEVELS, or "" when the file does not say

    def value_in(self, year: int) -> float | None:
        return dict(self.values).get(year)

    def milestone_for(self, year: int) -> tuple[int, float] | None:
        """The target a cycle in `year` is measured against: the first milestone at or after it, else the last."""
        if not self.values:
            return None
        for milestone in self.values:
            if milestone[0] >= year:
                return milestone
        return self.values[-1]

    def reached(self, value: float, target: float) -> bool:
        return value <= target if self.direction == "max" else value >= target


@dataclass(frozen=True)
class TargetSet:
    name: str
    targets: tuple[Target, ...]

    def get(self, target_id: str) -> Target | None:
        index = self.__dict__.get("_index")
        if index is None:
            index = {t.id: t for t in self.targets}
            object.__setattr__(self, "_index", index)
        return index.get(target_id)

    @property
    def ids(self) -> frozenset[str]:
        return frozenset(t.id for t in self.targets)

    def chain(self, target_id: str) -> tuple[Target, ...]:
        """The target and those above it that it serves, nearest first; stops at a missing id or a loop."""
        chain: list[Target] = []
        current = self.get(target_id)
        while current is not None and current not in chain:
            chain.append(current)
            current = self.get(current.serves) if current.serves else None
        return tuple(chain)


@dataclass(frozen=True)
class DtiRank:
    """Hanoi's published rank in the national provincial DTI for one assessed year (reference data)."""

    year: int
    rank: int
    of: int  # provinces ranked (63 until the 2025 merger, 34 since)
    value: float | None = None
    derived: bool = False  # worked out from a later "+N places", not read from a published table
    source: str = ""
    note: str = ""


# ----------------------------------------------------------------------------------------- scores


@dataclass(frozen=True)
class IndicatorScore:
    code: IndicatorCode
    pillar: str
    points: float
    max_points: float  # 0 when not applicable
    applicable: bool
    answered: bool
    relevant: bool
    value: float | str | bool | tuple[str, ...] | None
    target_id: TargetId | None = None
    target_status: TargetStatus | None = None
    numerator: float | None = None
    denominator: float | None = None
    projected_year: int | None = None  # year the final target is reached at the current pace
    projection_known: bool = False  # two or more cycles: a None year then means "not at this pace"
    appraised_points: float | None = None  # the inspector's points, when appraised (see Scorecard)
    appraisal_reason: str = ""

    @property
    def missing(self) -> bool:
        return self.applicable and self.relevant and not self.answered


@dataclass(frozen=True)
class PillarScore:
    code: str
    points: float
    max_points: float
    index: float | None
    scored: bool = True
    appraised_points: float | None = None
    appraised_index: float | None = None


@dataclass(frozen=True)
class Scorecard:
    """One unit's result in one cycle. The self-assessed figures are always there; the `appraised_*` ones are
    set once an inspector has appraised any indicator (or the assessment is appraised or locked): each
    indicator's appraised points are the inspector's where set, else the self-assessed ones."""

    unit_code: UnitCode
    unit_name: Text
    kind: UnitKind
    cycle: int
    methodology_id: MethodologyId
    methodology_version: str
    points: float
    max_points: float
    index: float | None
    band: Band | None
    rank: int | None
    peer_count: int
    pillars: tuple[PillarScore, ...]
    indicators: tuple[IndicatorScore, ...]
    status: AssessmentStatus = AssessmentStatus.DRAFT
    appraised_points: float | None = None
    appraised_index: float | None = None
    appraised_band: Band | None = None

    @property
    def appraised(self) -> bool:
        return self.appraised_points is not None

    @property
    def missing(self) -> tuple[str, ...]:
        return tuple(i.code for i in self.indicators if i.missing)
