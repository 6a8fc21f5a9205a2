"""AssessmentService: the one API the CLI and the GUI use. Sub-areas group the operations
(`service.units`, `service.methodologies`, `service.targets`, `service.answers`, `service.scores`,
`service.entry`, `service.appraisal`, `service.packages`, `service.audit`, `service.demo`…); each call opens its
own storage transaction through the Store port."""

from __future__ import annotations

import builtins
import datetime as dt
import math
import re
from dataclasses import replace
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from assessment.domain.cycles import cycle_day
from assessment.domain.errors import BadInput, NotFound
from assessment.domain.model import (
    Crosswalk,
    LineageLink,
    Methodology,
    MethodologyId,
    Target,
    TargetSet,
    Text,
    Unit,
    UnitKind,
)
from assessment.domain.text_limits import check_unit_code, clean_text
from assessment.services.ports import Catalog, Store, TargetSetInfo

if TYPE_CHECKING:  # the areas are imported when first used (see the properties below)
    from assessment.services.answers_area import AnswersArea
    from assessment.services.appraisal_area import AppraisalArea
    from assessment.services.audit_area import AuditArea
    from assessment.services.city_area import CityArea
    from assessment.services.compare_area import CompareArea
    from assessment.services.council_area import CouncilArea
    from assessment.services.demo import DemoArea
    from assessment.services.entry_area import EntryArea
    from assessment.services.packages_area import PackagesArea
    from assessment.services.publication_area import PublicationArea
    from assessment.services.reports_area import ReportsArea
    from assessment.services.scores_area import ScoresArea
    from assessment.services.timeline_area import TimelineArea
    from assessment.services.unit_publications import UnitPublicationsArea

# Bumped when a release's reference data adds units or links methodologies to targets the stored set may lack
# (version 2: the city itself and the Resolution 18 hierarchy); an open of a database already at it does nothing.
REFERENCE_UNITS_VERSION = "2"
TARGET_WORDING_VERSION = "1"  # raise with each new entry of resources/domain/targets_earlier_wording.yaml
SHIPPED_TARGETS = "resources/domain/targets.yaml"  # how a stored set made from the shipped file names its source


def _version_key(version: str) -> tuple[int | str, ...]:
    return tuple(int(p) if p.isdigit() else p for p in re.split(r"[.\-]", version))


class AssessmentService:
    def __init__(self, store: Store, catalog: Catalog, *, user: str = "dxscore") -> None:
        self.store = store
        self.catalog = catalog
        self.user = user
        self.units = UnitsArea(self)
        self.methodologies = MethodologiesArea(self)
        self.targets = TargetsArea(self)

    @cached_property
    def answers(self) -> AnswersArea:  # imported lazily: keeps start-up light
        from assessment.services.answers_area import AnswersArea

        return AnswersArea(self)

    @cached_property
    def scores(self) -> ScoresArea:
        from assessment.services.scores_area import ScoresArea

        return ScoresArea(self)

    @cached_property
    def compare(self) -> CompareArea:
        from assessment.services.compare_area import CompareArea

        return CompareArea(self)

    @cached_property
    def entry(self) -> EntryArea:
        from assessment.services.entry_area import EntryArea

        return EntryArea(self)

    @cached_property
    def appraisal(self) -> AppraisalArea:
        from assessment.services.appraisal_area import AppraisalArea

        return AppraisalArea(self)

    @cached_property
    def packages(self) -> PackagesArea:
        from assessment.services.packages_area import PackagesArea

        return PackagesArea(self)

    @cached_property
    def audit(self) -> AuditArea:
        from assessment.services.audit_area import AuditArea

        return AuditArea(self)

    @cached_property
    def demo(self) -> DemoArea:
        from assessment.services.demo import DemoArea

        return DemoArea(self)

    @cached_property
    def council(self) -> CouncilArea:
        from assessment.services.council_area import CouncilArea

        return CouncilArea(self)

    @cached_property
    def publication(self) -> PublicationArea:
        from assessment.services.publication_area import PublicationArea

        return PublicationArea(self)

    @cached_property
    def unit_publications(self) -> UnitPublicationsArea:  # what a unit sees of a publication (issue 17.4)
        from assessment.services.unit_publications import UnitPublicationsArea

        return UnitPublicationsArea(self)

    @cached_property
    def timeline(self) -> TimelineArea:
        from assessment.services.timeline_area import TimelineArea

        return TimelineArea(self)

    @cached_property
    def city(self) -> CityArea:
        from assessment.services.city_area import CityArea

        return CityArea(self)

    @cached_property
    def reports(self) -> ReportsArea:
        from assessment.services.reports_area import ReportsArea

        return ReportsArea(self)

    def initialise(self) -> None:
        """First open of a database, or the first with a release whose reference data is newer: load the reference
        units and the default targets (later edits stay). Other opens do nothing here."""
        if not self.store.target_sets():
            self.store.save_target_set(self.catalog.default_targets(), default=True,
                                       imported_from=SHIPPED_TARGETS)
        if self.store.get_meta("reference_units_version") != REFERENCE_UNITS_VERSION:
            # add the units whose codes are new and the targets newly linked; what is here keeps the user's edits
            reference = self.catalog.reference_units()
            self.store.add_units(reference.units, reference.lineage)
            self._add_newly_linked_targets()
            self.store.set_meta("reference_units_loaded", dt.date.today().isoformat())
            self.store.set_meta("reference_units_version", REFERENCE_UNITS_VERSION)
        if self.store.get_meta("target_wording_version") != TARGET_WORDING_VERSION:
            self._reword_shipped_targets()
            self.store.set_meta("target_wording_version", TARGET_WORDING_VERSION)

    def _reword_shipped_targets(self) -> None:
        """Stored copies of the shipped target set take the shipped set's current wording where they still hold an
        earlier release's (never a user's edit, never a value: assessment/domain/target_wording.py)."""
        from assessment.domain.target_wording import with_current_wording

        shipped, earlier = self.catalog.default_targets(), self.catalog.earlier_target_wording()
        for info in self.store.target_sets():
            stored = self.store.target_set(info.name) if info.imported_from.startswith(SHIPPED_TARGETS) else None
            refreshed = stored and with_current_wording(stored, shipped, earlier)
            if refreshed:
                self.store.save_target_set(refreshed, default=info.is_default, imported_from=info.imported_from)

    def _add_newly_linked_targets(self) -> None:
        """A methodology of a newer release may link a target the database's active set predates: add the
        shipped definition of just those targets, keeping every target and edit the set already has."""
        active = self.store.target_set()
        if active is None:
            return
        linked = {i.target_id for m in self.methodologies.available() for i in m.indicators if i.target_id}
        shipped = self.catalog.default_targets()
        missing = [t for t in (shipped.get(code) for code in sorted(linked - active.ids)) if t is not None]
        if missing:
            self.store.save_target_set(TargetSet(active.name, active.targets + tuple(missing)), default=True,
                                       imported_from="resources/domain/targets.yaml (targets added on upgrade)")

    @property
    def is_demo(self) -> bool:
        return self.store.get_meta("demo") == "true"

    def cycles(self) -> list[int]:
        return self.store.cycles()

    def has_assessments(self, year: int | None = None, unit_code: str | None = None) -> bool:
        """Whether the database holds any assessment (of this cycle, of this unit)."""
        return bool(self.store.assessments(year, unit_code=unit_code))

    def change_number(self) -> int:
        """A number that moves whenever anything writes to the database, from this process or another: a window
        polls it (one primary-key read) to know when to refresh what it shows."""
        return self.store.change_number()


class UnitsArea:
    def __init__(self, service: AssessmentService) -> None:
        self.s = service

    def list(self, kind: UnitKind | None = None, active_in: int | None = None) -> list[Unit]:
        units = self.s.store.units(kind)
        if active_in is not None:
            units = [u for u in units if u.active_on(cycle_day(active_in))]
        return units

    def get(self, code: str) -> Unit:
        unit = self.s.store.unit(code)
        if unit is None:
            raise NotFound(f"no unit with code {code!r}")
        return unit

    def add(self, unit: Unit) -> Unit:
        check_unit_code(unit.code)
        unit = replace(unit, name=Text(*(clean_text(n, "unit_name", required=True, where=f"unit name ({lang})")
                                         for lang, n in (("vi", unit.name.vi), ("en", unit.name.en)))),
                       note=clean_text(unit.note, "why", where="unit note"))
        if self.s.store.unit(unit.code) is not None:
            raise BadInput(f"a unit with code {unit.code!r} already exists")
        self.s.store.add_units([unit])
        return self.get(unit.code)

    def update(self, code: str, **changes: object) -> Unit:
        for key in ("name_vi", "name_en"):
            if key in changes:
                changes[key] = clean_text(str(changes[key]), "unit_name", required=True,
                                          where=f"unit name ({key[-2:]})")
        return self.s.store.update_unit(code, **changes)

    def set_digital_economy_duty(self, code: str, duty: bool) -> Unit:
        unit = self.get(code)
        if unit.kind != UnitKind.DEPARTMENT:
            raise BadInput(f"{code} is a {unit.kind.value}: only departments carry the digital-economy duty flag")
        return self.s.store.update_unit(code, digital_economy_duty=duty)

    def remove(self, code: str) -> None:
        self.s.store.remove_unit(code)

    def lineage(self) -> builtins.list[LineageLink]:  # builtins: `list` here is the method above
        return self.s.store.lineage()


class MethodologiesArea:
    def __init__(self, service: AssessmentService) -> None:
        self.s = service

    def available(self) -> list[Methodology]:
        return list(self.s.catalog.methodologies())

    def crosswalks(self) -> list[Crosswalk]:
        return list(self.s.catalog.crosswalks())

    def for_unit(self, unit: Unit, year: int) -> Methodology:
        candidates = [m for m in self.available() if unit.kind in m.applies_to and m.valid_for(year)]
        if not candidates:
            raise NotFound(f"no methodology applies to a {unit.kind.value} in cycle {year}")
        return max(candidates, key=lambda m: _version_key(m.version))

    def latest(self, ident: str) -> Methodology:
        found = [m for m in self.available() if m.id == ident]
        if not found:
            known = ", ".join(sorted({m.id for m in self.available()}))
            raise NotFound(f"no methodology {ident!r} (known: {known})")
        return max(found, key=lambda m: _version_key(m.version))

    def stored(self, ident: MethodologyId | str, version: str) -> Methodology:
        """The exact methodology an assessment was made with, from the text kept in the database."""
        for row in self.s.store.stored_methodologies():
            if row.id == ident and row.version == version:
                return self.s.catalog.parse_methodology(row.source_text, f"{ident}@{version} (stored)")
        raise NotFound(f"methodology {ident}@{version} is not stored in this database")

    def register(self, methodology: Methodology) -> int:
        return self.s.store.store_methodology(methodology)

    def export_workbook(self, ident: str, path: Path) -> Path:
        """The latest version of methodology `ident` as an XLSForm-layout .xlsx workbook."""
        return self.s.catalog.export_methodology(self.latest(ident), path)

    def install_workbook(self, path: Path) -> tuple[Methodology, Path, bool]:
        """Validate a methodology workbook and install it beside the shipped methodologies (nothing is written
        on any problem): (methodology, installed file, False if it was installed already)."""
        return self.s.catalog.install_methodology(path)


class TargetsArea:
    def __init__(self, service: AssessmentService) -> None:
        self.s = service

    def active(self) -> TargetSet:
        """The default target set of the database (the shipped defaults if the database has none)."""
        return self.s.store.target_set() or self.s.catalog.default_targets()

    def sets(self) -> list[TargetSetInfo]:
        return self.s.store.target_sets()

    def get(self, target_id: str) -> Target:
        target = self.active().get(target_id)
        if target is None:
            raise NotFound(f"no target {target_id!r} in the active target set")
        return target

    def import_file(self, path: Path, *, name: str | None = None, make_default: bool = True) -> TargetSet:
        """Import a YAML or CSV target file (all or nothing) as a named set, by default the active one."""
        targets = self.s.catalog.read_targets(path)
        named = TargetSet(name or targets.name, targets.targets)
        if make_default:  # the active set must cover every linked target; a stored spare set need not
            self._check_links(named)
        self.s.store.save_target_set(named, default=make_default, imported_from=str(path))
        return named

    def set_value(self, target_id: str, year: int, value: float | None) -> Target:
        self.get(target_id)
        if value is not None and not (math.isfinite(value) and abs(value) <= 1e15):
            raise BadInput(f"{target_id} {year}: {value} is not a usable target value (a finite number)")
        self.s.store.set_target_value(target_id, year, value)
        return self.get(target_id)

    def _check_links(self, targets: TargetSet) -> None:
        linked = {i.target_id for m in self.s.methodologies.available() for i in m.indicators if i.target_id}
        missing = sorted(linked - targets.ids)
        if missing:
            raise BadInput(f"the target set lacks {len(missing)} target(s) that methodologies link to: "
                           f"{', '.join(missing)}; add them to the file (it was not imported)")
