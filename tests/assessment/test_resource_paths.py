"""Resources are found from the checkout and inside the PyInstaller bundle (sys._MEIPASS)."""

from __future__ import annotations

import sys
from pathlib import Path

from assessment.domain.resource_paths import app_root, resource_path

ROOT = Path(__file__).resolve().parents[2]


def test_from_source_the_checkouts_resources_are_used():
    assert app_root() == ROOT
    assert resource_path("fonts", "DejaVuSans.ttf").is_file()
    assert resource_path("domain", "units.yaml").is_file()


def test_frozen_the_bundles_folder_is_used(tmp_path, monkeypatch):
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert resource_path("i18n", "dxscore_vi.qm") == tmp_path / "resources" / "i18n" / "dxscore_vi.qm"
