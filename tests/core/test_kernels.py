"""The fast kernels (in-place steps, branch-free selects, range-proved fast paths) give, bit for
bit, what the plain formula gives: on random data, on edge values (±0, ±inf, NaN, huge |d|,
the 5e-324 subnormal), with and without the ranges the checks pass them."""

from __future__ import annotations

import math

import numpy as np
import pytest

from lossgui.core import evaluate, get_loss
from lossgui.core.cache_blocks import CACHE_BLOCK
from lossgui.core.losses import reduction_divisor
from lossgui.core.ranges import Ranges

EDGES = np.array([0.0, -0.0, 1.0, -1.0, 0.5, -0.5, 2.0, 1e300, -1e300, 5e-324, -5e-324,
                  np.inf, -np.inf, np.nan, 1e-12, 709.0, 711.0, -0.999999])


def _data(kind: str, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """(y, t): random values of one kind, plus (for "edges") every pair of edge values."""
    rng = np.random.default_rng(seed)
    if kind == "positive":  # every y and t in (0, 1]: the ranges prove the masks empty
        return rng.uniform(1e-9, 1.0, 4000), rng.uniform(1e-9, 1.0, 4000)
    if kind == "small":  # |y − t| < 1 everywhere
        return rng.uniform(0.0, 0.99, 4000), rng.uniform(0.0, 0.99, 4000)
    if kind == "large":  # |y − t| ≥ 1 everywhere
        return rng.uniform(5.0, 900.0, 4000), -rng.uniform(0.0, 4.0, 4000)
    if kind == "mixed":
        return rng.normal(0.0, 3.0, 4000), rng.normal(0.0, 3.0, 4000)
    y, t = (a.ravel() for a in np.meshgrid(EDGES, EDGES))
    noise = rng.normal(0.0, 10.0, 2000)
    return np.concatenate([y, noise, EDGES]), np.concatenate([t, -noise[::-1], EDGES[::-1]])


def _same_bits(a: np.ndarray, b: np.ndarray) -> bool:
    """Equal as IEEE bit patterns (so −0.0 ≠ +0.0), any NaN equal to any NaN."""
    nan = np.isnan(a)
    return bool(np.array_equal(nan, np.isnan(b))
                and np.array_equal(a[~nan].view(np.uint64), b[~nan].view(np.uint64)))


def _ref_mae(y, t, p):
    d = y - t
    return np.abs(d), np.sign(d)


def _ref_kl(y, t, p):
    ratio = y / t
    normal = (t > 0) & (ratio >= np.finfo(float).tiny) & (ratio <= np.finfo(float).max)
    two_logs = np.where(t != 0, t * np.log(t), 0.0) - np.where(t != 0, t * np.log(y), 0.0)
    return (np.where(normal, 0.0 - t * np.log(ratio), two_logs),
            0.0 - np.where(t != 0, t / y, 0.0))


def _ref_cee(y, t, p):
    shifted = y + p["eps"]
    return (0.0 - np.where(t != 0, t * np.log(shifted), 0.0),
            0.0 - np.where(t != 0, t / shifted, 0.0))


def _ref_hinge(y, t, p):
    labels = np.where(t == 0, -1.0, t)
    margin = 1.0 - labels * y
    return np.where(margin <= 0, 0.0, margin), np.where(margin <= 0, 0.0, -labels)


def _ref_bce_logits(z, t, p):
    e = np.exp(-np.abs(z))
    values = np.maximum(z, 0.0) - z * t + np.log1p(e)
    return values, np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e)) - t


def _ref_log_cosh(y, t, p):
    d = y - t
    size = np.abs(d)
    large = size >= 1.0
    small_form = np.log1p(2.0 * np.sinh(np.where(large, 0.0, d) / 2.0) ** 2)
    large_form = size + np.log1p(np.exp(-2.0 * size)) - math.log(2.0)
    return np.where(large, large_form, small_form), np.tanh(d)


def _ref_pinball(y, t, p):
    q = float(p["quantile"])
    d = t - y
    values = np.where(d >= 0, q * d, (q - 1.0) * d)
    grads = np.where(d > 0, -q, np.where(d < 0, 1.0 - q, 0.5 - q))
    return values, np.where(np.isnan(d), np.nan, grads)


def _ref_msle(y, t, p):
    refused = (y <= -1.0) | (t <= -1.0)
    safe_y = np.where(refused, 0.0, y)
    d = np.log1p(safe_y) - np.log1p(np.where(refused, 0.0, t))
    return (np.where(refused, np.nan, d * d),
            np.where(refused, np.nan, 2.0 * d / (1.0 + safe_y)))


REFERENCES = {"mae": _ref_mae, "kl": _ref_kl, "cee": _ref_cee, "hinge": _ref_hinge,
              "bce_logits": _ref_bce_logits,
              "log_cosh": _ref_log_cosh, "pinball": _ref_pinball, "msle": _ref_msle}
PARAMS = {"mae": [{}], "kl": [{}], "cee": [{"eps": 0.0}, {"eps": 1e-7}], "hinge": [{}],
          "bce_logits": [{}],
          "log_cosh": [{}], "msle": [{}],
          "pinball": [{"quantile": q} for q in (0.0, 0.1, 0.5, 0.9, 1.0)]}
CASES = [(loss, p) for loss in REFERENCES for p in PARAMS[loss]]


@pytest.mark.parametrize("kind", ["positive", "small", "large", "mixed", "edges"])
@pytest.mark.parametrize(("loss", "given"), CASES)
def test_kernel_is_the_plain_formula_bit_for_bit(loss: str, given: dict[str, float],
                                                 kind: str) -> None:
    definition = get_loss(loss)
    p = {param.name: param.default for param in definition.params} | given
    y, t = _data(kind)
    with np.errstate(all="ignore"):
        want_values, want_grads = REFERENCES[loss](y, t, p)
        for ranges in (None, Ranges.of(y, t)):
            values, grads = definition.compute(y.copy(), t.copy(), p, ranges)
            assert _same_bits(values, want_values), (loss, kind, ranges)
            assert _same_bits(grads, want_grads), (loss, kind, ranges)


@pytest.mark.parametrize(("loss", "given"), CASES)
def test_evaluate_scales_the_same_kernel(loss: str, given: dict[str, float]) -> None:
    """Through evaluate (ranges, checks, reduction), the contributions are the reference's."""
    y, t = _data("positive", seed=3)
    with np.errstate(all="ignore"):
        p = {param.name: param.default for param in get_loss(loss).params} | given
        want, _ = REFERENCES[loss](y, t, p)
    result = evaluate(loss, y, t, **given)
    divisor = reduction_divisor(get_loss(loss), y.shape, p)  # a vector is one sample for kl
    assert _same_bits(result.contributions, want / divisor)


def test_pinball_zero_difference_keeps_the_sign_the_select_gives() -> None:
    """Where both pieces are zeros (d = ±0, a subnormal d), the zero's sign is the select's."""
    y = np.array([0.0, 0.0, -0.0, 1.0, 5e-324, 0.0])
    t = np.array([0.0, -0.0, 0.0, 1.0, 0.0, 5e-324])
    values, _ = get_loss("pinball").compute(y, t, {"quantile": 0.3}, None)
    want, _ = _ref_pinball(y, t, {"quantile": 0.3})
    assert list(np.signbit(values)) == list(np.signbit(want)) == [0, 1, 0, 0, 0, 0]


@pytest.mark.parametrize("shape", [(2 * CACHE_BLOCK + 77,), (CACHE_BLOCK // 3 + 5, 7)])
@pytest.mark.parametrize("zero_targets", [False, True])
@pytest.mark.parametrize(("loss", "given"), CASES)
def test_kernels_across_cache_blocks_are_the_plain_formula(
    loss: str, given: dict[str, float], shape: tuple[int, ...], zero_targets: bool
) -> None:
    """Arrays longer than a cache block (lossgui/core/cache_blocks.py), vectors and N×K tables,
    with every t > 0 or some t = 0: slice by slice, the same bits as the whole-array formula."""
    definition = get_loss(loss)
    p = {param.name: param.default for param in definition.params} | given
    rng = np.random.default_rng(7)
    y, t = rng.uniform(1e-9, 1.0, shape), rng.uniform(1e-9, 1.0, shape)
    if zero_targets:
        t.reshape(-1)[::5] = 0.0
    with np.errstate(all="ignore"):
        want_values, want_grads = REFERENCES[loss](y, t, p)
        values, grads = definition.compute(y, t, p, Ranges.of(y, t))
    assert values.shape == grads.shape == shape
    assert _same_bits(values, want_values) and _same_bits(grads, want_grads)


def test_ranges_over_many_slices_are_the_whole_arrays():
    """Ranges.of takes each slice's min and max: the same as the whole array's, NaN included."""
    rng = np.random.default_rng(1)
    y, t = rng.normal(size=300_003), rng.normal(size=300_003)
    assert Ranges.of(y, t) == Ranges(y.min(), y.max(), t.min(), t.max())
    y[123_456] = np.nan
    t[-1] = -np.inf
    ranges = Ranges.of(y.reshape(3, -1), t)
    assert math.isnan(ranges.y_low) and math.isnan(ranges.y_high)
    assert ranges.t_low == -np.inf and ranges.t_high == t[:-1].max() and not ranges.finite


@pytest.mark.parametrize(("t", "code"), [
    ([0.0, 1.0, 1.0, 0.0], "t_multi_label"),
    ([1.0, 1.0, 0.5, 0.0], "t_not_distribution"),  # two 1s, but not all 0 or 1
    ([0.0, 0.0, 0.0, 0.0], "t_no_class"),
    ([1.5, -0.5, 0.0, 0.0], None),  # sums to 1, one negative: the [0, 1] warnings say it
    ([0.25, 0.25, 0.5, 0.0], None),
    ([0.0, 1.0, 0.0, 0.0], None),
])
@pytest.mark.parametrize("size", [1, 100_000])
@pytest.mark.parametrize("loss", ["cee", "kl"])
def test_cross_entropy_target_remarks_at_any_size(t: list[float], code: str | None,
                                                  size: int, loss: str) -> None:
    """The remark on t (counted, with the ranges' sign) is the same for one row or a long one,
    and kl makes cee's (in its own words)."""
    target = np.zeros(4 * size)
    target[:4] = t
    y = np.full(target.size, 0.25)
    remarks = {"t_multi_label", "t_not_distribution", "t_no_class",
               "t_not_distribution_uncompared"}
    if loss == "kl" and code == "t_not_distribution":  # kl is no distance there (core.lowest)
        code = "t_not_distribution_uncompared"
    codes = [p.code for p in evaluate(loss, y, target).problems if p.code in remarks]
    assert codes == ([code] if code else [])


def test_hinge_without_selects_matches_on_every_finite_target_edge() -> None:
    """The branch-free hinge (finite t): every edge y against every finite edge t, bit for bit."""
    finite_t = EDGES[np.isfinite(EDGES)]
    y, t = (a.ravel() for a in np.meshgrid(EDGES, np.concatenate([finite_t, [1.0, -1.0]])))
    ranges = Ranges.of(y, t)
    assert math.isfinite(ranges.t_low) and math.isfinite(ranges.t_high)  # the fast path
    with np.errstate(all="ignore"):
        values, grads = get_loss("hinge").compute(y, t, {}, ranges)
        want_values, want_grads = _ref_hinge(y, t, {})
    assert _same_bits(values, want_values) and _same_bits(grads, want_grads)


@pytest.mark.parametrize("divisor", [1.0, 2.0, 8.0, 131072.0, 2.0**20, 2.0**40, 3.0, 1e6, 7.5])
def test_dividing_in_place_is_division_to_the_last_bit(divisor: float) -> None:
    """A power of two is divided by multiplying with its exact reciprocal: the same bits as
    np.divide for every float64, subnormal results, zeros of either sign, ∞ and NaN included."""
    from lossgui.core.safe_math import divide_in_place

    rng = np.random.default_rng(int(divisor) % 1000)
    bits = rng.integers(0, 2**64 - 1, 200_000, dtype=np.uint64, endpoint=True)
    values = np.concatenate([bits.view(np.float64),
                             [0.0, -0.0, 5e-324, -5e-324, 2.2e-308, np.inf, -np.inf, np.nan]])
    with np.errstate(all="ignore"):  # random bits hold NaNs, and evaluate ignores these too
        want = values / divisor
        got = values.copy()
        divide_in_place(got, divisor)
    assert _same_bits(got, want)


@pytest.mark.parametrize("pattern", ["soft first, then 0s and 1s", "1 first, then soft",
                                     "0/1 but a soft last", "0/1 only", "soft only"])
def test_kl_slice_is_the_plain_formula_whatever_its_first_target(pattern: str) -> None:
    """kl's kernel takes a slice whose first t is neither 0 nor 1 as soft without counting its
    0s and 1s; every mix of soft, 0 and 1 targets still gives the plain formula's bits."""
    rng = np.random.default_rng(11)
    n = 3 * CACHE_BLOCK + 5
    y = rng.uniform(1e-9, 1.0, n)
    t = rng.integers(0, 2, n).astype(float)
    if pattern == "soft first, then 0s and 1s":
        t[::CACHE_BLOCK] = 0.25
    elif pattern == "1 first, then soft":
        t = rng.uniform(0.0, 1.0, n)
        t[::CACHE_BLOCK] = 1.0
    elif pattern == "0/1 but a soft last":
        t[CACHE_BLOCK - 1::CACHE_BLOCK] = 0.5
    elif pattern == "soft only":
        t = rng.uniform(1e-3, 1.0, n)
    p = {"reduction": "batchmean"}
    with np.errstate(all="ignore"):
        want_values, want_grads = _ref_kl(y, t, p)
        values, grads = get_loss("kl").compute(y, t, p, Ranges.of(y, t))
    assert _same_bits(values, want_values) and _same_bits(grads, want_grads)
