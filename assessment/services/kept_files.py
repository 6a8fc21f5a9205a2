"""Files kept beside the database under their SHA-256 (evidence, a council meeting's signed minutes): one copy
per content in `<files folder>/<first 2 hex digits>/<sha256>`, whoever attached it."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path


def keep_file(file: Path, folder: Path) -> str:
    """Copy `file` into the files folder (once per content); its SHA-256."""
    digest = hashlib.sha256()
    with file.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    sha = digest.hexdigest()
    target = folder / sha[:2] / sha
    if not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(file, target)
    return sha


def kept_file(folder: Path, sha256: str | None) -> Path | None:
    """The kept copy of a content, if there is one."""
    if not sha256:
        return None
    path = folder / sha256[:2] / sha256
    return path if path.exists() else None
