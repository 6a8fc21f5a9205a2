"""`service.reports`: scorecard and booklet view models, their PDFs, and the Excel export of scores.

The area gathers the service's data (scores of the cycle and of earlier cycles, methodologies, units, answers
with their evidence) into a `CycleData`, builds view models from it (build.py, pure), then renders them.
Long operations take an optional `progress` object (`set_progress(done, total)`, `set_status(text)`,
`is_cancelled()`); a cancelled operation raises `ReportCancelled` and leaves no partial file behind.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Collection
from pathlib import Path
from typing import TYPE_CHECKING, Any

from assessment.domain.errors import BadInput, NotFound, ReportsIncomplete
from assessment.domain.model import Scorecard, TargetSet, UnitKind
from assessment.exchange.output_files import write_atomic
from assessment.reports.build import CycleData, GroupStandings, Standing, booklet_view, scorecard_view
from assessment.reports.progress import Progress, tick
from assessment.reports.view import BookletView, ReportOptions, ScorecardView

if TYPE_CHECKING:
    import pandas as pd

    from assessment.service import AssessmentService


class ReportsArea:
    def __init__(self, service: AssessmentService) -> None:
        self.s = service
        # The CycleData built at one change number, per (cycle, kind): a second scorecard of the same peer group
        # (or the same one again) gathers nothing; any write, from any process, moves the number and drops it.
        self._kept: tuple[int, dict[tuple[int, UnitKind], CycleData]] | None = None

    # ---------------------------------------------------------------------------------------- view models

    def cycle_data(self, *, year: int, kind: UnitKind) -> CycleData:
        """The peer group of `kind` in `year` and in every earlier cycle, with what the scorecards need (built
        once per change of the database)."""
        change = self.s.store.committed_change()  # None inside a write transaction: nothing is kept
        if change is not None and (self._kept is None or self._kept[0] != change):
            self._kept = (change, {})
        kept = self._kept[1] if change is not None and self._kept is not None else {}
        found = kept.get((year, kind))
        if found is None:
            found = kept[(year, kind)] = self._gather(year, kind)
        return found

    def _gather(self, year: int, kind: UnitKind) -> CycleData:
        cards = self.s.scores.for_cycle(year=year, kind=kind).scorecards
        if not cards:
            cycles = ", ".join(map(str, self.s.cycles())) or "none"
            raise NotFound(f"no {kind.value} assessments in cycle {year} (cycles in this database: {cycles})")
        targets = self.s.scores.active_targets()
        earlier = [g for g in (self._peer_group(c, kind, targets) for c in self.s.cycles() if c < year) if g.members]
        keys = {(c.methodology_id, c.methodology_version) for c in cards}
        methodologies = {f"{i}@{v}": self.s.scores.methodology(i, v) for i, v in keys}
        return CycleData(year, kind, self.s.is_demo, targets, tuple(cards),
                         GroupStandings.of(year, [Standing.of(c) for c in cards]), tuple(earlier), methodologies,
                         {u.code: u for u in self.s.units.list(kind)},
                         self.s.publication.latest(year) or self.s.unit_publications.as_publication(year),
                         {a.unit_code: a.id for a in self.s.store.assessments(year, kind=kind)})

    def _peer_group(self, year: int, kind: UnitKind, targets: TargetSet) -> GroupStandings:
        """Indices of an earlier cycle straight from its scored batches (no scorecards, no target history)."""
        members: list[Standing] = []
        if not self.s.store.assessments(year, kind=kind):  # e.g. communes before 2025: nothing to score
            return GroupStandings.of(year, members)
        for batch in self.s.scores.batches(year, targets):
            index, pillar_index = batch.scores.index.tolist(), batch.scores.pillar_index.T.tolist()
            for i, unit in enumerate(batch.units):
                if unit.kind == kind:
                    pillars = {code: _number(v) for code, v in zip(batch.scores.pillar_codes, pillar_index[i],
                                                                   strict=True)}
                    members.append(Standing(unit.code, _number(index[i]), pillars, batch.methodology.key))
        return GroupStandings.of(year, members)

    def scorecard(self, *, year: int, unit_code: str) -> ScorecardView:
        unit = self.s.units.get(unit_code)
        data = self.cycle_data(year=year, kind=unit.kind)
        card = data.card(unit_code)
        if card is None:
            raise NotFound(f"{unit_code} ({unit.name.vi}) has no assessment in cycle {year}")
        return self.view(data, card)

    def view(self, data: CycleData, card: Scorecard) -> ScorecardView:
        found = data.assessment_ids.get(card.unit_code)
        return scorecard_view(data, card, self.s.store.answers.of(found) if found is not None else ())

    def scorecards(self, *, year: int, kind: UnitKind, progress: Progress | None = None) -> list[ScorecardView]:
        """Every scorecard of a peer group, in ranking order."""
        return self._views(self.cycle_data(year=year, kind=kind), progress)

    def booklet(self, *, year: int, kind: UnitKind, progress: Progress | None = None,
                units: Collection[str] | None = None) -> BookletView:
        """The booklet of a peer group, or of the `units` chosen from it (say, the communes formed from one former
        district): ranks, the peer average and the heatmap's colours stay those of the whole group."""
        data = self.cycle_data(year=year, kind=kind)
        return booklet_view(data, self._views(data, progress, units))

    def _views(self, data: CycleData, progress: Progress | None, units: Collection[str] | None = None
               ) -> list[ScorecardView]:
        cards = data.cards
        if units is not None:
            wanted = set(units)
            unknown = sorted(wanted - {c.unit_code for c in cards})
            if unknown or not wanted:
                raise BadInput(f"not scored among the {data.kind.value} units of cycle {data.cycle}: "
                               f"{', '.join(unknown[:10])}{' …' if len(unknown) > 10 else ''}" if unknown
                               else "the list of units is empty")
            cards = tuple(c for c in cards if c.unit_code in wanted)
        views = []
        for n, card in enumerate(cards):
            tick(progress, n, len(cards), "Đang tổng hợp số liệu" if n == 0 else None)
            views.append(self.view(data, card))
        return views

    # ------------------------------------------------------------------------------------------------ PDF

    def scorecard_pdf(self, *, year: int, unit_code: str, path: Path, options: ReportOptions | None = None) -> Path:
        from assessment.reports.pdf_scorecard import write_scorecard

        view = self.scorecard(year=year, unit_code=unit_code)
        options = self.anchored(options)
        return write_atomic(Path(path), lambda tmp: write_scorecard(view, tmp, options))

    def city_pdf(self, *, year: int, path: Path, options: ReportOptions | None = None) -> Path:
        """The Resolution 18 progress report of the city (works on an empty database: everything "no data")."""
        from assessment.reports.pdf_city import write_city_report

        progress, options = self.s.city.progress(year=year), self.anchored(options)
        return write_atomic(Path(path), lambda tmp: write_city_report(progress, tmp, options))

    def booklet_pdf(self, *, year: int, kind: UnitKind, path: Path, options: ReportOptions | None = None,
                    progress: Progress | None = None, units: Collection[str] | None = None) -> Path:
        from assessment.reports.pdf_booklet import write_booklet

        booklet = self.booklet(year=year, kind=kind, progress=progress, units=units)
        options = self.anchored(options)
        failed: list[tuple[str, str]] = []
        written = write_atomic(Path(path), lambda tmp: failed.extend(write_booklet(booklet, tmp, options,
                                                                                    progress=progress)))
        if failed:
            names = ", ".join(code for code, _ in failed[:20]) + (" …" if len(failed) > 20 else "")
            raise ReportsIncomplete(f"the booklet was written to {written}, but {len(failed)} scorecard(s) could not "
                                    f"be printed in it ({names}; a page says so in their place, the reasons are in "
                                    "the log)", [written], failed)
        return written

    def each_pdf(self, *, year: int, kind: UnitKind, folder: Path, opener: Callable[[], Any] | None = None,
                 workers: int | None = None, options: ReportOptions | None = None,
                 progress: Progress | None = None) -> list[Path]:
        """One scorecard PDF per unit of the peer group, in `folder`. With `opener` (a picklable callable that
        opens a service on the same database) the work is spread over a process pool of `workers` (default:
        every core), each worker opening its own service; without it, everything runs in this process."""
        from assessment.services.report_batch import render_each

        return render_each(self, year=year, kind=kind, folder=Path(folder), opener=opener, workers=workers,
                           options=self.anchored(options), progress=progress)

    def anchored(self, options: ReportOptions | None) -> ReportOptions:
        """The options with this database's audit head for the footers (read once per report or batch)."""
        options = options or ReportOptions()
        return options if options.audit_head else dataclasses.replace(options, audit_head=self.s.audit.head().text)

    # ---------------------------------------------------------------------------------------------- Excel

    def score_frames(self, *, year: int, kind: UnitKind | None = None) -> dict[str, pd.DataFrame]:
        """The Excel export's sheets as DataFrames (sheet name -> frame whose columns are the stable keys;
        `frame.attrs["headers"]` holds the Vietnamese headers)."""
        from assessment.reports.excel import score_frames

        result = self.s.scores.for_cycle(year=year, kind=kind)
        if not result.scorecards:
            raise NotFound(f"no assessments in cycle {year}" + (f" for {kind.value}" if kind else ""))
        keys = {(c.methodology_id, c.methodology_version) for c in result.scorecards}
        methodologies = {f"{i}@{v}": self.s.methodologies.stored(i, v) for i, v in keys}
        available = self.s.methodologies.available()
        latest = {k: max((m for m in available if k in m.applies_to), key=lambda m: (m.cycle_from, m.version))
                  for k in UnitKind if any(k in m.applies_to for m in available)}
        units = {u.code: u for u in self.s.units.list()}
        return score_frames(result.scorecards, methodologies, units, self.s.methodologies.crosswalks(), latest)

    def excel(self, *, year: int, kind: UnitKind | None = None, path: Path,
              options: ReportOptions | None = None) -> Path:
        """Write the scores of a cycle (optionally one kind) to an .xlsx workbook."""
        from assessment.reports.excel import write_workbook

        frames = self.score_frames(year=year, kind=kind)
        return write_atomic(Path(path), lambda tmp: write_workbook(
            frames, tmp, year=year, demo=self.s.is_demo, options=options or ReportOptions(),
            target_set=self.s.targets.active().name))


def _number(value: float) -> float | None:
    return None if value != value else value  # NaN: no index


