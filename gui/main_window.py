"""The main window: units on the left, the chosen unit's questionnaire for the chosen cycle in the middle,
the live score on top and the save state at the bottom."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QStringListModel, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QCompleter,
    QDockWidget,
    QLabel,
    QLineEdit,
    QMainWindow,
    QStackedWidget,
    QTabWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from assessment.domain.model import Answer, Methodology, Scorecard, UnitKind
from assessment.domain.workflow import SUBMITTED_STATES, TRANSITIONS, Step
from assessment.service import AssessmentService
from gui.answer_messages import word
from gui.changes import WindowSync
from gui.entry import EntryController
from gui.errors import show_error
from gui.i18n import tr
from gui.lazy_tabs import LazyTabs
from gui.methodology_files import MethodologyFiles
from gui.models import CODE_ROLE, MissingRow, UnitFilter, UnitTreeModel
from gui.operations import Operations
from gui.package_actions import PackageActions
from gui.painted_text import PaintedText
from gui.published_view import PublishedPanel
from gui.reports import ReportActions
from gui.review import ReviewPanel
from gui.settings import GEOMETRY, LAST_UNIT, Settings
from gui.shortcuts import WindowShortcutsFirst, keypad_too
from gui.states import state_name
from gui.tasks import TaskRunner
from gui.window_facts import OfferedCycles, WindowFacts, WindowFactsReading

if TYPE_CHECKING:  # the form, its editors and the dialogs are imported when first used: not before the first paint
    from assessment.services.entry_area import EntrySession
    from gui.form import QuestionnaireForm


def provenance_mark(methodology: Methodology) -> str:
    """A visible mark on a methodology whose wording or points are dxscore's reconstruction, not the official
    annex (the tooltip holds the provenance note; docs/methodology-format.md says how to replace it)."""
    p = methodology.provenance
    if p.official_wording and p.official_points:
        return ""
    text = tr("reconstructed by dxscore, not the official annex: hover for the sources")
    return f"<br><span style='color:#8a5a00'>⚠ {text}</span>"


def confirm(parent: QWidget, title: str, question: str) -> bool:
    from gui.dialogs import confirm as ask  # the dialogs module: imported when first needed

    return ask(parent, title, question)


class MainWindow(WindowFactsReading, LazyTabs, QMainWindow):
    selection: tuple[str, int] | None = None  # the unit and cycle chosen last, app-wide (Data entry, Compare)

    def __init__(self, service: AssessmentService, settings: Settings, runner: TaskRunner | None = None,
                 lang: str | None = None, opener: Callable[[], AssessmentService] | None = None) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.service, self.settings = service, settings
        self.lang = lang or settings.language
        self.runner = runner or TaskRunner()
        self.ops = Operations(self.runner)  # every database read and write of the window, on the lane
        self.facts: WindowFacts | None = None  # units, assessed cycles: read on the lane at start
        self.offered: OfferedCycles | None = None  # every cycle offered (parses the methodologies): after that
        self.controller = EntryController(service, self.runner)
        self.reports = ReportActions(self, service, self.runner, opener)
        self.packages = PackageActions(self, service, self.runner, self.lang, self._imported)
        self.setAcceptDrops(True)  # .dxpkg files dropped on the window are imported (after a preview)
        self.forms: dict[str, QuestionnaireForm] = {}
        self.form: QuestionnaireForm | None = None
        self.setWindowTitle(tr("dxscore — digital transformation assessment"))
        self._build_units()
        self._build_centre()
        self._build_actions()
        self._connect()
        self.sync = WindowSync(self)  # one change signal: the views follow changes made here and elsewhere
        self.statusBar().showMessage(tr("Choose a unit on the left."))
        self.opening_notice = QTimer(self, singleShot=True, interval=150)  # a unit not shown by then: "Opening…"
        self.opening_notice.timeout.connect(lambda: self.statusBar().showMessage(tr("Opening…")))
        self.read_facts()  # then the cycles every methodology covers (gui/window_facts.py)
        geometry = settings.get(GEOMETRY)
        if geometry:
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 820)
        self.reopen_code = settings.get(LAST_UNIT)  # the unit open at the last close: reopened once the units are read

    # ------------------------------------------------------------------------------------ building

    def _build_units(self) -> None:
        panel = QWidget()
        layout = QVBoxLayout(panel)
        self.cycle = QComboBox()
        self.cycle.setObjectName("cycle")
        self.cycle.setAccessibleName(tr("Cycle"))
        self.unit_search = QLineEdit()
        self.unit_search.setObjectName("unitSearch")
        self.unit_search.setPlaceholderText(tr("Find a unit (name or code)…"))
        self.unit_search.setAccessibleName(tr("Find a unit"))
        self.unit_search.setClearButtonEnabled(True)
        self.unit_model = UnitTreeModel([], self.lang)  # filled when the lane has read the units
        self.unit_filter = UnitFilter()
        self.unit_filter.setSourceModel(self.unit_model)
        self.unit_tree = QTreeView()
        self.unit_tree.setObjectName("unitTree")
        self.unit_tree.setAccessibleName(tr("Units"))
        self.unit_tree.setHeaderHidden(True)
        self.unit_tree.setUniformRowHeights(True)  # one line each: the tree never measures rows (3,321 communes)
        self.unit_tree.setModel(self.unit_filter)
        self.unit_tree.expandAll()
        layout.addWidget(QLabel(tr("Cycle")))
        layout.addWidget(self.cycle)
        layout.addWidget(self.unit_search)
        layout.addWidget(self.unit_tree, 1)
        dock = QDockWidget(tr("Units"), self)
        dock.setObjectName("unitsDock")
        dock.setFeatures(QDockWidget.DockWidgetFeature.NoDockWidgetFeatures)
        dock.setWidget(panel)
        panel.setMinimumWidth(330)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, dock)

    def _build_centre(self) -> None:
        centre = QWidget()
        layout = QVBoxLayout(centre)
        self.demo_banner = QLabel(tr("DEMO DATA — not a real assessment"))
        self.demo_banner.setObjectName("demoBanner")
        self.demo_banner.setStyleSheet("background: #ffe08a; color: #5a4100; padding: 4px; font-weight: bold;")
        self.demo_banner.setVisible(False)  # shown once the lane says the database is the demo
        self.heading = PaintedText()  # a new unit repaints the heading, not the window (gui/painted_text.py)
        self.heading.setObjectName("heading")
        self.score_line = PaintedText()  # a new score repaints this line only (it changes after every answer)
        self.score_line.setObjectName("scoreLine")
        self.status_line = QLabel()
        self.status_line.setObjectName("statusLine")
        self.find = QLineEdit()
        self.find.setObjectName("findIndicator")
        self.find.setPlaceholderText(tr("Find an indicator by code or words (Ctrl+F)…"))
        self.find.setAccessibleName(tr("Find an indicator"))
        self.find_model = QStringListModel()
        completer = QCompleter(self.find_model, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.activated[str].connect(self.goto_found)
        self.find.setCompleter(completer)
        self.find.returnPressed.connect(lambda: self.goto_found(self.find.text()))
        self.pages = QStackedWidget()
        self.placeholder = QLabel(tr("Choose a unit and a cycle to fill in its questionnaire."))
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.pages.addWidget(self.placeholder)
        self.published = PublishedPanel(self.service, self.ops, self.lang)  # the unit's published result, if any
        for widget in (self.demo_banner, self.heading, self.score_line, self.published, self.status_line, self.find):
            layout.addWidget(widget)
        layout.addWidget(self.pages, 1)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("mainTabs")
        self.tabs.addTab(centre, tr("Data entry"))
        self.dashboard_page = self._lazy_page(tr("Compare units"))
        self.review = ReviewPanel(self.service, self.runner, self.lang, ops=self.ops)
        self.review.changed.connect(self._review_changed)
        self.review.export_return.connect(lambda code, year: self.packages.export_return(year, code))
        self.tabs.addTab(self.review, tr("Review"))
        self.city_page = self._lazy_page(tr("Resolution 18"))
        self.cycle_page = self._lazy_page(tr("Cycle"))
        self.tabs.currentChanged.connect(self._tab_changed)
        self.setCentralWidget(self.tabs)

    def _action(self, text: str, shortcut: QKeySequence | str | None, slot, name: str) -> QAction:  # type: ignore[no-untyped-def]
        action = QAction(text, self)
        action.setObjectName(name)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        bar = self.addToolBar(tr("Actions"))
        bar.setObjectName("actions")
        self.undo_action = self._action(tr("Undo last change"), QKeySequence.StandardKey.Undo, self.undo, "undo")
        self.prev_action = self._action(tr("Previous pillar"), "Ctrl+PgUp", lambda: self.step(-1), "previousPillar")
        self.next_action = self._action(tr("Next pillar"), "Ctrl+PgDown", lambda: self.step(1), "nextPillar")
        self.find_action = self._action(tr("Find indicator"), QKeySequence.StandardKey.Find, self.focus_find, "find")
        self.units_action = self._action(tr("Find unit"), "Ctrl+U", self.focus_unit_search, "findUnit")
        self.submit_action = self._action(tr("Submit…"), "Ctrl+Return", self.submit, "submit")
        self.submit_action.setShortcuts(keypad_too("Ctrl+Return"))
        self.reopen_action = self._action(tr("Withdraw the submission"), None, self.reopen, "reopen")
        self.settings_action = self._action(tr("Settings…"), "Ctrl+,", self.open_settings, "settings")
        self.compare_action = self._action(tr("Compare units"), "Ctrl+D", lambda: self.tabs.setCurrentIndex(1),
                                           "compare")
        self.entry_action = self._action(tr("Data entry"), "Ctrl+E", lambda: self.tabs.setCurrentIndex(0), "entry")
        for action in (self.undo_action, self.prev_action, self.next_action, self.submit_action,
                       self.reopen_action, self.settings_action):
            bar.addAction(action)
        packages = self.menuBar().addMenu(tr("Packages"))
        packages.setObjectName("packagesMenu")
        self.package_actions = {
            "export": packages.addAction(tr("Export the submission package…"), self.export_package),
            "import": packages.addAction(tr("Import packages…"), self.packages.choose_and_import),
            "key": packages.addAction(tr("Signing key of the unit…"), self.show_key),
            "keys": packages.addAction(tr("Import a key list…"), self.packages.import_keys),
            "audit": packages.addAction(tr("Verify the audit trail"), self.packages.verify_audit),
        }
        self.package_actions["import"].setShortcut(QKeySequence("Ctrl+I"))
        self.review_action = self._action(tr("Review"), "Ctrl+R", lambda: self.tabs.setCurrentWidget(self.review),
                                          "reviewTab")
        menu = self.menuBar().addMenu(tr("Reports"))
        menu.setObjectName("reportsMenu")
        self.report_actions = {
            "scorecard": menu.addAction(tr("Scorecard of the unit (PDF)…"), self.report_scorecard),
            "booklet": menu.addAction(tr("Booklet of the peer group (PDF)…"), lambda: self.report_group("booklet")),
            "each": menu.addAction(tr("One scorecard per unit (PDFs)…"), lambda: self.report_group("each")),
            "excel": menu.addAction(tr("Scores of the cycle (Excel)…"), lambda: self.report_group("excel")),
        }
        self.methodology_files = MethodologyFiles(self, self.service, self._open_methodology)
        self.methodology_files.add_menu(self.menuBar())
        self._enable_actions()
        self.shortcuts_first = WindowShortcutsFirst(self)  # README's keys beat the fields' own bindings

    def _open_methodology(self) -> Methodology | None:
        return self.controller.session.methodology if self.controller.session is not None else None

    def _connect(self) -> None:
        self.unit_search.textChanged.connect(self._filter_units)
        self.unit_search.returnPressed.connect(self._open_first_match)
        self.unit_tree.selectionModel().currentChanged.connect(self._unit_chosen)
        self.unit_tree.activated.connect(self._unit_chosen)
        self.cycle.currentIndexChanged.connect(self._cycle_changed)
        self.cycle.activated.connect(lambda _index: self.read_facts())  # units added elsewhere since: the list follows
        c = self.controller
        c.opened.connect(self._opened)
        c.scored.connect(self._scored)
        c.refused.connect(self._refused)
        c.accepted.connect(self._accepted)
        c.saved.connect(lambda when: self.statusBar().showMessage(tr("All changes saved at %1").replace("%1", when)))
        c.saving.connect(self._saving)
        c.failed.connect(lambda error: show_error(self, error))
        c.status_changed.connect(self._opened)
        app = QApplication.instance()
        if app is not None:
            app.focusChanged.connect(self._focus_changed)

    # ------------------------------------------------------------------------------------- choosing

    @property
    def year(self) -> int:
        return int(self.cycle.currentData())

    def _filter_units(self, text: str) -> None:
        self.unit_filter.set_query(text)
        self.unit_tree.expandAll()

    def _open_first_match(self) -> None:
        """Enter in the unit search opens the first unit found and moves to its questionnaire."""
        for group in range(self.unit_filter.rowCount()):
            parent = self.unit_filter.index(group, 0)
            if self.unit_filter.rowCount(parent):
                first = self.unit_filter.index(0, 0, parent)
                self.unit_tree.setCurrentIndex(first)
                self.controller.opened.connect(self._focus_form_once)
                return

    def _focus_form_once(self, _session: object) -> None:
        self.controller.opened.disconnect(self._focus_form_once)
        if self.form is not None:
            self.form.step_pillar(0)

    def _cycle_changed(self) -> None:
        session = self.controller.session
        if session is not None and self.form is not None and session.year != self.year and not \
                self.form.ask_to_drop(self, self._cycle_changed, lambda: self._show_choice(session)):
            return
        self._show_units()
        if self.controller.session is not None:
            self.open_unit(self.controller.session.unit.code)

    def _unit_chosen(self, index: QModelIndex) -> None:
        code = index.data(CODE_ROLE)
        if code and (self.controller.session is None or self.controller.session.unit.code != code
                     or self.controller.session.year != self.year):
            session = self.controller.session
            if self.form is None or session is None or self.form.ask_to_drop(
                    self, lambda: self.open_unit(code), lambda: self._show_choice(session)):
                self.open_unit(code)

    def _show_choice(self, session: EntrySession) -> None:
        """Put the cycle and unit lists back on the open questionnaire (leaving it was cancelled)."""
        self.cycle.blockSignals(True)
        self.cycle.setCurrentIndex(self.cycle.findData(session.year))
        self.cycle.blockSignals(False)
        if self.unit_tree.currentIndex().data(CODE_ROLE) == session.unit.code:
            return  # already shown (the unit was chosen in the list)
        found = self.unit_filter.mapFromSource(self.unit_model.index_of(session.unit.code))
        if found.isValid():  # (hidden by the search: left as it is)
            self.unit_tree.setCurrentIndex(found)

    def open_unit(self, code: str) -> None:
        self.controller.open(code, self.year)
        self.opening_notice.start()  # "Opening…" only if it takes long enough to be seen (a switch takes ~10 ms)

    def _opened(self, session: EntrySession) -> None:
        self.opening_notice.stop()
        key = session.methodology.key
        if key not in self.forms:
            from gui.form import QuestionnaireForm

            form = QuestionnaireForm(session.methodology, self.lang, self.pages)
            form.committed.connect(self._committed)
            form.evidence_requested.connect(self.show_evidence)
            self.forms[key] = form
            self.pages.addWidget(form)
        self.form = self.forms[key]
        self.pages.setCurrentWidget(self.form)
        self.form.set_answers(session.answers)
        self.form.set_editable(session.editable)
        if self.find_model.property("methodology") != key:  # the same questionnaire: the same entries
            self.find_model.setStringList([text for _, text in self.form.search_entries()])
            self.find_model.setProperty("methodology", key)
        unit = session.unit
        cycle = tr("Cycle %1").replace("%1", str(session.year))
        self.heading.setText(f"<h2>{unit.name.get(self.lang)} ({unit.code}) · {cycle}</h2>"
                             f"{session.methodology.title.get(self.lang)} — {session.methodology.id} "
                             f"{session.methodology.version}" + provenance_mark(session.methodology))
        self.heading.setToolTip(session.methodology.provenance.note.get(self.lang))
        status = state_name(session.status) + ("" if session.editable else tr(" — read-only"))
        self.status_line.setText(tr("Status: <b>%1</b>").replace("%1", status))
        self.status_line.setStyleSheet("" if session.editable else "color: #8a1c1c;")
        self.statusBar().showMessage(tr("Ready."))
        self._enable_actions()
        self._follow_review()
        self.published.show_unit(unit.code, session.year, self.form)
        # one selection for the whole window (README); a reopen of the same unit (a status change, a refresh)
        # leaves the Compare tab where the user has taken it
        if self.dashboard is not None and (unit.code, session.year) != self.selection:
            self.dashboard.show_unit(unit.code, unit.kind, session.year)
        self.selection = (unit.code, session.year)
        self._show_choice(session)  # the unit list shows which unit is open (also one opened at start)

    def select_unit(self, code: str, year: int) -> None:
        """A unit chosen on the Compare tab: Data entry (and so Review) shows it, in the cycle compared."""
        if self.cycle.findData(year) >= 0 and year != self.year:
            self.cycle.blockSignals(True)  # _cycle_changed would reopen the previous unit first
            self.cycle.setCurrentIndex(self.cycle.findData(year))
            self.cycle.blockSignals(False)
            self._show_units()
        self.unit_tree.selectionModel().blockSignals(True)  # the tree follows; it does not open a second time
        found = self.unit_filter.match(self.unit_filter.index(0, 0), CODE_ROLE, code, 1,
                                       Qt.MatchFlag.MatchExactly | Qt.MatchFlag.MatchRecursive)
        self.unit_tree.setCurrentIndex(found[0] if found else QModelIndex())  # hidden by the search: none
        self.unit_tree.selectionModel().blockSignals(False)
        session = self.controller.session
        if session is None or (session.unit.code, session.year) != (code, self.year):
            self.open_unit(code)

    def _scored(self, card: Scorecard) -> None:
        if self.form is not None:
            self.form.show_card(card)
        from gui.form import points_line

        self.score_line.setText(points_line(card, self.lang))

    # -------------------------------------------------------------------------------------- editing

    def _committed(self, code: str, answer: Answer) -> None:
        self.controller.commit(code, answer)

    def _accepted(self, code: str, answer: Answer) -> None:
        if self.form is not None:
            editor = self.form.editors[code]
            editor.set_answer(answer)
            editor.accept(answer)
        self._enable_actions()

    def _refused(self, code: str, reason: str) -> None:
        if self.form is not None and code in self.form.editors:
            self.form.editors[code].refuse(tr("read-only") if reason == "read-only" else word(reason, self.lang))

    def _saving(self, queued: int) -> None:
        if queued == 1:  # the queue just started: say it once, not for every answer
            self.statusBar().showMessage(tr("Saving…"))

    def undo(self) -> None:
        """Ctrl+Z: in a field with typed text not yet saved, put back its saved value; else undo the last
        saved change."""
        editor = self.form.editor_of(QApplication.focusWidget()) if self.form is not None else None
        if editor is not None and editor.has_unsaved_text():
            editor.revert_typing()
            return
        code = self.controller.undo()
        if code is None:
            self.statusBar().showMessage(tr("Nothing to undo."))
        if code and self.form is not None:
            self.form.goto_indicator(code)

    def step(self, direction: int) -> None:
        if self.form is not None:
            self.form.step_pillar(direction)

    def focus_find(self) -> None:
        self.find.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.find.selectAll()

    def focus_unit_search(self) -> None:
        """Ctrl+U: the unit search box, with what it holds selected (the Compare tab hides it: back to entry)."""
        if self.tabs.currentWidget() is self.dashboard_page:
            self.tabs.setCurrentIndex(0)
        self.unit_search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.unit_search.selectAll()

    def goto_found(self, text: str) -> None:
        if self.form is None or not text.strip():
            return
        wanted = text.split(" — ")[0].strip().upper()
        codes = [code for code, entry in self.form.search_entries()
                 if code.upper() == wanted or text.strip().lower() in entry.lower()]
        if codes:
            self.find.completer().popup().hide()
            self.activateWindow()  # the popup had the keyboard: hand it back to the form
            self.find.clear()
            self.form.goto_indicator(codes[0])

    def _focus_changed(self, old: QWidget | None, new: QWidget | None) -> None:
        if self.form is not None:
            self.form.focus_moved(old, new)
        if self.form is not None and new is not None and self.form.isAncestorOf(new):
            self.form.follow_focus(new, scroll=QApplication.mouseButtons() == Qt.MouseButton.NoButton)

    def show_evidence(self, code: str) -> None:
        session = self.controller.session
        if session is None:
            return
        answer = self.controller.answers.get(code)
        if answer is None or answer.is_empty:
            self.form.editors[code].show_message(tr("Answer this indicator before attaching evidence."))
            return
        from gui.dialogs import EvidenceDialog

        dialog = EvidenceDialog(session.methodology.indicator(code), list(answer.evidence), self.lang,
                                session.editable, self.service.entry.evidence_file, self)
        dialog.added.connect(lambda item, file: self.controller.add_evidence(code, item, file))
        dialog.open()

    # ------------------------------------------------------------------------------- submit, reopen

    def submit(self) -> None:
        session = self.controller.session
        if session is None or not session.editable:
            return
        missing = self.controller.missing()
        if missing:
            rows = [MissingRow(m.code, session.methodology.indicator(m.code).text.get(self.lang), m.what)
                    for m in missing]
            from gui.dialogs import MissingDialog

            dialog = MissingDialog(rows, self)
            dialog.chosen.connect(lambda code: self.form.goto_indicator(code))
            dialog.open()
            self.missing_dialog = dialog
            return
        if confirm(self, tr("Submit"), tr("Submit this assessment to the city? It becomes read-only until an "
                                          "inspector reopens it.")):
            self.controller.flush()
            self.controller.submit()

    def reopen(self) -> None:
        session = self.controller.session
        if session is not None and session.status in TRANSITIONS[Step.WITHDRAW].sources and confirm(
                self, tr("Withdraw"), tr("Withdraw this submission to edit it again? This is possible until the "
                                         "inspectors start their review.")):
            self.controller.reopen()

    def _report_context(self) -> tuple[int, str | None, UnitKind | None]:
        """(cycle, unit, kind) the reports act on: the dashboard's choice when it is showing, else the form's."""
        board = self.dashboard
        if board is not None and self.tabs.currentWidget() is self.dashboard_page and board.comparison is not None:
            return board.comparison.group.cycle, board.selected_code, board.comparison.group.kind
        session = self.controller.session
        if session is not None:
            return session.year, session.unit.code, session.unit.kind
        return self.year, None, None

    def report_scorecard(self) -> None:
        year, unit, _ = self._report_context()
        if unit is None:
            self.statusBar().showMessage(tr("Choose a unit first."))
            return
        self.reports.scorecard(year, unit)

    def report_group(self, what: str) -> None:
        year, _, kind = self._report_context()
        if kind is None and what != "excel":
            self.statusBar().showMessage(tr("Choose a unit or a peer group first."))
            return
        getattr(self.reports, what)(year, kind)

    # --------------------------------------------------------------------------- review and packages

    def _follow_review(self) -> None:
        """The Review tab shows the unit open on the Data entry tab (loaded only while it is showing)."""
        session = self.controller.session
        if session is not None and self.tabs.currentWidget() is self.review and \
                (self.review.unit_code, self.review.year) != (session.unit.code, session.year):
            self.review.show_unit(session.unit.code, session.year)

    def _review_changed(self) -> None:
        """A review step or an import moved an assessment: the form's read-only state and the charts follow."""
        session = self.controller.session
        if session is not None:
            self.controller.open(session.unit.code, session.year)
        self._refresh_built_tabs()

    def _imported(self) -> None:
        self.statusBar().showMessage(tr("Packages imported."))
        self.read_facts()  # an import may add units
        self._review_changed()
        if self.review.unit_code is not None:
            self.review.reload()

    def export_package(self) -> None:
        session = self.controller.session
        if session is None:
            self.statusBar().showMessage(tr("Choose a unit first."))
            return
        self.controller.flush()
        self.packages.export_submission(session.year, session.unit.code)

    def show_key(self) -> None:
        session = self.controller.session
        if session is None:
            self.statusBar().showMessage(tr("Choose a unit first."))
            return
        self.packages.show_key(session.unit.code)

    @staticmethod
    def _package_files(event: QDragEnterEvent | QDropEvent) -> list[Path]:
        urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
        return [Path(u.toLocalFile()) for u in urls if u.isLocalFile() and u.toLocalFile().lower().endswith(".dxpkg")]

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._package_files(event):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        files = self._package_files(event)
        if files:
            event.acceptProposedAction()
            self.packages.import_paths(files)

    def open_settings(self) -> None:
        from gui.dialogs import SettingsDialog

        SettingsDialog(self.settings, self).open()

    def _enable_actions(self) -> None:
        session = self.controller.session
        editable = session is not None and session.editable
        self.undo_action.setEnabled(editable)  # also puts back a field's typed text (see undo)
        self.submit_action.setEnabled(editable)
        status = session.status if session is not None else None
        self.reopen_action.setEnabled(status in TRANSITIONS[Step.WITHDRAW].sources)
        self.package_actions["export"].setEnabled(status in SUBMITTED_STATES)
        self.package_actions["key"].setEnabled(session is not None)
        for action in (self.prev_action, self.next_action, self.find_action):
            action.setEnabled(session is not None)

    # ---------------------------------------------------------------------------------------- close

    def closeEvent(self, event: QCloseEvent) -> None:
        focused = QApplication.focusWidget()
        if focused is not None:
            focused.clearFocus()  # commits the field being edited
        if self.form is not None and not self.form.ask_to_drop(self, self.close, lambda: None):
            event.ignore()  # a refused a/b pair is only on screen: asked first
            return
        self.sync.hub.stop()
        self.controller.flush()
        if self.controller.session is not None:  # kept at close, not on every switch (a QSettings write each)
            self.settings.set(LAST_UNIT, self.controller.session.unit.code, now=False)
        self.settings.set(GEOMETRY, self.saveGeometry().data())
        super().closeEvent(event)
