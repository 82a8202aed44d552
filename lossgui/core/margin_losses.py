"""Classification losses on scores and log-probabilities: margins, focal, nll.

``squared_hinge``, ``categorical_hinge`` and ``focal`` (``binary_focal_crossentropy``) follow
``keras.losses`` (Keras 3); ``soft_margin``, ``nll`` and ``multi_margin`` follow
``torch.nn.functional`` (PyTorch 2.x). The class-axis losses (``nll``, ``multi_margin``,
``categorical_hinge``) take an N×K table with the classes along the last axis (a 1-D vector is
one sample) and one-hot or probability targets: a class index turned into one-hot gives the
framework's number, and a probability target weights each class's term by its t.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from lossgui.core import checks
from lossgui.core.arrays import BoolArray, FloatArray
from lossgui.core.checks import Findings
from lossgui.core.lowest import Y_ABOVE_ONE_UNCOMPARED
from lossgui.core.numbers import short, telling
from lossgui.core.params import ParamValue
from lossgui.core.problems import Message, Severity, ShapeError, element_name
from lossgui.core.ranges import Ranges, sample_sums
from lossgui.core.safe_math import softplus, x_over_y, xlogy
from lossgui.core.squash import sigmoid

Params = dict[str, ParamValue]
Pair = tuple[FloatArray, FloatArray]
Check = Callable[[Findings, FloatArray, FloatArray, Params, BoolArray], None]

# multi_margin with probability targets costs N·K·(classes with t ≠ 0) steps: past this many a
# pasted column would freeze the window, so it is refused with the reason instead.
MAX_PAIR_STEPS = 20_000_000


def sign_labels(t: FloatArray) -> FloatArray:
    """Targets for the hinge losses: 0 is read as −1 (with a note), everything else as it is."""
    labels: FloatArray = np.where(t == 0, -1.0, t)
    return labels


def squared_hinge(y: FloatArray, t: FloatArray, p: Params, r: Ranges | None) -> Pair:
    """max(0, 1 − t·y)², as keras.losses.squared_hinge."""
    labels = sign_labels(t)
    gap = np.maximum(1.0 - labels * y, 0.0)
    return gap * gap, -2.0 * labels * gap


def soft_margin(y: FloatArray, t: FloatArray, p: Params, r: Ranges | None) -> Pair:
    """log(1 + e^(−t·y)) for any t·y, as torch soft_margin_loss (t used as given, no 0 → −1)."""
    x = -t * y
    return softplus(x), -t * sigmoid(x)


def binary_smoothed(t: FloatArray, p: Params) -> FloatArray:
    """Keras's label smoothing for two classes: t·(1 − s) + s/2 (s = 0 leaves t itself)."""
    s = float(p.get("label_smoothing", 0.0))
    return t * (1.0 - s) + 0.5 * s if s else t


def focal(y: FloatArray, t: FloatArray, p: Params, r: Ranges | None) -> Pair:
    """(1 − p_t)^γ · BCE, p_t = t·y + (1 − t)(1 − y), as keras binary_focal_crossentropy.

    With apply_class_balancing each element is weighted by α·t + (1 − α)(1 − t), as Keras.
    """
    gamma = float(p["gamma"])
    target = binary_smoothed(t, p)
    bce = 0.0 - (xlogy(target, y) + xlogy(1.0 - target, 1.0 - y))
    bce_slope = x_over_y(1.0 - target, 1.0 - y) - x_over_y(target, y)
    miss = 1.0 - (target * y + (1.0 - target) * (1.0 - y))  # 1 − p_t
    factor = miss**gamma
    # d(1 − p_t)/dy = 1 − 2t. Where 1 − p_t = 0 the prediction is perfect and BCE is 0: that
    # term is 0 even where γ < 1 makes the power's slope infinite.
    factor_slope = np.where(miss != 0, gamma * miss ** (gamma - 1.0), 0.0 if gamma != 1 else 1.0)
    factor_term = np.where(bce == 0, 0.0, factor_slope * (1.0 - 2.0 * target) * bce)
    values = factor * bce
    grads = factor_term + factor * bce_slope
    if p["apply_class_balancing"]:
        alpha = float(p["alpha"])
        weight = alpha * target + (1.0 - alpha) * (1.0 - target)
        values, grads = weight * values, weight * grads
    return values.astype(np.float64, copy=False), grads.astype(np.float64, copy=False)


def nll(y: FloatArray, t: FloatArray, p: Params, r: Ranges | None) -> Pair:
    """−t·y per element, y a log-probability: with one-hot t, torch nll_loss's −y[class]."""
    values: FloatArray = 0.0 - np.where(t != 0, t * y, 0.0)  # a −∞ log-probability under t = 0
    return values, 0.0 - t


def multi_margin(y: FloatArray, t: FloatArray, p: Params, r: Ranges | None) -> Pair:
    """Σ_{i≠c} max(0, margin − z_c + z_i)^p / K per sample, as torch multi_margin_loss.

    Element i's contribution is the term in which it competes with the correct class c; a
    probability target adds each class c's terms weighted by t_c.
    """
    z, target = np.atleast_2d(y), np.atleast_2d(t)
    power, margin = int(str(p["p"])), float(p["margin"])
    n, k = z.shape
    values, grads = np.zeros(z.shape), np.zeros(z.shape)
    rows = np.arange(n)
    if np.all(np.count_nonzero(target, axis=1) <= 1):  # one class per sample: one pass
        classes = [np.argmax(target != 0, axis=1)]
    else:
        columns = np.flatnonzero(np.any(target != 0, axis=0))
        if n * k * len(columns) > MAX_PAIR_STEPS:
            raise ShapeError(
                f"multi_margin with a target spread over {len(columns)} classes needs "
                f"{n * k * len(columns):,} steps: give one correct class per sample (one-hot)",
                f"正解 t が {len(columns)} クラスに分かれた multi_margin は "
                f"{n * k * len(columns):,} ステップかかります。"
                "1サンプルに正解を1つ(one-hot)にしてください",
            )
        classes = [np.full(n, c) for c in columns]
    for correct in classes:
        weight = target[rows, correct][:, None]
        gap = margin - z[rows, correct][:, None] + z
        active = gap > 0
        active[rows, correct] = False
        terms = np.where(active, gap**power, 0.0)
        slopes = np.where(active, power * gap ** (power - 1), 0.0) * weight / k
        values += np.where(weight != 0, weight * terms, 0.0) / k
        grads += slopes
        grads[rows, correct] -= slopes.sum(axis=1)
    return values.reshape(y.shape), grads.reshape(y.shape)


def categorical_hinge(y: FloatArray, t: FloatArray, p: Params, r: Ranges | None) -> Pair:
    """max(0, 1 + neg − pos), pos = Σ t·z, neg = max((1 − t)·z), as keras categorical_hinge.

    With one-hot t, neg is the largest wrong-class score — or 0 when every one is negative,
    since the correct class enters the max as (1 − 1)·z_c = 0. The whole per-sample loss is
    the contribution of the element that sets neg (the strongest competitor).
    """
    z, target = np.atleast_2d(y), np.atleast_2d(t)
    rows = np.arange(z.shape[0])
    positive = np.sum(target * z, axis=1)
    others = (1.0 - target) * z
    rival = np.argmax(others, axis=1)
    gap = 1.0 + others[rows, rival] - positive
    active = gap > 0
    values = np.zeros(z.shape)
    values[rows, rival] = np.where(np.isnan(gap), np.nan, np.where(active, gap, 0.0))
    grads = np.where(active[:, None], -target, 0.0)
    grads[rows, rival] += np.where(active, 1.0 - target[rows, rival], 0.0)
    return values.reshape(y.shape), grads.reshape(y.shape)


# --- the checks ------------------------------------------------------------------------------


def sign_label_check(name: Message, zero_is_minus_one: bool) -> Check:
    """The check of a loss on labels −1/+1: 0 read as −1 (a note) or used as it is (a warning)."""

    def check(f: Findings, y: FloatArray, t: FloatArray, p: Params, ok: BoolArray) -> None:
        if zero_is_minus_one:
            f.per_element(
                ok & (t == 0), "t_zero_as_minus_one",
                lambda i: (f"{element_name('t', i)} = 0 is read as −1: {name[0]} expects "
                           "labels −1 and +1.",
                           f"{element_name('t', i)} = 0 は −1 として読みます。{name[1]}は −1 と "
                           "+1 のラベルを想定しています。"),
                ("t = 0 is read as −1.", "t = 0 は −1 として読みます。"),
                Severity.NOTE,
            )
            odd = ok & (t != 0) & (t != 1) & (t != -1)
        else:
            odd = ok & (t != 1) & (t != -1)
        zero_note: Message = ("", "") if zero_is_minus_one else (
            " PyTorch uses t as it is, so t = 0 costs log 2 whatever y is.",
            "PyTorch は t をそのまま使うので、t = 0 では y によらず log 2 になります。")

        def label(i: tuple[int, ...]) -> str:  # not "t = 1 is not −1 or +1" for t = 1.0000001
            return telling(t[i], lambda v: v not in (-1.0, 1.0))

        f.per_element(
            odd, "t_not_sign",
            lambda i: (f"{element_name('t', i)} = {label(i)} is not −1 or +1: "
                       f"{name[0]} expects labels −1 and +1.{zero_note[0]}",
                       f"{element_name('t', i)} = {label(i)} は −1 でも +1 でも"
                       "ありません。"
                       f"{name[1]}は −1 と +1 のラベルを想定しています。{zero_note[1]}"),
            ("t is not −1 or +1.", "t が −1 でも +1 でもありません。"),
        )

    return check


def check_focal(f: Findings, y: FloatArray, t: FloatArray, p: Params, ok: BoolArray) -> None:
    """As binary cross-entropy: probabilities y and t in [0, 1]; log 0 where it is weighted."""
    target = binary_smoothed(t, p)
    bounds = f.ranges.y if f.ranges is not None else None
    if not (bounds is not None and bounds[0] > 0 and bounds[1] < 1):
        checks.log_of_zero(f, y, y, target, ok, _FOCAL_LOG)
        checks.log_of_zero(f, 1.0 - y, y, 1.0 - target, ok, _FOCAL_LOG)
    checks.outside(f, y, "y", 0.0, 1.0, _FOCAL_PROBABILITIES, ok, bounds)
    checks.outside(f, t, "t", 0.0, 1.0, _FOCAL_TARGETS, ok,
                   f.ranges.t if f.ranges is not None else None)


_FOCAL_LOG: Message = ("Keras clips y to [1e-7, 1 − 1e-7] here; lossgui shows the infinity.",
                       "Keras はここで y を [1e-7, 1 − 1e-7] にクリップします。lossgui は無限大を"
                       "そのまま示します。")
_FOCAL_PROBABILITIES: Message = ("focal loss expects probabilities.",
                                 "focal 損失は確率を想定しています。")
_FOCAL_TARGETS: Message = ("focal loss expects targets in [0, 1].",
                           "focal 損失の正解 t は 0〜1 の値です。")


def check_nll(f: Findings, y: FloatArray, t: FloatArray, p: Params, ok: BoolArray) -> None:
    """nll takes log-probabilities: a positive y is most likely a probability passed by mistake."""
    bounds = f.ranges.y if f.ranges is not None else None
    if not (bounds is not None and bounds[1] <= 0):
        f.per_element(
            ok & (y > 0), "y_positive_log_probability",
            lambda i: (f"{element_name('y', i)} = {short(y[i])} is above 0: nll takes "
                       "log-probabilities (log_softmax output, ≤ 0). If y is a probability, "
                       "take its log first, or use cee; if it is a logit, use softmax_cee.",
                       f"{element_name('y', i)} = {short(y[i])} は 0 より大きい値です。"
                       "nll は対数確率(log_softmax の出力、0 以下)をとります。y が確率なら先に "
                       "log をとるか cee を、ロジットなら softmax_cee を使ってください。"),
            ("y is above 0 there: nll takes log-probabilities.",
             "そこでは y が 0 より大きい値です。nll は対数確率をとります。"),
        )
    checks.outside(f, t, "t", 0.0, 1.0, _CLASS_PROBABILITIES, ok,
                   f.ranges.t if f.ranges is not None else None)
    checks.target_one_hot(f, t, ok)
    usable = checks.usable_samples(ok)
    with np.errstate(over="ignore"):
        sums = sample_sums(np.exp(y))
    off = checks.samples_off_one(sums, usable)
    # nll is cee of exp(y): over a soft t, an exp(y) summing above 1 can score below y = log t.
    loose, rest = checks.above_one_over_soft_t(f, off, sums, t, _NLL_ABOVE_ONE)
    for i, n in enumerate(off[: checks.MAX_LISTED]):
        where = f"In sample {n + 1}, exp(y)" if y.ndim == 2 else "exp(y)"
        where_ja = f"サンプル {n + 1} の exp(y)" if y.ndim == 2 else "exp(y)"
        total = short(float(sums[n]))
        why = _NLL_ABOVE_ONE if loose[i] else ("", "")
        f.whole(Y_ABOVE_ONE_UNCOMPARED if loose[i] else "y_not_log_softmax", (
            f"{where} sums to {total}, not 1, so y is not the log_softmax of anything; nll "
            f"uses the values as they are.{' ' if why[0] else ''}{why[0]}",
            f"{where_ja} の合計は {total} で 1 ではないので、y はどの log_softmax の出力でも"
            f"ありません。nll はこの値のまま計算します。{why[1]}",
        ))
    if rest:  # a soft sample beyond the listed ones: counted, and the total still uncompared
        f.more_samples(len(off), Y_ABOVE_ONE_UNCOMPARED, (
            "exp(y) does not sum to 1 there.", "そこでは exp(y) の合計が 1 ではありません。"))


# nll over log-probabilities y is cross-entropy over exp(y) (see losses._CEE_Y_ABOVE_ONE).
_NLL_ABOVE_ONE: Message = (
    "Over log-distributions nll is lowest at y = log t (where it is the entropy of t), so with "
    "this y the total can fall below that and is not compared with the others.",
    "対数確率分布どうしでは nll は y = log t のとき最小(そのときの値は t のエントロピー)なので、"
    "この y では合計がそれより小さくなることもあり、ほかの合計とは比べません。")


_CLASS_PROBABILITIES: Message = ("targets are class probabilities (one-hot for a class index).",
                                 "正解 t はクラスの確率です(クラス番号なら one-hot)。")


def one_class_check(name: Message) -> Check:
    """The check of a margin loss over classes: t should name one correct class per sample."""

    def check(f: Findings, y: FloatArray, t: FloatArray, p: Params, ok: BoolArray) -> None:
        checks.outside(f, t, "t", 0.0, 1.0, _CLASS_PROBABILITIES, ok,
                       f.ranges.t if f.ranges is not None else None)
        rows = np.atleast_2d(t)
        usable = np.atleast_2d(ok).all(axis=-1)
        one_hot = (np.count_nonzero(rows, axis=-1) == 1) & np.all((rows == 0) | (rows == 1),
                                                                  axis=-1)
        for n in np.flatnonzero(usable & ~one_hot)[: checks.MAX_LISTED]:
            where = f"In sample {n + 1}, t" if t.ndim == 2 else "t"
            where_ja = f"サンプル {n + 1} の t" if t.ndim == 2 else "t"
            f.whole("t_not_one_class", (
                f"{where} is not one correct class (one-hot): {name[0]} is defined for a class "
                "index; lossgui weights each class's terms by its t.",
                f"{where_ja} は正解のクラスが1つ(one-hot)ではありません。{name[1]}はクラス番号に"
                "対して定義されています。lossgui は各クラスの項をその t で重み付けします。",
            ))

    return check
