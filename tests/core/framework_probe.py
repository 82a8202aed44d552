"""Measure PyTorch's and Keras's losses on the cases the "Other tools" tab describes.

Run it with the Python of a venv holding one version of the library; it prints one JSON line::

    # PyTorch (the CPU wheel), float64 tensors
    python3 -m venv /tmp/torchvenv && /tmp/torchvenv/bin/pip install torch==2.13.0
    cd tests/core && /tmp/torchvenv/bin/python framework_probe.py torch >> data/torch_losses.jsonl

    # Keras 3 on the torch backend (default float32), one version per --target directory
    python3 -m venv /tmp/kv && /tmp/kv/bin/pip install torch==2.13.0 keras==3.15.1
    /tmp/kv/bin/pip install --no-deps --target /tmp/keras-3.0.5 keras==3.0.5   # older ones
    cd tests/core && KERAS_BACKEND=torch PYTHONPATH=/tmp/keras-3.0.5 \
        /tmp/kv/bin/python framework_probe.py keras >> data/keras_losses.jsonl

``tests/core/test_framework_conventions.py`` checks lossgui's rows against every recorded line.
"""

from __future__ import annotations

import json
import sys
import warnings
from collections.abc import Callable
from typing import Any

T = [0.0, 1.0, 0.0, 1.0, 0.0]
Y1 = [0.01, 0.65, 0.13, 0.70, 0.15]
Y2 = [0.34, 0.21, 0.91, 0.33, 0.22]
# resources/examples/logits-batch.csv: 4 samples × 3 classes, class indices 0, 1, 2, 1
Z = [[1.2, -0.3, 0.5], [0.1, 2.0, -1.0], [-0.5, 0.4, 1.5], [2.2, 0.3, -0.8]]
LABELS = [0, 1, 2, 1]
ONE_HOT = [[1.0 if k == c else 0.0 for k in range(3)] for c in LABELS]
SOFT = [[0.1, 0.6, 0.3], [0.5, 0.5, 0.0], [0.2, 0.2, 0.6], [0.0, 1.0, 0.0]]
# resources/examples/logits-multi-label.csv
ML_T = [1.0, 0.0, 1.0, 0.0]
ML_Z1 = [2.0, -1.5, 1.0, -3.0]
ML_Z2 = [-1.0, 0.5, -2.0, 1.5]
KL_Y = [[0.2, 0.5, 0.3], [0.6, 0.3, 0.1]]
KL_T = [[0.1, 0.6, 0.3], [0.5, 0.5, 0.0]]
# resources/examples/regression.csv (t, y2: one outlier), and a 3 × 2 regression batch
REG_T = [3.0, -0.5, 2.0, 7.0]
REG_Y = [3.2, -0.4, 2.1, 12.0]
REG_BATCH_T = [[3.0, -0.5], [2.0, 7.0], [0.2, -1.0]]
REG_BATCH_Y = [[2.5, 0.0], [2.0, 8.0], [1.0, -3.0]]
# resources/examples/book-batch-labels.csv: probabilities, class indices 2 and 7
BOOK_Y = [[0.1, 0.05, 0.6, 0.0, 0.05, 0.1, 0.0, 0.1, 0.0, 0.0],
          [0.1, 0.05, 0.1, 0.0, 0.05, 0.0, 0.0, 0.7, 0.0, 0.0]]
BOOK_LABELS = [2, 7]
# probabilities whose rows sum to 0.8 and 1.2 (Keras divides by the sum; nll_loss does not)
OFF_Y = [[0.2, 0.5, 0.1], [0.6, 0.3, 0.3]]
OFF_LABELS = [1, 0]

# name: (function as the tab names it, its keyword arguments, prediction, target)
Case = tuple[str, dict[str, Any], Any, Any]
TORCH_CASES: dict[str, Case] = {
    "mse_article_y1": ("mse_loss", {}, Y1, T),
    "mse_article_y2": ("mse_loss", {}, Y2, T),
    "bce_article_y1": ("binary_cross_entropy", {}, Y1, T),
    "bce_article_y2": ("binary_cross_entropy", {}, Y2, T),
    "bce_y_zero_and_one": ("binary_cross_entropy", {}, [0.0, 1.0, 0.5], [1.0, 0.0, 1.0]),
    "bce_y_above_one": ("binary_cross_entropy", {}, [0.2, 1.5], [0.0, 1.0]),
    "kl_div_mean": ("kl_div", {}, KL_Y, KL_T),
    "kl_div_batchmean": ("kl_div", {"reduction": "batchmean"}, KL_Y, KL_T),
    "poisson_defaults": ("poisson_nll_loss", {}, [0.3, -1.2, 2.0], [2.0, 0.0, 5.0]),
    "soft_margin_overflow": ("soft_margin_loss", {}, [1000.0, -2.0, 0.5], [-1.0, 1.0, 1.0]),
    "soft_margin_plain": ("soft_margin_loss", {}, [0.3, -2.0, 0.5], [-1.0, 1.0, 1.0]),
    "cross_entropy_indices": ("cross_entropy", {}, Z, LABELS),
    "cross_entropy_indices_ls01": ("cross_entropy", {"label_smoothing": 0.1}, Z, LABELS),
    "cross_entropy_one_hot": ("cross_entropy", {}, Z, ONE_HOT),
    "cross_entropy_one_hot_ls01": ("cross_entropy", {"label_smoothing": 0.1}, Z, ONE_HOT),
    "cross_entropy_soft": ("cross_entropy", {}, Z, SOFT),
    "cross_entropy_soft_ls01": ("cross_entropy", {"label_smoothing": 0.1}, Z, SOFT),
    "cross_entropy_one_sample": ("cross_entropy", {}, Z[0], ONE_HOT[0]),
    "cross_entropy_indices_sum": ("cross_entropy", {"reduction": "sum"}, Z, LABELS),
    "bce_logits_y1": ("binary_cross_entropy_with_logits", {}, ML_Z1, ML_T),
    "bce_logits_y2": ("binary_cross_entropy_with_logits", {}, ML_Z2, ML_T),
    # regression (the rows under mse, mae, huber, smooth_l1, …)
    "mse_regression": ("mse_loss", {}, REG_Y, REG_T),
    "mse_regression_sum": ("mse_loss", {"reduction": "sum"}, REG_Y, REG_T),
    "mse_batch": ("mse_loss", {}, REG_BATCH_Y, REG_BATCH_T),
    "l1_regression": ("l1_loss", {}, REG_Y, REG_T),
    "l1_regression_sum": ("l1_loss", {"reduction": "sum"}, REG_Y, REG_T),
    "l1_batch": ("l1_loss", {}, REG_BATCH_Y, REG_BATCH_T),
    "huber_regression": ("huber_loss", {}, REG_Y, REG_T),
    "huber_regression_d05": ("huber_loss", {"delta": 0.5}, REG_Y, REG_T),
    "huber_regression_sum": ("huber_loss", {"reduction": "sum"}, REG_Y, REG_T),
    "huber_batch": ("huber_loss", {}, REG_BATCH_Y, REG_BATCH_T),
    "smooth_l1_regression": ("smooth_l1_loss", {}, REG_Y, REG_T),
    "smooth_l1_regression_b05": ("smooth_l1_loss", {"beta": 0.5}, REG_Y, REG_T),
    "smooth_l1_regression_sum": ("smooth_l1_loss", {"reduction": "sum"}, REG_Y, REG_T),
    "smooth_l1_batch": ("smooth_l1_loss", {}, REG_BATCH_Y, REG_BATCH_T),
    # reduction='sum', as the tab gives it when sum is chosen
    "mse_article_y1_sum": ("mse_loss", {"reduction": "sum"}, Y1, T),
    "bce_article_y1_sum": ("binary_cross_entropy", {"reduction": "sum"}, Y1, T),
    "kl_div_sum": ("kl_div", {"reduction": "sum"}, KL_Y, KL_T),
    "cross_entropy_soft_sum": ("cross_entropy", {"reduction": "sum"}, Z, SOFT),
    "bce_logits_y1_sum": ("binary_cross_entropy_with_logits", {"reduction": "sum"}, ML_Z1, ML_T),
    # probabilities with class indices: nll_loss of their log, and the classic mistake of
    # giving probabilities to cross_entropy (which applies softmax to them again)
    "nll_log_book": ("nll_loss", {}, BOOK_Y, BOOK_LABELS),
    "nll_log_book_sum": ("nll_loss", {"reduction": "sum"}, BOOK_Y, BOOK_LABELS),
    "nll_log_off": ("nll_loss", {}, OFF_Y, OFF_LABELS),
    "nll_log_article": ("nll_loss", {}, [Y1], [1]),
    "cross_entropy_on_probabilities_book": ("cross_entropy", {}, BOOK_Y, BOOK_LABELS),
    "cross_entropy_on_probabilities_article": ("cross_entropy", {}, [Y1], [T]),
    "cross_entropy_on_probabilities_book_sum": ("cross_entropy", {"reduction": "sum"}, BOOK_Y,
                                                BOOK_LABELS),
}
KERAS_CASES: dict[str, Case] = {
    "categorical_article_y1": ("CategoricalCrossentropy", {}, [Y1], [T]),
    "categorical_article_y2": ("CategoricalCrossentropy", {}, [Y2], [T]),
    "categorical_logits": ("CategoricalCrossentropy", {"from_logits": True}, Z, ONE_HOT),
    "categorical_logits_ls01": ("CategoricalCrossentropy",
                                {"from_logits": True, "label_smoothing": 0.1}, Z, ONE_HOT),
    "categorical_logits_soft": ("CategoricalCrossentropy", {"from_logits": True}, Z, SOFT),
    "categorical_logits_soft_ls01": ("CategoricalCrossentropy",
                                     {"from_logits": True, "label_smoothing": 0.1}, Z, SOFT),
    "categorical_logits_one_sample": ("CategoricalCrossentropy", {"from_logits": True},
                                      [Z[0]], [ONE_HOT[0]]),
    "sparse_logits": ("SparseCategoricalCrossentropy", {"from_logits": True}, Z, LABELS),
    "binary_logits_y1": ("BinaryCrossentropy", {"from_logits": True}, ML_Z1, ML_T),
    "binary_logits_y2": ("BinaryCrossentropy", {"from_logits": True}, ML_Z2, ML_T),
    "hinge_binary": ("Hinge", {}, [-2.0, 5.0, 3.0], [0.0, 0.0, 1.0]),
    "hinge_mixed": ("Hinge", {}, [-2.0, 5.0, 3.0], [-1.0, 0.0, 1.0]),
    "squared_hinge_mixed": ("SquaredHinge", {}, [-2.0, 5.0, 3.0], [-1.0, 0.0, 1.0]),
    "msle_negative": ("MeanSquaredLogarithmicError", {}, [-0.5], [0.0]),
    "msle_positive": ("MeanSquaredLogarithmicError", {}, [0.5, 3.0], [1.0, 2.0]),
    "poisson_rates": ("Poisson", {}, [0.5, 2.0, 4.0], [2.0, 0.0, 5.0]),
    "mape_t_zero": ("MeanAbsolutePercentageError", {}, [0.5, 110.0], [0.0, 100.0]),
    "categorical_hinge_negative_rivals": ("CategoricalHinge", {}, [[-0.5, 0.2, -3.0]],
                                          [[0.0, 1.0, 0.0]]),
    "categorical_hinge_positive_rival": ("CategoricalHinge", {}, [[0.9, 0.2, -3.0]],
                                         [[0.0, 1.0, 0.0]]),
    "mse_regression": ("MeanSquaredError", {}, REG_Y, REG_T),
    "mse_batch": ("MeanSquaredError", {}, REG_BATCH_Y, REG_BATCH_T),
    "mae_regression": ("MeanAbsoluteError", {}, REG_Y, REG_T),
    "mae_batch": ("MeanAbsoluteError", {}, REG_BATCH_Y, REG_BATCH_T),
    "huber_regression": ("Huber", {}, REG_Y, REG_T),
    "huber_regression_d05": ("Huber", {"delta": 0.5}, REG_Y, REG_T),
    "huber_batch": ("Huber", {}, REG_BATCH_Y, REG_BATCH_T),
    "sparse_probabilities_book": ("SparseCategoricalCrossentropy", {}, BOOK_Y, BOOK_LABELS),
    "sparse_probabilities_off": ("SparseCategoricalCrossentropy", {}, OFF_Y, OFF_LABELS),
    "sparse_probabilities_article": ("SparseCategoricalCrossentropy", {}, [Y1], [1]),
}


def _run(call: Callable[..., Any], *args: Any, **kwargs: Any) -> dict[str, object]:
    """``float(call(*args, **kwargs))`` (repr) or its error, and the warnings it raised."""
    result: dict[str, object] = {}
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            result["value"] = repr(float(call(*args, **kwargs)))
        except (ValueError, RuntimeError) as error:
            result["error"] = str(error)[:160]
    result["warnings"] = sorted({str(w.message)[:120] for w in caught})
    return result


def measure_torch() -> dict[str, object]:
    """Every PyTorch case in float64 with the default reduction (unless the case names one)."""
    import torch
    import torch.nn.functional as F

    out: dict[str, object] = {"library": "torch", "version": torch.__version__.split("+")[0]}
    for name, (function, kwargs, y, t) in TORCH_CASES.items():
        prediction = torch.tensor(y, dtype=torch.float64)
        is_index = function in ("cross_entropy", "nll_loss") and isinstance(t[0], int)
        target = torch.tensor(t, dtype=torch.int64 if is_index else torch.float64)
        if function in ("kl_div", "nll_loss"):  # their input is log y: kl_div(y.log(), t)
            prediction = prediction.log()
        out[name] = _run(getattr(F, function), prediction, target, **kwargs)
    return out


def measure_keras() -> dict[str, object]:
    """Every Keras case through the loss class with its default reduction, in floatx."""
    import keras
    import numpy as np

    out: dict[str, object] = {"library": "keras", "version": keras.__version__,
                              "backend": keras.backend.backend(),
                              "floatx": keras.backend.floatx()}
    for name, (function, kwargs, y, t) in KERAS_CASES.items():
        loss = getattr(keras.losses, function)(**kwargs)
        target = np.array(t, dtype="int64" if function.startswith("Sparse") else "float32")
        prediction = np.array(y, dtype="float32")
        out[name] = _run(loss, target, prediction)
    return out


if __name__ == "__main__":
    measure = {"torch": measure_torch, "keras": measure_keras}[sys.argv[1]]
    print(json.dumps(measure(), ensure_ascii=False))
