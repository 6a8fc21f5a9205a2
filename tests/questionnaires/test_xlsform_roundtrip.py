"""Every shipped methodology survives YAML → Excel workbook (XLSForm layout) → YAML unchanged, and the
workbook says in XLSForm's own columns and syntax what XLSForm can say."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
import yaml
from openpyxl import load_workbook

from questionnaires import catalog
from questionnaires.loader import load_methodology
from questionnaires.xlsform import check_workbook, export_workbook
from questionnaires.xlsform_write import write_workbook


def normalised(value):
    """The file's content with absent and null keys alike (`to: null` is the same as no `to`)."""
    if isinstance(value, dict):
        return {k: normalised(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [normalised(v) for v in value]
    return value


def without_text(methodology):
    return dataclasses.replace(methodology, source_text="", sha256="")


@pytest.mark.parametrize("path", catalog.methodology_files(), ids=lambda p: p.stem)
def test_every_shipped_methodology_round_trips(path: Path, tmp_path: Path):
    shipped = load_methodology(path, catalog.default_targets().ids)
    workbook = export_workbook(shipped, tmp_path / f"{path.stem}.xlsx")
    back, problems = check_workbook(workbook, catalog.default_targets().ids)
    assert problems == [] and back is not None
    assert normalised(yaml.safe_load(back.source_text)) == normalised(yaml.safe_load(path.read_text("utf-8")))
    assert without_text(back) == without_text(shipped)
    installed = tmp_path / "installed.yaml"  # the YAML an import writes loads to the same methodology again
    installed.write_text(back.source_text, encoding="utf-8")
    assert without_text(load_methodology(installed, catalog.default_targets().ids)) == without_text(shipped)


def survey_column(workbook: Path, header: str) -> dict[str, str]:
    sheet = load_workbook(workbook, read_only=True)["survey"]
    rows = list(sheet.iter_rows(values_only=True))
    names, column = rows[0].index("name"), rows[0].index(header)
    return {row[names]: row[column] for row in rows[1:] if row[column] is not None}


def test_conditions_are_written_in_xlsform_syntax_where_it_can_say_them(tmp_path: Path):
    shipped = next(m for m in catalog.shipped_methodologies() if m.id == "hanoi-2025-commune")
    workbook = export_workbook(shipped, tmp_path / "commune.xlsx")
    relevant, own = survey_column(workbook, "relevant"), survey_column(workbook, "dx_relevant_if")
    constraint = survey_column(workbook, "constraint")
    assert relevant["NTS02"] == "${NTS01} > 0"
    assert "NTS05.numerator > 0" in own.values()  # a ratio's part: no XLSForm equivalent
    assert any(c.startswith(". ") or "${" in c for c in constraint.values())
    types = survey_column(workbook, "type")
    assert types["NTS01"] == "integer" and any(t.startswith("select_one ") for t in types.values())
    messages = survey_column(workbook, "constraint_message::Vietnamese (vi)")
    assert set(messages) == set(constraint)


def test_text_that_looks_like_a_formula_stays_text(tmp_path: Path):
    shipped = next(m for m in catalog.shipped_methodologies() if m.id == "hanoi-city-r18")
    doc = yaml.safe_load(shipped.source_text)
    doc["title"]["vi"] = "=HYPERLINK(\"http://x\",\"bấm\")"
    write_workbook(doc, tmp_path / "f.xlsx")
    sheet = load_workbook(tmp_path / "f.xlsx")["settings"]
    cell = next(c for c in sheet[2] if isinstance(c.value, str) and c.value.startswith("=HYPERLINK"))
    assert cell.data_type == "s"
    back, problems = check_workbook(tmp_path / "f.xlsx", catalog.default_targets().ids)
    assert problems == [] and back.title.vi == doc["title"]["vi"]
