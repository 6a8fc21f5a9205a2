"""`make test` on a fresh machine (issue 15.2): the tests check PDFs with Python packages, never with
poppler-utils or qpdf, which a machine with only Python and make lacks."""

from __future__ import annotations

import re
from pathlib import Path

TESTS = Path(__file__).resolve().parent
# A tool name as a quoted command-line argument: ["pdftotext", …] or run("qpdf", …).
SYSTEM_PDF_TOOLS = re.compile(r"""["'](pdftotext|pdffonts|pdftoppm|pdfinfo|pdfimages|pdftocairo|qpdf)["']\s*[,\])]""")


def test_no_test_runs_a_system_pdf_tool():
    callers = [f"{path.relative_to(TESTS)}:{n}" for path in TESTS.rglob("*.py") if path.name != Path(__file__).name
               for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
               if SYSTEM_PDF_TOOLS.search(line)]
    assert callers == [], "use tests/reports/conftest.py (pypdf, pikepdf) or pypdfium2 instead"
