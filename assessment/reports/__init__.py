"""Reports for managers: scorecard and booklet PDFs (reportlab, vector charts, DejaVu fonts) and the Excel
export of scores (see docs/reports.md).

`view.py` holds the view models and `build.py` builds them from scores (pure); `pdf_scorecard.py`,
`pdf_booklet.py` and `pdf_page.py` lay out the PDFs with `charts.py`, `heatmap.py`, `paint.py`, `text.py`,
`styles.py`, `labels.py` and `fonts.py`; `excel.py` writes the workbook. The service's `reports` sub-area that
gathers the data is `assessment/services/reports_area.py`, and `services/report_batch.py` spreads `--each` over a
process pool. Imports only `assessment.exchange` and `assessment.domain`."""
