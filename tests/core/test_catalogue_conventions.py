"""The "Other tools" claims about the wider catalogue, each tested against the value it describes.

Reference numbers marked "PyTorch 2.13.0" were computed with that version (CPU, float64) on the
same inputs; the others follow from the frameworks' documented code (Keras 3, scikit-learn 1.x).
"""

from __future__ import annotations

import math

import numpy as np
import pytest

from lossgui.core import evaluate
from lossgui.core.conventions import compare

TEXTBOOK = "max(0, 1 + max_{i≠c} zᵢ − z_c)"


def other(y, t, loss_id: str, function: str) -> float | None:
    [row] = [c for c in compare(np.asarray(y, float), np.asarray(t, float), loss_id)
             if c.function == function or c.function.startswith(function + " ")]
    return row.value


def test_catalogue_rows_show_only_under_their_loss():
    y, t = [0.2, 0.5, 0.3], [0.0, 1.0, 0.0]
    general = [c.function for c in compare(np.array(y), np.array(t))]
    assert [c.function for c in compare(np.array(y), np.array(t), "sse",
                                        {"reduction": "mean"})] == general
    # sse's own reduction, sum, adds PyTorch's mse_loss with reduction='sum' (= sse) after mean
    under_sum = [c.function for c in compare(np.array(y), np.array(t), "sse")]
    at = general.index("mse_loss (reduction='mean')") + 1
    assert under_sum == [*general[:at], "mse_loss (reduction='sum')", *general[at:]]
    assert len(compare(np.array(y), np.array(t), "kl")) == len(general) + 1
    # poisson reads log-rates, not probabilities: only its own two rows, each in Japanese too.
    rows = compare(np.array(y), np.array(t), "poisson")
    assert [c.label for c in rows] == ["PyTorch 2.13", "Keras 3.0–3.15"]
    for row in rows:
        assert row.reason_ja and row.reason_ja != row.reason


def test_torch_kl_div_mean_divides_by_every_element():
    y = [[0.2, 0.5, 0.3], [0.6, 0.3, 0.1]]
    t = [[0.1, 0.6, 0.3], [0.5, 0.5, 0.0]]
    value = other(y, t, "kl", "kl_div(log y, t)")
    assert value == pytest.approx(0.0340550415843994, rel=1e-13)  # PyTorch 2.13.0, 'mean'
    batchmean = evaluate("kl", y, t, reduction="mean").total  # PyTorch 'batchmean'
    assert batchmean == pytest.approx(0.1021651247531982, rel=1e-13)  # PyTorch 2.13.0
    assert value == pytest.approx(batchmean / 3)  # ÷ N·K instead of ÷ N: K = 3 times smaller


def test_keras_hinge_converts_zero_one_labels_only_when_all_are_zero_or_one():
    y = [-2.0, 5.0, 3.0]
    binary = [0.0, 0.0, 1.0]
    assert other(y, binary, "hinge", "hinge") == pytest.approx(evaluate("hinge", y, binary).total)
    mixed = [-1.0, 0.0, 1.0]  # Keras keeps the 0: max(0, 1 − 0·5) = 1
    assert other(y, mixed, "hinge", "hinge") == pytest.approx((0.0 + 1.0 + 0.0) / 3)
    assert evaluate("hinge", y, mixed).total == pytest.approx((0.0 + 6.0 + 0.0) / 3)
    assert other(y, mixed, "squared_hinge", "squared_hinge") == pytest.approx(1.0 / 3)
    assert evaluate("squared_hinge", y, mixed).total == pytest.approx(36.0 / 3)


def test_sklearn_mape_is_a_fraction_and_keras_is_what_lossgui_computes():
    y, t = [110.0, 90.0], [100.0, 100.0]
    assert other(y, t, "mape", "mean_absolute_percentage_error") == pytest.approx(0.1)
    assert evaluate("mape", y, t).total == pytest.approx(10.0)
    at_zero = other([0.5], [0.0], "mape", "mean_absolute_percentage_error")
    assert at_zero == pytest.approx(0.5 / np.finfo(np.float64).eps)


def test_keras_msle_clips_negative_values_to_1e_minus_7():
    assert other([-0.5], [0.0], "msle", "mean_squared_logarithmic_error") == 0.0
    assert evaluate("msle", [-0.5], [0.0]).total == pytest.approx(math.log(0.5) ** 2)
    y, t = [0.5, 3.0], [1.0, 2.0]  # positive values: the same number
    keras = other(y, t, "msle", "mean_squared_logarithmic_error")
    assert keras == pytest.approx(evaluate("msle", y, t).total, rel=1e-6)


def test_poisson_defaults_of_pytorch_and_keras():
    y, t = [0.3, -1.2, 2.0], [2.0, 0.0, 5.0]
    torch_default = other(y, t, "poisson", "poisson_nll_loss")
    assert torch_default == pytest.approx(-0.5199636271937148, rel=1e-13)  # PyTorch 2.13.0
    assert evaluate("poisson", y, t).total == pytest.approx(torch_default)
    rates = [0.5, 2.0, 4.0]
    assert other(rates, t, "poisson", "poisson") == pytest.approx(
        evaluate("poisson", rates, t, log_input=False, eps=1e-7).total)


def test_torch_soft_margin_overflows_where_lossgui_stays_finite():
    y, t = [1000.0, -2.0, 0.5], [-1.0, 1.0, 1.0]
    assert other(y, t, "soft_margin", "soft_margin_loss") == math.inf  # PyTorch 2.13.0: inf
    ours = evaluate("soft_margin", y, t).total
    assert ours == pytest.approx((1000.0 + math.log1p(math.exp(2.0))
                                  + math.log1p(math.exp(-0.5))) / 3)


def test_textbook_multi_class_hinge_differs_from_keras_when_every_wrong_score_is_negative():
    z, t = [-0.5, 0.2, -3.0], [0.0, 1.0, 0.0]
    assert other(z, t, "categorical_hinge", TEXTBOOK) == pytest.approx(1.0 - 0.5 - 0.2)
    assert evaluate("categorical_hinge", z, t).total == pytest.approx(1.0 + 0.0 - 0.2)
    positive = [0.9, 0.2, -3.0]  # a positive rival: both use it
    assert other(positive, t, "categorical_hinge", TEXTBOOK) == pytest.approx(
        evaluate("categorical_hinge", positive, t).total)


def test_pytorchs_class_indices_are_this_targets_not_an_example() -> None:
    """The cross_entropy row shows the class indices torch would be given for this t (the
    round-4 tester read "tensor([0, 1, 2, 1])", a fixed example, under the article's t)."""
    z = np.array([[2.0, 0.5, -1.0], [0.1, 0.2, 0.3], [1.0, -1.0, 0.0]])
    t = np.array([[0.0, 1.0, 0.0], [0.0, 0.0, 1.0], [1.0, 0.0, 0.0]])
    [row] = [c for c in compare(z, t, "softmax_cee") if "class indices" in c.function]
    assert "here tensor([1, 2, 0])" in row.reason and "ここでは tensor([1, 2, 0])" in row.reason_ja
    article = np.array([0.0, 1.0, 0.0, 1.0, 0.0])  # two 1s: no class index
    [row] = [c for c in compare(np.zeros(5), article, "softmax_cee")
             if "class indices" in c.function]
    assert "one integer per sample" in row.reason and "tensor([" not in row.reason
