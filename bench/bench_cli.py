"""`python main.py score --cycle 2025 --json` on the demo database: whole-process wall time, interpreter start
included, against the bare interpreter start (`python -c pass`) measured in the same run."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

from bench.common import ROOT, measure, report


def main() -> bool:
    folder = Path(tempfile.mkdtemp(prefix="dxbench-cli-"))
    db = folder / "demo.sqlite"
    # An installed dxscore has its bytecode compiled: the first run writes it (into the bench's folder), so the
    # timed runs do not recompile every module as a PYTHONDONTWRITEBYTECODE shell would make them do (bench_gui).
    env = {**os.environ, "DXSCORE_LOG_DIR": str(folder / "logs"), "DXSCORE_CACHE_DIR": str(folder / "cache"),
           "PYTHONPYCACHEPREFIX": str(folder / "pycache")}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    subprocess.run([sys.executable, str(ROOT / "main.py"), "--db", str(db), "demo"], check=True, env=env,
                   capture_output=True)
    command = [sys.executable, str(ROOT / "main.py"), "--db", str(db), "score", "--cycle", "2025", "--json"]
    subprocess.run(command, check=True, env=env, capture_output=True)  # warm the OS file cache

    def score() -> None:
        subprocess.run(command, check=True, env=env, capture_output=True)

    def bare() -> None:
        subprocess.run([sys.executable, "-c", "pass"], check=True, env=env, capture_output=True)

    ours = measure(score, repeat=7)
    start = measure(bare, repeat=7)
    size = len(subprocess.run(command, check=True, env=env, capture_output=True).stdout)
    ok = report("score --cycle 2025 --json (demo, 143 units)", ours, start, budget_s=0.30,
                note=f"{size / 1e6:.1f} MB of JSON")
    return ok


if __name__ == "__main__":
    raise SystemExit(0 if main() else 1)
