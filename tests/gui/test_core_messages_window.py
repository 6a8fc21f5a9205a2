"""The core's messages reach the Vietnamese window in Vietnamese (issue 16): a package refused for its signature in
the import dialog, and a refusal in the error box."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

from PySide6.QtWidgets import QApplication, QMessageBox

from assessment.domain.errors import BadInput, ImportRejected, Problem
from gui.errors import show_error
from tests.conftest import open_service
from tests.gui.test_entry import EMPTY_YEAR, complete_department


def submitted_package(db: Path, folder: Path) -> Path:
    """A real signed submission: the department's 2026 questionnaire completed, submitted and exported."""
    complete_department(db)
    service = open_service(db)
    try:
        service.entry.submit("SO_Y_TE", EMPTY_YEAR)
        path = folder / "SO_Y_TE.dxpkg"
        service.packages.export(unit_code="SO_Y_TE", year=EMPTY_YEAR, path=path)
        return path
    finally:
        service.store.close()


def forged(package: Path, target: Path) -> Path:
    """The same package with its manifest changed after signing: the signature no longer matches."""
    with zipfile.ZipFile(package) as archive:
        parts = {info.filename: archive.read(info) for info in archive.infolist()}
    manifest = json.loads(parts["manifest.json"])
    manifest["author"] = "kẻ giả mạo"
    parts["manifest.json"] = json.dumps(manifest).encode()
    with zipfile.ZipFile(target, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return target


def test_a_forged_package_is_refused_in_vietnamese(qtbot, make_window, demo_db, tmp_path):
    package = forged(submitted_package(demo_db, tmp_path), tmp_path / "gia-mao.dxpkg")
    window = make_window(demo_db)
    window.packages.import_paths([package])
    qtbot.waitUntil(lambda: window.packages.dialog is not None and window.packages.dialog.isVisible(),
                    timeout=10_000)
    dialog = window.packages.dialog
    preview = dialog.model.previews[0]
    assert preview.outcome.value == "rejected" and preview.rejection == "signature"
    said = dialog.model.index(0, 5).data()
    assert said == ("chữ ký bị thiếu hoặc không khớp: chữ ký không khớp với bản kê (gói đã bị sửa đổi sau khi ký, "
                    "hoặc được ký bằng khóa khác)"), said
    dialog.show_row(0)
    assert dialog.diff_label.text() == "Bị từ chối, không ghi gì: " + said


def _box(qtbot) -> QMessageBox:
    qtbot.waitUntil(lambda: any(isinstance(w, QMessageBox) and w.objectName() == "errorDialog" and w.isVisible()
                                for w in QApplication.topLevelWidgets()), timeout=5_000)
    return next(w for w in QApplication.topLevelWidgets()
                if isinstance(w, QMessageBox) and w.objectName() == "errorDialog" and w.isVisible())


def test_the_error_box_shows_the_core_refusal_in_vietnamese(qtbot, window):
    box = show_error(window, BadInput("C1.2: the assessment is locked: read-only"))
    assert _box(qtbot) is box
    assert box.text() == "C1.2: bản đánh giá ở trạng thái đã khóa: chỉ đọc"
    box.close()
    refused = ImportRejected("tra-loi.csv: 2 problem(s) in 1 row(s); nothing was imported",
                             [Problem("tra-loi.csv", 3, "value", "is blank")] * 52)
    box = show_error(window, refused)
    assert box.text() == "tra-loi.csv: 2 lỗi ở 1 dòng; chưa nhập gì"
    assert box.detailedText().splitlines()[0] == "  tra-loi.csv:3: value: đang để trống"
    assert box.detailedText().splitlines()[-1] == "  … và 2 lỗi khác"
    box.close()
