"""One indicator on the form: its question, guidance, the editor its answer type needs, N/A, comment,
evidence button, points, and the message when a value is refused.

An editor turns what was typed into text cells and parses them with assessment.domain.answers (the same code the
spreadsheet import uses): a bad value shows its reason beside the field as you type, and on leaving the
field the previous value comes back. An a/b pair is one answer: it is sent when both halves make a valid
pair, and a refused pair keeps what was typed in both halves beside its reason (nothing is saved). Accepted
values go out through `committed`."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from assessment.domain.answers import parse_answer, parse_number, plausibility_problems, typed_number
from assessment.domain.live_scoring import peer_dependent
from assessment.domain.model import Answer, AnswerType, Indicator, IndicatorScore, Rule
from assessment.domain.number_format import decimal, decimal_mark
from assessment.domain.text_limits import LIMITS
from gui.answer_messages import word
from gui.i18n import language, tr
from gui.models import format_points
from gui.narrow_fields import ShrinkableComboBox, WrappingCheckBox
from gui.plausibility import keep_implausible

NONE_OPTION = "-"


def number_text(value: float | None, lang: str | None = None) -> str:
    """A number as the user types it in the window's language ("2,5" / "2.5"): it reads back as the same
    number, never ambiguous."""
    if value is None or value != value:
        return ""
    return typed_number(float(value), decimal_mark(lang or language()))


MISSING_MARK, MISSING_MARK_WIDTH = QColor("#e0a000"), 4
FOCUS_OUTLINE = QColor("#3d6fb6")


def _colour(label: QLabel, colour: str) -> None:
    """Text colour through the palette (a per-widget style sheet costs a style-sheet style for each label)."""
    palette = label.palette()
    palette.setColor(QPalette.ColorRole.WindowText, QColor(colour))
    label.setPalette(palette)


class IndicatorEditor(QFrame):
    committed = Signal(str, object)  # indicator code, Answer
    score_shown: IndicatorScore | None = None  # the score object shown last (the form skips it when unchanged)
    evidence_requested = Signal(str)  # indicator code

    def __init__(self, indicator: Indicator, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.indicator, self.lang = indicator, lang
        self.code = indicator.code
        self.accepted = Answer(indicator.code)
        self.loading = False
        self.setObjectName(f"indicator_{indicator.code}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QGridLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        self.title = QLabel(f"<b>{indicator.code}</b> · {indicator.text.get(lang)}")
        self.title.setWordWrap(True)
        self.points = _points_box()
        self.guidance = QLabel(indicator.guidance.get(lang))
        self.guidance.setWordWrap(True)
        _colour(self.guidance, "#555555")
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        _colour(self.message, "#b00020")
        self.message.hide()
        layout.addWidget(self.title, 0, 0)
        layout.addWidget(self.points, 0, 1, TOP_RIGHT)
        layout.addWidget(self.guidance, 1, 0, 1, 2)
        self.editor_row = QHBoxLayout()
        self._build_editor()
        layout.addLayout(self.editor_row, 2, 0, 1, 2)
        layout.addWidget(self.message, 3, 0, 1, 2)
        layout.addLayout(self._extras(), 4, 0, 1, 2)
        if peer_dependent(indicator):  # its live points stand on the peers' best as it was when the form opened
            note = QLabel(tr("Depends on other units: these points are scored against the best value among "
                             "peer units and recomputed at ranking."))
            note.setObjectName("peerNote")
            note.setWordWrap(True)
            _colour(note, "#555555")
            self.points.setToolTip(note.text())
            layout.addWidget(note, 5, 0, 1, 2)
        layout.setColumnStretch(0, 1)

    # ------------------------------------------------------------------------------------ building

    def _name(self, widget: QWidget, what: str) -> QWidget:
        widget.setAccessibleName(f"{self.code} {what}")
        widget.setToolTip(f"{self.code}: {what}")
        return widget

    def _line(self, what: str, placeholder: str = "", width: int = 140) -> QLineEdit:
        line = QLineEdit()
        line.setPlaceholderText(placeholder)
        line.setMaximumWidth(width)
        self._name(line, what)
        line.textEdited.connect(self._check_typing)
        line.editingFinished.connect(self._commit_text)
        return line

    def _build_editor(self) -> None:
        spec, kind = self.indicator.answer, self.indicator.answer.type
        self.fields: dict[str, QLineEdit] = {}
        self.combo: QComboBox | None = None
        self.checks: dict[str, QCheckBox] = {}
        unit = spec.unit.get(self.lang) if spec.unit else ""
        if kind == AnswerType.BOOLEAN:
            self.combo = self._combo([("", tr("— not answered —")), ("1", tr("Yes")), ("0", tr("No"))])
        elif kind in (AnswerType.CHOICE,):
            self.combo = self._combo([("", tr("— not chosen —"))] + [(o.code, o.text.get(self.lang))
                                                                     for o in spec.options])
        elif kind == AnswerType.MULTI_CHOICE:
            column = QVBoxLayout()
            self.editor_row.addLayout(column)
            for option in [*spec.options]:
                box = WrappingCheckBox(option.text.get(self.lang))  # a long option wraps: the form never widens
                self._name(box, option.text.get(self.lang))
                box.toggled.connect(self._commit_choices)
                self.checks[option.code] = box
                column.addWidget(box)
            none = WrappingCheckBox(tr("None of these"))
            self._name(none, tr("None of these"))
            none.toggled.connect(self._commit_choices)
            self.checks[NONE_OPTION] = none
            column.addWidget(none)
        elif kind == AnswerType.RATIO:
            grid = QGridLayout()
            for row, (key, label) in enumerate((("numerator", spec.numerator_label.get(self.lang)),
                                                ("denominator", spec.denominator_label.get(self.lang)))):
                self.fields[key] = self._line(label, "a" if key == "numerator" else "b")
                caption = QLabel(f"{'a' if key == 'numerator' else 'b'} = {label}")
                caption.setWordWrap(True)
                caption.setBuddy(self.fields[key])
                grid.addWidget(self.fields[key], row, 0)
                grid.addWidget(caption, row, 1)
            self.ratio = QLabel()
            self.ratio.setObjectName("ratio")
            grid.addWidget(self.ratio, 2, 0, 1, 2)
            grid.setColumnStretch(1, 1)
            self.editor_row.addLayout(grid, 1)
        elif kind is not None:
            placeholder = {AnswerType.DATE: tr("dd/mm/yyyy"), AnswerType.PERCENT: "0–100",
                           AnswerType.TEXT: ""}.get(kind, self._range_hint())
            width = 480 if kind == AnswerType.TEXT else 140
            self.fields["value"] = self._line(self.indicator.text.get(self.lang), placeholder, width)
            self.editor_row.addWidget(self.fields["value"])
            suffix = "%" if kind == AnswerType.PERCENT else unit
            if suffix:
                label = QLabel(suffix)
                label.setWordWrap(True)
                self.editor_row.addWidget(label, 1)
        if kind != AnswerType.RATIO:
            self.editor_row.addStretch(1)

    def _range_hint(self) -> str:
        spec = self.indicator.answer
        low = "0" if spec.type == AnswerType.COUNT and spec.minimum is None else number_text(spec.minimum, self.lang)
        high = number_text(spec.maximum, self.lang)
        return f"{low}–{high}" if low or high else ""

    def _combo(self, items: list[tuple[str, str]]) -> QComboBox:
        combo = ShrinkableComboBox()  # a long choice does not widen the form
        for code, text in items:
            combo.addItem(text, code)
        self._name(combo, self.indicator.text.get(self.lang))
        combo.activated.connect(self._commit_combo)
        self.editor_row.addWidget(combo)
        return combo

    def _extras(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.not_applicable = QCheckBox(tr("Not applicable"))
        self._name(self.not_applicable, tr("Not applicable"))
        self.not_applicable.toggled.connect(self._commit_na)
        self.comment = QLineEdit()
        self.comment.setMaxLength(LIMITS["comment"])  # the same limit as the import and packages
        self.comment.setPlaceholderText(tr("Comment"))
        self._name(self.comment, tr("Comment"))
        self.comment.editingFinished.connect(self._commit_text)
        self.evidence = QPushButton()
        self._name(self.evidence, tr("Evidence"))
        self.evidence.clicked.connect(lambda: self.evidence_requested.emit(self.code))
        self.evidence.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        row.addWidget(self.not_applicable)
        row.addWidget(self.comment, 1)
        row.addWidget(self.evidence)
        if not self.indicator.not_applicable_allowed:
            # hide() only: show() on a widget whose layout has no parent yet would open it as its own window
            self.not_applicable.hide()
        return row

    # ------------------------------------------------------------------------------------- values

    def set_answer(self, answer: Answer | None) -> None:
        """Show a stored answer (no signals)."""
        self.loading = True
        self.accepted = answer or Answer(self.code)
        self.pending = False  # a refused a/b pair kept on screen, not saved
        a = self.accepted
        if self.combo is not None:
            wanted = "" if a.value is None else (number_text(a.value) if isinstance(a.value, float) else a.value)
            self.combo.setCurrentIndex(max(0, self.combo.findData(wanted)))
        for code, box in self.checks.items():
            box.setChecked(a.choices is not None and (code in a.choices or (code == NONE_OPTION and not a.choices)))
        if "value" in self.fields:
            value = a.value
            if self.indicator.answer.type == AnswerType.DATE and isinstance(value, str):
                value = "/".join(reversed(value.split("-")))
            shown = number_text(value, self.lang) if isinstance(value, float) else (value or "")
            _set_text(self.fields["value"], shown)
        if "numerator" in self.fields:
            _set_text(self.fields["numerator"], number_text(a.numerator, self.lang))
            _set_text(self.fields["denominator"], number_text(a.denominator, self.lang))
            self._show_ratio()
        self.not_applicable.setChecked(a.not_applicable)
        _set_text(self.comment, a.comment)
        self._show_evidence_count()
        self.show_message("")
        self.loading = False
        self.loaded_texts = self._texts()

    def _texts(self) -> dict[str, str]:
        return {**{key: line.text() for key, line in self.fields.items()}, "comment": self.comment.text()}

    def has_unsaved_text(self) -> bool:
        """Typed text that is not the stored answer (a field being edited, or a refused pair kept on screen)."""
        return self.pending or self._texts() != getattr(self, "loaded_texts", self._texts())

    def revert_typing(self) -> None:
        """Put back the stored answer over what was typed (nothing is saved)."""
        self.set_answer(self.accepted)

    def cells(self) -> dict[str, str]:
        cells = {"comment": self.comment.text(), "not_applicable": "1" if self.not_applicable.isChecked() else ""}
        if self.combo is not None:
            cells["value" if self.indicator.answer.type == AnswerType.BOOLEAN else "choice"] = self.combo.currentData()
        for key, line in self.fields.items():
            cells[key] = line.text()
        if self.checks:
            chosen = [c for c, box in self.checks.items() if box.isChecked() and c != NONE_OPTION]
            none = self.checks[NONE_OPTION].isChecked()
            cells["choice"] = ";".join(chosen) if chosen else (NONE_OPTION if none else "")
        return cells

    def parsed(self) -> tuple[Answer | None, str]:
        """The answer on screen, or the reason it cannot be accepted."""
        cells = self.cells()
        if "numerator" in cells and bool(cells["numerator"].strip()) != bool(cells["denominator"].strip()):
            return None, ""  # half a ratio: wait for the other half, no error yet
        answer, problems = parse_answer(self.indicator, cells, decimal_mark(self.lang))
        if problems:
            return None, word(problems, self.lang)
        return Answer(self.code, answer.value, answer.numerator, answer.denominator, answer.choices,
                      answer.not_applicable, self.accepted.manual_points, answer.comment, self.accepted.evidence), ""

    def _check_typing(self) -> None:
        self.pending = False
        _, problem = self.parsed()
        self.show_message(problem)
        self._show_ratio()

    def _emit_if_changed(self, revert_on_error: bool = True) -> None:
        if self.loading:
            return
        answer, problem = self.parsed()
        if answer is None:
            if problem and revert_on_error:
                self.refuse(problem)
            return
        if _same(answer, self.accepted):
            return
        answer = self._confirmed_if_unusual(answer)
        if answer is not None:
            self.committed.emit(self.code, answer)

    def _confirmed_if_unusual(self, answer: Answer) -> Answer | None:
        """A number outside the plausible range is kept only when the user says so (gui/plausibility.py)."""
        problems = plausibility_problems(self.indicator, answer, self.accepted)
        if not problems:
            return answer
        if getattr(self, "_asking", False):  # the question itself moves the focus: one question at a time
            return None
        self._asking = True
        try:
            keep = keep_implausible(self, self.indicator, problems, self.lang)
        finally:
            self._asking = False
        if not keep:
            self.refuse(word(problems, self.lang))
            return None
        return replace(answer, confirmed=True)

    def _commit_text(self) -> None:
        if "numerator" in self.fields:
            self._commit_pair()
        else:
            self._emit_if_changed()

    def paintEvent(self, event: QPaintEvent) -> None:
        """The frame, then the marks: an unanswered indicator that counts on its left edge, the card holding the
        focus outlined. Painted here rather than by an application style sheet, which made every widget of the
        window paint and lay out through Qt's slower style-sheet style (measured in bench/bench_gui.py)."""
        super().paintEvent(event)
        focused = self.isAncestorOf(QApplication.focusWidget()) if QApplication.focusWidget() else False
        if not (self.property("missing") or focused):
            return
        painter = QPainter(self)
        if self.property("missing"):
            painter.fillRect(0, 0, MISSING_MARK_WIDTH, self.height(), MISSING_MARK)
        if focused:
            painter.setPen(FOCUS_OUTLINE)
            painter.drawRect(self.rect().adjusted(0, 0, -1, -1))
        painter.end()

    def card_left(self) -> None:
        """The focus left this card (from any of its widgets): a pair still typed is settled now."""
        if "numerator" in self.fields and self.has_unsaved_text():
            self._commit_pair()

    def _commit_pair(self) -> None:
        """A field of a ratio card was left. A valid pair is sent at once; otherwise both halves keep what was
        typed: while the focus stays on the card the problem shows as when typing, once it leaves the card the
        message says the answer was not saved."""
        if self.loading:
            return
        answer, problem = self.parsed()
        if answer is None:
            self.pending = True
            focus = QApplication.focusWidget()
            if focus is not None and self.isAncestorOf(focus):
                self.show_message(problem)  # as while typing; none yet for half a pair (the other half follows)
            else:
                problem = problem or word(parse_answer(self.indicator, self.cells(), decimal_mark(self.lang))[1],
                                           self.lang)
                self.show_message(tr("Not saved: %1").replace("%1", problem))
            return
        self.pending = False
        if _same(answer, self.accepted):
            self.show_message("")
            return
        self.committed.emit(self.code, answer)

    def _commit_combo(self, _index: int) -> None:
        self._emit_if_changed()

    def _commit_na(self, _checked: bool) -> None:
        self._emit_if_changed()

    def _commit_choices(self, checked: bool) -> None:
        if self.loading:
            return
        sender = self.sender()
        self.loading = True
        if checked and sender is self.checks[NONE_OPTION]:
            for code, box in self.checks.items():
                box.setChecked(code == NONE_OPTION)
        elif checked:
            self.checks[NONE_OPTION].setChecked(False)
        self.loading = False
        self._emit_if_changed()

    def refuse(self, problem: str) -> None:
        """A value was refused: put the accepted answer back and say why. An a/b pair keeps both typed halves
        instead (a pair is one answer: losing a valid half because the other was refused loses data)."""
        if "numerator" in self.fields and problem != tr("read-only"):
            self.pending = True
            self.show_message(tr("Not saved: %1").replace("%1", problem))
            return
        self.set_answer(self.accepted)
        self.show_message(tr("Refused: %1").replace("%1", problem))

    def accept(self, answer: Answer) -> None:
        self.accepted = answer
        self.show_message("")
        self._show_evidence_count()

    def _show_evidence_count(self) -> None:
        count = len(self.accepted.evidence)
        _set_text(self.evidence, tr("Evidence (%n)", "", count) if count else tr("Add evidence…"))

    def show_message(self, text: str) -> None:
        if text != self.message.text():
            self.message.setText(text)
        if self.message.isHidden() == bool(text):
            self.message.setVisible(bool(text))

    def _show_ratio(self) -> None:
        if not hasattr(self, "ratio"):
            return
        try:
            a = parse_number(self.fields["numerator"].text(), decimal_mark(self.lang))
            b = parse_number(self.fields["denominator"].text(), decimal_mark(self.lang))
            if a is None or b is None or b <= 0:
                self.ratio.setText("")
                return
            self.ratio.setText(f"a / b = {decimal(a / b * 100, 1, self.lang)} %")
        except ValueError:
            self.ratio.setText("")

    # -------------------------------------------------------------------------------------- state

    def show_score(self, score: IndicatorScore) -> None:
        """Show points, visibility and what can be edited. Only what changed is touched: after every answer all
        47 editors get a score, and needless relayouts would cost the window its smoothness."""
        self.score_shown = score
        declared_na = self.not_applicable.isChecked()
        manual_unset = self.indicator.scoring.rule == Rule.MANUAL and self.accepted.manual_points is None
        enabled = (score.applicable or declared_na) and self.editable
        # compared before any text is made: most of the 47 scores are unchanged after an answer
        state = (score.relevant, score.applicable, manual_unset, score.points, score.max_points, score.missing,
                 enabled, declared_na)
        if state == getattr(self, "_shown", None):
            return
        self._shown = state
        if not score.applicable and not declared_na:
            text = tr("not applicable")
        elif manual_unset:
            text = tr("%1 pts max, set by the appraisers").replace("%1", format_points(self.indicator.max_points))
        else:
            text = tr("<b>%1</b> / %2 pts").replace("%1", format_points(score.points)).replace(
                "%2", format_points(score.max_points))
        self.setVisible(score.relevant)
        self.points.setText(text)
        if self.property("missing") != score.missing:
            self.setProperty("missing", score.missing)
            self.update()  # the mark is painted here (paintEvent), not by a style sheet: no re-polish, no relayout
        for widget in self._inputs():
            keep = widget is self.not_applicable or widget is self.comment
            widget.setEnabled(enabled and (keep or not declared_na))
        self._show_value(score.applicable or declared_na)

    def _show_value(self, shown: bool) -> None:
        """An indicator that does not apply (its condition is not met) shows no value: a greyed old value would
        read as if it counted. The value stays stored and shows again when the indicator applies again."""
        if getattr(self, "_value_shown", True) == shown:
            return
        self._value_shown = shown
        for widget in _widgets_in(self.editor_row):
            widget.setVisible(shown)

    editable = True

    def set_editable(self, editable: bool) -> None:
        """Read-only forms keep the evidence button: its dialog lists the evidence without adding more."""
        if editable == self.editable and getattr(self, "_shown", None) is not None:
            return  # unchanged (another unit, same rights): show_score keeps each field's state up to date
        self.editable = editable
        self._shown = self.score_shown = None
        for widget in self._inputs():
            widget.setEnabled(editable)

    def _inputs(self) -> list[QWidget]:
        combo: list[QWidget] = [self.combo] if self.combo is not None else []
        return [*self.fields.values(), *combo, *self.checks.values(), self.not_applicable, self.comment]

    def first_input(self) -> QWidget:
        for widget in self._inputs():
            if widget.isEnabled() and widget.isVisibleTo(self):
                return widget
        return self.evidence


TOP_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop


def _points_box() -> QLabel:
    """The card's points: a label of fixed size (one line, 150 px), placed top right beside the title. A label's
    new text asks every layout up to the window to run again unless its size is fixed: after every answer the
    whole form was laid out again, and the scroll area repainted whole."""
    points = QLabel(tr("<b>%1</b> / %2 pts"))
    points.setAlignment(TOP_RIGHT)
    points.setFixedSize(150, points.sizeHint().height())
    points.setText("")
    return points


def _set_text(widget: QLineEdit | QPushButton, text: str) -> None:
    """Only a real change: setText relayouts the form even for the same text, after every answer."""
    if widget.text() != text:
        widget.setText(text)


def _same(a: Answer, b: Answer) -> bool:
    return (a.value, a.numerator, a.denominator, a.choices, a.not_applicable, a.comment) == (
        b.value, b.numerator, b.denominator, b.choices, b.not_applicable, b.comment)


def _widgets_in(layout: QLayout) -> list[QWidget]:
    """Every widget of a layout and its nested layouts."""
    found: list[QWidget] = []
    for k in range(layout.count()):
        item = layout.itemAt(k)
        if item.widget() is not None:
            found.append(item.widget())
        elif item.layout() is not None:
            found += _widgets_in(item.layout())
    return found
