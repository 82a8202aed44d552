"""evaluate(loss) against numpy's total + contributions + gradient, interleaved in one process.

``python -m benchmarks.kernels_interleaved mae,kl`` prints the median of 21 repeats of each and
their ratio; alternating the two spreads the shared machine's noise over both sides alike.
"""

from __future__ import annotations

import statistics
import sys
import time

from benchmarks.core_rows import BENCHED_LOSSES, _numpy_full, inputs_for
from lossgui.allocator import keep_arrays_in_heap
from lossgui.core import get_loss, params
from lossgui.core.evaluate import evaluate_resolved

ROWS = 1 << 20
REPEATS = 21


def main(losses: list[str]) -> None:
    keep_arrays_in_heap()  # as the benchmark and the app do
    for loss in losses:
        y, t = inputs_for(loss, ROWS)
        resolved = params.resolve(loss, get_loss(loss).params, {})
        numpy_full = _numpy_full(loss, y, t)
        ours: list[float] = []
        base: list[float] = []
        for run in range(REPEATS + 2):  # the first two warm up
            start = time.perf_counter()
            evaluate_resolved(loss, y, t, resolved)
            middle = time.perf_counter()
            numpy_full()
            if run >= 2:
                ours.append(middle - start)
                base.append(time.perf_counter() - middle)
        o, b = statistics.median(ours) * 1e3, statistics.median(base) * 1e3
        print(f"{loss:14s} ours {o:7.2f} ms  numpy {b:7.2f} ms  ratio {o / b:.2f}")


if __name__ == "__main__":
    main(sys.argv[1].split(",") if len(sys.argv) > 1 else list(BENCHED_LOSSES))
