"""The core of dxscore, in layers (README, "Layers"): `service.py` is the facade the CLI and the GUI use;
`services/` the use cases it hands out; `reports/` the PDFs and workbook; `exchange/` what crosses to files;
`domain/` the rules, with no I/O. Each imports only the layers below it. No Qt."""
