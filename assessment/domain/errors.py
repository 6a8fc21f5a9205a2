"""One error hierarchy for dxscore: what went wrong, in words a user can act on.

The CLI maps `BadInput` to exit code 2 and anything else to 1; the GUI shows `message` and logs the rest.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from assessment.domain.model import Answer

PROBLEMS_SHOWN = 50  # problems a report lists before "… and N more"


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

    def report(self, shown: int = PROBLEMS_SHOWN) -> str:
        """The summary and the first `shown` problems; the rest are counted (a 100,000-row file with a bad
        column must not print 100,000 lines)."""
        lines = [self.message, *(f"  {p}" for p in self.problems[:shown])]
        if len(self.problems) > shown:
            lines.append(f"  … and {len(self.problems) - shown:,} more problem(s)")
        return "\n".join(lines)


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


class StaleAnswer(BadInput):
    """A save was made against a version of the answer that is no longer the stored one: someone else (another
    window, an import, a package) changed it since the editor read it. Nothing was written. `stored` is what the
    database holds now (None: no answer) at `version`; `changed_by` who wrote it. Saving again against `version`
    keeps the user's value; taking `stored` drops it."""

    def __init__(self, indicator_code: str, stored: Answer | None, version: int, changed_by: str = "") -> None:
        super().__init__(f"{indicator_code}: changed by {changed_by or 'someone else'} since it was read; "
                         "nothing was saved")
        self.indicator_code = indicator_code
        self.stored = stored
        self.version = version
        self.changed_by = changed_by


class NotFound(BadInput):
    """A unit, cycle, methodology or target named by the user does not exist."""


class StorageError(DxError):
    """The database could not be used."""


class NotADxscoreDatabase(StorageError):
    """The file is not a dxscore database; it was left untouched."""

    exit_code = 2


class ReadOnlyDatabase(StorageError):
    """A write to a database that is opened for reading only (a read-only file or medium, or a file that failed
    its integrity check); nothing was written."""

    exit_code = 2


class DatabaseTooNew(StorageError):
    """The database was written by a newer dxscore; it was left untouched."""

    exit_code = 2


class ReportsIncomplete(DxError):
    """Some scorecards of a booklet or of `report --each` could not be printed; the others were written.
    `written` lists the files written, `failed` (unit code, reason) the scorecards missing from them."""

    def __init__(self, message: str, written: list[Any], failed: list[tuple[str, str]]) -> None:
        super().__init__(message)
        self.written, self.failed = written, failed


class PackageRejected(BadInput):
    """An exchange package (.dxpkg) was refused before anything was written. `reason` is a stable code
    (corrupt, unsafe_path, too_large, format, signature, key, signer, role, methodology, unknown_unit,
    unknown_cycle, content, incomplete); the message says what, in words."""

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason
