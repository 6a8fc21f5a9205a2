"""Who may sign what (issue 12, items 2 to 4): a key belongs to one identity, `--trust` trusts only the identities
it names, a return is taken only by the unit's own database from an inspector key registered on purpose, and a
package cannot submit what the window's Submit would refuse. Each refusal says what and who, and writes nothing
(row counts and content hashes of every table before and after), on SQLite and PostgreSQL."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from packs import UNIT, YEAR, entries, repack, snapshot

from assessment.domain.errors import BadInput
from assessment.domain.model import AssessmentStatus
from assessment.exchange.package_diff import Outcome
from assessment.exchange.package_format import dumps
from storage.keys import KeyFolder

OTHER = "00004"  # another commune of the same methodology


def as_unit(data: dict, code: str, name: str = "Phường Ba Đình") -> dict:
    data["unit"] = {"code": code, "name": name}
    return data


def posing_as(package: Path, target: Path, keys: KeyFolder, *, as_identity: str, key_of: str) -> Path:
    """A copy of the package that says it comes from `as_identity`, signed with `key_of`'s key (valid signature)."""
    files = entries(package)
    data = as_unit(json.loads(files["manifest.json"]), as_identity)
    data["signer"], data["public_key"] = as_identity, keys.public_key(key_of, create=True)
    files["manifest.json"] = dumps(data)
    files["manifest.sig"] = keys.sign(key_of, files["manifest.json"])
    from packs import write_zip

    return write_zip(target, files)


def own_submission_of(package: Path, target: Path, code: str, keys: KeyFolder) -> Path:
    """The same answers, submitted by another unit with that unit's own key (a legitimate package)."""
    return repack(package, target, manifest=lambda d: as_unit(d, code), sign_with=keys, identity=code)


# ------------------------------------------------------------------------------ a key, one identity (12.2)


def test_a_unit_cannot_submit_as_another_with_its_own_registered_key(commune, inspector, package, tmp_path):
    inspector.packages.import_files([package], trust={UNIT})  # 00070's key is registered here now
    forged = posing_as(package, tmp_path / "as-00004.dxpkg", commune.store.exchange.keys, as_identity=OTHER,
                       key_of=UNIT)
    before = snapshot(inspector)
    (preview,), (result,) = inspector.packages.import_files([forged], trust={OTHER, UNIT})
    assert (preview.outcome, preview.rejection) == (Outcome.REJECTED, "key")
    assert f"signed as {OTHER} with the key registered here for {UNIT}" in preview.reason
    assert preview.key_owner == UNIT and not result.applied
    assert snapshot(inspector) == before
    assert inspector.store.assessments(YEAR, unit_code=OTHER) == []


def test_one_new_key_signing_as_two_units_in_one_import_registers_neither(commune, inspector, package, tmp_path):
    forged = posing_as(package, tmp_path / "as-00004.dxpkg", commune.store.exchange.keys, as_identity=OTHER,
                       key_of=UNIT)
    before = snapshot(inspector)
    previews, results = inspector.packages.import_files([package, forged], trust={OTHER, UNIT})
    assert [p.outcome for p in previews] == [Outcome.REJECTED, Outcome.REJECTED]
    assert all(f"signs as {OTHER} and {UNIT} in this import" in p.reason for p in previews)
    assert not any(r.applied for r in results) and snapshot(inspector) == before


def test_trust_trusts_only_the_identities_it_names(commune, inspector, package, tmp_path):
    theirs = own_submission_of(package, tmp_path / "00004.dxpkg", OTHER, KeyFolder(tmp_path / "ba-dinh-pc"))
    previews, results = inspector.packages.import_files([package, theirs], trust={UNIT})
    assert [p.outcome for p in previews] == [Outcome.NEW, Outcome.NEW]
    assert [r.applied for r in results] == [True, False]
    assert results[1].held_back == "untrusted" and f"--trust {OTHER}" in results[1].reason
    assert [k.identity for k in inspector.packages.trusted_keys()] == [UNIT]
    assert inspector.store.assessments(YEAR, unit_code=OTHER) == []


def test_a_key_list_cannot_give_a_registered_key_to_another_identity(commune, inspector, package, tmp_path):
    inspector.packages.import_files([package], trust={UNIT})
    key = commune.packages.own_key(UNIT)
    listed = tmp_path / "keys.json"
    listed.write_text(json.dumps({"format": "dxscore-keys", "keys": [{"identity": OTHER,
                                                                       "public_key": key.public_key}]}))
    before = snapshot(inspector)
    with pytest.raises(BadInput, match=f"already registered here for {UNIT}: a key belongs to one identity"):
        inspector.packages.import_keys(listed)
    assert snapshot(inspector) == before


# ----------------------------------------------------------------------------------- returns (12.3)


def forged_return(package: Path, target: Path, keys: KeyFolder, inspector: str = "inspector:mallory") -> Path:
    """A return package for 00070 with one comment, signed by `inspector` with a key from `keys`."""
    note = [{"code": "NTS01", "round": 1, "comment": "Trả lại", "comment_by": inspector, "comment_at": "2025-05-01",
             "reply": "", "reply_by": "", "reply_at": ""}]
    evidence = {name: None for name in entries(package) if name.startswith("evidence/")}

    def as_return(d: dict) -> dict:
        d.update(kind="return", state="returned")
        return d

    return repack(package, target, manifest=as_return, sign_with=keys, identity=inspector,
                  parts={"answers.json": None, "review.json": dumps(note), **evidence})


def test_the_inspectors_database_never_takes_a_return(inspector, package, tmp_path):
    inspector.packages.import_files([package], trust={UNIT})
    keys = KeyFolder(tmp_path / "mallory")
    forged = forged_return(package, tmp_path / "return.dxpkg", keys)
    listed = tmp_path / "mallory.json"
    listed.write_text(json.dumps({"format": "dxscore-keys", "keys": [
        {"identity": "inspector:mallory", "public_key": keys.public_key("inspector:mallory")}]}))
    inspector.packages.import_keys(listed)  # even a key registered on purpose
    before = snapshot(inspector)
    (preview,), (result,) = inspector.packages.import_files([forged], trust={"inspector:mallory"})
    assert (preview.outcome, preview.rejection) == (Outcome.REJECTED, "role")
    assert f"a return of {UNIT} is taken only by {UNIT}'s own database" in preview.reason
    assert not result.applied and snapshot(inspector) == before
    assert inspector.store.assessments(YEAR, unit_code=UNIT)[0].status == AssessmentStatus.SUBMITTED


def test_the_units_database_takes_a_return_only_from_a_registered_inspector_key(commune, package, tmp_path):
    keys = KeyFolder(tmp_path / "city")
    forged = forged_return(package, tmp_path / "return.dxpkg", keys, "inspector:thanh-tra")
    before = snapshot(commune)
    (preview,), (result,) = commune.packages.import_files([forged], trust={"inspector:thanh-tra"})
    assert (preview.outcome, preview.rejection) == (Outcome.REJECTED, "key")
    assert "inspector:thanh-tra's key" in preview.reason and "keys import" in preview.reason
    assert not result.applied and snapshot(commune) == before
    assert commune.store.assessments(YEAR, unit_code=UNIT)[0].status == AssessmentStatus.SUBMITTED

    listed = tmp_path / "city.json"
    listed.write_text(json.dumps({"format": "dxscore-keys", "keys": [
        {"identity": "inspector:thanh-tra", "public_key": keys.public_key("inspector:thanh-tra")}]}))
    commune.packages.import_keys(listed)
    (preview,), (result,) = commune.packages.import_files([forged])
    assert preview.outcome == Outcome.NEW and result.applied, preview.reason
    assert commune.store.assessments(YEAR, unit_code=UNIT)[0].status == AssessmentStatus.RETURNED


# ------------------------------------------------------------------------------ completeness (12.4)


def test_an_incomplete_submission_is_refused_with_the_missing_items(commune, inspector, package, tmp_path):
    files = entries(package)
    answers = json.loads(files["answers.json"])
    kept = [dict(a, evidence=[]) for a in answers[:10]]
    evidence = {name: None for name in files if name.startswith("evidence/")}
    partial = repack(package, tmp_path / "partial.dxpkg", parts={"answers.json": dumps(kept), **evidence},
                     sign_with=commune.store.exchange.keys, identity=UNIT)
    before = snapshot(inspector)
    (preview,), (result,) = inspector.packages.import_files([partial], trust={UNIT})
    assert (preview.outcome, preview.rejection) == (Outcome.REJECTED, "incomplete"), preview.reason
    assert "the submission is incomplete: " in preview.reason and "(answer)" in preview.reason
    missing = int(preview.reason.split("incomplete: ")[1].split(" ")[0])
    assert missing >= 47 - 10 and preview.reason.count("(answer)") + preview.reason.count("(evidence)") == 12
    assert f"and {missing - 12} more" in preview.reason
    assert not result.applied and snapshot(inspector) == before
    assert inspector.store.assessments(YEAR, unit_code=UNIT) == []


def test_an_inspector_key_trusted_on_first_use_counts_only_once_a_key_list_confirms_it(commune, package, tmp_path):
    keys = KeyFolder(tmp_path / "city")
    forged = forged_return(package, tmp_path / "return.dxpkg", keys, "inspector:thanh-tra")
    public = keys.public_key("inspector:thanh-tra")
    commune.packages.trust("inspector:thanh-tra", public, source="first-use")  # as an older dxscore did
    before = snapshot(commune)
    (preview,), _ = commune.packages.import_files([forged])
    assert preview.rejection == "key" and "was registered here by first-use" in preview.reason
    assert snapshot(commune) == before
    listed = tmp_path / "city.json"
    listed.write_text(json.dumps({"format": "dxscore-keys", "keys": [
        {"identity": "inspector:thanh-tra", "public_key": public}]}))
    ((key, confirmed),) = commune.packages.import_keys(listed)
    assert confirmed and [k.source for k in commune.packages.trusted_keys() if k.identity == key.identity] == \
        ["key-list"]
    assert commune.audit.entries()[-1].why == "confirmed by a key list"
    (preview,), (result,) = commune.packages.import_files([forged])
    assert result.applied, preview.reason
