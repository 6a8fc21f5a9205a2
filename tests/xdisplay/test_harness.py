"""The harness itself: Qt runs on the xcb platform of a real X server with a window manager, xdotool's keys
reach the focused field with X11's key bindings, and an exception raised in a Qt slot fails the test."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget

from tests.xdisplay.x11 import press, type_text

ROOT = Path(__file__).resolve().parents[2]


def test_real_display_and_window_manager(qapp):
    assert QGuiApplication.platformName() == "xcb"
    probe = subprocess.run(["xdotool", "get_num_desktops"], capture_output=True, text=True)
    assert probe.returncode == 0 and int(probe.stdout) >= 1  # openbox answers


def test_typed_keys_reach_the_field_with_x11_bindings(qtbot):
    """The reason this folder exists: on X11 a QLineEdit deletes its line on Ctrl+U (offscreen does not)."""
    box = QWidget()
    line = QLineEdit(box)
    QVBoxLayout(box).addWidget(line)
    qtbot.addWidget(box)
    box.show()
    box.activateWindow()
    qtbot.waitUntil(box.isActiveWindow, timeout=5_000)
    line.setFocus()
    type_text("12,5")
    qtbot.waitUntil(lambda: line.text() == "12,5", timeout=5_000)
    press("ctrl+u")
    qtbot.waitUntil(lambda: line.text() == "", timeout=5_000)


def test_an_exception_in_a_slot_fails_the_test(tmp_path):
    """pytest-qt's exception capture: a slot that raises during a test makes that test fail."""
    test = tmp_path / "test_slot.py"
    test.write_text(textwrap.dedent("""
        from PySide6.QtWidgets import QPushButton

        def test_click(qtbot):
            button = QPushButton("boom")
            qtbot.addWidget(button)
            button.clicked.connect(lambda: 1 / 0)
            button.click()
    """))
    run = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(test)],
                         cwd=tmp_path, capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert run.returncode == 1, run.stdout + run.stderr
    assert "ZeroDivisionError" in run.stdout and "1 failed" in run.stdout
