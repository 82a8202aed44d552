"""The catalogue of losses: one small definition each.

Every definition gives the per-element loss values and their derivative with respect to y
*before* reduction; :mod:`lossgui.core.evaluate` applies the reduction, so that the invariants
(contributions sum to the total; the gradient is ∂total/∂y) hold by construction for every loss.
Conventions such as the book's ½ or δ are explicit parameters whose defaults reproduce the article.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum

import numpy as np

from lossgui.core import checks
from lossgui.core.arrays import BoolArray, FloatArray
from lossgui.core.checks import Findings, Ranges, within
from lossgui.core.numbers import short
from lossgui.core.params import Param, ParamKind, ParamValue
from lossgui.core.problems import Message, Severity, UnknownLossError, element_name

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

    def describe(self, language: str) -> str:
        """The phrase in ``language`` ("ja…" for Japanese, else English)."""
        return _INPUT_KIND_JA[self] if language.startswith("ja") else self.value


class Reduce(Enum):
    """What ``reduction=mean`` divides by."""

    ELEMENTS = "elements"  # elementwise losses: mean over every element, as PyTorch
    SAMPLES = "samples"  # losses summed over classes: mean over the N samples (1-D is one sample)


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

    def param(self, name: str) -> Param:
        """The declared parameter called ``name``."""
        return next(p for p in self.params if p.name == name)

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


def _xlogy(x: FloatArray, y: FloatArray) -> FloatArray:
    """x·log y with 0·log y = 0 wherever x = 0, even where y is 0 (or negative)."""
    out = np.zeros(np.broadcast(x, y).shape)
    weighted = x != 0
    np.multiply(x, np.log(y, where=weighted, out=np.full_like(out, np.nan)), out=out,
                where=weighted)
    return out


def _positive(low: float, high: float) -> bool:
    """Whether bounds prove every value finite and > 0, so log and division need no masks.

    There ``0·log y`` and ``0 / y`` are already ±0, which every caller turns into +0.0 by
    subtracting from 0.0 or adding a nonzero term: the fast paths give bit-identical results.
    """
    return bool(low > 0 and high < np.inf)  # NaN compares False


def _x_over_y(x: FloatArray, y: FloatArray) -> FloatArray:
    """x / y with 0 wherever x = 0 (a zero target has no gradient, even where y is 0)."""
    out = np.zeros(np.broadcast(x, y).shape)
    weighted = x != 0
    np.divide(x, y, out=out, where=weighted)
    return out


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
    values = np.abs(d)
    return values, np.sign(d, out=d)


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


def _cee(
    y: FloatArray, t: FloatArray, p: Params, r: Ranges | None
) -> tuple[FloatArray, FloatArray]:
    eps = float(p["eps"])
    shifted = y + eps
    if r is not None and _positive(r.y_low + eps, r.y_high + eps):
        # 0.0 − x rather than −x: a zero target contributes +0.0, not −0.0 (files and JSON).
        grads = np.divide(t, shifted)
        np.subtract(0.0, grads, out=grads)
        values = np.log(shifted, out=shifted)
        np.multiply(t, values, out=values)
        np.subtract(0.0, values, out=values)
        return values, grads
    return 0.0 - _xlogy(t, shifted), 0.0 - _x_over_y(t, shifted)


def _bce(
    y: FloatArray, t: FloatArray, p: Params, r: Ranges | None
) -> tuple[FloatArray, FloatArray]:
    eps = float(p["eps"])
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
    # σ(z) = 1/(1 + e) for z ≥ 0, e/(1 + e) otherwise: no overflow either way.
    np.add(1.0, e, out=scratch)
    grads = np.divide(e, scratch)
    np.divide(1.0, scratch, out=scratch)
    np.copyto(grads, scratch, where=z >= 0)
    np.subtract(grads, t, out=grads)
    return values, grads


def _smoothed(t: FloatArray, p: Params) -> FloatArray:
    smoothing = float(p["label_smoothing"])
    classes = t.shape[-1]
    return t * (1.0 - smoothing) + smoothing / classes if smoothing else t


def _softmax_cee(
    z: FloatArray, t: FloatArray, p: Params, r: Ranges | None
) -> tuple[FloatArray, FloatArray]:
    target = _smoothed(t, p)
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


def _kl(
    y: FloatArray, t: FloatArray, p: Params, r: Ranges | None
) -> tuple[FloatArray, FloatArray]:
    if r is not None and _positive(*r.y):  # t·log y and t / y need no masks
        grads = np.divide(t, y)
        np.subtract(0.0, grads, out=grads)
        values = np.log(y)
        np.multiply(t, values, out=values)
        np.subtract(_xlogy(t, t), values, out=values)
        return values, grads
    values = _xlogy(t, t) - _xlogy(t, y)
    return values, 0.0 - _x_over_y(t, y)


def _hinge_labels(t: FloatArray) -> FloatArray:
    labels: FloatArray = np.where(t == 0, -1.0, t)
    return labels


def _hinge(
    y: FloatArray, t: FloatArray, p: Params, r: Ranges | None
) -> tuple[FloatArray, FloatArray]:
    labels = _hinge_labels(t)
    margin = 1.0 - labels * y
    active = margin > 0
    return np.where(active, margin, 0.0), np.where(active, -labels, 0.0)


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
    checks.target_one_hot(f, t, ok)
    checks.prediction_sums(f, y, ok)


def _check_bce(f: Findings, y: FloatArray, t: FloatArray, p: Params, ok: BoolArray) -> None:
    eps = float(p["eps"])
    hint = _SET_EPS_BCE if eps == 0 else _RAISE_EPS
    bounds = _y_range(f)
    low, high = _clipped_range(bounds, eps) if bounds is not None else (np.nan, np.nan)
    if not (low > 0 and 1.0 - high > 0):
        clipped = np.clip(y, eps, 1.0 - eps) if eps > 0 else y
        checks.log_of_zero(f, clipped, y, t, ok, hint, low)
        checks.log_of_zero(f, 1.0 - clipped, y, 1.0 - t, ok, hint, 1.0 - high)
    checks.outside(f, y, "y", 0.0, 1.0, _BCE_PROBABILITIES, ok,
                   bounds)
    checks.outside(f, t, "t", 0.0, 1.0, _BCE_TARGETS, ok,
                   _t_range(f))


def _check_bce_logits(
    f: Findings, z: FloatArray, t: FloatArray, p: Params, ok: BoolArray
) -> None:
    checks.outside(f, t, "t", 0.0, 1.0, _BCE_TARGETS, ok,
                   _t_range(f))


def _check_softmax_cee(
    f: Findings, z: FloatArray, t: FloatArray, p: Params, ok: BoolArray
) -> None:
    checks.outside(f, t, "t", 0.0, 1.0, _CLASS_PROBABILITIES, ok, _t_range(f))
    checks.target_one_hot(f, t, ok)


def _check_kl(f: Findings, y: FloatArray, t: FloatArray, p: Params, ok: BoolArray) -> None:
    bounds = _y_range(f)
    checks.log_of_zero(f, y, y, t, ok, _KL_POSITIVE,
                       bounds[0] if bounds is not None else None)
    checks.outside(f, y, "y", 0.0, 1.0, _KL_PROBABILITIES, ok, bounds)
    checks.outside(f, t, "t", 0.0, 1.0, _KL_PROBABILITIES, ok,
                   _t_range(f))
    checks.prediction_sums(f, y, ok)


def _check_hinge(f: Findings, y: FloatArray, t: FloatArray, p: Params, ok: BoolArray) -> None:
    f.per_element(
        ok & (t == 0),
        "t_zero_as_minus_one",
        lambda i: (f"{element_name('t', i)} = 0 is read as −1: hinge loss expects labels "
                   "−1 and +1.",
                   f"{element_name('t', i)} = 0 は −1 として読みます。ヒンジ損失は −1 と +1 の"
                   "ラベルを想定しています。"),
        ("t = 0 is read as −1.", "t = 0 は −1 として読みます。"),
        Severity.NOTE,
    )
    f.per_element(
        ok & (t != 0) & (t != 1) & (t != -1),
        "t_not_sign",
        lambda i: (f"{element_name('t', i)} = {short(t[i])} is not −1 or +1: hinge loss "
                   "expects labels −1 and +1.",
                   f"{element_name('t', i)} = {short(t[i])} は −1 でも +1 でもありません。"
                   "ヒンジ損失は −1 と +1 のラベルを想定しています。"),
        ("t is not −1 or +1.", "t が −1 でも +1 でもありません。"),
    )


# --- the catalogue -----------------------------------------------------------------------------

_EPS_CEE: Message = (
    "added to y inside the log: log(y + eps). 0 reproduces the article; the book uses 1e-7.",
    "log の中で y に足す値: log(y + eps)。0 で記事と同じ値、書籍では 1e-7 を使います。",
)

LOSSES: tuple[Loss, ...] = (
    Loss(
        "sse", "Sum of squared error", "2乗和誤差", "E = Σₖ (yₖ − tₖ)²", InputKind.REAL,
        (
            _reduction("sum"),
            Param("half", ParamKind.BOOL, False,
                  "true multiplies by ½, as the book Deep Learning from Scratch does.",
                  help_ja="true にすると ½ を掛けます(書籍『ゼロから作るDeep Learning』の定義)。"),
        ),
        _squared, _check_nothing, total_shows_missing=True,
    ),
    Loss(
        "cee", "Cross-entropy error", "交差エントロピー誤差", "E = −Σₖ tₖ log(yₖ + eps)",
        InputKind.PROBABILITY, (_eps(_EPS_CEE), _reduction("sum", samples=True)),
        _cee, _check_cee, Reduce.SAMPLES,
    ),
    Loss(
        "mse", "Mean squared error", "平均2乗誤差", "E = (1/n) Σₖ (yₖ − tₖ)²", InputKind.REAL,
        (_reduction("mean"),), _squared, _check_nothing, total_shows_missing=True,
    ),
    Loss(
        "mae", "Mean absolute error", "平均絶対誤差", "E = (1/n) Σₖ |yₖ − tₖ|", InputKind.REAL,
        (_reduction("mean"),), _absolute, _check_nothing, total_shows_missing=True,
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
        _huber, _check_nothing, total_shows_missing=True,
    ),
    Loss(
        "bce", "Binary cross-entropy", "2値交差エントロピー誤差",
        "E = −(1/n) Σₖ [tₖ log yₖ + (1 − tₖ) log(1 − yₖ)]", InputKind.PROBABILITY,
        (
            _eps(("when > 0, y is clipped to [eps, 1 − eps] before the logs.",
                  "0 より大きいと、log の前に y を [eps, 1 − eps] にクリップします。")),
            _reduction("mean"),
        ),
        _bce, _check_bce,
    ),
    Loss(
        "bce_logits", "Binary cross-entropy with logits", "ロジット入力の2値交差エントロピー誤差",
        "E = −(1/n) Σₖ [tₖ log σ(zₖ) + (1 − tₖ) log(1 − σ(zₖ))]", InputKind.LOGIT,
        (_reduction("mean"),), _bce_logits, _check_bce_logits,
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
        _softmax_cee, _check_softmax_cee, Reduce.SAMPLES,
    ),
    Loss(
        "kl", "Kullback–Leibler divergence", "KLダイバージェンス", "E = Σₖ tₖ log(tₖ / yₖ)",
        InputKind.PROBABILITY, (_reduction("sum", samples=True),), _kl, _check_kl,
        Reduce.SAMPLES,
    ),
    Loss(
        "hinge", "Hinge loss", "ヒンジ損失", "E = (1/n) Σₖ max(0, 1 − tₖ·yₖ)", InputKind.SCORE,
        (_reduction("mean"),), _hinge, _check_hinge,
    ),
)

_BY_ID = {loss.id: loss for loss in LOSSES}


def get_loss(loss_id: str) -> Loss:
    """The loss with this id, or :class:`UnknownLossError` listing the ids there are."""
    try:
        return _BY_ID[loss_id]
    except KeyError:
        known = ", ".join(_BY_ID)
        raise UnknownLossError(
            f"unknown loss {loss_id!r} (known: {known})",
            f"{loss_id!r} という損失関数はありません(あるもの: {known})",
        ) from None


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

