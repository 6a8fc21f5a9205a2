"""Values that used to crash or slip through (issue 12.12): deep and long expressions, NaN, infinity and
400-digit numbers in methodology and target files, non-numbers and absurd years on the command line, and
package files that are devices or pipes. Each is exit code 2 with what and where, quickly, nothing written."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from ceilings import run_measured
from snapshot import snapshot

ROOT = Path(__file__).resolve().parent.parent.parent
SHIPPED = ROOT / "questionnaires" / "hanoi-2025-commune.yaml"
TARGETS = ROOT / "resources" / "domain" / "targets.yaml"
APPLIES = 'applies_if: "not unit.urban"'


def _methodology(tmp_path: Path, old: str, new: str) -> tuple[Path, int]:
    text = SHIPPED.read_text(encoding="utf-8")
    assert old in text
    line = text[:text.index(old)].count("\n") + 1
    path = tmp_path / "hostile.yaml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path, line


EXPRESSIONS = {
    "long-chain": ("1 + " * 480 + "1 > 0", "more than 100 operations in one chain"),
    "deep-brackets": ("(" * 300 + "unit.urban" + ")" * 300, "nested more than 40 levels deep"),
    "deep-not": ("not " * 400 + "unit.urban", "nested more than 40 levels deep"),
    "too-long": ("unit.urban or " * 400 + "unit.urban", "longer than 2000 characters"),
    "huge-literal": ("1" * 400 + " > 0", "is too large"),
}


@pytest.mark.parametrize("name", sorted(EXPRESSIONS))
def test_hostile_expressions_are_refused_with_file_line_and_field(name, tmp_path):
    source, message = EXPRESSIONS[name]
    path, line = _methodology(tmp_path, APPLIES, f'applies_if: "{source}"')
    run = run_measured("methodology", "check", str(path), tmp=tmp_path)
    assert run.returncode == 2, run.stderr
    assert f"{path}:{line}: indicators[KTS" in run.stdout and ".applies_if: " in run.stdout
    assert message in run.stdout and "Traceback" not in run.stdout + run.stderr
    assert max(len(row) for row in run.stdout.splitlines()) < 400  # the expression is shortened in the message
    assert run.peak_rss_mb < 200 and run.seconds < 5


@pytest.mark.parametrize("value", [".nan", ".inf", "-.inf", "1" * 400])
def test_non_finite_or_absurd_points_are_refused(value, tmp_path):
    path, line = _methodology(tmp_path, "max_points: 1000", f"max_points: {value}")
    run = run_measured("methodology", "check", str(path), tmp=tmp_path)
    assert run.returncode == 2, run.stderr
    assert f"{path}:{line}: max_points: must be a finite number of at most 1e+15" in run.stdout
    assert "Traceback" not in run.stdout + run.stderr


def _db(db_url: str) -> str:
    return db_url if db_url.startswith("postgresql") else db_url.removeprefix("sqlite:///")


@pytest.mark.parametrize(("suffix", "old", "new"), [
    (".yaml", "target_2025: 30", "target_2025: .inf"),
    (".yaml", "target_2025: 30", "target_2025: .nan"),
    (".yaml", "target_2025: 30", "target_2025: " + "9" * 400),
    (".csv", None, None),
])
def test_targets_with_non_finite_values_are_refused_and_nothing_is_written(suffix, old, new, backend_service,
                                                                           db_url, tmp_path):
    backend_service.store.close()
    db = _db(db_url)
    path = tmp_path / f"targets{suffix}"
    if suffix == ".yaml":
        path.write_text(TARGETS.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
    else:
        path.write_text("id,pillar,text_vi,text_en,unit,direction,target_2025\n"
                        "a_nan,kinh_te_so,a,a,percent,min,nan\nan_inf,kinh_te_so,b,b,percent,min,inf\n",
                        encoding="utf-8")
    before = snapshot(db)
    run = run_measured("targets", "import", str(path), db=db, tmp=tmp_path)
    assert run.returncode == 2, run.stderr
    assert "must be a finite number" in run.stderr and "target_2025" in run.stderr
    assert "nothing was imported" in run.stderr
    assert snapshot(db) == before


@pytest.mark.parametrize(("args", "message"), [
    (("targets", "set", "de_share_grdp", "2025", "abc"), "argument value: 'abc' is not a number"),
    (("targets", "set", "de_share_grdp", "2025", "nan"), "argument value: nan is not a usable number"),
    (("targets", "set", "de_share_grdp", "2025", "inf"), "argument value: inf is not a usable number"),
    (("targets", "set", "de_share_grdp", "100000000000000000000", "5"), "argument year: 100000000000000000000 is "
                                                                         "out of range (a cycle year: 1900–2200)"),
    (("review", "points", "--unit", "00070", "--cycle", "2025", "CQS01", "abc", "--reason", "x"),
     "argument points: 'abc' is not a number"),
    (("review", "points", "--unit", "00070", "--cycle", "2025", "CQS01", "1e999", "--reason", "x"),
     "argument points: 1e999 is not a usable number"),
    (("score", "--cycle", "100000000000000000000"), "argument --cycle: 100000000000000000000 is out of range"),
    (("answers", "export", "--cycle", "-5"), "argument --cycle: -5 is out of range"),
    (("audit", "list", "--limit", "99999999999999999999"), "argument --limit: 99999999999999999999 is out of range"),
    (("export", "scores", "--cycle", "2025", "--kind", "commune", "-o", "x.xlsx", "--cycle", "1e20"),
     "argument --cycle: '1e20' is not a cycle year"),
])
def test_bad_numbers_on_the_command_line_are_refused_by_the_parser(args, message, demo_url, tmp_path):
    before = snapshot(demo_url)
    run = run_measured(*args, db=demo_url, tmp=tmp_path)
    assert run.returncode == 2, run.stderr
    assert message in run.stderr and "Traceback" not in run.stderr
    assert snapshot(demo_url) == before


def test_a_valid_target_value_is_still_set(demo_url, tmp_path):
    run = run_measured("targets", "set", "de_share_grdp", "2025", "32,5", db=demo_url, tmp=tmp_path)
    assert run.returncode == 0, run.stderr
    assert "2025: 32.5" in run.stdout


def test_packages_import_refuses_devices_and_pipes_at_once(demo_url, tmp_path):
    fifo = tmp_path / "incoming.dxpkg"
    os.mkfifo(fifo)
    before = snapshot(demo_url)
    run = run_measured("packages", "import", "/dev/zero", str(fifo), "--dry-run", db=demo_url, tmp=tmp_path)
    assert run.returncode == 2, run.stdout + run.stderr
    output = run.stdout + run.stderr
    assert "zero: not a regular file" in output and "incoming.dxpkg: not a regular file" in output
    assert run.seconds < 10 and run.peak_rss_mb < 250
    assert snapshot(demo_url) == before


def test_keys_import_refuses_a_device(demo_url, tmp_path):
    before = snapshot(demo_url)
    run = run_measured("keys", "import", "/dev/zero", db=demo_url, tmp=tmp_path)
    assert run.returncode == 2 and "/dev/zero: cannot be read (zero is not a regular file)" in run.stderr
    assert run.seconds < 10 and run.peak_rss_mb < 250
    assert snapshot(demo_url) == before
