"""Every Qt model passes pytest-qt's modeltester, and shows what the service holds."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from assessment.domain.model import EvidenceItem, Text, Unit, UnitCode, UnitKind
from gui.models import (
    CODE_ROLE,
    HISTORICAL_ROLE,
    EvidenceTableModel,
    MissingListModel,
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


def test_evidence_table(qtmodeltester):
    model = EvidenceTableModel([EvidenceItem("123/QĐ-UBND", dt.date(2025, 3, 4), "Quyết định kiện toàn Ban chỉ đạo",
                                             "qd.pdf", "ab" * 32)])
    qtmodeltester.check(model)
    assert model.index(0, 1).data() == "04/03/2025" and model.index(0, 3).data() == "qd.pdf"


def test_missing_list(qtmodeltester):
    model = MissingListModel([MissingRow("NTS02", "Tỷ lệ cuộc họp", "answer"),
                              MissingRow("CQS01", "Hồ sơ trực tuyến", "evidence")])
    qtmodeltester.check(model)
    assert model.index(1, 0).data(CODE_ROLE) == "CQS01"
