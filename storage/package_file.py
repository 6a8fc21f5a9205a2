"""Exchange packages on disk: writing a signed `.dxpkg` zip, and reading one back with every check made
before anything is trusted (what it carries is described in assessment/exchange/package_format.py).

Reading refuses, with PackageRejected and its reason: a file that is not a sound zip (corrupt, truncated,
encrypted, unknown compression); entry names that are absolute, contain `..`, backslashes or drive letters,
repeat, or are links; too many entries, an entry or the total over the size limits, whatever the zip's headers
claim (every read is capped); an unknown format version; a missing or bad signature; an entry that is not listed
in the signed manifest or does not match its hash there. Nothing is extracted to disk while reading;
`extract_evidence` later streams one checked evidence file to its place.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import re
import stat
import struct
import uuid
import zipfile
import zlib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from assessment.domain.errors import BadInput, PackageRejected
from assessment.domain.text_limits import normalise, text_problem
from assessment.domain.unit_publication import UnitPublication
from assessment.exchange import package_format as fmt
from assessment.services.ports import TrustedKey
from storage.keys import KeyFolder, verify

MANIFEST, SIGNATURE, ANSWERS, REVIEW, EVIDENCE = "manifest.json", "manifest.sig", "answers.json", "review.json", \
    "evidence/"
PUBLICATION = "publication.json"  # the publication kind's one part (assessment/exchange/publication_format.py)
_EVIDENCE_NAME = re.compile(r"^evidence/[0-9a-f]{64}$")
_ZIP_ERRORS = (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError, RuntimeError, ValueError,
               struct.error, UnicodeDecodeError, OverflowError, zipfile.LargeZipFile)
_FIXED_TIME = (2000, 1, 1, 0, 0, 0)
BLOCK = 1 << 20


@dataclass(frozen=True)
class Limits:
    """What a package may hold. A commune's submission with scanned documents is typically 5–200 MB."""

    file_bytes: int = 1 << 30  # the .dxpkg file itself
    entries: int = 5_000
    entry_bytes: int = 200 << 20  # one evidence file, unpacked
    total_bytes: int = 1 << 30  # everything unpacked
    json_bytes: int = 32 << 20  # manifest.json, answers.json, review.json each
    publication_bytes: int = 2 << 20  # publication.json: one unit's result and adjustments (a few kB; reasons ≤ 2k)


class PackageFiles:
    """assessment.services.ports.Exchange over zip files and a KeyFolder."""

    def __init__(self, keys: KeyFolder | None = None, limits: Limits | None = None) -> None:
        self.keys = keys or KeyFolder()
        self.limits = limits or Limits()

    # --------------------------------------------------------------------------------------- keys

    def public_key(self, identity: str, *, create: bool = False) -> str | None:
        return self.keys.public_key(identity, create=create)

    def read_key_list(self, path: Path) -> list[TrustedKey]:
        try:
            data = json.loads(_read_small_file(Path(path), KEY_LIST_BYTES))
        except OSError as exc:
            raise BadInput(f"{path}: cannot be read ({exc.strerror or exc})") from None
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise BadInput(f"{path}: not a dxscore key list ({exc.__class__.__name__})") from None
        if not isinstance(data, dict) or data.get("format") != "dxscore-keys" or not isinstance(data.get("keys"), list):
            raise BadInput(f"{path}: not a dxscore key list (format 'dxscore-keys' with a list of keys)")
        keys = []
        for n, item in enumerate(data["keys"], start=1):
            if not isinstance(item, dict) or not all(isinstance(item.get(k), str) for k in ("identity", "public_key")):
                raise BadInput(f"{path}: key {n} needs an identity and a public_key")
            try:
                fmt._check_key(item["public_key"])
            except PackageRejected:
                raise BadInput(f"{path}: key {n} ({item['identity']}) is not an Ed25519 public key") from None
            problem = text_problem(item["identity"], "user", required=True)
            if problem:
                raise BadInput(f"{path}: key {n}: the identity {problem}")
            printed = fmt.fingerprint(item["public_key"])
            if item.get("fingerprint") not in (None, printed):
                raise BadInput(f"{path}: key {n} ({item['identity']}): the fingerprint in the list does not match the "
                               f"key ({printed}); the list was altered or mistyped")
            keys.append(TrustedKey(normalise(item["identity"], False), item["public_key"], printed, "key-list"))
        return keys

    def write_key_list(self, path: Path, keys: Sequence[TrustedKey]) -> None:
        data = {"format": "dxscore-keys", "format_version": 1,
                "keys": [{"identity": k.identity, "public_key": k.public_key, "fingerprint": k.fingerprint}
                         for k in keys]}
        _atomic_write(Path(path), json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8"))

    # -------------------------------------------------------------------------------------- write

    def write(self, path: Path, draft: fmt.PackageDraft, evidence: Mapping[str, Path]) -> fmt.PackageContent:
        """Write a signed package (evidence: sha256 -> the file kept beside the database)."""
        parts: dict[str, bytes] = {REVIEW: fmt.dumps(fmt.notes_json(draft.notes))}
        if draft.kind == fmt.PackageKind.SUBMISSION:
            parts[ANSWERS] = fmt.dumps(fmt.answers_json(draft.answers))
        if draft.kind == fmt.PackageKind.PUBLICATION:
            parts = {PUBLICATION: _publication_bytes(draft)}
        entries = {name: fmt.EntryInfo(hashlib.sha256(data).hexdigest(), len(data)) for name, data in parts.items()}
        for sha, file in sorted(evidence.items()):
            entries[EVIDENCE + sha] = fmt.EntryInfo(*_file_digest(file, sha))
        manifest = fmt.Manifest(
            package_id=str(uuid.uuid4()), kind=draft.kind, app_version=draft.app_version, created_at=fmt.utc_now(),
            author=draft.author, signer=draft.signer, public_key=self.keys.public_key(draft.signer, create=True) or "",
            unit_code=draft.unit_code, unit_name=draft.unit_name, cycle=draft.cycle, state=draft.state,
            methodology_id=draft.methodology_id, methodology_version=draft.methodology_version,
            methodology_sha256=draft.methodology_sha256, entries=entries, audit_head=draft.audit_head)
        manifest_bytes = fmt.dumps(fmt.manifest_dict(manifest))
        signature = self.keys.sign(draft.signer, manifest_bytes)
        path = Path(path)
        part = path.with_name(path.name + ".part")
        try:
            with zipfile.ZipFile(part, "w") as archive:
                for name, data in ((MANIFEST, manifest_bytes), (SIGNATURE, signature), *sorted(parts.items())):
                    archive.writestr(zipfile.ZipInfo(name, _FIXED_TIME), data, compress_type=zipfile.ZIP_DEFLATED)
                for sha, file in sorted(evidence.items()):
                    with open(file, "rb") as source, \
                            archive.open(zipfile.ZipInfo(EVIDENCE + sha, _FIXED_TIME), "w") as out:
                        for block in iter(lambda: source.read(BLOCK), b""):
                            out.write(block)
            _fsync(part)
            os.replace(part, path)
        finally:
            part.unlink(missing_ok=True)  # a full disk or an error leaves no half-written package behind
        return fmt.PackageContent(path, manifest, hashlib.sha256(manifest_bytes).hexdigest(), draft.answers,
                                  draft.notes, draft.publication)

    # --------------------------------------------------------------------------------------- read

    def read(self, path: Path) -> fmt.PackageContent:
        path = Path(path)
        try:
            info = path.stat()
        except OSError as exc:
            raise PackageRejected("corrupt", f"{path.name}: cannot be read ({exc.strerror or exc})") from None
        if not stat.S_ISREG(info.st_mode):  # /dev/zero or a FIFO would never end or never start
            raise PackageRejected("corrupt", f"{path.name}: not a regular file (a device, pipe or folder); "
                                             "nothing was read")
        size = info.st_size
        if size > self.limits.file_bytes:
            raise PackageRejected("too_large", f"{path.name}: {size / 1e6:.0f} MB is over the package limit of "
                                               f"{self.limits.file_bytes / 1e6:.0f} MB")
        declared = _declared_entries(path)  # before zipfile builds an object for each of millions of entries
        if declared is not None and declared > self.limits.entries:
            raise PackageRejected("too_large", f"{declared} entries: over the limit of {self.limits.entries}")
        try:
            with zipfile.ZipFile(path) as archive:
                return self._read(path, archive)
        except PackageRejected:
            raise
        except _ZIP_ERRORS as exc:
            raise PackageRejected("corrupt", f"{path.name}: not a sound package file (truncated or damaged: "
                                             f"{exc.__class__.__name__}: {str(exc)[:120]})") from None

    def _read(self, path: Path, archive: zipfile.ZipFile) -> fmt.PackageContent:
        infos = self._check_entries(archive)
        manifest_bytes = _capped(archive, infos.get(MANIFEST), self.limits.json_bytes, MANIFEST)
        manifest = fmt.manifest_from(fmt.loads(manifest_bytes, MANIFEST))  # the format version first
        for name in infos:
            if name not in (MANIFEST, SIGNATURE, ANSWERS, REVIEW, PUBLICATION) and not _EVIDENCE_NAME.match(name):
                raise PackageRejected("corrupt", f"unexpected entry {name[:80]!r} in the package")
        if SIGNATURE not in infos:
            raise PackageRejected("signature", "the package is not signed (it has no manifest.sig)")
        signature = _capped(archive, infos[SIGNATURE], 1024, SIGNATURE)
        if not verify(manifest.public_key, signature, manifest_bytes):
            raise PackageRejected("signature", "the signature does not match the manifest (the package was altered "
                                               "after signing, or signed with another key)")
        listed = set(manifest.entries)
        present = set(infos) - {MANIFEST, SIGNATURE}
        if listed != present:
            odd = sorted(present ^ listed)[:3]
            raise PackageRejected("signature", f"the package's entries differ from its signed manifest "
                                               f"({', '.join(odd)[:120]})")
        parts = {}
        for name in sorted(listed):
            cap = self._cap(name)
            data = _checked(archive, infos[name], manifest.entries[name], cap, keep=not name.startswith(EVIDENCE))
            if data is not None:
                parts[name] = data
        answers = fmt.answers_from(fmt.loads(parts[ANSWERS], ANSWERS)) if ANSWERS in parts else ()
        notes = fmt.notes_from(fmt.loads(parts[REVIEW], REVIEW)) if REVIEW in parts else ()
        publication = _publication_part(manifest, parts)
        content = fmt.PackageContent(path, manifest, hashlib.sha256(manifest_bytes).hexdigest(), answers, notes,
                                     publication)
        missing = sorted(sha for sha in content.evidence_hashes if EVIDENCE + sha not in listed)
        if missing:
            raise PackageRejected("content", f"evidence file {missing[0][:12]}… is named in the answers but not in "
                                             "the package")
        return content

    def _check_entries(self, archive: zipfile.ZipFile) -> dict[str, zipfile.ZipInfo]:
        infos = archive.infolist()
        if len(infos) > self.limits.entries:
            raise PackageRejected("too_large", f"{len(infos)} entries: over the limit of {self.limits.entries}")
        found: dict[str, zipfile.ZipInfo] = {}
        total = 0
        for info in infos:
            name = info.orig_filename
            _check_name(name)
            if name in found:
                raise PackageRejected("corrupt", f"entry {name!r} appears twice")
            if stat.S_ISLNK(info.external_attr >> 16):
                raise PackageRejected("unsafe_path", f"entry {name!r} is a link")
            if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED) or info.flag_bits & 0x1:
                raise PackageRejected("corrupt", f"entry {name!r} is encrypted or uses an unsupported compression")
            cap = self._cap(name)
            if info.file_size > cap:
                raise PackageRejected("too_large", f"entry {name!r} unpacks to {info.file_size / 1e6:.1f} MB: over "
                                                   f"the limit of {cap / 1e6:.0f} MB")
            total += info.file_size
            if total > self.limits.total_bytes:
                raise PackageRejected("too_large", f"the package unpacks to more than the limit of "
                                                   f"{self.limits.total_bytes / 1e6:.0f} MB")
            found[name] = info
        return found

    def _cap(self, name: str) -> int:
        """What one entry may unpack to, by its name."""
        if name == PUBLICATION:
            return self.limits.publication_bytes
        return self.limits.entry_bytes if _EVIDENCE_NAME.match(name) else self.limits.json_bytes

    def extract_evidence(self, content: fmt.PackageContent, sha256: str, target: Path) -> None:
        """Copy one evidence file out of a verified package to `target`, checking its hash again (the file may
        have changed since it was read); written beside and moved into place."""
        entry = content.manifest.entries.get(EVIDENCE + sha256)
        if entry is None:
            raise PackageRejected("content", f"evidence {sha256[:12]}… is not in the package")
        target.parent.mkdir(parents=True, exist_ok=True)
        part = target.with_name(f"{target.name}.{os.getpid()}.part")
        try:
            with zipfile.ZipFile(content.path) as archive, open(part, "wb") as out:
                info = archive.getinfo(EVIDENCE + sha256)
                _checked(archive, info, entry, self.limits.entry_bytes, keep=False, sink=out.write)
            _fsync(part)
            os.replace(part, target)
        except PackageRejected:
            part.unlink(missing_ok=True)
            raise
        except _ZIP_ERRORS as exc:
            part.unlink(missing_ok=True)
            raise PackageRejected("corrupt", f"{content.path.name} changed or is damaged since it was checked "
                                             f"({exc.__class__.__name__})") from None


def with_limits(files: PackageFiles, **limits: int) -> PackageFiles:
    """The same package files with other limits (tests)."""
    return PackageFiles(files.keys, dataclasses.replace(files.limits, **limits))


def _publication_bytes(draft: fmt.PackageDraft) -> bytes:
    from assessment.exchange.publication_format import publication_json

    if draft.publication is None:
        raise BadInput("a publication package needs the unit's publication")
    return fmt.dumps(publication_json(draft.publication))


def _publication_part(manifest: fmt.Manifest, parts: Mapping[str, bytes]) -> UnitPublication | None:
    """The publication a publication package carries, read strictly; a package of another kind carries none, and
    a publication package carries nothing else (no answers, notes or evidence)."""
    from assessment.exchange.publication_format import publication_from

    if manifest.kind != fmt.PackageKind.PUBLICATION:
        if PUBLICATION in parts:
            raise PackageRejected("content", f"a {manifest.kind.value} package carries no {PUBLICATION}")
        return None
    if set(manifest.entries) != {PUBLICATION}:
        raise PackageRejected("content", f"a publication package carries {PUBLICATION} and nothing else")
    publication = publication_from(fmt.loads(parts[PUBLICATION], PUBLICATION))
    if (publication.unit_code, publication.cycle) != (manifest.unit_code, manifest.cycle):
        raise PackageRejected("content", f"{PUBLICATION} is about {publication.unit_code} {publication.cycle}, the "
                                         f"signed manifest about {manifest.unit_code} {manifest.cycle}")
    return publication


def _declared_entries(path: Path) -> int | None:
    """The entry count the zip's end record declares (None when there is no readable end record)."""
    # zipfile's own end-record reader, private and so absent from typeshed: the count without ZipFile's entry list.
    try:
        with open(path, "rb") as handle:
            end = zipfile._EndRecData(handle)  # type: ignore[attr-defined]
    except (OSError, ValueError, struct.error, OverflowError):
        return None
    return int(end[zipfile._ECD_ENTRIES_TOTAL]) if end else None  # type: ignore[attr-defined]  # private, as above


def _check_name(name: str) -> None:
    parts = name.split("/")
    if (not name or name.startswith(("/", "\\")) or "\\" in name or "\x00" in name or re.match(r"^[A-Za-z]:", name)
            or any(p in ("", ".", "..") for p in parts)):
        raise PackageRejected("unsafe_path", f"entry {name[:80]!r} has an absolute or parent path: refused")


def _capped(archive: zipfile.ZipFile, info: zipfile.ZipInfo | None, cap: int, name: str) -> bytes:
    if info is None:
        raise PackageRejected("corrupt", f"the package has no {name}")
    with archive.open(info) as handle:
        data = handle.read(cap + 1)
    if len(data) > cap:
        raise PackageRejected("too_large", f"{name} is over its limit of {cap} bytes")
    return data


def _checked(archive: zipfile.ZipFile, info: zipfile.ZipInfo, entry: fmt.EntryInfo, cap: int, *, keep: bool,
             sink: Callable[[bytes], object] | None = None) -> bytes | None:
    """Read an entry in blocks, never past `cap` or the size the manifest signs; check its SHA-256."""
    digest, size, kept = hashlib.sha256(), 0, []
    limit = min(cap, entry.size)
    with archive.open(info) as handle:
        while block := handle.read(min(BLOCK, limit + 1 - size)):
            size += len(block)
            if size > limit:
                raise PackageRejected("too_large" if size > cap else "signature",
                                      f"entry {info.orig_filename!r} is larger than its signed size")
            digest.update(block)
            if keep:
                kept.append(block)
            if sink is not None:
                sink(block)
    if size != entry.size or digest.hexdigest() != entry.sha256:
        raise PackageRejected("signature", f"entry {info.orig_filename!r} does not match the signed manifest (it was "
                                           "altered or damaged)")
    name = info.orig_filename
    if name.startswith(EVIDENCE) and name[len(EVIDENCE):] != entry.sha256:
        raise PackageRejected("content", f"evidence entry {name!r} is not named after its content's hash")
    return b"".join(kept) if keep else None


def _file_digest(path: Path, expected: str) -> tuple[str, int]:
    digest, size = hashlib.sha256(), 0
    try:
        with open(path, "rb") as handle:
            for block in iter(lambda: handle.read(BLOCK), b""):
                digest.update(block)
                size += len(block)
    except OSError as exc:
        raise BadInput(f"evidence file {path} cannot be read ({exc.strerror})") from None
    if digest.hexdigest() != expected:
        raise BadInput(f"evidence file {path} no longer matches its SHA-256 (it was changed on disk)")
    return expected, size


KEY_LIST_BYTES = 1_000_000  # a key list holds a few hundred keys of ~100 bytes


def _read_small_file(path: Path, limit: int) -> bytes:
    """A regular file of at most `limit` bytes (a device or a FIFO is refused before it is read)."""
    with open(path, "rb", opener=lambda name, flags: os.open(name, flags | os.O_NONBLOCK)) as handle:
        if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
            raise OSError(f"{path.name} is not a regular file")
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise OSError(f"{path.name} is larger than {limit // 1_000_000} MB")
    return data


def _fsync(path: Path) -> None:
    with open(path, "rb") as handle:
        os.fsync(handle.fileno())


def _atomic_write(path: Path, data: bytes) -> None:
    part = path.with_name(path.name + ".part")
    try:
        part.write_bytes(data)
        _fsync(part)
        os.replace(part, path)
    finally:
        part.unlink(missing_ok=True)
