"""Checking packages against this database and writing them (used by `service.packages`).

Checks, in order, each failure a PackageRejected with its reason: the file itself (storage reads and verifies
it), who signed it (a submission by its unit, a return by an inspector) and with which key (a registered
identity must use its registered key, and a key registered for one identity never signs as another), whether
this database takes the package at all (a return only in the unit's own database, from an inspector key
registered on purpose), the unit (known here) and the cycle (one this database assesses the unit in), the
methodology (the same id, version and SHA-256 as here), and the content (every answer valid for its indicator
and the methodology's rules, a submission complete as the window's Submit requires, every note about one of its
indicators). Then the comparison with what is held here decides new / unchanged / changed / conflict
(assessment.exchange.package_diff).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from assessment.domain.errors import BadInput, NotFound, PackageRejected
from assessment.domain.model import (
    Answer,
    Assessment,
    Methodology,
    TargetSet,
    Unit,
)
from assessment.domain.workflow import RECEIVES_RETURN, RECEIVES_SUBMISSION, SUBMITTED_STATES, S, Step
from assessment.exchange.package_diff import Outcome, PackagePreview, answer_changes, note_changes
from assessment.exchange.package_format import INSPECTOR_PREFIX, PackageContent, PackageKind, receipt_why
from assessment.services import unit_publications
from assessment.services.package_batch import Checked, Held, content_refusals, log_entry, write_batch
from assessment.services.ports import PackageLogEntry, TrustedKey

if TYPE_CHECKING:
    from assessment.service import AssessmentService

EVIDENCE_THREADS = 8  # evidence files copied at once (most of a copy is waiting for the disk)
OWN, KEY_LIST = "own", "key-list"  # TrustedKey.source of this database's own signers / keys registered on purpose


class KeyRing:
    """The keys this database has registered, by identity and by key: a key belongs to exactly one identity."""

    def __init__(self, keys: Sequence[TrustedKey]) -> None:
        self.by_identity: dict[str, TrustedKey] = {k.identity: k for k in keys}
        self.by_key: dict[str, TrustedKey] = {k.public_key: k for k in keys}

    def add(self, key: TrustedKey) -> None:
        """A key registered by a package earlier in the batch being written."""
        self.by_identity[key.identity] = key
        self.by_key[key.public_key] = key

    def get(self, identity: str) -> TrustedKey | None:
        return self.by_identity.get(identity)

    def owner(self, public_key: str) -> str:
        """The identity this key is registered to here ("" when none)."""
        known = self.by_key.get(public_key)
        return known.identity if known else ""

    def signs_for(self, unit_code: str) -> bool:
        """Whether this database is the unit's own: it signed the unit's submission itself (the unit's key is
        registered here as "own", recorded by the first export). The inspectors' database registers a unit's key
        from its packages or key list, never as "own"."""
        known = self.by_identity.get(unit_code)
        return known is not None and known.source == OWN


class Inspector:
    """Previews and applies packages for one service (one database)."""

    def __init__(self, service: AssessmentService) -> None:
        self.s = service
        self._methodologies: dict[str, Methodology | None] = {}
        self._cycles: list[int] | None = None
        self._targets: TargetSet | None = None
        self._held: Held | None = None  # what the database holds for the packages being checked
        self._new_assessments: dict[tuple[str, int], str] = {}  # (unit kind, cycle) -> methodology key
        self._shapes: dict[tuple[int, str], PackageRejected | None] = {}  # see package_batch.content_refusals

    def hold(self, contents: Sequence[PackageContent]) -> None:
        """Read what the database holds for these packages, and check their content, all at once (classify
        then reads from it): at the preview, and again under the writer lock before a batch is written."""
        held = Held.read(self.s, contents)
        if self._held is None:
            self._held = held
        else:  # another package checked alone: what the batch read stays
            self._held.add(held)
        checked = []
        for content in contents:
            try:
                checked.append((content, *self._check_target(content)[:2]))
            except PackageRejected:
                continue  # classify says why
        if self._targets is None:
            self._targets = self.s.targets.active()
        self._held.refusals.update(content_refusals(checked, self._targets, self._shapes))

    # ------------------------------------------------------------------------------------- preview

    def preview(self, paths: Sequence[Path]) -> list[PackagePreview]:
        read: list[tuple[Path, PackageContent | PackageRejected]] = []
        for path in paths:
            try:
                read.append((path, self.s.store.exchange.read(path)))
            except PackageRejected as exc:
                read.append((path, exc))
        contents = [c for _, c in read if isinstance(c, PackageContent)]
        logged = self.s.store.packages.logged([c.manifest.package_id for c in contents])
        self.hold([c for c in contents if c.manifest.package_id not in logged])  # a logged one is decided by its id
        keys = KeyRing(self.s.store.packages.trusted_keys())
        newest: dict[tuple[str, int, PackageKind, int], PackageContent] = {}
        for content in contents:  # two packages for the same unit, cycle and kind: only the newest counts
            key = _series(content)
            if key not in newest or content.manifest.created_at > newest[key].manifest.created_at:
                newest[key] = content
        previews = []
        for path, c in read:
            if isinstance(c, PackageRejected):
                previews.append(PackagePreview(path, Outcome.REJECTED, c.message, rejection=c.reason))
                continue
            preview = self.classify(c, logged, keys)
            winner = newest[_series(c)]
            if winner is not c and preview.outcome in (Outcome.NEW, Outcome.CHANGED):
                preview = replace(preview, outcome=Outcome.CONFLICT,
                                  reason=f"a newer package for {c.manifest.unit_code} {c.manifest.cycle} is in this "
                                         f"import ({winner.path.name})")
            previews.append(preview)
        return _one_identity_per_new_key(previews)

    def classify(self, content: PackageContent, logged: Mapping[str, PackageLogEntry], keys: KeyRing, *,
                 check_content: bool = True) -> PackagePreview:
        m = content.manifest
        base = PackagePreview(content.path, Outcome.REJECTED, "", package_id=m.package_id, kind=m.kind.value,
                              unit_code=m.unit_code, unit_name=m.unit_name, cycle=m.cycle, author=m.author,
                              created_at=m.created_at, signer=m.signer, fingerprint=content.fingerprint,
                              key_owner=keys.owner(m.public_key), state_incoming=m.state, content=content)
        try:
            base = replace(base, key_status=self._check_signer(content, keys))
            earlier = logged.get(m.package_id)
            if earlier is not None:
                if earlier.manifest_sha256 != content.manifest_sha256:
                    raise PackageRejected("content", "another package with the same id was imported before: "
                                                     "this one was altered or forged")
                return replace(base, outcome=Outcome.UNCHANGED, reason=f"already imported ({earlier.logged_at[:16]}"
                                                                       f" by {earlier.logged_by})")
            unit, methodology, assessment = self._check_target(content)
            if check_content:  # what the package says does not change between preview and apply
                self._check_content(content, unit, methodology)
        except PackageRejected as exc:
            return replace(base, outcome=Outcome.REJECTED, reason=exc.message, rejection=exc.reason)
        base = replace(base, state_here=assessment.status if assessment else None)
        last = self._holding(content).last_applied.get((m.unit_code, m.cycle, m.kind.value))
        if last is not None and m.created_at <= last and m.kind != PackageKind.PUBLICATION:
            return replace(base, outcome=Outcome.CONFLICT,
                           reason=f"older than the package of {last[:16]} already imported for {m.unit_code} {m.cycle}")
        return self._compare(base, content, methodology, assessment)

    def _check_signer(self, content: PackageContent, keys: KeyRing) -> str:
        m = content.manifest
        if m.kind == PackageKind.SUBMISSION and (m.signer != m.unit_code or m.state not in SUBMITTED_STATES):
            raise PackageRejected("signer", f"a submission of {m.unit_code} must be signed with {m.unit_code}'s own "
                                            f"key and be submitted; this one is signed by {m.signer!r} ({m.state})")
        if m.kind == PackageKind.RETURN and (not m.signer.startswith(INSPECTOR_PREFIX) or m.state != S.RETURNED):
            raise PackageRejected("signer", f"a return must be signed by an inspector; this one is signed by "
                                            f"{m.signer!r} ({m.state})")
        if m.kind == PackageKind.PUBLICATION and not m.signer.startswith(INSPECTOR_PREFIX):
            raise PackageRejected("signer", f"a publication must be signed by an inspector; this one is signed by "
                                            f"{m.signer!r}")
        owner = keys.owner(m.public_key)
        if owner and owner != m.signer:
            raise PackageRejected("key", f"signed as {m.signer} with the key registered here for {owner} (fingerprint "
                                         f"{content.fingerprint}): a key belongs to one identity, so {owner} cannot "
                                         f"sign for {m.signer}. Refuse the file and tell {m.signer}")
        known = keys.get(m.signer)
        if known is not None and known.public_key != m.public_key:
            raise PackageRejected("key", f"signed with a key that is not {m.signer}'s: the key registered here has "
                                         f"fingerprint {known.fingerprint}, this package's {content.fingerprint}. If "
                                         f"{m.signer} really has a new key, check it with them and register it "
                                         "(keys import --replace); otherwise refuse the file")
        if m.kind == PackageKind.RETURN:
            self._check_return_taken(content, keys, known)
        if m.kind == PackageKind.PUBLICATION:
            unit_publications.check_taken(content, keys.signs_for(m.unit_code), known)
        return "new" if known is None else "known"

    @staticmethod
    def _check_return_taken(content: PackageContent, keys: KeyRing, known: TrustedKey | None) -> None:
        """A return moves the unit's own copy back to it: only the unit's database takes one, and only from an
        inspector key registered there on purpose (a key list), never trusted on first use."""
        m = content.manifest
        if not keys.signs_for(m.unit_code):
            raise PackageRejected("role", f"a return of {m.unit_code} is taken only by {m.unit_code}'s own database "
                                          f"(the one that exported its submission); this database does not sign for "
                                          f"{m.unit_code}, so it never takes a return")
        if known is None or known.source != KEY_LIST:
            how = "is not registered here" if known is None else f"was registered here by {known.source}"
            raise PackageRejected("key", f"{m.signer}'s key (fingerprint {content.fingerprint}) {how}: a return is "
                                         "taken only from an inspector key registered on purpose. Import the "
                                         "inspectors' key list (keys import FILE) after checking its fingerprints "
                                         "with them")

    def _check_target(self, content: PackageContent) -> tuple[Unit, Methodology, Assessment | None]:
        m = content.manifest
        held = self._holding(content)
        unit = held.units.get(m.unit_code)
        if unit is None:
            raise PackageRejected("unknown_unit", f"unit {m.unit_code} ({m.unit_name}) is unknown to this database")
        assessment = held.assessments.get((unit.code, m.cycle))
        methodology = self._methodology(m.methodology_id, m.methodology_version)
        if methodology is None:
            raise PackageRejected("methodology", f"methodology {m.methodology_key} is unknown to this database")
        if methodology.sha256 != m.methodology_sha256:
            raise PackageRejected("methodology", f"methodology hash mismatch: the package was made with "
                                                 f"{m.methodology_key} sha256 {m.methodology_sha256[:12]}…, this "
                                                 f"database has {methodology.sha256[:12]}…")
        if assessment is not None:
            expected = f"{assessment.methodology_id}@{assessment.methodology_version}"
        else:
            expected = self._expected_methodology(unit, m.cycle)
        if expected != m.methodology_key:
            raise PackageRejected("methodology", f"{unit.code} is assessed with {expected} in {m.cycle} here; the "
                                                 f"package uses {m.methodology_key}")
        return unit, methodology, assessment

    def _expected_methodology(self, unit: Unit, year: int) -> str:
        from assessment.domain.cycles import cycle_day

        if self._cycles is None:
            self._cycles = self.s.entry.cycles()
        if year not in self._cycles:
            raise PackageRejected("unknown_cycle", f"cycle {year} is unknown to this database")
        if not unit.active_on(cycle_day(year)):
            raise PackageRejected("unknown_cycle", f"{unit.code} did not exist in cycle {year}: that cycle is unknown "
                                                   "for this unit here")
        try:
            return self._for_unit(unit, year)
        except NotFound as exc:
            raise PackageRejected("unknown_cycle", f"cycle {year} is unknown for {unit.code} here: "
                                                   f"{exc.message}") from None

    def _for_unit(self, unit: Unit, year: int) -> str:
        """The methodology a new assessment of the unit would take (per unit kind and cycle, once per batch)."""
        key = (unit.kind.value, year)
        if key not in self._new_assessments:
            self._new_assessments[key] = self.s.methodologies.for_unit(unit, year).key
        return self._new_assessments[key]

    def _methodology(self, ident: str, version: str) -> Methodology | None:
        key = f"{ident}@{version}"
        if key not in self._methodologies:
            self._methodologies[key] = methodology_of(self.s, ident, version)
        return self._methodologies[key]

    def _holding(self, content: PackageContent) -> Held:
        """What the database holds for the packages being checked (read now for a package checked alone)."""
        if self._held is None or id(content) not in self._held.covered:
            self.hold([content])
        assert self._held is not None
        return self._held

    def _check_content(self, content: PackageContent, unit: Unit, methodology: Methodology) -> None:
        """Every answer valid for its indicator, the methodology's rules, a submission complete (see
        package_batch.content_refusals: checked for the whole batch at once by `hold`)."""
        held = self._holding(content)
        if id(content) not in held.refusals:
            if self._targets is None:
                self._targets = self.s.targets.active()
            held.refusals.update(content_refusals([(content, unit, methodology)], self._targets, self._shapes))
        refusal = held.refusals[id(content)]
        if refusal is not None:
            raise refusal

    def _compare(self, base: PackagePreview, content: PackageContent, methodology: Methodology,
                 assessment: Assessment | None) -> PackagePreview:
        m = content.manifest
        if m.kind == PackageKind.PUBLICATION:
            return unit_publications.compare(self.s, base, content, methodology)
        submission = m.kind == PackageKind.SUBMISSION
        if assessment is None and not submission:
            return replace(base, outcome=Outcome.CONFLICT,
                           reason=f"no {m.cycle} assessment of {m.unit_code} here for this return to apply to")
        held = self._holding(content)
        stored: dict[str, Answer] = {a.indicator_code: a for a in held.answers.get(assessment.id, [])} \
            if assessment else {}
        notes_here = held.notes.get(assessment.id, []) if assessment else []
        answers = answer_changes(methodology, stored, {a.indicator_code: a for a in content.answers}) \
            if submission else []
        notes = note_changes(notes_here, content.notes, "reply" if submission else "comment")
        base = replace(base, answers=tuple(answers), notes=tuple(notes))
        here = assessment.status if assessment else None
        if not answers and not notes and here == m.state:
            return replace(base, outcome=Outcome.UNCHANGED, reason="the same as held here")
        if here not in (RECEIVES_SUBMISSION if submission else RECEIVES_RETURN):
            return replace(base, outcome=Outcome.CONFLICT,
                           reason=f"the assessment is {here.value if here else 'missing'} here: "
                                  + ("return it to the unit before accepting a new submission" if submission
                                     else "a return applies only to a submitted assessment"))
        replaced = sum(c.overwrites for c in answers) + sum(n.overwrites for n in notes)
        what = (f"{len(answers)} answer(s), {len(notes)} note(s) differ from those held here"
                if submission else f"{len(notes)} comment(s) from {m.signer}")
        if replaced:
            return replace(base, outcome=Outcome.CHANGED, reason=f"{what}; {replaced} would replace what is held here")
        first = "first submission" if submission and not stored else what
        return replace(base, outcome=Outcome.NEW, reason=first)

    # --------------------------------------------------------------------------------------- apply

    def apply(self, preview: PackagePreview) -> str:
        """Write one previewed package in one transaction (see apply_batch)."""
        outcome = self.apply_batch([preview])[0]
        if isinstance(outcome, BadInput):
            raise outcome
        return outcome

    def apply_batch(self, previews: Sequence[PackagePreview]) -> list[str | BadInput]:
        """Write previewed packages, at most one per unit and cycle, in one transaction: under the writer lock,
        every package is first classified again (signer, key, target, rules, completeness, and what the database
        holds, against what the preview compared), then those that still match are written together. A package
        that no longer matches gets its BadInput (nothing of it is written) and the others are written; an error
        while writing rolls the whole batch back. What each package did (or why not), in order."""
        for preview in previews:
            if preview.content is None:
                raise BadInput(f"{preview.path.name}: nothing to apply")
        contents = [p.content for p in previews if p.content is not None]
        for preview in previews:  # a package previewed new or changed passed the answer checks that read only it
            if preview.content is not None and preview.outcome in (Outcome.NEW, Outcome.CHANGED):
                self._shapes[(id(preview.content), preview.content.manifest.methodology_key)] = None
        pool = ThreadPoolExecutor(max_workers=EVIDENCE_THREADS)
        copying = self._copy_evidence(contents, pool)  # while the packages are checked again

        def work() -> list[str | BadInput]:
            self._targets = self._cycles = self._held = None  # read again under the lock: the rules read targets
            self._new_assessments.clear()
            self.hold(contents)
            logged = self.s.store.packages.logged([c.manifest.package_id for c in contents])
            keys = KeyRing(self.s.store.packages.trusted_keys())
            outcomes: list[str | BadInput] = []
            checked: list[tuple[int, Checked]] = []
            for preview in previews:
                content = preview.content
                assert content is not None
                fresh = self.classify(content, logged, keys)
                if (fresh.outcome, fresh.answers, fresh.notes, fresh.state_here) != \
                        (preview.outcome, preview.answers, preview.notes, preview.state_here):
                    outcomes.append(BadInput(f"{preview.path.name}: the database changed since the preview "
                                             f"({fresh.reason}); preview the import again"))
                    continue
                failed = copying()[id(content)]
                if failed is not None:  # its evidence files could not be put beside the database
                    outcomes.append(failed)
                    continue
                checked.append((len(outcomes), Checked(content, preview.outcome.value, fresh.key_status == "new")))
                if fresh.key_status == "new":  # what its write registers, for the packages after it
                    keys.add(TrustedKey(content.manifest.signer, content.manifest.public_key, content.fingerprint,
                                        "first-use"))
                outcomes.append("")
            self._write_checked(checked, outcomes)
            return outcomes

        try:
            return self.s.store.atomically(work)
        finally:
            pool.shutdown(wait=True, cancel_futures=True)

    def _write_checked(self, checked: Sequence[tuple[int, Checked]], outcomes: list[str | BadInput]) -> None:
        submissions = [item for _, item in checked if item.content.manifest.kind == PackageKind.SUBMISSION]
        methodologies = {c.content.manifest.methodology_key: self._methodology(c.content.manifest.methodology_id,
                                                                               c.content.manifest.methodology_version)
                         for c in submissions}
        assert self._held is not None and all(methodologies.values())
        done = write_batch(self.s, submissions, {k: m for k, m in methodologies.items() if m}, self._held) \
            if submissions else {}
        for index, item in checked:
            if item.content.manifest.kind == PackageKind.SUBMISSION:
                outcomes[index] = done[id(item.content)]
                continue
            m = item.content.manifest
            if item.new_key:
                self.s.store.packages.trust(TrustedKey(m.signer, m.public_key, item.content.fingerprint,
                                                       "first-use"), who=self.s.user)
            outcomes[index] = unit_publications.receive(self.s, item.content) \
                if m.kind == PackageKind.PUBLICATION else self._write_return(item.content)
            self.s.store.packages.log(log_entry(item.content, item.outcome), who=self.s.user)

    def _copy_evidence(self, contents: Sequence[PackageContent], pool: ThreadPoolExecutor
                       ) -> Callable[[], dict[int, PackageRejected | None]]:
        """Evidence files go beside the database under their SHA-256 before it names them: content-addressed,
        so a file left by an import that then fails is harmless and the next import finds it in place. Copied by
        a few threads (each file synced to disk: the waits overlap, and overlap the checks under the lock).
        Returns the wait for id(content) -> why its evidence could not be copied (None: copied)."""
        folder = self.s.store.files_dir()
        wanted: dict[str, tuple[PackageContent, Path]] = {}
        for content in contents:
            for sha in sorted(content.evidence_hashes):
                target = folder / sha[:2] / sha
                if sha not in wanted and not target.exists():
                    wanted[sha] = (content, target)

        def copy(sha: str) -> PackageRejected | None:
            content, target = wanted[sha]
            try:
                self.s.store.exchange.extract_evidence(content, sha, target)
            except PackageRejected as exc:
                return exc
            return None

        futures = {sha: pool.submit(copy, sha) for sha in wanted}
        done: dict[int, PackageRejected | None] = {}

        def wait() -> dict[int, PackageRejected | None]:
            if not done:
                failures = {sha: failed for sha, future in futures.items() if (failed := future.result())}
                done.update({id(c): next((failures[sha] for sha in sorted(c.evidence_hashes) if sha in failures),
                                         None) for c in contents})
            return done

        return wait

    def _write_return(self, content: PackageContent) -> str:
        m = content.manifest
        (assessment,) = self.s.store.assessments(m.cycle, unit_code=m.unit_code)
        comments = self.s.store.review.merge_notes(assessment.id, content.notes, take="comment", who=self.s.user)
        self.s.store.transition(assessment.id, S.RETURNED, RECEIVES_RETURN, who=self.s.user,
                                why=receipt_why(m.package_id, m.signer), step=Step.RECEIVE_RETURN.value)
        return f"{comments} comment(s) from {m.signer}; now returned for correction"


def _series(content: PackageContent) -> tuple[str, int, PackageKind, int]:
    """What a newer package of the same series replaces: the unit, cycle and kind (and a publication's number:
    each publication is kept)."""
    m = content.manifest
    number = content.publication.number if content.publication is not None else 0
    return m.unit_code, m.cycle, m.kind, number


def _one_identity_per_new_key(previews: list[PackagePreview]) -> list[PackagePreview]:
    """Packages of one import signed with the same key new to this database under different identities: none
    of them may register that key (it would then belong to two identities)."""
    identities: dict[str, set[str]] = {}
    for p in previews:
        if p.needs_trust and p.content is not None:
            identities.setdefault(p.content.manifest.public_key, set()).add(p.signer)
    shared = {key: sorted(names) for key, names in identities.items() if len(names) > 1}
    if not shared:
        return previews
    out = []
    for p in previews:
        names = shared.get(p.content.manifest.public_key, []) if p.needs_trust and p.content else []
        if names:
            p = replace(p, outcome=Outcome.REJECTED, rejection="key",
                        reason=f"the same key (fingerprint {p.fingerprint}) signs as {' and '.join(names)} in this "
                               "import: a key belongs to one identity; refuse these files")
        out.append(p)
    return out


def methodology_of(service: AssessmentService, ident: str, version: str) -> Methodology | None:
    """The methodology a package names, as this database knows it: stored, else shipped."""
    for row in service.store.stored_methodologies():
        if row.id == ident and row.version == version:
            return service.methodologies.stored(ident, version)
    return next((m for m in service.methodologies.available() if m.id == ident and m.version == version), None)
