"""Min/max envelopes: every bin keeps its extremes, so nothing large is hidden (no Qt)."""

from __future__ import annotations

import numpy as np
import pytest

from lossgui.core.downsample import bin_step, envelope, largest_in


@pytest.mark.parametrize("n, bins", [(1, 10), (10, 3), (1000, 7), (1_048_576, 1000), (5, 0)])
def test_every_bin_keeps_its_maximum_and_minimum(n: int, bins: int) -> None:
    rng = np.random.default_rng(n)
    values = rng.standard_normal(n) ** 3
    env = envelope(values, 0, n, bins)
    assert len(env.starts) <= max(bins, 1)
    assert env.starts[0] == 0 and env.stops[-1] == n
    np.testing.assert_array_equal(env.starts[1:], env.stops[:-1])  # bins tile the range
    for i in range(len(env.starts)) if n < 10_000 else rng.integers(0, len(env.starts), 50):
        part = values[env.starts[i]:env.stops[i]]
        assert env.high[i] == part.max() and env.low[i] == part.min()
    assert env.high.max() == values.max()  # the largest value is always drawn


def test_a_sub_range_is_binned_from_its_own_start() -> None:
    values = np.arange(100, dtype=float)
    env = envelope(values, 10, 30, 4)
    assert env.step == bin_step(20, 4) == 5
    np.testing.assert_array_equal(env.starts, [10, 15, 20, 25])
    np.testing.assert_array_equal(env.low, [10, 15, 20, 25])
    np.testing.assert_array_equal(env.high, [14, 19, 24, 29])


def test_missing_and_infinite_values_are_flagged_not_drawn() -> None:
    values = np.array([1.0, np.nan, -2.0, np.inf, 5.0, -np.inf, np.nan, np.nan, 0.5])
    env = envelope(values, 0, len(values), 5)  # bins of 2
    assert np.all(np.isfinite(env.low)) and np.all(np.isfinite(env.high))
    np.testing.assert_array_equal(env.nan, [True, False, False, True, False])
    np.testing.assert_array_equal(env.pos_inf, [False, True, False, False, False])
    np.testing.assert_array_equal(env.neg_inf, [False, False, True, False, False])
    np.testing.assert_array_equal(env.high, [1.0, -2.0, 5.0, 0.0, 0.5])
    np.testing.assert_array_equal(env.low, [1.0, -2.0, 5.0, 0.0, 0.5])


def test_largest_in_names_the_element_a_bin_shows() -> None:
    values = np.array([0.1, -3.0, 2.0, np.nan, 0.0])
    assert largest_in(values, 0, 5) == 1
    assert largest_in(values, 2, 5) == 2
    assert largest_in(values, 3, 4) is None
