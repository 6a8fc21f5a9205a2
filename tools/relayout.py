"""Move `assessment/`'s modules into their layers and rewrite every reference to them. Rerunnable.

Usage (from the repository root, in a clean work tree so the result can be reviewed with `git diff`):

    python tools/relayout.py            # move what is still at an old path, rewrite imports, sort them (ruff)
    python tools/relayout.py --check    # only report what would change; exit 1 if anything would

What it does, every run:
1. A module still at its old path (`MAPPING`'s key) is `git mv`ed to its new one; before the move its relative
   imports (`from .model import X`) are made absolute against the place it came from.
2. Every text file of the repository (Python, TOML, Markdown, Makefile, YAML, ini) has its references rewritten:
   `import assessment.x`, `from assessment.x import …`, `from assessment import x`, dotted strings
   (`"assessment.x.name"` in monkeypatch targets, import-linter contracts, docs) and paths (`assessment/x.py`).
3. A name that moved to another module (`SYMBOL_MOVES`) is imported from its new home.
4. `ruff check --select I --fix` re-sorts the import blocks of the Python files it changed.

It is idempotent: a second run finds nothing to do. Branches written against the old flat layout are fixed by
merging them and running it again. A new flat module under `assessment/` that is not in `MAPPING` is reported;
add it to `MAPPING` (and rerun) to give it a layer.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# old module -> new module. Layers, top to bottom: assessment.service (the facade) -> assessment.services (use
# cases) -> assessment.reports -> assessment.exchange -> assessment.domain.
MAPPING: dict[str, str] = {
    # domain: the rules, no I/O
    "assessment.answer_matrix": "assessment.domain.answer_matrix",
    "assessment.answers": "assessment.domain.answers",
    "assessment.city_demo": "assessment.domain.city_demo",
    "assessment.comparison": "assessment.domain.comparison",
    "assessment.context": "assessment.domain.context",
    "assessment.errors": "assessment.domain.errors",
    "assessment.expression_parser": "assessment.domain.expression_parser",
    "assessment.expressions": "assessment.domain.expressions",
    "assessment.graph": "assessment.domain.graph",
    "assessment.lineage": "assessment.domain.lineage",
    "assessment.model": "assessment.domain.model",
    "assessment.progress": "assessment.domain.progress",
    "assessment.ranking": "assessment.domain.ranking",
    "assessment.scoring": "assessment.domain.scoring",
    "assessment.text_limits": "assessment.domain.text_limits",
    "assessment.workflow": "assessment.domain.workflow",
    # exchange: what crosses to files and other programs (packages, plain data, output files)
    "assessment.exchange": "assessment.exchange.package_format",
    "assessment.package_diff": "assessment.exchange.package_diff",
    "assessment.city_export": "assessment.exchange.city_export",
    "assessment.methodology_view": "assessment.exchange.methodology_view",
    "assessment.output_files": "assessment.exchange.output_files",
    # services: the use cases the facade (assessment.service) hands out, and the ports they need
    "assessment.answers_area": "assessment.services.answers_area",
    "assessment.appraisal_area": "assessment.services.appraisal_area",
    "assessment.audit_area": "assessment.services.audit_area",
    "assessment.city": "assessment.services.city_area",
    "assessment.compare_area": "assessment.services.compare_area",
    "assessment.demo": "assessment.services.demo",
    "assessment.export": "assessment.services.export",
    "assessment.entry_area": "assessment.services.entry_area",
    "assessment.package_import": "assessment.services.package_import",
    "assessment.packages_area": "assessment.services.packages_area",
    "assessment.ports": "assessment.services.ports",
    "assessment.reports.area": "assessment.services.reports_area",
    "assessment.reports.batch": "assessment.services.report_batch",
    # added by the integration of the other branches of the same stop
    "assessment.timeline": "assessment.domain.timeline",
    "assessment.council": "assessment.domain.council",
    "assessment.publication": "assessment.domain.publication",
    "assessment.rules": "assessment.domain.rules",
    "assessment.number_format": "assessment.domain.number_format",
    "assessment.resource_paths": "assessment.domain.resource_paths",
    "assessment.cycle_results": "assessment.services.cycle_results",
    "assessment.demo_walkthrough": "assessment.services.demo_walkthrough",
    "assessment.timeline_area": "assessment.services.timeline_area",
    "assessment.council_area": "assessment.services.council_area",
    "assessment.publication_area": "assessment.services.publication_area",
    "assessment.scores_area": "assessment.services.scores_area",
}

# (module after the move, name) -> the module that holds the name now (names moved to break a loop or a
# back-arrow). Keyed by the new module path: old paths are rewritten to new ones first.
SYMBOL_MOVES: dict[tuple[str, str], str] = {
    ("assessment.service", "cycle_day"): "assessment.domain.cycles",
    ("assessment.services.ports", "ReviewNote"): "assessment.domain.workflow",
    ("assessment.services.packages_area", "methodology_of"): "assessment.services.package_import",
    **{("assessment.services.demo", name): "assessment.domain.demo_data" for name in (
        "CITY_DEMO_CYCLES", "DEMO_MARK", "MISSING_RATE", "DECLARED_NA_RATE", "maturity", "synthetic_answers",
        "WALKTHROUGH_COMMENT")},
    **{("assessment.services.city_area", name): "assessment.domain.city_progress" for name in (
        "CITY_LEVELS", "LAGGARDS", "LEADING_GROUP_RANK", "CityProgress", "DerivedFigure", "Laggard",
        "TargetProgress")},
}
# Private names that became public when another module needed them: (module, old) -> new name. An import of the
# old name is rewritten to the new one under the old name as alias (`import ScoreColumns as _Columns`).
RENAMED = {
    ("assessment.services.demo", "_rng"): "seeded_rng",
    ("storage.db", "_current"): "current_connection",
}

# Every new package, with the docstring its __init__.py gets when the script creates it.
PACKAGES: dict[str, str] = {
    "assessment.domain": "The rules of dxscore with no I/O: model, expressions, scoring, checks, targets, ranking,\n"
                         "comparison, workflow. Imports nothing else of `assessment`.",
    "assessment.exchange": "What crosses to files and other programs: the package format and its diff, scores,\n"
                           "methodologies and Resolution 18 progress as plain data, and atomic output files.\n"
                           "Imports only `assessment.domain`.",
    "assessment.services": "The use cases the facade (`assessment.service.AssessmentService`) hands out, one area per\n"
                           "concern, and the ports (`ports.py`) storage and the catalog implement. The top layer.",
}

TEXT_SUFFIXES = {".py", ".toml", ".md", ".cfg", ".ini", ".txt", ".yaml", ".yml", ".rst", ".ts"}
TEXT_NAMES = {"Makefile"}
SKIP_DIRS = {".git", ".venv", "venv", "__pycache__", "node_modules", ".mypy_cache", ".ruff_cache", ".pytest_cache",
             "build", "dist"}
SELF = {Path(__file__).resolve()}


def path_of(module: str) -> Path:
    return ROOT.joinpath(*module.split(".")).with_suffix(".py")


def git(*args: str) -> None:
    subprocess.run(["git", *args], cwd=ROOT, check=True)


# ---------------------------------------------------------------------------------------------- relative imports

RELATIVE = re.compile(r"^(?P<indent>[ \t]*)from (?P<dots>\.+)(?P<rest>[\w.]*) import ", re.MULTILINE)


def absolutise(text: str, module: str) -> str:
    """Relative imports of `module` (its dotted name where it stands) made absolute."""
    package = module.split(".")[:-1]

    def repl(match: re.Match[str]) -> str:
        up = len(match["dots"]) - 1
        base = package[: len(package) - up] if up else package
        target = ".".join([*base, match["rest"]] if match["rest"] else base)
        return f"{match['indent']}from {target} import "

    return RELATIVE.sub(repl, text)


# ------------------------------------------------------------------------------------------------ name rewriting

def submodules(package: str) -> set[str]:
    """Names of modules and packages inside a package as it stands on disk now."""
    folder = ROOT.joinpath(*package.split("."))
    if not folder.is_dir():
        return set()
    return {p.stem for p in folder.glob("*.py")} | {p.name for p in folder.iterdir() if (p / "__init__.py").exists()}


def is_new_package(module: str) -> bool:
    """An old module name that is now a package (assessment.exchange): it needs telling apart by what follows."""
    return any(new.startswith(module + ".") for new in PACKAGES) or module in PACKAGES


FROM_IMPORT = re.compile(
    r"^(?P<indent>[ \t]*)from (?P<module>[\w.]+) import (?P<names>\([^)]*\)|[^\n#]*[^\s#])(?P<tail>[ \t]*(#[^\n]*)?)$",
    re.MULTILINE,
)


def split_names(names: str) -> list[tuple[str, str | None]]:
    """`a, b as c` or `(a,\n b as c,)` -> [(a, None), (b, c)]; comments inside parentheses are dropped."""
    body = re.sub(r"#[^\n]*", "", names.strip().strip("()"))
    out = []
    for part in (p.strip() for p in body.replace("\n", " ").split(",")):
        if part:
            name, _, alias = (w.strip() for w in part.partition(" as "))
            out.append((name, alias or None))
    return out


def join_names(names: list[tuple[str, str | None]]) -> str:
    return ", ".join(f"{n} as {a}" if a and a != n else n for n, a in names)


def rewrite_from_imports(text: str) -> str:
    """`from P import x` where P.x is an old module, and `from M import Name` where Name moved to another module."""

    def repl(match: re.Match[str]) -> str:
        indent, module, tail = match["indent"], match["module"], match["tail"] or ""
        names = split_names(match["names"])
        groups: dict[str, list[tuple[str, str | None]]] = {}
        for name, alias in names:
            old = f"{module}.{name}"
            if old in MAPPING:  # `from assessment import exchange` always means the old module
                parent, _, leaf = MAPPING[old].rpartition(".")
                groups.setdefault(parent, []).append((leaf, alias or name))
            elif module in MAPPING and not (is_new_package(module) and name in submodules(module)):
                groups.setdefault(SYMBOL_MOVES.get((MAPPING[module], name), MAPPING[module]), []).append((name, alias))
            else:
                groups.setdefault(SYMBOL_MOVES.get((module, name), module), []).append((name, alias))
        for target, group in groups.items():
            group[:] = [(RENAMED[(target, n)], a or n) if (target, n) in RENAMED else (n, a) for n, a in group]
        if list(groups) == [module] and groups[module] == names:
            return match.group(0)
        lines = [f"{indent}from {target} import {join_names(group)}" for target, group in groups.items()]
        lines[0] += tail
        return "\n".join(lines)

    return FROM_IMPORT.sub(repl, text)


def dotted_pattern() -> re.Pattern[str]:
    olds = sorted(MAPPING, key=len, reverse=True)
    return re.compile(r"(?<![\w.])(" + "|".join(re.escape(o) for o in olds) + r")(?P<after>\.\w+)?(?![\w])")


def rewrite_dotted(text: str) -> str:
    """`assessment.x` and `assessment.x.name` anywhere (import statements, strings, docs)."""
    pattern = dotted_pattern()

    def repl(match: re.Match[str]) -> str:
        old, after = match.group(1), match["after"] or ""
        if is_new_package(old) and (not after or after[1:] in submodules(old)):
            return match.group(0)  # the new package itself, or already one of its modules
        new = MAPPING[old]
        if after and (new, after[1:]) in SYMBOL_MOVES:
            new = SYMBOL_MOVES[(new, after[1:])]
        return new + after

    return pattern.sub(repl, text)


def rewrite_moved_symbols(text: str) -> str:
    """`assessment.domain.city.CityArea` strings for names that moved after their module did."""
    for (module, name), new in SYMBOL_MOVES.items():
        text = re.sub(rf"(?<![\w.]){re.escape(module)}\.{name}(?![\w])", f"{new}.{name}", text)
    return text


def rewrite_paths(text: str) -> str:
    """`assessment/x.py` in docs and comments."""
    for old, new in sorted(MAPPING.items(), key=lambda kv: len(kv[0]), reverse=True):
        old_path = old.replace(".", "/") + ".py"
        new_path = new.replace(".", "/") + ".py"
        text = re.sub(rf"(?<![\w/]){re.escape(old_path)}(?![\w])", new_path, text)
    return text


def rewrite(text: str, python: bool) -> str:
    if python:
        text = rewrite_from_imports(text)
    text = rewrite_dotted(text)
    text = rewrite_moved_symbols(text)
    if python:
        text = rewrite_from_imports(text)  # symbol moves inside from-imports whose module was just rewritten
    return rewrite_paths(text)


# ------------------------------------------------------------------------------------------------------- moving

def files_to_rewrite() -> list[Path]:
    out = []
    for path in ROOT.rglob("*"):
        if any(part in SKIP_DIRS for part in path.relative_to(ROOT).parts) or path.resolve() in SELF:
            continue
        if path.is_file() and (path.suffix in TEXT_SUFFIXES or path.name in TEXT_NAMES):
            out.append(path)
    return out


def move_modules(check: bool) -> list[str]:
    done = []
    for old, new in sorted(MAPPING.items()):
        source, target = path_of(old), path_of(new)
        if not source.exists():
            continue
        if target.exists():
            print(f"!! both {source.relative_to(ROOT)} and {target.relative_to(ROOT)} exist: merge them by hand",
                  file=sys.stderr)
            continue
        done.append(f"move {source.relative_to(ROOT)} -> {target.relative_to(ROOT)}")
        if check:
            continue
        source.write_text(absolutise(source.read_text(encoding="utf-8"), old), encoding="utf-8")
        target.parent.mkdir(parents=True, exist_ok=True)
        git("mv", str(source.relative_to(ROOT)), str(target.relative_to(ROOT)))
    return done


def ensure_packages(check: bool) -> list[str]:
    done = []
    for package, doc in PACKAGES.items():
        init = ROOT.joinpath(*package.split("."), "__init__.py")
        if init.exists():
            continue
        done.append(f"create {init.relative_to(ROOT)}")
        if not check:
            init.parent.mkdir(parents=True, exist_ok=True)
            init.write_text(f'"""{doc}"""\n', encoding="utf-8")
            git("add", str(init.relative_to(ROOT)))
    return done


def unplaced_modules() -> list[str]:
    """Flat modules under assessment/ that have no layer yet."""
    known = {"__init__", "service"}
    return sorted(p.name for p in (ROOT / "assessment").glob("*.py") if p.stem not in known)


def absolutise_in_place(paths: list[Path]) -> None:
    for path in paths:
        if path.suffix == ".py" and path.is_relative_to(ROOT / "assessment"):
            module = ".".join(path.relative_to(ROOT).with_suffix("").parts)
            text = path.read_text(encoding="utf-8")
            new = absolutise(text, module)
            if new != text:
                path.write_text(new, encoding="utf-8")


def sort_imports(paths: list[Path]) -> None:
    ruff = shutil.which("ruff") or str(Path(sys.executable).parent / "ruff")
    python = [str(p) for p in paths if p.suffix == ".py"]
    if python and Path(ruff).exists():
        subprocess.run([ruff, "check", "--quiet", "--select", "I", "--fix", *python], cwd=ROOT, check=False)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="report what would change, change nothing")
    args = parser.parse_args()

    actions = ensure_packages(args.check) + move_modules(args.check)
    files = files_to_rewrite()
    if not args.check:
        absolutise_in_place(files)
    changed = []
    for path in files:
        text = path.read_text(encoding="utf-8")
        new = rewrite(text, python=path.suffix == ".py")
        if new != text:
            changed.append(path)
            if not args.check:
                path.write_text(new, encoding="utf-8")
    if not args.check:
        sort_imports(changed)
    for line in actions:
        print(line)
    for path in changed:
        print(f"rewrite {path.relative_to(ROOT)}")
    for name in unplaced_modules():
        print(f"!! assessment/{name} has no layer: add it to MAPPING in tools/relayout.py and run again",
              file=sys.stderr)
    return 1 if args.check and (actions or changed) else 0


if __name__ == "__main__":
    sys.exit(main())
