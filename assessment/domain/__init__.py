"""The rules of dxscore with no I/O: model, expressions, scoring, checks, targets, ranking,
comparison, workflow. Imports nothing else of `assessment`."""
