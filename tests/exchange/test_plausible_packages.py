"""Packages and plausible ranges (issue 11, item 8): a value outside the range arrives only with the unit's
confirmation; a value the unit confirmed travels confirmed and is accepted."""

from __future__ import annotations

import json
from pathlib import Path

from packs import UNIT, YEAR, counts, entries, repack

from assessment.domain.model import Answer


def imported(inspector, *paths: Path):  # type: ignore[no-untyped-def]
    return inspector.packages.import_files(list(paths), trust=True)


def test_an_unconfirmed_implausible_answer_is_refused(commune, inspector, package, tmp_path):
    answers = json.loads(entries(package)["answers.json"])
    wifi = next(a for a in answers if a["code"] == "HTS03")
    wifi["value"] = 999999999999999.0
    forged = repack(package, tmp_path / "forged.dxpkg", parts={"answers.json": json.dumps(answers).encode()},
                    sign_with=commune.store.exchange.keys)
    before = counts(inspector)
    (preview,), _ = imported(inspector, forged)
    assert preview.rejection == "content"
    assert "HTS03: 999999999999999 is outside the plausible range 0–300" in preview.reason
    assert counts(inspector) == before


def test_a_confirmed_answer_travels_confirmed_and_is_accepted(commune, inspector, tmp_path):
    commune.answers.save(unit_code=UNIT, year=YEAR, answer=Answer("HTS03", 450.0, confirmed=True))
    commune.entry.submit(UNIT, YEAR)
    path = tmp_path / "confirmed.dxpkg"
    commune.packages.export(unit_code=UNIT, year=YEAR, path=path)
    sent = {a["code"]: a for a in json.loads(entries(path)["answers.json"])}
    assert sent["HTS03"]["confirmed"] is True and "confirmed" not in sent["NTS01"]
    (preview,), _ = imported(inspector, path)
    assert not preview.rejection, preview.reason
    (assessment,) = inspector.store.assessments(YEAR, unit_code=UNIT)
    stored = {a.indicator_code: a for a in inspector.answers.of(assessment.id)}
    assert stored["HTS03"].value == 450
