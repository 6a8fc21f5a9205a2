"""A `CycleResult` as bytes and back, to keep it in the database (storage/results.py) without pickle.

The payload is an uncompressed `.npz` (numpy's zip of `.npy` arrays, read back with `allow_pickle=False`, so no
code can hide in it): the answer matrices, scores, progress columns and ranks as typed arrays, plus one member
`meta.json` (UTF-8 JSON) with the names: methodology keys and hashes, indicator and pillar codes, text answers,
units, assessments, appraisals and warnings. `decode` checks everything it reads (magic, format version, key,
shapes, dtypes) and raises `BadPayload` on anything else: the caller then recomputes.

FORMAT_VERSION says how the results are computed and laid out. Bump it by hand whenever scoring, ranking,
target progress or this layout changes (a new rule, a fixed formula, a new field): every kept result of an older
version is then ignored and computed again (docs/decisions.md, "A cycle's results kept in the database").
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import logging
import time
import zipfile
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import numpy as np

from assessment.domain.answer_matrix import AnswerMatrix
from assessment.domain.model import (
    Assessment,
    AssessmentStatus,
    Methodology,
    MethodologyId,
    TargetSet,
    TargetStatus,
    Text,
    Unit,
    UnitCode,
    UnitKind,
)
from assessment.domain.progress import ProgressColumns
from assessment.domain.scoring import BatchScores
from assessment.services.cycle_results import BatchProgress, CycleResult
from assessment.services.ports import Appraisal, Store
from assessment.services.scorecards import ScoredBatch

log = logging.getLogger(__name__)

FORMAT_VERSION = 1  # bump by hand when the computation or this layout changes (see the module docstring)
MAGIC = "dxscore-cycle-results"
STATUSES = tuple(TargetStatus)
NO_YEAR = -1  # ProgressColumns.projected_year None

_MATRIX = {"number": np.float64, "numerator": np.float64, "denominator": np.float64, "choices": np.int64,
           "not_applicable": np.bool_, "manual": np.float64}
_SCORES = {"points": np.float64, "max_points": np.float64, "applicable": np.bool_, "relevant": np.bool_,
           "answered": np.bool_}


class BadPayload(ValueError):
    """A kept result that is damaged, foreign, of another format or for another question."""


def fingerprint(methodologies: Sequence[tuple[str, str, str]], targets: TargetSet) -> str:
    """What a kept result was computed with besides the database's content at its change number: the stored
    methodologies (id, version, sha256) and the target set's content."""
    text = json.dumps({"format": FORMAT_VERSION, "methodologies": sorted(methodologies),
                       "targets": repr((targets.name, targets.targets))}, ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def methodology_keys(payload: bytes) -> list[tuple[str, str, str]]:
    """(id, version, sha256) of the methodologies a payload's batches were scored with (to load them first)."""
    return _methodology_keys(_meta(_open(payload)))


def _methodology_keys(meta: dict[str, Any]) -> list[tuple[str, str, str]]:
    try:
        found = [b["methodology"] for b in meta["batches"]]
        return [(str(m["id"]), str(m["version"]), str(m["sha256"])) for m in found]
    except (KeyError, TypeError) as exc:
        raise BadPayload(f"no methodology list: {exc}") from exc


def encode(result: CycleResult) -> bytes:
    arrays: dict[str, np.ndarray] = {"ranks": np.asarray(result.ranks, dtype=np.int64),
                                     "peers": np.asarray(result.peers, dtype=np.int64)}
    batches = []
    for b, (batch, progress) in enumerate(zip(result.batches, result.progress, strict=True)):
        m, s = batch.matrix, batch.scores
        arrays.update({f"{b}.{name}": np.asarray(getattr(m, name), dtype=kind) for name, kind in _MATRIX.items()})
        arrays.update({f"{b}.{name}": np.asarray(getattr(s, name), dtype=kind) for name, kind in _SCORES.items()})
        for name in ("pillar_points", "pillar_max", "total", "total_max"):
            arrays[f"{b}.{name}"] = np.asarray(getattr(s, name), dtype=np.float64)
        arrays.update(_progress_arrays(b, progress, len(batch.units)))
        batches.append({
            "methodology": {"id": batch.methodology.id, "version": batch.methodology.version,
                            "sha256": batch.methodology.sha256},
            "codes": list(m.codes), "pillar_codes": list(s.pillar_codes), "warnings": list(s.warnings),
            "text": {code: column.tolist() for code, column in m.text.items()},
            "progress": sorted(progress.columns),
            "assessments": [[a.id, a.unit_code, a.cycle, a.methodology_id, a.methodology_version, a.status.value]
                            for a in batch.assessments],
            "units": [_unit_row(u) for u in batch.units],
            # only the rows with appraisals: [row, {code: [points, reason, by, at]}]
            "appraisals": [[i, {code: [g.points, g.reason, g.appraised_by, g.appraised_at]
                                for code, g in given.items()}] for i, given in enumerate(batch.appraisals) if given]
            if batch.appraisals else None,
        })
    meta = {"magic": MAGIC, "format": FORMAT_VERSION, "year": result.year, "target_set": result.targets.name,
            "warnings": list(result.warnings), "batches": batches}
    arrays["meta"] = np.frombuffer(json.dumps(meta, ensure_ascii=False).encode("utf-8"), dtype=np.uint8)
    out = io.BytesIO()
    np.savez(out, allow_pickle=False, **arrays)
    return out.getvalue()


def decode(payload: bytes, year: int, targets: TargetSet, methodologies: Mapping[tuple[str, str], Methodology]
           ) -> CycleResult:
    """The result kept in `payload`, checked against the question asked (cycle, target set, methodologies)."""
    archive = _open(payload)
    return _decoded(archive, _meta(archive), year, targets, methodologies)


def _decoded(archive: Any, meta: dict[str, Any], year: int, targets: TargetSet,
             methodologies: Mapping[tuple[str, str], Methodology]) -> CycleResult:
    try:
        if meta.get("year") != year or meta.get("target_set") != targets.name:
            raise BadPayload("kept for another cycle or target set")
        batches, progress = [], []
        for b, spec in enumerate(meta["batches"]):
            batch, columns = _batch(archive, b, spec, methodologies)
            batches.append(batch)
            progress.append(columns)
        total = sum(len(batch.units) for batch in batches)
        ranks, peers = (_array(archive, name, np.int64, (total,)) for name in ("ranks", "peers"))
        warnings = tuple(str(w) for w in meta["warnings"])
    except (KeyError, TypeError, ValueError, IndexError, AttributeError) as exc:
        raise BadPayload(f"unreadable kept result: {exc.__class__.__name__}: {exc}") from exc
    return CycleResult(year, targets, tuple(batches), ranks, peers, tuple(progress), warnings)


def _open(payload: bytes) -> Any:
    try:
        return np.load(io.BytesIO(payload), allow_pickle=False)
    except (OSError, ValueError, EOFError, zipfile.BadZipFile) as exc:
        raise BadPayload(f"not a kept result: {exc}") from exc


def _meta(archive: Any) -> dict[str, Any]:
    try:
        raw = archive["meta"]
        if raw.dtype != np.uint8 or raw.ndim != 1:
            raise BadPayload("no meta")
        meta = json.loads(raw.tobytes().decode("utf-8"))
    except (KeyError, OSError, ValueError, EOFError, zipfile.BadZipFile) as exc:
        raise BadPayload(f"not a kept result: {exc}") from exc
    if not isinstance(meta, dict) or meta.get("magic") != MAGIC or meta.get("format") != FORMAT_VERSION:
        raise BadPayload("a foreign payload or another format version")
    return meta


def _array(archive: Any, name: str, kind: type, shape: tuple[int, ...]) -> np.ndarray:
    try:
        found = archive[name]
    except (KeyError, OSError, ValueError, EOFError, zipfile.BadZipFile) as exc:
        raise BadPayload(f"member {name}: {exc}") from exc
    if found.dtype != np.dtype(kind) or found.shape != shape:
        raise BadPayload(f"member {name}: {found.dtype}{found.shape}, expected {np.dtype(kind)}{shape}")
    return np.asarray(found)


def _batch(archive: Any, b: int, spec: dict[str, Any], methodologies: Mapping[tuple[str, str], Methodology]
           ) -> tuple[ScoredBatch, BatchProgress]:
    key = (str(spec["methodology"]["id"]), str(spec["methodology"]["version"]))
    methodology = methodologies[key]
    if methodology.sha256 != spec["methodology"]["sha256"]:
        raise BadPayload(f"methodology {key} differs from the one the result was computed with")
    codes = tuple(str(c) for c in spec["codes"])
    if codes != tuple(i.code for i in methodology.indicators):
        raise BadPayload(f"indicators of {key} differ")
    assessments = [Assessment(int(i), UnitCode(str(u)), int(y), MethodologyId(str(m)), str(v), _STATUS_OF[st])
                   for i, u, y, m, v, st in spec["assessments"]]
    units = [_unit(row) for row in spec["units"]]
    k, n = len(codes), len(assessments)
    if len(units) != n:
        raise BadPayload("units and assessments differ in number")
    fields = {name: _array(archive, f"{b}.{name}", kind, (k, n)) for name, kind in _MATRIX.items()}
    text = {str(code): _text_column(column, n) for code, column in spec["text"].items()}
    matrix = AnswerMatrix(codes, text=text, **fields)
    pillar_codes = tuple(str(c) for c in spec["pillar_codes"])
    p = len(pillar_codes)
    scores = BatchScores(
        methodology, **{name: _array(archive, f"{b}.{name}", kind, (k, n)) for name, kind in _SCORES.items()},
        pillar_codes=pillar_codes, pillar_points=_array(archive, f"{b}.pillar_points", np.float64, (p, n)),
        pillar_max=_array(archive, f"{b}.pillar_max", np.float64, (p, n)),
        total=_array(archive, f"{b}.total", np.float64, (n,)),
        total_max=_array(archive, f"{b}.total_max", np.float64, (n,)), warnings=[str(w) for w in spec["warnings"]])
    batch = ScoredBatch(methodology, assessments, units, matrix, scores)
    if spec["appraisals"] is not None:
        batch.appraisals = [{} for _ in range(n)]
        for i, given in spec["appraisals"]:
            batch.appraisals[int(i)] = {str(code): Appraisal(str(code), float(points), str(reason), str(by), str(at))
                                        for code, (points, reason, by, at) in given.items()}
    return batch, _progress(archive, b, [int(j) for j in spec["progress"]], n, k)


def _text_column(column: list[Any], n: int) -> np.ndarray:
    if len(column) != n or any(v is not None and not isinstance(v, str) for v in column):
        raise BadPayload("a text column of the wrong length or type")
    out = np.empty(n, dtype=object)
    out[:] = column
    return out


def _progress_arrays(b: int, progress: BatchProgress, n: int) -> dict[str, np.ndarray]:
    columns = [progress.columns[j] for j in sorted(progress.columns)]
    code = {s: k for k, s in enumerate(STATUSES)}
    status = np.array([[code[s] for s in c.status] for c in columns], dtype=np.int8).reshape(-1, n)
    years = np.array([[NO_YEAR if y is None else y for y in c.projected_year] for c in columns],
                     dtype=np.int64).reshape(-1, n)
    known = np.array([c.projection_known for c in columns], dtype=np.bool_).reshape(-1, n)
    return {f"{b}.progress_status": status, f"{b}.progress_year": years, f"{b}.progress_known": known}


def _progress(archive: Any, b: int, columns: list[int], n: int, k: int) -> BatchProgress:
    if any(not 0 <= j < k for j in columns):
        raise BadPayload("a progress column outside the indicators")
    shape = (len(columns), n)
    status = _array(archive, f"{b}.progress_status", np.int8, shape)
    years = _array(archive, f"{b}.progress_year", np.int64, shape)
    known = _array(archive, f"{b}.progress_known", np.bool_, shape)
    if status.size and (status.min() < 0 or status.max() >= len(STATUSES)):
        raise BadPayload("a target status outside the known ones")
    found = {}
    for row, j in enumerate(columns):
        found[j] = ProgressColumns(tuple(map(STATUSES.__getitem__, status[row].tolist())),
                                   tuple(None if y == NO_YEAR else y for y in years[row].tolist()),
                                   tuple(known[row].tolist()))
    return BatchProgress(found)


# value -> member, as AssessmentStatus(value) / UnitKind(value) but a plain dict lookup (3,321 units each);
# an unknown value raises KeyError, which decode reports as an unreadable payload like ValueError
_STATUS_OF: dict[Any, AssessmentStatus] = {s.value: s for s in AssessmentStatus}
_KIND_OF: dict[Any, UnitKind] = {k.value: k for k in UnitKind}


def _unit_row(unit: Unit) -> list[Any]:
    return [unit.code, unit.kind.value, unit.subtype, unit.name.vi, unit.name.en,
            unit.valid_from.isoformat() if unit.valid_from else None,
            unit.valid_until.isoformat() if unit.valid_until else None,
            unit.digital_economy_duty, unit.unconfirmed, unit.note]


def _unit(row: list[Any]) -> Unit:
    code, kind, subtype, vi, en, start, end, duty, unconfirmed, note = row
    return Unit(UnitCode(str(code)), _KIND_OF[kind], str(subtype), Text(str(vi), str(en)),
                dt.date.fromisoformat(start) if start else None, dt.date.fromisoformat(end) if end else None,
                bool(duty), bool(unconfirmed), str(note))


def read_kept(store: Store, year: int, targets: TargetSet, change: int,
              methodology: Callable[[str, str], Methodology]) -> CycleResult | None:
    """The cycle's result kept in the database at change number `change`, or None (none kept, kept for another
    state, format, methodology or target set; or damaged: logged, and the caller computes it again)."""
    started = time.perf_counter()
    stamp = fingerprint(stored_keys(store), targets)
    payload = store.results.get(year, targets.name, change=change, format_version=FORMAT_VERSION, fingerprint=stamp)
    if payload is None:
        return None
    try:
        archive = _open(payload)
        meta = _meta(archive)  # parsed once: it names the methodologies to load and describes every member
        loaded = {(i, v): methodology(i, v) for i, v, _ in _methodology_keys(meta)}
        result = _decoded(archive, meta, year, targets, loaded)
    except Exception as exc:  # an untrusted blob: whatever is wrong with it, compute instead of failing
        log.warning("kept results of cycle %s ignored (%d bytes): %s", year, len(payload), exc)
        return None
    log.info("results of cycle %s read from the database in %.0f ms", year, (time.perf_counter() - started) * 1000)
    return result


def keep(store: Store, result: CycleResult, change: int) -> bool:
    """Keep a result computed from the database at change number `change` (skipped, logged, if it moved)."""
    started = time.perf_counter()
    stamp = fingerprint(stored_keys(store), result.targets)
    kept = store.results.put(result.year, result.targets.name, change=change, format_version=FORMAT_VERSION,
                             fingerprint=stamp, payload=encode(result))
    if kept:
        log.info("results of cycle %s kept in the database in %.0f ms", result.year,
                 (time.perf_counter() - started) * 1000)
    return kept


def stored_keys(store: Store) -> list[tuple[str, str, str]]:
    return [(m.id, m.version, m.sha256) for m in store.stored_methodologies()]
