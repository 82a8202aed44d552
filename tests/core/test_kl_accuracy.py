"""KL divergence's term t·log(t/y) is computed as 0.0 − t·log(y/t): one log of the ratio, as close
to the true term as PyTorch's xlogy(t, t) − t·log y and closer as y nears t, at one log's cost. At
t = 1 the ratio is y itself, so on a one-hot t kl is −log y, cee's number, to the last bit (the
round-4 tester saw 0.7874578600311866 for kl and …867 for cee and torch while kl took t/y). Where
y/t would leave the normal numbers, the two logs keep the term finite."""

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


def test_soft_targets_are_within_rounding_of_the_true_value() -> None:
    rng = np.random.default_rng(11)
    y, t = rng.uniform(1e-6, 1.0, 2000), rng.uniform(0.1, 0.9, 2000)
    values = evaluate("kl", y, t).contributions
    exact = _exact(t, y)
    # the ratio and its log each within half an ulp, then times t
    assert np.all(np.abs(values - exact) <= 4 * np.finfo(float).eps
                  * t * (np.abs(np.log(t / y)) + 1))


def test_near_the_end_of_learning_one_log_is_closer_than_two() -> None:
    """y within 1e-4 of t (relative): the term is ~1e-9 and the two logs of ~0.7 cancel, where
    the ratio's log does not (measured: worst relative error 4.7e-11 against 3.1e-10)."""
    rng = np.random.default_rng(5)
    t = rng.uniform(0.2, 0.8, 500)
    y = t * (1.0 + rng.uniform(-1e-4, 1e-4, 500))
    exact = _exact(t, y)
    values = evaluate("kl", y, t, reduction="sum").contributions
    two_logs = t * np.log(t) - t * np.log(y)  # PyTorch's kl_div(log y, t) term by term

    def worst(v: np.ndarray) -> float:
        return float(np.max(np.abs(v - exact) / np.abs(exact)))

    assert worst(values) < worst(two_logs) / 2


def test_one_hot_samples_beside_soft_ones_are_cee_bit_for_bit() -> None:
    """The rule is each term's, not each slice's: a one-hot row among soft rows is still cee's."""
    y, t = _one_hot_batch(2 * SLICE // 10 + 3, 10)
    soft = np.arange(0, len(t), 7)
    t[soft] = np.full(10, 0.1)  # every 7th sample a uniform distribution
    kl = evaluate("kl", y, t, reduction="sum").contributions
    cee = evaluate("cee", y, t, reduction="sum").contributions
    one_hot = np.setdiff1d(np.arange(len(t)), soft)
    assert np.array_equal(kl[one_hot], cee[one_hot])


def test_zeros_and_an_overflowing_ratio_inside_a_long_soft_target() -> None:
    """Past the fast path's slices: a t = 0 term is 0 and a y/t that overflows keeps its finite
    value, as on a short vector (where they are computed term by term with masks)."""
    rng = np.random.default_rng(9)
    y, t = rng.uniform(0.01, 1.0, 3 * SLICE), rng.uniform(0.01, 1.0, 3 * SLICE)
    t[::3] = 0.0
    t[SLICE + 1], y[SLICE + 1] = 1e-310, 0.5  # y/t = 5e309: overflows
    long = evaluate("kl", y, t, reduction="sum").contributions
    for i in (0, 1, SLICE + 1, 2 * SLICE + 2):
        one = evaluate("kl", y[i:i + 1], t[i:i + 1], reduction="sum").contributions
        assert long[i] == one[0]
    assert long[0] == 0.0 and np.isfinite(long[SLICE + 1]) and long[SLICE + 1] < 0
    odd = slice(SLICE + 1, SLICE + 2)
    assert long[odd][0] == pytest.approx(_exact(t[odd], y[odd])[0], rel=1e-13)


def test_the_card_shows_the_formula_computed() -> None:
    assert get_loss("kl").formula == "E = Σₖ tₖ log(tₖ / yₖ)"
