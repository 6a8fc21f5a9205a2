"""A methodology installed from an Excel workbook is used like a shipped one: a new version of the commune
methodology, edited in the workbook, is the one a commune's data entry opens with."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook

from assessment.domain.model import UnitKind


def edited(workbook: Path, version: str, text: str, to: Path) -> Path:
    book = load_workbook(workbook)
    settings, survey = book["settings"], book["survey"]
    settings.cell(2, [c.value for c in settings[1]].index("version") + 1).value = version
    survey.cell(2, [c.value for c in survey[1]].index("label::English (en)") + 1).value = text
    book.save(to)
    return to


def test_an_installed_version_is_the_one_data_entry_uses(service, tmp_path: Path):
    workbook = service.methodologies.export_workbook("hanoi-2025-commune", tmp_path / "xa.xlsx")
    newer = edited(workbook, "2099.1", "Meetings of the steering committee (edited in Excel)", tmp_path / "n.xlsx")
    methodology, installed, written = service.methodologies.install_workbook(newer)
    assert written and installed.exists() and methodology.version == "2099.1"
    commune = service.units.list(UnitKind.COMMUNE, active_in=2025)[0]
    assert service.methodologies.for_unit(commune, 2025).version == "2099.1"
    session = service.entry.open(commune.code, 2025)
    first = session.methodology.indicators[0]
    assert session.methodology.version == "2099.1"
    assert first.text.en == "Meetings of the steering committee (edited in Excel)"
