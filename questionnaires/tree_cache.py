"""YAML without PyYAML: the tree a text parses to (`Node`s with their lines), kept as JSON in the user's cache
folder under the SHA-256 of the text; yamlsource.read_yaml looks here first.

Every process that scores reads the methodologies its assessments were made with from the database (their YAML
text) and parsed them again, and the window the shipped methodologies, targets and crosswalks: ~10 ms of YAML per
methodology, plus importing PyYAML. The tree is the same for the same text, so it is kept once parsed without a
problem; what is built from it is still validated as from a file (loader, targets, crosswalk), so a damaged entry
costs a reparse and an edited one is refused like an edited file. The folder is the user's own (like their
installed methodologies); its files are plain JSON read with `json.loads`: no pickle, no code from a file.

Best effort: a missing, unreadable or malformed entry means parsing the text; a read-only cache folder means
parsing it next time too.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import os
from pathlib import Path
from typing import Any

from questionnaires.yamlsource import Node

log = logging.getLogger(__name__)

CACHE_ENV = "DXSCORE_CACHE_DIR"
# Part of every key: bump it when yamlwalk would build a different tree from the same text.
TREE_FORMAT = "dxscore-yaml-tree/1"
# A methodology's tree is ~100-200 KB of JSON; the oldest entries beyond this many are removed.
KEPT_ENTRIES = 60

Encoded = list[Any]


def key_of(text: str) -> str:
    return hashlib.sha256(f"{TREE_FORMAT}\n{text}".encode()).hexdigest()


def load(text: str) -> Node | None:
    """The tree kept for `text`, or None (never kept, or the entry is missing or damaged)."""
    try:
        return _decode(json.loads((_folder() / f"{key_of(text)}.json").read_text(encoding="utf-8")))
    except (OSError, ValueError, TypeError, KeyError, IndexError, RecursionError):  # not one of ours: parse
        return None


def keep(text: str, root: Node) -> None:
    """Keep the tree `text` parsed to without any problem (best effort)."""
    try:
        encoded = json.dumps(_encode(root), ensure_ascii=False, separators=(",", ":"))
    except TypeError:  # a value JSON cannot hold (a !!binary scalar): not kept
        return
    try:
        folder = _folder()
        folder.mkdir(parents=True, exist_ok=True)
        key = key_of(text)
        part = folder / f"{key}.{os.getpid()}.part"
        part.write_text(encoded, encoding="utf-8")
        os.replace(part, folder / f"{key}.json")
        _trim(folder)
    except OSError as exc:
        log.info("cannot keep the parsed YAML: %s", exc)


def _folder() -> Path:
    import platformdirs

    base = os.environ.get(CACHE_ENV) or platformdirs.user_cache_dir("dxscore", appauthor=False)
    return Path(base) / "yaml-trees"


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
