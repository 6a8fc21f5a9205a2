"""Hostile methodology workbooks (issue 15.3): a zip bomb, a sheet claiming a million rows, a cell at row
1,000,000, too many columns, a not-a-workbook are refused by `methodology import` quickly, in bounded memory,
exit code 2, with the file (and sheet:row where there is one), and install nothing."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from ceilings import run_measured

MEMORY_CEILING_MB = 200
TIME_CEILING_S = 8.0  # the process with pyxform and openpyxl imported takes ~2 s on this machine


def zip_bomb(path: Path) -> str:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive, \
            archive.open("xl/sharedStrings.xml", "w") as part:
        for _ in range(200):
            part.write(b" " * 2**20)
    return "the workbook unpacks to 200 MB (limit 50 MB)"


def far_row(path: Path) -> str:
    from openpyxl import Workbook

    book = Workbook()
    book.active.title = "survey"
    book.active["A1"] = "type"
    book.active["A1000000"] = "integer"
    book.save(path)
    return "sheet survey has data in row 1,000,000 (limit 5,001)"


def claimed_dimension(path: Path) -> str:
    """A small sheet with one value in column 16,000, far beyond the header's columns."""
    from openpyxl import Workbook

    book = Workbook()
    book.active.title = "survey"
    book.active["A1"] = "type"
    book.active.cell(2, 16_000, "x")
    book.save(path)
    return "sheet survey has a value in column WQJ (limit 80 columns)"


def not_a_workbook(path: Path) -> str:
    path.write_bytes(b"\x00" * 10_000)
    return "not an .xlsx workbook"


CASES = {"zip-bomb": zip_bomb, "far-row": far_row, "claimed-dimension": claimed_dimension,
         "not-a-workbook": not_a_workbook}


@pytest.mark.parametrize("name", sorted(CASES))
def test_methodology_import_refuses_hostile_workbooks_fast_and_small(name, tmp_path):
    path = tmp_path / f"{name}.xlsx"
    expected = CASES[name](path)
    folder = tmp_path / "installed"
    run = run_measured("methodology", "import", str(path), tmp=tmp_path,
                       env={"DXSCORE_METHODOLOGY_DIR": str(folder)})
    assert run.returncode == 2, run.stderr
    assert f"{path}: {expected}" in run.stderr and "nothing was imported" in run.stderr
    assert "Traceback" not in run.stdout + run.stderr
    assert run.peak_rss_mb < MEMORY_CEILING_MB, f"{run.peak_rss_mb:.0f} MB"
    assert run.seconds < TIME_CEILING_S, f"{run.seconds:.1f} s"
    assert not folder.exists()
