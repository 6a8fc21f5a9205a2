"""`make test`'s first step: the system libraries Qt needs for the offscreen test suite, checked before any test
runs, so a fresh machine stops at once with the one line that installs them (instead of 200 tests failing on
`ImportError: libEGL.so.1` or an aborted QApplication). The PDF checks need nothing from the system (pypdf,
pikepdf, pypdfium2 are in the `test` extra); tests/xdisplay checks its own tools (tests/xdisplay/run.py).

Exit 0 when nothing is missing, 1 with the install line otherwise."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from gui.platform_check import install_line, missing_libraries

# What the offscreen suite loads: the Python bindings, the Qt libraries under them, the offscreen plugin.
NEEDED = ("QtWidgets.abi3.so", "QtSvg.abi3.so", "Qt/lib/libQt6Widgets.so.6", "Qt/plugins/platforms/libqoffscreen.so")


def main() -> int:
    if not sys.platform.startswith("linux"):
        return 0
    spec = importlib.util.find_spec("PySide6")
    if spec is None or not spec.submodule_search_locations:
        print("PySide6 is not installed in this environment: run `make` again (it installs the test extra).")
        return 1
    package = Path(next(iter(spec.submodule_search_locations)))
    missing: list[str] = []
    for relative in NEEDED:
        if (package / relative).exists():
            missing += [name for name in missing_libraries(package / relative) if name not in missing]
    if not missing:
        return 0
    print(f"Qt needs system libraries that this machine lacks: {', '.join(missing)}.\n"
          f"Install them (Debian/Ubuntu), then run make test again:\n    {install_line(missing)}")
    return 1


if __name__ == "__main__":
    sys.exit(main())
