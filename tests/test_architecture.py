"""House rules that hold for the whole code base."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("assessment", "questionnaires", "storage")
SOURCES = [p for d in PACKAGES for p in (ROOT / d).rglob("*.py")] + [ROOT / "main.py"]
CLI_SOURCES = list((ROOT / "cli").rglob("*.py"))
GUI_SOURCES = list((ROOT / "gui").rglob("*.py"))


def test_no_eval_or_exec_anywhere():
    for path in SOURCES + GUI_SOURCES:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
                assert node.func.id not in ("eval", "exec", "compile"), f"{path}:{node.lineno}"


def test_the_core_does_not_import_qt():
    for path in (p for p in SOURCES if p.name != "main.py"):  # main.py is the composition root: it starts gui
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else (
                [node.module or ""] if isinstance(node, ast.ImportFrom) else [])
            assert not any(n.split(".")[0] in ("PySide6", "pyqtgraph", "shiboken6", "gui") for n in names), path


def test_import_linter_contracts_hold():
    linter = Path(sys.executable).parent / "lint-imports"
    result = subprocess.run([str(linter)], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert result.returncode == 0, result.stdout
    assert "0 broken" in result.stdout


def test_modules_stay_small():
    for path in SOURCES + GUI_SOURCES + CLI_SOURCES:
        assert len(path.read_text(encoding="utf-8").splitlines()) <= 600, path


def test_the_window_never_reaches_past_the_service_to_the_store():
    """gui/ talks to the service's named operations only (issue 14): `service.store` is nowhere in it."""
    for path in (p for p in GUI_SOURCES if p.name != "settings.py"):  # Settings keeps its QSettings as .store
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Attribute) and node.attr == "store":
                raise AssertionError(f"{path}:{node.lineno}: {ast.unparse(node)} (use a service operation)")


def test_every_type_ignore_names_its_error_code():
    for path in SOURCES + GUI_SOURCES + CLI_SOURCES:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if "# type: ignore" in line:
                assert "# type: ignore[" in line, f"{path}:{number}: a bare ignore hides every error on the line"
