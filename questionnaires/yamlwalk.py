"""The PyYAML half of questionnaires.yamlsource: compose a document, refuse hostile graphs, walk the nodes into
`Node`s with their lines. Imported only when a text is actually parsed."""

from __future__ import annotations

from typing import Any

import yaml

from assessment.domain.errors import Problem
from questionnaires.yamlsource import MAX_ALIASES, MAX_DEPTH, MAX_NODES, Node, YamlSyntaxError

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
        _check_size(root, file)
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


def _check_size(root: yaml.Node, file: str) -> None:
    """Refuse a composed graph whose expansion would be huge (alias bombs), circular or deep, before building
    it. Iterative, so a deep file cannot exhaust the stack here either."""
    expanded: dict[int, int] = {}  # id(node) -> values it stands for once every alias is expanded
    open_nodes: set[int] = set()  # the current path: an alias to one of them is circular
    aliases = 0
    stack: list[tuple[yaml.Node, int, bool]] = [(root, 1, False)]
    while stack:
        node, depth, children_done = stack.pop()
        if children_done:
            open_nodes.discard(id(node))
            expanded[id(node)] = 1 + sum(expanded[id(child)] for child in _children(node))
            if expanded[id(node)] > MAX_NODES:
                _refuse(node, file, f"the file expands to more than {MAX_NODES:,} values (aliases?)")
            continue
        if id(node) in expanded:  # a second reference: an alias
            aliases += 1
            if aliases > MAX_ALIASES:
                _refuse(node, file, f"more than {MAX_ALIASES} aliases (*name); write the values out")
            continue
        if depth > MAX_DEPTH:
            _refuse(node, file, f"values are nested more than {MAX_DEPTH} levels deep")
        expanded[id(node)] = 0
        open_nodes.add(id(node))
        stack.append((node, depth, True))
        for child in _children(node):
            if id(child) in open_nodes:
                _refuse(child, file, "an alias (*name) refers to a value that contains it")
            stack.append((child, depth + 1, False))


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.MappingNode):
        return [part for pair in node.value for part in pair]
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    return []


def _refuse(node: yaml.Node, file: str, message: str) -> None:
    raise YamlSyntaxError(Problem(file, node.start_mark.line + 1, "", f"refused: {message}"))


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
