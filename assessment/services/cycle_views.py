"""Outputs about every unit of a cycle read straight from a `CycleResult`'s arrays, without a `Scorecard` and its
47 `IndicatorScore` objects per unit: `score --json`'s unit objects (the same dicts, hence the same bytes, as
`export.scorecard_dict` of the full scorecard) and the dashboard's peer group (the same `PeerGroup` and spreads as
`comparison.peer_group` / `indicator_spread` over full scorecards). An appraised unit's figures come from its full
scorecard (CycleResult.scorecards), as everywhere else.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import TypeVar, overload

import numpy as np

from assessment.domain.comparison import NO_DATA, NOT_APPLICABLE, SCORED, IndicatorSpread, PeerGroup
from assessment.domain.model import AssessmentStatus, Scorecard, Text, UnitKind
from assessment.domain.ranking import band_for
from assessment.services.cycle_results import CycleResult
from assessment.services.export import scorecard_dict
from assessment.services.scorecards import ScoredBatch, ShownValue, display_column

C = TypeVar("C")
CHUNK = 512  # units whose indicator texts are prepared together (bounded memory whatever the cycle's size)
_ENCODE = json.JSONEncoder(ensure_ascii=False).encode  # json.dumps(…, ensure_ascii=False) without a new encoder each


def full_card(card: Scorecard) -> bool:
    """Whether a card from `CycleResult.headlines` is a full scorecard already (an appraised unit's)."""
    return bool(card.indicators) or card.appraised


def unit_json(result: CycleResult, cards: Sequence[Scorecard]) -> Iterator[str]:
    """`json.dumps(scorecard_dict(full scorecard), ensure_ascii=False)` of each unit, for headline cards
    (CycleResult.headlines: rank, peer count and the rest as the caller has them), built from the arrays: the
    indicators' JSON is written column by column from text pieces (the same bytes: tests compare), CHUNK cards
    at a time."""
    where = {u.code: (b, i) for b, batch in enumerate(result.batches) for i, u in enumerate(batch.units)}
    views: dict[int, _BatchJson] = {}
    for start in range(0, len(cards), CHUNK):
        chunk = cards[start:start + CHUNK]
        rows: dict[int, list[int]] = {}
        for card in chunk:
            if not full_card(card):
                b, i = where[card.unit_code]
                rows.setdefault(b, []).append(i)
        texts: dict[tuple[int, int], tuple[str, str]] = {}
        for b, wanted in rows.items():
            view = views.get(b)
            if view is None:
                view = views[b] = _BatchJson(result, b)
            texts.update(((b, i), text) for i, text in zip(wanted, zip(view.pillars(wanted), view.indicators(wanted),
                                                                     strict=True), strict=True))
        for card in chunk:
            if full_card(card):
                yield json.dumps(scorecard_dict(card), ensure_ascii=False)
            else:
                b, i = where[card.unit_code]
                yield views[b].unit_json(card, i, *texts[(b, i)])


def _number(value: float, digits: int | None = None) -> str:
    """A float as json.dumps writes it (after round(value, digits) when digits is given)."""
    if value != value:
        return "NaN"
    if value - value != 0.0:
        return "Infinity" if value > 0 else "-Infinity"
    return float.__repr__(value if digits is None else round(value, digits))


class _Floats:
    """json texts of floats (rounded to 4 decimals, as export._round, or not), each distinct value written once.
    Zero is written each time: 0.0 and -0.0 are equal keys but different texts."""

    def __init__(self, digits: int | None) -> None:
        self.digits = digits
        self.memo: dict[float, str] = {}

    def texts(self, column: np.ndarray) -> list[str]:
        """The texts of a column of floats, each distinct value formatted once. The distinct finite values go in
        one go: a list's repr writes each with float.__repr__, as json does; rounding, when a value has more
        decimals than `digits`, is Python's round (export._round). A column with NaN, an infinity, a -0.0
        (equal to 0.0 but written differently) or a huge value goes value by value."""
        if not len(column):
            return []
        if not np.isfinite(column).all() or np.signbit(column[column == 0]).any() or np.abs(column).max() >= 1e9:
            memo, text = self.memo, self.text
            return [memo.get(value) or text(value) for value in column.tolist()]
        distinct, where = np.unique(column, return_inverse=True)
        values = distinct.tolist()
        digits = self.digits
        if digits is not None and not (np.round(distinct, digits) == distinct).all():
            values = python_round(distinct, digits)  # below 1e9, np.round equal means round equal
        texts = repr(values)[1:-1].split(", ")
        return [texts[k] for k in where.tolist()]

    def text(self, value: float) -> str:
        found = self.memo.get(value) if value else None
        if found is None:
            found = _number(value, self.digits)
            if value:
                self.memo[value] = found
        return found


def python_round(values: np.ndarray, digits: int) -> list[float]:
    """`[round(v, digits) for v in values]` for finite values below 1e9, vectorised. numpy rounds as rint(v · 10^d)
    / 10^d: the same integer as Python's exact decimal rounding unless v · 10^d lies within a few ulps of a
    half-integer (the product's own rounding may tip it), and then the same float (one correctly rounded division of
    that integer). Those few values are rounded by Python itself."""
    scaled = values * 10.0**digits
    rounded: list[float] = (np.rint(scaled) / 10.0**digits).tolist()
    near_half = np.abs(np.abs(scaled - np.trunc(scaled)) - 0.5) <= 8 * np.spacing(np.abs(scaled))
    for k in np.flatnonzero(near_half).tolist():
        rounded[k] = round(float(values[k]), digits)
    return rounded


def _shown(values: list[ShownValue], floats: _Floats) -> list[str]:
    """json texts of an indicator's shown values as export.indicator_dict writes them. A column holds one type
    (and None): a column of floats is written in one go (`_texts_or_null`); otherwise a value and its text share
    one memo (True and 1.0 never meet in it)."""
    numbers = [value for value in values if value is not None]
    if numbers and all(value.__class__ is float for value in numbers):
        column = np.array([np.nan if value is None else value for value in values], dtype=np.float64)
        if not np.isnan(column).sum() > len(values) - len(numbers):  # no NaN of its own: NaN means None
            return _texts_or_null(column, floats)
    memo: dict[ShownValue, str] = {}

    def write(value: ShownValue) -> str:
        if isinstance(value, float):
            text = floats.text(value)
            if value:
                memo[value] = text
            return text
        text = memo[value] = json.dumps(list(value) if isinstance(value, tuple) else value, ensure_ascii=False)
        return text

    return [memo.get(value) or write(value) for value in values]


def _texts_or_null(column: np.ndarray, floats: _Floats) -> list[str]:
    """Texts of a float column whose NaN cells stand for "no value" (null)."""
    empty = np.isnan(column)
    if not empty.any():
        return floats.texts(column)
    texts = floats.texts(np.where(empty, 0.0, column))
    for i in np.flatnonzero(empty).tolist():
        texts[i] = "null"
    return texts


_FLAG_TEXTS = [f'"applicable": {json.dumps(bool(f & 8))}, "answered": {json.dumps(bool(f & 4))}, '
               f'"relevant": {json.dumps(bool(f & 2))}, "missing": {json.dumps(bool(f & 1))}' for f in range(16)]


def _constant_or_texts(values: np.ndarray, floats: _Floats) -> str | list[str]:
    """One text when every value is the same non-zero finite number (the usual max_points), else one each."""
    if len(values) and values[0] and np.isfinite(values[0]) and bool((values == values[0]).all()):
        return floats.text(float(values[0]))
    return floats.texts(values)


class _BatchJson:
    """One batch's columns, and its indicators' JSON texts prepared CHUNK units at a time."""

    def __init__(self, result: CycleResult, b: int) -> None:
        self.batch: ScoredBatch = result.batches[b]
        self.progress = result.progress[b]
        s, m = self.batch.scores, self.batch.matrix
        self.specs = [(json.dumps(i.code, ensure_ascii=False), json.dumps(i.pillar, ensure_ascii=False),
                       json.dumps(i.target_id, ensure_ascii=False), i.target_id is not None)
                      for i in self.batch.methodology.indicators]
        self.values: list[list[ShownValue]] = [
            display_column(i.answer.type, m, j, i.code, i.answer.option_codes() if i.answer.options else ())
            for j, i in enumerate(self.batch.methodology.indicators)]
        self.missing = s.applicable & s.relevant & ~s.answered
        # the four flags of every cell as one number: an index into _FLAG_TEXTS
        self.flags = (s.applicable.astype(np.int8) * 8 + s.answered.astype(np.int8) * 4
                      + s.relevant.astype(np.int8) * 2 + self.missing.astype(np.int8))
        self.scored = [self.batch.methodology.pillar(code).scored for code in s.pillar_codes]
        self.pillar_index = s.pillar_index
        self._missing_codes: list[list[str]] | None = None
        self.rounded, self.plain = _Floats(4), _Floats(None)
        # a whole column's texts, written once and picked from for each CHUNK of units: a column has few distinct
        # values, so its list only points at shared strings (a few MB for a national batch)
        self._columns: dict[tuple[str, int], list[str]] = {}
        self._tops: dict[int, str | list[str]] = {}

    def _picked(self, key: tuple[str, int], rows: list[int], column: C, write: Callable[[C], list[str]]
                ) -> list[str]:
        """The texts of `column` (called `key`) for `rows`, the whole column written once."""
        found = self._columns.get(key)
        if found is None:
            found = self._columns[key] = write(column)
        return list(map(found.__getitem__, rows))

    def _max_points(self, j: int, rows: list[int]) -> str | list[str]:
        """Indicator j's max_points: one text when the whole column has one, else the rows' texts."""
        found = self._tops.get(j)
        if found is None:
            found = self._tops[j] = _constant_or_texts(self.batch.scores.max_points[j], self.plain)
        return found if isinstance(found, str) else list(map(found.__getitem__, rows))

    def unit_json(self, card: Scorecard, i: int, pillars: str, indicators: str) -> str:
        head = scorecard_dict(card)  # a headline card: every field but missing, pillars and indicators
        del head["pillars"], head["indicators"]
        head["missing"] = self._missing(i)
        text = _ENCODE(head)
        return f'{text[:-1]}, "pillars": [{pillars}], "indicators": [{indicators}]}}'

    def _missing(self, i: int) -> list[str]:
        if self._missing_codes is None:  # every row's, from one pass over the matrix
            codes = self.batch.matrix.codes
            self._missing_codes = [[] for _ in range(self.missing.shape[1])]
            rows, columns = np.nonzero(self.missing.T)  # row-major: each row's columns in order
            for row, j in zip(rows.tolist(), columns.tolist(), strict=True):
                self._missing_codes[row].append(codes[j])
        return list(self._missing_codes[i])

    def pillars(self, rows: list[int]) -> list[str]:
        """Per row, its pillars' JSON objects joined (export.pillar_dict's keys and order for a unit without an
        appraisal), written pillar by pillar as `indicators` writes indicators."""
        s = self.batch.scores
        rounded, plain = self.rounded, self.plain
        columns = []
        for p, code in enumerate(s.pillar_codes):
            head = f'{{"code": {json.dumps(code, ensure_ascii=False)}, "points": '
            scored = json.dumps(self.scored[p], ensure_ascii=False)
            points = self._picked(("pillar_points", p), rows, s.pillar_points[p], rounded.texts)
            top = self._picked(("pillar_max", p), rows, s.pillar_max[p], plain.texts)
            index = self._picked(("pillar_index", p), rows, self.pillar_index[p], functools.partial(
                _texts_or_null, floats=rounded))
            columns.append([f'{head}{a}, "max_points": {t}, "index": {x}, "scored": {scored}}}'
                            for a, t, x in zip(points, top, index, strict=True)])
        return [", ".join(texts) for texts in zip(*columns, strict=True)] if columns else ["" for _ in rows]

    def indicators(self, rows: list[int]) -> list[str]:
        """Per row, its indicators' JSON objects joined (export.indicator_dict's keys and order). Per column, the
        text between the values that vary is written once (a constant max_points, the four flags as one of 16
        texts, the target keys when nothing about them varies), so each object is one f-string of five parts."""
        s = self.batch.scores
        rounded, plain = self.rounded, self.plain
        columns = []
        for j, (code, pillar, target, linked) in enumerate(self.specs):
            head = f'{{"code": {code}, "pillar": {pillar}, "points": '
            points = self._picked(("points", j), rows, s.points[j], rounded.texts)
            tops = self._max_points(j, rows)
            flags = [_FLAG_TEXTS[f] for f in self.flags[j, rows].tolist()]
            shown = self._picked(("value", j), rows, self.values[j], functools.partial(_shown, floats=rounded))
            tails = self._tails(j, rows, target, linked, plain)
            if isinstance(tops, str):
                middle = f', "max_points": {tops}, '
                columns.append([f'{head}{p}{middle}{f}, "value": {v}, {t}'
                                for p, f, v, t in zip(points, flags, shown, tails, strict=True)])
            else:
                columns.append([f'{head}{p}, "max_points": {top}, {f}, "value": {v}, {t}'
                                for p, top, f, v, t in zip(points, tops, flags, shown, tails, strict=True)])
        return [", ".join(texts) for texts in zip(*columns, strict=True)] if columns else ["" for _ in rows]

    def _tails(self, j: int, rows: list[int], target: str, linked: bool, plain: _Floats) -> list[str]:
        """The keys after "value" of column j's objects, closing brace included."""
        m = self.batch.matrix
        parts = _parts(m.numerator[j, rows], m.denominator[j, rows], plain)
        start = f'"target_id": {target}, "target_status": '
        if not linked:
            return [f"{start}null}}"] * len(rows) if parts is None else [f"{start}null{ratio}}}" for ratio in parts]
        parts = parts or [""] * len(rows)
        return [f"{start}{status}{ratio}{projection}}}"
                for ratio, (status, projection) in zip(parts, self._progress(j, rows), strict=True)]

    def _progress(self, j: int, rows: list[int]) -> list[tuple[str, str]]:
        """(target status, projection keys) texts of indicator column j for the rows."""
        found = self.progress.columns.get(j)
        if found is None:
            return [("null", ', "projected_year": null, "projection": "insufficient_data"')] * len(rows)
        memo: dict[tuple[object, int | None, bool], tuple[str, str]] = {}

        def text(key: tuple[object, int | None, bool]) -> tuple[str, str]:
            status, projected, known = key
            year = str(projected) if known and projected is not None else "null"
            kind = "insufficient_data" if not known else "reached_by" if projected else "not_at_this_pace"
            shown = memo[key] = (json.dumps(getattr(status, "value", None)),
                                 f', "projected_year": {year}, "projection": "{kind}"')
            return shown

        keys = zip(*(map(column.__getitem__, rows) for column in (found.status, found.projected_year,
                                                                   found.projection_known)), strict=True)
        return [memo[key] if key in memo else text(key) for key in keys]


def _parts(numerators: np.ndarray, denominators: np.ndarray, floats: _Floats) -> list[str] | None:
    """The numerator and denominator keys, present when either has a value; None when no row has them."""
    present = ~(np.isnan(numerators) & np.isnan(denominators))
    if not present.any():
        return None
    tops, bottoms = _texts_or_null(numerators, floats), _texts_or_null(denominators, floats)
    return [f', "numerator": {a}, "denominator": {b}' if shown else ""
            for a, b, shown in zip(tops, bottoms, present.tolist(), strict=True)]


# ------------------------------------------------------------------------------------------- peer group


@dataclass
class _Member:
    batch: int
    row: int
    rank: int | None
    code: str


class LazyCards(Sequence[Scorecard]):
    """A peer group's full scorecards in the group's row order, built only when asked for: one card (the unit an
    inspector clicks) or, on iteration, all of them at once (CycleResult.scorecards)."""

    def __init__(self, result: CycleResult, kind: UnitKind, codes: Sequence[str]) -> None:
        self._result, self._kind, self._codes = result, kind, tuple(codes)
        self._all: tuple[Scorecard, ...] | None = None

    def __len__(self) -> int:
        return len(self._codes)

    @overload
    def __getitem__(self, index: int) -> Scorecard: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[Scorecard]: ...

    def __getitem__(self, index: int | slice) -> Scorecard | Sequence[Scorecard]:
        if isinstance(index, slice) or self._all is not None:
            return self._every()[index]
        return self._result.scorecards(self._kind, self._codes[index])[0]

    def __iter__(self) -> Iterator[Scorecard]:
        return iter(self._every())

    def _every(self) -> tuple[Scorecard, ...]:
        if self._all is None:
            by_code: dict[str, Scorecard] = {c.unit_code: c for c in self._result.scorecards(self._kind)}
            self._all = tuple(by_code[code] for code in self._codes)
        return self._all


def group_view(result: CycleResult, kind: UnitKind) -> tuple[PeerGroup, list[IndicatorSpread], LazyCards]:
    """`comparison.peer_group` and `indicator_spread` of the kind's full scorecards, from the arrays (an appraised
    unit's appraised index from its full card)."""
    members = _members(result, kind)
    keys = list(dict.fromkeys(m.batch for m in members))  # batches in the order their first member comes
    bands = result.batches[keys[0]].methodology.bands if keys else ()
    pillar_codes, pillar_names = _pillars(result, keys)
    target_ids: list[str] = sorted({i.target_id for b in keys for i in result.batches[b].methodology.indicators
                                    if i.target_id})
    count = len(members)
    index, points, top = (np.full(count, np.nan) for _ in range(3))
    appraised = np.full(count, np.nan)
    pillar_index = np.full((count, len(pillar_codes)), np.nan)
    pillar_state = np.full((count, len(pillar_codes)), NOT_APPLICABLE, dtype=np.int8)
    status = np.full((count, len(target_ids)), None, dtype=object)
    index_state = np.full(count, NOT_APPLICABLE, dtype=np.int8)
    band: list[int | None] = []
    states: list[str] = []
    for b in keys:
        batch = result.batches[b]
        rows = [r for r, m in enumerate(members) if m.batch == b]
        cols = [members[r].row for r in rows]
        s = batch.scores
        values = s.index[cols]
        index[rows], points[rows], top[rows] = values, s.total[cols], s.total_max[cols]
        done = s.applicable[:, cols] & s.answered[:, cols]  # (indicators, members of this batch)
        index_state[rows] = np.where(np.isnan(values), NOT_APPLICABLE, np.where(done.any(axis=0), SCORED, NO_DATA))
        _fill_pillars(batch, cols, rows, done, pillar_codes, pillar_index, pillar_state)
        _fill_status(result, b, cols, rows, target_ids, status)
    for r, member in enumerate(members):
        batch = result.batches[member.batch]
        value = None if np.isnan(index[r]) else float(index[r])
        found = band_for(value, batch.methodology.bands)
        band.append(found.code if found else None)
        states.append(batch.assessments[member.row].status.value)
        if _appraised(batch, member.row):
            appraised[r] = _appraised_index(result, kind, member.code)
    group = PeerGroup(
        cycle=result.year if members else 0, kind=kind, codes=tuple(m.code for m in members),
        names=tuple(result.batches[m.batch].units[m.row].name for m in members), index=index, points=points,
        max_points=top, band=tuple(band), rank=tuple(m.rank for m in members), pillar_codes=tuple(pillar_codes),
        pillar_names=tuple(pillar_names), pillar_index=pillar_index, target_ids=tuple(target_ids),
        target_status=status, bands=bands, appraised_index=appraised, status=tuple(states),
        pillar_state=pillar_state, index_state=index_state)
    return group, _spreads(result, members, keys), LazyCards(result, kind, group.codes)


def _members(result: CycleResult, kind: UnitKind) -> list[_Member]:
    """The kind's units in the group's row order (rank, then code; unranked last)."""
    members, offset = [], 0
    for b, batch in enumerate(result.batches):
        ranks = result.ranks[offset:offset + len(batch.units)].tolist()
        members += [_Member(b, i, ranks[i] or None, u.code) for i, u in enumerate(batch.units) if u.kind == kind]
        offset += len(batch.units)
    return sorted(members, key=lambda m: (m.rank or 10**9, m.code))


def _pillars(result: CycleResult, keys: Sequence[int]) -> tuple[list[str], list[Text]]:
    codes: list[str] = []
    names: list[Text] = []
    for b in keys:
        for pillar in result.batches[b].methodology.pillars:
            if pillar.scored and pillar.code not in codes:
                codes.append(pillar.code)
                names.append(pillar.name)
    return codes, names


def _fill_pillars(batch: ScoredBatch, cols: list[int], rows: list[int], done: np.ndarray, codes: list[str],
                  pillar_index: np.ndarray, pillar_state: np.ndarray) -> None:
    s = batch.scores
    of_pillar = np.array([i.pillar for i in batch.methodology.indicators], dtype=object)
    for p, code in enumerate(s.pillar_codes):
        if code not in codes:
            continue
        values = s.pillar_index[p, cols]
        shown = ~np.isnan(values)
        answered = done[of_pillar == code].any(axis=0)
        where = np.asarray(rows)[shown]
        pillar_index[where, codes.index(code)] = values[shown]
        pillar_state[where, codes.index(code)] = np.where(answered[shown], SCORED, NO_DATA)


def _fill_status(result: CycleResult, b: int, cols: list[int], rows: list[int], target_ids: Sequence[str],
                 status: np.ndarray) -> None:
    """Target status where the indicator applies and has one (a later indicator of the same target wins)."""
    batch = result.batches[b]
    for j, indicator in enumerate(batch.methodology.indicators):
        found = result.progress[b].columns.get(j)
        if indicator.target_id is None or found is None:
            continue
        t = target_ids.index(indicator.target_id)
        applicable = batch.scores.applicable[j, cols].tolist()
        for r, i, applies in zip(rows, cols, applicable, strict=True):
            if applies:
                status[r, t] = found.status[i]


def _appraised(batch: ScoredBatch, i: int) -> bool:
    """As CycleResult.headlines decides that a unit's card is the full, appraised one."""
    return bool(batch.appraisals and batch.appraisals[i]) or \
        batch.assessments[i].status in (AssessmentStatus.APPRAISED, AssessmentStatus.LOCKED)


def _appraised_index(result: CycleResult, kind: UnitKind, code: str) -> float:
    card = result.scorecards(kind, code)[0]
    return np.nan if card.appraised_index is None else card.appraised_index


def _spreads(result: CycleResult, members: Sequence[_Member], keys: Sequence[int]) -> list[IndicatorSpread]:
    """indicator_spread over the members' cards (self-assessed points), codes in the order the cards list them."""
    counts: dict[str, np.ndarray] = {}
    for b in keys:
        s = result.batches[b].scores
        cols = [m.row for m in members if m.batch == b]
        points, top = s.points[:, cols], s.max_points[:, cols]
        applicable = s.applicable[:, cols]
        missing = applicable & s.relevant[:, cols] & ~s.answered[:, cols]
        counted = applicable & ~missing
        full = counted & (top > 0) & (points >= top - 1e-9)
        partial = counted & ~full & (points > 0)
        zero = counted & ~full & ~partial
        table = np.stack([full.sum(axis=1), partial.sum(axis=1), zero.sum(axis=1), missing.sum(axis=1),
                          (~applicable).sum(axis=1)], axis=1)
        for j, code in enumerate(result.batches[b].matrix.codes):
            counts[code] = counts[code] + table[j] if code in counts else table[j].copy()
    return [IndicatorSpread(code, *(int(v) for v in row)) for code, row in counts.items()]
