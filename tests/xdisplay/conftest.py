"""Tests under a real X display (Xvfb + openbox, started by tests/xdisplay/run.py): the window fixtures of
tests/gui on the xcb platform, and helpers that press real keys and click with xdotool."""

from __future__ import annotations

import os

import pytest

from tests.gui.conftest import language, make_window, settings, window  # noqa: F401  (fixtures)

if os.environ.get("QT_QPA_PLATFORM") != "xcb" or not os.environ.get("DISPLAY"):
    pytest.exit("tests/xdisplay need a real X display: run `python tests/xdisplay/run.py`", returncode=4)
