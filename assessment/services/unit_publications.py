"""The unit's view of a published cycle (`service.unit_publications`, issue 17.4).

The city exports one signed *publication package* per unit and publication (not one for all units: a unit
receives its own adjustments and reasons, never another unit's, and a package names one unit in its signed
manifest). It carries the publication's number, decision and date, the unit's appraised and self-assessed index,
its rank and peers in its group and sub-group, and each indicator the inspectors or the council adjusted (points
before and after, reason, who, the council's decision). A package is signed with the inspector's key.

The unit's database takes it like a return (assessment/services/package_import.py calls `check_taken`,
`compare` and `receive` here): only the unit's own database (the one that signs the unit's submissions), only
from an inspector key registered from a key list, and only when its figures add up (ranks within the peers,
indices within 0–1, points within each indicator's maximum, indicators of the unit's methodology). It is kept
read-only (storage/received_publications.py). A correction arrives as the next number and supersedes the one
before in the unit's view, which lists both.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from assessment.domain.errors import BadInput, NotFound, PackageRejected
from assessment.domain.model import Methodology
from assessment.domain.publication import Publication
from assessment.domain.unit_publication import ReceivedPublication, UnitPublication, problems, rank_text, unit_view
from assessment.exchange.package_diff import Outcome, PackagePreview
from assessment.exchange.package_format import PackageContent, PackageDraft, PackageKind, dumps
from assessment.services.ports import PackageLogEntry, TrustedKey

if TYPE_CHECKING:
    from assessment.service import AssessmentService

KEY_LIST = "key-list"  # TrustedKey.source of a key registered on purpose (as package_import.KEY_LIST)


@dataclass(frozen=True)
class PublicationExport:
    unit_code: str
    path: Path | None  # None: not exported (see `skipped`)
    package_id: str = ""
    fingerprint: str = ""
    skipped: str = ""  # why this unit's package was not written


def file_name(unit_code: str, year: int, number: int) -> str:
    return f"{unit_code}-{year}-cong-bo-{number}.dxpkg"


class UnitPublicationsArea:
    def __init__(self, service: AssessmentService) -> None:
        self.s = service

    # ------------------------------------------------------------------------------ the city's side

    def view(self, year: int, unit_code: str, number: int | None = None) -> UnitPublication:
        """One unit's share of a publication of this database (the latest by default)."""
        publication = self.s.publication.get(year, number)
        if publication.unit(unit_code) is None:
            raise NotFound(f"{unit_code} is not in publication {publication.number} of {year}")
        found = self.s.store.assessments(year, unit_code=unit_code)
        card = appraisals = None
        decisions = []
        if found:
            card = self.s.scores.for_cycle(year=year, unit_code=unit_code).scorecards[0]
            held = self.s.store.review.appraisals([found[0].id]).get(found[0].id, {})
            appraisals = {c: (a.points, a.reason, a.appraised_by) for c, a in held.items()}
            decisions = self.s.store.council.decisions(assessment_id=found[0].id)
        meetings = {m.id: m for m in self.s.council.meetings(year)}
        return unit_view(publication, unit_code, card, appraisals or {}, decisions, meetings)

    def export(self, year: int, folder: Path, *, number: int | None = None,
               units: list[str] | None = None) -> list[PublicationExport]:
        """One signed publication package per unit of the publication (or per named unit) into `folder`. A unit
        whose appraisal changed after an older publication is skipped with the reason: its adjustments today
        would not be the ones that publication froze."""
        publication = self.s.publication.get(year, number)
        wanted = units or [u.unit_code for u in publication.units]
        unknown = [code for code in wanted if publication.unit(code) is None]
        if unknown:
            raise NotFound(f"{', '.join(unknown)} not in publication {publication.number} of {year}")
        Path(folder).mkdir(parents=True, exist_ok=True)
        done = []
        for code in wanted:
            try:
                done.append(self._export_one(year, publication.number, code, Path(folder)))
            except (BadInput, NotFound) as exc:
                done.append(PublicationExport(code, None, skipped=exc.message))
        return done

    def _export_one(self, year: int, number: int, unit_code: str, folder: Path) -> PublicationExport:
        view = self.view(year, unit_code, number)
        found = self.s.store.assessments(year, unit_code=unit_code)
        if not found:
            raise NotFound(f"{unit_code} has no assessment in {year} here")
        card = self.s.scores.for_cycle(year=year, unit_code=unit_code).scorecards[0]
        frozen, now = view.result.appraised_points, card.appraised_points if view.result.rank is not None else None
        if frozen is not None and (now is None or abs(round(now, 4) - frozen) > 1e-6):
            raise BadInput(f"{unit_code}: the appraisal changed after publication {number} ({frozen:g} points "
                           f"published, {now if now is not None else 'none'} now): export the latest publication")
        return self._write(found[0].id, view, folder / file_name(unit_code, year, number))

    def _write(self, assessment_id: int, view: UnitPublication, path: Path) -> PublicationExport:
        assessment = next(a for a in self.s.store.assessments(view.cycle, unit_code=view.unit_code)
                          if a.id == assessment_id)
        unit = self.s.units.get(view.unit_code)
        methodology = self.s.methodologies.stored(assessment.methodology_id, assessment.methodology_version)
        signer = self.s.packages.inspector_identity
        draft = PackageDraft(PackageKind.PUBLICATION, unit.code, unit.name.vi, view.cycle, assessment.status,
                             methodology.id, methodology.version, methodology.sha256, self.s.user, signer, (), (),
                             audit_head=self.s.audit.head().text, publication=view)
        content = self.s.store.exchange.write(path, draft, {})
        m = content.manifest
        entry = PackageLogEntry(m.package_id, "out", m.kind.value, unit.code, view.cycle, signer,
                                content.fingerprint, content.manifest_sha256, m.created_at, "exported")

        def remember() -> None:
            self.s.store.packages.log(entry, who=self.s.user)
            if signer not in {k.identity for k in self.s.store.packages.trusted_keys()}:
                self.s.packages.trust(signer, m.public_key, source="own")

        self.s.store.atomically(remember)
        return PublicationExport(unit.code, path, m.package_id, content.fingerprint)

    # ------------------------------------------------------------------------------ the unit's side

    def received(self, year: int, unit_code: str | None = None) -> list[ReceivedPublication]:
        """The publications this (unit's) database received for the cycle, oldest number first."""
        return self.s.store.received.received(year, unit_code)

    def verify(self, year: int) -> list[str]:
        """Received publications whose stored text no longer matches the SHA-256 kept with it (edited behind the
        app's back). Empty: intact."""
        return [f"received publication {r.publication.number} of {year} for {r.publication.unit_code}: changed after "
                f"it was received (package {r.package_id[:8]})" for r in self.received(year) if not r.intact]

    def as_publication(self, year: int) -> Publication | None:
        """The received publications in force, as one publication of the units they are about (a unit's database
        holds its own): what its scorecards and Compare tab rank on when this database published nothing itself."""
        latest: dict[str, UnitPublication] = {}
        for r in self.received(year):
            latest[r.publication.unit_code] = r.publication  # oldest number first: the last one is in force
        if not latest:
            return None
        newest = max(latest.values(), key=lambda v: v.number)
        return Publication(year, newest.number, newest.decision_no, newest.decision_date, newest.reason,
                           tuple(v.result for v in latest.values()), newest.results_sha256, newest.published_at)

    def shown(self, year: int, unit_code: str) -> list[UnitPublication]:
        """What the unit sees, oldest first (the last one is in force): the publications it received, or, in the
        city's own database, its share of each publication made here."""
        received = [r.publication for r in self.received(year, unit_code)]
        if received:
            return received
        return [self.view(year, unit_code, p.number) for p in self.s.publication.all(year) if p.unit(unit_code)]


# ----------------------------------------------------------------------------- taking a package


def check_taken(content: PackageContent, signs_for_unit: bool, known: TrustedKey | None) -> None:
    """Only the unit's own database takes its publication package, and only from an inspector key registered on
    purpose (a key list); never on first use."""
    m = content.manifest
    if not signs_for_unit:
        raise PackageRejected("role", f"the publication package of {m.unit_code} is taken only by {m.unit_code}'s "
                                      f"own database (the one that exported its submission); this database does "
                                      f"not sign for {m.unit_code}")
    if known is None or known.source != KEY_LIST:
        how = "is not registered here" if known is None else f"was registered here by {known.source}"
        raise PackageRejected("key", f"{m.signer}'s key (fingerprint {content.fingerprint}) {how}: a publication is "
                                     "taken only from an inspector key registered on purpose. Import the "
                                     "inspectors' key list (keys import FILE) after checking its fingerprints")


def compare(service: AssessmentService, base: PackagePreview, content: PackageContent,
            methodology: Methodology) -> PackagePreview:
    """new (not held yet), unchanged (this publication is held with the same figures) or conflict (held with
    other figures: a publication never changes), after checking that its figures add up."""
    view = content.publication
    if view is None:  # storage/package_file.py never reads a publication package without one
        return replace(base, outcome=Outcome.REJECTED, rejection="content", reason="no publication in the package")
    found = problems(view, {i.code: i.max_points for i in methodology.indicators})
    if found:
        return replace(base, outcome=Outcome.REJECTED, rejection="content",
                       reason=f"the publication's figures do not add up: {'; '.join(found[:3])}")
    held = {r.publication.number: r for r in service.store.received.received(view.cycle, view.unit_code)}
    same = held.get(view.number)
    if same is not None:
        if same.publication == view:
            return replace(base, outcome=Outcome.UNCHANGED, reason=f"publication {view.number} of {view.cycle} "
                                                                   f"already received ({same.received_at[:16]})")
        return replace(base, outcome=Outcome.CONFLICT,
                       reason=f"publication {view.number} of {view.cycle} is held here with other figures (package "
                              f"{same.package_id[:8]}): a publication never changes; ask the city which is right")
    return replace(base, outcome=Outcome.NEW, reason=describe(view, sorted(held)))


def describe(view: UnitPublication, held: list[int]) -> str:
    r = view.result
    index = "—" if r.appraised_index is None else f"{r.appraised_index:.4f}"
    text = (f"publication {view.number} of {view.cycle} ({view.decision_no}): {rank_text(view, 'en')}, appraised "
            f"index {index}, {len(view.adjustments)} adjusted indicator(s)")
    earlier = [n for n in held if n < view.number]
    if earlier:
        text += f"; supersedes publication {earlier[-1]}"
    if any(n > view.number for n in held):
        text += f"; publication {max(held)} held here stays in force"
    return text


def receive(service: AssessmentService, content: PackageContent) -> str:
    """Keep the package's publication (inside the import's transaction)."""
    view = content.publication
    assert view is not None  # compare() refused a package without one
    from assessment.exchange.publication_format import publication_json

    m = content.manifest
    service.store.received.add(view, dumps(publication_json(view)), package_id=m.package_id, signer=m.signer,
                               fingerprint=content.fingerprint, who=service.user)
    return f"publication {view.number} of {view.cycle} kept: {rank_text(view, 'en')}"

