"""Fuzzing the methodology loader: text mutations of valid files and generated YAML. Whatever the text, the loader
returns a Methodology or raises MethodologyInvalid (with its problems); nothing else may escape."""

from __future__ import annotations

import copy
from pathlib import Path

import yaml
from conftest import FUZZ, FUZZ_EXAMPLES
from hypothesis import given
from hypothesis import strategies as st

from assessment.domain.errors import MethodologyInvalid
from questionnaires.catalog import default_targets
from questionnaires.loader import check_methodology, parse_methodology

ROOT = Path(__file__).resolve().parents[2]
SOURCES = {
    "mini": (ROOT / "tests" / "data" / "mini.yaml").read_text(encoding="utf-8"),
    "department": (ROOT / "questionnaires" / "hanoi-2025-department.yaml").read_text(encoding="utf-8"),
}
TARGETS = default_targets().ids
runs: dict[str, int] = {}

# Scalars a hostile or careless file might hold where something else was expected.
odd_scalars = st.one_of(
    st.sampled_from(["", "~", "null", "yes", "no", "-1", "0", "1e309", "-1e309", ".nan", ".inf", "-.inf",
                     "2025-13-45", "[]", "{}", "'", '"', "&a", "*a", "!!python/object:os.system", "? x",
                     "A1 > ", "not", "unit.", "value.numerator", "x" * 300, "Đ", "\t", "%", "@", "`"]),
    st.integers(-10**20, 10**20).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
    st.text(max_size=20),
)


def load(text: str) -> None:
    """The contract: a Methodology, or MethodologyInvalid with at least one problem, and the same verdict from
    the non-raising checker."""
    try:
        methodology = parse_methodology(text, "fuzz.yaml", TARGETS)
    except MethodologyInvalid as exc:
        assert exc.problems and all(str(p) for p in exc.problems)
        assert check_methodology(text, "fuzz.yaml", TARGETS)[0] is None
        return
    assert methodology.indicators


@st.composite
def mutated(draw) -> str:  # type: ignore[no-untyped-def]
    lines = SOURCES[draw(st.sampled_from(sorted(SOURCES)))].splitlines(keepends=True)
    for _ in range(draw(st.integers(1, 4))):
        if not lines:
            break
        i = draw(st.integers(0, len(lines) - 1))
        action = draw(st.sampled_from(["delete", "duplicate", "swap", "scalar", "splice", "indent", "truncate",
                                       "bytes"]))
        line = lines[i]
        if action == "delete":
            del lines[i]
        elif action == "duplicate":
            lines.insert(i, line)
        elif action == "swap":
            j = draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
        elif action == "scalar" and ":" in line:
            key, _, _ = line.partition(":")
            lines[i] = f"{key}: {draw(odd_scalars)}\n"
        elif action == "splice":
            at = draw(st.integers(0, len(line)))
            lines[i] = line[:at] + draw(st.text(max_size=8)) + line[at + draw(st.integers(0, 5)):]
        elif action == "indent":
            lines[i] = " " * draw(st.integers(0, 6)) + line.lstrip(" ")
        elif action == "truncate":
            lines = lines[:i]
        else:
            at = draw(st.integers(0, len(line)))
            odd = draw(st.sampled_from(["\x00", "\ufeff", "\r", "\x85", "\u2028", "\\", "\t"]))
            lines[i] = line[:at] + odd + line[at:]
    return "".join(lines)


@FUZZ
@given(text=mutated())
def test_mutated_files_are_loaded_or_rejected_with_problems(text: str) -> None:
    runs["mutated"] = runs.get("mutated", 0) + 1
    load(text)


# Generated YAML: the structure of a valid file with parts replaced by generated values.
yaml_values = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(-10**6, 10**6), st.floats(allow_nan=True), st.text(max_size=12),
              st.dates()),
    lambda children: st.one_of(st.lists(children, max_size=4),
                               st.dictionaries(st.text(max_size=10), children, max_size=4)),
    max_leaves=12,
)
MINI = yaml.load(SOURCES["mini"], Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def _paths(node, prefix=()):  # type: ignore[no-untyped-def]
    yield prefix
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _paths(value, (*prefix, key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _paths(value, (*prefix, i))


PATHS = [p for p in _paths(MINI) if p]


@st.composite
def generated(draw) -> str:  # type: ignore[no-untyped-def]
    if draw(st.integers(0, 9)) == 0:  # now and then a document of its own
        return yaml.dump(draw(yaml_values), Dumper=DUMPER, allow_unicode=True)
    document = copy.deepcopy(MINI)
    for _ in range(draw(st.integers(1, 3))):
        path = draw(st.sampled_from(PATHS))
        parent = document
        try:
            for key in path[:-1]:
                parent = parent[key]
            if draw(st.booleans()) and isinstance(parent, dict):
                parent.pop(path[-1], None)
            else:
                parent[path[-1]] = draw(yaml_values)
        except (KeyError, IndexError, TypeError):
            continue  # an earlier change removed this path
    return yaml.dump(document, Dumper=DUMPER, allow_unicode=True, sort_keys=False)


@FUZZ
@given(text=generated())
def test_generated_yaml_is_loaded_or_rejected_with_problems(text: str) -> None:
    runs["generated"] = runs.get("generated", 0) + 1
    load(text)


def test_each_fuzz_target_ran_its_examples() -> None:
    # Runs after the two above (file order): hypothesis stops early only if it exhausts a strategy.
    for name in ("mutated", "generated"):
        assert runs.get(name, 0) >= min(FUZZ_EXAMPLES, FUZZ.max_examples), runs
    print(f"\nmethodology loader: {runs} examples")
