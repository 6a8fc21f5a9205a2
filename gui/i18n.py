"""Translations: GUI strings are written in English in the code and translated through Qt Linguist files
(`resources/i18n/dxscore_vi.ts`, compiled to .qm by `make`). Vietnamese is the default language.

Every module uses this `tr`, so lupdate files all strings under one context ("")."""

from __future__ import annotations

import logging
import shutil
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from assessment.domain.resource_paths import resource_path

log = logging.getLogger(__name__)
I18N_DIR = resource_path("i18n")


_language = "vi"  # the language installed last: numbers and dates are written in it (decimal comma or point)


def language() -> str:
    return _language


def tr(text: str, disambiguation: str | None = None, n: int = -1) -> str:
    return QCoreApplication.translate("", text, disambiguation, n)


def qm_file(lang: str) -> Path | None:
    """The compiled catalogue, compiled now from the .ts if `make` has not done it (or the .ts is newer)."""
    ts, qm = I18N_DIR / f"dxscore_{lang}.ts", I18N_DIR / f"dxscore_{lang}.qm"
    if not ts.exists():  # the bundle (`make dist`) ships only the compiled catalogue
        return qm if qm.exists() else None
    if not qm.exists() or qm.stat().st_mtime < ts.stat().st_mtime:
        tool = shutil.which("pyside6-lrelease") or str(Path(sys.executable).parent / "pyside6-lrelease")
        try:
            subprocess.run([tool, "-silent", str(ts), "-qm", str(qm)], check=True, timeout=60,
                           capture_output=True)
        except (OSError, subprocess.SubprocessError):
            log.warning("could not compile %s; the window stays in English", ts, exc_info=True)
            return qm if qm.exists() else None
    return qm


def install(app: QCoreApplication, lang: str) -> list[QTranslator]:
    """Install dxscore's catalogue and Qt's own (dialog buttons) for `lang`; English needs none."""
    global _language
    _language = lang
    # Qt's own number widgets (spin boxes) write numbers the language's way: "30,00" in Vietnamese.
    QLocale.setDefault(QLocale("en_US" if lang == "en" else "vi_VN"))
    translators: list[QTranslator] = []
    if lang == "en":
        return translators
    qm = qm_file(lang)
    ours = QTranslator(app)
    if qm is not None and ours.load(str(qm)):
        app.installTranslator(ours)
        translators.append(ours)
    qt = QTranslator(app)
    if qt.load(QLocale(lang), "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        translators.append(qt)
    return translators


def uninstall(app: QCoreApplication, translators: list[QTranslator]) -> None:
    """Undo `install` (tests switch languages in one process): Vietnamese, the default, is the language again."""
    global _language
    for translator in translators:
        app.removeTranslator(translator)
    _language = "vi"
    QLocale.setDefault(QLocale("vi_VN"))
