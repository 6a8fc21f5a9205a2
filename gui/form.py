"""The questionnaire of one methodology: pillars in a side list (answered/total, points so far) and every
indicator in one scrolling column, in questionnaire order so Tab walks the whole form.

A form is built once per methodology and reused for every unit that answers it: switching units only
loads values."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtCore import QCoreApplication, QEvent, QItemSelectionModel, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListView,
    QMessageBox,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from assessment.domain.model import Answer, Methodology, Scorecard
from gui.editors import IndicatorEditor
from gui.i18n import tr
from gui.models import CODE_ROLE, PillarListModel, PillarProgress, format_index, format_points


class QuestionnaireForm(QWidget):
    committed = Signal(str, object)  # code, Answer
    evidence_requested = Signal(str)

    def __init__(self, methodology: Methodology, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.methodology, self.lang = methodology, lang
        self.setObjectName(f"form_{methodology.id}")
        self.pillars = PillarListModel()
        self.pillar_list = QListView()
        self.pillar_list.setObjectName("pillarList")
        self.pillar_list.setModel(self.pillars)
        self.pillar_list.setAccessibleName(tr("Pillars"))
        self.pillar_list.setFixedWidth(250)
        self.pillar_list.setWordWrap(True)
        self.pillar_list.clicked.connect(lambda index: self.goto_pillar(index.data(CODE_ROLE)))
        self.pillar_list.activated.connect(lambda index: self.goto_pillar(index.data(CODE_ROLE), focus=True))
        self.scroll = QScrollArea()
        self.scroll.setObjectName("formScroll")
        self.scroll.setWidgetResizable(True)
        # every text wraps at the viewport's width (options too: gui/narrow_fields.py); only a window squeezed
        # below a card's least width (~350 px of form) scrolls sideways rather than cutting every card off
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        body = QWidget()
        column = QVBoxLayout(body)
        self.headers: dict[str, QLabel] = {}
        self.editors: dict[str, IndicatorEditor] = {}
        for pillar in methodology.pillars:
            header = QLabel(f"<h3>{pillar.code} · {pillar.name.get(lang)}</h3>")
            header.setObjectName(f"pillar_{pillar.code}")
            self.headers[pillar.code] = header
            column.addWidget(header)
            for indicator in sorted(methodology.indicators_of(pillar.code), key=lambda i: i.order):
                editor = IndicatorEditor(indicator, lang)
                editor.committed.connect(self.committed)
                editor.evidence_requested.connect(self.evidence_requested)
                self.editors[indicator.code] = editor
                column.addWidget(editor)
        column.addStretch(1)
        self.scroll.setWidget(body)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pillar_list)
        layout.addWidget(self.scroll, 1)

    # ------------------------------------------------------------------------------------ content

    def set_answers(self, answers: Mapping[str, Answer]) -> None:
        for code, editor in self.editors.items():
            editor.set_answer(answers.get(code))

    def show_card(self, card: Scorecard) -> None:
        by_code = {i.code: i for i in card.indicators}
        reshaped = False
        for code, editor in self.editors.items():
            if editor.score_shown is not by_code[code]:  # a live score keeps the objects of what did not move
                hidden = editor.isHidden()
                editor.show_score(by_code[code])
                reshaped |= hidden != editor.isHidden()
        if reshaped:
            self._lay_out_now()
        rows = []
        for pillar, score in zip(self.methodology.pillars, card.pillars, strict=True):
            members = [by_code[i.code] for i in self.methodology.indicators_of(pillar.code)]
            counted = [m for m in members if m.applicable and m.relevant]
            rows.append(PillarProgress(pillar.code, pillar.name.get(self.lang), sum(m.answered for m in counted),
                                       len(counted), score.points, score.max_points))
        self.pillars.set_rows(rows)

    def _lay_out_now(self) -> None:
        """Cards were shown or hidden: lay out the column, and the scroll area around it, before the next repaint.
        Left to Qt's posted layout requests, the column's moved cards are repainted first and the whole form again
        one event-loop pass later, once the scroll area has resized the column. (The scroll area's request is posted
        to its viewport; asked for by type, as the viewport's first Python wrapper would cost ~6 ms.)"""
        self.scroll.widget().layout().activate()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)

    def set_editable(self, editable: bool) -> None:
        for editor in self.editors.values():
            editor.set_editable(editable)

    # --------------------------------------------------------------------------------- navigation

    def goto_pillar(self, code: str, focus: bool = False) -> None:
        header = self.headers[code]
        self.scroll.verticalScrollBar().setValue(header.y())
        row = [p.code for p in self.methodology.pillars].index(code)
        self.pillar_list.selectionModel().setCurrentIndex(self.pillars.index(row, 0),
                                                          QItemSelectionModel.SelectionFlag.ClearAndSelect)
        if focus:
            first = next((e for e in self.editors.values() if e.indicator.pillar == code and e.isVisible()), None)
            if first is not None:
                first.first_input().setFocus(Qt.FocusReason.ShortcutFocusReason)

    def goto_indicator(self, code: str) -> None:
        editor = self.editors[code]
        self.scroll.ensureWidgetVisible(editor, 0, 40)
        editor.first_input().setFocus(Qt.FocusReason.ShortcutFocusReason)
        pillar = [p.code for p in self.methodology.pillars].index(editor.indicator.pillar)
        self.pillar_list.selectionModel().setCurrentIndex(self.pillars.index(pillar, 0),
                                                          QItemSelectionModel.SelectionFlag.ClearAndSelect)

    def step_pillar(self, step: int) -> None:
        codes = [p.code for p in self.methodology.pillars]
        current = self.pillar_list.currentIndex().row() if self.pillar_list.currentIndex().isValid() else -1
        self.goto_pillar(codes[max(0, min(len(codes) - 1, current + step))], focus=True)

    def editor_of(self, widget: QWidget | None) -> IndicatorEditor | None:
        """The indicator card a widget belongs to (None outside this form's cards)."""
        while widget is not None and not isinstance(widget, IndicatorEditor):
            widget = widget.parentWidget()
        return widget if widget is not None and self.editors.get(widget.code) is widget else None

    def focus_moved(self, old: QWidget | None, new: QWidget | None) -> None:
        """Tell a card that the focus left it (a refused or half-typed a/b pair says it was not saved)."""
        left, entered = self.editor_of(old), self.editor_of(new)
        if left is not None and left is not entered:
            left.card_left()
        for card in {left, entered} - {None}:
            card.update()  # its focus outline (IndicatorEditor.paintEvent)

    def follow_focus(self, widget: QWidget | None, scroll: bool = True) -> None:
        """Keep the focused field in view and its pillar selected (keyboard users never lose their place).
        `scroll` is False when the focus came with a mouse press: scrolling then would move the field away
        from under the pointer, and the release would land elsewhere (the click lost)."""
        widget = self.editor_of(widget)
        if widget is None:
            return
        if scroll:
            self.scroll.ensureWidgetVisible(widget, 0, 40)
        pillar = [p.code for p in self.methodology.pillars].index(widget.indicator.pillar)
        if self.pillar_list.currentIndex().row() != pillar:
            self.pillar_list.selectionModel().setCurrentIndex(self.pillars.index(pillar, 0),
                                                              QItemSelectionModel.SelectionFlag.ClearAndSelect)

    def unsaved_pairs(self) -> list[IndicatorEditor]:
        """Cards whose a/b pair was refused or left half-typed: what was typed is only on screen."""
        return [e for e in self.editors.values() if "numerator" in e.fields and e.isVisible() and e.has_unsaved_text()]

    def ask_to_drop(self, parent: QWidget, then: Callable[[], None], otherwise: Callable[[], None]) -> bool:
        """True when no pair is pending. Otherwise asks (window-modal, without blocking) whether to drop what was
        typed: "drop" puts the saved answers back and calls `then`; "go back" shows the first one and calls
        `otherwise`."""
        pending = self.unsaved_pairs()
        if not pending:
            return True
        box = QMessageBox(QMessageBox.Icon.Warning, tr("Not saved"), tr(
            "%1: what was typed is not a valid answer and was not saved (the reason is beside it). Drop what was "
            "typed?").replace("%1", ", ".join(e.code for e in pending)), QMessageBox.StandardButton.NoButton, parent)
        drop = box.addButton(tr("Drop what was typed"), QMessageBox.ButtonRole.DestructiveRole)
        back = box.addButton(tr("Go back to it"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(back)
        box.setWindowModality(Qt.WindowModality.WindowModal)

        def answered() -> None:
            if box.clickedButton() is drop:
                for editor in pending:
                    editor.revert_typing()
                then()
            else:
                otherwise()
                self.goto_indicator(pending[0].code)

        box.finished.connect(answered)
        box.open()
        self.drop_question = box
        return False

    def search_entries(self) -> list[tuple[str, str]]:
        """(code, "CODE — text") for the find box."""
        return [(i.code, f"{i.code} — {i.text.get(self.lang)}") for i in self.methodology.indicators]


def points_line(card: Scorecard, lang: str) -> str:
    index = format_index(card.index, lang)
    band = f"{card.band.code} · {card.band.name.get(lang)}" if card.band else "—"
    text = tr("Total: <b>%1</b> / %2 pts · Index: <b>%3</b> · Band: <b>%4</b>")
    for marker, value in (("%1", format_points(card.points, lang)), ("%2", format_points(card.max_points, lang)),
                          ("%3", index), ("%4", band)):
        text = text.replace(marker, value)
    return text

