"""Publication packages (issue 17.4): the unit's own database takes its package and shows its published rank,
index and the adjustment with its reason; a forged, altered, misaddressed, inconsistent or oversize package is
rejected with a clear reason before anything is written; the CLI shows the unit's view and exits 2 on a refusal."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from packs import entries, repack, snapshot

from assessment.exchange.package_diff import Outcome
from storage.keys import KeyFolder
from tests.cli_language import english
from tests.publication_setup import CODE, OTHER, REASON, UNIT, YEAR, publish_city, unit_database

ROOT = Path(__file__).resolve().parents[2]
INSPECTOR = "inspector:thanh_tra_ha"


@pytest.fixture
def published(demo_db, tmp_path):  # type: ignore[no-untyped-def]
    return publish_city(demo_db, tmp_path / "cong-bo")


@pytest.fixture
def unit(published, tmp_path):  # type: ignore[no-untyped-def]
    service = unit_database(tmp_path / "so-noi-vu.sqlite", published)
    yield service
    service.store.close()


def received_rows(service) -> int:  # type: ignore[no-untyped-def]
    with service.store.engine.connect() as c:
        return c.exec_driver_sql("SELECT count(*) FROM received_publications").scalar()


def test_the_units_database_keeps_its_publication_and_shows_rank_index_and_the_adjustment(published, unit):
    (preview,), (result,) = unit.packages.import_files([published.packages[UNIT]])
    assert result.applied, preview.reason
    (received,) = unit.unit_publications.received(YEAR, UNIT)
    view = received.publication
    assert (view.result.rank, view.result.peer_count) == published.rank and received.intact
    assert view.decision_no == "1234/QĐ-UBND" and view.result.appraised_index is not None
    (adjusted,) = view.adjustments
    assert (adjusted.code, adjusted.self_points, adjusted.appraised_points) == (CODE, *published.points)
    assert (adjusted.reason, adjusted.by, adjusted.council) == (REASON, "thanh_tra_ha", None)
    assert unit.audit.verify().ok and received_rows(unit) == 1

    mine = unit.units.get(UNIT)  # the unit's own assessment: its scorecard heads with the published rank
    unit.answers.ensure_assessments([(mine, YEAR, unit.methodologies.for_unit(mine, YEAR))])
    card = unit.reports.scorecard(year=YEAR, unit_code=UNIT)
    assert card.published.rank == published.rank and "Quyết định số 1234/QĐ-UBND" in card.published.line


def _figures(edit):  # type: ignore[no-untyped-def]
    """publication.json with `edit` applied to its data."""
    def parts(source: Path) -> dict[str, bytes]:
        data = json.loads(entries(source)["publication.json"])
        edit(data)
        return {"publication.json": json.dumps(data, ensure_ascii=False).encode()}
    return parts


def _rank(data: dict) -> None:
    data["unit"]["rank"] = 1


def _impossible_rank(data: dict) -> None:
    data["unit"]["rank"] = 99


def _other_unit(data: dict) -> None:
    data["unit"]["unit_code"] = OTHER


def _index(data: dict) -> None:
    data["unit"]["self_index"] = 0.123456


def _padding(data: dict) -> None:
    data["padding"] = "x" * (3 << 20)


def _over_maximum(data: dict) -> None:
    data["adjustments"][0]["appraised_points"] = 10_000


CASES = {  # name: (forge(published, tmp) -> path, rejection, words of the message)
    "figures altered after signing": (
        lambda p, tmp: repack(p.packages[UNIT], tmp / "x.dxpkg", parts=_figures(_rank)(p.packages[UNIT])),
        "signature", "its signed size"),
    "manifest altered after signing": (
        lambda p, tmp: repack(p.packages[UNIT], tmp / "x.dxpkg", manifest=lambda m: {**m, "cycle": 2024}),
        "signature", "signature does not match the manifest"),
    "re-signed with another key as the inspector": (
        lambda p, tmp: repack(p.packages[UNIT], tmp / "x.dxpkg", parts=_figures(_rank)(p.packages[UNIT]),
                              sign_with=KeyFolder(tmp / "mallory")),
        "key", "not inspector:thanh_tra_ha's"),
    "signed by the unit itself": (
        lambda p, tmp: repack(p.packages[UNIT], tmp / "x.dxpkg", parts=_figures(_rank)(p.packages[UNIT]),
                              sign_with=KeyFolder(), identity=UNIT),
        "signer", "a publication must be signed by an inspector"),
    "another unit's package": (lambda p, tmp: p.packages[OTHER], "role", f"taken only by {OTHER}'s own database"),
    "figures that do not add up": (
        lambda p, tmp: repack(p.packages[UNIT], tmp / "x.dxpkg", parts=_figures(_impossible_rank)(p.packages[UNIT]),
                              sign_with=KeyFolder()),
        "content", "the rank 99 is not between 1 and 3"),
    "points over the indicator's maximum": (
        lambda p, tmp: repack(p.packages[UNIT], tmp / "x.dxpkg", parts=_figures(_over_maximum)(p.packages[UNIT]),
                              sign_with=KeyFolder()),
        "content", f"{CODE}: appraised points 10000 are not between 0 and"),
    "publication.json about another unit than the manifest": (
        lambda p, tmp: repack(p.packages[UNIT], tmp / "x.dxpkg", parts=_figures(_other_unit)(p.packages[UNIT]),
                              sign_with=KeyFolder()),
        "content", f"is about {OTHER} 2025, the signed manifest about {UNIT} 2025"),
    "oversize publication.json": (
        lambda p, tmp: repack(p.packages[UNIT], tmp / "x.dxpkg", parts=_figures(_padding)(p.packages[UNIT]),
                              sign_with=KeyFolder()),
        "too_large", "over the limit of 2 MB"),
    "a publication that also carries notes": (
        lambda p, tmp: repack(p.packages[UNIT], tmp / "x.dxpkg", parts={"review.json": b"[]"}, sign_with=KeyFolder()),
        "content", "carries publication.json and nothing else"),
}


@pytest.mark.parametrize("case", CASES)
def test_a_hostile_publication_package_is_rejected_before_anything_is_written(case, published, unit, tmp_path):
    forge, rejection, words = CASES[case]
    path = forge(published, tmp_path)
    before, rows = snapshot(unit), received_rows(unit)
    (preview,), (result,) = unit.packages.import_files([path])
    assert (preview.outcome, preview.rejection) == (Outcome.REJECTED, rejection), preview.reason
    assert words in preview.reason and not result.applied
    assert snapshot(unit) == before and received_rows(unit) == rows == 0


def test_an_inspector_key_trusted_on_first_use_never_brings_a_publication(published, tmp_path):
    bare = unit_database(tmp_path / "bare.sqlite", published)
    try:
        with bare.store.engine.begin() as c:  # as if the inspectors' key list had never been imported
            c.exec_driver_sql("DELETE FROM trusted_keys WHERE identity = ?", (INSPECTOR,))
        (preview,), (result,) = bare.packages.import_files([published.packages[UNIT]], trust={INSPECTOR})
        assert preview.rejection == "key" and "registered on purpose" in preview.reason and not result.applied
        assert received_rows(bare) == 0
    finally:
        bare.store.close()


def test_a_correction_supersedes_and_both_stay_listed_and_a_rewritten_number_conflicts(published, unit, tmp_path):
    unit.packages.import_files([published.packages[UNIT]])
    again = repack(published.packages[UNIT], tmp_path / "again.dxpkg", parts=_figures(_index)(published.packages[UNIT]),
                   manifest=lambda m: {**m, "package_id": str(uuid.uuid4())}, sign_with=KeyFolder())
    # the same publication number with other figures, signed by the registered key: it never replaces the first
    (preview,), (result,) = unit.packages.import_files([again])
    assert preview.outcome == Outcome.CONFLICT and "a publication never changes" in preview.reason
    assert not result.applied and received_rows(unit) == 1


def run(db: Path, *args: str, tmp: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "DXSCORE_LOG_DIR": str(tmp / "logs")}
    command = [sys.executable, str(ROOT / "main.py"), "--db", str(db), *english(args), *args]
    return subprocess.run(command, capture_output=True,
                          text=True, env=env, cwd=ROOT, timeout=300)


def test_the_unit_imports_and_reads_its_publication_from_the_command_line(published, unit, tmp_path):
    db = tmp_path / "so-noi-vu.sqlite"
    unit.store.close()
    wrong = run(db, "packages", "import", str(published.packages[OTHER]), tmp=tmp_path)
    assert wrong.returncode == 2 and "rejected" in wrong.stdout and "Traceback" not in wrong.stderr
    assert f"taken only by {OTHER}'s own database" in wrong.stdout
    done = run(db, "packages", "import", str(published.packages[UNIT]), tmp=tmp_path)
    assert done.returncode == 0 and "1 applied" in done.stdout, done.stdout + done.stderr
    shown = run(db, "--lang", "vi", "publication", "show", "--cycle", "2025", "--unit", UNIT, tmp=tmp_path)
    rank, peers = published.rank
    assert shown.returncode == 0, shown.stderr
    assert f"Xếp hạng công bố {rank}/{peers}" in shown.stdout and "công bố lần 1 (1234/QĐ-UBND" in shown.stdout
    assert CODE in shown.stdout and REASON in shown.stdout
    english = run(db, "publication", "show", "--cycle", "2025", "--unit", UNIT, tmp=tmp_path)
    assert f"Published rank {rank}/{peers}" in english.stdout and "publication 1 (1234/QĐ-UBND" in english.stdout
    changed = run(db, "publication", "verify", "--cycle", "2025", tmp=tmp_path)
    assert changed.returncode == 0 and "1 received publication(s) intact" in changed.stdout
    with sqlite3.connect(db) as connection:  # someone edits the received figures in the file directly
        connection.execute("UPDATE received_publications SET content = replace(content, '\"rank\":', '\"rank\": ')")
    found = run(db, "publication", "verify", "--cycle", "2025", tmp=tmp_path)
    assert found.returncode == 1 and f"received publication 1 of 2025 for {UNIT}: changed after it was received" \
        in found.stdout
