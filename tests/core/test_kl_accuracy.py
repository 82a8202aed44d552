"""KL divergence is computed as the card writes it, t·log(t/y), because that form is the more
accurate one: against a 50-digit reference (decimal) it errs less than t·log t − t·log y, whose
two logs cancel, and it stays within a few roundings of the true value. Where t/y would
overflow or fall below the normal numbers, the two-log form keeps the value finite."""

from __future__ import annotations

from decimal import Decimal, localcontext

import numpy as np
import pytest

from lossgui.core import evaluate, get_loss
from lossgui.core.ranges import Ranges

EPS = float(np.finfo(np.float64).eps)


def _exact(t: np.ndarray, y: np.ndarray) -> np.ndarray:
    """t·log(t/y) of the float64 inputs (0 where t = 0), to 50 digits, rounded once to float64."""
    with localcontext() as context:
        context.prec = 50
        return np.array([float(Decimal(a) * (Decimal(a) / Decimal(b)).ln()) if a else 0.0
                         for a, b in zip(t.tolist(), y.tolist(), strict=True)])


def _inputs(kind: str) -> tuple[np.ndarray, np.ndarray]:
    """(y, t) of 1,500 elements: t close to y, unrelated, a tiny t, or softmax rows."""
    rng = np.random.default_rng(11)
    n = 1500
    if kind == "t close to y":
        t = rng.uniform(0.1, 0.9, n)
        return t * (1 + rng.normal(0.0, 1e-6, n)), t
    if kind == "unrelated":
        return rng.uniform(1e-6, 1.0, n), rng.uniform(0.1, 0.9, n)
    if kind == "tiny t":
        return rng.uniform(1e-6, 1.0, n), rng.uniform(0.0, 1e-12, n) + 1e-300
    logits = rng.normal(0.0, 3.0, (2, n // 10, 10))
    y, t = np.exp(logits) / np.exp(logits).sum(axis=-1, keepdims=True)
    return y.ravel(), t.ravel()


@pytest.mark.parametrize("kind", ["t close to y", "unrelated", "tiny t", "softmax rows"])
def test_one_log_is_closer_to_the_true_value_than_two_logs(kind: str) -> None:
    y, t = _inputs(kind)
    exact = _exact(t, y)
    values, _ = get_loss("kl").compute(y, t, {"reduction": "sum"}, Ranges.of(y, t))
    two_logs = t * np.log(t) - t * np.log(y)
    ours, theirs = np.abs(values - exact), np.abs(two_logs - exact)
    assert ours.sum() < theirs.sum()
    # log(t/y) errs by the one rounding of t/y (≤ eps/2, absolute), the product by eps/2 more
    assert np.all(ours <= 2 * EPS * (np.abs(exact) + t))


@pytest.mark.parametrize(("y", "t"), [
    ([1e-310, 1.0 - 1e-310], [1.0, 0.0]),  # t/y overflows to ∞
    ([1.0, 1e-300], [1e-300, 1.0 - 1e-300]),  # first t/y is 1e-300 (normal), second 1e300
    ([0.5, 0.5], [1e-310, 1.0 - 1e-310]),  # t/y below the normal numbers
])
def test_a_ratio_outside_the_normal_numbers_keeps_the_finite_value(
    y: list[float], t: list[float]
) -> None:
    result = evaluate("kl", y, t)
    exact = _exact(np.array(t), np.array(y))
    assert np.all(np.isfinite(result.contributions))
    assert np.allclose(result.contributions, exact, rtol=1e-13, atol=0.0)


def test_the_card_shows_the_formula_computed() -> None:
    assert get_loss("kl").formula == "E = Σₖ tₖ log(tₖ / yₖ)"
