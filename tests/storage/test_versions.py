"""Answer versions and the change counter, on SQLite and PostgreSQL: a save made from a form that read an answer
before someone else changed it is refused with what is stored now (issue 11.1), and every rule is checked again
under the writer lock, so two writers each valid alone cannot break a rule together (issue 12.5)."""

from __future__ import annotations

import threading
from dataclasses import replace
from pathlib import Path

import pytest
from db_backends import open_url_service

from assessment.domain.errors import ImportRejected, InvalidAnswer, StaleAnswer
from storage.db import resolve_url

DEPARTMENT, COMMUNE, YEAR = "SO_NOI_VU", "00070", 2025
HEADER = "unit_code,cycle,indicator_code,value,numerator,denominator,choice,not_applicable,comment\n"


@pytest.fixture
def two(demo_url):  # type: ignore[no-untyped-def]
    """Two services on one database, as two processes would have (each its own engine and connections)."""
    first, second = (open_url_service(resolve_url(demo_url)) for _ in range(2))
    first.user, second.user = "window", "importer"
    yield first, second
    first.store.close()
    second.store.close()


def answers_file(folder: Path, name: str, rows: list[str]) -> Path:
    path = folder / name
    path.write_text(HEADER + "".join(f"{row}\n" for row in rows), encoding="utf-8")
    return path


def baseline(service, folder: Path) -> None:  # type: ignore[no-untyped-def]
    """The issue's starting point, whatever the demo drew: SO_NOI_VU NTS01 = 28, NTS02 = 12/28."""
    service.answers.import_file(answers_file(folder, "start.csv", [f"{DEPARTMENT},{YEAR},NTS01,28,,,,,",
                                                                   f"{DEPARTMENT},{YEAR},NTS02,,12,28,,,"]))


def commune_without_nts02(service) -> str:  # type: ignore[no-untyped-def]
    """A 2025 commune of the demo with no NTS02 answer (the demo leaves a few blanks)."""
    for assessment in service.store.assessments(YEAR, kind=service.units.get(COMMUNE).kind):
        if not any(a.indicator_code == "NTS02" for a in service.store.answers.of(assessment.id)):
            return assessment.unit_code
    pytest.skip("the demo answered NTS02 everywhere")


def stored(service, unit: str, code: str):  # type: ignore[no-untyped-def]
    session = service.entry.open(unit, YEAR)
    return session.answers.get(code), session.versions.get(code, 0)


def test_a_stale_form_never_overwrites_newer_data(two, tmp_path):
    """The issue's case: the form read NTS02 = 12/28; an import set 12/30 (NTS01 30); changing only the
    numerator in the still-open form would have saved 11/28. It is refused with what is stored now."""
    window, importer = two
    baseline(importer, tmp_path)
    session = window.entry.open(DEPARTMENT, YEAR)
    assert (session.answers["NTS02"].numerator, session.answers["NTS02"].denominator) == (12.0, 28.0)
    importer.answers.import_file(answers_file(tmp_path, "a.csv", [f"{DEPARTMENT},{YEAR},NTS01,30,,,,,",
                                                                  f"{DEPARTMENT},{YEAR},NTS02,,12,30,,,"]))
    mine = replace(session.answers["NTS02"], numerator=11.0)
    with pytest.raises(StaleAnswer) as refused:
        window.entry.save(session, session.answers, mine, who="window", version=session.versions["NTS02"])
    conflict = refused.value
    assert (conflict.stored.numerator, conflict.stored.denominator) == (12.0, 30.0)
    assert conflict.changed_by == "importer" and conflict.version > session.versions["NTS02"]
    answer, version = stored(importer, DEPARTMENT, "NTS02")
    assert (answer.numerator, answer.denominator, version) == (12.0, 30.0, conflict.version)


def test_keeping_mine_saves_against_the_new_version_and_taking_theirs_writes_nothing(two, tmp_path):
    window, importer = two
    baseline(importer, tmp_path)
    session = window.entry.open(DEPARTMENT, YEAR)
    importer.answers.import_file(answers_file(tmp_path, "a.csv", [f"{DEPARTMENT},{YEAR},NTS01,30,,,,,",
                                                                  f"{DEPARTMENT},{YEAR},NTS02,,12,30,,,"]))
    mine = replace(session.answers["NTS02"], numerator=11.0, denominator=30.0)
    with pytest.raises(StaleAnswer) as refused:
        window.entry.save(session, session.answers, mine, who="window", version=session.versions["NTS02"])
    result = window.entry.save(session, session.answers, mine, who="window", version=refused.value.version)
    assert result.changed == 1 and result.version > refused.value.version
    answer, version = stored(importer, DEPARTMENT, "NTS02")
    assert (answer.numerator, answer.denominator, version) == (11.0, 30.0, result.version)


def test_a_save_equal_to_what_is_stored_is_not_a_conflict(two, tmp_path):
    window, importer = two
    baseline(importer, tmp_path)
    session = window.entry.open(DEPARTMENT, YEAR)
    importer.answers.import_file(answers_file(tmp_path, "a.csv", [f"{DEPARTMENT},{YEAR},NTS02,,13,28,,,"]))
    same = replace(session.answers["NTS02"], numerator=13.0)
    result = window.entry.save(session, session.answers, same, who="window", version=session.versions["NTS02"])
    assert result.unchanged == 1 and result.version == stored(importer, DEPARTMENT, "NTS02")[1]


def test_every_write_moves_the_change_counter_and_answers_carry_it(two, tmp_path):
    window, importer = two
    before = window.store.change_number()
    importer.answers.import_file(answers_file(tmp_path, "a.csv", [f"{COMMUNE},{YEAR},NTS01,5,,,,,"]))
    after_import = window.store.change_number()
    assert after_import > before
    assert stored(window, COMMUNE, "NTS01")[1] == after_import  # the import's number is the answer's version
    session = window.entry.open(COMMUNE, YEAR)
    result = window.entry.save(session, session.answers, replace(session.answers["NTS01"], value=6.0),
                               who="window", version=session.versions["NTS01"])
    assert result.version == window.store.change_number() > after_import
    assessment_id = session.assessment.id
    window.store.review.set_comment(assessment_id, "NTS01", "Bổ sung biên bản", who="inspector")
    assert window.store.change_number() == result.version + 1  # any write, not only answers


def test_a_window_save_is_checked_against_the_answers_stored_now(two, tmp_path):
    """The form still shows NTS01 = 3; an import made it 4. NTS02 = 1/3 agrees with the form, not with the
    database: refused under the writer lock (before, it was saved and the rule was broken)."""
    window, importer = two
    commune = commune_without_nts02(importer)
    importer.answers.import_file(answers_file(tmp_path, "s.csv", [f"{commune},{YEAR},NTS01,3,,,,,"]))
    session = window.entry.open(commune, YEAR)
    assert session.answers["NTS01"].value == 3.0 and "NTS02" not in session.answers
    importer.answers.import_file(answers_file(tmp_path, "a.csv", [f"{commune},{YEAR},NTS01,4,,,,,"]))
    mine = replace(session.answers["NTS01"], indicator_code="NTS02", value=None, numerator=1.0, denominator=3.0)
    with pytest.raises(InvalidAnswer, match="stored now"):
        window.entry.save(session, session.answers, mine, who="window", version=session.versions.get("NTS02", 0))
    assert stored(importer, commune, "NTS02")[0] is None


def test_two_imports_each_valid_alone_cannot_break_a_rule_together(two, tmp_path, monkeypatch):
    """B (NTS02 = 1/3) is checked against NTS01 = 3; before it takes the writer lock, A commits NTS01 = 4 with
    NTS02 = 2/4. B is checked again under the lock and refused whole; the rule holds."""
    from assessment.services.answers_area import AnswersArea

    first, second = two
    first.answers.import_file(answers_file(tmp_path, "s.csv", [f"{COMMUNE},{YEAR},NTS01,3,,,,,",
                                                               f"{COMMUNE},{YEAR},NTS02,,2,3,,,"]))
    a = answers_file(tmp_path, "a.csv", [f"{COMMUNE},{YEAR},NTS01,4,,,,,", f"{COMMUNE},{YEAR},NTS02,,2,4,,,"])
    b = answers_file(tmp_path, "b.csv", [f"{COMMUNE},{YEAR},NTS02,,1,3,,,"])
    checked, go = threading.Event(), threading.Event()
    original = AnswersArea._write

    def paused(self, pending, who, source, file="", seen=None):  # type: ignore[no-untyped-def]
        if file == str(b):  # B has passed its checks: hold it at the writer's door while A commits
            checked.set()
            go.wait(30)
        return original(self, pending, who, source, file, seen)

    monkeypatch.setattr(AnswersArea, "_write", paused)
    outcome: list[object] = []
    thread = threading.Thread(target=lambda: outcome.append(_attempt(second, b)))
    thread.start()
    assert checked.wait(30)
    first.answers.import_file(a)
    go.set()
    thread.join(60)
    (error,) = outcome
    assert isinstance(error, ImportRejected) and "changed while it was checked" in error.message
    assert any("NTS02" in p.message for p in error.problems)
    nts01, _ = stored(first, COMMUNE, "NTS01")
    nts02, _ = stored(first, COMMUNE, "NTS02")
    assert (nts01.value, nts02.numerator, nts02.denominator) == (4.0, 2.0, 4.0)


def _attempt(service, path: Path) -> object:  # type: ignore[no-untyped-def]
    try:
        return service.answers.import_file(path)
    except ImportRejected as error:
        return error
