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
from lossgui.core.checks import BoolArray, Findings, FloatArray
from lossgui.core.params import Param, ParamKind, ParamValue
from lossgui.core.problems import Severity, UnknownLossError, element_name

Params = dict[str, ParamValue]
Compute = Callable[[FloatArray, FloatArray, Params], tuple[FloatArray, FloatArray]]
Check = Callable[[Findings, FloatArray, FloatArray, Params, BoolArray], None]


class InputKind(Enum):
    """What a loss expects its predictions to be."""

    PROBABILITY = "probabilities in [0, 1]"
    LOGIT = "logits (any real number)"
    REAL = "real numbers"
    SCORE = "scores (any real number), with targets −1 or +1"


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

    def param(self, name: str) -> Param:
        """The declared parameter called ``name``."""
        return next(p for p in self.params if p.name == name)


def _reduction(default: str, samples: bool = False) -> Param:
    over = "the N samples (a 1-D vector is one sample)" if samples else "the number of elements"
    return Param(
        "reduction",
        ParamKind.CHOICE,
        default,
        f"sum adds the contributions; mean divides the sum by {over}.",
        choices=("sum", "mean"),
    )


def _eps(help_text: str) -> Param:
    return Param("eps", ParamKind.FLOAT, 0.0, help_text, minimum=0.0, maximum=0.5,
                 maximum_inclusive=False)


def _xlogy(x: FloatArray, y: FloatArray) -> FloatArray:
    """x·log y with 0·log y = 0 wherever x = 0, even where y is 0 (or negative)."""
    out = np.zeros(np.broadcast(x, y).shape)
    weighted = x != 0
    np.multiply(x, np.log(y, where=weighted, out=np.full_like(out, np.nan)), out=out,
                where=weighted)
    return out


def _x_over_y(x: FloatArray, y: FloatArray) -> FloatArray:
    """x / y with 0 wherever x = 0 (a zero target has no gradient, even where y is 0)."""
    out = np.zeros(np.broadcast(x, y).shape)
    weighted = x != 0
    np.divide(x, y, out=out, where=weighted)
    return out


# --- the definitions -------------------------------------------------------------------------


def _squared(y: FloatArray, t: FloatArray, p: Params) -> tuple[FloatArray, FloatArray]:
    d = y - t
    values = d * d
    d *= 2.0  # the gradient reuses d's memory: one 8 MB array fewer per million elements
    return values, d


def _absolute(y: FloatArray, t: FloatArray, p: Params) -> tuple[FloatArray, FloatArray]:
    d = y - t
    return np.abs(d), np.sign(d)


def _huber(y: FloatArray, t: FloatArray, p: Params) -> tuple[FloatArray, FloatArray]:
    delta = float(p["delta"])
    d = y - t
    small = np.abs(d) < delta
    values = np.where(small, 0.5 * d * d, delta * (np.abs(d) - 0.5 * delta))
    grads = np.where(small, d, delta * np.sign(d))
    return values, grads


def _cee(y: FloatArray, t: FloatArray, p: Params) -> tuple[FloatArray, FloatArray]:
    shifted = y + float(p["eps"])
    # 0.0 − x rather than −x: a zero target contributes +0.0, not −0.0, in files and JSON.
    return 0.0 - _xlogy(t, shifted), 0.0 - _x_over_y(t, shifted)


def _bce(y: FloatArray, t: FloatArray, p: Params) -> tuple[FloatArray, FloatArray]:
    eps = float(p["eps"])
    clipped = np.clip(y, eps, 1.0 - eps) if eps > 0 else y
    values = 0.0 - (_xlogy(t, clipped) + _xlogy(1.0 - t, 1.0 - clipped))
    grads = _x_over_y(1.0 - t, 1.0 - clipped) - _x_over_y(t, clipped)
    if eps > 0:  # clipped elements do not move the loss, as torch.clamp's gradient
        grads = np.where((y < eps) | (y > 1.0 - eps), 0.0, grads)
    return values, grads


def _sigmoid(z: FloatArray) -> FloatArray:
    """Logistic function without overflow: exp is only taken of −|z|."""
    e = np.exp(-np.abs(z))
    result: FloatArray = np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))
    return result


def _bce_logits(z: FloatArray, t: FloatArray, p: Params) -> tuple[FloatArray, FloatArray]:
    # max(z, 0) − z·t + log(1 + e^−|z|): the log-sum-exp form PyTorch uses, finite for any z.
    values = np.maximum(z, 0.0) - z * t + np.log1p(np.exp(-np.abs(z)))
    return values, _sigmoid(z) - t


def _smoothed(t: FloatArray, p: Params) -> FloatArray:
    smoothing = float(p["label_smoothing"])
    classes = t.shape[-1]
    return t * (1.0 - smoothing) + smoothing / classes if smoothing else t


def _softmax_cee(z: FloatArray, t: FloatArray, p: Params) -> tuple[FloatArray, FloatArray]:
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


def _kl(y: FloatArray, t: FloatArray, p: Params) -> tuple[FloatArray, FloatArray]:
    values = _xlogy(t, t) - _xlogy(t, y)
    return values, 0.0 - _x_over_y(t, y)


def _hinge_labels(t: FloatArray) -> FloatArray:
    labels: FloatArray = np.where(t == 0, -1.0, t)
    return labels


def _hinge(y: FloatArray, t: FloatArray, p: Params) -> tuple[FloatArray, FloatArray]:
    labels = _hinge_labels(t)
    margin = 1.0 - labels * y
    active = margin > 0
    return np.where(active, margin, 0.0), np.where(active, -labels, 0.0)


# --- the checks --------------------------------------------------------------------------------


def _check_nothing(f: Findings, y: FloatArray, t: FloatArray, p: Params, ok: BoolArray) -> None:
    return None


def _check_cee(f: Findings, y: FloatArray, t: FloatArray, p: Params, ok: BoolArray) -> None:
    eps = float(p["eps"])
    hint = "set eps (the book uses 1e-7) to keep it finite." if eps == 0 else "raise eps."
    checks.log_of_zero(f, y + eps, y, t, ok, hint)
    checks.outside(f, y, "y", 0.0, 1.0, "cross-entropy expects probabilities.", ok)
    checks.target_one_hot(f, t, ok)
    checks.prediction_sums(f, y, ok)


def _check_bce(f: Findings, y: FloatArray, t: FloatArray, p: Params, ok: BoolArray) -> None:
    eps = float(p["eps"])
    clipped = np.clip(y, eps, 1.0 - eps) if eps > 0 else y
    hint = "set eps (e.g. 1e-7) to clip y away from 0 and 1." if eps == 0 else "raise eps."
    checks.log_of_zero(f, clipped, y, t, ok, hint)
    checks.log_of_zero(f, 1.0 - clipped, y, 1.0 - t, ok, hint)
    checks.outside(f, y, "y", 0.0, 1.0, "binary cross-entropy expects probabilities.", ok)
    checks.outside(f, t, "t", 0.0, 1.0, "binary cross-entropy expects targets in [0, 1].", ok)


def _check_bce_logits(
    f: Findings, z: FloatArray, t: FloatArray, p: Params, ok: BoolArray
) -> None:
    checks.outside(f, t, "t", 0.0, 1.0, "binary cross-entropy expects targets in [0, 1].", ok)


def _check_softmax_cee(
    f: Findings, z: FloatArray, t: FloatArray, p: Params, ok: BoolArray
) -> None:
    checks.outside(f, t, "t", 0.0, 1.0, "targets are class probabilities.", ok)
    checks.target_one_hot(f, t, ok)


def _check_kl(f: Findings, y: FloatArray, t: FloatArray, p: Params, ok: BoolArray) -> None:
    checks.log_of_zero(f, y, y, t, ok, "KL divergence needs y > 0 wherever t > 0.")
    checks.outside(f, y, "y", 0.0, 1.0, "KL divergence compares probabilities.", ok)
    checks.outside(f, t, "t", 0.0, 1.0, "KL divergence compares probabilities.", ok)
    checks.prediction_sums(f, y, ok)


def _check_hinge(f: Findings, y: FloatArray, t: FloatArray, p: Params, ok: BoolArray) -> None:
    f.per_element(
        ok & (t == 0),
        "t_zero_as_minus_one",
        lambda i: f"{element_name('t', i)} = 0 is read as −1: hinge loss expects labels "
        "−1 and +1.",
        "t = 0 is read as −1.",
        Severity.NOTE,
    )
    f.per_element(
        ok & (t != 0) & (t != 1) & (t != -1),
        "t_not_sign",
        lambda i: f"{element_name('t', i)} = {checks.fmt(t[i])} is not −1 or +1: hinge loss "
        "expects labels −1 and +1.",
        "t is not −1 or +1.",
    )


# --- the catalogue -----------------------------------------------------------------------------

_EPS_CEE = "added to y inside the log: log(y + eps). 0 reproduces the article; the book uses 1e-7."

LOSSES: tuple[Loss, ...] = (
    Loss(
        "sse", "Sum of squared error", "2乗和誤差", "E = Σₖ (yₖ − tₖ)²", InputKind.REAL,
        (
            _reduction("sum"),
            Param("half", ParamKind.BOOL, False,
                  "true multiplies by ½, as the book Deep Learning from Scratch does."),
        ),
        _squared, _check_nothing,
    ),
    Loss(
        "cee", "Cross-entropy error", "交差エントロピー誤差", "E = −Σₖ tₖ log(yₖ + eps)",
        InputKind.PROBABILITY, (_eps(_EPS_CEE), _reduction("sum", samples=True)),
        _cee, _check_cee, Reduce.SAMPLES,
    ),
    Loss(
        "mse", "Mean squared error", "平均2乗誤差", "E = (1/n) Σₖ (yₖ − tₖ)²", InputKind.REAL,
        (_reduction("mean"),), _squared, _check_nothing,
    ),
    Loss(
        "mae", "Mean absolute error", "平均絶対誤差", "E = (1/n) Σₖ |yₖ − tₖ|", InputKind.REAL,
        (_reduction("mean"),), _absolute, _check_nothing,
    ),
    Loss(
        "huber", "Huber loss", "Huber損失",
        "E = (1/n) Σₖ { ½(yₖ − tₖ)² if |yₖ − tₖ| < δ, else δ(|yₖ − tₖ| − ½δ) }",
        InputKind.REAL,
        (
            Param("delta", ParamKind.FLOAT, 1.0,
                  "where the loss turns from quadratic to linear (PyTorch huber_loss delta).",
                  minimum=1e-12),
            _reduction("mean"),
        ),
        _huber, _check_nothing,
    ),
    Loss(
        "bce", "Binary cross-entropy", "2値交差エントロピー誤差",
        "E = −(1/n) Σₖ [tₖ log yₖ + (1 − tₖ) log(1 − yₖ)]", InputKind.PROBABILITY,
        (
            _eps("when > 0, y is clipped to [eps, 1 − eps] before the logs."),
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
                  minimum=0.0, maximum=1.0),
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
        raise UnknownLossError(f"unknown loss {loss_id!r} (known: {known})") from None


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

