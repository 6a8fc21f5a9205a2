"""The data-entry window: cold start, switching units, and the GUI thread while saving.

- cold start: a fresh process to the first paint of the populated window (bench/gui_probe.py), against a
  bare QApplication + QMainWindow painted in a fresh process;
- switching between two communes (47 indicators) until the form shows the new unit and its live score,
  against the service call alone (loading the unit from the database);
- the longest gap between 1 ms timer ticks on the GUI thread while 40 answers are committed and saved one
  after another (autosave runs on the database thread).

Budgets (issue 14) were set on a run where the bare Qt window painted in 0.11 s: cold start 0.5 s (4.5× bare Qt),
unit switch 15 ms, GUI-thread stall 16 ms. The machine is shared and its speed varies 2× and more, so the switch
and stall budgets are scaled by how much slower than that run the bare Qt window is in this one (never below 1×).
"""

from __future__ import annotations

import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.common import ROOT, Timing, measure, report

REFERENCE_BARE_QT_S = 0.11  # the bare Qt window in the run the budgets were set on
COLD_START_RATIO = 0.5 / REFERENCE_BARE_QT_S
SWITCH_BUDGET_S = 0.015
STALL_BUDGET_S = 0.016
BARE_QT = ("import os; os.environ.setdefault('QT_QPA_PLATFORM', 'offscreen');"
           "from PySide6.QtWidgets import QApplication, QMainWindow; app = QApplication([]); w = QMainWindow();"
           "w.resize(1280, 820); w.show(); app.processEvents(); os._exit(0)")


def _env(folder: Path) -> dict[str, str]:
    """An installed dxscore has its bytecode compiled: the warm-up run writes it (into the bench's folder), so the
    timed runs do not recompile every module as a PYTHONDONTWRITEBYTECODE shell would make them do."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "DXSCORE_LOG_DIR": str(folder / "logs"),
           "XDG_CONFIG_HOME": str(folder / "config"), "PYTHONPYCACHEPREFIX": str(folder / "pycache")}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def cold_start(db: Path, folder: Path) -> tuple[bool, float]:
    """PASS within 4.5× the bare Qt window; returns the verdict and this run's slowness against the reference."""
    probe = [sys.executable, str(ROOT / "bench" / "gui_probe.py"), str(db)]
    bare_qt = [sys.executable, "-c", BARE_QT]
    subprocess.run(probe, env=_env(folder), capture_output=True, check=True)  # warm the file cache
    cpu: dict[str, list[float]] = {"ours": [], "bare": []}
    ours = measure(lambda: _run_counting(probe, folder, cpu["ours"]), repeat=7)
    bare = measure(lambda: _run_counting(bare_qt, folder, cpu["bare"]), repeat=7)
    cpu_ratio = statistics.median(cpu["ours"]) / statistics.median(cpu["bare"])
    ok = report("cold start to a painted, populated window", ours, bare, max_ratio=round(COLD_START_RATIO, 2),
                note=f"CPU time {statistics.median(cpu['ours']) * 1000:.0f} ms vs bare Qt "
                     f"{statistics.median(cpu['bare']) * 1000:.0f} ms: {cpu_ratio:.2f}× (steadier on a busy machine)")
    return ok, max(1.0, bare.median / REFERENCE_BARE_QT_S)


def _run_counting(command: list[str], folder: Path, cpu: list[float]) -> None:
    """Run a child process; append the CPU time (user + system) it used."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(command, env=_env(folder), capture_output=True, check=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)


def in_window(db: Path, folder: Path, slowness: float) -> bool:
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtCore import QEventLoop, QSettings

    from bench.common import open_service
    from gui.app import make_app
    from gui.main_window import MainWindow
    from gui.settings import Settings

    app = make_app("vi")
    service = open_service(db)
    window = MainWindow(service, Settings(QSettings(str(folder / "s.ini"), QSettings.Format.IniFormat)), lang="vi")
    window.show()
    while not window.is_ready():  # units and cycles are read on the database lane
        _idle(20)

    def open_and_wait(code: str) -> None:
        """The event loop sleeps while the lane loads, as in the app (a processEvents spin would hold the GIL
        the lane needs); the live score shown, one more pass paints."""
        loop = QEventLoop()
        window.controller.scored.connect(loop.quit)
        window.open_unit(code)
        loop.exec()
        window.controller.scored.disconnect(loop.quit)
        assert window.controller.session is not None and window.controller.session.unit.code == code
        app.processEvents()

    window.cycle.setCurrentIndex(window.cycle.findData(2025))
    codes = ["00070", "00256"]
    open_and_wait(codes[1])
    flips = iter(codes * 20)
    gui_cpu: list[float] = []

    def switch_counting() -> None:
        started = time.thread_time()
        open_and_wait(next(flips))
        gui_cpu.append(time.thread_time() - started)

    switch = measure(switch_counting, repeat=15)
    service_only = measure(lambda: service.entry.open("00070", 2025), repeat=15)
    ok = report("switch unit (47 indicators) until the form and live score show it", switch, service_only,
                budget_s=SWITCH_BUDGET_S * slowness, note=f"budget 15 ms × machine slowness {slowness:.2f}; "
                f"GUI-thread CPU {statistics.median(gui_cpu) * 1000:.1f} ms")

    ok &= stalls(app, window, service, slowness)
    window.close()
    service.store.close()
    return ok


def _watch(app, window, action, count: int) -> tuple[list[float], float]:  # type: ignore[no-untyped-def]
    """Gaps (s) between 1 ms timer ticks on the GUI thread while `action(i)` runs `count` times, 20 ms apart, and
    the most CPU time the GUI thread itself spent within one gap."""
    from PySide6.QtCore import QElapsedTimer, QTimer

    gaps: list[float] = []
    busy: list[float] = []  # the GUI thread's own CPU time within each gap (what a busy machine does not inflate)
    clock = QElapsedTimer()
    clock.start()
    last: list[int | None] = [None]  # gaps are measured between ticks: not from before the timer's first one
    last_cpu = [0.0]

    def tick() -> None:
        now, cpu = clock.nsecsElapsed(), time.thread_time()
        if last[0] is not None:
            gaps.append((now - last[0]) / 1e9)
            busy.append(cpu - last_cpu[0])
        last[0], last_cpu[0] = now, cpu

    timer = QTimer()
    timer.setInterval(1)
    timer.timeout.connect(tick)
    timer.start()
    while last[0] is None:  # the timer is running before the first action
        _idle(1)
    for i in range(count):
        action(i)
        _idle(20)
    while window.controller.queued:
        _idle(5)
    timer.stop()
    return gaps, max(busy)


def _idle(msecs: int) -> None:
    """Run the event loop for `msecs`, sleeping between events as the app's loop does."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    QTimer.singleShot(msecs, loop.quit)
    loop.exec()


def stalls(app, window, service, slowness: float) -> bool:  # type: ignore[no-untyped-def]
    from assessment.domain.model import Answer

    controller = window.controller
    session = controller.session

    def save(i: int) -> None:  # an autosave in flight: what the database lane does for every accepted answer
        controller._save("HTS01", Answer("HTS01", float(i)), None)

    def commit(i: int) -> None:  # the whole of an accepted answer: checks, live score, repaint, autosave
        controller.commit("NTS01", Answer("NTS01", float(i % 5)))

    idle, _ = _watch(app, window, lambda _i: None, 40)  # the bound: the same loop with nothing to do
    saving, saving_cpu = _watch(app, window, save, 40)
    answering, answering_cpu = _watch(app, window, commit, 40)
    saved = {a.indicator_code: a for a in service.store.answers.of(
        service.store.assessments(2025, unit_code=session.unit.code)[0].id)}
    assert saved["HTS01"].value == 39.0 and saved["NTS01"].value == 4.0
    budget = STALL_BUDGET_S * slowness
    ok = report("longest GUI-thread stall while 40 answers are being saved", Timing([max(saving)]),
                Timing([max(idle)]), budget_s=budget,
                note=f"p95 {_p95(saving) * 1000:.1f} ms; longest GUI-thread CPU in one gap {saving_cpu * 1000:.1f} ms")
    ok &= report("longest GUI-thread stall answering 40 times (checks, live score, repaint, save)",
                 Timing([max(answering)]), Timing([max(idle)]), budget_s=budget,
                 note=f"p95 {_p95(answering) * 1000:.1f} ms; longest GUI-thread CPU in one gap "
                      f"{answering_cpu * 1000:.1f} ms; offscreen software painting; budget 16 ms × "
                      f"machine slowness {slowness:.2f}")
    return ok


def _p95(gaps: list[float]) -> float:
    return sorted(gaps)[int(len(gaps) * 0.95)]


def main() -> bool:
    folder = Path(tempfile.mkdtemp(prefix="dxbench-gui-"))
    db = folder / "demo.sqlite"
    subprocess.run([sys.executable, str(ROOT / "main.py"), "--db", str(db), "demo"], check=True,
                   env=_env(folder), capture_output=True)
    try:
        started, slowness = cold_start(db, folder)
        return in_window(db, folder, slowness) & started
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    raise SystemExit(0 if main() else 1)
