"""Methodologies as Excel workbooks in the XLSForm layout: export, check and install (`methodology export`,
`methodology import`, `methodology check FILE.xlsx`, and the window's Methodology menu).

A workbook is read into the same tree a YAML file gives and validated by the YAML loader, so every check is
the same and every problem is reported at sheet:row:column. A valid workbook is installed as a YAML file in the
user's methodology folder (catalog.user_methodology_dir), where the catalogue finds it next to the shipped ones;
on any problem nothing is written. An ordinary XLSForm (no dx_ scoring columns) is refused, with its
unsupported question types listed: see docs/decisions.md.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Collection
from dataclasses import replace
from pathlib import Path

import yaml

from assessment.domain.errors import BadInput, MethodologyInvalid, Problem
from assessment.domain.model import Methodology
from assessment.exchange.output_files import write_atomic
from questionnaires.loader import check_methodology_tree
from questionnaires.xlsform_layout import BANDS, CHECKS, CHOICES, LEGAL, PILLARS, SETTINGS, SURVEY
from questionnaires.xlsform_read import Cells, TreeBuilder
from questionnaires.xlsform_sheets import read_sheets
from questionnaires.xlsform_write import write_workbook

VERSION_PATTERN = r"[0-9A-Za-z][0-9A-Za-z._-]{0,31}"
SHEETS = {SURVEY, CHOICES, SETTINGS, PILLARS, CHECKS, LEGAL, BANDS}


def export_workbook(methodology: Methodology, path: Path) -> Path:
    """Write the methodology as an .xlsx workbook (atomically: a failure leaves no file)."""
    doc = yaml.safe_load(methodology.source_text)
    return write_atomic(Path(path), lambda tmp: write_workbook(doc, tmp))


def check_workbook(path: Path, known_targets: Collection[str] | None = None
                   ) -> tuple[Methodology | None, list[Problem]]:
    """The methodology a workbook holds (None if invalid) and every problem, each at file:sheet:row:column.
    Raises ImportRejected for a file that is too big or not a workbook."""
    path = Path(path)
    sheets, problems = read_sheets(path, SHEETS)
    cells = Cells(str(path))
    builder = TreeBuilder(sheets, cells)
    if builder.is_ordinary_xlsform():
        builder.build()
        return None, [*problems, *builder.problems, _not_scored(path, builder.unsupported)]
    root = builder.build()
    problems += builder.problems
    if root is None:
        return None, problems
    methodology, report = check_methodology_tree(root, "", str(path), known_targets)
    if methodology is None or problems:
        # The loader's findings too, but not on a row already reported: a cell that could not be read would
        # only come back as "missing".
        rows = {_row_of(p, cells.file) for p in problems}
        found = [cells.relocate(p) for p in sorted(report.problems, key=lambda p: p.line or 0)]
        return None, problems + [p for p in found if _row_of(p, cells.file) not in rows]
    text = methodology_yaml(root.plain())  # written only for a valid workbook: dumping is the slow part
    return replace(methodology, source_text=text, sha256=hashlib.sha256(text.encode("utf-8")).hexdigest()), []


def _row_of(problem: Problem, file: str) -> str:
    """'survey:12' of a problem at file:survey:12:C."""
    return ":".join(problem.file.removeprefix(file).lstrip(":").split(":")[:2])


def read_workbook(path: Path, known_targets: Collection[str] | None = None) -> Methodology:
    """The methodology of a valid workbook; raises MethodologyInvalid with every problem."""
    methodology, problems = check_workbook(path, known_targets)
    if methodology is None:
        count = len(problems)
        raise MethodologyInvalid(f"{path}: {count} problem{'s' if count != 1 else ''}; the workbook was rejected "
                                 "and nothing was installed", problems)
    return methodology


def install_workbook(path: Path, folder: Path, shipped: Collection[Methodology],
                     known_targets: Collection[str] | None = None) -> tuple[Methodology, Path, bool]:
    """Validate the workbook and write its methodology as YAML into `folder`. (methodology, file, whether it
    was written: False when the very same methodology was installed already)."""
    methodology = read_workbook(path, known_targets)
    if any(m.id == methodology.id and m.version == methodology.version for m in shipped):
        raise BadInput(f"{path}: {methodology.id} {methodology.version} ships with dxscore; give the workbook a "
                       "new version (settings sheet, column version) to install it beside the shipped one")
    if not re.fullmatch(VERSION_PATTERN, methodology.version):  # it names the installed file: never a path
        raise BadInput(f"{path}: settings: version {methodology.version!r}: use at most 32 letters, digits, '.', "
                       "'-' or '_' to install it; nothing was installed")
    target = folder / f"{methodology.id}-{methodology.version}.yaml"
    if target.exists():
        if target.read_text(encoding="utf-8") == methodology.source_text:
            return methodology, target, False
        raise BadInput(f"{path}: {methodology.id} {methodology.version} is installed already ({target}) with other "
                       "content; give the workbook a new version, or remove that file first")
    write_atomic(target, lambda tmp: tmp.write_text(methodology.source_text, encoding="utf-8"))
    return methodology, target, True


def methodology_yaml(doc: dict) -> str:  # type: ignore[type-arg]
    """The YAML file of an imported methodology (keys in the workbook's order; Vietnamese kept as written)."""
    header = "# Imported from an Excel workbook (XLSForm layout) by `dxscore methodology import`.\n"
    ordered = _in_order(doc, TOP_ORDER)
    ordered["indicators"] = [_in_order(i, INDICATOR_ORDER) for i in doc.get("indicators", [])]
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)  # libyaml: ~20× faster than the Python emitter
    return header + yaml.dump(ordered, Dumper=dumper, allow_unicode=True, sort_keys=False, width=120)


# The order of keys in the shipped files (docs/methodology-format.md), so an installed file reads like them.
TOP_ORDER = ("format", "id", "version", "title", "legal_basis", "provenance", "applies_to", "cycles", "max_points",
             "bands", "pillars", "indicators")
INDICATOR_ORDER = ("code", "pillar", "order", "text", "guidance", "answer", "max_points", "scoring", "evidence",
                   "applies_if", "relevant_if", "not_applicable_allowed", "validate", "target")


def _in_order(mapping: dict, order: tuple[str, ...]) -> dict:  # type: ignore[type-arg]
    rank = {key: i for i, key in enumerate(order)}
    return dict(sorted(mapping.items(), key=lambda item: rank.get(item[0], len(rank))))


def _not_scored(path: Path, unsupported: list[str]) -> Problem:
    listed = f" Unsupported question types: {', '.join(sorted(set(unsupported)))}." if unsupported else ""
    return Problem(f"{path}:{SURVEY}", None, "",
                   "an ordinary XLSForm without dxscore's scoring columns (dx_pillar, dx_points, dx_rule) and "
                   f"dx_pillars sheet: dxscore only installs questionnaires it can score.{listed} Export a shipped "
                   "methodology (dxscore methodology export) to see the columns to add.")
