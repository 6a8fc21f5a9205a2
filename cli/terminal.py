"""What the CLI prints goes through `assessment.domain.text_limits.terminal_safe`: stored text (a unit name from a
package, a key list's identity, a comment) can never send escape sequences (ESC, OSC, BEL, CR…) to the
terminal. The streams are wrapped for the whole command, so no print can forget it."""

from __future__ import annotations

import codecs
import contextlib
import os
import sys
from collections.abc import Iterator
from typing import Any, TextIO

from assessment.domain.text_limits import terminal_safe

LARGE = 64 * 1024  # a write this long (score --json writes ~400 KB at a time) is checked as bytes first
# C0 controls but tab and newline, and DEL: each is one byte of its own in UTF-8
_CONTROL_BYTES = bytes(c for c in range(32) if c not in (9, 10)) + b"\x7f"


class SafeStream:
    """A text stream whose writes are escaped; everything else is the wrapped stream's."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream
        self._bytes = _utf8_buffer(stream)

    def write(self, text: str) -> int:
        if self._bytes is not None and len(text) >= LARGE:
            data = clean_utf8(text)
            if data is not None:  # nothing to escape: the bytes the text layer would write, without a regex pass
                self._stream.flush()  # what was written as text goes first
                self._bytes.write(data)
                return len(text)
        self._stream.write(terminal_safe(text))
        return len(text)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


def clean_utf8(text: str) -> bytes | None:
    """`text` in UTF-8 when `terminal_safe` would leave it as it is, else None. In UTF-8 every character it escapes
    shows in the bytes: a C0 control or DEL is that byte itself, a C1 control (U+0080–U+009F) starts with the
    byte 0xC2 (which only ever starts a character; 0xC2 also starts U+00A0–U+00BF, sent to the slow path too), and a
    lone surrogate cannot be encoded at all."""
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError:
        return None
    if b"\xc2" in data or len(data.translate(None, _CONTROL_BYTES)) != len(data):
        return None
    return data


def _utf8_buffer(stream: TextIO) -> Any:
    """The byte stream under a UTF-8 text stream that writes "\\n" as it is (not Windows' text mode), or None."""
    buffer = getattr(stream, "buffer", None)
    encoding = getattr(stream, "encoding", None)
    if buffer is None or not encoding or os.linesep != "\n":
        return None
    try:
        return buffer if codecs.lookup(encoding).name == "utf-8" else None
    except LookupError:
        return None


@contextlib.contextmanager
def safe_output() -> Iterator[None]:
    out, err = sys.stdout, sys.stderr
    # SafeStream is a TextIO by delegation (__getattr__), which mypy cannot see.
    sys.stdout, sys.stderr = SafeStream(out), SafeStream(err)  # type: ignore[assignment]
    try:
        yield
    finally:
        sys.stdout, sys.stderr = out, err
