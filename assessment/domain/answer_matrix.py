"""Answers of many assessments to one methodology, held column by column for vectorised scoring.

Rows come in "long" form (one per answer: which assessment, which indicator, the stored fields), as a
database returns them; `build_matrix` turns them into one array per field with shape (indicators, assessments).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import chain, repeat

import numpy as np

from assessment.domain.model import Answer, AnswerType, Methodology

TEXT_TYPES = frozenset({AnswerType.CHOICE, AnswerType.TEXT, AnswerType.DATE})
CHOICE_SEPARATOR = ";"


@dataclass
class AnswerMatrix:
    """Column j holds indicator `codes[j]`; element i belongs to assessment i. Null: NaN, None or -1."""

    codes: tuple[str, ...]
    number: np.ndarray  # (k, n) float: numbers, yes=1/no=0, a single choice's option index
    numerator: np.ndarray  # (k, n) float
    denominator: np.ndarray  # (k, n) float
    choices: np.ndarray  # (k, n) int64 bit mask of options, -1 = unanswered
    not_applicable: np.ndarray  # (k, n) bool
    manual: np.ndarray  # (k, n) float: appraiser's points
    text: dict[str, np.ndarray]  # code -> (n,) object: choice code, text, ISO date

    @property
    def size(self) -> int:
        return int(self.number.shape[1])

    def column(self, code: str) -> int:
        return self.codes.index(code)


@dataclass
class LongAnswers:
    """Answers in long form: parallel arrays, one element per stored answer. `row` says whose answer it is:
    the assessment id as loaded from storage, or the row in a batch after `take`."""

    row: np.ndarray  # int
    code: np.ndarray  # object: indicator code
    value_number: np.ndarray  # float
    value_text: np.ndarray  # object
    numerator: np.ndarray  # float
    denominator: np.ndarray  # float
    choices: np.ndarray  # object: option codes joined by ';'
    not_applicable: np.ndarray  # bool
    manual_points: np.ndarray  # float

    FIELDS = ("row", "code", "value_number", "value_text", "numerator", "denominator", "choices", "not_applicable",
              "manual_points")

    @classmethod
    def from_records(cls, records: Sequence[tuple[object, ...]]) -> LongAnswers:
        """From rows in FIELDS order, as a database cursor returns them (None for NULL)."""
        return cls.from_chunks([records])

    @classmethod
    def from_chunks(cls, chunks: Iterable[Sequence[tuple[object, ...]]]) -> LongAnswers:
        """From rows in FIELDS order, a chunk at a time as a cursor's fetchmany returns them: each chunk's row
        tuples are typed columns before the next is fetched, so a cycle's 150k rows never exist as Python objects
        at once (issue 14: peak memory). Equal indicator codes share one string."""
        parts: dict[str, list[np.ndarray]] = {name: [] for name in cls.FIELDS}
        shared: dict[object, object] = {}
        for records in chunks:
            for name, column in zip(cls.FIELDS, _typed_columns(records), strict=True):
                if name == "code":  # a fresh str per row from the driver: one per distinct code instead
                    found = column.tolist()
                    column = np.array(list(map(shared.setdefault, found, found)), dtype=object)
                parts[name].append(column)
        # one field at a time, dropping its chunks: the copy never holds more than one field twice
        return cls(**{name: _joined(parts.pop(name), kind) for name, kind in zip(cls.FIELDS, _KINDS, strict=True)})

    def take(self, keys: Sequence[int]) -> LongAnswers:
        """The answers whose `row` is one of `keys`, renumbered to the position of their key in `keys`."""
        wanted = np.asarray(keys, dtype=np.int64)
        order = np.argsort(wanted, kind="stable")
        ordered = wanted[order]
        # where each answer's key would sit among the wanted keys (sorted), and whether it is really there
        slot = np.minimum(np.searchsorted(ordered, self.row), max(len(ordered) - 1, 0))
        mine = (ordered[slot] == self.row) if len(ordered) else np.zeros(len(self.row), dtype=bool)
        rows = order[slot[mine]].astype(np.int64)
        picked = {name: getattr(self, name)[mine] for name in self.FIELDS[1:]}
        return LongAnswers(row=rows, **picked)


_KINDS = (np.int64, object, np.float64, object, np.float64, np.float64, object, bool, np.float64)  # FIELDS' dtypes


def _typed_columns(records: Sequence[tuple[object, ...]]) -> list[np.ndarray]:
    width = len(_KINDS)
    # One flat pass over the cells, then typed column views: 7× faster than transposing with zip(*rows).
    flat = np.fromiter(chain.from_iterable(records), dtype=object, count=len(records) * width)
    table = flat.reshape(len(records), width)
    return [table[:, i].astype(kind) for i, kind in enumerate(_KINDS)]


def _joined(columns: list[np.ndarray], kind: type) -> np.ndarray:
    if len(columns) == 1:
        return columns[0]
    return np.concatenate(columns) if columns else np.empty(0, dtype=kind)


def build_matrix(methodology: Methodology, size: int, long: LongAnswers) -> AnswerMatrix:
    """Spread long answers into per-indicator columns. Codes the methodology does not know are ignored."""
    codes = tuple(i.code for i in methodology.indicators)
    k = len(codes)
    col = _positions(long.code, codes)
    known = col >= 0
    col, row = col[known], long.row[known]

    def spread(values: np.ndarray, fill: float | bool, dtype: type) -> np.ndarray:
        out: np.ndarray = np.full((k, size), fill, dtype=dtype)
        out[col, row] = values[known]
        return out

    matrix = AnswerMatrix(
        codes=codes,
        number=spread(long.value_number, np.nan, np.float64),
        numerator=spread(long.numerator, np.nan, np.float64),
        denominator=spread(long.denominator, np.nan, np.float64),
        choices=np.full((k, size), -1, dtype=np.int64),
        not_applicable=spread(long.not_applicable, False, bool),
        manual=spread(long.manual_points, np.nan, np.float64),
        text={},
    )
    texts, choice_strings = long.value_text[known], long.choices[known]
    for j, indicator in enumerate(methodology.indicators):
        kind = indicator.answer.type
        if kind not in TEXT_TYPES and kind != AnswerType.MULTI_CHOICE:
            continue
        mine = col == j
        if kind == AnswerType.MULTI_CHOICE:
            bits = {code: 1 << b for b, code in enumerate(indicator.answer.option_codes())}
            matrix.choices[j, row[mine]] = [_mask(s, bits) for s in choice_strings[mine]]
            continue
        column = np.full(size, None, dtype=object)
        column[row[mine]] = texts[mine]
        matrix.text[indicator.code] = column
        if kind == AnswerType.CHOICE:
            index = _positions(column, indicator.answer.option_codes())
            matrix.number[j] = np.where(index >= 0, index, np.nan)
    return matrix


def _positions(values: np.ndarray, vocabulary: Sequence[str]) -> np.ndarray:
    """Index of each value in the vocabulary, -1 when absent (what a categorical's codes would be)."""
    lookup = {word: i for i, word in enumerate(vocabulary)}
    return np.fromiter(map(lookup.get, values.tolist(), repeat(-1)), dtype=np.int64, count=len(values))


def _mask(joined: str | None, bits: dict[str, int]) -> int:
    if joined is None:
        return -1
    mask = 0
    for code in joined.split(CHOICE_SEPARATOR):
        mask |= bits.get(code.strip(), 0)
    return mask


def long_from_answers(answer_lists: Sequence[Sequence[Answer]]) -> LongAnswers:
    """Long form from Answer objects: `answer_lists[i]` are the answers of assessment i."""
    records = [(i, a) for i, answers in enumerate(answer_lists) for a in answers]

    def floats(values: list[float | None]) -> np.ndarray:
        return np.array([np.nan if v is None else v for v in values], dtype=np.float64)

    return LongAnswers(
        row=np.array([i for i, _ in records], dtype=np.int64),
        code=np.array([a.indicator_code for _, a in records], dtype=object),
        value_number=floats([a.value if isinstance(a.value, (int, float)) else None for _, a in records]),
        value_text=np.array([a.value if isinstance(a.value, str) else None for _, a in records], dtype=object),
        numerator=floats([a.numerator for _, a in records]),
        denominator=floats([a.denominator for _, a in records]),
        choices=np.array([None if a.choices is None else CHOICE_SEPARATOR.join(a.choices) for _, a in records],
                         dtype=object),
        not_applicable=np.array([a.not_applicable for _, a in records], dtype=bool),
        manual_points=floats([a.manual_points for _, a in records]),
    )
