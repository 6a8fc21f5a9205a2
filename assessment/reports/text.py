"""A light text flowable for table cells: runs of plain text (each with its font, size and colour) wrapped at
word boundaries and drawn word group by word group.

reportlab's Paragraph parses markup and measures every fragment on every layout; a booklet repeats the same
indicator texts and guidance for each of its 126 units, so wrapping here is cached by (runs, width) and a cell
costs a few `drawString` calls. A run starts a new line unless it is `inline` (then it continues the line of
the run before it, e.g. a grey note after a text).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

from assessment.reports.fonts import FONT, FONT_BOLD, register_fonts

register_fonts()  # layouts measure text with these fonts

LEADING = 1.22


@dataclass(frozen=True)
class Run:
    text: str
    size: float = 7.2
    bold: bool = False
    color: str = "#1b1b1b"
    inline: bool = False

    @property
    def font(self) -> str:
        return FONT_BOLD if self.bold else FONT


@dataclass(frozen=True)
class Piece:
    """Words of one run on one line, drawn with one call."""

    x: float
    text: str
    run: Run


Line = tuple[float, tuple[Piece, ...]]  # (height, pieces)


@lru_cache(maxsize=8192)
def layout(runs: tuple[Run, ...], width: float) -> tuple[Line, ...]:
    """Greedy word wrap of the runs to `width`; a word longer than the width is cut."""
    lines: list[Line] = []
    pieces: list[Piece] = []
    x, height = 0.0, 0.0
    for run in runs:
        if not run.inline and (pieces or lines or x):
            lines.append((height, tuple(pieces)))
            pieces, x, height = [], 0.0, 0.0
        space = stringWidth(" ", run.font, run.size)
        current: list[str] = []
        start = x + (space if x else 0.0)
        for word in _split(run, width):
            w = stringWidth(word, run.font, run.size)
            gap = space if (x or current) else 0.0
            if x + gap + w > width and (x or current):
                if current:
                    pieces.append(Piece(start, " ".join(current), run))
                lines.append((max(height, run.size * LEADING), tuple(pieces)))
                pieces, current, x, height, start, gap = [], [], 0.0, 0.0, 0.0, 0.0
            current.append(word)
            x += gap + w
            height = max(height, run.size * LEADING)
        if current:
            pieces.append(Piece(start, " ".join(current), run))
    if pieces or not lines:
        lines.append((height, tuple(pieces)))
    return tuple(lines)


def _split(run: Run, width: float) -> list[str]:
    words = []
    for word in run.text.split():
        while stringWidth(word, run.font, run.size) > width and len(word) > 1:
            cut = max(1, int(len(word) * width / stringWidth(word, run.font, run.size)) - 1)
            words.append(word[:cut])
            word = word[cut:]
        words.append(word)
    return words


class TextBlock(Flowable):
    """Runs of text wrapped to the width the cell offers; `align` applies to whole lines."""

    def __init__(self, runs: Sequence[Run], align: str = "left", *, before: float = 0, after: float = 0,
                 keep_with_next: bool = False) -> None:
        super().__init__()
        self.runs, self.align, self.before, self.after = tuple(runs), align, before, after
        self.keepWithNext = keep_with_next
        self._lines: tuple[Line, ...] = ()

    def wrap(self, avail_w: float, avail_h: float) -> tuple[float, float]:
        self._lines = layout(self.runs, round(avail_w, 2))
        self.width = avail_w
        self.height = self.before + sum(h for h, _ in self._lines) + self.after
        return avail_w, self.height

    def draw(self) -> None:
        # One text object for the block: font and colour operators only where they change.
        text = self.canv.beginText()
        style: tuple[str, float, str] | None = None
        y = self.height - self.before
        for height, pieces in self._lines:
            y -= height
            if not pieces:
                continue
            last = pieces[-1]
            used = last.x + stringWidth(last.text, last.run.font, last.run.size)
            shift = {"right": self.width - used, "center": (self.width - used) / 2}.get(self.align, 0.0)
            for piece in pieces:
                run = piece.run
                if style != (run.font, run.size, run.color):
                    if style is None or style[:2] != (run.font, run.size):
                        text.setFont(run.font, run.size)
                    if style is None or style[2] != run.color:
                        text.setFillColor(_color(run.color))
                    style = (run.font, run.size, run.color)
                text.setTextOrigin(piece.x + shift, y + height * 0.2)
                text.textOut(piece.text)
        self.canv.drawText(text)


@lru_cache(maxsize=64)
def _color(hex_code: str) -> colors.Color:
    return colors.HexColor(hex_code)


def block(*runs: Run | str, align: str = "left") -> TextBlock:
    return TextBlock([Run(r) if isinstance(r, str) else r for r in runs], align)


def heading(text: str) -> TextBlock:
    """A section heading of a scorecard (kept with what follows it)."""
    return TextBlock([Run(text, 9.5, bold=True, color="#1f4e79")], before=7, after=3, keep_with_next=True)


def wrapped(text: str, width: float, size: float, bold: bool = False) -> str:
    """`text` wrapped to `width` as a plain multi-line string: a table draws it itself (no flowable)."""
    run = Run(text, size, bold)
    return "\n".join(" ".join(p.text for p in pieces) for _, pieces in layout((run,), round(width, 2)))
