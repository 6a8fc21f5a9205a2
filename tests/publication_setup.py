"""A published city and a unit's own database, for the publication-package tests (exchange and window): the
demo's 2025 cycle with three departments appraised (one indicator of SO_NOI_VU lowered with a reason), published,
and each department's publication package written with the inspectors' key list beside them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from assessment.domain.model import AssessmentStatus
from tests.conftest import open_service

YEAR, UNIT, OTHER, CODE = 2025, "SO_NOI_VU", "SO_TAI_CHINH", "NTS01"
REASON = "Biên bản kiểm tra chưa có chữ ký"
DEPARTMENTS = (UNIT, OTHER, "SO_KHCN")


@dataclass(frozen=True)
class Published:
    packages: dict[str, Path]  # unit code -> its publication package
    keys: Path  # the inspectors' key list
    rank: tuple[int, int]  # SO_NOI_VU's published rank and peers
    points: tuple[float, float]  # CODE: the unit's points, the appraised points


def publish_city(demo_db: Path, folder: Path) -> Published:
    city = open_service(demo_db)
    try:
        city.user = "thanh_tra_ha"
        for code in DEPARTMENTS:
            city.store.set_status(city.store.assessments(YEAR, unit_code=code)[0].id,
                                  AssessmentStatus.UNDER_REVIEW, who="test", why="test setup")
        own = next(i.points for i in city.scores.for_cycle(year=YEAR, unit_code=UNIT).scorecards[0].indicators
                   if i.code == CODE)
        appraised = 0.0 if own > 0 else 1.0
        city.appraisal.set_points(unit_code=UNIT, year=YEAR, code=CODE, points=appraised, reason=REASON)
        for code in DEPARTMENTS:
            city.appraisal.appraise(unit_code=code, year=YEAR)
        publication = city.publication.publish(YEAR, decision_no="1234/QĐ-UBND", decision_date=dt.date(2026, 4, 30))
        exported = city.unit_publications.export(YEAR, folder, units=[UNIT, OTHER])
        keys = city.packages.export_keys(folder / "city-keys.json", [city.packages.inspector_identity])
        assert keys and all(e.path for e in exported)
        mine = publication.unit(UNIT)
        return Published({e.unit_code: e.path for e in exported if e.path}, folder / "city-keys.json",
                         (mine.rank, mine.peer_count), (own, appraised))
    finally:
        city.store.close()


def unit_database(path: Path, published: Published, unit: str = UNIT):  # type: ignore[no-untyped-def]
    """The unit's own database: it signs for the unit (as after its first export) and registered the inspectors'
    key list."""
    service = open_service(path)
    service.user = "can_bo_don_vi"
    own = service.packages.own_key(unit, create=True)
    service.packages.trust(unit, own.public_key, source="own")
    service.packages.import_keys(published.keys)
    return service


def publish_correction(demo_db: Path, folder: Path) -> Path:
    """The city corrects SO_NOI_VU's appraisal (CODE back to the unit's own points) and publishes publication 2;
    SO_NOI_VU's package of it."""
    city = open_service(demo_db)
    try:
        city.user = "thanh_tra_ha"
        where = {"unit_code": UNIT, "year": YEAR}
        city.appraisal.unlock(**where, why="Phát hiện sai sót sau công bố")
        city.appraisal.reopen_review(**where, why="Chấm lại")
        city.appraisal.set_points(**where, code=CODE, points=None, reason="Đơn vị bổ sung biên bản có chữ ký")
        city.appraisal.appraise(**where)
        city.publication.publish(YEAR, decision_no="1300/QĐ-UBND", decision_date=dt.date(2026, 5, 15),
                                 reason="Đính chính điểm thẩm định của Sở Nội vụ")
        (exported,) = city.unit_publications.export(YEAR, folder, units=[UNIT])
        assert exported.path is not None, exported.skipped
        return exported.path
    finally:
        city.store.close()
