"""Qt's X11 plugin without a library it needs (issue 15.2): the window says which library is missing and the
install line, then falls back like "no display" instead of aborting with a core dump.

A real plugin is made to miss real libraries: a copy of PySide6's libqxcb.so whose DT_NEEDED entries for
libxcb-icccm.so.4 and libxcb-keysyms.so.1 (the two a bare Debian lacks) name libraries that exist nowhere.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from gui import platform_check
from gui.platform_check import install_line, missing_libraries, window_problem

ROOT = Path(__file__).resolve().parents[2]
RENAMED = {b"libxcb-icccm.so.4": b"libxcb-gone1.so.4", b"libxcb-keysyms.so.1": b"libxcb-gone222.so.1"}

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Qt's xcb plugin is Linux only")


@pytest.fixture
def broken_plugins(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A platforms folder whose libqxcb.so needs two absent libraries, and an X11 session that would use it."""
    for name in ("QT_QPA_PLATFORM", "WAYLAND_DISPLAY"):
        monkeypatch.delenv(name, raising=False)
    original = platform_check.xcb_plugin()
    assert original is not None, "PySide6 ships libqxcb.so"
    data = original.read_bytes()
    for needed, absent in RENAMED.items():
        assert needed in data and len(absent) == len(needed)
        data = data.replace(needed + b"\0", absent + b"\0")
    folder = tmp_path / "Qt" / "plugins" / "platforms"  # Qt's layout: the plugin finds Qt's libraries beside
    folder.mkdir(parents=True)
    (tmp_path / "Qt" / "lib").symlink_to(original.parents[2] / "lib")
    (folder / "libqxcb.so").write_bytes(data)
    monkeypatch.setenv("DISPLAY", ":97")
    monkeypatch.setenv("QT_QPA_PLATFORM_PLUGIN_PATH", str(folder))
    return folder


def test_the_missing_libraries_are_named_with_one_install_line(broken_plugins):
    assert missing_libraries(broken_plugins / "libqxcb.so") == ["libxcb-gone1.so.4", "libxcb-gone222.so.1"]
    problem = window_problem()
    assert problem is not None
    assert "needs libxcb-gone1.so.4, libxcb-gone222.so.1" in problem
    assert "On Debian/Ubuntu: sudo apt-get install libxcb-gone1.so.4 libxcb-gone222.so.1" in problem


def test_a_complete_plugin_and_an_explicit_platform_raise_nothing(broken_plugins, monkeypatch):
    shutil.copy(_shipped_plugin(monkeypatch), broken_plugins / "libqxcb.so")
    assert window_problem() is None
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    assert window_problem() is None


def test_no_display_is_said_as_before(monkeypatch):
    for name in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"):
        monkeypatch.delenv(name, raising=False)
    assert window_problem() == "No display found (no DISPLAY or WAYLAND_DISPLAY): the window cannot open here."
    monkeypatch.setenv("QT_QPA_PLATFORM", "xcb")  # X11 asked for by name, but no X server named
    assert window_problem() == "No display found (no DISPLAY or WAYLAND_DISPLAY): the window cannot open here."


def test_known_libraries_map_to_their_debian_packages():
    assert install_line(["libxcb-icccm.so.4", "libxcb-keysyms.so.1", "libxcb-cursor.so.0"]) == \
        "sudo apt-get install libxcb-icccm4 libxcb-keysyms1 libxcb-cursor0"


def test_the_app_falls_back_to_the_headless_job_instead_of_aborting(broken_plugins, demo_template, tmp_path):
    db = tmp_path / "demo.sqlite"
    shutil.copy(demo_template, db)
    env = {**os.environ, "DXSCORE_LOG_DIR": str(tmp_path / "logs"), "XDG_DATA_HOME": str(tmp_path / "data"),
           "XDG_CONFIG_HOME": str(tmp_path / "config")}
    result = subprocess.run([sys.executable, str(ROOT / "main.py"), "--db", str(db)], capture_output=True,
                            text=True, env=env, cwd=ROOT, timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
    assert "Qt's X11 platform plugin (libqxcb.so) needs libxcb-gone1.so.4, libxcb-gone222.so.1" in result.stderr
    assert "Chạy chế độ không giao diện thay thế" in result.stderr  # Vietnamese, the default
    assert "Chu kỳ 2025" in result.stdout  # the ranking was printed


def _shipped_plugin(monkeypatch: pytest.MonkeyPatch) -> Path:
    with monkeypatch.context() as inner:
        inner.delenv("QT_QPA_PLATFORM_PLUGIN_PATH")
        plugin = platform_check.xcb_plugin()
    assert plugin is not None
    return plugin
