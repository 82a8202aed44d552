"""evaluate's one pass (lossgui/core/ranges.py): for cee and kl the ranges, the sample sums and
the arithmetic are taken in one pass over y and t. It must say and compute exactly what the
two-pass way (ranges first, then the checks, then the kernel) says and computes."""

from __future__ import annotations

import dataclasses
import math

import numpy as np
import pytest

from lossgui.core import evaluate, get_loss, losses, params
from lossgui.core.evaluate import _scan
from lossgui.core.ranges import SLICE, Ranges, scan


def _without_fast_path(monkeypatch: pytest.MonkeyPatch, loss_id: str) -> None:
    monkeypatch.setitem(losses._BY_ID, loss_id,
                        dataclasses.replace(get_loss(loss_id), fast=None))


def _batch(rows: int, classes: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    z = rng.normal(0.0, 2.0, (rows, classes))
    y = np.exp(z) / np.exp(z).sum(axis=1, keepdims=True)
    t = np.zeros((rows, classes))
    t[np.arange(rows), rng.integers(0, classes, rows)] = 1.0
    return y, t


def _inputs(case: str) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(3)
    if case == "article":
        return (np.array([0.1, 0.05, 0.1, 0.0, 0.05]) + 0.1, np.array([0.0, 1.0, 0.0, 1.0, 0.0]))
    if case == "long vector of 0/1 targets":
        n = 3 * SLICE + 123
        return rng.uniform(1e-6, 1.0, n), (rng.random(n) < 0.5).astype(float)
    if case == "one-hot batch":
        return _batch(SLICE // 2 + 77, 7, 4)
    if case == "soft batch, rows off by a little":
        y, _ = _batch(40_000, 5, 5)
        t, _ = _batch(40_000, 5, 6)
        y[::97] *= 1.01
        return y, t
    y, t = _batch(30, 4, 7)  # "odd rows past the twentieth"
    t[24] = [1.0, 1.0, 0.0, 0.0]
    t[27] = 0.0
    return y, t


CASES = ["article", "long vector of 0/1 targets", "one-hot batch",
         "soft batch, rows off by a little", "odd rows past the twentieth"]


@pytest.mark.parametrize("loss", ["cee", "kl"])
@pytest.mark.parametrize("case", CASES)
def test_one_pass_says_and_computes_what_two_passes_do(
    loss: str, case: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    y, t = _inputs(case)
    if loss == "kl":
        t = np.clip(t, 1e-3, None)  # kl's fast path needs every t > 0
    one = evaluate(loss, y, t)
    resolved = params.resolve(loss, get_loss(loss).params, {})
    assert _scan(get_loss(loss), y, t, resolved)[0] is not None  # the one pass was taken
    _without_fast_path(monkeypatch, loss)
    two = evaluate(loss, y, t)
    assert np.array_equal(one.contributions, two.contributions)
    assert np.array_equal(one.gradient, two.gradient)
    assert [(p.code, p.message, p.message_ja, p.sample, p.index) for p in one.problems] == \
        [(p.code, p.message, p.message_ja, p.sample, p.index) for p in two.problems]
    assert np.array_equal(one.flagged, two.flagged)
    # Up to one slice the total is np.sum's own; past that, slices are added in turn.
    if y.size <= SLICE:
        assert one.total == two.total
    else:
        assert one.total == pytest.approx(two.total, rel=1e-14)


def test_the_pass_takes_the_ranges_that_ranges_of_takes() -> None:
    y, t = _batch(3 * SLICE // 7 + 5, 7, 8)
    t[5, 2] = -0.5
    scanned = scan(y, t, get_loss("cee").fast.kernel, {"eps": 0.0}, ("y", "t"))  # type: ignore[union-attr]
    alone = Ranges.of(y, t, sums=("y", "t"))
    assert scanned.ranges == alone
    assert np.array_equal(scanned.ranges.y_sums, alone.y_sums)
    assert np.array_equal(scanned.ranges.t_sums, alone.t_sums)


@pytest.mark.parametrize("spoiler", ["a zero y", "a NaN t", "an infinite y", "a negative y"])
def test_an_input_the_fast_arithmetic_cannot_take_goes_the_careful_way(
    spoiler: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The pass's arithmetic is dropped: the careful formulas and the missing-value checks run,
    on the ranges the pass took, with the same result as without the pass."""
    y, t = _inputs("long vector of 0/1 targets")
    at = SLICE + 5
    if spoiler == "a zero y":
        y[at], t[at] = 0.0, 0.0  # 0·log 0 = 0, where the fast arithmetic would give NaN
    elif spoiler == "a NaN t":
        t[at] = np.nan
    elif spoiler == "an infinite y":
        y[at], t[at] = np.inf, 0.0
    else:
        y[at] = -0.25
    one = evaluate("cee", y, t)
    _without_fast_path(monkeypatch, "cee")
    two = evaluate("cee", y, t)
    assert np.array_equal(one.contributions, two.contributions, equal_nan=True)
    assert np.array_equal(one.gradient, two.gradient, equal_nan=True)
    assert [p.message for p in one.problems] == [p.message for p in two.problems]
    assert one.total == two.total or (np.isnan(one.total) and np.isnan(two.total))
    if spoiler == "a zero y":
        assert one.contributions[at] == 0.0 and np.isfinite(one.total)


def test_a_long_total_is_the_exact_sum_rounded_once() -> None:
    """Past one slice the slices' sums are added exactly (math.fsum) and rounded once. On these
    five million-element cee inputs the total is then the correctly rounded sum of the
    contributions; added in turn, as before round 5, it was one unit off in three of them."""
    exact = 0
    for seed in range(5):
        rng = np.random.default_rng(seed)
        n = 1 << 20
        y, t = rng.uniform(0.01, 1.0, n), (rng.random(n) < 0.5).astype(float)
        result = evaluate("cee", y, t)
        parts = [np.sum(result.contributions[i:i + SLICE]) for i in range(0, n, SLICE)]
        assert result.total == math.fsum(parts)  # the rule
        exact += result.total == math.fsum(result.contributions)
    assert exact == 5
