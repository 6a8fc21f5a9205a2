"""Smoke test of the PyInstaller bundle (`make dist`), as a user would meet it: the folder copied somewhere
else, run with no virtualenv, no checkout and no Python on PATH.

- the CLI (`dxscore-cli`) builds the demo database, scores it to JSON, prints one scorecard PDF and one PDF per
  department through its process pool;
- the window (`dxscore`, QT_QPA_PLATFORM=offscreen) starts, paints, stays up a few seconds and closes cleanly
  (gui/startup_probe.py: DXSCORE_SMOKE_SECONDS);
- prints the figures: bundle size, CLI start, window start to first paint.

Usage: python tests/dist/smoke.py [dist/dxscore]   (exit 0 when every check passed). `make test` runs it when
DXSCORE_TEST_DIST=1 (CI sets it), after `make dist`.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SMOKE_SECONDS = 3
results: list[tuple[str, bool, str]] = []


def check(name: str, ok: bool, detail: str = "") -> bool:
    results.append((name, ok, detail))
    print(f"{'ok  ' if ok else 'FAIL'} {name}{': ' + detail if detail and not ok else ''}", flush=True)
    return ok


def clean_env(home: Path) -> dict[str, str]:
    """No virtualenv, no Python of ours, user folders inside the test's own folder."""
    env = {"PATH": "/usr/bin:/bin", "HOME": str(home), "LANG": "C.UTF-8", "XDG_DATA_HOME": str(home / "data"),
           "XDG_CONFIG_HOME": str(home / "config"), "XDG_STATE_HOME": str(home / "state"),
           "XDG_CACHE_HOME": str(home / "cache"), "DXSCORE_LOG_DIR": str(home / "logs")}
    return env


def run(program: Path, *args: str, env: dict[str, str], cwd: Path, timeout: int = 600):  # type: ignore[no-untyped-def]
    started = time.time()
    done = subprocess.run([str(program), *args], capture_output=True, text=True, env=env, cwd=cwd,
                          timeout=timeout, stdin=subprocess.DEVNULL)
    return done, time.time() - started


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def check_cli(cli: Path, env: dict[str, str], work: Path) -> float:
    db = str(work / "demo.sqlite")
    built, _ = run(cli, "--db", db, "demo", env=env, cwd=work)
    check("CLI builds the demo database", built.returncode == 0, built.stderr[-1500:])
    scored, _ = run(cli, "--db", db, "score", "--cycle", "2025", "--json", env=env, cwd=work)
    try:
        data = json.loads(scored.stdout)
    except json.JSONDecodeError:
        data = {}
    check("CLI scores the demo to JSON", scored.returncode == 0 and data.get("cycle") == 2025
          and data.get("demo") is True and "DỮ LIỆU MẪU" in data.get("demo_notice", ""), scored.stderr[-1500:])
    pdf = work / "so-noi-vu.pdf"
    card, _ = run(cli, "--db", db, "report", "--cycle", "2025", "--unit", "SO_NOI_VU", "-o", str(pdf), env=env,
                  cwd=work)
    check("CLI prints a scorecard PDF (bundled fonts)", card.returncode == 0 and pdf.exists()
          and pdf.read_bytes().startswith(b"%PDF") and b"DejaVuSans" in pdf.read_bytes(), card.stderr[-1500:])
    each = work / "each"
    pool, _ = run(cli, "--db", db, "report", "--cycle", "2025", "--kind", "department", "--each", "--workers", "2",
                  "-o", str(each), env=env, cwd=work)
    check("CLI prints one PDF per department in worker processes", pool.returncode == 0
          and len(list(each.glob("*.pdf"))) >= 15, pool.stderr[-1500:])
    starts = [run(cli, "methodology", "list", env=env, cwd=work)[1] for _ in range(3)]
    listing = run(cli, "methodology", "list", env=env, cwd=work)[0]
    check("CLI lists the shipped methodologies", listing.returncode == 0 and "2025" in listing.stdout,
          listing.stderr[-1500:])
    return min(starts)


def check_window(window: Path, env: dict[str, str], work: Path) -> float | None:
    env = {**env, "QT_QPA_PLATFORM": "offscreen", "DXSCORE_SMOKE_SECONDS": str(SMOKE_SECONDS)}
    started = time.time()
    done = subprocess.run([str(window), "--db", str(work / "demo.sqlite")], capture_output=True, text=True,
                          env=env, cwd=work, timeout=300, stdin=subprocess.DEVNULL)
    lasted = time.time() - started
    painted = [line for line in done.stderr.splitlines() if line.startswith("dxscore: window painted at ")]
    check("window paints", bool(painted), done.stderr[-1500:])
    check(f"window stays up {SMOKE_SECONDS} s and closes cleanly", done.returncode == 0 and lasted >= SMOKE_SECONDS,
          f"exit {done.returncode} after {lasted:.1f} s\n{done.stderr[-1500:]}")
    return float(painted[0].rsplit(" ", 1)[1]) - started if painted else None


def main() -> int:
    bundle = Path(sys.argv[1] if len(sys.argv) > 1 else ROOT / "dist" / "dxscore").resolve()
    if not (bundle / "dxscore-cli").exists() and not (bundle / "dxscore-cli.exe").exists():
        print(f"no bundle at {bundle}: run `make dist` first", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="dxscore-smoke-") as temp:
        home = Path(temp)
        copy = home / "app"
        shutil.copytree(bundle, copy, symlinks=True)  # a clean folder, away from the checkout
        work = home / "work"
        work.mkdir()
        suffix = ".exe" if os.name == "nt" else ""
        env = clean_env(home)
        cli_start = check_cli(copy / f"dxscore-cli{suffix}", env, work)
        painted = check_window(copy / f"dxscore{suffix}", env, work)
        accelerators = sorted(p.name for p in copy.rglob("_rl_accel*"))
        check("PDFs are made with ReportLab's C accelerators (rl_accel bundled)", bool(accelerators))
        size = folder_size(copy)
        log = home / "logs" / "dxscore.log"
        if any(not ok for _, ok, _ in results) and log.exists():
            print("--- the end of the bundle's log:\n" + log.read_text(encoding="utf-8", errors="replace")[-4000:])
    print(f"bundle: {size / 2**20:.0f} MiB; CLI start (methodology list, best of 3): {cli_start:.2f} s; window "
          f"start to first paint: {'-' if painted is None else f'{painted:.2f} s'}")
    failed = sum(1 for _, ok, _ in results if not ok)
    print(f"smoke: {len(results) - failed} passed, {failed} failed")  # the closing line CI reads
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
