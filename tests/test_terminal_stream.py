"""The CLI's escaped output (cli/terminal.py) on a real UTF-8 text stream: a large write is checked as bytes and
written as they are when nothing needs escaping, escaped exactly as `terminal_safe` does otherwise, and in order
with what was written before it."""

from __future__ import annotations

import io

import pytest

from assessment.domain.text_limits import terminal_safe
from cli.terminal import LARGE, SafeStream, clean_utf8

CLEAN = "Phường Hoàn Kiếm, Đống Đa: 0,75 → ≥ 80 % 🙂\n\t"


@pytest.mark.parametrize("bad", ["\x1b", "\x07", "\r", "\x00", "\x7f", "\x85", "\x9b", "\ud800", "\u00a0"])
def test_a_text_that_terminal_safe_would_change_is_not_clean(bad):
    text = CLEAN * 3 + bad + CLEAN
    assert clean_utf8(text) is None
    assert clean_utf8(CLEAN * 3) == (CLEAN * 3).encode("utf-8")
    assert bad == "\u00a0" or terminal_safe(text) != text  # U+00A0 only takes the slower path, unchanged


@pytest.mark.parametrize("middle", ["", "\x9b", "\x1b[2J", "\ud800"])
def test_large_writes_come_out_as_the_escaped_text_in_order(middle):
    raw = io.BytesIO()
    stream = io.TextIOWrapper(raw, encoding="utf-8", newline="\n")
    safe = SafeStream(stream)
    big = CLEAN * (LARGE // len(CLEAN) + 1)
    safe.write("head ")
    safe.write(big + middle + big)
    safe.write(" tail\x07")
    stream.flush()
    expected = "head " + terminal_safe(big + middle + big) + " tail\\u0007"
    assert raw.getvalue() == expected.encode("utf-8")
