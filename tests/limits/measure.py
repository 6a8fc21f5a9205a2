"""Launcher for ceilings.run_measured: runs a command with hard limits and writes its exit code, peak RSS (MB)
and wall time as JSON to argv[1].

A separate small process, because Linux carries a process's peak RSS across fork and exec: measured straight
from pytest, a child would report the test process's own size."""

import json
import os
import resource
import signal
import sys
import time

SAFETY_BYTES = 1_500_000_000
SAFETY_CPU_SECONDS = 60


def main() -> None:
    report, command = sys.argv[1], sys.argv[2:]
    started = time.monotonic()
    pid = os.fork()
    if pid == 0:
        resource.setrlimit(resource.RLIMIT_AS, (SAFETY_BYTES, SAFETY_BYTES))
        resource.setrlimit(resource.RLIMIT_CPU, (SAFETY_CPU_SECONDS, SAFETY_CPU_SECONDS))
        file_size = os.environ.get("DXSCORE_TEST_FSIZE")
        if file_size:  # a "full disk" where tmpfs cannot be mounted: writes past the size fail with EFBIG
            resource.setrlimit(resource.RLIMIT_FSIZE, (int(file_size), int(file_size)))
            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        os.execv(command[0], command)
    _pid, status, usage = os.wait4(pid, 0)
    with open(report, "w") as handle:
        json.dump({"returncode": os.waitstatus_to_exitcode(status), "peak_rss_mb": usage.ru_maxrss / 1024,
                   "seconds": time.monotonic() - started}, handle)


main()
