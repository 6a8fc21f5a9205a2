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


def _imports(path: Path) -> list[ast.ImportFrom]:
    return [n for n in ast.walk(ast.parse(path.read_text(encoding="utf-8"))) if isinstance(n, ast.ImportFrom)]


OURS = {"assessment", "questionnaires", "storage", "gui", "cli"}  # a library's private typing names are its own


def test_no_private_name_is_imported_from_another_module():
    """A name with a leading underscore is its module's own business: another module that needs it asks for a
    public name (a private alias of it, `import current_connection as _current`, is fine)."""
    offenders = [f"{path.relative_to(ROOT)}:{node.lineno} {alias.name} from {node.module}"
                 for path in SOURCES for node in _imports(path) if (node.module or "").split(".")[0] in OURS
                 for alias in node.names if alias.name.startswith("_") and not alias.name.startswith("__")]
    assert offenders == []


def _type_checking_lines(path: Path) -> set[int]:
    lines: set[int] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.If) and ast.unparse(node.test) in ("TYPE_CHECKING", "typing.TYPE_CHECKING"):
            for child in node.body:
                lines.update(range(child.lineno, (child.end_lineno or child.lineno) + 1))
    return lines


def test_the_use_cases_name_the_facade_for_type_checking_only():
    """The facade (assessment.service) builds the use-case areas; an area names it only in annotations, so the
    one arrow pointing up (allowed by the layers contract's ignore_imports) never runs."""
    offenders = []
    for path in (ROOT / "assessment").rglob("*.py"):
        if path.name == "service.py" and path.parent.name == "assessment":
            continue
        guarded = _type_checking_lines(path)
        offenders += [f"{path.relative_to(ROOT)}:{node.lineno}" for node in _imports(path)
                      if node.module == "assessment.service" and node.lineno not in guarded]
    assert offenders == []


def test_assessment_is_in_layers_and_nothing_is_left_flat():
    """assessment/ holds the facade and the layer packages only (see README, "Layers"); a new module goes into
    one of them (tools/relayout.py moves flat modules into place)."""
    flat = sorted(p.name for p in (ROOT / "assessment").glob("*.py"))
    assert flat == ["__init__.py", "service.py"]
    assert sorted(p.name for p in (ROOT / "assessment").iterdir() if (p / "__init__.py").exists()) == [
        "domain", "exchange", "reports", "services"]


def test_no_import_loop_at_run_time():
    """No module of the core imports, directly or through others, a module that imports it (annotations under
    TYPE_CHECKING aside: they never run)."""
    import grimp

    graph = grimp.build_graph("assessment", exclude_type_checking_imports=True, cache_dir=None)
    loops = [f"{a} -> {b}" for a in sorted(graph.modules) for b in sorted(graph.find_modules_directly_imported_by(a))
             if b.startswith("assessment") and graph.chain_exists(importer=b, imported=a)]
    assert loops == []


def test_every_import_in_the_benchmarks_resolves():
    """`make bench` is not part of `make test`; an import inside a benchmark function that points at a moved or
    test-only module (it imported tests.conftest once) would break it unseen. Every `from X import Y` in bench/,
    at any depth, must name a module and attribute that exist."""
    import importlib

    sys.path.insert(0, str(ROOT))
    for path in (ROOT / "bench").glob("*.py"):
        for node in _imports(path):
            if node.level or node.module == "__future__":
                continue
            assert node.module and node.module != "tests.conftest", f"{path}:{node.lineno}: benchmarks run " \
                "outside pytest, where the fixtures' own imports do not resolve"
            module = importlib.import_module(node.module)
            for alias in node.names:
                found = hasattr(module, alias.name)
                if not found:  # a submodule imported by name
                    importlib.import_module(f"{node.module}.{alias.name}")
