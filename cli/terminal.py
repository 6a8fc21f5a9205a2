"""What the CLI prints goes through `assessment.domain.text_limits.terminal_safe`: stored text (a unit name from a
package, a key list's identity, a comment) can never send escape sequences (ESC, OSC, BEL, CR…) to the
terminal. The streams are wrapped for the whole command, so no print can forget it."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterator
from typing import Any, TextIO

from assessment.domain.text_limits import terminal_safe


class SafeStream:
    """A text stream whose writes are escaped; everything else is the wrapped stream's."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        self._stream.write(terminal_safe(text))
        return len(text)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


@contextlib.contextmanager
def safe_output() -> Iterator[None]:
    out, err = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = SafeStream(out), SafeStream(err)  # type: ignore[assignment]
    try:
        yield
    finally:
        sys.stdout, sys.stderr = out, err
