"""Writing answers in bulk: diff against what is stored, insert/update through the driver's executemany, and a
history row and an audit row per change, all in one transaction. Imported on the first write only (it needs
pandas)."""

from __future__ import annotations

import datetime as dt
import itertools
import math
from collections.abc import Sequence
from json.encoder import encode_basestring
from typing import TYPE_CHECKING, cast

import numpy as np
import pandas as pd

from assessment.services.ports import ANSWER_COLUMNS, WriteResult
from storage.answers import check_storable
from storage.audit import AuditRow, append, as_json
from storage.db import change_number, run_write

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection

    from storage.answers import AnswerRepository

KEY = ("assessment_id", "indicator_code")
NUMBER_FIELDS = ("value_number", "numerator", "denominator", "manual_points")
TEXT_FIELDS = ("value_text", "choices")


def write_answers(repo: AnswerRepository, frame: pd.DataFrame, *, who: str, source: str,
                  keep_existing: bool = False) -> WriteResult:
    if frame.empty:
        return WriteResult(0, 0, 0)
    _check_sizes(frame, who, source)
    incoming = _normalise(frame)
    # The diff is made inside the write transaction, under the writer lock: what it compares against is what
    # the transaction changes, so a concurrent writer's change is never overwritten unseen.
    return run_write(repo.engine, lambda connection: _apply(repo, connection, incoming, who, source, keep_existing))


def _apply(repo: AnswerRepository, connection: Connection, incoming: pd.DataFrame, who: str,
           source: str, keep_existing: bool = False) -> WriteResult:
    existing = _existing(repo, connection, incoming["assessment_id"].unique().tolist())
    if existing.empty:
        merged, is_new, same = incoming, np.ones(len(incoming), dtype=bool), np.zeros(len(incoming), dtype=bool)
    else:
        merged = incoming.merge(_normalise(existing), on=list(KEY), how="left", suffixes=("", "_old"))
        is_new = merged["id"].isna().to_numpy()
        # keep_existing (the demo filling blanks): what is stored is read under the writer lock and left alone
        same = ~is_new if keep_existing else _same(merged) & ~is_new
    changed = ~is_new & ~same
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    touched = is_new | changed
    everything = _Plain(merged) if touched.all() else None  # one conversion of each column, shared below
    if is_new.any():
        _insert(repo, connection, everything if everything is not None and is_new.all() else _Plain(merged[is_new]),
                who, now)
    if changed.any():
        _update(repo, connection, merged[changed], who, now)
    if touched.any():
        rows = everything or _Plain(merged[touched])
        _history(repo, connection, rows, is_new[touched], who, source, now)
        _audit(connection, rows, is_new[touched], who, source)
    return WriteResult(int(is_new.sum()), int(changed.sum()), int(same.sum()), change_number(connection),
                       _per_assessment(merged["assessment_id"].to_numpy(), is_new, changed))


def _per_assessment(assessment_ids: np.ndarray, is_new: np.ndarray, changed: np.ndarray
                    ) -> dict[int, tuple[int, int]]:
    """(inserted, changed) per assessment of a bulk write (a batch of packages words each one's result)."""
    ids, rows = np.unique(assessment_ids.astype(np.int64), return_inverse=True)
    inserted = np.bincount(rows, weights=is_new, minlength=len(ids)).astype(np.int64).tolist()
    moved = np.bincount(rows, weights=changed, minlength=len(ids)).astype(np.int64).tolist()
    return {int(i): (a, b) for i, a, b in zip(ids.tolist(), inserted, moved, strict=True)}


def _existing(repo: AnswerRepository, connection: Connection, assessment_ids: Sequence[int]) -> pd.DataFrame:
    columns = ("id", *KEY, *ANSWER_COLUMNS)
    rows = repo.fetch_in(", ".join(columns), assessment_ids, within=connection)
    return pd.DataFrame.from_records(rows, columns=list(columns))


def _check_sizes(frame: pd.DataFrame, who: str, source: str) -> None:
    texts = [frame[c].tolist() for c in (*TEXT_FIELDS, "comment") if c in frame]
    check_storable(frame["indicator_code"].tolist(), itertools.chain(frame["indicator_code"].tolist(), *texts),
                   who, source)


class _Plain:
    """A frame's columns as plain Python lists (see _values), each converted once."""

    def __init__(self, frame: pd.DataFrame) -> None:
        self.frame = frame
        self.cache: dict[str, list[object]] = {}

    def __len__(self) -> int:
        return len(self.frame)

    def __contains__(self, column: str) -> bool:
        return column in self.frame

    def __call__(self, column: str) -> list[object]:
        if column not in self.cache:
            self.cache[column] = _values(self.frame, column)
        return self.cache[column]


def _insert(repo: AnswerRepository, connection: Connection, rows: _Plain, who: str, now: dt.datetime) -> None:
    columns = (*KEY, *ANSWER_COLUMNS, "updated_at", "updated_by", "version")
    values = [rows(c) for c in (*KEY, *ANSWER_COLUMNS)]
    values += [[repo.db_time(now)] * len(rows), [who] * len(rows), [change_number(connection)] * len(rows)]
    marks = ", ".join([repo.mark] * len(columns))
    connection.exec_driver_sql(f"INSERT INTO answers ({', '.join(columns)}) VALUES ({marks})",
                               list(zip(*values, strict=True)))


def _update(repo: AnswerRepository, connection: Connection, rows: pd.DataFrame, who: str, now: dt.datetime) -> None:
    assignments = ", ".join(f"{c} = {repo.mark}" for c in (*ANSWER_COLUMNS, "updated_at", "updated_by", "version"))
    values = [_values(rows, c) for c in ANSWER_COLUMNS]
    values += [[repo.db_time(now)] * len(rows), [who] * len(rows), [change_number(connection)] * len(rows),
               _values(rows, "id")]
    connection.exec_driver_sql(f"UPDATE answers SET {assignments} WHERE id = {repo.mark}",
                               list(zip(*values, strict=True)))


def _history(repo: AnswerRepository, connection: Connection, rows: _Plain, is_new: np.ndarray, who: str,
             source: str, now: dt.datetime) -> None:
    n = len(rows)
    columns = [*KEY, "changed_at", "changed_by", "source"]
    values = [rows("assessment_id"), rows("indicator_code"), [repo.db_time(now)] * n, [who] * n, [source] * n]
    nones = [None] * n
    for field in ANSWER_COLUMNS:
        old_name = f"{field}_old"
        columns.append(f"old_{field}")
        if old_name not in rows or is_new.all():
            values.append(nones)
        else:
            values.append([None if fresh else v for fresh, v in zip(is_new.tolist(), rows(old_name), strict=True)])
    for field in ANSWER_COLUMNS:
        columns.append(f"new_{field}")
        values.append(rows(field))
    marks = ", ".join([repo.mark] * len(columns))
    connection.exec_driver_sql(f"INSERT INTO answer_history ({', '.join(columns)}) VALUES ({marks})",
                               list(zip(*values, strict=True)))


def _audit(connection: Connection, rows: _Plain, is_new: np.ndarray, who: str, source: str) -> None:
    """One audit row per change, worded as storage.answers.answer_change words it (a new answer's non-empty
    fields; a changed answer's changed fields before and after), new answers built column by column: this runs
    once per answer of a national import."""
    n = len(rows)
    new = {f: rows(f) for f in ANSWER_COLUMNS}
    fresh = is_new.tolist()
    payloads = _new_payloads(new, n)
    # _normalise made assessment_id an integer column and indicator_code a text one.
    aids, codes = cast("list[int]", rows("assessment_id")), cast("list[str]", rows("indicator_code"))
    if all(fresh):
        append(connection, [("answer", source, aid, code, None, payload, "")
                            for aid, code, payload in zip(aids, codes, payloads, strict=True)], who=who)
        return
    old = {f: rows(f"{f}_old") if f"{f}_old" in rows else [None] * n for f in ANSWER_COLUMNS}
    audit: list[AuditRow] = []
    for i, (aid, code) in enumerate(zip(aids, codes, strict=True)):
        if fresh[i]:
            audit.append(("answer", source, aid, code, None, payloads[i], ""))
            continue
        changed = [f for f in ANSWER_COLUMNS if new[f][i] != old[f][i]]
        audit.append(("answer", source, aid, code, as_json({f: old[f][i] for f in changed}),
                      as_json({f: new[f][i] for f in changed}), ""))
    append(connection, audit, who=who)


_SPECIAL = {"inf": "Infinity", "-inf": "-Infinity", "nan": "NaN"}


def _new_payloads(columns: dict[str, list[object]], n: int) -> list[str]:
    """as_json({field: value}) of each row's non-empty fields (keys sorted), without a dict per row."""
    fragments = []
    for field in sorted(ANSWER_COLUMNS):
        key, values = f'"{field}":', columns[field]
        if field in NUMBER_FIELDS:
            fragments.append([None if v is None else key + (r if (r := repr(v))[-1] not in "fn" else _SPECIAL[r])
                              for v in values])
        elif field == "not_applicable":
            fragments.append([key + "true" if v else None for v in values])
        else:  # text: comment and value_text skip "", choices keep it (none of the options)
            keep_empty = field == "choices"
            texts = cast("list[str | None]", values)  # _normalise made every text column str or None
            fragments.append([None if v is None or (v == "" and not keep_empty) else key + encode_basestring(v)
                              for v in texts])
    return ["{" + ",".join([f for f in row if f is not None]) + "}" for row in zip(*fragments, strict=True)]


def _normalise(frame: pd.DataFrame) -> pd.DataFrame:
    """Same dtypes on both sides of a comparison: floats, object text (None for empty), bool."""
    out = pd.DataFrame(index=range(len(frame)))
    for column in frame.columns:
        out[column] = frame[column].to_numpy()
    for column in NUMBER_FIELDS:
        out[column] = pd.to_numeric(out[column], errors="coerce").astype(np.float64) if column in out else np.nan
    for column in TEXT_FIELDS:
        values = out[column].to_numpy(dtype=object) if column in out else np.full(len(out), None, dtype=object)
        # "" in choices is an answer (no option chosen); "" as a value is no answer.
        keep_empty = column == "choices"
        out[column] = pd.Series([None if _missing(v) or (v == "" and not keep_empty) else str(v) for v in values],
                                dtype=object)
    out["not_applicable"] = out["not_applicable"].fillna(False).astype(bool) if "not_applicable" in out else False
    comments = out["comment"].to_numpy(dtype=object) if "comment" in out else np.full(len(out), "", dtype=object)
    out["comment"] = pd.Series(["" if _blank(v) else str(v) for v in comments], dtype=object)
    out["assessment_id"] = out["assessment_id"].astype(np.int64)
    out["indicator_code"] = out["indicator_code"].astype(object)
    return out


def _missing(value: object) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def _blank(value: object) -> bool:
    return _missing(value) or value == ""


def _same(merged: pd.DataFrame) -> np.ndarray:
    same = np.ones(len(merged), dtype=bool)
    for field in ANSWER_COLUMNS:
        new, old = merged[field], merged[f"{field}_old"]
        if field in NUMBER_FIELDS:
            a, b = new.to_numpy(dtype=np.float64), old.to_numpy(dtype=np.float64)
            same &= (a == b) | (np.isnan(a) & np.isnan(b))
        else:
            same &= np.array([x == y for x, y in zip(new.tolist(), old.tolist(), strict=True)], dtype=bool)
    return same


def _values(rows: pd.DataFrame, column: str) -> list[object]:
    """A column as plain Python values with None for missing (what every DBAPI driver accepts)."""
    series = rows[column]
    if series.dtype.kind == "f":
        return [None if v != v else v for v in series.to_numpy().tolist()]
    if series.dtype.kind in "iub":
        return series.to_numpy().tolist()
    return [None if (v is None or v != v) else v for v in series.tolist()]


