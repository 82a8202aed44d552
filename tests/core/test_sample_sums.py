"""The "does each sample sum to 1?" checks of cee, kl, softmax_cee and nll: every sample of a
batch is looked at (not only the first 20), and the sums the range pass takes on the way are the
ones the checks would take themselves."""

from __future__ import annotations

import numpy as np
import pytest

from lossgui.core import evaluate, get_loss
from lossgui.core.checks import (
    MAX_LISTED,
    Findings,
    prediction_sums,
    samples_off_one,
    target_one_hot,
)
from lossgui.core.ranges import Ranges


def _one_hot_batch(rows: int, classes: int = 3) -> tuple[np.ndarray, np.ndarray]:
    t = np.zeros((rows, classes))
    t[:, 0] = 1.0
    return np.full((rows, classes), 1.0 / classes), t


@pytest.mark.parametrize("loss", ["cee", "softmax_cee", "nll"])
def test_an_odd_target_after_the_twentieth_sample_is_explained(loss: str) -> None:
    y, t = _one_hot_batch(30)
    t[25] = [1.0, 1.0, 0.0]
    remarks = [p for p in evaluate(loss, y, t).problems if p.code.startswith("t_")]
    assert [(p.code, p.sample) for p in remarks] == [("t_multi_label", 25)]
    assert "sample 26" in remarks[0].message


def test_more_odd_samples_than_listed_are_counted() -> None:
    y, t = _one_hot_batch(MAX_LISTED + 7)
    t[:, 1] = 1.0  # every sample has two 1s
    y[:, 0] = 0.5  # and every y sums to 1.1667
    problems = evaluate("cee", y, t).problems
    more = [p for p in problems if p.message.startswith("…and")]
    listed = [p for p in problems if p not in more]
    assert sum(p.code == "t_multi_label" for p in listed) == MAX_LISTED
    assert sum(p.code == "y_not_normalised" for p in listed) == MAX_LISTED
    assert [p.message.split(":")[0] for p in more] == ["…and 7 more samples"] * 2
    assert all(p.message_ja.startswith("…ほか7個のサンプル") for p in more)


@pytest.mark.parametrize("shape", [(5,), (300_001,), (40_000, 7), (3, 70_000)])
def test_the_range_pass_sums_each_sample(shape: tuple[int, ...]) -> None:
    rng = np.random.default_rng(5)
    y, t = rng.random(shape), rng.random(shape)
    ranges = Ranges.of(y, t, sums=("y", "t"))
    assert ranges == Ranges.of(y, t)  # the same smallest and largest values
    assert ranges.y_sums is not None and ranges.t_sums is not None
    # added in whatever order is fastest (a slice at a time, einsum for short rows): the checks
    # only ask "is it 1?" and print six digits
    assert np.allclose(ranges.y_sums, np.atleast_2d(y).sum(axis=-1), rtol=1e-13, atol=0.0)
    assert np.allclose(ranges.t_sums, np.atleast_2d(t).sum(axis=-1), rtol=1e-13, atol=0.0)


@pytest.mark.parametrize("seed", range(6))
def test_the_checks_say_the_same_with_or_without_the_ranges_sums(seed: int) -> None:
    """Random batches of one-hot, two-hot, all-zero, soft and negative rows, long and short."""
    rng = np.random.default_rng(seed)
    rows, classes = (rng.integers(1, 60), rng.integers(2, 6)) if seed % 2 else (1, 100_000)
    t = rng.choice([0.0, 1.0, 0.5, -0.25], size=(rows, classes), p=[0.6, 0.3, 0.05, 0.05])
    t[rng.random(rows) < 0.4] = 0.0
    t[:, 0] = np.where(t.any(axis=-1), t[:, 0], 1.0)  # some rows one-hot
    y = rng.dirichlet(np.ones(classes), size=rows) * rng.choice([1.0, 1.3], size=(rows, 1))
    if seed % 2 == 0:
        y, t = y[0], t[0]
    said = []
    for ranges in (Ranges.of(y, t), Ranges.of(y, t, sums=("y", "t"))):
        findings = Findings(y.shape)
        findings.ranges = ranges
        usable = np.ones(y.shape, dtype=bool)
        target_one_hot(findings, t, usable)
        prediction_sums(findings, y, usable)
        said.append([(p.code, p.message, p.sample, p.severity) for p in findings.problems])
    assert said[0] == said[1]
    assert said[0]  # something to say in every case


def test_the_losses_that_check_sums_ask_the_range_pass_for_them() -> None:
    asked = {loss: get_loss(loss).checks_sums
             for loss in ("cee", "kl", "softmax_cee", "nll", "mse", "bce")}
    assert asked == {"cee": ("y", "t"), "kl": ("y", "t"), "softmax_cee": ("t",), "nll": ("t",),
                     "mse": (), "bce": ()}


@pytest.mark.parametrize("seed", range(4))
def test_samples_off_one_are_those_isclose_calls_off(seed: int) -> None:
    """Sums at and around the tolerance, NaN and ±∞, with some samples not usable; and the
    usual case, every sum within the tolerance, which the smallest and largest settle."""
    rng = np.random.default_rng(seed)
    edge = 1e-8 + 1e-5
    sums = 1.0 + rng.choice([0.0, edge, -edge, 2 * edge, 1e-12, 0.5], size=500)
    sums[rng.integers(0, 500, 5)] = rng.choice([np.nan, np.inf, -np.inf], size=5)
    usable = rng.random(500) < 0.9
    for values in (sums, 1.0 + rng.uniform(-edge, edge, 500)):
        want = np.flatnonzero(usable & ~np.isclose(values, 1.0))
        assert np.array_equal(samples_off_one(values, usable), want)
