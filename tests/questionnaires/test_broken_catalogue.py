"""Every file in broken/ is rejected whole, with exactly the problems its header promises
(line, field and message), so a methodology author always learns where and what."""

from __future__ import annotations

from pathlib import Path

import pytest

from assessment.domain.errors import MethodologyInvalid
from questionnaires.loader import check_methodology, load_methodology

BROKEN = sorted((Path(__file__).parent / "broken").glob("*.yaml"))


def expectations(path: Path) -> list[str]:
    return [line.removeprefix("# expect: ") for line in path.read_text(encoding="utf-8").splitlines()
            if line.startswith("# expect: ")]


def test_the_catalogue_covers_the_required_kinds_of_mistake():
    names = {p.stem for p in BROKEN}
    required = {"yaml-syntax", "unknown-key", "wrong-type", "duplicate-indicator", "unknown-pillar", "pillar-points",
                "unknown-target", "expression-syntax", "unknown-reference", "circular"}
    assert required <= names
    assert len(BROKEN) >= 30


@pytest.mark.parametrize("path", BROKEN, ids=lambda p: p.stem)
def test_broken_file_gives_its_messages(path: Path, targets):
    methodology, report = check_methodology(path.read_text(encoding="utf-8"), path.name, targets.ids)
    assert methodology is None
    found = [str(p).removeprefix(f"{path.name}:") for p in report.problems]
    assert found == expectations(path)


@pytest.mark.parametrize("path", BROKEN[:3], ids=lambda p: p.stem)
def test_loading_raises_with_the_full_report(path: Path, targets):
    with pytest.raises(MethodologyInvalid) as caught:
        load_methodology(path, targets.ids)
    assert len(caught.value.problems) == len(expectations(path))
    assert "rejected" in caught.value.message
