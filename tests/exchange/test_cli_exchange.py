"""The exchange and appraisal commands end to end, in real processes: the commune's SQLite file and the inspector's
database (SQLite, then PostgreSQL)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from packs import UNIT, YEAR

from tests.cli_language import english

ROOT = Path(__file__).resolve().parents[2]


def run(db: str, *args: str, tmp: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "DXSCORE_LOG_DIR": str(tmp / "logs")}
    return subprocess.run([sys.executable, str(ROOT / "main.py"),
                           *english(args), "--db", db, *args], capture_output=True, text=True,
                          env=env, cwd=ROOT, timeout=300)


def test_submit_export_import_review_and_return_from_the_command_line(commune, inspector, tmp_path):
    mine = commune.store.engine.url.render_as_string(hide_password=False)
    city = inspector.store.engine.url.render_as_string(hide_password=False)
    where = ("--unit", UNIT, "--cycle", str(YEAR))
    assert "now submitted" in run(mine, "--user", "can-bo-xa", "review", "submit", *where, tmp=tmp_path).stdout
    package = tmp_path / "00070.dxpkg"
    done = run(mine, "packages", "export", *where, "-o", str(package), tmp=tmp_path)
    assert done.returncode == 0, done.stderr
    fingerprint = done.stdout.split("key fingerprint: ")[1].strip()
    assert "(key created now)" in done.stdout and len(fingerprint) == 29

    preview = run(city, "packages", "import", str(package), "--dry-run", tmp=tmp_path)
    assert preview.returncode == 0 and preview.stdout.startswith("new ") and fingerprint in preview.stdout
    assert "nothing was written (--dry-run)" in preview.stdout
    untrusted = run(city, "packages", "import", str(package), tmp=tmp_path)
    assert untrusted.returncode == 2 and "--trust" in untrusted.stderr and "0 applied" in untrusted.stdout
    blind = run(city, "packages", "import", str(package), "--trust", tmp=tmp_path)
    assert blind.returncode == 2 and "--trust: expected one argument" in blind.stderr  # never the whole batch
    trusted = run(city, "--user", "thanh-tra", "packages", "import", str(package), "--trust", UNIT, tmp=tmp_path)
    assert trusted.returncode == 0 and "1 applied" in trusted.stdout, trusted.stderr
    again = run(city, "packages", "import", str(package), tmp=tmp_path)
    assert again.returncode == 0 and again.stdout.startswith("unchanged") and "0 applied" in again.stdout
    keys = run(city, "keys", "list", tmp=tmp_path).stdout
    assert UNIT in keys and fingerprint in keys

    inspect = ("--user", "thanh-tra", "review")
    assert run(city, *inspect, "start", *where, tmp=tmp_path).returncode == 0
    points = run(city, *inspect, "points", *where, "NTS01", "0", "--reason", "Thiếu quyết định", tmp=tmp_path)
    assert points.returncode == 0, points.stderr
    refused = run(city, *inspect, "points", *where, "NTS01", "0", tmp=tmp_path)
    assert refused.returncode == 2 and "--reason" in refused.stderr
    assert run(city, *inspect, "comment", *where, "NTS01", "Bổ sung quyết định", tmp=tmp_path).returncode == 0
    assert "now returned" in run(city, *inspect, "return", *where, tmp=tmp_path).stdout
    back = tmp_path / "back.dxpkg"
    assert run(city, "--user", "thanh-tra", "packages", "return", *where, "-o", str(back), tmp=tmp_path).returncode == 0
    refused = run(mine, "packages", "import", str(back), "--trust", "inspector:thanh-tra", tmp=tmp_path)
    assert refused.returncode == 2 and "keys import" in refused.stdout  # never trusted on first use
    city_keys = tmp_path / "city-keys.json"
    assert run(city, "--user", "thanh-tra", "keys", "export", "--inspector", "-o", str(city_keys),
               tmp=tmp_path).returncode == 0
    assert "registered" in run(mine, "keys", "import", str(city_keys), tmp=tmp_path).stdout
    received = run(mine, "packages", "import", str(back), tmp=tmp_path)
    assert received.returncode == 0 and "now returned for correction" in received.stdout, received.stderr
    shown = run(mine, "review", "show", *where, tmp=tmp_path).stdout
    assert "returned" in shown and "Bổ sung quyết định" in shown

    scored = json.loads(run(city, "score", "--cycle", str(YEAR), "--unit", UNIT, "--json", tmp=tmp_path).stdout)
    (unit,) = scored["units"]
    assert unit["status"] == "returned" and unit["appraised"]["points"] < unit["points"]
    nts01 = next(i for i in unit["indicators"] if i["code"] == "NTS01")
    assert nts01["appraised_points"] == 0 and nts01["appraisal_reason"] == "Thiếu quyết định"
    ranking = run(city, "score", "--cycle", str(YEAR), "--lang", "vi", tmp=tmp_path).stdout
    assert "Trạng thái" in ranking and any(UNIT in line and "trả lại" in line for line in ranking.splitlines())

    verified = run(city, "audit", "verify", tmp=tmp_path)
    assert verified.returncode == 0 and "audit trail intact" in verified.stdout
    listed = run(city, "audit", "list", *where, tmp=tmp_path).stdout
    assert "appraisal" in listed and "Thiếu quyết định" in listed


def test_audit_verify_reports_a_tampered_row(commune, tmp_path):
    path = commune.store.engine.url.database
    commune.entry.submit(UNIT, YEAR)
    import sqlite3

    with sqlite3.connect(path) as c:
        c.execute("DROP TRIGGER audit_log_no_update")
        row = c.execute("SELECT id FROM audit_log WHERE action = 'answer' ORDER BY id LIMIT 1 OFFSET 5").fetchone()[0]
        c.execute("UPDATE audit_log SET who = 'someone else' WHERE id = ?", (row,))
    result = run(path, "audit", "verify", tmp=tmp_path)
    assert result.returncode == 1
    assert f"audit trail BROKEN at row {row}" in result.stdout and "altered" in result.stdout


def test_a_unit_posing_as_another_is_refused_with_both_names_and_nothing_written(commune, inspector, package,
                                                                                 tmp_path):
    from packs import snapshot
    from test_trust import OTHER, posing_as

    city = inspector.store.engine.url.render_as_string(hide_password=False)
    assert run(city, "packages", "import", str(package), "--trust", UNIT, tmp=tmp_path).returncode == 0
    forged = posing_as(package, tmp_path / "as-00004.dxpkg", commune.store.exchange.keys, as_identity=OTHER,
                       key_of=UNIT)
    before = snapshot(inspector)
    result = run(city, "packages", "import", str(forged), "--trust", f"{OTHER},{UNIT}", tmp=tmp_path)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert f"signed as {OTHER} with the key registered here for {UNIT}" in result.stdout
    assert snapshot(inspector) == before
    preview = run(city, "packages", "import", str(package), str(forged), "--dry-run", tmp=tmp_path)
    assert preview.returncode == 2 and f"is registered here to {UNIT}" in preview.stdout


def test_a_forged_return_and_an_incomplete_submission_are_refused_from_the_command_line(commune, inspector, package,
                                                                                        tmp_path):
    from packs import entries, repack, snapshot
    from test_trust import forged_return

    from assessment.exchange.package_format import dumps
    from storage.keys import KeyFolder

    city = inspector.store.engine.url.render_as_string(hide_password=False)
    assert run(city, "packages", "import", str(package), "--trust", UNIT, tmp=tmp_path).returncode == 0
    forged = forged_return(package, tmp_path / "return.dxpkg", KeyFolder(tmp_path / "mallory"))
    before = snapshot(inspector)
    result = run(city, "packages", "import", str(forged), "--trust", "inspector:mallory", tmp=tmp_path)
    assert result.returncode == 2 and f"a return of {UNIT} is taken only by {UNIT}'s own database" in result.stdout
    assert snapshot(inspector) == before and "Traceback" not in result.stderr

    answers = json.loads(entries(package)["answers.json"])
    partial = repack(package, tmp_path / "partial.dxpkg", sign_with=commune.store.exchange.keys, identity=UNIT,
                     parts={"answers.json": dumps([dict(a, evidence=[]) for a in answers[:10]]),
                            **{name: None for name in entries(package) if name.startswith("evidence/")}})
    mine = commune.store.engine.url.render_as_string(hide_password=False)
    before = snapshot(commune)
    result = run(mine, "packages", "import", str(partial), tmp=tmp_path)  # the unit's own key: known here
    assert result.returncode == 2 and "the submission is incomplete: " in result.stdout and "more" in result.stdout
    assert snapshot(commune) == before
