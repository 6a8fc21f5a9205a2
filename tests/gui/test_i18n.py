"""Translations are complete, and the window's refusal messages are the core's, translated."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

from assessment.domain.answers import MESSAGES
from gui.answer_messages import TEMPLATES

TS = Path(__file__).resolve().parents[2] / "resources" / "i18n" / "dxscore_vi.ts"


def test_every_string_has_a_vietnamese_translation():
    tree = ET.parse(TS)
    unfinished = [m.find("source").text for m in tree.iter("message")
                  if m.find("translation").get("type") in ("unfinished", "vanished", "obsolete")]
    assert unfinished == []


def test_translations_keep_their_placeholders():
    for message in ET.parse(TS).iter("message"):
        source = message.find("source").text
        translation = message.find("translation")
        plural = message.get("numerus") == "yes"
        text = "".join(f.text or "" for f in translation.iter("numerusform")) if plural else translation.text
        assert sorted(re.findall(r"%\d|%n|\{[^}]*\}", source)) == sorted(re.findall(r"%\d|%n|\{[^}]*\}", text)), source


def test_refusal_templates_match_the_core():
    assert TEMPLATES == MESSAGES


def test_the_source_strings_are_all_in_the_catalogue():
    """Run lupdate's view of the code: a new tr() string without a translation fails here."""
    import subprocess
    import sys
    import tempfile

    lupdate = Path(sys.executable).parent / "pyside6-lupdate"
    sources = sorted(str(p) for p in (Path(__file__).resolve().parents[2] / "gui").rglob("*.py"))
    with tempfile.TemporaryDirectory() as folder:
        fresh = Path(folder) / "fresh.ts"
        subprocess.run([str(lupdate), *sources, "-ts", str(fresh)], check=True, capture_output=True, timeout=120)
        wanted = {m.find("source").text for m in ET.parse(fresh).iter("message")}
    have = {m.find("source").text for m in ET.parse(TS).iter("message")}
    assert wanted <= have, sorted(wanted - have)
