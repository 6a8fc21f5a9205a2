"""Figures for the shape of the core's import graph: arrows, back-arrows and loops inside `assessment`.

Usage (from the root of the checkout to measure): python tools/import_graph.py [--skip-type-checking]

- arrows: distinct module -> module imports inside `assessment` (any import: top level, in a function, or under
  TYPE_CHECKING unless --skip-type-checking).
- back-arrows: arrows that point from a lower layer to a higher one. A module's layer comes from its place in the
  layout (domain 0, exchange/reports 1, services 2, the facade `assessment.service` 3); modules still at their
  old flat path are placed through tools/relayout.py's mapping, so the same yardstick measures before and after.
- loops: groups of modules that reach each other (strongly connected components of two or more modules).
"""

from __future__ import annotations

import sys
from pathlib import Path

import grimp

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path.cwd()))  # measure the checkout we stand in, not an installed copy
from relayout import MAPPING

LAYER_OF_PACKAGE = {"domain": 0, "exchange": 1, "reports": 1, "services": 2}


def layer(module: str) -> int:
    """The layer a module belongs to under the new layout (higher imports lower)."""
    module = MAPPING.get(module, module)
    if module in ("assessment.service", "assessment"):
        return 3
    parts = module.split(".")
    return LAYER_OF_PACKAGE.get(parts[1], 2) if len(parts) > 1 else 3


def strongly_connected(nodes: set[str], edges: dict[str, set[str]]) -> list[set[str]]:
    """Tarjan's algorithm, iterative; only components with more than one module are returned."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[set[str]] = []
    counter = 0
    for root in sorted(nodes):
        if root in index:
            continue
        work = [(root, iter(sorted(edges.get(root, ()))))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(edges.get(child, ())))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = set()
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.add(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(component)
    return found


def main() -> None:
    skip_type_checking = "--skip-type-checking" in sys.argv
    graph = grimp.build_graph("assessment", exclude_type_checking_imports=skip_type_checking, cache_dir=None)
    modules = {m for m in graph.modules if m.startswith("assessment")}
    edges: dict[str, set[str]] = {}
    for module in modules:
        targets = {t for t in graph.find_modules_directly_imported_by(module) if t.startswith("assessment")}
        # a package's __init__ importing nothing is common; ignore arrows to bare packages' own parents
        edges[module] = targets - {module}
    arrows = [(a, b) for a, targets in edges.items() for b in targets]
    back = sorted((a, b) for a, b in arrows if layer(a) < layer(b))
    loops = strongly_connected(modules, edges)
    print(f"modules: {len(modules)}")
    print(f"arrows: {len(arrows)}")
    print(f"back-arrows: {len(back)}")
    for a, b in back:
        print(f"  {a} -> {b}")
    print(f"loops: {len(loops)}")
    for component in loops:
        print(f"  {len(component)} modules: {', '.join(sorted(component))}")


if __name__ == "__main__":
    main()
