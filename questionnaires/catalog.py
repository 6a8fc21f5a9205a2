"""The methodologies, crosswalks and reference data that ship with dxscore."""

from __future__ import annotations

import logging
import os
from functools import cache
from pathlib import Path

from assessment.domain.errors import MethodologyInvalid
from assessment.domain.model import Crosswalk, DtiRank, Methodology, TargetSet
from assessment.domain.resource_paths import resource_path
from questionnaires.targets import load_targets

QUESTIONNAIRES_DIR = Path(__file__).resolve().parent
RESOURCES_DIR = resource_path()
DOMAIN_DIR = RESOURCES_DIR / "domain"
DEFAULT_TARGETS_FILE = DOMAIN_DIR / "targets.yaml"
UNITS_FILE = DOMAIN_DIR / "units.yaml"
COMMUNES_FILE = DOMAIN_DIR / "communes.yaml"
DTI_FILE = DOMAIN_DIR / "hanoi_dti.yaml"
EARLIER_WORDING_FILE = DOMAIN_DIR / "targets_earlier_wording.yaml"
USER_DIR_ENV = "DXSCORE_METHODOLOGY_DIR"
log = logging.getLogger(__name__)


def methodology_files() -> list[Path]:
    return sorted(p for p in QUESTIONNAIRES_DIR.glob("*.yaml") if not p.name.startswith("crosswalk-"))


def crosswalk_files() -> list[Path]:
    return sorted(QUESTIONNAIRES_DIR.glob("crosswalk-*.yaml"))


@cache
def default_targets() -> TargetSet:
    return load_targets(DEFAULT_TARGETS_FILE, name="Mặc định (Nghị quyết 18-NQ/TU và các chương trình)")


@cache
def shipped_methodologies() -> tuple[Methodology, ...]:
    # the loader (expressions, numpy) is imported when a methodology is first read: a process that only lists
    # units or reads kept results (the window's first paint) never needs it
    from questionnaires.loader import load_methodology

    known = default_targets().ids
    return tuple(load_methodology(p, known) for p in methodology_files())


def user_methodology_dir() -> Path:
    """Where `methodology import` installs methodologies: <user data folder>/methodologies (platformdirs),
    or $DXSCORE_METHODOLOGY_DIR."""
    import platformdirs

    configured = os.environ.get(USER_DIR_ENV)
    return Path(configured) if configured else Path(platformdirs.user_data_dir("dxscore", appauthor=False)) / \
        "methodologies"


def user_methodologies() -> tuple[Methodology, ...]:
    """The installed methodologies, read again only when the folder's files change. A file that no longer
    loads (edited by hand) is left out and logged, never a reason for the app not to start."""
    folder = user_methodology_dir()
    files = sorted(folder.glob("*.yaml")) if folder.is_dir() else []
    return _load_user(tuple((str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in files))


@cache
def _load_user(files: tuple[tuple[str, int, int], ...]) -> tuple[Methodology, ...]:
    from questionnaires.loader import load_methodology

    known = default_targets().ids
    loaded = []
    for name, _, _ in files:
        try:
            loaded.append(load_methodology(name, known))
        except MethodologyInvalid as exc:
            log.warning("installed methodology %s is left out: %s", name, exc.report())
    return tuple(loaded)


@cache
def shipped_crosswalks() -> tuple[Crosswalk, ...]:
    from questionnaires.crosswalk import load_crosswalk

    by_id = {m.id: m for m in shipped_methodologies()}
    return tuple(load_crosswalk(p, by_id) for p in crosswalk_files())


@cache
def earlier_target_wording() -> dict[str, dict[str, list[str]]]:
    """The shipped target set's texts of earlier releases (assessment/domain/target_wording.py)."""
    import yaml  # only here: read once per database, on its first open by this release

    doc = yaml.safe_load(EARLIER_WORDING_FILE.read_text(encoding="utf-8")) or {}
    return {str(k): {str(f): [str(t) for t in texts] for f, texts in fields.items()} for k, fields in doc.items()}


def hanoi_dti_ranks() -> tuple[DtiRank, ...]:
    """Hanoi's published provincial DTI ranks (a shipped file, checked by the tests)."""
    import yaml  # only here: a command that reads no YAML file never loads PyYAML

    doc = yaml.safe_load(DTI_FILE.read_text(encoding="utf-8"))
    return tuple(DtiRank(int(r["year"]), int(r["rank"]), int(r["of"]), r.get("value"), bool(r.get("derived", False)),
                         r.get("source", ""), r.get("note", "")) for r in doc["ranks"])
