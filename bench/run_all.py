"""Run every benchmark and print its figures (`make bench`). Exit 1 if any figure misses its budget."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import (
    bench_cli,
    bench_dashboard,
    bench_gui,
    bench_national,
    bench_packages,
    bench_reports,
    bench_scoring,
    bench_storage,
)


def main() -> int:
    modules = (bench_scoring, bench_storage, bench_cli, bench_gui, bench_dashboard, bench_reports, bench_national,
               bench_packages)
    results = [module.main() for module in modules]
    print("all benchmarks within budget" if all(results) else "SOME BENCHMARKS MISSED THEIR BUDGET")
    return 0 if all(results) else 1


if __name__ == "__main__":
    raise SystemExit(main())
