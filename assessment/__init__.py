"""The domain core of dxscore: model, expressions, scoring, targets, ranking and the service facade. No Qt."""
