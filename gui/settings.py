"""Every user setting, declared once with its type and default (Picard's options.py pattern).
Preferences live in QSettings; domain data (units, targets) never does."""

from __future__ import annotations

import getpass
from dataclasses import dataclass

from PySide6.QtCore import QSettings


def _login_name() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return ""


@dataclass(frozen=True)
class Option:
    key: str
    default: object
    kind: type


LANGUAGE = Option("ui/language", "vi", str)  # "vi" (default) or "en"
DATABASE = Option("data/database", "", str)  # SQLite path or SQLAlchemy URL; "" = the default location
USER_NAME = Option("user/name", "", str)  # recorded in the answer history; "" = the login name
GEOMETRY = Option("window/geometry", b"", bytes)  # window state, not a preference
SPLITTER = Option("window/splitter", b"", bytes)
LAST_UNIT = Option("window/last_unit", "", str)  # the unit open last: opened again at the next start

LANGUAGES = {"vi": "Tiếng Việt", "en": "English"}


class Settings:
    """Typed access to QSettings; tests pass their own QSettings file."""

    def __init__(self, store: QSettings | None = None) -> None:
        self.store = store or QSettings("dxscore", "dxscore")

    def get(self, option: Option) -> object:
        value = self.store.value(option.key, option.default)
        if option.kind is bytes:
            return bytes(value) if value else b""
        return option.kind(value) if value is not None else option.default

    def set(self, option: Option, value: object, *, now: bool = True) -> None:
        """Store a setting; `now=False` leaves the write to the file to QSettings (it writes from the event loop
        shortly after, and when it closes): for what changes on every unit switch, so no switch waits for a disk."""
        self.store.setValue(option.key, value)
        if now:
            self.store.sync()

    @property
    def language(self) -> str:
        value = str(self.get(LANGUAGE))
        return value if value in LANGUAGES else "vi"

    @property
    def user_name(self) -> str:
        return str(self.get(USER_NAME)) or _login_name() or "dxscore"
