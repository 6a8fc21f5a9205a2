"""Can Qt's platform plugin load here? Checked before QApplication exists, because Qt cannot recover: when the
xcb plugin lacks a system library, QApplication prints a misleading hint (it names libxcb-cursor0 even when
libxcb-icccm4 or libxcb-keysyms1 is the one missing) and aborts the process with a core dump.

`window_problem()` says, in one message, why no window can open (no display, or which libraries the plugin
lacks and the one `apt-get install` line that brings them), or None when the window can open. It imports no Qt
module, so `main.py` can ask before choosing between the window and the headless job.
"""

from __future__ import annotations

import ctypes
import importlib.util
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

# The Debian/Ubuntu package of each library the xcb plugin (and the Qt libraries under it) links to, for the
# install line; a library not listed here is named as it is.
DEBIAN_PACKAGES = {
    "libxcb-cursor.so.0": "libxcb-cursor0", "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-keysyms.so.1": "libxcb-keysyms1", "libxcb-image.so.0": "libxcb-image0",
    "libxcb-render-util.so.0": "libxcb-render-util0", "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-xinerama.so.0": "libxcb-xinerama0", "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxcb-randr.so.0": "libxcb-randr0", "libxcb-render.so.0": "libxcb-render0", "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1", "libxcb-xfixes.so.0": "libxcb-xfixes0", "libxcb-util.so.1": "libxcb-util1",
    "libxcb.so.1": "libxcb1", "libX11-xcb.so.1": "libx11-xcb1", "libX11.so.6": "libx11-6",
    "libxkbcommon.so.0": "libxkbcommon0", "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libGL.so.1": "libgl1", "libEGL.so.1": "libegl1", "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6", "libdbus-1.so.3": "libdbus-1-3", "libglib-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0", "libOpenGL.so.0": "libopengl0", "libGLX.so.0": "libglx0",
    "libGLdispatch.so.0": "libglvnd0", "libxcb-glx.so.0": "libxcb-glx0",
}
NO_DISPLAY = "No display found (no DISPLAY or WAYLAND_DISPLAY): the window cannot open here."
NOT_FOUND = re.compile(r"^\s*(\S+)\s+=>\s+not found", re.MULTILINE)


def window_problem() -> str | None:
    """Why the window cannot open here (a sentence for the terminal), or None."""
    platform = os.environ.get("QT_QPA_PLATFORM", "")
    if platform and not platform.startswith("xcb"):
        return None  # offscreen, wayland, windows…: asked for explicitly, Qt's own business
    if not platform and not sys.platform.startswith("linux"):
        return None
    if not (os.environ.get("DISPLAY") or (not platform and os.environ.get("WAYLAND_DISPLAY"))):
        return NO_DISPLAY
    if not platform and os.environ.get("WAYLAND_DISPLAY"):
        return None  # Qt tries its Wayland plugin first
    plugin = xcb_plugin()
    if plugin is None:
        return None  # not a layout we know: let Qt try
    missing = missing_libraries(plugin)
    if not missing:
        return None
    return (f"The window cannot open: Qt's X11 platform plugin ({plugin.name}) needs {', '.join(missing)}, "
            f"which this system lacks. On Debian/Ubuntu: {install_line(missing)}")


def xcb_plugin() -> Path | None:
    """libqxcb.so where Qt will look for it: $QT_QPA_PLATFORM_PLUGIN_PATH first (Qt does the same), then
    PySide6's own plugins folder (also inside the PyInstaller bundle)."""
    folders = []
    if os.environ.get("QT_QPA_PLATFORM_PLUGIN_PATH"):
        folders.append(Path(os.environ["QT_QPA_PLATFORM_PLUGIN_PATH"]))
    spec = importlib.util.find_spec("PySide6")
    for location in (spec.submodule_search_locations or []) if spec else []:
        folders.append(Path(location) / "Qt" / "plugins" / "platforms")
    return next((folder / "libqxcb.so" for folder in folders if (folder / "libqxcb.so").exists()), None)


def missing_libraries(library: Path) -> list[str]:
    """The shared libraries `library` needs, directly or through the ones it loads, that cannot be found."""
    ldd = shutil.which("ldd")
    if ldd:
        try:
            listing = subprocess.run([ldd, str(library)], capture_output=True, text=True, timeout=20).stdout
        except (OSError, subprocess.SubprocessError):
            listing = None
        if listing is not None:
            return list(dict.fromkeys(NOT_FOUND.findall(listing)))
    try:  # no ldd (not glibc): the dynamic loader names the first library it misses
        ctypes.CDLL(str(library))
    except OSError as error:
        first = re.match(r"^(\S+?): cannot open shared object file", str(error))
        return [first.group(1) if first else str(error)]
    return []


def install_line(libraries: list[str]) -> str:
    """The one Debian/Ubuntu command that installs the packages holding `libraries`."""
    packages = dict.fromkeys(DEBIAN_PACKAGES.get(name, name) for name in libraries)
    return "sudo apt-get install " + " ".join(packages)
