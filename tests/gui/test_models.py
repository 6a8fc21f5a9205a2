"""Every Qt model passes pytest-qt's modeltester, and shows what the service holds."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from assessment.domain.model import EvidenceItem, Text, Unit, UnitCode, UnitKind
from gui.models import (
    CODE_ROLE,
    HISTORICAL_ROLE,
    EvidenceTableModel,
    MissingRow,
    PillarListModel,
    PillarProgress,
    UnitFilter,
    UnitTreeModel,
)

UNITS = [
    Unit(UnitCode("00070"), UnitKind.COMMUNE, "ward", Text("Phường Hoàn Kiếm", "Hoan Kiem Ward"),
         dt.date(2025, 7, 1)),
    Unit(UnitCode("002"), UnitKind.DISTRICT, "urban_district", Text("Quận Hoàn Kiếm", "Hoan Kiem District"),
         None, dt.date(2025, 6, 30)),
    Unit(UnitCode("SO_Y_TE"), UnitKind.DEPARTMENT, "department", Text("Sở Y tế", "Department of Health")),
]


def test_unit_tree(qtmodeltester):
    model = UnitTreeModel(UNITS)
    model.set_units(UNITS, dt.date(2025, 12, 31))
    qtmodeltester.check(model)
    groups = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert groups[0].startswith("Sở, ban, ngành") or groups[0].startswith("Departments")
    district_group = model.index(2, 0)
    district = model.index(0, 0, district_group)
    assert district.data(CODE_ROLE) == "002" and district.data(HISTORICAL_ROLE) is True


def test_unit_filter_ignores_diacritics(qtmodeltester):
    model = UnitTreeModel(UNITS)
    proxy = UnitFilter()
    proxy.setSourceModel(model)
    proxy.set_query("hoan kiem")
    qtmodeltester.check(proxy)
    found = [proxy.index(r, 0, proxy.index(g, 0)).data(CODE_ROLE)
             for g in range(proxy.rowCount()) for r in range(proxy.rowCount(proxy.index(g, 0)))]
    assert set(found) == {"002", "00070"}
    proxy.set_query("Y tế")
    assert proxy.rowCount() == 1


def test_pillar_list(qtmodeltester):
    model = PillarListModel()
    model.set_rows([PillarProgress("NTS", "Nhận thức số", 3, 5, 42.5, 100), PillarProgress("TCS", "Thể chế số", 3,
                                                                                          3, 100, 100)])
    qtmodeltester.check(model)
    assert "3/5" in model.index(0, 0).data() and "42,5/100" in model.index(0, 0).data()
    assert model.index(1, 0).data(Qt.ItemDataRole.ForegroundRole) is not None  # complete: green


def test_pillar_rows_change_in_place_and_cannot_be_edited(qtmodeltester):
    model = PillarListModel()
    model.set_rows([PillarProgress("NTS", "Nhận thức số", 5, 5, 100, 100), PillarProgress("TCS", "Thể chế số", 1,
                                                                                          3, 10, 100)])
    first = model.index(0, 0)
    assert model.index(0, 0).data(Qt.ItemDataRole.ForegroundRole) is not None  # complete: green
    model.set_rows([PillarProgress("NTS", "Nhận thức số", 4, 5, 80, 100), PillarProgress("TCS", "Thể chế số", 1,
                                                                                         3, 10, 100)])
    qtmodeltester.check(model)
    assert model.index(0, 0) == first and "4/5" in first.data() and "80/100" in first.data()
    assert first.data(Qt.ItemDataRole.ForegroundRole) is None  # no longer complete: no longer green
    assert first.data(CODE_ROLE) == "NTS"
    assert not model.flags(first) & Qt.ItemFlag.ItemIsEditable  # a double click on a pillar opens no editor


def test_evidence_table(qtmodeltester):
    model = EvidenceTableModel([EvidenceItem("123/QĐ-UBND", dt.date(2025, 3, 4), "Quyết định kiện toàn Ban chỉ đạo",
                                             "qd.pdf", "ab" * 32)])
    qtmodeltester.check(model)
    assert model.index(0, 1).data() == "04/03/2025" and model.index(0, 3).data() == "qd.pdf"


def test_missing_list(qtmodeltester):
    from gui.dialogs import missing_model

    model = missing_model([MissingRow("CQS01", "Hồ sơ trực tuyến", "evidence"),
                           MissingRow("NTS02", "Tỷ lệ cuộc họp", "answer")])
    qtmodeltester.check(model)
    shown = [(model.index(r, 0).data(), model.index(r, 0).data(CODE_ROLE)) for r in range(model.rowCount())]
    assert shown == [("Not answered (1)", None), ("NTS02 — Tỷ lệ cuộc họp", "NTS02"),  # unanswered first
                     ("Answered, evidence needed (1)", None), ("CQS01 — Hồ sơ trực tuyến", "CQS01")]
