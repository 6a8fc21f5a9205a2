"""Run the CLI in a child process and measure it alone: exit code, output, peak memory (RSS) and wall time.

The child runs under measure.py, a small launcher that forks it with hard address-space and CPU limits (so a
regression fails the ceilings instead of taking the machine with it) and reads its peak RSS with `os.wait4`.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from tests.cli_language import english

ROOT = Path(__file__).resolve().parent.parent.parent
LAUNCHER = Path(__file__).resolve().parent / "measure.py"


@dataclass
class Run:
    returncode: int
    stdout: str
    stderr: str
    peak_rss_mb: float
    seconds: float


def run_measured(*args: str, db: str | Path | None = None, tmp: Path, env: dict | None = None) -> Run:
    environment = {**os.environ, "DXSCORE_LOG_DIR": str(tmp / "logs"), **(env or {})}
    command = [sys.executable, str(ROOT / "main.py"), *english(args), *(["--db", str(db)] if db else []), *args]
    report = tmp / "measured.json"
    done = subprocess.run([sys.executable, "-S", str(LAUNCHER), str(report), *command], capture_output=True,
                          text=True, env=environment, cwd=ROOT, stdin=subprocess.DEVNULL, timeout=300)
    figures = json.loads(report.read_text())
    return Run(figures["returncode"], done.stdout, done.stderr, figures["peak_rss_mb"], figures["seconds"])
