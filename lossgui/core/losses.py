"""The catalogue of losses: one small definition each.

Every definition gives the per-element loss values and their derivative with respect to y
*before* reduction; :mod:`lossgui.core.evaluate` applies the reduction, so that the invariants
(contributions sum to the total; the gradient is ∂total/∂y) hold by construction for every loss.
Conventions such as the book's ½ or δ are explicit parameters whose defaults reproduce the article.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import Enum

import numpy as np

from lossgui.core import checks
from lossgui.core import margin_losses as margin
from lossgui.core import regression_losses as regression
from lossgui.core.arrays import BoolArray, FloatArray
from lossgui.core.checks import Findings, within
from lossgui.core.margin_losses import binary_smoothed, sign_labels
from lossgui.core.params import Param, ParamKind, ParamValue
from lossgui.core.problems import Message, UnknownLossError, quoted
from lossgui.core.ranges import FastPath, Ranges, Sums, ones_and_zeros, run_slices, smallest
from lossgui.core.safe_math import x_over_y as _x_over_y
from lossgui.core.safe_math import xlogy as _xlogy

Params = dict[str, ParamValue]
# The Ranges (smallest and largest y and t) are given when the checks computed them; they let a
# definition take a fast path when they prove the careful one would do the same arithmetic.
Compute = Callable[[FloatArray, FloatArray, Params, Ranges | None], tuple[FloatArray, FloatArray]]
Check = Callable[[Findings, FloatArray, FloatArray, Params, BoolArray], None]


class InputKind(Enum):
    """What a loss expects its predictions to be."""

    PROBABILITY = "probabilities in [0, 1]"
    LOGIT = "logits (any real number)"
    REAL = "real numbers"
    SCORE = "scores (any real number), with targets −1 or +1"
    LOG_PROBABILITY = "log-probabilities (≤ 0, e.g. log_softmax output)"
    CLASS_SCORE = "one score per class (any real number), with a one-hot target"
    RATE = "rates λ ≥ 0, with counts as targets"
    LOG_RATE = "log-rates log λ (any real number), with counts as targets"

    def describe(self, language: str) -> str:
        """The phrase in ``language`` ("ja…" for Japanese, else English)."""
        return _INPUT_KIND_JA[self] if language.startswith("ja") else self.value


class Reduce(Enum):
    """What ``reduction=mean`` divides by."""

    ELEMENTS = "elements"  # elementwise losses: mean over every element, as PyTorch
    SAMPLES = "samples"  # losses summed over classes: mean over the N samples (1-D is one sample)


class Task(Enum):
    """What a loss is for; the selector and `lossgui losses` group the catalogue by it."""

    REGRESSION = "regression"
    BINARY = "binary / multi-label"
    MULTI_CLASS = "multi-class"
    MARGIN = "ranking / margin"

    def describe(self, language: str) -> str:
        """The group's title in ``language`` ("ja…" for Japanese, else English)."""
        return _TASK_JA[self] if language.startswith("ja") else self.value.capitalize()


_TASK_JA = {
    Task.REGRESSION: "回帰",
    Task.BINARY: "2値 / マルチラベル分類",
    Task.MULTI_CLASS: "多クラス分類",
    Task.MARGIN: "ランキング / マージン",
}


@dataclass(frozen=True)
class Loss:
    """One loss function: names, formula, parameters, expected inputs and its elementwise math."""

    id: str
    name_en: str
    name_ja: str
    formula: str
    expects: InputKind
    params: tuple[Param, ...]
    compute: Compute
    check: Check
    reduce: Reduce = Reduce.ELEMENTS
    # True when a finite total proves every y and t finite (each contribution is ≥ 0 and
    # non-finite wherever y − t is), so the missing-value checks run only for a non-finite total.
    total_shows_missing: bool = False
    task: Task = Task.REGRESSION
    when: Message = ("", "")  # one line: when to use it, in English and Japanese
    # True when one y moves other elements' contributions too (softmax, a max over classes),
    # so an element's curve is the change of the whole loss.
    coupled: bool = False
    # The input kind where a parameter changes it (poisson's log_input), else ``expects``.
    expects_with: Callable[[Params], InputKind] | None = None
    # Which of "y" and "t" the checks sum per sample ("does it sum to 1?"): the pass that takes
    # the ranges then sums each slice too, while it is in the cache (issue 14).
    checks_sums: Sums = ()
    # The arithmetic without masks, where the ranges prove it safe: evaluate then computes it in
    # the same pass that takes the ranges (lossgui/core/ranges.py). ``compute`` uses it too.
    fast: FastPath | None = None

    def param(self, name: str) -> Param:
        """The declared parameter called ``name``."""
        return next(p for p in self.params if p.name == name)

    @property
    def symbol(self) -> str:
        """The letter of the loss's input in formulas and on axes: z for logits, else y."""
        return "z" if self.expects is InputKind.LOGIT else "y"

    def expects_for(self, params: Params) -> InputKind:
        """What the predictions are under these parameters."""
        return self.expects_with(params) if self.expects_with is not None else self.expects

    def when_to_use(self, language: str) -> str:
        """The one-line "when to use it" in ``language`` ("ja…" for Japanese, else English)."""
        return self.when[1] if language.startswith("ja") else self.when[0]

    def formula_for(self, params: Params) -> str:
        """The formula as these parameters make it: the book's ½, or a sum turned into a mean."""
        body = self.formula.removeprefix("E = ")
        declared = {p.name: p.default for p in self.params}
        reduction = params.get("reduction", declared.get("reduction"))
        if reduction != declared.get("reduction"):
            count = "(1/N) " if self.reduce is Reduce.SAMPLES else "(1/n) "
            body = body.removeprefix("(1/n) ") if reduction == "sum" else count + body
        if params.get("half"):
            body = "½ " + body
        return "E = " + body


_INPUT_KIND_JA = {
    InputKind.PROBABILITY: "0〜1 の確率",
    InputKind.LOGIT: "ロジット(任意の実数)",
    InputKind.REAL: "実数",
    InputKind.SCORE: "スコア(任意の実数)、正解 t は −1 か +1",
    InputKind.LOG_PROBABILITY: "対数確率(0 以下、log_softmax の出力など)",
    InputKind.CLASS_SCORE: "クラスごとのスコア(任意の実数)、正解 t は one-hot",
    InputKind.RATE: "0 以上の率 λ、正解 t はカウント",
    InputKind.LOG_RATE: "対数の率 log λ(任意の実数)、正解 t はカウント",
}


def _reduction(default: str, samples: bool = False) -> Param:
    over = "the N samples (a 1-D vector is one sample)" if samples else "the number of elements"
    over_ja = "サンプル数 N(1次元のベクトルは1サンプル)" if samples else "要素数"
    return Param(
        "reduction",
        ParamKind.CHOICE,
        default,
        f"sum adds the contributions; mean divides the sum by {over}.",
        choices=("sum", "mean"),
        help_ja=f"sum は寄与を足し合わせます。mean はその合計を{over_ja}で割ります。",
    )


def _eps(help_text: Message) -> Param:
    return Param("eps", ParamKind.FLOAT, 0.0, help_text[0], minimum=0.0, maximum=0.5,
                 maximum_inclusive=False, help_ja=help_text[1])


def _positive(low: float, high: float) -> bool:
    """Whether bounds prove every value finite and > 0, so log and division need no masks.

    There ``0·log y`` and ``0 / y`` are already ±0, which every caller turns into +0.0 by
    subtracting from 0.0 or adding a nonzero term: the fast paths give bit-identical results.
    """
    return bool(low > 0 and high < np.inf)  # NaN compares False


# --- the definitions -------------------------------------------------------------------------


# The definitions below work in place on arrays they allocated (out=): at a million elements
# every fresh 8 MB array and every extra pass shows, so each keeps to the arrays it returns plus
# the fewest temporaries. The arithmetic, and its order, is that of the plain formula.


def _squared(
    y: FloatArray, t: FloatArray, p: Params, r: Ranges | None
) -> tuple[FloatArray, FloatArray]:
    d = y - t
    values = d * d
    d *= 2.0  # the gradient reuses d's memory: one 8 MB array fewer per million elements
    return values, d


def _absolute(
    y: FloatArray, t: FloatArray, p: Params, r: Ranges | None
) -> tuple[FloatArray, FloatArray]:
    d = y - t
    # A fresh array for sign: numpy's in-place np.sign (out=d) runs ~8× slower (2.x, measured).
    grads = np.sign(d)
    return np.abs(d, out=d), grads


def _huber(
    y: FloatArray, t: FloatArray, p: Params, r: Ranges | None
) -> tuple[FloatArray, FloatArray]:
    delta = float(p["delta"])
    d = y - t
    values = np.abs(d)
    small = values < delta
    np.subtract(values, 0.5 * delta, out=values)
    np.multiply(values, delta, out=values)  # δ(|d| − ½δ) where the loss is linear
    quad = np.multiply(d, 0.5)
    np.multiply(quad, d, out=quad)  # ½d² where it is quadratic
    np.copyto(values, quad, where=small)
    grads = np.sign(d, out=quad)
    np.multiply(grads, delta, out=grads)
    np.copyto(grads, d, where=small)
    return values, grads


def _cee_slice(y: FloatArray, t: FloatArray, values: FloatArray, grads: FloatArray,
               p: Mapping[str, ParamValue]) -> None:
    """−t·log(y + eps) and −t/(y + eps) on a slice whose every y + eps is finite and > 0."""
    eps = float(p["eps"])
    shifted = y
    if eps:  # y + 0.0 is y itself here (the ranges proved every y > 0): no copy
        shifted = np.add(y, eps, out=values)
    # 0.0 − x rather than −x: a zero target contributes +0.0, not −0.0 (files and JSON).
    np.divide(t, shifted, out=grads)
    np.subtract(0.0, grads, out=grads)
    np.log(shifted, out=values)
    np.multiply(t, values, out=values)
    np.subtract(0.0, values, out=values)


def _cee_applies(r: Ranges, p: Mapping[str, ParamValue]) -> bool:
    eps = float(p["eps"])
    return _positive(r.y_low + eps, r.y_high + eps)


_CEE_FAST = FastPath(_cee_applies, _cee_slice)


def _cee(
    y: FloatArray, t: FloatArray, p: Params, r: Ranges | None
) -> tuple[FloatArray, FloatArray]:
    if r is not None and _CEE_FAST.applies(r, p):
        return run_slices(_CEE_FAST.kernel, y, t, p)
    shifted = y + float(p["eps"])
    return 0.0 - _xlogy(t, shifted), 0.0 - _x_over_y(t, shifted)


def _bce(
    y: FloatArray, t: FloatArray, p: Params, r: Ranges | None
) -> tuple[FloatArray, FloatArray]:
    eps = float(p["eps"])
    t = binary_smoothed(t, p)  # Keras's label smoothing: t·(1 − s) + s/2
    # Clipping changes nothing when the range shows every y already inside [eps, 1 − eps].
    clips = eps > 0 and not (r is not None and within(r.y, eps, 1.0 - eps))
    clipped = np.clip(y, eps, 1.0 - eps) if clips else y
    if r is not None and _positive(*_clipped_range(r.y, eps)) and _below_one(r.y, eps):
        one_minus_t = 1.0 - t
        one_minus = 1.0 - clipped
        grads = np.divide(one_minus_t, one_minus)
        values = np.divide(t, clipped)
        np.subtract(grads, values, out=grads)
        np.log(one_minus, out=one_minus)
        np.multiply(one_minus_t, one_minus, out=one_minus)
        np.log(clipped, out=values)
        np.multiply(t, values, out=values)
        np.add(values, one_minus, out=values)
        np.subtract(0.0, values, out=values)
    else:
        values = 0.0 - (_xlogy(t, clipped) + _xlogy(1.0 - t, 1.0 - clipped))
        grads = _x_over_y(1.0 - t, 1.0 - clipped) - _x_over_y(t, clipped)
    if clips:  # clipped elements do not move the loss, as torch.clamp's gradient
        grads = np.where((y < eps) | (y > 1.0 - eps), 0.0, grads)
    return values, grads


def _clipped_range(bounds: tuple[float, float], eps: float) -> tuple[float, float]:
    """The smallest and largest y after BCE's clipping to [eps, 1 − eps] (none when eps = 0)."""
    if eps <= 0:
        return bounds
    low, high = np.clip(np.array(bounds), eps, 1.0 - eps)
    return float(low), float(high)


def _below_one(bounds: tuple[float, float], eps: float) -> bool:
    """Whether every clipped y is < 1, i.e. every 1 − y is a positive log argument."""
    return bool(1.0 - _clipped_range(bounds, eps)[1] > 0)


def _bce_logits(
    z: FloatArray, t: FloatArray, p: Params, r: Ranges | None
) -> tuple[FloatArray, FloatArray]:
    e = np.abs(z)
    np.negative(e, out=e)
    np.exp(e, out=e)  # e^−|z|, shared by the loss and the sigmoid; never overflows
    # max(z, 0) − z·t + log(1 + e^−|z|): the log-sum-exp form PyTorch uses, finite for any z.
    values = np.maximum(z, 0.0)
    scratch = np.multiply(z, t)
    np.subtract(values, scratch, out=values)
    np.add(values, np.log1p(e, out=scratch), out=values)
    # σ(z) = 1/(1 + e) for z ≥ 0, e/(1 + e) otherwise: no overflow either way. The numerator
    # is max(e, [z ≥ 0]): 1 where z ≥ 0 (e ≤ 1 there), e elsewhere, NaN for a NaN z. A select
    # on a random sign (copyto where=) costs ~10 arithmetic passes in mispredicted branches.
    np.add(1.0, e, out=scratch)
    np.maximum(e, z >= 0, out=e)
    grads = np.divide(e, scratch, out=e)
    np.subtract(grads, t, out=grads)
    return values, grads


def class_smoothed(t: FloatArray, p: Params) -> FloatArray:
    """PyTorch cross_entropy's label smoothing: t·(1 − ε) + ε/K (ε = 0 leaves t itself)."""
    smoothing = float(p["label_smoothing"])
    classes = t.shape[-1]
    return t * (1.0 - smoothing) + smoothing / classes if smoothing else t


def _softmax_cee(
    z: FloatArray, t: FloatArray, p: Params, r: Ranges | None
) -> tuple[FloatArray, FloatArray]:
    target = class_smoothed(t, p)
    top = np.max(z, axis=-1, keepdims=True)
    shifted = z - top
    log_norm = np.log(np.sum(np.exp(shifted), axis=-1, keepdims=True))
    log_softmax = shifted - log_norm
    values = 0.0 - _xlogy_log(target, log_softmax)
    softmax = np.exp(log_softmax)
    grads = softmax * np.sum(target, axis=-1, keepdims=True) - target
    return values, grads


def _xlogy_log(x: FloatArray, log_y: FloatArray) -> FloatArray:
    """x·log y given log y, with 0 where x = 0."""
    return np.where(x != 0, x * log_y, 0.0)


# The normal numbers: where y/t is one of them, −t·log(y/t) is kl's term.
_NORMAL_LOW, _NORMAL_HIGH = float(np.finfo(np.float64).tiny), float(np.finfo(np.float64).max)


def _kl_terms(y: FloatArray, t: FloatArray) -> FloatArray:
    """kl's term t·log(t/y), as 0.0 − t·log(y/t) wherever t > 0 and y/t is a normal number, and
    as xlogy(t, t) − xlogy(t, y) elsewhere (t = 0, y ≤ 0, a ratio that overflows or underflows).

    One log of the ratio costs half PyTorch's two (xlogy(t, t) − t·input) and is as close to
    the true term, closer as y nears t, the end of learning, where the two logs cancel
    (tests/core/test_kl_accuracy.py). And y/t, not t/y: at t = 1 it is y itself, so a one-hot t
    gives −log y, cee's number and torch's, bit for bit.
    """
    ratio = y / t
    normal = (t > 0) & (ratio >= _NORMAL_LOW) & (ratio <= _NORMAL_HIGH)  # NaN compares False
    return np.where(normal, 0.0 - t * np.log(ratio), _xlogy(t, t) - _xlogy(t, y))


def _kl_slice(y: FloatArray, t: FloatArray, values: FloatArray, grads: FloatArray,
              p: Mapping[str, ParamValue]) -> None:
    """:func:`_kl_terms` and −t/y on a slice whose ranges pass :func:`_kl_applies`, without
    the masks: y/t is then ≥ the smallest normal number, and where it is ∞ (t = 0, or a t so
    small that y/t overflows) the few terms are made the careful way."""
    # A slice whose first t is neither 0 nor 1 is soft: no need to count (two passes over t).
    soft = not (t[0] == 0 or t[0] == 1) or sum(ones_and_zeros(t)) < t.size
    if soft:
        np.divide(y, t, out=values)
        np.log(values, out=values)
    else:
        # A one-hot (or 0/1) slice: y/t is y where t = 1, and the t = 0 terms are +0.0 either
        # way, so 0.0 − t·log y is the same bits at cee's cost, without the division.
        np.log(y, out=values)
    np.multiply(t, values, out=values)
    np.subtract(0.0, values, out=values)
    if soft and not smallest(values) > -np.inf:  # NaN or −∞ somewhere (NaN compares False)
        odd = ~np.isfinite(values)  # 0·∞ = NaN where t = 0, −∞ where y/t overflowed
        values[odd] = _kl_terms(y[odd], t[odd])
    np.divide(t, y, out=grads)
    np.subtract(0.0, grads, out=grads)


def _kl_applies(r: Ranges, p: Mapping[str, ParamValue]) -> bool:
    # log y and t/y need no masks, and y/t never falls below the normal numbers
    # (division rounds monotonically, so the smallest y over the largest t bounds every y/t)
    return (_positive(*r.y) and bool(r.t_low >= 0 and r.t_high < np.inf)
            and (r.t_high == 0 or r.y_low / r.t_high >= _NORMAL_LOW))


_KL_FAST = FastPath(_kl_applies, _kl_slice, counts_targets=False)


def _kl(
    y: FloatArray, t: FloatArray, p: Params, r: Ranges | None
) -> tuple[FloatArray, FloatArray]:
    if r is not None and _KL_FAST.applies(r, p):
        return run_slices(_KL_FAST.kernel, y, t, p)
    return _kl_terms(y, t), 0.0 - _x_over_y(t, y)


def _hinge(
    y: FloatArray, t: FloatArray, p: Params, r: Ranges | None
) -> tuple[FloatArray, FloatArray]:
    grads = sign_labels(t)  # a fresh array: the gradient −t is made in its memory
    margin = np.multiply(grads, y)
    np.subtract(1.0, margin, out=margin)
    inactive = margin <= 0  # a NaN margin is a missing value, which evaluate blanks anyway
    np.negative(grads, out=grads)
    if r is not None and np.isfinite(r.t_low) and np.isfinite(r.t_high):
        # Without a select on the random mask (~4 ms at 10⁶): max(0, m) is +0.0 where m ≤ 0
        # (np.maximum gives its first argument on a tie, so −0.0 becomes +0.0) and keeps NaN;
        # −t·[active] + 0.0 is +0.0 where inactive, which a finite t makes exact (∞·0 is not).
        np.maximum(0.0, margin, out=margin)
        np.logical_not(inactive, out=inactive)
        np.multiply(grads, inactive, out=grads)
        np.add(grads, 0.0, out=grads)
        return margin, grads
    np.copyto(margin, 0.0, where=inactive)
    np.copyto(grads, 0.0, where=inactive)
    return margin, grads


# --- the checks --------------------------------------------------------------------------------
# Each sentence in English and Japanese (the article's terms: 正解 t, 予測 y, 損失).

_SET_EPS_CEE: Message = ("set eps (the book uses 1e-7) to keep it finite.",
                         "eps を設定すると(書籍では 1e-7)有限の値になります。")
_SET_EPS_BCE: Message = ("set eps (e.g. 1e-7) to clip y away from 0 and 1.",
                         "eps(例: 1e-7)を設定すると、y を 0 と 1 から離してクリップします。")
_RAISE_EPS: Message = ("raise eps.", "eps を大きくしてください。")
_CEE_PROBABILITIES: Message = ("cross-entropy expects probabilities.",
                               "交差エントロピー誤差は確率を想定しています。")
_BCE_PROBABILITIES: Message = ("binary cross-entropy expects probabilities.",
                               "2値交差エントロピー誤差は確率を想定しています。")
_BCE_TARGETS: Message = ("binary cross-entropy expects targets in [0, 1].",
                         "2値交差エントロピー誤差の正解 t は 0〜1 の値です。")
_CLASS_PROBABILITIES: Message = ("targets are class probabilities.",
                                 "正解 t はクラスの確率です。")
_KL_POSITIVE: Message = ("KL divergence needs y > 0 wherever t > 0.",
                         "KLダイバージェンスでは t > 0 のところで y > 0 が必要です。")
_KL_PROBABILITIES: Message = ("KL divergence compares probabilities.",
                              "KLダイバージェンスは確率分布どうしを比べます。")
# cee's sentences about t, with kl's meaning: where t = 1, t·log(t/y) is −log y, cee's term.
_KL_TARGET = checks.TargetMeaning(
    ("KL divergence", "KLダイバージェンス"),
    ("compares t and y as probability distributions, each summing to 1",
     "は t と y を、それぞれ合計 1 の確率分布として比べます"),
    ("t·log(t/y) = −log y", "t·log(t/y) = −log y"),
    ("KL ≥ 0 holds only between distributions, so with this t the total can be negative and "
     "the totals are not compared.",
     "KL ≥ 0 は確率分布どうしでしか成り立たないので、この t では合計が負になることもあり、"
     "合計どうしは比べません。"))


# kl's sentence about a y summing above 1 over a t that is not 0/1 (core.lowest).
_KL_Y_ABOVE_ONE: Message = (
    "KL ≥ 0 holds only between distributions, so with this y the total can be negative "
    "(below y = t's 0) and is not compared with the others.",
    "KL ≥ 0 は確率分布どうしでしか成り立たないので、この y では合計が負になる"
    "(y = t の 0 より小さくなる)こともあり、ほかの合計とは比べません。")

# Cross-entropy is H(t) + KL(t‖y): over distributions y it is lowest at y = t, where it is t's
# entropy H(t); the same Gibbs bound as kl's keeps a y summing to at most 1 above it, and only a
# y summing above 1 over a soft t can go below (t = [.5, .5]: y = [.6, .6] scores 0.51 < 0.69).
_CEE_Y_ABOVE_ONE: Message = (
    "Over distributions cross-entropy is lowest at y = t (where it is the entropy of t), so "
    "with this y the total can fall below that and is not compared with the others.",
    "確率分布どうしでは交差エントロピーは y = t のとき最小(そのときの値は t のエントロピー)"
    "なので、この y では合計がそれより小さくなることもあり、ほかの合計とは比べません。")


def _check_target_range(f: Findings, t: FloatArray, ok: BoolArray, expected: Message) -> None:
    """Flag a t outside [0, 1]; whole numbers from 2 up are called what they look like."""
    bounds = _t_range(f)
    high = bounds[1] if bounds is not None else float(np.nanmax(np.where(ok, t, np.nan),
                                                                initial=0.0))
    if high >= 2 and float(high).is_integer():
        expected = (f"t looks like class labels (0, 1, 2, …), not probabilities: {expected[0]} "
                    "Write the correct class as one-hot, e.g. class 2 of 3 as t = [0, 0, 1].",
                    f"t はクラスのラベル(0, 1, 2, …)のようで、確率ではありません。{expected[1]}"
                    "正解のクラスは one-hot で書きます(例: 3クラス中のクラス 2 は t = [0, 0, 1])。")
    checks.outside(f, t, "t", 0.0, 1.0, expected, ok, bounds)


def _check_nothing(f: Findings, y: FloatArray, t: FloatArray, p: Params, ok: BoolArray) -> None:
    return None


# Each check passes what the recorded ranges (f.ranges) prove, so that the full-array masks run
# only when something may be wrong.


def _y_range(f: Findings) -> tuple[float, float] | None:
    return f.ranges.y if f.ranges is not None else None


def _t_range(f: Findings) -> tuple[float, float] | None:
    return f.ranges.t if f.ranges is not None else None


def _check_cee(f: Findings, y: FloatArray, t: FloatArray, p: Params, ok: BoolArray) -> None:
    eps = float(p["eps"])
    hint = _SET_EPS_CEE if eps == 0 else _RAISE_EPS
    bounds = _y_range(f)
    lowest = bounds[0] + eps if bounds is not None else None  # y + eps is monotonic in y
    if lowest is None or not lowest > 0:
        checks.log_of_zero(f, y + eps, y, t, ok, hint)
    checks.outside(f, y, "y", 0.0, 1.0, _CEE_PROBABILITIES, ok, bounds)
    _check_target_range(f, t, ok, _CLASS_PROBABILITIES)
    checks.target_one_hot(f, t, ok)
    checks.prediction_sums(f, y, ok, t, _CEE_Y_ABOVE_ONE)


def _check_bce(f: Findings, y: FloatArray, t: FloatArray, p: Params, ok: BoolArray) -> None:
    eps = float(p["eps"])
    hint = _SET_EPS_BCE if eps == 0 else _RAISE_EPS
    bounds = _y_range(f)
    low, high = _clipped_range(bounds, eps) if bounds is not None else (np.nan, np.nan)
    if not (low > 0 and 1.0 - high > 0):
        clipped = np.clip(y, eps, 1.0 - eps) if eps > 0 else y
        smoothed = binary_smoothed(t, p)  # smoothing gives the other log a weight too
        checks.log_of_zero(f, clipped, y, smoothed, ok, hint, low)
        checks.log_of_zero(f, 1.0 - clipped, y, 1.0 - smoothed, ok, hint, 1.0 - high)
    checks.outside(f, y, "y", 0.0, 1.0, _BCE_PROBABILITIES, ok,
                   bounds)
    _check_target_range(f, t, ok, _BCE_TARGETS)


def _check_bce_logits(
    f: Findings, z: FloatArray, t: FloatArray, p: Params, ok: BoolArray
) -> None:
    _check_target_range(f, t, ok, _BCE_TARGETS)


def _check_softmax_cee(
    f: Findings, z: FloatArray, t: FloatArray, p: Params, ok: BoolArray
) -> None:
    _check_target_range(f, t, ok, _CLASS_PROBABILITIES)
    checks.target_one_hot(f, t, ok)


def _check_kl(f: Findings, y: FloatArray, t: FloatArray, p: Params, ok: BoolArray) -> None:
    bounds = _y_range(f)
    checks.log_of_zero(f, y, y, t, ok, _KL_POSITIVE,
                       bounds[0] if bounds is not None else None)
    checks.outside(f, y, "y", 0.0, 1.0, _KL_PROBABILITIES, ok, bounds)
    _check_target_range(f, t, ok, _KL_PROBABILITIES)
    checks.target_one_hot(f, t, ok, _KL_TARGET)
    checks.prediction_sums(f, y, ok, t, _KL_Y_ABOVE_ONE)


_CHECK_HINGE = margin.sign_label_check(("hinge loss", "ヒンジ損失"), zero_is_minus_one=True)

# --- the catalogue -----------------------------------------------------------------------------

_EPS_CEE: Message = (
    "added to y inside the log: log(y + eps). 0 reproduces the article; the book uses 1e-7.",
    "log の中で y に足す値: log(y + eps)。0 で記事と同じ値、書籍では 1e-7 を使います。",
)

def _float(name: str, default: float, help_text: Message, minimum: float | None = None,
           maximum: float | None = None) -> Param:
    return Param(name, ParamKind.FLOAT, default, help_text[0], minimum=minimum, maximum=maximum,
                 help_ja=help_text[1])


def _flag(name: str, default: bool, help_text: Message) -> Param:
    return Param(name, ParamKind.BOOL, default, help_text[0], help_ja=help_text[1])


_LABEL_SMOOTHING_BINARY = _float(
    "label_smoothing", 0.0,
    ("s: the target becomes t·(1 − s) + s/2 before the loss, as Keras.",
     "s: 損失の前に正解を t·(1 − s) + s/2 に置き換えます(Keras と同じ)。"),
    minimum=0.0, maximum=1.0)


def _poisson_input(params: Params) -> InputKind:
    return InputKind.LOG_RATE if params.get("log_input", True) else InputKind.RATE


LOSSES: tuple[Loss, ...] = (
    Loss(
        "sse", "Sum of squared error", "2乗和誤差", "E = Σₖ (yₖ − tₖ)²", InputKind.REAL,
        (
            _reduction("sum"),
            Param("half", ParamKind.BOOL, False,
                  "true multiplies by ½, as the book Deep Learning from Scratch does.",
                  help_ja="true にすると ½ を掛けます(書籍『ゼロから作るDeep Learning』の定義)。"),
        ),
        _squared, _check_nothing, total_shows_missing=True, task=Task.REGRESSION,
        when=("The article's loss: squared errors added up; big misses cost the most.",
              "記事の損失関数。誤差の2乗を足し合わせ、大きく外すほど重くなります。"),
    ),
    Loss(
        "cee", "Cross-entropy error", "交差エントロピー誤差", "E = −Σₖ tₖ log(yₖ + eps)",
        InputKind.PROBABILITY, (_eps(_EPS_CEE), _reduction("sum", samples=True)),
        _cee, _check_cee, Reduce.SAMPLES, task=Task.MULTI_CLASS, checks_sums=("y", "t"),
        fast=_CEE_FAST,
        when=("The article's loss for one correct class, on probabilities (softmax output).",
              "記事の損失関数。確率(ソフトマックスの出力)で正解クラスを1つ当てるとき。"),
    ),
    Loss(
        "mse", "Mean squared error", "平均2乗誤差", "E = (1/n) Σₖ (yₖ − tₖ)²", InputKind.REAL,
        (_reduction("mean"),), _squared, _check_nothing, total_shows_missing=True,
        task=Task.REGRESSION,
        when=("The default for regression: the mean squared error, as PyTorch and Keras.",
              "回帰の定番。誤差の2乗の平均(PyTorch・Keras と同じ)。"),
    ),
    Loss(
        "mae", "Mean absolute error", "平均絶対誤差", "E = (1/n) Σₖ |yₖ − tₖ|", InputKind.REAL,
        (_reduction("mean"),), _absolute, _check_nothing, total_shows_missing=True,
        task=Task.REGRESSION,
        when=("Regression with outliers: every unit of error costs the same.",
              "外れ値のある回帰。誤差の大きさに比例して同じだけ重くなります。"),
    ),
    Loss(
        "huber", "Huber loss", "Huber損失",
        "E = (1/n) Σₖ { ½(yₖ − tₖ)² if |yₖ − tₖ| < δ, else δ(|yₖ − tₖ| − ½δ) }",
        InputKind.REAL,
        (
            Param("delta", ParamKind.FLOAT, 1.0,
                  "where the loss turns from quadratic to linear (PyTorch huber_loss delta).",
                  minimum=1e-12, help_ja="損失が2次から1次に切り替わる位置(PyTorch の delta)。"),
            _reduction("mean"),
        ),
        _huber, _check_nothing, total_shows_missing=True, task=Task.REGRESSION,
        when=("Regression robust to outliers: squared near the target, linear far from it.",
              "外れ値に強い回帰。正解の近くでは2乗、遠くでは1次。"),
    ),
    Loss(
        "bce", "Binary cross-entropy", "2値交差エントロピー誤差",
        "E = −(1/n) Σₖ [tₖ log yₖ + (1 − tₖ) log(1 − yₖ)]", InputKind.PROBABILITY,
        (
            _eps(("when > 0, y is clipped to [eps, 1 − eps] before the logs.",
                  "0 より大きいと、log の前に y を [eps, 1 − eps] にクリップします。")),
            _LABEL_SMOOTHING_BINARY,
            _reduction("mean"),
        ),
        _bce, _check_bce, task=Task.BINARY,
        when=("Yes/no questions (or several at once, multi-label) on probabilities.",
              "確率で答える2択(複数同時ならマルチラベル)。"),
    ),
    Loss(
        "bce_logits", "Binary cross-entropy with logits", "ロジット入力の2値交差エントロピー誤差",
        "E = −(1/n) Σₖ [tₖ log σ(zₖ) + (1 − tₖ) log(1 − σ(zₖ))]", InputKind.LOGIT,
        (_reduction("mean"),), _bce_logits, _check_bce_logits, task=Task.BINARY,
        when=("Yes/no questions on logits, before the sigmoid: the stable way to train.",
              "シグモイドの前のロジットで答える2択。学習ではこちらが安定。"),
    ),
    Loss(
        "softmax_cee", "Softmax cross-entropy", "ソフトマックス交差エントロピー誤差",
        "E = −Σₖ tₖ log softmax(z)ₖ", InputKind.LOGIT,
        (
            Param("label_smoothing", ParamKind.FLOAT, 0.0,
                  "ε: the target becomes t·(1 − ε) + ε/K, as PyTorch cross_entropy.",
                  minimum=0.0, maximum=1.0,
                  help_ja="ε: 正解を t·(1 − ε) + ε/K に置き換えます(PyTorch の cross_entropy)。"),
            _reduction("mean", samples=True),
        ),
        _softmax_cee, _check_softmax_cee, Reduce.SAMPLES, task=Task.MULTI_CLASS, coupled=True,
        checks_sums=("t",),
        when=("One correct class out of K, on logits: PyTorch's cross_entropy.",
              "K クラスから正解1つをロジットで当てるとき(PyTorch の cross_entropy)。"),
    ),
    Loss(
        "kl", "Kullback–Leibler divergence", "KLダイバージェンス", "E = Σₖ tₖ log(tₖ / yₖ)",
        InputKind.PROBABILITY, (_reduction("mean", samples=True),), _kl, _check_kl,
        Reduce.SAMPLES, task=Task.MULTI_CLASS, checks_sums=("y", "t"), fast=_KL_FAST,
        when=("How far one probability distribution is from another (distillation, VAEs).",
              "確率分布どうしの隔たり(知識蒸留・VAE など)。"),
    ),
    Loss(
        "hinge", "Hinge loss", "ヒンジ損失", "E = (1/n) Σₖ max(0, 1 − tₖ·yₖ)", InputKind.SCORE,
        (_reduction("mean"),), _hinge, _CHECK_HINGE, task=Task.MARGIN,
        when=("Support-vector style yes/no: no cost once the score is right by a margin of 1.",
              "サポートベクターマシン型の2択。マージン 1 以上で正しければ損失 0。"),
    ),
    Loss(
        "smooth_l1", "Smooth L1 loss", "Smooth L1 損失",
        "E = (1/n) Σₖ { ½(yₖ − tₖ)²/β if |yₖ − tₖ| < β, else |yₖ − tₖ| − ½β }", InputKind.REAL,
        (
            _float("beta", 1.0, ("where the loss turns from quadratic to linear (PyTorch "
                                 "smooth_l1_loss beta; 0 is plain |y − t|).",
                                 "損失が2次から1次に切り替わる位置(PyTorch の beta。0 なら "
                                 "|y − t| そのもの)。"), minimum=0.0),
            _reduction("mean"),
        ),
        regression.smooth_l1, _check_nothing, total_shows_missing=True, task=Task.REGRESSION,
        when=("Box regression in object detection: Huber divided by β, slope at most 1.",
              "物体検出の枠の回帰など。Huber を β で割った形で、傾きは最大 1。"),
    ),
    Loss(
        "log_cosh", "Log-cosh loss", "log-cosh 損失", "E = (1/n) Σₖ log cosh(yₖ − tₖ)",
        InputKind.REAL, (_reduction("mean"),), regression.log_cosh, _check_nothing,
        total_shows_missing=True, task=Task.REGRESSION,
        when=("Smooth regression loss: like ½d² near the target, like |d| − log 2 far away.",
              "なめらかな回帰の損失。正解の近くでは ½d²、遠くでは |d| − log 2 のように"
              "振る舞います。"),
    ),
    Loss(
        "pinball", "Pinball (quantile) loss", "ピンボール損失(分位点損失)",
        "E = (1/n) Σₖ max(q·(tₖ − yₖ), (q − 1)·(tₖ − yₖ))", InputKind.REAL,
        (
            _float("quantile", 0.5, ("q, the quantile to predict (scikit-learn "
                                     "mean_pinball_loss calls it alpha); 0.5 is half the MAE.",
                                     "予測する分位点 q(scikit-learn の mean_pinball_loss では "
                                     "alpha)。0.5 は MAE の半分。"), minimum=0.0, maximum=1.0),
            _reduction("mean"),
        ),
        regression.pinball, _check_nothing, total_shows_missing=True, task=Task.REGRESSION,
        when=("Predicting a quantile (e.g. q = 0.9: a value exceeded 10 % of the time).",
              "分位点を予測するとき(例: q = 0.9 は 10 % の確率で上回る値)。"),
    ),
    Loss(
        "msle", "Mean squared logarithmic error", "平均2乗対数誤差",
        "E = (1/n) Σₖ (log(1 + yₖ) − log(1 + tₖ))²", InputKind.REAL,
        (_reduction("mean"),), regression.msle, regression.check_msle, task=Task.REGRESSION,
        when=("Targets spanning orders of magnitude (prices, counts): relative errors count.",
              "桁が大きく違う正解(価格・件数など)。相対的な誤差を測ります。"),
    ),
    Loss(
        "mape", "Mean absolute percentage error", "平均絶対パーセント誤差",
        "E = (100/n) Σₖ |tₖ − yₖ| / max(|tₖ|, eps)", InputKind.REAL,
        (
            _float("eps", regression.KERAS_EPSILON,
                   ("|t| is clipped at eps, as Keras (keras.backend.epsilon() = 1e-7).",
                    "|t| を eps でクリップします(Keras の keras.backend.epsilon() = 1e-7)。"),
                   minimum=0.0),
            _reduction("mean"),
        ),
        regression.mape, regression.check_mape, task=Task.REGRESSION,
        when=("Errors as a percentage of the target; only for targets far from 0.",
              "誤差を正解に対する百分率で。0 から離れた正解のときだけ。"),
    ),
    Loss(
        "poisson", "Poisson negative log-likelihood", "ポアソン負の対数尤度",
        "E = (1/n) Σₖ (e^yₖ − tₖ·yₖ) if log_input, else (yₖ − tₖ log(yₖ + eps))",
        InputKind.LOG_RATE,
        (
            _flag("log_input", True, ("true: y is log λ (PyTorch's default); false: y is the "
                                      "rate λ itself, as Keras poisson.",
                                      "true: y は log λ(PyTorch の既定)。false: y は率 λ "
                                      "そのもの(Keras の poisson と同じ)。")),
            _flag("full", False, ("true adds Stirling's log(t!) ≈ t·log t − t + ½ log(2πt) "
                                  "where t > 1, as PyTorch.",
                                  "true にすると t > 1 のところに Stirling の近似 log(t!) ≈ "
                                  "t·log t − t + ½ log(2πt) を足します(PyTorch と同じ)。")),
            _float("eps", 1e-8, ("added inside log(y + eps) when log_input is false.",
                                 "log_input が false のとき log(y + eps) の中で足す値。"),
                   minimum=0.0),
            _reduction("mean"),
        ),
        regression.poisson, regression.check_poisson, task=Task.REGRESSION,
        expects_with=_poisson_input,
        when=("Counts (visits, clicks, events per hour): y is log λ, the log of the expected "
              "count (log_input=true, PyTorch's default); λ itself with log_input=false.",
              "カウントデータ(来店数・クリック数・1時間の件数)。y は期待される件数 λ の対数 "
              "log λ(log_input=true、PyTorch の既定)。log_input=false なら λ そのもの。"),
    ),
    Loss(
        "squared_hinge", "Squared hinge loss", "2乗ヒンジ損失",
        "E = (1/n) Σₖ max(0, 1 − tₖ·yₖ)²", InputKind.SCORE,
        (_reduction("mean"),), margin.squared_hinge,
        margin.sign_label_check(("squared hinge loss", "2乗ヒンジ損失"), zero_is_minus_one=True),
        task=Task.MARGIN,
        when=("Hinge with a smooth corner: small margin violations cost little.",
              "角をなめらかにしたヒンジ。マージンを少し割るだけなら損失は小さい。"),
    ),
    Loss(
        "soft_margin", "Soft margin loss", "ソフトマージン損失",
        "E = (1/n) Σₖ log(1 + e^(−tₖ·yₖ))", InputKind.SCORE,
        (_reduction("mean"),), margin.soft_margin,
        margin.sign_label_check(("soft margin loss", "ソフトマージン損失"),
                                zero_is_minus_one=False),
        task=Task.MARGIN,
        when=("Logistic loss on labels −1/+1 (PyTorch soft_margin_loss): a smooth hinge.",
              "ラベル −1/+1 のロジスティック損失(PyTorch の soft_margin_loss)。なめらかなヒンジ。"),
    ),
    Loss(
        "focal", "Binary focal cross-entropy", "2値 focal 交差エントロピー",
        "E = (1/n) Σₖ (1 − pₖ)^γ · BCE(yₖ, tₖ), pₖ = tₖyₖ + (1 − tₖ)(1 − yₖ)",
        InputKind.PROBABILITY,
        (
            _float("gamma", 2.0, ("γ: how much easy, well-predicted elements are played down "
                                  "(0 is plain BCE), as Keras binary_focal_crossentropy.",
                                  "γ: よく当たっている易しい要素をどれだけ軽くするか(0 なら普通の"
                                  " BCE)。Keras の binary_focal_crossentropy と同じ。"),
                   minimum=0.0),
            _flag("apply_class_balancing", False,
                  ("true weights t = 1 by α and t = 0 by 1 − α (Keras's option).",
                   "true にすると t = 1 を α 倍、t = 0 を 1 − α 倍します(Keras のオプション)。")),
            _float("alpha", 0.25, ("α, the weight of t = 1 when apply_class_balancing is true.",
                                   "apply_class_balancing が true のときの t = 1 の重み α。"),
                   minimum=0.0, maximum=1.0),
            _LABEL_SMOOTHING_BINARY,
            _reduction("mean"),
        ),
        margin.focal, margin.check_focal, task=Task.BINARY,
        when=("Rare positives (detection): easy, confident elements count less than hard ones.",
              "正例が少ないとき(物体検出)。自信をもって当たっている要素を軽くします。"),
    ),
    Loss(
        "nll", "Negative log-likelihood", "負の対数尤度", "E = −Σₖ tₖ·yₖ",
        InputKind.LOG_PROBABILITY,
        (_reduction("mean", samples=True),), margin.nll, margin.check_nll, Reduce.SAMPLES,
        task=Task.MULTI_CLASS, checks_sums=("t",),
        when=("After log_softmax: PyTorch's nll_loss picks −y at the correct class.",
              "log_softmax の後に。PyTorch の nll_loss は正解クラスの −y をとります。"),
    ),
    Loss(
        "multi_margin", "Multi-class margin loss", "多クラスマージン損失",
        "E = (1/K) Σ_{i≠c} max(0, margin − z_c + zᵢ)^p", InputKind.CLASS_SCORE,
        (
            Param("p", ParamKind.CHOICE, "1", "1 or 2: the power of each term (PyTorch p).",
                  choices=("1", "2"), help_ja="1 か 2: 各項の累乗(PyTorch の p)。"),
            _float("margin", 1.0, ("how far the correct score must lead every other score.",
                                   "正解のスコアが他のスコアをどれだけ上回るべきか。"),
                   minimum=0.0),
            _reduction("mean", samples=True),
        ),
        margin.multi_margin,
        margin.one_class_check(("multi_margin", "multi_margin ")), Reduce.SAMPLES,
        task=Task.MARGIN, coupled=True,
        when=("Multi-class SVM (PyTorch multi_margin_loss): each wrong class within the margin "
              "costs.",
              "多クラス SVM(PyTorch の multi_margin_loss)。マージン内の誤りクラスごとに損失。"),
    ),
    Loss(
        "categorical_hinge", "Categorical hinge loss", "カテゴリカルヒンジ損失",
        "E = max(0, 1 + maxᵢ (1 − tᵢ)·zᵢ − Σᵢ tᵢ·zᵢ)", InputKind.CLASS_SCORE,
        (_reduction("mean", samples=True),), margin.categorical_hinge,
        margin.one_class_check(("categorical_hinge", "categorical_hinge ")), Reduce.SAMPLES,
        task=Task.MARGIN, coupled=True,
        when=("Keras's multi-class hinge: only the strongest rival class counts.",
              "Keras の多クラスヒンジ。最も強いライバルのクラスだけが効きます。"),
    ),
)

_BY_ID = {loss.id: loss for loss in LOSSES}


def get_loss(loss_id: str) -> Loss:
    """The loss with this id, or :class:`UnknownLossError` listing the ids there are."""
    try:
        return _BY_ID[loss_id]
    except KeyError:
        known = ", ".join(_BY_ID)
        guess = difflib.get_close_matches(loss_id, list(_BY_ID), n=1)  # `ssee`: sse
        hint, hint_ja = (f"did you mean {guess[0]}? ", f"{guess[0]} のことですか? ") if guess \
            else ("", "")
        raise UnknownLossError(
            f"unknown loss {quoted(loss_id)} ({hint}known: {known})",
            f"{quoted(loss_id)} という損失関数はありません({hint_ja}あるもの: {known})",
        ) from None


def grouped() -> list[tuple[Task, list[Loss]]]:
    """The catalogue by task, in the order the selector and `lossgui losses` show it."""
    return [(task, [loss for loss in LOSSES if loss.task is task]) for task in Task]


def reduction_divisor(loss: Loss, shape: tuple[int, ...], params: Params) -> int:
    """What the summed contributions are divided by: 1 for sum, else elements or samples."""
    if params.get("reduction", "sum") == "sum":
        return 1
    if loss.reduce is Reduce.SAMPLES:
        return shape[0] if len(shape) == 2 else 1
    return int(np.prod(shape)) if shape else 1


def scale_factor(loss: Loss, params: Params) -> float:
    """A constant factor in front of the sum (the book's ½ for SSE)."""
    return 0.5 if params.get("half") else 1.0

