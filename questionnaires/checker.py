"""`methodology check`: validate methodology and crosswalk files and describe the outcome of each."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from assessment.domain.errors import MethodologyInvalid, Problem
from questionnaires import catalog
from questionnaires.crosswalk import FORMAT as CROSSWALK_FORMAT
from questionnaires.crosswalk import load_crosswalk
from questionnaires.loader import check_methodology
from questionnaires.yamlsource import read_source


@dataclass(frozen=True)
class Outcome:
    path: Path
    summary: str
    problems: tuple[Problem, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.problems


def check_file(path: Path) -> Outcome:
    try:
        text = read_source(path)
    except (OSError, UnicodeDecodeError) as exc:
        return Outcome(path, "cannot be read", (Problem(str(path), None, "", str(exc)),))
    if f"format: {CROSSWALK_FORMAT}" in text:
        return _check_crosswalk(path)
    methodology, report = check_methodology(text, str(path), catalog.default_targets().ids)
    if methodology is None:
        return Outcome(path, f"INVALID — {len(report.problems)} problem(s); the file is rejected",
                       tuple(report.problems))
    return Outcome(path, f"valid — {methodology.id} {methodology.version}: {len(methodology.pillars)} pillars, "
                         f"{len(methodology.indicators)} indicators, {methodology.max_points:g} points")


def _check_crosswalk(path: Path) -> Outcome:
    try:
        methodologies = {m.id: m for m in catalog.shipped_methodologies()}
        crosswalk = load_crosswalk(path, methodologies)
    except MethodologyInvalid as exc:
        return Outcome(path, f"INVALID — {len(exc.problems)} problem(s); the file is rejected", tuple(exc.problems))
    return Outcome(path, f"valid — crosswalk {crosswalk.from_id} → {crosswalk.to_id}: "
                         f"{len(crosswalk.mapping)} mapped codes")
