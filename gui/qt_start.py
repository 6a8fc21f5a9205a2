"""Importing Qt for the window, without PySide6's per-module source scan.

PySide6 (PYSIDE-2029) checks every module imported after it, once, for `from __feature__` support by reading its
source with `inspect.getsource`, which also resolves the module by walking `sys.modules` on every call: ~0.2 ms a
module, ~0.1 s for the window's start. dxscore uses no `__feature__` switch. The same test ("PySide6" in the
module's source) reads the module's file directly."""

from __future__ import annotations

import sys
from types import ModuleType


def import_qt() -> None:
    """Import QtCore and make PySide6's feature check of later imports read the file directly."""
    import PySide6.QtCore  # noqa: F401  (installs the import hook)

    feature = sys.modules.get("shibokensupport.feature")
    if feature is not None and hasattr(feature, "_mod_uses_pyside"):
        feature._mod_uses_pyside = _mentions_pyside


def _mentions_pyside(module: ModuleType) -> bool:
    """What shibokensupport.feature._mod_uses_pyside answers, without inspect: does the source name PySide6."""
    path = getattr(module, "__file__", None)
    if not path or not path.endswith(".py"):
        return False  # a built-in or compiled module: inspect.getsource raises, the original says False
    try:
        with open(path, "rb") as source:
            return b"PySide6" in source.read()
    except OSError:
        return False
