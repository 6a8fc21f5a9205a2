"""The methodologies, crosswalks and reference data that ship with dxscore."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import yaml

from assessment.domain.model import Crosswalk, DtiRank, Methodology, TargetSet
from questionnaires.crosswalk import load_crosswalk
from questionnaires.loader import load_methodology
from questionnaires.targets import load_targets

QUESTIONNAIRES_DIR = Path(__file__).resolve().parent
RESOURCES_DIR = QUESTIONNAIRES_DIR.parent / "resources"
DOMAIN_DIR = RESOURCES_DIR / "domain"
DEFAULT_TARGETS_FILE = DOMAIN_DIR / "targets.yaml"
UNITS_FILE = DOMAIN_DIR / "units.yaml"
COMMUNES_FILE = DOMAIN_DIR / "communes.yaml"
DTI_FILE = DOMAIN_DIR / "hanoi_dti.yaml"


def methodology_files() -> list[Path]:
    return sorted(p for p in QUESTIONNAIRES_DIR.glob("*.yaml") if not p.name.startswith("crosswalk-"))


def crosswalk_files() -> list[Path]:
    return sorted(QUESTIONNAIRES_DIR.glob("crosswalk-*.yaml"))


@cache
def default_targets() -> TargetSet:
    return load_targets(DEFAULT_TARGETS_FILE, name="Mặc định (Nghị quyết 18-NQ/TU và các chương trình)")


@cache
def shipped_methodologies() -> tuple[Methodology, ...]:
    known = default_targets().ids
    return tuple(load_methodology(p, known) for p in methodology_files())


@cache
def shipped_crosswalks() -> tuple[Crosswalk, ...]:
    by_id = {m.id: m for m in shipped_methodologies()}
    return tuple(load_crosswalk(p, by_id) for p in crosswalk_files())


@cache
def hanoi_dti_ranks() -> tuple[DtiRank, ...]:
    """Hanoi's published provincial DTI ranks (a shipped file, checked by the tests)."""
    doc = yaml.safe_load(DTI_FILE.read_text(encoding="utf-8"))
    return tuple(DtiRank(int(r["year"]), int(r["rank"]), int(r["of"]), r.get("value"), bool(r.get("derived", False)),
                         r.get("source", ""), r.get("note", "")) for r in doc["ranks"])
