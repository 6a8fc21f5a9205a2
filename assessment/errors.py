"""One error hierarchy for dxscore: what went wrong, in words a user can act on.

The CLI maps `BadInput` to exit code 2 and anything else to 1; the GUI shows `message` and logs the rest.
"""

from __future__ import annotations

from dataclasses import dataclass


class DxError(Exception):
    """Base of every error dxscore raises on purpose."""

    exit_code = 1

    @property
    def message(self) -> str:
        return str(self.args[0]) if self.args else self.__class__.__name__


class BadInput(DxError):
    """The user's input (a file, an answer, an argument) is wrong; the message says what and where."""

    exit_code = 2


@dataclass(frozen=True)
class Problem:
    """One problem found in an input file: where (file, line, field) and what."""

    file: str
    line: int | None
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"


class ProblemsError(BadInput):
    """Raised with every problem found, not just the first."""

    def __init__(self, summary: str, problems: list[Problem]) -> None:
        super().__init__(summary)
        self.problems = problems

    def report(self) -> str:
        return "\n".join([self.message, *(f"  {p}" for p in self.problems)])


class MethodologyInvalid(ProblemsError):
    """A methodology or crosswalk file failed validation; the file was rejected whole."""


class ImportRejected(ProblemsError):
    """An import file had bad rows; nothing was written."""


class ExpressionError(BadInput):
    """An expression could not be parsed or compiled; `position` is the 0-based column."""

    def __init__(self, message: str, position: int) -> None:
        super().__init__(message)
        self.position = position


class InvalidAnswer(BadInput):
    """An answer was refused; the previous value is kept."""

    def __init__(self, indicator_code: str, message: str) -> None:
        super().__init__(f"{indicator_code}: {message}")
        self.indicator_code = indicator_code
        self.reason = message


class NotFound(BadInput):
    """A unit, cycle, methodology or target named by the user does not exist."""


class StorageError(DxError):
    """The database could not be used."""


class NotADxscoreDatabase(StorageError):
    """The file is not a dxscore database; it was left untouched."""

    exit_code = 2


class DatabaseTooNew(StorageError):
    """The database was written by a newer dxscore; it was left untouched."""

    exit_code = 2


class PackageRejected(BadInput):
    """An exchange package (.dxpkg) was refused before anything was written. `reason` is a stable code
    (corrupt, unsafe_path, too_large, format, signature, key, signer, role, methodology, unknown_unit,
    unknown_cycle, content, incomplete); the message says what, in words."""

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason
