"""Peer sub-groups inspectors rank by (issue 13, item 10): wards apart from rural communes, departments with
and without the digital-economy duty; ranked among themselves, in the service and the CLI."""

from __future__ import annotations

import json

import pytest

from assessment.domain.model import UnitKind
from tests.test_cli import run


@pytest.mark.parametrize(("kind", "key", "size"), [
    (UnitKind.COMMUNE, "ward", 51), (UnitKind.COMMUNE, "commune", 75),
    (UnitKind.DEPARTMENT, "de_duty", 8), (UnitKind.DEPARTMENT, "no_de_duty", 9),
])
def test_a_subgroup_is_ranked_among_itself(demo_service, kind, key, size):
    whole = demo_service.compare.peer_group(year=2025, kind=kind)
    part = demo_service.compare.peer_group(year=2025, kind=kind, subgroup=key)
    assert len(part.group) == size and set(part.group.codes) < set(whole.group.codes)
    ranks = [r for r in part.group.rank if r is not None]
    assert min(ranks) == 1 and max(ranks) <= size and all(c.peer_count == size for c in part.cards)
    # the same order as in the whole group: ranking a part never reorders it
    order = [code for code in whole.group.codes if code in set(part.group.codes)]
    assert list(part.group.codes) == order
    units = {u.code: u for u in demo_service.units.list(kind)}
    if key == "ward":
        assert all(units[c].subtype == "ward" for c in part.group.codes)
    if key == "de_duty":
        assert all(units[c].digital_economy_duty for c in part.group.codes)


def test_score_subgroup_in_the_cli(demo_url, tmp_path):
    result = run("score", "--cycle", "2025", "--kind", "commune", "--subgroup", "ward", "--json", db=demo_url,
                 tmp=tmp_path)
    assert result.returncode == 0, result.stderr
    units = json.loads(result.stdout)["units"]
    assert len(units) == 51 and sorted(u["rank"] for u in units)[0] == 1 and units[0]["peer_count"] == 51
    bad = run("score", "--cycle", "2025", "--kind", "department", "--subgroup", "ward", db=demo_url, tmp=tmp_path)
    assert bad.returncode == 2 and "de_duty, no_de_duty" in bad.stderr
