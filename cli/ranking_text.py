"""`score` as text: one table per peer group, in rank order, in the language asked for (`--lang`; Vietnamese
by default, like the window): headings, band names and unit names, with numbers written the language's way."""

from __future__ import annotations

from collections.abc import Sequence

from assessment.domain.model import Scorecard
from cli.messages import say
from cli.numbers import format_number

HEADINGS = {
    "vi": ("Hạng", "Mã", "Đơn vị", "Chỉ số", "Điểm", "Mức", "Trạng thái", "Thẩm định"),
    "en": ("Rank", "Code", "Unit", "Index", "Points", "Band", "Status", "Appraised"),
}


def _group_line(cycle: int, card: Scorecard, methods: str, lang: str) -> str:
    return say(lang, "Cycle {cycle} — {kind} ({n} units ranked) — {methods}", cycle=cycle,
               kind=say(lang, card.kind.value), n=card.peer_count, methods=methods)


def _heading(lang: str) -> str:
    rank, code, unit, index, points, band, status, appraised = HEADINGS[lang]
    return f"{rank:>4}  {code:<16} {unit:<44} {index:>6}  {points:>13}  {band:<14} {status:<12} {appraised}"


def _row(card: Scorecard, lang: str, words: dict[object, str]) -> str:
    """One line of the table; `words` keeps the texts many rows share (band, status, maximum points)."""
    index = "—" if card.index is None else format_number(card.index, lang, 4)
    band = words.get(card.band)
    if band is None:
        band = words[card.band] = f"{card.band.code} {card.band.name.get(lang)}" if card.band else "—"
    appraised = "" if card.appraised_index is None else format_number(card.appraised_index, lang, 4)
    most = words.get(("max", card.max_points))
    if most is None:
        most = words[("max", card.max_points)] = format_number(
            card.max_points, lang, 0 if float(card.max_points).is_integer() else 1)
    status = words.get(card.status)
    if status is None:
        status = words[card.status] = say(lang, card.status.value)
    points = f"{format_number(card.points, lang):>6}/{most:<6}"
    return (f"{card.rank or '—':>4}  {card.unit_code:<16} {card.unit_name.get(lang)[:44]:<44} {index:>6}  "
            f"{points}  {band:<14} {status:<12} {appraised}").rstrip()


def ranking_lines(cycle: int, cards: Sequence[Scorecard], lang: str = "vi") -> list[str]:
    lines: list[str] = []
    current = None
    words: dict[object, str] = {}
    for card in cards:
        if card.kind != current:
            current = card.kind
            methods = sorted({f"{c.methodology_id} {c.methodology_version}" for c in cards if c.kind == card.kind})
            lines += ["", _group_line(cycle, card, ", ".join(methods), lang), _heading(lang)]
        lines.append(_row(card, lang, words))
    return lines
