"""Maturity bands and ranks within a peer group (same unit kind, same cycle)."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from assessment.domain.model import Band

# Indices are ratios of float sums: two units with the same points must tie even if the sums differ in
# the last bits, so ties and band edges are decided on the index rounded to this many decimals.
INDEX_DECIMALS = 9


def band_for(index: float | None, bands: Sequence[Band]) -> Band | None:
    """The highest band whose min_index the index reaches."""
    if index is None or np.isnan(index):
        return None
    rounded = round(float(index), INDEX_DECIMALS)
    reached = [b for b in bands if rounded >= b.min_index]
    return reached[-1] if reached else None


def competition_ranks(indices: np.ndarray) -> np.ndarray:
    """Rank 1 = highest index; ties share the best rank ("1, 2, 2, 4"); NaN gets 0 (unranked)."""
    values = np.round(np.asarray(indices, dtype=np.float64), INDEX_DECIMALS)
    ranks = np.zeros(len(values), dtype=np.int64)
    ranked = ~np.isnan(values)
    if not ranked.any():
        return ranks
    scores = values[ranked]
    order = np.sort(scores)[::-1]
    # rank = 1 + number of strictly greater scores
    greater = len(order) - np.searchsorted(order[::-1], scores, side="right")
    ranks[ranked] = greater + 1
    return ranks


def ranks_by_group(indices: np.ndarray, groups: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Ranks within each group (e.g. unit kind) and the number of ranked peers in each element's group."""
    ranks = np.zeros(len(indices), dtype=np.int64)
    peers = np.zeros(len(indices), dtype=np.int64)
    for group in dict.fromkeys(np.asarray(groups).tolist()):
        members = groups == group
        ranks[members] = competition_ranks(indices[members])
        peers[members] = int(np.count_nonzero(~np.isnan(np.asarray(indices, dtype=float)[members])))
    return ranks, peers
