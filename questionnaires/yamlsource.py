"""Read YAML keeping the line of every value, so validation can name file, line and field.

PyYAML's composer gives nodes with marks; we walk them ourselves into `Node` objects instead of plain
dicts, and report duplicate keys (which PyYAML would silently overwrite).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

from assessment.errors import Problem


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


_STR = "tag:yaml.org,2002:str"
# libyaml's parser is ~15× faster than the pure-Python one and gives the same marks.
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_yaml(text: str, file: str, problems: list[Problem]) -> Node | None:
    """Parse one YAML document. Syntax errors raise YamlSyntaxError; duplicate keys go to `problems`."""
    loader = _Loader(text)
    try:
        root = loader.get_single_node()
        if root is None:
            raise YamlSyntaxError(Problem(file, 1, "", "the file is empty"))
        return _build(root, loader, file, "", problems)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        message = " ".join(str(part) for part in (exc.context, exc.problem) if part)
        raise YamlSyntaxError(Problem(file, line, "", f"YAML syntax error: {message}")) from exc
    except yaml.YAMLError as exc:
        raise YamlSyntaxError(Problem(file, None, "", f"YAML syntax error: {exc}")) from exc
    finally:
        loader.dispose()


def _build(node: yaml.Node, loader: yaml.SafeLoader, file: str, path: str, problems: list[Problem]) -> Node:
    line = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        loader.flatten_mapping(node)
        result: dict[str, Node] = {}
        key_lines: dict[str, int] = {}
        for key_node, value_node in node.value:
            key = _construct(key_node, loader, file, path, problems)
            key_line = key_node.start_mark.line + 1
            if not isinstance(key, str):
                key = str(key)
            child_path = f"{path}.{key}" if path else key
            if key in result:
                problems.append(Problem(file, key_line, child_path, f"duplicate key (first at line {key_lines[key]})"))
                continue
            key_lines[key] = key_line
            result[key] = _build(value_node, loader, file, child_path, problems)
        return Node(result, line, key_lines)
    if isinstance(node, yaml.SequenceNode):
        return Node([_build(item, loader, file, f"{path}[{i}]", problems) for i, item in enumerate(node.value)], line)
    if node.tag == _STR:  # most scalars are text: skip the constructor's dispatch (a third of the load time)
        return Node(node.value, line)
    return Node(_construct(node, loader, file, path, problems), line)


def _construct(node: yaml.Node, loader: yaml.SafeLoader, file: str, path: str, problems: list[Problem]) -> Any:
    """A scalar's value; one PyYAML cannot build (a date like 2025-13-45) is a problem, kept as its text."""
    try:
        return loader.construct_object(node)
    except (ValueError, OverflowError, TypeError, yaml.YAMLError) as exc:
        problems.append(Problem(file, node.start_mark.line + 1, path, f"cannot read {node.value!r}: {exc}"))
        return str(node.value)
