"""Appraisal and exchange records: appraised points, review notes (comments and replies), trusted keys and the
package log. Every change appends its audit row in the same write transaction."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager

from sqlalchemy import delete, func, insert, select
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.orm import Session, sessionmaker

from assessment.domain.errors import BadInput
from assessment.domain.workflow import ReviewNote
from assessment.services.ports import Appraisal, PackageLogEntry, TrustedKey
from storage.audit import append, as_json, now_text
from storage.db import retry_busy, write_transaction
from storage.tables import AppraisalRow, PackageLogRow, ReviewNoteRow, TrustedKeyRow

CHUNK = 900


class Repository:
    """A repository on one engine: read sessions, and `_write` for a change with its audit rows."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.session = sessionmaker(engine, expire_on_commit=False)

    @contextmanager
    def _write(self) -> Iterator[tuple[Session, Connection]]:
        """A session in dxscore's write transaction, and its connection for the audit rows (methods that use it
        are decorated with @retry_busy)."""
        with write_transaction(self.engine) as connection, Session(bind=connection, expire_on_commit=False) as s:
            yield s, connection
            s.flush()


class ReviewRepository(Repository):
    # ----------------------------------------------------------------------------------- appraisals

    def appraisals(self, assessment_ids: Sequence[int]) -> dict[int, dict[str, Appraisal]]:
        found: dict[int, dict[str, Appraisal]] = {}
        ids = list(assessment_ids)
        with self.session() as s:
            for start in range(0, len(ids), CHUNK):
                rows = s.scalars(select(AppraisalRow).where(AppraisalRow.assessment_id.in_(ids[start:start + CHUNK])))
                for r in rows:
                    found.setdefault(r.assessment_id, {})[r.indicator_code] = Appraisal(
                        r.indicator_code, r.points, r.reason, r.appraised_by, r.appraised_at)
        return found

    @retry_busy
    def set_appraisal(self, assessment_id: int, code: str, points: float | None, reason: str, *, who: str) -> None:
        """Set (or with None clear) the appraised points of one indicator; the reason is mandatory."""
        if not reason.strip():
            raise BadInput("an appraisal needs a reason")
        with self._write() as (s, connection):
            row = s.scalar(select(AppraisalRow).where(AppraisalRow.assessment_id == assessment_id,
                                                      AppraisalRow.indicator_code == code))
            old = None if row is None else {"points": row.points, "reason": row.reason}
            if points is None:
                if row is not None:
                    s.delete(row)
            elif row is None:
                s.add(AppraisalRow(assessment_id=assessment_id, indicator_code=code, points=points, reason=reason,
                                   appraised_at=now_text(), appraised_by=who))
            else:
                row.points, row.reason, row.appraised_at, row.appraised_by = points, reason, now_text(), who
            s.flush()
            new = None if points is None else {"points": points}
            append(connection, [("appraisal", "review", assessment_id, code, as_json(old), as_json(new), reason)],
                   who=who)

    # ----------------------------------------------------------------------------------------- notes

    def notes(self, assessment_id: int) -> list[ReviewNote]:
        with self.session() as s:
            rows = s.scalars(select(ReviewNoteRow).where(ReviewNoteRow.assessment_id == assessment_id))
            return sorted((_note(r) for r in rows), key=lambda n: (n.round, n.indicator_code))

    def notes_of(self, assessment_ids: Sequence[int]) -> dict[int, list[ReviewNote]]:
        """`notes` of many assessments in a few queries (a batch of packages compares against them)."""
        ids = list(assessment_ids)
        found: dict[int, list[ReviewNote]] = {int(i): [] for i in ids}
        with self.session() as s:
            for start in range(0, len(ids), CHUNK):
                chunk = ids[start:start + CHUNK]
                for r in s.scalars(select(ReviewNoteRow).where(ReviewNoteRow.assessment_id.in_(chunk))):
                    found[r.assessment_id].append(_note(r))
        return {i: sorted(notes, key=lambda n: (n.round, n.indicator_code)) for i, notes in found.items()}

    @retry_busy
    def set_comment(self, assessment_id: int, code: str, text: str, *, who: str) -> None:
        """The inspector's comment on an indicator in the open round (empty text removes it)."""
        with self._write() as (s, connection):
            row = s.scalar(select(ReviewNoteRow).where(ReviewNoteRow.assessment_id == assessment_id,
                                                       ReviewNoteRow.round == 0, ReviewNoteRow.indicator_code == code))
            old = row.comment if row else None
            if not text.strip():
                if row is not None:
                    s.delete(row)
            elif row is None:
                s.add(ReviewNoteRow(assessment_id=assessment_id, round=0, indicator_code=code, comment=text,
                                    comment_by=who, comment_at=now_text(), reply="", reply_by="", reply_at=""))
            else:
                row.comment, row.comment_by, row.comment_at = text, who, now_text()
            s.flush()
            append(connection, [("comment", "review", assessment_id, code, as_json(old),
                                 as_json(text.strip() or None), "")], who=who)

    @retry_busy
    def send_comments(self, assessment_id: int, *, who: str) -> int:
        """Close the open round: its comments become round n (the n-th return). Returns n."""
        with self._write() as (s, connection):
            latest = s.scalar(select(func.max(ReviewNoteRow.round)).where(
                ReviewNoteRow.assessment_id == assessment_id)) or 0
            rows = list(s.scalars(select(ReviewNoteRow).where(ReviewNoteRow.assessment_id == assessment_id,
                                                              ReviewNoteRow.round == 0)))
            if not rows:
                raise BadInput("returning an assessment needs at least one comment")
            for row in rows:
                row.round = latest + 1
            s.flush()
            append(connection, [("comment", "review", assessment_id, f"round {latest + 1}", None,
                                 as_json(sorted(r.indicator_code for r in rows)), "sent with the return")], who=who)
            return latest + 1

    @retry_busy
    def set_reply(self, assessment_id: int, code: str, text: str, *, who: str) -> None:
        """The unit's reply to the latest comment on an indicator."""
        with self._write() as (s, connection):
            row = s.scalar(select(ReviewNoteRow).where(ReviewNoteRow.assessment_id == assessment_id,
                                                       ReviewNoteRow.indicator_code == code, ReviewNoteRow.round > 0)
                           .order_by(ReviewNoteRow.round.desc()).limit(1))
            if row is None:
                raise BadInput(f"{code} has no comment to reply to")
            old = row.reply
            row.reply, row.reply_by, row.reply_at = text, who, now_text()
            s.flush()
            append(connection, [("reply", "review", assessment_id, code, as_json(old or None), as_json(text), "")],
                   who=who)

    @retry_busy
    def merge_notes(self, assessment_id: int, notes: Sequence[ReviewNote], *, take: str, who: str) -> int:
        """Bring in notes from a package: `take` "comment" (a return: the inspector's comments, new rounds added)
        or "reply" (a submission: the unit's replies to comments held here). Returns the notes changed."""
        changed = 0
        with self._write() as (s, connection):
            held = {(r.round, r.indicator_code): r for r in s.scalars(
                select(ReviewNoteRow).where(ReviewNoteRow.assessment_id == assessment_id))}
            audit = []
            for note in notes:
                row = held.get((note.round, note.indicator_code))
                before = None if row is None else (row.comment if take == "comment" else row.reply) or None
                if take == "comment":
                    if row is None:
                        s.add(ReviewNoteRow(assessment_id=assessment_id, round=note.round,
                                            indicator_code=note.indicator_code, comment=note.comment,
                                            comment_by=note.comment_by, comment_at=note.comment_at, reply="",
                                            reply_by="", reply_at=""))
                    elif row.comment != note.comment:
                        row.comment, row.comment_by, row.comment_at = note.comment, note.comment_by, note.comment_at
                    else:
                        continue
                    audit.append(("comment", "package", assessment_id, note.indicator_code, as_json(before),
                                  as_json(note.comment), ""))
                elif row is not None and row.reply != note.reply:
                    audit.append(("reply", "package", assessment_id, note.indicator_code, as_json(before),
                                  as_json(note.reply), ""))
                    row.reply, row.reply_by, row.reply_at = note.reply, note.reply_by, note.reply_at
                else:
                    continue
                changed += 1
            s.flush()
            append(connection, audit, who=who)
        return changed


class PackageLogRepository(Repository):
    def trusted_keys(self) -> list[TrustedKey]:
        with self.session() as s:
            rows = s.scalars(select(TrustedKeyRow))
            return sorted((TrustedKey(r.identity, r.public_key, r.fingerprint, r.source, r.added_at, r.added_by)
                           for r in rows), key=lambda k: k.identity)

    @retry_busy
    def trust(self, key: TrustedKey, *, who: str, replace: bool = False) -> bool:
        """Register a signer's key. The same key again changes nothing (False); another key for a known identity
        is refused unless `replace` (a unit's new computer), which the audit trail records; a key registered for
        another identity is always refused (a key belongs to one identity)."""
        with self._write() as (s, connection):
            row = s.scalar(select(TrustedKeyRow).where(TrustedKeyRow.identity == key.identity))
            if row is not None and row.public_key == key.public_key:
                if (row.source, key.source) != ("first-use", "key-list"):
                    return False
                row.source = key.source  # a key list confirms a key first trusted on first use
                s.flush()
                append(connection, [("key", key.source, None, key.identity, as_json({"source": "first-use"}),
                                     as_json({"source": key.source}), "confirmed by a key list")], who=who)
                return True
            other = s.scalar(select(TrustedKeyRow).where(TrustedKeyRow.public_key == key.public_key,
                                                         TrustedKeyRow.identity != key.identity))
            if other is not None:  # checked under the writer lock: two imports cannot both register it
                raise BadInput(f"the key {key.fingerprint} offered for {key.identity} is already registered here for "
                               f"{other.identity}: a key belongs to one identity; nothing was registered")
            if row is not None and not replace:
                raise BadInput(f"{key.identity} already has another key (fingerprint {row.fingerprint}); this one is "
                               f"{key.fingerprint}. Remove or replace the old key on purpose (keys import --replace)")
            old = None if row is None else {"fingerprint": row.fingerprint, "public_key": row.public_key}
            if row is not None:
                s.execute(delete(TrustedKeyRow).where(TrustedKeyRow.id == row.id))
                s.flush()
            s.add(TrustedKeyRow(identity=key.identity, public_key=key.public_key, fingerprint=key.fingerprint,
                                source=key.source, added_at=now_text(), added_by=who))
            s.flush()
            append(connection, [("key", key.source, None, key.identity, as_json(old),
                                 as_json({"fingerprint": key.fingerprint, "public_key": key.public_key}), "")],
                   who=who)
            return True

    @retry_busy
    def trust_many(self, keys: Sequence[TrustedKey], *, who: str) -> int:
        """`trust` for many keys at once (the new units of a batch of packages): the keys and identities held are
        read once, new identities inserted together; a key for an identity already held goes through `trust`.
        Returns how many were registered."""
        registered = 0
        with self._write() as (s, connection):
            rows = s.execute(select(TrustedKeyRow.identity, TrustedKeyRow.public_key)).all()
            owners = {key: identity for identity, key in rows}
            identities = {identity for identity, _ in rows}
            fresh: list[TrustedKey] = []
            for key in keys:
                if key.identity in identities:
                    registered += self.trust(key, who=who)
                    continue
                owner = owners.get(key.public_key)
                if owner is not None:  # checked under the writer lock: two imports cannot both register it
                    raise BadInput(f"the key {key.fingerprint} offered for {key.identity} is already registered here "
                                   f"for {owner}: a key belongs to one identity; nothing was registered")
                owners[key.public_key] = key.identity
                identities.add(key.identity)
                fresh.append(key)
            if fresh:
                at = now_text()
                s.execute(insert(TrustedKeyRow), [dict(identity=k.identity, public_key=k.public_key,
                                                       fingerprint=k.fingerprint, source=k.source, added_at=at,
                                                       added_by=who) for k in fresh])
                append(connection, [("key", k.source, None, k.identity, None,
                                     as_json({"fingerprint": k.fingerprint, "public_key": k.public_key}), "")
                                    for k in fresh], who=who)
        return registered + len(fresh)

    def logged(self, package_ids: Sequence[str], direction: str = "in") -> dict[str, PackageLogEntry]:
        ids, found = list(package_ids), {}
        with self.session() as s:
            for start in range(0, len(ids), CHUNK):
                for r in s.scalars(select(PackageLogRow).where(PackageLogRow.direction == direction,
                                                               PackageLogRow.package_id.in_(ids[start:start + CHUNK]))):
                    found[r.package_id] = _entry(r)
        return found

    def last_applied(self, unit_code: str, cycle: int, kind: str) -> str | None:
        """Creation time of the newest package of this unit, cycle and kind imported here."""
        with self.session() as s:
            times = s.scalars(select(PackageLogRow.created_at).where(
                PackageLogRow.direction == "in", PackageLogRow.unit_code == unit_code, PackageLogRow.cycle == cycle,
                PackageLogRow.kind == kind))
            return max(times, default=None)

    def last_applied_of(self, keys: Sequence[tuple[str, int, str]]) -> dict[tuple[str, int, str], str]:
        """`last_applied` of many (unit code, cycle, kind) in one query; keys never imported are left out."""
        wanted = set(keys)
        with self.session() as s:
            rows = s.execute(select(PackageLogRow.unit_code, PackageLogRow.cycle, PackageLogRow.kind,
                                    func.max(PackageLogRow.created_at))
                             .where(PackageLogRow.direction == "in")
                             .group_by(PackageLogRow.unit_code, PackageLogRow.cycle, PackageLogRow.kind))
            return {(code, cycle, kind): last for code, cycle, kind, last in rows if (code, cycle, kind) in wanted}

    def log(self, entry: PackageLogEntry, *, who: str) -> None:
        self.log_many([entry], who=who)

    @retry_busy
    def log_many(self, entries: Sequence[PackageLogEntry], *, who: str) -> None:
        """Log packages (and their audit rows) in one insert each: a batch of imports."""
        if not entries:
            return
        with self._write() as (s, connection):
            at = now_text()
            s.execute(insert(PackageLogRow), [dict(
                package_id=e.package_id, direction=e.direction, kind=e.kind, unit_code=e.unit_code, cycle=e.cycle,
                signer=e.signer, fingerprint=e.fingerprint, manifest_sha256=e.manifest_sha256,
                created_at=e.created_at, outcome=e.outcome, logged_at=at, logged_by=who) for e in entries])
            append(connection, [("import" if e.direction == "in" else "export", "package", None, e.package_id, None,
                                 as_json({"kind": e.kind, "unit": e.unit_code, "cycle": e.cycle, "signer": e.signer,
                                          "fingerprint": e.fingerprint, "manifest_sha256": e.manifest_sha256,
                                          "created_at": e.created_at, "outcome": e.outcome,
                                          **({"audit_head": e.audit_head} if e.audit_head else {})}), "")
                                for e in entries], who=who)


def _note(r: ReviewNoteRow) -> ReviewNote:
    return ReviewNote(r.indicator_code, r.round, r.comment, r.comment_by, r.comment_at, r.reply or "",
                      r.reply_by or "", r.reply_at or "")


def _entry(r: PackageLogRow) -> PackageLogEntry:
    return PackageLogEntry(r.package_id, r.direction, r.kind, r.unit_code, r.cycle, r.signer, r.fingerprint,
                           r.manifest_sha256, r.created_at, r.outcome, r.logged_at, r.logged_by)
