"""One unit cannot move its peers' points (issue 12, item 1) and implausible values are refused by the CLI
(issue 11, item 8): on the demo database as an SQLite file and as a PostgreSQL database, in real processes.

HTS03 and KTS05 are counts scored against the best value in the peer group (`benchmark`). The attack: a
commune ranked 4th claims 999,999,999,999,999 Wi-Fi points. Through an import it is refused (exit 2, nothing
written); confirmed, or forced into the database past every check, it does not set the benchmark: every other
commune keeps its points to the last decimal and the attacker gets at most the indicator's maximum."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import create_engine, text

from tests.test_cli import run

YEAR = 2025
ATTACK = "999999999999999"
TABLES = ("answers", "answer_history", "audit_log", "assessments")


def engine_for(db: str):  # type: ignore[no-untyped-def]
    from storage.db import sqlite_url

    return create_engine(db if "://" in db else sqlite_url(db))


def table_state(db: str) -> dict[str, int]:
    engine = engine_for(db)
    with engine.connect() as c:
        counts = {t: c.execute(text(f"SELECT count(*) FROM {t}")).scalar() for t in TABLES}
    engine.dispose()
    return counts


def scores(db: str, tmp) -> dict[str, dict]:  # type: ignore[no-untyped-def]
    result = run("score", "--cycle", str(YEAR), "--kind", "commune", "--json", db=db, tmp=tmp)
    assert result.returncode == 0, result.stderr
    return {u["unit_code"]: u for u in json.loads(result.stdout)["units"]}


def points(unit: dict) -> dict[str, float]:
    return {"total": unit["points"], **{i["code"]: i["points"] for i in unit["indicators"]}}


def import_rows(db: str, tmp, rows: str, name: str = "attack.csv"):  # type: ignore[no-untyped-def]
    path = tmp / name
    path.write_text("unit_code,cycle,indicator_code,value,confirmed\n" + rows, encoding="utf-8")
    return path, run("answers", "import", str(path), db=db, tmp=tmp)


@pytest.fixture
def attacker(demo_url, tmp_path):  # type: ignore[no-untyped-def]
    """The commune ranked 4th, with HTS03 and KTS05 answered 0 (the baseline the attack starts from)."""
    ranked = scores(demo_url, tmp_path)
    code = next(c for c, u in ranked.items() if u["rank"] == 4)
    _, result = import_rows(demo_url, tmp_path, f"{code},{YEAR},HTS03,0,\n{code},{YEAR},KTS05,0,\n", "zero.csv")
    assert result.returncode == 0, result.stderr
    return code


def test_an_implausible_import_exits_2_and_writes_nothing(demo_url, tmp_path, attacker):
    before_rows, before_export = table_state(demo_url), run("answers", "export", db=demo_url, tmp=tmp_path).stdout
    path, result = import_rows(demo_url, tmp_path, f"{attacker},{YEAR},NTS03,1,\n{attacker},{YEAR},HTS03,{ATTACK},\n")
    assert result.returncode == 2
    assert (f"{path}:3: value: HTS03: 999999999999999 is outside the plausible range 0–300; if it is right, put 1 "
            "in the confirmed column") in result.stderr
    assert "nothing was imported" in result.stderr and "Traceback" not in result.stderr
    assert table_state(demo_url) == before_rows
    assert run("answers", "export", db=demo_url, tmp=tmp_path).stdout == before_export


def test_a_confirmed_implausible_value_moves_no_other_unit(demo_url, tmp_path, attacker):
    before = scores(demo_url, tmp_path)
    _, result = import_rows(demo_url, tmp_path, f"{attacker},{YEAR},HTS03,{ATTACK},1\n"
                                                f"{attacker},{YEAR},KTS05,{ATTACK},1\n")
    assert result.returncode == 0, result.stderr
    after = scores(demo_url, tmp_path)
    _assert_only_the_attacker_moved(before, after, attacker)


def test_a_value_forced_into_the_database_moves_no_other_unit(demo_url, tmp_path, attacker):
    before = scores(demo_url, tmp_path)
    engine = engine_for(demo_url)
    with engine.begin() as c:  # past every check of the app: what someone with the database file can do
        changed = c.execute(text(
            "UPDATE answers SET value_number = :v WHERE indicator_code IN ('HTS03', 'KTS05') AND assessment_id = "
            "(SELECT a.id FROM assessments a JOIN units u ON u.id = a.unit_id "
            "WHERE u.code = :u AND a.cycle_year = :y)"), {"v": 1e15, "u": attacker, "y": YEAR})
        assert changed.rowcount == 2
        # and moves the change counter, or the kept results of the cycle stay in force (docs/decisions.md)
        c.execute(text("UPDATE dx_changes SET counter = counter + 1 WHERE id = 1"))
    engine.dispose()
    after = scores(demo_url, tmp_path)
    _assert_only_the_attacker_moved(before, after, attacker)


def test_a_plausible_value_still_sets_the_benchmark(demo_url, tmp_path, attacker):
    """The range bounds what one answer can do; inside it the benchmark works as the methodology says."""
    before = scores(demo_url, tmp_path)
    best = max(next(i for i in u["indicators"] if i["code"] == "HTS03")["value"] or 0 for u in before.values())
    assert best < 300
    _, result = import_rows(demo_url, tmp_path, f"{attacker},{YEAR},HTS03,300,\n")
    assert result.returncode == 0, result.stderr
    after = scores(demo_url, tmp_path)
    lowered = [c for c in before if c != attacker and points(after[c])["HTS03"] < points(before[c])["HTS03"]]
    assert lowered


def _assert_only_the_attacker_moved(before: dict, after: dict, attacker: str) -> None:
    for code, unit in before.items():
        if code != attacker:
            assert points(after[code]) == points(unit), code
    mine = {i["code"]: i for i in after[attacker]["indicators"]}
    for code in ("HTS03", "KTS05"):
        assert mine[code]["points"] == mine[code]["max_points"]  # at most the maximum, never more
    assert after[attacker]["points"] - before[attacker]["points"] <= \
        mine["HTS03"]["max_points"] + mine["KTS05"]["max_points"]
