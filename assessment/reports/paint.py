"""Painting the charts' reportlab.graphics shapes onto a PDF canvas.

renderPDF handles every shape and attribute reportlab knows and recomputes the whole graphics state for each
node (~80 µs a node). The charts here use five shapes (Rect, Line, PolyLine, Polygon, String) in Groups
without transforms, with a few attributes; a scorecard has ~150 nodes and a booklet's heatmap over 2,000, so
this painter does only those and sets a colour, width, dash or font only when it changes. Any other shape
is refused (the tests draw every chart through it).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Unpack

from reportlab.graphics.shapes import Drawing, Group, Line, Polygon, PolyLine, Rect, String
from reportlab.platypus import Flowable

if TYPE_CHECKING:
    from reportlab.graphics.shapes import _SolidShapeKwArgs


def rect(x: float, y: float, width: float, height: float, **style: Unpack[_SolidShapeKwArgs]) -> Rect:
    """A reportlab Rect, with its keywords type-checked."""
    # types-reportlab (5.0.0.20261008) declares Rect's **kw without Unpack, unlike every other shape's; a stubs
    # release that fixes it makes this ignore unused, which must not fail the check (hence unused-ignore).
    return Rect(x, y, width, height, **style)  # type: ignore[arg-type, unused-ignore]


class _Pen:
    """The canvas state last set, so unchanged settings are not written again."""

    def __init__(self, canv: Any) -> None:
        self.canv = canv
        self.state: dict[str, Any] = {}

    def set(self, key: str, value: Any, apply: Any) -> None:
        if self.state.get(key, _UNSET) != value:
            apply(value)
            self.state[key] = value

    def fill(self, color: Any, opacity: float | None = None) -> None:
        self.set("fill", color, self.canv.setFillColor)
        self.set("alpha", 1.0 if opacity is None else opacity, self.canv.setFillAlpha)

    def stroke(self, shape: Any) -> None:
        self.set("stroke", shape.strokeColor, self.canv.setStrokeColor)
        self.set("width", shape.strokeWidth, self.canv.setLineWidth)
        dash = tuple(shape.strokeDashArray) if shape.strokeDashArray else ()
        self.set("dash", dash, lambda d: self.canv.setDash(list(d)) if d else self.canv.setDash())


_UNSET = object()


def paint(canv: Any, drawing: Drawing) -> None:
    """Paint `drawing` with its origin at the canvas's current origin."""
    canv.saveState()
    pen = _Pen(canv)
    for node in drawing.contents:
        _node(pen, node)
    canv.restoreState()


def _node(pen: _Pen, node: Any) -> None:
    if isinstance(node, Group):
        if tuple(node.transform) != (1, 0, 0, 1, 0, 0):
            raise TypeError("paint() does not apply group transforms")
        for child in node.contents:
            _node(pen, child)
    elif isinstance(node, String):
        _string(pen, node)
    elif isinstance(node, Rect):
        _rect(pen, node)
    elif isinstance(node, Line):
        pen.stroke(node)
        pen.canv.line(node.x1, node.y1, node.x2, node.y2)
    elif isinstance(node, Polygon | PolyLine):
        _path(pen, node)
    else:
        raise TypeError(f"paint() does not draw {type(node).__name__}")


def _string(pen: _Pen, node: String) -> None:
    pen.fill(node.fillColor)
    pen.set("font", (node.fontName, node.fontSize), lambda f: pen.canv.setFont(*f))
    draw = {"middle": pen.canv.drawCentredString, "end": pen.canv.drawRightString}.get(node.textAnchor,
                                                                                         pen.canv.drawString)
    draw(node.x, node.y, node.text)


def _rect(pen: _Pen, node: Rect) -> None:
    fill = node.fillColor is not None
    stroke = node.strokeColor is not None and node.strokeWidth > 0
    if fill:
        pen.fill(node.fillColor, getattr(node, "fillOpacity", None))
    if stroke:
        pen.stroke(node)
    pen.canv.rect(node.x, node.y, node.width, node.height, stroke=int(stroke), fill=int(fill))


def _path(pen: _Pen, node: Polygon | PolyLine) -> None:
    closed = isinstance(node, Polygon)
    points = node.points
    path = pen.canv.beginPath()
    path.moveTo(points[0], points[1])
    for i in range(2, len(points), 2):
        path.lineTo(points[i], points[i + 1])
    if closed:
        path.close()
    fill_color = node.fillColor if isinstance(node, Polygon) else None  # a PolyLine is never filled
    fill = fill_color is not None
    stroke = node.strokeColor is not None and node.strokeWidth > 0
    if fill:
        pen.fill(fill_color, getattr(node, "fillOpacity", None))
    if stroke:
        pen.stroke(node)
    pen.canv.drawPath(path, stroke=int(stroke), fill=int(fill))


class Painted(Flowable):
    """A Drawing as a flowable, painted with `paint`."""

    def __init__(self, drawing: Drawing) -> None:
        super().__init__()
        self.drawing = drawing
        self.width, self.height = drawing.width, drawing.height

    def wrap(self, avail_w: float, avail_h: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        paint(self.canv, self.drawing)
