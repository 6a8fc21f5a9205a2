"""The audit head outside the database (issue 12, item 6): every package carries its sender's head, every PDF
scorecard prints its database's head on each page, and `audit verify --head` checks a database against a head
someone kept: intact while the chain grows, refused (exit 1, what and where) once rows were cut off, a malformed
head is bad input (exit 2). Verifying writes nothing."""

from __future__ import annotations

import json

from packs import UNIT, YEAR, entries, snapshot
from test_cli_exchange import run

from tests.reports.conftest import page_texts


def drop_newest_audit_rows(service, how_many: int) -> None:  # type: ignore[no-untyped-def]
    """What someone with the file or the server's owner role could do: triggers off, the newest rows gone."""
    with service.store.engine.begin() as c:
        if c.dialect.name == "sqlite":
            c.exec_driver_sql("DROP TRIGGER audit_log_no_delete")
        else:
            c.exec_driver_sql("ALTER TABLE audit_log DISABLE TRIGGER USER")
        newest = [r[0] for r in c.exec_driver_sql(f"SELECT id FROM audit_log ORDER BY id DESC LIMIT {how_many}")]
        c.exec_driver_sql(f"DELETE FROM audit_log WHERE id IN ({', '.join(map(str, newest))})")


def test_packages_carry_the_senders_head_and_the_receiver_keeps_it(commune, inspector, package):
    manifest = json.loads(entries(package)["manifest.json"])
    sent = manifest["audit_head"]
    rows = int(sent.split("@")[1])
    assert commune.audit.verify(sent).ok  # made before the export logged itself and registered its key as "own"
    assert commune.audit.head().rows == rows + 2
    inspector.packages.import_files([package], trust={UNIT})
    imported = [e for e in inspector.audit.entries() if e.action == "import"]
    assert imported and json.loads(imported[-1].new)["audit_head"] == sent


def test_a_head_printed_on_a_scorecard_checks_the_database_later(commune, inspector, package, tmp_path):
    inspector.packages.import_files([package], trust={UNIT})
    pdf = inspector.reports.scorecard_pdf(year=YEAR, unit_code=UNIT, path=tmp_path / "phieu.pdf")
    pages = page_texts(pdf)
    text = "\n".join(pages)
    printed = [line.split("(audit head): ")[1].split()[0] for line in text.splitlines() if "(audit head): " in line]
    assert len(printed) == len(pages) >= 1 and set(printed) == {inspector.audit.head().text}
    kept = printed[0]

    db = inspector.store.engine.url.render_as_string(hide_password=False)
    inspector.appraisal.start_review(unit_code=UNIT, year=YEAR)  # the chain grows: the kept head stays in it
    ok = run(db, "audit", "verify", "--head", kept, tmp=tmp_path)
    assert ok.returncode == 0 and f"the kept head {kept} is part of this chain" in ok.stdout, ok.stdout + ok.stderr

    drop_newest_audit_rows(inspector, 3)  # the review start and the last rows before the PDF are gone
    before = snapshot(inspector)
    alone = run(db, "audit", "verify", tmp=tmp_path)  # states and logs are not replayed: only the head shows it
    assert alone.returncode == 0 and "audit trail intact" in alone.stdout
    cut = run(db, "audit", "verify", "--head", kept, tmp=tmp_path)
    assert cut.returncode == 1 and f"does NOT continue the kept head {kept}" in cut.stdout
    assert "rows were removed since that head was written down" in cut.stdout
    bad = run(db, "audit", "verify", "--head", "not-a-head", tmp=tmp_path)
    assert bad.returncode == 2 and "'not-a-head' is not an audit head (HASH@ROWS" in bad.stderr
    assert "Traceback" not in bad.stderr + cut.stderr
    assert snapshot(inspector) == before
