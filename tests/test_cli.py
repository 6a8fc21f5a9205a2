"""The command line end to end, in real processes on temporary databases (`demo_url`: a copy of the demo
database as an SQLite file, then as a PostgreSQL database; see tests/db_backends.py)."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tests.cli_language import english

ROOT = Path(__file__).resolve().parent.parent


def run(*args: str, db: Path | str | None = None, env: dict | None = None, tmp: Path | None = None):
    environment = {**os.environ, **(env or {})}
    if tmp is not None:
        environment["DXSCORE_LOG_DIR"] = str(tmp / "logs")
    command = [sys.executable, str(ROOT / "main.py"), *english(args), *(["--db", str(db)] if db else []), *args]
    return subprocess.run(command, capture_output=True, text=True, env=environment, cwd=ROOT, timeout=300)


def test_score_json_lists_every_unit_with_its_numbers(demo_url, tmp_path):
    result = run("score", "--cycle", "2025", "--json", db=demo_url, tmp=tmp_path)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["cycle"] == 2025 and data["demo"] is True and "DỮ LIỆU MẪU" in data["demo_notice"]
    assert len(data["units"]) == 144  # 126 communes, 17 departments and the city itself
    unit = next(u for u in data["units"] if u["unit_code"] == "00070")
    assert unit["unit_name"] == "Phường Hoàn Kiếm" and unit["kind"] == "commune"
    for key in ("methodology", "points", "max_points", "index", "band", "rank", "peer_count", "pillars", "indicators"):
        assert key in unit
    assert unit["methodology"] == {"id": "hanoi-2025-commune", "version": "2025.2"}
    assert unit["peer_count"] == 126 and 1 <= unit["rank"] <= 126
    assert unit["index"] == pytest.approx(unit["points"] / unit["max_points"], abs=1e-4)
    assert {p["code"] for p in unit["pillars"]} == {"NTS", "TCS", "HTS", "NLS", "ATT", "CQS", "KTS", "XHS"}
    indicator = unit["indicators"][0]
    for key in ("code", "points", "max_points", "applicable", "answered", "value", "target_id", "target_status"):
        assert key in indicator
    linked = [i for i in unit["indicators"] if i["target_id"]]
    assert linked and all(i["target_status"] in ("met", "on_track", "baseline", "behind", "no_data") for i in linked)


def test_score_text_and_filters(demo_url, tmp_path):
    result = run("score", "--cycle", "2024", "--kind", "district", "--lang", "vi", db=demo_url, tmp=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "DỮ LIỆU MẪU / demo data" in result.stdout
    assert "Huyện Ba Vì" in result.stdout and "Sở" not in result.stdout
    one = json.loads(run("score", "--cycle", "2024", "--unit", "SO_TTTT", "--json", db=demo_url, tmp=tmp_path).stdout)
    assert [u["unit_name"] for u in one["units"]] == ["Sở Thông tin và Truyền thông"]
    assert one["units"][0]["peer_count"] == 21  # the 21 known bodies; QĐ 920's 22nd is unknown


def test_bad_arguments_exit_2_with_a_reason(demo_url, tmp_path):
    result = run("score", "--cycle", "1999", db=demo_url, tmp=tmp_path)
    assert result.returncode == 2 and "no assessments in cycle 1999" in result.stderr and "2024, 2025" in result.stderr
    result = run("score", "--cycle", "2025", "--unit", "NOPE", db=demo_url, tmp=tmp_path)
    assert result.returncode == 2 and "no unit with code 'NOPE'" in result.stderr


def test_export_import_round_trip_changes_nothing(demo_url, tmp_path):
    out = tmp_path / "answers.csv"
    assert run("answers", "export", "--cycle", "2025", "-o", str(out), db=demo_url, tmp=tmp_path).returncode == 0
    text = out.read_text(encoding="utf-8")
    assert text.startswith("unit_code,cycle,indicator_code,value,numerator,denominator,choice,not_applicable,comment")
    result = run("answers", "import", str(out), db=demo_url, tmp=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "0 new, 0 changed" in result.stdout


def test_a_bad_import_writes_nothing(demo_url, tmp_path):
    before = run("answers", "export", db=demo_url, tmp=tmp_path).stdout
    bad = tmp_path / "bad.csv"
    bad.write_text("unit_code,cycle,indicator_code,value\n00070,2025,NTS01,2\n00070,2025,HTS01,abc\n",
                   encoding="utf-8")
    result = run("answers", "import", str(bad), db=demo_url, tmp=tmp_path)
    assert result.returncode == 2
    assert f"{bad}:3: value: HTS01: 'abc' is not a number" in result.stderr
    assert "nothing was imported" in result.stderr
    assert run("answers", "export", db=demo_url, tmp=tmp_path).stdout == before


def test_methodology_commands(tmp_path):
    good = run("methodology", "check", "questionnaires/hanoi-2025-commune.yaml",
               "questionnaires/crosswalk-hanoi-2024-district--hanoi-2025-commune.yaml", tmp=tmp_path)
    assert good.returncode == 0 and good.stdout.count("valid") == 2
    broken = run("methodology", "check", "tests/questionnaires/broken/circular.yaml", tmp=tmp_path)
    assert broken.returncode == 2
    assert "circular.yaml:28: indicators[A1].relevant_if: circular reference: A1 → A2 → A1" in broken.stdout
    shown = json.loads(run("methodology", "show", "hanoi-2025-department", "--json", tmp=tmp_path).stdout)
    assert len(shown["indicators"]) == 34 and shown["official_points"] is False
    kts = next(i for i in shown["indicators"] if i["pillar"] == "KTS")
    assert kts["applies_if"] == "unit.digital_economy_duty" and kts["scoring"]["rule"]
    text = run("methodology", "show", "hanoi-2025-commune", "--lang", "vi", tmp=tmp_path).stdout
    assert "[NTS] Nhận thức số" in text
    listed = run("methodology", "list", tmp=tmp_path).stdout
    assert listed.count("hanoi-") == 5


def test_targets_and_units_are_editable(demo_url, tmp_path):
    listed = run("targets", "list", db=demo_url, tmp=tmp_path)
    assert "de_share_each_sector" in listed.stdout and "[UNCONFIRMED]" in listed.stdout
    changed = run("targets", "set", "de_share_grdp", "2025", "32", db=demo_url, tmp=tmp_path)
    assert changed.returncode == 0 and "2025: 32" in changed.stdout
    incomplete = tmp_path / "targets.csv"
    incomplete.write_text("id,pillar,text_vi,text_en,unit,direction,target_2025\n"
                          "de_share_grdp,kinh_te_so,Tỷ trọng KTS,DE share,percent,min,30\n", encoding="utf-8")
    refused = run("targets", "import", str(incomplete), db=demo_url, tmp=tmp_path)
    assert refused.returncode == 2 and "lacks" in refused.stderr
    kept = run("targets", "import", str(incomplete), "--keep-default", db=demo_url, tmp=tmp_path)
    assert kept.returncode == 0, kept.stderr
    flag = run("units", "set", "SO_Y_TE", "--digital-economy", "yes", db=demo_url, tmp=tmp_path)
    assert flag.returncode == 0 and "digital-economy duty: yes" in flag.stdout
    departments = run("units", "list", "--kind", "department", "--cycle", "2025", "--lang", "vi", db=demo_url,
                      tmp=tmp_path)
    assert departments.stdout.count("\n") == 17 and "Sở Y tế [kinh tế số]" in departments.stdout


def test_a_foreign_file_is_refused_untouched(tmp_path):
    other = tmp_path / "other.sqlite"
    with sqlite3.connect(other) as c:
        c.execute("CREATE TABLE notes (body TEXT)")
    before = other.read_bytes()
    result = run("score", "--cycle", "2025", db=other, tmp=tmp_path)
    assert result.returncode == 2 and "is not a dxscore database" in result.stderr
    assert other.read_bytes() == before


def test_an_unexpected_error_exits_1_and_names_the_log(demo_db, tmp_path):
    with sqlite3.connect(demo_db) as c:
        c.execute("DROP TABLE answer_history")
        c.execute("DROP TABLE evidence")
        c.execute("DROP TABLE answers")
    result = run("score", "--cycle", "2025", db=demo_db, tmp=tmp_path)
    assert result.returncode == 1
    assert "unexpected error" in result.stderr and "Traceback" not in result.stderr
    log = tmp_path / "logs" / "dxscore.log"
    assert str(log) in result.stderr
    assert "Traceback" in log.read_text(encoding="utf-8")


def test_without_a_display_no_command_runs_the_headless_job(tmp_path, monkeypatch):
    for name in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"):
        monkeypatch.delenv(name, raising=False)
    result = run("--lang", "vi", env={"XDG_DATA_HOME": str(tmp_path / "data")}, tmp=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "No display found" in result.stderr
    pdf = next((tmp_path / "data" / "dxscore").glob("sample-scorecard-2025-*.pdf"))
    assert pdf.read_bytes().startswith(b"%PDF") and str(pdf) in result.stdout
    assert "DỮ LIỆU MẪU / demo data" in result.stdout and "Chu kỳ 2025" in result.stdout
    assert (tmp_path / "data" / "dxscore" / "demo.sqlite").exists()


def test_the_cli_never_imports_qt(demo_db):
    probe = ("import sys, io, contextlib; sys.argv=['main.py']; from cli.app import main\n"
             "with contextlib.redirect_stdout(io.StringIO()):\n"
             f"    main(['--db', {str(demo_db)!r}, 'score', '--cycle', '2025', '--json'])\n"
             "print(sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'pyqtgraph', 'shiboken6', "
             "'pandas', 'alembic')))")
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
