"""Timing helpers and the benchmark data shared by the core and GUI benchmarks."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

SIZES = (1_000, 10_000, 100_000, 1_048_576)


def median_ms(action: Callable[[], object], repeats: int, setup: Callable[[], object] | None = None,
              warmup: bool = True) -> float:
    """Median wall time of ``action`` in milliseconds over ``repeats`` runs (after one warm-up)."""
    if warmup:
        if setup:
            setup()
        action()
    times = []
    for _ in range(repeats):
        if setup:
            setup()
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1e3


def interleaved_ms(ours: Callable[[], object], base: Callable[[], object], repeats: int,
                   warmups: int = 2) -> tuple[float, float]:
    """Median wall ms of two actions run in turn (ours, base, ours, base …) after warm-ups.

    Alternating puts the shared machine's drift, and each side's effect on the caches the other
    finds, on both sides alike; two separate series of repeats (:func:`median_ms` twice) can
    disagree by 2× on the same code when the load changes between them.
    """
    times: tuple[list[float], list[float]] = ([], [])
    for run in range(warmups + repeats):
        for action, kept in ((ours, times[0]), (base, times[1])):
            start = time.perf_counter()
            action()
            if run >= warmups:
                kept.append(time.perf_counter() - start)
    return statistics.median(times[0]) * 1e3, statistics.median(times[1]) * 1e3


def repeats_for(n: int, small: int = 9, large: int = 5) -> int:
    """More repeats where runs are short (noise), fewer where each takes seconds."""
    return small if n <= 100_000 else large


def columns(n: int, seed: int = 0) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """A validation set's shape: 0/1 targets and two predictions strictly inside (0, 1)."""
    rng = np.random.default_rng(seed)
    t = (rng.random(n) < 0.5).astype(np.float64)
    good = np.clip(np.abs(t - rng.random(n) * 0.6), 1e-6, 1 - 1e-6)
    bad = np.clip(rng.random(n), 1e-6, 1 - 1e-6)
    return t, good, bad


def data_csv(n: int, directory: Path) -> Path:
    """The t, y1, y2 CSV with ``n`` rows (shortest round-trip numbers), written once per run."""
    path = directory / f"data_{n}.csv"
    if not path.exists():
        t, y1, y2 = columns(n)
        lines = map(",".join, zip(map(repr, t.tolist()), map(repr, y1.tolist()),
                                  map(repr, y2.tolist()), strict=True))
        path.write_text("t,y1,y2\n" + "\n".join(lines) + "\n", encoding="utf-8")
    return path
