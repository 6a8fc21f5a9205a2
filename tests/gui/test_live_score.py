"""The form's live score while answering: kept between changes (only what an answer reaches is rescored), always
the scorecard the whole form gives, and benchmark indicators say their points depend on the other units."""

from __future__ import annotations

from assessment.domain.live_scoring import affected_by, peer_dependent
from assessment.domain.model import Answer
from tests.gui.conftest import open_unit, settle

EMPTY_YEAR = 2026  # the demo has no 2026 answers: an empty questionnaire


def test_benchmark_indicators_say_they_depend_on_other_units(qtbot, window):
    open_unit(qtbot, window, "00070", 2025)
    notes = {code: editor.findChild(type(editor.points), "peerNote") for code, editor in window.form.editors.items()}
    benchmark = {i.code for i in window.controller.session.methodology.indicators if peer_dependent(i)}
    assert benchmark and {code for code, note in notes.items() if note is not None} == benchmark
    for code in benchmark:
        assert "tính lại khi xếp hạng" in notes[code].text()  # "recomputed at ranking", in the window's language
        assert notes[code].text() == window.form.editors[code].points.toolTip()


def test_the_live_score_after_each_answer_is_the_whole_forms_score(qtbot, window):
    open_unit(qtbot, window, "00070", EMPTY_YEAR)
    controller, service = window.controller, window.service
    # NTS01 decides whether NTS02 is shown (relevant_if): a change there rescores both
    for answer in (Answer("NTS01", 4.0), Answer("NTS02", None, 3.0, 4.0), Answer("NTS01", 0.0),
                   Answer("NTS01", 4.0), Answer("HTS01", 2.0)):
        assert controller.commit(answer.indicator_code, answer)
        whole = service.entry.score(controller.session, controller.answers)
        assert controller.live.card == whole
        assert window.score_line.text() and window.form.editors["NTS02"].isVisibleTo(window.form) == (
            controller.answers["NTS01"].value > 0)
    methodology = controller.session.methodology
    rescored = controller.live.scores.rescored  # the last change (HTS01): itself and what reads it, not the form
    assert "HTS01" in rescored and rescored == affected_by(methodology)["HTS01"]
    assert len(rescored) < len(methodology.indicators) // 4
    settle(qtbot, window)
