"""What every PDF page shares: the A4 document template, the demo mark, the footer (data fingerprint as text
and QR code, generation time, "Trang x/y"), the administrative heading, and marks that set bookmarks and the
fingerprint of the pages that follow.

"Trang x/y" is one pass: each page draws "Trang x/" and a form XObject that is filled with y when the
document is saved (PDF allows the forward reference), so building never runs twice.
"""

from __future__ import annotations

import functools
import itertools
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from assessment.domain.demo_data import DEMO_MARK
from assessment.reports import labels
from assessment.reports.fonts import FONT, FONT_BOLD, register_fonts
from assessment.reports.view import ReportOptions

PAGE_W, PAGE_H = A4
MARGIN_X = 16 * mm
MARGIN_TOP = 13 * mm
FOOTER_H = 20 * mm
QR_SIZE = 15 * mm
TOTAL_FORM = "dxPageTotal"
INK = colors.HexColor("#1b1b1b")
MUTED = colors.HexColor("#555555")
DEMO_RED = colors.HexColor("#c00000")
PdfTarget = Path | IO[bytes]  # a file, or a stream (tests, previews)


@dataclass
class PageState:
    """What the footer of the current page shows; marks in the story update it as pages are laid out."""

    demo: bool
    generated: str
    fingerprint: str = ""
    qr_text: str = ""
    caption: str = ""
    audit_head: str = ""  # HASH@ROWS of the audit trail the report was made from
    qr_forms: dict[str, str] = field(default_factory=dict)


class ReportDoc(BaseDocTemplate):
    """A4 portrait with one frame above the footer; draws the page decorations at the end of each page."""

    def __init__(self, target: str | IO[bytes], state: PageState, *, title: str, subject: str) -> None:
        register_fonts()
        super().__init__(target, pagesize=A4, leftMargin=MARGIN_X, rightMargin=MARGIN_X, topMargin=MARGIN_TOP,
                         bottomMargin=FOOTER_H + 4 * mm, title=title, subject=subject, author="dxscore",
                         creator="dxscore (reportlab)", initialFontName=FONT, initialFontSize=9,
                         pageCompression=1)
        self.state = state
        frame = Frame(self.leftMargin, self.bottomMargin, self.width, self.height, id="body",
                      leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        self.addPageTemplates([PageTemplate(id="page", frames=[frame], onPageEnd=self._decorate)])

    def _decorate(self, canv: Canvas, doc: BaseDocTemplate) -> None:
        canv.saveState()
        if self.state.demo:
            _demo_stamp(canv)
        _footer(canv, self.state, doc.page)
        canv.restoreState()

    def _endBuild(self) -> None:
        self._doSave = 0  # save ourselves, after the page total is known
        # BaseDocTemplate's private end of build (absent from its stubs): the one place to save after the total.
        super()._endBuild()  # type: ignore[misc]
        canv = self.canv
        canv.beginForm(TOTAL_FORM)
        canv.setFont(FONT, 7.5)
        canv.setFillColor(INK)
        canv.drawString(0, 0, str(canv.getPageNumber() - 1))
        canv.endForm()
        canv.save()


def _demo_stamp(canv: Canvas) -> None:
    """A red stamp in the top margin of every page. Horizontal text on purpose: a rotated watermark would
    scatter its letters through the text that pdftotext or a screen reader extracts."""
    size = 7.5
    width = _text_width(DEMO_MARK, FONT_BOLD, size) + 10
    x, y = PAGE_W - MARGIN_X - width, PAGE_H - 9 * mm
    canv.setStrokeColor(DEMO_RED)
    canv.setFillColor(colors.HexColor("#fde9e7"))
    canv.setLineWidth(0.8)
    canv.rect(x, y - 2.5, width, size + 5, stroke=1, fill=1)
    canv.setFillColor(DEMO_RED)
    canv.setFont(FONT_BOLD, size)
    canv.drawString(x + 5, y, DEMO_MARK)


@functools.lru_cache(maxsize=64)
def _text_width(text: str, font: str, size: float) -> float:
    """The width of a fixed text drawn on every page (measured once per process, not once per page)."""
    return float(stringWidth(text, font, size))


def _footer(canv: Canvas, state: PageState, page: int) -> None:
    base = 9 * mm
    right = PAGE_W - MARGIN_X
    canv.setStrokeColor(colors.HexColor("#9a9a9a"))
    canv.setLineWidth(0.4)
    canv.line(MARGIN_X, FOOTER_H + 1 * mm, right, FOOTER_H + 1 * mm)
    canv.setFillColor(MUTED)
    canv.setFont(FONT, 7)
    if state.caption:  # one line, clear of the QR code, however long the unit's name
        canv.drawString(MARGIN_X, base + 8.6 * mm, fit_width(state.caption, FONT, 7, right - QR_SIZE - 4 * mm
                                                              - MARGIN_X))
    canv.drawString(MARGIN_X, base + 4.6 * mm, f"Mã kiểm tra dữ liệu (SHA-256): {state.fingerprint}")
    made = f"Lập lúc {state.generated} bằng dxscore"
    if state.audit_head:  # anchors the audit trail outside the database: `audit verify --head` checks it
        made += f" · Nhật ký kiểm toán (audit head): {state.audit_head}"
    canv.drawString(MARGIN_X, base + 0.6 * mm, made)
    if state.demo:
        canv.setFillColor(DEMO_RED)
        canv.setFont(FONT_BOLD, 7)
        canv.drawString(MARGIN_X, base - 3.4 * mm, DEMO_MARK)
    label = f"Trang {page}/"
    canv.setFont(FONT, 7.5)
    canv.setFillColor(INK)
    x = right - QR_SIZE - 24 * mm  # room for "Trang 999/999" clear of the QR code
    canv.drawString(x, base + 0.6 * mm, label)
    canv.saveState()
    canv.translate(x + canv.stringWidth(label, FONT, 7.5), base + 0.6 * mm)
    canv.doForm(TOTAL_FORM)
    canv.restoreState()
    if state.qr_text:
        canv.saveState()
        canv.translate(right - QR_SIZE, 4 * mm)
        canv.doForm(_qr_form(canv, state))
        canv.restoreState()


def fit_width(text: str, font: str, size: float, width: float) -> str:
    """`text` cut with "…" to fit `width` points on one line."""
    if stringWidth(text, font, size) <= width:
        return text
    low, high = 0, len(text)
    while low < high:  # the longest prefix that fits with the ellipsis
        middle = (low + high + 1) // 2
        if stringWidth(text[:middle] + "…", font, size) <= width:
            low = middle
        else:
            high = middle - 1
    return text[:low].rstrip() + "…"


def _qr_form(canv: Canvas, state: PageState) -> str:
    """The QR code of the current fingerprint, drawn once per document as a form and reused on its pages."""
    name = state.qr_forms.get(state.qr_text)
    if name is not None:
        return name
    from reportlab.graphics.barcode import qrencoder

    qr = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
    qr.addData(state.qr_text)
    # make() tries all eight masks to pick the most even one (30 ms); every mask is valid, so use the first.
    qr.version = qr.calculate_version()
    qr.makeImpl(False, 0)
    count = qr.getModuleCount()
    box = QR_SIZE / (count + 2)
    name = f"dxQr{len(state.qr_forms)}"
    canv.saveState()
    canv.beginForm(name)
    canv.setFillColor(colors.black)
    # One path of rectangles (a run of dark modules each), written as PDF operators in one literal: a few
    # hundred canvas.rect calls would cost more than the whole QR encoding.
    ops = []
    for r, row in enumerate(qr.modules):
        c = 0
        for dark, run in itertools.groupby(bool(v) for v in row):
            n = len(list(run))
            if dark:
                ops.append(f"{(c + 1) * box:.2f} {QR_SIZE - (r + 2) * box:.2f} {n * box:.2f} {box * 1.04:.2f} re")
            c += n
    canv.addLiteral(" ".join(ops) + " f")
    canv.endForm()
    canv.restoreState()
    state.qr_forms[state.qr_text] = name
    return name


class SectionMark(Flowable):
    """Zero-size mark at the start of a section: sets the footer's fingerprint and caption for the pages that
    follow, and adds a PDF bookmark (outline entry) when `title` is given."""

    def __init__(self, *, fingerprint: str, qr_text: str, caption: str, title: str = "", key: str = "",
                 level: int = 0) -> None:
        super().__init__()
        self.width = self.height = 0
        self.fingerprint, self.qr_text, self.caption = fingerprint, qr_text, caption
        self.title, self.key, self.level = title, key, level

    def draw(self) -> None:
        # the document template sets itself on its canvas (reportlab's own attribute, absent from the stubs)
        state: PageState = self.canv._doctemplate.state  # type: ignore[attr-defined]
        state.fingerprint, state.qr_text, state.caption = self.fingerprint, self.qr_text, self.caption
        if self.title:
            self.canv.bookmarkPage(self.key, fit="XYZ", top=PAGE_H)
            self.canv.addOutlineEntry(self.title, self.key, level=self.level, closed=None)


class Outline(Flowable):
    """A bookmark without a footer change (e.g. a heading inside a section)."""

    def __init__(self, title: str, key: str, level: int = 0) -> None:
        super().__init__()
        self.width = self.height = 0
        self.title, self.key, self.level = title, key, level

    def draw(self) -> None:
        self.canv.bookmarkPage(self.key, fit="XYZ", top=PAGE_H)
        self.canv.addOutlineEntry(self.title, self.key, level=self.level, closed=None)


class Heading(Flowable):
    """The heading of a Vietnamese administrative document (Nghị định 30/2020/NĐ-CP): the issuing body on the
    left (its superior above it, a short rule under it), the national name and motto on the right (a rule
    under the motto), then the place and date under the motto."""

    LEFT_W = 0.42

    def __init__(self, issuer: Issuer, place_date: str) -> None:
        super().__init__()
        self.issuer, self.place_date = issuer, place_date

    def wrap(self, avail_w: float, avail_h: float) -> tuple[float, float]:
        self.width = avail_w
        self.lines = simpleSplit(self.issuer.body.upper(), FONT_BOLD, 9.5, avail_w * self.LEFT_W - 6)
        self.height = max(24 + 12 * len(self.lines), 50)
        return self.width, self.height

    def draw(self) -> None:
        c, top = self.canv, self.height
        cx = self.width * self.LEFT_W / 2
        c.setFillColor(INK)
        c.setStrokeColor(INK)
        c.setFont(FONT_BOLD if self.issuer.superior_bold else FONT, 9.5)
        c.drawCentredString(cx, top - 10, self.issuer.superior.upper())
        c.setFont(FONT_BOLD, 9.5)
        y = top - 22
        for line in self.lines:
            c.drawCentredString(cx, y, line)
            y -= 12
        c.setLineWidth(0.6)
        c.line(cx - 30, y + 8, cx + 30, y + 8)
        rx = self.width * (1 + self.LEFT_W) / 2
        c.drawCentredString(rx, top - 10, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
        c.setFont(FONT_BOLD, 10.5)
        motto = "Độc lập - Tự do - Hạnh phúc"
        c.drawCentredString(rx, top - 23, motto)
        half = c.stringWidth(motto, FONT_BOLD, 10.5) / 2
        c.line(rx - half, top - 26, rx + half, top - 26)
        c.setFont(FONT, 9.5)
        c.drawCentredString(rx, top - 42, self.place_date)


@dataclass(frozen=True)
class Issuer:
    superior: str
    body: str
    superior_bold: bool = False


def issuer_of(kind_value: str, unit_name: str) -> Issuer:
    """The issuing body of a unit's own document: a department under the city's People's Committee; a commune's
    or district's People's Committee, whose name is "ỦY BAN NHÂN DÂN" + the unit's name (both lines bold)."""
    if kind_value == "department":
        return Issuer("UBND THÀNH PHỐ HÀ NỘI", unit_name)
    return Issuer("ỦY BAN NHÂN DÂN", unit_name, superior_bold=True)


CITY = Issuer("ỦY BAN NHÂN DÂN", "THÀNH PHỐ HÀ NỘI", superior_bold=True)


def place_date(options: ReportOptions) -> str:
    return labels.long_date(options.moment().date(), options.place)
