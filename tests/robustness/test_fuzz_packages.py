"""Fuzzing package import: byte-level damage to a valid package, and generated packages — zip entries with any
names, manifests and answers with any shapes and values — signed again with a trusted key so the fuzzing reaches
past the signature into every reader and check. An import previews and applies or refuses each file; nothing but
the documented errors (BadInput and its PackageRejected) may escape, and a refused package writes nothing. Runs
on SQLite with the full count, and on PostgreSQL with a fifth of it."""

from __future__ import annotations

import hashlib
import json
import zipfile
from pathlib import Path

import pytest
from conftest import FUZZ, FUZZ_EXAMPLES
from db_backends import open_url_service
from hypothesis import example, given, settings
from hypothesis import strategies as st

from assessment.domain.errors import BadInput
from assessment.exchange.package_diff import Outcome
from assessment.exchange.package_format import dumps
from storage.keys import KeyFolder
from tests.exchange.packs import complete

UNIT, YEAR = "00070", 2025
TABLES = ("answers", "answer_history", "evidence", "assessments", "audit_log", "package_log", "trusted_keys",
          "review_notes")


@pytest.fixture(scope="module")
def valid(tmp_path_factory) -> tuple[Path, dict[str, bytes], KeyFolder]:  # type: ignore[type-arg]
    """A commune's complete package with its evidence files, its entries, and the key that signed it."""
    from storage.db import sqlite_url

    folder = tmp_path_factory.mktemp("fuzz-commune")
    keys = KeyFolder(folder / "keys")
    commune = open_url_service(sqlite_url(folder / "commune.sqlite"))
    commune.store.exchange.keys = keys
    complete(commune, folder)  # a submission the window's Submit accepts: an incomplete one is refused on import
    commune.entry.submit(UNIT, YEAR)
    path = folder / "valid.dxpkg"
    commune.packages.export(unit_code=UNIT, year=YEAR, path=path)
    commune.store.close()
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    return path, parts, keys


def counts(service) -> tuple[int, ...]:  # type: ignore[no-untyped-def]
    with service.store.engine.connect() as c:
        return tuple(c.exec_driver_sql(f"SELECT count(*) FROM {t}").scalar() for t in TABLES)


def signed(parts: dict[str, bytes], manifest: dict, keys: KeyFolder, signer: str = UNIT) -> dict[str, bytes]:  # type: ignore[type-arg]
    """Entries with a manifest that lists them and a valid signature (the fuzzed content gets past both)."""
    manifest = {**manifest, "signer": signer, "public_key": keys.public_key(signer, create=True),
                "entries": {n: {"sha256": hashlib.sha256(d).hexdigest(), "size": len(d)} for n, d in parts.items()
                            if n not in ("manifest.json", "manifest.sig")}}
    data = dumps(manifest)
    return {**parts, "manifest.json": data, "manifest.sig": keys.sign(signer, data)}


json_leaf = st.one_of(st.none(), st.booleans(), st.integers(-2**70, 2**70),
                      st.floats(allow_nan=False, allow_infinity=False),
                      st.text(max_size=12), st.sampled_from(["NTS01", "KTS03", "2025-03-01", "a;b", "", "\x00"]))
json_value = st.recursive(json_leaf, lambda inner: st.one_of(st.lists(inner, max_size=4),
                                                             st.dictionaries(st.text(max_size=8), inner, max_size=4)),
                          max_leaves=12)
names = st.one_of(st.sampled_from(["manifest.json", "manifest.sig", "answers.json", "review.json", "evidence/x", "dir/",
                                   "evidence/" + "0" * 64, "/etc/passwd", "../x", "a/../../b", "C:\\x", "evidence/"]),
                  st.text(max_size=20))


RAW = [b'[{"code":"NTS01","value":NaN}]', b'[{"code":"NTS01","value":1e999}]', b"\xff\xfe[]", b"[" * 50_000,
       b'[{"code":"NTS01","value":Infinity,"choices":[]}]', b"[" * 3000 + b"]" * 3000, b"", b"null"]


@st.composite
def answer_lists(draw, base: list) -> bytes:  # type: ignore[no-untyped-def, type-arg]
    answers = json.loads(json.dumps(base))
    for _ in range(draw(st.integers(0, 4))):
        action = draw(st.integers(0, 4))
        if action == 4 and answers:  # a plausible change: the package is valid, and differs from what is held
            item = draw(st.sampled_from(answers))
            if draw(st.booleans()):
                item["comment"] = draw(st.text(max_size=30))
            elif isinstance(item.get("value"), float):
                item["value"] = float(draw(st.integers(0, 1)))
        elif action == 0 and answers:  # a field gets any value
            item = draw(st.sampled_from(answers))
            item[draw(st.sampled_from(["code", "value", "numerator", "denominator", "choices", "not_applicable",
                                       "manual_points", "comment", "evidence", "extra"]))] = draw(json_value)
        elif action == 1:
            answers.append(draw(st.dictionaries(st.sampled_from(["code", "value", "numerator", "choices",
                                                                 "evidence"]), json_value, max_size=5)))
        elif action == 2 and answers:
            answers.pop(draw(st.integers(0, len(answers) - 1)))
        else:
            return dumps(draw(json_value))
    return dumps(answers)


@st.composite
def packages(draw, valid) -> dict[str, bytes]:  # type: ignore[no-untyped-def, type-arg]
    _, parts, keys = valid
    manifest = json.loads(parts["manifest.json"])
    base = json.loads(parts["answers.json"])
    parts = dict(parts)
    kind = draw(st.integers(0, 3))
    if kind == 0:  # the manifest's fields get any value
        for _ in range(draw(st.integers(1, 3))):
            key = draw(st.sampled_from([*manifest, "unit", "methodology", "extra"]))
            manifest[key] = draw(st.one_of(json_value, st.just({"code": UNIT, "name": 1}),
                                           st.just({"id": "x", "version": "1", "sha256": "0" * 64})))
    elif kind == 1:
        parts["answers.json"] = draw(st.one_of(answer_lists(base), st.sampled_from(RAW)))
    elif kind == 2:
        parts["review.json"] = dumps(draw(st.one_of(json_value, st.lists(st.fixed_dictionaries(
            {"code": st.sampled_from(["NTS01", "ZZZ"]), "round": st.integers(-1, 3), "comment": json_leaf,
             "reply": json_leaf}), max_size=3))))
    else:
        for _ in range(draw(st.integers(1, 3))):
            parts[draw(names)] = draw(st.binary(max_size=64))
    if draw(st.booleans()):
        if draw(st.booleans()):  # a new package (id, time), not a forged copy of the imported one
            manifest["package_id"] = str(draw(st.uuids()))
            manifest["created_at"] = f"2100-01-01T{draw(st.integers(0, 10**9)):012d}Z"
        return signed(parts, manifest, keys, draw(st.sampled_from([UNIT, UNIT, "00256", "inspector:x"])))
    return {**parts, "manifest.json": dumps(manifest)}


def damaged(data: bytes, draw_ops) -> bytes:  # type: ignore[no-untyped-def]
    for at, insert, cut in draw_ops:
        at = at % (len(data) + 1)
        data = data[:at] + insert + data[at + cut:]
    return data


def fuzz_packages(service, folder: Path, valid, examples: int) -> dict[str, int]:  # type: ignore[no-untyped-def]
    outcome: dict[str, int] = {}
    path, _, _ = valid

    def check(file: Path) -> None:
        before = counts(service)
        try:
            previews, results = service.packages.import_files([file], trust=True, accept_changed=True)
        except BadInput:
            outcome["refused"] = outcome.get("refused", 0) + 1
            assert counts(service) == before
            return
        (preview,) = previews
        outcome[preview.outcome.value] = outcome.get(preview.outcome.value, 0) + 1
        if preview.outcome == Outcome.REJECTED or not any(r.applied for r in results):
            assert counts(service) == before, preview.reason

    @settings(FUZZ, max_examples=examples // 2)
    @given(ops=st.lists(st.tuples(st.integers(0, 10**6), st.binary(max_size=4), st.integers(0, 8)), min_size=1,
                        max_size=4))
    @example(ops=[(10**6, b"", 10**6)])  # truncated to nothing after a point
    def bytes_damage(ops) -> None:  # type: ignore[no-untyped-def]
        file = folder / "damaged.dxpkg"
        file.write_bytes(damaged(path.read_bytes(), ops))
        check(file)

    @settings(FUZZ, max_examples=examples // 2)
    @given(data=st.data())
    def generated(data) -> None:  # type: ignore[no-untyped-def]
        parts = data.draw(packages(valid))
        file = folder / "generated.dxpkg"
        with zipfile.ZipFile(file, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, content in parts.items():
                archive.writestr(zipfile.ZipInfo(name, (2000, 1, 1, 0, 0, 0)), content)
        check(file)

    check(path)  # the valid package itself: imported
    bytes_damage()
    generated()
    return outcome


def test_package_import_refuses_or_applies_whole_on_sqlite(tmp_path, valid):
    from storage.db import sqlite_url

    service = open_url_service(sqlite_url(tmp_path / "inspector.sqlite"))
    try:
        outcome = fuzz_packages(service, tmp_path, valid, 2 * FUZZ.max_examples)
        assert service.audit.verify().ok
    finally:
        service.store.close()
    assert sum(outcome.values()) >= min(2 * FUZZ_EXAMPLES, 2 * FUZZ.max_examples)
    assert outcome.get("new", 0) >= 1 and outcome.get("rejected", 0) > 0
    print(f"\npackage import (SQLite): {sum(outcome.values())} examples: {outcome}")


def test_package_import_refuses_or_applies_whole_on_postgresql(tmp_path, valid, monkeypatch):
    from db_backends import create_pg_database, drop_pg_database

    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data-home"))  # a central database's evidence folder
    url = create_pg_database()
    service = open_url_service(url)
    try:
        outcome = fuzz_packages(service, tmp_path, valid, max(2 * FUZZ.max_examples // 5, 40))
        assert service.audit.verify().ok
    finally:
        service.store.close()
        drop_pg_database(url)
    print(f"\npackage import (PostgreSQL): {sum(outcome.values())} examples: {outcome}")
