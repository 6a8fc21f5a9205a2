"""Run the tests that need a real X display: a private Xvfb + openbox, then `pytest tests/xdisplay` on it.

    python tests/xdisplay/run.py [pytest arguments]

The normal `pytest` run is offscreen and skips tests/xdisplay: X11 editor key bindings (Ctrl+U deletes the
line in a QLineEdit), window-manager focus and real clicks only exist on a real display. The display number
is the first free one from 90 up; Xvfb itself writes it back (-displayfd) once it accepts clients, so two
runners (or other helpers' Xvfb) never share a display. Both servers are stopped when the tests end.

Without Xvfb/openbox/xdotool, or without a library Qt's xcb plugin needs, the runner says what to install and
exits 0 (a developer machine: "tests/xdisplay skipped."); under CI=true it fails instead."""

from __future__ import annotations

import os
import secrets
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FIRST_DISPLAY, LAST_DISPLAY = 90, 199
NEEDED = {"Xvfb": "xvfb", "xauth": "xauth", "openbox": "openbox", "xdotool": "xdotool"}
QT_XCB_LIBS = ("libxcb-cursor0 libxkbcommon-x11-0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 "
               "libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 libxcb-xkb1")
SCREEN = "1600x1000x24"


def missing_tools() -> list[str]:
    """The Debian packages of the X tools, and of the libraries Qt's xcb plugin lacks (Qt would abort)."""
    sys.path.insert(0, str(ROOT))
    from gui.platform_check import DEBIAN_PACKAGES, missing_libraries, xcb_plugin

    plugin = xcb_plugin()
    libraries = missing_libraries(plugin) if plugin else []
    return [package for tool, package in NEEDED.items() if shutil.which(tool) is None] + \
        list(dict.fromkeys(DEBIAN_PACKAGES.get(name, name) for name in libraries))


def start_xvfb(auth: Path) -> tuple[subprocess.Popen, int]:
    """Xvfb on the first free display >= 90, ready for clients when this returns."""
    for number in range(FIRST_DISPLAY, LAST_DISPLAY + 1):
        if Path(f"/tmp/.X{number}-lock").exists() or Path(f"/tmp/.X11-unix/X{number}").exists():
            continue
        auth.touch()
        cookie = secrets.token_hex(16)
        subprocess.run(["xauth", "-q", "-f", str(auth), "add", f":{number}", ".", cookie], check=True)
        read_end, write_end = os.pipe()
        server = subprocess.Popen(
            ["Xvfb", f":{number}", "-displayfd", str(write_end), "-screen", "0", SCREEN, "-nolisten", "tcp",
             "-auth", str(auth)], pass_fds=(write_end,), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        os.close(write_end)
        with os.fdopen(read_end) as ready:
            written = ready.readline().strip()  # empty when Xvfb exited (display taken meanwhile)
        if written == str(number) and server.poll() is None:
            return server, number
        server.wait(timeout=10)
    raise RuntimeError(f"no free X display between :{FIRST_DISPLAY} and :{LAST_DISPLAY}")


def start_openbox(env: dict[str, str]) -> subprocess.Popen:
    """openbox, ready when it announces its desktops (a window manager gives focus back after dialogs)."""
    manager = subprocess.Popen(["openbox", "--sm-disable"], env=env, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        if manager.poll() is not None:
            raise RuntimeError(f"openbox exited with {manager.returncode}")
        probe = subprocess.run(["xdotool", "get_num_desktops"], env=env, capture_output=True)
        if probe.returncode == 0:
            return manager
        time.sleep(0.05)
    raise RuntimeError("openbox did not start within 20 s")


def stop(process: subprocess.Popen | None) -> None:
    if process is not None and process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def main(arguments: list[str]) -> int:
    missing = missing_tools()
    if missing:
        print(f"tests/xdisplay need a real X display and Qt's X11 libraries: install {' '.join(missing)} "
              f"(Debian: apt-get install {' '.join(dict.fromkeys([*missing, *QT_XCB_LIBS.split()]))})",
              file=sys.stderr)
        if os.environ.get("CI", "").lower() not in ("", "0", "false"):
            return 1
        print("tests/xdisplay skipped.", file=sys.stderr)
        return 0
    server = manager = None
    with tempfile.TemporaryDirectory(prefix="dxscore-x-") as folder:
        auth = Path(folder) / "Xauthority"
        try:
            server, number = start_xvfb(auth)
            env = {**os.environ, "DISPLAY": f":{number}", "XAUTHORITY": str(auth), "QT_QPA_PLATFORM": "xcb",
                   "DXSCORE_XDISPLAY": "1"}
            env.pop("WAYLAND_DISPLAY", None)
            manager = start_openbox(env)
            print(f"tests/xdisplay on display :{number} (Xvfb {SCREEN}, openbox)", flush=True)
            return subprocess.run([sys.executable, "-m", "pytest", "tests/xdisplay", *arguments],
                                  cwd=ROOT, env=env).returncode
        finally:
            stop(manager)
            stop(server)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
