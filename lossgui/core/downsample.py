"""Min/max envelopes: what a plot of a million values can show, in as many bins as pixels.

A screen column cannot show more than one bar, so a plot of n values groups them into bins of
consecutive elements and draws each bin from its smallest to its largest value (from zero, as a
bar would be). The largest value of every bin is kept, so nothing large is ever hidden; the cost
follows the number of visible elements once (numpy ``reduceat``), not a Python loop.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from lossgui.core.arrays import BoolArray, FloatArray, IntArray


@dataclass(frozen=True)
class Envelope:
    """Bins of consecutive elements: bin i holds elements ``starts[i]`` … ``stops[i] - 1``.

    ``low``/``high`` are the smallest and largest finite value of each bin (0.0 for a bin with
    none); ``nan``/``pos_inf``/``neg_inf`` say whether a bin holds a missing or infinite value,
    which a plot marks rather than draws as a bar.
    """

    starts: IntArray
    stops: IntArray
    low: FloatArray
    high: FloatArray
    nan: BoolArray
    pos_inf: BoolArray
    neg_inf: BoolArray

    @property
    def step(self) -> int:
        """Elements per bin (the last bin may hold fewer)."""
        return int(self.stops[0] - self.starts[0]) if len(self.starts) else 0


def bin_step(count: int, bins: int) -> int:
    """Elements per bin so that ``count`` elements fit in at most ``bins`` bins."""
    return max(1, math.ceil(count / max(bins, 1)))


def envelope(values: FloatArray, start: int, stop: int, bins: int) -> Envelope:
    """The min/max envelope of ``values[start:stop]`` in at most ``bins`` bins of equal step.

    Bins start at multiples of the step counted from ``start``. NaN and ±inf never make a bar
    (their bins are flagged instead); every finite value lies within its bin's low…high.
    """
    values = np.asarray(values, dtype=np.float64).reshape(-1)
    start = max(0, min(start, len(values)))
    stop = max(start, min(stop, len(values)))
    step = bin_step(stop - start, bins)
    starts = np.arange(start, stop, step, dtype=np.intp)
    stops = np.minimum(starts + step, stop)
    empty = np.zeros(len(starts), dtype=bool)
    if not len(starts):
        nothing = np.zeros(0)
        return Envelope(starts, stops, nothing, nothing, empty, empty, empty)
    part = values[start:stop]
    offsets = starts - start
    high = np.maximum.reduceat(part, offsets)
    low = np.minimum.reduceat(part, offsets)
    nan, pos_inf, neg_inf = empty, empty.copy(), empty.copy()
    if not (np.isfinite(high).all() and np.isfinite(low).all()):
        # Rare: recompute with the non-finite values left out (fmax/fmin skip NaN).
        finite = np.isfinite(part)
        clean = np.where(finite, part, np.nan)
        nan = np.logical_or.reduceat(np.isnan(part), offsets)
        pos_inf = np.logical_or.reduceat(np.isposinf(part), offsets)
        neg_inf = np.logical_or.reduceat(np.isneginf(part), offsets)
        # A bin of only non-finite values has no finite low/high: show nothing but the marker.
        has_finite = np.logical_or.reduceat(finite, offsets)
        high = np.where(has_finite, np.fmax.reduceat(clean, offsets), 0.0)
        low = np.where(has_finite, np.fmin.reduceat(clean, offsets), 0.0)
    return Envelope(starts, stops, low, high, nan, pos_inf, neg_inf)


def largest_in(values: FloatArray, start: int, stop: int) -> int | None:
    """Index of the value of largest magnitude among ``values[start:stop]`` (None if all NaN).

    What a bin's bar shows at its tip, so a hover over a bin can name that element exactly.
    """
    part = np.abs(np.asarray(values[start:stop], dtype=np.float64))
    if not len(part) or np.isnan(part).all():
        return None
    return start + int(np.nanargmax(part))
