"""Methodologies without PyYAML: the tree a methodology's text parses to, kept as JSON in the user's cache folder
under the SHA-256 of the text.

Every process that scores reads the methodologies its assessments were made with from the database (their YAML
text) and parsed them again, and the window the shipped ones: ~10 ms of YAML per methodology, plus importing
PyYAML. The tree (`Node`s with their
lines) is the same for the same text, so it is kept once parsed; the methodology is still built and validated
from it (loader.check_methodology_tree), so a damaged or stale cache file costs a reparse. The folder is the
user's own (like their installed methodologies), so its files are trusted as much; they are plain JSON read with
`json.loads`: no pickle, no code from a file.

The cache is best effort: a missing, unreadable or malformed entry means parsing the text, a read-only cache
folder means parsing it next time too.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import os
from collections.abc import Collection
from pathlib import Path
from typing import Any

from assessment.domain.model import Methodology
from questionnaires.loader import check_methodology_tree, load_methodology, parse_methodology
from questionnaires.yamlsource import Node, YamlSyntaxError, read_source, read_yaml

log = logging.getLogger(__name__)

CACHE_ENV = "DXSCORE_CACHE_DIR"
# Part of every key: bump it when yamlsource would build a different tree from the same text.
TREE_FORMAT = "dxscore-yaml-tree/1"
# A methodology's tree is ~100-200 KB of JSON; the oldest entries beyond this many are removed.
KEPT_ENTRIES = 40

Encoded = list[Any]


def load_methodology_cached(path: Path, known_targets: Collection[str] | None = None) -> Methodology:
    """loader.load_methodology (the same result and errors), its YAML parsed once per machine: the shipped and
    installed methodologies the window and `methodology` commands read."""
    try:
        text = read_source(path)
    except (OSError, UnicodeDecodeError):
        return load_methodology(path, known_targets)  # raises with the message for the file
    return parse_methodology_cached(text, str(path), known_targets)


def parse_methodology_cached(text: str, file: str, known_targets: Collection[str] | None = None) -> Methodology:
    """The methodology `text` describes (parse_methodology's result and errors), from the cached tree when one
    exists."""
    key = hashlib.sha256(f"{TREE_FORMAT}\n{text}".encode()).hexdigest()
    root = _load(key)
    if root is None:
        problems: list[Any] = []
        try:
            root = read_yaml(text, file, problems)
        except YamlSyntaxError:
            root = None
        if root is None or problems:
            return parse_methodology(text, file, known_targets)  # raises with the full report
        _store(key, root)
    methodology, _report = check_methodology_tree(root, text, file, known_targets)
    return methodology if methodology is not None else parse_methodology(text, file, known_targets)


def _folder() -> Path:
    import platformdirs

    base = os.environ.get(CACHE_ENV) or platformdirs.user_cache_dir("dxscore", appauthor=False)
    return Path(base) / "methodology-trees"


def _load(key: str) -> Node | None:
    try:
        return _decode(json.loads((_folder() / f"{key}.json").read_text(encoding="utf-8")))
    except (OSError, ValueError, TypeError, KeyError, IndexError):  # missing or not one of ours: parse the text
        return None


def _store(key: str, root: Node) -> None:
    try:
        encoded = json.dumps(_encode(root), ensure_ascii=False, separators=(",", ":"))
    except TypeError:  # a value JSON cannot hold (a !!binary scalar): not cached
        return
    try:
        folder = _folder()
        folder.mkdir(parents=True, exist_ok=True)
        part = folder / f"{key}.{os.getpid()}.part"
        part.write_text(encoded, encoding="utf-8")
        os.replace(part, folder / f"{key}.json")
        _trim(folder)
    except OSError as exc:
        log.info("cannot keep the parsed methodology: %s", exc)


def _trim(folder: Path) -> None:
    entries = sorted(folder.glob("*.json"), key=lambda p: p.stat().st_mtime_ns)
    for old in entries[:-KEPT_ENTRIES]:
        old.unlink(missing_ok=True)


# A node is [kind, line, payload]: "m" a mapping ([key, key line, node] triples), "s" a sequence, "v" a JSON
# scalar, "d"/"t" a date/datetime in ISO form (PyYAML builds those from unquoted dates).

def _encode(node: Node) -> Encoded:
    value = node.value
    if isinstance(value, dict):
        return ["m", node.line, [[key, node.key_lines[key], _encode(child)] for key, child in value.items()]]
    if isinstance(value, list):
        return ["s", node.line, [_encode(child) for child in value]]
    if isinstance(value, dt.datetime):
        return ["t", node.line, value.isoformat()]
    if isinstance(value, dt.date):
        return ["d", node.line, value.isoformat()]
    if value is None or isinstance(value, (str, int, float, bool)):
        return ["v", node.line, value]
    raise TypeError(f"cannot keep {type(value).__name__}")


def _decode(item: Encoded) -> Node:
    kind, line, payload = item
    if kind == "m":
        children = {key: _decode(child) for key, _, child in payload}
        return Node(children, line, {key: key_line for key, key_line, _ in payload})
    if kind == "s":
        return Node([_decode(child) for child in payload], line)
    if kind == "d":
        return Node(dt.date.fromisoformat(payload), line)
    if kind == "t":
        return Node(dt.datetime.fromisoformat(payload), line)
    if kind == "v":
        return Node(payload, line)
    raise ValueError(f"unknown node kind {kind!r}")
