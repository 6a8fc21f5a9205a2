"""One unit's scorecard that cannot be printed, for whatever reason, never stops the others (issue 12, item 10):
the booklet is still written, with a page naming the unit in its place, `--each` writes every other file, and
both say which unit failed (ReportsIncomplete). The failure is a real reportlab LayoutError: one unit's section
is made taller than any page."""

from __future__ import annotations

import pytest
from reportlab.platypus import Spacer

from assessment.domain.errors import ReportsIncomplete
from assessment.domain.model import UnitKind
from assessment.reports import pdf_scorecard
from tests.reports.conftest import outlines, page_texts

VICTIM = "00070"


@pytest.fixture
def one_unit_too_tall(monkeypatch: pytest.MonkeyPatch) -> None:
    evidence = pdf_scorecard._evidence

    def taller_than_a_page(view):  # type: ignore[no-untyped-def]
        flowables = evidence(view)
        return [*flowables, Spacer(1, 5000)] if view.unit_code == VICTIM else flowables

    monkeypatch.setattr(pdf_scorecard, "_evidence", taller_than_a_page)


def test_a_booklet_prints_every_other_unit_and_names_the_one_that_failed(one_unit_too_tall, demo_service, tmp_path):
    path = tmp_path / "booklet.pdf"
    chosen = [VICTIM, "00004", "00175"]
    with pytest.raises(ReportsIncomplete) as caught:
        demo_service.reports.booklet_pdf(year=2025, kind=UnitKind.COMMUNE, path=path, units=chosen)
    assert [code for code, _ in caught.value.failed] == [VICTIM]
    assert "LayoutError" in caught.value.failed[0][1]
    assert "1 scorecard(s) could not be printed in it (00070;" in caught.value.message
    assert path.exists() and caught.value.written == [path]
    text = " ".join(" ".join(page_texts(path, layout=False)).split())
    assert "Không in được phiếu kết quả của Phường Hoàn Kiếm (00070)" in text
    assert text.count("PHIẾU KẾT QUẢ ĐÁNH GIÁ CHUYỂN ĐỔI SỐ NĂM 2025") == 2  # the two other scorecards
    titles = [o.get("title", "") for o in _flat(outlines(path))]
    assert any("(00004)" in t for t in titles) and any("(00175)" in t for t in titles)


def test_each_writes_every_other_file_and_names_the_one_that_failed(one_unit_too_tall, demo_service, tmp_path):
    folder = tmp_path / "each"
    with pytest.raises(ReportsIncomplete) as caught:
        demo_service.reports.each_pdf(year=2025, kind=UnitKind.COMMUNE, folder=folder)  # in this process
    assert [code for code, _ in caught.value.failed] == [VICTIM]
    files = sorted(p.name for p in folder.glob("*.pdf"))
    assert len(files) == 125 and not any(f"-{VICTIM}-" in name for name in files)
    assert len(caught.value.written) == 125
    assert not list(folder.glob(".*tmp*"))  # the failed one left nothing behind


def _flat(items):  # type: ignore[no-untyped-def]
    for item in items:
        yield item
        yield from _flat(item.get("kids", []))
