"""The file-backed Catalog (assessment.services.ports.Catalog): shipped data plus the user's files."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from assessment.domain.model import Crosswalk, DtiRank, Methodology, TargetSet
from assessment.domain.target_wording import EarlierWording
from assessment.services.ports import ReferenceUnits
from questionnaires import catalog
from questionnaires.targets import load_targets
from questionnaires.units import load_reference_units

if TYPE_CHECKING:
    import pandas as pd


class FileCatalog:
    def methodologies(self) -> Sequence[Methodology]:
        installed = catalog.user_methodologies()
        return catalog.shipped_methodologies() + installed if installed else catalog.shipped_methodologies()

    def crosswalks(self) -> Sequence[Crosswalk]:
        return catalog.shipped_crosswalks()

    def default_targets(self) -> TargetSet:
        return catalog.default_targets()

    def reference_units(self) -> ReferenceUnits:
        return _reference_units()

    def earlier_target_wording(self) -> EarlierWording:
        return catalog.earlier_target_wording()

    def hanoi_dti_ranks(self) -> Sequence[DtiRank]:
        return catalog.hanoi_dti_ranks()

    def parse_methodology(self, text: str, name: str) -> Methodology:
        # Stored methodologies were valid when stored; target ids are checked against the live set by scoring.
        # Parsed once per process, and their YAML once per machine (questionnaires.tree_cache).
        return _parse_cached(text, name)

    def read_targets(self, path: Path) -> TargetSet:
        return load_targets(path)

    def export_methodology(self, methodology: Methodology, path: Path) -> Path:
        from questionnaires.xlsform import export_workbook

        return export_workbook(methodology, path)

    def install_methodology(self, path: Path) -> tuple[Methodology, Path, bool]:
        from questionnaires.xlsform import install_workbook

        return install_workbook(path, catalog.user_methodology_dir(), catalog.shipped_methodologies(),
                                catalog.default_targets().ids)

    def read_answers(self, path: Path) -> pd.DataFrame:
        from questionnaires.answers_file import read_answers_file  # pandas: paid only by imports

        return read_answers_file(path)


@cache
def _reference_units() -> ReferenceUnits:
    return load_reference_units(catalog.UNITS_FILE, catalog.COMMUNES_FILE)


@cache
def _parse_cached(text: str, name: str) -> Methodology:
    from questionnaires.loader import parse_methodology

    return parse_methodology(text, name)
