"""Stored methodologies are parsed from YAML once per machine (questionnaires.tree_cache): the methodology read
back from the kept tree is the one its text gives, and a damaged or edited cache file costs only a reparse."""

from __future__ import annotations

from pathlib import Path

import pytest

from assessment.domain.errors import MethodologyInvalid
from questionnaires.catalog import default_targets, methodology_files
from questionnaires.loader import load_methodology, parse_methodology
from questionnaires.tree_cache import load_methodology_cached, parse_methodology_cached

COMMUNE = next(p for p in methodology_files() if p.name == "hanoi-2025-commune.yaml")


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("DXSCORE_CACHE_DIR", str(tmp_path))
    return tmp_path / "methodology-trees"


@pytest.mark.parametrize("path", methodology_files(), ids=lambda p: p.stem)
def test_a_methodology_read_from_the_kept_tree_is_the_one_its_text_gives(path: Path, cache: Path):
    text = path.read_text(encoding="utf-8")
    expected = parse_methodology(text, "stored")
    first = parse_methodology_cached(text, "stored")
    assert len(list(cache.glob("*.json"))) == 1
    again = parse_methodology_cached(text, "stored")  # from the kept tree
    assert first == expected and again == expected
    assert [(i.code, i.max_points, i.answer.type) for i in again.indicators] == \
        [(i.code, i.max_points, i.answer.type) for i in expected.indicators]


def test_a_shipped_methodology_loads_the_same_through_the_cache(cache: Path):
    known = default_targets().ids
    expected = load_methodology(COMMUNE, known)
    assert load_methodology_cached(COMMUNE, known) == expected
    assert load_methodology_cached(COMMUNE, known) == expected  # from the kept tree
    with pytest.raises(MethodologyInvalid) as refused:  # the target ids are still checked
        load_methodology_cached(COMMUNE, frozenset())
    assert "target" in refused.value.report()


def test_a_damaged_cache_file_is_parsed_again(cache: Path):
    text = COMMUNE.read_text(encoding="utf-8")
    parse_methodology_cached(text, "stored")
    (kept,) = cache.glob("*.json")
    kept.write_text('["m", 1, [["id", 1, ["x"', encoding="utf-8")  # cut short
    assert parse_methodology_cached(text, "stored") == parse_methodology(text, "stored")


def test_an_edited_cache_file_that_no_longer_validates_is_parsed_again(cache: Path):
    """The tree is validated like a file: an edit that breaks the methodology means reparsing its text."""
    text = COMMUNE.read_text(encoding="utf-8")
    parse_methodology_cached(text, "stored")
    (kept,) = cache.glob("*.json")
    kept.write_text(kept.read_text(encoding="utf-8").replace('"max_points",', '"max_pointz",', 1), encoding="utf-8")
    assert parse_methodology_cached(text, "stored") == parse_methodology(text, "stored")


def test_a_text_with_problems_is_refused_with_its_report_and_not_kept(cache: Path):
    text = COMMUNE.read_text(encoding="utf-8").replace("format:", "format: x\nformat:", 1)  # a duplicate key
    with pytest.raises(MethodologyInvalid) as refused:
        parse_methodology_cached(text, "stored")
    assert any("duplicate key" in p.message for p in refused.value.problems)
    assert not list(cache.glob("*.json"))
