"""Fixtures and helpers of the report tests: one demo database per module (reports only read it), and the
poppler/qpdf tools that check what a PDF really contains."""

from __future__ import annotations

import json
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest

from tests.conftest import open_service


@pytest.fixture(scope="module")
def report_service(demo_template: Path, tmp_path_factory: pytest.TempPathFactory):
    """A demo database shared by the tests of one module; they must not write to it."""
    path = tmp_path_factory.mktemp("reports") / "demo.sqlite"
    shutil.copy(demo_template, path)
    service = open_service(path)
    yield service
    service.store.close()


@pytest.fixture(scope="module")
def out_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("pdf")


def _run(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)


def page_texts(pdf: Path, *, layout: bool = True) -> list[str]:
    """pdftotext of every page (NFC-checked: the text must come out exactly as written)."""
    result = _run("pdftotext", *(["-layout"] if layout else []), "-enc", "UTF-8", str(pdf), "-")
    assert result.returncode == 0, result.stderr
    pages = result.stdout.split("\f")
    if pages and not pages[-1].strip():
        pages = pages[:-1]
    return pages


def nfc(text: str) -> str:
    assert unicodedata.is_normalized("NFC", text)
    return text


def fonts(pdf: Path) -> list[dict[str, str]]:
    """`pdffonts` rows as dicts (name, type, emb, sub, uni)."""
    result = _run("pdffonts", str(pdf))
    assert result.returncode == 0, result.stderr
    rows = []
    for line in result.stdout.splitlines()[2:]:
        parts = line.split()
        # name type [type2] encoding emb sub uni object-id generation
        rows.append({"name": parts[0], "emb": parts[-5], "sub": parts[-4], "uni": parts[-3]})
    return rows


def assert_fonts_embedded(pdf: Path) -> None:
    rows = fonts(pdf)
    assert rows, "no fonts at all"
    for row in rows:
        assert row["emb"] == "yes" and row["sub"] == "yes" and row["uni"] == "yes", row
        assert "DejaVuSans" in row["name"], row


def assert_qpdf_ok(pdf: Path) -> None:
    result = _run("qpdf", "--check", str(pdf))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No syntax or stream encoding errors" in result.stdout


def outlines(pdf: Path) -> list[dict]:  # type: ignore[type-arg]
    result = _run("qpdf", "--json", "--json-key=outlines", str(pdf))
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)["outlines"]


def row_of(page: str, first: str) -> list[str]:
    """The cells of the layout line that starts with `first` (cells are separated by 2+ spaces)."""
    import re

    for line in page.splitlines():
        cells = [c for c in re.split(r"\s{2,}", line.strip()) if c]
        if cells and cells[0] == first:
            return cells
    raise AssertionError(f"no line starting with {first!r}")


def line_of(page: str, start: str) -> str:
    """The layout line that starts with the word(s) `start`, single-spaced and padded (check values as
    f" {value} ")."""
    for line in page.splitlines():
        words = " ".join(line.split())
        if (words + " ").startswith(start + " "):
            return f" {words} "
    raise AssertionError(f"no line starting with {start!r}")
