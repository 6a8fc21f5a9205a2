"""Resolution 18 progress as plain data (JSON) and as text lines (the CLI), in either language."""

from __future__ import annotations

from typing import Any

from assessment.domain.city_progress import CityProgress, DerivedFigure, TargetProgress
from assessment.domain.model import TargetStatus
from assessment.domain.number_format import decimal

STATUS_WORDS = {
    TargetStatus.MET: ("đã đạt", "met"),
    TargetStatus.ON_TRACK: ("đúng lộ trình", "on track"),
    TargetStatus.BASELINE: ("năm gốc", "baseline"),
    TargetStatus.BEHIND: ("chậm so với lộ trình", "behind"),
    TargetStatus.NO_DATA: ("chưa có dữ liệu", "no data"),
}
LEVEL_WORDS = {"resolution": ("Nghị quyết 18-NQ/TU", "Resolution 18-NQ/TU"),
               "plan": ("Chương trình/kế hoạch thực hiện", "Programme/implementation plan"),
               "annual_plan": ("Kế hoạch năm", "Year's plan")}


def _r(value: float | None, digits: int = 2) -> float | None:
    return None if value is None else round(value, digits)


def _figure(figure: DerivedFigure) -> dict[str, Any]:
    return {"label_vi": figure.label.vi, "label_en": figure.label.en, "value": _r(figure.value),
            "numerator": figure.numerator, "denominator": figure.denominator,
            "rule_vi": figure.rule.vi, "rule_en": figure.rule.en}


def _projection(row: TargetProgress) -> dict[str, Any]:
    p = row.projection
    state = "insufficient_data" if not p.enough_data else "reached_by" if p.year else "not_at_this_pace"
    return {"state": state, "year": p.year, "final_year": p.target_year, "final_value": p.target_value}


def row_dict(row: TargetProgress) -> dict[str, Any]:
    t = row.target
    return {
        "target_id": t.id, "level": t.level, "pillar": t.pillar, "text_vi": t.text.vi, "text_en": t.text.en,
        "unit": t.unit, "direction": t.direction, "milestones": {str(y): v for y, v in t.values},
        "document": t.document, "source": t.source, "confidence": t.confidence, "unconfirmed": t.unconfirmed,
        "serves": [above.id for above in row.serves], "city_indicator": row.indicator_code,
        "series": [{"cycle": y, "value": _r(v)} for y, v in row.series], "latest": _r(row.latest),
        "status": row.status.value, "projection": _projection(row), "fed_by": list(row.fed_by),
        "derived": [_figure(f) for f in row.derived],
        "units_furthest_behind": [{"unit_code": lag.unit_code, "unit_name": lag.unit_name.vi,
                                   "indicator": lag.indicator_code, "value": _r(lag.value),
                                   "target_value": lag.target_value, "attainment": _r(lag.attainment, 4)}
                                  for lag in row.laggards],
    }


def progress_dict(progress: CityProgress) -> dict[str, Any]:
    card = progress.scorecard
    return {
        "cycle": progress.year, "demo": progress.demo,
        "city": None if progress.unit is None else {"code": progress.unit.code, "name_vi": progress.unit.name.vi,
                                                     "name_en": progress.unit.name.en},
        "index": None if card is None else _r(card.index, 4),
        "status_counts": {s.value: progress.count(s) for s in TargetStatus},
        "targets": [row_dict(row) for row in progress.rows],
        "headline": [_figure(f) for f in progress.headline],
        "dti_ranks": [{"year": r.year, "rank": r.rank, "of": r.of, "value": r.value, "derived": r.derived,
                       "source": r.source} for r in progress.dti_ranks],
        "leading_group_rank": progress.leading_group_rank,
    }


def _num(value: float, lang: str) -> str:
    """One decimal at most, written the language's way (17,3 / 17.3; 30)."""
    text = decimal(value, 1, lang)
    return text[:-2] if text.endswith((",0", ".0")) else text


CONFIDENCE_WORDS = {"high": ("cao", "high"), "medium": ("trung bình", "medium"),
                    "low_medium": ("thấp đến trung bình", "low to medium"), "low": ("thấp", "low")}


def progress_lines(progress: CityProgress, lang: str = "vi") -> list[str]:
    en = lang == "en"
    pick = 1 if en else 0
    title = ("Progress of Hanoi against Resolution 18-NQ/TU, cycle {}" if en
             else "Tiến độ thực hiện Nghị quyết 18-NQ/TU của Thành phố Hà Nội, kỳ {}").format(progress.year)
    lines = [title]
    counts = ", ".join(f"{STATUS_WORDS[s][pick]}: {progress.count(s)}" for s in TargetStatus)
    lines.append(("Targets: " if en else "Mục tiêu: ") + counts)
    for row in progress.rows:
        t = row.target
        milestones = ", ".join(f"{y}: {_num(v, lang)}" for y, v in t.values) or ("qualitative" if en else "định tính")
        series = ", ".join(f"{y}: {'–' if v is None else _num(v, lang)}" for y, v in row.series) or "–"
        confidence = CONFIDENCE_WORDS.get(t.confidence, (t.confidence or "?",) * 2)[pick]
        flag = (" [UNCONFIRMED]" if en else " [CHƯA XÁC NHẬN]") if t.unconfirmed else ""
        lines.append(f"  {t.id:<38} {STATUS_WORDS[row.status][pick]:<20} {LEVEL_WORDS[t.level][pick]}{flag}")
        lines.append(f"      {t.text.get(lang)}")
        lines.append(f"      {'targets' if en else 'mục tiêu'} {milestones}; {'city' if en else 'thành phố'} "
                     f"{series}; {t.document}; {'confidence' if en else 'độ tin cậy'} {confidence}")
        for figure in row.derived:
            value = "–" if figure.value is None else f"{decimal(figure.value, 1, lang)}%"
            lines.append(f"      {'derived' if en else 'dẫn xuất'}: {figure.label.get(lang)} = {value} "
                         f"({_num(figure.numerator, lang)}/{_num(figure.denominator, lang)}; {figure.rule.get(lang)})")
        if row.laggards:
            names = "; ".join(f"{lag.unit_name.get(lang)} ({lag.indicator_code} "
                              f"{'–' if lag.value is None else _num(lag.value, lang)})" for lag in row.laggards)
            lines.append(f"      {'furthest behind' if en else 'chậm nhất'}: {names}")
    ranks = ", ".join(f"{r.year}: {r.rank}/{r.of}{'*' if r.derived else ''}" for r in progress.dti_ranks)
    lines.append(("Hanoi's provincial DTI rank: " if en else "Thứ hạng DTI cấp tỉnh của Hà Nội: ") + ranks
                 + (f" (goal: leading group, read as top {progress.leading_group_rank}; * derived)" if en else
                    f" (mục tiêu: nhóm dẫn đầu, hiểu là nhóm {progress.leading_group_rank} địa phương; * suy ra)"))
    return lines
