"""Dependency graphs between indicators' expressions: cycles (rejected) and evaluation order."""

from __future__ import annotations

from collections.abc import Mapping, Set


def find_cycles(graph: Mapping[str, Set[str]]) -> list[list[str]]:
    """One cycle per strongly connected component that has one (Tarjan), each as its nodes in order."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    components: list[list[str]] = []
    counter = 0

    def connect(node: str) -> None:
        nonlocal counter
        index[node] = low[node] = counter
        counter += 1
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(graph.get(node, ())):
            if nxt not in graph:
                continue
            if nxt not in index:
                connect(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            components.append(component)

    for node in sorted(graph):
        if node not in index:
            connect(node)
    cycles = []
    for component in components:
        members = set(component)
        if len(component) > 1 or component[0] in graph.get(component[0], ()):
            cycles.append(_cycle_within(graph, min(component), members))
    return cycles


def _cycle_within(graph: Mapping[str, Set[str]], start: str, members: set[str]) -> list[str]:
    """A path start → … → start using only nodes of one component (breadth-first, so it is short)."""
    parents: dict[str, str] = {}
    frontier = [start]
    while frontier:
        following = []
        for node in frontier:
            for nxt in sorted(graph.get(node, ())):
                if nxt == start:
                    path = [node]
                    while path[-1] != start:
                        path.append(parents[path[-1]])
                    return list(reversed(path))
                if nxt in members and nxt not in parents:
                    parents[nxt] = node
                    following.append(nxt)
        frontier = following
    return [start]  # pragma: no cover - a component always has a cycle through its members


def topological_order(nodes: list[str], graph: Mapping[str, Set[str]]) -> list[str]:
    """Nodes ordered so each comes after those it depends on, keeping the given order where free.
    Nodes caught in a cycle (rejected by the loader) keep their place at the end."""
    placed: list[str] = []
    done: set[str] = set()
    remaining = list(nodes)
    while remaining:
        ready = [n for n in remaining if all(d in done or d not in graph for d in graph.get(n, ()))]
        if not ready:
            placed.extend(remaining)
            break
        for node in ready:
            placed.append(node)
            done.add(node)
        remaining = [n for n in remaining if n not in done]
    return placed
