"""Run a kernel's steps over long arrays a cache-sized slice at a time.

A kernel of several in-place steps (divide, log, multiply, subtract …) over a million elements
otherwise sends every 8 MB array through main memory once per step. Done a slice at a time, a
step finds the previous step's result still in the CPU's cache, so the steps cost what the
arithmetic costs. Each slice runs the same ufuncs on the same elements, so the results are bit
for bit those of the whole-array steps (tests/core/test_kernels.py compares across slices).
"""

from __future__ import annotations

from collections.abc import Iterator

# 16,384 float64 = 128 KiB a slice: the inputs' and results' slices stay within a 1 MiB L2.
# Measured on the kl kernel at 10⁶ elements: 4,096 → 2.75 ms, 16,384 → 2.23 ms,
# 65,536 → 2.32 ms, 262,144 → 2.50 ms, whole arrays 2.90 ms (benchmarks/kernels_interleaved.py).
CACHE_BLOCK = 1 << 14


def cache_blocks(size: int, block: int = CACHE_BLOCK) -> Iterator[slice]:
    """Consecutive slices of at most ``block`` elements covering ``range(size)``."""
    for start in range(0, size, block):
        yield slice(start, min(start + block, size))
