"""Fixtures and helpers of the report tests: one demo database per module (reports only read it), and the
checks of what a PDF really contains, with Python packages (pypdf, pikepdf) rather than poppler-utils or
qpdf on the machine."""

from __future__ import annotations

import functools
import io
import shutil
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


def page_texts(pdf: Path, *, layout: bool = True) -> list[str]:
    """The text of every page as pypdf extracts it (`layout`: columns kept apart by spaces, as pdftotext -layout
    would); check strings with nfc(): the text must come out exactly as written."""
    status = Path(pdf).stat()
    return list(_extracted(str(pdf), status.st_mtime_ns, status.st_size, layout))


@functools.lru_cache(maxsize=64)
def _extracted(pdf: str, _mtime: int, _size: int, layout: bool) -> tuple[str, ...]:
    """Extraction costs ~0.4 s a page and many tests read the same module-scoped PDF: once per file version."""
    import pypdf

    if not layout:
        return tuple(page.extract_text() for page in pypdf.PdfReader(pdf).pages)
    source = _forms_drawn_in_place(Path(pdf))
    return tuple(page.extract_text(extraction_mode="layout") for page in pypdf.PdfReader(source).pages)


def _forms_drawn_in_place(pdf: Path) -> io.BytesIO:
    """A copy of `pdf` whose pages carry their form XObjects' content in place of the `Do` that draws them.
    pypdf's layout mode skips text inside forms, and reportlab puts some there (the charts, the page total of
    "Trang x/y"); a reader, and pdftotext, show it where the form is drawn."""
    import pikepdf

    with pikepdf.open(pdf) as document:
        for page in document.pages:
            resources = page.obj.Resources
            if "/Font" not in resources:
                resources.Font = pikepdf.Dictionary()
            drawn = list(_inline_forms(pikepdf.parse_content_stream(page), resources, resources.Font, {}, 0))
            page.obj.Contents = document.make_stream(pikepdf.unparse_content_stream(drawn))
        copy = io.BytesIO()
        document.save(copy)
    copy.seek(0)
    return copy


def _inline_forms(instructions, resources, page_fonts, renamed: dict, depth: int):  # type: ignore[no-untyped-def]
    """The instructions with each form drawn in place (its matrix applied, its fonts added to the page's under
    names of their own); images are left out, they carry no text."""
    import pikepdf

    for instruction in instructions:
        operands, operator = list(instruction.operands), str(instruction.operator)
        if operator == "Tf" and str(operands[0]) in renamed:
            operands[0] = renamed[str(operands[0])]
        if operator != "Do":
            yield (operands, pikepdf.Operator(operator))
            continue
        xobject = resources.get("/XObject", {}).get(str(operands[0]))
        if xobject is None or xobject.get("/Subtype") != "/Form" or depth > 8:
            continue
        inner = xobject.get("/Resources", resources)
        names = {}
        for name, font in dict(inner.get("/Font", {})).items():
            names[name] = pikepdf.Name(f"/Inl{font.objgen[0]}_{font.objgen[1]}")
            page_fonts[names[name]] = font
        yield ([], pikepdf.Operator("q"))
        if "/Matrix" in xobject:
            yield (list(xobject.Matrix), pikepdf.Operator("cm"))
        yield from _inline_forms(pikepdf.parse_content_stream(xobject), inner, page_fonts, names, depth + 1)
        yield ([], pikepdf.Operator("Q"))


def nfc(text: str) -> str:
    assert unicodedata.is_normalized("NFC", text)
    return text


def fonts(pdf: Path) -> list[dict[str, str]]:
    """Every font the pages use, as pdffonts reports it: name, and whether it is embedded, subset and has a
    ToUnicode map ("yes"/"no")."""
    import pikepdf

    found: dict[tuple[int, int], dict[str, str]] = {}
    with pikepdf.open(pdf) as document:
        for page in document.pages:
            _collect_fonts(page.obj.get("/Resources"), found)
    return list(found.values())


def _collect_fonts(resources, found: dict) -> None:  # type: ignore[no-untyped-def]
    """Fonts of a resource dictionary and of the form XObjects it draws (charts are drawn as forms)."""
    if resources is None:
        return
    for font in dict(resources.get("/Font", {})).values():
        if font.objgen in found:
            continue
        name = str(font.get("/BaseFont", "[none]")).lstrip("/")
        descendant = font["/DescendantFonts"][0] if "/DescendantFonts" in font else font
        descriptor = descendant.get("/FontDescriptor", {})
        embedded = any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3"))
        subset = len(name) > 7 and name[6] == "+" and name[:6].isupper()
        found[font.objgen] = {"name": name, "emb": _yes(embedded), "sub": _yes(subset),
                              "uni": _yes("/ToUnicode" in font)}
    for xobject in dict(resources.get("/XObject", {})).values():
        if xobject.get("/Subtype") == "/Form":
            _collect_fonts(xobject.get("/Resources"), found)


def _yes(flag: bool) -> str:
    return "yes" if flag else "no"


def assert_fonts_embedded(pdf: Path) -> None:
    rows = fonts(pdf)
    assert rows, "no fonts at all"
    for row in rows:
        assert row["emb"] == "yes" and row["sub"] == "yes" and row["uni"] == "yes", row
        assert "DejaVuSans" in row["name"], row


def assert_qpdf_ok(pdf: Path) -> None:
    """qpdf's own structure check (pikepdf ships qpdf): no syntax or stream encoding errors, every stream
    decodes."""
    import pikepdf

    with pikepdf.open(pdf) as document:
        problems = document.check_pdf_syntax()
    assert problems == [], problems


def outlines(pdf: Path) -> list[dict]:  # type: ignore[type-arg]
    """The bookmarks as qpdf --json shows them: title, kids and destpageposfrom1 (the 1-based target page)."""
    import pikepdf

    with pikepdf.open(pdf) as document:
        pages = {page.obj.objgen: number for number, page in enumerate(document.pages, start=1)}
        with document.open_outline() as outline:
            return [_outline_entry(item, pages) for item in outline.root]


def _outline_entry(item, pages: dict) -> dict:  # type: ignore[no-untyped-def, type-arg]
    destination = item.destination
    if destination is None and item.action is not None:
        destination = item.action.get("/D")
    page = pages.get(destination[0].objgen) if destination is not None and len(destination) else None
    return {"title": str(item.title), "kids": [_outline_entry(kid, pages) for kid in item.children],
            "destpageposfrom1": page}


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
