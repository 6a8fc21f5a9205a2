"""PDF reports on the demo database, each against a lower bound measured in the same run: a bare reportlab
document with the same tables and charts (strings and drawings prepared beforehand: no data work, no
fingerprint, no page decorations).

- one scorecard: `service.reports.scorecard_pdf` in a warm process, from the database (the cycle's results and
  the peer group's data are kept per change of the database, so this reads the unit's answers and the change
  counter, then renders), and the same from an already gathered cycle (`reports.view` + render);
- the trend of one unit over every cycle, clicked in a process that already shows cycle 2025;
- `report --each` for the 126 communes and `report --booklet` for them: whole processes, interpreter start
  included; their bounds are 126 bare documents rendered by a pool of the same size, and one bare document
  holding 126 copies of the bare scorecard;
- every scorecard of --each at most 200 KB.
"""

from __future__ import annotations

import io
import multiprocessing
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from bench.common import ROOT, measure, report

COMMUNES = 126


def _service(db: Path):  # type: ignore[no-untyped-def]
    from cli.wiring import open_service_at
    from storage.db import sqlite_url

    return open_service_at(sqlite_url(db))


def bare_story(view, drawings):  # type: ignore[no-untyped-def]
    """The scorecard's tables and charts as plain reportlab flowables (the lower bound's content)."""
    from reportlab.platypus import PageBreak, Paragraph, Table

    from assessment.reports import labels
    from assessment.reports.styles import grid, styles

    s = styles()
    pillars = [[p.code, p.name, labels.points(p.points), labels.points(p.max_points), labels.index(p.index),
                labels.index(p.peer_average), labels.signed_index(p.change)] for p in view.pillars]
    targets = [[t.indicator_code, Paragraph(t.text, s["cell"]), labels.value(t.value), labels.STATUS_LABEL[t.status]]
               for t in view.targets]
    losses = [[r.code, Paragraph(f"{r.text} {r.guidance}", s["cell"]), labels.points(r.points)] for r in view.losses]
    return [Paragraph(view.unit_name, s["title"]), Table(pillars, style=grid()), *drawings[:2], PageBreak(),
            drawings[2], Table(targets, colWidths=[40, 300, 60, 80], style=grid()),
            Table(losses, colWidths=[40, 400, 60], style=grid())]


def bare_pdf(views_and_drawings) -> bytes:  # type: ignore[no-untyped-def]
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import PageBreak, SimpleDocTemplate

    from assessment.reports.fonts import FONT

    buffer = io.BytesIO()
    story = []
    for view, drawings in views_and_drawings:
        story += [*bare_story(view, drawings), PageBreak()]
    SimpleDocTemplate(buffer, pagesize=A4, initialFontName=FONT).build(story[:-1])
    return buffer.getvalue()


def _drawings(view):  # type: ignore[no-untyped-def]
    from assessment.reports import charts

    return [charts.radar(view).drawing(), charts.pillar_bars(view).drawing(), charts.trend(view).drawing()]


def _cli(db: Path, env: dict[str, str], *args: str) -> None:
    subprocess.run([sys.executable, str(ROOT / "main.py"), "--db", str(db), "report", "--cycle", "2025", *args],
                   check=True, env=env, capture_output=True)


_prepared: list = []  # type: ignore[type-arg]  # (view, drawings) per commune, inherited by forked workers


def _bare_one(i: int) -> int:
    return len(bare_pdf(_prepared[i:i + 1]))


def _bare_pool(workers: int) -> None:
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        pool.map(_bare_one, range(len(_prepared)), chunksize=6)


def _one_scorecard(service, folder: Path) -> bool:  # type: ignore[no-untyped-def]
    from assessment.reports.pdf_scorecard import write_scorecard

    ok = True
    for code in ("SO_NOI_VU", "00070"):
        unit = service.units.get(code)
        view = service.reports.scorecard(year=2025, unit_code=code)
        drawings = _drawings(view)
        service.reports.scorecard_pdf(year=2025, unit_code=code, path=folder / "warm.pdf")  # imports, fonts
        bound = measure(lambda v=view, d=drawings: bare_pdf([(v, d)]), repeat=7)
        ours = measure(lambda c=code: service.reports.scorecard_pdf(year=2025, unit_code=c, path=folder / "one.pdf"),
                       repeat=7)
        scoring = measure(lambda k=unit.kind: service.scores.for_cycle(year=2025, kind=k), repeat=7)
        ok &= report(f"one scorecard PDF ({code}), from the database", ours, bound, budget_s=0.150, max_ratio=2.0,
                     note=f"of which scoring the cycle (scores.for_cycle) {scoring.median * 1000:.0f} ms")
        data = service.reports.cycle_data(year=2025, kind=unit.kind)
        card = data.card(code)
        ours = measure(lambda d=data, c=card: write_scorecard(service.reports.view(d, c), folder / "one.pdf"),
                       repeat=7)
        ok &= report(f"one scorecard PDF ({code}), cycle already scored", ours, bound, budget_s=0.150)
    return ok


def _trend(db: Path) -> bool:
    """The dashboard's trend of one unit over every cycle on a click, in a process that shows cycle 2025: the
    first click scores the other cycles once; later clicks read them. Lower bound: reading the unit's answers
    of every cycle (what any trend needs at least)."""
    service = _service(db)
    service.scores.for_cycle(year=2025)  # the cycle the dashboard shows
    units = [a.unit_code for a in service.store.assessments(2025)][:40]
    first = measure(lambda: service.compare.unit_trend(units[0]), repeat=1)
    codes = iter(units[1:] * 3)
    clicks = measure(lambda: service.compare.unit_trend(next(codes)), repeat=15)
    ids = [a.id for a in service.store.assessments() if a.unit_code == units[0]]
    bound = measure(lambda: service.store.answers.load_long(ids), repeat=15)
    ok = report("trend of one unit (all cycles) on a click", clicks, bound, budget_s=0.020,
                note=f"the first click after opening: {first.median * 1000:.0f} ms (scores the other cycles once)")
    service.store.close()
    return ok


def main() -> bool:
    folder = Path(tempfile.mkdtemp(prefix="dxbench-reports-"))
    db = folder / "demo.sqlite"
    env = {**os.environ, "DXSCORE_LOG_DIR": str(folder / "logs")}
    subprocess.run([sys.executable, str(ROOT / "main.py"), "--db", str(db), "demo"], check=True, env=env,
                   capture_output=True)
    from assessment.domain.model import UnitKind

    service = _service(db)
    ok = _one_scorecard(service, folder)
    ok &= _trend(db)
    _prepared[:] = [(v, _drawings(v)) for v in service.reports.scorecards(year=2025, kind=UnitKind.COMMUNE)]
    workers = min(os.cpu_count() or 1, 8)
    out = folder / "each"
    ours = measure(lambda: _cli(db, env, "--kind", "commune", "--each", "-o", str(out)), repeat=3,
                   setup=lambda: shutil.rmtree(out, ignore_errors=True))
    bound = measure(lambda: _bare_pool(workers), repeat=3)
    sizes = [p.stat().st_size for p in out.glob("*.pdf")]
    ok &= report(f"report --each, {len(sizes)} communes ({workers} processes, whole command)", ours, bound,
                 budget_s=6.0, note=f"bound: 126 bare documents in a pool of {workers}")
    size_ok = max(sizes) <= 200_000 and len(sizes) == COMMUNES
    ok &= size_ok
    print(("PASS " if size_ok else "FAIL ") + f"scorecard size: largest {max(sizes) / 1000:.0f} KB, mean "
          f"{sum(sizes) / len(sizes) / 1000:.0f} KB; budget ≤ 200 KB")

    booklet = folder / "booklet.pdf"
    ours = measure(lambda: _cli(db, env, "--kind", "commune", "--booklet", "-o", str(booklet)), repeat=3)
    bound = measure(lambda: bare_pdf(_prepared), repeat=3)
    info = subprocess.run(["pdfinfo", str(booklet)], capture_output=True, text=True).stdout
    pages = next((line.split()[-1] for line in info.splitlines() if line.startswith("Pages")), "?")
    ok &= report(f"report --booklet, 126 communes ({pages} pages, whole command)", ours, bound, budget_s=8.0,
                 note=f"bound: one bare document with 126 scorecards; {booklet.stat().st_size / 1e6:.1f} MB")
    service.store.close()
    shutil.rmtree(folder, ignore_errors=True)
    return ok


if __name__ == "__main__":
    raise SystemExit(0 if main() else 1)
