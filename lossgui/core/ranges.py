"""What one pass over y and t learns: their ranges and sample sums, and, riding along, a loss's
contributions and gradient.

Every evaluation first needs the smallest and largest y and t (a NaN, an infinity, a y ≤ 0 shows
there), and the class losses each sample's Σy and Σt ("does it sum to 1?"). These are taken a
cache-sized slice at a time, so each array is read from memory once. A loss whose arithmetic
needs no masks on inputs the ranges prove safe (:class:`FastPath`) computes its slice in the
same pass (:func:`scan`), while the slice is still in the cache: at 10⁶ elements that reads y
and t once instead of twice (docs/benchmarks.md).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field

import numpy as np

from lossgui.core.arrays import FloatArray
from lossgui.core.cache_blocks import CACHE_BLOCK, cache_blocks
from lossgui.core.params import ParamValue
from lossgui.core.safe_math import divide_in_place

# 2¹⁶ elements a slice (512 KiB of each array): for the ranges alone 2¹⁴, 2¹⁵, 2¹⁶, 2¹⁷ gave
# 0.70, 0.70, 0.66, 0.70 ms at 10⁶ (0.88 ms whole-array); with cee's kernel riding along,
# 2¹⁴ 1.36–1.44×, 2¹⁵ 1.33–1.38×, 2¹⁶ 1.27–1.29× numpy's five steps (vectors and 8-class rows).
SLICE = 1 << 16

# np.min, np.max and np.sum themselves, without their Python wrappers: ~2 µs a call, and a pass
# makes six or seven calls on each of 16 slices at 10⁶ (cee at 10⁶: 0.1 ms, 4 %).
_smallest, _largest, _added = np.minimum.reduce, np.maximum.reduce, np.add.reduce
smallest = _smallest  # for a kernel's own check of its slice

Sums = tuple[str, ...]
"""Which of "y" and "t" a pass sums per sample: (), ("y",), ("t",) or ("y", "t")."""


@dataclass(frozen=True)
class Ranges:
    """The smallest and largest y and t: NaN if any element is NaN, ±inf if one is infinite.

    Four cheap reductions that let the checks skip their full-array masks in the usual case
    (every value finite and inside the expected interval), where those masks would find nothing.
    """

    y_low: float
    y_high: float
    t_low: float
    t_high: float
    # Each sample's Σy and Σt (one sum for a vector), when the checks asked for them.
    y_sums: FloatArray | None = field(default=None, compare=False)
    t_sums: FloatArray | None = field(default=None, compare=False)
    # A vector t's count of exact 1s and 0s, taken with the sums ("is it multi-label?").
    t_ones_zeros: tuple[int, int] | None = field(default=None, compare=False)

    @classmethod
    def of(cls, y: FloatArray, t: FloatArray, sums: Sums = ()) -> Ranges:
        """The ranges of ``y`` and ``t``, and each sample's sum of those named in ``sums``."""
        of_y, of_t = _Summary(y, "y" in sums), _Summary(t, "t" in sums, counts=True)
        for part in _slices(y):
            of_y.add(y[part])
        for part in _slices(t):
            of_t.add(t[part])
        return of_y.ranges_with(of_t)

    @property
    def finite(self) -> bool:
        """Whether every element of y and t is a finite number."""
        return bool(np.isfinite([self.y_low, self.y_high, self.t_low, self.t_high]).all())

    @property
    def y(self) -> tuple[float, float]:
        """The smallest and largest y."""
        return self.y_low, self.y_high

    @property
    def t(self) -> tuple[float, float]:
        """The smallest and largest t."""
        return self.t_low, self.t_high


def sample_sums(values: FloatArray) -> FloatArray:
    """Each sample's sum (one for a vector), for a check. A batch's rows are added by a
    matrix-vector product, in BLAS's own order: np.sum(axis=-1) is slow on short rows
    (131,072 × 8: np.sum 1.6 ms, einsum 0.35 ms, rows @ ones 0.10–0.15 ms)."""
    if values.ndim == 1:
        return np.array([np.sum(values)])
    result: FloatArray = values @ np.ones(values.shape[-1])
    return result


def _slices(values: FloatArray) -> Iterator[slice]:
    """Slices of the first axis of about SLICE elements: of a vector, or whole rows of a batch."""
    per_slice = SLICE if values.ndim == 1 else max(1, SLICE // max(values.shape[-1], 1))
    return cache_blocks(len(values), per_slice)


class _Summary:
    """The smallest, largest and (if asked) the sample sums of one array, slice by slice.

    min and max are exact, so they are the whole array's: NaN if any element is NaN. The sums
    only answer "is it 1?" (and six digits in a sentence): a vector's slices are added in turn,
    a batch's rows by :func:`sample_sums`, so the last digit may differ from np.sum's.
    """

    def __init__(self, values: FloatArray, sums: bool, counts: bool = False) -> None:
        self._vector = values.ndim == 1
        self._lows: list[float] = []
        self._highs: list[float] = []
        self._total = 0.0
        self._row_sums: list[FloatArray] | None = [] if sums else None
        self._ones_zeros: list[int] | None = [0, 0] if sums and counts and self._vector else None

    def add(self, piece: FloatArray) -> None:
        self._lows.append(float(_smallest(piece, axis=None)))
        self._highs.append(float(_largest(piece, axis=None)))
        if self._row_sums is None:
            return
        if self._vector:
            self._total += float(_added(piece, axis=None))
        else:
            self._row_sums.append(sample_sums(piece))
        if self._ones_zeros is not None:
            ones, zeros = _ones_and_zeros(piece)
            self._ones_zeros[0] += ones
            self._ones_zeros[1] += zeros

    def bounds(self) -> tuple[float, float]:
        return float(np.min(self._lows)), float(np.max(self._highs))  # NaN wins

    def sums(self) -> FloatArray | None:
        if self._row_sums is None:
            return None
        return np.array([self._total]) if self._vector else np.concatenate(self._row_sums)

    def ones_zeros(self) -> tuple[int, int] | None:
        return None if self._ones_zeros is None else (self._ones_zeros[0], self._ones_zeros[1])

    def ranges_with(self, of_t: _Summary) -> Ranges:
        """The Ranges of this summary's y and ``of_t``'s t."""
        return Ranges(*self.bounds(), *of_t.bounds(), self.sums(), of_t.sums(), of_t.ones_zeros())


def _ones_and_zeros(piece: FloatArray) -> tuple[int, int]:
    return int(np.count_nonzero(piece == 1)), int(np.count_nonzero(piece == 0))


def ones_and_zeros(row: FloatArray) -> tuple[int, int]:
    """How many elements of a row are exactly 1 and exactly 0, both counted on each slice in
    turn, so that a million-element row is read from memory once, not twice."""
    ones = zeros = 0
    for part in cache_blocks(row.size, SLICE):
        more_ones, more_zeros = _ones_and_zeros(row[part])
        ones += more_ones
        zeros += more_zeros
    return ones, zeros


# An elementwise loss's arithmetic on one slice: (y, t, contributions out, gradient out, params),
# all flat and of one length. It writes both outputs in place.
SliceKernel = Callable[[FloatArray, FloatArray, FloatArray, FloatArray, Mapping[str, ParamValue]],
                       None]


@dataclass(frozen=True)
class FastPath:
    """A loss's arithmetic without masks, and when the ranges prove it gives the careful result.

    ``applies(ranges, params)`` must be True only where the kernel's numbers are, bit for bit,
    those of the loss's careful formula (tests/core/test_kernels.py checks each one).
    """

    applies: Callable[[Ranges, Mapping[str, ParamValue]], bool]
    kernel: SliceKernel
    # Whether the pass counts a vector t's 1s and 0s for the checks. kl's kernel counts each
    # slice's itself (to skip its division on 0/1 slices), so its pass does not count them
    # again: its checks count a sample only if its t does not sum to 1 (checks.target_one_hot).
    counts_targets: bool = True


def run_slices(
    kernel: SliceKernel, y: FloatArray, t: FloatArray, p: Mapping[str, ParamValue]
) -> tuple[FloatArray, FloatArray]:
    """The kernel over whole arrays, a cache block at a time (each step finds the last one's
    slice in the cache): the contributions and gradient, shaped as y."""
    values, grads = np.empty(y.shape), np.empty(y.shape)
    flat_y, flat_t = y.reshape(-1), t.reshape(-1)
    flat_values, flat_grads = values.reshape(-1), grads.reshape(-1)
    for part in cache_blocks(y.size, CACHE_BLOCK):
        kernel(flat_y[part], flat_t[part], flat_values[part], flat_grads[part], p)
    return values, grads


@dataclass(frozen=True)
class Scanned:
    """One pass's ranges, and the kernel's contributions, gradient and their sum.

    ``total`` is math.fsum of each slice's np.sum: one slice (up to SLICE elements) is np.sum
    itself; past that, the slices' sums are added exactly and rounded once, so the total is
    as close to the exact sum as np.sum's pairwise order, or closer (added in turn, the last
    digit was off in 14 of 20 million-element cee totals).
    """

    ranges: Ranges
    values: FloatArray
    grads: FloatArray
    total: float


def scan(
    y: FloatArray, t: FloatArray, kernel: SliceKernel, p: Mapping[str, ParamValue], sums: Sums,
    factor: float = 1.0, divisor: float = 1.0, counts: bool = True,
) -> Scanned:
    """:meth:`Ranges.of` ``(y, t, sums)`` and the kernel's results in one pass (y and t of one
    shape). The kernel runs on every slice before the ranges are known: the caller keeps its
    results only where :attr:`FastPath.applies` says they are the careful ones.

    The contributions and gradient come multiplied by ``factor`` and divided by ``divisor`` (a
    mean's N), each slice while it is in the cache; ``total`` is the sum before either.
    ``counts``: whether a vector t's 1s and 0s are counted with its sum (see FastPath)."""
    of_y, of_t = _Summary(y, "y" in sums), _Summary(t, "t" in sums, counts=counts)
    values, grads = np.empty(y.shape), np.empty(y.shape)
    partial_sums: list[float] = []
    for part in _slices(y):
        ys, ts, own, g = y[part], t[part], values[part], grads[part]
        of_y.add(ys)
        of_t.add(ts)
        kernel(ys.reshape(-1), ts.reshape(-1), own.reshape(-1), g.reshape(-1), p)
        partial_sums.append(float(_added(own, axis=None)))
        for out in (own, g):  # evaluate's order: the factor, then the divisor
            if factor != 1.0:
                np.multiply(out, factor, out=out)
            if divisor != 1:
                divide_in_place(out, divisor)
    return Scanned(of_y.ranges_with(of_t), values, grads, math.fsum(partial_sums))
