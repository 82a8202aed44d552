"""evaluate(loss) against numpy's total + contributions + gradient, interleaved in one process.

``python -m benchmarks.kernels_interleaved mae,kl,cee@batch`` prints the median of 21 repeats
of each and their ratio; alternating the two spreads the shared machine's noise over both sides
alike. ``cee@batch`` is the 8-class batch of :func:`benchmarks.core_rows.batch_inputs_for`,
``kl@onehot`` kl on its one-hot targets.
"""

from __future__ import annotations

import sys

from benchmarks.common import interleaved_ms
from benchmarks.core_rows import BENCHED_LOSSES, _numpy_full, batch_inputs_for, inputs_for
from lossgui.allocator import keep_arrays_in_heap
from lossgui.core import get_loss, params
from lossgui.core.evaluate import evaluate_resolved

ROWS = 1 << 20
REPEATS = 21


def main(losses: list[str]) -> None:
    keep_arrays_in_heap()  # as the benchmark and the app do
    for name in losses:  # "cee" a vector, "cee@batch" the 8-class batch of benchmarks.core_rows
        loss, _, shape = name.partition("@")
        # "kl@onehot": kl on cee's one-hot batch, against numpy's one-hot KL
        batch = batch_inputs_for("cee" if shape == "onehot" else loss, ROWS)
        y, t = batch if shape in ("batch", "onehot") else inputs_for(loss, ROWS)
        resolved = params.resolve(loss, get_loss(loss).params, {})
        o, b = interleaved_ms(
            lambda loss=loss, y=y, t=t, r=resolved: evaluate_resolved(loss, y, t, r),
            _numpy_full(f"{loss}_onehot" if shape == "onehot" else loss, y, t), REPEATS)
        print(f"{name:14s} ours {o:7.2f} ms  numpy {b:7.2f} ms  ratio {o / b:.2f}")


if __name__ == "__main__":
    main(sys.argv[1].split(",") if len(sys.argv) > 1 else list(BENCHED_LOSSES))
