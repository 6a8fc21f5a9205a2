"""Import rules: the same package twice changes nothing; a package that would overwrite waits for confirmation;
conflicts are never applied; and every rejection reason, each with its message and nothing written."""

from __future__ import annotations

import json
import zipfile
from dataclasses import replace
from pathlib import Path

import pytest
from packs import UNIT, YEAR, counts, entries, repack, write_zip

from assessment.domain.model import AssessmentStatus
from assessment.exchange.package_diff import Outcome
from storage.keys import KeyFolder
from storage.package_file import with_limits


def imported(inspector, *paths: Path, **options):  # type: ignore[no-untyped-def]
    previews, results = inspector.packages.import_files(list(paths), trust=True, **options)
    return previews, results


def test_importing_the_same_package_twice_changes_nothing(inspector, package):
    imported(inspector, package)
    before = counts(inspector)
    files = sorted(p.name for p in inspector.store.files_dir().rglob("*") if p.is_file())
    (preview,), (result,) = imported(inspector, package)
    assert preview.outcome == Outcome.UNCHANGED and "already imported" in preview.reason
    assert not result.applied and counts(inspector) == before
    assert sorted(p.name for p in inspector.store.files_dir().rglob("*") if p.is_file()) == files
    assert inspector.audit.verify().ok


def test_a_reexport_of_the_same_content_is_unchanged(commune, inspector, package, tmp_path):
    imported(inspector, package)
    before = counts(inspector)
    again = commune.packages.export(unit_code=UNIT, year=YEAR, path=tmp_path / "again.dxpkg")
    (preview,), (result,) = imported(inspector, again.path)
    assert preview.outcome == Outcome.UNCHANGED and preview.reason == "the same as held here"
    assert not result.applied and counts(inspector) == before


def test_conflicts_are_never_applied(commune, inspector, package, tmp_path):
    commune.entry.reopen(UNIT, YEAR)  # the unit withdraws, changes an answer and submits again
    session = commune.entry.open(UNIT, YEAR)
    answer = next(a for a in session.answers.values() if a.value == 1.0)

    commune.entry.save(session, session.answers, replace(answer, value=0.0), who=commune.user)
    commune.entry.submit(UNIT, YEAR)
    newer = commune.packages.export(unit_code=UNIT, year=YEAR, path=tmp_path / "newer.dxpkg").path

    (old, new), _ = imported(inspector, package, newer, dry_run=True)  # both in one import: the newer counts
    assert old.outcome == Outcome.CONFLICT and "a newer package" in old.reason and new.outcome == Outcome.NEW
    imported(inspector, newer)
    before = counts(inspector)
    (stale,), (result,) = imported(inspector, package, accept_changed=True)  # older than what was imported
    assert stale.outcome == Outcome.CONFLICT and "older than the package" in stale.reason
    assert not result.applied and counts(inspector) == before

    inspector.appraisal.start_review(unit_code=UNIT, year=YEAR)
    commune.entry.reopen(UNIT, YEAR)  # submitted again while the inspector reviews
    commune.entry.submit(UNIT, YEAR)
    third = commune.packages.export(unit_code=UNIT, year=YEAR, path=tmp_path / "third.dxpkg").path
    session = commune.entry.open(UNIT, YEAR)
    (preview,), (result,) = imported(inspector, third, accept_changed=True)
    assert preview.outcome == Outcome.CONFLICT and not result.applied
    assert "under_review here: return it to the unit before accepting a new submission" in preview.reason
    assert inspector.store.assessments(YEAR, unit_code=UNIT)[0].status == AssessmentStatus.UNDER_REVIEW
    assert session.status == AssessmentStatus.SUBMITTED


def test_a_changed_package_waits_for_confirmation_and_shows_both_sides(commune, inspector, package, tmp_path):
    imported(inspector, package)
    commune.entry.reopen(UNIT, YEAR)
    session = commune.entry.open(UNIT, YEAR)
    code, answer = next((c, a) for c, a in session.answers.items() if a.value == 1.0)
    commune.entry.save(session, session.answers, replace(answer, value=0.0), who=commune.user)
    commune.entry.submit(UNIT, YEAR)
    newer = commune.packages.export(unit_code=UNIT, year=YEAR, path=tmp_path / "newer.dxpkg").path
    before = counts(inspector)
    (preview,), (result,) = imported(inspector, newer)
    assert preview.outcome == Outcome.CHANGED and preview.needs_confirmation and not result.applied
    (change,) = preview.answers
    assert (change.code, change.here.value, change.incoming.value, change.overwrites) == (code, 1.0, 0.0, True)
    assert counts(inspector) == before
    (_,), (result,) = imported(inspector, newer, accept_changed={preview.package_id})
    assert result.applied
    (held,) = inspector.store.assessments(YEAR, unit_code=UNIT)
    assert {a.indicator_code: a.value for a in inspector.answers.of(held.id)}[code] == 0.0


# ------------------------------------------------------------------------------------------ rejections


def forge_manifest(change):  # type: ignore[no-untyped-def]
    def edit(data):  # type: ignore[no-untyped-def]
        change(data)
        return data
    return edit


def zip_with_extra(package: Path, target: Path, name: str) -> Path:
    parts = entries(package)
    parts[name] = b"x"
    return write_zip(target, parts)


CASES = {
    "missing signature": ("signature", "not signed",
                          lambda p, t, k: repack(p, t, parts={"manifest.sig": None})),
    "bad signature": ("signature", "signature does not match",
                      lambda p, t, k: repack(p, t, manifest=forge_manifest(lambda d: d.update(author="someone else")))),
    "altered entry": ("signature", "does not match the signed manifest",
                      lambda p, t, k: repack(p, t, parts={"answers.json": b"[]"})),
    "wrong key": ("key", "signed with a key that is not 00070's",
                  lambda p, t, k: repack(p, t, sign_with=k)),
    "unknown format version": ("format", "unknown package format version 2",
                               lambda p, t, k: repack(p, t, manifest=forge_manifest(
                                   lambda d: d.update(format_version=2)), sign_with=k)),
    "methodology hash": ("methodology", "methodology hash mismatch",
                         lambda p, t, k: repack(p, t, manifest=forge_manifest(
                             lambda d: d["methodology"].update(sha256="0" * 64)), sign_with=k, identity=UNIT)),
    "truncated zip": ("corrupt", "not a sound package file",
                      lambda p, t, k: t.write_bytes(p.read_bytes()[: p.stat().st_size // 2]) and t),
    "corrupt zip": ("corrupt", "not a sound package file",
                    lambda p, t, k: t.write_bytes(b"PK\x03\x04" + bytes(range(256)) * 20) and t),
    "absolute path": ("unsafe_path", "absolute or parent path", lambda p, t, k: zip_with_extra(p, t, "/etc/cron.d/x")),
    "parent path": ("unsafe_path", "absolute or parent path",
                    lambda p, t, k: zip_with_extra(p, t, "evidence/../../x")),
    "unknown unit": ("unknown_unit", "unit NOPE (Xã Không Có) is unknown to this database",
                     lambda p, t, k: repack(p, t, manifest=forge_manifest(
                         lambda d: d.update(unit={"code": "NOPE", "name": "Xã Không Có"})), sign_with=k,
                         identity="NOPE")),
    "unknown cycle": ("unknown_cycle", "cycle 2031 is unknown to this database",
                      lambda p, t, k: repack(p, t, manifest=forge_manifest(lambda d: d.update(cycle=2031)),
                                             sign_with=k, identity=UNIT)),
}


@pytest.mark.parametrize("case", list(CASES))
def test_each_rejection_says_why_and_writes_nothing(case, commune, inspector, package, tmp_path):
    reason, message, forge = CASES[case]
    other = KeyFolder(tmp_path / "another-computer")
    if case in ("methodology hash", "unknown cycle"):
        other = commune.store.exchange.keys  # the unit's own key: only the content is wrong
    bad = forge(package, tmp_path / "bad.dxpkg", other)
    if case == "wrong key":
        imported(inspector, package)  # 00070's key is registered by the first import
    before = counts(inspector)
    (preview,), (result,) = imported(inspector, bad, accept_changed=True)
    assert (preview.outcome, preview.rejection) == (Outcome.REJECTED, reason), preview.reason
    assert message in preview.reason
    assert not result.applied and counts(inspector) == before
    if case != "wrong key":
        assert not inspector.store.files_dir().exists() or not any(inspector.store.files_dir().rglob("*"))


@pytest.mark.parametrize(("limit", "message"), [
    ({"entry_bytes": 1 << 20}, "unpacks to 5.2 MB: over the limit of 1 MB"),
    ({"total_bytes": 2 << 20}, "the package unpacks to more than the limit of 2 MB"),
    ({"entries": 3}, "entries: over the limit of 3"),
    ({"file_bytes": 1000}, "over the package limit"),
])
def test_zip_bombs_and_oversized_packages_are_refused(limit, message, inspector, package, tmp_path):
    parts = entries(package)
    bomb = tmp_path / "bomb.dxpkg"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:  # 5.2 MB of zeros in a few KB
        for name, data in parts.items():
            archive.writestr(name, data)
        archive.writestr("evidence/" + "a" * 64, bytes(5_200_000))
    assert bomb.stat().st_size < 100_000
    inspector.store.__dict__["exchange"] = with_limits(inspector.store.exchange, **limit)
    before = counts(inspector)
    (preview,), _ = imported(inspector, bomb)
    assert preview.outcome == Outcome.REJECTED and preview.rejection == "too_large", preview.reason
    assert message in preview.reason and counts(inspector) == before


def test_a_submission_must_be_signed_by_its_own_unit(commune, inspector, package, tmp_path):
    keys = KeyFolder(tmp_path / "elsewhere")
    forged = repack(package, tmp_path / "forged.dxpkg", sign_with=keys, identity="00256")
    (preview,), _ = imported(inspector, forged)
    assert preview.rejection == "signer" and "must be signed with 00070's own key" in preview.reason


def test_a_package_with_answers_that_break_the_rules_is_refused(commune, inspector, package, tmp_path):
    answers = json.loads(entries(package)["answers.json"])
    ratio = next(a for a in answers if a["numerator"] is not None)
    ratio["numerator"] = ratio["denominator"] + 5  # over its denominator
    forged = repack(package, tmp_path / "forged.dxpkg", parts={"answers.json": json.dumps(answers).encode()},
                    sign_with=commune.store.exchange.keys)
    (preview,), _ = imported(inspector, forged)
    assert preview.rejection == "content" and "larger than the denominator" in preview.reason


def test_a_package_import_gives_its_answers_a_new_version(inspector, package, commune):
    """Answers written by a package carry the change number of its transaction: a form that read them before
    the package finds its save refused as stale (see tests/storage/test_versions.py)."""
    before = inspector.change_number()
    imported(inspector, package)
    session = inspector.entry.open(UNIT, YEAR)
    versions = set(session.versions.values())
    assert len(versions) == 1 and versions.pop() > before
    assert inspector.change_number() >= max(session.versions.values())
