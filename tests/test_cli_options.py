"""The options every command takes (`--demo`, `--lang`, `--db`), before or after the command's name, and the
CLI's layout: main.py is only the entry point and cli/ never imports it."""

from __future__ import annotations

import ast
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from test_cli import ROOT, run


@pytest.fixture
def fresh_data(tmp_path: Path) -> dict[str, str]:
    """A machine where nothing exists yet: no database in the data folder."""
    return {"XDG_DATA_HOME": str(tmp_path / "data")}


@pytest.mark.parametrize("order", ["before", "after"])
def test_demo_opens_the_demo_database_before_or_after_the_command(tmp_path, fresh_data, order):
    """`main.py --demo score` used to read the empty real database; `score --demo` was refused."""
    demo = ["--demo", "score", "--cycle", "2025", "--json"] if order == "before" else \
        ["score", "--cycle", "2025", "--json", "--demo"]
    result = run(*demo, env=fresh_data, tmp=tmp_path)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["demo"] is True and len(data["units"]) == 144
    folder = tmp_path / "data" / "dxscore"
    assert (folder / "demo.sqlite").exists() and not (folder / "dxscore.sqlite").exists()


def test_without_demo_the_real_database_is_used_even_when_the_demo_exists(tmp_path, fresh_data):
    assert run("--demo", "db", "info", env=fresh_data, tmp=tmp_path).returncode == 0
    real = run("db", "info", env=fresh_data, tmp=tmp_path)
    assert real.returncode == 0 and "dxscore.sqlite" in real.stdout and "demo:     no" in real.stdout


def test_an_option_after_the_command_wins_over_none_and_keeps_the_one_before(demo_db, tmp_path):
    after = run("score", "--cycle", "2025", "--kind", "department", "--db", str(demo_db), "--lang", "en",
                tmp=tmp_path)
    assert after.returncode == 0 and "Rank" in after.stdout, after.stderr
    before = run("--lang", "en", "--db", str(demo_db), "score", "--cycle", "2025", "--kind", "department",
                 tmp=tmp_path)
    assert before.stdout == after.stdout


def test_lang_en_speaks_english_with_english_numbers(demo_db, tmp_path):
    vi = run("--lang", "vi", "score", "--cycle", "2025", "--kind", "department", db=demo_db, tmp=tmp_path).stdout
    en = run("--lang", "en", "score", "--cycle", "2025", "--kind", "department", db=demo_db, tmp=tmp_path).stdout
    assert "Hạng" in vi and "Chu kỳ 2025" in vi and "Sở Nội vụ" in vi
    assert "Rank" in en and "Cycle 2025" in en and "Department of Home Affairs" in en
    assert "Hạng" not in en and "Sở " not in en and "Dẫn đầu" not in en
    band_names = {"Khởi đầu": "Initial", "Cơ bản": "Basic", "Phát triển": "Developing", "Nâng cao": "Advanced",
                  "Dẫn đầu": "Leading"}
    assert any(v in vi for v in band_names) and any(e in en for e in band_names.values())
    vi_row = next(line for line in vi.splitlines() if "SO_NOI_VU" in line)
    en_row = next(line for line in en.splitlines() if "SO_NOI_VU" in line)
    vi_index, en_index = re.search(r" (0,\d{4}) ", vi_row).group(1), re.search(r" (0\.\d{4}) ", en_row).group(1)
    assert vi_index.replace(",", ".") == en_index  # the same number, written each language's way
    assert re.search(r" \d+,\d/\d", vi_row) and re.search(r" \d+\.\d/\d", en_row)  # points: 621,4 vs 621.4
    assert "/1.000 " in vi and "/1,000 " in en  # thousands: a department with 1,000 points at most


def test_main_py_is_only_the_entry_point_and_cli_never_imports_it():
    main = (ROOT / "main.py").read_text(encoding="utf-8")
    assert len(main.splitlines()) <= 15 and "def " not in main and "argparse" not in main
    for path in (ROOT / "cli").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else (
                [node.module or ""] if isinstance(node, ast.ImportFrom) else [])
            assert "main" not in names, f"{path.name} imports main.py"
            if path.name != "window.py":  # the window's module alone starts the GUI
                assert not any(n.split(".")[0] in ("gui", "PySide6") for n in names), path.name


def test_help_lists_every_command():
    result = subprocess.run([sys.executable, str(ROOT / "main.py"), "--help"], capture_output=True, text=True,
                            cwd=ROOT, timeout=60)
    for command in ("demo", "score", "answers", "methodology", "db", "backup", "restore", "evidence", "report",
                    "export", "targets", "units", "packages", "keys", "review", "audit"):
        assert re.search(rf"\b{command}\b", result.stdout), command
