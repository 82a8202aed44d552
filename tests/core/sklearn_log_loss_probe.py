"""Measure scikit-learn's ``log_loss``, MAPE, MSE and MAE on the cases "Other tools" describes.

Run it with the Python of a venv holding one scikit-learn version; it prints one JSON line::

    python3 -m venv /tmp/sk13 && /tmp/sk13/bin/pip install 'scikit-learn~=1.3.0' 'numpy<2'
    cd tests/core && /tmp/sk13/bin/python sklearn_log_loss_probe.py >> data/sklearn_log_loss.jsonl

``tests/core/test_honest_numbers.py`` checks lossgui's re-derivation against every recorded line.
"""

from __future__ import annotations

import json
import warnings

T = [0, 1, 0, 1, 0]
Y1 = [0.01, 0.65, 0.13, 0.70, 0.15]
Y2 = [0.34, 0.21, 0.91, 0.33, 0.22]
CASES: dict[str, tuple[list[list[float]], list[list[float]]]] = {
    "article_y1": ([T], [Y1]),
    "article_y2": ([T], [Y2]),
    "one_hot_unnormalised": ([[0, 1, 0]], [[0.2, 0.5, 0.1]]),
    "one_hot_normalised": ([[0, 1, 0]], [[0.2, 0.5, 0.3]]),
    "y_above_one": ([[0, 1, 0]], [[0.2, 1.5, 0.3]]),
    "all_zero_t": ([[0, 0, 0]], [[0.2, 0.5, 0.3]]),
    "k_one": ([[1]], [[0.7]]),
    "y_zero_at_one": ([[0, 1, 0]], [[0.5, 0.0, 0.5]]),
    "y_negative": ([[0, 1, 0]], [[0.5, 0.6, -0.1]]),
    "y_nan": ([[0, 1, 0]], [[0.5, float("nan"), 0.5]]),
    "two_ones_normalised": ([[0, 1, 1]], [[0.2, 0.5, 0.3]]),
    "soft_t": ([[0.2, 0.8, 0]], [[0.2, 0.5, 0.3]]),
}

# mean_absolute_percentage_error(t, y): a fraction, |t| floored at float64 ε
MAPE_CASES: dict[str, tuple[list[float], list[float]]] = {
    "mape_fraction": ([100.0, 100.0], [110.0, 90.0]),
    "mape_t_zero": ([0.0], [0.5]),
    "mape_mixed": ([1.0, 0.0, -2.0], [1.5, 0.2, -1.0]),
}

# mean_squared_error(t, y) and mean_absolute_error(t, y): a vector (regression.csv's y2) and a
# 3 × 2 batch (multioutput='uniform_average': the mean of the columns' means)
REGRESSION_CASES: dict[str, tuple[str, list[float] | list[list[float]],
                                  list[float] | list[list[float]]]] = {
    "mse_regression": ("mean_squared_error", [3.0, -0.5, 2.0, 7.0], [3.2, -0.4, 2.1, 12.0]),
    "mse_batch": ("mean_squared_error", [[3.0, -0.5], [2.0, 7.0], [0.2, -1.0]],
                  [[2.5, 0.0], [2.0, 8.0], [1.0, -3.0]]),
    "mae_regression": ("mean_absolute_error", [3.0, -0.5, 2.0, 7.0], [3.2, -0.4, 2.1, 12.0]),
    "mae_batch": ("mean_absolute_error", [[3.0, -0.5], [2.0, 7.0], [0.2, -1.0]],
                  [[2.5, 0.0], [2.0, 8.0], [1.0, -3.0]]),
}


def measure() -> dict[str, object]:
    """Every case's value (repr) or error, and the warnings it raised, for this version."""
    import numpy as np
    import sklearn
    import sklearn.metrics
    from sklearn.metrics import log_loss, mean_absolute_percentage_error

    out: dict[str, object] = {"version": sklearn.__version__}
    for name, (t, y) in CASES.items():
        result: dict[str, object] = {}
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            try:
                result["value"] = repr(float(log_loss(np.array(t, float), np.array(y, float))))
            except ValueError as error:
                result["error"] = str(error)[:160]
        result["warnings"] = sorted({str(w.message)[:120] for w in caught})
        out[name] = result
    for name, (t, y) in MAPE_CASES.items():
        out[name] = {"value": repr(float(mean_absolute_percentage_error(t, y)))}
    for name, (function, t, y) in REGRESSION_CASES.items():
        out[name] = {"value": repr(float(getattr(sklearn.metrics, function)(t, y)))}
    return out


if __name__ == "__main__":
    print(json.dumps(measure(), ensure_ascii=False))
