"""The CLI tests that read English messages run their commands with `--lang en` (Vietnamese is the default;
tests/test_cli_language.py checks both languages)."""

from __future__ import annotations

from collections.abc import Sequence


def english(args: Sequence[str]) -> list[str]:
    """`--lang en` unless the command names its language itself."""
    return [] if "--lang" in args else ["--lang", "en"]
