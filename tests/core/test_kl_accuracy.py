"""KL divergence is computed as PyTorch's kl_div computes it, xlogy(t, t) − t·log y, so that a
practitioner's torch number is lossgui's: on a one-hot t that is −log y, cee's number, to the last
bit (the round-4 tester saw 0.7874578600311866 for kl and …867 for cee and torch while kl was
computed as t·log(t/y)). Two logs never overflow where t/y would."""

from __future__ import annotations

from decimal import Decimal, localcontext

import numpy as np
import pytest

from lossgui.core import evaluate, get_loss
from lossgui.core.ranges import SLICE


def _exact(t: np.ndarray, y: np.ndarray) -> np.ndarray:
    """t·log(t/y) of the float64 inputs (0 where t = 0), to 50 digits, rounded once to float64."""
    with localcontext() as context:
        context.prec = 50
        return np.array([float(Decimal(a) * (Decimal(a) / Decimal(b)).ln()) if a else 0.0
                         for a, b in zip(t.tolist(), y.tolist(), strict=True)])


def _one_hot_batch(rows: int, classes: int) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(2)
    z = rng.normal(0.0, 2.0, (rows, classes))
    y = np.exp(z) / np.exp(z).sum(axis=1, keepdims=True)
    return y, np.eye(classes)[rng.integers(0, classes, rows)]


@pytest.mark.parametrize(("y", "t"), [
    ([0.01, 0.65, 0.13, 0.70, 0.15], [0.0, 1.0, 0.0, 1.0, 0.0]),  # the article's y1 and t
    ([0.1, 0.05, 0.6, 0.0, 0.05, 0.1, 0.0, 0.1, 0.0, 0.0],  # the book's example
     [0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0]),
    _one_hot_batch(2 * SLICE // 10 + 3, 10),  # one pass over several slices
])
def test_on_a_one_hot_target_kl_is_cee_bit_for_bit(y: object, t: object) -> None:
    kl, cee = evaluate("kl", y, t, reduction="sum"), evaluate("cee", y, t, reduction="sum")
    assert np.array_equal(kl.contributions, cee.contributions)
    assert kl.total == cee.total
    if np.ndim(t) == 1 and len(t) == 5:  # the article's cross-entropy, under kl's defaults
        assert repr(kl.total) == repr(evaluate("kl", y, t).total) == "0.7874578600311867"


@pytest.mark.parametrize(("y", "t"), [
    ([1e-310, 1.0 - 1e-310], [1.0, 0.0]),  # t/y would overflow to ∞
    ([1.0, 1e-300], [1e-300, 1.0 - 1e-300]),  # t/y of 1e-300 and of 1e300
    ([0.5, 0.5], [1e-310, 1.0 - 1e-310]),  # t/y below the normal numbers
])
def test_a_ratio_outside_the_normal_numbers_keeps_the_finite_value(
    y: list[float], t: list[float]
) -> None:
    result = evaluate("kl", y, t)
    exact = _exact(np.array(t), np.array(y))
    assert np.all(np.isfinite(result.contributions))
    assert np.allclose(result.contributions, exact, rtol=1e-13, atol=0.0)


def test_soft_targets_take_the_two_logs_within_rounding_of_the_true_value() -> None:
    rng = np.random.default_rng(11)
    y, t = rng.uniform(1e-6, 1.0, 2000), rng.uniform(0.1, 0.9, 2000)
    values = evaluate("kl", y, t).contributions
    exact = _exact(t, y)
    # two logs, each within an ulp, then their difference times t
    assert np.all(np.abs(values - exact) <= 4 * np.finfo(float).eps
                  * t * (np.abs(np.log(t)) + np.abs(np.log(y)) + 1))


def test_the_card_shows_the_formula_computed() -> None:
    assert get_loss("kl").formula == "E = Σₖ tₖ log(tₖ / yₖ)"
