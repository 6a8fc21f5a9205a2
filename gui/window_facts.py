"""What the main window shows before a unit is opened, read on the database lane (never on the GUI thread).

`WindowFacts` (units, assessed cycles, demo or not) comes first: the unit list shows in the latest assessed cycle
at once. `OfferedCycles` (every cycle a methodology covers, the kinds the Compare tab ranks per cycle) needs the
methodologies parsed, so it is read next and completes the cycle list; the Compare and Resolution 18 tabs are built
from it."""

from __future__ import annotations

import gc
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer

from assessment.domain.cycles import cycle_day
from gui.errors import show_error

if TYPE_CHECKING:
    from PySide6.QtWidgets import QComboBox, QLabel, QTabWidget, QTreeView

    from assessment.domain.model import Unit, UnitKind
    from assessment.service import AssessmentService
    from gui.models import UnitTreeModel
    from gui.operations import Operations



@dataclass(frozen=True)
class WindowFacts:
    """What the window shows before any unit is open: read once at start (on the lane) and after a change."""

    units: list[Unit]
    assessed_cycles: list[int]  # cycles with assessments in the database
    is_demo: bool


@dataclass(frozen=True)
class OfferedCycles:
    """Every cycle the window offers (assessed or covered by a shipped methodology) and, per assessed cycle, the
    kinds of unit the Compare tab can rank. Reading it parses the methodologies: asked after the first paint."""

    cycles: list[int]
    kinds: dict[int, list[UnitKind]] = field(default_factory=dict)


def read_window_facts(service: AssessmentService) -> WindowFacts:
    return WindowFacts(service.units.list(), service.cycles(), service.is_demo)


def read_offered_cycles(service: AssessmentService) -> OfferedCycles:
    offered = OfferedCycles(service.entry.cycles(), {year: service.compare.kinds(year) for year in service.cycles()})
    _import_what_a_form_needs()
    return offered


def _import_what_a_form_needs() -> None:
    """On the lane, after the first paint: the modules opening a unit uses (its live score, the form and its
    editors), so the first unit chosen opens as fast as the next ones. Importing creates no widget."""
    import assessment.services.live_entry  # noqa: F401
    import gui.form  # noqa: F401


_start_set_aside = False


def _set_start_aside() -> None:
    """Once per process, when the first window has read what it shows: move every object alive now (modules,
    classes, the service, the window) out of the cyclic garbage collector's sight (`gc.freeze`). Its collections
    then look only at what was made since: a collection no longer stops the GUI thread for milliseconds while the
    user types (~6 ms measured for a middle-generation one, more for a full one)."""
    global _start_set_aside
    if not _start_set_aside:
        _start_set_aside = True
        gc.freeze()


class WindowFactsReading:
    """The main window's part that reads its facts on the lane and fills the cycle and unit lists from them."""

    service: AssessmentService
    ops: Operations
    facts: WindowFacts | None
    offered: OfferedCycles | None
    reopen_code: object  # the unit to reopen once the facts are read (the settings' last unit), or None
    _show_pending = False  # show_when_listed: shown when the units arrive (or after its wait)
    cycle: QComboBox
    unit_model: UnitTreeModel
    unit_tree: QTreeView
    demo_banner: QLabel
    tabs: QTabWidget

    def show_when_listed(self, wait_ms: int = 250) -> None:
        """Show the window once the lane has read the units (so its first paint already lists them, instead of
        painting an empty window and then the whole window again), or after `wait_ms` whatever happens."""
        self._show_pending = True
        QTimer.singleShot(wait_ms, self._show_now)
        if self.facts is not None:
            self._show_now()

    def _show_now(self) -> None:
        if self._show_pending:
            self._show_pending = False
            self.show()

    def is_ready(self) -> bool:
        """The lane has read what the window shows before a unit is opened (units, cycles)."""
        return self.facts is not None and self.offered is not None

    def read_facts(self) -> None:
        self.ops.query("window facts", lambda: read_window_facts(self.service), self._facts_read,
                       lambda error: show_error(self, error))

    def _facts_read(self, facts: WindowFacts) -> None:
        """Units and assessed cycles arrived: the unit list shows in the latest assessed cycle at once (the cycles
        covered by a methodology only are added when the methodologies are read)."""
        first, units_moved = self.facts is None, self.facts is None or self.facts.units != facts.units
        self.facts = facts
        self.demo_banner.setVisible(facts.is_demo)
        if first and self.cycle.count() == 0 and facts.assessed_cycles:
            self._offer_cycles(facts.assessed_cycles, facts.assessed_cycles[-1])
        elif units_moved and self.cycle.count():
            self._show_units()
        if first:  # the rest of the cycles once the unit list is painted (the lane would compete with the paint)
            QTimer.singleShot(0, self._read_offered_cycles)
        self._show_now()  # a window waiting for its unit list (show_when_listed) paints it now
        code, self.reopen_code = self.reopen_code, None
        if first and code and self.cycle.count() and code in {u.code for u in facts.units}:
            self.open_unit(str(code))  # the unit open at the last close

    def _read_offered_cycles(self) -> None:
        self.ops.query("offered cycles", lambda: read_offered_cycles(self.service), self._cycles_offered,
                       lambda error: show_error(self, error))

    def _cycles_offered(self, offered: OfferedCycles) -> None:
        self.offered = offered
        _set_start_aside()
        chosen = self.cycle.currentData()
        if chosen is None:
            assessed = self.facts.assessed_cycles if self.facts is not None else []
            chosen = assessed[-1] if assessed else (offered.cycles[-1] if offered.cycles else None)
        self._offer_cycles(offered.cycles, chosen)
        self._tab_changed(self.tabs.currentIndex())  # a Compare or Resolution 18 tab waiting for the cycles

    def _offer_cycles(self, years: list[int], chosen: int | None) -> None:
        before = self.cycle.currentData()
        self.cycle.blockSignals(True)
        self.cycle.clear()
        for year in years:
            self.cycle.addItem(str(year), year)
        self.cycle.setCurrentIndex(max(0, self.cycle.findData(chosen)))
        self.cycle.blockSignals(False)
        if self.cycle.currentData() != before:
            self._cycle_changed()

    def _show_units(self) -> None:
        """The unit list as of the chosen cycle (units merged or created later are marked historical)."""
        if self.facts is not None and self.cycle.currentData() is not None:
            self.unit_model.set_units(self.facts.units, cycle_day(self.year))
            self.unit_tree.expandAll()
