"""The window's Methodology menu: export the open unit's methodology as an Excel workbook, install an edited
workbook (listed by the service from then on), and a bad workbook shown with its sheet:row:column, installing
nothing."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook
from PySide6.QtWidgets import QMessageBox

from questionnaires import catalog
from tests.gui.conftest import open_unit


def set_version(path: Path, version: str, to: Path, points: int | None = None) -> Path:
    book = load_workbook(path)
    settings = book["settings"]
    settings.cell(2, [c.value for c in settings[1]].index("version") + 1).value = version
    if points is not None:
        survey = book["survey"]
        survey.cell(2, [c.value for c in survey[1]].index("dx_points") + 1).value = points
    book.save(to)
    return to


def test_export_and_install_from_the_window(qtbot, window, tmp_path, monkeypatch):
    open_unit(qtbot, window, "00070", 2025)
    unit_methodology = window.controller.session.methodology
    exported = tmp_path / "bo-chi-so"
    monkeypatch.setattr("gui.methodology_files.QFileDialog.getSaveFileName", lambda *a, **k: (str(exported), ""))
    window.methodology_files.actions["export"].trigger()
    workbook = exported.with_suffix(".xlsx")
    assert load_workbook(workbook, read_only=True).sheetnames[:3] == ["survey", "choices", "settings"]
    done = window.methodology_files.last_message
    assert done.objectName() == "methodologyDone" and str(workbook) in done.text()
    assert unit_methodology.id in done.text()

    newer = set_version(workbook, "2099.1", tmp_path / "newer.xlsx")
    monkeypatch.setattr("gui.methodology_files.QFileDialog.getOpenFileName", lambda *a, **k: (str(newer), ""))
    window.methodology_files.actions["import"].trigger()
    assert window.methodology_files.last_message.objectName() == "methodologyDone"
    assert "2099.1" in window.methodology_files.last_message.text()
    versions = {(m.id, m.version) for m in window.service.methodologies.available()}
    assert (unit_methodology.id, "2099.1") in versions


def test_a_bad_workbook_is_shown_with_its_cell_and_installs_nothing(qtbot, window, tmp_path, monkeypatch):
    shipped = next(m for m in catalog.shipped_methodologies() if m.id == "hanoi-2025-department")
    good = tmp_path / "sở.xlsx"
    window.service.methodologies.export_workbook(shipped.id, good)
    bad = set_version(good, "2099.1", tmp_path / "bad.xlsx", points=-1)
    monkeypatch.setattr("gui.methodology_files.QFileDialog.getOpenFileName", lambda *a, **k: (str(bad), ""))
    window.methodology_files.actions["import"].trigger()
    box: QMessageBox = window.methodology_files.last_message
    # the Vietnamese window shows the core's refusal and its problems in Vietnamese (issue 16)
    assert box.objectName() == "errorDialog" and "sổ tính bị từ chối và chưa cài đặt gì" in box.text()
    assert f"{bad}:survey:2:N: indicators[" in box.detailedText() and "phải ít nhất là 0" in box.detailedText()
    folder = catalog.user_methodology_dir()
    assert not folder.exists() or list(folder.iterdir()) == []


def test_with_no_unit_open_the_export_asks_which_methodology(qtbot, window, tmp_path, monkeypatch):
    asked = []

    def choose(parent, title, label, items, current, editable):
        asked.append(items)
        return next(i for i in items if i.startswith("hanoi-city-r18 ")), True

    monkeypatch.setattr("gui.methodology_files.QInputDialog.getItem", choose)
    monkeypatch.setattr("gui.methodology_files.QFileDialog.getSaveFileName",
                        lambda *a, **k: (str(tmp_path / "nq18.xlsx"), ""))
    assert window.controller.session is None
    window.methodology_files.actions["export"].trigger()
    assert len(asked[0]) == len(window.service.methodologies.available())
    assert "hanoi-city-r18" in window.methodology_files.last_message.text()
    assert (tmp_path / "nq18.xlsx").exists()
