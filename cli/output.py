"""Writing a command's output file (`-o FILE`): refused up front when its folder is missing or FILE is a
folder, written beside it under a temporary name and renamed, so a full disk or an error leaves nothing behind
(neither a partial file nor the temporary one)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from assessment.domain.errors import BadInput
from assessment.exchange.output_files import write_atomic


def check_output(path: Path) -> None:
    if path.is_dir():
        raise BadInput(f"{path} is a folder; give a file name (nothing was written)")
    if not path.parent.is_dir():
        raise BadInput(f"the folder {path.parent} does not exist; nothing was written")


def write_output(path: Path, write: Callable[[Path], object]) -> Path:
    check_output(path)
    return write_atomic(path, write, create_folder=False)
