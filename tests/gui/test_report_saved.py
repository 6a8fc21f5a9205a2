"""After a report is written the window says where it went, and a folder that cannot be opened (no desktop
file manager, as on a server or a bare session) is reported, never silently ignored."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from tests.gui.conftest import open_unit


def test_a_saved_pdf_says_where_it_went_and_a_folder_that_cannot_open_says_so(qtbot, window, tmp_path,
                                                                               monkeypatch):
    open_unit(qtbot, window, "00070", 2025)
    pdf = tmp_path / "phieu.pdf"
    monkeypatch.setattr("gui.reports.QFileDialog.getSaveFileName", lambda *a, **k: (str(pdf), ""))
    window.report_actions["scorecard"].trigger()
    qtbot.waitUntil(lambda: window.reports.saved_box is not None and window.reports.saved_box.isVisible(),
                    timeout=30_000)
    box = window.reports.saved_box
    assert box.text() == f"Đã lưu: {pdf}" and str(pdf) in window.statusBar().currentMessage()
    buttons = {b.text() for b in box.buttons()}
    assert buttons == {"Mở thư mục", "Đóng"}
    # no desktop launcher answers (what QDesktopServices reports without xdg-open)
    monkeypatch.setattr("gui.reports.QDesktopServices.openUrl", lambda url: False)
    opener = next(b for b in box.buttons() if b.text() == "Mở thư mục")
    opener.click()
    failure = window.reports.failure_box
    assert isinstance(failure, QMessageBox) and failure.isVisible()
    assert failure.text().startswith("Không mở được thư mục") and str(tmp_path) in failure.text()
