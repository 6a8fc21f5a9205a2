"""A cycle's published results (pure records and rules; `service.publication` freezes and stores them).

Publishing freezes, for every unit assessed in the cycle, its self-assessed and appraised figures and its rank in
its peer group and sub-group, ranked on the appraised index. A unit without an appraised result (it never
submitted, or its appraisal is unfinished) is published as such: no index, no rank. The frozen results are
canonical JSON whose SHA-256 goes into the audit trail, so a publication changed behind the app's back no
longer matches its trail. A correction is a new publication (number n + 1) with its reason and the list of what
changed against the one before; earlier publications stay as they were.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field

import numpy as np

from assessment.domain.comparison import SUBGROUPS
from assessment.domain.model import AssessmentStatus, Scorecard, Unit
from assessment.domain.ranking import competition_ranks

RESULT_STATES = frozenset({AssessmentStatus.APPRAISED, AssessmentStatus.LOCKED})
ROUND = 4  # the index as published (the annex prints it with 2 decimals of percent: 4 of a fraction)


@dataclass(frozen=True)
class PublishedUnit:
    unit_code: str
    unit_name_vi: str
    unit_name_en: str
    kind: str
    subgroup: str  # the sub-group key (ward/commune, de_duty/no_de_duty, urban/rural), "" if none
    status: str  # the assessment's state when published ("" if it had none)
    self_points: float | None
    self_index: float | None
    appraised_points: float | None  # None: no appraised result; the unit is listed without a rank
    appraised_index: float | None
    max_points: float | None
    band_vi: str  # the appraised band's name ("" without a result)
    band_en: str
    rank: int | None  # in the peer group (kind), on the appraised index
    peer_count: int
    subgroup_rank: int | None
    subgroup_count: int

    def name(self, lang: str = "vi") -> str:
        return self.unit_name_en if lang == "en" else self.unit_name_vi


@dataclass(frozen=True)
class Change:
    unit_code: str
    what: str  # "index" | "rank" | "status" | "added" | "removed"
    old: object
    new: object


@dataclass(frozen=True)
class Publication:
    cycle: int
    number: int  # 1 for the first; a correction is 2, 3…
    decision_no: str
    decision_date: dt.date | None
    reason: str  # a correction's reason ("" for the first)
    units: tuple[PublishedUnit, ...]
    results_sha256: str
    published_at: str = ""
    published_by: str = ""
    changes: tuple[Change, ...] = field(default_factory=tuple)  # against the publication before

    @property
    def is_correction(self) -> bool:
        return self.number > 1

    def unit(self, code: str) -> PublishedUnit | None:
        return next((u for u in self.units if u.unit_code == code), None)

    def groups(self) -> dict[str, list[PublishedUnit]]:
        """Units by kind, ranked first (best first), then the units without a result."""
        found: dict[str, list[PublishedUnit]] = {}
        for unit in self.units:
            found.setdefault(unit.kind, []).append(unit)
        for members in found.values():
            members.sort(key=lambda u: (u.rank is None, u.rank or 0, u.unit_code))
        return found


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(float(value), ROUND)


def freeze(cards: Sequence[Scorecard], units: Mapping[str, Unit]) -> tuple[PublishedUnit, ...]:
    """The published rows of a cycle's scorecards, ranked on the appraised index per kind and per sub-group."""
    rows: list[PublishedUnit] = []
    by_kind: dict[str, list[Scorecard]] = {}
    for card in cards:
        by_kind.setdefault(card.kind.value, []).append(card)
    for members in by_kind.values():
        has_result = [c.status in RESULT_STATES and c.appraised_index is not None for c in members]
        indices = np.array([c.appraised_index if ok else np.nan for c, ok in zip(members, has_result, strict=True)],
                           dtype=float)
        ranks = competition_ranks(np.round(indices, ROUND))
        subgroup_of = [_subgroup(units.get(c.unit_code), c) for c in members]
        sub_ranks = np.zeros(len(members), dtype=np.int64)
        sub_counts = np.zeros(len(members), dtype=np.int64)
        for key in set(subgroup_of) - {""}:
            mask = np.array([s == key for s in subgroup_of])
            sub_ranks[mask] = competition_ranks(np.round(indices[mask], ROUND))
            sub_counts[mask] = int(np.count_nonzero(~np.isnan(indices[mask])))
        peers = int(np.count_nonzero(~np.isnan(indices)))
        for i, card in enumerate(members):
            ok = has_result[i]
            rows.append(PublishedUnit(
                card.unit_code, card.unit_name.vi, card.unit_name.en, card.kind.value, subgroup_of[i],
                card.status.value, _rounded(card.points), _rounded(card.index),
                _rounded(card.appraised_points) if ok else None, _rounded(card.appraised_index) if ok else None,
                _rounded(card.max_points), *_band(card if ok else None),
                int(ranks[i]) if ok else None, peers, int(sub_ranks[i]) if ok and subgroup_of[i] else None,
                int(sub_counts[i]) if subgroup_of[i] else 0))
    return tuple(sorted(rows, key=lambda r: (r.kind, r.rank is None, r.rank or 0, r.unit_code)))


def _band(card: Scorecard | None) -> tuple[str, str]:
    band = card.appraised_band if card is not None else None
    return (band.name.vi, band.name.en) if band is not None else ("", "")


def _subgroup(unit: Unit | None, card: Scorecard) -> str:
    if unit is None:
        return ""
    return next((s.key for s in SUBGROUPS.get(card.kind, ()) if s.member(unit)), "")


def canonical(units: Sequence[PublishedUnit]) -> str:
    """The frozen results as canonical JSON (sorted keys, no spaces): what is stored and hashed."""
    return json.dumps([asdict(u) for u in units], ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def units_from_json(text: str) -> tuple[PublishedUnit, ...]:
    return tuple(PublishedUnit(**row) for row in json.loads(text))


def changes_between(before: Sequence[PublishedUnit], after: Sequence[PublishedUnit]) -> tuple[Change, ...]:
    """What a correction changes: a unit added or removed, its appraised index, its rank, its state."""
    old = {u.unit_code: u for u in before}
    new = {u.unit_code: u for u in after}
    found: list[Change] = []
    for code in sorted(old.keys() | new.keys()):
        a, b = old.get(code), new.get(code)
        if a is None or b is None:
            found.append(Change(code, "added" if a is None else "removed", None, None))
            continue
        for what, x, y in (("index", a.appraised_index, b.appraised_index), ("rank", a.rank, b.rank),
                           ("status", a.status, b.status)):
            if x != y:
                found.append(Change(code, what, x, y))
    return tuple(found)


def published_line(publication: Publication | None, unit_code: str | None = None, lang: str = "vi") -> str:
    """What a scorecard or the dashboard says about publication: "not yet published" (the ranking shown is on the
    self-assessed index), or the publication, its decision and, for a unit, its published rank."""
    vi = lang != "en"
    if publication is None:
        return ("Chưa công bố kết quả: xếp hạng theo chỉ số tự đánh giá" if vi else
                "Not yet published: ranked on the self-assessed index")
    day = publication.published_at[:10]
    if vi and day:
        day = f"{day[8:10]}/{day[5:7]}/{day[:4]}"
    text = (f"Đã công bố ngày {day} (Quyết định số {publication.decision_no}, lần {publication.number})" if vi else
            f"Published on {day} (decision {publication.decision_no}, publication {publication.number})")
    unit = publication.unit(unit_code) if unit_code else None
    if unit_code is None:
        return text + (": xếp hạng theo chỉ số thẩm định" if vi else ": ranked on the appraised index")
    if unit is None or unit.rank is None:
        return text + (": đơn vị chưa có kết quả thẩm định, không xếp hạng" if vi else
                       ": no appraised result for this unit, not ranked")
    return text + (f": hạng {unit.rank}/{unit.peer_count} theo chỉ số thẩm định" if vi else
                   f": rank {unit.rank} of {unit.peer_count} on the appraised index")
