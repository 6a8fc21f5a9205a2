"""Reports for managers: scorecard and booklet PDFs (reportlab, vector charts, DejaVu fonts) and the Excel
export of scores (see docs/reports.md).

`view.py` holds the view models and `build.py` builds them from scores (pure); `area.py` is the service's
`reports` sub-area that gathers the data; `pdf_scorecard.py`, `pdf_booklet.py` and `pdf_page.py` lay out the
PDFs with `charts.py`, `heatmap.py`, `paint.py`, `text.py`, `styles.py`, `labels.py` and `fonts.py`;
`batch.py` spreads `--each` over a process pool; `excel.py` writes the workbook."""
