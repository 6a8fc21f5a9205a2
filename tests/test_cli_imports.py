"""What a process imports (issue 14, start-up cost): `score --json` imports only the core it uses, never the PDF,
Excel, Qt or YAML libraries, nor another command's module; the window's cold start never imports the PDF or Excel
libraries. Read from `python -X importtime`, which lists every module the process imported."""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
from importlib import import_module
from pathlib import Path

from test_cli import ROOT

from cli.parser import COMMAND_MODULES, build_parser

NEVER_FOR_SCORE_JSON = ("reportlab", "openpyxl", "PySide6", "pyqtgraph", "pandas", "yaml", "cryptography")
NEVER_FOR_THE_WINDOW_START = ("reportlab", "openpyxl")


def imported(*args: str, tmp: Path) -> set[str]:
    """Every module a `python -X importtime ARGS` process imported (it must succeed)."""
    env = {**os.environ, "DXSCORE_LOG_DIR": str(tmp / "logs"), "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-X", "importtime", *args], capture_output=True, text=True, env=env,
                          cwd=ROOT, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    return set(re.findall(r"^import time:\s+\d+ \|\s+\d+ \|\s+(\S+)$", done.stderr, re.MULTILINE))


def packages(modules: set[str], names: tuple[str, ...]) -> set[str]:
    return {m for m in modules if m.split(".")[0] in names}


def test_score_json_imports_no_pdf_excel_qt_or_yaml_library_nor_other_commands(demo_db, tmp_path):
    command = [str(ROOT / "main.py"), "--db", str(demo_db), "score", "--cycle", "2025", "--json"]
    imported(*command, tmp=tmp_path)  # the first run parses the stored methodologies' YAML and keeps the trees
    modules = imported(*command, tmp=tmp_path)
    assert "assessment.services.scores_area" in modules and "numpy" in modules  # it did score
    assert packages(modules, NEVER_FOR_SCORE_JSON) == set()
    assert {m for m in modules if m.startswith("cli.")} <= {"cli.app", "cli.parser", "cli.terminal", "cli.wiring",
                                                            "cli.window", "cli.scores", "cli.argtypes",
                                                            "cli.demo_build", "cli.messages"}  # shared, not a command


def test_the_window_cold_start_imports_no_pdf_or_excel_library(tmp_path):
    """The modules the window imports before its first paint: the core first (cli.window), then the app and
    the main window. Reports and Excel are imported when first used."""
    start = ("from cli.window import import_core_before_qt; import_core_before_qt(); "
             "import gui.app, gui.main_window")
    modules = imported("-c", start, tmp=tmp_path)
    assert "gui.main_window" in modules and "PySide6.QtWidgets" in modules
    assert packages(modules, NEVER_FOR_THE_WINDOW_START) == set()


def test_the_command_table_names_every_command_of_its_module():
    """cli.parser builds only the named command's module: its table must say which module registers which."""
    for module, names in COMMAND_MODULES.items():
        parser = argparse.ArgumentParser()
        import_module(module).add_commands(parser.add_subparsers())
        (sub,) = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
        assert tuple(sub.choices) == names, module
    everything = build_parser()
    (sub,) = [a for a in everything._actions if isinstance(a, argparse._SubParsersAction)]
    assert tuple(sub.choices) == tuple(n for names in COMMAND_MODULES.values() for n in names)


def test_a_command_line_builds_only_its_commands_and_still_understands_every_option():
    args = ["--db", "x.sqlite", "--lang", "en", "score", "--cycle", "2025", "--json", "--demo"]
    parser = build_parser(args)
    (sub,) = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    assert tuple(sub.choices) == COMMAND_MODULES["cli.scores"]
    parsed = parser.parse_args(args)
    assert (parsed.db, parsed.lang, parsed.cycle, parsed.json, parsed.demo) == ("x.sqlite", "en", 2025, True, True)
    for unknown in (["--db", "x", "frobnicate"], ["-h", "score"], []):  # every command: the error or help lists all
        (sub,) = [a for a in build_parser(unknown)._actions if isinstance(a, argparse._SubParsersAction)]
        assert len(sub.choices) == sum(len(names) for names in COMMAND_MODULES.values())
