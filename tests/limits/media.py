"""A full disk and a read-only database, made for real.

Full disk: a 2 MB tmpfs, filled to 64 KB of free space (needs root, as these test machines run). Where mounting
is refused, a folder plus a file-size limit on the child process (RLIMIT_FSIZE with SIGXFSZ ignored, so writes
past it fail with EFBIG) stands in for it; `Disk.env` carries that limit to tests/limits/measure.py.

Read-only database: the file on a tmpfs remounted read-only; where that is refused, `chattr +i` (root) or, for a
non-root user, chmod 0444 on the file and 0555 on its folder.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

FREE_BYTES = 64 * 1024


@dataclass
class Disk:
    folder: Path
    how: str
    env: dict[str, str] = field(default_factory=dict)

    def listing(self) -> list[str]:
        return sorted(p.name for p in self.folder.iterdir())


def _mount(*args: str) -> bool:
    if os.geteuid() != 0:
        return False
    return subprocess.run(["mount", *args], capture_output=True).returncode == 0


def _umount(folder: Path) -> None:
    subprocess.run(["umount", "-l", str(folder)], capture_output=True)


@contextmanager
def full_disk(tmp: Path) -> Iterator[Disk]:
    folder = tmp / "full"
    folder.mkdir()
    if _mount("-t", "tmpfs", "-o", "size=2m", "tmpfs", str(folder)):
        try:
            free = shutil.disk_usage(folder).free
            with open(folder / "filler", "wb") as handle:
                handle.write(b"\0" * max(0, free - FREE_BYTES))
            yield Disk(folder, "tmpfs")
        finally:
            _umount(folder)
        return
    yield Disk(folder, "RLIMIT_FSIZE", {"DXSCORE_TEST_FSIZE": str(FREE_BYTES)})


@contextmanager
def read_only_copy(source: Path, tmp: Path) -> Iterator[tuple[Path, str]]:
    folder = tmp / "readonly"
    folder.mkdir()
    if _mount("-t", "tmpfs", "-o", "size=64m", "tmpfs", str(folder)):
        shutil.copy(source, folder / source.name)
        if _mount("-o", "remount,ro", str(folder)):
            try:
                yield folder / source.name, "read-only mount"
            finally:
                _umount(folder)
            return
        _umount(folder)
    target = folder / source.name
    shutil.copy(source, target)
    if os.geteuid() == 0 and subprocess.run(["chattr", "+i", str(target)], capture_output=True).returncode == 0:
        try:
            yield target, "chattr +i"
        finally:
            subprocess.run(["chattr", "-i", str(target)], capture_output=True)
        return
    target.chmod(0o444)
    folder.chmod(0o555)
    try:
        yield target, "chmod"
    finally:
        folder.chmod(0o755)
        target.chmod(0o644)
