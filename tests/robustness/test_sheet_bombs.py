"""Spreadsheets that claim or hold far more than answers: `answers import` refuses them in bounded memory and
time, exit code 2, nothing written (issue 12, item 9). Each CLI run is measured in a wrapper process of its
own, so the peak RSS and CPU time are that run's alone (measured: ~105 MB, ~1 s CPU)."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook

from tests.test_cli import ROOT

HEADER = ["unit_code", "cycle", "indicator_code", "value"]
MEMORY_CEILING_MB = 200
TIME_CEILING_S = 5.0  # CPU seconds of the run: wall time on this shared 2-core machine depends on the others
WALL_CEILING_S = 30.0  # a hang guard

# Runs the CLI under an address-space limit (a reader that believed the sheet would die, not take the machine)
# and reports its exit code, output, peak RSS and wall time.
MEASURE = """
import json, resource, subprocess, sys, time
limit = 1536 * 2**20
command = sys.argv[1:]
started = time.monotonic()
child = subprocess.run(command, capture_output=True, text=True, timeout=120,
                       preexec_fn=lambda: resource.setrlimit(resource.RLIMIT_AS, (limit, limit)))
elapsed = time.monotonic() - started
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"code": child.returncode, "stdout": child.stdout, "stderr": child.stderr,
                  "peak_mb": usage.ru_maxrss / 1024, "cpu": usage.ru_utime + usage.ru_stime, "seconds": elapsed}))
"""


def measured_import(path: Path, db: str, tmp: Path) -> dict:
    command = [sys.executable, str(ROOT / "main.py"), "--lang", "en", "--db", db, "answers", "import", str(path)]
    wrapper = subprocess.run([sys.executable, "-c", MEASURE, *command], capture_output=True, text=True,
                             cwd=ROOT, timeout=300, env=_env(tmp))
    assert wrapper.returncode == 0, wrapper.stderr
    return json.loads(wrapper.stdout)


def _env(tmp: Path) -> dict:
    import os

    return {**os.environ, "DXSCORE_LOG_DIR": str(tmp / "logs")}


def export_all(db: str, tmp: Path) -> str:
    result = subprocess.run([sys.executable, str(ROOT / "main.py"), "--lang", "en", "--db", db, "answers", "export"],
                            capture_output=True, text=True, cwd=ROOT, timeout=300, env=_env(tmp))
    assert result.returncode == 0, result.stderr
    return result.stdout


def far_cell_workbook(tmp: Path) -> Path:
    """~5 KB: the header, one answer, and one cell at XFD1048576 (the sheet's dimension claims it all)."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(HEADER)
    sheet.append(["00070", 2025, "NTS01", 3])
    sheet.cell(row=1_048_576, column=16_384, value="x")
    path = tmp / "far.xlsx"
    workbook.save(path)
    return path


def claimed_dimension_workbook(tmp: Path) -> Path:
    """A sheet whose stored dimension says A1:XFD1048576 though it holds two rows."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(HEADER)
    sheet.append(["00070", 2025, "NTS01", 3])
    source = tmp / "small.xlsx"
    workbook.save(source)
    path = tmp / "claims.xlsx"
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as new:
        for item in old.infolist():
            data = old.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                # openpyxl writes `<dimension ref="A1:D2" />` or `…"/>` (with lxml installed): either way
                data = re.sub(rb'<dimension ref="[^"]*"\s*/>', b'<dimension ref="A1:XFD1048576" />', data)
                assert b"XFD1048576" in data
            new.writestr(item, data)
    return path


def wide_row_workbook(tmp: Path) -> Path:
    """A value far to the right of the table, in a data row."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(HEADER)
    sheet.append(["00070", 2025, "NTS01", 3])
    sheet.cell(row=2, column=16_000, value=1)
    path = tmp / "wide.xlsx"
    workbook.save(path)
    return path


def test_a_cell_at_xfd1048576_is_refused_in_bounded_memory_and_time(demo_url, tmp_path):
    path = far_cell_workbook(tmp_path)
    assert path.stat().st_size < 10_000
    before = export_all(demo_url, tmp_path)
    run = measured_import(path, demo_url, tmp_path)
    assert run["code"] == 2, run["stderr"]
    assert "the sheet has data in row 1,048,576" in run["stderr"] and "nothing was imported" in run["stderr"]
    assert "Traceback" not in run["stderr"]
    assert run["peak_mb"] < MEMORY_CEILING_MB and run["cpu"] < TIME_CEILING_S, run
    assert run["seconds"] < WALL_CEILING_S, run
    assert export_all(demo_url, tmp_path) == before


@pytest.mark.parametrize("build", [wide_row_workbook])
def test_a_value_beyond_the_header_is_refused(build, demo_url, tmp_path):
    before = export_all(demo_url, tmp_path)
    run = measured_import(build(tmp_path), demo_url, tmp_path)
    assert run["code"] == 2 and "a value in a column beyond the header" in run["stderr"], run["stderr"]
    assert run["peak_mb"] < MEMORY_CEILING_MB and run["cpu"] < TIME_CEILING_S, run
    assert run["seconds"] < WALL_CEILING_S, run
    assert export_all(demo_url, tmp_path) == before


def test_a_false_dimension_is_ignored(service, tmp_path):
    path = claimed_dimension_workbook(tmp_path)
    summary = service.answers.import_file(path)
    assert summary.rows == 1 and summary.result.inserted == 1


def test_a_workbook_that_unpacks_huge_is_refused_before_reading(service, tmp_path):
    path = tmp_path / "huge.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("xl/sharedStrings.xml", "w", force_zip64=True) as part:
            chunk = b" " * 2**20
            for _ in range(300):
                part.write(chunk)
    assert path.stat().st_size < 2_000_000
    from assessment.domain.errors import ImportRejected

    with pytest.raises(ImportRejected, match="unpacks to 300 MB"):
        service.answers.import_file(path)


def test_a_csv_over_the_row_limit_is_refused(service, tmp_path, monkeypatch):
    import questionnaires.answers_file as answers_file

    monkeypatch.setattr(answers_file, "MAX_ROWS", 3)
    path = tmp_path / "long.csv"
    path.write_text("unit_code,cycle,indicator_code,value\n" + "00070,2025,NTS01,3\n" * 4, encoding="utf-8")
    from assessment.domain.errors import ImportRejected

    with pytest.raises(ImportRejected, match="more than 3 rows"):
        service.answers.import_file(path)
    assert service.store.assessments() == []
