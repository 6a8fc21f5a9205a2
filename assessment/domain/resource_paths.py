"""Where dxscore's read-only resources (fonts, translations, reference data) are, from source or frozen.

From a source checkout they sit beside the packages (`<checkout>/resources`). In the PyInstaller bundle
(`make dist`) they are unpacked under `sys._MEIPASS` (the bundle's `_internal` folder) with the same layout,
so every module asks here instead of walking up from its own `__file__`. The user's data (databases, settings,
logs) never lives here: it stays in the platformdirs folders, the same for both.
"""

from __future__ import annotations

import sys
from pathlib import Path


def app_root() -> Path:
    """The folder that holds `resources/` and the packages' data files: the bundle's, or the checkout."""
    frozen = getattr(sys, "_MEIPASS", None)
    if getattr(sys, "frozen", False) and frozen:
        return Path(frozen)
    return Path(__file__).resolve().parents[2]  # assessment/domain/resource_paths.py -> the checkout


def resource_path(*parts: str) -> Path:
    """A path under `resources/`, e.g. `resource_path("fonts", "DejaVuSans.ttf")`."""
    return app_root().joinpath("resources", *parts)
