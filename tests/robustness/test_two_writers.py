"""Two writers at once on one database, in real processes: a data-entry writer saving answers one by one (as the
window's autosave will) and an import of the whole cycle, touching the same answers. Nothing may be lost, and
neither may see "database is locked". Runs on an SQLite file and on PostgreSQL."""

from __future__ import annotations

import time

from db_backends import open_url_service
from writers import (
    ENTRY_UNIT,
    YEAR,
    check_acknowledged,
    check_no_lost_update,
    history,
    import_file,
    read_acks,
    start,
    stored_comments,
    wait_ready,
)

from storage.db import resolve_url

IMPORTS = 3


def test_data_entry_and_an_import_at_once_lose_nothing(demo_url, tmp_path):
    service = open_url_service(resolve_url(demo_url))
    files = [import_file(service, tmp_path, f"import {k}") for k in range(IMPORTS)]
    (assessment,) = service.store.assessments(YEAR, unit_code=ENTRY_UNIT)
    service.store.close()
    ack, stop = tmp_path / "acks.txt", tmp_path / "stop"

    saver = start("save", demo_url, str(ack), ENTRY_UNIT, str(YEAR), "0", str(stop), tmp=tmp_path)
    wait_ready(saver)
    while len(read_acks(ack)) < 3:  # the saver is writing before the import starts
        assert saver.poll() is None, saver.stderr.read()
        time.sleep(0.05)
    importer = start("import", demo_url, *(str(path) for path, _ in files), tmp=tmp_path)
    wait_ready(importer)
    during = len(read_acks(ack))
    out, err = importer.communicate(timeout=600)
    saves_during_import = len(read_acks(ack)) - during
    stop.touch()
    _, saver_err = saver.communicate(timeout=120)

    assert importer.returncode == 0, err
    assert saver.returncode == 0, saver_err
    assert "locked" not in err + saver_err and "Traceback" not in err + saver_err
    assert out.count("imported") == IMPORTS
    assert saves_during_import > 0  # the two really overlapped

    chains, stored = history(demo_url), stored_comments(demo_url)
    check_no_lost_update(chains, stored)
    acks = read_acks(ack)
    check_acknowledged(acks, chains)
    for (_, rows), k in zip(files, range(IMPORTS), strict=True):  # each import applied whole
        assert sum(new == f"import {k}" for chain in chains.values() for _, new, _ in chain) == rows
    entry_codes = {code for (aid, code) in chains if aid == assessment.id}
    assert {code for _, code in acks} <= entry_codes
    print(f"{len(acks)} saves ({saves_during_import} while {IMPORTS} imports of {files[0][1]} answers ran)")
