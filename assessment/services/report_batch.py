"""One scorecard PDF per unit of a peer group, spread over a process pool.

Each worker opens its own service on the same database (through the `opener` the caller passes: a picklable
callable, e.g. `functools.partial(main.open_service_at, url)`) and renders the units it is given; the scored
cycle (CycleData) is computed once in this process and inherited by forked workers, or computed once per
worker when they are spawned. Units are handed out in small chunks so both cores stay busy to the end. Processes are
forked where that is safe (POSIX, no other thread running: the CLI), and spawned otherwise (e.g. from a GUI
that runs threads).
"""

from __future__ import annotations

import hashlib
import logging
import multiprocessing
import os
import re
import threading
import unicodedata
from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from pathlib import Path
from typing import TYPE_CHECKING, Any

from assessment.domain.model import UnitKind
from assessment.reports.progress import Progress, ReportCancelled, tick
from assessment.reports.view import ReportOptions

if TYPE_CHECKING:
    from assessment.reports.build import CycleData
    from assessment.services.reports_area import ReportsArea

CHUNK = 6
log = logging.getLogger(__name__)
Failed = list[tuple[str, str]]  # (unit code, reason) of scorecards that could not be printed


SLUG_CHARS = 60  # of the unit's name in a file name: the whole name stays in the PDF


def file_name(cycle: int, unit_code: str, unit_name: str) -> str:
    """`2025-00175-phuong-yen-hoa.pdf`: ASCII only, so the names survive any file system or zip tool, and at
    most ~110 bytes however long the name (file systems stop at 255). The unit code keeps the names unique: it
    is kept whole, and a code that had to be changed to be safe in a file name (`../x`, from before codes were
    checked) gets a short hash of the original."""
    plain = unicodedata.normalize("NFKD", unit_name.replace("đ", "d").replace("Đ", "D"))
    slug = re.sub(r"[^a-z0-9]+", "-", plain.encode("ascii", "ignore").decode().lower()).strip("-")
    slug = slug[:SLUG_CHARS].rstrip("-")
    code = re.sub(r"[^A-Za-z0-9_-]+", "_", unit_code)[:32]
    if code != unit_code:
        code += "~" + hashlib.sha256(unit_code.encode("utf-8", "surrogatepass")).hexdigest()[:8]
    return f"{cycle}-{code}-{slug}.pdf" if slug else f"{cycle}-{code}.pdf"


def render_each(area: ReportsArea, *, year: int, kind: UnitKind, folder: Path, opener: Callable[[], Any] | None,
                workers: int | None, options: ReportOptions, progress: Progress | None) -> list[Path]:
    """One PDF per unit; a unit whose scorecard cannot be printed does not stop the others: they are all
    written, then ReportsIncomplete names the units that failed (the log keeps each traceback)."""
    folder.mkdir(parents=True, exist_ok=True)
    codes = sorted(a.unit_code for a in area.s.store.assessments(year, kind=kind))
    workers = min(workers or os.cpu_count() or 1, 8)
    if opener is None or workers < 2 or len(codes) < 2 * CHUNK:
        data = area.cycle_data(year=year, kind=kind)
        written, failed = _render_here(area, data, [c.unit_code for c in data.cards], folder, options, progress)
        return _finished(written, failed, folder)
    method = _start_method()
    # Forked workers inherit the scored cycle from this process; spawned ones score it themselves.
    _worker.clear()
    if method == "fork":
        _worker["data"] = area.cycle_data(year=year, kind=kind)
    try:
        return _finished(*_pool(codes, folder, method, workers, (opener, year, kind, options), progress), folder)
    finally:
        _worker.clear()


def _finished(written: list[Path], failed: Failed, folder: Path) -> list[Path]:
    if failed:
        from assessment.domain.errors import ReportsIncomplete

        names = ", ".join(code for code, _ in failed[:20]) + (" …" if len(failed) > 20 else "")
        raise ReportsIncomplete(f"{len(failed)} scorecard(s) could not be printed ({names}; the reasons are in the "
                                f"log); the other {len(written)} were written to {folder}", written, failed)
    return written


def _pool(codes: list[str], folder: Path, method: str, workers: int, initargs: tuple[Any, ...],
          progress: Progress | None) -> tuple[list[Path], Failed]:
    chunks = [codes[i:i + CHUNK] for i in range(0, len(codes), CHUNK)]
    written: list[Path] = []
    failed: Failed = []
    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context(method), initializer=_start_worker,
                             initargs=initargs) as pool:
        pending: set[Future[tuple[list[str], Failed]]] = {pool.submit(_render_chunk, chunk, str(folder))
                                                          for chunk in chunks}
        tick(progress, 0, len(codes), "Đang in phiếu kết quả")
        while pending:
            done, pending = wait(pending, timeout=0.2, return_when=FIRST_COMPLETED)
            for future in done:
                paths, bad = future.result()
                written += [Path(p) for p in paths]
                failed += bad
            try:
                tick(progress, len(written) + len(failed), len(codes))
            except ReportCancelled:
                pool.shutdown(wait=True, cancel_futures=True)
                raise
    return sorted(written), sorted(failed)


def _start_method() -> str:
    methods = multiprocessing.get_all_start_methods()
    return "fork" if "fork" in methods and threading.active_count() == 1 else "spawn"


def _render_here(area: ReportsArea, data: CycleData, codes: list[str], folder: Path, options: ReportOptions,
                 progress: Progress | None) -> tuple[list[Path], Failed]:
    written, failed = [], []
    for n, code in enumerate(codes):
        tick(progress, n, len(codes), "Đang in phiếu kết quả" if n == 0 else None)
        card = data.card(code)
        if card is None:
            continue
        try:
            written.append(_render_one(area, data, card, folder, options))
        except Exception as exc:  # one unit's scorecard never stops the others' (the log keeps the traceback)
            log.exception("the scorecard of %s (cycle %s) could not be printed", code, data.cycle)
            failed.append((code, f"{exc.__class__.__name__}: {str(exc)[:200]}"))
    tick(progress, len(codes), len(codes))
    return written, failed


def _render_one(area: ReportsArea, data: CycleData, card: Any, folder: Path, options: ReportOptions) -> Path:
    from assessment.exchange.output_files import write_atomic
    from assessment.reports.pdf_scorecard import write_scorecard

    view = area.view(data, card)
    path = folder / file_name(data.cycle, view.unit_code, view.unit_name)
    return write_atomic(path, lambda tmp: write_scorecard(view, tmp, options))


# ------------------------------------------------------------------------------------------ in the workers

_worker: dict[str, Any] = {}


def _start_worker(opener: Callable[[], Any], year: int, kind: UnitKind, options: ReportOptions) -> None:
    _worker.update(opener=opener, year=year, kind=kind, options=options)


def _render_chunk(codes: list[str], folder: str) -> tuple[list[str], Failed]:
    if "area" not in _worker:
        _worker["area"] = _worker["opener"]().reports  # this process's own connection to the database
    if "data" not in _worker:
        _worker["data"] = _worker["area"].cycle_data(year=_worker["year"], kind=_worker["kind"])
    paths, failed = _render_here(_worker["area"], _worker["data"], codes, Path(folder), _worker["options"], None)
    return [str(p) for p in paths], failed
