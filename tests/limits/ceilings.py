"""Run the CLI in a child process and measure it alone: exit code, output, peak memory (RSS) and wall time.

`os.wait4` gives the resource use of that one child (RUSAGE_CHILDREN would mix every child the test process
ever waited for). A hard address-space and CPU limit keeps a regression from taking the machine with it: the
child then dies or fails, and the ceilings the tests assert fail too.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
SAFETY_BYTES = 1_500_000_000
SAFETY_CPU_SECONDS = 60


@dataclass
class Run:
    returncode: int
    stdout: str
    stderr: str
    peak_rss_mb: float
    seconds: float


def _limits() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (SAFETY_BYTES, SAFETY_BYTES))
    resource.setrlimit(resource.RLIMIT_CPU, (SAFETY_CPU_SECONDS, SAFETY_CPU_SECONDS))


def run_measured(*args: str, db: str | Path | None = None, tmp: Path, stdin: str | None = None) -> Run:
    env = {**os.environ, "DXSCORE_LOG_DIR": str(tmp / "logs")}
    command = [sys.executable, str(ROOT / "main.py"), *(["--db", str(db)] if db else []), *args]
    out, err = tmp / "child.out", tmp / "child.err"
    started = time.monotonic()
    with open(out, "wb") as stdout, open(err, "wb") as stderr:
        process = subprocess.Popen(command, stdout=stdout, stderr=stderr, env=env, cwd=ROOT,
                                   stdin=subprocess.DEVNULL, preexec_fn=_limits)
        _pid, status, usage = os.wait4(process.pid, 0)
    seconds = time.monotonic() - started
    process.returncode = os.waitstatus_to_exitcode(status)  # already reaped: keep Popen from waiting again
    return Run(process.returncode, out.read_text(encoding="utf-8", errors="replace"),
               err.read_text(encoding="utf-8", errors="replace"), usage.ru_maxrss / 1024, seconds)
