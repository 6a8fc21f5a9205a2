"""What an exchange package (.dxpkg) says, as plain data, and its JSON: the manifest, the answers with their
evidence metadata, and the review notes (inspector's comments, unit's replies). No files and no cryptography
here: storage/package_file.py puts these in a zip, signs and checks it.

A package is a zip holding `manifest.json`, `manifest.sig` (the Ed25519 signature of the manifest's exact bytes),
`answers.json`, `review.json` and `evidence/<sha256>` files. The manifest lists every other entry with its
SHA-256 and size, so the one signature covers everything. Every reader here checks types strictly and raises
PackageRejected("content" or "format", …) on anything unexpected: a package is untrusted input until verified.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import hashlib
import json
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any

from assessment.domain.errors import PackageRejected
from assessment.domain.model import Answer, AssessmentStatus, EvidenceItem, IndicatorCode
from assessment.domain.text_limits import LIMITS, MULTILINE, normalise, text_problem
from assessment.domain.unit_publication import UnitPublication
from assessment.domain.workflow import ReviewNote

FORMAT = "dxscore-package"
FORMAT_VERSION = 1
INSPECTOR_PREFIX = "inspector:"
TEXT_LIMIT = 100_000  # characters in a package text field with no limit of its own (text_limits.LIMITS)


class PackageKind(StrEnum):
    SUBMISSION = "submission"  # a unit's answers and evidence (and its replies), signed with the unit's key
    RETURN = "return"  # an inspector's comments sending an assessment back, signed with the inspector's key
    PUBLICATION = "publication"  # a unit's published result and adjustments, signed with the inspector's key


@dataclass(frozen=True)
class EntryInfo:
    sha256: str
    size: int


@dataclass(frozen=True)
class Manifest:
    package_id: str
    kind: PackageKind
    app_version: str
    created_at: str  # ISO 8601 UTC; orders packages of the same unit and cycle
    author: str
    signer: str  # the key's identity: the unit code (submission) or inspector:<name> (return)
    public_key: str  # base64 of the raw Ed25519 public key
    unit_code: str
    unit_name: str
    cycle: int
    state: AssessmentStatus
    methodology_id: str
    methodology_version: str
    methodology_sha256: str
    entries: Mapping[str, EntryInfo] = field(default_factory=dict)
    format_version: int = FORMAT_VERSION
    audit_head: str = ""  # the sender's audit trail head (HASH@ROWS) when the package was made; "" if older

    @property
    def methodology_key(self) -> str:
        return f"{self.methodology_id}@{self.methodology_version}"


@dataclass(frozen=True)
class PackageDraft:
    """What the service hands to the package writer; the writer adds the id, time, key and entries."""

    kind: PackageKind
    unit_code: str
    unit_name: str
    cycle: int
    state: AssessmentStatus
    methodology_id: str
    methodology_version: str
    methodology_sha256: str
    author: str
    signer: str
    answers: tuple[Answer, ...]
    notes: tuple[ReviewNote, ...]
    app_version: str = "0.1.0"
    audit_head: str = ""
    publication: UnitPublication | None = None  # the publication kind's content (publication.json)


@dataclass(frozen=True)
class PackageContent:
    """A package read and verified (structure, sizes, signature, entry hashes): what it carries."""

    path: Path
    manifest: Manifest
    manifest_sha256: str
    answers: tuple[Answer, ...]
    notes: tuple[ReviewNote, ...]
    publication: UnitPublication | None = None  # what a publication package carries

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.manifest.public_key)

    @property
    def evidence_hashes(self) -> frozenset[str]:
        return frozenset(e.file_sha256 for a in self.answers for e in a.evidence if e.file_sha256)


RECEIPT = re.compile(r"^package (?P<id>[0-9a-f-]{8,}) from (?P<signer>\S+)$")


def receipt_why(package_id: str, signer: str) -> str:
    """The reason recorded with the state change an imported package makes (read back by `read_receipt`)."""
    return f"package {package_id} from {signer}"


def read_receipt(why: str) -> tuple[str, str] | None:
    """(package id, signer) when `why` records a package receipt, else None (a reason someone typed)."""
    found = RECEIPT.match(why)
    return (found["id"], found["signer"]) if found else None


def utc_now() -> str:
    return dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def fingerprint(public_key: str) -> str:
    """24 decimal digits in groups of four (about 80 bits of the key's SHA-256): easy to read out over the
    phone in any language, with no letters to confuse."""
    raw = base64.b64decode(public_key)
    number = int.from_bytes(hashlib.sha256(b"dxscore-key:" + raw).digest()[:10], "big") % 10**24
    digits = f"{number:024d}"
    return " ".join(digits[i:i + 4] for i in range(0, 24, 4))


def dumps(data: object) -> bytes:
    """The package's JSON: UTF-8, sorted keys, no NaN (the same bytes for the same content)."""
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"), allow_nan=False,
                      indent=None).encode("utf-8")


def loads(data: bytes, what: str) -> Any:
    def constant(name: str) -> None:
        raise PackageRejected("content", f"{what}: {name} is not a number a package may carry")

    try:
        return json.loads(data.decode("utf-8"), parse_constant=constant)
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
        raise PackageRejected("content", f"{what} is not valid JSON ({exc.__class__.__name__})") from None


# ------------------------------------------------------------------------------------------- manifest


def manifest_dict(m: Manifest) -> dict[str, Any]:
    return {
        "format": FORMAT, "format_version": m.format_version, "package_id": m.package_id, "kind": m.kind.value,
        "app_version": m.app_version, "created_at": m.created_at, "author": m.author, "signer": m.signer,
        "public_key": m.public_key, "unit": {"code": m.unit_code, "name": m.unit_name}, "cycle": m.cycle,
        "state": m.state.value,
        "methodology": {"id": m.methodology_id, "version": m.methodology_version, "sha256": m.methodology_sha256},
        "entries": {name: {"sha256": e.sha256, "size": e.size} for name, e in sorted(m.entries.items())},
        **({"audit_head": m.audit_head} if m.audit_head else {}),
    }


def format_version(data: object) -> int:
    """The manifest's format version, read before anything else (a newer format may differ everywhere)."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise PackageRejected("format", "not a dxscore package (the manifest does not say format "
                                        f"{FORMAT!r})")
    version = data.get("format_version")
    if type(version) is not int:
        raise PackageRejected("format", "the manifest has no format version")
    if version != FORMAT_VERSION:
        raise PackageRejected("format", f"unknown package format version {version} (this dxscore reads version "
                                        f"{FORMAT_VERSION}{'; update dxscore' if version > FORMAT_VERSION else ''})")
    return version


def manifest_from(data: Any) -> Manifest:
    format_version(data)
    r = _Reader(data, "manifest")
    unit, method = r.obj("unit"), r.obj("methodology")
    kind, state = r.text("kind"), r.text("state")
    if kind not in {k.value for k in PackageKind}:
        raise PackageRejected("format", f"manifest: unknown package kind {kind!r}")
    if state not in {s.value for s in AssessmentStatus}:
        raise PackageRejected("content", f"manifest: unknown state {state!r}")
    entries = {}
    for name, info in r.obj("entries").items():
        e = _Reader(info, f"manifest entry {name!r}")
        sha, size = e.text("sha256"), e.integer("size")
        if not _is_sha256(sha) or size < 0:
            raise PackageRejected("content", f"manifest entry {name!r}: bad hash or size")
        entries[name] = EntryInfo(sha, size)
    public_key = r.text("public_key")
    _check_key(public_key)
    for key in ("package_id", "created_at", "signer"):
        if not r.text(key):
            raise PackageRejected("content", f"manifest: {key} is empty")
    return Manifest(
        package_id=r.text("package_id", 64), kind=PackageKind(kind), app_version=r.text("app_version", 32),
        created_at=r.text("created_at", 40), author=r.text("author", field="user"), signer=r.text("signer", 100),
        public_key=public_key, unit_code=_Reader(unit, "unit").text("code", field="unit_code"),
        unit_name=_Reader(unit, "unit").text("name", field="unit_name"), cycle=r.integer("cycle"),
        state=AssessmentStatus(state),
        methodology_id=_Reader(method, "methodology").text("id", 64),
        methodology_version=_Reader(method, "methodology").text("version", 32),
        methodology_sha256=_Reader(method, "methodology").text("sha256", 64), entries=entries,
        audit_head=r.text("audit_head", 100))


def _check_key(public_key: str) -> None:
    try:
        raw = base64.b64decode(public_key, validate=True)
    except (binascii.Error, ValueError):
        raw = b""
    if len(raw) != 32:
        raise PackageRejected("signature", "the manifest's public key is not an Ed25519 key")


def _is_sha256(text: str) -> bool:
    return len(text) == 64 and all(c in "0123456789abcdef" for c in text)


# -------------------------------------------------------------------------------------------- answers


def answers_json(answers: Sequence[Answer]) -> list[dict[str, Any]]:
    return [{"code": a.indicator_code, "value": a.value, "numerator": a.numerator, "denominator": a.denominator,
             "choices": None if a.choices is None else list(a.choices), "not_applicable": a.not_applicable,
             "manual_points": a.manual_points, "comment": a.comment,
             "evidence": [evidence_json(e) for e in a.evidence],
             **({"confirmed": True} if a.confirmed else {})}  # only where set: other packages are unchanged
            for a in sorted(answers, key=lambda a: a.indicator_code)]


def evidence_json(e: EvidenceItem) -> dict[str, Any]:
    return {"document_number": e.document_number,
            "document_date": e.document_date.isoformat() if e.document_date else None,
            "summary": e.summary, "file_name": e.file_name, "file_sha256": e.file_sha256}


def answers_from(data: Any) -> tuple[Answer, ...]:
    if not isinstance(data, list):
        raise PackageRejected("content", "answers.json is not a list of answers")
    answers, seen = [], set()
    for n, item in enumerate(data, start=1):
        r = _Reader(item, f"answer {n}")
        code = r.text("code", 32)
        r.where = f"{code} (answer {n} in answers.json)"  # messages name the indicator
        if code in seen:
            raise PackageRejected("content", f"answer {n}: {code} appears twice")
        seen.add(code)
        value = r.get("value")
        if value is not None and not isinstance(value, str):
            value = r.number("value")
        elif isinstance(value, str):
            value = r.text("value", field="text_answer")
        choices = r.get("choices")
        if choices is not None:
            if not isinstance(choices, list) or not all(isinstance(c, str) and len(c) <= 64 for c in choices):
                raise PackageRejected("content", f"{r.where}: choices must be a list of option codes")
            choices = tuple(choices)
        evidence = tuple(_evidence(e, f"{r.where}, evidence {k}") for k, e in enumerate(r.items("evidence"), 1))
        answers.append(Answer(IndicatorCode(code), value, r.number("numerator"), r.number("denominator"), choices,
                              r.flag("not_applicable"), r.number("manual_points"), r.text("comment", field="comment"),
                              evidence, r.flag("confirmed")))
    return tuple(answers)


def _evidence(data: Any, where: str) -> EvidenceItem:
    r = _Reader(data, where)
    date_text = r.optional_text("document_date", 10)
    try:
        date = dt.date.fromisoformat(date_text) if date_text else None
    except ValueError:
        raise PackageRejected("content", f"{where}: {date_text!r} is not a date") from None
    sha = r.optional_text("file_sha256", 64)
    if sha is not None and not _is_sha256(sha):
        raise PackageRejected("content", f"{where}: bad file hash")
    return EvidenceItem(r.text("document_number", field="document_number"), date,
                        r.text("summary", field="evidence_summary"), r.optional_text("file_name", field="file_name"),
                        sha)


# ---------------------------------------------------------------------------------------------- notes


def notes_json(notes: Sequence[ReviewNote]) -> list[dict[str, Any]]:
    return [{"code": n.indicator_code, "round": n.round, "comment": n.comment, "comment_by": n.comment_by,
             "comment_at": n.comment_at, "reply": n.reply, "reply_by": n.reply_by, "reply_at": n.reply_at}
            for n in sorted(notes, key=lambda n: (n.round, n.indicator_code))]


def notes_from(data: Any) -> tuple[ReviewNote, ...]:
    if not isinstance(data, list):
        raise PackageRejected("content", "review.json is not a list of notes")
    notes, seen = [], set()
    for n, item in enumerate(data, start=1):
        r = _Reader(item, f"review note {n}")
        note = ReviewNote(r.text("code", 32), r.integer("round"), r.text("comment", field="review_note"),
                          r.text("comment_by", field="user"), r.text("comment_at", 40),
                          r.text("reply", field="review_note"), r.text("reply_by", field="user"),
                          r.text("reply_at", 40))
        if note.round < 1 or (note.round, note.indicator_code) in seen:
            raise PackageRejected("content", f"review note {n}: bad or repeated round")
        seen.add((note.round, note.indicator_code))
        notes.append(note)
    return tuple(notes)


# --------------------------------------------------------------------------------------------- reader


class _Reader:
    """Typed access to one JSON object of a package; anything unexpected is a PackageRejected."""

    def __init__(self, data: Any, where: str) -> None:
        if not isinstance(data, dict):
            raise PackageRejected("content", f"{where} is not an object")
        self.data, self.where = data, where

    def get(self, key: str) -> Any:
        return self.data.get(key)

    def _bad(self, key: str, what: str) -> PackageRejected:
        return PackageRejected("content", f"{self.where}: {key} {what}")

    def text(self, key: str, limit: int = TEXT_LIMIT, *, field: str = "") -> str:
        """A text value, NFC; `field` (a key of text_limits.LIMITS) gives the limit and whether lines may break,
        the same as every other way in; without it text is one line of at most `limit` characters."""
        value = self.data.get(key, "")
        if not isinstance(value, str):
            raise self._bad(key, "is not text")
        if value.isascii() and value.isprintable() and len(value) <= (LIMITS.get(field, len(value)) if field
                                                                      else limit):
            return value  # printable ASCII: no control character or line break, already NFC (most fields; fast)
        multiline = field in MULTILINE
        problem = text_problem(value, field, limit=None if field else limit, multiline=multiline)
        if problem:
            raise self._bad(key, problem)
        return normalise(value, multiline)

    def optional_text(self, key: str, limit: int = TEXT_LIMIT, *, field: str = "") -> str | None:
        return None if self.data.get(key) is None else self.text(key, limit, field=field)

    def number(self, key: str) -> float | None:
        value = self.data.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise self._bad(key, "is not a number")
        try:
            number = float(value)
        except OverflowError:
            raise self._bad(key, "is out of range") from None
        if not math.isfinite(number):
            raise self._bad(key, "is not a finite number")
        return number

    def integer(self, key: str) -> int:
        value = self.data.get(key)
        if type(value) is not int or not -(2**31) < value < 2**31:
            raise self._bad(key, "is not an integer")
        return value

    def flag(self, key: str) -> bool:
        value = self.data.get(key, False)
        if not isinstance(value, bool):
            raise self._bad(key, "is not true/false")
        return value

    def obj(self, key: str) -> dict[str, Any]:
        value = self.data.get(key)
        if not isinstance(value, dict):
            raise self._bad(key, "is missing or not an object")
        return value

    def items(self, key: str) -> list[Any]:
        value = self.data.get(key, [])
        if not isinstance(value, list):
            raise self._bad(key, "is not a list")
        return value


Reader = _Reader  # the public name other package parts' readers use (assessment/exchange/publication_format.py)
