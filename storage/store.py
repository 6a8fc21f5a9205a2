"""Repositories over the dxscore schema. Every method opens its own session or transaction and returns
domain dataclasses (never ORM rows). Bulk answer paths use the driver's executemany directly: they are the
hot paths measured in bench/."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from sqlalchemy import delete, func, select, update
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from assessment.domain.errors import BadInput, NotFound
from assessment.domain.model import (
    Assessment,
    AssessmentStatus,
    LineageLink,
    Methodology,
    MethodologyId,
    Target,
    TargetId,
    TargetSet,
    Text,
    Unit,
    UnitCode,
    UnitKind,
)
from assessment.domain.timeline import MILESTONES
from assessment.services.ports import StoredMethodology, TargetSetInfo
from storage.answers import AnswerRepository
from storage.audit import AuditRepository, AuditRow, append, as_json
from storage.council import CouncilRepository
from storage.db import current_connection as _current
from storage.db import current_write, retry_busy, run_write, write_transaction
from storage.received_publications import ReceivedPublicationRepository
from storage.results import ResultRepository
from storage.review import PackageLogRepository, ReviewRepository
from storage.tables import (
    AssessmentRow,
    CycleRow,
    LineageRow,
    MetaRow,
    MethodologyRow,
    TargetRow,
    TargetSetRow,
    TargetValueRow,
    UnitRow,
)

if TYPE_CHECKING:
    from storage.package_file import PackageFiles

T = TypeVar("T")
# One workflow step of `transition_many`: (assessment id, target state, states it may come from, why, step name).
Step = tuple[int, AssessmentStatus, Iterable[AssessmentStatus | None], str, str]


CYCLE_DATE_COLUMNS = tuple(m.value for m in MILESTONES)  # columns of `cycles` (tables.CycleRow)


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


class SqlStore:
    """Implements assessment.services.ports.Store over one SQLAlchemy engine."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.session = sessionmaker(engine, expire_on_commit=False)
        self.answers = AnswerRepository(engine)
        self.audit = AuditRepository(engine)
        self.review = ReviewRepository(engine)
        self.council = CouncilRepository(engine)
        self.packages = PackageLogRepository(engine)
        self.received = ReceivedPublicationRepository(engine)  # publication packages a unit's database took

        self.results = ResultRepository(engine)  # a cycle's computed results, kept (a cache)

    @cached_property
    def exchange(self) -> PackageFiles:  # zip and cryptography: imported when packages are used
        from storage.package_file import PackageFiles

        return PackageFiles()

    def close(self) -> None:
        self.engine.dispose()

    def read_only_reason(self) -> str | None:
        """Why this database refuses writes (a read-only or damaged file), or None."""
        from storage.db import read_only_reason

        return read_only_reason(self.engine)

    @contextmanager
    def _write(self) -> Iterator[Session]:
        """A session in dxscore's write transaction (see storage.db.write_transaction); methods that use it are
        decorated with @retry_busy."""
        with write_transaction(self.engine) as connection, Session(bind=connection, expire_on_commit=False) as s:
            yield s
            s.flush()

    def atomically(self, work: Callable[[], T]) -> T:
        """Run `work` (a group of store writes) as one transaction: all of it is kept or none (an import's
        cycle, assessments and answers). Retried whole while the database is busy."""
        return run_write(self.engine, lambda _connection: work())

    def change_number(self) -> int:
        """The change counter; inside a write transaction, that transaction's own number (the counter it moved,
        so `number == seen + 1` there means no other writer committed since `seen` was read)."""
        from storage.db import change_number, read_change_counter

        current = _current(self.engine)
        return change_number(current) if current is not None else read_change_counter(self.engine)

    def committed_change(self) -> int | None:
        """The committed change counter, or None inside a write transaction (whose own writes may still follow,
        so nothing read there can be cached under a number)."""
        from storage.db import read_change_counter

        return None if _current(self.engine) is not None else read_change_counter(self.engine)

    def files_dir(self) -> Path:
        """Where evidence files are kept: beside an SQLite file (`x.sqlite` -> `x.files/`), else in the user's
        data folder under the database's name."""
        from storage.db import sqlite_path
        from storage.sqlite_file import default_data_dir

        url = self.engine.url.render_as_string(hide_password=False)
        path = sqlite_path(url)
        if path is not None:
            return path.with_name(path.stem + ".files")
        return default_data_dir() / "evidence" / (self.engine.url.database or "central")

    # ------------------------------------------------------------------------------------------ meta

    def get_meta(self, key: str) -> str | None:
        # Reads on a warm path (meta, methodologies, target sets) go through Core tables: a process that only
        # reads a kept result then never configures the ORM's mappers (~20 ms) nor opens a Session.
        table = MetaRow.__table__
        with self.engine.connect() as c:
            value: str | None = c.execute(select(table.c.value).where(table.c.key == key)).scalar()
        return value

    @retry_busy
    def set_meta(self, key: str, value: str) -> None:
        with self._write() as s:
            s.merge(MetaRow(key=key, value=value))

    # ----------------------------------------------------------------------------------------- units

    def units(self, kind: UnitKind | None = None) -> list[Unit]:
        r = UnitRow
        with self.session() as s:
            # columns, not UnitRow objects: half the time for a national database's 3,500 units (cold path)
            query = select(r.code, r.kind, r.subtype, r.name_vi, r.name_en, r.valid_from, r.valid_until,
                           r.digital_economy_duty, r.unconfirmed, r.note)
            if kind is not None:
                query = query.where(UnitRow.kind == kind.value)
            found = [Unit(UnitCode(code), UnitKind(k), subtype, Text(vi, en), start, end, bool(duty),
                          bool(unconfirmed), note)
                     for code, k, subtype, vi, en, start, end, duty, unconfirmed, note in s.execute(query)]
            # Text order is sorted here, not by the database: a PostgreSQL collation (vi_VN, en_US) would
            # order codes differently from SQLite.
            return sorted(found, key=lambda u: (u.kind.value, u.code))

    def unit(self, code: str) -> Unit | None:
        with self.session() as s:
            row = s.scalar(select(UnitRow).where(UnitRow.code == code))
            return _unit(row) if row else None

    @retry_busy
    def add_units(self, units: Sequence[Unit], lineage: Sequence[LineageLink] = ()) -> int:
        """Insert the units whose codes are new (existing ones keep the user's edits) and their lineage."""
        with self._write() as s:
            existing = set(s.scalars(select(UnitRow.code)))
            new = [u for u in units if u.code not in existing]
            s.add_all(_unit_row(u) for u in new)
            s.flush()
            ids = dict(s.execute(select(UnitRow.code, UnitRow.id)).all())
            new_codes = {u.code for u in new}
            for link in lineage:
                if link.successor_code in new_codes:
                    s.add(LineageRow(successor_id=ids[link.successor_code], predecessor_code=link.predecessor_code,
                                     predecessor_name=link.predecessor_name, part=link.part,
                                     predecessor_district_id=ids.get(link.predecessor_district_code or "")))
            return len(new)

    @retry_busy
    def update_unit(self, /, code: str, **changes: object) -> Unit:  # self positional: `changes` are any names
        allowed = {"name_vi", "name_en", "digital_economy_duty", "valid_from", "valid_until", "subtype", "note",
                   "unconfirmed"}
        unknown = set(changes) - allowed
        if unknown:
            raise BadInput(f"cannot change {', '.join(sorted(unknown))} of a unit")
        with self._write() as s:
            row = s.scalar(select(UnitRow).where(UnitRow.code == code))
            if row is None:
                raise NotFound(f"no unit with code {code!r}")
            for key, value in changes.items():
                setattr(row, key, value)
            return _unit(row)

    @retry_busy
    def remove_unit(self, code: str) -> None:
        with self._write() as s:
            row = s.scalar(select(UnitRow).where(UnitRow.code == code))
            if row is None:
                raise NotFound(f"no unit with code {code!r}")
            used = s.scalar(select(func.count()).select_from(AssessmentRow).where(AssessmentRow.unit_id == row.id))
            if used:
                raise BadInput(f"unit {code} has {used} assessment(s); it cannot be removed (set valid_until "
                               "instead)")
            s.delete(row)

    def lineage(self) -> list[LineageLink]:
        with self.session() as s:
            successor = select(UnitRow.id, UnitRow.code).subquery()
            rows = s.execute(
                select(LineageRow, UnitRow.code, successor.c.code)
                .join(successor, successor.c.id == LineageRow.successor_id)
                .outerjoin(UnitRow, UnitRow.id == LineageRow.predecessor_district_id)
                .order_by(LineageRow.id)
            ).all()
            return [LineageLink(UnitCode(succ), r.predecessor_code, r.predecessor_name,
                                UnitCode(district) if district else None, r.part) for r, district, succ in rows]

    # --------------------------------------------------------------------------------- methodologies

    @retry_busy
    def store_methodology(self, methodology: Methodology) -> int:
        """Keep the methodology's text and hash; the same id and version must always mean the same text."""
        with self._write() as s:
            row = s.scalar(select(MethodologyRow).where(MethodologyRow.methodology_id == methodology.id,
                                                        MethodologyRow.version == methodology.version))
            if row is not None:
                if row.sha256 != methodology.sha256:
                    raise BadInput(f"methodology {methodology.key} is already stored with different content "
                                   f"(sha256 {row.sha256[:12]}…, now {methodology.sha256[:12]}…); give the changed "
                                   "file a new version")
                return row.id
            row = MethodologyRow(methodology_id=methodology.id, version=methodology.version,
                                 sha256=methodology.sha256, title_vi=methodology.title.vi,
                                 source_text=methodology.source_text, stored_at=utcnow())
            s.add(row)
            s.flush()
            return row.id

    def stored_methodologies(self) -> list[StoredMethodology]:
        t = MethodologyRow.__table__.c
        with self.engine.connect() as c:
            rows = c.execute(select(t.id, t.methodology_id, t.version, t.sha256, t.source_text)).all()
        return sorted((StoredMethodology(r.id, MethodologyId(r.methodology_id), r.version, r.sha256, r.source_text)
                       for r in rows), key=lambda m: (m.id, m.version))

    # ---------------------------------------------------------------------------------------- cycles

    @retry_busy
    def ensure_cycle(self, year: int) -> None:
        with self._write() as s:
            if s.get(CycleRow, year) is None:
                s.add(CycleRow(year=year, reference_date=dt.date(year, 12, 31)))

    def cycles(self) -> list[int]:
        with self.session() as s:
            return list(s.scalars(select(CycleRow.year).order_by(CycleRow.year)))

    def cycle_dates(self, year: int) -> dict[str, dt.date]:
        """The planned dates of a cycle by milestone name (assessment.domain.timeline.Milestone); empty if none."""
        with self.session() as s:
            row = s.get(CycleRow, year)
            if row is None:
                return {}
            return {name: day for name in CYCLE_DATE_COLUMNS if (day := getattr(row, name)) is not None}

    @retry_busy
    def set_cycle_dates(self, year: int, changes: dict[str, dt.date | None], *, who: str) -> None:
        """Set (None: clear) planned dates of a cycle, creating the cycle if needed; each changed date goes into
        the audit trail (action `timeline`, subject `<year> <milestone>`)."""
        unknown = set(changes) - set(CYCLE_DATE_COLUMNS)
        if unknown:
            raise BadInput(f"unknown cycle date(s): {', '.join(sorted(unknown))}")
        with self._write() as s:
            row = s.get(CycleRow, year)
            if row is None:
                row = CycleRow(year=year, reference_date=dt.date(year, 12, 31))
                s.add(row)
            trail = []
            for name, day in changes.items():
                old = getattr(row, name)
                if old != day:
                    setattr(row, name, day)
                    trail.append(("timeline", "secretariat", None, f"{year} {name}",
                                  as_json(old.isoformat() if old else None), as_json(day.isoformat() if day else None),
                                  ""))
            s.flush()
            if trail:
                append(current_write(self.engine), trail, who=who)

    # ----------------------------------------------------------------------------------- assessments

    @retry_busy
    def ensure_assessments(self, year: int, pairs: Iterable[tuple[str, int]]) -> dict[str, int]:
        """Create missing assessments (unit code, methodology pk) for the cycle; unit code -> assessment id."""
        pairs = list(pairs)
        now = utcnow()
        with self._write() as s:
            units = dict(s.execute(select(UnitRow.code, UnitRow.id)).all())
            missing = [code for code, _ in pairs if code not in units]
            if missing:
                raise NotFound(f"unknown unit code(s): {', '.join(sorted(set(missing))[:10])}")
            existing = dict(s.execute(select(AssessmentRow.unit_id, AssessmentRow.id)
                                      .where(AssessmentRow.cycle_year == year)).all())
            new = [AssessmentRow(unit_id=units[code], cycle_year=year, methodology_pk=pk,
                                 status=AssessmentStatus.DRAFT.value, created_at=now, updated_at=now)
                   for code, pk in pairs if units[code] not in existing]
            s.add_all(new)
            s.flush()
            existing.update({row.unit_id: row.id for row in new})
            return {code: existing[units[code]] for code, _ in pairs}

    def assessments(self, year: int | None = None, kind: UnitKind | None = None,
                    unit_code: str | None = None) -> list[Assessment]:
        with self.session() as s:
            query = (select(AssessmentRow.id, UnitRow.code, AssessmentRow.cycle_year, MethodologyRow.methodology_id,
                            MethodologyRow.version, AssessmentRow.status)
                     .join(UnitRow, UnitRow.id == AssessmentRow.unit_id)
                     .join(MethodologyRow, MethodologyRow.id == AssessmentRow.methodology_pk)
                     .order_by(AssessmentRow.cycle_year))
            if year is not None:
                query = query.where(AssessmentRow.cycle_year == year)
            if kind is not None:
                query = query.where(UnitRow.kind == kind.value)
            if unit_code is not None:
                query = query.where(UnitRow.code == unit_code)
            found = [Assessment(i, UnitCode(c), y, MethodologyId(m), v, AssessmentStatus(st))
                     for i, c, y, m, v, st in s.connection().execute(query)]  # rows: no ORM result layer
            return sorted(found, key=lambda a: (a.cycle, a.unit_code))

    @retry_busy
    def set_status(self, assessment_id: int, status: AssessmentStatus, *, who: str = "dxscore", why: str = "") -> None:
        """Set the state whatever it was (administration and tests); the workflow uses `transition`."""
        with self._write() as s:
            old = s.scalar(select(AssessmentRow.status).where(AssessmentRow.id == assessment_id))
            s.execute(update(AssessmentRow).where(AssessmentRow.id == assessment_id)
                      .values(status=status.value, updated_at=utcnow()))
            append(current_write(self.engine), [("state", "admin", assessment_id, "set", as_json(old),
                                            as_json(status.value), why)], who=who)

    @retry_busy
    def transition(self, assessment_id: int, target: AssessmentStatus, sources: Iterable[AssessmentStatus | None],
                   *, who: str, why: str = "", step: str = "") -> Assessment:
        """Move an assessment to `target` if its state, read under the writer lock, is one of `sources` (so two
        inspectors never both make a step from the same state); the step goes into the audit trail."""
        allowed = {s for s in sources if s is not None}
        with self._write() as s:
            row = s.get(AssessmentRow, assessment_id)
            if row is None:
                raise NotFound(f"no assessment {assessment_id}")
            if AssessmentStatus(row.status) not in allowed:
                raise BadInput(f"the assessment is {row.status} now, not {' or '.join(sorted(allowed))}; "
                               "it was changed meanwhile: open it again")
            old = row.status
            if old != target.value:
                row.status, row.updated_at = target.value, utcnow()
                s.flush()
                append(current_write(self.engine), [("state", "workflow", assessment_id, step or target.value,
                                                as_json(old), as_json(target.value), why)], who=who)
            i, code, year, ident, version, status = s.execute(
                select(AssessmentRow.id, UnitRow.code, AssessmentRow.cycle_year, MethodologyRow.methodology_id,
                       MethodologyRow.version, AssessmentRow.status)
                .join(UnitRow, UnitRow.id == AssessmentRow.unit_id)
                .join(MethodologyRow, MethodologyRow.id == AssessmentRow.methodology_pk)
                .where(AssessmentRow.id == assessment_id)).one()
            return Assessment(i, UnitCode(code), year, MethodologyId(ident), version, AssessmentStatus(status))

    @retry_busy
    def transition_many(self, steps: Sequence[Step], *, who: str) -> None:
        """`transition` of many assessments in one transaction (a batch of packages): each (assessment id, target,
        sources, why, step), its state read under the writer lock; one refused step refuses them all."""
        if not steps:
            return
        with self._write() as s:
            ids = [aid for aid, *_ in steps]
            held = dict(s.execute(select(AssessmentRow.id, AssessmentRow.status)
                                  .where(AssessmentRow.id.in_(ids))).all())
            trail: list[AuditRow] = []
            moved: dict[str, list[int]] = {}
            for aid, target, sources, why, step in steps:
                allowed = {x for x in sources if x is not None}
                if aid not in held:
                    raise NotFound(f"no assessment {aid}")
                if AssessmentStatus(held[aid]) not in allowed:
                    raise BadInput(f"the assessment is {held[aid]} now, not {' or '.join(sorted(allowed))}; "
                                   "it was changed meanwhile: open it again")
                if held[aid] != target.value:
                    moved.setdefault(target.value, []).append(aid)
                    trail.append(("state", "workflow", aid, step or target.value, as_json(held[aid]),
                                  as_json(target.value), why))
            now = utcnow()
            for status, moving in moved.items():
                s.execute(update(AssessmentRow).where(AssessmentRow.id.in_(moving))
                          .values(status=status, updated_at=now))
            s.flush()
            append(current_write(self.engine), trail, who=who)

    # --------------------------------------------------------------------------------------- targets

    @retry_busy
    def save_target_set(self, targets: TargetSet, *, default: bool, imported_from: str = "") -> None:
        """Store a target set, replacing one of the same name; `default` makes it the set used for scoring."""
        with self._write() as s:
            s.execute(delete(TargetSetRow).where(TargetSetRow.name == targets.name))
            if default:
                s.execute(update(TargetSetRow).values(is_default=False))
            row = TargetSetRow(name=targets.name, is_default=default, imported_from=imported_from,
                               created_at=utcnow())
            s.add(row)
            s.flush()
            for t in targets.targets:
                target_row = TargetRow(target_set_id=row.id, target_id=t.id, pillar=t.pillar, text_vi=t.text.vi,
                                       text_en=t.text.en, unit=t.unit, direction=t.direction, document=t.document,
                                       source=t.source, confidence=t.confidence, unconfirmed=t.unconfirmed,
                                       note=t.note, category=t.category, serves=t.serves, level=t.level)
                s.add(target_row)
                s.flush()
                s.add_all(TargetValueRow(target_pk=target_row.id, year=y, value=v) for y, v in t.values)

    def target_sets(self) -> list[TargetSetInfo]:
        sets, targets = TargetSetRow.__table__.c, TargetRow.__table__.c
        counts = select(targets.target_set_id, func.count().label("n")).group_by(targets.target_set_id).subquery()
        query = (select(sets.name, sets.is_default, sets.imported_from, counts.c.n)
                 .outerjoin(counts, counts.c.target_set_id == sets.id).order_by(sets.id))
        with self.engine.connect() as c:
            return [TargetSetInfo(r.name, r.is_default, r.n or 0, r.imported_from) for r in c.execute(query)]

    def target_set(self, name: str | None = None) -> TargetSet | None:
        """The named set, or the default one."""
        sets, table, years = TargetSetRow.__table__.c, TargetRow.__table__, TargetValueRow.__table__.c
        with self.engine.connect() as s:
            where = sets.name == name if name is not None else sets.is_default.is_(True)
            set_row = s.execute(select(sets.id, sets.name).where(where)).first()
            if set_row is None:
                return None
            rows = s.execute(select(table).where(table.c.target_set_id == set_row.id).order_by(table.c.id)).all()
            values: dict[int, list[tuple[int, float]]] = {}
            for pk, year, value in s.execute(select(years.target_pk, years.year, years.value).order_by(years.year)):
                values.setdefault(pk, []).append((year, value))
            targets = tuple(
                Target(TargetId(r.target_id), r.pillar, Text(r.text_vi, r.text_en), r.unit, r.direction,
                       tuple(values.get(r.id, [])), r.document, r.source, r.confidence, r.unconfirmed, r.note,
                       r.category, r.serves, r.level)
                for r in rows
            )
            return TargetSet(set_row.name, targets)

    @retry_busy
    def set_target_value(self, target_id: str, year: int, value: float | None) -> None:
        """Edit one value of the default target set (None removes it)."""
        with self._write() as s:
            set_id = s.scalar(select(TargetSetRow.id).where(TargetSetRow.is_default.is_(True)))
            pk = s.scalar(select(TargetRow.id).where(TargetRow.target_set_id == set_id,
                                                     TargetRow.target_id == target_id))
            if pk is None:
                raise NotFound(f"no target {target_id!r} in the default target set")
            s.execute(delete(TargetValueRow).where(TargetValueRow.target_pk == pk, TargetValueRow.year == year))
            if value is not None:
                s.add(TargetValueRow(target_pk=pk, year=year, value=value))


def _unit(row: UnitRow) -> Unit:
    return Unit(UnitCode(row.code), UnitKind(row.kind), row.subtype, Text(row.name_vi, row.name_en),
                row.valid_from, row.valid_until, bool(row.digital_economy_duty), bool(row.unconfirmed), row.note)


def _unit_row(unit: Unit) -> UnitRow:
    return UnitRow(code=unit.code, kind=unit.kind.value, subtype=unit.subtype, name_vi=unit.name.vi,
                   name_en=unit.name.en, valid_from=unit.valid_from, valid_until=unit.valid_until,
                   digital_economy_duty=unit.digital_economy_duty, unconfirmed=unit.unconfirmed, note=unit.note)


__all__ = ["IntegrityError", "Session", "SqlStore"]
