"""The regression losses beyond squared and absolute error, each exactly as its framework has it.

``smooth_l1`` and ``poisson`` follow ``torch.nn.functional`` (PyTorch 2.x), ``log_cosh``, ``msle``
and ``mape`` follow ``keras.losses`` (Keras 3), ``pinball`` follows scikit-learn's
``mean_pinball_loss``. Each function returns the per-element values and ∂value/∂y before the
reduction, as every definition in :mod:`lossgui.core.losses` does; the checks explain, in English
and Japanese, the input where a framework would silently clip or fail.
"""

from __future__ import annotations

import math

import numpy as np

from lossgui.core import checks
from lossgui.core.arrays import BoolArray, FloatArray
from lossgui.core.checks import Findings
from lossgui.core.numbers import short
from lossgui.core.params import ParamValue
from lossgui.core.problems import Message, Severity, element_name
from lossgui.core.ranges import Ranges
from lossgui.core.safe_math import x_over_y, xlogy

Params = dict[str, ParamValue]
Pair = tuple[FloatArray, FloatArray]

KERAS_EPSILON = 1e-7  # keras.backend.epsilon(), which Keras's MAPE and MSLE clip at


def smooth_l1(y: FloatArray, t: FloatArray, p: Params, r: Ranges | None) -> Pair:
    """½d²/β where |d| < β, else |d| − ½β (torch smooth_l1_loss); β = 0 is plain |d|."""
    beta = float(p["beta"])
    d = y - t
    size = np.abs(d)
    if beta == 0:
        return size, np.sign(d)
    small = size < beta
    values = np.where(small, 0.5 * d * d / beta, size - 0.5 * beta)
    return values, np.where(small, d / beta, np.sign(d))


def log_cosh(y: FloatArray, t: FloatArray, p: Params, r: Ranges | None) -> Pair:
    """log cosh(y − t), finite for any difference; its derivative is tanh(y − t).

    cosh overflows past |d| ≈ 710, so large |d| use |d| + log(1 + e^−2|d|) − log 2; small |d|
    use log(1 + 2 sinh²(d/2)), which keeps the digits that the other form cancels (≈ d²/2).
    """
    d = y - t
    grads = np.tanh(d)
    size = np.abs(d)
    # One reduction tells whether every |d| is on one side of 1 (NaN compares False): then only
    # that form is computed, with no selects; the forms and their arithmetic are the same.
    lowest, highest = float(np.min(size)), float(np.max(size))
    if highest < 1.0:
        return _log_cosh_small(d), grads
    if lowest >= 1.0:
        return _log_cosh_large(size), grads
    large = size >= 1.0
    with np.errstate(over="ignore"):
        small_form = _log_cosh_small(np.where(large, 0.0, d))
    return np.where(large, _log_cosh_large(size), small_form), grads


def _log_cosh_small(d: FloatArray) -> FloatArray:
    """log(1 + 2 sinh²(d/2)) in a fresh array, with the fewest temporaries."""
    half = np.divide(d, 2.0)
    np.sinh(half, out=half)
    np.square(half, out=half)
    np.multiply(2.0, half, out=half)
    result: FloatArray = np.log1p(half, out=half)
    return result


def _log_cosh_large(size: FloatArray) -> FloatArray:
    """|d| + log(1 + e^−2|d|) − log 2, from |d| (left untouched)."""
    tail = np.multiply(-2.0, size)
    np.exp(tail, out=tail)
    np.log1p(tail, out=tail)
    np.add(size, tail, out=tail)
    result: FloatArray = np.subtract(tail, math.log(2.0), out=tail)
    return result


def pinball(y: FloatArray, t: FloatArray, p: Params, r: Ranges | None) -> Pair:
    """max(q·(t − y), (q − 1)·(t − y)) as scikit-learn's mean_pinball_loss (its alpha is q)."""
    q = float(p["quantile"])
    d = t - y
    if 0.0 < q < 1.0:
        # max((q − 1)·d, q·d) is q·d where d ≥ 0, (q − 1)·d below 0, NaN where d is: the select
        # without its branches (on a random sign half of them mispredict, ~10× the arithmetic).
        # The two pieces tie only as zeros (d = ±0, or a subnormal d whose products underflow),
        # where the sign of that zero is the select's: those few elements are redone by it.
        # q = 0 or 1 would make 0·∞ a NaN that the select leaves out, so those keep it.
        values = np.multiply(q - 1.0, d)
        np.maximum(values, np.multiply(q, d), out=values)
        zero = values == 0
        if zero.any():
            tied = d[zero]
            values[zero] = np.where(tied >= 0, q * tied, (q - 1.0) * tied)
    else:
        values = np.where(d >= 0, q * d, (q - 1.0) * d)
    # Where y = t the loss has a corner: the midpoint of the two slopes, as |d| gets sign(0) = 0.
    # The slope is looked up by d's case (0: d = 0, 1: d > 0, 2: d < 0, 3: NaN), again branch-free.
    case = np.greater(d, 0).view(np.uint8)
    np.add(case, np.less(d, 0).view(np.uint8) * np.uint8(2), out=case)
    np.add(case, np.isnan(d).view(np.uint8) * np.uint8(3), out=case)
    slopes = np.array([0.5 - q, -q, 1.0 - q, np.nan])
    grads: FloatArray = slopes.take(case)
    return values, grads


def msle(y: FloatArray, t: FloatArray, p: Params, r: Ranges | None) -> Pair:
    """(log(1 + y) − log(1 + t))², not a number where y or t ≤ −1 (scikit-learn refuses those)."""
    if r is not None and r.y_low > -1.0 and r.t_low > -1.0:  # nothing refused (NaN: False)
        d = np.log1p(y)
        np.subtract(d, np.log1p(t), out=d)
        grads = np.multiply(2.0, d)
        np.divide(grads, np.add(1.0, y), out=grads)
        return np.multiply(d, d, out=d), grads
    refused = (y <= -1.0) | (t <= -1.0)
    safe_y = np.where(refused, 0.0, y)
    d = np.log1p(safe_y) - np.log1p(np.where(refused, 0.0, t))
    values = np.where(refused, np.nan, d * d)
    grads = np.where(refused, np.nan, 2.0 * d / (1.0 + safe_y))
    return values, grads


def mape(y: FloatArray, t: FloatArray, p: Params, r: Ranges | None) -> Pair:
    """100·|t − y| / max(|t|, eps) as Keras (eps = 1e-7 is keras.backend.epsilon())."""
    eps = float(p["eps"])
    d = y - t
    scale = np.maximum(np.abs(t), eps)
    values = 100.0 * np.abs(d) / scale
    grads = 100.0 * np.sign(d) / scale
    if eps == 0:  # t = 0 with no floor: infinite, except a perfect y = t = 0, which costs 0
        exact = (d == 0) & (scale == 0)
        values = np.where(exact, 0.0, values)
        grads = np.where(exact, 0.0, grads)
    return values, grads


def poisson(y: FloatArray, t: FloatArray, p: Params, r: Ranges | None) -> Pair:
    """torch poisson_nll_loss: eʸ − t·y (log_input) or y − t·log(y + eps); full adds Stirling."""
    if p["log_input"]:
        rate = np.exp(y)
        values = rate - t * y
        grads = rate - t
    else:
        shifted = y + float(p["eps"])
        values = y - xlogy(t, shifted)  # 0·log(y + eps) = 0 where t = 0, as everywhere here
        grads = 1.0 - x_over_y(t, shifted)
    if p["full"]:
        # log(t!) by Stirling, t·log t − t + ½·log(2πt), added only where t > 1 as PyTorch does.
        big = t > 1
        counts = np.where(big, t, 1.0)
        stirling = counts * np.log(counts) - counts + 0.5 * np.log(2.0 * math.pi * counts)
        values = values + np.where(big, stirling, 0.0)
    return values, grads


# --- the checks ------------------------------------------------------------------------------


def check_msle(f: Findings, y: FloatArray, t: FloatArray, p: Params, ok: BoolArray) -> None:
    """y or t ≤ −1 is refused (log(1 + x) undefined); a negative one is read as it is."""
    for symbol, values in (("y", y), ("t", t)):
        bounds = _bounds(f, symbol)
        if bounds is not None and bounds[0] >= 0:
            continue
        _check_log1p(f, symbol, values, ok)


def _check_log1p(f: Findings, s: str, v: FloatArray, ok: BoolArray) -> None:
    """The two MSLE remarks on one of y and t (``s`` names it)."""
    f.per_element(
        ok & (v <= -1.0), f"{s}_at_most_minus_one",
        lambda i: (
            f"{element_name(s, i)} = {short(v[i])} is −1 or less: log(1 + {s}) is "
            "undefined there, so MSLE refuses it (scikit-learn raises an error too).",
            f"{element_name(s, i)} = {short(v[i])} は −1 以下です。そこでは "
            f"log(1 + {s}) が定義されないので、MSLE は計算しません"
            "(scikit-learn もエラーにします)。"),
        (f"{s} ≤ −1: MSLE is undefined there.",
         f"{s} ≤ −1 のところでは MSLE は定義されません。"),
    )
    f.per_element(
        ok & (v < 0) & (v > -1.0), f"{s}_negative_log1p",
        lambda i: (
            f"{element_name(s, i)} = {short(v[i])} is negative: lossgui (as "
            f"scikit-learn) uses log(1 + {s}) as it is; Keras replaces every value below "
            "1e-7 by 1e-7 first, so its MSLE differs here.",
            f"{element_name(s, i)} = {short(v[i])} は負の値です。lossgui は"
            f"(scikit-learn と同じく)log(1 + {s}) をそのまま使います。Keras は 1e-7 "
            "未満の値を先に 1e-7 に置き換えるので、MSLE の値が違います。"),
        (f"{s} is negative there.", f"そこでは {s} が負の値です。"),
        Severity.NOTE,
    )


def check_mape(f: Findings, y: FloatArray, t: FloatArray, p: Params, ok: BoolArray) -> None:
    """|t| below eps: a percentage of (almost) nothing, which Keras and lossgui clip."""
    eps = float(p["eps"])
    bounds = _bounds(f, "t")
    if bounds is not None and (bounds[0] >= eps or bounds[1] <= -eps) and eps > 0:
        return
    near_zero = ok & ((np.abs(t) < eps) | (t == 0))

    def describe(i: tuple[int, ...]) -> Message:
        t_k, y_k = element_name("t", i), element_name("y", i)
        if eps == 0:
            return (f"{t_k} = 0: a percentage of 0 is undefined, and with eps = 0 {y_k} "
                    "makes the loss infinite (unless it is 0 too). Keras divides by "
                    "max(|t|, 1e-7) instead.",
                    f"{t_k} = 0 です。0 に対する百分率は定義されず、eps = 0 では {y_k} が"
                    "(0 でない限り)損失を無限大にします。Keras は max(|t|, 1e-7) で割ります。")
        cost = short(100.0 * abs(float(y[i]) - float(t[i])) / eps)
        return (f"{t_k} = {short(t[i])}: a percentage of (almost) 0 is undefined; as "
                f"Keras does, |t| is clipped at eps = {short(eps)}, so this element alone "
                f"costs {cost} %. MAPE suits targets far from 0.",
                f"{t_k} = {short(t[i])} です。0(に近い値)に対する百分率は定義されません。"
                f"Keras と同じく |t| を eps = {short(eps)} でクリップするので、この要素だけで"
                f" {cost} % になります。MAPE は 0 から離れた正解に向いています。")

    f.per_element(near_zero, "percent_of_near_zero_t", describe,
                  ("|t| is below eps: the percentage is clipped there.",
                   "そこでは |t| が eps 未満なので、百分率をクリップしています。"))


def check_poisson(f: Findings, y: FloatArray, t: FloatArray, p: Params, ok: BoolArray) -> None:
    """Counts t ≥ 0; with log_input false, rates y ≥ 0 and log(y + eps) defined where t > 0."""
    checks.outside(f, t, "t", 0.0, math.inf, _COUNTS, ok, _bounds(f, "t"))
    if p["log_input"]:
        return
    bounds = _bounds(f, "y")
    eps = float(p["eps"])
    checks.outside(f, y, "y", 0.0, math.inf, _RATES, ok, bounds)
    checks.log_of_zero(f, y + eps, y, t, ok, _RATE_HINT,
                       bounds[0] + eps if bounds is not None else None)


_COUNTS: Message = ("the Poisson loss expects counts t ≥ 0.",
                    "ポアソン損失の正解 t は 0 以上のカウントです。")
_RATES: Message = ("with log_input false, y is a rate λ ≥ 0 (with log_input true it is log λ).",
                   "log_input が false のとき y は 0 以上の率 λ です(true なら log λ)。")
_RATE_HINT: Message = ("set log_input true if y is log λ, or raise eps.",
                       "y が log λ なら log_input を true にするか、eps を大きくしてください。")


def _bounds(f: Findings, symbol: str) -> tuple[float, float] | None:
    if f.ranges is None:
        return None
    return f.ranges.y if symbol == "y" else f.ranges.t
