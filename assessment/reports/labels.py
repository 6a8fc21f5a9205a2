"""Vietnamese wording and number formats of the printed reports (PDF and Excel).

Numbers follow Vietnamese usage: a comma before decimals and a dot between thousands ("1.000", "870,7",
"0,8840"). The index is printed with 4 decimals, as in `score` and the published DTI reports.
"""

from __future__ import annotations

import datetime as dt

from assessment.domain.model import AssessmentStatus, TargetStatus, UnitKind

KIND_LABEL = {
    UnitKind.DEPARTMENT: "Sở, ban, ngành",
    UnitKind.DISTRICT: "Quận, huyện, thị xã",
    UnitKind.COMMUNE: "Xã, phường",
    UnitKind.CITY: "Thành phố",
}
KIND_PLURAL = {
    UnitKind.DEPARTMENT: "các sở, ban, ngành",
    UnitKind.DISTRICT: "các quận, huyện, thị xã",
    UnitKind.COMMUNE: "các xã, phường",
    UnitKind.CITY: "Thành phố",
}
SUBTYPE_LABEL = {
    "department": "Sở", "equivalent": "Cơ quan tương đương sở",
    "urban_district": "Quận", "rural_district": "Huyện", "town": "Thị xã",
    "ward": "Phường", "commune": "Xã", "city": "Thành phố",
}
STATUS_LABEL = {
    TargetStatus.MET: "Đạt",
    TargetStatus.ON_TRACK: "Đúng lộ trình",
    TargetStatus.BASELINE: "Năm gốc",
    TargetStatus.BEHIND: "Chậm",
    TargetStatus.NO_DATA: "Chưa có số liệu",
}
ASSESSMENT_LABEL = {
    AssessmentStatus.DRAFT: "Đang nhập",
    AssessmentStatus.SUBMITTED: "Đã nộp",
    AssessmentStatus.UNDER_REVIEW: "Đang thẩm định",
    AssessmentStatus.RETURNED: "Trả lại để bổ sung",
    AssessmentStatus.RESUBMITTED: "Đã nộp lại",
    AssessmentStatus.APPRAISED: "Đã thẩm định",
    AssessmentStatus.LOCKED: "Đã khóa",
}
MEASURE_LABEL = {"percent": "%", "percent_per_year": "%/năm", "rank": "hạng"}
PROJECTION_HELP = ("Dự kiến đạt: năm đạt mốc cuối của mục tiêu nếu giữ tốc độ bình quân của các chu kỳ đã đánh giá "
                   "(cần số liệu từ 2 chu kỳ trở lên).")
DASH = "—"


def number(value: float | None, decimals: int = 1) -> str:
    """1234.5 -> "1.234,5"; None -> "—". Trailing zeros are kept (columns line up)."""
    if value is None or value != value:
        return DASH
    text = f"{value:,.{decimals}f}"
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


def points(value: float | None) -> str:
    """Points with one decimal, or none when whole ("100", "87,5")."""
    if value is None or value != value:
        return DASH
    return number(value, 0 if float(value).is_integer() else 1)


def index(value: float | None) -> str:
    return number(value, 4)


def signed_index(value: float | None) -> str:
    if value is None or value != value:
        return DASH
    sign = "+" if value > 5e-5 else "−" if value < -5e-5 else "±"
    return sign + number(abs(value), 4)


def value(measure: object, unit: str = "") -> str:
    """An indicator's measured value as printed in the target table."""
    if measure is None:
        return DASH
    if isinstance(measure, bool):
        return "Có" if measure else "Không"
    if isinstance(measure, float | int):
        text = number(float(measure), 0 if float(measure).is_integer() else 1)
        return f"{text} {unit}".strip() if unit and unit != "%" else text + unit
    if isinstance(measure, tuple):
        return ", ".join(measure) or DASH
    return str(measure)


def measure(unit: str) -> str:
    return MEASURE_LABEL.get(unit, unit)


def target_value(amount: float | None, unit: str) -> str:
    if amount is None:
        return DASH
    if unit == "rank":
        return f"hạng {number(amount, 0)}"
    return value(amount, measure(unit))


def projection(status: object, projected_year: int | None, known: bool, cycle: int) -> str:
    """The "projected year" cell: reached, a year, not at this pace, or not enough cycles."""
    if not known:
        return "Chưa đủ số liệu"
    if projected_year is None:
        return "Không đạt với tốc độ hiện tại"
    if projected_year <= cycle:
        return f"Đã đạt ({projected_year})"
    return str(projected_year)


def long_date(day: dt.date, place: str = "Hà Nội") -> str:
    """The place-and-date line of an administrative document: days below 10 and months below 3 take a
    leading zero (Nghị định 30/2020/NĐ-CP)."""
    month = f"{day.month:02d}" if day.month < 3 else str(day.month)
    return f"{place}, ngày {day.day:02d} tháng {month} năm {day.year}"


def timestamp(moment: dt.datetime) -> str:
    return moment.strftime("%H:%M %d/%m/%Y")
