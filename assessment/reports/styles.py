"""Paragraph and table styles of the PDFs: every style names the DejaVu font explicitly."""

from __future__ import annotations

from functools import cache

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import TableStyle

from assessment.reports.fonts import FONT, FONT_BOLD, register_fonts

# A TableStyle command: (name, first cell, last cell, values...), cells as (column, row).
TableCommand = tuple[str, tuple[int, int], tuple[int, int], *tuple[object, ...]]

HEADER_BG = colors.HexColor("#dde6f0")
TOTAL_BG = colors.HexColor("#f2f2f2")
RULE = colors.HexColor("#8c8c8c")
DEMO_BG = colors.HexColor("#fde9e7")
DEMO_RED = colors.HexColor("#c00000")


@cache
def styles() -> dict[str, ParagraphStyle]:
    register_fonts()
    body = ParagraphStyle("body", fontName=FONT, fontSize=8.5, leading=11, alignment=TA_LEFT)
    return {
        "body": body,
        "small": ParagraphStyle("small", parent=body, fontSize=7.2, leading=9.2),
        "muted": ParagraphStyle("muted", parent=body, fontSize=7, leading=9, textColor=colors.HexColor("#555555")),
        "cell": ParagraphStyle("cell", parent=body, fontSize=7.2, leading=8.8),
        "cell_right": ParagraphStyle("cell_right", parent=body, fontSize=7.4, leading=9.2, alignment=TA_RIGHT),
        "title": ParagraphStyle("title", parent=body, fontName=FONT_BOLD, fontSize=13, leading=17,
                                alignment=TA_CENTER, spaceBefore=4),
        "subtitle": ParagraphStyle("subtitle", parent=body, fontName=FONT_BOLD, fontSize=11.5, leading=15,
                                   alignment=TA_CENTER, spaceAfter=2),
        "centre": ParagraphStyle("centre", parent=body, alignment=TA_CENTER),
        "h2": ParagraphStyle("h2", parent=body, fontName=FONT_BOLD, fontSize=9.5, leading=12, spaceBefore=7,
                             spaceAfter=3, textColor=colors.HexColor("#1f4e79")),
        "demo": ParagraphStyle("demo", parent=body, fontName=FONT_BOLD, fontSize=9, leading=11.5,
                               alignment=TA_CENTER, textColor=DEMO_RED),
        "sign": ParagraphStyle("sign", parent=body, fontName=FONT_BOLD, fontSize=9, leading=12, alignment=TA_CENTER),
        "sign_note": ParagraphStyle("sign_note", parent=body, fontSize=8, leading=10, alignment=TA_CENTER),
        "cover_title": ParagraphStyle("cover_title", parent=body, fontName=FONT_BOLD, fontSize=18, leading=24,
                                      alignment=TA_CENTER),
        "cover": ParagraphStyle("cover", parent=body, fontSize=11, leading=16, alignment=TA_CENTER),
    }


def grid(header_rows: int = 1, size: float = 7.6, extra: list[TableCommand] | None = None) -> TableStyle:
    """A data table: DejaVu everywhere, bold header on a tint, thin rules, numbers right-aligned by callers."""
    commands: list[TableCommand] = [
        ("FONTNAME", (0, 0), (-1, -1), FONT),
        ("FONTSIZE", (0, 0), (-1, -1), size),
        ("LEADING", (0, 0), (-1, -1), size + 2),
        ("FONTNAME", (0, 0), (-1, header_rows - 1), FONT_BOLD),
        ("BACKGROUND", (0, 0), (-1, header_rows - 1), HEADER_BG),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("GRID", (0, 0), (-1, -1), 0.35, RULE),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ]
    return TableStyle(commands + (extra or []))


def plain(size: float = 8.5, extra: list[TableCommand] | None = None) -> TableStyle:
    """A layout table without rules."""
    commands: list[TableCommand] = [("FONTNAME", (0, 0), (-1, -1), FONT), ("FONTSIZE", (0, 0), (-1, -1), size),
                       ("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                       ("RIGHTPADDING", (0, 0), (-1, -1), 0), ("TOPPADDING", (0, 0), (-1, -1), 1),
                       ("BOTTOMPADDING", (0, 0), (-1, -1), 1)]
    return TableStyle(commands + (extra or []))
