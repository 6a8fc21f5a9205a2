"""The Excel export of a cycle's scores (pandas + openpyxl).

Sheets: "Tổng hợp" (units × pillars), one "Chỉ số - <kind>" sheet per kind of unit (units × indicator points),
"Chi tiết" (one row per unit × indicator, with values and target status) and "Thông tin". Each data sheet has
the Vietnamese header in row 1 and the stable column key in row 2 (`pd.read_excel(f, sheet, header=1)` reads
the keys). Keys are codes, never positions or wording: unit fields by name (`unit_code`, `index`…), pillars
as `<PILLAR>.points|max_points|index|state`, indicators as `<CODE>.points`. A pillar's `state` says what its
index is: `scored`, `not_applicable` (nothing in it applies: the index cell is empty, never 0) or `no_data`
(it applies but nothing in it is answered yet: the index is the rules' 0). Indicator codes are stable across
methodology versions by design (a code keeps its meaning; crosswalks list the renamed, merged and dropped
ones), and "Chi tiết" adds `current_code`, the code in the newest methodology of the same kind.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

import pandas as pd

from assessment.domain import number_format
from assessment.domain.demo_data import DEMO_MARK
from assessment.domain.model import Crosswalk, IndicatorScore, Methodology, Scorecard, Unit, UnitCode, UnitKind
from assessment.domain.text_limits import protect_workbook, safe_frame
from assessment.reports import labels
from assessment.reports.view import ReportOptions

SUMMARY_COLUMNS = {
    "unit_code": "Mã đơn vị", "unit_name": "Tên đơn vị", "kind": "Loại đơn vị (mã)", "subtype": "Phân loại (mã)",
    "cycle": "Chu kỳ", "methodology_id": "Bộ chỉ số (mã)", "methodology_version": "Phiên bản bộ chỉ số",
    "status": "Trạng thái hồ sơ (mã)", "points": "Tổng điểm", "max_points": "Điểm tối đa áp dụng",
    "index": "Chỉ số chung", "band_code": "Mức (mã)", "band": "Mức", "rank": "Hạng", "peer_count": "Số đơn vị xếp hạng",
    "missing": "Số chỉ số chưa trả lời", "appraised_points": "Tổng điểm thẩm định",
    "appraised_index": "Chỉ số chung thẩm định", "appraised_band_code": "Mức thẩm định (mã)",
}
DETAIL_COLUMNS = {
    "unit_code": "Mã đơn vị", "cycle": "Chu kỳ", "methodology_id": "Bộ chỉ số (mã)",
    "methodology_version": "Phiên bản bộ chỉ số", "indicator_code": "Mã chỉ số",
    "current_code": "Mã chỉ số trong bộ mới nhất", "pillar": "Trụ cột (mã)", "indicator": "Chỉ số",
    "value": "Giá trị trả lời", "numerator": "Tử số", "denominator": "Mẫu số", "points": "Điểm",
    "max_points": "Điểm tối đa", "applicable": "Áp dụng", "relevant": "Hiển thị", "answered": "Đã trả lời",
    "target_id": "Mục tiêu (mã)", "target_status": "Tình trạng mục tiêu (mã)", "projected_year": "Năm dự kiến đạt",
    "appraised_points": "Điểm thẩm định", "appraisal_reason": "Lý do thẩm định",
}
SHEET_KIND = {UnitKind.DEPARTMENT: "Chỉ số - Sở, ban, ngành", UnitKind.DISTRICT: "Chỉ số - Quận, huyện",
              UnitKind.COMMUNE: "Chỉ số - Xã, phường", UnitKind.CITY: "Chỉ số - Thành phố (NQ 18)"}


def score_frames(cards: Sequence[Scorecard], methodologies: Mapping[str, Methodology], units: Mapping[UnitCode, Unit],
                 crosswalks: Sequence[Crosswalk], latest: Mapping[UnitKind, Methodology]) -> dict[str, pd.DataFrame]:
    """Sheet name -> frame with stable keys as columns; `frame.attrs["headers"]` maps keys to Vietnamese."""
    frames = {"Tổng hợp": _summary(cards, methodologies, units)}
    for kind in UnitKind:
        members = [c for c in cards if c.kind == kind]
        if members:
            frames[SHEET_KIND[kind]] = _indicator_matrix(members, methodologies)
    frames["Chi tiết"] = _details(cards, methodologies, crosswalks, latest)
    return frames


def _key(card: Scorecard) -> str:
    return f"{card.methodology_id}@{card.methodology_version}"


def _summary(cards: Sequence[Scorecard], methodologies: Mapping[str, Methodology], units: Mapping[UnitCode, Unit]
             ) -> pd.DataFrame:
    headers = dict(SUMMARY_COLUMNS)
    rows = []
    for card in cards:
        unit = units.get(card.unit_code)
        row: dict[str, object] = {
            "unit_code": card.unit_code, "unit_name": card.unit_name.vi, "kind": card.kind.value,
            "subtype": unit.subtype if unit else None, "cycle": card.cycle, "methodology_id": card.methodology_id,
            "methodology_version": card.methodology_version, "status": card.status.value, "points": card.points,
            "max_points": card.max_points, "index": card.index, "band_code": card.band.code if card.band else None,
            "band": card.band.name.vi if card.band else None, "rank": card.rank, "peer_count": card.peer_count,
            "missing": len(card.missing), "appraised_points": card.appraised_points,
            "appraised_index": card.appraised_index,
            "appraised_band_code": card.appraised_band.code if card.appraised_band else None}
        m = methodologies[_key(card)]
        answered = {i.pillar for i in card.indicators if i.applicable and i.answered}
        for p in card.pillars:
            name = m.pillar(p.code).name.vi
            for field, label in (("points", "điểm"), ("max_points", "tối đa"), ("index", "chỉ số"),
                                 ("state", "tình trạng (mã)")):
                headers.setdefault(f"{p.code}.{field}", f"{name} ({p.code}) — {label}")
            state = "not_applicable" if p.index is None else "scored" if p.code in answered else "no_data"
            row.update({f"{p.code}.points": p.points, f"{p.code}.max_points": p.max_points,
                        f"{p.code}.index": p.index, f"{p.code}.state": state})
        rows.append(row)
    return _frame(rows, headers)


def _indicator_matrix(cards: Sequence[Scorecard], methodologies: Mapping[str, Methodology]) -> pd.DataFrame:
    headers = {k: SUMMARY_COLUMNS[k] for k in ("unit_code", "unit_name", "cycle", "methodology_id",
                                                "methodology_version", "points", "index")}
    rows = []
    for card in cards:
        m = methodologies[_key(card)]
        row: dict[str, object] = {k: getattr(card, k) for k in ("unit_code", "cycle", "methodology_id",
                                                                 "methodology_version", "points", "index")}
        row["unit_name"] = card.unit_name.vi
        for score in card.indicators:
            key = f"{score.code}.points"
            if key not in headers:
                text = m.indicator(score.code).text.vi
                headers[key] = f"{score.code} — {text[:70]}{'…' if len(text) > 70 else ''} (điểm)"
            row[key] = score.points if score.applicable else None
        rows.append(row)
    return _frame(rows, headers)


def _details(cards: Sequence[Scorecard], methodologies: Mapping[str, Methodology], crosswalks: Sequence[Crosswalk],
             latest: Mapping[UnitKind, Methodology]) -> pd.DataFrame:
    rows = []
    for card in cards:
        m = methodologies[_key(card)]
        newest = latest.get(card.kind, m)
        for score in card.indicators:
            rows.append(_detail_row(card, m, score, current_code(m, newest, score.code, crosswalks)))
    return _frame(rows, dict(DETAIL_COLUMNS))


def _detail_row(card: Scorecard, m: Methodology, score: IndicatorScore, current: str | None) -> dict[str, object]:
    value = score.value
    if isinstance(value, tuple):
        value = ";".join(value)
    return {"unit_code": card.unit_code, "cycle": card.cycle, "methodology_id": card.methodology_id,
            "methodology_version": card.methodology_version, "indicator_code": score.code, "current_code": current,
            "pillar": score.pillar, "indicator": m.indicator(score.code).text.vi, "value": value,
            "numerator": score.numerator, "denominator": score.denominator, "points": score.points,
            "max_points": score.max_points, "applicable": score.applicable, "relevant": score.relevant,
            "answered": score.answered, "target_id": score.target_id,
            "target_status": score.target_status.value if score.target_status else None,
            "projected_year": score.projected_year if score.projection_known else None,
            "appraised_points": score.appraised_points, "appraisal_reason": score.appraisal_reason or None}


def current_code(methodology: Methodology, newest: Methodology, code: str, crosswalks: Sequence[Crosswalk]
                 ) -> str | None:
    """The indicator's code in the newest methodology of the same kind (None when it was dropped)."""
    new_codes = frozenset(i.code for i in newest.indicators)
    if methodology.id == newest.id:
        return code
    for walk in crosswalks:
        if walk.from_id == methodology.id and walk.to_id == newest.id:
            return walk.translate(code, new_codes)
    return code if code in new_codes else None


def _frame(rows: list[dict[str, object]], headers: dict[str, str]) -> pd.DataFrame:
    frame = pd.DataFrame.from_records(rows, columns=list(headers))
    frame.attrs["headers"] = headers
    return frame


# ------------------------------------------------------------------------------------------------ writing


def write_workbook(frames: Mapping[str, pd.DataFrame], path: Path, *, year: int, demo: bool,
                   options: ReportOptions, target_set: str = "") -> None:
    from openpyxl.styles import Font, PatternFill

    with pd.ExcelWriter(path, engine="openpyxl") as writer:
        for name, frame in frames.items():
            # Text from units (names, reasons, answers) is written as text, never as a formula.
            safe_frame(frame, for_csv=False).to_excel(writer, sheet_name=name, index=False, header=False, startrow=2)
            sheet = writer.sheets[name]
            headers = frame.attrs.get("headers", {})
            for j, key in enumerate(frame.columns, start=1):
                top = sheet.cell(row=1, column=j, value=headers.get(key, key))
                top.font, top.fill = Font(bold=True), PatternFill("solid", fgColor="DDE6F0")
                sheet.cell(row=2, column=j, value=key).font = Font(italic=True, color="666666", size=9)
                sheet.column_dimensions[top.column_letter].width = 12 if j > 2 else 18
                shown = _excel_format(key)
                if shown:
                    for row in range(3, len(frame) + 3):
                        sheet.cell(row=row, column=j).number_format = shown
            sheet.freeze_panes = "C3"
        about = _about(year, demo, options, target_set, frames)
        about.to_excel(writer, sheet_name="Thông tin", index=False, header=False)
        writer.sheets["Thông tin"].column_dimensions["A"].width = 28
        writer.sheets["Thông tin"].column_dimensions["B"].width = 100
        protect_workbook(writer.sheets.values())


def _excel_format(key: str) -> str | None:
    """Points and indices read as in the window and the PDF (number_format); the cell keeps the exact value."""
    if key in ("index", "appraised_index") or key.endswith(".index"):
        return number_format.EXCEL_INDEX
    if key in ("points", "max_points", "appraised_points") or key.endswith((".points", ".max_points")):
        return number_format.EXCEL_POINTS
    return None


def _about(year: int, demo: bool, options: ReportOptions, target_set: str,
           frames: Mapping[str, pd.DataFrame]) -> pd.DataFrame:
    rows = [("Nội dung", f"Kết quả đánh giá chuyển đổi số năm {year} (dxscore)"),
            ("Lập lúc", labels.timestamp(options.moment())),
            ("Dữ liệu", DEMO_MARK if demo else "Dữ liệu thật của cơ sở dữ liệu"),
            ("Bộ mục tiêu", target_set),
            ("Dòng 1 / dòng 2", "Dòng 1: tiêu đề tiếng Việt; dòng 2: mã cột ổn định giữa các phiên bản bộ chỉ số "
                                "(đọc bằng pandas: pd.read_excel(tệp, trang, header=1))."),
            ("Mã cột", "Trụ cột: <MÃ>.points | <MÃ>.max_points | <MÃ>.index; chỉ số: <MÃ CHỈ SỐ>.points. "
                       "Một mã chỉ số giữ nguyên ý nghĩa qua các phiên bản; cột current_code (trang Chi tiết) "
                       "cho mã tương ứng trong bộ chỉ số mới nhất.")]
    rows += [(f"Trang “{name}”", f"{len(frame)} dòng, {len(frame.columns)} cột") for name, frame in frames.items()]
    return pd.DataFrame(rows, columns=["key", "value"])
