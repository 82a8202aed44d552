"""The class-axis losses through the batch CSV with class-index targets, as PyTorch takes them.

The reference numbers were computed with PyTorch 2.13.0 (float64) on the same batch; Keras's
categorical_hinge (one-hot targets only) is worked out by hand from its definition.
"""

from __future__ import annotations

import json
import math

import numpy as np
import pytest

from lossgui.cli import main
from lossgui.core import evaluate

Z = np.array([[0.1, 0.2, 0.4, 0.8], [1.5, -0.3, 0.2, 0.0], [0.3, 0.3, -1.0, 2.0]])
LABELS = np.array([3.0, 0.0, 1.0])
LOG_SOFTMAX = Z - np.log(np.exp(Z).sum(axis=1, keepdims=True))


def batch_file(tmp_path, y: np.ndarray, name: str = "batch.csv"):
    header = ",".join(["t", *(f"y[{k}]" for k in range(y.shape[1]))])
    rows = [",".join([str(int(c)), *(repr(float(v)) for v in row)]) for c, row in zip(LABELS, y,
                                                                               strict=True)]
    path = tmp_path / name
    path.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    return path


def total(capsysbinary, path, loss: str, *params: str) -> float:
    args = ["compute", str(path), "--loss", loss, "--format", "json"]
    for param in params:
        args += ["--param", param]
    assert main(args) == 0
    out, _ = capsysbinary.readouterr()
    return float(json.loads(out.decode("utf-8"))["predictions"][0]["total"])


@pytest.mark.parametrize(("loss", "params", "pytorch"), [
    ("multi_margin", (), 0.4166666666666667),  # F.multi_margin_loss(z, idx)
    ("multi_margin", ("p=2", "margin=0.5"), 0.42500000000000004),
    ("multi_margin", ("reduction=sum",), 1.25),
])
def test_multi_margin_with_class_indices_is_pytorchs(capsysbinary, tmp_path, loss, params,
                                                     pytorch):
    assert total(capsysbinary, batch_file(tmp_path, Z), loss, *params) == pytest.approx(
        pytorch, rel=1e-14)
    kwargs = dict(p.split("=") for p in params)
    assert evaluate(loss, Z, LABELS, **kwargs).total == pytest.approx(pytorch, rel=1e-14)


def test_nll_with_class_indices_is_pytorchs(capsysbinary, tmp_path):
    path = batch_file(tmp_path, LOG_SOFTMAX)
    assert total(capsysbinary, path, "nll") == pytest.approx(1.1845635660578946, rel=1e-14)
    assert total(capsysbinary, path, "nll", "reduction=sum") == pytest.approx(
        3.5536906981736838, rel=1e-14)  # F.nll_loss(log_softmax(z), idx, reduction='sum')


def test_categorical_hinge_with_class_indices_equals_its_one_hot_target(capsysbinary, tmp_path):
    # Keras, by hand: 1 + 0.4 − 0.8; max(0, 1 + 0.2 − 1.5) = 0; 1 + 2.0 − 0.3.
    expected = (0.6 + 0.0 + 2.7) / 3
    assert total(capsysbinary, batch_file(tmp_path, Z), "categorical_hinge") == pytest.approx(
        expected)
    one_hot = np.eye(4)[LABELS.astype(int)]
    assert evaluate("categorical_hinge", Z, one_hot).total == pytest.approx(expected)
    assert not math.isnan(evaluate("categorical_hinge", Z, LABELS).total)
