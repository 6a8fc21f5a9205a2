"""Read target files (the shipped `resources/domain/targets.yaml`, or a user's YAML/CSV) into `Target`s.

A YAML file holds sections (any top-level key) that are lists of targets, or mappings with a `targets`
list and section-wide keys (`level`, `document`, `source`, `confidence`) that each target inherits unless it
says otherwise; `meta` is ignored. A CSV has one target per row. Yearly values are the keys `target_<year>`.
`serves` names the higher target a target implements (annual plan → programme → Resolution 18-NQ/TU); it must
name a target of the same file. Every problem is reported with file, line and field; a file with problems is
rejected whole.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path
from typing import Any

from assessment.domain.errors import ImportRejected, Problem
from assessment.domain.model import TARGET_LEVELS, Target, TargetId, TargetSet, Text
from questionnaires.fields import Fields, Report
from questionnaires.yamlsource import Node, YamlSyntaxError, read_source, read_yaml

TARGET_KEYS = {"id", "pillar", "text_vi", "text_en", "unit", "direction", "document", "source", "confidence",
               "note", "unconfirmed", "year", "corroboration", "serves", "level"}
# Keys a section may set once for all its targets.
SECTION_KEYS = ("level", "document", "source", "confidence")
YEAR_KEY = re.compile(r"target_(\d{4})")
SOURCE_KEY = re.compile(r"source_\w+")
PILLARS = ("chinh_quyen_so", "kinh_te_so", "xa_hoi_so", "ha_tang_so", "do_thi_thong_minh", "an_toan_thong_tin",
           "nhan_luc_so", "tong_quat")


def load_targets(path: str | Path, name: str | None = None) -> TargetSet:
    path = Path(path)
    try:
        text = read_source(path)
    except (OSError, UnicodeDecodeError) as exc:
        raise ImportRejected(f"{path}: cannot read the file", [Problem(str(path), None, "", str(exc))]) from exc
    if path.suffix.lower() == ".csv":
        return parse_targets_csv(text, str(path), name or path.stem)
    return parse_targets_yaml(text, str(path), name or path.stem)


def parse_targets_yaml(text: str, file: str, name: str) -> TargetSet:
    report = Report(file)
    try:
        root = read_yaml(text, file, report.problems)
    except YamlSyntaxError as exc:
        raise ImportRejected(f"{file}: not valid YAML", [exc.problem]) from exc
    targets: list[Target] = []
    if root is None or not isinstance(root.value, dict):
        report.add(root.line if root else 1, "", "a target file is a mapping of sections to lists of targets")
    else:
        for section, node in root.value.items():
            if section == "meta":
                continue
            items = node.value.get("targets") if isinstance(node.value, dict) else node
            if items is None or not isinstance(items.value, list):
                report.add(node.line, section, "a section must be a list of targets (or have a 'targets' list)")
                continue
            defaults = _section_defaults(report, node, section)
            for i, item in enumerate(items.value):
                target = _target(Fields(report, item, f"{section}[{i}]", _allowed(item)), section, defaults)
                if target is not None:
                    targets.append(target)
    return _finish(report, targets, name)


def _section_defaults(report: Report, node: Node, section: str) -> dict[str, str]:
    if not isinstance(node.value, dict):
        return {}
    fields = Fields(report, node, section, {"targets", *SECTION_KEYS})
    defaults = {k: fields.get(k, str, required=False) or "" for k in SECTION_KEYS}
    if defaults["level"] and defaults["level"] not in TARGET_LEVELS:
        fields.choice("level", TARGET_LEVELS)
    return defaults


def _allowed(node: Node) -> set[str]:
    keys = set(node.value) if isinstance(node.value, dict) else set()
    return TARGET_KEYS | {k for k in keys if YEAR_KEY.fullmatch(k) or SOURCE_KEY.fullmatch(k)}


def _target(f: Fields, category: str, defaults: dict[str, str] | None = None) -> Target | None:
    ident = f.string("id", pattern=r"[a-z][a-z0-9_]*", what="a target id (lowercase, digits, '_')")
    if ident:
        f.path = f"{f.path.split('[')[0]}[{ident}]"
    pillar = f.choice("pillar", PILLARS)
    vi, en = f.string("text_vi"), f.string("text_en")
    values = []
    for key in f.node.value:
        match = YEAR_KEY.fullmatch(key)
        if match:
            value = f.number(key, required=False)
            if value is not None:
                values.append((int(match.group(1)), value))
    qualitative = f.has("year") and not values
    unit = f.string("unit", required=not qualitative) or ""
    direction = f.choice("direction", ("min", "max"), required=not qualitative) or "min"
    unconfirmed = f.boolean("unconfirmed", False)
    defaults = defaults or {}
    # A target's own key wins over its section's, even when empty (a figure the section's source does not state).
    extras = {k: (f.get(k, str, required=False) or "") if f.has(k) else defaults.get(k, "")
              for k in ("document", "source", "confidence", "note")}
    level = (f.choice("level", TARGET_LEVELS, required=False) if f.has("level") else None) or defaults.get("level", "")
    serves = f.string("serves", required=False, pattern=r"[a-z][a-z0-9_]*", what="a target id") or ""
    if f.has("year"):
        f.integer("year")
    if None in (ident, pillar, vi, en):
        return None
    return Target(TargetId(ident), pillar, Text(vi, en), unit, direction, tuple(sorted(values)),
                  unconfirmed=unconfirmed, category=category, serves=serves, level=level, **extras)


def _finish(report: Report, targets: list[Target], name: str) -> TargetSet:
    seen: dict[str, Target] = {}
    for target in targets:
        if target.id in seen:
            report.add(None, f"[{target.id}]", "duplicate target id")
        seen[target.id] = target
    hierarchy = TargetSet(name, tuple(seen.values()))
    for target in targets:
        if target.serves and target.serves not in seen:
            report.add(None, f"[{target.id}].serves", f"no target {target.serves!r} in this file")
        elif target.serves and target in hierarchy.chain(target.serves):
            report.add(None, f"[{target.id}].serves", "the targets serve each other in a loop")
    if not targets and report.ok:
        report.add(None, "", "the file holds no targets")
    if not report.ok:
        count = len(report.problems)
        raise ImportRejected(f"{report.file}: {count} problem{'s' if count != 1 else ''}; nothing was imported",
                             report.problems)
    return TargetSet(name, tuple(targets))


CSV_COLUMNS = ("id", "pillar", "text_vi", "text_en", "unit", "direction")


def parse_targets_csv(text: str, file: str, name: str) -> TargetSet:
    report = Report(file)
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    header = reader.fieldnames or []
    missing = [c for c in CSV_COLUMNS if c not in header]
    if missing:
        report.add(1, "header", f"missing column(s): {', '.join(missing)}")
        return _finish(report, [], name)
    targets = []
    for row in reader:
        line = reader.line_num
        node = Node({k: Node(_csv_value(k, v), line) for k, v in row.items() if k and v not in (None, "")}, line,
                    {k: line for k, v in row.items() if k and v not in (None, "")})
        target = _target(Fields(report, node, f"row {line}", _allowed(node)), "imported")
        if target is not None:
            targets.append(target)
    return _finish(report, targets, name)


def _csv_value(key: str, raw: str) -> Any:
    if YEAR_KEY.fullmatch(key):
        try:
            return float(raw.replace(",", "."))
        except ValueError:
            return raw
    if key == "unconfirmed":
        return raw.strip().lower() in ("1", "true", "yes", "x", "có")
    return raw
