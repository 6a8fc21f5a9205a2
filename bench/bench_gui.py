"""The data-entry window: cold start, switching units, and the GUI thread while saving.

- cold start: a fresh process to the first paint of the populated window (bench/gui_probe.py), against a
  bare QApplication + QMainWindow painted in a fresh process;
- switching between two communes (47 indicators) until the form shows the new unit and its live score,
  against the service call alone (loading the unit from the database);
- the longest gap between 1 ms timer ticks on the GUI thread while 40 answers are committed and saved one
  after another (autosave runs on the database thread).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.common import ROOT, Timing, measure, report

BARE_QT = ("import os; os.environ.setdefault('QT_QPA_PLATFORM', 'offscreen');"
           "from PySide6.QtWidgets import QApplication, QMainWindow; app = QApplication([]); w = QMainWindow();"
           "w.resize(1280, 820); w.show(); app.processEvents(); os._exit(0)")


def _env(folder: Path) -> dict[str, str]:
    return {**os.environ, "QT_QPA_PLATFORM": "offscreen", "DXSCORE_LOG_DIR": str(folder / "logs"),
            "XDG_CONFIG_HOME": str(folder / "config")}


def cold_start(db: Path, folder: Path) -> bool:
    probe = [sys.executable, str(ROOT / "bench" / "gui_probe.py"), str(db)]
    subprocess.run(probe, env=_env(folder), capture_output=True, check=True)  # warm the file cache
    ours = measure(lambda: subprocess.run(probe, env=_env(folder), capture_output=True, check=True), repeat=7)
    bare = measure(lambda: subprocess.run([sys.executable, "-c", BARE_QT], env=_env(folder), capture_output=True,
                                          check=True), repeat=7)
    return report("cold start to a painted, populated window", ours, bare, budget_s=1.5)


def in_window(db: Path, folder: Path) -> bool:
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtCore import QSettings

    from gui.app import make_app
    from gui.main_window import MainWindow
    from gui.settings import Settings
    from tests.conftest import open_service

    app = make_app("vi")
    service = open_service(db)
    window = MainWindow(service, Settings(QSettings(str(folder / "s.ini"), QSettings.Format.IniFormat)), lang="vi")
    window.show()

    def open_and_wait(code: str) -> None:
        window.open_unit(code)
        while window.controller.session is None or window.controller.session.unit.code != code:
            app.processEvents()
        app.processEvents()

    window.cycle.setCurrentIndex(window.cycle.findData(2025))
    codes = ["00070", "00256"]
    open_and_wait(codes[1])
    flips = iter(codes * 20)
    switch = measure(lambda: open_and_wait(next(flips)), repeat=15)
    service_only = measure(lambda: service.entry.open("00070", 2025), repeat=15)
    ok = report("switch unit (47 indicators) until the form and live score show it", switch, service_only,
                budget_s=0.15)

    ok &= stalls(app, window, service)
    window.close()
    service.store.close()
    return ok


def _watch(app, window, action, count: int) -> list[float]:  # type: ignore[no-untyped-def]
    """Gaps (s) between 1 ms timer ticks on the GUI thread while `action(i)` runs `count` times, 20 ms apart."""
    from PySide6.QtCore import QElapsedTimer, QTimer

    gaps: list[float] = []
    clock = QElapsedTimer()
    clock.start()
    last: list[int | None] = [None]  # gaps are measured between ticks: not from before the timer's first one

    def tick() -> None:
        now = clock.nsecsElapsed()
        if last[0] is not None:
            gaps.append((now - last[0]) / 1e9)
        last[0] = now

    timer = QTimer()
    timer.setInterval(1)
    timer.timeout.connect(tick)
    timer.start()
    while last[0] is None:  # the timer is running before the first action
        app.processEvents()
    for i in range(count):
        action(i)
        deadline = time.perf_counter() + 0.02
        while time.perf_counter() < deadline:
            app.processEvents()
    while window.controller.queued:
        app.processEvents()
    timer.stop()
    return gaps


def stalls(app, window, service) -> bool:  # type: ignore[no-untyped-def]
    from assessment.domain.model import Answer

    controller = window.controller
    session = controller.session

    def save(i: int) -> None:  # an autosave in flight: what the database lane does for every accepted answer
        controller._save("HTS01", Answer("HTS01", float(i)), None)

    def commit(i: int) -> None:  # the whole of an accepted answer: checks, live score, repaint, autosave
        controller.commit("NTS01", Answer("NTS01", float(i % 5)))

    saving = _watch(app, window, save, 40)
    answering = _watch(app, window, commit, 40)
    saved = {a.indicator_code: a for a in service.store.answers.of(
        service.store.assessments(2025, unit_code=session.unit.code)[0].id)}
    assert saved["HTS01"].value == 39.0 and saved["NTS01"].value == 4.0
    ok = report("longest GUI-thread stall while 40 answers are being saved", Timing([max(saving)]), None,
                budget_s=0.016, note=f"p95 {sorted(saving)[int(len(saving) * 0.95)] * 1000:.1f} ms")
    report("longest GUI-thread stall answering 40 times (checks, live score, repaint, save)",
           Timing([max(answering)]), None,
           note=f"p95 {sorted(answering)[int(len(answering) * 0.95)] * 1000:.1f} ms; offscreen software painting")
    return ok


def main() -> bool:
    folder = Path(tempfile.mkdtemp(prefix="dxbench-gui-"))
    db = folder / "demo.sqlite"
    subprocess.run([sys.executable, str(ROOT / "main.py"), "--db", str(db), "demo"], check=True,
                   env=_env(folder), capture_output=True)
    try:
        return cold_start(db, folder) & in_window(db, folder)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    raise SystemExit(0 if main() else 1)
