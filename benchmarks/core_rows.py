"""Core and file rows of the benchmark: evaluate, read the data CSV, export the results CSV."""

from __future__ import annotations

import io
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import numpy as np

from benchmarks.common import columns, data_csv, median_ms, repeats_for
from lossgui.core import csvio, evaluate, get_loss, params
from lossgui.core.atomic import write_atomic
from lossgui.core.evaluate import evaluate_resolved

Row = dict[str, object]


def _optional(module: str) -> object | None:
    try:
        return __import__(module)
    except ImportError:
        return None


def _numpy_full(loss: str, y: np.ndarray, t: np.ndarray) -> Callable[[], object]:
    """A bare numpy expression for total + contributions + gradient (what evaluate returns)."""
    if loss in ("sse", "mse"):
        scale = 1.0 if loss == "sse" else 1.0 / y.size

        def squared() -> object:
            d = y - t
            c = d * d * scale
            return c.sum(), c, 2 * scale * d
        return squared
    if loss == "cee":
        return lambda: ((c := -(t * np.log(y))).sum(), c, -(t / y))

    def bce() -> object:
        c = -(t * np.log(y) + (1 - t) * np.log(1 - y)) / y.size
        return c.sum(), c, ((1 - t) / (1 - y) - t / y) / y.size
    return bce


def _numpy_total(loss: str, y: np.ndarray, t: np.ndarray) -> Callable[[], object]:
    """The bare numpy total alone (the issue's baseline)."""
    return {
        "sse": lambda: np.sum((y - t) ** 2),
        "mse": lambda: np.mean((y - t) ** 2),
        "cee": lambda: -np.sum(t * np.log(y)),
        "bce": lambda: -np.mean(t * np.log(y) + (1 - t) * np.log(1 - y)),
    }[loss]


def _torch(torch: Any, loss: str, y: np.ndarray, t: np.ndarray) -> Callable[[], object]:
    """PyTorch CPU forward and backward (loss and gradient), where torch is installed."""
    ty, tt = torch.from_numpy(y).requires_grad_(), torch.from_numpy(t)
    forward = {"sse": lambda: ((ty - tt) ** 2).sum(), "mse": lambda: ((ty - tt) ** 2).mean(),
               "cee": lambda: -(tt * torch.log(ty)).sum(),
               "bce": lambda: torch.nn.functional.binary_cross_entropy(ty, tt)}[loss]
    return lambda: forward().backward()


def evaluate_rows(n: int) -> Iterator[Row]:
    """evaluate(loss) against numpy (total alone; total + contributions + gradient), sklearn,
    torch."""
    t, y, _ = columns(n)
    metrics = _optional("sklearn.metrics") and __import__("sklearn.metrics").metrics
    torch = _optional("torch")
    reps = repeats_for(n, 15, 9)
    for loss in ("sse", "mse", "cee", "bce"):
        resolved = params.resolve(loss, get_loss(loss).params, {})
        ours = median_ms(lambda loss=loss, r=resolved: evaluate_resolved(loss, y, t, r), reps)
        base = median_ms(_numpy_total(loss, y, t), reps)
        full = median_ms(_numpy_full(loss, y, t), reps)
        row: Row = {"what": f"evaluate {loss}", "n": n, "ours_ms": ours, "base_ms": base,
                    "baseline": "numpy total alone", "target": 1.5,
                    "numpy_full_ms": full}
        if metrics is not None and loss in ("mse", "bce"):
            if loss == "mse":
                row["sklearn_ms"] = median_ms(lambda: metrics.mean_squared_error(t, y), reps)
            else:
                row["sklearn_ms"] = median_ms(lambda: metrics.log_loss(t, y), reps)
        if torch is not None:
            row["torch_ms"] = median_ms(_torch(torch, loss, y, t), reps)
        yield row


def file_rows(n: int, directory: Path) -> Iterator[Row]:
    """Read the data CSV against pandas.read_csv; export the results CSV against np.savetxt."""
    pandas = _optional("pandas")
    path = data_csv(n, directory)
    reps = repeats_for(n, 7, 3)
    ours = median_ms(lambda: csvio.read_data_csv(path), reps)
    row: Row = {"what": "read data CSV (core)", "n": n, "ours_ms": ours, "target": 1.5,
                "baseline": "pandas.read_csv"}
    if pandas is not None:
        row["base_ms"] = median_ms(lambda: pandas.read_csv(path), reps)
    body = path.read_text().split("\n", 1)[1]
    row["loadtxt_ms"] = median_ms(
        lambda: np.loadtxt(io.StringIO(body), delimiter=",", ndmin=2), reps)
    yield row

    t, y1, y2 = columns(n)
    predictions = [(name, y, evaluate("sse", y, t)) for name, y in (("y1", y1), ("y2", y2))]
    out = directory / f"results_{n}.csv"
    table = np.column_stack(
        [t, *(a for _, y, ev in predictions for a in (y, ev.contributions, ev.gradient))])
    export = median_ms(
        lambda: write_atomic(out, csvio.results_csv_text("t", t, predictions)), reps)
    savetxt = median_ms(
        lambda: np.savetxt(directory / "savetxt.csv", table, fmt="%.17g", delimiter=","), reps)
    yield {"what": "export results CSV (core)", "n": n, "ours_ms": export, "base_ms": savetxt,
           "baseline": 'numpy.savetxt(fmt="%.17g")', "target": 0.5}


def run(sizes: tuple[int, ...]) -> Iterator[Row]:
    """Every core and file row at every size."""
    with tempfile.TemporaryDirectory(prefix="lossgui-bench-") as tmp:
        for n in sizes:
            yield from evaluate_rows(n)
            yield from file_rows(n, Path(tmp))
