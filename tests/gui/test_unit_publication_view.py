"""The unit's published result in its own window (issue 17.4): after its publication package is imported, the
Data entry tab shows "Xếp hạng công bố n/m", the publication, the adjusted indicator with its reason, and the
questionnaire marks that indicator; another unit (nothing published for it here) shows none of it. The import
preview words the package in Vietnamese."""

from __future__ import annotations

from assessment.exchange.package_diff import Outcome
from gui.packages import preview_reason
from tests.conftest import open_service
from tests.gui.conftest import SCREENSHOTS, open_unit
from tests.publication_setup import (
    CODE,
    OTHER,
    REASON,
    UNIT,
    YEAR,
    publish_city,
    publish_correction,
    unit_database,
)


def test_the_unit_sees_its_published_rank_and_adjustments_in_its_window(qtbot, make_window, demo_db, tmp_path,
                                                                        qtmodeltester):
    published = publish_city(demo_db, tmp_path / "cong-bo")
    db = tmp_path / "so-noi-vu.sqlite"
    unit = unit_database(db, published)
    try:
        (preview,) = unit.packages.preview([published.packages[UNIT]])
        assert preview.outcome == Outcome.NEW
        rank, peers = published.rank
        said = preview_reason(preview, "vi")
        assert said.startswith(f"công bố lần 1 năm 2025 (1234/QĐ-UBND): Xếp hạng công bố {rank}/{peers}")
        assert said.endswith(", 1 chỉ tiêu được điều chỉnh")
        assert unit.packages.apply([preview])[0].applied
    finally:
        unit.store.close()

    window = make_window(db)
    open_unit(qtbot, window, UNIT, YEAR)
    panel = window.published
    qtbot.waitUntil(panel.isVisible, timeout=10_000)
    headline = panel.headline.text()
    assert f"Xếp hạng công bố {rank}/{peers}" in headline and "Quyết định số 1234/QĐ-UBND ngày 30/04/2026" in headline
    assert "chỉ số thẩm định" in headline
    qtmodeltester.check(panel.model)
    assert [panel.model.index(0, c).data() for c in (0, 3)] == [CODE, REASON]
    assert panel.model.index(0, 4).data() == "Cán bộ thẩm định thanh_tra_ha"
    editor = window.form.editors[CODE]
    assert "◆ điều chỉnh:" in editor.title.text() and editor.title.toolTip() == REASON
    window.resize(1280, 820)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    window.grab().save(str(SCREENSHOTS / "unit_publication_vi.png"))  # looked at: headline, table, the mark

    open_unit(qtbot, window, OTHER, YEAR)
    qtbot.waitUntil(lambda: not panel.isVisible(), timeout=10_000)
    assert "◆" not in window.form.editors[CODE].title.text() and not panel.marked

    # The correction arrives: publication 2 is in force, publication 1 stays listed, nothing is adjusted now.
    correction = publish_correction(demo_db, tmp_path / "cong-bo-2")
    unit = open_service(db)
    try:
        assert unit.packages.import_files([correction])[1][0].applied
    finally:
        unit.store.close()
    open_unit(qtbot, window, UNIT, YEAR)
    qtbot.waitUntil(lambda: "1300/QĐ-UBND" in panel.headline.text(), timeout=10_000)
    assert "công bố lần 2" in panel.headline.text() and "đính chính: Đính chính điểm thẩm định" in \
        panel.headline.text()
    assert panel.history.text() == "Đã nhận thêm: công bố lần 1 (1234/QĐ-UBND): đã được thay thế"
    assert panel.model.rowCount() == 0 and "◆" not in window.form.editors[CODE].title.text()


def test_a_correction_imported_by_another_process_reaches_the_open_window(qtbot, make_window, demo_db, tmp_path):
    """The unit's window stays open on its published result while a colleague imports the correction from the
    command line: the window follows the database (gui/changes.py) and shows publication 2 in force, without the
    user reopening the unit; a superseded decision is never left on screen as the one in force."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    published = publish_city(demo_db, tmp_path / "cong-bo")
    db = tmp_path / "so-noi-vu.sqlite"
    unit = unit_database(db, published)
    try:
        assert unit.packages.import_files([published.packages[UNIT]])[1][0].applied
    finally:
        unit.store.close()
    window = make_window(db)
    open_unit(qtbot, window, UNIT, YEAR)
    panel = window.published
    qtbot.waitUntil(lambda: panel.isVisible() and "1234/QĐ-UBND" in panel.headline.text(), timeout=10_000)
    assert "◆ điều chỉnh:" in window.form.editors[CODE].title.text()

    correction = publish_correction(demo_db, tmp_path / "cong-bo-2")
    root = Path(__file__).resolve().parents[2]
    done = subprocess.run([sys.executable, str(root / "main.py"), "--db", str(db), "packages", "import",
                           str(correction)], capture_output=True, text=True, timeout=120, cwd=root,
                          env={**os.environ, "DXSCORE_LOG_DIR": str(tmp_path / "logs")})
    assert done.returncode == 0, done.stderr
    qtbot.waitUntil(lambda: "1300/QĐ-UBND" in panel.headline.text(), timeout=15_000)
    assert "công bố lần 2" in panel.headline.text()
    assert window.controller.session is not None and window.controller.session.unit.code == UNIT
    qtbot.waitUntil(lambda: "◆" not in window.form.editors[CODE].title.text(), timeout=5_000)
    assert panel.model.rowCount() == 0
