"""Building the view models from scores: pure functions over plain data (scorecards, methodologies, targets,
answers), no storage and no rendering. `ReportsArea` gathers the inputs into a `CycleData`.

The fingerprint of a scorecard is the SHA-256 of the canonical JSON (sorted keys, UTF-8) of its view model
without the fingerprint itself: every printed figure, every indicator's answer and points, the methodology's
SHA-256 and the target set's name. Regenerating from unchanged data gives the same fingerprint; the
generation time is not part of it.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from assessment.domain.model import Answer, Methodology, Scorecard, TargetSet, Unit, UnitKind
from assessment.domain.publication import Publication, published_line
from assessment.domain.text_limits import LIMITS, shorten, terminal_safe
from assessment.reports.view import (
    AppraisalRow,
    BookletView,
    CyclePoint,
    EvidenceDoc,
    EvidenceSummary,
    LossRow,
    PillarRow,
    PublishedRank,
    RankingRow,
    ScorecardView,
    TargetRow,
)

LOSSES_SHOWN = 5
EVIDENCE_LISTED = 6
GUIDANCE_CHARS = 230
# What one printed cell holds of a text stored by a unit or an inspector: the unit's name is printed whole (its
# input limit), a summary or a reason up to a short paragraph; longer stored text (from before the input limits,
# or straight in the database) is cut with a note, so no text can outgrow a page and stop the report.
PRINTED_CHARS = {"unit_name": LIMITS["unit_name"], "document_number": LIMITS["document_number"],
                 "evidence_summary": 600, "appraisal_reason": 600}
CUT_NOTE = " … [rút gọn; toàn văn trong hồ sơ]"


@dataclass(frozen=True)
class Standing:
    """A unit's indices in one cycle: enough for trends, peer averages and changes since a cycle."""

    unit_code: str
    index: float | None
    pillars: dict[str, float | None]
    methodology: str  # id@version

    @classmethod
    def of(cls, card: Scorecard) -> Standing:
        return cls(card.unit_code, card.index, {p.code: p.index for p in card.pillars},
                   f"{card.methodology_id}@{card.methodology_version}")


@dataclass(frozen=True)
class GroupStandings:
    """The units of one kind in one cycle, with the group's mean indices (units with an index only): what a
    scorecard compares with, now and in earlier cycles (the dashboard's arrays are domain.comparison.PeerGroup)."""

    cycle: int
    members: tuple[Standing, ...]
    average: float | None = None
    pillar_average: dict[str, float] = field(default_factory=dict)

    @classmethod
    def of(cls, cycle: int, members: Sequence[Standing]) -> GroupStandings:
        indices = [m.index for m in members if m.index is not None]
        sums: dict[str, list[float]] = {}
        for member in members:
            for code, value in member.pillars.items():
                if value is not None:
                    sums.setdefault(code, []).append(value)
        return cls(cycle, tuple(members), sum(indices) / len(indices) if indices else None,
                   {code: sum(v) / len(v) for code, v in sums.items()})

    def get(self, unit_code: str) -> Standing | None:
        return next((m for m in self.members if m.unit_code == unit_code), None)


@dataclass(frozen=True)
class CycleData:
    """What the scorecards of one kind in one cycle need: their scorecards (ranking order), the peer group now
    and in earlier cycles, the methodologies by key (id@version), the units and the active targets."""

    cycle: int
    kind: UnitKind
    demo: bool
    targets: TargetSet
    cards: tuple[Scorecard, ...]
    current: GroupStandings
    earlier: tuple[GroupStandings, ...]
    methodologies: dict[str, Methodology]
    units: dict[str, Unit]
    publication: Publication | None = None  # the cycle's latest publication, if it was published
    assessment_ids: dict[str, int] = field(default_factory=dict)  # unit code -> its assessment (evidence reads)

    def methodology(self, card: Scorecard) -> Methodology:
        return self.methodologies[f"{card.methodology_id}@{card.methodology_version}"]

    def card(self, unit_code: str) -> Scorecard | None:
        return next((c for c in self.cards if c.unit_code == unit_code), None)


# ------------------------------------------------------------------------------------------- scorecard


def scorecard_view(data: CycleData, card: Scorecard, answers: Sequence[Answer] = ()) -> ScorecardView:
    """The view model of one unit's scorecard (`answers` supply the evidence summary)."""
    m = data.methodology(card)
    unit = data.units.get(card.unit_code)
    previous = _previous(data, card.unit_code)
    view = ScorecardView(
        unit_code=card.unit_code, unit_name=printable(card.unit_name.vi, "unit_name"),
        unit_name_en=printable(card.unit_name.en, "unit_name"), kind=card.kind,
        subtype=unit.subtype if unit else "", cycle=card.cycle, methodology_key=m.key, methodology_title=m.title.vi,
        methodology_sha256=m.sha256, legal_basis=tuple((d.document, d.title.vi) for d in m.legal_basis),
        official_points=m.provenance.official_points, status=card.status, points=card.points,
        max_points=card.max_points, index=card.index, band_code=card.band.code if card.band else None,
        band_name=card.band.name.vi if card.band else "", leading_index=m.bands[-1].min_index,
        leading_band=m.bands[-1].name.vi,
        rank=card.rank, peer_count=card.peer_count, peer_average=data.current.average,
        previous_cycle=previous[0] if previous else None, previous_index=previous[1].index if previous else None,
        pillars=_pillars(card, m, data.current, previous), trend=_trend(data, card),
        targets=_targets(card, data.targets), losses=_losses(card, m), evidence=_evidence(card, m, answers),
        indicators=card.indicators, missing=len(card.missing), demo=data.demo, target_set=data.targets.name,
        appraised_points=card.appraised_points, appraised_index=card.appraised_index,
        appraised_band=f"{card.appraised_band.code} · {card.appraised_band.name.vi}" if card.appraised_band else "",
        appraisals=_appraisals(card, m),
        published=_published(data, card),
    )
    return dataclasses.replace(view, fingerprint=fingerprint(view))


def _previous(data: CycleData, unit_code: str) -> tuple[int, Standing] | None:
    for group in reversed(data.earlier):
        found = group.get(unit_code)
        if found is not None:
            return group.cycle, found
    return None


def _pillars(card: Scorecard, m: Methodology, group: GroupStandings, previous: tuple[int, Standing] | None
             ) -> tuple[PillarRow, ...]:
    before = previous[1].pillars if previous else {}
    answered = {i.pillar for i in card.indicators if i.applicable and i.answered}
    return tuple(PillarRow(p.code, m.pillar(p.code).name.vi, p.points, p.max_points, p.index,
                           group.pillar_average.get(p.code), before.get(p.code), p.scored, p.appraised_points,
                           p.appraised_index, p.index is None or p.code in answered)
                 for p in card.pillars)


def _trend(data: CycleData, card: Scorecard) -> tuple[CyclePoint, ...]:
    points = []
    for group in (*data.earlier, data.current):
        found = group.get(card.unit_code)
        if found is not None:
            points.append(CyclePoint(group.cycle, found.index, group.average, found.methodology))
    return tuple(points)


def _targets(card: Scorecard, targets: TargetSet) -> tuple[TargetRow, ...]:
    rows = []
    for score in card.indicators:
        target = targets.get(score.target_id) if score.target_id and score.applicable else None
        if target is None:
            continue
        rows.append(TargetRow(score.code, target.id, target.text.vi, target.document, target.unit, target.direction,
                              score.value, target.value_in(2025), target.value_in(2030), score.target_status,
                              score.projected_year, score.projection_known, target.unconfirmed))
    return tuple(rows)


def _losses(card: Scorecard, m: Methodology, limit: int = LOSSES_SHOWN) -> tuple[LossRow, ...]:
    lost = [s for s in card.indicators if s.applicable and s.max_points > 0 and s.max_points - s.points > 1e-9]
    lost.sort(key=lambda s: (-(s.max_points - s.points), s.code))
    rows = []
    for score in lost[:limit]:
        indicator = m.indicator(score.code)
        rows.append(LossRow(score.code, score.pillar, indicator.text.vi, score.points, score.max_points,
                            score.answered, brief(indicator.guidance.vi)))
    return tuple(rows)


def _appraisals(card: Scorecard, m: Methodology) -> tuple[AppraisalRow, ...]:
    """The indicators the inspectors set points on (a reason is mandatory, so it marks them), in order."""
    return tuple(AppraisalRow(s.code, m.indicator(s.code).text.vi, s.points, s.appraised_points, s.max_points,
                              printable(s.appraisal_reason, "appraisal_reason"))
                 for s in card.indicators if s.appraised_points is not None and s.appraisal_reason)


def _evidence(card: Scorecard, m: Methodology, answers: Sequence[Answer]) -> EvidenceSummary:
    applicable = {s.code for s in card.indicators if s.applicable}
    required = [i.code for i in m.indicators if i.evidence.required and i.code in applicable]
    documents = {a.indicator_code: a.evidence for a in answers if a.evidence}
    listed = tuple(EvidenceDoc(code, printable(e.document_number, "document_number"), e.document_date,
                               printable(e.summary, "evidence_summary"))
                   for code in sorted(documents) for e in documents[code])
    return EvidenceSummary(
        required=len(required), supplied=sum(1 for code in required if code in documents),
        documents=sum(len(items) for items in documents.values()),
        missing=tuple(code for code in required if code not in documents), listed=listed[:EVIDENCE_LISTED])


def printable(text: str, what: str) -> str:
    """Stored text as a scorecard prints it: control characters made visible, cut to PRINTED_CHARS with a note."""
    text = terminal_safe(text)
    limit = PRINTED_CHARS[what]
    return text if len(text) <= limit else shorten(text, limit - len(CUT_NOTE), mark=CUT_NOTE)


def brief(text: str, limit: int = GUIDANCE_CHARS) -> str:
    """The first sentences of a guidance text, up to `limit` characters (cut at a word, with "…")."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    sentences = re.split(r"(?<=[.;:])\s+", text)
    kept = ""
    for sentence in sentences:
        if len(kept) + len(sentence) + 1 > limit:
            break
        kept = f"{kept} {sentence}".strip()
    if kept:
        return kept + " …"
    return text[:limit].rsplit(" ", 1)[0] + " …"


def fingerprint(view: ScorecardView | BookletView) -> str:
    if isinstance(view, BookletView):  # a booklet is fingerprinted through its scorecards' fingerprints
        data = _plain(dataclasses.replace(view, fingerprint="", scorecards=()))
        data["scorecards"] = [card.fingerprint for card in view.scorecards]
    else:
        data = _plain(dataclasses.replace(view, fingerprint=""))
    text = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _plain(value: Any) -> Any:
    """Dataclasses as dicts, tuples as lists (what dataclasses.asdict gives, without its deep copies)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    return value


# ------------------------------------------------------------------------------------------------ booklet


def booklet_view(data: CycleData, scorecards: Sequence[ScorecardView]) -> BookletView:
    """The booklet of one kind in one cycle; `scorecards` in ranking order."""
    pillars: dict[str, str] = {}
    for view in scorecards:
        for p in view.pillars:
            pillars.setdefault(p.code, p.name)
    rows = tuple(_ranking_row(view, tuple(pillars)) for view in scorecards)
    methods = {data.methodology(c).key: data.methodology(c).title.vi for c in data.cards}
    booklet = BookletView(data.cycle, data.kind, data.demo, data.targets.name, tuple(sorted(methods.items())),
                          tuple(pillars.items()), rows, data.current.average, tuple(scorecards),
                          peer_count=len(data.cards))
    return dataclasses.replace(booklet, fingerprint=fingerprint(booklet))


def _ranking_row(view: ScorecardView, pillar_codes: tuple[str, ...]) -> RankingRow:
    by_code = {p.code: p for p in view.pillars}
    return RankingRow(view.rank, view.unit_code, view.unit_name, view.subtype, view.points, view.max_points,
                      view.index, view.band_code, view.band_name, view.change,
                      tuple(by_code[c].index if c in by_code else None for c in pillar_codes),
                      tuple(by_code[c].answered if c in by_code else True for c in pillar_codes))


def _published(data: CycleData, card: Scorecard) -> PublishedRank:
    """The unit's published rank (when the cycle is published and the unit has a result) and the line saying so."""
    unit = data.publication.unit(card.unit_code) if data.publication is not None else None
    rank = (unit.rank, unit.peer_count) if unit is not None and unit.rank is not None else None
    return PublishedRank(published_line(data.publication, card.unit_code), rank)
