"""Resolution 18-NQ/TU at city level: how far Hà Nội is from each target, and who holds it back.

The city is a unit of kind `city` (HA_NOI) with its own methodology (hanoi-city-r18): one indicator per
target, answered yearly with evidence like any unit. `CityArea.progress(year)` puts together, for every target
of the resolution and of the plans under it: its milestones, the city's series and status, the projected year,
the figures that can be derived from the units' own answers (with the rule that derives them), and the units
furthest behind on the indicators that feed the target. Hanoi's published DTI ranks stand beside it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING

from assessment.domain.city_progress import (
    CITY_LEVELS,
    LAGGARDS,
    LEADING_GROUP_RANK,
    CityProgress,
    DerivedFigure,
    Laggard,
    TargetProgress,
)
from assessment.domain.errors import NotFound
from assessment.domain.model import (
    Indicator,
    IndicatorScore,
    Methodology,
    Scorecard,
    Target,
    TargetSet,
    Text,
    Unit,
    UnitKind,
)
from assessment.domain.progress import progress_of

if TYPE_CHECKING:
    from assessment.service import AssessmentService

class CityArea:
    def __init__(self, service: AssessmentService) -> None:
        self.s = service

    def unit(self) -> Unit | None:
        cities = self.s.units.list(UnitKind.CITY)
        return cities[0] if cities else None

    def progress(self, *, year: int) -> CityProgress:
        """Every target of the chain, the city's series up to `year` and the units' results in `year`."""
        targets = self.s.targets.active()
        city = self.unit()
        methodology = self._city_methodology(city, year)
        cycles = [y for y in self.s.cycles() if y <= year]
        now = self.s.scores.for_cycle(year=year).scorecards if year in cycles else ()  # the cycle, scored once
        units_now = [c for c in now if c.kind != UnitKind.CITY]
        city_cards = {y: self._city_card(city, y, now) for y in cycles} if city else {}
        feeders = self._feeders(targets, year)
        rows = []
        for target in targets.targets:
            if target.level not in CITY_LEVELS or not _in_force(target, year):
                continue
            indicator = _measuring(methodology, target.id)
            series = tuple((y, _value(_indicator(card, indicator))) for y, card in sorted(city_cards.items())
                           if card is not None and indicator is not None)
            status, projection = progress_of(target, series, year)
            fed = feeders.get(target.id, [])
            rows.append(TargetProgress(
                target, targets.chain(target.id)[1:], indicator.code if indicator else None, series, status,
                projection, tuple(f"{m.id}:{i.code}" for m, i in fed), _derived(target.id, units_now),
                _laggards(fed, units_now, targets, year)))
        return CityProgress(year, city, city_cards.get(year), tuple(rows), tuple(self.s.catalog.hanoi_dti_ranks()),
                            LEADING_GROUP_RANK, self.s.is_demo, _headline(units_now))

    def _city_methodology(self, city: Unit | None, year: int) -> Methodology | None:
        if city is None:
            return None
        try:
            return self.s.methodologies.for_unit(city, year)
        except NotFound:  # no city methodology for that cycle: every target reads "no data"
            return None

    def _city_card(self, city: Unit, year: int, scored: Sequence[Scorecard]) -> Scorecard | None:
        """The city's card of `year`: taken from `scored` (the asked cycle, already scored) when it is there."""
        cards = [c for c in scored if c.unit_code == city.code and c.cycle == year] or \
            self.s.scores.for_cycle(year=year, unit_code=city.code).scorecards
        return cards[0] if cards else None

    def _feeders(self, targets: TargetSet, year: int) -> dict[str, list[tuple[Methodology, Indicator]]]:
        """For each target, the unit indicators (of the methodologies of `year`) whose targets serve it."""
        fed: dict[str, list[tuple[Methodology, Indicator]]] = {}
        for methodology in self.s.methodologies.available():
            if UnitKind.CITY in methodology.applies_to or not methodology.valid_for(year):
                continue
            for indicator in methodology.indicators:
                for above in targets.chain(indicator.target_id) if indicator.target_id else ():
                    fed.setdefault(above.id, []).append((methodology, indicator))
        return fed


def _in_force(target: Target, year: int) -> bool:
    """A target counts in a cycle while it has a milestone in or after it (a 2023 plan's figures do not bind
    2025); a qualitative goal of the resolution always does."""
    return not target.values or target.values[-1][0] >= year


def _measuring(methodology: Methodology | None, target_id: str) -> Indicator | None:
    if methodology is None:
        return None
    return next((i for i in methodology.indicators if i.target_id == target_id), None)


def _indicator(card: Scorecard | None, indicator: Indicator | None) -> IndicatorScore | None:
    if card is None or indicator is None:
        return None
    return next((i for i in card.indicators if i.code == indicator.code), None)


def _value(score: IndicatorScore | None) -> float | None:
    """The number an indicator compares with its target: a ratio as a percent, N/A and blanks as None."""
    if score is None or not score.applicable or not score.answered:
        return None
    if score.numerator is not None and score.denominator is not None:
        return score.numerator / score.denominator * 100 if score.denominator > 0 else None
    return float(score.value) if isinstance(score.value, int | float) and not isinstance(score.value, bool) else None


def _answers_of(cards: Iterable[Scorecard], kind: UnitKind, code: str) -> list[tuple[Scorecard, IndicatorScore]]:
    found = []
    for card in cards:
        if card.kind == kind:
            score = next((i for i in card.indicators if i.code == code), None)
            if score is not None and score.applicable and score.relevant and score.answered:
                found.append((card, score))
    return found


def _laggards(fed: Sequence[tuple[Methodology, Indicator]], cards: Sequence[Scorecard], targets: TargetSet,
              year: int) -> tuple[Laggard, ...]:
    behind: list[Laggard] = []
    for methodology, indicator in fed:
        target = targets.get(indicator.target_id) if indicator.target_id else None
        milestone = target.milestone_for(year) if target else None
        for kind in methodology.applies_to:
            for card, score in _answers_of(cards, kind, indicator.code):
                value = _value(score)
                if milestone and value is not None and milestone[1] > 0:
                    share = milestone[1] / value if target and target.direction == "max" and value else \
                        value / milestone[1]
                    attainment = min(share, 1.0)
                else:
                    attainment = score.points / score.max_points if score.max_points else 1.0
                if attainment < 1.0:
                    behind.append(Laggard(card.unit_code, card.unit_name, indicator.code, value,
                                          milestone[1] if milestone else None, attainment))
    behind.sort(key=lambda lag: (lag.attainment, lag.unit_code))
    return tuple(behind[:LAGGARDS])


# ------------------------------------------------------------------------------- derived figures

def _share_meeting(cards: Sequence[Scorecard], kind: UnitKind, code: str, threshold: float) -> tuple[float, float]:
    answered = [_value(s) for _, s in _answers_of(cards, kind, code)]
    values = [v for v in answered if v is not None]
    return float(sum(1 for v in values if v >= threshold)), float(len(values))


def _communes_meeting(code: str, threshold: float, what_vi: str, what_en: str
                      ) -> Callable[[Sequence[Scorecard]], DerivedFigure]:
    def derive(cards: Sequence[Scorecard]) -> DerivedFigure:
        met, total = _share_meeting(cards, UnitKind.COMMUNE, code, threshold)
        return DerivedFigure(
            Text(f"Tỷ lệ xã, phường đạt {threshold:g}% {what_vi}", f"Communes and wards at {threshold:g}% {what_en}"),
            met / total * 100 if total else None, met, total,
            Text(f"số xã, phường có {code} ≥ {threshold:g}% ÷ số xã, phường đã trả lời {code} × 100",
                 f"communes and wards with {code} ≥ {threshold:g}% ÷ communes and wards that answered {code} × 100"))
    return derive


def _dossiers_online_weighted(cards: Sequence[Scorecard]) -> DerivedFigure:
    """Σ(CQS01 % × dossiers) ÷ Σ dossiers over the communes, the dossiers being CQS02's denominator."""
    online = total = 0.0
    for card in cards:
        if card.kind != UnitKind.COMMUNE:
            continue
        share = next((i for i in card.indicators if i.code == "CQS01"), None)
        dossiers = next((i for i in card.indicators if i.code == "CQS02"), None)
        value = _value(share)
        if value is not None and dossiers is not None and dossiers.denominator and dossiers.answered:
            online += value / 100 * dossiers.denominator
            total += dossiers.denominator
    return DerivedFigure(
        Text("Tỷ lệ hồ sơ tiếp nhận trực tuyến của các xã, phường (bình quân theo số hồ sơ)",
             "Share of the communes' and wards' dossiers received online (weighted by dossiers)"),
        online / total * 100 if total else None, round(online), total,
        Text("Σ(CQS01 × tổng số hồ sơ ở CQS02) ÷ Σ tổng số hồ sơ ở CQS02, trên các xã, phường trả lời cả hai",
             "Σ(CQS01 × total dossiers in CQS02) ÷ Σ total dossiers in CQS02, over communes and wards answering both"))


# The derivations dxscore knows, by the target they inform. A new one is a function of the cycle's scorecards.
DERIVATIONS: dict[str, tuple[Callable[[Sequence[Scorecard]], DerivedFigure], ...]] = {
    "hn2025_commune_dossiers_online": (_communes_meeting("CQS01", 60, "hồ sơ tiếp nhận trực tuyến (CQS01)",
                                                         "of dossiers received online (CQS01)"),),
    "hn2025_commune_dossiers_end_to_end": (_communes_meeting("CQS02", 20, "hồ sơ trực tuyến toàn trình (CQS02)",
                                                             "of dossiers handled end to end online (CQS02)"),),
    "hn2025_dossiers_online_city": (_dossiers_online_weighted,),
    "p4098_work_files_online_commune": (_communes_meeting("CQS03", 60, "hồ sơ công việc xử lý trên môi trường "
                                                          "mạng (CQS03)", "of work files processed online (CQS03)"),),
}


def _derived(target_id: str, cards: Sequence[Scorecard]) -> tuple[DerivedFigure, ...]:
    return tuple(derive(cards) for derive in DERIVATIONS.get(target_id, ()))


def _headline(cards: Sequence[Scorecard]) -> tuple[DerivedFigure, ...]:
    figures = []
    for kind, vi, en in ((UnitKind.DEPARTMENT, "sở, ban, ngành", "departments"),
                         (UnitKind.COMMUNE, "xã, phường", "communes and wards"),
                         (UnitKind.DISTRICT, "quận, huyện, thị xã", "districts")):
        group = [c for c in cards if c.kind == kind and c.index is not None]
        if not group:
            continue
        high = sum(1 for c in group if c.band is not None and c.band.code >= 4)
        figures.append(DerivedFigure(
            Text(f"Tỷ lệ {vi} đạt mức 4 trở lên", f"Share of {en} at band 4 or above"),
            high / len(group) * 100, float(high), float(len(group)),
            Text(f"số {vi} có chỉ số ≥ 0,6 (mức Nâng cao, Dẫn đầu) ÷ số {vi} được đánh giá × 100",
                 f"{en} with an index ≥ 0.6 (bands Advanced, Leading) ÷ {en} assessed × 100")))
    return tuple(figures)
