"""`methodology export|import|check` with Excel workbooks, in real processes: a shipped methodology exported,
checked, edited in the workbook (a new version) and installed, then listed and used; bad workbooks exit 2
with sheet:row:column and install nothing."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from openpyxl import load_workbook

from tests.cli_language import english

ROOT = Path(__file__).resolve().parent.parent


def run(*args: str, tmp: Path):
    environment = {**os.environ, "DXSCORE_LOG_DIR": str(tmp / "logs")}
    command = [sys.executable, str(ROOT / "main.py"), *english(args), *args]
    return subprocess.run(command, capture_output=True, text=True, env=environment, cwd=ROOT, timeout=300)


def edit(path: Path, sheet: str, header: str, row: int, value, to: Path) -> Path:
    book = load_workbook(path)
    cells = book[sheet]
    column = [c.value for c in cells[1]].index(header) + 1
    cells.cell(row, column).value = value
    book.save(to)
    return to


def test_export_check_edit_and_install_a_methodology(tmp_path: Path):
    workbook = tmp_path / "xa.xlsx"
    exported = run("methodology", "export", "hanoi-2025-commune", "-o", str(workbook), tmp=tmp_path)
    assert exported.returncode == 0, exported.stderr
    assert "hanoi-2025-commune 2025.2: 47 indicators written to" in exported.stdout
    checked = run("methodology", "check", str(workbook), tmp=tmp_path)
    assert checked.returncode == 0 and "valid — hanoi-2025-commune 2025.2: 8 pillars, 47 indicators" in checked.stdout
    same = run("methodology", "import", str(workbook), tmp=tmp_path)
    assert same.returncode == 2 and "2025.2 ships with dxscore; give the workbook a new version" in same.stderr
    newer = edit(workbook, "settings", "version", 2, "2026.1", tmp_path / "xa-2026.xlsx")
    installed = run("methodology", "import", str(newer), tmp=tmp_path)
    assert installed.returncode == 0, installed.stderr
    assert "hanoi-2025-commune 2026.1: 47 indicators, 1,000 points — installed as" in installed.stdout
    listed = run("methodology", "list", tmp=tmp_path)
    assert any(line.startswith("hanoi-2025-commune") and "2026.1" in line for line in listed.stdout.splitlines())
    again = run("methodology", "export", "hanoi-2025-commune", "-o", str(tmp_path / "latest.xlsx"), tmp=tmp_path)
    assert "hanoi-2025-commune 2026.1" in again.stdout  # the latest version, now the installed one


def test_a_bad_workbook_exits_2_with_the_cell_and_installs_nothing(tmp_path: Path):
    workbook = tmp_path / "xa.xlsx"
    assert run("methodology", "export", "hanoi-2025-commune", "-o", str(workbook), tmp=tmp_path).returncode == 0
    bad = edit(workbook, "survey", "dx_points", 2, -20, tmp_path / "bad.xlsx")
    bad = edit(bad, "settings", "version", 2, "2026.1", bad)
    result = run("methodology", "import", str(bad), tmp=tmp_path)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "the workbook was rejected and nothing was installed" in result.stderr
    assert f"{bad}:survey:2:N: indicators[NTS01].max_points: must be at least 0" in result.stderr
    checked = run("methodology", "check", str(bad), tmp=tmp_path)
    assert checked.returncode == 2 and f"{bad}:survey:2:N:" in checked.stdout
    folder = Path(os.environ["DXSCORE_METHODOLOGY_DIR"])
    assert not folder.exists() or list(folder.iterdir()) == []


def test_export_refuses_a_wrong_name_or_folder(tmp_path: Path):
    csv = run("methodology", "export", "hanoi-2025-commune", "-o", str(tmp_path / "x.csv"), tmp=tmp_path)
    assert csv.returncode == 2 and "must be an .xlsx file" in csv.stderr
    missing = run("methodology", "export", "hanoi-2025-commune", "-o", str(tmp_path / "no" / "x.xlsx"), tmp=tmp_path)
    assert missing.returncode == 2 and "does not exist" in missing.stderr
    unknown = run("methodology", "export", "hanoi-2030", "-o", str(tmp_path / "x.xlsx"), tmp=tmp_path)
    assert unknown.returncode == 2 and "no methodology 'hanoi-2030'" in unknown.stderr
    assert list(tmp_path.glob("*.xlsx")) == []
