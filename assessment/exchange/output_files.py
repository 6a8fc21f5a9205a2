"""Writing an output file so that a failure leaves nothing behind: the file is written beside its place under a
temporary name and renamed only once complete (a full disk, an error or a cancel leaves neither a partial file
nor the temporary one). Reports and the CLI's `-o FILE` outputs share it."""

from __future__ import annotations

import os
import secrets
from collections.abc import Callable
from pathlib import Path


def write_atomic(path: Path, write: Callable[[Path], object], *, create_folder: bool = True) -> Path:
    if create_folder:
        path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.stem}-{secrets.token_hex(4)}.tmp{path.suffix}")
    try:
        write(tmp)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    return path
