"""Read YAML keeping the line of every value, so validation can name file, line and field.

PyYAML's composer gives nodes with marks; we walk them ourselves into `Node` objects instead of plain
dicts, and report duplicate keys (which PyYAML would silently overwrite).

Hostile files are refused before any `Node` is built: the composed graph (where an alias is a shared node, so
a "billion laughs" file is still small) is measured first, and more than `MAX_ALIASES` alias uses, more than
`MAX_NODES` values once aliases are expanded, or nesting deeper than `MAX_DEPTH` is a syntax error with the
line. `read_source` refuses files that are not regular files or are larger than `MAX_FILE_BYTES`.

PyYAML itself is imported only when a text is parsed (questionnaires.yamlwalk): a text parsed before comes from
questionnaires.tree_cache, so a process that reads only such texts never loads it.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from assessment.domain.errors import Problem


@dataclass
class Node:
    """A YAML value with its 1-based line. `value` is dict[str, Node], list[Node] or a plain scalar."""

    value: Any
    line: int
    key_lines: dict[str, int] = field(default_factory=dict)

    def get(self, key: str) -> Node | None:
        return self.value.get(key) if isinstance(self.value, dict) else None

    def plain(self) -> Any:
        """The value with every Node unwrapped (for storing or printing)."""
        if isinstance(self.value, dict):
            return {k: v.plain() for k, v in self.value.items()}
        if isinstance(self.value, list):
            return [v.plain() for v in self.value]
        return self.value


class YamlSyntaxError(Exception):
    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem))
        self.problem = problem


# The shipped files: ≤ 120 KB, ≤ 3,000 values, depth ≤ 7, no aliases. The limits leave ample room.
MAX_FILE_BYTES = 5_000_000
MAX_ALIASES = 100
MAX_NODES = 200_000
MAX_DEPTH = 64


def read_source(path: str | Path, limit: int = MAX_FILE_BYTES) -> str:
    """The text of a regular file of at most `limit` bytes. A FIFO, a device (/dev/zero) or a folder never
    gets read (it could block or never end); raises OSError or UnicodeDecodeError with a plain message."""
    path = Path(path)
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))  # a FIFO opens without waiting for a writer
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(handle.fileno())
        if not stat.S_ISREG(info.st_mode):
            raise OSError(f"{path} is not a regular file")
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise OSError(f"{path} is larger than {limit // 1_000_000} MB; a methodology or target file is far smaller")
    return data.decode("utf-8")


def read_yaml(text: str, file: str, problems: list[Problem]) -> Node | None:
    """Parse one YAML document. Syntax errors raise YamlSyntaxError; duplicate keys go to `problems`. A text
    parsed without a problem before (by any process of this user) comes from questionnaires.tree_cache."""
    from questionnaires import tree_cache

    root = tree_cache.load(text)
    if root is not None:
        return root
    from questionnaires.yamlwalk import read_yaml as read

    found = len(problems)
    root = read(text, file, problems)
    if root is not None and len(problems) == found:
        tree_cache.keep(text, root)
    return root
