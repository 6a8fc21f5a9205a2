"""Helpers of the exchange tests: a complete, submittable assessment, services on separate databases, and a
package rewriter that forges what an attacker (or a damaged disk) could produce."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

from assessment.domain.model import Answer, AnswerType, EvidenceItem

UNIT, YEAR = "00070", 2025
TABLES = ("answers", "answer_history", "evidence", "assessments", "audit_log", "package_log", "trusted_keys",
          "review_notes", "appraisals")


def open_service(url: str, user: str):  # type: ignore[no-untyped-def]
    from assessment.service import AssessmentService
    from questionnaires.files import FileCatalog
    from storage.db import open_engine
    from storage.store import SqlStore

    service = AssessmentService(SqlStore(open_engine(url)), FileCatalog(), user=user)
    service.initialise()
    return service


def candidates(indicator, date: str = "2025-03-01"):  # type: ignore[no-untyped-def]
    """Plausible answers, tried in turn until the methodology's rules accept one (`date` for date answers)."""
    code, spec = indicator.code, indicator.answer
    kind = spec.type
    if kind == AnswerType.BOOLEAN:
        yield Answer(code, 1.0)
    elif kind == AnswerType.RATIO:
        for a, b in ((10.0, 10.0), (1.0, 1.0), (5.0, 10.0), (1.0, 10.0), (0.0, 10.0), (0.0, 0.0)):
            yield Answer(code, numerator=a, denominator=b)
    elif kind in (AnswerType.NUMBER, AnswerType.PERCENT, AnswerType.COUNT):
        for value in (10.0, 80.0, 5.0, 1.0, 0.0, 100.0):
            yield Answer(code, value)
    elif kind == AnswerType.CHOICE:
        for option in spec.options:
            yield Answer(code, option.code)
    elif kind == AnswerType.MULTI_CHOICE:
        yield Answer(code, choices=(spec.options[0].code,))
    elif kind == AnswerType.DATE:
        yield Answer(code, date)
    else:
        yield Answer(code, "Đã thực hiện")
    if indicator.not_applicable_allowed:
        yield Answer(code, not_applicable=True)


def complete(service, folder: Path, unit: str = UNIT, year: int = YEAR) -> None:  # type: ignore[no-untyped-def]
    """Answer every indicator and attach the required evidence (the first two with real files)."""
    methodology = service.methodologies.for_unit(service.units.get(unit), year)
    for _ in range(3):  # rules link indicators: a later pass settles answers that depend on later ones
        for indicator in methodology.indicators:
            session = service.entry.open(unit, year)
            if indicator.code in session.answers:
                continue
            for answer in candidates(indicator):
                if service.entry.check(session, session.answers, answer) is None:
                    service.answers.save(unit_code=unit, year=year, answer=answer)
                    break
    session = service.entry.open(unit, year)
    for n, item in enumerate(m for m in service.entry.missing(session, session.answers) if m.what == "evidence"):
        file = None
        if n < 2:
            file = folder / f"bien-ban-{n}.pdf"
            file.write_bytes(f"%PDF-1.4 biên bản {item.code} {n}\n".encode() * 50)
        service.entry.add_evidence(unit, year, item.code, EvidenceItem(f"{n + 1:02d}/BB-UBND", None,
                                                                        f"Biên bản kiểm tra {item.code}"), file)
    session = service.entry.open(unit, year)
    assert service.entry.missing(session, session.answers) == []


def counts(service) -> dict[str, int]:  # type: ignore[no-untyped-def]
    with service.store.engine.connect() as c:
        return {t: c.exec_driver_sql(f"SELECT count(*) FROM {t}").scalar() for t in TABLES}


def snapshot(service) -> dict[str, tuple[int, str]]:  # type: ignore[no-untyped-def]
    """Each table's row count and a SHA-256 of its rows in id order: "nothing written" compares two of these."""
    import hashlib

    with service.store.engine.connect() as c:
        found = {}
        for table in TABLES:
            rows = c.exec_driver_sql(f"SELECT * FROM {table} ORDER BY id").fetchall()
            found[table] = (len(rows), hashlib.sha256(repr([tuple(r) for r in rows]).encode()).hexdigest())
        return found


def entries(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}


def write_zip(path: Path, parts: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(zipfile.ZipInfo(name, (2000, 1, 1, 0, 0, 0)), data, compress_type=zipfile.ZIP_DEFLATED)
    return path


def repack(source: Path, target: Path, *, manifest=None, parts=None, sign_with=None,  # type: ignore[no-untyped-def]
           identity: str | None = None) -> Path:
    """A copy of a package with its manifest (a function of the manifest dict) and entries changed. With
    `sign_with` (a KeyFolder) the entries' hashes are updated and the manifest signed again, with that folder's
    key for `identity` (default: the manifest's signer): a package whose signature is valid."""
    import hashlib

    from assessment.exchange.package_format import dumps

    files = entries(source)
    data = json.loads(files["manifest.json"])
    for name, content in (parts or {}).items():
        if content is None:
            files.pop(name, None)
        else:
            files[name] = content
    if manifest is not None:
        data = manifest(data) or data
    if sign_with is not None:
        data["entries"] = {name: {"sha256": hashlib.sha256(content).hexdigest(), "size": len(content)}
                           for name, content in files.items() if name not in ("manifest.json", "manifest.sig")}
        signer = identity or data["signer"]
        data["signer"] = signer
        data["public_key"] = sign_with.public_key(signer, create=True)
        files["manifest.json"] = dumps(data)
        files["manifest.sig"] = sign_with.sign(signer, files["manifest.json"])
    elif manifest is not None:
        files["manifest.json"] = dumps(data)
    return write_zip(target, files)
