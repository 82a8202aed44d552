"""Other tools under a regression loss lists the regression functions and leaves the
cross-entropies out (tester9 #5: under mse and mae it listed cee, log_loss and
binary_cross_entropy, and no l1_loss, MeanAbsoluteError or mean_absolute_error), as it already
left the probability functions out on logits; under reduction=sum the PyTorch function of the
chosen loss is given with reduction='sum' too, and the probability calls with class indices and
the softmax-twice mistake are there (tester9 #20). Each value is checked against the real
library in test_framework_conventions / test_honest_numbers; here: which rows, and the words."""

from __future__ import annotations

import numpy as np
import pytest

from lossgui.core import evaluate
from lossgui.core.conventions import compare, input_remarks

T = np.array([3.0, -0.5, 2.0, 7.0])  # resources/examples/regression.csv
Y2 = np.array([3.2, -0.4, 2.1, 12.0])
REGRESSION = ["mse_loss (reduction='mean')", "l1_loss (reduction='mean')",
              "huber_loss (delta=1, reduction='mean')",
              "smooth_l1_loss (beta=1, reduction='mean')", "MeanSquaredError (float32)",
              "MeanAbsoluteError (float32)", "Huber (delta=1, float32)",
              "mean_squared_error(t, y)", "mean_absolute_error(t, y)"]
PROBABILITY_WORDS = ("cross", "log_loss", "categorical", "nll", "交差", "sum_squared_error")


@pytest.mark.parametrize("loss_id", ["mse", "mae", "huber", "smooth_l1", "log_cosh", "pinball",
                                     "msle", "mape"])
def test_a_regression_loss_lists_the_regression_functions_only(loss_id: str) -> None:
    rows = compare(Y2, T, loss_id)
    functions = [c.function for c in rows]
    assert functions[:len(REGRESSION)] == REGRESSION
    assert not [f for f in functions if any(word in f for word in PROBABILITY_WORDS)], functions
    remarks = input_remarks(Y2, T, "en", loss_id)
    assert f"{loss_id} reads real numbers, so the cross-entropies" in remarks[0]
    assert "sums to" not in " ".join(remarks)  # y2 summing to 16.9 is no news for regression
    assert "実数なので" in input_remarks(Y2, T, "ja", loss_id)[0]


def test_the_mae_user_finds_lossguis_number_among_them() -> None:
    ours = evaluate("mae", Y2, T).total
    rows = {c.label + " " + c.function: c.value for c in compare(Y2, T, "mae")}
    assert ours == 1.35
    assert rows["PyTorch 2.13 l1_loss (reduction='mean')"] == ours
    assert rows["scikit-learn 1.3–1.9 mean_absolute_error(t, y)"] == ours
    assert rows["Keras 3.0–3.15 MeanAbsoluteError (float32)"] == pytest.approx(ours, rel=1e-6)


def test_huber_and_smooth_l1_rows_take_the_parameter_set_on_the_left() -> None:
    functions = [c.function for c in compare(Y2, T, "huber", {"delta": 0.5})]
    assert "huber_loss (delta=0.5, reduction='mean')" in functions
    assert "Huber (delta=0.5, float32)" in functions
    functions = [c.function for c in compare(Y2, T, "smooth_l1", {"beta": 0.25})]
    assert "smooth_l1_loss (beta=0.25, reduction='mean')" in functions


def test_the_article_keeps_its_table() -> None:
    """sse is the article's loss on probabilities: its table of cee, log_loss … stays."""
    t = np.array([0.0, 1, 0, 1, 0])
    y = np.array([0.01, 0.65, 0.13, 0.70, 0.15])
    functions = [c.function for c in compare(y, t, "sse")]
    assert "log_loss" in functions and "l1_loss (reduction='mean')" not in functions


@pytest.mark.parametrize(("loss_id", "params", "mean", "summed"), [
    ("softmax_cee", {"label_smoothing": 0.2}, "cross_entropy(z, class indices, "
     "label_smoothing=0.2) (reduction='mean')", "cross_entropy(z, class indices, "
     "label_smoothing=0.2) (reduction='sum')"),
    ("mse", {}, "mse_loss (reduction='mean')", "mse_loss (reduction='sum')"),
    ("bce_logits", {}, "binary_cross_entropy_with_logits(z, t) (reduction='mean')",
     "binary_cross_entropy_with_logits(z, t) (reduction='sum')"),
])
def test_reduction_sum_adds_the_sum_row_after_the_mean_row(
    loss_id: str, params: dict[str, float], mean: str, summed: str,
) -> None:
    z = np.array([[1.2, -0.3, 0.5, 0.1], [0.1, 2.0, -1.0, 0.3], [-0.5, 0.4, 1.5, 2.0]])
    t = np.eye(4)[[0, 3, 1]]
    chosen = {**params, "reduction": "sum"}
    rows = compare(z, t, loss_id, chosen)
    functions = [c.function for c in rows]
    assert functions[functions.index(mean) + 1] == summed
    value = rows[functions.index(summed)].value
    assert value == pytest.approx(evaluate(loss_id, z, t, **chosen).total, rel=1e-15)
    assert summed not in [c.function for c in compare(z, t, loss_id, params)]  # mean: no sum row


def test_probabilities_with_class_indices_have_their_calls() -> None:
    """The book's batch (probabilities, labels 2 and 7) under cee mean: nll_loss of log y is the
    book's batch mean, Keras's sparse call is there, and the softmax-twice row says why it is
    far off."""
    y = np.array([[0.1, 0.05, 0.6, 0.0, 0.05, 0.1, 0.0, 0.1, 0.0, 0.0],
                  [0.1, 0.05, 0.1, 0.0, 0.05, 0.0, 0.0, 0.7, 0.0, 0.0]])
    t = np.eye(10)[[2, 7]]
    rows = {c.function: c for c in compare(y, t, "cee", {"reduction": "mean"})}
    nll = rows["nll_loss(torch.log(y), class indices) (reduction='mean')"]
    assert nll.value == evaluate("cee", y, t, reduction="mean").total
    assert rows["sparse_categorical_crossentropy(t, y) (float32)"].value is not None
    mistake = rows["cross_entropy(y, t) on softmax's output y (a mistake)"]
    assert mistake.value is not None and mistake.value > 1.7 > 3 * nll.value
    assert "softmax twice" in mistake.explain("en") and "2回" in mistake.explain("ja")
