"""A cycle's results kept in the database (storage/results.py, assessment/services/result_codec.py), on an SQLite
file and on PostgreSQL: computed once, read by the next process, recomputed after any write from anywhere, never
trusted when damaged, never audited, never moving the change counter, never stale."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from db_backends import open_url_service
from sqlalchemy import text

from assessment.services import result_codec, scores_area

ROOT = Path(__file__).resolve().parents[2]
YEAR = 2025


def run(*args: str, db: str, tmp: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "DXSCORE_LOG_DIR": str(tmp / "logs"), "DXSCORE_CACHE_DIR": str(tmp / "cache")}
    return subprocess.run([sys.executable, str(ROOT / "main.py"), "--db", db, *args], capture_output=True, text=True,
                          env=env, cwd=ROOT, timeout=300)


def url_of(demo_url: str) -> str:
    from storage.db import resolve_url

    return resolve_url(demo_url)


def log_text(tmp: Path) -> str:
    return (tmp / "logs" / "dxscore.log").read_text(encoding="utf-8")


def kept_rows(service) -> list[tuple]:  # type: ignore[no-untyped-def]
    with service.store.engine.connect() as c:
        return c.execute(text("SELECT cycle_year, change_number, format_version, size FROM dx_cycle_results")).all()


def counter_and_trail(service) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    with service.store.engine.connect() as c:
        return (c.execute(text("SELECT counter FROM dx_changes")).scalar_one(),
                c.execute(text("SELECT count(*) FROM audit_log")).scalar_one())


def without_time(stdout: str) -> dict:  # type: ignore[type-arg]
    data = json.loads(stdout)
    data.pop("generated_at")
    return data


def test_a_second_process_reads_the_result_the_first_one_kept(demo_url, tmp_path):
    first = run("score", "--cycle", str(YEAR), "--json", db=demo_url, tmp=tmp_path)
    assert first.returncode == 0, first.stderr
    assert f"results of cycle {YEAR} kept in the database" in log_text(tmp_path)
    second = run("score", "--cycle", str(YEAR), "--json", db=demo_url, tmp=tmp_path)
    assert second.returncode == 0, second.stderr
    assert f"results of cycle {YEAR} read from the database" in log_text(tmp_path)
    assert without_time(second.stdout) == without_time(first.stdout)
    ranking = run("score", "--cycle", str(YEAR), db=demo_url, tmp=tmp_path)
    assert ranking.returncode == 0 and "Phường Hoàn Kiếm" in ranking.stdout
    assert log_text(tmp_path).count(f"results of cycle {YEAR} kept in the database") == 1


def test_an_import_in_another_process_makes_the_next_read_compute_new_figures(demo_url, tmp_path):
    before = without_time(run("score", "--cycle", str(YEAR), "--json", db=demo_url, tmp=tmp_path).stdout)
    unit = next(u for u in before["units"] if u["unit_code"] == "00070")
    answer = next(i for i in unit["indicators"] if i["code"] == "NTS01")
    changed = tmp_path / "answers.csv"
    changed.write_text(f"unit_code,cycle,indicator_code,value\n00070,{YEAR},NTS01,{0 if answer['points'] else 2}\n",
                       encoding="utf-8")
    imported = run("answers", "import", str(changed), db=demo_url, tmp=tmp_path)
    assert imported.returncode == 0, imported.stderr
    after = without_time(run("score", "--cycle", str(YEAR), "--json", db=demo_url, tmp=tmp_path).stdout)
    now = next(u for u in after["units"] if u["unit_code"] == "00070")
    assert next(i for i in now["indicators"] if i["code"] == "NTS01")["points"] != answer["points"]
    assert now["points"] != unit["points"]
    assert log_text(tmp_path).count(f"results of cycle {YEAR} kept in the database") == 2


def test_keeping_a_result_moves_no_counter_and_writes_no_audit_row(demo_url):
    service = open_url_service(url_of(demo_url))
    try:
        before = counter_and_trail(service)
        cards = service.scores.for_cycle(year=YEAR).scorecards
        assert cards and counter_and_trail(service) == before
        assert [(year, change) for year, change, *_ in kept_rows(service)] == [(YEAR, before[0])]
        assert service.audit.verify().ok
    finally:
        service.store.close()


def test_a_damaged_or_foreign_kept_result_is_computed_again(demo_url, caplog):
    service = open_url_service(url_of(demo_url))
    try:
        fresh = service.scores.for_cycle(year=YEAR).scorecards
        good = bytes(service.store.engine.connect().execute(text("SELECT payload FROM dx_cycle_results")).scalar_one())
        for bad in (good[: len(good) // 2], b"PK\x03\x04 not a zip", good.replace(b"dxscore-cycle-results",
                                                                                   b"another-apps-results!")):
            with service.store.engine.begin() as c:
                c.execute(text("UPDATE dx_cycle_results SET payload = :p"), {"p": bad})
            other = open_url_service(url_of(demo_url))
            try:
                with caplog.at_level("INFO"):
                    again = other.scores.for_cycle(year=YEAR).scorecards
                assert again == fresh
                assert "kept results of cycle 2025 ignored" in caplog.text
                stored = other.store.engine.connect().execute(text("SELECT payload FROM dx_cycle_results")).scalar_one()
                assert bytes(stored) != bad  # replaced by a sound one
            finally:
                other.store.close()
            caplog.clear()
    finally:
        service.store.close()


def test_an_oversized_kept_result_is_neither_read_nor_written(demo_url, monkeypatch):
    from storage import results

    service = open_url_service(url_of(demo_url))
    try:
        monkeypatch.setattr(results, "MAX_PAYLOAD_BYTES", 1000)
        assert service.scores.for_cycle(year=YEAR).scorecards
        assert kept_rows(service) == []
    finally:
        service.store.close()


def test_a_kept_result_reads_back_byte_for_byte_and_replaces_the_older_one(demo_url, monkeypatch):
    """SQLite writes the payload into its row a slice at a time (storage.results.BLOB_SLICE): slice edges lose
    nothing, and keeping the cycle again replaces its row."""
    from storage import results

    service = open_url_service(url_of(demo_url))
    try:
        monkeypatch.setattr(results, "BLOB_SLICE", 1000)
        change = service.store.committed_change()
        kept = service.store.results
        for payload in (bytes(range(256)) * 21 + b"end", b"short"):  # 5,379 bytes: six slices, then one
            assert kept.put(YEAR, "t", change=change, format_version=1, fingerprint="f", payload=payload)
            assert kept.get(YEAR, "t", change=change, format_version=1, fingerprint="f") == payload
        assert [(y, s) for y, _, _, s in kept_rows(service)] == [(YEAR, 5)]
    finally:
        service.store.close()


def test_a_write_during_the_computation_keeps_no_stale_result(demo_url, monkeypatch):
    """Another process writes while this one computes: what this one computed is not kept under any number, and
    the next reader computes the new figures."""
    service = open_url_service(url_of(demo_url))
    writer = open_url_service(url_of(demo_url))
    try:
        computed = scores_area.build_result

        def build_while_another_writes(*args, **kwargs):  # type: ignore[no-untyped-def]
            result = computed(*args, **kwargs)
            writer.store.update_unit("00070", name_vi="Phường Đổi Tên")  # commits while the computation runs
            return result

        monkeypatch.setattr(scores_area, "build_result", build_while_another_writes)
        stale = service.scores.for_cycle(year=YEAR, unit_code="00070").scorecards[0]
        assert stale.unit_name.vi == "Phường Hoàn Kiếm"
        assert kept_rows(service) == []
        monkeypatch.setattr(scores_area, "build_result", computed)
        reader = open_url_service(url_of(demo_url))
        try:
            assert reader.scores.for_cycle(year=YEAR, unit_code="00070").scorecards[0].unit_name.vi == "Phường Đổi Tên"
            change = counter_and_trail(reader)[0]
            assert [(y, c) for y, c, *_ in kept_rows(reader)] == [(YEAR, change)]
        finally:
            reader.store.close()
    finally:
        writer.store.close()
        service.store.close()


def test_a_cache_write_gives_way_to_a_writer_holding_the_lock(demo_url):
    service = open_url_service(url_of(demo_url))
    try:
        result = service.scores.result(YEAR)
        change = service.store.committed_change()
        with service.store.engine.connect() as connection:
            connection.execute(text("DELETE FROM dx_cycle_results"))
            connection.commit()
        from storage.db import write_transaction

        other = open_url_service(url_of(demo_url))
        try:
            with write_transaction(other.store.engine):  # another writer holds the lock (and will move the counter)
                assert result_codec.keep(service.store, result, change) is False
            assert kept_rows(service) == []
        finally:
            other.store.close()
    finally:
        service.store.close()


def test_kept_results_follow_the_format_version(demo_url, monkeypatch):
    service = open_url_service(url_of(demo_url))
    try:
        first = service.scores.for_cycle(year=YEAR).scorecards
        monkeypatch.setattr(result_codec, "FORMAT_VERSION", result_codec.FORMAT_VERSION + 1)
        other = open_url_service(url_of(demo_url))
        try:
            assert other.scores.for_cycle(year=YEAR).scorecards == first
            assert [v for _, _, v, _ in kept_rows(other)] == [result_codec.FORMAT_VERSION]
        finally:
            other.store.close()
    finally:
        service.store.close()


@pytest.mark.parametrize("kind", ["json", "ranking"])
def test_kept_and_fresh_results_print_the_same(demo_url, tmp_path, kind):
    extra = ["--json"] if kind == "json" else []
    fresh = run("score", "--cycle", "2024", *extra, db=demo_url, tmp=tmp_path)
    kept = run("score", "--cycle", "2024", *extra, db=demo_url, tmp=tmp_path)
    assert "results of cycle 2024 read from the database" in log_text(tmp_path)
    if kind == "json":
        assert without_time(kept.stdout) == without_time(fresh.stdout)
    else:
        assert kept.stdout == fresh.stdout


def test_a_warm_process_reads_no_answer_for_the_ranking_the_json_and_the_dashboard(demo_url):
    import re

    from sqlalchemy import event

    from assessment.domain.model import UnitKind

    first = open_url_service(url_of(demo_url))
    try:
        expected = first.compare.peer_group(year=YEAR, kind=UnitKind.COMMUNE).group.codes  # computes and keeps
    finally:
        first.store.close()
    service = open_url_service(url_of(demo_url))
    statements: list[str] = []
    event.listen(service.store.engine, "before_cursor_execute",
                 lambda _c, _cursor, statement, *_rest: statements.append(statement))
    try:
        ranking = service.scores.for_cycle(year=YEAR, detail=False)
        texts = list(service.scores.unit_json(ranking))
        group = service.compare.peer_group(year=YEAR, kind=UnitKind.COMMUNE).group
        assert len(texts) == len(ranking.scorecards) and group.codes == expected
        assert statements and not [s for s in statements if re.search(r"\banswers\b", s)]
    finally:
        service.store.close()
