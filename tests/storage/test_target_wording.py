"""A database made before the target citations were translated shows the shipped set's current (Vietnamese)
wording once opened by this release; a user's edit — another text, an imported set, a value — is never
overwritten (issue 16). Both backends, a real database reopened by a new service."""

from __future__ import annotations

from dataclasses import replace

from assessment.domain.model import TargetSet
from tests.db_backends import open_url_service

OLD_CITATION = "Hanoi NQ 57 implementation (2025)"  # the English citation shipped before issue 16
NEW_CITATION = "Kế hoạch của Hà Nội thực hiện NQ 57-NQ/TW (2025)"
REWORDED, EDITED = "nq57_hn_de_share_2030", "nq57_hn_dvc_usage_2030"


def as_before_the_translation(service, *, user_citation: str) -> TargetSet:
    """Store the shipped set as an earlier release did (English citations), with one citation a user changed, and
    forget that this release has already looked at the wording."""
    active = service.store.target_set()
    targets = tuple(
        replace(t, document=user_citation if t.id == EDITED else OLD_CITATION) if t.document == NEW_CITATION else t
        for t in active.targets)
    service.store.save_target_set(TargetSet(active.name, targets), default=True,
                                  imported_from="resources/domain/targets.yaml")
    service.store.set_meta("target_wording_version", "0")
    return TargetSet(active.name, targets)


def reopened(service, db_url):
    service.store.close()
    return open_url_service(db_url)


def test_an_old_database_shows_the_current_shipped_citations(backend_service, db_url):
    service = backend_service
    as_before_the_translation(service, user_citation="Kế hoạch 123/KH-UBND (our own source)")
    service.store.set_target_value(REWORDED, 2030, 42.0)  # a value the user edited
    assert service.targets.get(REWORDED).document == OLD_CITATION

    service = reopened(service, db_url)
    try:
        assert service.targets.get(REWORDED).document == NEW_CITATION
        assert service.targets.get(REWORDED).value_in(2030) == 42.0  # the user's value stays
        assert service.targets.get(EDITED).document == "Kế hoạch 123/KH-UBND (our own source)"  # the user's text
        assert not any(t.document == OLD_CITATION for t in service.targets.active().targets)
    finally:
        service.store.close()


def test_an_imported_set_keeps_its_texts(backend_service, db_url, tmp_path):
    """A set the user imported is theirs, even where it repeats the old shipped wording."""
    service = backend_service
    shipped = service.store.target_set()
    own = TargetSet("Bộ chỉ tiêu của Sở", tuple(replace(t, document=OLD_CITATION) if t.document == NEW_CITATION else t
                                                 for t in shipped.targets))
    service.store.save_target_set(own, default=False, imported_from=str(tmp_path / "own.yaml"))
    service.store.set_meta("target_wording_version", "0")

    service = reopened(service, db_url)
    try:
        assert service.store.target_set("Bộ chỉ tiêu của Sở").get(REWORDED).document == OLD_CITATION
        assert service.targets.get(REWORDED).document == NEW_CITATION
    finally:
        service.store.close()
