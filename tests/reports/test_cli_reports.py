"""`report` and `export scores` end to end, in real processes (the --each pool forks workers that open their
own service on the same database)."""

from __future__ import annotations

import pandas as pd

from assessment.domain.demo_data import DEMO_MARK
from assessment.domain.model import UnitKind
from tests.reports.conftest import assert_fonts_embedded, assert_qpdf_ok, outlines, page_texts
from tests.test_cli import run


def test_report_one_unit(demo_db, tmp_path):
    out = tmp_path / "so-noi-vu.pdf"
    result = run("report", "--cycle", "2025", "--unit", "SO_NOI_VU", "-o", str(out), db=demo_db, tmp=tmp_path)
    assert result.returncode == 0, result.stderr
    pages = page_texts(out)
    assert len(pages) == 2 and all("Sở Nội vụ" in p for p in pages)
    assert DEMO_MARK in result.stdout


def test_report_booklet(demo_db, tmp_path):
    out = tmp_path / "departments.pdf"
    result = run("report", "--cycle", "2025", "--kind", "department", "--booklet", "-o", str(out), db=demo_db,
                 tmp=tmp_path)
    assert result.returncode == 0, result.stderr
    assert len(outlines(out)[-1]["kids"]) == 17
    assert_qpdf_ok(out)


def test_report_each_uses_a_process_pool(demo_url, tmp_path):
    """Each worker opens its own service on the same database: an SQLite file, then PostgreSQL."""
    folder = tmp_path / "each"
    result = run("report", "--cycle", "2025", "--kind", "department", "--each", "--workers", "2", "-o",
                 str(folder), db=demo_url, tmp=tmp_path)
    assert result.returncode == 0, result.stderr
    files = sorted(folder.glob("*.pdf"))
    assert len(files) == 17 and "17 scorecards" in result.stderr
    assert not list(folder.glob(".*"))  # no temporary files left
    named = {f.name for f in files}
    assert "2025-SO_NOI_VU-so-noi-vu.pdf" in named and "2025-SO_Y_TE-so-y-te.pdf" in named
    for path in files[:3]:
        assert_fonts_embedded(path)
        assert_qpdf_ok(path)
        assert path.stat().st_size <= 200_000
    assert "Sở Y tế" in page_texts(folder / "2025-SO_Y_TE-so-y-te.pdf")[0]


def test_report_arguments_are_checked(demo_db, tmp_path):
    for args in (["--unit", "SO_NOI_VU", "--booklet"], ["--kind", "commune"], ["--kind", "commune", "--booklet",
                                                                                "--each"]):
        result = run("report", "--cycle", "2025", *args, "-o", str(tmp_path / "x.pdf"), db=demo_db, tmp=tmp_path)
        assert result.returncode == 2 and "report needs exactly one of" in result.stderr
    result = run("report", "--cycle", "2025", "--unit", "NOPE", "-o", str(tmp_path / "x.pdf"), db=demo_db,
                 tmp=tmp_path)
    assert result.returncode == 2 and "NOPE" in result.stderr
    assert not (tmp_path / "x.pdf").exists()


def test_export_scores(demo_db, tmp_path):
    out = tmp_path / "scores.xlsx"
    result = run("export", "scores", "--cycle", "2025", "--kind", "department", "-o", str(out), db=demo_db,
                 tmp=tmp_path)
    assert result.returncode == 0, result.stderr
    summary = pd.read_excel(out, sheet_name="Tổng hợp", header=1)
    assert len(summary) == 17 and set(summary["kind"]) == {"department"}


def test_each_with_spawned_workers(demo_db, tmp_path, monkeypatch):
    """What a GUI gets (threads running, so no fork): workers start fresh and score the cycle themselves."""
    import functools

    from assessment.domain.model import UnitKind
    from assessment.services import report_batch as batch
    from cli.wiring import open_service_at
    from storage.db import sqlite_url
    from tests.conftest import open_service

    monkeypatch.setattr(batch, "_start_method", lambda: "spawn")
    service = open_service(demo_db)
    ticks: list[tuple[int, int]] = []

    class Progress:
        def set_progress(self, done: int, total: int) -> None:
            ticks.append((done, total))

        def set_status(self, text: str) -> None:
            pass

        def is_cancelled(self) -> bool:
            return False

    written = service.reports.each_pdf(year=2025, kind=UnitKind.DEPARTMENT, folder=tmp_path / "out", workers=2,
                                       opener=functools.partial(open_service_at, sqlite_url(demo_db)),
                                       progress=Progress())
    service.store.close()
    assert len(written) == 17 and all(p.exists() for p in written)
    assert ticks[0] == (0, 17) and ticks[-1] == (17, 17)


def test_a_booklet_of_chosen_units_keeps_the_group_ranks(demo_db, tmp_path):
    """Five wards out of 126 (as a province or a former district would be): their scorecards only, ranked as in the
    whole group, and the cover says so."""
    from tests.conftest import open_service

    service = open_service(demo_db)
    try:
        cards = {c.unit_code: c for c in service.scores.for_cycle(year=2025, kind=UnitKind.COMMUNE).scorecards}
    finally:
        service.store.close()
    chosen = ["00070", "00004", "00292", "00118", "00166"]
    listing = tmp_path / "units.txt"
    listing.write_text("# phường khu trung tâm\n" + "\n".join(chosen) + "\n\n", encoding="utf-8")
    out = tmp_path / "trung-tam.pdf"
    result = run("report", "--cycle", "2025", "--kind", "commune", "--booklet", "--units", f"@{listing}", "-o",
                 str(out), db=demo_db, tmp=tmp_path)
    assert result.returncode == 0, result.stderr
    units = outlines(out)[-1]["kids"]
    assert len(units) == 5
    ranked = sorted(chosen, key=lambda c: (cards[c].rank, c))
    assert [k["title"] for k in units] == [f"{cards[c].rank}. {cards[c].unit_name.vi} ({c})" for c in ranked]
    cover = " ".join(page_texts(out)[0].split())
    assert "5 đơn vị được chọn trong 126 đơn vị cùng nhóm" in cover

    bad = run("report", "--cycle", "2025", "--kind", "commune", "--booklet", "--units", "00070,NOPE", "-o",
              str(tmp_path / "x.pdf"), db=demo_db, tmp=tmp_path)
    assert bad.returncode == 2 and "NOPE" in bad.stderr and not (tmp_path / "x.pdf").exists()
