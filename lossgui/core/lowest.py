"""Which prediction has the lowest loss: one rule for the window's ★ and the CLI's "← lowest loss".

The rule: among the predictions that have a total to compare (not NaN, not refused), every one
whose total equals the smallest is the lowest — a tie for the lowest marks each tied prediction —
but only when at least one compared prediction is higher. With fewer than two totals to compare,
or when all of them are equal, no prediction is lower than another, so none is marked.
``+inf`` compares as larger than every number (a finite total beats an infinite one).
"""

from __future__ import annotations

import math
from collections.abc import Sequence


def lowest_indices(totals: Sequence[float | None]) -> frozenset[int]:
    """Indices into ``totals`` of the lowest loss (see the module docstring); None = no total."""
    compared = [(i, t) for i, t in enumerate(totals) if t is not None and not math.isnan(t)]
    if len(compared) < 2:
        return frozenset()
    low = min(t for _, t in compared)
    if all(t == low for _, t in compared):
        return frozenset()
    return frozenset(i for i, t in compared if t == low)
