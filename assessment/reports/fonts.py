"""The fonts every PDF uses: DejaVu Sans regular and bold, shipped in `resources/fonts/` (reportlab's built-in
fonts and its bundled Vera lack most Vietnamese letters). Registered once per process and embedded as subsets."""

from __future__ import annotations

from assessment.domain.resource_paths import resource_path

FONTS_DIR = resource_path("fonts")
FONT = "DejaVuSans"
FONT_BOLD = "DejaVuSans-Bold"

_registered = False


def register_fonts() -> None:
    """Register the two faces and a family (italic falls back to upright: there is no oblique face)."""
    global _registered
    if _registered:
        return
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    pdfmetrics.registerFont(TTFont(FONT, str(FONTS_DIR / "DejaVuSans.ttf")))
    pdfmetrics.registerFont(TTFont(FONT_BOLD, str(FONTS_DIR / "DejaVuSans-Bold.ttf")))
    pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=FONT_BOLD, italic=FONT, boldItalic=FONT_BOLD)
    from reportlab import rl_config

    # reportlab starts every canvas and every drawing in Helvetica, which would be referenced (unembedded)
    # even when no text uses it; charts and canvases in this process start in DejaVu instead.
    rl_config.canvas_basefontname = FONT
    rl_config.defaultGraphicsFontName = FONT
    # Plain deflate streams (ASCII85 on top adds 25 % to the size and costs time in pure Python) and no
    # per-attribute type checks on chart shapes (our charts are fixed code, checked by the tests).
    rl_config.useA85 = 0
    rl_config.shapeChecking = 0
    _registered = True
