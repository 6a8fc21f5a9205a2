"""Hostile YAML (issue 12.8): alias bombs, circular aliases, deep nesting, huge files, FIFOs and devices are
refused quickly, in bounded memory, with the file and line, exit code 2 and nothing written."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from ceilings import run_measured
from snapshot import snapshot

SHIPPED = Path(__file__).resolve().parent.parent.parent / "questionnaires" / "hanoi-2025-commune.yaml"
MEMORY_CEILING_MB = 200
TIME_CEILING_S = 5.0


def billion_laughs() -> str:
    """342 bytes that PyYAML expands to 9^9 strings (the campaign's 10.6 GB case)."""
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for previous, name in zip("abcdefgh", "bcdefghi", strict=True):
        lines.append(f"{name}: &{name} [" + ",".join([f"*{previous}"] * 9) + "]")
    return "\n".join(lines) + "\n"


def merge_bomb() -> str:
    """The same explosion through merge keys (<<) inside a methodology-shaped file."""
    lines = ["format: dxscore-methodology/1", "x0: &x0 {k: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]}"]
    for i in range(1, 12):
        lines.append(f"x{i}: &x{i} {{a: *x{i - 1}, b: *x{i - 1}, c: *x{i - 1}, d: *x{i - 1}}}")
    return "\n".join(lines) + "\n"


HOSTILE = {
    "billion-laughs": (billion_laughs(), ":6: refused: the file expands to more than 200,000 values"),
    "merge-bomb": (merge_bomb(), "refused: the file expands to more than 200,000 values"),
    "many-aliases": ("a: &a 1\nb: [" + ", ".join(["*a"] * 150) + "]\n", ":1: refused: more than 100 aliases"),
    "circular": ("a: &a [1, *a]\n", ":1: refused: an alias (*name) refers to a value that contains it"),
    "deep-flow": ("x: " + "[" * 900 + "]" * 900 + "\n", ":1: refused: values are nested more than 64 levels deep"),
    "deep-block": ("x:\n" + "".join("  " * i + "-\n" for i in range(1, 200)),
                   ":65: refused: values are nested more than 64 levels deep"),
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_methodology_check_refuses_hostile_yaml_fast_and_small(name, tmp_path):
    text, expected = HOSTILE[name]
    path = tmp_path / f"{name}.yaml"
    path.write_text(text, encoding="utf-8")
    run = run_measured("methodology", "check", str(path), tmp=tmp_path)
    assert run.returncode == 2, run.stderr
    assert f"{path}{expected}" in run.stdout if expected.startswith(":") else expected in run.stdout
    assert "Traceback" not in run.stdout + run.stderr
    assert run.peak_rss_mb < MEMORY_CEILING_MB, f"{run.peak_rss_mb:.0f} MB"
    assert run.seconds < TIME_CEILING_S, f"{run.seconds:.1f} s"


def test_a_methodology_that_uses_a_few_aliases_is_still_valid(tmp_path):
    """Anchors are legitimate YAML: within the budget, a file that shares a block is read as before."""
    text = SHIPPED.read_text(encoding="utf-8")
    text = text.replace("\nindicators:", "\nshared: &shared {required: false}\nindicators:", 1)
    path = tmp_path / "aliases.yaml"
    path.write_text(text, encoding="utf-8")
    run = run_measured("methodology", "check", str(path), tmp=tmp_path)
    assert "unknown key" in run.stdout and "shared" in run.stdout  # read fine; only the extra key is refused
    assert "refused" not in run.stdout


def test_methodology_check_refuses_huge_files_fifos_and_devices(tmp_path):
    huge = tmp_path / "huge.yaml"
    with open(huge, "wb") as handle:
        handle.write(b"# " + b"x" * 6_000_000 + b"\n")
    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)  # nobody writes to it: reading would wait forever
    run = run_measured("methodology", "check", str(huge), str(fifo), "/dev/zero", tmp=tmp_path)
    assert run.returncode == 2, run.stderr
    assert f"{huge}: cannot be read" in run.stdout and "larger than 5 MB" in run.stdout
    assert f"{fifo} is not a regular file" in run.stdout
    assert "/dev/zero is not a regular file" in run.stdout
    assert run.seconds < TIME_CEILING_S and run.peak_rss_mb < MEMORY_CEILING_MB


@pytest.mark.parametrize("name", ["billion-laughs", "circular", "deep-flow"])
def test_targets_import_refuses_hostile_yaml_and_writes_nothing(name, backend_service, db_url, tmp_path):
    backend_service.store.close()
    db = db_url if db_url.startswith("postgresql") else db_url.removeprefix("sqlite:///")
    before = snapshot(db)
    path = tmp_path / "targets.yaml"
    path.write_text(HOSTILE[name][0], encoding="utf-8")
    run = run_measured("targets", "import", str(path), db=db, tmp=tmp_path)
    assert run.returncode == 2, run.stderr
    assert f"{path}: not valid YAML" in run.stderr and "refused:" in run.stderr
    assert "Traceback" not in run.stderr
    assert run.peak_rss_mb < MEMORY_CEILING_MB and run.seconds < TIME_CEILING_S * 2  # + opening the database
    assert snapshot(db) == before


def test_targets_import_refuses_a_fifo(backend_service, db_url, tmp_path):
    backend_service.store.close()
    db = db_url if db_url.startswith("postgresql") else db_url.removeprefix("sqlite:///")
    before = snapshot(db)
    fifo = tmp_path / "targets.yaml"
    os.mkfifo(fifo)
    run = run_measured("targets", "import", str(fifo), db=db, tmp=tmp_path)
    assert run.returncode == 2 and f"{fifo} is not a regular file" in run.stderr
    assert snapshot(db) == before


def test_shipped_files_still_check_valid(tmp_path):
    copy = tmp_path / SHIPPED.name
    shutil.copy(SHIPPED, copy)
    run = run_measured("methodology", "check", str(copy), tmp=tmp_path)
    assert run.returncode == 0 and "valid — hanoi-2025-commune" in run.stdout
