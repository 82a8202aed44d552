"""Core and file rows of the benchmark: evaluate, read the data CSV, export the results CSV."""

from __future__ import annotations

import compileall
import io
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import numpy as np

from benchmarks.common import columns, data_csv, interleaved_ms, median_ms, repeats_for
from lossgui.allocator import keep_arrays_in_heap
from lossgui.core import csvio, evaluate, get_loss, params
from lossgui.core.atomic import write_atomic_with
from lossgui.core.evaluate import evaluate_resolved

Row = dict[str, object]


def _optional(module: str) -> object | None:
    try:
        return __import__(module)
    except ImportError:
        return None


def _numpy_full(loss: str, y: np.ndarray, t: np.ndarray) -> Callable[[], object]:
    """A bare numpy expression for total + contributions + gradient (what evaluate returns).

    Written as a user would write it (plain formulas, mean reductions as the defaults), on the
    data kind the loss expects (see :func:`inputs_for`).
    """
    n = y.size
    samples = len(y) if y.ndim == 2 else 1

    def full(c: np.ndarray, g: np.ndarray) -> object:
        return c.sum(), c, g

    d = lambda: y - t  # noqa: E731
    forms: dict[str, Callable[[], object]] = {
        "sse": lambda: full((e := d()) * e, 2 * e),
        "mse": lambda: full((e := d()) * e / n, 2 * e / n),
        "mae": lambda: full(np.abs(e := d()) / n, np.sign(e) / n),
        "huber": lambda: full(np.where(np.abs(e := d()) < 1, 0.5 * e * e, np.abs(e) - 0.5) / n,
                              np.clip(e, -1, 1) / n),
        "smooth_l1": lambda: full(np.where(np.abs(e := d()) < 1, 0.5 * e * e, np.abs(e) - 0.5)
                                  / n, np.clip(e, -1, 1) / n),
        "cee": lambda: full(-(t * np.log(y)), -(t / y)),
        # kl's default mean is torch's batchmean: ÷ N samples (a vector is one sample)
        "kl": lambda: full(t * np.log(t / y) / samples, -(t / y) / samples) if samples > 1
        else full(t * np.log(t / y), -(t / y)),
        # on one-hot t numpy's t·log(t/y) is NaN at every 0 (0·log 0): the KL is then −t·log y
        "kl_onehot": lambda: full(-(t * np.log(y)) / samples, -(t / y) / samples),
        "bce": lambda: full(-(t * np.log(y) + (1 - t) * np.log(1 - y)) / n,
                            ((1 - t) / (1 - y) - t / y) / n),
        "bce_logits": lambda: full((np.maximum(y, 0) - y * t + np.log1p(np.exp(-np.abs(y)))) / n,
                                   (1 / (1 + np.exp(-y)) - t) / n),
        "hinge": lambda: full(np.maximum(0, m := 1 - t * y) / n, np.where(m > 0, -t, 0) / n),
        "squared_hinge": lambda: full(np.maximum(0, m := 1 - t * y) ** 2 / n,
                                      -2 * t * np.maximum(0, m) / n),
        "soft_margin": lambda: full(np.logaddexp(0, -t * y) / n, -t / (1 + np.exp(t * y)) / n),
        "log_cosh": lambda: full((np.abs(e := d()) + np.log1p(np.exp(-2 * np.abs(e))) - np.log(2))
                                 / n, np.tanh(e) / n),
        "pinball": lambda: full(np.maximum(0.5 * (e := t - y), -0.5 * e) / n,
                                np.where(e > 0, -0.5, 0.5) / n),
        "msle": lambda: full((e := np.log1p(y) - np.log1p(t)) ** 2 / n, 2 * e / (1 + y) / n),
        "poisson": lambda: full((np.exp(y) - t * y) / n, (np.exp(y) - t) / n),
    }
    return forms[loss]


def inputs_for(loss: str, n: int) -> tuple[np.ndarray, np.ndarray]:
    """(y, t) of the kind the loss expects: probabilities, ±1 labels, logits or log-rates."""
    t, y, _ = columns(n)
    if loss in ("hinge", "squared_hinge", "soft_margin"):
        return y * 4 - 2, 2 * t - 1
    if loss in ("bce_logits", "poisson"):
        return y * 4 - 2, t
    if loss == "kl":
        return y, np.clip(t, 0.1, 0.9)  # t = 0 would make numpy's t·log(t/y) NaN (0·log 0)
    return y, t


CLASSES = 8  # a batch's classes: n elements are n // 8 samples of 8


def batch_inputs_for(loss: str, n: int) -> tuple[np.ndarray, np.ndarray]:
    """(y, t) as the class losses are used: softmax rows, and one-hot rows (cee) or soft
    distributions (kl, which needs every t > 0 for numpy's t·log(t/y))."""
    rng = np.random.default_rng(1)
    rows = n // CLASSES
    z = rng.normal(0.0, 2.0, (rows, CLASSES))
    y = np.exp(z) / np.exp(z).sum(axis=1, keepdims=True)
    if loss == "kl":
        w = np.exp(rng.normal(0.0, 1.0, (rows, CLASSES)))
        return y, w / w.sum(axis=1, keepdims=True)
    t = np.zeros((rows, CLASSES))
    t[np.arange(rows), rng.integers(0, CLASSES, rows)] = 1.0
    return y, t


# (loss, whose targets): kl on soft targets, and on cee's one-hot ones
BATCHED_LOSSES = (("cee", "cee"), ("kl", "kl"), ("kl", "cee"))

# Every loss whose total is a sum of per-element terms; the class-axis ones (softmax_cee, nll,
# multi_margin, categorical_hinge, focal) have no one-line numpy baseline here.
BENCHED_LOSSES = ("sse", "mse", "mae", "huber", "smooth_l1", "cee", "kl", "bce", "bce_logits",
                  "hinge", "squared_hinge", "soft_margin", "log_cosh", "pinball", "msle",
                  "poisson")


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
    """evaluate(loss) against numpy computing total + contributions + gradient; sklearn, torch."""
    metrics = _optional("sklearn.metrics") and __import__("sklearn.metrics").metrics
    torch = _optional("torch")
    reps = repeats_for(n, 15, 21)  # 21 pairs at 10⁶: a few ms each, and the targets sit near 1.5×
    for loss in BENCHED_LOSSES:
        y, t = inputs_for(loss, n)
        given = {"log_input": True} if loss == "poisson" else {}
        resolved = params.resolve(loss, get_loss(loss).params, given)
        ours, base = interleaved_ms(
            lambda loss=loss, r=resolved, y=y, t=t: evaluate_resolved(loss, y, t, r),
            _numpy_full(loss, y, t), reps)
        row: Row = {"what": f"evaluate {loss}", "n": n, "ours_ms": ours, "base_ms": base,
                    "baseline": "numpy total+contributions+gradient", "target": 1.5}
        if loss in ("sse", "mse", "cee", "bce"):
            row["numpy_total_ms"] = median_ms(_numpy_total(loss, y, t), reps)
        if metrics is not None and loss in ("mse", "bce"):
            if loss == "mse":
                row["sklearn_ms"] = median_ms(lambda y=y, t=t: metrics.mean_squared_error(t, y),
                                              reps)
            else:
                row["sklearn_ms"] = median_ms(lambda y=y, t=t: metrics.log_loss(t, y), reps)
        if torch is not None and loss in ("sse", "mse", "cee", "bce"):
            row["torch_ms"] = median_ms(_torch(torch, loss, y, t), reps)
        yield row
    for loss, targets in BATCHED_LOSSES:  # the same losses on the N×K batches they are made for
        y, t = batch_inputs_for(targets, n)
        one_hot = loss == "kl" and targets == "cee"
        resolved = params.resolve(loss, get_loss(loss).params, {})
        ours, base = interleaved_ms(
            lambda loss=loss, r=resolved, y=y, t=t: evaluate_resolved(loss, y, t, r),
            _numpy_full("kl_onehot" if one_hot else loss, y, t), reps)
        shape = f"{len(y)}×{CLASSES} {'one-hot ' if one_hot else ''}batch"
        yield {"what": f"evaluate {loss} ({shape})", "n": n, "ours_ms": ours,
               "base_ms": base, "baseline": "numpy total+contributions+gradient", "target": 1.5}


def file_rows(n: int, directory: Path) -> Iterator[Row]:
    """Read the data CSV against polars.read_csv; export the results CSV against polars."""
    import polars

    pandas = _optional("pandas")
    path = data_csv(n, directory)
    reps = repeats_for(n, 7, 3)
    ours = median_ms(lambda: csvio.read_data_csv(path), reps)
    row: Row = {"what": "read data CSV (core)", "n": n, "ours_ms": ours, "target": 1.5,
                "baseline": "polars.read_csv",
                "base_ms": median_ms(lambda: polars.read_csv(path), reps)}
    if pandas is not None:
        row["pandas_ms"] = median_ms(lambda: pandas.read_csv(path), reps)
    body = path.read_text().split("\n", 1)[1]
    row["loadtxt_ms"] = median_ms(
        lambda: np.loadtxt(io.StringIO(body), delimiter=",", ndmin=2), reps)
    yield row

    t, y1, y2 = columns(n)
    predictions = [(name, y, evaluate("sse", y, t)) for name, y in (("y1", y1), ("y2", y2))]
    out = directory / f"results_{n}.csv"
    table = {"t": t, **{f"{kind}({name})": a for name, y, ev in predictions
                        for kind, a in (("y", y), ("contribution", ev.contributions),
                                        ("gradient", ev.gradient))}}

    def export() -> None:
        write_atomic_with(out, lambda handle: csvio.write_results_csv(handle, "t", t,
                                                                       predictions))
    export_ms = median_ms(export, reps)
    base = median_ms(lambda: polars.DataFrame(table).write_csv(directory / "polars.csv"), reps)
    yield {"what": "export results CSV (core)", "n": n, "ours_ms": export_ms, "base_ms": base,
           "baseline": "polars.write_csv", "target": 1.5,
           "savetxt_ms": median_ms(lambda: np.savetxt(
               directory / "savetxt.csv", np.column_stack(list(table.values())), fmt="%.17g",
               delimiter=","), 1 if n > 100_000 else reps)}


POLARS_SCRIPT = """
import sys, polars as pl
frame = pl.read_csv(sys.argv[1])
t = frame["t"].to_numpy()
out = {"t": t}
for name in ("y1", "y2"):
    y = frame[name].to_numpy()
    d = y - t
    out[name] = y
    out[f"contribution({name})"] = d * d / len(t)
    out[f"gradient({name})"] = 2 * d / len(t)
pl.DataFrame(out).write_csv(sys.argv[2])
"""


def _processes_ms(ours: list[str], base: list[str], repeats: int) -> tuple[float, float]:
    """Median wall ms of two commands run in turn, after one warm-up of each (the file cache)."""
    def run(command: list[str]) -> Callable[[], object]:
        return lambda: subprocess.run(command, check=True, capture_output=True)
    return interleaved_ms(run(ours), run(base), repeats, warmups=1)


def command_rows(n: int, directory: Path) -> Iterator[Row]:
    """`lossgui compute … --format csv --output` as a whole process against a polars script."""
    path = data_csv(n, directory)
    script = directory / "polars_compute.py"
    script.write_text(POLARS_SCRIPT)
    # As installed: pip compiles the bytecode, and Python caches it on a first run, unless
    # PYTHONDONTWRITEBYTECODE is set (these sessions set it), when every run would compile
    # lossgui's ~30 modules again (~25 ms) and the polars script's one small file.
    compileall.compile_dir(Path(__file__).resolve().parent.parent / "lossgui", quiet=1)
    reps = repeats_for(n, 5, 15)  # 15 pairs: runs of 0.5 s spread 0.7–1.3× on this machine
    ours, base = _processes_ms(
        [sys.executable, "-m", "lossgui", "compute", str(path), "--loss", "mse", "--format", "csv",
         "--output", str(directory / "ours.csv")],
        [sys.executable, str(script), str(path), str(directory / "pl.csv")], reps)
    yield {"what": "lossgui compute --format csv --output (whole process)", "n": n,
           "ours_ms": ours, "base_ms": base, "baseline": "polars script (read, numpy, write)",
           "target": 1.0}


def stream_rows(rows: int, directory: Path) -> Iterator[Row]:
    """`compute --totals-only` on a big file: time against polars reading it, peak memory."""
    path = directory / f"stream_{rows}.csv"
    line = "1.0,0.9021721189963192,0.22892406511718577\n0.0,0.3928621705848541,0.55852897955\n"
    with path.open("w") as handle:
        handle.write("t,y1,y2\n")
        for _ in range(rows // 2):
            handle.write(line)  # ~45 bytes a row: the size a real float64 CSV has
    size_mb = path.stat().st_size / 2**20
    command = [sys.executable, "-m", "lossgui", "compute", str(path), "--loss", "mse",
               "--totals-only", "--format", "json"]
    start = time.perf_counter()
    done = subprocess.run(["/usr/bin/time", "-f", "%M", *command], capture_output=True,
                          text=True, check=True)
    ours = (time.perf_counter() - start) * 1e3
    peak_mb = int(done.stderr.strip().splitlines()[-1]) / 1024
    path.unlink()
    yield {"what": f"compute --totals-only, {size_mb:,.0f} MB file: peak memory", "n": rows,
           "ours_mb": peak_mb, "budget_mb": 500.0, "target": 1.0, "seconds": ours / 1e3}


def run(sizes: tuple[int, ...], stream: int = 0) -> Iterator[Row]:
    """Every core and file row at every size; the streaming row on ``stream`` rows if asked."""
    keep_arrays_in_heap()  # as lossgui's own entry points do
    with tempfile.TemporaryDirectory(prefix="lossgui-bench-") as tmp:
        for n in sizes:
            yield from evaluate_rows(n)
            yield from file_rows(n, Path(tmp))
            yield from command_rows(n, Path(tmp))
        if stream:
            yield from stream_rows(stream, Path(tmp))
