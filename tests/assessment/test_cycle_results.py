"""A cycle's results computed once (assessment.services.cycle_results): the same figures as the per-unit path,
kept until the database changes, rebuilt after any write."""

from __future__ import annotations

import numpy as np
import pytest

from assessment.domain.model import Answer, Target, TargetStatus, Text
from assessment.domain.progress import progress_columns, progress_of
from assessment.services.scorecards import BatchColumns
from assessment.services.scorecards import make_scorecard as _scorecard
from assessment.services.target_history import Measures, TargetHistory

AT_LEAST = Target("t", "chinh_quyen_so", Text("Hồ sơ", "Files"), "percent", "min", ((2025, 60.0), (2030, 100.0)))
AT_MOST = Target("r", "tong_quat", Text("Hạng", "Rank"), "rank", "max", ((2025, 5.0), (2030, 3.0)))
ONLY_2025 = Target("o", "ha_tang_so", Text("Cáp quang", "Fibre"), "percent", "min", ((2025, 80.0),))
NATIONAL = 3321


def _random_histories(rng: np.random.Generator, target: Target, n: int) -> list[list[tuple[int, float]]]:
    """Histories over 2022–2028 with gaps, repeats of the target's own values, ties and infinities."""
    years = list(range(2022, 2029))
    scale = max(v for _, v in target.values) * 1.3
    histories = []
    for _ in range(n):
        chosen = [y for y in years if rng.random() < 0.55]
        values = [float(rng.choice([v for _, v in target.values])) if rng.random() < 0.1
                  else float(np.round(rng.random() * scale, int(rng.integers(0, 3)))) for _ in chosen]
        history = list(zip(chosen, values, strict=True))
        if history and rng.random() < 0.02:
            history.append((history[-1][0], float("inf")))
        histories.append(history)
    return histories


@pytest.mark.parametrize("target", [AT_LEAST, AT_MOST, ONLY_2025], ids=lambda t: t.id)
@pytest.mark.parametrize("year", [2023, 2024, 2025, 2027, 2028])
def test_progress_of_all_units_at_once_equals_the_per_unit_path(target, year):
    """National size: 3,321 units with random histories, judged both ways, figure for figure."""
    rng = np.random.default_rng(year)
    histories = _random_histories(rng, target, NATIONAL)
    codes = [f"N{i:05d}" for i in range(NATIONAL)]
    years, values = _as_history(codes, target.id, histories).matrix(codes, target.id)
    columns = progress_columns(target, years, values, year)
    expected = [progress_of(target, h, year) for h in histories]
    assert list(columns.status) == [status for status, _ in expected]
    assert list(columns.projected_year) == [projection.year for _, projection in expected]
    assert list(columns.projection_known) == [projection.enough_data for _, projection in expected]
    assert {TargetStatus.MET, TargetStatus.BEHIND, TargetStatus.NO_DATA} <= set(columns.status)


def _as_history(codes, target_id, histories):
    """Per-unit histories as the measures of a cycle: one column per (cycle, k-th time a unit lists it)."""
    columns = {}
    for row, history in enumerate(histories):
        seen = {}
        for cycle, value in history:
            k = seen[cycle] = seen.get(cycle, -1) + 1
            columns.setdefault((cycle, k), np.full(len(codes), np.nan))[row] = value
    units = tuple(codes)
    return TargetHistory.of([Measures(cycle, target_id, units, values)
                             for (cycle, _), values in sorted(columns.items())], {})


def test_a_target_without_values_gives_no_data():
    empty = Target("e", "chinh_quyen_so", Text("Rỗng", "Empty"), "percent", "min", ())
    columns = progress_columns(empty, [2024, 2025], np.array([[1.0, 2.0]]), 2025)
    assert columns.status == (TargetStatus.NO_DATA,) and columns.projected_year == (None,)


def _per_unit_cards(service, year):
    """The scorecards as the per-unit path builds them: each unit's history, judged one unit at a time."""
    result = service.scores.result(year)
    targets = result.targets
    history = _per_unit_history(service, year, list(result.batches))
    cards = []
    for b, batch in enumerate(result.batches):
        columns = BatchColumns(batch)
        offset = sum(len(x.units) for x in result.batches[:b])
        cards += [_scorecard(batch, columns, i, year, int(result.ranks[offset + i]), int(result.peers[offset + i]),
                             targets, history) for i in range(len(batch.units))]
    return sorted(cards, key=lambda c: (c.kind.value, c.rank or 10**9, c.unit_code))


def _per_unit_history(service, year, current):
    """(unit, target) -> [(cycle, value)] lists built unit by unit from every cycle's full batches, merged
    departments carried back: the reference the arrays of target_history must equal."""
    from assessment.domain.cycles import cycle_day
    from assessment.domain.lineage import carry_back_history, merged_predecessors
    from assessment.domain.rules import measured_values

    history = {}
    for cycle in [c for c in service.cycles() if c <= year]:
        for batch in current if cycle == year else service.scores.batches(cycle):
            counted = batch.scores.applicable & batch.scores.relevant & batch.scores.answered
            for j, indicator in enumerate(batch.methodology.indicators):
                if indicator.target_id is None:
                    continue
                values = measured_values(indicator, batch.matrix, j)
                for i in np.flatnonzero(counted[j] & ~np.isnan(values)):
                    history.setdefault((batch.units[i].code, indicator.target_id), []).append(
                        (cycle, float(values[i])))
    active = {u.code for u in service.store.units() if u.active_on(cycle_day(year))}
    merged = {code: before for code, before in merged_predecessors(service.store.lineage()).items()
              if not active.intersection(before)}
    carry_back_history(history, merged)
    return history


@pytest.mark.parametrize("year", [2022, 2023, 2024, 2025])
def test_the_demo_cycles_score_as_the_per_unit_path_does(demo_service, year):
    cards = demo_service.scores.for_cycle(year=year).scorecards
    assert list(cards) == _per_unit_cards(demo_service, year)
    assert any(i.target_status is not None for c in cards for i in c.indicators)


def _nos(card):
    return [i for i in card.indicators if i.applicable and i.relevant and i.value is False and i.max_points > 0]


def _a_no(service):
    """A unit of 2025 and an indicator it answered "no" to (a yes is always worth points)."""
    card = next(c for c in service.scores.for_cycle(year=2025).scorecards if _nos(c))
    return card.unit_code, _nos(card)[0]


def test_a_cycle_is_scored_once_until_the_database_changes(demo_service):
    first = demo_service.scores.result(2025)
    assert demo_service.scores.result(2025) is first  # nothing written: the same result, not rescored
    code, indicator = _a_no(demo_service)
    card = demo_service.scores.for_cycle(year=2025, unit_code=code).scorecards[0]
    assert demo_service.scores.for_cycle(year=2025, unit_code=code).scorecards[0] is card

    demo_service.answers.save(unit_code=code, year=2025, answer=Answer(indicator.code, value=1.0),
                              who="tester")
    assert demo_service.scores.result(2025) is not first
    after = demo_service.scores.for_cycle(year=2025, unit_code=code).scorecards[0]
    changed = next(i for i in after.indicators if i.code == indicator.code)
    assert changed.value is True and changed.points > indicator.points and after.points > card.points


def test_a_write_by_another_process_is_seen(demo_db, demo_service):
    from tests.conftest import open_service

    code, indicator = _a_no(demo_service)
    card = demo_service.scores.for_cycle(year=2025, unit_code=code).scorecards[0]
    other = open_service(demo_db)
    try:
        other.answers.save(unit_code=code, year=2025, answer=Answer(indicator.code, value=1.0), who="other")
    finally:
        other.store.close()
    after = demo_service.scores.for_cycle(year=2025, unit_code=code).scorecards[0]
    assert next(i for i in after.indicators if i.code == indicator.code).value is True
    assert after.points > card.points
    ranks = [c.rank for c in demo_service.scores.for_cycle(year=2025, kind=card.kind).scorecards]
    assert ranks == sorted(ranks) and after.rank in ranks


@pytest.mark.parametrize("year", [2024, 2025])
def test_the_ranking_table_reads_the_same_figures_without_indicators(demo_service, year):
    """`score` (no --json) asks for headlines only: every figure the table prints equals the full card's."""
    full = demo_service.scores.for_cycle(year=year).scorecards
    short = demo_service.scores.for_cycle(year=year, detail=False).scorecards
    fields = ("unit_code", "unit_name", "kind", "cycle", "methodology_id", "methodology_version", "points",
              "max_points", "index", "band", "rank", "peer_count", "status", "appraised_index")
    assert [[getattr(c, f) for f in fields] for c in short] == [[getattr(c, f) for f in fields] for c in full]
    assert all(c.indicators == () for c in short if not c.appraised)
