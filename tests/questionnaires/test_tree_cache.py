"""YAML parsed once per machine (questionnaires.tree_cache): a methodology, target set or crosswalk read back
from the kept tree is the one its text gives; a damaged cache file costs only a reparse, and a text with any
problem is never kept (it is refused the same way each time)."""

from __future__ import annotations

from pathlib import Path

import pytest

from assessment.domain.errors import MethodologyInvalid
from questionnaires.catalog import DEFAULT_TARGETS_FILE, default_targets, methodology_files
from questionnaires.loader import load_methodology, parse_methodology
from questionnaires.targets import load_targets

COMMUNE = next(p for p in methodology_files() if p.name == "hanoi-2025-commune.yaml")


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("DXSCORE_CACHE_DIR", str(tmp_path))
    return tmp_path / "yaml-trees"


@pytest.mark.parametrize("path", methodology_files(), ids=lambda p: p.stem)
def test_a_methodology_read_from_the_kept_tree_is_the_one_its_text_gives(path: Path, cache: Path):
    known = default_targets().ids
    first = load_methodology(path, known)  # parsed, its tree kept
    kept = sorted(cache.glob("*.json"))
    again = load_methodology(path, known)  # from the kept tree
    assert again == first and kept and sorted(cache.glob("*.json")) == kept
    if any(i.target_id for i in first.indicators):  # built and validated from the tree: target ids checked
        with pytest.raises(MethodologyInvalid):
            load_methodology(path, frozenset({"no_such_target"}))


def test_the_kept_tree_is_what_is_read(cache: Path):
    text = COMMUNE.read_text(encoding="utf-8")
    parse_methodology(text, "stored")
    (kept,) = cache.glob("*.json")
    title = parse_methodology(text, "stored").title.vi
    kept.write_text(kept.read_text(encoding="utf-8").replace(title, "Tên từ bộ nhớ đệm"), encoding="utf-8")
    assert parse_methodology(text, "stored").title.vi == "Tên từ bộ nhớ đệm"


def test_a_damaged_cache_file_is_parsed_again(cache: Path):
    text = COMMUNE.read_text(encoding="utf-8")
    expected = parse_methodology(text, "stored")
    (kept,) = cache.glob("*.json")
    kept.write_text('["m", 1, [["id", 1, ["x"', encoding="utf-8")  # cut short
    assert parse_methodology(text, "stored") == expected


def test_an_edited_cache_file_that_no_longer_validates_is_refused_like_an_edited_file(cache: Path):
    text = COMMUNE.read_text(encoding="utf-8")
    parse_methodology(text, "stored")
    (kept,) = cache.glob("*.json")
    kept.write_text(kept.read_text(encoding="utf-8").replace('"max_points",', '"max_pointz",', 1), encoding="utf-8")
    with pytest.raises(MethodologyInvalid):
        parse_methodology(text, "stored")


@pytest.mark.parametrize("broken", [
    "format: x\nformat:",  # a duplicate key: a problem, the rest parses
    "a: &a [1, 2]\nb: [" + "*a, " * 150 + "*a]\nformat:",  # more aliases than allowed: refused by the parser
])
def test_a_text_with_problems_is_refused_each_time_and_never_kept(broken: str, cache: Path):
    text = COMMUNE.read_text(encoding="utf-8").replace("format:", broken, 1)
    reports = []
    for _ in range(2):
        with pytest.raises(MethodologyInvalid) as refused:
            parse_methodology(text, "stored")
        reports.append(refused.value.report())
    assert reports[0] == reports[1]
    assert not list(cache.glob("*.json"))


def test_a_target_set_reads_the_same_from_the_kept_tree(cache: Path):
    first = load_targets(DEFAULT_TARGETS_FILE, name="x")
    assert len(list(cache.glob("*.json"))) == 1
    assert load_targets(DEFAULT_TARGETS_FILE, name="x") == first
