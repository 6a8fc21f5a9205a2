"""Exchange packages (`service.packages`): a unit exports its submission as one signed file, the inspectors
import hundreds of them, and a returned assessment goes back to the unit the same way.

Import is two steps: `preview` reads and checks each file and says what importing it would do (new, unchanged,
changed, conflict, rejected, with the differences side by side); `apply` writes the previewed packages, each in
one transaction, after checking again under the writer lock that nothing moved in between. A *changed* package
(one that would replace something held here) is written only when accepted, a package signed by a key this
database has not seen only when trusted; nothing is ever overwritten silently.

Trust: each signer identity (a unit code, or inspector:<name>) has one registered key, and a key belongs to one
identity. The first submission from a unit shows the key's fingerprint (read it out over the phone) and is
applied only when that unit's identity is trusted by name (`trust`: the identities, never "everything" from the
command line or the window); a key list (`import_keys`) registers keys ahead. A package signed by another key
than the registered one, or with a key registered for another identity, is rejected. A return is taken only by
the unit's own database (the one that exported its submission) and only from an inspector key registered from a
key list: inspector keys are never trusted on first use.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from assessment.domain.answers import with_confirmations
from assessment.domain.errors import BadInput, NotFound, PackageRejected
from assessment.domain.model import Answer, Assessment
from assessment.domain.workflow import SUBMITTED_STATES, S
from assessment.exchange.package_diff import Outcome, PackagePreview
from assessment.exchange.package_format import INSPECTOR_PREFIX, PackageDraft, PackageKind, fingerprint
from assessment.services.ports import PackageLogEntry, TrustedKey

if TYPE_CHECKING:
    from assessment.service import AssessmentService
    from assessment.services.package_import import Inspector


@dataclass(frozen=True)
class KeyInfo:
    identity: str
    public_key: str
    fingerprint: str


@dataclass(frozen=True)
class ExportResult:
    path: Path
    package_id: str
    kind: str
    signer: str
    fingerprint: str
    answers: int
    evidence_files: int
    notes: int
    key_created: bool


@dataclass(frozen=True)
class ImportResult:
    """What `apply` did with one previewed package."""

    preview: PackagePreview
    applied: bool
    reason: str  # why it was not applied, or what it changed
    held_back: str = ""  # "untrusted" (a new key not trusted) | "unconfirmed" (a change not accepted) | ""


class PackagesArea:
    def __init__(self, service: AssessmentService) -> None:
        self.s = service

    # ---------------------------------------------------------------------------------------- keys

    @property
    def inspector_identity(self) -> str:
        return INSPECTOR_PREFIX + self.s.user

    def own_key(self, identity: str, *, create: bool = False) -> KeyInfo | None:
        """This computer's signing key for `identity` (a unit code or the inspector identity)."""
        public = self.s.store.exchange.public_key(identity, create=create)
        return None if public is None else KeyInfo(identity, public, fingerprint(public))

    def trusted_keys(self) -> list[TrustedKey]:
        return self.s.store.packages.trusted_keys()

    def trust(self, identity: str, public_key: str, *, source: str = "first-use", replace: bool = False) -> bool:
        key = TrustedKey(identity, public_key, fingerprint(public_key), source)
        return self.s.store.packages.trust(key, who=self.s.user, replace=replace)

    def import_keys(self, path: Path, *, replace: bool = False) -> list[tuple[TrustedKey, bool]]:
        """Register the keys of a key list (all or none); (key, True) for each one that was new or replaced."""
        keys = self.s.store.exchange.read_key_list(Path(path))
        return self.s.store.atomically(lambda: [(k, self.s.store.packages.trust(k, who=self.s.user, replace=replace))
                                                for k in keys])

    def export_keys(self, path: Path, identities: Iterable[str] = ()) -> list[TrustedKey]:
        """Write a key list: the named identities' own keys (created if needed), else every trusted key."""
        wanted = list(identities)
        if wanted:
            keys = [TrustedKey(i, k.public_key, k.fingerprint, "own") for i in wanted
                    if (k := self.own_key(i, create=True)) is not None]
        else:
            keys = self.trusted_keys()
        self.s.store.exchange.write_key_list(Path(path), keys)
        return keys

    # -------------------------------------------------------------------------------------- export

    def export(self, *, unit_code: str, year: int, path: Path, who: str | None = None) -> ExportResult:
        """The unit's submission as a signed package (the assessment must be submitted or resubmitted)."""
        assessment = self._assessment(unit_code, year)
        if assessment.status not in SUBMITTED_STATES:
            raise BadInput(f"the {year} assessment of {unit_code} is {assessment.status.value}: submit it before "
                           "exporting it (a package carries a submission)")
        answers = tuple(self.s.store.answers.of(assessment.id))
        files = self.s.store.files_dir()
        evidence: dict[str, Path] = {}
        for item in (e for a in answers for e in a.evidence):
            sha = item.file_sha256
            if not sha:  # evidence without a file
                continue
            path_ = files / sha[:2] / sha
            if not path_.exists():
                raise BadInput(f"the evidence file {item.file_name} ({sha[:12]}…) is missing from {files}")
            evidence[sha] = path_
        return self._write(PackageKind.SUBMISSION, assessment, unit_code, Path(path), answers, evidence, who)

    def export_return(self, *, unit_code: str, year: int, path: Path, who: str | None = None) -> ExportResult:
        """A returned assessment's comments as a package for the unit, signed with the inspector's key."""
        assessment = self._assessment(unit_code, year)
        if assessment.status != S.RETURNED:
            raise BadInput(f"the {year} assessment of {unit_code} is {assessment.status.value}: only a returned "
                           "assessment is sent back to the unit")
        return self._write(PackageKind.RETURN, assessment, self.inspector_identity, Path(path), (), {}, who)

    def _write(self, kind: PackageKind, assessment: Assessment, signer: str, path: Path, answers: tuple[Answer, ...],
               evidence: dict[str, Path], who: str | None) -> ExportResult:
        unit = self.s.units.get(assessment.unit_code)
        methodology = self.s.methodologies.stored(assessment.methodology_id, assessment.methodology_version)
        answers = with_confirmations(methodology, answers)  # stored outside the plausible range = confirmed
        notes = tuple(n for n in self.s.store.review.notes(assessment.id) if n.round > 0)
        created = self.s.store.exchange.public_key(signer) is None
        draft = PackageDraft(kind, unit.code, unit.name.vi, assessment.cycle, assessment.status, methodology.id,
                             methodology.version, methodology.sha256, who or self.s.user, signer, answers, notes,
                             audit_head=self.s.audit.head().text)  # the sender's trail, anchored in the receiver's
        content = self.s.store.exchange.write(path, draft, evidence)
        m = content.manifest
        entry = PackageLogEntry(m.package_id, "out", kind.value, unit.code, assessment.cycle, signer,
                                content.fingerprint, content.manifest_sha256, m.created_at, "exported")

        def remember() -> None:
            self.s.store.packages.log(entry, who=who or self.s.user)
            known = {k.identity: k for k in self.trusted_keys()}
            if signer not in known:  # this database accepts its own packages back
                self.trust(signer, m.public_key, source="own")

        self.s.store.atomically(remember)
        return ExportResult(path, m.package_id, kind.value, signer, content.fingerprint, len(answers), len(evidence),
                            len(notes), created)

    def _assessment(self, unit_code: str, year: int) -> Assessment:
        self.s.units.get(unit_code)
        found = self.s.store.assessments(year, unit_code=unit_code)
        if not found:
            raise NotFound(f"{unit_code} has no assessment in cycle {year}")
        return found[0]

    # -------------------------------------------------------------------------------------- import

    def preview(self, paths: Sequence[Path]) -> list[PackagePreview]:
        """Read and check every file and say what importing it would do; writes nothing."""
        from assessment.services.gc_pause import gc_paused
        from assessment.services.package_import import Inspector

        with gc_paused():
            return Inspector(self.s).preview([Path(p) for p in paths])

    def apply(self, previews: Sequence[PackagePreview], *, accept_changed: bool | Collection[str] = False,
              trust: bool | Collection[str] = False) -> list[ImportResult]:
        """Write the previewed packages that may be written: new ones, changed ones when accepted (True, or their
        package ids), and those signed by a new key only when trusted (the signer identities; True trusts every
        unit of the batch and is for scripts that checked the keys otherwise, the CLI and window never pass it)."""
        from assessment.services.package_import import Inspector

        inspector = Inspector(self.s)
        results: list[ImportResult | None] = []
        writable: list[tuple[int, PackagePreview]] = []
        for preview in previews:
            held_back, refusal = _refusal(preview, accept_changed, trust)
            if refusal:
                results.append(ImportResult(preview, False, refusal, held_back))
            else:
                writable.append((len(results), preview))
                results.append(None)
        from assessment.services.gc_pause import gc_paused

        for batch in _batches(writable):
            with gc_paused():
                outcomes = _apply_batch(inspector, [p for _, p in batch])
            for index, outcome in zip([i for i, _ in batch], outcomes, strict=True):
                results[index] = outcome
        done = [r for r in results if r is not None]
        if any(r.applied for r in done):
            self.s.entry.forget_peers()
        return done

    def import_files(self, paths: Sequence[Path], *, dry_run: bool = False,
                     accept_changed: bool | Collection[str] = False, trust: bool | Collection[str] = False
                     ) -> tuple[list[PackagePreview], list[ImportResult]]:
        previews = self.preview(paths)
        return previews, ([] if dry_run else self.apply(previews, accept_changed=accept_changed, trust=trust))


BATCH = 400  # packages written in one transaction (the writer lock is held that long: about a second)


def _batches(writable: Sequence[tuple[int, PackagePreview]]) -> list[list[tuple[int, PackagePreview]]]:
    """The packages to write, in order, cut into batches that hold each unit and cycle once (a later package of
    the same assessment is written after the batch before it)."""
    batches: list[list[tuple[int, PackagePreview]]] = [[]]
    keys: set[tuple[str, int | None]] = set()
    for item in writable:
        key = (item[1].unit_code, item[1].cycle)
        if key in keys or len(batches[-1]) >= BATCH:
            batches.append([])
            keys.clear()
        batches[-1].append(item)
        keys.add(key)
    return [b for b in batches if b]


def _apply_batch(inspector: Inspector, batch: Sequence[PackagePreview]) -> list[ImportResult]:
    """One batch in one transaction; if writing it fails on something the checks under the lock did not catch,
    each package is tried alone, so one package never costs the others."""
    try:
        outcomes = inspector.apply_batch(batch)
    except BadInput as exc:
        outcomes = [exc] if len(batch) == 1 else [_alone(inspector, p) for p in batch]
    return [_result(p, o) for p, o in zip(batch, outcomes, strict=True)]


def _alone(inspector: Inspector, preview: PackagePreview) -> str | BadInput:
    try:
        return inspector.apply_batch([preview])[0]
    except BadInput as exc:
        return exc


def _result(preview: PackagePreview, outcome: str | BadInput) -> ImportResult:
    if isinstance(outcome, PackageRejected):
        return ImportResult(replace(preview, outcome=Outcome.REJECTED, reason=outcome.message,
                                    rejection=outcome.reason), False, outcome.message)
    if isinstance(outcome, BadInput):
        return ImportResult(preview, False, outcome.message)
    return ImportResult(preview, True, outcome)


def _chosen(choice: bool | Collection[str], key: str) -> bool:
    return choice if isinstance(choice, bool) else key in choice


def _refusal(p: PackagePreview, accept_changed: bool | Collection[str], trust: bool | Collection[str]
             ) -> tuple[str, str]:
    """(what held the package back, the message) for a package that is not to be written; ("", "") otherwise."""
    if p.outcome in (Outcome.UNCHANGED, Outcome.CONFLICT, Outcome.REJECTED):
        return "", p.reason or p.outcome.value  # never empty: these are never written
    if p.needs_trust and not _chosen(trust, p.signer):
        return "untrusted", (f"signed as {p.signer} with a key registered to nobody here (fingerprint "
                             f"{p.fingerprint}): check the fingerprint with {p.signer}, then import again with "
                             f"--trust {p.signer}, or import their key list")
    if p.needs_confirmation and not _chosen(accept_changed, p.package_id):
        return "unconfirmed", f"{p.reason}; not applied: confirm after comparing the differences (--accept-changed)"
    return "", ""
