"""The publications a unit's database received in publication packages (issue 17.4), kept read-only: rows are
only inserted (with their audit row, in the caller's import transaction); there is no method that changes or
removes one. Each keeps the package's `publication.json` text and its SHA-256, so a row edited behind the app's
back reads as not intact."""

from __future__ import annotations

import hashlib

from sqlalchemy import select

from assessment.domain.errors import BadInput, PackageRejected
from assessment.domain.unit_publication import ReceivedPublication, UnitPublication
from storage.audit import append, as_json, now_text
from storage.db import retry_busy
from storage.review import Repository
from storage.tables import ReceivedPublicationRow


class ReceivedPublicationRepository(Repository):
    def received(self, year: int, unit_code: str | None = None) -> list[ReceivedPublication]:
        """The received publications of a cycle (of one unit), by unit and number."""
        with self.session() as s:
            query = select(ReceivedPublicationRow).where(ReceivedPublicationRow.cycle_year == year)
            if unit_code is not None:
                query = query.where(ReceivedPublicationRow.unit_code == unit_code)
            rows = list(s.scalars(query.order_by(ReceivedPublicationRow.unit_code, ReceivedPublicationRow.number)))
        return [_received(r) for r in rows]

    @retry_busy
    def add(self, publication: UnitPublication, content: bytes, *, package_id: str, signer: str, fingerprint: str,
            who: str) -> None:
        """Keep one received publication; refused when this unit already holds that publication number."""
        with self._write() as (s, connection):
            held = s.scalar(select(ReceivedPublicationRow.id).where(
                ReceivedPublicationRow.cycle_year == publication.cycle,
                ReceivedPublicationRow.unit_code == publication.unit_code,
                ReceivedPublicationRow.number == publication.number))
            if held is not None:
                raise BadInput(f"publication {publication.number} of {publication.cycle} for {publication.unit_code} "
                               "is already held here")
            text = content.decode("utf-8")
            sha = hashlib.sha256(content).hexdigest()
            s.add(ReceivedPublicationRow(cycle_year=publication.cycle, unit_code=publication.unit_code,
                                         number=publication.number, decision_no=publication.decision_no,
                                         content=text, content_sha256=sha, package_id=package_id, signer=signer,
                                         fingerprint=fingerprint, received_at=now_text(), received_by=who))
            s.flush()
            append(connection, [("received", "package", None,
                                 f"{publication.cycle} #{publication.number} {publication.unit_code}", None,
                                 as_json({"sha256": sha, "decision_no": publication.decision_no,
                                          "package": package_id}), "")], who=who)


def _received(row: ReceivedPublicationRow) -> ReceivedPublication:
    from assessment.exchange.package_format import loads  # the package readers: only when a publication is read
    from assessment.exchange.publication_format import publication_from

    data = row.content.encode("utf-8")
    intact = hashlib.sha256(data).hexdigest() == row.content_sha256
    try:
        publication = publication_from(loads(data, "publication.json"))
    except PackageRejected as exc:  # edited into something unreadable: say so rather than fail every view
        raise BadInput(f"the received publication {row.number} of {row.cycle_year} for {row.unit_code} is damaged "
                       f"({exc.message})") from None
    return ReceivedPublication(publication, row.package_id, row.signer, row.fingerprint, row.received_at,
                               row.received_by, intact)
